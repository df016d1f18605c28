#!/bin/sh
# Staff on a course for staff: enrolled as staff, and counted apart from
# participants and relatives in the reports.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20

lms course new ansatte --title "Opplæring for ansatte" --target-group staff \
	--start 2026-09-01 --count 2 --time 09:00-11:00 --capacity 10
lms course set ansatte status=open
lms enrol ansatte p-test01
is_rc 0 "enrols on a course for staff"
lms enrol ansatte p-test02 --referral other
lms enrol ansatte p-test03 --role participant
is_rc 0 "a role given is kept"
is_file "staff by default on a course for staff alone" \
	courses/ansatte/enrolments.yaml <<'OUT'
- person: p-test01
  role: staff
  status: enrolled
  requested: 2026-08-20
  municipality: "5001"
- person: p-test02
  role: staff
  status: enrolled
  requested: 2026-08-20
  referral: other
  municipality: "5059"
- person: p-test03
  role: participant
  status: enrolled
  requested: 2026-08-20
  municipality: "5001"
OUT
lms enrol matlaging p-test04
lms enrol ansatte p-test05 --role relative --force
is_rc 0 "a relative on a staff course, when asked for"
like "participants elsewhere" '^  role: participant$' \
	"$(sed -n 2p courses/matlaging/enrolments.yaml)"

# A sheet without a role column takes the course's default too.
printf 'name,municipality\nAnsatt Seks,5001\n' >../sheet.csv
lms enrol ansatte --csv ../sheet.csv
is_rc 0 "a sheet on a course for staff"
like "its people are staff" '^  role: staff$' \
	"$(tail -n 5 courses/ansatte/enrolments.yaml | sed -n 2p)"
printf 'name,role\nAnsatt Sju,ansatt\n' >../sheet.csv
lms enrol matlaging --csv ../sheet.csv
like "a sheet says staff in Norwegian" '^  role: staff$' \
	"$(tail -n 4 courses/matlaging/enrolments.yaml | sed -n 2p)"

lms report --exact --format csv
is_rc 0 "the report"
is_out "staff are a column of their own, not participants" <<'OUT'
# internal: exact figures, not for sharing
course,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
ansatte,1,0,1,1,5,0,,0,,12,0,0,,,,,0,3
matlaging,1,0,1,0,2,0,,0,,18,0,0,,,,,1,1
total,2,0,2,1,7,0,,0,,12,0,0,,,,,1,4
OUT
lms report course ansatte
like "the course report counts its staff" '^staff among them:     3$' "$out"
like "and its relatives" '^relatives among them: 1$' "$out"
lms report course matlaging
! printf '%s\n' "$out" | grep -q 'staff among them: *0'
report $? "a course without staff says nothing of them"

lms enrol ansatte p-test06 --role boss
is_rc 2 "an unknown role"

echo "1..$tests"
[ "$failures" -eq 0 ]
