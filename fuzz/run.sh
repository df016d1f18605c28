#!/bin/sh
# Runs each libFuzzer harness for SECONDS on its corpus and says how many
# inputs it ran; a harness that fails shows what broke and the input that
# reproduces it.  Exits 1 if any failed.
#
#     sh fuzz/run.sh BUILD SECONDS HARNESS...
set -u
build=$1 seconds=$2
shift 2

failed=
for bin in "$@"; do
	name=${bin##*/}
	corpus=$build/corpus/$name
	crashes=$build/crashes/$name
	log=$build/logs/$name.log
	case $name in
	fuzz_csv|fuzz_signup|fuzz_survey) dict=fuzz/csv.dict ;;
	*) dict=fuzz/yaml.dict ;;
	esac
	mkdir -p "$corpus" "$crashes" "$build/logs"
	printf '%s: ' "$name"
	if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -dict="$dict" -artifact_prefix="$crashes/" \
		"$corpus" "$build/seeds/$name" >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		echo "ok, ${runs:-?} inputs in $seconds s"
		continue
	fi
	failed="$failed $name"
	input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
	echo "FAILED"
	# What broke and where, without libFuzzer's progress lines.
	sed -n '/PROPERTY BROKEN\|==ERROR\|runtime error\|ERROR: libFuzzer\|ALARM/,$p' \
		"$log" | grep -v '^#[0-9]*\s*\(NEW\|REDUCE\|pulse\|INITED\)' |
		head -n 60 | sed 's/^/    /'
	echo "    log: $log"
	echo "    reproduce: $bin ${input:-(no input written; see the log)}"
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed"
	exit 1
fi
