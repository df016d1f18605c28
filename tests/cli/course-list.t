#!/bin/sh
# lms course list: formats, filters, and a broken file among the courses.
. "$(dirname "$0")/lib.sh"

use_tree basic
"$LMS" course new kom --title "Kom i form" --start 2026-10-05 --count 2 \
	--capacity 12 >/dev/null
"$LMS" course new senere --title "Trygg bruk av Facebook" >/dev/null
"$LMS" course set kom status=running >/dev/null

lms course list
is_rc 0 "lists the courses"
is_out "by first session, undated last, in aligned columns" <<'OUT'
ID         STATUS   FIRST       LAST        SESSIONS  CAPACITY  TITLE
matlaging  open     2026-09-07  2026-09-17         4        10  Matlaging og kosthold
kom        running  2026-10-05  2026-10-12         2        12  Kom i form
senere     planned                                 0            Trygg bruk av Facebook
OUT

lms course list --format csv
is_out "as CSV" <<'OUT'
id,status,first,last,sessions,capacity,title
matlaging,open,2026-09-07,2026-09-17,4,10,Matlaging og kosthold
kom,running,2026-10-05,2026-10-12,2,12,Kom i form
senere,planned,,,0,,Trygg bruk av Facebook
OUT

lms course list --format tsv --status running
is_out "as TSV, only running courses" <<'OUT'
id	status	first	last	sessions	capacity	title
kom	running	2026-10-05	2026-10-12	2	12	Kom i form
OUT

lms course list --format yaml --from 2026-09-15 --to 2026-10-05
is_out "as YAML, courses with sessions in a period" <<'OUT'
- id: matlaging
  status: open
  first: "2026-09-07"
  last: "2026-09-17"
  sessions: 4
  capacity: 10
  title: Matlaging og kosthold
- id: kom
  status: running
  first: "2026-10-05"
  last: "2026-10-12"
  sessions: 2
  capacity: 12
  title: Kom i form
OUT

lms course list --from 2027-01-01 --format yaml
is_out "an empty YAML list when nothing matches" <<'OUT'
[]
OUT

lms course list --format xml
is_rc 2 "an unknown format"
is_err "names the formats" <<'OUT'
lms: unknown format 'xml': use text, csv, tsv, yaml
usage: lms course list [--status S] [--from DATE] [--to DATE] [--format F]
OUT
lms course list --status done
is_rc 2 "an unknown status"
like "names the statuses" \
	"'done' is not one of planned, open, running, completed, cancelled" "$err"
lms course list extra
is_rc 2 "an unexpected argument"
lms course list --from 2026-12-31 --to 2026-07-01
is_rc 2 "a period that ends before it starts"
like "says so" "^lms: --to 2026-07-01 is before --from 2026-12-31: the period has no days$" "$err"
lms course list --from 2026-09-07 --to 2026-09-07
is_rc 0 "a period of one day"

# A title with a comma, a quote and a line break stays one CSV field.
"$LMS" course set senere 'title=Trygt, "enkelt"' >/dev/null
lms course list --format csv --status planned
is_out "CSV quotes what needs quoting" <<'OUT'
id,status,first,last,sessions,capacity,title
senere,planned,,,0,,"Trygt, ""enkelt"""
OUT

# What is in courses/ without a plan is no course: a folder of notes, a
# plan moved away, a file with a course's name.
mkdir courses/notater courses/flyttet
echo x >courses/flyttet/enrolments.yaml
echo x >courses/fil
lms course list --format csv
is_rc 0 "folders without a plan are passed over"
is_out "and only the courses listed" <<'OUT'
id,status,first,last,sessions,capacity,title
matlaging,open,2026-09-07,2026-09-17,4,10,Matlaging og kosthold
kom,running,2026-10-05,2026-10-12,2,12,Kom i form
senere,planned,,,0,,"Trygt, ""enkelt"""
OUT
rm -r courses/notater courses/flyttet courses/fil

# A course file with an error stops the listing with its place.
mkdir courses/broken
printf 'id: broken\ntitle: Ødelagt\ncapacity: tolv\n' >courses/broken/course.yaml
lms course list
is_rc 65 "a broken course file"
is_err "is named with line and column" <<'OUT'
courses/broken/course.yaml:3:11: error: capacity: 'tolv' is not a whole number
OUT
is_out "and nothing is listed" </dev/null

done_testing
