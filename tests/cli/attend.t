#!/bin/sh
# lms attend, roster, followup and course close: a course's sessions.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
for p in p-test01 p-test02 p-test03 p-test04; do
	"$LMS" enrol matlaging $p >/dev/null
done
export LMS_TODAY=2026-09-15

lms attend matlaging 1 --all --excused p-test03
is_rc 0 "marks everyone enrolled, but one excused"
is_out "and counts the session" <<'OUT'
session 1, 2026-09-07: 2 present, 0 absent, 1 excused
OUT
lms attend matlaging 2026-09-10 p-test01 --absent p-test02,p-test03
is_rc 0 "names a session by its date"
lms attend matlaging 3 --absent p-test02 --excused p-test01
lms attend matlaging 3 p-test03
is_out "marks add to a session's record" <<'OUT'
session 3, 2026-09-14: 1 present, 1 absent, 1 excused
OUT
is_file "attendance is kept by date, people by id" \
	courses/matlaging/attendance.yaml <<'OUT'
"2026-09-07":
  p-test01: present
  p-test02: present
  p-test03: excused
"2026-09-10":
  p-test01: present
  p-test02: absent
  p-test03: absent
"2026-09-14":
  p-test01: excused
  p-test02: absent
  p-test03: present
OUT

remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms attend "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
}
refuse 66 "a person on the waiting list" \
	"p-test04 is on the waiting list of course 'matlaging', not on the course" \
	matlaging 4 p-test04
refuse 66 "a person not on the course" \
	"p-test07 is not on course 'matlaging'" matlaging 4 --absent p-test07
refuse 66 "a session that does not exist" \
	"course 'matlaging' has no session 5 (it has 4)" matlaging 5 --all
refuse 66 "a day without a session" \
	"course 'matlaging' has no session on 2026-09-08" \
	matlaging 2026-09-08 --all
refuse 2 "something that is no session" \
	"'next' is not a session: give its number or its date" \
	matlaging next --all
refuse 2 "nobody named" "nobody to mark: name people or give --all" \
	matlaging 4
refuse 2 "a person named twice" "p-test01 is named twice" \
	matlaging 4 p-test01 --absent p-test01
refuse 2 "names and a headcount" "a headcount is for sessions without names" \
	matlaging 4 p-test01 --headcount participants=3
refuse 2 "a bad headcount" \
	"--headcount: 'adults=3' is not participants=N or relatives=N" \
	matlaging 4 --headcount adults=3
unchanged "the refusals changed nothing"

lms roster matlaging
is_rc 0 "the roster"
is_out "names, contacts, the grid and the waiting list" <<'OUT'
Matlaging og kosthold (matlaging): 3 enrolled of 3 places, 1 on the waiting list

ID        NAME           PHONE       EMAIL           ROLE         STATUS        09-07  09-10  09-14  09-17
p-test01  Deltaker En    900 00 001                  participant  enrolled      P      P      E
p-test02  Deltaker To                to@example.org  participant  enrolled      P      A      A
p-test03  Deltaker Tre                               participant  enrolled      E      A      P
p-test04  Deltaker Fire                              participant  waitlisted 1
present                                                                         2      1      1
OUT
lms roster matlaging --format csv
is_out "as CSV, without the counts" <<'OUT'
id,name,phone,email,role,status,09-07,09-10,09-14,09-17
p-test01,Deltaker En,900 00 001,,participant,enrolled,P,P,E,
p-test02,Deltaker To,,to@example.org,participant,enrolled,P,A,A,
p-test03,Deltaker Tre,,,participant,enrolled,E,A,P,
p-test04,Deltaker Fire,,,participant,waitlisted 1,,,,
OUT
lms roster matlaging --sheet
is_rc 0 "a sign-in sheet"
is_out "for the next session: names only, and rows for the places left" <<'OUT'
Sign-in sheet: Matlaging og kosthold
Session 4 of 4: Thursday 2026-09-17, 11:00-14:00, Treffstedet, kjøkkenet

#  NAME                            SIGNATURE
1  Deltaker En                     ______________________________

2  Deltaker To                     ______________________________

3  Deltaker Tre                    ______________________________

4  ______________________________  ______________________________

5  ______________________________  ______________________________

6  ______________________________  ______________________________

7  ______________________________  ______________________________

8  ______________________________  ______________________________

This sheet names people: keep it with the course's papers,
and shred it when the attendance is recorded.
OUT
! grep -q '900\|@' "$SCRATCH/stdout"
report $? "no phone number or e-mail address on it"
lms roster matlaging --sheet --contacts --blank 1
is_rc 0 "with --contacts"
is_out "the phone and e-mail columns, and as many blank rows as asked" <<'OUT'
Sign-in sheet: Matlaging og kosthold
Session 4 of 4: Thursday 2026-09-17, 11:00-14:00, Treffstedet, kjøkkenet

#  NAME                      PHONE           EMAIL                 SIGNATURE
1  Deltaker En               900 00 001                            ____________________

