#!/bin/sh
# Who is free when: facilitator list leaves out those leading a session
# then, course new and lms check warn of sessions outside someone's
# available period or at a time they lead another course; the registry
# shown and edited (facilitator show, set).
. "$(dirname "$0")/lib.sh"

use_tree basic
export LMS_TODAY=2026-08-20
# matlaging: fag-en and bruker-to deliver it, 11:00-14:00 on the 7th,
# 10th, 14th and 17th of September.

lms facilitator list --available-on 2026-09-07 --format csv
is_rc 0 "a day with a session"
is_out "books those who lead it all day" <<'OUT'
id,kind,name,profession,topics,trained,available
OUT
lms facilitator list --available-on 7.9.2026 --time 14.00-16.00 --format csv
is_out "at a later time, they are free" <<'OUT'
id,kind,name,profession,topics,trained,available
fag-en,professional,Fagperson En,,kosthold,,yes
bruker-to,user-representative,Brukerrepresentant To,,"rop,kosthold",helsepedagogikk,2026-08-01 to 2026-12-31
OUT
lms facilitator list --available-on 2026-09-07 --time 13:30-15:00 --format csv
is_out "at an overlapping time, not" <<'OUT'
id,kind,name,profession,topics,trained,available
OUT
lms facilitator list --available-on 2026-09-07 --time 10:00 --format csv
is_out "a time alone is a moment" <<'OUT'
id,kind,name,profession,topics,trained,available
fag-en,professional,Fagperson En,,kosthold,,yes
bruker-to,user-representative,Brukerrepresentant To,,"rop,kosthold",helsepedagogikk,2026-08-01 to 2026-12-31
OUT
lms facilitator list --trained HELSEPEDAGOGIKK --topic Kosthold
is_rc 0 "by training and topic"
is_out "whatever their case" <<'OUT'
ID         KIND                 NAME                   PROFESSION  TOPICS        TRAINED          AVAILABLE
bruker-to  user-representative  Brukerrepresentant To              rop,kosthold  helsepedagogikk  2026-08-01 to 2026-12-31
OUT
lms facilitator add likeperson --name "Likeperson Seks" \
	--kind user-representative --topics "Ærlighet,SØVN" >/dev/null
lms facilitator list --topic ærlighet --format tsv
is_out "Æ, Ø and Å fold too" <<'OUT'
id	kind	name	profession	topics	trained	available
likeperson	user-representative	Likeperson Seks		Ærlighet,SØVN		yes
OUT
lms facilitator list --topic søvn --trained x
is_out "every condition holds" <<'OUT'
ID  KIND  NAME  PROFESSION  TOPICS  TRAINED  AVAILABLE
OUT
lms facilitator list --time 18:00-20:00
is_rc 2 "a time without a day"
like "says so" "^lms: --time: give the day too (--available-on DATE)" "$err"
lms facilitator list --available-on 2026-09-07 --time soon
is_rc 2 "a time that is none"
like "says so" "^lms: --time: 'soon' is not a time or a span of time" "$err"

# A cancelled course books no one.
lms course set matlaging status=cancelled >/dev/null
lms facilitator list --available-on 2026-09-07 --format csv
is_out "a cancelled course books no one" <<'OUT'
id,kind,name,profession,topics,trained,available
fag-en,professional,Fagperson En,,kosthold,,yes
bruker-to,user-representative,Brukerrepresentant To,,"rop,kosthold",helsepedagogikk,2026-08-01 to 2026-12-31
likeperson,user-representative,Likeperson Seks,,"Ærlighet,SØVN",,yes
OUT
lms course set matlaging status=open >/dev/null

# course new warns, and makes the course all the same.
lms course new kveld --title Kveld --start 2026-07-30 --days mon,thu \
	--count 4 --time 12:00-13:00 --facilitator bruker-to \
	--facilitator fag-tre:plan
is_rc 0 "a facilitator away for a session"
is_err "is told of, once, with the first day" <<'OUT'
lms: warning: bruker-to is not available on 2026-07-30 (see people/facilitators.yaml)
OUT
lms course new natt --title Natt --start 2026-09-07 --days mon,thu \
	--count 2 --time 13:00-15:00 --facilitator fag-en \
	--facilitator fag-tre:deliver
is_rc 0 "facilitators booked elsewhere and never available"
is_err "are told of" <<'OUT'
lms: warning: fag-tre is not available on 2026-09-07 and 1 more session day (see people/facilitators.yaml)
lms: warning: fag-en leads a session of matlaging on 2026-09-07 11:00-14:00 at the same time
lms: warning: fag-en leads a session of matlaging on 2026-09-10 11:00-14:00 at the same time
OUT
is_out "and the course is made" <<'OUT'
created course natt: 2 sessions, 2026-09-07 to 2026-09-10
OUT
printf 'id: [\n' >courses/kveld/course.yaml
lms course new dag --title Dag --start 2026-09-21 --count 1 \
	--facilitator likeperson
is_rc 0 "a course that does not load elsewhere"
is_err "is told of: its bookings are not known" <<'OUT'
lms: warning: courses/kveld/course.yaml:1:5: id: expected a single value, not a list (who that course books is not known)
OUT
rm -r courses/kveld

