#!/bin/sh
# What lms says in Norwegian when it reads a sign-up sheet, a CSV file, an
# evaluation sheet or ITEM=VALUE answers, and when it enrols, withdraws,
# marks attendance and records evaluations; the same in English under
# LANG=C, and the files it writes the same byte for byte in both.
. "$(dirname "$0")/lib.sh"

# lib.sh asks for English through LC_MESSAGES; here each run says.
unset LC_MESSAGES
export LANG=C

# nb ARGS...: lms in Norwegian.
nb() {
	LANG=nb_NO.UTF-8
	lms "$@"
	LANG=C
}

# New people get ids at random: p-ID stands for them.
ids() {
	sed '/p-test/!s/p-[a-z0-9]\{6\}/p-ID/g' "$@"
}

# A sheet as a form tool exports it: a timestamp, a consent column and two
# questions that lms does not read.
sheet() {
	printf 'Tidsstempel;Navn;Telefon;E-post;Samtykke;Alder;Kommentar\n'
	printf '18.08.2026 kl. 10.12;Deltaker En;+47 900 00 001;;Ja;40;\n'
	printf '18.08.2026 kl. 11.00;Deltaker To;;to@example.org;ja;;\n'
	printf '19.08.2026 11:00;Ny Tre;900 00 013;;nei;;\n'
	printf '19.08.2026 12:00;Ny Fire;900 00 014;;ja;;Kommer sent\n'
	printf '19.08.2026 13:00;Deltaker Seks;900 00 006;;ja;;\n'
}

# An evaluation sheet: a response number that is no item, a participant
# id as typed, and an answer off the scale on line 3.
survey() {
	printf 'ID,Deltakernummer,hverdagen,hjelp,mal\n'
	printf '1,P-TEST02,3,3,3\n'
	printf '2,,2,%s,2\n' "$1"
}

use_tree enrol
export LMS_TODAY=2026-08-20
cd .. && cp -R enrol english && cd enrol || exit 1

# --- The sign-up sheet ---------------------------------------------------

remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	printf '%b' "$4" >../bad.csv
	nb enrol matlaging --csv ../bad.csv
	is_rc "$expected_rc" "$description"
	printf '%s\n' "$message" >"$SCRATCH/message"
	is_err "$description: in Norwegian" <"$SCRATCH/message"
}
refuse 65 "a timestamp that is no date" \
	"../bad.csv:2: feil: tidsstempel: «i går» er ikke en dato og et klokkeslett (som 24.08.2026 kl. 10.12 eller 2026-08-24 10:12)" \
	'Navn,Tidsstempel\nNy Fire,i går\n'
refuse 65 "a date that reads either way" \
	"../bad.csv:2: feil: tidsstempel («Innsendt»): «05/06/2026 10:00» er ikke en dato og et klokkeslett: dagen og måneden kan leses begge veier (skriv datoer som 24.08.2026 eller 2026-08-24)" \
	'Navn,Innsendt\nNy Fire,05/06/2026 10:00\n'
refuse 65 "a date after today" \
	"../bad.csv:2: feil: tidsstempel: 21.08.2026 er etter dagens dato" \
	'Navn,Tidsstempel\nNy Fire,21.08.2026 10:00\n'
refuse 65 "a consent that is neither yes nor no" \
	"../bad.csv:2: feil: samtykke: «kanskje» er verken ja eller nei (skriv ja eller nei)" \
	'Navn,Samtykke\nNy Fire,kanskje\n'
refuse 65 "a bad phone number" \
	"../bad.csv:2: feil: telefon («Mobil»): «12» er ikke et telefonnummer" \
	'Navn,Mobil\nNy Fire,12\n'
refuse 65 "a year of birth" \
	"../bad.csv:2: feil: fødselsår («Født»): «1850» er ikke et fødselsår" \
	'Navn,Født\nNy Fire,1850\n'
refuse 65 "an unknown referral" \
	"../bad.csv:2: feil: henvisning («Henvist av»): «naboen min» er ikke en henvisning som lms kjenner (skriv self, gp, healthy-life-centre, specialist, municipal, nav, user-organisation eller other, eller et ord som fastlege, sykehus, NAV eller kommunen)" \
	'Navn,Henvist av\nNy Fire,naboen min\n'
