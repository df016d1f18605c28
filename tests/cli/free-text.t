#!/bin/sh
# Free text that lms writes into files meant for git (titles, places,
# themes, follow-ups, the service's name) is screened for personal data:
# a phone number, a fødselsnummer, an e-mail address, a name from the
# private register.  Such text is refused, and nothing is written.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
"$LMS" enrol matlaging p-test01 >/dev/null
said="personal data does not belong in a file that goes to git"

remember
refused() {
	description=$1 message=$2
	shift 2
	lms "$@"
	is_rc 65 "$description"
	is_err "$description: says so" <<OUT
lms: $message: $said
OUT
}
refused "a phone number in a theme" \
	"sessions.2.theme: this looks like a phone number" \
	course set matlaging sessions.2.theme="Ring 900.00.001 først"
refused "a name from the register in a place" \
	"place: this looks like a name from the private register" \
	course set matlaging place="Hjemme hos Deltaker En"
refused "any value of several" \
	"title: this looks like an e-mail address" \
	course set matlaging capacity=12 title="Kurs (en@example.org)"
refused "a phone number in a new course's title" \
	"--title: this looks like a phone number" \
	course new kveld --title "Kveld, påmelding 0047 900 00 001"
refused "a fødselsnummer in its place" \
	"--place: this looks like a fødselsnummer" \
	course new kveld --title Kveld --place "01819012365"
export LMS_TODAY=2026-09-20
refused "a name in a follow-up" \
	"--follow-up: this looks like a name from the private register" \
	course close matlaging --follow-up "p-test01=ring Deltaker En"
unchanged "the refusals changed nothing"

lms course set matlaging sessions.2.theme="Mat 2026-09-10 kl. 11.00, rom 214" \
	place="Deltakerrommet, 2. etasje"
is_rc 0 "dates, times, rooms and words that look like names pass"

# A participant's name that is also a facilitator's is a public one.
printf -- '- id: p-test09\n  name: Fagperson En\n' >>people/participants.yaml
lms course set matlaging sessions.2.theme="Fagperson En viser"
is_rc 0 "a facilitator's name passes"

# Names need the register, which only its owner may read.
chmod 644 people/participants.yaml
lms course set matlaging sessions.2.theme="Mat og prat"
is_rc 1 "a register others may read refuses text that could hold a name"
like "and says why" "can be read by others" "$err"
lms course set matlaging capacity=11
is_rc 0 "but not a number"
chmod 600 people/participants.yaml

# lms init has no register yet, but a phone number is one all the same.
cd "$SCRATCH" || exit 1
lms init ny --name "LMS, tlf 75 00 00 00"
is_rc 65 "init refuses a phone number in the service's name"
is_err "and says so" <<OUT
lms: --name: this looks like a phone number: $said
OUT
[ ! -e ny ]
report $? "and makes no tree"

done_testing
