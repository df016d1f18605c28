#!/bin/sh
# lms export and lms calendar of a tree whose output is larger than lms
# keeps in memory:
# spooled, the same bytes as course by course, and nothing on a failure.
. "$(dirname "$0")/lib.sh"

if [ -z "${GEN:-}" ] || [ ! -x "$GEN" ]; then
	echo "1..0 # SKIP no tree generator (GEN, bench/gen)"
	exit 0
fi
# 120 made-up courses: over a mebibyte of evaluations.
"$GEN" "$SCRATCH/big" --municipalities 1 --courses 120 --seed 3 >/dev/null 2>&1
cd "$SCRATCH/big" || exit 1
mkdir "$SCRATCH/tmp"
export TMPDIR="$SCRATCH/tmp"

"$LMS" export evaluations >"$SCRATCH/all" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$SCRATCH/err" ] &&
	[ "$(wc -c <"$SCRATCH/all")" -gt 1048576 ]
report $? "exports more than is held in memory"

# Course by course, each small enough to stay in memory.
: >"$SCRATCH/each"
first=1
for id in $(ls courses); do
	if [ $first = 1 ]; then
		"$LMS" export evaluations "$id" >>"$SCRATCH/each"
		first=0
	else
		"$LMS" export evaluations "$id" | sed 1d >>"$SCRATCH/each"
	fi
done
cmp -s "$SCRATCH/all" "$SCRATCH/each"
report $? "the same bytes as the courses one at a time"

"$LMS" export evaluations --excel >"$SCRATCH/excel"
head -c 3 "$SCRATCH/excel" | od -An -tx1 | tr -d ' \n' >"$SCRATCH/bom"
[ "$(cat "$SCRATCH/bom")" = efbbbf ] &&
	[ "$(grep -c "$(printf '\r')\$" "$SCRATCH/excel")" -eq \
	  "$(wc -l <"$SCRATCH/all")" ]
report $? "for Excel: one byte-order mark, every line CRLF"

ls "$SCRATCH/tmp" >"$SCRATCH/left"
[ ! -s "$SCRATCH/left" ]
report $? "leaves no temporary file"

# With nowhere to wait, all of it was held: none of it may go out.
TMPDIR="$SCRATCH/none" lms export evaluations
is_rc 74 "an export with nowhere to wait fails"
is_out "and nothing of it goes out" </dev/null
like "naming the folder" "$SCRATCH/none" "$err"

# Events take fewer bytes: 400 courses.
"$GEN" "$SCRATCH/cal" --municipalities 1 --courses 400 --seed 3 >/dev/null 2>&1
"$LMS" -C "$SCRATCH/cal" calendar >"$SCRATCH/ics" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$SCRATCH/err" ] &&
	[ "$(wc -c <"$SCRATCH/ics")" -gt 1048576 ] &&
	[ "$(grep -c '^BEGIN:VCALENDAR' "$SCRATCH/ics")" -eq 1 ] &&
	[ "$(tail -n 1 "$SCRATCH/ics")" = "$(printf 'END:VCALENDAR\r')" ]
report $? "a calendar larger than is held in memory, whole"

# The last course broken: what was spooled before it must not go out.
last=$(ls courses | tail -n 1)
printf 'responses: [\n' >"courses/$last/evaluations.yaml"
lms export evaluations
is_rc 65 "a broken file fails the export"
is_out "and nothing of it goes out" </dev/null
like "naming the file" "courses/$last/evaluations.yaml:" "$err"
ls "$SCRATCH/tmp" >"$SCRATCH/left"
[ ! -s "$SCRATCH/left" ]
report $? "and leaves no temporary file"

printf 'title: [\n' >"courses/$last/course.yaml"
lms calendar
is_rc 65 "a broken course fails the calendar"
is_out "and nothing of it goes out" </dev/null
ls "$SCRATCH/tmp" >"$SCRATCH/left"
[ ! -s "$SCRATCH/left" ]
report $? "and leaves no temporary file"

# A report by course of 2,800 courses: over a mebibyte as HTML and as
# YAML, made and handed out a piece at a time.  Its rows are those of the
# CSV, which is held apart; YAML as PyYAML reads it.
"$GEN" "$SCRATCH/rep" --municipalities 2 --courses 1400 --seed 3 \
	>/dev/null 2>&1
export LMS_TODAY=2026-12-31
"$LMS" -C "$SCRATCH/rep" report --new-key --format csv >/dev/null 2>&1
"$LMS" -C "$SCRATCH/rep" report --by course --format csv >"$SCRATCH/rep.csv"
rows=$(($(wc -l <"$SCRATCH/rep.csv") - 1))
for f in html yaml; do
	"$LMS" -C "$SCRATCH/rep" report --by course --format $f \
		>"$SCRATCH/rep.$f" 2>"$SCRATCH/err"
	rc=$?
	[ "$rc" -eq 0 ] && [ ! -s "$SCRATCH/err" ] && [ "$rows" -gt 2000 ] &&
		[ "$(wc -c <"$SCRATCH/rep.$f")" -gt 1048576 ]
	report $? "a report by course as $f larger than is held in memory"
done
[ "$(grep -c '^<tr' "$SCRATCH/rep.html")" -eq "$rows" ] &&
	[ "$(tail -n 1 "$SCRATCH/rep.html")" = "</html>" ]
report $? "the HTML whole: every row of the CSV and its end"
"${PYTHON:-python3}" -c '
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
sys.exit(len(doc["figures"]["rows"]) != int(sys.argv[2]))
' "$SCRATCH/rep.yaml" "$rows"
report $? "the YAML whole: every row of the CSV, as PyYAML reads it"
ls "$SCRATCH/tmp" >"$SCRATCH/left"
[ ! -s "$SCRATCH/left" ]
report $? "and leaves no temporary file"

TMPDIR="$SCRATCH/none" lms -C "$SCRATCH/rep" report --by course --format html
is_rc 74 "a report by course with nowhere to wait fails"
is_out "and nothing of it goes out" </dev/null
like "naming the folder" "$SCRATCH/none" "$err"

done_testing
