#!/bin/sh
# Bash completion (completion/lms.bash): commands, verbs and options as lms
# reports them, ids from the tree, and never a participant's name.
#
# The test runs in bash, and each completion in a subshell of it that
# sources the script afresh: as a new bash would, but without starting
# one (and env, sort and cat) for each of the 140 cases.
if [ -z "${BASH_VERSION:-}" ]; then
	if ! command -v bash >/dev/null 2>&1; then
		echo "1..0 # SKIP bash is not installed"
		exit 0
	fi
	exec bash "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

COMPLETION=$(cd "$(dirname "$0")/../.." && pwd)/completion/lms.bash
case $LMS in
/*) ;;
*) LMS=$(pwd)/$LMS ;;
esac
# The completion runs "lms" from PATH: this one.
mkdir "$SCRATCH/bin"
ln -s "$LMS" "$SCRATCH/bin/lms"
: >"$SCRATCH/offered"

# completes WORD...: sources the completion in a subshell and lists, one a
# line and sorted, what _lms offers for the last word, as if the cursor
# were at its end.  The result lands in $SCRATCH/stdout, like lms(), and
# is added to $SCRATCH/offered.  The subshell is what "bash --norc" would
# be: none of this file's options or functions, the environment changed as
# env(1) would change it with $complete_env, and the script's caches empty.
completes() {
	(
		set +u
		unset -f lms
		e=(${complete_env-})
		for ((i = 0; i < ${#e[@]}; i++)); do
			case ${e[i]} in
			-u) unset "${e[i + 1]}"; ((i++)) ;;
			*) export "${e[i]}" ;;
			esac
		done 2>/dev/null
		unset e i
		PATH="$SCRATCH/bin:$PATH"
		. "$COMPLETION" || exit 1
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_lms || exit 1
		# Sorted as "LC_ALL=C sort" sorts, by bytes.
		LC_ALL=C
		sorted=()
		for w in "${COMPREPLY[@]}"; do
			for ((i = ${#sorted[@]}; i > 0; i--)); do
				[[ ${sorted[i - 1]} > $w ]] || break
				sorted[i]=${sorted[i - 1]}
			done
			sorted[i]=$w
		done
		if [ ${#sorted[@]} -gt 0 ]; then
			printf "%s\n" "${sorted[@]}"
			printf "%s\n" "${sorted[@]}" >>"$SCRATCH/offered"
		fi
	) >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
}

# Set complete_env to env(1)'s options and assignments ("-u LC_MESSAGES
# LANG=nb_NO.UTF-8") to complete in another language.
complete_env=

# offers DESCRIPTION < expected: the last completion offered exactly that,
# quietly.
offers() {
	local -a expected got
	local ok=1 i
	mapfile -t expected
	mapfile -t got <"$SCRATCH/stdout"
	if [ "$rc" -eq 0 ] && [ ! -s "$SCRATCH/stderr" ] &&
	   [ ${#expected[@]} -eq ${#got[@]} ]; then
		ok=0
		for ((i = 0; i < ${#got[@]}; i++)); do
			[ "${expected[i]}" = "${got[i]}" ] || { ok=1; break; }
		done
	fi
	report $ok "$1"
	[ $ok -eq 0 ] && return
	: >"$SCRATCH/expected"
	[ ${#expected[@]} -eq 0 ] || printf '%s\n' "${expected[@]}" >"$SCRATCH/expected"
	diff -u "$SCRATCH/expected" "$SCRATCH/stdout" | sed 's/^/# /'
	sed 's/^/# stderr: /' "$SCRATCH/stderr"
}

bash -n "$COMPLETION"
report $? "the completion script parses"

use_tree enrol
export LMS_TODAY=2026-08-20
lms course new sorg --title "Sorg og tap"
is_rc 0 "a second course"
# Neither is a course for lms: no course.yaml, or no valid id.
mkdir courses/notater 'courses/$(touch PWNED)'
touch 'courses/$(touch PWNED)/course.yaml'

# Commands, from lms help.
completes lms ''
offers "lms TAB: the commands" <<'OUT'
attend
calendar
catalog
check
course
enrol
evaluate
export
facilitator
followup
help
init
meeting
offer
person
purge
remind
report
roster
withdraw
OUT
completes lms co
offers "lms co: course" <<'OUT'
course
OUT
completes lms -
offers "lms -: the global options" <<'OUT'
--help
--no-cache
--version
-C
OUT
completes lms frob ''
offers "nothing after an unknown command" </dev/null

# Verbs, from the usage lines.
completes lms course ''
offers "lms course TAB: its verbs" <<'OUT'
assign
close
list
new
set
show
unassign
OUT
completes lms person ''
offers "lms person TAB: its verbs" <<'OUT'
add
forget
list
set
show
OUT
completes lms facilitator ''
offers "lms facilitator TAB: its verbs" <<'OUT'
add
list
set
show
OUT
completes lms offer add x --kind ''
offers "lms offer add --kind: the kinds of offers" <<'OUT'
healthy-life-centre
learning-and-coping-centre
other
self-help-group
user-organisation
OUT
completes lms meeting add x --kind ''
offers "lms meeting add --kind: the kinds of meetings" <<'OUT'
evaluate
other
plan
OUT
completes lms course assign x y --role ''
offers "lms course assign --role: the roles on a course" <<'OUT'
professional
user-representative
OUT

# The options of every command and verb.
{
	completes lms ''
	mapfile -t cmds <"$SCRATCH/stdout"
	for cmd in "${cmds[@]}"; do
		completes lms "$cmd" ''
		case $cmd in
		course | person | facilitator | offer | meeting) mapfile -t verbs <"$SCRATCH/stdout" ;;
		*) verbs=(-) ;;
		esac
		for verb in "${verbs[@]}"; do
			if [ "$verb" = - ]; then
				completes lms "$cmd" --
				mapfile -t got <"$SCRATCH/stdout"
				echo "$cmd:" ${got[@]}
			else
				completes lms "$cmd" "$verb" --
				mapfile -t got <"$SCRATCH/stdout"
				echo "$cmd $verb:" ${got[@]}
			fi
		done
	done
} >"$SCRATCH/options"
is_file "lms COMMAND --: the options of its usage lines" "$SCRATCH/options" <<'OUT'
attend: --absent --all --excused --headcount
calendar:
catalog: --format --poster --tree
check: --format --no-rule --rule --strict
course assign: --phases --role
course close: --follow-up
course list: --format --from --status --to
course new: --capacity --count --days --facilitator --from-waitlist --on-holidays --place --skip --start --target-group --template --time --title --until
course set:
course show: --format
course unassign:
enrol: --csv --date --force --force-line --next --referral --relative-of --role
evaluate: --csv --date --facilitator --form --map --person --phase --redact --session
export: --excel --format --from --term --to
facilitator add: --available --kind --name --profession --topics --trained
facilitator list: --available-on --format --kind --time --topic --trained
facilitator set:
facilitator show:
followup: --due --format --in-group
help:
init: --municipality --name
meeting add: --date --hours --kind --note --with
meeting list: --format
offer add: --email --kind --municipality --name --phone --web
offer contacts: --format
offer list: --format --kind --municipality
offer show:
person add: --birth-year --consent --contact --email --municipality --name --phone
person forget:
person list: --format
person set: --birth-year --consent --contact --email --municipality --name --phone
person show:
purge: --dry-run
remind: --changed --date --days --format --from --moved-up
report: --by --each --exact --excel --form --format --from --new-key --out --status --table --term --to --tree
roster: --blank --contacts --format --session --sheet
withdraw:
OUT
completes lms check --rule
offers "a whole option" <<'OUT'
--rule
OUT

# Course ids: the folders of courses/ with a course.yaml.
completes lms enrol ''
offers "lms enrol TAB: the courses" <<'OUT'
matlaging
sorg
OUT
[ ! -e PWNED ]
report $? "a folder's name is never run"
completes lms enrol m
offers "lms enrol m: matlaging" <<'OUT'
matlaging
OUT
for cmd in withdraw attend roster "followup record" remind evaluate check calendar \
	"course show" "course set" "course assign" "course unassign" \
	"course close" "report course" "export enrolments"; do
	completes lms $cmd ''
	offers "lms $cmd TAB: the courses" <<'OUT'
matlaging
sorg
OUT
done
completes lms followup ''
offers "lms followup TAB: the courses, and its verb" <<'OUT'
matlaging
record
sorg
OUT
completes lms check sorg ''
offers "COURSE... offers each course once" <<'OUT'
matlaging
OUT
completes lms course new ''
offers "but not where a new id goes" </dev/null
completes lms report ''
offers "lms report TAB: course" <<'OUT'
course
OUT

# Person ids, from lms person list.
completes lms enrol matlaging p-
offers "lms enrol COURSE p-: the person ids" <<'OUT'
p-test01
p-test02
p-test03
p-test04
p-test05
p-test06
p-test07
OUT
lms enrol matlaging p-test01
lms enrol matlaging p-test02
for line in "withdraw matlaging" "person show" "person forget" \
	"attend matlaging 1" "enrol matlaging p-test01 --relative-of" \
	"evaluate matlaging --person"; do
	completes lms $line p-test0
	offers "lms $line TAB: the person ids" <<'OUT'
p-test01
p-test02
p-test03
p-test04
p-test05
p-test06
p-test07
OUT
done
completes lms attend matlaging 1 --absent p-test01,p-test0
offers "a list of people goes on without those in it" <<'OUT'
p-test01,p-test02
p-test01,p-test03
p-test01,p-test04
p-test01,p-test05
p-test01,p-test06
p-test01,p-test07
OUT
completes lms attend matlaging ''
offers "nothing for a session" </dev/null
chmod 644 people/participants.yaml
completes lms enrol matlaging ''
offers "no person ids when lms refuses the register" </dev/null
chmod 600 people/participants.yaml

# Facilitator ids, forms and templates.
completes lms course assign matlaging ''
offers "lms course assign COURSE TAB: the facilitators" <<'OUT'
bruker-to
fag-en
fag-tre
OUT
completes lms course new kurs --facilitator f
offers "--facilitator: the facilitators" <<'OUT'
fag-en
fag-tre
OUT
completes lms evaluate matlaging --form ''
offers "--form: the forms" <<'OUT'
kursevaluering
mestringstro
OUT
completes lms course new kurs --template ''
offers "--template: the templates" <<'OUT'
mestringstreff
OUT

# Values of options.
completes lms check --rule ''
offers "--rule: the rules" <<'OUT'
availability
capacity
catalog
conflicts
dates
fees
holidays
participation
privacy
references
schema
OUT
completes lms check matlaging --no-rule p
offers "--no-rule: the rules" <<'OUT'
participation
privacy
OUT
completes lms check --format ''
offers "check --format: those check takes" <<'OUT'
csv
text
yaml
OUT
completes lms check --format = ''
offers "--format=, as readline splits it" <<'OUT'
csv
text
yaml
OUT
completes lms check --format = y
offers "--format=y" <<'OUT'
yaml
OUT
completes lms check --format=y
offers "--format=y as one word" <<'OUT'
--format=yaml
OUT
completes lms course show matlaging --format ''
offers "course show --format" <<'OUT'
text
yaml
OUT
completes lms export --format ''
offers "export --format" <<'OUT'
csv
tsv
OUT
completes lms report --format ''
offers "report --format: all its forms take" <<'OUT'
csv
html
md
text
tsv
yaml
OUT
completes lms report --by ''
offers "report --by" <<'OUT'
age-band
course
facilitator
municipality
referral
role
target-group
term
topic
year
OUT
completes lms course list --status ''
offers "--status" <<'OUT'
cancelled
completed
open
planned
running
OUT
completes lms enrol matlaging p-test03 --role ''
offers "--role" <<'OUT'
participant
relative
staff
OUT
completes lms evaluate matlaging --phase ''
offers "--phase" <<'OUT'
deliver
evaluate
followup
plan
post
pre
session
OUT
completes lms course assign matlaging fag-en --phases plan,
offers "--phases, a list" <<'OUT'
plan,deliver
plan,evaluate
OUT
completes lms enrol matlaging p-test03 --date ''
offers "nothing for a date" </dev/null

# Weekdays: the English names lms reads, and the Norwegian ones too where
# lms speaks Norwegian, chosen as lms chooses.
completes lms course new kurs --days ''
offers "--days: the weekdays" <<'OUT'
fri
mon
sat
sun
thu
tue
wed
OUT
complete_env="-u LC_MESSAGES LANG=nb_NO.UTF-8"
completes lms course new kurs --days ''
offers "--days under LANG=nb_NO.UTF-8: Norwegian weekdays too" <<'OUT'
fre
fri
lør
man
mon
ons
sat
sun
søn
thu
tir
tor
tue
wed
OUT
completes lms course new kurs --days man,t
offers "--days man,t: a list of Norwegian weekdays goes on" <<'OUT'
man,thu
man,tir
man,tor
man,tue
OUT
completes lms course new kurs --days s
offers "--days s" <<'OUT'
sat
sun
søn
OUT
completes lms course new kurs --c
offers "options as in English: lms's usage lines are read in English" <<'OUT'
--capacity
--count
OUT
completes lms course list --status ''
offers "option values as in English" <<'OUT'
cancelled
completed
open
planned
running
OUT
# speaks LANGUAGE ENV...: the completion offers Norwegian weekdays (nb) or
# only the English ones (en) under ENV.
speaks() {
	local want=$1
	shift
	complete_env="-u LC_MESSAGES -u LANG $*"
	completes lms course new kurs --days l
	if [ -s "$SCRATCH/stdout" ]; then
		[ "$want" = nb ]
	else
		[ "$want" = en ]
	fi
}
speaks nb LANG=no_NO && speaks nb LANG=nn_NO.UTF-8 &&
	speaks nb LANG=nb && speaks nb LC_ALL=nb_NO.UTF-8 &&
	speaks nb LANG=C LC_MESSAGES=nb_NO.UTF-8
report $? "no, nn and nb; LC_ALL and LC_MESSAGES too"
speaks en LANG=C && speaks en LANG=en_GB.UTF-8 &&
	speaks en LANG=C.UTF-8 && speaks en LANG=POSIX &&
	speaks en LANG=nb_NO.UTF-8 LC_ALL=C &&
	speaks en LANG=nb_NO.UTF-8 LC_MESSAGES=C &&
	speaks en LANG=de_DE.UTF-8 && speaks en
report $? "C, POSIX, English and other languages are English"
speaks nb LANG=en_GB.UTF-8 LANGUAGE=nb:en &&
	speaks en LANG=nb_NO.UTF-8 LANGUAGE=en_GB:nb &&
	speaks nb LANG=en_GB.UTF-8 LANGUAGE=sv:nn &&
	speaks en LANG=C LANGUAGE=nb
report $? "LANGUAGE's first known language, but not in the C locale"
complete_env=
completes lms export ''
offers "lms export TAB: what to export" <<'OUT'
attendance
enrolments
evaluations
fees
OUT
completes lms help ''
offers "lms help TAB: the commands and files" <<'OUT'
attend
calendar
catalog
check
course
enrol
evaluate
export
facilitator
files
followup
help
init
meeting
offer
person
purge
remind
report
roster
withdraw
OUT

# No name, phone number or e-mail address of the register, anywhere.
sed -n 's/^  \(name\|phone\|email\): "\{0,1\}\([^"]*\)"\{0,1\}$/\2/p' \
	people/participants.yaml >"$SCRATCH/private"
[ "$(wc -l <"$SCRATCH/private")" -ge 7 ] &&
	! grep -F -f "$SCRATCH/private" "$SCRATCH/offered"
report $? "no participant's name or contact is offered"
grep -h '^- id: ' people/participants.yaml | sed 's/^- id: //' | sort >"$SCRATCH/ids"
tr , '\n' <"$SCRATCH/offered" | grep '^p-' | sort -u |
	diff -u "$SCRATCH/ids" - >"$SCRATCH/diff"
report $? "but every person id is"
sed 's/^/# /' "$SCRATCH/diff"

# Finding the tree as lms does.
cd courses/matlaging || exit 1
completes lms enrol ''
offers "from a folder of the tree" <<'OUT'
matlaging
sorg
OUT
cd "$SCRATCH" || exit 1
completes lms enrol ''
offers "outside a tree: no courses" </dev/null
completes lms -C enrol enrol ''
offers "lms -C DIR enrol TAB: that tree's courses" <<'OUT'
matlaging
sorg
OUT
completes lms -C "$SCRATCH/enrol" enrol matlaging p-test06
offers "and its people" <<'OUT'
p-test06
OUT
completes lms -C"$SCRATCH/enrol" check --rule d
offers "-CDIR" <<'OUT'
dates
OUT
export LMS_DIR="$SCRATCH/enrol"
completes lms roster s
unset LMS_DIR
offers "or \$LMS_DIR" <<'OUT'
sorg
OUT
completes lms -C en
offers "-C DIR: folders" <<'OUT'
enrol
OUT
completes lms init --
offers "a command without a tree has its options" <<'OUT'
--municipality
--name
OUT

done_testing
