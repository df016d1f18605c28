#!/bin/sh
# Fees of facilitators: lms report --by facilitator, lms export fees, and
# the yearly limit in lms check and lms course new, set and assign.  The
# figures are worked out by hand from tests/fixtures/fees:
#   rates: 250 per session, 400 per hour, travel 150 per session,
#   yearly limit 6000; fees to user representatives.
#   mestring-h26: 07.09 18-20 fag-en, bruker-to; 14.09 18-20.30 bruker-to,
#     bruker-tre; 21.09 18-19.30 bruker-tre, bruker-fire (fee: no).
#   kosthold-h26: 05.10 and 12.10 17-19, bruker-to (no led_by: the
#     course's facilitator who delivers).
#   samtale-v26: 02.03 10-12 bruker-to.  avlyst-h26 is cancelled (and
#     its meeting counts nothing).
#   mestring-h26's meetings, paid by the hour alone (400, no fee per
#     session, no travel): 20.08 1.5 hours fag-en, bruker-to; 01.10 one
#     hour bruker-to, bruker-tre, bruker-fire.
#   bruker-to in 2026H: 1050 + 1250 + 2 x 1050 = 4400 for sessions, travel
#     4 x 150, 600 + 400 = 1000 for meetings; in 2026: + 1050 + 150 in
#     the spring = 7200, over 6000.
#   bruker-tre (travel 80.50): 1250 + 850 + 400 = 2500, travel 161.00.
. "$(dirname "$0")/lib.sh"

use_tree fees
export LMS_TODAY=2026-09-10

lms report --by facilitator --term 2026H
is_rc 0 "the report by facilitator of a term"
is_out "sessions, hours, fees per person and course, and each person's total" <<'OUT'
Report by facilitator
=====================
*** Internal: exact figures, not for sharing ***

What the report covers
----------------------
service:            Testkommune lærings- og mestringstjeneste
period:             2026-07-01 to 2026-12-31
per session:        250.00 kroner
per hour:           400.00 kroner
travel per session: 150.00 kroner
yearly limit:       6000.00 kroner
fees to:            user representatives

Figures
-------
FACILITATOR  NAME                     COURSE        SESSIONS  MEETINGS  HOURS      FEE  TRAVEL    TOTAL
bruker-fire  Brukerrepresentant Fire  mestring-h26         1         1   2.50     0.00    0.00     0.00
bruker-fire  Brukerrepresentant Fire  all courses          1         1   2.50     0.00    0.00     0.00
bruker-to    Brukerrepresentant To    kosthold-h26         2         0   4.00  2100.00  300.00  2400.00
bruker-to    Brukerrepresentant To    mestring-h26         2         2   7.00  3300.00  300.00  3600.00
bruker-to    Brukerrepresentant To    all courses          4         2  11.00  5400.00  600.00  6000.00
bruker-tre   Brukerrepresentant Tre   mestring-h26         2         1   5.00  2500.00  161.00  2661.00
bruker-tre   Brukerrepresentant Tre   all courses          2         1   5.00  2500.00  161.00  2661.00
fag-en       Fagperson En             mestring-h26         1         1   3.50     0.00    0.00     0.00
fag-en       Fagperson En             all courses          1         1   3.50     0.00    0.00     0.00

Sessions led, as the courses plan them, those to come included, and meetings
attended, with the hours of both; meetings are paid by the hour alone. The
figures are of the facilitators' work, not counts of participants: they are
exact, and name people and what they are paid.
OUT

lms report --by facilitator --from 2026-03-01 --to 2026-09-07 --format csv
is_rc 0 "a period from and to a date, as CSV"
is_out "the table alone, under the internal notice" <<'OUT'
# internal: exact figures, not for sharing
facilitator,name,course,sessions,hours,fee,travel,total,meetings
bruker-to,Brukerrepresentant To,mestring-h26,1,3.50,1650.00,150.00,1800.00,1
bruker-to,Brukerrepresentant To,samtale-v26,1,2.00,1050.00,150.00,1200.00,0
bruker-to,Brukerrepresentant To,all courses,2,5.50,2700.00,300.00,3000.00,1
fag-en,Fagperson En,mestring-h26,1,3.50,0.00,0.00,0.00,1
fag-en,Fagperson En,all courses,1,3.50,0.00,0.00,0.00,1
OUT

lms report --by facilitator --format html
is_rc 0 "HTML"
like "a table in a page" "<table" "$out"

grep -q "p-[a-z0-9]\{6\}" "$SCRATCH/stdout"
[ $? -ne 0 ]
report $? "no participant's id in the report"

