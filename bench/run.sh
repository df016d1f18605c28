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
		out=$("$BENCH_BIN/runstat" -n 1 -- "$LMS" -C "$TREE" "$@") ||
			fail "lms $* failed"
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

BENCHES="course_list"

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
