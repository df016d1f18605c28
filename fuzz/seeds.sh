#!/bin/sh
# Makes each harness's seed corpus, DIR/NAME/, from the files of the
# example trees and the skeleton of `lms init` (the fuzzers mutate them),
# and the few hand-made seeds of fuzz/seeds/.
#
#     sh fuzz/seeds.sh DIR
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out"

# seed NAME FILE...: the files as they are.
seed() {
	name=$1
	shift
	mkdir -p "$out/$name"
	for f in "$@"; do
		cp "$f" "$out/$name/$(echo "$f" | tr / _)"
	done
}

# prefixed NAME PREFIX FILE...: each file after PREFIX (printf's format).
prefixed() {
	name=$1 prefix=$2
	shift 2
	mkdir -p "$out/$name"
	for f in "$@"; do
		{ printf "$prefix"; cat "$f"; } \
			>"$out/$name/$(printf '%s' "$prefix$f" | cksum | cut -d' ' -f1)"
	done
}

courses='examples/*/courses/*/course.yaml tests/fixtures/*/courses/*/course.yaml'
seed fuzz_service examples/*/lms.yaml lib/store/skel/lms.yaml
seed fuzz_course $courses
seed fuzz_enrolments examples/*/courses/*/enrolments.yaml
seed fuzz_attendance examples/*/courses/*/attendance.yaml
seed fuzz_evaluations examples/*/courses/*/evaluations.yaml
seed fuzz_facilitators examples/*/people/facilitators.yaml \
	lib/store/skel/people/facilitators.yaml
# The examples keep no register (it never goes into git): the test
# fixtures' fictional one stands in.
seed fuzz_participants tests/fixtures/*/people/participants.yaml
seed fuzz_form examples/*/forms/*.yaml lib/store/skel/forms/*.yaml
seed fuzz_template examples/*/templates/*.yaml lib/store/skel/templates/*.yaml
# Files as lms writes them (the examples are kept by hand, with comments),
# so that the harnesses that load them go through the fast path of
# lms_yparser (lib/yaml/scan.h) too.
seed fuzz_course fuzz/seeds/written-course.yaml
seed fuzz_enrolments fuzz/seeds/written-enrolments.yaml
seed fuzz_attendance fuzz/seeds/written-attendance.yaml
seed fuzz_evaluations fuzz/seeds/written-evaluations.yaml
# fuzz_scan: the fast path against libyaml, on anything YAML.
seed fuzz_scan fuzz/seeds/*.yaml examples/*/courses/*/*.yaml \
	examples/*/lms.yaml examples/*/forms/*.yaml

# fuzz_personal: free text with and without personal data in it, and a
# register's names before a NUL.
seed fuzz_personal examples/*/courses/*/*.yaml fuzz/seeds/personal-*.txt

# fuzz_roundtrip: a letter for the kind of file, then the file.
prefixed fuzz_roundtrip c $courses
prefixed fuzz_roundtrip e examples/*/courses/*/enrolments.yaml
prefixed fuzz_roundtrip a examples/*/courses/*/attendance.yaml
prefixed fuzz_roundtrip v examples/*/courses/*/evaluations.yaml
prefixed fuzz_roundtrip p tests/fixtures/*/people/participants.yaml
prefixed fuzz_roundtrip c fuzz/seeds/written-course.yaml
prefixed fuzz_roundtrip e fuzz/seeds/written-enrolments.yaml
prefixed fuzz_roundtrip a fuzz/seeds/written-attendance.yaml
prefixed fuzz_roundtrip v fuzz/seeds/written-evaluations.yaml

