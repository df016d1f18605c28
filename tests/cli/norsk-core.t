#!/bin/sh
# The messages of lms's core in Norwegian: files that cannot be read,
# YAML that is not well formed (libyaml's own words too), keys and values
# that lms does not know, a tree that is missing or busy, the command line,
# init, purge and export; English as it was under LANG=C, and export's
# files the same byte for byte in either language.
. "$(dirname "$0")/lib.sh"

# lib.sh asks for English through LC_MESSAGES; here each run says.
unset LC_MESSAGES
export LANG=C

# nb ARG...: lms in Norwegian.
nb() {
	LANG=nb_NO.UTF-8 lms "$@"
}

# --- Files that are not well formed -----------------------------------

use_tree enrol
cp lms.yaml "$SCRATCH/lms.yaml.saved"
printf 'name: Testkommune\nmunicipality: "5001"\n  min_cell: 5\n' >lms.yaml
nb course list
is_rc 65 "YAML that is not well formed is bad data"
is_err "libyaml's problem and its context in Norwegian, with line and column" <<'OUT'
lms.yaml:3:3: feil: fant ikke forventet nøkkel ved lesing av nøkler med verdier
OUT
lms course list
is_err "and in English under LANG=C, as libyaml says it" <<'OUT'
lms.yaml:3:3: error: did not find expected key while parsing a block mapping
OUT

printf 'name: Testkommune\nmunicipality: "5001"\nname: Igjen\n' >lms.yaml
nb course list
is_rc 65 "a key given twice"
is_err "is named with its line and column" <<'OUT'
lms.yaml:3:1: feil: name: oppgitt to ganger
OUT

printf 'name: Testkommune\nmunicipality: "5001"\nlanguage: fr\n' >lms.yaml
nb course list
is_rc 65 "an unknown value in lms.yaml"
is_err "lists the values there are" <<'OUT'
lms.yaml:3:11: feil: language: «fr» er ikke en av en, nb
OUT
lms course list
is_err "(English)" <<'OUT'
lms.yaml:3:11: error: language: 'fr' is not one of en, nb
OUT

printf 'name: Testkommune\nmunicipality: "5001"\nmin_cell: 3\n' >lms.yaml
nb course list
is_rc 65 "a min_cell that protects nobody"
is_err "says what to use instead" <<'OUT'
lms.yaml: feil: min_cell: 3 er for lite til å skjerme noen; bruk 4 eller mer (eller 1 for ingen skjerming)
OUT

# An unknown key is kept, and lms check names it; the severity word before
# it is lms check's own.
printf 'name: Testkommune\nmunicipality: "5001"\ncolour: red\n' >lms.yaml
nb check
sed -n 's/^\(lms.yaml:3:1: \)[^:]*: /\1/p' "$SCRATCH/stdout" >"$SCRATCH/found"
is_file "an unknown key in lms.yaml" "$SCRATCH/found" <<'OUT'
lms.yaml:3:1: ukjent nøkkel «colour» i tjenesten [schema]
OUT
lms check
sed -n 's/^\(lms.yaml:3:1: \)[^:]*: /\1/p' "$SCRATCH/stdout" >"$SCRATCH/found"
is_file "(English)" "$SCRATCH/found" <<'OUT'
lms.yaml:3:1: unknown key 'colour' in service [schema]
OUT
cp "$SCRATCH/lms.yaml.saved" lms.yaml

cp people/participants.yaml "$SCRATCH/participants.yaml"
printf -- '- id: p-test01\n  name: "Deltaker\n' >people/participants.yaml
nb person list
is_rc 65 "a broken register"
is_err "is named with line and column" <<'OUT'
people/participants.yaml:3:1: feil: fant uventet slutt på filen ved lesing av en verdi i anførselstegn
OUT
printf -- '- id: p-test01\n  name: Deltaker\n   phone: 1\n' \
	>people/participants.yaml
nb person list
is_err "a colon where none may be" <<'OUT'
people/participants.yaml:3:9: feil: en verdi etter «:» er ikke tillatt her
OUT
lms person list
is_err "(English)" <<'OUT'
people/participants.yaml:3:9: error: mapping values are not allowed in this context
OUT
printf -- '- id: p-test01\n  name: En\n- id: p-test01\n  name: To\n' \
	>people/participants.yaml
