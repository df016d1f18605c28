#!/bin/sh
# lms course new: schedules, templates, and refusals that change nothing.
. "$(dirname "$0")/lib.sh"

use_tree basic

lms course new 2026-10-kom-i-form --title "Kom i form" --start 2026-10-05 \
	--days mon,thu --count 4 --time 17:00-18:30 --place Helsehuset \
	--capacity 12 --target-group at-risk,patients \
	--facilitator fag-en --facilitator bruker-to:deliver,evaluate
is_rc 0 "a weekly schedule"
is_out "says what it planned" <<'OUT'
created course 2026-10-kom-i-form: 4 sessions, 2026-10-05 to 2026-10-15
OUT
is_file "writes the course in canonical form" \
	courses/2026-10-kom-i-form/course.yaml <<'OUT'
id: 2026-10-kom-i-form
title: Kom i form
status: planned
target_groups: [at-risk, patients]
capacity: 12
place: Helsehuset
facilitators:
  - id: fag-en
    phases: [plan, deliver, evaluate]
  - id: bruker-to
    phases: [deliver, evaluate]
sessions:
  - date: 2026-10-05
    start: "17:00"
    end: "18:30"
  - date: 2026-10-08
    start: "17:00"
    end: "18:30"
  - date: 2026-10-12
    start: "17:00"
    end: "18:30"
  - date: 2026-10-15
    start: "17:00"
    end: "18:30"
OUT

lms course new mt --title "Mestringstreff høsten 2026" --template mestringstreff \
	--start 2026-09-01 --skip 2026-10-06 --time 18:30
is_rc 0 "a course from the template"
is_out "the template's eight sessions, one skipped week later" <<'OUT'
created course mt: 8 sessions, 2026-09-01 to 2026-10-27
OUT
lms course show mt
is_out "themes and durations come from the template" <<'OUT'
course        mt
title         Mestringstreff høsten 2026
description   Diagnoseuavhengig kurs om å mestre hverdagen med langvarige helseutfordringer
status        planned
target groups patients, relatives
topics        mestring
capacity      12, with a waiting list
template      mestringstreff
forms         kursevaluering, mestringstro
follow-up     self-help-group

N  DATE        DAY  TIME         THEME
1  2026-09-01  tue  18:30-20:30  Bli kjent – hva er mestring?
2  2026-09-08  tue  18:30-20:30  Å leve med langvarige helseutfordringer
3  2026-09-15  tue  18:30-20:30  Egne ressurser og tro på egen mestring
4  2026-09-22  tue  18:30-20:30  Stress, følelser og hverdagsmestring
5  2026-09-29  tue  18:30-20:30  Kommunikasjon – å bli hørt og forstått
6  2026-10-13  tue  18:30-20:30  Aktivitet, hvile og søvn
7  2026-10-20  tue  18:30-20:30  Nettverk, pårørende og rettigheter
8  2026-10-27  tue  18:30-20:30  Veien videre – selvhjelpsgrupper og tilbud i kommunen
OUT

lms course new program --title "Fra ettervern til læring og mestring" \
	--start 2026-09-07 --days mon,wed,fri --until 2026-12-31 --time 09:00-14:00
is_rc 0 "three days a week for four months"
is_out "until the end date, inclusive, but for Christmas Day" <<'OUT'
created course program: 49 sessions, 2026-09-07 to 2026-12-30
OUT
is_err "Christmas Day is left out" <<'OUT'
lms: skipped 2026-12-25 (første juledag)
OUT

lms course new idea --title "Trygg bruk av Facebook"
is_rc 0 "a course without dates yet"
is_out "has no sessions" <<'OUT'
created course idea (no sessions yet)
OUT

# Refusals: each names the problem, exits with its code, changes nothing.
remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms course new "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
}
refuse 73 "an existing id" "course 'mt' exists already" mt --title X
refuse 2 "no title" "the course needs a --title" new1
refuse 2 "a title over two lines" "the course needs a --title on one line" \
	new1 --title "$(printf 'a\nb')"
refuse 2 "no id" "the course needs an id" --title X
refuse 2 "two ids" "one course at a time" a b --title X
refuse 2 "an id with a slash" "invalid course id '../x'" ../x --title X
refuse 2 "an id with capitals" "invalid course id 'Kurs'" Kurs --title X
refuse 2 "an id of 65 characters" "invalid course id" \
	abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij12345 --title X
refuse 2 "a schedule without a start" "a schedule needs --start DATE" \
	new1 --title X --count 3
refuse 2 "a start without count or end" "give --count N or --until DATE" \
	new1 --title X --start 2026-09-01
refuse 2 "count and until" "give --count or --until, not both" \
	new1 --title X --start 2026-09-01 --count 3 --until 2026-10-01
refuse 2 "a date that does not exist" \
	"--start: '2026-02-30' is not a date (use 2026-09-07, 07.09.2026, 7.9.2026 or 7.9.26)" \
	new1 --title X --start 2026-02-30 --count 3
refuse 2 "bad weekdays" "--days: 'mondays' is not a list of weekdays" \
	new1 --title X --start 2026-09-01 --days mondays --count 3
refuse 2 "a skip that is no session day" \
	"skip date 2026-09-02 is not a day of this schedule" \
	new1 --title X --start 2026-09-01 --count 3 --skip 2026-09-02
refuse 2 "an end before the start" "the end date is before the start" \
	new1 --title X --start 2026-09-01 --until 2026-08-01
refuse 2 "a bad time" "--time: '11-14h' is not a time or a span of time" \
	new1 --title X --start 2026-09-01 --count 1 --time 11-14h
refuse 2 "a session ending before it starts" \
	"a session must end after it starts" \
	new1 --title X --start 2026-09-01 --count 1 --time 14:00-11:00
refuse 2 "an unknown target group" \
	"--target-group: 'kids' is not one of at-risk, patients, relatives, staff" \
	new1 --title X --target-group kids
refuse 2 "an unknown phase" \
	"--facilitator: 'teach' is not one of plan, deliver, evaluate" \
	new1 --title X --facilitator fag-en:teach
refuse 2 "a negative capacity" "--capacity: '-1' is not a whole number" \
	new1 --title X --capacity -1
refuse 66 "an unknown facilitator" "no such facilitator: 'nobody'" \
	new1 --title X --facilitator nobody
refuse 66 "an unknown template" "no such template: 'nope'" \
	new1 --title X --template nope --start 2026-09-01
refuse 2 "a template without a start" \
	"--start is needed to date the template's sessions" \
	new1 --title X --template mestringstreff
refuse 2 "an unknown option" "unknown option '--colour'" new1 --title X --colour
refuse 2 "an option without its value" "option '--title' needs a value" \
	new1 --title
unchanged "the refusals changed nothing"

lms course new new1 --title X --colour
is_err "a usage error shows the usage" <<'OUT'
lms: unknown option '--colour'
usage: lms course new ID --title T [--template T] [--start DATE] [--days mon,thu] [--count N | --until DATE] [--time HH:MM-HH:MM] [--skip DATE,...] [--on-holidays] [--place P] [--capacity N] [--target-group G,...] [--facilitator FID[:phases,role]]... [--from-waitlist COURSE]
OUT

done_testing