lms report --by facilitator --term 2026H --from 2026-01-01
is_rc 2 "--term and --from"
like "are refused together" "cannot go with --from" "$err"
lms export fees --from 2026-12-31 --to 01.07.2026
is_rc 2 "a period that ends before it starts"
is_err "is no period: an empty payroll file would look complete" <<'ERR'
lms: --to 2026-07-01 is before --from 2026-12-31: the period has no days
usage: lms export enrolments | attendance | evaluations [COURSE...] [--format csv | tsv] [--excel]
   or: lms export fees [--term TERM | --from DATE --to DATE] [--format csv | tsv] [--excel] [-o FILE]
ERR
lms report --by facilitator --from 2026-12-31 --to 2026-07-01
is_rc 2 "nor for the report by facilitator"
lms report --by facilitator --term 2026X
is_rc 2 "a term that is none"
like "is named" "'2026X' is not a term" "$err"
lms report --by facilitator --status open
is_rc 2 "--status"
like "is not for this report" "--status is not for --by facilitator" "$err"
lms report --term 2026H
is_rc 2 "--term without --by facilitator"

lms export fees --term 2026h
is_rc 0 "the fees for payroll"
is_out "one row per paid person and course, kroner with a dot" <<'OUT'
facilitator,name,course,from,to,sessions,hours,fee,travel,total,meetings
bruker-to,Brukerrepresentant To,kosthold-h26,2026-07-01,2026-12-31,2,4.00,2100.00,300.00,2400.00,0
bruker-to,Brukerrepresentant To,mestring-h26,2026-07-01,2026-12-31,2,7.00,3300.00,300.00,3600.00,2
bruker-tre,Brukerrepresentant Tre,mestring-h26,2026-07-01,2026-12-31,2,5.00,2500.00,161.00,2661.00,1
OUT

"${PYTHON:-python3}" - "$SCRATCH/stdout" <<'PY'
import csv, sys
from decimal import Decimal
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) == 3, rows
assert sum(Decimal(r["total"]) for r in rows) == Decimal("8661.00"), rows
for r in rows:
    assert Decimal(r["fee"]) + Decimal(r["travel"]) == Decimal(r["total"]), r
PY
report $? "Python's csv reads it, and the sums add up"

lms export fees --term 2026H --format tsv
is_rc 0 "TSV"
like "tab-separated" "$(printf 'bruker-tre\tBrukerrepresentant Tre\tmestring-h26')" "$out"

lms export fees --term 2026H --excel
is_rc 0 "for Excel"
head -c 3 "$SCRATCH/stdout" | od -An -tx1 >"$SCRATCH/bom"
is_file "a byte-order mark first" "$SCRATCH/bom" <<'OUT'
 ef bb bf
OUT
tail -n 1 "$SCRATCH/stdout" >"$SCRATCH/last"
printf 'bruker-tre;Brukerrepresentant Tre;mestring-h26;2026-07-01;2026-12-31;2;5,00;2500,00;161,00;2661,00;1\r\n' |
	cmp -s - "$SCRATCH/last"
report $? "semicolons, decimal commas, CRLF"

if outside_reader soffice; then
	mkdir -p "$SCRATCH/lo"
	cp "$SCRATCH/stdout" "$SCRATCH/lo/fees.csv"
	(cd "$SCRATCH/lo" && HOME="$SCRATCH/lo" timeout 300 soffice --headless \
		-env:UserInstallation="file://$SCRATCH/lo/profile" \
		--infilter="CSV:59,34,76,1,,1044" --convert-to fods \
		fees.csv >/dev/null 2>&1)
	"${PYTHON:-python3}" - "$SCRATCH/lo/fees.fods" <<'PY'
import re, sys, html
s = open(sys.argv[1], encoding="utf-8").read()
rows = []
for r in re.finditer(r"<table:table-row[^>]*>(.*?)</table:table-row>", s, re.S):
    cells = []
    for m in re.finditer(r'<table:table-cell([^>]*?)(?:/>|>(.*?)</table:table-cell>)', r.group(1), re.S):
        value = re.search(r'office:value="([^"]*)"', m.group(1))
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(2) or "")).strip()
        cells.append(value.group(1) if value else text)
    if any(cells):
        rows.append(cells)
assert rows[0][:3] == ["facilitator", "name", "course"], rows[0]
assert len(rows) == 4, rows
assert rows[3][1] == "Brukerrepresentant Tre", rows[3]
assert [float(x) for x in rows[3][5:11]] == [2, 5, 2500, 161, 2661, 1], rows[3]
assert [float(x) for x in rows[2][5:11]] == [2, 7, 3300, 300, 3600, 2], rows[2]
PY
	report $? "LibreOffice (nb-NO) reads the amounts as numbers"
