#!/bin/sh
# Public holidays and the service's closed days: course new leaves them
# out and says which, --on-holidays keeps them, course set and lms check
# warn about a session on one, and a bad closed: in lms.yaml is refused.
. "$(dirname "$0")/lib.sh"

use_tree basic
export LMS_TODAY=2027-01-10

# course new

lms course new var --title "Våren" --start 2027-03-18 --days mon,thu \
	--count 17 --time 18:00-20:00
is_rc 0 "across Easter and 17 May"
is_out "keeps the count of sessions" <<'OUT'
created course var: 17 sessions, 2027-03-18 to 2027-05-27
OUT
is_err "and says which days it left out" <<'OUT'
lms: skipped 2027-03-25 (skjærtorsdag), 2027-03-29 (andre påskedag), 2027-05-06 (Kristi himmelfartsdag) and 2027-05-17 (17. mai)
OUT
lms course show var
is_out "on the next session days" <<'OUT'
course        var
title         Våren
status        planned

 N  DATE        DAY  TIME         THEME
 1  2027-03-18  thu  18:00-20:00
 2  2027-03-22  mon  18:00-20:00
 3  2027-04-01  thu  18:00-20:00
 4  2027-04-05  mon  18:00-20:00
 5  2027-04-08  thu  18:00-20:00
 6  2027-04-12  mon  18:00-20:00
 7  2027-04-15  thu  18:00-20:00
 8  2027-04-19  mon  18:00-20:00
 9  2027-04-22  thu  18:00-20:00
10  2027-04-26  mon  18:00-20:00
11  2027-04-29  thu  18:00-20:00
12  2027-05-03  mon  18:00-20:00
13  2027-05-10  mon  18:00-20:00
14  2027-05-13  thu  18:00-20:00
15  2027-05-20  thu  18:00-20:00
16  2027-05-24  mon  18:00-20:00
17  2027-05-27  thu  18:00-20:00
OUT

lms course new mai --title Mai --start 2027-05-10 --days mon \
	--until 2027-05-31
is_rc 0 "until an end date"
is_out "one session fewer" <<'OUT'
created course mai: 3 sessions, 2027-05-10 to 2027-05-31
OUT
is_err "a single day off" <<'OUT'
lms: skipped 2027-05-17 (17. mai)
OUT

lms course new jul --title Jul --start 2026-12-21 --days mon,fri --count 4 \
	--skip 2026-12-25
is_rc 0 "a holiday given as a skip date"
is_out "is a skip date like any other" <<'OUT'
created course jul: 4 sessions, 2026-12-21 to 2027-01-08
OUT
is_err "and only the holiday that was not is named" <<'OUT'
lms: skipped 2027-01-01 (nyttårsdag)
OUT

lms course new fri --title Fri --start 2027-03-18 --days mon,thu --count 4 \
	--on-holidays
is_rc 0 "--on-holidays"
is_out "plans on the holidays" <<'OUT'
created course fri: 4 sessions, 2027-03-18 to 2027-03-29
OUT
is_err "and says nothing" </dev/null
grep -c "date: 2027-03-2[59]" courses/fri/course.yaml >"$SCRATCH/n"
is_file "Skjærtorsdag and Easter Monday are sessions" "$SCRATCH/n" <<'OUT'
2
OUT

lms course new x --title X --on-holidays
is_rc 2 "--on-holidays without a schedule"
like "--on-holidays without a schedule: says so" \
	"a schedule needs --start DATE" "$err"

# The service's closed days

cat >>lms.yaml <<'EOF'
closed:
  - {from: 2027-06-28, to: 2027-08-08, name: sommerferie}
  - {from: 2027-08-16}
EOF
lms course new host --title "Høsten" --start 2027-06-21 --days mon \
	--count 4
is_rc 0 "across the summer"
is_out "goes on after the closed period" <<'OUT'
created course host: 4 sessions, 2027-06-21 to 2027-08-30
OUT
is_err "naming it, and a day without a name as closed" <<'OUT'
lms: skipped 2027-06-28 (sommerferie), 2027-07-05 (sommerferie), 2027-07-12 (sommerferie), 2027-07-19 (sommerferie), 2027-07-26 (sommerferie), 2027-08-02 (sommerferie) and 2027-08-16 (closed)
OUT

lms course new sommer --title Sommer --start 2027-07-01 --days thu \
	--count 2 --on-holidays
is_rc 0 "--on-holidays in a closed period"
is_out "plans in it too" <<'OUT'
created course sommer: 2 sessions, 2027-07-01 to 2027-07-08
OUT

# course set: a date given by hand is taken, with a warning

