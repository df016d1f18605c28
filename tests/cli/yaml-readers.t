#!/bin/bash
# What lms writes, other YAML readers read as lms meant it: random strings
# (ASCII punctuation, æøå, emoji, control characters, the words YAML 1.1
# takes for booleans and null in every case, numbers, dates) are written
# by lms and read back by PyYAML (safe_load), ruamel.yaml (its default
# round-trip loader, YAML 1.2) and go-yaml v3, the parser of the Go yq.
# Debian's yq package is a jq wrapper around PyYAML, so the test builds a
# small reader with Debian's golang-gopkg-yaml.v3-dev instead.
#
# LMS_TEST_SEED repeats a run; each run prints the seed it used.  bash,
# for read -d '' of strings that hold any byte but NUL.
. "$(dirname "$0")/lib.sh"

TOOLS=${TOOLS:?set TOOLS to the folder of the test programs}
PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")/../tools" && pwd)
SEED=${LMS_TEST_SEED:-$(date +%s)}
echo "# seed $SEED"
export LMS_TODAY=2026-12-01

readers() {
	"$PY" "$HERE/yaml_readers.py" "$@" >"$SCRATCH/readers" 2>&1
	r=$?
	sed 's/^/# /' "$SCRATCH/readers"
	return $r
}

# The Go reader, or nothing when Go or go-yaml is missing.  It is built
# once into the folder of the test programs, and again when its source is
# newer: a build from an empty cache takes seconds.
GO_READER=
if command -v go >/dev/null 2>&1 &&
   [ -d /usr/share/gocode/src/gopkg.in/yaml.v3 ]; then
	if [ "$TOOLS/yaml2json" -nt "$HERE/yaml2json.go" ]; then
		GO_READER=$TOOLS/yaml2json
	elif env GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= \
	       GOCACHE="$SCRATCH/go-cache" \
	       go build -o "$SCRATCH/yaml2json" "$HERE/yaml2json.go" \
	       >"$SCRATCH/go-build" 2>&1; then
		GO_READER=$SCRATCH/yaml2json
		# Kept for the next run, if the folder takes it.
		cp "$GO_READER" "$TOOLS/yaml2json.$$" 2>/dev/null &&
			mv -f "$TOOLS/yaml2json.$$" "$TOOLS/yaml2json"
	else
		sed 's/^/# /' "$SCRATCH/go-build"
	fi
fi

# go_check NAME FILE...: the Go reader reads each FILE; READER json then
# compares FILE.json.
go_json() {
	for f; do
		"$GO_READER" <"$f" >"$f.json" 2>"$SCRATCH/go-err" || {
			echo "# go-yaml: $f: $(cat "$SCRATCH/go-err")"
			return 1
		}
	done
}

## The emitter on its own: 3000 strings as values and keys, in block and
## flow context.

"$PY" "$HERE/yaml_readers.py" strings 3000 "$SEED" >"$SCRATCH/strings.hex"
"$TOOLS/emit_strings" <"$SCRATCH/strings.hex" >"$SCRATCH/doc.yaml" \
	2>"$SCRATCH/stderr"
rc=$?
is_rc 0 "lms reads back every string it wrote"
readers check pyyaml "$SCRATCH/doc.yaml" "$SCRATCH/strings.hex"
report $? "PyYAML reads every string as lms wrote it"
readers check ruamel "$SCRATCH/doc.yaml" "$SCRATCH/strings.hex"
report $? "ruamel.yaml reads every string as lms wrote it"
if [ -n "$GO_READER" ]; then
	go_json "$SCRATCH/doc.yaml" &&
	readers check json "$SCRATCH/doc.yaml.json" "$SCRATCH/strings.hex"
	report $? "go-yaml reads every string as lms wrote it"
else
	tests=$((tests + 1))
	echo "ok $tests # SKIP go or golang-gopkg-yaml.v3-dev is missing"
fi

## What the commands write: session themes through course set (an edit in
## place), names in the register, text answers, and ids that YAML 1.1
## reads as booleans, numbers or dates as keys of answers and attendance.

