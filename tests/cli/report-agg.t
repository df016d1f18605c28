#!/bin/sh
# lms report over many courses: groups, totals, small numbers protected,
# several trees, every format, and the HTML page in a real browser.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
"$LMS" course set matlaging capacity=6 >/dev/null
for p in p-test01 p-test02 p-test03 p-test04 p-test06 p-test07; do
	"$LMS" enrol matlaging $p >/dev/null
done
"$LMS" enrol matlaging p-test05 --force >/dev/null
"$LMS" course new kveld --title "Kveldskurs" --start 2026-10-06 --count 2 \
	--target-group relatives >/dev/null
"$LMS" enrol kveld p-test06 --role relative --relative-of p-test01 >/dev/null
"$LMS" enrol kveld p-test01 >/dev/null
export LMS_TODAY=2026-09-20
for s in 1 2 3 4; do
	"$LMS" attend matlaging $s --all --absent p-test07 >/dev/null
done
"$LMS" course close matlaging >/dev/null 2>&1
export LMS_TODAY=2026-10-10

# The pieces (people of one course, home and role) and what they hold:
#   matlaging  participants 5001: p-test01, 03, 04, 06, 07  5, exact
#                (completed 4, not completed 1; 16 marks present, 4 absent)
#              participants 5059: p-test02                   1, small
#              waiting list 1234: p-test05                   1, small
#   kveld      participants 5001: p-test01                   1, small
#              relatives 5001:    p-test06                   1, small
# With min_cell 5 a small piece shows as 0 or 5 by the tree's key: here
# 5059's and kveld's as 0, the waiting list as 5.  Inside the piece of 5
# the one who did not complete and the 4 absences are small parts too,
# shown as 0 and 5 (the larger part takes the rest): completion 5 of 5,
# attendance 15 of 20.  Small pieces add no attendance, completion or wait.
lms report --format csv
is_rc 0 "a report by course"
is_out "one row per course, the totals over everything once" <<'OUT'
course,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
kveld,1,1,0,0,0,0,,0,,,0,0,,,,,0,0
matlaging,1,4,5,0,5,5,100,15,75,18,1,0,,,,,1,0
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
OUT
grep -q 'Deltaker\|900 00\|example.org\|p-test' "$SCRATCH/stdout"
report $((!$?)) "names nobody: no name, contact or id"

# adds_up FILE SEP: every count column of the rows adds up to the totals,
# and enrolments are participants, relatives and staff (the last column),
# on every row.
adds_up() {
	awk -F "$2" 'NR > 1 && $1 != "total" {
		for (c = 4; c <= 9; c++) sum[c] += $c
		staff += $NF
	}
	NR > 1 && $6 != $4 + $5 + $NF { bad = 1 }
	$1 == "total" {
		for (c = 4; c <= 9; c++) if (c != 8 && sum[c] != $c) bad = 1
		if (staff != $NF) bad = 1
	}
	END { exit bad }' "$1"
}
adds_up "$SCRATCH/stdout" ,
report $? "the courses' figures add up to the totals"

lms report --by municipality --format tsv
is_rc 0 "a report by home municipality"
# Each piece goes to its people's home: 5001 has the piece of 5 and
# kveld's two small pieces (0 each), 5059 its small piece (0), 1234 the
# waiting list (5).  Nothing is hidden and no figure is a cascade: the
# host's own figures show.  A home whose pieces are all drawn to 0 has
# no row, and a course counts in a home's row only when the home's piece
# there shows: a row or a course would tell that it had someone.
is_out "small pieces drawn as 0 or 5; the host's figures shown" <<'OUT'
municipality	courses	sessions	participants	relatives	enrolments	waitlisted	completion_pct	attendances	attendance_pct	wait_days	user_rep_all_phases	pairs	before	after	change	d_z	user_rep_all_phases_declared	staff
1234	1	4	0	0	0	5		0			1	0					1	0
5001	1	4	5	0	5	0	100	15	75	18	1	0					1	0
total	2	5	5	0	5	5	100	15	75	18	1	0					1	0
OUT
adds_up "$SCRATCH/stdout" "$(printf '\t')"
report $? "the homes' figures add up to the same totals"

