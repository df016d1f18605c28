#!/bin/sh
# The language: Norwegian bokmål from LANG, LC_ALL, LC_MESSAGES, LANGUAGE
# or a service's lms.yaml, whether or not the machine has the locale;
# English under C; the formats for scripts the same byte for byte in
# every language.
. "$(dirname "$0")/lib.sh"

# lib.sh asks for English through LC_MESSAGES; here each run says.
unset LC_MESSAGES
export LANG=C

use_tree enrol
export LMS_TODAY=2026-09-01
"$LMS" course set matlaging capacity=6 forms=kursevaluering,mestringstro \
	>/dev/null
for p in p-test01 p-test02 p-test03 p-test04 p-test06 p-test07; do
	"$LMS" enrol matlaging $p >/dev/null
done
"$LMS" enrol matlaging p-test05 --force >/dev/null
ev() {
	"$LMS" evaluate matlaging --form mestringstro --phase "$1" \
		--person "$2" --date "$3" hverdagen=$4 hjelp=$5 mal=$6 \
		tilbakeslag=$7 ressurser=$8 si-fra=2 oppgitt=3 pavirke=2 >/dev/null
}
ev pre p-test01 2026-09-07 2 2 1 2 2
ev pre p-test02 2026-09-07 3 2 2 2 3
ev pre p-test03 2026-09-07 1 2 2 1 2
ev post p-test01 2026-09-17 3 3 3 3 3
ev post p-test02 2026-09-17 4 4 3 4 3
ev post p-test03 2026-09-17 2 3 2 2 2
"$LMS" evaluate matlaging --form kursevaluering --phase session --session 2 \
	nytte=5 teori-praksis=4 erfaringer=5 trygghet=5 formidling=5 lokaler=3 \
	kommentar="Mer praksis, takk" >/dev/null
export LMS_TODAY=2026-09-20
"$LMS" attend matlaging 1 --all >/dev/null
"$LMS" attend matlaging 2 --all --absent p-test07 --excused p-test03 >/dev/null
"$LMS" attend matlaging 3 --all --absent p-test07 >/dev/null
"$LMS" attend matlaging 4 --all --absent p-test07,p-test02 >/dev/null
"$LMS" course close matlaging >/dev/null 2>&1
"$LMS" report >/dev/null 2>&1		# makes the key of shared reports

# --- Choosing ----------------------------------------------------------

# heading ENV...: the title of the aggregate report under ENV.
heading() {
	env "$@" "$LMS" report | head -n 1
}

# No nb_NO locale needs to be generated for this.
[ "$(heading LANG=nb_NO.UTF-8)" = "Rapport etter kurs" ]
report $? "LANG=nb_NO.UTF-8: Norwegian"
[ "$(heading LANG=C)" = "Report by course" ]
report $? "LANG=C: English"
[ "$(heading LANG=no_NO)" = "Rapport etter kurs" ] &&
	[ "$(heading LANG=nn_NO.UTF-8)" = "Rapport etter kurs" ] &&
	[ "$(heading LANG=nb)" = "Rapport etter kurs" ]
report $? "no and nn are Norwegian (bokmål) too"
[ "$(heading LANG=en_GB.UTF-8)" = "Report by course" ] &&
	[ "$(heading LANG=de_DE.UTF-8)" = "Report by course" ] &&
	[ "$(heading LANG=POSIX)" = "Report by course" ] &&
	[ "$(heading LANG=C.UTF-8)" = "Report by course" ]
report $? "en, another language, POSIX and C.UTF-8 are English"
[ "$(heading LANG=C LC_ALL=nb_NO.UTF-8)" = "Rapport etter kurs" ] &&
	[ "$(heading LANG=nb_NO.UTF-8 LC_ALL=C)" = "Report by course" ] &&
	[ "$(heading LANG=C LC_MESSAGES=nb_NO.UTF-8)" = "Rapport etter kurs" ] &&
	[ "$(heading LANG=nb_NO.UTF-8 LC_MESSAGES=C)" = "Report by course" ]
