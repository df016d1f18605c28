# make bench: generates a national-scale tree (once) and measures lms on it
# against the parse floor, the least any reader of the same files must do.
#
# Environment: LMS (the lms binary) and BENCH_BIN (the folder of gen, floor
# and runstat) are set by make.  Knobs:
#   BENCH_MUNICIPALITIES  municipalities in the tree (428)
#   BENCH_COURSES         courses per municipality (125)
#   BENCH_SEED            the generator's seed (1)
#   BENCH_DIR             the tree (build/bench-tree-<M>x<C>); it is kept,
#                         with a stamp beside it (<BENCH_DIR>.stamp), and
#                         made again when the stamp does not match
#   BENCH_RUNS            runs of each measurement; medians are shown (3)
#
# Each benchmark is one function bench_<name>, listed in BENCHES at the end.

set -eu

fail() {
	echo "bench: $*" >&2
	exit 1
}

: "${LMS:?set LMS to the lms binary}"
: "${BENCH_BIN:?set BENCH_BIN to the folder of gen, floor and runstat}"
M=${BENCH_MUNICIPALITIES:-428}
C=${BENCH_COURSES:-125}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TREE=${BENCH_DIR:-$ROOT/build/bench-tree-${M}x$C}
STAMP=$TREE.stamp

# The tree

# What the tree was made with; the checksum of the generator's source
# stands for its version, so that a changed generator makes the tree again.
params() {
	set -- $(cksum <"$ROOT/bench/gen.c")
	echo "gen=$1 municipalities=$M courses=$C seed=$SEED"
}

tree_is_current() {
	[ -d "$TREE" ] && [ -f "$STAMP" ] &&
		[ "$(sed -n 1p "$STAMP")" = "$(params)" ]
}

# Moves an old tree aside (to OLD), but only one that a stamp shows this
# script made: BENCH_DIR may point anywhere.  It is removed after the new
# one is made, because a file system slows down creating files right after
# many were deleted (ext4 skips recently freed inodes), and that is not the
# generator's time.
move_old_tree() {
	OLD=
	[ -d "$TREE" ] || return 0
	if [ ! -f "$STAMP" ] && [ -n "$(ls -A "$TREE")" ]; then
		fail "$TREE exists and is not a benchmark tree; remove it or" \
		     "set BENCH_DIR"
	fi
	OLD=$TREE.old.$$
	mv "$TREE" "$OLD"
}

make_tree() {
	move_old_tree
	mkdir -p "$(dirname "$TREE")"
	echo "generating" >"$STAMP"
	out=$("$BENCH_BIN/runstat" -n 1 -- "$BENCH_BIN/gen" "$TREE" \
	      --municipalities "$M" --courses "$C" --seed "$SEED" 2>&1) ||
		fail "gen failed: $out"
	# gen says "gen: N courses, N files, N bytes"; runstat "wall=S ...".
	n='\([0-9]*\)'
	summary=$(printf '%s\n' "$out" | sed -n \
		"s/^gen: $n courses, $n files, $n bytes\$/courses=\\1 files=\\2 bytes=\\3/p")
	wall=$(field wall "$(printf '%s\n' "$out" | grep '^wall=')")
	if [ -z "$summary" ] || [ -z "$wall" ]; then
		fail "gen said: $out"
	fi
	{ params; echo "$summary"; echo "generated=$wall"; } >"$STAMP"
	[ -z "$OLD" ] || rm -rf "$OLD"
	# Let the new files reach the disk now, not during the measurements.
	sync
	GENERATED="generated in $wall s"
}

# Sets COURSES, FILES and BYTES from the stamp.
read_stamp() {
	line=$(sed -n 2p "$STAMP")
	COURSES=$(field courses "$line")
	FILES=$(field files "$line")
	BYTES=$(field bytes "$line")
}

# Measuring

