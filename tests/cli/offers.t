#!/bin/sh
# lms offer: the register of offers after a course, the follow-up that
# names one, lms check, the contact list of a new group, and the
# follow-up figures of the aggregate report.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
for p in p-test01 p-test02 p-test03; do
	"$LMS" enrol matlaging $p >/dev/null
done
# Two of the three agreed to be put in touch with the others.
awk '{ print } /consent: 2026-08-0[12]/ { print "  contact: [peer-contact]" }' \
	people/participants.yaml >"$SCRATCH/reg"
cat "$SCRATCH/reg" >people/participants.yaml
export LMS_TODAY=2026-09-20
for s in 1 2 3 4; do
	"$LMS" attend matlaging $s --all >/dev/null
done

lms offer list
is_rc 0 "an empty register without offers.yaml"
is_out "lists no offer" <<'OUT'
ID  KIND  NAME  MUNICIPALITY  PHONE  EMAIL  WEB
OUT

lms offer add selvhjelp-angst --name "Selvhjelpsgruppe angst" \
	--kind self-help-group --phone "900 00 100" --municipality 5001
is_rc 0 "adds a self-help group"
is_out "and says so" <<'OUT'
added selvhjelp-angst (self-help-group)
OUT
lms offer add frisklivssentral --name Frisklivssentralen \
	--kind healthy-life-centre --web https://example.org/frisk
is_rc 0 "adds a healthy life centre"
is_file "offers.yaml holds them" offers.yaml <<'OUT'
- id: selvhjelp-angst
  name: Selvhjelpsgruppe angst
  kind: self-help-group
  phone: "900 00 100"
  municipality: "5001"
- id: frisklivssentral
  name: Frisklivssentralen
  kind: healthy-life-centre
  web: https://example.org/frisk
OUT

remember
lms offer add frisklivssentral --name X --kind other
is_rc 73 "an id that is taken"
is_err "says so" <<'OUT'
lms: offer 'frisklivssentral' exists already
OUT
lms offer add ny --name X --kind bad
is_rc 2 "a kind that is none of the list"
is_err "lists the kinds" <<'OUT'
lms: --kind: 'bad' is not one of self-help-group, healthy-life-centre, user-organisation, learning-and-coping-centre, other
usage: lms offer add ID --name N --kind K [--phone P] [--email E] [--web URL] [--municipality NNNN]
OUT
lms offer add ny --name X --kind other --phone abc
is_rc 2 "a phone that is no phone number"
lms offer add ny --name X --kind other --web "ikke en adresse"
is_rc 2 "a web address that is none"
like "is named" "^lms: --web: 'ikke en adresse' is not a web address$" "$err"
lms offer add ny --name X --kind other --municipality 9999
is_rc 2 "a number that is no municipality"
like "is named" "^lms: --municipality: '9999' is not the number of a municipality$" "$err"
lms offer add ny --name "Deltaker En" --kind other
is_rc 65 "a participant's name is refused in a file for git"
lms offer add ny --name X --kind other --phone "+47 900 00 001"
is_rc 65 "so is a participant's phone number, however written"
is_err "and says why" <<'OUT'
lms: --phone: this is the contact of someone in the register: personal data does not belong in a file that goes to git
OUT
unchanged "the refusals changed nothing"

lms offer list --kind self-help-group
is_rc 0 "lists by kind"
is_out "one offer" <<'OUT'
ID               KIND             NAME                    MUNICIPALITY  PHONE       EMAIL  WEB
selvhjelp-angst  self-help-group  Selvhjelpsgruppe angst  5001          900 00 100
OUT
lms offer list --format csv
is_out "CSV keeps the English keys" <<'OUT'
id,kind,name,municipality,phone,email,web
selvhjelp-angst,self-help-group,Selvhjelpsgruppe angst,5001,900 00 100,,
frisklivssentral,healthy-life-centre,Frisklivssentralen,,,,https://example.org/frisk
OUT
"$LMS" offer list --format yaml >"$SCRATCH/en"
LANG=nb_NO.UTF-8 LC_MESSAGES= "$LMS" offer list --format yaml >"$SCRATCH/nb"
cmp -s "$SCRATCH/en" "$SCRATCH/nb"
report $? "YAML is the same in Norwegian"
lms offer show frisklivssentral
is_rc 0 "shows one offer"
is_out "by its fields" <<'OUT'
id: frisklivssentral
name: Frisklivssentralen
kind: healthy-life-centre
web: https://example.org/frisk
OUT
lms offer show frisklivsentral
is_rc 66 "an unknown offer"
is_err "with the closest id" <<'OUT'
lms: no such offer: 'frisklivsentral' (did you mean 'frisklivssentral'?)
OUT

