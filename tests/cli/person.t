#!/bin/sh
# lms person and lms purge: the private register.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20

lms person add --name "Deltaker Åtte" --phone "+47 900 00 008" \
	--email atte@example.org --municipality 5001 --birth-year 1971
is_rc 0 "adds a person"
id=$out
like "and prints a new random id" '^p-[a-z0-9]\{6\}$' "$id"
grep -q "^- id: $id$" people/participants.yaml
report $? "the register holds the person"
[ "$(stat -c %a people/participants.yaml)" = 600 ]
report $? "the register stays private (mode 600)"
lms person show "$id"
is_out "shows the person" <<OUT
person        $id
name          Deltaker Åtte
phone         +47 900 00 008
email         atte@example.org
municipality  5001
birth year    1971
consent       2026-08-20
OUT
lms person add --name "Deltaker Ni"
id2=$out
[ "$id" != "$id2" ]
report $? "ids differ"

lms person list --format csv
is_out "lists the register by name" <<OUT
id,name,phone,email,municipality,birth_year,consent
p-test01,Deltaker En,900 00 001,,5001,,2026-08-01
p-test05,Deltaker Fem,900 00 005,,1234,,2026-08-05
p-test04,Deltaker Fire,,,5001,,2026-08-04
$id2,Deltaker Ni,,,,,2026-08-20
p-test07,Deltaker Sju,,,5001,1960,2026-08-07
p-test02,Deltaker To,,to@example.org,5059,,2026-08-02
p-test03,Deltaker Tre,,,5001,,2026-08-03
$id,Deltaker Åtte,'+47 900 00 008,atte@example.org,5001,1971,2026-08-20
p-test06,Pårørende Seks,900 00 006,,5001,,2026-08-06
OUT

remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms person "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
}
refuse 1 "a phone number that is registered" \
	"p-test01 has that phone number or e-mail address already" \
	add --name "Someone" --phone 90000001
refuse 1 "an e-mail address that is registered" \
	"p-test02 has that phone number or e-mail address already" \
	add --name "Someone" --email TO@example.org
refuse 2 "no name" "--name is missing: give the name" add --phone 90000099
refuse 2 "a name over two lines" "--name: give the name on one line" \
	add --name "$(printf 'Kari\nEksempel')"
refuse 2 "a bad phone number" "--phone: 'ring meg' is not a phone number" \
	add --name X --phone "ring meg"
refuse 2 "a bad e-mail address" "--email: 'x@' is not an e-mail address" \
	add --name X --email x@
refuse 2 "a bad municipality" "--municipality: '99' is not the number of a municipality" \
	add --name X --municipality 99
refuse 2 "a number that is no municipality" \
	"--municipality: '1299' is not the number of a municipality" \
	add --name X --municipality 1299
refuse 2 "a name of two municipalities" \
	"--municipality: 'Våler' is the name of 2 municipalities, 3114 Våler (Østfold) and 3419 Våler (Innlandet): give the number" \
	add --name X --municipality Våler
refuse 2 "a bad year of birth" "--birth-year: '2030' is not a year of birth" \
	add --name X --birth-year 2030
refuse 66 "an unknown person" "no such person: 'p-nobody'" show p-nobody
refuse 66 "forgetting an unknown person" "no such person: 'p-nobody'" \
	forget p-nobody
refuse 2 "a bad id" "invalid person id '../x'" show ../x
unchanged "the refusals changed nothing"

"$LMS" enrol matlaging p-test01 >/dev/null
lms person show p-test01
is_out "a person's courses" <<'OUT'
person        p-test01
name          Deltaker En
phone         900 00 001
municipality  5001
consent       2026-08-01
courses       matlaging: participant, enrolled, requested 2026-08-20
OUT

lms person forget p-test01
is_rc 0 "forgets a person"
is_out "saying what remains" <<'OUT'
forgot p-test01: the course files keep the bare id, which now names nobody
OUT
grep -q 'p-test01' people/participants.yaml
report $((!$?)) "the register no longer names them"
grep -q 'person: p-test01' courses/matlaging/enrolments.yaml
report $? "the course keeps the bare id"
lms person add --name "Igjen" --phone 90000001
is_rc 0 "their phone number is free again"

id3=$out

