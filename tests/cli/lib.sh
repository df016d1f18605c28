# Helpers for the end-to-end tests of the lms binary, which print TAP for
# prove(1).  Each test file sources this, runs lms in a scratch copy of a
# fixture tree, and asserts the exit code and the exact output.
#
# Starting a process is most of what these tests cost, so the helpers start
# few: no cat of an empty file, no sed of an empty diff, and a snapshot of a
# tree in four processes, not four for each file.

set -u

LMS=${LMS:?set LMS to the lms binary}
FIXTURES=$(cd "$(dirname "$0")/../fixtures" && pwd)
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/lms-cli.XXXXXX")
trap '[ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$SCRATCH"' EXIT
export LMS_LOCK_TIMEOUT=10
unset LMS_DIR
# lms speaks English here whatever the shell speaks; a test of another
# language asks for it.
unset LANGUAGE LC_ALL
export LC_MESSAGES=C

tests=0
failures=0

# outside_reader COMMAND...: true when each COMMAND (a browser, an office
# suite) is installed to read what lms wrote; false otherwise, with the
# reason in $no_reader.  Under sanitizers it is false: lms writes the same
# bytes in both runs, the plain run has them read, and a browser or an
# office suite started again costs the sanitizer run minutes and finds
# nothing new in lms.
no_reader=
outside_reader() {
	if [ -n "${LMS_SANITIZE:-}" ]; then
		no_reader="read by the plain run, not again under sanitizers"
		return 1
	fi
	for c; do
		command -v "$c" >/dev/null 2>&1 && continue
		no_reader="$c is not installed"
		return 1
	done
}

# Copies a fixture tree into the scratch folder and enters it.
use_tree() {
	cp -R "$FIXTURES/$1" "$SCRATCH/$1"
	chmod 600 "$SCRATCH/$1/people/participants.yaml" \
		"$SCRATCH/$1/people/report-key" 2>/dev/null || true
	cd "$SCRATCH/$1" || exit 1
}

# Runs lms; its stdout, stderr and exit code land in $out, $err, $rc.
lms() {
	"$LMS" "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
	out=
	err=
	[ ! -s "$SCRATCH/stdout" ] || out=$(cat "$SCRATCH/stdout")
	[ ! -s "$SCRATCH/stderr" ] || err=$(cat "$SCRATCH/stderr")
}

# quote FILE: FILE, if not empty, as TAP comments.
quote() {
	[ ! -s "$1" ] || sed 's/^/# /' "$1"
}

report() {
	tests=$((tests + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tests - $2"
	else
		echo "not ok $tests - $2"
		failures=$((failures + 1))
	fi
}

# is_rc N DESCRIPTION: the last lms exited with N.
is_rc() {
	[ "$rc" -eq "$1" ]
	report $? "$2 (exit $1)"
	if [ "$rc" -ne "$1" ]; then
		echo "# exit code was $rc; stderr:"
		sed 's/^/#   /' "$SCRATCH/stderr"
	fi
}

# is_out DESCRIPTION < expected: stdout of the last lms, exactly.
is_out() {
	diff -u --label expected --label stdout - "$SCRATCH/stdout" \
		>"$SCRATCH/diff"
	report $? "$1"
	quote "$SCRATCH/diff"
}

# is_err DESCRIPTION < expected: stderr of the last lms, exactly.
is_err() {
	diff -u --label expected --label stderr - "$SCRATCH/stderr" \
		>"$SCRATCH/diff"
	report $? "$1"
	quote "$SCRATCH/diff"
}

# is_file DESCRIPTION FILE < expected
is_file() {
	diff -u --label expected --label "$2" - "$2" >"$SCRATCH/diff"
	report $? "$1"
	quote "$SCRATCH/diff"
}

# like DESCRIPTION PATTERN TEXT: TEXT matches the grep pattern.
like() {
	grep -q -- "$2" <<EOF
$3
EOF
	report $? "$1"
}

# html_valid DESCRIPTION FILE...: html-validate (make html-checkers), an
# HTML checker independent of lms, finds no error in the files, with the
# rules of tests/htmlvalidate.json: the recommended ones, but inline
# styles (a page of lms is one file, its chart's colours inline) and the
# length of a title (a service's name is as long as it is); skipped when
# html-validate is not installed, and under sanitizers (outside_reader).
HTML_VALIDATE=${HTML_VALIDATE:-$(cd "$(dirname "$0")/../.." && pwd)/build/npm/node_modules/.bin/html-validate}
html_valid() {
	name=$1
	shift
	no_reader="html-validate (make html-checkers) is not installed"
	if [ -x "$HTML_VALIDATE" ] && outside_reader; then
		"$HTML_VALIDATE" -c "$FIXTURES/../htmlvalidate.json" "$@" \
			>"$SCRATCH/html-validate" 2>&1
		valid=$?
		report $valid "$name"
		[ $valid -eq 0 ] || quote "$SCRATCH/html-validate"
	else
		tests=$((tests + 1))
		echo "ok $tests # SKIP $no_reader"
	fi
}

# A fingerprint of every file in the tree (content, mode, name), to show
# that a refused command changed nothing: a line "NAME MODE" and a line
# "CRC SIZE NAME" for each.
snapshot() {
	find . -path ./.lms -prune -o -type f -printf '%p %m\n' \
		-exec cksum {} + | LC_ALL=C sort
}

remember() {
	snapshot >"$SCRATCH/snapshot"
}

unchanged() {
	snapshot | diff -u "$SCRATCH/snapshot" - >"$SCRATCH/diff"
	report $? "$1"
	quote "$SCRATCH/diff"
}

done_testing() {
	echo "1..$tests"
	[ "$failures" -eq 0 ]
}
