#!/bin/sh
# The interest list that outlives a course: lms enrol --next and lms course
# new --from-waitlist carry a waiting list over, in order, once.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-02-20

lms course new mt-v26 --title "Vår" --template mestringstreff \
	--start 2026-03-03 --count 2 --capacity 2
for p in 1 2 3 4 6; do
	lms enrol mt-v26 p-test0$p --date 2026-02-1$p
done
lms withdraw mt-v26 p-test03
lms enrol --next mt-v26
is_rc 1 "a course that has not ended keeps its waiting list"
is_err "and says why" <<'OUT'
lms: course 'mt-v26' has not ended: its waiting list still moves up there
OUT

export LMS_TODAY=2026-08-20
lms enrol --next mt-v26
is_rc 66 "no next run of the template"
is_err "says so, and how to make one" <<'OUT'
lms: no later course of template 'mestringstreff' takes enrolments (make one with lms course new)
OUT

lms course new mt-h26 --title "Høst" --template mestringstreff \
	--start 2026-09-01 --count 2 --capacity 2
lms enrol mt-h26 p-test07 --date 2026-08-01
lms enrol --next mt-v26
is_rc 0 "carries the waiting list to the next run"
is_out "the first in line gets the free place, the next waits" <<'OUT'
p-test04 enrolled on mt-h26
p-test06 waitlisted on mt-h26 (number 1 on the waiting list)
mt-v26 -> mt-h26: 1 enrolled, 1 waitlisted, 0 on it already
OUT
is_file "with their request dates" courses/mt-h26/enrolments.yaml <<'OUT'
- person: p-test07
  role: participant
  status: enrolled
  requested: 2026-08-01
  municipality: "5001"
- person: p-test04
  role: participant
  status: enrolled
  requested: 2026-02-14
  municipality: "5001"
  moved_up: 2026-08-20
- person: p-test06
  role: participant
  status: waitlisted
  requested: 2026-02-16
  municipality: "5001"
OUT
lms enrol --next mt-v26
is_rc 0 "again"
is_out "carries no one twice" <<'OUT'
mt-v26 -> mt-h26: 0 enrolled, 0 waitlisted, 0 on it already
OUT
lms check
is_rc 0 "lms check accepts both courses"
cp courses/mt-v26/enrolments.yaml "$SCRATCH/e.good"
sed 's/carried_to: mt-h26/carried_to: mt-h62/' "$SCRATCH/e.good" \
	>courses/mt-v26/enrolments.yaml
sed 's/status: waitlisted/status: waitlisted\n  still_in_group: true/' \
	courses/mt-v26/enrolments.yaml >"$SCRATCH/e"
lms check mt-v26
is_rc 1 "a carry-over to a course that is not there"
like "is a finding" "enrolments.yaml:[0-9]*:3: error: carried_to: no course 'mt-h62' \\[references\\]" "$out"
cp "$SCRATCH/e" courses/mt-v26/enrolments.yaml
lms check mt-v26
like "someone asked at follow-up who did not complete" "error: still_in_group: p-test0[0-9] did not complete the course, and is not asked at follow-up \\[schema\\]" "$out"
cp "$SCRATCH/e.good" courses/mt-v26/enrolments.yaml

lms course new mt-v27 --title "Vår 27" --template mestringstreff \
	--start 2027-03-02 --count 2 --capacity 2 --from-waitlist mt-h26
is_rc 1 "course new refuses a list that still moves up"
[ ! -e courses/mt-v27 ]
report $? "and makes no course"

lms course new mt-x --title "X" --start 2026-10-01 --count 1 \
	--from-waitlist mt-v26
is_rc 0 "course new --from-waitlist"
is_out "says whom it carried: no one left" <<'OUT'
created course mt-x: 1 session, 2026-10-01 to 2026-10-01
mt-v26 -> mt-x: 0 enrolled, 0 waitlisted, 0 on it already
OUT

lms enrol --next
is_rc 2 "--next needs the course that ended"
lms enrol --next mt-v26 --force
is_rc 2 "and no other options"

done_testing
