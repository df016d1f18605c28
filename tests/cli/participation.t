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

lms course set nytt facilitators.3.role=
is_rc 0 "course set takes a role away"
is_out "and says so" <<'OUT'
facilitators.3.role: user-representative -> (none)
OUT
lms course set nytt facilitators.3.role=sjef
is_rc 2 "and refuses one that is not a role"

# --- meetings ---------------------------------------------------------------

rm -r courses/nytt
# vaar: over, completed; bruker-to was declared for every phase, but fag-en
# led every session and no meeting is recorded.
mkdir courses/vaar
cat >courses/vaar/course.yaml <<'YAML'
id: vaar
title: Matlaging, sommer
status: completed
target_groups: [at-risk]
facilitators:
- id: fag-en
  phases: [plan, deliver, evaluate]
- id: bruker-to
  phases: [plan, deliver, evaluate]
sessions:
- {date: 2026-08-10, start: "11:00", end: "14:00", led_by: [fag-en]}
- {date: 2026-08-17, start: "11:00", end: "14:00", led_by: [fag-en]}
forms: [kursevaluering]
YAML

lms check --rule participation
is_rc 0 "declared phases not carried out are warnings"
is_out "one for each phase, naming who, the phase, the course, and how to record it" <<'OUT'
courses/vaar/course.yaml:8:3: warning: user representative bruker-to is declared for planning course vaar, but took part in no planning meeting: record it with 'lms meeting add vaar --date DATE --kind plan --with bruker-to' [participation]
courses/vaar/course.yaml:8:3: warning: user representative bruker-to is declared for delivering course vaar, but has led none of its sessions held: record who led a session with 'lms course set vaar sessions.N.led_by=bruker-to' [participation]
courses/vaar/course.yaml:8:3: warning: user representative bruker-to is declared for evaluating course vaar, but took part in no evaluation meeting: record it with 'lms meeting add vaar --date DATE --kind evaluate --with bruker-to' [participation]
OUT
is_err "and counted" <<'OUT'
lms: 3 warnings
OUT

lms report --exact --format csv
is_out "the report counts none as happened, one as declared" <<'OUT'
# internal: exact figures, not for sharing
course,courses,sessions,participants,relatives,enrolments,waitlisted,completion_pct,attendances,attendance_pct,wait_days,user_rep_all_phases,pairs,before,after,change,d_z,user_rep_all_phases_declared,staff
matlaging,1,0,0,0,0,0,,0,,,0,0,,,,,1,0
personal,1,0,0,0,0,0,,0,,,0,0,,,,,1,0
vaar,1,2,0,0,0,0,,0,,,0,0,,,,,1,0
total,3,2,0,0,0,0,,0,,,0,0,,,,,3,0
OUT

lms meeting add vaar --date 2026-07-01 --kind plan --with fag-en,bruker-to \
	--hours 1,5 --note "Plan for sommeren"
is_rc 0 "meeting add"
is_out "says what it recorded" <<'OUT'
added a meeting of vaar on 2026-07-01 (plan)
OUT
lms meeting add vaar --date 24.8.2026 --kind evaluate --with bruker-to
is_file "writes courses/ID/meetings.yaml, hours only when given" \
	courses/vaar/meetings.yaml <<'OUT'
- date: 2026-07-01
  kind: plan
  hours: 1.5
  with: [fag-en, bruker-to]
  note: Plan for sommeren
- date: 2026-08-24
  kind: evaluate
  with: [bruker-to]
OUT
lms meeting list vaar
is_out "meeting list" <<'OUT'
DATE        KIND      HOURS  WITH              NOTE
2026-07-01  plan      1.5    fag-en,bruker-to  Plan for sommeren
2026-08-24  evaluate  1      bruker-to
OUT
lms meeting list vaar --format tsv
is_out "meeting list as TSV" <<'OUT'
date	kind	hours	with	note
2026-07-01	plan	1.5	fag-en,bruker-to	Plan for sommeren
2026-08-24	evaluate	1	bruker-to	
OUT
lms meeting list matlaging
is_rc 0 "a course without meetings"
is_out "has an empty list" <<'OUT'
DATE  KIND  HOURS  WITH  NOTE
OUT