median() {
	sort -n | awk '{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2];
		      else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The --name arguments of the floor for a list of base names.
floor_args() {
	for name in $1; do
		printf ' --name %s' "$name"
	done
}

# Reads a field NAME=VALUE out of a line of key=value pairs.
field() {
	printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# Measures the floor over the files named in $1 against lms with the
# remaining arguments; sets FLOOR and WALL (median seconds) and RSS (lms's
# peak MiB).  The two take turns, so that both meet the same page cache
# and load.  The floor's time is its reading and parsing without its walk
# of the tree: lms goes to its files by name, so that is the lower bound.
measure() {
	args=$(floor_args "$1")
	shift
	floors='' walls='' RSS=0 i=0
	while [ "$i" -lt "$RUNS" ]; do
		out=$("$BENCH_BIN/floor" "$TREE" $args) ||
			fail "the floor failed on $TREE"
		floors="$floors $(field parse "$out")"
		out=$("$BENCH_BIN/runstat" -n 1 -s "${OK_STATUS:-0}" -- \
		      "$LMS" -C "$TREE" "$@" 2>"$ROOT/build/bench-stderr.txt") ||
			fail "lms $* failed (see build/bench-stderr.txt)"
		walls="$walls $(field wall "$out")"
		RSS=$(awk -v a="$RSS" -v b="$(field maxrss_mib "$out")" \
		      'BEGIN { print (a > b ? a : b) }')
		i=$((i + 1))
	done
	FLOOR=$(printf '%s\n' $floors | median)
	WALL=$(printf '%s\n' $walls | median)
}

report() {
	awk -v what="$1" -v floor="$2" -v lms="$3" -v rss="$4" 'BEGIN {
		ratio = floor > 0 ? lms / floor : 0
		fmt = "%-13s floor %.3f s   lms %.3f s   %.2fx floor   "
		printf fmt "peak %.1f MiB\n", what, floor, lms, ratio, rss }'
}

# The benchmarks

bench_course_list() {
	out=$("$LMS" -C "$TREE" course list) || fail "lms course list failed"
	lines=$(printf '%s\n' "$out" | wc -l)
	[ "$lines" -eq $((COURSES + 1)) ] ||
		fail "lms course list printed $lines lines for $COURSES courses"
	out=$("$BENCH_BIN/floor" "$TREE" $(floor_args course.yaml)) ||
		fail "the floor failed on $TREE"
	[ "$(field files "$out")" -eq "$COURSES" ] ||
		fail "the floor read other files than lms: $out"
	measure course.yaml course list
	report "course list" "$FLOOR" "$WALL" "$RSS"
}

# The writes run on a small service of their own: one course and a
# register of numbered, fictional people.  service DIR ENROLLED PEOPLE
# makes it, with the first ENROLLED of PEOPLE on the course.
service() {
	rm -rf "$1"
	"$LMS" init "$1" --municipality 0101 >/dev/null
	"$LMS" -C "$1" course new kurs --title Kurs --start 2027-01-04 \
		--count 8 >/dev/null
	awk -v n="$3" 'BEGIN { for (i = 1; i <= n; i++)
		printf "- id: p-%06d\n  name: Person %06d\n  municipality: " \
		       "\"0101\"\n", i, i }' >"$1/people/participants.yaml"
	awk -v n="$2" 'BEGIN { for (i = 1; i <= n; i++)
		printf "- person: p-%06d\n  role: participant\n  status: " \
		       "enrolled\n  requested: 2026-12-01\n  municipality: " \
		       "\"0101\"\n", i }' >"$1/courses/kurs/enrolments.yaml"
	[ "$2" -gt 0 ] || rm "$1/courses/kurs/enrolments.yaml"
}

# Times one write, RUNS times, each on a fresh copy of PRISTINE in W,
# against the floor over the files named in $3 as they are after it.
# Sets FLOOR, WALL and RSS like measure.
measure_write() {
	pristine=$1 W=$2 names=$3
	shift 3
	floors='' walls='' RSS=0 i=0
	while [ "$i" -lt "$RUNS" ]; do
		rm -rf "$W"
		cp -R "$pristine" "$W"
		out=$("$BENCH_BIN/runstat" -n 1 -- "$LMS" -C "$W" "$@") ||
			fail "lms $* failed"
		walls="$walls $(field wall "$out")"
		RSS=$(awk -v a="$RSS" -v b="$(field maxrss_mib "$out")" \
		      'BEGIN { print (a > b ? a : b) }')
		out=$("$BENCH_BIN/floor" "$W" $(floor_args "$names")) ||
			fail "the floor failed on $W"
		floors="$floors $(field parse "$out")"
		i=$((i + 1))
	done
	FLOOR=$(printf '%s\n' $floors | median)
	WALL=$(printf '%s\n' $walls | median)
}

