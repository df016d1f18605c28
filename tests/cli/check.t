#!/bin/sh
# lms check: each rule finds what it should on a broken copy of a sound
# tree and nothing on the sound one; the formats, --rule, --no-rule,
# --strict and the exit status.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
"$LMS" course new kveld --title "Kveldskurs" --start 2026-09-07 --count 2 \
	--time 18:00-20:00 --place "Helsehuset" --capacity 4 >/dev/null
"$LMS" course assign kveld fag-en >/dev/null
"$LMS" course assign kveld bruker-to >/dev/null
"$LMS" course set kveld forms=kursevaluering >/dev/null
"$LMS" enrol matlaging p-test01 >/dev/null
"$LMS" enrol kveld p-test02 >/dev/null
cp -R . "$SCRATCH/sound"

# Back to the sound tree, for the next rule.
fresh() {
	cd "$SCRATCH" && rm -rf enrol && cp -R sound enrol && cd enrol || exit 1
	chmod 600 people/participants.yaml
	chmod 600 people/report-key
}

lms check
is_rc 0 "a sound tree passes"
is_out "and nothing is said" </dev/null
is_err "not even a summary" </dev/null

# schema
sed -i 's/^capacity: 3$/capasity: 3/; s/^status: open /status: opne /' \
	courses/matlaging/course.yaml
lms check --rule schema
is_rc 1 "schema: a value that is not allowed fails the course file"
is_out "and is placed, with the values allowed" <<'OUT'
courses/matlaging/course.yaml:5:9: error: status: 'opne' is not one of planned, open, running, completed, cancelled [schema]
OUT
is_err "with a count at the end" <<'OUT'
lms: 1 error
OUT
sed -i 's/^status: opne /status: open /' courses/matlaging/course.yaml
lms check --rule schema
is_rc 0 "schema: an unknown key is a warning"
is_out "with a suggestion" <<'OUT'
courses/matlaging/course.yaml:6:1: warning: unknown key 'capasity' in course (did you mean 'capacity'?) [schema]
OUT
is_err "counted" <<'OUT'
lms: 1 warning
OUT
lms check --rule schema --strict
is_rc 1 "--strict fails on warnings too"
fresh
mv courses/kveld courses/kveld2
mkdir courses/Tom courses/tom
sed -i 's/requested: 2026-08-20/requested: 2026-98-20/' courses/matlaging/enrolments.yaml
lms check --rule schema
is_rc 1 "schema: ids, folders and the files lms writes"
is_out "each is found" <<'OUT'
courses/Tom: error: a course folder's name must be a course id: lower-case letters, digits and '-' [schema]
courses/kveld2/course.yaml:1:1: error: the id 'kveld' is not the folder's name 'kveld2' [schema]
courses/matlaging/enrolments.yaml:4:14: error: 1.requested: '2026-98-20' is not a date (YYYY-MM-DD) [schema]
courses/tom: error: a course folder without course.yaml [schema]
OUT

fresh
LMS_TODAY=2026-09-20 "$LMS" evaluate matlaging --form kursevaluering \
	--phase session --session 1 --person p-test01 nytte=4 >/dev/null
sed -i 's/answers: {nytte: 4}/answers: {nytte: 9, nytta: 3}/' \
	courses/matlaging/evaluations.yaml
lms check --rule schema
is_rc 1 "schema: answers that are not on the form"
is_out "are placed on the response" <<'OUT'
courses/matlaging/evaluations.yaml:1:3: error: nytte: 9 is not on the scale from 1 to 5 [schema]
courses/matlaging/evaluations.yaml:1:3: error: the form 'kursevaluering' has no item 'nytta' [schema]
OUT
sed -i 's/^id: matlaging/id: [matlaging/' courses/matlaging/course.yaml
printf '  # ring 912 34 567\n' >>courses/matlaging/enrolments.yaml
lms check
is_rc 1 "a plan of the wrong type does not load"
is_out "is one error, and the files beside it are still read" <<'OUT'
courses/matlaging/course.yaml:2:5: error: id: expected a single value, not a list [schema]
courses/matlaging/enrolments.yaml:6:10: error: this looks like a phone number: personal data does not belong in a file that goes to git [privacy]
OUT

