#!/bin/sh
# lms init: a new tree, and what it refuses.
. "$(dirname "$0")/lib.sh"

cd "$SCRATCH"
lms init narvik --name "Narvik kommunale lærings- og mestringssenter" \
	--municipality 1806
is_rc 0 "init creates a tree"
is_out "init says where" <<'OUT'
initialised an lms tree in narvik
OUT
(cd narvik && find . -type f | LC_ALL=C sort) >files
is_file "init writes the service, the shipped forms and template" files <<'OUT'
./.gitignore
./forms/brukerrepresentant.yaml
./forms/kursevaluering.yaml
./forms/mestringstro.yaml
./lms.yaml
./offers.yaml
./people/facilitators.yaml
./people/participants.yaml
./people/report-key
./templates/mestringstreff.yaml
OUT
mode=$(stat -c %a narvik/people/participants.yaml)
[ "$mode" = 600 ]
report $? "the private register is readable by its owner alone"
grep -qx 'people/participants.yaml' narvik/.gitignore
report $? "the private register is in .gitignore"
grep -q '^name: Narvik kommunale lærings- og mestringssenter$' narvik/lms.yaml &&
	grep -q '^municipality: "1806"$' narvik/lms.yaml
report $? "lms.yaml holds the name and the quoted municipality number"
[ -d narvik/courses ]
report $? "init makes the courses folder"

lms -C narvik course list
is_rc 0 "the new tree loads"
is_out "a new tree has no courses" <<'OUT'
ID  STATUS  FIRST  LAST  SESSIONS  CAPACITY  TITLE
OUT

lms -C narvik course new mt --title "Mestringstreff" --template mestringstreff \
	--start 2026-09-01
is_rc 0 "the shipped template loads"

cd narvik && remember && cd ..
lms init narvik
is_rc 73 "init refuses an existing tree"
is_err "and says why" <<'OUT'
lms: 'narvik' is an lms tree already
OUT
cd narvik && unchanged "and changes nothing" && cd ..

lms init other --municipality 180
is_rc 2 "init refuses a bad municipality number"
is_err "naming it" <<'OUT'
lms: --municipality: '180' is not the number of a municipality
usage: lms init [DIR] [--name N] [--municipality NNNN]
OUT
[ ! -e other ]
report $? "and creates nothing"
lms init other --municipality 9999
is_rc 2 "init refuses four digits that are no municipality"
[ ! -e other ]
report $? "and creates nothing"
lms init other --municipality "narvik kommune"
is_rc 0 "init takes a municipality's name"
grep -q '^municipality: "1806"$' other/lms.yaml
report $? "and writes its number"

lms init a b
is_rc 2 "init takes one folder"
lms init --colour
is_rc 2 "init refuses unknown options"
is_err "naming the option" <<'OUT'
lms: unknown option '--colour'
usage: lms init [DIR] [--name N] [--municipality NNNN]
OUT

mkdir default && cd default
lms init
is_rc 0 "init without arguments uses the current folder"
is_out "and says the municipality is still to be set" <<'OUT'
initialised an lms tree in .
set the host municipality's number in ./lms.yaml
OUT
cd ..

touch blocker
lms init blocker/x
is_rc 73 "init cannot create a tree under a file"

mkdir place
lms -C place init sub --municipality 1806
is_rc 0 "-C names where init works"
[ -f place/sub/lms.yaml ]
report $? "DIR is taken from there"

mkdir mine && printf 'build/\n' >mine/.gitignore
lms init mine --municipality 1806
[ "$(cat mine/.gitignore)" = "$(printf 'build/\npeople/participants.yaml\npeople/.participants.yaml.*\npeople/report-key\npeople/.report-key.*')" ]
report $? "an existing .gitignore keeps its lines and gains the register and the key"
key=$(cat narvik/people/report-key)
[ "$(stat -c %a narvik/people/report-key)" = 600 ] &&
	printf '%s\n' "$key" | grep -Eqx '[0-9a-f]{64}' &&
	[ "$key" != "$(cat mine/people/report-key)" ]
report $? "init makes a key of shared reports: private, 64 hex digits, its own"

mkdir -p shared/people && printf '' >shared/people/participants.yaml
chmod 644 shared/people/participants.yaml
lms init shared --municipality 1806
[ "$(stat -c %a shared/people/participants.yaml)" = 600 ]
report $? "an existing register is made private"

done_testing
