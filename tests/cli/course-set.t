#!/bin/sh
# lms course set, assign and unassign edit a hand-written course.yaml in
# place: only the changed values' bytes change, comments and layout stay.
. "$(dirname "$0")/lib.sh"

use_tree basic
f=courses/matlaging/course.yaml
cp "$f" "$SCRATCH/before.yaml"

lms course set matlaging capacity=12 status=running \
	sessions.4.theme="Vi evaluerer" sessions.1.place=Helsehuset \
	title="Mat og helse: teori og praksis" topics=kosthold,rop,mat
is_rc 0 "sets several values"
is_out "and says what changed" <<'OUT'
capacity: 10 -> 12
status: open -> running
sessions.4.theme: (none) -> Vi evaluerer
sessions.1.place: (none) -> Helsehuset
title: Matlaging og kosthold -> "Mat og helse: teori og praksis"
topics: [kosthold, rop] -> [kosthold, rop, mat]
OUT
diff "$SCRATCH/before.yaml" "$f" >"$SCRATCH/changes"
is_file "only the changed values differ; comments stay" "$SCRATCH/changes" <<'OUT'
3c3
< title: 'Matlaging og kosthold'   # tittelen på plakaten
---
> title: "Mat og helse: teori og praksis"   # tittelen på plakaten
5,6c5,6
< status: open          # åpen for påmelding
< capacity: 10
---
> status: running          # åpen for påmelding
> capacity: 12
10a11
>   - mat
23a25
>     place: Helsehuset
29c31
<   - {date: 2026-09-17, start: "11:00", end: "14:00"}
---
>   - {date: 2026-09-17, start: "11:00", end: "14:00", theme: Vi evaluerer}
OUT

cp "$SCRATCH/before.yaml" "$f"
lms course assign matlaging fag-tre --phases deliver
is_rc 0 "assigns a facilitator"
is_out "with the phases" <<'OUT'
fag-tre: deliver
OUT
is_err "and warns that the facilitator is away" <<'OUT'
lms: warning: fag-tre is not available on 2026-09-07 and 3 more session days (see people/facilitators.yaml)
OUT
# Booked on another course at the same time: told of, as course new
# does, and assigned all the same.
lms course new kveld --title Kveld --start 2026-09-07 --count 1 \
	--time 12:00-13:00 >/dev/null
lms course assign kveld fag-en --phases deliver
is_rc 0 "assigns a facilitator who leads another course then"
is_out "with the phases" <<'OUT'
fag-en: deliver
OUT
is_err "and warns of the other course's session" <<'OUT'
lms: warning: fag-en leads a session of matlaging on 2026-09-07 11:00-14:00 at the same time
OUT
lms course assign kveld fag-en --phases plan
is_rc 0 "planning only"
is_err "leads no session: nothing to warn of" </dev/null
rm -r courses/kveld
lms course assign matlaging bruker-to --phases plan,evaluate
is_rc 0 "re-assigning changes the phases"
lms course unassign matlaging fag-en
is_rc 0 "unassigns a facilitator"
is_out "and says so" <<'OUT'
removed fag-en from course matlaging
OUT
diff "$SCRATCH/before.yaml" "$f" >"$SCRATCH/changes"
is_file "the facilitator list changes line by line" "$SCRATCH/changes" <<'OUT'
13,14d12
< - id: fag-en          # leder praktisk del
<   phases: [plan, deliver, evaluate]
16c14,16
<   phases: [plan, deliver, evaluate]
---
>   phases: [plan, evaluate]
> - id: fag-tre
>   phases: [deliver]
OUT

lms course set matlaging place= topics=
is_rc 0 "an empty value removes a key"
is_out "and says so" <<'OUT'
place: Treffstedet, kjøkkenet -> (none)
topics: [kosthold, rop] -> (none)
OUT
grep -q '^place:\|^topics:' "$f"
report $((!$?)) "the keys are gone"

# Refusals change nothing.
remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms course "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
}
refuse 2 "a misspelt key" "course has no key 'capasity'; did you mean 'capacity'?" \
	set matlaging capasity=12
refuse 2 "a value of the wrong type" "capacity: 'tolv' is not a whole number" \
	set matlaging capacity=tolv
refuse 2 "an unknown status" "status: 'done' is not one of planned" \
	set matlaging status=done
refuse 2 "a bad date" "sessions.1.date: '2026-13-01' is not a date" \
	set matlaging sessions.1.date=2026-13-01
refuse 2 "the id" "the id is the name of the course's folder" \
	set matlaging id=other
refuse 2 "a whole list of sessions" "'sessions' is a list of sessions" \
	set matlaging sessions=x