# dates
fresh
cat >>courses/matlaging/course.yaml <<'EOF'
EOF
sed -i 's/{date: 2026-09-14, start: "11:00", end: "14:00", theme: Handling på budsjett}/{date: 2026-09-14, start: "11:00", end: "10:00", theme: Handling}/' \
	courses/matlaging/course.yaml
sed -i 's/{date: 2026-09-17, start: "11:00", end: "14:00"}/{date: 2026-09-10, start: "13:00", end: "15:00"}/' \
	courses/matlaging/course.yaml
lms check --rule dates
is_rc 1 "dates: end before start, out of order, overlapping"
is_out "each is placed on its session" <<'OUT'
courses/matlaging/course.yaml:28:5: error: the session on 2026-09-14 11:00-10:00 does not end after it starts [dates]
courses/matlaging/course.yaml:29:5: warning: the session on 2026-09-10 13:00-15:00 comes after the one on 2026-09-14 11:00-10:00 in the file; lms numbers sessions in date order [dates]
courses/matlaging/course.yaml:29:5: error: the session 2026-09-10 13:00-15:00 overlaps the session 2026-09-10 11:00-14:00 [dates]
OUT
fresh
LMS_TODAY=2026-10-01 lms check --rule dates
is_rc 0 "dates: a course left open after its last session is a warning"
is_out "that says how to close it" <<'OUT'
courses/kveld/course.yaml:3:1: warning: the course is still planned, but its last session was on 2026-09-14: close it with 'lms course close kveld' [dates]
courses/matlaging/course.yaml:5:1: warning: the course is still open, but its last session was on 2026-09-17: close it with 'lms course close matlaging' [dates]
OUT
sed -i 's/^status: open /status: completed /' courses/matlaging/course.yaml
lms check --rule dates
is_rc 1 "dates: a completed course with sessions to come"
is_out "is an error at the first of them" <<'OUT'
courses/matlaging/course.yaml:20:5: error: the course is completed, but its session on 2026-09-07 is still to come [dates]
OUT

# references
fresh
sed -i 's/^- id: bruker-to$/- id: bruker-tre/' courses/matlaging/course.yaml
sed -i 's/^forms: \[kursevaluering\]/forms: [kursevaluering, mestringstrooo]\ntemplate: ingen/' \
	courses/matlaging/course.yaml
sed -i 's/p-test01/p-test99/' courses/matlaging/enrolments.yaml
printf -- '- person: p-test02\n  role: relative\n  status: enrolled\n  requested: 2026-08-20\n  relative_of: p-test98\n' \
	>>courses/matlaging/enrolments.yaml
printf '"2026-09-08":\n  p-test01: present\n  "p-test97": absent\n' \
	>courses/matlaging/attendance.yaml
lms check --rule references
is_rc 1 "references: facilitators, forms, templates, people, sessions"
is_out "each is named, people at their own lines" <<'OUT'
courses/matlaging/attendance.yaml:1:1: error: attendance for 2026-09-08, which is not a session of the course [references]
courses/matlaging/attendance.yaml:3:3: error: no person 'p-test97' in the register [references]
courses/matlaging/course.yaml:15:3: error: no facilitator 'bruker-tre' in people/facilitators.yaml (did you mean 'bruker-to'?) [references]
courses/matlaging/course.yaml:30:1: error: no form 'mestringstrooo' in forms/ [references]
courses/matlaging/course.yaml:31:1: error: no template 'ingen' in templates/ [references]
courses/matlaging/enrolments.yaml:1:3: error: no person 'p-test99' in the register [references]
courses/matlaging/enrolments.yaml:10:3: error: no person 'p-test98' in the register [references]
OUT
mv people/participants.yaml "$SCRATCH/register"
lms check --rule references
is_out "without the register, people are not checked" <<'OUT'
courses/matlaging/attendance.yaml:1:1: error: attendance for 2026-09-08, which is not a session of the course [references]
courses/matlaging/course.yaml:15:3: error: no facilitator 'bruker-tre' in people/facilitators.yaml (did you mean 'bruker-to'?) [references]
courses/matlaging/course.yaml:30:1: error: no form 'mestringstrooo' in forms/ [references]
courses/matlaging/course.yaml:31:1: error: no template 'ingen' in templates/ [references]
OUT

# conflicts
fresh
"$LMS" course new morgen --title "Morgenkurs" --start 2026-09-07 --count 1 \
	--time 12:00-13:00 --place "treffstedet, kjøkkenet " >/dev/null
