#!/bin/sh
# Norwegian for lms check, lms person, lms facilitator and lms followup:
# findings, severities and the summary; columns, values and dates of the
# listings; and the formats for scripts the same byte for byte in every
# language.
. "$(dirname "$0")/lib.sh"

# lib.sh asks for English through LC_MESSAGES; here each run says.
unset LC_MESSAGES
export LANG=C

use_tree enrol
export LMS_TODAY=2026-08-20
"$LMS" course new kveld --title "Kveldskurs" --start 2026-09-07 --count 2 \
	--time 11:30-13:00 --place "Helsehuset" --capacity 4 >/dev/null
"$LMS" course assign kveld fag-en >/dev/null
"$LMS" course set kveld forms=kursevaluering >/dev/null
for p in p-test01 p-test02 p-test03; do
	"$LMS" enrol matlaging $p >/dev/null
done
cp -R . "$SCRATCH/sound"

# same_out ARG...: lms ARG... writes the same bytes to standard output in
# English and in Norwegian, and exits the same.
same_out() {
	"$LMS" "$@" >"$SCRATCH/c.out" 2>/dev/null
	c=$?
	LANG=nb_NO.UTF-8 "$LMS" "$@" >"$SCRATCH/nb.out" 2>/dev/null
	[ $? -eq $c ] && cmp -s "$SCRATCH/c.out" "$SCRATCH/nb.out"
	report $? "the same in English and Norwegian: $*"
	diff -u "$SCRATCH/c.out" "$SCRATCH/nb.out" | sed 's/^/# /'
}

# --- lms check ---------------------------------------------------------

# A session on Christmas Day that ends before it starts, led by a
# facilitator misspelt; fag-en in two places at once; too few places.
sed -i 's/^forms: \[kursevaluering\]$/  - date: 2026-12-25\n    start: "18:00"\n    end: "17:00"\n    led_by: [fag-enn]\n&/' \
	courses/kveld/course.yaml
sed -i 's/^capacity: 3$/capacity: 2/' courses/matlaging/course.yaml

LANG=nb_NO.UTF-8 lms check
is_rc 1 "check in Norwegian: errors fail"
is_out "the findings in Norwegian, dates and times as Norwegians write them" <<'OUT'
courses/kveld/course.yaml:6:1: advarsel: ingen brukerrepresentant er med i planleggingen [participation]
courses/kveld/course.yaml:6:1: advarsel: ingen brukerrepresentant er med i gjennomføringen [participation]
courses/kveld/course.yaml:6:1: advarsel: ingen brukerrepresentant er med i evalueringen [participation]
courses/kveld/course.yaml:10:5: feil: kurslederen «fag-en» er samtidig satt opp på kurset matlaging den 07.09.2026 kl. 11.00–14.00 (courses/matlaging/course.yaml:20) [conflicts]
courses/kveld/course.yaml:13:5: feil: kurslederen «fag-en» er samtidig satt opp på kurset matlaging den 14.09.2026 kl. 11.00–14.00 (courses/matlaging/course.yaml:28) [conflicts]
courses/kveld/course.yaml:16:5: feil: samlingen 25.12.2026 kl. 18.00–17.00 slutter ikke etter at den begynner [dates]
courses/kveld/course.yaml:16:5: advarsel: samlingen den 25.12.2026 er på en helligdag (første juledag) [holidays]
courses/kveld/course.yaml:16:5: feil: kurslederen «fag-enn» finnes ikke i people/facilitators.yaml (mente du «fag-en»?) [references]
courses/matlaging/course.yaml:6:1: feil: 3 har plass, men kurset har bare plass til 2 [capacity]
OUT
is_err "and the summary" <<'ERR'
lms: 5 feil og 4 advarsler
ERR

