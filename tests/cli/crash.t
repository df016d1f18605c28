#!/bin/sh
# A command killed at any of its calls that change a file leaves the tree
# as it was or as the command would have left it, whole, once the next
# command has run: never people registered on no course, never a course
# file half changed.  tests/crash/crashpoint.c does the killing.
. "$(dirname "$0")/lib.sh"

CRASHPOINT=${CRASHPOINT:-$(dirname "$0")/../../build/default/tests/crashpoint.so}
if [ ! -f "$CRASHPOINT" ]; then
	echo "1..0 # SKIP no crashpoint library (make $CRASHPOINT)"
	exit 0
fi
CRASHPOINT=$(cd "$(dirname "$CRASHPOINT")" && pwd)/$(basename "$CRASHPOINT")
# Every program here runs with the library: it kills only with CRASH_AT,
# and with CRASH_SYNC=0 it spares the disk the syncs that only a power cut
# would need.  A sanitized lms wants its runtime first; the library only
# passes calls on.
export LD_PRELOAD="$CRASHPOINT" CRASH_SYNC=0
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export LMS_TODAY=2026-12-01

# The tree: a course of two places, with a sheet of three for it.  Forms
# and templates are not needed, and copying fewer files is faster.
cd "$SCRATCH" && "$LMS" init base --name "Prøvetjenesten" \
	--municipality 1806 >/dev/null && cd base || exit 1
rm -r forms templates
"$LMS" facilitator add fag-en --name "Fag En" --kind professional >/dev/null
"$LMS" course new c --title "Prøvekurs" --start 2027-01-04 --days mon \
	--count 2 --time 10:00-12:00 --capacity 2 --place "Prøvesalen" \
	--facilitator fag-en >/dev/null
cat >"$SCRATCH/sheet.csv" <<'EOF'
navn;telefon
Prøve Person En;900 00 001
Prøve Person To;900 00 002
Prøve Person Tre;900 00 003
EOF
# A tree with the sheet enrolled (two on the course, one waiting), and one
# where the course has been held.
cp -R "$SCRATCH/base" "$SCRATCH/enrolled"
(cd "$SCRATCH/enrolled" && "$LMS" enrol c --csv "$SCRATCH/sheet.csv" >/dev/null)
first=$(sed -n 's/^- person: //p' "$SCRATCH/enrolled/courses/c/enrolments.yaml" |
	head -n 1)
cp -R "$SCRATCH/enrolled" "$SCRATCH/held"
(cd "$SCRATCH/held" &&
	LMS_TODAY=2027-01-04 "$LMS" attend c 1 --all >/dev/null &&
	LMS_TODAY=2027-01-11 "$LMS" attend c 2 --all >/dev/null)
cp -R "$SCRATCH/held" "$SCRATCH/closed"
(cd "$SCRATCH/closed" && LMS_TODAY=2027-02-01 "$LMS" course close c >/dev/null)

# What the tree holds: each file's name, mode and text, with the random
# person ids made alike, but not the lock or the temporary files a killed
# writer leaves (".NAME.XXXXXX"), which no command reads.
state() {
	find . -path ./.lms -prune -o -type f ! -name '.*.??????' \
		-printf '%p %m\n' | LC_ALL=C sort | awk '
	{ print; file[NR] = $1 }
	END {
		for (i = 1; i <= NR; i++) {
			print "== " file[i]
			while ((getline line <file[i]) > 0) {
				gsub(/p-[a-z0-9][a-z0-9][a-z0-9][a-z0-9][a-z0-9][a-z0-9]/,
				     "p-ID", line)
				print line
			}
			close(file[i])
		}
	}'
}

# The people the register and the course have, for the sheet's run again.
counts() {
	echo "register $(grep -c '^- id:' people/participants.yaml)," \
		"course $(grep -c '^- person:' courses/c/enrolments.yaml)"
}

fresh_copy() {
	cd "$SCRATCH" && rm -rf run && cp -R "$1" run && cd run || exit 1
}

# crash_every NAME TREE ARG...: runs lms ARG... on a copy of TREE, killed
# after each of its calls that change a file in turn (and once before the
# first: after call N the files are as they are before call N+1), then
# runs the next command: lms check, which reads, for even N, a writer for
# odd N.  The tree must then be as before or as after, byte for byte but
# for random ids, and after_kill (if set) must hold.  lms check passes on
# the tree before and after, and so on every tree that is one of them;
# it runs after each even N, when it is what finishes the change.
crash_every() {
	name=$1 tree=$2
	shift 2
	fresh_copy "$tree"
	"$LMS" check >/dev/null 2>&1
	checked=$?
	old=$(state)
	rm -f "$SCRATCH/calls"
	CRASH_LOG="$SCRATCH/calls" "$LMS" "$@" >/dev/null 2>&1
	calls=$(wc -l <"$SCRATCH/calls")
	new=$(state)
	"$LMS" check >/dev/null 2>&1
	checked=$((checked + $?))
	[ "$old" != "$new" ] && [ $checked -eq 0 ]
	report $? "$name: the command changes the tree ($calls calls), which passes lms check before and after"
	bad=0 olds=0 news=0 n=0
	# The processes that are killed never reach their leak check, and
	# the others are checked for leaks by the other tests.
	ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
	while [ $n -le "$calls" ]; do
		fresh_copy "$tree"
		if [ $n -eq 0 ]; then
			CRASH_AT=1 CRASH_WHEN=before "$LMS" "$@" \
				>/dev/null 2>&1
		else
			CRASH_AT=$n "$LMS" "$@" >/dev/null 2>&1
		fi
		rc=$?
		[ $rc -eq 137 ] || { bad=$((bad + 1)); echo "# call $n: exit $rc"; }
		if [ $((n % 2)) -eq 0 ]; then
			"$LMS" check >/dev/null 2>"$SCRATCH/check.err" ||
				{ bad=$((bad + 1)); sed 's/^/# /' "$SCRATCH/check.err"; }
		else	# refused, but only after it has taken the lock
			"$LMS" enrol c p-nobody >/dev/null 2>&1
		fi
		now=$(state)
		if [ "$now" = "$old" ]; then
			olds=$((olds + 1))
		elif [ "$now" = "$new" ]; then
			news=$((news + 1))
		else
			bad=$((bad + 1))
			echo "# killed after call $n: neither old nor new:"
			printf '%s\n' "$old" >"$SCRATCH/old"
			printf '%s\n' "$now" | diff "$SCRATCH/old" - | sed 's/^/#   /'
		fi
		if [ -n "${after_kill:-}" ] && ! $after_kill; then
			bad=$((bad + 1))
			echo "# killed after call $n: $after_kill failed"
		fi
		n=$((n + 1))
	done
	ASAN_OPTIONS=${ASAN_OPTIONS%:detect_leaks=0}
	[ $bad -eq 0 ] && [ $olds -gt 0 ] && [ $news -gt 0 ]
	report $? "$name: killed at each call, the tree is old ($olds) or new ($news)"
}

