#!/bin/sh
# lms export: tidy tables of enrolments, attendance and evaluations.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
"$LMS" enrol matlaging p-test01 --referral gp >/dev/null
"$LMS" enrol matlaging p-test06 --relative-of p-test01 --date 2026-08-15 >/dev/null
"$LMS" enrol matlaging p-test02 --referral self >/dev/null
# After the first session, and onto the waiting list: a negative wait.
export LMS_TODAY=2026-09-08
"$LMS" enrol matlaging p-test03 >/dev/null
"$LMS" course new kveld --title Kveld --start 2026-10-01 --count 2 >/dev/null
"$LMS" enrol kveld p-test07 --referral other >/dev/null
export LMS_TODAY=2026-09-15
"$LMS" attend matlaging 1 --all --excused p-test02 >/dev/null
"$LMS" attend matlaging 2 p-test01 --absent p-test02,p-test06 >/dev/null
"$LMS" attend matlaging 3 --headcount participants=5,relatives=1 >/dev/null
"$LMS" course set matlaging forms=kursevaluering,mestringstro >/dev/null
"$LMS" evaluate matlaging --form mestringstro --phase pre --person p-test01 \
	--date 2026-09-07 hverdagen=2 hjelp=3 mal=2 tilbakeslag=2 ressurser=3 \
	si-fra=3 oppgitt=2 pavirke=3 >/dev/null
"$LMS" evaluate matlaging --form kursevaluering --phase session --session 2 \
	nytte=5 teori-praksis=4 erfaringer=5 trygghet=5 formidling=4 lokaler=3 \
	kommentar='Mer praksis; og "mer" mat' >/dev/null

lms export enrolments
is_rc 0 "exports the enrolments"
is_out "of every course, in id order, requests in file order" <<'OUT'
course,person,role,status,requested,referral,municipality,relative_of,follow_up,course_first,days_waited,target_groups
kveld,p-test07,participant,enrolled,2026-09-08,other,5001,,,2026-10-01,23,
matlaging,p-test01,participant,enrolled,2026-08-20,gp,5001,,,2026-09-07,18,at-risk
matlaging,p-test06,relative,enrolled,2026-08-15,,5001,p-test01,,2026-09-07,23,at-risk
matlaging,p-test02,participant,enrolled,2026-08-20,self,5059,,,2026-09-07,18,at-risk
matlaging,p-test03,participant,waitlisted,2026-09-08,,5001,,,2026-09-07,-1,at-risk
OUT

lms export enrolments matlaging kveld matlaging
is_rc 0 "exports the courses named"
is_out "in id order, each once" <<'OUT'
course,person,role,status,requested,referral,municipality,relative_of,follow_up,course_first,days_waited,target_groups
kveld,p-test07,participant,enrolled,2026-09-08,other,5001,,,2026-10-01,23,
matlaging,p-test01,participant,enrolled,2026-08-20,gp,5001,,,2026-09-07,18,at-risk
matlaging,p-test06,relative,enrolled,2026-08-15,,5001,p-test01,,2026-09-07,23,at-risk
matlaging,p-test02,participant,enrolled,2026-08-20,self,5059,,,2026-09-07,18,at-risk
matlaging,p-test03,participant,waitlisted,2026-09-08,,5001,,,2026-09-07,-1,at-risk
OUT

lms export attendance matlaging
is_rc 0 "exports the attendance"
is_out "one row per mark, and one per headcount" <<'OUT'
course,session,date,person,presence,headcount_participants,headcount_relatives
matlaging,1,2026-09-07,p-test01,present,,
matlaging,1,2026-09-07,p-test02,excused,,
matlaging,1,2026-09-07,p-test06,present,,
matlaging,2,2026-09-10,p-test01,present,,
matlaging,2,2026-09-10,p-test02,absent,,
matlaging,2,2026-09-10,p-test06,absent,,
matlaging,3,2026-09-14,,headcount,5,1
OUT

lms export evaluations
is_rc 0 "exports the evaluations"
is_out "one row per answer, with the response's number and score" <<'OUT'
course,response,form,phase,session,session_date,person,date,score,item,value,text
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,hverdagen,2,
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,hjelp,3,
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,mal,2,
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,tilbakeslag,2,
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,ressurser,3,
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,si-fra,3,
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,oppgitt,2,
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,2.625,pavirke,3,
matlaging,2,kursevaluering,session,2,2026-09-10,,2026-09-15,4.333,nytte,5,
matlaging,2,kursevaluering,session,2,2026-09-10,,2026-09-15,4.333,teori-praksis,4,
matlaging,2,kursevaluering,session,2,2026-09-10,,2026-09-15,4.333,erfaringer,5,
matlaging,2,kursevaluering,session,2,2026-09-10,,2026-09-15,4.333,trygghet,5,
matlaging,2,kursevaluering,session,2,2026-09-10,,2026-09-15,4.333,formidling,4,
matlaging,2,kursevaluering,session,2,2026-09-10,,2026-09-15,4.333,lokaler,3,
matlaging,2,kursevaluering,session,2,2026-09-10,,2026-09-15,4.333,kommentar,,"Mer praksis; og ""mer"" mat"
OUT

lms export evaluations kveld
is_rc 0 "a course without responses"
is_out "gives the header alone" <<'OUT'
course,response,form,phase,session,session_date,person,date,score,item,value,text
OUT

# is_bytes DESCRIPTION < expected: stdout is the expected text as Excel
# wants it: a byte-order mark, then CRLF line ends.
is_bytes() {
	{ printf '\357\273\277'; sed 's/$/\r/'; } >"$SCRATCH/expected"
	cmp "$SCRATCH/expected" "$SCRATCH/stdout" >"$SCRATCH/diff" 2>&1
	report $? "$1"
	sed 's/^/# /' "$SCRATCH/diff"
}