"$LMS" course new dag --title "Dagkurs" --start 2026-09-07 --count 1 \
	--time 14:00-15:00 --place "Treffstedet, kjøkkenet" >/dev/null
# (assign warns of the clashes too; here they are check's to find)
"$LMS" course assign morgen fag-en >/dev/null 2>&1
"$LMS" course assign dag fag-en >/dev/null 2>&1
lms check --rule conflicts
is_rc 1 "conflicts: one facilitator in two places at once"
is_out "is an error; one place for two courses a warning" <<'OUT'
courses/morgen/course.yaml:9:5: error: facilitator 'fag-en' is booked at the same time by matlaging on 2026-09-07 11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]
courses/morgen/course.yaml:9:5: warning: place 'Treffstedet, kjøkkenet' is booked at the same time by matlaging on 2026-09-07 11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]
OUT
lms check --rule conflicts dag kveld
is_rc 0 "conflicts: back to back is no conflict"
is_out "and nothing is said" </dev/null
lms check --rule conflicts morgen
is_out "naming a course checks it against all the others" <<'OUT'
courses/morgen/course.yaml:9:5: error: facilitator 'fag-en' is booked at the same time by matlaging on 2026-09-07 11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]
courses/morgen/course.yaml:9:5: warning: place 'Treffstedet, kjøkkenet' is booked at the same time by matlaging on 2026-09-07 11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]
OUT

# capacity
fresh
"$LMS" enrol matlaging p-test02 >/dev/null
"$LMS" enrol matlaging p-test03 >/dev/null
"$LMS" enrol matlaging p-test04 >/dev/null
lms check --rule capacity
is_rc 0 "capacity: a full course with a waiting list is sound"
is_out "and nothing is said" </dev/null
sed -i 's/^capacity: 3$/capacity: 4/' courses/matlaging/course.yaml
lms check --rule capacity
is_rc 0 "capacity: people waiting while a place is free"
is_out "is a warning" <<'OUT'
courses/matlaging/course.yaml:6:1: warning: 1 person is on the waiting list while 1 of 4 places are free [capacity]
OUT
sed -i 's/^capacity: 4$/capacity: 2/' courses/matlaging/course.yaml
lms check --rule capacity
is_rc 1 "capacity: more places taken than there are"
is_out "is an error" <<'OUT'
courses/matlaging/course.yaml:6:1: error: 3 people hold places, but the course has 2 [capacity]
OUT

# participation
fresh
"$LMS" course unassign kveld bruker-to >/dev/null
"$LMS" course assign kveld bruker-to --phases plan >/dev/null
sed -i '/^forms:/d' courses/kveld/course.yaml
lms check --rule participation
is_rc 0 "participation: warnings"
is_out "for each phase without a user representative, and no form" <<'OUT'
courses/kveld/course.yaml:1:1: warning: the course has no evaluation form (forms:) [participation]
courses/kveld/course.yaml:6:1: warning: no user representative takes part in delivery [participation]
courses/kveld/course.yaml:6:1: warning: no user representative takes part in evaluation [participation]
OUT

# privacy
fresh
printf '# Ring Kari på 912 34 567 eller kari@example.org.\n' \
	>>courses/kveld/course.yaml
printf 'Navn;Fødselsnummer\nKari;01819012365\n' >courses/kveld/påmelding.csv
printf '  email: fag-en@example.org\n  phone: "912 34 568"\n' \
	>>people/facilitators.yaml
chmod 644 people/participants.yaml people/report-key
printf '.lms/\n' >.gitignore
lms check --rule privacy
is_rc 1 "privacy: personal data in files for git, an open register"
is_out "is found and placed, but never repeated" <<OUT
courses/kveld/course.yaml:19:16: error: this looks like a phone number: personal data does not belong in a file that goes to git [privacy]
courses/kveld/course.yaml:19:33: error: this looks like an e-mail address: personal data does not belong in a file that goes to git [privacy]
courses/kveld/påmelding.csv:2:6: error: this looks like a fødselsnummer: personal data does not belong in a file that goes to git [privacy]
people/participants.yaml: error: people other than you may read the private register (mode 644): make it yours alone with 'chmod 600 people/participants.yaml' [privacy]
people/participants.yaml: error: git would take the private register: add the line 'people/participants.yaml' to .gitignore [privacy]
people/report-key: error: people other than you may read the key of shared reports (mode 644): make it yours alone with 'chmod 600 people/report-key' [privacy]
people/report-key: error: git would take the key of shared reports: add the line 'people/report-key' to .gitignore [privacy]
OUT
! grep -q '912\|kari@\|01819' "$SCRATCH/stdout" "$SCRATCH/stderr"
report $? "no finding repeats the personal data it found"
chmod 600 people/participants.yaml people/report-key
printf '/participants.yaml\n' >.gitignore
lms check --rule privacy
like "a pattern anchored at the root does not reach people/" \
	"people/participants.yaml: error: git would take" "$out"
