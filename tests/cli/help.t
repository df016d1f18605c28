#!/bin/sh
# Help, version and usage errors of the front end.
. "$(dirname "$0")/lib.sh"

cd "$SCRATCH"
lms --version
is_rc 0 "--version"
like "prints the version" '^lms [0-9][0-9.]*$' "$out"

lms help
is_rc 0 "help without a command"
like "lists the commands" "^   course  *plan, list, show and change courses$" "$out"
like "and says where to read more" "lms help COMMAND" "$out"

lms help course
is_rc 0 "help for a command"
like "shows its manual page" "lms course new ID --title T" "$out"
like "without formatting codes" "^NAME" "$out"
lms course --help
is_rc 0 "COMMAND --help"
like "shows the same page" "lms course new ID --title T" "$out"
lms course new --help
is_rc 0 "VERB --help"
like "shows the command's page" "lms course new ID --title T" "$out"
lms init --help
like "init has its page" "lms init \[DIR\]" "$out"
lms help files
is_rc 0 "help files"
like "shows the file formats" "course.yaml" "$out"
lms --help
like "lms --help shows lms(1)" "COMMAND" "$out"

lms
is_rc 2 "no command"
is_err "says so, with the usage" <<'OUT'
lms: no command given (see lms help)
usage: lms [-C DIR] [--no-cache] COMMAND [ARG...]
   or: lms --version | --help
OUT
lms frobnicate
is_rc 2 "an unknown command"
is_err "is named" <<'OUT'
lms: 'frobnicate' is not an lms command (see lms help)
OUT
lms --frob
is_rc 2 "an unknown global option"
lms course
is_rc 2 "a command without its verb"
is_err "lists the verbs" <<'OUT'
lms: 'lms course' needs one of: new, list, show, set, assign, unassign, close
usage: lms course new | list | show | set | assign | unassign | close ...
OUT
lms course frob
is_rc 2 "an unknown verb"
is_err "is named" <<'OUT'
lms: 'frob' is not a verb of 'lms course'
usage: lms course new | list | show | set | assign | unassign | close ...
OUT
lms help frob
is_rc 2 "help for an unknown command"
is_err "is named" <<'OUT'
lms: no such command: 'frob'
usage: lms help [COMMAND | files]
OUT
lms help corse
is_rc 2 "help for a misspelt command"
is_err "suggests the command meant" <<'OUT'
lms: no such command: 'corse'; did you mean 'course'?
usage: lms help [COMMAND | files]
OUT

# A page saved to a file or read by a program is plain UTF-8 text: the
# formatter's bold (c BS c) and underline (_ BS c) come out whole
# character by whole character, not byte by byte.
lms help files
is_rc 0 "help to a file"
tr -d '\b' <"$SCRATCH/stdout" | cmp -s - "$SCRATCH/stdout"
report $? "leaves no backspace"
iconv -f UTF-8 -t UTF-8 "$SCRATCH/stdout" >/dev/null 2>&1
report $? "and is valid UTF-8"
mandoc -Tutf8 "$FIXTURES/../../man/lms-files.5" |
	perl -CS -pe 's/.\x08//g' >"$SCRATCH/expected"
cmp -s "$SCRATCH/expected" "$SCRATCH/stdout"
report $? "the page as mandoc writes it, the overstrike taken out"

# A page of lines longer than any buffer, bold and underlined, in
# Norwegian: a copy of lms finds it beside itself.
mkdir -p "$SCRATCH/pages/man"
cp "$LMS" "$SCRATCH/pages/lms"
long_x=$(printf '%5000s' '' | tr ' ' x)
long_nb= escaped=
for i in $(seq 1000); do
	long_nb="${long_nb}æøå"
	escaped="${escaped}\\(ae\\(/o\\(oa"
done
cat >"$SCRATCH/pages/man/lms-files.5" <<EOF
.Dd December 1, 2026
.Dt LMS-FILES 5
.Os
.Sh NAME
.Nm lms-files
.Nd a test page
.Sh DESCRIPTION
.Bd -literal
.Sy $long_x
.Sy $escaped
.Em $escaped
.Ed
EOF
"$SCRATCH/pages/lms" help files >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
rc=$?
is_rc 0 "a page with long bold lines"
sed -n 's/^ *//; 7,9p' "$SCRATCH/stdout" >"$SCRATCH/got"
printf '%s\n' "$long_x" "$long_nb" "$long_nb" | cmp -s - "$SCRATCH/got"
report $? "comes out whole, past every buffer's end"

done_testing
