#!/bin/sh
# The reports, the course report, the sign-in sheet and the roster in
# Norwegian, word for word: Norwegian dates (17.09.2026) and periods
# (01.01.2026–30.06.2026) in the formats for people, a CSV for Excel that
# a Norwegian spreadsheet reads, Norwegian messages; and the formats for
# scripts the same byte for byte in English and Norwegian.
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

# --- The aggregate report ----------------------------------------------

LANG=nb_NO.UTF-8 lms report --exact --from 2026-01-01 --to 2026-06-30
is_rc 0 "the aggregate report of a period"
sed -n '5,12p' "$SCRATCH/stdout" >"$SCRATCH/head"
is_file "what it covers: a Norwegian period and date" "$SCRATCH/head" <<'OUT'
Hva rapporten omfatter
----------------------
tjeneste:                   Testkommune lærings- og mestringstjeneste
kurs som starter:           01.01.2026–30.06.2026
gruppert etter:             kurs
antall kurs:                0
samlinger holdt til og med: 20.09.2026
skjema for mestringstro:    mestringstro
OUT
LANG=nb_NO.UTF-8 lms report --exact --to 2026-12-31
like "a period with no first day" \
	"^kurs som starter:           til og med 31.12.2026$" "$out"
LANG=nb_NO.UTF-8 lms report --exact --from 2026-01-01 --format md
like "a period with no last day" \
	"^- \*\*kurs som starter:\*\* fra og med 01.01.2026$" "$out"
like "and decimal commas" \
	"^| matlaging | 1 | 4 | 6 | 0 | 6 | 1 | 83 | 19 | 79 | 6 | 1 | 3 | 1,96 | 2,58 | 0,62 | 2,89 | 1 | 0 |$" \
	"$out"
LANG=nb_NO.UTF-8 lms report --exact --from 2026-01-01 --to 2026-12-31 \
	--format html
like "HTML: the period" \
	"<dt>kurs som starter</dt><dd>01.01.2026–31.12.2026</dd>" "$out"
like "and the day" \
	"<dt>samlinger holdt til og med</dt><dd>20.09.2026</dd>" "$out"
LANG=nb_NO.UTF-8 lms report --exact
sed -n '5,20p' "$SCRATCH/stdout" >"$SCRATCH/head"
is_file "the report's facts and table" "$SCRATCH/head" <<'OUT'
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
OUT

# English as it was.
LANG=C lms report --exact --from 2026-01-01 --to 2026-06-30
like "in English: a period" \
	"^courses starting:    2026-01-01 to 2026-06-30$" "$out"
like "and the day" "^sessions held up to: 2026-09-20$" "$out"
LANG=C lms report --exact --to 2026-06-30
like "a period with no first day" \
	"^courses starting:    the first to 2026-06-30$" "$out"
LANG=C lms report --exact --from 2026-01-01
like "a period with no last day" \
	"^courses starting:    2026-01-01 to the last$" "$out"

# --- The course report -------------------------------------------------

LANG=nb_NO.UTF-8 lms report course matlaging
is_rc 0 "the course report in Norwegian"
sed -n '1,32p' "$SCRATCH/stdout" >"$SCRATCH/head"
is_file "its facts, with dates as a Norwegian reads them" "$SCRATCH/head" <<'OUT'
Matlaging og kosthold: evalueringsrapport
=========================================
*** Internt: eksakte tall, ikke til deling ***

Kurset
------
kurs:      matlaging
status:    gjennomført
samlinger: 4, 07.09.2026–17.09.2026
sted:      Treffstedet, kjøkkenet

NAVN                   TYPE                FASER
Fagperson En           fagperson           planlegging, gjennomføring, evaluering
Brukerrepresentant To  brukerrepresentant  planlegging, gjennomføring, evaluering

Påmelding
---------
plasser:             6
påmeldt:             0
på venteliste:       1
avmeldt:             0
gjennomført:         5
ikke gjennomført:    1
pårørende blant dem: 0

Oppmøte per samling
-------------------
NR.  DATO        TEMA                  TIL STEDE  FRAVÆRENDE  MELDT FORFALL  HODETELLING  ANDEL
  1  07.09.2026  Kosthold i teori              6           0              0               100 %
  2  10.09.2026  Vi lager mat sammen           4           1              1                67 %
  3  14.09.2026  Handling på budsjett          5           1              0                83 %
  4  17.09.2026                                4           2              0                67 %
