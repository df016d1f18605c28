#!/bin/sh
# lms course in Norwegian: its messages under LANG=nb_NO.UTF-8, course
# show and course list for people in the language of the tree or the
# user, and the formats for scripts the same byte for byte in English
# and Norwegian.
. "$(dirname "$0")/lib.sh"

# lib.sh asks for English through LC_MESSAGES; here each run says.
unset LC_MESSAGES
export LANG=C

# nb ARG...: lms in Norwegian; stdout, stderr and exit code as lms() keeps.
nb() {
	LANG=nb_NO.UTF-8 "$LMS" "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
}

use_tree basic
export LMS_TODAY=2027-01-10

# --- course new --------------------------------------------------------

nb course new var --title "Våren" --start 18.03.2027 --days man,tor \
	--count 17 --time 18.00-20.00
is_rc 0 "course new across Easter and 17 May"
is_out "says what it made in Norwegian, with Norwegian dates" <<'OUT'
opprettet kurset var: 17 samlinger, 18.03.2027 til 27.05.2027
OUT
is_err "and which holidays it left out, in a Norwegian list" <<'OUT'
lms: hoppet over 25.03.2027 (skjærtorsdag), 29.03.2027 (andre påskedag), 06.05.2027 (Kristi himmelfartsdag) og 17.05.2027 (17. mai)
OUT

nb course new en --title "Én" --start 2027-03-18 --count 1
is_out "one session: the singular" <<'OUT'
opprettet kurset en: 1 samling, 18.03.2027 til 18.03.2027
OUT
nb course new tom --title Tom
is_out "no sessions" <<'OUT'
opprettet kurset tom (ingen samlinger ennå)
OUT

# A closed day without a name is called closed.
cp lms.yaml "$SCRATCH/lms.yaml"
cat >>lms.yaml <<'EOF'
closed:
  - from: 2027-08-16
    to: 2027-08-16
EOF
nb course new host --title Høst --start 2027-08-09 --days man --count 2
is_out "a closed day" <<'OUT'
opprettet kurset host: 2 samlinger, 09.08.2027 til 23.08.2027
OUT
is_err "is called stengt" <<'OUT'
lms: hoppet over 16.08.2027 (stengt)
OUT
cp "$SCRATCH/lms.yaml" lms.yaml

nb course new mal --title Mal --template mestringstreff --start 1.2.2027 \
	--count 3
is_rc 0 "a template longer than the schedule"
is_err "is a warning in Norwegian" <<'OUT'
lms: advarsel: malen mestringstreff har 8 samlinger; de siste 5 ble utelatt
OUT

# --- refusals ----------------------------------------------------------

remember
nb course new var --title X
is_rc 73 "an existing course"
is_err "is refused in Norwegian" <<'OUT'
lms: kurset «var» finnes allerede
OUT
nb course new x --title X --start 2027-03-18 --count 2 --until 2027-04-01
is_rc 2 "--count and --until"
like "are refused in Norwegian" "^lms: oppgi --count eller --until, ikke begge$" \
	"$(sed -n 1p "$SCRATCH/stderr")"
nb course new x --title X --days xyz
is_rc 2 "a bad --days"
like "says which weekdays lms reads" "^lms: --days: «xyz» er ikke en liste over ukedager (bruk man,tor, mandag,torsdag, man-fre eller mon,thu)$" \
	"$(sed -n 1p "$SCRATCH/stderr")"
nb course new x --title X --start 1.2.2027 --count 3 --skip 2.2.2027
is_rc 2 "a skip date off the schedule"
like "is named as a Norwegian date" "^lms: datoen 02.02.2027 i --skip er ikke en dag i denne planen$" \
	"$(sed -n 1p "$SCRATCH/stderr")"
nb course new x --title X --facilitator nobody
is_rc 66 "an unknown facilitator"
is_err "finnes ikke" <<'OUT'
lms: kurslederen «nobody» finnes ikke (se lms facilitator add)
OUT
nb course new x --title X --start 2027-02-01 --count 1 --time 20.00-18.00
is_rc 2 "a session that ends before it starts"
like "is refused in Norwegian" "^lms: en samling må slutte etter at den begynner$" \
	"$(sed -n 1p "$SCRATCH/stderr")"
nb course set var capacity=-1
is_rc 65 "a negative capacity"
is_err "is refused in Norwegian" <<'OUT'
lms: endringen ville gjort courses/var/course.yaml ugyldig: capacity: kan ikke være negativ
OUT
nb course set var sessions=x
is_rc 2 "a whole list"
like "is refused in Norwegian" "^lms: «sessions» er en liste: endre én av nøklene, som i sessions.1.date$" \
	"$(sed -n 1p "$SCRATCH/stderr")"
