#!/bin/sh
# The fees of facilitators in Norwegian: the report by facilitator, the
# yearly limit's warnings, the errors; and the formats for scripts and
# payroll, byte for byte the same in every language.
. "$(dirname "$0")/lib.sh"

use_tree fees
unset LC_MESSAGES
export LMS_TODAY=2026-09-10

LANG=nb_NO.UTF-8 lms report --by facilitator --term 2026H
is_rc 0 "the report by facilitator"
is_out "in Norwegian, kroner with a decimal comma" <<'OUT'
Rapport etter kursleder
=======================
*** Internt: eksakte tall, ikke til deling ***

Hva rapporten omfatter
----------------------
tjeneste:          Testkommune lærings- og mestringstjeneste
periode:           01.07.2026–31.12.2026
per samling:       250,00 kroner
per time:          400,00 kroner
reise per samling: 150,00 kroner
årlig grense:      6000,00 kroner
honorar til:       brukerrepresentanter

Tall
----
KURSLEDER    NAVN                     KURS          SAMLINGER  MØTER  TIMER  HONORAR   REISE   TOTALT
bruker-fire  Brukerrepresentant Fire  mestring-h26          1      1   2,50     0,00    0,00     0,00
bruker-fire  Brukerrepresentant Fire  alle kurs             1      1   2,50     0,00    0,00     0,00
bruker-to    Brukerrepresentant To    kosthold-h26          2      0   4,00  2100,00  300,00  2400,00
bruker-to    Brukerrepresentant To    mestring-h26          2      2   7,00  3300,00  300,00  3600,00
bruker-to    Brukerrepresentant To    alle kurs             4      2  11,00  5400,00  600,00  6000,00
bruker-tre   Brukerrepresentant Tre   mestring-h26          2      1   5,00  2500,00  161,00  2661,00
bruker-tre   Brukerrepresentant Tre   alle kurs             2      1   5,00  2500,00  161,00  2661,00
fag-en       Fagperson En             mestring-h26          1      1   3,50     0,00    0,00     0,00
fag-en       Fagperson En             alle kurs             1      1   3,50     0,00    0,00     0,00

Samlinger ledet, slik kursene planlegger dem, også de som kommer, og møter
kurslederne var med på, med timene for begge; møter betales bare per time.
Tallene gjelder kurslederes arbeid, ikke antall deltakere: de er eksakte, og
navngir personer og hva de får utbetalt.
OUT

LANG=nb_NO.UTF-8 lms check --rule fees
is_out "the yearly limit, in kroner as Norwegian writes them" <<'OUT'
people/facilitators.yaml:5:3: advarsel: kurslederen «bruker-to»: honorarer på 7200,00 kroner i 2026, planlagte samlinger og møter medregnet, vil gå over den årlige grensen på 6000,00 kroner [fees]
OUT
LMS_TODAY=2026-12-31 LANG=nb_NO.UTF-8 lms check --rule fees
is_out "and when it is passed" <<'OUT'
people/facilitators.yaml:5:3: advarsel: kurslederen «bruker-to»: honorarer på 7200,00 kroner i 2026 går over den årlige grensen på 6000,00 kroner [fees]
OUT

LANG=nb_NO.UTF-8 lms course assign kosthold-h26 bruker-tre --phases deliver
is_rc 0 "course assign"
is_err "warns in Norwegian" <<'ERR'
lms: advarsel: kurslederen «bruker-to»: honorarer på 7200,00 kroner i 2026, planlagte samlinger og møter medregnet, vil gå over den årlige grensen på 6000,00 kroner
ERR

LANG=nb_NO.UTF-8 lms report --by facilitator --term 2026X
is_rc 2 "a term that is none"
like "is named in Norwegian" "«2026X» er ikke et semester" "$err"
command -v git >/dev/null 2>&1 && git init -q .
LANG=nb_NO.UTF-8 lms export fees -o lonn.csv
is_rc 1 "-o into the tree"
is_err "is refused in Norwegian" <<'ERR'
lms: lonn.csv: ligger i treet og er ikke ignorert av git; honorarene navngir personer: skriv dem utenfor treet
ERR

sed 's/travel: 150/travel: gratis/' lms.yaml >lms.new && mv lms.new lms.yaml
LANG=nb_NO.UTF-8 lms report --by facilitator
is_rc 65 "a rate that is no amount"
is_err "is an error in Norwegian, at its place" <<'ERR'
lms.yaml:8:11: feil: fees.travel: «gratis» er ikke et beløp i kroner, som 250 eller 312.50
ERR
sed 's/travel: gratis/travel: 150/' lms.yaml >lms.new && mv lms.new lms.yaml

# Formats for scripts and payroll: the same bytes in every language (the
# report's --excel is for people, as every report's is).
for args in "report --by facilitator --format csv" \
	"report --by facilitator --format tsv" \
	"export fees --term 2026H" "export fees --format tsv" \
	"export fees --excel"; do
	LANG=C "$LMS" $args >"$SCRATCH/c" 2>&1
	LANG=nb_NO.UTF-8 "$LMS" $args >"$SCRATCH/nb" 2>&1
	cmp -s "$SCRATCH/c" "$SCRATCH/nb" && [ -s "$SCRATCH/c" ]
	report $? "lms $args: the same in English and Norwegian"
done

done_testing