remember
lms followup record matlaging --in-group p-test01=yes
is_rc 1 "someone who has not completed the course"
is_err "is not asked" <<'OUT'
lms: p-test01 did not complete course 'matlaging': only those who did are asked at follow-up
OUT
unchanged "and nothing is written"

remember
lms course close matlaging --follow-up p-test01=frisklivsentral
is_rc 66 "a follow-up that names no offer"
is_err "is refused with the closest id" <<'OUT'
lms: no such offer: 'frisklivsentral' (did you mean 'frisklivssentral'?)
OUT
unchanged "and changes nothing"

lms course close matlaging --follow-up p-test01=frisklivssentral \
	--follow-up p-test02=selvhjelp-angst \
	--follow-up "p-test03=samtale med fastlegen"
is_rc 0 "closes with offers, and free text"
is_out "naming each follow-up" <<'OUT'
p-test01 completed (4 of 4 sessions), follow-up: frisklivssentral
p-test02 completed (4 of 4 sessions), follow-up: selvhjelp-angst
p-test03 completed (4 of 4 sessions), follow-up: samtale med fastlegen
3 completed, 0 not completed
OUT

lms check
is_rc 0 "lms check accepts follow-ups that name offers"
cp offers.yaml "$SCRATCH/offers.good"
printf -- '- {id: hand, name: X, kind: other, email: TO@example.org}\n' >>offers.yaml
lms check --rule privacy
is_rc 1 "an offer written by hand with a participant's address"
is_out "is a finding" <<'OUT'
offers.yaml:10:3: error: email: offer 'hand' has the contact of someone in the register [privacy]
OUT
cp "$SCRATCH/offers.good" offers.yaml
sed 's/follow_up: frisklivssentral/follow_up: frisk/' \
	courses/matlaging/enrolments.yaml >"$SCRATCH/e"
cp courses/matlaging/enrolments.yaml "$SCRATCH/e.good"
cp "$SCRATCH/e" courses/matlaging/enrolments.yaml
lms check
is_rc 1 "a follow-up naming an unknown offer"
is_out "is a finding" <<'OUT'
courses/matlaging/enrolments.yaml:1:3: error: follow_up: no offer 'frisk' in offers.yaml [references]
OUT
cp "$SCRATCH/e.good" courses/matlaging/enrolments.yaml

remember
lms offer contacts matlaging
is_rc 0 "the contact list of a new group"
is_out "names those who agreed" <<'OUT'
ID        NAME         PHONE       EMAIL
p-test01  Deltaker En  900 00 001
p-test02  Deltaker To              to@example.org
OUT
is_err "and counts the others" <<'OUT'
lms: warning: 1 more on the course did not agree to peer contact
OUT
unchanged "the contact list writes nothing into the tree"
lms offer contacts nope
is_rc 66 "an unknown course"