nb person list
is_rc 65 "a person listed twice"
is_err "is named" <<'OUT'
people/participants.yaml:3:3: feil: personen «p-test01» står to ganger
OUT
cp "$SCRATCH/participants.yaml" people/participants.yaml
chmod 644 people/participants.yaml
nb person list
is_rc 1 "a register that others may read"
is_err "is refused, saying how to make it private" <<'OUT'
lms: «people/participants.yaml» kan leses av andre (modus 644): den inneholder navn og kontaktopplysninger; gjør den privat med: chmod 600 people/participants.yaml
OUT
chmod 600 people/participants.yaml

cp people/facilitators.yaml "$SCRATCH/facilitators.yaml"
printf -- '- id: fag-en\n  name: Fagperson En\n  shoe: 42\n' \
	>people/facilitators.yaml
nb check
sed -n 's/^\(people[^:]*:3:3: \)[^:]*: /\1/p' "$SCRATCH/stdout" \
	>"$SCRATCH/found"
is_file "an unknown key in a people file" "$SCRATCH/found" <<'OUT'
people/facilitators.yaml:3:3: ukjent nøkkel «shoe» i kurslederen [schema]
OUT
cp "$SCRATCH/facilitators.yaml" people/facilitators.yaml

nb course show ingen-slik
is_rc 66 "a course that is not there"
is_err "finnes ikke" <<'OUT'
lms: kurset «ingen-slik» finnes ikke
OUT
nb course show Matlaging
is_rc 2 "an id that is no id"
is_err "says what an id is" <<'OUT'
lms: ugyldig kurs-id «Matlaging»: bruk små bokstaver (a–z), sifre og «-», som begynner med en bokstav eller et siffer, høyst 64 tegn
 bruk: lms course show ID [--format text | yaml]
OUT

# --- A missing or busy tree -------------------------------------------

mkdir "$SCRATCH/empty" && cd "$SCRATCH/empty"
nb course list
is_rc 66 "no tree here or above"
is_err "says so, and how to make one" <<'OUT'
lms: ikke i et lms-tre: ingen lms.yaml her eller i noen mappe over (se lms init)
OUT
lms course list
is_err "(English)" <<'OUT'
lms: not in an lms tree: no lms.yaml here or in any folder above (see lms init)
OUT
nb -C nowhere course list
is_rc 66 "-C a folder that is no tree"
is_err "names the file it lacks" <<'OUT'
lms: ikke et lms-tre: «nowhere/lms.yaml» finnes ikke (se lms init)
OUT
cd "$SCRATCH/enrol"

mkdir -p .lms
rm -f "$SCRATCH/release" && mkfifo "$SCRATCH/release"
flock -x .lms/lock sh -c 'read x <"$0"' "$SCRATCH/release" &
holder=$!
while flock -n -s .lms/lock true 2>/dev/null; do
	sleep 0.05
done
remember
LANG=nb_NO.UTF-8 LMS_LOCK_TIMEOUT=0.2 lms purge
is_rc 75 "a lock held too long"
is_err "the tree is busy, in Norwegian" <<'OUT'
lms: treet er opptatt: en annen lms har låst «.lms/lock»
OUT
unchanged "and nothing changed"
LMS_LOCK_TIMEOUT=0.2 lms purge
is_err "(English)" <<'OUT'
lms: the tree is busy: another lms holds '.lms/lock'
OUT
echo >"$SCRATCH/release"
wait $holder

# --- The command line -------------------------------------------------

nb corse
is_rc 2 "an unknown command"
is_err "suggests the command meant" <<'OUT'
lms: «corse» er ikke en lms-kommando; mente du «course»?
OUT
lms corse
is_err "(English)" <<'OUT'
lms: 'corse' is not an lms command; did you mean 'course'?
OUT
nb frobnicate
is_err "a word like no command points to lms help" <<'OUT'
lms: «frobnicate» er ikke en lms-kommando (se lms help)
OUT
nb course liste
is_rc 2 "an unknown verb"
is_err "suggests the verb meant" <<'OUT'
lms: «liste» er ikke et verb til «lms course»; mente du «list»?
 bruk: lms course new | list | show | set | assign | unassign | close ...
OUT
nb export enrolments --format xml
is_rc 2 "a bad option value"
is_err "lists the values there are" <<'OUT'
lms: ukjent format «xml»: bruk csv, tsv
 bruk: lms export enrolments | attendance | evaluations [KURS...] [--format csv | tsv] [--excel]