OUT
tail -n 9 "$SCRATCH/stdout" >"$SCRATCH/tail"
is_file "session by session, and what people wrote" "$SCRATCH/tail" <<'OUT'
Samling for samling: Evaluering av kurset
-----------------------------------------
DATO        TEMA                 SVAR  SKÅRET  SNITT  SD
10.09.2026  Vi lager mat sammen     1       1   4,50   -

Hva folk skrev
--------------
SKJEMA          NÅR         KOMMENTAR
kursevaluering  10.09.2026  Mer praksis, takk
OUT
LANG=C lms report course matlaging
like "in English, ISO dates" "^sessions: 4, 2026-09-07 to 2026-09-17$" "$out"

# --- CSV for Excel ------------------------------------------------------

LANG=nb_NO.UTF-8 lms report course matlaging --excel
is_rc 0 "the course report for Excel in Norwegian"
tail -c +4 "$SCRATCH/stdout" | tr -d '\r' | sed -n '1,10p;23,28p' \
	>"$SCRATCH/head"
is_file "sections by their titles, facts and dates in Norwegian" \
	"$SCRATCH/head" <<'OUT'
# internt: eksakte tall, ikke til deling
Kurset
navn;verdi
kurs;matlaging
status;gjennomført
samlinger;4, 07.09.2026–17.09.2026
sted;Treffstedet, kjøkkenet

navn;type;faser
Fagperson En;fagperson;planlegging, gjennomføring, evaluering
Oppmøte per samling
nr.;dato;tema;til stede;fraværende;meldt forfall;hodetelling;andel
1;07.09.2026;Kosthold i teori;6;0;0;;100%
2;10.09.2026;Vi lager mat sammen;4;1;1;;67%
3;14.09.2026;Handling på budsjett;5;1;0;;83%
4;17.09.2026;;4;2;0;;67%
OUT
# What a spreadsheet set up for Norwegian makes of it: ';' between the
# values, dates as dd.mm.yyyy, numbers with a decimal comma.
tail -c +4 "$SCRATCH/stdout" | "${PYTHON:-python3}" -c '
import csv, datetime, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline=""),
                       delimiter=";"))
att = rows[[r[:1] for r in rows].index(["Oppmøte per samling"]) + 2]
assert datetime.datetime.strptime(att[1], "%d.%m.%Y").date() == \
    datetime.date(2026, 9, 7), att
i = [r[:1] for r in rows].index(["før"])
assert float(rows[i][3].replace(",", ".")) == 1.96, rows[i]
assert "," not in rows[i][1] and "." not in rows[i][3], rows[i]
'
report $? "a date and a decimal number as a Norwegian spreadsheet reads them"
LANG=C lms report course matlaging --excel
tail -c +4 "$SCRATCH/stdout" | tr -d '\r' | sed -n '2,3p;24,26p' \
	>"$SCRATCH/head"
is_file "in English, keys and ISO dates as before" "$SCRATCH/head" <<'OUT'
course.facts
name;value
attendance.sessions
n;date;theme;present;absent;excused;headcount;rate
1;2026-09-07;Kosthold i teori;6;0;0;;100%
OUT
LANG=nb_NO.UTF-8 lms report --each course --out "$SCRATCH/each" --excel \
	--exact
tail -c +4 "$SCRATCH/each/index.csv" | tr -d '\r' >"$SCRATCH/index"
is_file "the index of --each for Excel" "$SCRATCH/index" <<'OUT'
# internt: eksakte tall, ikke til deling
Kursrapporter
kurs;tittel;status;første;siste;rapport
matlaging;Matlaging og kosthold;gjennomført;07.09.2026;17.09.2026;matlaging.csv
OUT

# --- The sign-in sheet and the roster ----------------------------------

LANG=nb_NO.UTF-8 lms roster matlaging --sheet --session 3 --blank 0
is_rc 0 "a sign-in sheet"
is_out "its day in Norwegian" <<'OUT'
Oppmøteliste: Matlaging og kosthold
Samling 3 av 4: mandag 14. september 2026, kl. 11.00–14.00, Treffstedet, kjøkkenet
Tema: Handling på budsjett

#  NAVN  SIGNATUR

Listen har navn på folk: oppbevar den med kursets papirer,
og makuler den når oppmøtet er registrert.
OUT
LANG=nb_NO.UTF-8 lms roster matlaging --sheet --session 2 --format html
like "HTML: the date in the page's title" \
	"^<title>Oppmøteliste: Matlaging og kosthold, 10.09.2026</title>$" "$out"
like "the day under the heading" \
	"^<p>Samling 2 av 4: torsdag 10. september 2026, kl. 11.00–14.00, Treffstedet, kjøkkenet</p>$" \
	"$out"
