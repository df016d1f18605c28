#!/bin/sh
# lms evaluate --facilitator: the user representatives' own form, kept
# and reported apart from the participants', and naming no one.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
cp "$FIXTURES/../../lib/store/skel/forms/brukerrepresentant.yaml" forms/

lms evaluate matlaging --facilitator bruker-to --phase plan hort=5 \
	forberedt=3 rolle=4 likeverd=5 kommentar="Fikk sakspapirene sent"
is_rc 0 "a user representative answers about the planning"
is_out "and is not named" <<'OUT'
recorded a response to brukerrepresentant for the phase plan, without a name
OUT
is_file "the response goes apart, naming no one" \
	courses/matlaging/facilitator-evaluations.yaml <<'OUT'
- form: brukerrepresentant
  phase: plan
  date: 2026-08-20
  answers: {hort: 5, forberedt: 3, rolle: 4, likeverd: 5, kommentar: Fikk sakspapirene sent}
OUT
[ ! -e courses/matlaging/evaluations.yaml ]
report $? "the participants' evaluations are not touched"

lms evaluate matlaging --facilitator fag-en --phase plan hort=5
is_rc 1 "a professional is refused"
is_err "with the reason" <<'OUT'
lms: fag-en is not a user representative: the form is for the user representatives' own experience
OUT
lms evaluate matlaging --facilitator fag-tre --phase plan hort=5
is_rc 1 "so is someone not on the course"
lms evaluate matlaging --facilitator ingen --phase plan hort=5
is_rc 66 "and an unknown facilitator"
lms evaluate matlaging --facilitator bruker-to --phase pre hort=5
is_rc 2 "a participant's phase is not a course's"
lms evaluate matlaging --facilitator bruker-to --phase deliver hort=6
is_rc 2 "an answer off the scale"
lms evaluate matlaging --facilitator bruker-to --phase deliver \
	kommentar="ring meg på 900 00 001"
is_rc 65 "personal data in a comment is refused"
lms evaluate matlaging --facilitator bruker-to --phase deliver \
	--person p-test01 hort=4
is_rc 2 "and a person named"
lms evaluate matlaging --facilitator bruker-to --phase deliver \
	--form nope hort=4
is_rc 66 "a form that is not there"
lms check
is_rc 0 "lms check reads the file"

# The course report: a section apart, what they answered only when
# min_cell (5) responses pool it.
lms report course matlaging
like "a section of its own" "^The user representatives' own evaluation$" "$out"
like "responses by phase" '^plan:     1$' "$out"
printf '%s\n' "$out" | sed -n "/own evaluation/,\$p" >"$SCRATCH/own"
! grep -q 'sakspapirene\|bruker-to\|Brukerrepresentant To\|[0-9]\.[0-9]' \
	"$SCRATCH/own"
report $? "one response: its answers are not shown, nor who gave it"
for phase in deliver deliver evaluate evaluate; do
	lms evaluate matlaging --facilitator bruker-to --phase $phase \
		hort=4 rolle=3 kommentar="Svar $phase"
done
lms report course matlaging --format csv
like "five responses: the means" '^hort,5,4.20$' "$out"
like "an item fewer answered has none" '^forberedt,1,-$' "$out"
like "comments in the order of their text" '^Fikk sakspapirene sent$' "$out"

# The aggregate report: apart, protected.
lms report --exact --format yaml
printf '%s\n' "$out" | "${PYTHON:-python3}" -c '
import sys, yaml
d = yaml.safe_load(sys.stdin)
s = d["facilitator-evaluation"]
assert s["facts"]["responses"] == 5, s
rows = {r["item"]: r["mean"] for r in s["items"]}
assert rows["hort"] == 4.2 and rows["rolle"] == 3.2, rows
assert d["figures"]["rows"][-1]["pairs"] == 0' 2>"$SCRATCH/py"
report $? "the aggregate report has them apart, exact"
quote "$SCRATCH/py"
lms report
like "shared, a course of 5 counts as it is" '^responses: 5$' "$out"
! printf '%s\n' "$out" | grep -q 'Svar\|sakspapirene'
report $? "no comment in the aggregate report"

# In Norwegian.
unset LC_MESSAGES
LANG=nb_NO.UTF-8 lms evaluate matlaging --facilitator bruker-to \
	--phase evaluate hort=4
is_out "the message in Norwegian" <<'OUT'
registrerte et svar på brukerrepresentant for fasen evaluering, uten navn
OUT
LANG=nb_NO.UTF-8 lms report course matlaging
like "the section in Norwegian" '^Brukerrepresentantenes egen evaluering$' "$out"

echo "1..$tests"
[ "$failures" -eq 0 ]