for by in course municipality year term target-group topic; do
	"$LMS" report --by $by --format csv | tail -n 1
done >"$SCRATCH/totals"
is_file "the totals are the same under every grouping" "$SCRATCH/totals" <<'OUT'
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
OUT

# The exact figures: p-test01 counts on both of the courses.  5001 has
# 4 completed and 1 not (80 %), 16 of 20 marks present; 5059's one
# completed and came 4 times; waits are 18 days to matlaging, 47 to kveld.
lms report --by municipality --format csv --exact
is_rc 0 "exact figures"
is_out "with --exact every figure shows, headed as internal" <<'OUT'
# internal: exact figures, not for sharing
municipality,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
1234,1,4,0,0,0,1,,0,,,1,0,,,,,1,0
5001,2,5,6,1,7,0,80,16,80,18,1,0,,,,,1,0
5059,1,4,1,0,1,0,100,4,100,18,1,0,,,,,1,0
total,2,5,7,1,8,1,83,20,83,18,1,0,,,,,1,0
OUT
sed 1d "$SCRATCH/stdout" >"$SCRATCH/exact"

# With min_cell 1 no piece is small: the shared report is the exact one.
sed -i 's/^min_cell: 5$/min_cell: 1/' lms.yaml
lms report --by municipality --format csv
is_file "with min_cell 1 every figure shows" "$SCRATCH/stdout" <"$SCRATCH/exact"
# With 2, a drawn group is one person, and a report shows that it was
# drawn: refused.
sed -i 's/^min_cell: 1$/min_cell: 2/' lms.yaml
lms report --by municipality --format csv
is_rc 65 "min_cell 2 protects no one"
is_err "and says why" <<'OUT'
lms.yaml: error: min_cell: 2 is too small to protect anyone; use 4 or more (or 1 for no protection)
OUT
sed -i 's/^min_cell: 2$/min_cell: 5/' lms.yaml

lms report --by term --format csv --from 2026-07-01 --to 2026-12-31
is_out "by term, within a period" <<'OUT'
term,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
2026 autumn,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
total,2,5,5,0,5,5,100,15,75,18,1,0,,,,,1,0
OUT
lms report --by target-group --format csv --status planned
is_out "by target group, one status" <<'OUT'
target_group,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
relatives,1,1,0,0,0,0,,0,,,0,0,,,,,0,0
total,1,1,0,0,0,0,,0,,,0,0,,,,,0,0
OUT