2  Deltaker To                               to@example.org        ____________________

3  Deltaker Tre                                                    ____________________

4  ________________________  ______________  ____________________  ____________________

This sheet names people: keep it with the course's papers,
and shred it when the attendance is recorded.
OUT
lms roster matlaging --sheet --format html
is_rc 0 "as HTML"
like "a page to print" '^@page { size: A4;' "$out"
like "a row for each person" \
	'^<tr><td class="n">2</td><td>Deltaker To</td><td class="sign"></td></tr>$' "$out"
like "and for each walk-in" \
	'^<tr class="blank"><td class="n">8</td><td></td><td class="sign"></td></tr>$' "$out"
! printf '%s\n' "$out" | grep -q '900\|@example\|<tr class="blank"><td class="n">9<'
report $? "no contacts, no more rows"
lms roster matlaging --sheet --format html --blank 30
printf '%s\n' "$out" >"$SCRATCH/sheet.html"
! grep -q 'src=\|href=\|<script\|@import\|url(' "$SCRATCH/sheet.html"
report $? "the HTML sheet fetches nothing"
html_valid "html-validate finds no error in it" "$SCRATCH/sheet.html"
if outside_reader chromium pdftotext; then
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$SCRATCH/chromium" --no-pdf-header-footer \
		--print-to-pdf="$SCRATCH/sheet.pdf" \
		"file://$SCRATCH/sheet.html" >/dev/null 2>&1
	pdftotext -layout "$SCRATCH/sheet.pdf" "$SCRATCH/sheet.txt"
	grep -c '# *NAME *SIGNATURE' "$SCRATCH/sheet.txt" >"$SCRATCH/count"
	is_file "a browser prints 33 rows on two A4 pages, the header on each" \
		"$SCRATCH/count" <<'OUT'
2
OUT
	grep -q '^ *33 *$' "$SCRATCH/sheet.txt"
	report $? "with every row numbered"
else
	echo "ok $((tests + 1)) # SKIP $no_reader"
	echo "ok $((tests + 2)) # SKIP $no_reader"
	tests=$((tests + 2))
fi
lms roster matlaging --sheet --format html --contacts --blank 0
like "with --contacts, their columns" \
	'^<tr><td class="n">1</td><td>Deltaker En</td><td>900 00 001</td><td></td><td class="sign"></td></tr>$' "$out"
lms roster matlaging --contacts
is_rc 2 "--contacts is for the sheet"
like "says so" "--contacts is for --sheet" "$err"
lms roster matlaging --sheet --format csv
is_rc 2 "a sheet is text or HTML"
like "says so" "a sign-in sheet is text or html" "$err"
lms roster matlaging --sheet --blank -1
is_rc 2 "--blank takes a number"
lms roster matlaging --sheet --session 2
like "or for a session named" "^Session 2 of 4: Thursday 2026-09-10, 11:00-14:00" "$out"
like "with its theme" "^Theme: Vi lager mat sammen$" "$out"
lms roster matlaging --session 2
is_rc 2 "--session needs --sheet"

lms followup
is_rc 0 "followup"
is_out "lists who missed the last two sessions held" <<'OUT'
COURSE     PERSON    NAME         PHONE  EMAIL           LAST_PRESENT
matlaging  p-test02  Deltaker To         to@example.org  2026-09-07
OUT
lms followup matlaging --format csv
is_out "excused absences are not missed" <<'OUT'
course,person,name,phone,email,last_present
matlaging,p-test02,Deltaker To,,to@example.org,2026-09-07
OUT

# A drop-in session counts heads.
lms attend matlaging 4 --headcount participants=7,relatives=2
is_rc 0 "a headcount"
is_out "is recorded" <<'OUT'
session 4, 2026-09-17: headcount 7 participants, 2 relatives
OUT
tail -2 courses/matlaging/attendance.yaml >"$SCRATCH/tail"
is_file "in the session's record" "$SCRATCH/tail" <<'OUT'
"2026-09-17":
  headcount: {participants: 7, relatives: 2}
OUT

lms roster matlaging --sheet --session 4
printf '%s\n' "$out" | grep -c '^ *[0-9]*  _____' >"$SCRATCH/count"
is_file "a course that counts heads is a drop-in: 15 blank rows at least" \
	"$SCRATCH/count" <<'OUT'
15
OUT
"$LMS" course new treff --title Treff --start 2026-09-01 --count 2 \
	--time 18:00-20:00 >/dev/null
"$LMS" attend treff 1 --headcount participants=20,relatives=2 >/dev/null
lms roster treff --sheet --session 2
printf '%s\n' "$out" | grep -c '^ *[0-9]*  _____' >"$SCRATCH/count"
is_file "and as many as came to one session, when more did" \
	"$SCRATCH/count" <<'OUT'
22
OUT

# The sheet is in Norwegian order: case ignored, Æ, Ø, Å after Z, Ä as
# Æ and É as E.
"$LMS" course new navn --title Navn --start 2026-10-01 --count 1 \
	--time 18:00-20:00 >/dev/null