printf 'people/\n!people/participants.yaml\n' >.gitignore
lms check --rule privacy
! printf '%s\n' "$out" | grep -q 'git would take'
report $? "nor does a line after the folder is ignored bring it back"
mkdir courses/Gamle
printf 'ring 912 34 567\n' >courses/Gamle/notat.txt
head -c 100000 /dev/zero >courses/kveld/video.mp4
printf '912 34 567' >>courses/kveld/video.mp4
lms check --rule privacy
like "files in a folder that is no course are read too" \
	"^courses/Gamle/notat.txt:1:6: error: this looks like a phone number" "$out"
! printf '%s\n' "$out" | grep -q 'video.mp4'
report $? "binary files are not"
rm -r courses/Gamle courses/kveld/video.mp4
printf '/people/\n' >.gitignore
rm courses/kveld/påmelding.csv
sed -i '$d' courses/kveld/course.yaml
lms check --rule privacy
is_rc 0 "privacy: contacts of facilitators, a register kept out of git"
is_out "are sound" </dev/null

# privacy: names from the register, phones however written, UTF-16
fresh
printf '# Deltaker  En ringte.\ndescription: Spør Deltaker\n  To først\n' \
	>>courses/kveld/course.yaml
printf 'Hilsen DELTAKER TRES mor\nDeltaker, Fire, Fem\n' >notat.txt
printf 'ring 900-00-001 eller +47.900.00.002, ikke 2026-09-07 kl. 11.00\n' \
	>courses/kveld/telefon.txt
printf 'notat\ntlf 900 00 003, Deltaker Fem\n' |
	iconv -f UTF-8 -t UTF-16 >courses/kveld/utf16le.txt
printf '\376\377' >courses/kveld/utf16be.txt
printf 'notat\nDeltaker En\n' | iconv -f UTF-8 -t UTF-16BE \
	>>courses/kveld/utf16be.txt
lms check --rule privacy
is_rc 1 "privacy: names from the register and phones in any form"
is_out "are found, placed, and never repeated" <<'OUT'
courses/kveld/course.yaml:19:3: error: this looks like a name from the private register: personal data does not belong in a file that goes to git [privacy]
courses/kveld/course.yaml:20:19: error: this looks like a name from the private register: personal data does not belong in a file that goes to git [privacy]
courses/kveld/telefon.txt:1:6: error: this looks like a phone number: personal data does not belong in a file that goes to git [privacy]
courses/kveld/telefon.txt:1:23: error: this looks like a phone number: personal data does not belong in a file that goes to git [privacy]
courses/kveld/utf16be.txt:2:1: error: this looks like a name from the private register: personal data does not belong in a file that goes to git [privacy]
courses/kveld/utf16le.txt:2:5: error: this looks like a phone number: personal data does not belong in a file that goes to git [privacy]
courses/kveld/utf16le.txt:2:17: error: this looks like a name from the private register: personal data does not belong in a file that goes to git [privacy]
notat.txt:1:8: error: this looks like a name from the private register: personal data does not belong in a file that goes to git [privacy]
OUT
! grep -qi 'deltaker\|900' "$SCRATCH/stdout" "$SCRATCH/stderr"
report $? "no finding names the person"
# A facilitator's name is public, though a participant has it too.
fresh
printf -- '- id: p-test09\n  name: Fagperson En\n' >>people/participants.yaml
printf '# Fagperson En leder kurset.\n' >>courses/kveld/course.yaml
lms check --rule privacy
is_rc 0 "privacy: a facilitator's name is no finding"
# privacy: records in the register that no course names, and nothing
# explains: someone registered ahead of a course is kept for
# retention_months after their consent, as lms purge keeps them.
fresh
cat >>people/participants.yaml <<'EOF'
- id: p-gammel
  name: Gammel Prøveperson
  consent: 2024-08-19
