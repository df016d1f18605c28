#!/bin/sh
# Reading a walk's files ahead, many at a time (lib/io/ahead.h), changes
# no result: course list, report and check print the same, errors
# included, and exit the same with it as without it (LMS_READ_AHEAD=0),
# on one thread and on two, also where course folders hold what is no
# small regular file: a FIFO with a writer, a folder, a link, an empty
# file, files at and past the size read ahead.  And a FIFO's bytes are
# left in it.
. "$(dirname "$0")/lib.sh"

# both DESCRIPTION ARG...: lms ARG... with and without reading ahead, on
# one thread and on two.
both() {
	name=$1
	shift
	for threads in 1 2; do
		LMS_THREADS=$threads lms "$@"
		mv "$SCRATCH/stdout" "$SCRATCH/stdout.ahead"
		mv "$SCRATCH/stderr" "$SCRATCH/stderr.ahead"
		ahead_rc=$rc
		LMS_THREADS=$threads LMS_READ_AHEAD=0 lms "$@"
		cmp -s "$SCRATCH/stdout.ahead" "$SCRATCH/stdout" &&
			cmp -s "$SCRATCH/stderr.ahead" "$SCRATCH/stderr" &&
			[ "$ahead_rc" -eq "$rc" ]
		report $? "$name, $threads thread(s): the same read ahead or not"
		diff -u "$SCRATCH/stdout.ahead" "$SCRATCH/stdout" >"$SCRATCH/diff"
		quote "$SCRATCH/diff"
		diff -u "$SCRATCH/stderr.ahead" "$SCRATCH/stderr" >"$SCRATCH/diff"
		quote "$SCRATCH/diff"
	done
}

# pad FILE SIZE: FILE, with a comment at its end, of SIZE bytes.
pad() {
	have=$(wc -c <"$1")
	{ printf '#'; head -c $(($2 - have - 2)) /dev/zero | tr '\0' 'x'
	  echo; } >>"$1"
}

use_tree report

both "course list" course list
both "report by municipality" report --by municipality --format csv
both "report by course" report --by course --format csv
both "check" check --format csv

c=courses
# 16384 bytes (what a read ahead takes at most) and one byte less.
pad $c/2026-09-matlaging/enrolments.yaml 16384
pad $c/2026-10-kom-i-form/enrolments.yaml 16383
pad $c/2026-10-mestringstreff/course.yaml 70000
: >$c/2026-08-trening-etter-kreft/evaluations.yaml
rm -f $c/2026-12-gruppeledelse/attendance.yaml
mkdir $c/2026-12-gruppeledelse/attendance.yaml
mv $c/2027-02-matlaging/course.yaml $c/2027-02-matlaging/plan.yaml
ln -s plan.yaml $c/2027-02-matlaging/course.yaml
rm -f $c/2026-10-parorendeskole-demens/enrolments.yaml
mkfifo $c/2026-10-parorendeskole-demens/enrolments.yaml
exec 3<>$c/2026-10-parorendeskole-demens/enrolments.yaml
printf 'secret\n' >&3

both "course list of odd files" course list
both "report of odd files" report --by municipality --format csv
is_rc 65 "the report refuses them"
like "a FIFO is refused as one" "it is a FIFO, not a regular file" "$err"
both "check of odd files" check --format csv

left=$(timeout 5 head -c 7 <&3)
exec 3<&-
[ "$left" = secret ]
report $? "what the FIFO held is still in it"

done_testing