refuse 2 "not KEY=VALUE" "'capacity' is not KEY=VALUE" set matlaging capacity
refuse 2 "no values" "give a course id and at least one KEY=VALUE" set matlaging
refuse 66 "a session that does not exist" \
	"no 'sessions.9' in 'sessions.9.place': the list has 4 items" \
	set matlaging sessions.9.place=x
refuse 66 "an unknown course" "no such course: 'nope'" set nope capacity=1
refuse 65 "a change that leaves the course invalid" "course has no 'title'" \
	set matlaging title=
refuse 66 "assigning an unknown facilitator" "no such facilitator: 'nobody' (see lms facilitator add)" \
	assign matlaging nobody
refuse 66 "a misspelt facilitator" "^lms: no such facilitator: 'fag-e'; did you mean 'fag-en'?$" \
	assign matlaging fag-e
refuse 66 "unassigning someone not assigned" \
	"'fag-en' is not a facilitator of course 'matlaging'" \
	unassign matlaging fag-en
refuse 2 "an unknown phase" "--phases: 'teach' is not one of plan" \
	assign matlaging fag-en --phases teach
refuse 2 "a bad facilitator id" "invalid facilitator id 'Fag'" \
	assign matlaging Fag
refuse 66 "a session led by someone unknown" \
	"sessions.1.led_by: no such facilitator: 'nobody'" \
	set matlaging sessions.1.led_by=fag-en,nobody
unchanged "the refusals changed nothing"

# YAML reads NEL, LS and PS as new lines, the editor LF alone: a file
# with one is refused where it is, and kept as it was.
printf 'description: "en\342\200\250to"\n' >>courses/matlaging/course.yaml
remember
lms course set matlaging waitlist=false
is_rc 65 "a Unicode line break in the file"
like "is refused where it is" \
	'course.yaml:[0-9]*:17: error: a Unicode line break (NEL, LS or PS)' "$err"
unchanged "and nothing changed"

# Every edit is read back and compared with the file before it: one
# that would change any other value, even to a file that loads, is
# refused (exit 65, nothing written).  Here the key "place" is written
# on the line after its "?", which the editor cannot take out whole.
cd "$SCRATCH" && rm -rf basic && use_tree basic
sed -i 's/^place: \(.*\)$/?\n  place\n: \1/' "$f"
remember
lms course set matlaging place=
is_rc 65 "an edit that would change another value"
is_err "is refused, and says why" <<'ERR'
lms: courses/matlaging/course.yaml: cannot make this change safely: it would change the file elsewhere too; nothing was changed; edit the file by hand
ERR
unchanged "and nothing changed"
lms course set matlaging place=Kjøkkenet
is_rc 0 "the same key's value can still be set"
grep -A1 '^  place$' "$f" >"$SCRATCH/place"
is_file "in place" "$SCRATCH/place" <<'OUT'
  place
: Kjøkkenet
OUT

# A key given by a YAML alias is changed where the alias is written; a
# value given by one is refused (exit 65, nothing written), even where
# the anchor's text lies far before it.
cd "$SCRATCH" && rm -rf basic && use_tree basic
sed -i 's/^status: open /description: \&k status\n*k : open /' "$f"
cp "$f" "$SCRATCH/aliased.yaml"
lms course set matlaging status=running
is_rc 0 "a key given by an alias"
diff "$SCRATCH/aliased.yaml" "$f" >"$SCRATCH/changes"
is_file "is changed where the alias is" "$SCRATCH/changes" <<'OUT'
6c6
< *k : open          # åpen for påmelding
---
> *k : running          # åpen for påmelding
OUT
cd "$SCRATCH" && rm -rf basic && use_tree basic
{
	sed -n '1,4p' "$f"
	echo 'description: &none ~'
	seq -f '# %g' 300
	sed -e '1,4d' -e '/^facilitators:/,/^$/{/^facilitators:/!d;}' \
	    -e 's/^facilitators:$/facilitators: *none/' "$f"
} >"$SCRATCH/aliased.yaml"
cp "$SCRATCH/aliased.yaml" "$f"
remember
lms course assign matlaging fag-tre
is_rc 65 "a list given by an alias"
is_err "is refused" <<'OUT'
lms: courses/matlaging/course.yaml: cannot edit 'facilitators': it is given by an alias
OUT
unchanged "and nothing changed"

# A list item's own "- " is found past comments, however they are
# written: a "-" in a comment is not one.
cd "$SCRATCH" && rm -rf basic && use_tree basic
sed -i -e 's/^topics:$/topics: \&t/' \
    -e 's/^  - kosthold .*/  - # kost-hold\n    kosthold/' "$f"
