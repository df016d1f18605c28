#!/bin/sh
# lms enrol --csv: a sign-up sheet, all rows or none.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
"$LMS" course set matlaging capacity=4 >/dev/null

# What Norwegian Excel writes: a byte-order mark, ';', CRLF, and cells
# with ';', quotes and a line break inside.
printf '\357\273\277Navn;Telefon;E-post;Kommune;Rolle;Henvisning\r\n' >sheet.csv
printf 'Deltaker En;+47 900 00 001;;;deltaker;fastlege\r\n' >>sheet.csv
printf '"Ny; Person";;ny@example.org;5059;p\303\245r\303\270rende;selv\r\n' >>sheet.csv
printf '"Ny\r\nPerson To";900 00 012;;5001;;\r\n' >>sheet.csv
printf 'Ny Person Tre;;;5001;;\r\n' >>sheet.csv
printf 'DELTAKER TO;;TO@example.org;;;\r\n' >>sheet.csv

lms enrol matlaging --csv sheet.csv
is_rc 0 "enrols a sheet"
printf '%s\n' "$out" | sed '/p-test/!s/p-[a-z0-9]\{6\}/p-ID/' >"$SCRATCH/report"
is_file "row by row, with the known matched and the new registered" \
	"$SCRATCH/report" <<'OUT'
line 2: p-test01 enrolled
line 3: p-ID enrolled (new in the register)
line 4: p-ID enrolled (new in the register)
line 6: p-ID enrolled (new in the register)
line 7: p-test02 waitlisted
4 enrolled, 1 waitlisted, 3 new in the register
OUT
grep -c '^- id:' people/participants.yaml >"$SCRATCH/n"
is_file "three new people in the register" "$SCRATCH/n" <<'OUT'
10
OUT
grep -q '^  name: Ny Person To$' people/participants.yaml
report $? "a name over two lines of a cell is one name"
grep -q '^  name: Ny; Person$' people/participants.yaml
report $? "a quoted ';' stays in the name"
grep -A4 'person: p-test01' courses/matlaging/enrolments.yaml |
	grep -q '^  referral: gp$'
report $? "the referral comes from the sheet"
[ "$(stat -c %a people/participants.yaml)" = 600 ]
report $? "the register stays private"

# All rows or none: one bad row names its line and changes nothing.
remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	printf '%b' "$4" >../bad.csv
	lms enrol matlaging --csv ../bad.csv
	is_rc "$expected_rc" "$description"
	is_err "$description: says where" <<OUT
$message
OUT
}
refuse 65 "a bad phone number" \
	"../bad.csv:3: error: phone: '12' is not a phone number" \
	'name,phone\nNy Fire,900 00 014\nNy Fem,12\n'
refuse 65 "a bad municipality" \
	"../bad.csv:2: error: municipality: '999' is not the number of a municipality" \
	'name,municipality\nNy Fire,999\n'
refuse 65 "a bad role" "../bad.csv:2: error: role: 'barn' is not participant, relative or staff" \
	'name,role\nNy Fire,barn\n'
refuse 65 "a row without a name" "../bad.csv:3: error: name: give a name on one line" \
	'name,phone\nNy Fire,900 00 014\n,900 00 015\n'
refuse 65 "a ragged row" "../bad.csv:3: error: the row has 3 fields, the header 2" \
	'name,phone\nNy Fire,900 00 014\nNy Fem,1,2\n'
refuse 65 "a quote left open" \
	"../bad.csv:3: error: broken CSV: a quoted field is not closed" \
	'name,phone\nNy Fire,900 00 014\n"Ny Fem,900 00 015\n'
refuse 65 "no name column" \
	"../bad.csv:1: error: no name column (the header has 'fornavn', 'telefon')" \
	'fornavn,telefon\nNy,900 00 014\n'
refuse 65 "a file that is not UTF-8" \
	"../bad.csv:2:2: error: not UTF-8 text: a byte that UTF-8 never uses (save the sheet as \"CSV UTF-8\")" \
	'name\nB\370rre\n'
refuse 1 "someone on the course already" \
	"../bad.csv:3: error: p-test01 is enrolled on course 'matlaging' already" \
	'name,phone\nNy Fire,900 00 014\nDeltaker En,90000001\n'
refuse 1 "a resident of another municipality" \
	"../bad.csv:2: error: p-test05 lives in 1234, which is neither the host nor a partner of this service (--force-line 2 lets this row in, --force the whole sheet)" \
	'name,phone,municipality\nDeltaker Fem,900 00 005,1234\n'
unchanged "the refused sheets changed nothing"

lms enrol matlaging --csv missing.csv
is_rc 66 "a sheet that does not exist"
is_err "is named" <<'OUT'
lms: cannot read 'missing.csv': No such file or directory
OUT
lms enrol matlaging p-test07 --csv sheet.csv
is_rc 2 "a person and a sheet at once"
lms enrol matlaging --csv sheet.csv --role relative
is_rc 2 "roles come from the sheet"

done_testing
