#!/bin/sh
# Fails when a file of lib/ includes a header of a layer above its own.
#
#   tests/layers.sh LAYER...
#
# The layers are lib's folders, named from the bottom up (the Makefile's
# LAYERS): a file may include headers of its own layer and of those
# before it, never of one after it.  A header of lib/ that is in no layer
# is an error too, so that a new folder cannot slip past the check.
#
# It fails too where a path of the tree is spelled outside lib/store, the
# one place that knows the tree's layout (lib/store/layout.h): a literal
# naming a folder of the tree or a YAML file, lms_tree_path, or the
# store's buffer of the last file read.
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
# Paths of the tree belong to the store.  A message may name a file to
# its reader ("a course folder without course.yaml", "in forms/"): the
# words of a message (_("...")) are no path lms reads or writes.  The layers below the store know no tree but the
# journal of a change, which is the transaction's own (txn.h) and in the
# store's table as such.
outside=$(ls lib/*/*.[ch] cmd/*.[ch] 2>/dev/null |
	grep -v '^lib/store/\|^lib/base/\|^lib/io/')
if grep -nE '"[^"]*(courses|people|forms|templates|\.lms)/[^" ]+"|\.yaml"|lms_tree_path *\(|tree(\.|->)text\b' \
	$outside | grep -vE '^[^:]*:[0-9]+: *(/?\*|//)|_\("'; then
	echo "(above: a path of the tree outside lib/store; name the file by its enum lms_file, see lib/store/layout.h)"
	status=1
fi
# lib/ frees with lms_free, which leaves arena memory to its arena
# (lib/base/arena.h): free(3) on a string a walk's loader made would
# abort.  Only the allocator itself calls free.
if grep -nE '\bfree *\(' $(ls lib/*/*.c | grep -v '^lib/base/alloc\.c$') |
	grep -vE '^[^:]*:[0-9]+: *(/?\*|//)'; then
	echo "(above: free(3) in lib/; use lms_free, see lib/base/arena.h)"
	status=1
fi
exit $status
