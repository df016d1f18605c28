#!/bin/sh
# Two writers at once lose nothing; a writer killed at any moment leaves
# every file either as it was or as it should become.
. "$(dirname "$0")/lib.sh"

use_tree enrol
"$LMS" course set matlaging capacity= >/dev/null
# 600 people (fictional, numbered) for two writers of 300 each.
awk 'BEGIN {
	for (i = 1; i <= 300; i++) {
		printf "- id: p-a%05d\n  name: Person A%03d\n  municipality: \"9999\"\n", i, i
		printf "- id: p-b%05d\n  name: Person B%03d\n  municipality: \"9999\"\n", i, i
	}
}' >>people/participants.yaml

writer() {
	failed=0
	i=1
	while [ $i -le 300 ]; do
		"$LMS" enrol matlaging "$(printf 'p-%s%05d' "$1" $i)" \
			>/dev/null 2>>"$SCRATCH/writer-$1.err" || failed=$((failed + 1))
		i=$((i + 1))
	done
	echo $failed >"$SCRATCH/writer-$1.failed"
}
writer a &
writer b &
wait
[ "$(cat "$SCRATCH/writer-a.failed") $(cat "$SCRATCH/writer-b.failed")" = "0 0" ]
report $? "two processes enrolling 300 people each at once all succeed"
sed 's/^/# /' "$SCRATCH"/writer-*.err
grep -c '^- person:' courses/matlaging/enrolments.yaml >"$SCRATCH/n"
is_file "600 records, none lost" "$SCRATCH/n" <<'OUT'
600
OUT
grep '^- person:' courses/matlaging/enrolments.yaml | sort -u | wc -l |
	tr -d ' ' >"$SCRATCH/n"
is_file "each person once" "$SCRATCH/n" <<'OUT'
600
OUT
lms roster matlaging --format csv
is_rc 0 "the file is valid"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 601 ]
report $? "and the roster lists all 600"

# Kill a batch writer with SIGKILL at random moments.
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
while [ $round -le 30 ]; do
	delay=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
	"$LMS" enrol matlaging --csv "$SCRATCH/big.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 2550 }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$LMS" roster matlaging --format csv >/dev/null 2>"$SCRATCH/roster.err" ||
		{ bad=$((bad + 1)); sed 's/^/# /' "$SCRATCH/roster.err"; }
	people=$(grep -c '^- id:' people/participants.yaml)
	records=$(grep -c '^- person:' courses/matlaging/enrolments.yaml 2>/dev/null)
	case "$people" in
	"$people_before" | "$people_after") ;;
	*) bad=$((bad + 1)); echo "# round $round: $people people" ;;
	esac
	case "${records:-0}" in
	0) old=$((old + 1)) ;;
	10000) new=$((new + 1)) ;;
	*) bad=$((bad + 1)); echo "# round $round: $records records" ;;
	esac
	rm -rf ./* ./.[!.]* 2>/dev/null
	cp -R "$SCRATCH/pristine/." .
	round=$((round + 1))
done
[ $bad -eq 0 ]
report $? "after 30 kills every file parses and is old or new"
echo "# killed before the enrolments were written: $old; after: $new"

# A temporary file left by a killed writer is cleared by the next write.
touch courses/matlaging/.enrolments.yaml.AbC123
"$LMS" enrol matlaging p-a00001 >/dev/null
[ ! -e courses/matlaging/.enrolments.yaml.AbC123 ]
report $? "the next write clears a killed writer's temporary file"

done_testing