lms report --by municipality
is_rc 0 "as text"
like "says what it covers" "^service:             Testkommune" "$out"
! printf '%s\n' "$out" | grep -q -i 'internal'
report $? "a shared report is not headed as internal"
lms report
sed -n '/^COURSE /,/^total /p' "$SCRATCH/stdout" >"$SCRATCH/table"
# Marked are the figures that hold a small piece, or a small part of one:
# not kveld's waiting list and attendances (none), not matlaging's
# relatives (none) or its wait (small pieces have none).
is_file "a figure that holds a rounded piece is marked" "$SCRATCH/table" <<'OUT'
COURSE     COURSES  SESSIONS  PARTICIPANTS  RELATIVES  ENROLMENTS  WAITLISTED  COMPLETION_PCT  ATTENDANCES  ATTENDANCE_PCT  WAIT_DAYS  USER_REP_ALL_PHASES  PAIRS  BEFORE  AFTER  CHANGE  D_Z  USER_REP_ALL_PHASES_DECLARED  STAFF
kveld            1         1            ≈0         ≈0          ≈0           0                            0                                               0      0                                                         0      0
matlaging        1         4            ≈5          0          ≈5          ≈5            ≈100          ≈15             ≈75         18                    1      0                                                         1      0
total            2         5            ≈5         ≈0          ≈5          ≈5            ≈100          ≈15             ≈75         18                    1      0                                                         1      0
OUT
like "explains the protection" "^Small numbers are protected: in each course, a group of fewer than 5 people$" "$out"
like "and the mark" "^completion, waits and answers are left out. Figures marked ≈ include such a$" "$out"
lms report --exact
sed -n 1,3p "$SCRATCH/stdout" >"$SCRATCH/head"
is_file "--exact is headed as internal, under the title" "$SCRATCH/head" <<'OUT'
Report by course
================
*** Internal: exact figures, not for sharing ***
OUT
! grep -q '≈\|Small numbers are protected' "$SCRATCH/stdout"
report $? "and marks nothing"
like "says its figures are not protected" "^These are exact figures, for the service's own use: small numbers are not$" "$out"
lms report --format yaml
is_rc 0 "as YAML"
printf '%s\n' "$out" | "${PYTHON:-python3}" -c '
import sys, yaml
d = yaml.safe_load(sys.stdin)
rows = d["figures"]["rows"]
assert rows[-1]["course"] == "total"
assert rows[1]["participants"] == 5 and rows[1]["completion_pct"] == 100
assert "notice" not in d' 2>/dev/null
report $? "the YAML reads back, plain numbers, with the totals last"
lms report --format yaml --exact
printf '%s\n' "$out" | grep -q 'Internal: exact figures, not for sharing' &&
printf '%s\n' "$out" | "${PYTHON:-python3}" -c '
import sys, yaml
d = yaml.safe_load(sys.stdin)
assert d["figures"]["rows"][-1]["participants"] == 7' 2>/dev/null
report $? "exact YAML says it is internal, and reads back"
lms report --format md
like "as Markdown" '^| course | courses | sessions |' "$out"
like "marked in Markdown too" '^| matlaging | 1 | 4 | ≈5 | 0 | ≈5 | ≈5 | ≈100 | ≈15 | ≈75 | 18 | 1 | 0 |' "$out"
lms report --format md --exact
like "exact Markdown is headed as internal" '^\*\*Internal: exact figures, not for sharing\*\*$' "$(sed -n 3p "$SCRATCH/stdout")"
lms report --format tsv --exact
like "exact TSV starts with the notice" '^# internal: exact figures, not for sharing$' "$(sed -n 1p "$SCRATCH/stdout")"

# Several services in one report.
cp -R . "$SCRATCH/other"
lms report --tree . --tree "$SCRATCH/other" --format csv
like "two trees count twice the courses" '^total,4,10,' "$out"
like "by course, a row names its tree as well" "^$SCRATCH/other/kveld,1,1," "$out"
# The copy has the same key, people and courses, so the same draws: its
# pieces add as many again.
like "and the totals are the sums of both trees' pieces" \
	'^total,4,10,10,0,10,10,100,30,75,18,2,0,,,,,2,0$' "$out"

# A tree without a key (one made before keys were) gets one, once.
cp -R . "$SCRATCH/nokey"
rm "$SCRATCH/nokey/people/report-key"
lms report --tree "$SCRATCH/nokey" --exact
[ ! -e "$SCRATCH/nokey/people/report-key" ]
report $? "an exact report needs no key, and makes none"
lms report --tree "$SCRATCH/nokey" --format csv
is_rc 66 "a shared report of a tree without a key"
is_err "makes no key of its own, and says what to do" <<ERR
lms: the tree has no key of shared reports, $SCRATCH/nokey/people/report-key: a copy of a tree cannot make shared reports, as its draws would not be the service's; on the service's own machine, make the key once with lms report --new-key, or use --exact for internal figures
ERR
lms report --tree "$SCRATCH/nokey" --format csv --new-key
is_rc 0 "--new-key makes it"
is_err "and says so" <<ERR
lms: made the key of shared reports, $SCRATCH/nokey/people/report-key: keep it with the register and out of git (see lms-report(1))
ERR
cp "$SCRATCH/stdout" "$SCRATCH/first"
key=$(cat "$SCRATCH/nokey/people/report-key")
printf '%s\n' "$key" | grep -q '^[0-9a-f]\{64\}$' &&
	[ "$key" != "$(cat people/report-key)" ] &&
	[ "$(stat -c %a "$SCRATCH/nokey/people/report-key")" = 600 ] &&
	grep -q '^people/report-key$' "$SCRATCH/nokey/.gitignore"
