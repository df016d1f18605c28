#!/bin/sh
# lms enrol and withdraw: places, the waiting list, and every refusal.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20

lms enrol matlaging p-test01 --referral gp --date 2026-08-10
is_rc 0 "enrols while places remain"
is_out "and says how many are taken" <<'OUT'
p-test01 enrolled (1 of 3 places taken)
OUT
lms enrol matlaging p-test02
lms enrol matlaging p-test03
is_out "the last place" <<'OUT'
p-test03 enrolled (3 of 3 places taken)
OUT
lms enrol matlaging p-test04
is_rc 0 "a full course with a waiting list"
is_out "puts people on it, first come first served" <<'OUT'
p-test04 waitlisted (number 1 on the waiting list)
OUT
lms enrol matlaging p-test06 --role relative --relative-of p-test01
is_out "relatives queue too" <<'OUT'
p-test06 waitlisted (number 2 on the waiting list)
OUT
is_file "the enrolments, in request order" courses/matlaging/enrolments.yaml <<'OUT'
- person: p-test01
  role: participant
  status: enrolled
  requested: 2026-08-10
  referral: gp
  municipality: "5001"
- person: p-test02
  role: participant
  status: enrolled
  requested: 2026-08-20
  municipality: "5059"
- person: p-test03
  role: participant
  status: enrolled
  requested: 2026-08-20
  municipality: "5001"
- person: p-test04
  role: participant
  status: waitlisted
  requested: 2026-08-20
  municipality: "5001"
- person: p-test06
  role: relative
  status: waitlisted
  requested: 2026-08-20
  municipality: "5001"
  relative_of: p-test01
OUT

# Refusals change nothing.
remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms "$@"
	is_rc "$expected_rc" "$description"
	is_out "$description: prints nothing" </dev/null
	like "$description: says so" "$message" "$err"
}
refuse 1 "a person enrolled already" \
	"p-test01 is enrolled on course 'matlaging' already" \
	enrol matlaging p-test01
refuse 1 "a person on the waiting list already" \
	"p-test04 is on the waiting list on course 'matlaging' already" \
	enrol matlaging p-test04
refuse 1 "a resident of another municipality" \
	"p-test05 lives in 1234, which is neither the host nor a partner" \
	enrol matlaging p-test05
refuse 66 "a person not in the register" \
	"no such person: 'p-nobody' (see lms person add)" \
	enrol matlaging p-nobody
refuse 66 "an unknown course" "no such course: 'nope'" enrol nope p-test07
refuse 66 "support for someone unknown" "no such person: 'p-nobody'" \
	enrol matlaging p-test07 --relative-of p-nobody
refuse 2 "a participant who supports someone" \
	"only a relative supports someone" \
	enrol matlaging p-test07 --role participant --relative-of p-test01
refuse 2 "an unknown role" "--role: 'child' is not one of participant, relative" \
	enrol matlaging p-test07 --role child
refuse 2 "an unknown referral" \
	"--referral: 'fastlege' is not one of self, gp, healthy-life-centre, specialist, municipal, nav, user-organisation, other" \
	enrol matlaging p-test07 --referral fastlege
refuse 2 "a bad person id" "invalid person id 'Kari'" enrol matlaging Kari
refuse 2 "no person" "give a course and a person" enrol matlaging
refuse 2 "a request dated after today" "--date: 2026-08-21 is after today" \
	enrol matlaging p-test07 --date 21.8.2026
unchanged "the refusals changed nothing"

lms enrol matlaging p-test05 --force
is_rc 0 "--force enrols a resident of another municipality"

# A full course without a waiting list refuses with exit 1.
"$LMS" course set matlaging waitlist=false >/dev/null
remember
lms enrol matlaging p-test07
is_rc 1 "a full course without a waiting list refuses"
is_err "and says why" <<'OUT'
lms: course 'matlaging' is full (3 places) and has no waiting list
OUT
unchanged "and changes nothing"
"$LMS" course set matlaging waitlist=true >/dev/null

lms withdraw matlaging p-test02
is_rc 0 "withdraws an enrolled person"
is_out "and moves the first on the waiting list up" <<'OUT'
p-test02 withdrawn from matlaging
p-test04 moved up from the waiting list: enrolled
OUT
lms withdraw matlaging p-test06
is_out "withdrawing from the waiting list moves nobody" <<'OUT'
p-test06 withdrawn from matlaging
OUT
lms withdraw matlaging p-test02
is_rc 66 "a person not enrolled cannot withdraw"
is_err "and is told so" <<'OUT'
lms: p-test02 is not enrolled on course 'matlaging'
OUT

lms course set matlaging capacity=5
is_rc 0 "raising the capacity"
is_out "moves the waiting list up" <<'OUT'
capacity: 3 -> 5
p-test05 moved up from the waiting list: enrolled
OUT

LMS_TODAY=2026-08-21
lms enrol matlaging p-test02 --date 2026-08-21
LMS_TODAY=2026-08-20
is_out "someone who withdrew may come back, queueing anew" <<'OUT'
p-test02 enrolled (5 of 5 places taken)
OUT
tail -5 courses/matlaging/enrolments.yaml >"$SCRATCH/tail"
is_file "with one record, moved to the end" "$SCRATCH/tail" <<'OUT'
- person: p-test02
  role: participant
  status: enrolled
  requested: 2026-08-21
  municipality: "5059"
OUT

"$LMS" course set matlaging status=cancelled >/dev/null
lms enrol matlaging p-test07
is_rc 1 "a cancelled course takes no enrolments"
is_err "and says so" <<'OUT'
lms: course 'matlaging' is cancelled: it takes no enrolments
OUT

chmod 644 people/participants.yaml
lms enrol matlaging p-test07
is_rc 1 "a register that others can read is refused"
is_err "with the remedy" <<'OUT'
lms: 'people/participants.yaml' can be read by others (mode 644): it holds names and contacts; make it private with: chmod 600 people/participants.yaml
OUT

done_testing
