#!/bin/sh
# lms enrol --csv with what sign-up forms export: timestamps, consent,
# referrals in Norwegian, municipalities by name, first and last names,
# columns lms does not read, and rows let in from elsewhere one by one.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-25
# A service in Narvik with Evenes as its partner, as in a real tree.
cat >lms.yaml <<'EOF'
name: Testkommune lærings- og mestringstjeneste
municipality: "1806"
partners: ["1853"]
EOF
"$LMS" course set matlaging capacity=2 >/dev/null

# A Google Forms export in Norwegian: the rows in the order the form got
# them, but one typed in by hand later with an earlier time.
cat >skjema.csv <<'EOF'
Tidsmerke,Fornavn,Etternavn,Mobilnummer,Kommune,Henvist av,Samtykke,Allergier
24.08.2026 10:12:33,Test,Testesen,900 00 101,Narvik,Fastlege,Ja,
24.08.2026 11:00:00,Prøve,Prøvesen,900 00 102,evenes kommune,NAV,"Ja, jeg samtykker",nøtter
24.08.2026 11:30:00,Nei,Neisen,900 00 103,1806,meg selv,Nei,
23.08.2026 kl. 09.15,Tidlig,Tidligsen,900 00 104,1805,Frisklivsresept,x,
2026-08-24 10:30,Bruker,Brukersen,900 00 105,,Mental Helse,ja,
EOF
lms enrol matlaging --csv skjema.csv
is_rc 0 "enrols a form's export"
printf '%s\n' "$out" | sed 's/p-[a-z0-9]\{6\}/p-ID/' >"$SCRATCH/report"
is_file "in the order of the timestamps, the one without consent left out" \
	"$SCRATCH/report" <<'OUT'
line 5: p-ID enrolled (new in the register)
line 2: p-ID enrolled (new in the register)
line 6: p-ID waitlisted (new in the register)
line 3: p-ID waitlisted (new in the register)
2 enrolled, 2 waitlisted, 4 new in the register, 1 left out
OUT
is_err "says which rows and columns it left out, and what it read anew" <<'OUT'
skjema.csv:1: warning: the column 'Allergier' is not read: it is left out
skjema.csv:4: warning: no consent ('Samtykke'): left out, neither registered nor enrolled
skjema.csv:5: warning: municipality ('Kommune'): 1805 was Narvik until 2019: read as 1806 Narvik
OUT
sed 's/p-[a-z0-9]\{6\}/p-ID/' courses/matlaging/enrolments.yaml >"$SCRATCH/e"
is_file "the request dates, referrals and homes come from the sheet" "$SCRATCH/e" <<'OUT'
- person: p-ID
  role: participant
  status: enrolled
  requested: 2026-08-23
  referral: healthy-life-centre
  municipality: "1806"
- person: p-ID
  role: participant
  status: enrolled
  requested: 2026-08-24
  referral: gp
  municipality: "1806"
- person: p-ID
  role: participant
  status: waitlisted
  requested: 2026-08-24
  referral: user-organisation
- person: p-ID
  role: participant
  status: waitlisted
  requested: 2026-08-24
  referral: nav
  municipality: "1853"
OUT
grep -c 'name: Test Testesen$' people/participants.yaml >"$SCRATCH/n"
is_file "first and last name make the name" "$SCRATCH/n" <<'OUT'
1
OUT
grep -q 'Neisen\|900 00 103' people/participants.yaml
report $((! $?)) "a person who did not consent is not registered"
grep -q 'nøtter' people/participants.yaml courses/matlaging/enrolments.yaml
report $((! $?)) "a column lms does not read is kept nowhere"
grep -A4 'name: Tidlig Tidligsen' people/participants.yaml |
	grep -q '^  consent: 2026-08-23$'
report $? "consent is dated by the timestamp"

# All rows or none: a bad cell names its line and its column.
remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	printf '%b' "$4" >../bad.csv
	shift 4
	lms enrol matlaging --csv ../bad.csv "$@"
	is_rc "$expected_rc" "$description"
	is_err "$description: says where" <<OUT
