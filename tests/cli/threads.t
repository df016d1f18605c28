#!/bin/sh
# LMS_THREADS: the courses read by 1, 2 or 8 threads give the same output,
# byte for byte, and a bad value is refused.
. "$(dirname "$0")/lib.sh"

# Each course five times more, under ids of their own, so that a walk
# has more courses than a batch (lms_walk_courses) for every thread.
multiply() {
	for c in courses/*; do
		id=${c#courses/}
		for k in 1 2 3 4 5; do
			cp -R "$c" "$c-$k"
			sed -i "s/^id: $id\$/id: $id-$k/" "$c-$k/course.yaml"
		done
	done
}

# same DESCRIPTION ARGS...: lms ARGS with 1, 2 and 8 threads exits alike
# and prints the same, byte for byte, on stdout and stderr.
same() {
	name=$1
	shift
	LMS_THREADS=1 "$LMS" "$@" >"$SCRATCH/out1" 2>"$SCRATCH/err1"
	rc1=$?
	for n in 2 8; do
		LMS_THREADS=$n "$LMS" "$@" >"$SCRATCH/out$n" 2>"$SCRATCH/err$n"
		rc=$?
		[ "$rc" -eq "$rc1" ] &&
			cmp -s "$SCRATCH/out1" "$SCRATCH/out$n" &&
			cmp -s "$SCRATCH/err1" "$SCRATCH/err$n"
		report $? "$name: $n threads as 1"
		diff -u "$SCRATCH/out1" "$SCRATCH/out$n" | sed 's/^/# /' | head -20
	done
	# and not by chance: there is something to compare
	[ -s "$SCRATCH/out1" ] || [ -s "$SCRATCH/err1" ]
	report $? "$name: prints something"
}

use_tree report
multiply
same "course list" course list
same "course list as CSV, filtered" course list --format csv \
	--from 2026-10-01 --status open
same "report by municipality" report --by municipality --format csv
same "report by course" report --by course --format csv
same "report as text" report
same "check" check
same "check of two courses" check 2026-09-matlaging-3 2026-10-kom-i-form

cd "$SCRATCH" || exit 1
use_tree check
multiply
same "check of a tree with broken files" check
same "course list stopped by a broken plan" course list
LMS_THREADS=8 lms course list
is_rc 65 "a broken plan stops the list with 8 threads"
is_err "the first broken plan in the order of ids is named" <<'ERR'
courses/feil/course.yaml:1:1: error: id 'morgen2' differs from the course's folder 'feil'
ERR

# A bad value is refused before anything is read.
for v in 0 -1 17 abc 2x " 2" +2 1.5 99999999999999999999; do
	LMS_THREADS=$v lms course list
	is_rc 2 "LMS_THREADS='$v' refused"
	is_err "LMS_THREADS='$v' named in the message" <<ERR
lms: LMS_THREADS must be a whole number from 1 to 16, not '$v'
ERR
done
LMS_THREADS= lms course list
is_rc 65 "an empty LMS_THREADS is as unset"
LMS_THREADS=16 lms course list
is_rc 65 "LMS_THREADS=16, the most, is taken"

done_testing