lms check --rule participation
is_out "the meetings answer planning and evaluation, not delivery" <<'OUT'
courses/vaar/course.yaml:8:3: warning: user representative bruker-to is declared for delivering course vaar, but has led none of its sessions held: record who led a session with 'lms course set vaar sessions.N.led_by=bruker-to' [participation]
OUT
lms course set vaar sessions.2.led_by=fag-en,bruker-to
lms check --rule participation
is_rc 0 "a session led"
is_out "and nothing is missing" </dev/null
lms report --exact --format csv
like "the report counts it as happened" '^vaar,1,2,0,0,0,0,,0,,,1,0,,,,,1,0$' "$out"

# Refusals change nothing.
remember
lms meeting add nosuch --date 2026-07-01 --kind plan --with fag-en
is_rc 66 "a course not there"
is_err "is named" <<'OUT'
lms: no such course: 'nosuch'
OUT
lms meeting add vaar --date 2026-07-01 --kind plan --with fag-en,fag-seks
is_rc 66 "someone who is neither on the course nor known"
is_err "is named" <<'OUT'
lms: no such facilitator: 'fag-seks' (see lms facilitator add)
OUT
lms meeting add vaar --date 2026-07-01 --kind party --with fag-en
is_rc 2 "a kind that is not one"
lms meeting add vaar --date 2026-13-01 --kind plan --with fag-en
is_rc 2 "a date that is not one"
lms meeting add vaar --date 2026-07-01 --kind plan
is_rc 2 "nobody with it"
lms meeting add vaar --date 2026-07-01 --kind plan --with fag-en --hours 25
is_rc 2 "too many hours"
lms meeting add vaar --date 2026-07-01 --kind plan --with fag-en \
	--note "Ring 99887766"
is_rc 65 "a note with a phone number, for a file that goes to git"
lms meeting add vaar --date 24.08.2026 --kind evaluate --with bruker-to
is_rc 73 "the same meeting again: fees would count it twice"
is_err "says how to tell a second one apart" <<'OUT'
lms: courses/vaar/meetings.yaml: the meeting of 2026-08-24 (evaluate) with the same people is there already: give a --note to tell a second one apart
OUT
unchanged "none of them wrote anything"
lms meeting add vaar --date 2026-08-24 --kind evaluate --with bruker-to \
	--note "Etter sommeren"
is_rc 0 "a second meeting that day, told apart by its note"
printf -- '- {date: 2026-08-24, kind: evaluate, with: [bruker-to]}\n' \
	>>courses/vaar/meetings.yaml
lms check --rule participation vaar
is_out "a meeting copied by hand is a warning" <<'OUT'
courses/vaar/meetings.yaml:13:3: warning: the meeting of 2026-08-24 (evaluate) is here twice, with the same people: fees count it twice [participation]
OUT

# A meetings.yaml edited by hand into nonsense is named where it is.
printf -- '- {date: 2026-07-01, kind: plan, with: [fag-en], hours: -1}\n' \
	>courses/vaar/meetings.yaml
lms meeting list vaar
is_rc 65 "a broken meetings.yaml"
is_err "is named with its line and column" <<'OUT'
courses/vaar/meetings.yaml:1:3: error: hours: must be more than 0 and at most 24
OUT
remember
lms meeting add vaar --date 2026-07-01 --kind plan --with fag-en
is_rc 65 "meeting add refuses it too"
is_err "in the same words" <<'OUT'
courses/vaar/meetings.yaml:1:3: error: hours: must be more than 0 and at most 24
OUT
unchanged "and writes nothing"
lms check --rule schema vaar
like "lms check finds it too" \
	'^courses/vaar/meetings.yaml:1:3: error: hours: must be more than 0 and at most 24 \[schema\]$' "$out"

done_testing