report $? "a new random key, private, and kept out of git"
lms report --tree "$SCRATCH/nokey" --format csv --new-key
is_err "the next report uses it quietly, and --new-key makes no other" </dev/null
is_file "and gives the same figures" "$SCRATCH/stdout" <"$SCRATCH/first"
echo 'not a key' >"$SCRATCH/nokey/people/report-key"
lms report --tree "$SCRATCH/nokey"
is_rc 65 "a key that is not one"
is_err "is named" <<ERR
$SCRATCH/nokey/people/report-key:1:1: error: a report key is 64 hex digits and a newline
ERR

# The charts, with a course whose piece of 5 is exact and not closed: it
# has attendance but no completion yet.
cp -R . "$SCRATCH/charts"
(cd "$SCRATCH/charts" &&
	"$LMS" course new dag --title Dagkurs --start 2026-10-05 --count 2 &&
	for p in p-test01 p-test03 p-test04 p-test06 p-test07; do
		"$LMS" enrol dag $p
	done && "$LMS" attend dag 1 --all) >/dev/null
lms report --tree "$SCRATCH/charts" --format html
is_rc 0 "as one HTML page"
printf '%s\n' "$out" >"$SCRATCH/report.html"
grep -q '<svg' "$SCRATCH/report.html" && ! grep -q 'src=\|href=\|<script\|@import\|url(' "$SCRATCH/report.html"
report $? "with inline SVG charts and nothing to fetch"
like "the table marks rounded figures" \
	'^<tr><td>matlaging</td><td class="n">1</td><td class="n">4</td><td class="n">≈5</td><td class="n">0</td>' \
	"$out"
# The bars, without their places: no figure draws no bar and says so, 0
# draws none and says 0, a rounded value is dashed and labelled ≈.
sed -n '/^<title>Completion and attendance/,/^<\/svg>/p;/^<title>Participants and relatives/,/^<\/svg>/p' \
	"$SCRATCH/report.html" | grep '<rect\|<text' |
	sed 's/ [xy][12]*="[0-9]*"//g' >"$SCRATCH/bars"
is_file "charts draw what is published, rounded values labelled" "$SCRATCH/bars" <<'OUT'
<text text-anchor="end" fill="#1d2430">dag</text>
<rect width="420" height="9" fill="#2f6db5"/><text fill="#4a5668">5</text>
<text fill="#4a5668">0</text>
<text text-anchor="end" fill="#1d2430">kveld</text>
<text fill="#4a5668">≈0</text>
<text fill="#4a5668">≈0</text>
<text text-anchor="end" fill="#1d2430">matlaging</text>
<rect width="420" height="9" fill="#b9d0ec" stroke="#2f6db5" stroke-dasharray="3 2"/><text fill="#4a5668">≈5</text>
<text fill="#4a5668">0</text>
<text text-anchor="end" fill="#1d2430">dag</text>
<text fill="#4a5668" font-style="italic">no figure</text>
<rect width="420" height="9" fill="#e08a2c"/><text fill="#4a5668">100%</text>
<text text-anchor="end" fill="#1d2430">matlaging</text>
<rect width="420" height="9" fill="#b9d0ec" stroke="#2f6db5" stroke-dasharray="3 2"/><text fill="#4a5668">≈100%</text>
<rect width="315" height="9" fill="#f5d5b0" stroke="#e08a2c" stroke-dasharray="3 2"/><text fill="#4a5668">≈75%</text>
OUT
! grep -q '<rect[^>]*width="0"' "$SCRATCH/report.html"
report $? "and no bar of no length"
like "the legend says what ≈ means" '≈: rounded to protect small groups' "$out"
if outside_reader chromium; then
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$SCRATCH/chromium" --no-pdf-header-footer \
		--print-to-pdf="$SCRATCH/report.pdf" \
		"file://$SCRATCH/report.html" >/dev/null 2>&1
	size=$(stat -c %s "$SCRATCH/report.pdf" 2>/dev/null || echo 0)
	[ "$size" -gt 20000 ]
	report $? "a real browser prints it to a PDF that is not blank ($size bytes)"
	if command -v pdftotext >/dev/null 2>&1; then
		pdftotext "$SCRATCH/report.pdf" - | grep -q 'Report by course'
		report $? "and the PDF holds the report's text"
	fi