nb course unassign matlaging nobody
is_rc 66 "unassigning someone not assigned"
is_err "is refused in Norwegian" <<'OUT'
lms: «nobody» er ikke kursleder for kurset «matlaging»
OUT
unchanged "the refusals changed nothing"

# --- course set --------------------------------------------------------

nb course set var sessions.1.date=17.5.2027 place=Helsehuset
is_rc 0 "a session moved to 17 May"
is_out "the change, and (ingen) for no value" <<'OUT'
sessions.1.date: 2027-03-18 -> 2027-05-17
place: (ingen) -> Helsehuset
OUT
is_err "a warning about the holiday, in Norwegian" <<'OUT'
lms: advarsel: samlingen den 17.05.2027 er på en helligdag (17. mai)
OUT
cat >>lms.yaml <<'EOF'
closed:
  - name: sommerferie
    from: 2027-07-01
    to: 2027-07-31
EOF
nb course set var sessions.2.date=2027-07-05
is_err "a day the service is closed" <<'OUT'
lms: advarsel: samlingen den 05.07.2027 er på en dag tjenesten er stengt (sommerferie)
OUT
cp "$SCRATCH/lms.yaml" lms.yaml

nb course assign matlaging fag-tre --phases plan,deliver
is_rc 0 "course assign"
is_out "names the phases in Norwegian" <<'OUT'
fag-tre: planlegging, gjennomføring
OUT
is_err "and warns in Norwegian" <<'OUT'
lms: advarsel: fag-tre er ikke tilgjengelig den 07.09.2026 og 3 samlingsdager til (se people/facilitators.yaml)
OUT
nb course unassign matlaging fag-tre
is_out "course unassign" <<'OUT'
fjernet fag-tre fra kurset matlaging
OUT
lms course new kveld --title Kveld --start 2026-09-07 --count 1 \
	--time 12:00-13:00 >/dev/null
nb course assign kveld fag-en --phases deliver
is_rc 0 "course assign of one who leads another course then"
is_err "warns in Norwegian" <<'OUT'
lms: advarsel: fag-en leder samtidig en samling på kurset matlaging den 07.09.2026 kl. 11.00–14.00
OUT
rm -r courses/kveld

# --- course show and course list ---------------------------------------

nb course show matlaging
is_rc 0 "course show"
is_out "labels, words, weekdays, dates and times in Norwegian" <<'OUT'
kurs          matlaging
tittel        Matlaging og kosthold
status        åpent
målgrupper    personer i risiko
temaer        kosthold, rop
sted          Treffstedet, kjøkkenet
plasser       10, med venteliste
kursledere    fag-en (Fagperson En, fagperson): planlegging, gjennomføring, evaluering
              bruker-to (Brukerrepresentant To, brukerrepresentant): planlegging, gjennomføring, evaluering
skjemaer      kursevaluering
oppfølging    self-help-group

NR.  DATO        DAG  TID              TEMA
  1  07.09.2026  man  kl. 11.00–14.00  Kosthold i teori
  2  10.09.2026  tor  kl. 11.00–14.00  Vi lager mat sammen
  3  14.09.2026  man  kl. 11.00–14.00  Handling på budsjett
  4  17.09.2026  tor  kl. 11.00–14.00
OUT

"$LMS" course set var waitlist=false description="Om våren" >/dev/null
"$LMS" course set en capacity=8 waitlist=false sessions.1.place=Helsehuset \
	sessions.1.start=09:00 sessions.1.end= >/dev/null
nb course show en
is_out "no waiting list, a place column, a start without an end" <<'OUT'
kurs          en
tittel        Én
status        planlagt
plasser       8, uten venteliste

NR.  DATO        DAG  TID        TEMA  STED
  1  18.03.2027  tor  kl. 09.00        Helsehuset
OUT
nb course show var
like "a description" "^beskrivelse   Om våren$" "$(cat "$SCRATCH/stdout")"

nb course list
is_rc 0 "course list"
is_out "columns, status and dates in Norwegian" <<'OUT'
ID         STATUS    FØRSTE      SISTE       SAMLINGER  PLASSER  TITTEL
matlaging  åpent     07.09.2026  17.09.2026          4       10  Matlaging og kosthold
mal        planlagt  02.02.2027  16.02.2027          3       12  Mal
en         planlagt  18.03.2027  18.03.2027          1        8  Én
var        planlagt  01.04.2027  05.07.2027         17           Våren
host       planlagt  09.08.2027  23.08.2027          2           Høst
tom        planlagt                                  0           Tom
OUT

