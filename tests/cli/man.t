#!/bin/sh
# Each command's usage line matches the SYNOPSIS of its manual page, and
# the pages are clean under mandoc -Tlint.
. "$(dirname "$0")/lib.sh"

MAN=$(cd "$(dirname "$0")/../../man" && pwd)
use_tree basic

# The SYNOPSIS entries of a page, one per line, whitespace squeezed.
synopsis() {
	mandoc -Tascii -Owidth=1000 "$MAN/$1" | sed 's/.\x08//g' | awk '
		/^[A-Z]/ { in_syn = ($0 == "SYNOPSIS"); next }
		!in_syn || /^ *$/ { next }
		/^     [^ ]/ { if (entry != "") print entry; entry = $0; next }
		{ entry = entry " " $0 }
		END { if (entry != "") print entry }' |
	sed 's/^ *//; s/  */ /g'
}

# The usage lines lms prints for a command on a usage error.
usage_of() {
	"$LMS" "$@" --no-such-option 2>&1 >/dev/null |
	sed -n 's/^usage: //p; s/^   or: //p'
}

# The commands, from lms help, and the verbs of those that have them.
commands=$("$LMS" help | sed -n 's/^   \([a-z][a-z]*\)  .*/\1/p')
[ -n "$commands" ]
report $? "lms help lists the commands"

for c in $commands; do
	verbs=$("$LMS" "$c" --no-such-option 2>&1 |
		sed -n "s/^lms: 'lms $c' needs one of: //p" |
		tr -d ',')
	page=lms-$c.1
	[ -f "$MAN/$page" ]
	report $? "$c has a manual page ($page)"
	[ -f "$MAN/$page" ] || continue
	synopsis "$page" >"$SCRATCH/synopsis"
	: >"$SCRATCH/usage"
	if [ -n "$verbs" ]; then
		for v in $verbs; do
			usage_of "$c" "$v" >>"$SCRATCH/usage"
		done
	else
		usage_of "$c" >>"$SCRATCH/usage"
	fi
	# Every usage line is a SYNOPSIS entry of the page.
	missing=$(grep -vxF -f "$SCRATCH/synopsis" "$SCRATCH/usage")
	[ -s "$SCRATCH/usage" ] && [ -z "$missing" ]
	report $? "the usage of lms $c matches the SYNOPSIS of $page"
	[ -z "$missing" ] || printf '# not in SYNOPSIS: %s\n' "$missing"
done

usage_of >"$SCRATCH/usage"
synopsis lms.1 >"$SCRATCH/synopsis"
missing=$(grep -vxF -f "$SCRATCH/synopsis" "$SCRATCH/usage")
[ -z "$missing" ]
report $? "the usage of lms matches the SYNOPSIS of lms.1"

[ -f "$MAN/lms-files.5" ]
report $? "the file formats have a page"
lint=$(mandoc -Tlint -Wwarning "$MAN"/*.[15] 2>&1)
[ -z "$lint" ]
report $? "mandoc -Tlint -Wwarning finds nothing"
[ -z "$lint" ] || printf '%s\n' "$lint" | sed 's/^/# /'

done_testing
