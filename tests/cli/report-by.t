#!/bin/sh
# lms report --by referral | role | age-band: rows by what funders ask,
# with figures counted by hand, and small numbers protected.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20

# add_people PREFIX N BIRTH_YEAR...: people PREFIX01.. of 5001, with the
# birth years given ("-" for none), in the register.
add_people() {
	prefix=$1
	shift
	i=0
	for year in "$@"; do
		i=$((i + 1))
		id=$(printf '%s%02d' "$prefix" "$i")
		printf -- '- id: %s\n  name: Testperson %s\n  municipality: "5001"\n' \
			"$id" "$id"
		[ "$year" = - ] || printf '  birth_year: %s\n' "$year"
		printf '  consent: 2026-08-01\n'
	done >>people/participants.yaml
}

# Course b: ten participants, five sent by their GP aged 30 to 49 in
# 2026, five on their own aged 50 to 66: every part is 5, so even the
# shared report shows it as it is.
add_people p-b 1977 1980 1985 1990 1996 1960 1965 1970 1975 1976
lms course new b --title B --start 2026-09-01 --count 2 --time 10:00-12:00 \
	--capacity 20
lms course set b status=open
for i in 01 02 03 04 05; do lms enrol b p-b$i --referral gp; done
for i in 06 07 08 09 10; do lms enrol b p-b$i --referral self; done

lms report --by referral --format csv
is_rc 0 "a shared report by referral"
is_out "parts of 5 show as they are" <<'OUT'
referral,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
gp,1,0,5,0,5,0,,,,,0,,,,,,0,0
self,1,0,5,0,5,0,,,,,0,,,,,,0,0
total,2,0,10,0,10,0,,0,,12,0,0,,,,,1,0
OUT
lms report --by age-band --format csv
is_out "by age band, from the register's birth years" <<'OUT'
age_band,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
30-49,1,0,5,0,5,0,,,,,0,,,,,,0,0
50-66,1,0,5,0,5,0,,,,,0,,,,,,0,0
total,2,0,10,0,10,0,,0,,12,0,0,,,,,1,0
OUT

# Course a: eleven participants, two relatives and one on the waiting
# list, of every referral and age, and some of each left blank.  Ages in
# 2026: a01 36, a02 31, a03 26, a04 76, a05 86, a06 56, a07 unknown, a08
# 46, a09 66, a10 67, a11 30, a12 29, a13 80, a14 41.
add_people p-a 1990 1995 2000 1950 1940 1970 - 1980 1960 1959 1996 1997 \
	1946 1985
lms course new a --title A --start 2026-09-01 --count 2 --time 12:00-14:00 \
	--capacity 13
lms course set a status=open
for i in 01 02 03 04 05 06 07; do lms enrol a p-a$i --referral gp; done
for i in 08 09 10; do lms enrol a p-a$i --referral self; done
lms enrol a p-a11
lms enrol a p-a12 --role relative --referral other
lms enrol a p-a13 --role relative --referral other
lms enrol a p-a14 --referral nav
is_out "the last is on the waiting list" <<'OUT'
p-a14 waitlisted (number 1 on the waiting list)
OUT

lms report --by referral --exact --format csv
is_rc 0 "an exact report by referral"
is_out "one row per referral, none last; what people did in the totals" <<'OUT'
# internal: exact figures, not for sharing
referral,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
gp,2,0,12,0,12,0,,,,,0,,,,,,0,0
nav,1,0,0,0,0,1,,,,,0,,,,,,0,0
other,1,0,0,2,2,0,,,,,0,,,,,,0,0
self,2,0,8,0,8,0,,,,,0,,,,,,0,0
(none),1,0,1,0,1,0,,,,,0,,,,,,0,0
total,3,0,21,2,23,1,,0,,12,0,0,,,,,1,0
OUT
lms report --by age-band --exact --format csv
is_out "one row per age band, unknown last" <<'OUT'
# internal: exact figures, not for sharing
age_band,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
0-29,1,0,1,1,2,0,,,,,0,,,,,,0,0
30-49,2,0,9,0,9,1,,,,,0,,,,,,0,0
50-66,2,0,7,0,7,0,,,,,0,,,,,,0,0
67-79,1,0,2,0,2,0,,,,,0,,,,,,0,0
80+,1,0,1,1,2,0,,,,,0,,,,,,0,0
unknown,1,0,1,0,1,0,,,,,0,,,,,,0,0
total,3,0,21,2,23,1,,0,,12,0,0,,,,,1,0
OUT
lms report --by role --exact --format csv
is_out "by role, the waiting list apart" <<'OUT'
# internal: exact figures, not for sharing
role,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
participant,2,0,21,0,21,0,,0,,12,0,0,,,,,0,0
relative,1,0,0,2,2,0,,0,,12,0,0,,,,,0,0
(none),1,0,0,0,0,1,,0,,,0,0,,,,,0,0
total,3,0,21,2,23,1,,0,,12,0,0,,,,,1,0
OUT
! grep -q 'p-a\|p-b\|19[0-9][0-9]' "$SCRATCH/stdout"
report $? "no id or birth year in the report"