# fuzz_emit: strings separated by NUL, here the lines of the examples.
mkdir -p "$out/fuzz_emit"
for f in examples/*/courses/*/course.yaml examples/*/forms/*.yaml; do
	tr '\n' '\0' <"$f" >"$out/fuzz_emit/$(echo "$f" | tr / _)"
done

# fuzz_course_set: KEY=VALUE, a NUL, then the course.yaml to change.
for kv in 'title=Kurs for p\303\245r\303\270rende' 'capacity=14' 'place=' \
	'status=open' 'waitlist=false' 'topics=kosthold, rop' \
	'target_groups=patients,relatives' 'forms=mestringstro' \
	'description=Linje \303\251n\nlinje to' 'sessions.1.place=Rom 2' \
	'sessions.2.start=10:00' 'sessions.1.led_by=kari,ola' \
	'facilitators.1.phases=plan,deliver' 'sessions.1.theme=' \
	'template=mestringstreff' 'follow_up=3 m\303\245neder'; do
	prefixed fuzz_course_set "$kv\\0" $courses
done

# Files saved on Windows (CRLF), on old Macs (CR) and with a byte-order
# mark, as people's editors write them.
one=examples/narvik/courses/2026-09-matlaging/course.yaml
mkdir -p "$out/tmp"
sed 's/$/\r/' "$one" >"$out/tmp/crlf"
tr '\n' '\r' <"$one" >"$out/tmp/cr"
{ printf '\357\273\277'; cat "$one"; } >"$out/tmp/bom"
for kv in 'capacity=14' 'place=' 'place=Rom 2' 'topics=kosthold, rop' \
	'sessions.2.theme=Ny'; do
	prefixed fuzz_course_set "$kv\\0" "$out/tmp/crlf" "$out/tmp/cr" \
		"$out/tmp/bom"
done
rm -r "$out/tmp"

# A course written with anchors and aliases: edits next to them.
for kv in 'status=running' 'status=' 'place=Rom 3' 'capacity=' \
	'topics=rop' 'sessions.2.theme=Ny' 'facilitators.1.phases=plan'; do
	prefixed fuzz_course_set "$kv\\0" fuzz/seeds/aliased-course.yaml
done

# Lists with anchors and tags, and comments with dashes in them.
for kv in 'topics=kosthold,rop' 'topics=mat' 'topics=rop,mat,x,y' \
	'target_groups=at-risk,relatives' 'title=Nytt' 'sessions.1.theme=Ny' \
	'facilitators.2.phases=plan'; do
	prefixed fuzz_course_set "$kv\\0" fuzz/seeds/commented-lists.yaml
done
# Explicit keys with no value, and block scalars ending in lines of blanks.
for kv in 'place=Sal' 'topics=kosthold,rop' 'sessions.1.theme=Ny' \
	'sessions.2.theme=Ny' 'capacity=12' 'description=Ny'; do
	prefixed fuzz_course_set "$kv\\0" fuzz/seeds/explicit-keys.yaml
done

# fuzz_yedit: OP KEYPATH VALUE, a NUL, then any YAML to edit.
for e in 'set capacity 14' 'set sessions.1.place Rom_2' 'set x.y z' \
	'remove place' 'remove sessions.2' 'remove facilitators.1.phases' \
	'list topics mat,rop' 'list forms a' 'append facilitators ny' \
	'append sessions x'; do
	prefixed fuzz_yedit "$e\\0" $courses fuzz/seeds/*.yaml
done
for e in 'set 1.name Ny' 'remove 2' 'append  ny' 'list 1.topics a,b'; do
	prefixed fuzz_yedit "$e\\0" examples/*/people/facilitators.yaml
done

# The sheets: hand-made, as sign-up forms and survey tools export them.
for name in fuzz_csv fuzz_signup fuzz_survey; do
	mkdir -p "$out/$name"
	cp fuzz/seeds/*.csv "$out/$name/"
done

# Courses in bytes (see fuzz/fuzz_pieces.c): min_cell 5, then a host piece
# of six with one who did not complete and one absence, two relatives and
# a neighbour on the waiting list, and a drop-in count.
mkdir -p "$out/fuzz_pieces"
printf '\004\010\377\001\010\377\001\010\377\001\010\377\001\010\377\001\020\357\000\004\377\001\004\017\000\031\000\000\003' \
	>"$out/fuzz_pieces/course"

# The index of a tree of two courses, as lms writes it (.lms/index), after
# lms person add and lms check ID: their records, no listing of courses/.
mkdir -p "$out/fuzz_index"
cp fuzz/seeds/index.bin "$out/fuzz_index/"
# And of tests/fixtures/report after a report: its records, and the
# listing of courses/.
cp fuzz/seeds/index-report.bin "$out/fuzz_index/"
