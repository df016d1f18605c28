#!/bin/sh
# What the register may hold is one rule: lms person add and a sign-up
# sheet (lms enrol --csv) refuse the same values, and change nothing.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-25

remember
# same OPTION VALUE OPTION-MESSAGE COLUMN SHEET-MESSAGE
same() {
	lms person add --name "Ny Test" "--$1" "$2"
	is_rc 2 "person add refuses --$1 $2"
	is_err "person add says why" <<OUT
lms: --$1: $3
usage: lms person add --name N [--phone P] [--email E] [--municipality M] [--birth-year Y] [--consent DATE] [--contact reminders,peer-contact]
OUT
	printf 'name,%s\nNy Test,%s\n' "$4" "$2" >../rules.csv
	lms enrol matlaging --csv ../rules.csv
	is_rc 65 "a sheet refuses $1 $2"
	is_err "the sheet says why, by line" <<OUT
../rules.csv:2: error: $5
OUT
}
same phone "ring meg" "'ring meg' is not a phone number" phone \
	"phone: 'ring meg' is not a phone number"
same email "x@" "'x@' is not an e-mail address" email \
	"email: 'x@' is not an e-mail address"
same birth-year 1899 "'1899' is not a year of birth" "birth year" \
	"birth year: '1899' is not a year of birth"
same birth-year 2027 "'2027' is not a year of birth" "fødselsår" \
	"birth year ('fødselsår'): '2027' is not a year of birth"
lms person add --name "Ny Test" --birth-year ""
is_rc 2 "an empty year of birth"
like "in the same words" "^lms: --birth-year: '' is not a year of birth$" "$err"
unchanged "the refusals changed nothing"

done_testing