report $? "LC_ALL, then LC_MESSAGES, then LANG"
[ "$(heading LANG=en_GB.UTF-8 LANGUAGE=nb:en)" = "Rapport etter kurs" ] &&
	[ "$(heading LANG=nb_NO.UTF-8 LANGUAGE=en_GB:nb)" = "Report by course" ] &&
	[ "$(heading LANG=en_GB.UTF-8 LANGUAGE=sv:nn)" = "Rapport etter kurs" ]
report $? "LANGUAGE's first language that lms knows comes first"
[ "$(heading LANG=C LANGUAGE=nb)" = "Report by course" ]
report $? "but not in the C locale, as with gettext"

# A service's language wins for its documents, not for messages.
cp lms.yaml "$SCRATCH/lms.yaml"
echo "language: nb" >>lms.yaml
[ "$(heading LANG=C)" = "Rapport etter kurs" ]
report $? "language: nb in lms.yaml, LANG=C: a Norwegian report"
LANG=C lms roster
is_rc 2 "a usage error"
is_err "its message in the user's language" <<'ERR'
lms: give one course
usage: lms roster COURSE [--format F]
   or: lms roster COURSE --sheet [--session SESSION] [--contacts] [--blank N] [--format text | html]
ERR
sed -i 's/^language: nb$/language: en/' lms.yaml
[ "$(heading LANG=nb_NO.UTF-8)" = "Report by course" ]
report $? "language: en, LANG=nb_NO.UTF-8: an English report"
sed -i 's/^language: en$/language: de/' lms.yaml
lms check
is_rc 65 "language: de"
is_err "is refused" <<'ERR'
lms.yaml:7:11: error: language: 'de' is not one of en, nb
ERR
cp "$SCRATCH/lms.yaml" lms.yaml

# --- Norwegian for people ----------------------------------------------

LANG=nb_NO.UTF-8 lms report --exact
is_rc 0 "the aggregate report in Norwegian"
is_out "headings, columns, words and numbers in Norwegian" <<'OUT'
Rapport etter kurs
==================
*** Internt: eksakte tall, ikke til deling ***

Hva rapporten omfatter
----------------------
tjeneste:                   Testkommune lærings- og mestringstjeneste
gruppert etter:             kurs
antall kurs:                1
samlinger holdt til og med: 20.09.2026
skjema for mestringstro:    mestringstro

Tall
----
KURS       ANTALL KURS  SAMLINGER  DELTAKERE  PÅRØRENDE  PÅMELDINGER  PÅ VENTELISTE  GJENNOMFØRT %  OPPMØTER  OPPMØTE %  VENTEDAGER  BRUKERREPR. I ALLE FASER  PAR   FØR  ETTER  ENDRING   D_Z  BRUKERREPR. I ALLE FASER, PLANLAGT  ANSATTE
matlaging            1          4          6          0            6              1             83        19         79           6                         1    3  1,96   2,58     0,62  2,89                                   1        0
totalt               1          4          6          0            6              1             83        19         79           6                         1    3  1,96   2,58     0,62  2,89                                   1        0

Deltakere og pårørende teller personene på hvert kurs (den som går på to kurs,
telles to ganger); ansatte er tjenestens egne ansatte som har fått opplæring
på et kurs, og telles for seg; påmeldinger er de tre til sammen; gjennomført
er andelen som gjennomførte av dem som ble vurdert da kurset ble avsluttet;
oppmøter teller hvem som kom, med hodetellingen på åpne samlinger; oppmøte er
andelen til stede av dem som ble registrert; ventedager er median antall dager
fra påmelding til første samling; før, etter og endring er gjennomsnittlig
skår for mestringstro i parene og forskjellen mellom dem, med effektstørrelsen
d_z.

Brukerrepr. i alle faser teller kursene der brukerrepresentanter faktisk var
med i planlegging, gjennomføring og evaluering: samlinger de ledet og møter
som er ført opp (lms meeting); brukerrepr. i alle faser, planlagt teller
kursene der planen fører dem opp for alle tre.

Dette er eksakte tall, til tjenestens eget bruk: små tall er ikke skjermet, så
rapporten er ikke til deling.
OUT