refuse 65 "a row without a name" \
	"../bad.csv:3: feil: navn: oppgi et navn på én linje" \
	'Navn,Telefon\nNy Fire,900 00 014\n,900 00 015\n'
refuse 65 "no name column" \
	"../bad.csv:1: feil: ingen kolonne med navn (overskriftslinjen har «Fornavn», «Telefon»)" \
	'Fornavn,Telefon\nNy,900 00 014\n'
refuse 65 "one person twice" \
	"../bad.csv:3: feil: samme person som på linje 2 (samme telefonnummer eller e-postadresse)" \
	'Navn,Telefon\nNy Fire,900 00 014\nNy Fire,900 00 014\n'
refuse 1 "a resident of another municipality" \
	"../bad.csv:2: feil: p-test05 bor i 1234, som verken er vertskommunen eller en samarbeidskommune for tjenesten (--force-line 2 slipper inn denne raden, --force hele arket)" \
	'Navn,Telefon\nDeltaker Fem,900 00 005\n'

# --- A broken CSV file -----------------------------------------------------

refuse 65 "a quote inside a field: its line and column" \
	"../bad.csv:3:4: feil: ødelagt CSV: et anførselstegn står der det ikke kan stå (et anførselstegn som ikke er lukket?)" \
	'Navn,Telefon\nNy Fire,900 00 014\nNy "Fem",900 00 015\n'
refuse 65 "a quote left open" \
	"../bad.csv:3: feil: ødelagt CSV: et felt i anførselstegn er ikke lukket" \
	'Navn,Telefon\nNy Fire,900 00 014\n"Ny Fem,900 00 015\n'
refuse 65 "a ragged row" \
	"../bad.csv:3: feil: raden har 3 felt, overskriftslinjen 2" \
	'Navn,Telefon\nNy Fire,900 00 014\nNy Fem,1,2\n'
refuse 65 "a file that is not UTF-8" \
	"../bad.csv:2:2: feil: ikke UTF-8-tekst: en byte som UTF-8 aldri bruker (lagre arket som «CSV UTF-8»)" \
	'Navn\nB\370rre\n'
refuse 65 "an empty file" \
	"../bad.csv: feil: filen er tom: den trenger en overskriftslinje" ''
unchanged "the refused sheets changed nothing"

sheet >sheet.csv
nb enrol matlaging --csv sheet.csv
is_rc 0 "a sign-up sheet"
ids "$SCRATCH/stdout" >"$SCRATCH/report"
is_file "its rows and its sum in Norwegian" "$SCRATCH/report" <<'OUT'
linje 2: p-test01 påmeldt
linje 3: p-test02 påmeldt
linje 5: p-ID påmeldt (ny i registeret)
linje 6: p-test06 på venteliste
3 påmeldt, 1 på venteliste, 1 nye i registeret, 1 utelatt
OUT
is_err "its notes in Norwegian" <<'ERR'
sheet.csv:1: advarsel: kolonnene «Alder» og «Kommentar» blir ikke lest: de er utelatt
sheet.csv:4: advarsel: ingen samtykke: utelatt, verken registrert eller påmeldt
ERR

# --- Enrol, withdraw, attend -------------------------------------------

nb enrol matlaging p-test03
is_rc 0 "enrolling on a full course"
is_out "puts on the waiting list, in Norwegian" <<'OUT'
p-test03 på venteliste (nummer 2 på ventelisten)
OUT
nb enrol matlaging p-test03
is_rc 1 "enrolling twice"
is_err "is refused in Norwegian" <<'ERR'
lms: p-test03 står allerede på ventelisten til kurset «matlaging»
ERR
nb enrol matlaging p-test04 --relative-of p-test04
is_rc 2 "one's own relative"
is_err "is refused in Norwegian, with the usage" <<'ERR'
lms: p-test04 kan ikke være sin egen pårørende
 bruk: lms enrol KURS PERSON [--role R] [--referral R] [--relative-of P] [--date DATO] [--force]
eller: lms enrol KURS --csv FIL [--date DATO] [--force] [--force-line LINJE,...]
eller: lms enrol --next KURS [TIL]
ERR

nb withdraw matlaging p-test01
is_rc 0 "withdrawing"
is_out "frees a place for the first on the waiting list" <<'OUT'
p-test01 er meldt av matlaging
p-test06 rykket opp fra ventelisten: påmeldt
OUT
nb withdraw matlaging p-test01
is_rc 66 "withdrawing someone not enrolled"
is_err "is refused in Norwegian" <<'ERR'
lms: p-test01 er ikke påmeldt kurset «matlaging»
ERR