lms export attendance matlaging --excel
is_rc 0 "--excel"
is_bytes "writes a BOM, ';' and CRLF" <<'OUT'
course;session;date;person;presence;headcount_participants;headcount_relatives
matlaging;1;2026-09-07;p-test01;present;;
matlaging;1;2026-09-07;p-test02;excused;;
matlaging;1;2026-09-07;p-test06;present;;
matlaging;2;2026-09-10;p-test01;present;;
matlaging;2;2026-09-10;p-test02;absent;;
matlaging;2;2026-09-10;p-test06;absent;;
matlaging;3;2026-09-14;;headcount;5;1
OUT
od -An -tx1 -N4 "$SCRATCH/stdout" | tr -d ' \n' >"$SCRATCH/head"
[ "$(cat "$SCRATCH/head")" = efbbbf63 ]
report $? "the file starts with the UTF-8 byte-order mark"

lms export evaluations --excel --format csv
is_rc 0 "--excel goes with --format csv"
sed -n '2p;16p' "$SCRATCH/stdout" >"$SCRATCH/lines"
is_file "decimal commas, and text with ';' in quotes" "$SCRATCH/lines" <<OUT
matlaging;1;mestringstro;pre;;;p-test01;2026-09-07;2,625;hverdagen;2;$(printf '\r')
matlaging;2;kursevaluering;session;2;2026-09-10;;2026-09-15;4,333;kommentar;;"Mer praksis; og ""mer"" mat"$(printf '\r')
OUT

lms export attendance matlaging --format tsv
is_rc 0 "--format tsv"
printf 'course\tsession\tdate\tperson\tpresence\theadcount_participants\theadcount_relatives
matlaging\t1\t2026-09-07\tp-test01\tpresent\t\t
matlaging\t1\t2026-09-07\tp-test02\texcused\t\t
matlaging\t1\t2026-09-07\tp-test06\tpresent\t\t
matlaging\t2\t2026-09-10\tp-test01\tpresent\t\t
matlaging\t2\t2026-09-10\tp-test02\tabsent\t\t
matlaging\t2\t2026-09-10\tp-test06\tabsent\t\t
matlaging\t3\t2026-09-14\t\theadcount\t5\t1
' >"$SCRATCH/tsv"
is_file "writes tab-separated values" "$SCRATCH/stdout" <"$SCRATCH/tsv"

lms export evaluations --format tsv
tail -1 "$SCRATCH/stdout" >"$SCRATCH/last"
printf 'matlaging\t2\tkursevaluering\tsession\t2\t2026-09-10\t\t2026-09-15\t4.333\tkommentar\t\tMer praksis; og "mer" mat\n' >"$SCRATCH/tsv"
is_file "unquoted, with a decimal point" "$SCRATCH/last" <"$SCRATCH/tsv"

# The refusals print nothing on stdout.
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms export "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
	[ -z "$out" ]
	report $? "$description: prints no table"
}
refuse 66 "an unknown course" "no such course: 'nope'" enrolments matlaging nope
refuse 2 "an unknown table" \
	"'people' is not a table: give enrolments, attendance, evaluations or fees" \
	people
refuse 2 "no table" "give the table: enrolments, attendance, evaluations or fees"
refuse 2 "--excel with --format tsv" \
	"--excel writes CSV: it cannot go with --format tsv" \
	attendance --excel --format tsv
refuse 2 "another format" "unknown format 'text': use csv, tsv" \
	attendance --format text
refuse 2 "a course id that is not an id" "invalid course id" \
	attendance ../matlaging
like "a usage error shows the usage" \
	"^usage: lms export enrolments | attendance | evaluations \[COURSE...\] \[--format csv | tsv\] \[--excel\]$" \
	"$err"

# Privacy: no name, phone or e-mail of the register, in any table or
# format; and the register is not even read.
sed -n 's/^  \(name\|phone\|email\): //p' people/participants.yaml |
	tr -d '"' >"$SCRATCH/private"
[ "$(wc -l <"$SCRATCH/private")" -ge 10 ]
report $? "the register has names, phones and e-mails to look for"
: >"$SCRATCH/all"
for table in enrolments attendance evaluations; do
	for opt in --format=csv --format=tsv --excel; do
		"$LMS" export $table $opt >>"$SCRATCH/all"
	done
done
grep -F -f "$SCRATCH/private" "$SCRATCH/all" >"$SCRATCH/leaks"
[ ! -s "$SCRATCH/leaks" ]
report $? "no export holds a name, phone or e-mail"
sed 's/^/# leaked: /' "$SCRATCH/leaks"
"$LMS" roster matlaging | grep -c -F -f "$SCRATCH/private" >"$SCRATCH/count"
[ "$(cat "$SCRATCH/count")" -ge 4 ]
report $? "while the same search finds them in the roster"
grep -q p-test01 "$SCRATCH/all"
report $? "but people are there by id"

chmod 644 people/participants.yaml
lms export enrolments
is_rc 0 "a register that others can read does not stop an export"
mv people/participants.yaml "$SCRATCH/register"
lms export evaluations
is_rc 0 "nor does a missing one"

# A form removed after the responses: answers stay, without a score.
rm forms/mestringstro.yaml
lms export evaluations
is_rc 0 "a missing form"
sed -n 2p "$SCRATCH/stdout" >"$SCRATCH/line"
is_file "leaves its responses unscored" "$SCRATCH/line" <<'OUT'
matlaging,1,mestringstro,pre,,,p-test01,2026-09-07,,hverdagen,2,
OUT

done_testing