LANG=C lms check
is_rc 1 "check in English"
is_out "the same findings as before" <<'OUT'
courses/kveld/course.yaml:6:1: warning: no user representative takes part in planning [participation]
courses/kveld/course.yaml:6:1: warning: no user representative takes part in delivery [participation]
courses/kveld/course.yaml:6:1: warning: no user representative takes part in evaluation [participation]
courses/kveld/course.yaml:10:5: error: facilitator 'fag-en' is booked at the same time by matlaging on 2026-09-07 11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]
courses/kveld/course.yaml:13:5: error: facilitator 'fag-en' is booked at the same time by matlaging on 2026-09-14 11:00-14:00 (courses/matlaging/course.yaml:28) [conflicts]
courses/kveld/course.yaml:16:5: error: the session on 2026-12-25 18:00-17:00 does not end after it starts [dates]
courses/kveld/course.yaml:16:5: warning: the session on 2026-12-25 is on a public holiday (første juledag) [holidays]
courses/kveld/course.yaml:16:5: error: no facilitator 'fag-enn' in people/facilitators.yaml (did you mean 'fag-en'?) [references]
courses/matlaging/course.yaml:6:1: error: 3 people hold places, but the course has 2 [capacity]
OUT
is_err "and its summary" <<'ERR'
lms: 5 errors and 4 warnings
ERR

LANG=nb_NO.UTF-8 lms check --rule participation --rule holidays
is_rc 0 "warnings alone pass"
is_err "and are counted in Norwegian" <<'ERR'
lms: 4 advarsler
ERR
LANG=nb_NO.UTF-8 lms check --rule capacity
is_rc 1 "one error"
is_err "is counted in Norwegian" <<'ERR'
lms: 1 feil
ERR
LANG=nb_NO.UTF-8 lms check kveld2
is_rc 66 "a course that does not exist"
is_err "is said in Norwegian" <<'ERR'
lms: kurset «kveld2» finnes ikke
ERR

for f in csv yaml; do
	same_out check --format $f
	same_out check kveld --format $f
done
LANG=nb_NO.UTF-8 lms check --format csv --rule capacity
is_out "CSV keeps English keys, severities and messages" <<'OUT'
path,line,col,severity,rule,message
courses/matlaging/course.yaml,6,1,error,capacity,"3 people hold places, but the course has 2"
OUT

# The register and the key of shared reports, open to others and not
# ignored by git.
chmod 644 people/participants.yaml
: >.gitignore
LANG=nb_NO.UTF-8 lms check --rule privacy
is_rc 1 "the private files, in Norwegian"
is_out "each said as a whole sentence" <<'OUT'
people/participants.yaml: feil: andre enn deg kan lese det private registeret (modus 644): gjør det privat med «chmod 600 people/participants.yaml» [privacy]
people/participants.yaml: feil: git ville tatt med det private registeret: legg linjen «people/participants.yaml» til i .gitignore [privacy]
people/report-key: feil: git ville tatt med nøkkelen til delte rapporter: legg linjen «people/report-key» til i .gitignore [privacy]
OUT
same_out check --rule privacy --format csv

cd "$SCRATCH" && rm -rf enrol && cp -R sound enrol && cd enrol || exit 1
chmod 600 people/participants.yaml people/report-key

# --- lms person ----------------------------------------------------------

LANG=nb_NO.UTF-8 lms person list
is_rc 0 "person list in Norwegian"
is_out "Norwegian columns and dates" <<'OUT'
ID        NAVN            TELEFON     E-POST          KOMMUNE  FØDSELSÅR  SAMTYKKE
p-test01  Deltaker En     900 00 001                  5001                01.08.2026
p-test05  Deltaker Fem    900 00 005                  1234                05.08.2026
p-test04  Deltaker Fire                               5001                04.08.2026
p-test07  Deltaker Sju                                5001          1960  07.08.2026
p-test02  Deltaker To                 to@example.org  5059                02.08.2026
p-test03  Deltaker Tre                                5001                03.08.2026
p-test06  Pårørende Seks  900 00 006                  5001                06.08.2026
OUT
LANG=C lms person list
like "English as it was" \
	"^ID        NAME            PHONE       EMAIL           MUNICIPALITY  BIRTH_YEAR  CONSENT$" \
	"$out"
for f in csv tsv yaml; do
	same_out person list --format $f
done