remember
lms followup record matlaging --in-group p-test01=yes --in-group p-test02=no
is_rc 0 "records what two said at follow-up"
is_out "and counts them" <<'OUT'
matlaging: 1 still in a group, 1 not
OUT
grep -c 'still_in_group: true' courses/matlaging/enrolments.yaml >"$SCRATCH/n"
is_file "one is still in a group" "$SCRATCH/n" <<'OUT'
1
OUT
remember
lms followup record matlaging --in-group p-test04=yes
is_rc 66 "someone not on the course"
is_err "is named" <<'OUT'
lms: p-test04 is not on course 'matlaging'
OUT
lms followup record matlaging --in-group p-test03=yes --in-group p-test03=no
is_rc 2 "someone named twice"
like "is refused, not half kept" "^lms: p-test03 is named twice$" "$err"
lms followup record matlaging --in-group p-test03=maybe
is_rc 2 "an answer other than yes or no"
is_err "is a usage error" <<'OUT'
lms: --in-group: 'p-test03=maybe' is not PERSON=yes or PERSON=no
usage: lms followup record COURSE --in-group PERSON=yes|no...
OUT
lms followup record matlaging
is_rc 2 "no answer at all"
unchanged "the refusals changed nothing"

lms report --exact
is_rc 0 "the exact report"
printf '%s\n' "$out" | sed -n '/^After the course/,/^total/p' >"$SCRATCH/fu"
is_file "counts referrals on, by kind" "$SCRATCH/fu" <<'OUT'
After the course
----------------
COURSE     COMPLETED  REFERRED  REFERRED_PCT  SELF_HELP_GROUP  HEALTHY_LIFE_CENTRE  USER_ORGANISATION  LEARNING_AND_COPING_CENTRE  OTHER_OFFER  ASKED  IN_GROUP  IN_GROUP_PCT
matlaging          3         2            67                1                    1                  0                           0            0      2         1            50
total              3         2            67                1                    1                  0                           0            0      2         1            50
OUT
lms report
is_rc 0 "the shared report"
printf '%s\n' "$out" | sed -n '/^COURSE  *COMPLETED/,/^total/p' >"$SCRATCH/fu"
is_file "shows nothing of a piece below min_cell" "$SCRATCH/fu" <<'OUT'
COURSE     COMPLETED  REFERRED  REFERRED_PCT  SELF_HELP_GROUP  HEALTHY_LIFE_CENTRE  USER_ORGANISATION  LEARNING_AND_COPING_CENTRE  OTHER_OFFER  ASKED  IN_GROUP  IN_GROUP_PCT
matlaging         ≈0        ≈0                             ≈0                   ≈0                 ≈0                          ≈0           ≈0     ≈0        ≈0
total             ≈0        ≈0                             ≈0                   ≈0                 ≈0                          ≈0           ≈0     ≈0        ≈0
OUT
lms report --exact --format yaml
printf '%s\n' "$out" | sed -n '/^followup:/,$p' | head -15 >"$SCRATCH/fu"
is_file "YAML keeps English keys" "$SCRATCH/fu" <<'OUT'
followup:
  followup:
    - course: matlaging
      completed: 3
      referred: 2
      referred_pct: 67
      self_help_group: 1
      healthy_life_centre: 1
      user_organisation: 0
      learning_and_coping_centre: 0
      other_offer: 0
      asked: 2
      in_group: 1
      in_group_pct: 50
    - course: total
OUT
lms report --exact --format csv --table followup
is_rc 0 "CSV of the follow-up table"
is_out "for scripts, in English" <<'OUT'
# internal: exact figures, not for sharing
course,completed,referred,referred_pct,self_help_group,healthy_life_centre,user_organisation,learning_and_coping_centre,other_offer,asked,in_group,in_group_pct
matlaging,3,2,67,1,1,0,0,0,2,1,50
total,3,2,67,1,1,0,0,0,2,1,50
OUT
lms report --table followup
is_rc 2 "--table is for CSV and TSV"
lms report --table nope --format csv
is_rc 2 "a table that is none"

# The municipality by name, as person add takes it: the file keeps the
# number of today.
lms offer add orkland --name Orkland --kind other --municipality "Orkland kommune"
is_rc 0 "a municipality by name"
grep -A3 '^- id: orkland$' offers.yaml | grep municipality >"$SCRATCH/muni"
is_file "is kept by its number" "$SCRATCH/muni" <<'OUT'
  municipality: "5059"
OUT

done_testing
