#!/bin/sh
# Finding the tree, its lock, I/O errors and hostile files.
. "$(dirname "$0")/lib.sh"

use_tree basic
top=$(pwd)

mkdir -p courses/matlaging/notes/deep
cd courses/matlaging/notes/deep
lms course list --format csv
is_rc 0 "finds the tree from a folder below it"
like "and lists its courses" "^matlaging,open" "$out"
cd "$top"

cd "$SCRATCH"
lms course list
is_rc 66 "outside a tree"
is_err "says how to make one" <<'OUT'
lms: not in an lms tree: no lms.yaml here or in any folder above (see lms init)
OUT
lms -C "$top" course list --format csv
is_rc 0 "-C names the tree"
LMS_DIR=$top lms course list --format csv
is_rc 0 "so does LMS_DIR"
LMS_DIR=/nowhere lms -C "$top" course list --format csv
is_rc 0 "-C wins over LMS_DIR"
lms -C "$SCRATCH" course list
is_rc 66 "-C with no tree there"
is_err "names the missing file" <<OUT
lms: not an lms tree: no '$SCRATCH/lms.yaml' (see lms init)
OUT
lms -C "" course list
is_rc 2 "an empty -C is a usage error, as with git"
is_err "that says so" <<'OUT'
lms: -C needs a folder, not an empty string
usage: lms [-C DIR] [--no-cache] COMMAND [ARG...]
   or: lms --version | --help
OUT
lms -C
is_rc 2 "-C with nothing after it"
is_err "says it needs a folder" <<'OUT'
lms: option '-C' needs a value
usage: lms [-C DIR] [--no-cache] COMMAND [ARG...]
   or: lms --version | --help
OUT
cd "$top"

# The lock: a writer waits, then gives up with exit 75.
mkdir -p .lms
# hold -x|-s: holds the lock until release, however slow the machine:
# the test goes on once a probe of the other kind is refused.
hold() {
	rm -f "$SCRATCH/release" && mkfifo "$SCRATCH/release"
	flock "$1" .lms/lock sh -c 'read x <"$0"' "$SCRATCH/release" &
	holder=$!
	probe=-s
	[ "$1" = -s ] && probe=-x
	while flock -n $probe .lms/lock true 2>/dev/null; do
		sleep 0.05
	done
}
release() {
	echo >"$SCRATCH/release"
	wait $holder
}
hold -x
remember
LMS_LOCK_TIMEOUT=0.2 lms course set matlaging capacity=11
is_rc 75 "a held lock makes a writer give up"
is_err "saying the tree is busy" <<'OUT'
lms: the tree is busy: another lms holds '.lms/lock'
OUT
unchanged "and nothing changed"
# Readers wait too, so that they never see a change half made.
LMS_LOCK_TIMEOUT=0.2 lms course list --format csv
is_rc 75 "a held lock makes a reader give up as well"
release
hold -s
LMS_LOCK_TIMEOUT=0.2 lms course list --format csv
is_rc 0 "readers do not wait for each other"
LMS_LOCK_TIMEOUT=0.2 lms course set matlaging capacity=12
is_rc 75 "a writer waits for the readers"
release
lms course set matlaging capacity=11
is_rc 0 "once the lock is free, the writer goes ahead"

# Output that cannot be written is an I/O error, for every command.
full() {
	"$LMS" "$@" >/dev/full 2>"$SCRATCH/stderr"
	rc=$?
}
full course list
is_rc 74 "a full disk on stdout"
is_err "says it could not write, and why" <<'OUT'
lms: write error: No space left on device
OUT
LMS_TODAY=2026-12-01 full check --strict
is_rc 74 "lms check's findings that cannot be written are no mere findings"
is_err "its summary comes first" <<'OUT'
lms: 2 warnings
lms: write error: No space left on device
OUT
# A change is made before its report is printed, and stands: the error
# says so, so that a script does not make it again.
full course set matlaging capacity=10
is_rc 74 "a change whose report cannot be written"
is_err "says the change was made" <<'OUT'
lms: write error: No space left on device (the change itself was made)
OUT
lms course show matlaging --format yaml
like "and it was" "capacity: 10" "$out"
for command in "help check" "--version" "course show matlaging" \
	       "calendar" "report" "export enrolments" "help"; do
	# shellcheck disable=SC2086
	full $command
	is_rc 74 "lms $command to a full disk"
	like "lms $command says so" "^lms: write error: No space left on device$" \
		"$(cat "$SCRATCH/stderr")"
done
# A reader that goes away ends lms as SIGPIPE would, even where SIGPIPE
# is ignored, and without a message.
(trap '' PIPE; { sleep 0.3; "$LMS" help files 2>"$SCRATCH/stderr"
		 echo $? >"$SCRATCH/rc"; } | true)
rc=$(cat "$SCRATCH/rc")
is_rc 141 "a closed pipe"
is_err "is no error to report" </dev/null

# A broken lms.yaml stops every command with its place.
cp lms.yaml "$SCRATCH/lms.yaml"
printf 'name: x\nmunicipality: 1806\nmin_cell: [5]\n' >lms.yaml
lms course list
is_rc 65 "a bad lms.yaml"
is_err "is named with line and column" <<'OUT'
lms.yaml:3:11: error: min_cell: expected a single value, not a list
OUT
cp "$SCRATCH/lms.yaml" lms.yaml

# Hostile course files are refused with a clear error and change nothing.
mkdir courses/hostile
hostile() {
	description=$1 message=$2
	printf '%s' "$3" >courses/hostile/course.yaml
	remember
	lms course set hostile capacity=1
	is_rc 65 "$description"
	like "$description: says so" "$message" "$err"
	unchanged "$description: nothing changed"
}
bomb='id: hostile
title: T
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
'
hostile "an alias bomb" "more than" "$bomb"
deep="id: hostile
title: T
notes: $(printf '%0100d' 0 | tr 0 '[')"
hostile "absurd nesting" ":3:39: error: nesting deeper than 32 levels" "$deep"
hostile "malformed YAML" "courses/hostile/course.yaml:2:8: error:" \
	"$(printf 'id: hostile\ntitle: [T\n')"
hostile "bytes that are not UTF-8" "courses/hostile/course.yaml:2:8: error: not valid UTF-8: a byte that UTF-8 never uses" \
	"$(printf 'id: hostile\ntitle: \377\n')"
head -c 1100000 /dev/zero | tr '\0' x >"$SCRATCH/long"
hostile "a value over a megabyte" "value longer than 1048576 bytes" \
	"id: hostile
title: $(cat "$SCRATCH/long")
"
rm -r courses/hostile

done_testing
