#!/bin/sh
# Two writers at once lose nothing; a writer killed at any moment leaves
# every file either as it was or as it should become.
. "$(dirname "$0")/lib.sh"

use_tree enrol
"$LMS" course set matlaging capacity= >/dev/null
# 600 people (fictional, numbered) for two writers of 300 each; 200 for
# two of 100 under sanitizers, whose lms starts several times slower.
each=300
[ -z "${LMS_SANITIZE:-}" ] || each=100
awk -v each=$each 'BEGIN {
	for (i = 1; i <= each; i++) {
		printf "- id: p-a%05d\n  name: Person A%03d\n  municipality: \"5001\"\n", i, i
		printf "- id: p-b%05d\n  name: Person B%03d\n  municipality: \"5001\"\n", i, i
	}
}' >>people/participants.yaml

# The ids are padded by arithmetic, not printf in a subshell: a process
# less for each enrolment.
writer() {
	failed=0
	i=1
	while [ $i -le $each ]; do
		n=$((100000 + i))
		"$LMS" enrol matlaging "p-$1${n#1}" \
			>/dev/null 2>>"$SCRATCH/writer-$1.err" || failed=$((failed + 1))
		i=$((i + 1))
	done
	echo $failed >"$SCRATCH/writer-$1.failed"
}
writer a &
writer b &
wait
[ "$(cat "$SCRATCH/writer-a.failed") $(cat "$SCRATCH/writer-b.failed")" = "0 0" ]
report $? "two processes enrolling $each people each at once all succeed"
sed 's/^/# /' "$SCRATCH"/writer-*.err
grep -c '^- person:' courses/matlaging/enrolments.yaml >"$SCRATCH/n"
is_file "$((2 * each)) records, none lost" "$SCRATCH/n" <<OUT
$((2 * each))
OUT
grep '^- person:' courses/matlaging/enrolments.yaml | sort -u | wc -l |
	tr -d ' ' >"$SCRATCH/n"
is_file "each person once" "$SCRATCH/n" <<OUT
$((2 * each))
OUT
lms roster matlaging --format csv
is_rc 0 "the file is valid"
[ "$(printf '%s\n' "$out" | wc -l)" -eq $((2 * each + 1)) ]
report $? "and the roster lists all $((2 * each))"

# Kill a batch writer with SIGKILL at random moments.  Each round starts
# from a fresh copy of the tree; the delays are drawn at once, and one awk
# counts the people and the records.
awk 'BEGIN {
	print "name,phone"
	for (i = 1; i <= 10000; i++)
		printf "Ny Person %05d,9%07d\n", i, 1000000 + i
}' >"$SCRATCH/big.csv"
rm -f courses/matlaging/enrolments.yaml
cp -R . "$SCRATCH/pristine"
people_before=$(grep -c '^- id:' people/participants.yaml)
people_after=$((people_before + 10000))
bad=0
old=0
new=0
round=1
for delay in $(od -An -N30 -tu1 /dev/urandom |
	       awk '{ for (i = 1; i <= NF; i++) printf "%.3f\n", $i / 2550 }'); do
	cp -R "$SCRATCH/pristine" "$SCRATCH/round$round"
	cd "$SCRATCH/round$round" || exit 1
	"$LMS" enrol matlaging --csv "$SCRATCH/big.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$LMS" roster matlaging --format csv >/dev/null 2>"$SCRATCH/roster.err" ||
		{ bad=$((bad + 1)); sed 's/^/# /' "$SCRATCH/roster.err"; }
	# The people in the register, and the records: none if there is no
	# file of enrolments.
	enrolments=courses/matlaging/enrolments.yaml
	[ -e $enrolments ] || enrolments=
	counts=$(awk '/^- id:/ && FILENAME ~ /participants/ { p++ }
		      /^- person:/ && FILENAME ~ /enrolments/ { r++ }
		      END { print p + 0, r + 0 }' people/participants.yaml \
		  $enrolments)
	people=${counts% *}
	records=${counts#* }
	case "$people" in
	"$people_before" | "$people_after") ;;
	*) bad=$((bad + 1)); echo "# round $round: $people people" ;;
	esac
	case "$records" in
	0) old=$((old + 1)) ;;
	10000) new=$((new + 1)) ;;
	*) bad=$((bad + 1)); echo "# round $round: $records records" ;;
	esac
	cd "$SCRATCH" || exit 1
	rm -rf "$SCRATCH/round$round" &
	round=$((round + 1))
done
wait
cd "$SCRATCH/pristine" || exit 1
[ $bad -eq 0 ] && [ $round -eq 31 ]
report $? "after 30 kills every file parses and is old or new"
echo "# killed before the enrolments were written: $old; after: $new"

# A temporary file left by a killed writer is cleared by the next write.
touch courses/matlaging/.enrolments.yaml.AbC123
"$LMS" enrol matlaging p-a00001 >/dev/null
[ ! -e courses/matlaging/.enrolments.yaml.AbC123 ]
report $? "the next write clears a killed writer's temporary file"

done_testing
