#!/bin/sh
# Hostile values from files and sign-up sheets through every output
# format: spreadsheets get no formulas, Markdown no markup, terminals no
# control characters, and long titles are never cut inside a character.
. "$(dirname "$0")/lib.sh"

export LMS_TODAY=2026-09-20
"$LMS" init "$SCRATCH/t" --name Tjenesten --municipality 1806 >/dev/null
cd "$SCRATCH/t" || exit 1
"$LMS" course new c --start 2026-09-07 --days mon --count 2 \
	--title '=HYPERLINK("http://evil.example/";"Klikk") <script>alert(1)</script>' \
	--time 10:00-11:00 --place '+47 <b>Rom</b> & _x_' >/dev/null
# Escapes that only a hand-edited file can hold: ESC and CSI (U+009B).
sed -i -e 's/^title: .*$/title: "=HYPERLINK(\\"http:\/\/evil.example\/\\";\\"Klikk\\") <script>alert(1)<\/script> \\e[31mred\\e[0m"/' \
	-e "s/^place: .*/&\ntopics: [\"=cmd|' \/C calc'!A0\", \"\\\\u009b2J\"]/" \
	courses/c/course.yaml
"$LMS" course set c forms=kursevaluering status=open >/dev/null
"$LMS" facilitator add f --name Fasilitator --kind professional >/dev/null
sed -i 's/^  name: Fasilitator$/  name: "Fasilitator\\e]0;pwned\\a"/' \
	people/facilitators.yaml
"$LMS" course assign c f >/dev/null
printf '%s\n' 'navn;telefon;e-post' \
	'"=HYPERLINK(""http://evil.example/?x="";""Klikk"")";+47 900 00 011;' \
	'@SUM(1+1);900 00 012;-x@example.org' >"$SCRATCH/signup.csv"
"$LMS" enrol c --csv "$SCRATCH/signup.csv" >"$SCRATCH/ids"
p1=$(sed -n 's/^line 2: \(p-[a-z0-9]*\) .*/\1/p' "$SCRATCH/ids")
p2=$(sed -n 's/^line 3: \(p-[a-z0-9]*\) .*/\1/p' "$SCRATCH/ids")
printf '%s\n' \
	'nytte;teori-praksis;erfaringer;trygghet;formidling;lokaler;kommentar' \
	'4;5;4;5;4;4;"=HYPERLINK(""http://evil.example"";""ok"")"' \
	'5;5;5;5;5;4;"<script>alert(document.cookie)</script>"' \
	"3;4;4;4;4;5;-2+3+cmd|' /C calc'!A0" >"$SCRATCH/svar.csv"
"$LMS" evaluate c --form kursevaluering --phase session --session 1 \
	--csv "$SCRATCH/svar.csv" >/dev/null

# is_excel DESCRIPTION < lines: stdout is exactly these lines behind a
# byte-order mark, each ended by CRLF.
is_excel() {
	{ printf '\357\273\277'; sed 's/$/\r/'; } >"$SCRATCH/expected"
	cmp -s "$SCRATCH/expected" "$SCRATCH/stdout"
	report $? "$1"
	diff -u "$SCRATCH/expected" "$SCRATCH/stdout" | sed 's/^/# /'
}

# small_rows SEP < rows: the shared report by topic, the course's small
# piece shown as 0 or 5 in participants and enrolments alike.
small_rows() {
	awk -F "$1" -v q="'" '
	{ rest = $2 FS $3 FS $5 FS $19 FS $7 FS $8 FS $9 FS $10 FS $11 FS $12 FS $13 }
	NR == 2 && $1 != q "=cmd|" q " /C calc" q "!A0" { bad = 1 }
	NR == 3 && $1 != "<U+009B>2J" { bad = 1 }
	NR == 4 && $1 != "total" { bad = 1 }
	NR > 1 && (($4 != 0 && $4 != 5) || $6 != $4 || NF != 19 ||
		   rest != "1" FS "2" FS "0" FS "0" FS "0" FS "" FS "0" FS "" FS "" FS "0" FS "0") { bad = 1 }
	END { exit bad || NR != 4 }'
}

# --- Spreadsheets ------------------------------------------------------

lms person list --format csv
sed "s/$p1/P1/; s/$p2/P2/" "$SCRATCH/stdout" >"$SCRATCH/list"
is_file "the register as CSV: formulas and phone numbers made text" \
	"$SCRATCH/list" <<'OUT'
