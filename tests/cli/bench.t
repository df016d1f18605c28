#!/bin/sh
# make bench itself, on trees of 10 and 15 courses: it runs end to end,
# prints what it measures and the goals, and fails when lms and a peer
# disagree or a warm run prints other than a cold one.  Skipped without
# the bench's programs (BENCH_BIN, set by make cli) or python3-yaml.
. "$(dirname "$0")/lib.sh"

RUN_SH=$(cd "$(dirname "$0")/../../bench" && pwd)/run.sh
PY=${PYTHON:-python3}
if [ -z "${BENCH_BIN:-}" ] || [ ! -x "$BENCH_BIN/gen" ] ||
   ! "$PY" -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
	echo "1..0 # SKIP the bench's programs (BENCH_BIN) or python3-yaml"
	exit 0
fi
# The bench measures the plain build; under sanitizers it would take
# minutes and test nothing of lms that the other files do not.
if [ -n "${LMS_SANITIZE:-}" ]; then
	echo "1..0 # SKIP the bench measures the plain build"
	exit 0
fi

# bench [VAR=VALUE...]: runs the bench on the tiny sizes; its stdout,
# stderr and exit code land in $out, $err, $rc.
bench() {
	env BENCH_BIN="$BENCH_BIN" PYTHON="$PY" BENCH_DIR="$SCRATCH/bench" \
	    BENCH_SIZES="2x5 3x5" BENCH_RUNS=1 LMS="$LMS" "$@" \
	    sh "$RUN_SH" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
	out=$(cat "$SCRATCH/stdout")
	err=$(cat "$SCRATCH/stderr")
}

bench
is_rc 0 "the bench runs at two sizes"
like "it says each size" "^10 courses (2 x 5): 44 files" "$out"
like "and generates each tree" "^15 courses (3 x 5): 64 files, .* (generated" \
	"$out"
like "cold and warm report" \
	"^  report  *cold  *[0-9.]* s (.*x floor, peak .* MiB)   warm .*x cold" "$out"
like "the stat floor of a warm report, and the warm report against it" \
	"^  stat floor  *[0-9]* stats  *[0-9.]* s on one core (/[0-9]* cores: [0-9.]* s)   warm report  *\([0-9.]*x\|-\) that$" \
	"$out"
like "cold and warm report by course, with their peaks" \
	"^  by course  *cold  *[0-9.]* s (peak  *[0-9.]* MiB)   warm  *[0-9.]* s (peak  *[0-9.]* MiB)$" "$out"
like "and as text, cold and after another report, with their peaks" \
	"^  as text  *cold  *[0-9.]* s (peak  *[0-9.]* MiB)   after another report  *[0-9.]* s (peak  *[0-9.]* MiB)$" "$out"
like "the peaks of the other commands that read every course" \
	"^  peaks        report --by facilitator [0-9.]*, export evaluations [0-9.]*, export fees [0-9.]*, calendar [0-9.]*, followup --due [0-9.]*, catalog [0-9.]* MiB$" "$out"
like "the report agrees with its peer" \
	"^  report  *python .* faster; every figure agrees" "$out"
like "check agrees with its peer" "^  check  *python .* findings agree" "$out"
like "course list agrees with its peer" \
	"^  course list  python .* every row agrees" "$out"
for c in "person add" "enrol --csv" "check ID"; do
	like "the files $c opens" "^  $c *opens  *[0-9][0-9]* files" "$out"
done
like "the index's size" "^  index  *\(none\|[0-9]* bytes\)" "$out"
n=$(printf '%s\n' "$out" | sed -n '/^goals/,/^  (sizes/p' |
    grep -c ' \(met\|not met\)$')
[ "$n" -eq 11 ]
report $? "eleven goals, each met or not (found $n)"
like "the goal of the warm report, with the speed-up of its one pair" \
	"^  warm report >= 8x faster than cold, same output  *[0-9.]*x (pairs [0-9]*\.[0-9]) " \
	"$out"
like "how long it took" "^bench took [0-9]* s$" "$out"
is_file "nothing on stderr" "$SCRATCH/stderr" </dev/null

# An lms that adds a course to the list of courses: the bench fails.
mkdir -p "$SCRATCH/bin"
cat >"$SCRATCH/bin/lms" <<EOF
#!/bin/sh
case "\$*" in
*"course list --format csv") "$LMS" "\$@" && echo "zz-extra,open,,,0,,X" ;;
*) exec "$LMS" "\$@" ;;
esac
EOF
chmod +x "$SCRATCH/bin/lms"
bench LMS="$SCRATCH/bin/lms" BENCH_SIZES=2x5
is_rc 1 "a list the peer does not make fails the bench"
like "and says so" "^bench: lms course list and the peer disagree" "$err"
like "a second run reuses the tree" "^10 courses (2 x 5): .* (reused)" "$out"

# An lms whose report after a change differs from a full read: the warm
# run (the first after lms attend) prints one line more.
cat >"$SCRATCH/bin/lms" <<EOF
#!/bin/sh
case "\$*" in
*" attend "*) touch "$SCRATCH/changed"; exec "$LMS" "\$@" ;;
*"report --by municipality --format csv")
	"$LMS" "\$@" || exit
	[ ! -f "$SCRATCH/changed" ] || { rm "$SCRATCH/changed"; echo stale; } ;;
*) exec "$LMS" "\$@" ;;
esac
EOF
bench LMS="$SCRATCH/bin/lms" BENCH_SIZES=2x5
is_rc 1 "a warm report unlike a cold one fails the bench"
like "and says so" "^bench: lms report --by municipality --format csv: a warm run printed other than a cold one" "$err"

done_testing