# purge: a person's last course (or, without one, their consent) must be
# older than retention_months (24).  matlaging ended 2026-09-17.
LMS_TODAY=2028-08-01 lms purge --dry-run
is_rc 0 "purge --dry-run"
is_out "forgets nobody at exactly 24 months" <<'OUT'
nobody to forget: every record is younger than 24 months
OUT
"$LMS" enrol matlaging p-test03 >/dev/null
LMS_TODAY=2028-09-17 lms purge --dry-run
is_out "--dry-run says whom it would forget; a course keeps a record" <<OUT
would forget p-test02: no course, consent given 2026-08-02
would forget p-test04: no course, consent given 2026-08-04
would forget p-test05: no course, consent given 2026-08-05
would forget p-test06: no course, consent given 2026-08-06
would forget p-test07: no course, consent given 2026-08-07
would forget $id: no course, consent given 2026-08-20
would forget $id2: no course, consent given 2026-08-20
would forget $id3: no course, consent given 2026-08-20
OUT
remember
LMS_TODAY=2028-09-17 lms purge --dry-run
unchanged "--dry-run changes nothing"
LMS_TODAY=2028-09-18 lms purge
is_rc 0 "purge"
like "forgets the person of the old course" \
	"^forgot p-test03: last course ended 2026-09-17$" "$out"
lms person list --format csv
is_out "and leaves an empty register" <<'OUT'
id,name,phone,email,municipality,birth_year,consent
OUT
grep -c 'person: p-test0' courses/matlaging/enrolments.yaml >"$SCRATCH/n"
is_file "the course files keep their ids" "$SCRATCH/n" <<'OUT'
2
OUT

# Names in Norwegian order: case ignored, Æ, Ø, Å after Z, É as E, and
# Aa two letters.
for name in "Åse Eksempel" "Øystein Eksempel" "Ærlig Eksempel" \
	"Zakarias Eksempel" "anne eksempel" "Bjørn Eksempel" \
	"Élise Eksempel" "Aasmund Eksempel"; do
	lms person add --name "$name"
done
lms person list --format csv
cut -d, -f2 "$SCRATCH/stdout" >"$SCRATCH/names"
is_file "lists names in Norwegian order" "$SCRATCH/names" <<'OUT'
name
Aasmund Eksempel
anne eksempel
Bjørn Eksempel
Élise Eksempel
Zakarias Eksempel
Ærlig Eksempel
Øystein Eksempel
Åse Eksempel
OUT

# lms person set: contacts and consents change, and a person can be
# taken off reminders.
lms person add --name "Deltaker Ni" --phone "900 00 009" \
	--contact reminders,peer-contact --consent 2026-08-01
ni=$out
lms person set "$ni" --contact none --phone "" --email ni@example.org \
	--municipality 5001
is_rc 0 "changes a person"
is_out "and says so" <<OUT
changed $ni
OUT
sed -n "/^- id: $ni\$/,/^- /p" people/participants.yaml >"$SCRATCH/ni"
is_file "taken off reminders, the phone gone, the rest as it was" \
	"$SCRATCH/ni" <<OUT
- id: $ni
  name: Deltaker Ni
  email: ni@example.org
  municipality: "5001"
  consent: 2026-08-01
OUT
[ "$(stat -c %a people/participants.yaml)" = 600 ]
report $? "the register stays private"
remember
lms person add --name "Deltaker Ti" --email ti@example.org
ti=$out
remember
lms person set "$ni" --email TI@Example.org
is_rc 1 "someone else's address, in other case"
is_err "is refused" <<OUT
lms: $ti has that phone number or e-mail address already
OUT
lms person set "$ni" --name ""
is_rc 2 "an empty name"
lms person set "$ni" --contact postcards
is_rc 2 "a purpose that is none"
lms person set "$ni" --consent 2029-08-20
is_rc 2 "a consent given after today"
is_err "is a typo of the year: purge would keep the record by it" <<'OUT'
lms: --consent: 2029-08-20 is after today
usage: lms person set ID [--name N] [--phone P] [--email E] [--municipality M] [--birth-year Y] [--consent DATE] [--contact reminders,peer-contact | none]
OUT
lms person add --name "Deltaker Ti" --consent 21.8.2026
is_rc 2 "by person add too"
lms person set p-nope99 --name X
is_rc 66 "an unknown person"
lms person set "$ni"
is_rc 2 "nothing to change"
unchanged "the refusals changed nothing"

chmod 644 people/participants.yaml
lms person list
is_rc 1 "a register that others can read is refused"

done_testing