LANG=nb_NO.UTF-8 lms report course matlaging --format md
is_rc 0 "the course report in Norwegian"
sed -n '1,24p' "$SCRATCH/stdout" >"$SCRATCH/head"
is_file "its first sections" "$SCRATCH/head" <<'OUT'
# Matlaging og kosthold: evalueringsrapport

**Internt: eksakte tall, ikke til deling**

## Kurset

- **kurs:** matlaging
- **status:** gjennomført
- **samlinger:** 4, 07.09.2026–17.09.2026
- **sted:** Treffstedet, kjøkkenet

| navn | type | faser |
| --- | --- | --- |
| Fagperson En | fagperson | planlegging, gjennomføring, evaluering |
| Brukerrepresentant To | brukerrepresentant | planlegging, gjennomføring, evaluering |

## Påmelding

- **plasser:** 6
- **påmeldt:** 0
- **på venteliste:** 1
- **avmeldt:** 0
- **gjennomført:** 5
- **ikke gjennomført:** 1
OUT
like "the scores, with a decimal comma" "^| før | 3 | 3 | 1,96 | 0,26 |$" "$out"
like "before and after, and what people wrote" \
	"## Samling for samling: Evaluering av kurset" "$out"

LANG=nb_NO.UTF-8 lms report --format html
like "HTML says nb over Norwegian" '^<html lang="nb">$' "$out"
like "with a Norwegian footer" \
	"<footer>Laget av lms fra tjenestens filer. Ingen deltaker er navngitt.</footer>" \
	"$out"
like "and charts" "<figcaption>Deltakere og pårørende</figcaption>" "$out"
LANG=C lms report --format html
like "and en over English" '^<html lang="en">$' "$out"

LANG=nb_NO.UTF-8 lms report --excel --exact
is_rc 0 "--excel in Norwegian"
printf '\357\273\277# internt: eksakte tall, ikke til deling\r\nkurs;antall kurs;samlinger;deltakere;pårørende;påmeldinger;på venteliste;gjennomført %%;oppmøter;oppmøte %%;ventedager;brukerrepr. i alle faser;par;før;etter;endring;d_z;brukerrepr. i alle faser, planlagt;ansatte\r\nmatlaging;1;4;6;0;6;1;83;19;79;6;1;3;1,96;2,58;0,62;2,89;1;0\r\ntotalt;1;4;6;0;6;1;83;19;79;6;1;3;1,96;2,58;0,62;2,89;1;0\r\n' \
	>"$SCRATCH/expected"
cmp -s "$SCRATCH/expected" "$SCRATCH/stdout"
report $? "Norwegian titles, numbers as a Norwegian spreadsheet reads them"
diff -u "$SCRATCH/expected" "$SCRATCH/stdout" | sed 's/^/# /'
LANG=C lms report --excel --exact
like "in English, only the titles change" \
	"^matlaging;1;4;6;0;6;1;83;19;79;6;1;3;1,96;2,58;0,62;2,89;1;0" "$out"

LANG=nb_NO.UTF-8 lms roster matlaging --sheet --session 2 --blank 1
is_rc 0 "a sign-in sheet in Norwegian"
head -n 6 "$SCRATCH/stdout" >"$SCRATCH/head"
is_file "its heading, a Norwegian day and time" "$SCRATCH/head" <<'OUT'
Oppmøteliste: Matlaging og kosthold
Samling 2 av 4: torsdag 10. september 2026, kl. 11.00–14.00, Treffstedet, kjøkkenet
Tema: Vi lager mat sammen

#  NAVN                            SIGNATUR
1  ______________________________  ______________________________
OUT
tail -n 2 "$SCRATCH/stdout" >"$SCRATCH/tail"
is_file "and its foot" "$SCRATCH/tail" <<'OUT'
Listen har navn på folk: oppbevar den med kursets papirer,
og makuler den når oppmøtet er registrert.
OUT
LANG=nb_NO.UTF-8 lms roster matlaging --sheet --session 2 --format html \
	--contacts
like "in HTML, lang nb" '^<html lang="nb">$' "$out"
like "with Norwegian column titles" \
	"<th scope=\"col\">Navn</th><th scope=\"col\">Telefon</th><th scope=\"col\">E-post</th><th scope=\"col\">Signatur</th>" "$out"

