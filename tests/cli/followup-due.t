#!/bin/sh
# The later evaluation: lms evaluate --phase followup, the change before
# and at follow-up in the course report, and lms followup --due.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20

ans() {
	echo "hverdagen=$1 hjelp=$1 mal=$1 tilbakeslag=$1 ressurser=$1" \
	     "si-fra=$1 oppgitt=$1 pavirke=$1"
}
lms course new mt --title "Mestringstreff" --template mestringstreff \
	--start 2026-09-01 --count 2
for p in 1 2 4; do lms enrol mt p-test0$p; done
export LMS_TODAY=2026-09-01
lms evaluate mt --form mestringstro --phase pre --person p-test01 $(ans 2)
lms evaluate mt --form mestringstro --phase pre --person p-test02 $(ans 1)
lms attend mt 1 --all
export LMS_TODAY=2026-09-08
lms attend mt 2 --all --absent p-test04

lms followup --due
is_rc 0 "nobody is due on a course still running"
is_out "an empty list" <<'OUT'
COURSE  PERSON  NAME  PHONE  EMAIL  DUE
OUT

lms course close mt
export LMS_TODAY=2026-12-10
lms followup --due
is_rc 0 "followup --due"
is_out "lists who completed, 3 months after the last session" <<'OUT'
COURSE  PERSON    NAME         PHONE       EMAIL           DUE
mt      p-test01  Deltaker En  900 00 001                  2026-12-08
mt      p-test02  Deltaker To              to@example.org  2026-12-08
OUT

lms evaluate mt --form mestringstro --phase followup --person p-test01 \
	$(ans 3)
is_rc 0 "evaluate --phase followup"
is_out "records it" <<'OUT'
recorded p-test01's followup response to mestringstro
OUT
lms evaluate mt --form mestringstro --phase followup --person p-test01 \
	$(ans 3)
is_rc 1 "a second follow-up response"
is_err "is refused" <<'OUT'
lms: p-test01 has answered the follow-up form 'mestringstro' already
OUT

lms followup --due --format csv
is_rc 0 "followup --due --format csv"
is_out "no longer lists who answered" <<'OUT'
course,person,name,phone,email,due
mt,p-test02,Deltaker To,,to@example.org,2026-12-08
OUT

lms course set mt followup_after="6 monthz"
is_rc 65 "followup_after is checked"
is_err "with a message that says what it takes" <<'OUT'
lms: the change would leave courses/mt/course.yaml invalid: followup_after: '6 monthz' is not a number of months or days (such as 3 months or 90 days)
OUT
lms course set mt followup_after="90 days"
lms followup --due mt
is_out "followup_after moves the due date" <<'OUT'
COURSE  PERSON    NAME         PHONE  EMAIL           DUE
mt      p-test02  Deltaker To         to@example.org  2026-12-07
OUT

lms report course mt
is_rc 0 "the course report"
printf '%s\n' "$out" | sed -n '/^Before and at follow-up/,$p' \
	>"$SCRATCH/section"
diff -u - "$SCRATCH/section" >"$SCRATCH/diff" <<'OUT'
Before and at follow-up: Tro på egen mestring
---------------------------------------------
The same score, asked again some months after the course. Pairs are the same
person's first answer before the course and last answer at follow-up; the
change is follow-up minus before.

WHEN          RESPONSES  SCORED  MEAN    SD
before                2       2  1.75  0.53
at follow-up          1       1  2.88     -

PAIRS  CHANGE  CI_LOW  CI_HIGH  T  DF  P  D_Z  IMPROVED
    1    0.75       -        -  -   -  -    -      100%
OUT
report $? "shows the change before and at follow-up, as before and after"
quote "$SCRATCH/diff"
case $out in
*p-test0*) report 1 "and names no participant" ;;
*) report 0 "and names no participant" ;;
esac

done_testing
