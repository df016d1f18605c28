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
usage: lms [-C DIR] COMMAND [ARG...]
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

done_testing