# Shared: course a's pieces are 11 participants, 2 relatives and 1
# waiting; the small ones are 0 or 5, and the split of the 11 stops at
# the first part drawn.  Each column still adds up to the totals, which
# are those of every other grouping.
for by in referral age-band role; do
	lms report --by $by --format csv
	printf '%s\n' "$out" >"$SCRATCH/$by.csv"
done
lms report --format csv
printf '%s\n' "$out" | tail -n 1 | cut -d, -f2- >"$SCRATCH/total"
for by in referral age-band role; do
	tail -n 1 "$SCRATCH/$by.csv" | cut -d, -f2- | cmp -s - "$SCRATCH/total"
	report $? "by $by, the totals of the report by course"
	awk -F, 'NR > 1 && $1 != "total" {
		for (c = 4; c <= 7; c++) sum[c] += $c
		staff += $NF
	}
	NR > 1 && $6 != $4 + $5 + $NF { bad = 1 }
	$1 == "total" {
		for (c = 4; c <= 7; c++) if (sum[c] != $c) bad = 1
		if (staff != $NF) bad = 1
	}
	END { exit bad }' "$SCRATCH/$by.csv"
	report $? "by $by, the rows add up to the totals"
done
awk -F, '$1 == "total" && ($5 != 0 && $5 != 5 || $7 != 0 && $7 != 5) { bad = 1 }
	END { exit bad }' "$SCRATCH/referral.csv"
report $? "the 2 relatives and the 1 waiting count as 0 or 5"
awk -F, '$1 == "nav" || $1 == "other" { bad = 1 } END { exit bad }' \
	"$SCRATCH/referral.csv"
report $? "small groups of a referral have no row of their own"
lms report --by referral
is_rc 0 "as text"
like "a drawn part is marked" '^(not shown) .*≈' "$out"
like "and the rows are explained" '(not shown)\.$' "$out"

# In Norwegian, the rows' names are translated; scripts keep English.
unset LC_MESSAGES
LANG=nb_NO.UTF-8 lms report --by referral --exact
like "referrals in Norwegian" '^fastlege ' "$out"
LANG=nb_NO.UTF-8 lms report --by role --exact
like "roles in Norwegian" '^pårørende ' "$out"
LANG=nb_NO.UTF-8 lms report --by age-band --exact --format csv
is_out "CSV stays English in Norwegian" <<'OUT'
# internal: exact figures, not for sharing
age_band,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
0-29,1,0,1,1,2,0,,,,,0,,,,,,0,0
30-49,2,0,9,0,9,1,,,,,0,,,,,,0,0
50-66,2,0,7,0,7,0,,,,,0,,,,,,0,0
67-79,1,0,2,0,2,0,,,,,0,,,,,,0,0
80+,1,0,1,1,2,0,,,,,0,,,,,,0,0
unknown,1,0,1,0,1,0,,,,,0,,,,,,0,0
total,3,0,21,2,23,1,,0,,12,0,0,,,,,1,0
OUT

# By age band the register is read, so it must be private.
chmod 644 people/participants.yaml
lms report --by age-band
is_rc 1 "a register others may read is refused"
lms report --by referral
is_rc 0 "by referral, the register is not read"

echo "1..$tests"
[ "$failures" -eq 0 ]