eller: lms export fees [--term SEMESTER | --from DATO --to DATO] [--format csv | tsv] [--excel] [-o FIL]
OUT
lms export enrolments --format xml
is_err "(English)" <<'OUT'
lms: unknown format 'xml': use csv, tsv
usage: lms export enrolments | attendance | evaluations [COURSE...] [--format csv | tsv] [--excel]
   or: lms export fees [--term TERM | --from DATE --to DATE] [--format csv | tsv] [--excel] [-o FILE]
OUT
nb course list --from 31.02.2026
is_rc 2 "a date that is no date"
is_err "says which forms a date may take" <<'OUT'
lms: --from: «31.02.2026» er ikke en dato (bruk 07.09.2026, 7.9.2026, 7.9.26 eller 2026-09-07)
 bruk: lms course list [--status S] [--from DATO] [--to DATO] [--format F]
OUT

# --- Export: messages in the language, files as they were -------------

nb export tables
is_rc 2 "export of an unknown table"
is_err "names the tables" <<'OUT'
lms: «tables» er ikke en tabell: oppgi enrolments, attendance, evaluations eller fees
 bruk: lms export enrolments | attendance | evaluations [KURS...] [--format csv | tsv] [--excel]
eller: lms export fees [--term SEMESTER | --from DATO --to DATO] [--format csv | tsv] [--excel] [-o FIL]
OUT
for table in enrolments attendance evaluations; do
	for f in csv tsv; do
		LANG=C "$LMS" export $table --format $f >"$SCRATCH/en" 2>&1
		LANG=nb_NO.UTF-8 "$LMS" export $table --format $f \
			>"$SCRATCH/no" 2>&1
		cmp -s "$SCRATCH/en" "$SCRATCH/no"
		report $? "export $table --format $f: the same in both languages"
	done
done

# --- init -------------------------------------------------------------

cd "$SCRATCH"
nb init bodo
is_rc 0 "init"
is_out "says where, and what to set, in Norwegian" <<'OUT'
opprettet et lms-tre i bodo
sett vertskommunens nummer i bodo/lms.yaml
OUT
lms init tromso --municipality 5501
is_out "(English)" <<'OUT'
initialised an lms tree in tromso
OUT
nb init bodo
is_rc 73 "init of a tree that is there"
is_err "refuses" <<'OUT'
lms: «bodo» er allerede et lms-tre
OUT
nb init annen --municipality 180
is_rc 2 "init with a bad municipality number"
is_err "says what a number is" <<'OUT'
lms: --municipality: «180» er ikke nummeret til en kommune
 bruk: lms init [MAPPE] [--name N] [--municipality NNNN]
OUT
nb init annen --name "$(printf 'To\nlinjer')"
is_rc 2 "init with a name of two lines"
is_err "refuses it" <<'OUT'
lms: navnet må være UTF-8-tekst på én linje
 bruk: lms init [MAPPE] [--name N] [--municipality NNNN]
OUT

# --- purge ------------------------------------------------------------

cd "$SCRATCH/enrol"
"$LMS" enrol matlaging p-test03 >/dev/null
LMS_TODAY=2026-09-01 nb purge --dry-run
is_rc 0 "purge with nobody to forget"
is_out "says so" <<'OUT'
ingen å glemme: alle opplysninger er yngre enn 24 måneder
OUT
LMS_TODAY=2028-09-17 nb purge --dry-run
is_out "purge --dry-run: whom it would forget, with Norwegian dates" <<'OUT'
ville glemme p-test01: ingen kurs, samtykke gitt 01.08.2026
ville glemme p-test02: ingen kurs, samtykke gitt 02.08.2026
ville glemme p-test04: ingen kurs, samtykke gitt 04.08.2026
ville glemme p-test05: ingen kurs, samtykke gitt 05.08.2026
ville glemme p-test06: ingen kurs, samtykke gitt 06.08.2026
ville glemme p-test07: ingen kurs, samtykke gitt 07.08.2026
OUT
LMS_TODAY=2028-09-17 lms purge --dry-run
head -n 1 "$SCRATCH/stdout" >"$SCRATCH/first"
is_file "(English, ISO dates)" "$SCRATCH/first" <<'OUT'
would forget p-test01: no course, consent given 2026-08-01
OUT
LMS_TODAY=2028-12-01 nb purge
is_rc 0 "purge"
grep p-test03 "$SCRATCH/stdout" >"$SCRATCH/found"
is_file "says whom it forgot, and when their last course ended" \
	"$SCRATCH/found" <<'OUT'
glemte p-test03: siste kurs sluttet 17.09.2026
OUT

done_testing