id,name,phone,email,municipality,birth_year,consent
P1,"'=HYPERLINK(""http://evil.example/?x="";""Klikk"")",'+47 900 00 011,,,,2026-09-20
P2,'@SUM(1+1),900 00 012,'-x@example.org,,,2026-09-20
OUT

lms roster c --format tsv
sed "s/$p1/P1/; s/$p2/P2/" "$SCRATCH/stdout" >"$SCRATCH/list"
is_file "the roster as TSV" "$SCRATCH/list" <<'OUT'
id	name	phone	email	role	status	09-07	09-14
P1	'=HYPERLINK("http://evil.example/?x=";"Klikk")	'+47 900 00 011		participant	enrolled		
P2	'@SUM(1+1)	900 00 012	'-x@example.org	participant	enrolled		
OUT

lms course list --format csv
is_out "the course list as CSV: the title made text, ESC shown" <<'OUT'
id,status,first,last,sessions,capacity,title
c,open,2026-09-07,2026-09-14,2,,"'=HYPERLINK(""http://evil.example/"";""Klikk"") <script>alert(1)</script> ^[[31mred^[[0m"
OUT

lms report --by topic --format csv --exact
is_out "the aggregate report by topic as CSV" <<'OUT'
# internal: exact figures, not for sharing
topic,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
'=cmd|' /C calc'!A0,1,2,2,0,2,0,,0,,0,0,0,,,,,0,0
<U+009B>2J,1,2,2,0,2,0,,0,,0,0,0,,,,,0,0
total,1,2,2,0,2,0,,0,,0,0,0,,,,,0,0
OUT
# Shared, the course's 2 people (of no known home) are one small piece,
# shown as 0 or 5 as the key and their ids (made at random) fall.
lms report --by topic --format csv
small_rows , <"$SCRATCH/stdout"
report $? "shared, the same cells made text, the small piece 0 or 5"

lms export evaluations --excel
sed -n '7,8p;15p;22p' "$SCRATCH/stdout" >"$SCRATCH/rows"
printf '%s\r\n' \
	'c;1;kursevaluering;session;1;2026-09-07;;2026-09-20;4,333;lokaler;4;' \
	'c;1;kursevaluering;session;1;2026-09-07;;2026-09-20;4,333;kommentar;;"'"'"'=HYPERLINK(""http://evil.example"";""ok"")"' \
	'c;2;kursevaluering;session;1;2026-09-07;;2026-09-20;4,833;kommentar;;<script>alert(document.cookie)</script>' \
	"c;3;kursevaluering;session;1;2026-09-07;;2026-09-20;4;kommentar;;'-2+3+cmd|' /C calc'!A0" \
	>"$SCRATCH/expected"
cmp -s "$SCRATCH/expected" "$SCRATCH/rows"
report $? "export --excel: numbers with a decimal comma, formulas made text"

lms report course c --excel
is_rc 0 "report course --excel"
is_excel "a course report for Excel: ';', decimal comma, BOM, CRLF" <<'OUT'
# internal: exact figures, not for sharing
course.facts
name;value
course;c
status;open
sessions;2, 2026-09-07 to 2026-09-14
place;'+47 <b>Rom</b> & _x_

course.facilitators
name;kind;phases
"Fasilitator^[]0;pwned^G";professional;plan, deliver, evaluate

enrolment.facts
name;value
enrolled;2
waitlisted;0
withdrawn;0
completed;0
not-completed;0
relatives among them;0

attendance.sessions
n;date;theme;present;absent;excused;headcount;rate
1;2026-09-07;;;;;;
2;2026-09-14;;;;;;

form-kursevaluering-by-session.sessions
date;theme;responses;scored;mean;sd
2026-09-07;;3;3;4,39;0,42

comments.comments
form;when;comment
kursevaluering;2026-09-07;"'=HYPERLINK(""http://evil.example"";""ok"")"
kursevaluering;2026-09-07;<script>alert(document.cookie)</script>
kursevaluering;2026-09-07;'-2+3+cmd|' /C calc'!A0
OUT

lms report --by topic --excel
head -c 3 "$SCRATCH/stdout" | od -An -c | tr -d ' ' >"$SCRATCH/bom"
printf '357273277\n' | cmp -s - "$SCRATCH/bom" &&
	[ "$(grep -c "$(printf '\r')\$" "$SCRATCH/stdout")" -eq 4 ] &&
	tail -c +4 "$SCRATCH/stdout" | tr -d '\r' | small_rows ';'
