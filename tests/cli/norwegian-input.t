#!/bin/sh
# Dates, times and weekdays as Norwegians type them (7.9.2026, 7.9.26,
# kl. 18.00-20.00, man,ons) wherever lms reads them from a person, while
# the files keep ISO dates and HH:MM times.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-25

# first_err DESCRIPTION < expected: the first line of what the last lms
# said on standard error (the usage lines follow it).
first_err() {
	head -n 1 "$SCRATCH/stderr" >"$SCRATCH/first"
	is_file "$1" "$SCRATCH/first"
}

lms course new kveld --title "Kveldskurs" --start 7.9.2026 --days man,ons \
	--count 4 --time "kl. 18.00-20.00"
is_rc 0 "a schedule given in Norwegian"
is_out "says what it planned, in ISO dates" <<'OUT'
created course kveld: 4 sessions, 2026-09-07 to 2026-09-16
OUT
is_file "the file holds ISO dates and HH:MM times" courses/kveld/course.yaml <<'OUT'
id: kveld
title: Kveldskurs
status: planned
sessions:
  - date: 2026-09-07
    start: "18:00"
    end: "20:00"
  - date: 2026-09-09
    start: "18:00"
    end: "20:00"
  - date: 2026-09-14
    start: "18:00"
    end: "20:00"
  - date: 2026-09-16
    start: "18:00"
    end: "20:00"
OUT

lms course new dag --title "Dagkurs" --start 07.09.26 --days Mandag,TORSDAG \
	--until 17.9.26 --skip 10.09.2026 --time "kl 9.30 – kl 11"
is_rc 0 "full day names, two-digit years, an en dash and a skip"
is_out "the skipped day left out" <<'OUT'
created course dag: 3 sessions, 2026-09-07 to 2026-09-17
OUT
grep -E '^  - date|start|end' courses/dag/course.yaml >"$SCRATCH/dag"
is_file "written as ISO dates and HH:MM" "$SCRATCH/dag" <<'OUT'
  - date: 2026-09-07
    start: "09:30"
    end: "11:00"
  - date: 2026-09-14
    start: "09:30"
    end: "11:00"
  - date: 2026-09-17
    start: "09:30"
    end: "11:00"
OUT

lms course set kveld sessions.2.date=10.9.2026 "sessions.2.start=kl. 18.30" \
	sessions.4.end=21.00
is_rc 0 "course set with a Norwegian date and times"
is_out "says what changed, as the file has it" <<'OUT'
sessions.2.date: 2026-09-09 -> 2026-09-10
sessions.2.start: "18:00" -> "18:30"
sessions.4.end: "20:00" -> "21:00"
OUT
sed -n '/^  - date: 2026-09-10$/,/end/p' courses/kveld/course.yaml >"$SCRATCH/s2"
is_file "the session is written in ISO" "$SCRATCH/s2" <<'OUT'
  - date: 2026-09-10
    start: "18:30"
    end: "20:00"
OUT

# A sign-up sheet with Norwegian request dates.
printf 'Navn;Telefon;P\303\245meldt\r\n' >skjema.csv
printf 'Test Norsk En;900 00 201;24.08.2026\r\n' >>skjema.csv
printf 'Test Norsk To;900 00 202;23.8.26 kl. 10.15\r\n' >>skjema.csv
lms enrol kveld --csv skjema.csv
is_rc 0 "a sheet with Norwegian dates"
sed -n 's/.*\(requested: .*\)/\1/p' courses/kveld/enrolments.yaml >"$SCRATCH/req"
is_file "the request dates are written in ISO, in their order" "$SCRATCH/req" <<'OUT'
requested: 2026-08-23
requested: 2026-08-24
OUT

lms enrol kveld p-test01 --date 20.8.26
is_rc 0 "enrol --date in Norwegian"
grep -A4 'person: p-test01' courses/kveld/enrolments.yaml |
	grep -q '^  requested: 2026-08-20$'
report $? "the request date is written in ISO"

export LMS_TODAY=2026-09-08
lms attend kveld 7.9.26 --all
is_rc 0 "attend with the session given as a Norwegian date"
grep -q '^"2026-09-07":$' courses/kveld/attendance.yaml
report $? "attendance is keyed by the ISO date"

lms report --from 2026-08-01 --to 2026-12-31 --format csv --exact
cp "$SCRATCH/stdout" "$SCRATCH/iso"
lms report --from 1.8.26 --to 31.12.2026 --format csv --exact
is_rc 0 "report --from and --to in Norwegian"
is_file "the same report as with ISO dates" "$SCRATCH/iso" <"$SCRATCH/stdout"
lms course list --from 1.9.2026 --to 30.9.26 --format csv
is_rc 0 "course list --from and --to in Norwegian"