# Enrolling one person into a course that holds 1,000 enrolments: lms
# reads the service, the course, its enrolments and the register, and
# writes the enrolments.  The floor parses those files once.
bench_enrol_one() {
	base=$ROOT/build/bench-enrol
	service "$base.pristine" 1000 2000
	measure_write "$base.pristine" "$base" \
		"lms.yaml course.yaml enrolments.yaml participants.yaml" \
		enrol kurs p-001001
	n=$(grep -c '^- person:' "$base/courses/kurs/enrolments.yaml")
	[ "$n" -eq 1001 ] || fail "enrol one left $n enrolments, not 1001"
	report "enrol one" "$FLOOR" "$WALL" "$RSS"
	rm -rf "$base" "$base.pristine"
}

# A sheet of 10,000 new people: lms parses the CSV, registers everyone
# and writes the register and the enrolments.  The floor parses the two
# files it wrote.
bench_enrol_sheet() {
	base=$ROOT/build/bench-sheet
	service "$base.pristine" 0 0
	awk 'BEGIN { print "navn;telefon"
		for (i = 1; i <= 10000; i++)
			printf "Ny Person %05d;9%07d\n", i, i }' >"$base.csv"
	measure_write "$base.pristine" "$base" \
		"lms.yaml course.yaml enrolments.yaml participants.yaml" \
		enrol kurs --csv "$base.csv"
	n=$(grep -c '^- person:' "$base/courses/kurs/enrolments.yaml")
	[ "$n" -eq 10000 ] || fail "the sheet left $n enrolments, not 10000"
	report "enrol sheet" "$FLOOR" "$WALL" "$RSS"
	rm -rf "$base" "$base.pristine" "$base.csv"
}

# Every cell of lms's exact table must equal the peer's, and the two must
# have the same rows.
compare_tables() {
	awk -F, '
	# Two decimals that differ by one in the last place: the same figure,
	# summed in another order (Python sums exactly, lms in doubles), on
	# either side of a rounding boundary.
	function near(a, b) {
		if (a !~ /^-?[0-9]+\.[0-9][0-9]$/ || b !~ /^-?[0-9]+\.[0-9][0-9]$/)
			return 0
		return (a - b) * (a - b) < 0.0001 + 1e-9
	}
	NR == FNR { peer[FNR] = $0; rows = FNR; next }
	{
		n = split(peer[FNR], p, ",")
		same = n == NF
		for (i = 1; i <= NF; i++)
			if ($i != p[i] && !near($i, p[i]))
				same = 0
		if (!same && ++bad < 5)
			print "differ: " $0 " / " peer[FNR] > "/dev/stderr"
	}
	END {
		if (FNR != rows) {
			print "rows: lms " FNR ", the peer " rows > "/dev/stderr"
			bad++
		}
		exit bad > 0
	}' "$1" "$2"
}