# A service's language: its tables for people are Norwegian, whatever the
# user's, and messages stay in the user's.
echo "language: nb" >>lms.yaml
lms course list --status open
is_out "language: nb, LANG=C: course list in Norwegian" <<'OUT'
ID         STATUS  FØRSTE      SISTE       SAMLINGER  PLASSER  TITTEL
matlaging  åpent   07.09.2026  17.09.2026          4       10  Matlaging og kosthold
OUT
lms course show tom
is_out "and course show" <<'OUT'
kurs          tom
tittel        Tom
status        planlagt
OUT
lms course new var --title X
is_err "but a message in English" <<'OUT'
lms: course 'var' exists already
OUT
cp "$SCRATCH/lms.yaml" lms.yaml

# --- formats for scripts -----------------------------------------------

# same ARG...: lms's stdout is the same byte for byte under LANG=C and
# LANG=nb_NO.UTF-8, and not empty.
same() {
	LANG=C "$LMS" "$@" >"$SCRATCH/en" 2>&1 &&
		LANG=nb_NO.UTF-8 "$LMS" "$@" >"$SCRATCH/nb" 2>&1 &&
		[ -s "$SCRATCH/en" ] && cmp -s "$SCRATCH/en" "$SCRATCH/nb"
	report $? "$* is the same in English and Norwegian"
}
same course list --format csv
same course list --format tsv
same course list --format yaml
same course list --status planned --format csv
same course show matlaging --format yaml
same course show var --format yaml
echo "language: nb" >>lms.yaml
same course list --format csv
same course show matlaging --format yaml
cp "$SCRATCH/lms.yaml" lms.yaml
LANG=nb_NO.UTF-8 "$LMS" course list --format csv | head -n 3 >"$SCRATCH/csv"
is_file "course list --format csv in Norwegian: English keys, ISO dates" \
	"$SCRATCH/csv" <<'OUT'
id,status,first,last,sessions,capacity,title
matlaging,open,2026-09-07,2026-09-17,4,10,Matlaging og kosthold
mal,planned,2027-02-02,2027-02-16,3,12,Mal
OUT

# --- booking conflicts, as lms check finds them ------------------------

"$LMS" course new b --title B --start 2026-09-07 --count 1 \
	--time 12:00-13:00 --facilitator fag-en \
	--place "Treffstedet, kjøkkenet" >/dev/null 2>&1
nb check --rule conflicts
like "a facilitator booked twice, in Norwegian" \
	"kurslederen «fag-en» er samtidig satt opp på kurset matlaging den 07.09.2026 kl. 11.00–14.00 (courses/matlaging/course.yaml:20)" \
	"$(cat "$SCRATCH/stdout")"
like "a place booked twice, in Norwegian" \
	"stedet «Treffstedet, kjøkkenet» brukes samtidig av kurset matlaging den 07.09.2026 kl. 11.00–14.00 (courses/matlaging/course.yaml:20)" \
	"$(cat "$SCRATCH/stdout")"

"$LMS" course set b facilitators.1.id=ghost >/dev/null
nb course show b
like "a facilitator not in the register" \
	"^kursledere    ghost (ikke i people/facilitators.yaml): planlegging, gjennomføring, evaluering$" \
	"$(cat "$SCRATCH/stdout")"

# --- course close, and the waiting list --------------------------------

use_tree enrol
export LMS_TODAY=2026-09-01
"$LMS" course set matlaging capacity=2 >/dev/null
for p in p-test01 p-test02 p-test03; do
	"$LMS" enrol matlaging $p >/dev/null
done
nb course set matlaging capacity=3
is_out "one moves up from the waiting list, in Norwegian" <<'OUT'
capacity: 2 -> 3
p-test03 rykket opp fra ventelisten: påmeldt
OUT
nb course close matlaging
is_rc 1 "a course with no session held"
is_err "is not closed" <<'OUT'
lms: kurset «matlaging» har ikke hatt noen samling ennå
OUT
export LMS_TODAY=2026-09-20
"$LMS" attend matlaging 1 --all >/dev/null
"$LMS" attend matlaging 2 --all --absent p-test02 >/dev/null
"$LMS" attend matlaging 3 --all --absent p-test02 >/dev/null
nb course close matlaging --follow-up p-test01=selvhjelpsgruppe
is_rc 0 "course close"
is_out "who completed, in Norwegian" <<'OUT'
p-test01 gjennomført (3 av 4 samlinger), oppfølging: selvhjelpsgruppe
p-test02 ikke gjennomført (1 av 4 samlinger)
p-test03 gjennomført (3 av 4 samlinger)
2 gjennomført, 1 ikke gjennomført
OUT
is_err "the session without attendance" <<'OUT'
lms: advarsel: det ble ikke registrert oppmøte den 17.09.2026; det regnes som fravær
OUT

done_testing
