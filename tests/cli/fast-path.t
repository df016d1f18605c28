#!/bin/sh
# The fast path for the YAML lms writes (lib/yaml/scan.h) changes no
# result: each command prints the same, errors included, and exits the
# same with it as without it (LMS_YAML_FAST=0); and on every YAML file of
# the examples and the fixtures, it gives exactly libyaml's events or
# leaves the file to libyaml.
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)

"$TOOLS/scancmp" "$root/examples" "$root/tests/fixtures" \
	>"$SCRATCH/scancmp" 2>&1
rc=$?
is_rc 0 "scancmp finds no file where the fast path differs from libyaml"
like "scancmp compared every file" "differences=0" "$(cat "$SCRATCH/scancmp")"

# both DESCRIPTION ARG...: lms ARG... with and without the fast path.
both() {
	name=$1
	shift
	lms "$@"
	mv "$SCRATCH/stdout" "$SCRATCH/stdout.fast"
	mv "$SCRATCH/stderr" "$SCRATCH/stderr.fast"
	fast_rc=$rc
	LMS_YAML_FAST=0 lms "$@"
	cmp -s "$SCRATCH/stdout.fast" "$SCRATCH/stdout" &&
		cmp -s "$SCRATCH/stderr.fast" "$SCRATCH/stderr" &&
		[ "$fast_rc" -eq "$rc" ]
	report $? "$name: the same with the fast path as without"
	diff -u "$SCRATCH/stdout.fast" "$SCRATCH/stdout" >"$SCRATCH/diff"
	quote "$SCRATCH/diff"
	diff -u "$SCRATCH/stderr.fast" "$SCRATCH/stderr" >"$SCRATCH/diff"
	quote "$SCRATCH/diff"
}

use_tree report
chmod 600 people/report-key
both "report by municipality" report --by municipality --format csv
both "report by course" report --by course --format csv
both "check" check
both "course list" course list

# A file as lms writes it, with mistakes after characters of more than
# one byte: the same messages at the same lines and columns.
f=courses/2026-09-matlaging/enrolments.yaml
sed -e '3s/status: completed/status: fullført/' \
	-e '6s/"1806"/"18ø6"/' -e '2s/participant/«deltaker»/' "$f" \
	>"$SCRATCH/enrolments" && mv "$SCRATCH/enrolments" "$f"
f=courses/2026-09-matlaging/evaluations.yaml
sed -e '5s/hjelp: 2, mal: 2/hjelp: "2 – 3", mal: 7/' "$f" \
	>"$SCRATCH/evaluations" && mv "$SCRATCH/evaluations" "$f"
both "check of a file with mistakes" check
like "the mistake is found where it is" \
	"enrolments.yaml:2:9: error: 1.role: '«deltaker»'" "$out"
both "report of a file with mistakes" report --by municipality --format csv
is_rc 65 "the report refuses it"

done_testing
