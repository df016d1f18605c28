#!/bin/sh
# Hand-written files with a byte-order mark, CR LF or lone CR line ends:
# lms course set, assign and unassign and lms facilitator add edit them as
# they edit the same file with LF, and keep the mark and the line ends.
. "$(dirname "$0")/lib.sh"

use_tree basic
course=courses/matlaging/course.yaml
people=people/facilitators.yaml
cp "$course" "$SCRATCH/course.lf"
cp "$people" "$SCRATCH/people.lf"

# convert BOM EOL < in > out: the mark (or nothing) and the line ends.
convert() {
	[ -z "$1" ] || printf '\357\273\277'
	EOL=$2 perl -pe 's/\n/$ENV{EOL}/'
}

edit() {
	lms course set matlaging capacity=12 place=Helsehuset \
		description="Om mat" sessions.1.theme=Teori \
		sessions.4.theme=Evaluering topics=kosthold,mat
	[ "$rc" -eq 0 ] || echo "# course set: $err"
	lms course assign matlaging fag-tre --phases deliver
	[ "$rc" -eq 0 ] || echo "# course assign: $err"
	lms course unassign matlaging fag-en
	[ "$rc" -eq 0 ] || echo "# course unassign: $err"
	lms facilitator add fag-fire --name "Fagperson Fire" --kind professional
	[ "$rc" -eq 0 ] || echo "# facilitator add: $err"
}

# What the edits make of the files with LF.
edit
cp "$course" "$SCRATCH/course.want"
cp "$people" "$SCRATCH/people.want"

for variant in "BOM LF" "CRLF" "CR" "BOM CRLF"; do
	case $variant in
	BOM*) bom=yes ;;
	*) bom= ;;
	esac
	case $variant in
	*CRLF) eol=$(printf '\r\n_') eol=${eol%_} ;;
	*CR) eol=$(printf '\r') ;;
	*) eol=$(printf '\n_') eol=${eol%_} ;;
	esac
	for f in course people; do
		convert "$bom" "$eol" <"$SCRATCH/$f.lf" >"$SCRATCH/$f.in"
		convert "$bom" "$eol" <"$SCRATCH/$f.want" >"$SCRATCH/$f.out"
	done
	cp "$SCRATCH/course.in" "$course"
	cp "$SCRATCH/people.in" "$people"
	lms course show matlaging
	is_rc 0 "$variant: lms reads the files"
	edit
	cmp -s "$SCRATCH/course.out" "$course"
	report $? "$variant: course set, assign and unassign keep the line ends"
	cmp -s "$SCRATCH/people.out" "$people"
	report $? "$variant: facilitator add keeps the line ends"
done

# A lone CR inside a file of LF lines ends a line too: the new key goes
# after it, not into the value that goes on on the next line.
printf 'id: matlaging\ntitle: Kurs\ndescription: Et kurs\rfollow_up: selvhjelp\n  og mer\nsessions:\n  - date: 2026-09-07\n    start: "10:00"\n    end: "11:00"\n' >"$course"
lms course set matlaging place=Helsehuset
is_rc 0 "a lone CR among LF lines"
printf 'id: matlaging\ntitle: Kurs\ndescription: Et kurs\rplace: Helsehuset\rfollow_up: selvhjelp\n  og mer\nsessions:\n  - date: 2026-09-07\n    start: "10:00"\n    end: "11:00"\n' >"$SCRATCH/want"
cmp -s "$SCRATCH/want" "$course"
report $? "the new key gets a line of its own, ended as its neighbour"
lms course show matlaging --format yaml
grep -E '^(place|follow_up):' "$SCRATCH/stdout" >"$SCRATCH/got"
is_file "and the other values stay as they were" "$SCRATCH/got" <<'OUT'
place: Helsehuset
follow_up: [selvhjelp og mer]
OUT

done_testing