export LMS_TODAY=2026-09-20
nb attend matlaging 1 --all --absent p-test06
is_rc 0 "attendance"
is_out "counted in Norwegian, with a Norwegian date" <<'OUT'
samling 1, 07.09.2026: 2 til stede, 1 fraværende, 0 meldt forfall
OUT
nb attend matlaging 2 --headcount participants=4,relatives=1
is_rc 0 "a headcount"
is_out "in Norwegian" <<'OUT'
samling 2, 10.09.2026: hodetelling: deltakere 4, pårørende 1
OUT
remember
nb attend matlaging 3 p-test02 p-test09
is_rc 66 "attendance of someone unknown"
is_err "is refused in Norwegian" <<'ERR'
lms: p-test09 er ikke på kurset «matlaging»
ERR
nb attend matlaging 3 p-test03
is_rc 66 "attendance of someone on the waiting list"
is_err "is refused in Norwegian" <<'ERR'
lms: p-test03 står på ventelisten til kurset «matlaging», ikke på kurset
ERR
unchanged "refused attendance changed nothing"

# --- Evaluations -----------------------------------------------------------

"$LMS" course set matlaging forms=kursevaluering,mestringstro >/dev/null
survey 9 >svar.csv
remember
nb evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_rc 65 "an evaluation sheet with an answer off the scale"
is_err "names its line and column in Norwegian" <<'ERR'
lms: advarsel: svar.csv: kolonnen «ID» svarer ikke til noe spørsmål i skjemaet og er utelatt
svar.csv:3: feil: kolonnen «hjelp»: hjelp: «9» er ikke på skalaen fra 1 til 4
ERR
unchanged "and changes nothing"
survey 'Stemmer helt' >svar.csv
nb evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_rc 0 "an evaluation sheet"
is_out "imported, and said in Norwegian" <<'OUT'
importerte 2 svar på mestringstro (etter): 1 med navn, 1 uten navn
OUT
nb evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_rc 0 "the same sheet again"
is_out "adds nothing, and says so in Norwegian" <<'OUT'
ingenting nytt: 2 svar i svar.csv er importert fra før
OUT
nb evaluate matlaging --form mestringstro --phase pre --csv svar.csv
is_rc 1 "the same sheet for another phase"
is_err "is refused in Norwegian" <<'ERR'
lms: advarsel: svar.csv: kolonnen «ID» svarer ikke til noe spørsmål i skjemaet og er utelatt
svar.csv:2: feil: denne raden er importert før, som svar i fasen «etter» (linje 1 i evaluations.yaml): et ark svarer på én fase
ERR

nb evaluate matlaging --form mestringstro --phase pre --person p-test02 \
	hverdagen=7
is_rc 2 "an answer off the scale"
head -n 1 "$SCRATCH/stderr" >"$SCRATCH/first"
is_file "is refused in Norwegian" "$SCRATCH/first" <<'ERR'
lms: hverdagen: «7» er ikke på skalaen fra 1 til 4
ERR
nb evaluate matlaging --form mestringstro --phase pre --person p-test02 \
	hverdagn=3
is_rc 2 "an item that is not on the form"
head -n 1 "$SCRATCH/stderr" >"$SCRATCH/first"
is_file "is refused in Norwegian, with a guess" "$SCRATCH/first" <<'ERR'
lms: skjemaet «mestringstro» har ikke spørsmålet «hverdagn»; mente du «hverdagen»?
ERR
nb evaluate matlaging --form mestringstro --phase post --person p-test02 \
	hverdagen=3
is_rc 1 "a second post response"
is_err "is refused in Norwegian" <<'ERR'
lms: p-test02 har allerede svart på skjemaet «mestringstro» etter kurset
ERR
nb evaluate matlaging --form mestringstro --phase pre --person p-test03 \
	hverdagen=3
is_rc 1 "a response by someone not on the course"
is_err "is refused in Norwegian" <<'ERR'
lms: p-test03 er ikke på kurset «matlaging»: bare deltakerne svarer med navn
ERR

nb evaluate matlaging --form kursevaluering --phase session --session 2 \
	nytte=4 kommentar="Ring meg på 900 00 001"
