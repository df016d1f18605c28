#!/bin/sh
# User participation: a facilitator's role on each course, the meetings
# of a course, and lms check comparing the phases declared with what
# happened.
. "$(dirname "$0")/lib.sh"

use_tree basic
export LMS_TODAY=2026-09-01

# fag-en is a professional in the registry and on matlaging, but a user
# representative on a staff course; bruker-to the other way round.
mkdir courses/personal
cat >courses/personal/course.yaml <<'YAML'
id: personal
title: Brukermedvirkning for ansatte
target_groups: [staff]
facilitators:
- id: fag-en
  phases: [plan, deliver, evaluate]
  role: user-representative
- id: bruker-to
  phases: [plan, deliver, evaluate]
  role: professional
sessions:
- {date: 2026-11-02, start: "09:00", end: "11:00"}
forms: [kursevaluering]
YAML

lms course show personal
is_rc 0 "course show"
is_out "gives the role on this course, not the registry's" <<'OUT'
course        personal
title         Brukermedvirkning for ansatte
status        planned
target groups staff
facilitators  fag-en (Fagperson En, user-representative): plan, deliver, evaluate
              bruker-to (Brukerrepresentant To, professional): plan, deliver, evaluate
forms         kursevaluering

N  DATE        DAY  TIME         THEME
1  2026-11-02  mon  09:00-11:00
OUT
lms facilitator list --kind user-representative --format tsv
is_out "facilitator list --kind asks the registry, not a course" <<'OUT'
id	kind	name	profession	topics	trained	available
bruker-to	user-representative	Brukerrepresentant To		rop,kosthold	helsepedagogikk	2026-08-01 to 2026-12-31
OUT
lms check --rule participation
is_rc 0 "lms check counts each by their role on the course"
is_out "so both courses have both kinds in every phase" </dev/null

# A course of professionals only but for the one staff member who is a
# user representative there: that role counts on this course alone.
cp courses/personal/course.yaml "$SCRATCH/personal.yaml"
sed -i '/- id: bruker-to/,/role: professional/d' courses/personal/course.yaml
lms check --rule participation personal
is_rc 0 "a course without its professional"
is_out "lacks a professional, not a user representative" <<'OUT'
courses/personal/course.yaml:4:1: warning: no professional takes part in planning [participation]
courses/personal/course.yaml:4:1: warning: no professional takes part in delivery [participation]
courses/personal/course.yaml:4:1: warning: no professional takes part in evaluation [participation]
OUT
sed -i '/role: user-representative/d' courses/personal/course.yaml
lms check --rule participation personal
is_out "without the role, fag-en is the registry's professional" <<'OUT'
courses/personal/course.yaml:4:1: warning: no user representative takes part in planning [participation]
courses/personal/course.yaml:4:1: warning: no user representative takes part in delivery [participation]
courses/personal/course.yaml:4:1: warning: no user representative takes part in evaluation [participation]
OUT
cp "$SCRATCH/personal.yaml" courses/personal/course.yaml

sed -i 's/role: professional/role: boss/' courses/personal/course.yaml
lms course show personal
is_rc 65 "a role that is not one"
is_err "is refused with where it is" <<'OUT'
courses/personal/course.yaml:10:9: error: facilitators.2.role: 'boss' is not one of professional, user-representative
OUT
cp "$SCRATCH/personal.yaml" courses/personal/course.yaml

lms course new nytt --title Nytt --facilitator fag-en:plan,user-representative \
	--facilitator bruker-to:professional
is_rc 0 "course new takes a role among the phases"
is_file "and writes it" courses/nytt/course.yaml <<'OUT'
id: nytt
title: Nytt
status: planned
facilitators:
  - id: fag-en
    phases: [plan]
    role: user-representative
  - id: bruker-to
    phases: [plan, deliver, evaluate]
    role: professional
OUT
remember
lms course new nytt2 --title Nytt --facilitator fag-en:user-representative,professional
is_rc 2 "two roles for one"
is_err "are refused" <<'OUT'
lms: --facilitator fag-en:user-representative,professional: give one role
usage: lms course new ID --title T [--template T] [--start DATE] [--days mon,thu] [--count N | --until DATE] [--time HH:MM-HH:MM] [--skip DATE,...] [--on-holidays] [--place P] [--capacity N] [--target-group G,...] [--facilitator FID[:phases,role]]... [--from-waitlist COURSE]
OUT
unchanged "and change nothing"

lms course assign nytt fag-en --phases deliver --role professional
is_rc 0 "course assign --role"
is_out "says the role" <<'OUT'
fag-en: deliver (professional)
OUT
lms course assign nytt fag-tre --phases plan --role user-representative
is_file "and writes it, for one already there and one new" courses/nytt/course.yaml <<'OUT'
id: nytt
title: Nytt
status: planned
facilitators:
  - id: fag-en
    phases: [deliver]
    role: professional
  - id: bruker-to
    phases: [plan, deliver, evaluate]
    role: professional
  - id: fag-tre
    phases: [plan]
    role: user-representative
OUT

done_testing