LANG=nb_NO.UTF-8 lms person show p-test07
is_rc 0 "person show in Norwegian"
is_out "its labels in a column, whatever their letters" <<'OUT'
person        p-test07
navn          Deltaker Sju
kommune       5001
fødselsår     1960
samtykke      07.08.2026
OUT
LANG=nb_NO.UTF-8 lms person show p-test02
is_out "a course, its role, status and date in Norwegian" <<'OUT'
person        p-test02
navn          Deltaker To
e-post        to@example.org
kommune       5059
samtykke      02.08.2026
kurs          matlaging: deltaker, påmeldt, ba om plass 20.08.2026
OUT
LANG=C lms person show p-test02
is_out "and in English" <<'OUT'
person        p-test02
name          Deltaker To
email         to@example.org
municipality  5059
consent       2026-08-02
courses       matlaging: participant, enrolled, requested 2026-08-20
OUT

# --- lms facilitator -----------------------------------------------------

LANG=nb_NO.UTF-8 lms facilitator list
is_rc 0 "facilitator list in Norwegian"
is_out "columns, kinds, availability and dates in Norwegian" <<'OUT'
ID         TYPE                NAVN                   YRKE  TEMAER        OPPLÆRT I        TILGJENGELIG
fag-en     fagperson           Fagperson En                 kosthold                       ja
bruker-to  brukerrepresentant  Brukerrepresentant To        rop,kosthold  helsepedagogikk  01.08.2026–31.12.2026
fag-tre    fagperson           Fagperson Tre                                               nei
OUT
LANG=C lms facilitator list
is_out "and in English as it was" <<'OUT'
ID         KIND                 NAME                   PROFESSION  TOPICS        TRAINED          AVAILABLE
fag-en     professional         Fagperson En                       kosthold                       yes
bruker-to  user-representative  Brukerrepresentant To              rop,kosthold  helsepedagogikk  2026-08-01 to 2026-12-31
fag-tre    professional         Fagperson Tre                                                     no
OUT
for f in csv tsv yaml; do
	same_out facilitator list --format $f
done

# --- lms followup --------------------------------------------------------

export LMS_TODAY=2026-09-20
"$LMS" attend matlaging 1 --all --absent p-test03 >/dev/null
"$LMS" attend matlaging 2 --all --absent p-test02,p-test03 >/dev/null
"$LMS" attend matlaging 3 --all --absent p-test02,p-test03 >/dev/null
"$LMS" person forget p-test03 >/dev/null
LANG=nb_NO.UTF-8 lms followup
is_rc 0 "followup in Norwegian"
is_out "its columns, dates, never and who is not in the register" <<'OUT'
KURS       PERSON    NAVN                 TELEFON  E-POST          SIST TIL STEDE
matlaging  p-test02  Deltaker To                   to@example.org  07.09.2026
matlaging  p-test03  (ikke i registeret)                           aldri
OUT
LANG=C lms followup
is_out "and in English" <<'OUT'
COURSE     PERSON    NAME                   PHONE  EMAIL           LAST_PRESENT
matlaging  p-test02  Deltaker To                   to@example.org  2026-09-07
matlaging  p-test03  (not in the register)                         never
OUT
for f in csv tsv yaml; do
	same_out followup --format $f
done
LANG=nb_NO.UTF-8 lms followup --format csv
is_out "CSV keeps English keys, values and ISO dates" <<'OUT'
course,person,name,phone,email,last_present
matlaging,p-test02,Deltaker To,,to@example.org,2026-09-07
matlaging,p-test03,(not in the register),,,never
OUT

# --- language: nb in lms.yaml ----------------------------------------------

echo "language: nb" >>lms.yaml
LANG=C lms followup
like "the service's language for its listings" \
	"^matlaging  p-test03  (ikke i registeret)  *aldri$" "$out"
LANG=C lms facilitator list
like "facilitators too" "^fag-tre    fagperson  .*  nei$" "$out"
LANG=C lms person list
like "and the register" \
	"^ID        NAVN            TELEFON     E-POST          KOMMUNE  FØDSELSÅR  SAMTYKKE$" \
	"$out"
for f in csv tsv yaml; do
	same_out followup --format $f
	same_out person list --format $f
	same_out facilitator list --format $f
done
LANG=C lms check --rule participation
is_err "lms check's findings are messages, in the user's language" <<'ERR'
lms: 3 warnings
ERR
like "its findings too" "warning: no user representative takes part in planning" \
	"$out"

done_testing