is_rc 65 "personal data in an answer"
like "is refused, and the remedy said in Norwegian" \
	'(ta det bort, eller bruk --redact for å bytte det ut med \[redacted\])$' \
	"$err"

# --- The same in English -----------------------------------------------

# The commands above that changed the tree, once more in English in a
# copy of it: English as before, and the same files.
cd ../english || exit 1
export LMS_TODAY=2026-08-20
sheet >sheet.csv
lms enrol matlaging --csv sheet.csv
is_rc 0 "LANG=C: a sign-up sheet"
ids "$SCRATCH/stdout" >"$SCRATCH/report"
is_file "its rows and its sum in English" "$SCRATCH/report" <<'OUT'
line 2: p-test01 enrolled
line 3: p-test02 enrolled
line 5: p-ID enrolled (new in the register)
line 6: p-test06 waitlisted
3 enrolled, 1 waitlisted, 1 new in the register, 1 left out
OUT
is_err "its notes in English" <<'ERR'
sheet.csv:1: warning: the columns 'Alder' and 'Kommentar' are not read: they are left out
sheet.csv:4: warning: no consent ('Samtykke'): left out, neither registered nor enrolled
ERR
printf 'Navn,Telefon\nNy Fire,900 00 014\nNy "Fem",900 00 015\n' >../bad.csv
lms enrol matlaging --csv ../bad.csv
is_rc 65 "LANG=C: a broken CSV file"
is_err "its line and column, in English" <<'ERR'
../bad.csv:3:4: error: broken CSV: error parsing data while strict checking enabled (a quote that is not closed?)
ERR
lms enrol matlaging p-test03
is_out "LANG=C: the waiting list in English" <<'OUT'
p-test03 waitlisted (number 2 on the waiting list)
OUT
lms withdraw matlaging p-test01
is_out "LANG=C: a withdrawal in English" <<'OUT'
p-test01 withdrawn from matlaging
p-test06 moved up from the waiting list: enrolled
OUT
export LMS_TODAY=2026-09-20
lms attend matlaging 1 --all --absent p-test06
is_out "LANG=C: attendance in English" <<'OUT'
session 1, 2026-09-07: 2 present, 1 absent, 0 excused
OUT
lms attend matlaging 2 --headcount participants=4,relatives=1
is_out "LANG=C: a headcount in English" <<'OUT'
session 2, 2026-09-10: headcount 4 participants, 1 relatives
OUT
lms attend matlaging 3 p-test09
is_err "LANG=C: someone unknown, in English" <<'ERR'
lms: p-test09 is not on course 'matlaging'
ERR
"$LMS" course set matlaging forms=kursevaluering,mestringstro >/dev/null
survey 9 >svar.csv
lms evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_err "LANG=C: an answer off the scale, in English" <<'ERR'
lms: warning: svar.csv: column 'ID' matches no item of the form and is left out
svar.csv:3: error: column 'hjelp': hjelp: '9' is not on the scale from 1 to 4
ERR
survey 'Stemmer helt' >svar.csv
lms evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_out "LANG=C: an import in English" <<'OUT'
imported 2 responses to mestringstro (post): 1 by name, 1 anonymous
OUT
lms evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_out "LANG=C: nothing new, in English" <<'OUT'
nothing new: the 2 responses of svar.csv were imported before
OUT
lms evaluate matlaging --form mestringstro --phase post --person p-test02 \
	hverdagen=3
is_err "LANG=C: a second response, in English" <<'ERR'
lms: p-test02 has answered the post form 'mestringstro' already
ERR

# What lms wrote does not depend on the language it spoke.  New people get
# random ids, which order lists differently from run to run: the lines are
# compared, sorted.
for f in courses/matlaging/course.yaml courses/matlaging/enrolments.yaml \
	courses/matlaging/attendance.yaml people/participants.yaml; do
	ids "$f" | sort >"$SCRATCH/en"
	ids "../enrol/$f" | sort >"$SCRATCH/nb"
	cmp -s "$SCRATCH/en" "$SCRATCH/nb"
	report $? "$f: the same in English and Norwegian"
done
# The digests of responses hold the person and answers, not the language.
cmp -s courses/matlaging/evaluations.yaml ../enrol/courses/matlaging/evaluations.yaml
report $? "evaluations.yaml: the same in English and Norwegian"

done_testing