report $? "the aggregate report for Excel: BOM, CRLF, cells made text"
lms report --by topic --excel --exact
{ printf '\357\273\277'; sed 's/$/\r/'; } >"$SCRATCH/expected" <<'OUT'
# internal: exact figures, not for sharing
topic;courses;sessions;participants;relatives;enrolments;waitlisted;completion_pct;attendances;attendance_pct;wait_days;user_rep_all_phases;pairs;before;after;change;d_z;user_rep_all_phases_declared;staff
'=cmd|' /C calc'!A0;1;2;2;0;2;0;;0;;0;0;0;;;;;0;0
<U+009B>2J;1;2;2;0;2;0;;0;;0;0;0;;;;;0;0
total;1;2;2;0;2;0;;0;;0;0;0;;;;;0;0
OUT
cmp -s "$SCRATCH/expected" "$SCRATCH/stdout"
report $? "the exact aggregate report for Excel: the notice after the BOM, with CRLF"
diff -u "$SCRATCH/expected" "$SCRATCH/stdout" | sed 's/^/# /'

lms report --each course --out "$SCRATCH/each" --excel
is_rc 0 "report --each --excel"
cp "$SCRATCH/each/index.csv" "$SCRATCH/stdout"
is_excel "an index for Excel, the title made text" <<'OUT'
courses.courses
course;title;status;first;last;report
c;"'=HYPERLINK(""http://evil.example/"";""Klikk"") <script>alert(1)</script> ^[[31mred^[[0m";open;2026-09-07;2026-09-14;c.csv
OUT
head -c 3 "$SCRATCH/each/c.csv" | od -An -c | tr -d ' ' >"$SCRATCH/bom"
printf '357273277\n' | cmp -s - "$SCRATCH/bom" &&
	grep -q "^course;c$(printf '\r')\$" "$SCRATCH/each/c.csv"
report $? "writes each course's shared report for Excel"
lms report --each course --out "$SCRATCH/each-exact" --excel --exact
is_rc 0 "report --each --excel --exact"
head -c 3 "$SCRATCH/each-exact/c.csv" | od -An -c | tr -d ' ' >"$SCRATCH/bom"
printf '357273277\n' | cmp -s - "$SCRATCH/bom" &&
	[ "$(head -n 1 "$SCRATCH/each-exact/c.csv")" = "$(printf '\357\273\277# internal: exact figures, not for sharing\r')" ] &&
	grep -q "^place;'+47 <b>Rom</b> & _x_$(printf '\r')\$" "$SCRATCH/each-exact/c.csv"
report $? "writes each course's report for Excel, headed internal"

lms report --excel --format md
is_rc 2 "--excel with --format md"
is_err "says --excel is CSV" <<'ERR'
lms: --excel writes CSV: it cannot go with --format md
usage: lms report [--by course | municipality | year | term | target-group | topic | referral | role | age-band] [--from DATE] [--to DATE] [--status S] [--form F] [--tree DIR]... [--exact] [--new-key] [--format F] [--excel] [--table figures | followup]
   or: lms report --by facilitator [--term TERM | --from DATE --to DATE] [--format F] [--excel]
   or: lms report course ID [--format text | md | yaml | csv | html] [--excel]
   or: lms report --each course --out DIR [--exact] [--format html | md | csv] [--excel]
ERR

# Python's csv reads back the values as they are, less the apostrophe.
lms report course c --format csv
printf '%s\n' "$out" | "${PYTHON:-python3}" -c '
import csv, sys
rows = [r for r in csv.reader(sys.stdin) if len(r) == 3]
assert ["kursevaluering", "2026-09-07",
        "\x27=HYPERLINK(\"http://evil.example\";\"ok\")"] in rows, rows
'
report $? "Python's csv module reads the course report"

# LibreOffice set up for Norwegian, as a coordinator opens the files.
if outside_reader soffice; then
	mkdir -p "$SCRATCH/lo"
	"$LMS" report course c --excel >"$SCRATCH/lo/report.csv"
	"$LMS" export evaluations --excel >"$SCRATCH/lo/export.csv"
	(cd "$SCRATCH/lo" && HOME="$SCRATCH/lo" timeout 300 soffice --headless \
		-env:UserInstallation="file://$SCRATCH/lo/profile" \
		--infilter="CSV:59,34,76,1,,1044" --convert-to fods \
		report.csv export.csv >/dev/null 2>&1)
	"${PYTHON:-python3}" - "$SCRATCH/lo" <<'PY'