LANG=nb_NO.UTF-8 lms roster matlaging
head -n 3 "$SCRATCH/stdout" >"$SCRATCH/head"
is_file "the roster in Norwegian: days before months" "$SCRATCH/head" <<'OUT'
Matlaging og kosthold (matlaging): 0 påmeldte av 6 plasser, 1 på venteliste

ID         NAVN            TELEFON     E-POST          ROLLE     STATUS            07.09  10.09  14.09  17.09
OUT
like "its words and marks" "^p-test03   Deltaker Tre  *deltaker  gjennomført  *T  *M  *T  *T$" \
	"$out"
like "the place on the waiting list" "^p-test05 .* venteliste 1$" "$out"
like "who came" "^til stede  *6  *4  *5  *4$" "$out"

LANG=nb_NO.UTF-8 lms calendar
tr -d '\r' <"$SCRATCH/stdout" | grep '^DESCRIPTION' | head -n 2 \
	>"$SCRATCH/desc"
is_file "the calendar's text in Norwegian" "$SCRATCH/desc" <<'OUT'
DESCRIPTION:Samling 1 av 4\nLedes av: Fagperson En\, Brukerrepresentant To
DESCRIPTION:Samling 2 av 4\nLedes av: Fagperson En\, Brukerrepresentant To
OUT

LANG=nb_NO.UTF-8 lms roster
is_rc 2 "a usage error in Norwegian"
is_err "said and headed in Norwegian, the syntax with its placeholders" <<'ERR'
lms: oppgi ett kurs
 bruk: lms roster KURS [--format F]
eller: lms roster KURS --sheet [--session SAMLING] [--contacts] [--blank N] [--format text | html]
ERR
LANG=nb_NO.UTF-8 lms report --bogus
like "an unknown option" "^lms: ukjent valg «--bogus»$" "$err"
LANG=nb_NO.UTF-8 lms attend matlaging 1 p-test99
is_rc 66 "attend someone not on the course"
is_err "says so in Norwegian" <<'ERR'
lms: p-test99 er ikke på kurset «matlaging»
ERR
LANG=nb_NO.UTF-8 lms help
like "lms help's overview in Norwegian" \
	"^   report       rapporter om kurs, tjenester og evalueringen av dem$" \
	"$out"

# --- The same for scripts in every language ----------------------------

# same ARG...: lms ARG... writes the same bytes in English and Norwegian.
same() {
	"$LMS" "$@" >"$SCRATCH/c.out" 2>&1
	LANG=nb_NO.UTF-8 "$LMS" "$@" >"$SCRATCH/nb.out" 2>&1
	cmp -s "$SCRATCH/c.out" "$SCRATCH/nb.out"
	report $? "the same in English and Norwegian: $*"
	diff -u "$SCRATCH/c.out" "$SCRATCH/nb.out" | sed 's/^/# /'
}

echo "language: nb" >>lms.yaml
for f in csv tsv yaml; do
	same report --format $f
	same report --format $f --exact
	same report --by term --format $f --exact
	same report --by target-group --format $f
	same report --by municipality --format $f
	same roster matlaging --format $f
done
same report course matlaging --format csv
same report course matlaging --format yaml
"$LMS" report --each course --out "$SCRATCH/each" --format csv >/dev/null
cp "$SCRATCH/each/index.csv" "$SCRATCH/index.c"
LANG=nb_NO.UTF-8 "$LMS" report --each course --out "$SCRATCH/each" \
	--format csv >/dev/null
cmp -s "$SCRATCH/index.c" "$SCRATCH/each/index.csv"
report $? "the index of --each as CSV too"
LANG=C "$LMS" report --format yaml --exact >"$SCRATCH/yaml"
grep -q '^    - course: matlaging$' "$SCRATCH/yaml" &&
	grep -q '^      completion_pct: 83$' "$SCRATCH/yaml" &&
	grep -q '^      before: 1.96$' "$SCRATCH/yaml"
report $? "YAML keeps English keys and numbers as C writes them"
cp "$SCRATCH/lms.yaml" lms.yaml

done_testing