LANG=C lms roster matlaging --sheet --session 2 --format html
like "in English as before" \
	"^<title>Sign-in sheet: Matlaging og kosthold, 2026-09-10</title>$" "$out"

LANG=nb_NO.UTF-8 lms roster matlaging
is_rc 0 "the roster"
is_out "the roster in Norwegian" <<'OUT'
Matlaging og kosthold (matlaging): 0 påmeldte av 6 plasser, 1 på venteliste

ID         NAVN            TELEFON     E-POST          ROLLE     STATUS            07.09  10.09  14.09  17.09
p-test01   Deltaker En     900 00 001                  deltaker  gjennomført       T      T      T      T
p-test02   Deltaker To                 to@example.org  deltaker  gjennomført       T      T      T      F
p-test03   Deltaker Tre                                deltaker  gjennomført       T      M      T      T
p-test04   Deltaker Fire                               deltaker  gjennomført       T      T      T      T
p-test06   Pårørende Seks  900 00 006                  deltaker  gjennomført       T      T      T      T
p-test07   Deltaker Sju                                deltaker  ikke gjennomført  T      F      F      F
p-test05   Deltaker Fem    900 00 005                  deltaker  venteliste 1
til stede                                                                          6      4      5      4
OUT

# --- Messages of report ------------------------------------------------

LANG=nb_NO.UTF-8 lms report --new-key --exact
is_rc 2 "--new-key with --exact"
like "is refused in Norwegian" \
	"^lms: --new-key lager nøkkelen til delte rapporter: --exact trenger ingen$" \
	"$err"
LANG=nb_NO.UTF-8 lms report --form finnes-ikke
is_rc 66 "a form that is not there"
is_err "is named in Norwegian" <<'ERR'
lms: skjemaet «finnes-ikke» finnes ikke (forms/finnes-ikke.yaml mangler)
ERR
mv people/report-key "$SCRATCH/report-key"
LANG=nb_NO.UTF-8 lms report
is_rc 66 "a shared report without the tree's key"
is_err "says what to do in Norwegian" <<'ERR'
lms: treet har ingen nøkkel til delte rapporter, ./people/report-key: en kopi av et tre kan ikke lage delte rapporter, for trekningene ville ikke bli tjenestens egne; lag nøkkelen én gang på tjenestens egen maskin med lms report --new-key, eller bruk --exact for interne tall
ERR
mv "$SCRATCH/report-key" people/report-key
echo "0123" >people/report-key
LANG=nb_NO.UTF-8 lms report
is_rc 65 "a key that is no key"
is_err "is refused in Norwegian" <<'ERR'
./people/report-key:1:1: feil: en rapportnøkkel er 64 heksadesimale sifre og et linjeskift
ERR
cp "$FIXTURES/enrol/people/report-key" people/report-key

# --- The same for scripts in every language ----------------------------

# same ARG...: lms ARG... writes the same bytes in English and Norwegian.
same() {
	"$LMS" "$@" >"$SCRATCH/c.out" 2>&1
	LANG=nb_NO.UTF-8 "$LMS" "$@" >"$SCRATCH/nb.out" 2>&1
	cmp -s "$SCRATCH/c.out" "$SCRATCH/nb.out"
	report $? "the same in English and Norwegian: $*"
	diff -u "$SCRATCH/c.out" "$SCRATCH/nb.out" | sed 's/^/# /'
}

for f in csv tsv yaml; do
	same report --format $f --from 2026-01-01 --to 2026-12-31
	same report --format $f --exact --from 2026-01-01
	same report --by year --format $f --exact --to 2026-12-31
	same report --by topic --format $f
	same roster matlaging --format $f
done
for f in csv yaml; do
	same report course matlaging --format $f
done
"$LMS" report --each course --out "$SCRATCH/each-c" --format csv >/dev/null
LANG=nb_NO.UTF-8 "$LMS" report --each course --out "$SCRATCH/each-nb" \
	--format csv >/dev/null
diff -r "$SCRATCH/each-c" "$SCRATCH/each-nb" >/dev/null
report $? "the same files of --each as CSV in English and Norwegian"
"$LMS" report --each course --out "$SCRATCH/each-c" --format csv --exact \
	>/dev/null
LANG=nb_NO.UTF-8 "$LMS" report --each course --out "$SCRATCH/each-nb" \
	--format csv --exact >/dev/null
diff -r "$SCRATCH/each-c" "$SCRATCH/each-nb" >/dev/null
report $? "and with --exact"

done_testing
