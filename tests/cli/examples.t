#!/bin/sh
# The example trees (examples/, which make demo tours) are clean: lms
# check finds nothing in them as of the day they are kept at, so that
# what the demo and the man pages show of them is what lms says.  The
# user representatives took part in the meetings they are declared for.
. "$(dirname "$0")/lib.sh"

EXAMPLES=$(cd "$(dirname "$0")/../../examples" && pwd)
export LMS_TODAY=2026-11-25

for tree in narvik fredrikstad; do
	cp -R "$EXAMPLES/$tree" "$SCRATCH/$tree"
	lms -C "$SCRATCH/$tree" check
	is_rc 0 "examples/$tree: lms check"
	is_out "finds nothing" </dev/null
	is_err "warns of nothing" </dev/null
	lms -C "$SCRATCH/$tree" check --rule participation --format csv
	is_out "not even of user participation" <<'OUT'
path,line,col,severity,rule,message
OUT
done

done_testing