else
	tests=$((tests + 1))
	echo "ok $tests # SKIP $no_reader"
fi

# The tree as a repository of its own, as it is meant to be kept (and
# whatever repository the scratch folder may be in).
command -v git >/dev/null 2>&1 && git init -q .
remember
lms export fees -o fees.csv
is_rc 1 "-o into the tree, not ignored by git"
is_err "is refused: the fees name people" <<'ERR'
lms: fees.csv: is inside the tree and not ignored by git; the fees name people: write them outside the tree
ERR
lms export fees -o people/facilitators.yaml
is_rc 1 "-o over a file of lms's own"
unchanged "changes nothing"
lms export fees --term 2026H -o "$SCRATCH/lonn.csv"
is_rc 0 "-o outside the tree"
[ "$(stat -c %a "$SCRATCH/lonn.csv")" = 600 ] &&
	[ "$(wc -l <"$SCRATCH/lonn.csv")" -eq 4 ]
report $? "is written, for its owner only"
if command -v git >/dev/null 2>&1; then
	mkdir lonn
	echo /lonn/ >>.gitignore
	lms export fees -o lonn/h26.csv
	is_rc 0 "-o in the tree where git ignores it"
	rm -r lonn
else
	tests=$((tests + 1))
	echo "ok $tests # SKIP no git"
fi

lms check --rule fees
is_rc 0 "the yearly limit in lms check"
is_out "warns before: planned sessions would pass it" <<'OUT'
people/facilitators.yaml:5:3: warning: facilitator 'bruker-to': fees of 7200.00 kroner in 2026, planned sessions and meetings included, would pass the yearly limit of 6000.00 kroner [fees]
OUT
LMS_TODAY=2026-12-31 lms check --rule fees
is_out "and when the fees paid have passed it" <<'OUT'
people/facilitators.yaml:5:3: warning: facilitator 'bruker-to': fees of 7200.00 kroner in 2026 pass the yearly limit of 6000.00 kroner [fees]
OUT

# bruker-tre: 2661.00 and 4 x (1050 + 80.50) = 7183.00.
lms course new ekstra-h26 --title Ekstra --start 2026-11-02 --days mon \
	--count 4 --time 18:00-20:00 --facilitator bruker-tre:deliver
is_rc 0 "course new with a representative past the limit"
is_err "warns, and makes the course" <<'ERR'
lms: warning: facilitator 'bruker-tre': fees of 7183.00 kroner in 2026, planned sessions and meetings included, would pass the yearly limit of 6000.00 kroner
ERR
lms course set ekstra-h26 sessions.1.end=19:00
is_rc 0 "course set"
is_err "warns with the new sum" <<'ERR'
lms: warning: facilitator 'bruker-tre': fees of 6783.00 kroner in 2026, planned sessions and meetings included, would pass the yearly limit of 6000.00 kroner
ERR
lms course set ekstra-h26 capacity=5
is_err "a change of nobody's fees warns only of this course's people" <<'ERR'
lms: warning: facilitator 'bruker-tre': fees of 6783.00 kroner in 2026, planned sessions and meetings included, would pass the yearly limit of 6000.00 kroner
ERR
lms course assign ekstra-h26 fag-en
is_rc 0 "course assign"
lms course new liten-h26 --title Liten --start 2026-11-03 --count 1 \
	--time 18:00-19:00 --facilitator bruker-fire
is_rc 0 "a course whose people are within the limit"
is_err "warns of nothing" </dev/null

# The rates are checked where they are written.
sed 's/per_hour: 400/per_hour: 400.001/' lms.yaml >lms.new && mv lms.new lms.yaml
lms report --by facilitator
is_rc 65 "a rate in tenths of an øre"
is_err "is an error at its place" <<'ERR'
lms.yaml:7:13: error: fees.per_hour: '400.001' is not an amount in kroner, such as 250 or 312.50
ERR
sed 's/per_hour: 400.001/per_hour: 400/' lms.yaml >lms.new && mv lms.new lms.yaml
printf -- '- id: x\n  name: X\n  kind: professional\n  travel: gratis\n' \
	>>people/facilitators.yaml
lms check --rule schema
is_rc 1 "a travel that is no amount"
like "is a finding at its place" "facilitators.yaml:19:11: error: 5.travel: 'gratis' is not an amount" "$out"

done_testing