# lms check: the sessions to come led by someone away.
lms check --rule availability --rule conflicts
is_rc 1 "check finds both"
is_out "a facilitator away, and one booked twice" <<'OUT'
courses/natt/course.yaml:10:5: warning: facilitator 'fag-tre' leads the session on 2026-09-07 but is not available then (people/facilitators.yaml:12) [availability]
courses/natt/course.yaml:10:5: error: facilitator 'fag-en' is booked at the same time by matlaging on 2026-09-07 11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]
courses/natt/course.yaml:13:5: warning: facilitator 'fag-tre' leads the session on 2026-09-10 but is not available then (people/facilitators.yaml:12) [availability]
courses/natt/course.yaml:13:5: error: facilitator 'fag-en' is booked at the same time by matlaging on 2026-09-10 11:00-14:00 (courses/matlaging/course.yaml:24) [conflicts]
OUT
LMS_TODAY=2026-09-09 lms check --rule availability natt
is_rc 0 "a session past"
is_out "is passed by" <<'OUT'
courses/natt/course.yaml:13:5: warning: facilitator 'fag-tre' leads the session on 2026-09-10 but is not available then (people/facilitators.yaml:12) [availability]
OUT

# facilitator show
LMS_TODAY=2026-09-12 lms facilitator show fag-en
is_rc 0 "shows a facilitator"
is_out "the entry, the courses and the sessions, upcoming first" <<'OUT'
facilitator   fag-en
name          Fagperson En
kind          professional
topics        kosthold
available     yes

COURSE     TITLE                  STATUS   ROLE          PHASES
matlaging  Matlaging og kosthold  open     professional  plan, deliver, evaluate
natt       Natt                   planned  professional  plan, deliver, evaluate

DATE        TIME         COURSE     THEME
2026-09-14  11:00-14:00  matlaging  Handling på budsjett
2026-09-17  11:00-14:00  matlaging
2026-09-10  13:00-15:00  natt
2026-09-10  11:00-14:00  matlaging  Vi lager mat sammen
2026-09-07  13:00-15:00  natt
2026-09-07  11:00-14:00  matlaging  Kosthold i teori
OUT
lms facilitator show likeperson
is_out "a session without a time" <<'OUT'
facilitator   likeperson
name          Likeperson Seks
kind          user-representative
topics        Ærlighet, SØVN
available     yes

COURSE  TITLE  STATUS   ROLE                 PHASES
dag     Dag    planned  user-representative  plan, deliver, evaluate

DATE        TIME  COURSE  THEME
2026-09-21        dag
OUT
lms facilitator add ny --name "Ny Person" --kind professional >/dev/null
lms facilitator show ny
is_out "one on no course" <<'OUT'
facilitator   ny
name          Ny Person
kind          professional
available     yes
OUT
lms facilitator show ingen
is_rc 66 "no such facilitator"
is_err "says so" <<'OUT'
lms: no such facilitator: 'ingen' (see lms facilitator add)
OUT

# facilitator set
cp people/facilitators.yaml "$SCRATCH/before.yaml"
lms facilitator set bruker-to available=1.9.2026:30.6.2027 \
	phone=12345678 "topics=rop, Søvn"
is_rc 0 "sets values"
is_out "and says what changed" <<'OUT'
available: [2026-08-01, 2026-12-31] -> [2026-09-01, 2027-06-30]
phone: (none) -> "12345678"
topics: [rop, kosthold] -> [rop, Søvn]
OUT
diff "$SCRATCH/before.yaml" people/facilitators.yaml >"$SCRATCH/changes"
is_file "changing only those bytes" "$SCRATCH/changes" <<'OUT'
9c9
<   topics: [rop, kosthold]
---
>   topics: [rop, Søvn]
11c11,12
<   available: [2026-08-01, 2026-12-31]
---
>   available: [2026-09-01, 2027-06-30]
>   phone: "12345678"
OUT
lms facilitator set fag-tre available=true kind=user-representative
is_out "a word for a word, an enumeration" <<'OUT'
available: false -> true
kind: professional -> user-representative
OUT
lms facilitator set bruker-to phone=
is_out "an empty value removes the key" <<'OUT'
phone: "12345678" -> (none)
OUT

remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms facilitator "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
}
lms facilitator set bruker-to travel=450
is_rc 2 "travel, an amount, is not set from the command line"
like "says to edit the file" "travel: edit it in people/facilitators.yaml by hand" "$err"
refuse 2 "an unknown key" "^lms: 'colour' is not a key of a facilitator (the keys: name, kind, profession, organisation, topics, trained, available, email, phone, fee, travel)$" \
	set fag-en colour=red
refuse 2 "a misspelt key" "^lms: 'nmae' is not a key of a facilitator; did you mean 'name'?$" \
	set fag-en nmae=Kari
refuse 2 "the id" "^lms: the id names the facilitator in the courses and cannot be set$" \
	set fag-en id=ny
refuse 2 "a required key removed" "^lms: name: every facilitator has one; it cannot be removed$" \
	set fag-en name=
refuse 2 "a bad kind" "^lms: kind: 'boss' is not one of professional, user-representative$" \
	set fag-en kind=boss
refuse 2 "a bad period" "^lms: available: '2027-01-01:2026-01-01' is not true, false or FROM:TO" \
	set fag-en available=2027-01-01:2026-01-01
refuse 2 "two lines" "^lms: name: give it on one line$" set fag-en "name=En
To"
refuse 2 "not KEY=VALUE" "^lms: 'name' is not KEY=VALUE$" set fag-en name
refuse 2 "no change" "^lms: give a facilitator id and at least one KEY=VALUE$" \
	set fag-en
refuse 66 "no such facilitator" "^lms: no such facilitator: 'ingen' (see lms facilitator add)$" \
	set ingen name=X
refuse 2 "a bad id" "invalid facilitator id 'Ny'" show Ny
refuse 2 "two ids" "^lms: give one facilitator id$" show fag-en bruker-to
lms facilitator set fag-en "name=Ny" kind=boss
unchanged "a refusal among changes changes nothing"

done_testing