- id: p-uten01
  name: Uten Samtykke
- id: p-nylig1
  name: Nylig Registrert
  consent: 2024-08-20
EOF
sed -i 's/^  consent: 2026-08-01$/  consent: 2020-01-01/' people/participants.yaml
lms check
is_rc 0 "privacy: records on no course are warnings"
is_out "named by id, past retention or without a consent date" <<'OUT'
people/participants.yaml:34:3: warning: p-gammel is on no course and gave consent more than 24 months ago: lms purge forgets the record [privacy]
people/participants.yaml:37:3: warning: p-uten01 is on no course and has no consent date: nothing explains keeping the record (lms person forget p-uten01) [privacy]
OUT
! grep -q 'Gammel\|Uten\|Nylig' "$SCRATCH/stdout" "$SCRATCH/stderr"
report $? "never by name"
lms check matlaging
is_out "a check of some courses cannot tell" </dev/null
"$LMS" enrol kveld p-gammel >/dev/null
"$LMS" person forget p-uten01 >/dev/null
lms check
is_out "on a course, or forgotten, they are sound" </dev/null

# The formats, and the rules chosen.
fresh
sed -i 's/^capacity: 3$/capasity: 3/' courses/matlaging/course.yaml
printf '# 912 34 567\n' >>courses/matlaging/course.yaml
lms check --format csv
is_rc 1 "as CSV"
is_out "with a header" <<'OUT'
path,line,col,severity,rule,message
courses/matlaging/course.yaml,6,1,warning,schema,unknown key 'capasity' in course (did you mean 'capacity'?)
courses/matlaging/course.yaml,33,3,error,privacy,this looks like a phone number: personal data does not belong in a file that goes to git
OUT
lms check --format yaml --no-rule privacy
is_rc 0 "as YAML, without a rule"
is_out "a list of findings" <<'OUT'
- path: courses/matlaging/course.yaml
  line: 6
  col: 1
  severity: warning
  rule: schema
  message: unknown key 'capasity' in course (did you mean 'capacity'?)
OUT
lms check --rule nosuch
is_rc 2 "an unknown rule"
like "is named, with the rules there are" "no rule 'nosuch' (the rules: schema," "$err"
lms check --rule privacyy
is_rc 2 "a misspelt rule"
like "suggests the rule meant" "^lms: --rule: no rule 'privacyy'; did you mean 'privacy'?" "$err"
lms check nosuch
is_rc 66 "an unknown course"
lms check --format tsv
is_rc 2 "no TSV"
lms check ../x
is_rc 2 "a course id that cannot be one"

# lms.yaml's municipalities must be of today: the placeholder that lms
# init writes without --municipality, a retired number and one that is
# no municipality are warnings, at the key's line.
cd "$SCRATCH" && "$LMS" init kommuner --name Test >/dev/null
cd kommuner || exit 1
lms check
is_rc 0 "the placeholder municipality is a warning (exit 0)"
is_out "that says to set it" <<'OUT'
lms.yaml:4:1: warning: municipality: 0000 is the placeholder that lms init writes: set the host municipality's number [references]
OUT
sed -i 's/^municipality: .*/municipality: "1806"/; s/^partners: .*/partners: ["0101", "1850", "9999"]/' lms.yaml
lms check --strict
is_rc 1 "partners that are not of today fail --strict"
is_out "each named, with today's number where there is one" <<'OUT'
lms.yaml:6:1: warning: partners: 0101 was Halden's number until 2019; today it is 3101 [references]
lms.yaml:6:1: warning: partners: 1850 was Divtasvuodna - Tysfjord's number until 2019, and is split between municipalities of today [references]
lms.yaml:6:1: warning: partners: 9999 is the number of no municipality [references]
OUT
sed -i 's/^partners: .*/partners: ["1853"]/' lms.yaml
lms check
is_out "numbers of today are sound" </dev/null

# A tree with no place booked anywhere: nothing to sort for the conflicts
# of places (the sanitizer build once stopped here).
cd "$SCRATCH" && "$LMS" init bare --name Test --municipality 1806 >/dev/null
cd bare || exit 1
"$LMS" course new c --title C --start 2027-01-04 --days mon --count 1 \
	--time 10:00-11:00 >/dev/null
lms check
is_rc 0 "a tree without places passes, with warnings at most"

done_testing