N=40
"$PY" "$HERE/yaml_readers.py" strings $N "$SEED" >"$SCRATCH/any.hex"
"$PY" "$HERE/yaml_readers.py" nul $N "$SEED" >"$SCRATCH/any.nul"
"$PY" "$HERE/yaml_readers.py" strings 20 "$SEED" line >"$SCRATCH/line.hex"
"$PY" "$HERE/yaml_readers.py" nul 20 "$SEED" line >"$SCRATCH/line.nul"
IDS="y n no yes on off true null 1e3 0x1f 012 0o17 2026-09-07 1-2"

cd "$SCRATCH" || exit 1
lms init tree --name "Testsenter" --municipality 1806
cd tree || exit 1
lms course new c --title Kurs --start 2026-01-05 --days mon --count $N \
	--time 10:00-11:00
{
	echo "id: f"
	echo "title: Ord"
	echo "scale: {min: 1, max: 5}"
	echo "items:"
	for id in $IDS; do echo "  - {id: \"$id\", text: Spørsmål}"; done
	echo "  - {id: tekst, text: Fritekst, type: text}"
} >forms/f.yaml
: >people/participants.yaml
chmod 600 people/participants.yaml
for id in $IDS; do
	printf -- '- id: "%s"\n  name: Testperson\n' "$id" \
		>>people/participants.yaml
done
failed=0
lms course set c forms=f
for id in $IDS; do
	lms facilitator add "$id" --name Testperson --kind professional
	[ "$rc" -eq 0 ] || { echo "# facilitator add $id: $err"; failed=1; }
	lms course assign c "$id" --phases deliver
	[ "$rc" -eq 0 ] || { echo "# course assign $id: $err"; failed=1; }
done
for id in $IDS; do
	lms enrol c "$id"
	[ "$rc" -eq 0 ] || { echo "# enrol $id: $err"; failed=1; }
done
lms attend c 1 --all
[ "$rc" -eq 0 ] || { echo "# attend: $err"; failed=1; }
answers=
for id in $IDS; do answers="$answers $id=3"; done
# shellcheck disable=SC2086
lms evaluate c --form f --phase pre $answers
[ "$rc" -eq 0 ] || { echo "# evaluate: $err"; failed=1; }

i=0
while IFS= read -r -d '' s; do
	i=$((i + 1))
	lms course set c "sessions.$i.theme=$s"
	[ "$rc" -eq 0 ] || { echo "# course set theme $i: $err"; failed=1; }
	lms evaluate c --form f --phase post "tekst=$s"
	[ "$rc" -eq 0 ] || { echo "# evaluate tekst $i: $err"; failed=1; }
done <"$SCRATCH/any.nul"
while IFS= read -r -d '' s; do
	lms person add --name "$s"
	[ "$rc" -eq 0 ] || { echo "# person add: $err"; failed=1; }
done <"$SCRATCH/line.nul"
[ "$failed" -eq 0 ]
report $? "lms takes every string and id"

mkdir "$SCRATCH/files"
cp courses/c/course.yaml courses/c/enrolments.yaml courses/c/attendance.yaml \
	courses/c/evaluations.yaml people/participants.yaml \
	people/facilitators.yaml "$SCRATCH/files/"
lms course show c --format yaml
cp "$SCRATCH/stdout" "$SCRATCH/files/course.yaml.shown"
[ "$rc" -eq 0 ]
report $? "lms reads back the course it edited"
lms export evaluations
is_rc 0 "lms reads back the evaluations it wrote"
lms person list
is_rc 0 "lms reads back the register it wrote"

for reader in pyyaml ruamel; do
	readers tree $reader "$SCRATCH/files" "$SCRATCH/any.hex" \
		"$SCRATCH/line.hex"
	report $? "$reader reads the files as lms meant them"
done
if [ -n "$GO_READER" ]; then
	mkdir "$SCRATCH/json"
	for f in "$SCRATCH"/files/*; do
		"$GO_READER" <"$f" >"$SCRATCH/json/${f##*/}" 2>"$SCRATCH/go-err" ||
			echo "# go-yaml: ${f##*/}: $(cat "$SCRATCH/go-err")"
	done
	readers tree json "$SCRATCH/json" "$SCRATCH/any.hex" "$SCRATCH/line.hex"
	report $? "go-yaml reads the files as lms meant them"
else
	tests=$((tests + 1))
	echo "ok $tests # SKIP go or golang-gopkg-yaml.v3-dev is missing"
fi

done_testing