import re, sys, html
def cells(path):
    s = open(path, encoding="utf-8").read()
    for m in re.finditer(r'<table:table-cell([^>]*?)(?:/>|>(.*?)</table:table-cell>)', s, re.S):
        attrs, body = m.group(1), m.group(2) or ""
        kind = re.search(r'office:value-type="(\w+)"', attrs)
        text = html.unescape(re.sub(r"<[^>]+>", "", body)).strip()
        yield attrs, kind.group(1) if kind else None, text
d = sys.argv[1]
seen = {}
for f in ("report", "export"):
    for attrs, kind, text in cells(f"{d}/{f}.fods"):
        assert "table:formula" not in attrs, (f, attrs, text)
        seen.setdefault(text, set()).add(kind)
for text in ("'=HYPERLINK(\"http://evil.example\";\"ok\")",
             "'-2+3+cmd|' /C calc'!A0", "'+47 <b>Rom</b> & _x_"):
    assert seen.get(text) == {"string"}, (text, seen.get(text))
for text in ("4.39", "0.42", "4.333", "4.833"):
    assert seen.get(text) == {"float"}, (text, seen.get(text))
PY
	report $? "LibreOffice (nb-NO) reads numbers as numbers, formulas as text"
else
	echo "ok $((tests + 1)) # SKIP $no_reader"
	tests=$((tests + 1))
fi

# --- Markdown ----------------------------------------------------------

lms report course c --format md
{ sed -n 1p "$SCRATCH/stdout"; grep '^- \*\*place\|^| Fasil' "$SCRATCH/stdout"
  sed -n '/^| form |/,$p' "$SCRATCH/stdout"; } >"$SCRATCH/md"
is_file "Markdown escapes markup and HTML from files" "$SCRATCH/md" <<'OUT'
# =HYPERLINK("http://evil.example/";"Klikk") &lt;script&gt;alert(1)&lt;/script&gt; \^\[\[31mred\^\[\[0m: evaluation report
- **place:** +47 &lt;b&gt;Rom&lt;/b&gt; &amp; \_x\_
| Fasilitator\^\[\]0;pwned\^G | professional | plan, deliver, evaluate |
| form | when | comment |
| --- | --- | --- |
| kursevaluering | 2026-09-07 | =HYPERLINK("http://evil.example";"ok") |
| kursevaluering | 2026-09-07 | &lt;script&gt;alert(document.cookie)&lt;/script&gt; |
| kursevaluering | 2026-09-07 | -2+3+cmd\|' /C calc'!A0 |
OUT

if command -v pandoc >/dev/null 2>&1; then
	for dialect in markdown gfm; do
		pandoc -f $dialect -t html "$SCRATCH/stdout" >"$SCRATCH/md.html"
		! grep -q -i '<script\|<img\|<b>\|<em>\|<a \|<code>' "$SCRATCH/md.html" &&
		grep -q '&lt;script&gt;alert(document.cookie)&lt;/script&gt;' \
			"$SCRATCH/md.html" &&
		grep -q '+47 &lt;b&gt;Rom&lt;/b&gt; &amp; _x_' "$SCRATCH/md.html" &&
		grep -q -- '-2+3+cmd|' "$SCRATCH/md.html" &&
		[ "$(grep -c '<tr' "$SCRATCH/md.html")" -eq 11 ]
		report $? "pandoc ($dialect) renders the text, and no tag of its own"
	done
else
	for dialect in markdown gfm; do
		echo "ok $((tests + 1)) # SKIP pandoc is not installed"
		tests=$((tests + 1))
	done
fi

# --- HTML --------------------------------------------------------------

# The chart of the shared report: the small piece of each topic is drawn
# as published, a dashed bar labelled ≈5 or no bar and ≈0; never a bar
# of no length.
lms report --by topic --format html
[ "$(grep -c '^<text [^>]*>≈[05]</text>$\|>≈5</text>$' "$SCRATCH/stdout")" -eq 2 ] &&
	! grep '<rect' "$SCRATCH/stdout" |
		grep -v -q 'stroke-dasharray="3 2"/><text [^>]*>≈5</text>$' &&
	! grep -q '<rect[^>]*width="0"' "$SCRATCH/stdout" &&
	grep -q '>&lt;U+009B&gt;2J</text>$' "$SCRATCH/stdout"
