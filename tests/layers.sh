#!/bin/sh
# Fails when a file of lib/ includes a header of a layer above its own.
#
#   tests/layers.sh LAYER...
#
# The layers are lib's folders, named from the bottom up (the Makefile's
# LAYERS): a file may include headers of its own layer and of those
# before it, never of one after it.  A header of lib/ that is in no layer
# is an error too, so that a new folder cannot slip past the check.
set -u

rank_of() {
	i=0
	for l in $layers; do
		[ "$l" = "$1" ] && { echo "$i"; return; }
		i=$((i + 1))
	done
	echo -1
}

layers=$*
status=0
headers=$(for l in $layers; do ls "lib/$l"/*.h 2>/dev/null; done)

for dir in lib/*/; do
	l=$(basename "$dir")
	if [ "$(rank_of "$l")" -lt 0 ]; then
		echo "lib/$l: a folder of lib that is no layer (see LAYERS in the Makefile)"
		status=1
	fi
done

for l in $layers; do
	mine=$(rank_of "$l")
	for f in "lib/$l"/*.[ch]; do
		[ -e "$f" ] || continue
		grep -n '^#include "[^"]*"' "$f" | { bad=0
		while IFS= read -r line; do
			n=${line%%:*}
			h=${line#*\"}
			h=${h%\"*}
			where=$(echo "$headers" | grep "/$h\$" | head -n 1)
			[ -n "$where" ] || continue	# made by the build
			theirs=$(basename "$(dirname "$where")")
			if [ "$(rank_of "$theirs")" -gt "$mine" ]; then
				echo "$f:$n: includes $theirs/$h, a layer above $l"
				bad=1
			fi
		done
		exit $bad; } || status=1
	done
done
exit $status