for name in "Åse Eksempel" "Øystein Eksempel" "Äsa Eksempel" \
	"Ærlig Eksempel" "Zakarias Eksempel" "anne eksempel" \
	"Bjørn Eksempel" "Élise Eksempel"; do
	"$LMS" enrol navn "$("$LMS" person add --name "$name")" >/dev/null
done
lms roster navn --sheet
printf '%s\n' "$out" |
	sed -n 's/^ *[0-9]*  \([^ _].*[Ee]ksempel\) .*/\1/p' >"$SCRATCH/names"
is_file "the sign-in sheet lists names in Norwegian order" \
	"$SCRATCH/names" <<'OUT'
anne eksempel
Bjørn Eksempel
Élise Eksempel
Zakarias Eksempel
Ærlig Eksempel
Äsa Eksempel
Øystein Eksempel
Åse Eksempel
OUT

# Closing: completion is 0.75 of the four sessions held.
"$LMS" attend matlaging 4 --all >/dev/null
export LMS_TODAY=2026-09-20
lms course close matlaging --follow-up p-test01=self-help-group
is_rc 0 "closes the course"
is_out "judging completion by attendance" <<'OUT'
p-test01 completed (3 of 4 sessions), follow-up: self-help-group
p-test02 not-completed (2 of 4 sessions)
p-test03 not-completed (2 of 4 sessions)
1 completed, 2 not completed
OUT
grep -q '^status: completed' courses/matlaging/course.yaml
report $? "the course is completed"
grep -A5 'person: p-test01' courses/matlaging/enrolments.yaml |
	grep -q '^  follow_up: self-help-group$'
report $? "the follow-up offer is on the enrolment"

"$LMS" course new later --title "Senere" --start 2026-10-01 --count 2 >/dev/null
remember
lms course close later
is_rc 1 "a course that has held no session cannot close"
is_err "and says so" <<'OUT'
lms: course 'later' has held no session yet
OUT
lms course close matlaging --follow-up p-test07=self-help-group
is_rc 66 "a follow-up for someone not on the course"
is_err "says so" <<'OUT'
lms: p-test07 is not on course 'matlaging'
OUT
lms course close matlaging --follow-up p-test04=self-help-group
is_rc 66 "a follow-up for someone on the waiting list"
is_err "says where they are" <<'OUT'
lms: p-test04 is on the waiting list of course 'matlaging', not on the course
OUT
lms course close matlaging --follow-up p-test01=self-help-group \
	--follow-up p-test01=other
is_rc 2 "two follow-ups for one person"
like "is refused" "^lms: p-test01 is named twice$" "$err"
lms course close matlaging --follow-up self-help-group
is_rc 2 "a follow-up that is not PERSON=WHAT"
lms course close nope
is_rc 66 "an unknown course"
unchanged "the refusals changed nothing"
lms enrol matlaging p-test07
is_rc 1 "a completed course takes no enrolments"

# Attendance after the close: --all marks those who were on the course
# (completed or not, never the waiting list), and the verdicts follow.
lms attend matlaging 2 --all
is_rc 0 "--all after the close"
is_out "marks those on the course, and judges completion again" <<'OUT'
session 2, 2026-09-10: 3 present, 0 absent, 0 excused
p-test02: not-completed -> completed (3 of 4 sessions)
p-test03: not-completed -> completed (3 of 4 sessions)
OUT
! grep -q p-test04 courses/matlaging/attendance.yaml
report $? "the waiting list is not marked"
grep -c '^  status: completed$' courses/matlaging/enrolments.yaml >"$SCRATCH/n"
is_file "the verdicts are written" "$SCRATCH/n" <<'OUT'
3
OUT
lms attend matlaging 2 --absent p-test03
is_out "a verdict can go back" <<'OUT'
session 2, 2026-09-10: 2 present, 1 absent, 0 excused
p-test03: completed -> not-completed (2 of 4 sessions)
OUT
lms attend matlaging 3 p-test01
is_out "a mark that changes no verdict says only the session" <<'OUT'
session 3, 2026-09-14: 2 present, 1 absent, 0 excused
OUT
grep -A5 'person: p-test01' courses/matlaging/enrolments.yaml |
	grep -q '^  follow_up: self-help-group$'
report $? "the follow-up offer stays"

# A roster reads only what it shows: a form missing from forms/ or a
# broken evaluations file is no reason to refuse a sign-in sheet.
cp courses/matlaging/course.yaml "$SCRATCH/course.yaml"
sed -i 's/^forms: .*/forms: [kursevaluering, finnes-ikke]/' courses/matlaging/course.yaml
echo '- [' >courses/matlaging/evaluations.yaml
lms roster matlaging --sheet
is_rc 0 "a roster despite a missing form and a broken evaluations file"
cp "$SCRATCH/course.yaml" courses/matlaging/course.yaml

done_testing