lms course set mai sessions.2.date=2027-05-17
is_rc 0 "course set to a holiday"
is_out "sets it" <<'OUT'
sessions.2.date: 2027-05-24 -> 2027-05-17
OUT
is_err "with a warning" <<'OUT'
lms: warning: the session on 2027-05-17 is on a public holiday (17. mai)
OUT
lms course set mai sessions.1.date=2027-07-05 sessions.3.date=2027-08-16
is_rc 0 "course set into closed days"
is_err "warns about each" <<'OUT'
lms: warning: the session on 2027-07-05 is on a day the service is closed (sommerferie)
lms: warning: the session on 2027-08-16 is on a day the service is closed
OUT
lms course set mai sessions.1.theme=Start
is_rc 0 "another change to the course"
is_err "says nothing of the days it had" </dev/null

# lms check

cat >courses/mai/course.yaml <<'EOF'
id: mai
title: Mai
status: open
sessions:
  - date: 2027-05-10
  - date: 2027-05-17
  - {date: 2027-07-05, start: "10:00"}
  - date: 2027-08-16
EOF
lms check mai --rule holidays
is_rc 0 "check: warnings only"
is_out "check: a holiday and closed days, at their sessions" <<'OUT'
courses/mai/course.yaml:6:5: warning: the session on 2027-05-17 is on a public holiday (17. mai) [holidays]
courses/mai/course.yaml:7:5: warning: the session on 2027-07-05 is on a day the service is closed (sommerferie) [holidays]
courses/mai/course.yaml:8:5: warning: the session on 2027-08-16 is on a day the service is closed [holidays]
OUT
is_err "check: counted" <<'OUT'
lms: 3 warnings
OUT
lms check mai --rule holidays --strict
is_rc 1 "check --strict: they fail"

LMS_TODAY=2027-07-06 lms check mai --rule holidays
is_out "check: sessions past are passed by" <<'OUT'
courses/mai/course.yaml:8:5: warning: the session on 2027-08-16 is on a day the service is closed [holidays]
OUT

lms check mai --no-rule holidays --no-rule participation
is_out "check --no-rule holidays: silent" </dev/null

sed -i 's/^status: open$/status: cancelled/' courses/mai/course.yaml
lms check mai --rule holidays
is_out "check: a cancelled course is passed by" </dev/null

lms check fri --rule holidays --format csv
is_out "check: the course planned --on-holidays" <<'OUT'
path,line,col,severity,rule,message
courses/fri/course.yaml,7,5,warning,holidays,the session on 2027-03-25 is on a public holiday (skjærtorsdag)
courses/fri/course.yaml,8,5,warning,holidays,the session on 2027-03-29 is on a public holiday (andre påskedag)
OUT

lms check --rule nope
is_rc 2 "an unknown rule"
like "an unknown rule: names holidays" "privacy, holidays, catalog, availability, fees)" "$err"

# A bad closed: in lms.yaml

cp lms.yaml "$SCRATCH/lms.yaml"
bad_closed() {
	description=$1 message=$2
	cp "$SCRATCH/lms.yaml" lms.yaml
	cat >>lms.yaml
	remember
	lms course new ny --title Ny --start 2027-06-21 --days mon --count 4
	is_rc 65 "$description"
	is_err "$description: placed" <<EOF
$message
EOF
	unchanged "$description: changes nothing"
	lms check
	is_rc 65 "$description: check stops"
}
bad_closed "a period that ends before it starts" \
	"lms.yaml:10:5: error: closed.3: the period ends on 2027-07-01, before it starts on 2027-08-08" <<'EOF'
  - from: 2027-08-08
    to: 2027-07-01
EOF
bad_closed "a date that does not exist" \
	"lms.yaml:10:12: error: closed.3.from: '2027-02-30' is not a date (YYYY-MM-DD)" <<'EOF'
  - {from: 2027-02-30}
EOF
bad_closed "a period without a start" \
	"lms.yaml:10:5: error: closed.3: closed period has no 'from'" <<'EOF'
  - {to: 2027-02-03, name: vinterferie}
EOF
bad_closed "a date where a period belongs" \
	"lms.yaml:10:5: error: closed.3: the closed period must be a mapping of keys to values" <<'EOF'
  - 2027-02-22
EOF

cp "$SCRATCH/lms.yaml" lms.yaml
echo "  - {from: 2027-02-22, too: 2027-02-26}" >>lms.yaml
lms check --rule schema
is_rc 0 "an unknown key in a period"
is_out "is a warning, with a suggestion" <<'OUT'
lms.yaml:10:24: warning: unknown key 'too' in closed period (did you mean 'to'?) [schema]
OUT

done_testing