# The aggregate report over the whole tree, against the parse floor of
# the same files, and against a peer on python3-yaml's C loader whose
# figures must agree with lms's exact ones.
#
# The figures compared are those of --exact: the shared report rounds
# small counts, so only the exact ones can equal the peer's.  Its CSV
# starts with a line "# internal: ..." that marks it as not for sharing,
# which the peer does not print; it is dropped before comparing.  The
# time measured is that of the shared report, without --exact: that is
# what users run to hand a report on, and it does the rounding besides
# the counting.  Its first run also makes the tree's report key
# (--new-key: a report never makes one unasked), which is not timed.
bench_report() {
	LMS_TODAY=2026-12-31
	export LMS_TODAY
	names="course.yaml enrolments.yaml attendance.yaml evaluations.yaml"
	lms_csv=$ROOT/build/bench-report-lms.csv
	"$LMS" -C "$TREE" report --new-key --by municipality --format csv \
		>/dev/null 2>"$ROOT/build/bench-stderr.txt" ||
		fail "lms report failed (see build/bench-stderr.txt)"
	"$LMS" -C "$TREE" report --exact --by municipality --format csv \
		>"$lms_csv.tmp" || fail "lms report --exact failed"
	sed '1{/^# internal/d;}' "$lms_csv.tmp" >"$lms_csv"
	rm -f "$lms_csv.tmp"
	measure "$names" report --by municipality --format csv
	report "report" "$FLOOR" "$WALL" "$RSS"
	peer_csv=$ROOT/build/bench-report-peer.csv
	out=$("$BENCH_BIN/runstat" -n 1 -- sh -c '"$1" "$2" "$3" "$4" >"$5"' \
	      peer "${PYTHON:-python3}" "$ROOT/bench/peer.py" "$TREE" \
	      "$LMS_TODAY" "$peer_csv") || fail "the peer failed (python3-yaml?)"
	compare_tables "$peer_csv" "$lms_csv" ||
		fail "lms and the peer disagree (build/bench-report-*.csv)"
	awk -v peer="$(field wall "$out")" -v lms="$WALL" 'BEGIN {
		printf "report peer   python3-yaml %.3f s   lms %.3f s   " \
		       "%.1fx faster; their tables agree\n", peer, lms, peer / lms }'
	report_memory
	unset LMS_TODAY
}

# Peak memory of the report on a tree with an eighth of the courses of
# each municipality, beside the whole tree's: the report keeps its figures
# per row, not per person or course (a person counts once in each course,
# so no set of the people seen is needed), so the peak grows far slower
# than the courses.
report_memory() {
	small=$(($C / 8))
	[ "$small" -ge 1 ] || return 0
	full_rss=$RSS full_courses=$COURSES
	(
		C=$small TREE=$ROOT/build/bench-tree-${M}x$small
		[ -z "${BENCH_DIR:-}" ] || TREE=$BENCH_DIR.eighth
		STAMP=$TREE.stamp
		tree_is_current || make_tree >/dev/null
		read_stamp
		out=$("$BENCH_BIN/runstat" -n 1 -- "$LMS" -C "$TREE" report \
		      --new-key --by municipality --format csv \
		      2>"$ROOT/build/bench-stderr.txt") ||
			fail "lms report failed (see build/bench-stderr.txt)"
		awk -v c1="$COURSES" -v r1="$(field maxrss_mib "$out")" \
		    -v c2="$full_courses" -v r2="$full_rss" 'BEGIN {
			printf "report memory %d courses %.1f MiB   %d courses " \
			       "%.1f MiB\n", c1, r1, c2, r2 }'
	)
}

# lms check over the whole tree, against the parse floor of the files it
# loads; it also reads every other file there for personal data.  It exits
# 1 when it finds errors, and a tree this size has some.
bench_check() {
	LMS_TODAY=2026-12-31
	export LMS_TODAY
	status=0
	"$LMS" -C "$TREE" check >"$ROOT/build/bench-check.txt" 2>&1 || status=$?
	[ "$status" -le 1 ] ||
		fail "lms check failed: $(tail -n 1 "$ROOT/build/bench-check.txt")"
	OK_STATUS=1
	measure "course.yaml enrolments.yaml attendance.yaml evaluations.yaml" check
	OK_STATUS=0
	report "check" "$FLOOR" "$WALL" "$RSS"
	printf 'check found   %s\n' "$(tail -n 1 "$ROOT/build/bench-check.txt" |
					 sed 's/^lms: //')"
	unset LMS_TODAY
}

BENCHES="course_list enrol_one enrol_sheet report check"

GENERATED="reused"
tree_is_current || make_tree
read_stamp
awk -v m="$M" -v c="$C" -v courses="$COURSES" -v files="$FILES" \
    -v bytes="$BYTES" -v how="$GENERATED" 'BEGIN {
	printf "tree          %d x %d: %d courses, %d files, %.1f MiB (%s)\n",
	       m, c, courses, files, bytes / 1048576, how }'
for b in $BENCHES; do
	"bench_$b"
done