report $? "the HTML chart labels rounded values with ≈, and draws no empty bar"

# --- Terminals ---------------------------------------------------------

lms course list
is_out "text shows ESC as ^[ and cuts the long title at a character" <<'OUT'
ID  STATUS  FIRST       LAST        SESSIONS  CAPACITY  TITLE
c   open    2026-09-07  2026-09-14         2            =HYPERLINK("http://evil.example/";"Klikk") <script>alert(1)</script> ^[[31mred…
OUT

lms facilitator list
is_out "a facilitator's name with an OSC sequence" <<'OUT'
ID  KIND          NAME                     PROFESSION  TOPICS  TRAINED  AVAILABLE
f   professional  Fasilitator^[]0;pwned^G                               yes
OUT

# Every command and format: no byte that a terminal would act on.
raw='[\001-\010\013\014\016-\037\177]|\302[\200-\237]|\033'
for args in "course list" "course list --format tsv" "course list --format yaml" \
	"course show c" "course show c --format yaml" "person list" \
	"person show $p1" "facilitator list --format csv" "roster c" \
	"roster c --sheet" "roster c --format yaml" "followup" "check" \
	"check --format csv" "check --format yaml" "calendar" \
	"export attendance" "report" "report --by topic" \
	"report --by topic --format md" "report --by topic --format html" \
	"report --by topic --format yaml" "report course c" \
	"report course c --format html" "report course c --format yaml"; do
	# shellcheck disable=SC2086
	"$LMS" $args >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	! LC_ALL=C grep -q -P "$raw" "$SCRATCH/stdout" "$SCRATCH/stderr"
	report $? "lms $args prints no control character"
	case $args in *html*) cp "$SCRATCH/stdout" "$SCRATCH/lms-$(echo $args | tr ' ' -).html"; esac
done
html_valid "html-validate finds no error in HTML of hostile text" "$SCRATCH/lms-"*.html

printf '%s\n' 'capacity: "\e[2J"' >>courses/c/course.yaml
lms course list
is_rc 65 "a bad value with ESC"
is_err "is echoed with ESC shown" <<'ERR'
courses/c/course.yaml:17:11: error: capacity: '^[[2J' is not a whole number
ERR
sed -i '$d' courses/c/course.yaml

printf 'nytte;x\033[2Jy\n4;5\n' >"$SCRATCH/esc.csv"
lms evaluate c --form kursevaluering --phase session --session 2 \
	--csv ../esc.csv
is_err "a warning that names a column shows its ESC too" <<'ERR'
lms: warning: ../esc.csv: column 'x^[[2Jy' matches no item of the form and is left out
ERR

# --- Long titles -------------------------------------------------------

# 210 characters in 520 bytes: a buffer of 512 would cut inside an æ.
long=$("${PYTHON:-python3}" -c 'print("æøå\U0001F600" * 50 + "æ" * 10)')
"$LMS" course new lang --title "$long" --start 2027-01-04 --count 1 >/dev/null
lms course list --status planned
is_out "a title of 260 columns is cut to 80, between characters" <<'OUT'
ID    STATUS   FIRST       LAST        SESSIONS  CAPACITY  TITLE
lang  planned  2027-01-04  2027-01-04         1            æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå😀æøå…
OUT

for f in text md yaml html; do
	"$LMS" report course lang --format $f >"$SCRATCH/long.$f"
	"${PYTHON:-python3}" - "$SCRATCH/long.$f" "$long" <<'PY'
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
assert sys.argv[2] in text
PY
	report $? "the $f report is valid UTF-8 and holds the title whole"
done

# Messages have a bounded size: a long value is cut at a character.
lms check "x$("${PYTHON:-python3}" -c 'print("æ" * 400)')"
is_rc 2 "a long course name"
"${PYTHON:-python3}" - "$SCRATCH/stderr" <<'PY'
import sys
line = open(sys.argv[1], "rb").read().decode("utf-8").splitlines()[0]
assert line.endswith("æ…"), line[-20:]
PY
report $? "is cut in its message at a character, with an ellipsis"

done_testing