$message
OUT
}
refuse 65 "an unknown referral" \
	"../bad.csv:3: error: referral ('Henvist av'): 'naboen' is not a referral that lms knows (write self, gp, healthy-life-centre, specialist, municipal, nav, user-organisation or other, or a word such as fastlege, sykehus, NAV or kommunen)" \
	'Navn;Henvist av\nNy En;venn\nNy To;naboen\n'
refuse 65 "consent that is neither yes nor no" \
	"../bad.csv:2: error: consent ('Samtykke'): 'kanskje' is neither yes nor no (write ja or nei)" \
	'Navn;Samtykke\nNy En;kanskje\n'
refuse 65 "a timestamp that is none" \
	"../bad.csv:2: error: timestamp ('Tidsstempel'): 'i går' is not a date and time (such as 2026-08-24 10:12 or 24.08.2026 kl. 10.12)" \
	'Navn;Tidsstempel\nNy En;i går\n'
refuse 65 "a municipality that is none" \
	"../bad.csv:2: error: municipality ('Kommune'): 'Narvk' is neither the name nor the number of a municipality" \
	'Navn;Kommune\nNy En;Narvk\n'
refuse 65 "a name of two municipalities" \
	"../bad.csv:2: error: municipality ('Kommune'): 'Herøy' is the name of 2 municipalities, 1515 Herøy (Møre og Romsdal) and 1818 Herøy (Nordland): give the number" \
	'Navn;Kommune\nNy En;Herøy\n'
refuse 1 "a row from outside host and partners" \
	"../bad.csv:3: error: the person on this line lives in 1804 (Bodø), which is neither the host nor a partner of this service (--force-line 3 lets this row in, --force the whole sheet)" \
	'Navn;Kommune\nNy En;Narvik\nNy To;Bodø\nNy Tre;1804\n'
refuse 1 "a row let in does not let in the next" \
	"../bad.csv:4: error: the person on this line lives in 1804 (Bodø), which is neither the host nor a partner of this service (--force-line 4 lets this row in, --force the whole sheet)" \
	'Navn;Kommune\nNy En;Narvik\nNy To;Bodø\nNy Tre;1804\n' --force-line 3
printf 'Navn;Kommune\nNy En;Narvik\n' >../bad.csv
lms enrol matlaging --csv ../bad.csv --force-line 9
is_rc 2 "--force-line on a line where no row starts"
like "says so" "^lms: --force-line 9: no row of '../bad.csv' starts on line 9$" "$err"
unchanged "the refused sheets changed nothing"

printf 'Navn;Kommune\nNy En;Narvik\nNy To;Bodø\nNy Tre;1804\n' >ut.csv
lms enrol matlaging --csv ut.csv --force-line 3,4
is_rc 0 "--force-line lets those rows in"
grep -c 'municipality: "1804"' courses/matlaging/enrolments.yaml >"$SCRATCH/n"
is_file "with their homes" "$SCRATCH/n" <<'OUT'
2
OUT
lms enrol matlaging p-test07 --force-line 3
is_rc 2 "--force-line is for sheets"

# Dates with '/' are read as the column shows them: one date with a day
# above 12 tells how to read the others.
printf 'Timestamp,Name\n8/24/2026 10:12:33,Test En\n8/3/2026 9:00:00,Test To\n' >us.csv
lms enrol matlaging --csv us.csv
is_rc 0 "reads an English export, month first"
grep -B1 -A3 "requested: 2026-08-03" courses/matlaging/enrolments.yaml >/dev/null
report $? "8/3/2026 is 3 August when another row says 8/24"

lms enrol matlaging p-test07 --referral nav --force
is_rc 0 "nav is a referral of its own"

# lms person add takes a name for the municipality, too.
lms person add --name "Kommune Navnesen" --municipality "bodø kommune"
is_rc 0 "person add takes a municipality's name"
grep -A3 'name: Kommune Navnesen' people/participants.yaml |
	grep -q '^  municipality: "1804"$'
report $? "and keeps its number"
lms person add --name "Gammel Nummersen" --municipality 1805
is_err "a retired number is read as today's, with a warning" <<'OUT'
lms: warning: --municipality: 1805 was Narvik until 2019: read as 1806 Narvik
OUT

done_testing