else
	echo "ok $((tests + 1)) # SKIP $no_reader"
	tests=$((tests + 1))
fi
lms report --format html --exact
like "exact HTML is headed as internal" \
	'^<p class="notice" role="note">Internal: exact figures, not for sharing</p>$' "$out"
! printf '%s\n' "$out" | grep -q '≈'
report $? "and marks no figure"

lms report --each course --out "$SCRATCH/reports"
is_rc 0 "one report per course"
is_out "and says where" <<OUT
wrote 2 course reports and an index to $SCRATCH/reports
OUT
ls "$SCRATCH/reports" >"$SCRATCH/files"
is_file "HTML files and an index" "$SCRATCH/files" <<'OUT'
index.html
kveld.html
matlaging.html
OUT
grep -q '<a href="matlaging.html">matlaging.html</a>' "$SCRATCH/reports/index.html"
report $? "the index links each report"
html_valid "html-validate finds no error in the reports" \
	"$SCRATCH/report.html" "$SCRATCH/reports/"*.html
grep -q 'Small numbers are protected' "$SCRATCH/reports/matlaging.html" &&
	! grep -q -i 'internal' "$SCRATCH/reports/matlaging.html" "$SCRATCH/reports/index.html"
report $? "each is a shared report"
lms report --each course --out "$SCRATCH/md" --format md
is_rc 0 "as Markdown files too"
[ -f "$SCRATCH/md/matlaging.md" ]
report $? "with .md names"
grep '^| matlaging |' "$SCRATCH/md/matlaging.md" >"$SCRATCH/row"
is_file "a course's row is its row of the report by course" "$SCRATCH/row" <<'OUT'
| matlaging | 1 | 4 | ≈5 | 0 | ≈5 | ≈5 | ≈100 | ≈15 | ≈75 | 18 | 1 | 0 |  |  |  |  | 1 | 0 |
OUT
lms report --each course --out "$SCRATCH/exact-md" --format md --exact
is_rc 0 "exact reports per course"
for f in index kveld matlaging; do sed -n 3p "$SCRATCH/exact-md/$f.md"; done >"$SCRATCH/notices"
is_file "each headed as internal, the index too" "$SCRATCH/notices" <<'OUT'
**Internal: exact figures, not for sharing**
**Internal: exact figures, not for sharing**
**Internal: exact figures, not for sharing**
OUT
grep -q '^# Matlaging og kosthold: evaluation report$' "$SCRATCH/exact-md/matlaging.md"
report $? "and each is the course report"

lms report --by week
is_rc 2 "an unknown grouping"
lms report --each topic --out x
is_rc 2 "--each knows only course"
lms report --each course
is_rc 2 "--each needs --out"
lms report --format pdf
is_rc 2 "an unknown format"
lms report --tree "$SCRATCH/nowhere"
is_rc 66 "a tree that is not there"
lms report --each course --out "$SCRATCH/o" --by term
is_rc 2 "--each refuses the aggregate's options"
like "and says which" "^lms: --by is for the aggregate report, not --each$" "$(cat "$SCRATCH/stderr")"
lms report course matlaging --tree .
is_rc 2 "a course report refuses them too"
lms report --form nosuch
is_rc 66 "a self-efficacy form that is not there"
is_err "is named" <<'OUT'
lms: no such form: 'nosuch' (no forms/nosuch.yaml)
OUT
lms report --status cancelled --format html
! printf '%s\n' "$out" | grep -q 'In pictures'
report $? "no charts, and no heading for them, when nothing shows"

# Topics are words: their rows are in Norwegian order, case ignored and
# æ, ø, å after z.
"$LMS" course set kveld \
	topics=søvn,Zumba,angst,Bevegelse,økonomi,ærlighet,åndedrett \
	>/dev/null
lms report --by topic --format csv --exact
cut -d, -f1 "$SCRATCH/stdout" >"$SCRATCH/topics"
is_file "the report by topic lists topics in Norwegian order" \
	"$SCRATCH/topics" <<'OUT'
# internal: exact figures
topic
angst
Bevegelse
kosthold
rop
søvn
Zumba
ærlighet
økonomi
åndedrett
total
OUT

done_testing