cp "$f" "$SCRATCH/commented.yaml"
lms course set matlaging topics=kosthold,rop,mat
is_rc 0 "a list with a comment after a dash"
diff "$SCRATCH/commented.yaml" "$f" >"$SCRATCH/changes"
is_file "gets its new item in line" "$SCRATCH/changes" <<'OUT'
11a12
>   - mat
OUT

# A key written "? capacity" with no ":" has no value yet, and gets its
# ":" with one; lines of more spaces than a block scalar's indentation
# are part of its value, so what follows goes after them.
cd "$SCRATCH" && rm -rf basic && use_tree basic
sed -i -e 's/^capacity: 10$/? capacity/' \
    -e 's/^place: .*/place: |\n  Treffstedet\n   /' "$f"
cp "$f" "$SCRATCH/explicit.yaml"
lms course set matlaging capacity=12 template=mestringstreff
is_rc 0 "a key without a value, and a new key after a block scalar"
diff "$SCRATCH/explicit.yaml" "$f" >"$SCRATCH/changes"
is_file "each goes where it belongs" "$SCRATCH/changes" <<'OUT'
6a7
> : 12
13a15
> template: mestringstreff
OUT

# A template or form the change names must be there; one the course
# named before is lms check's to report, and stops no other change.
cd "$SCRATCH" && rm -rf basic && use_tree basic
remember
lms course set matlaging template=mestringstref
is_rc 66 "a template that is not there"
is_err "is named" <<'OUT'
lms: template: no such template: 'mestringstref'
OUT
unchanged "and nothing is written"
lms course set matlaging forms=kursevaluering,mestringstr0
is_rc 66 "a form that is not there"
is_err "is named" <<'OUT'
lms: forms: no such form: 'mestringstr0'
OUT
unchanged "and nothing is written"
sed -i 's/^forms: .*/forms: [gammelt-skjema]/' "$f"
lms course set matlaging template=mestringstreff forms=gammelt-skjema,mestringstro
is_rc 0 "names that are there, and one named before"
is_out "are set" <<'OUT'
template: (none) -> mestringstreff
forms: [gammelt-skjema] -> [gammelt-skjema, mestringstro]
OUT

# A session moved to another date takes its attendance along, so that
# the record stays with its session; onto a date with a record already,
# the change is refused.
cd "$SCRATCH" && rm -rf enrol && use_tree enrol
LMS_TODAY=2026-08-20 "$LMS" enrol matlaging p-test01 >/dev/null
LMS_TODAY=2026-09-15 "$LMS" attend matlaging 1 --all >/dev/null
LMS_TODAY=2026-09-15 "$LMS" attend matlaging 2 --absent p-test01 >/dev/null
lms course set matlaging sessions.1.date=8.9.2026
is_rc 0 "a session moved to another day"
is_out "says its attendance went along" <<'OUT'
sessions.1.date: 2026-09-07 -> 2026-09-08
the attendance of 2026-09-07 moved with its session to 2026-09-08
OUT
is_file "under the session's new date" courses/matlaging/attendance.yaml <<'OUT'
"2026-09-08":
  p-test01: present
"2026-09-10":
  p-test01: absent
OUT
remember
lms course set matlaging sessions.1.date=2026-09-10
is_rc 1 "onto a date with a record"
is_err "is refused" <<'OUT'
lms: the attendance of 2026-09-08 cannot move with its session to 2026-09-10, which has attendance recorded already
OUT
unchanged "and nothing is written"

# A capacity below the places held takes none of them, but lms check
# calls it an error: set says so when the capacity changes.
cd "$SCRATCH" && rm -rf enrol && use_tree enrol
for p in p-test01 p-test02; do
	LMS_TODAY=2026-08-20 "$LMS" enrol matlaging $p >/dev/null
done
lms course set matlaging capacity=1
is_rc 0 "a capacity below the places held"
is_out "is set" <<'OUT'
capacity: 3 -> 1
OUT
is_err "with a warning in lms check's words" <<'OUT'
lms: warning: 2 people hold places, but the course has 1
OUT
lms course set matlaging title=Ny
is_err "a change of something else says nothing of it" </dev/null

# A change that fails after it has been decided (here: the enrolments,
# which more places would move up, cannot be read) writes nothing, and
# does not report a change it did not make.
cd "$SCRATCH" && rm -rf basic && use_tree basic
printf 'not: [a list\n' >courses/matlaging/enrolments.yaml
remember
lms course set matlaging capacity=20
is_rc 65 "a change whose enrolments cannot be read"
is_out "reports no change" </dev/null
unchanged "and makes none"

done_testing
