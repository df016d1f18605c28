#!/bin/sh
# Strict UTF-8 on every input (arguments, sheets, YAML files), and nothing
# written that lms would not read back: a bad sheet or argument is refused
# with its place, changes nothing, and every later command still works.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-08-20
remember

# An emoji as CESU-8 writes it: two surrogates of three bytes each.
cesu=$(printf 'Ola \355\240\275\355\270\200')

lms person add --name "$cesu"
is_rc 2 "an argument with surrogates"
is_err "is refused, with the byte" <<'OUT'
lms: argument 'Ola \xed\xa0\xbd\xed\xb8\x80' is not UTF-8 text: a surrogate (CESU-8) at byte 5
OUT
lms course set matlaging "place=$(printf 'Rom \300\257')"
is_rc 2 "KEY=VALUE with an overlong form"
is_err "is refused" <<'OUT'
lms: argument 'place=Rom \xc0\xaf' is not UTF-8 text: an overlong form at byte 11
OUT
lms evaluate matlaging --form mestringstro --phase pre \
	"hverdagen=$(printf '\364\220\200\200')"
is_rc 2 "a code point above U+10FFFF"
lms -C "$(printf '\370x')" course list
is_rc 2 "a byte that UTF-8 never uses, even in a folder name"
lms person add --name "$(printf 'Kari \342\202')"
is_rc 2 "a sequence cut short"
unchanged "refused arguments change nothing"

printf 'navn;telefon\r\nKari Testesen;90000001\r\n%s;90000002\r\n' "$cesu" \
	>"$SCRATCH/cesu.csv"
lms enrol matlaging --csv "$SCRATCH/cesu.csv"
is_rc 65 "a sheet with surrogates"
sed "s|$SCRATCH|SCRATCH|" "$SCRATCH/stderr" >"$SCRATCH/err"
is_file "is refused, with its line and column" "$SCRATCH/err" <<'OUT'
SCRATCH/cesu.csv:3:5: error: not UTF-8 text: a surrogate (CESU-8) (save the sheet as "CSV UTF-8")
OUT
unchanged "and changes nothing"

"${PYTHON:-python3}" -c "
print('navn;notat')
print('Kari Testesen;' + 'x' * (1 << 20 | 1))" >"$SCRATCH/big.csv"
lms enrol matlaging --csv "$SCRATCH/big.csv"
is_rc 65 "a cell longer than a value may be"
sed "s|$SCRATCH|SCRATCH|" "$SCRATCH/stderr" >"$SCRATCH/err"
is_file "is refused before anything is written" "$SCRATCH/err" <<'OUT'
SCRATCH/big.csv:2: error: column 'notat' holds 1048577 bytes, more than a value may (1048576)
OUT
unchanged "and changes nothing"

lms person list
is_rc 0 "the register stays readable"
lms person add --name "Åse Øvrebø 😀"
is_rc 0 "and writable"

# A hand-edited file with bad bytes: refused where they are.
printf 'id: matlaging\ntitle: Kurs\nplace: "Rom \355\240\275"\n' \
	>courses/matlaging/course.yaml
lms course show matlaging
is_rc 65 "a course file with a surrogate"
is_err "is refused with its line and column" <<'OUT'
courses/matlaging/course.yaml:3:13: error: not valid UTF-8: a surrogate (CESU-8)
OUT

done_testing