# What does not read is refused, saying which forms do, and changes
# nothing.
remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms "$@"
	is_rc "$expected_rc" "$description"
	first_err "$description: says so" <<OUT
$message
OUT
}
refuse 2 "a month that does not exist" \
	"lms: --start: '31.13.2026' is not a date (use 2026-09-07, 07.09.2026, 7.9.2026 or 7.9.26)" \
	course new ny --title X --start 31.13.2026 --count 2
refuse 2 "31 February" \
	"lms: --until: '31.2.2027' is not a date (use 2026-09-07, 07.09.2026, 7.9.2026 or 7.9.26)" \
	course new ny --title X --start 1.2.2027 --until 31.2.2027
refuse 2 "29 February outside a leap year" \
	"lms: --skip: '29.2.27' is not a date (use 2026-09-07, 07.09.2026, 7.9.2026 or 7.9.26)" \
	course new ny --title X --start 1.2.2027 --count 4 --skip 29.2.27
refuse 2 "a three-digit year" \
	"lms: --to: '31.12.202' is not a date (use 2026-09-07, 07.09.2026, 7.9.2026 or 7.9.26)" \
	report --to 31.12.202
refuse 2 "a date without a year" \
	"lms: --date: '20.8' is not a date (use 2026-09-07, 07.09.2026, 7.9.2026 or 7.9.26)" \
	enrol kveld p-test02 --date 20.8
refuse 2 "a weekday misspelt" \
	"lms: --days: 'man,lor' is not a list of weekdays (use mon,thu, man,tor, mandag,torsdag or man-fre)" \
	course new ny --title X --start 7.9.2026 --count 2 --days man,lor
refuse 2 "a time past midnight" \
	"lms: --time: 'kl. 18.00-24.00' is not a time or a span of time (use 18:00, 18.00, kl. 18.00 or 18.00-20.00)" \
	course new ny --title X --start 7.9.2026 --count 2 --time "kl. 18.00-24.00"
refuse 2 "a time with a decimal comma" \
	"lms: --time: '18,00' is not a time or a span of time (use 18:00, 18.00, kl. 18.00 or 18.00-20.00)" \
	course new ny --title X --start 7.9.2026 --count 2 --time 18,00
refuse 2 "course set with a date that does not exist" \
	"lms: sessions.1.date: '29.2.2027' is not a date (use 2026-09-07, 07.09.2026, 7.9.2026 or 7.9.26)" \
	course set kveld sessions.1.date=29.2.2027
refuse 2 "course set with a time that is not one" \
	"lms: sessions.1.start: 'kl. 25' is not a time (use 18:00, 18.00 or kl. 18.00)" \
	course set kveld "sessions.1.start=kl. 25"
refuse 2 "a session that is no date" \
	"lms: '7.9' is not a session: give its number or its date (such as 2, 2026-09-07 or 7.9.2026)" \
	attend kveld 7.9 --all
refuse 66 "a date with no session" \
	"lms: course 'kveld' has no session on 8.9.26" \
	attend kveld 8.9.26 --all
printf 'Navn;P\303\245meldt\r\nTest Norsk Tre;31.02.2026\r\n' >../bad.csv
refuse 65 "a sheet with a date that does not exist" \
	"../bad.csv:2: error: timestamp ('Påmeldt'): '31.02.2026' is not a date and time (such as 2026-08-24 10:12 or 24.08.2026 kl. 10.12)" \
	enrol kveld --csv ../bad.csv
printf 'Navn;F\303\270dt;P\303\245meldt\r\nTest Norsk Tre;7.9.56;24.08.26\r\n' >../bad.csv
refuse 65 "a date of birth with a two-digit year" \
	"../bad.csv:2: error: birth year ('Født'): '7.9.56' is not a year of birth" \
	enrol kveld --csv ../bad.csv
unchanged "the refusals changed nothing"

# Files keep ISO dates: a Norwegian date written into course.yaml by hand
# is an error there.
sed -i 's/^  - date: 2026-09-07$/  - date: 7.9.2026/' courses/kveld/course.yaml
lms course show kveld
is_rc 65 "a Norwegian date in a file"
is_err "the file's reader stays strict" <<'OUT'
courses/kveld/course.yaml:5:11: error: sessions.1.date: '7.9.2026' is not a date (YYYY-MM-DD)
OUT

done_testing
