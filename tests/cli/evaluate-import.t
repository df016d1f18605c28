#!/bin/sh
# lms evaluate --csv: a survey imported twice is counted once, a longer
# export of it adds only its new rows, and a column of participant ids
# names the person.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-09-01
for p in p-test01 p-test02 p-test03; do
	"$LMS" enrol matlaging $p >/dev/null
done
"$LMS" enrol matlaging p-test04 >/dev/null	# on the waiting list
"$LMS" course set matlaging forms=kursevaluering,mestringstro >/dev/null
export LMS_TODAY=2026-09-20

# What Microsoft Forms exports: a response number (ID) and the respondent
# (anonymous), then the questions.  The participant typed their id as it
# stood on their card, in capitals or without "p-"; two people who did
# not give it answered alike.
cat >svar.csv <<'CSV'
ID,Fullføringstidspunkt,E-post,Deltakernummer,hverdagen,hjelp,mal
1,17.09.2026 10:00:00,anonymous,P-TEST01,3,3,3
2,17.09.2026 10:05:00,anonymous,test02,4,Stemmer helt,3
3,17.09.2026 10:06:00,anonymous,,2,2,2
4,17.09.2026 10:06:00,anonymous,,2,2,2
CSV
lms evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_rc 0 "imports a survey with a column of participant ids"
is_out "by name and anonymous" <<'OUT'
imported 4 responses to mestringstro (post): 2 by name, 2 anonymous
OUT
is_err "and names the columns it left out" <<'OUT'
lms: warning: svar.csv: column 'ID' matches no item of the form and is left out
lms: warning: svar.csv: column 'E-post' matches no item of the form and is left out
OUT
sed -n '/person: p-test02/,/digest/p' courses/matlaging/evaluations.yaml >"$SCRATCH/r"
is_file "a response: its person, the date of its timestamp, a digest" "$SCRATCH/r" <<'OUT'
  person: p-test02
  date: 2026-09-17
  answers: {hverdagen: 4, hjelp: 4, mal: 3}
  digest: "0491ea43b0d39d93"
OUT
grep -c '^  digest: "[0-9a-f]\{16\}"$' courses/matlaging/evaluations.yaml >"$SCRATCH/n"
is_file "two alike are two responses, with digests of their own" "$SCRATCH/n" <<'OUT'
4
OUT
grep -q 'anonymous\|ID' courses/matlaging/evaluations.yaml
report $((! $?)) "nothing of the columns left out is kept"

# The same file again: nothing new, and not a byte changed.
remember
lms evaluate matlaging --form mestringstro --phase post --csv svar.csv
is_rc 0 "importing the same survey again"
is_out "adds nothing, and says so" <<'OUT'
nothing new: the 4 responses of svar.csv were imported before
OUT
unchanged "and leaves the file as it was"

# An answer corrected by hand keeps its digest: the row is still known.
sed -i 's/answers: {hverdagen: 3, hjelp: 3, mal: 3}/answers: {hverdagen: 3, hjelp: 3, mal: 2}/' \
	courses/matlaging/evaluations.yaml
# A longer export of the same survey, sorted otherwise: only the new row.
{
	head -1 svar.csv
	sed -n '5p;2p;4p;3p' svar.csv
	echo '5,18.09.2026 09:00:00,anonymous,,1,1,1'
} >svar2.csv
lms evaluate matlaging --form mestringstro --phase post --csv svar2.csv
is_rc 0 "a longer export of the survey"
is_out "adds its new rows only" <<'OUT'
imported 1 response to mestringstro (post): 0 by name, 1 anonymous; 4 imported before, left as they were
OUT
grep -c '^- form: mestringstro' courses/matlaging/evaluations.yaml >"$SCRATCH/n"
is_file "five responses in all" "$SCRATCH/n" <<'OUT'
5
OUT

# Refusals change nothing.
remember
lms evaluate matlaging --form mestringstro --phase pre --csv svar.csv
is_rc 1 "the same rows as another phase"
is_err "are refused" <<'OUT'
lms: warning: svar.csv: column 'ID' matches no item of the form and is left out
lms: warning: svar.csv: column 'E-post' matches no item of the form and is left out
svar.csv:2: error: this row was imported before, as a post response (line 1 of evaluations.yaml): a sheet answers one phase
OUT
printf 'Deltakernummer,hverdagen\np-test07,3\n' >../bad.csv
lms evaluate matlaging --form mestringstro --phase pre --csv ../bad.csv
is_rc 65 "a person who is not on the course"
is_err "is named by the row and column" <<'OUT'
../bad.csv:2: error: column 'Deltakernummer': 'p-test07' is not a person on course 'matlaging' (use the ids of lms roster, such as p-7k3q9x)
OUT
printf 'Deltakernummer,hverdagen\np-test04,3\n' >../bad.csv
lms evaluate matlaging --form mestringstro --phase pre --csv ../bad.csv
is_rc 1 "a person on the waiting list"
is_err "answers by name no more than by hand" <<'OUT'
../bad.csv:2: error: p-test04 is not on course 'matlaging': only its participants answer by name
OUT
unchanged "the refusals changed nothing"

# --map names the columns of the person and of the time.
printf 'Nr,Levert,Q1\n test03 ,2026-09-18 12:00,3\n' >map.csv
lms evaluate matlaging --form mestringstro --phase pre --csv map.csv \
	--map Nr=person,Levert=timestamp,Q1=hverdagen
is_rc 0 "--map COLUMN=person and COLUMN=timestamp"
tail -6 courses/matlaging/evaluations.yaml | head -4 >"$SCRATCH/r"
is_file "name the person and the date" "$SCRATCH/r" <<'OUT'
- form: mestringstro
  phase: pre
  person: p-test03
  date: 2026-09-18
OUT

# Two branches that both imported the sheet, merged: lms check finds the
# response that is there twice.
git_merge_copy=$(sed -n '/person: p-test02/,/digest/p' courses/matlaging/evaluations.yaml)
printf -- '- form: mestringstro\n  phase: post\n%s\n' "$git_merge_copy" \
	>>courses/matlaging/evaluations.yaml
lms check matlaging --rule schema
is_rc 1 "lms check"
like "finds a row imported twice" \
	"evaluations.yaml:[0-9]*:3: error: the same row of a sheet as the response on line [0-9]*: imported twice" "$out"

done_testing