# The sheet again after the kill: it adds those it had not, and nobody
# twice.
sheet_again() {
	"$LMS" enrol c --csv "$SCRATCH/sheet.csv" >/dev/null 2>&1
	[ "$(counts)" = "register 3, course 3" ]
}

after_kill=sheet_again
crash_every "enrol --csv" "$SCRATCH/base" enrol c --csv "$SCRATCH/sheet.csv"
after_kill=
crash_every "withdraw" "$SCRATCH/enrolled" withdraw c "$first"
crash_every "course set capacity=" "$SCRATCH/enrolled" course set c capacity=3
LMS_TODAY=2027-02-01 crash_every "course close" "$SCRATCH/held" course close c
# After the close, attendance judges completion again: two files.
LMS_TODAY=2027-02-01 crash_every "attend after the close" "$SCRATCH/closed" \
	attend c 1 --absent "$first"

# The next command says that it finished a change; the journal holds
# paths in the tree, so that it does not matter where lms runs from.
# Killed after the first file's rename, the second's still to come:
fresh_copy "$SCRATCH/base"
rm -f "$SCRATCH/calls"
CRASH_LOG="$SCRATCH/calls" "$LMS" enrol c --csv "$SCRATCH/sheet.csv" >/dev/null
at=$(awk '($2 == "rename" || $2 == "renameat") && ++n == 2 { print $1 }' "$SCRATCH/calls")
fresh_copy "$SCRATCH/base"
cd "$SCRATCH"
CRASH_AT=$at "$LMS" -C run enrol c --csv "$SCRATCH/sheet.csv" >/dev/null 2>&1
cd run/courses
lms course list --format csv
is_rc 0 "a reader finishes a change left half made"
is_err "and says so" <<'OUT'
lms: finished a change that an interrupted lms had begun
OUT
cd ..
counts >"$SCRATCH/counts"
is_file "all of it" "$SCRATCH/counts" <<'OUT'
register 3, course 3
OUT
[ ! -e .lms/journal ]
report $? "and the journal is gone"

# So does report --tree, for each of its trees, naming it.
fresh_copy "$SCRATCH/base"
cd "$SCRATCH"
CRASH_AT=$at "$LMS" -C run enrol c --csv "$SCRATCH/sheet.csv" >/dev/null 2>&1
lms report --tree run --format csv
is_rc 0 "report --tree finishes a change left half made"
is_err "and says so, naming the tree" <<'OUT'
lms: finished a change that an interrupted lms had begun in 'run'
OUT
cd run
[ ! -e .lms/journal ]
report $? "and the journal is gone"

# A journal that lms did not write stops every command; nothing is renamed.
fresh_copy "$SCRATCH/base"
printf 'lms journal 1\npeople/x\t../../etc/passwd\nend\n' >.lms/journal
remember
lms enrol c --csv "$SCRATCH/sheet.csv"
is_rc 65 "a journal lms did not write stops a writer"
is_err "which names it" <<'OUT'
.lms/journal:2: error: not a journal that lms wrote; lms will not change the tree until it is repaired or removed
OUT
unchanged "and nothing changed"
lms course list
is_rc 65 "and a reader"
printf 'lms journal 1\npeople/.participants.yaml.AbC123\tpeople/participants.yaml\n' \
	>.lms/journal
lms course list
is_rc 65 "a journal without its end is not one lms wrote"
is_err "either" <<'OUT'
.lms/journal:3: error: not a journal that lms wrote; lms will not change the tree until it is repaired or removed
OUT

# A journal that is a link, even one to nowhere, is no journal lms wrote:
# readers and writers are stopped at once, not left to wait for ever.
rm .lms/journal
ln -s /nonexistent/journal .lms/journal
timeout 10 "$LMS" course list >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
rc=$?
is_rc 65 "a journal that is a dangling link stops a reader"
is_err "which names it" <<'OUT'
.lms/journal: error: not a journal that lms wrote; lms will not change the tree until it is repaired or removed
OUT
timeout 10 "$LMS" enrol c --csv "$SCRATCH/sheet.csv" >"$SCRATCH/stdout" \
	2>"$SCRATCH/stderr"
rc=$?
is_rc 65 "and a writer"
rm .lms/journal
printf 'lms journal 1\nend\n' >"$SCRATCH/journal"
ln -s "$SCRATCH/journal" .lms/journal
timeout 10 "$LMS" course list >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
rc=$?
is_rc 65 "a link to a journal is not read through either"
rm .lms/journal
unchanged "and nothing changed"

done_testing
