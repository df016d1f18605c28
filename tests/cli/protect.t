#!/bin/sh
# Shared reports protect small numbers: a reader who subtracts reports of
# many windows, groupings and sets of trees learns no count of 1 to 4
# people; the host's own figures stay readable; the same people give the
# same figures run after run; --exact is exact and says it is internal.
. "$(dirname "$0")/lib.sh"

HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-python3}
export LMS_TODAY=2026-12-01
cd "$SCRATCH" || exit 1

# column NAME ROW: the cell of column NAME in the row ROW of the CSV $out.
column() {
	printf '%s\n' "$out" | grep -v '^#' | awk -F, -v c="$1" -v r="$2" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) n = i; next }
		$1 == r { print $n }'
}

# is_one_of DESCRIPTION VALUE ALLOWED...: VALUE is one of ALLOWED.
is_one_of() {
	d=$1 v=$2
	shift 2
	for a; do
		if [ "$v" = "$a" ]; then
			report 0 "$d"
			return
		fi
	done
	report 1 "$d"
	echo "# got '$v', not one of: $*"
}

# The differencing reader, played by a script that knows every person of
# the trees it builds; see protect_attack.py.
"$PY" "$HERE/protect_attack.py" "$SCRATCH" >"$SCRATCH/attack" 2>&1
grep -q '^ok - \|^not ok - ' "$SCRATCH/attack"
report $? "the attack script ran"
while IFS= read -r line; do
	case $line in
	"ok - "*) report 0 "${line#ok - }" ;;
	"not ok - "*) report 1 "${line#not ok - }" ;;
	"#"*) printf '%s\n' "$line" ;;
	*) printf '# %s\n' "$line" ;;
	esac
done <"$SCRATCH/attack"

# A rate on 8 people: 7 completed, 1 did not.  7/8 = 88 % would tell that
# exactly one did not complete, and 21 of 24 marks present that one
# person missed them all.
"$LMS" init b4 --name "Test B4" --municipality 1806 >/dev/null
cd b4 || exit 1
"$LMS" course new c --title "Kurs c" --start 2026-09-07 --days mon \
	--count 3 --time 10:00-11:00 >/dev/null
"$LMS" course set c status=open >/dev/null
printf 'navn\n' >../b4.csv
for i in 1 2 3 4 5 6 7 8; do echo "B4 P $i" >>../b4.csv; done
"$LMS" enrol c --csv ../b4.csv --date 2026-08-01 >/dev/null
x=$("$LMS" roster c --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
for s in 1 2 3; do "$LMS" attend c $s --all --absent "$x" >/dev/null; done
"$LMS" course close c >/dev/null
lms report --by course --format csv
is_rc 0 "a shared report of 8 people, 1 of them not completed"
is_one_of "its participants are exact" "$(column participants c)" 8
is_one_of "its completion does not tell that one did not complete" \
	"$(column completion_pct c)" 100 38 37
is_one_of "nor its attendance that one missed every session" \
	"$(column attendance_pct c)" 100 79
is_one_of "nor its attendances (21)" "$(column attendances c)" 24 19
is_one_of "and the total row says the same" \
	"$(column completion_pct total)" "$(column completion_pct c)"
lms report --by course --format csv --exact
is_rc 0 "the same, exact"
is_one_of "--exact: the completion is 7 of 8" "$(column completion_pct c)" 88
is_one_of "--exact: the attendance 21 of 24" "$(column attendance_pct c)" 88
is_one_of "--exact: the attendances 21" "$(column attendances c)" 21
cd "$SCRATCH" || exit 1

# Bodø with 18 participants and 11 relatives of its own, and 2 relatives
# from Saltdal: 30 places, so the second of them waits.
"$LMS" init bodo --name "Test Bodø" --municipality 1804 >/dev/null
sed -i 's/^partners: \[\]$/partners: ["1840"]/' bodo/lms.yaml
cd bodo || exit 1
"$LMS" course new kurs --title "Kurs" --start 2026-09-07 --days mon \
	--count 3 --time 10:00-11:00 --capacity 30 >/dev/null
"$LMS" course set kurs status=open >/dev/null
printf 'navn;kommune;rolle\n' >../bodo.csv
for i in $(seq 1 18); do echo "Bodø P $i;1804;deltaker" >>../bodo.csv; done
for i in $(seq 1 11); do echo "Bodø R $i;1804;pårørende" >>../bodo.csv; done
for i in 1 2; do echo "Saltdal R $i;1840;pårørende" >>../bodo.csv; done
"$LMS" enrol kurs --csv ../bodo.csv --date 2026-08-01 >/dev/null
lms report --by municipality --format csv
is_rc 0 "Bodø and Saltdal by municipality"
is_one_of "Bodø's participants are shown, exactly" \
	"$(column participants 1804)" 18
is_one_of "Bodø's relatives too" "$(column relatives 1804)" 11
is_one_of "and its places" "$(column enrolments 1804)" 29
is_one_of "and its waiting list" "$(column waitlisted 1804)" 0
# A home whose pieces are all drawn to 0 has no row: "" is 0 here.
is_one_of "Saltdal's 1 relative with a place is 0 or 5" \
	"$(column relatives 1840)" "" 0 5
is_one_of "Saltdal's 1 on the waiting list is 0 or 5" \
	"$(column waitlisted 1840)" "" 0 5
is_one_of "the total's participants are Bodø's" \
	"$(column participants total)" 18
is_one_of "the total's relatives Bodø's and Saltdal's" \
	"$(column relatives total)" 11 16
! printf '%s\n' "$out" | grep -q '<5\|,x,\|,x$'
report $? "nothing is hidden"
lms report --by municipality
is_rc 0 "the same as text"
! printf '%s\n' "$out" | grep -q '<5\|[[:space:]]x[[:space:]]\|[[:space:]]x$'
report $? "nothing is hidden there either"
# For people, a home is named: "1804 Bodø".
row=$(printf '%s\n' "$out" | awk '$1 == "1804" && $2 == "Bodø" { print $5, $6, $7 }')
is_one_of "and Bodø's figures carry no mark" "$row" "18 11 29"
lms report --format csv
is_one_of "by course, the total's participants are 18" \
	"$(column participants total)" 18
cd "$SCRATCH" || exit 1

# The same report, run after run, and from a copy of the tree.
cd p || exit 1
lms report --by municipality --format csv
cp "$SCRATCH/stdout" "$SCRATCH/first"
lms report --by municipality --format csv
cmp -s "$SCRATCH/first" "$SCRATCH/stdout"
report $? "the same report twice: the same bytes"
cd "$SCRATCH" || exit 1
cp -R p copy
cd copy || exit 1
lms report --by municipality --format csv
cmp -s "$SCRATCH/first" "$SCRATCH/stdout"
report $? "from a copy of the tree, with its key: the same bytes"
is_err "and nothing on standard error" </dev/null

key=people/report-key
grep -qx 'people/report-key' .gitignore
report $? ".gitignore keeps $key out of git"
# A copy without the key (a clone: the key stays out of git) makes no
# key of its own, whose draws would differ; --new-key does, once.
rm -f "$key"
lms report --by municipality --format csv
is_rc 66 "a tree without a key makes no shared report"
like "and says how to make the key" "lms report --new-key" "$err"
[ ! -e "$key" ]
report $? "and makes none"
lms report --new-key --by municipality --format csv
is_rc 0 "--new-key makes one"
like "and says so" "report-key" "$err"
grep -Eqx '[0-9a-f]{64}' "$key" 2>/dev/null && [ "$(wc -c <"$key")" -eq 65 ]
report $? "the key is 64 hex digits and a newline"
is_one_of "readable by its owner alone" "$(stat -c %a "$key" 2>/dev/null)" 600
[ -s "$key" ] && ! cmp -s "$SCRATCH/p/$key" "$key"
report $? "and a new one, not the old"
cd "$SCRATCH" || exit 1

# Many reports at once in a tree without a key: one key, the same figures.
cp -R p race
rm -f race/people/report-key
for i in 1 2 3 4; do
	"$LMS" -C race report --new-key --by municipality --format csv \
		>"$SCRATCH/race.$i" 2>/dev/null &
done
wait
ok=0
for i in 2 3 4; do cmp -s "$SCRATCH/race.1" "$SCRATCH/race.$i" || ok=1; done
[ -s "$SCRATCH/race.1" ] && [ $ok -eq 0 ]
report $? "four first reports at once make one key and the same figures"
grep -Eqx '[0-9a-f]{64}' race/people/report-key 2>/dev/null
report $? "and the key is whole"

if command -v git >/dev/null 2>&1; then
	cd p || exit 1
	git init -q . && git add -A &&
		git -c user.name=Test -c user.email=test@example.invalid \
			commit -q -m "the tree"
	report $? "the tree goes to git"
	! git ls-files | grep -q 'report-key\|participants\.yaml'
	report $? "without the key or the register"
	[ -s people/report-key ] && ! git grep -q "$(cat people/report-key)"
	report $? "and no file in git holds the key"
	cd "$SCRATCH" || exit 1
else
	for d in "the tree goes to git" "without the key" "no file holds it"; do
		tests=$((tests + 1))
		echo "ok $tests # SKIP git is not installed: $d"
	done
fi

# --exact, for the service's own use, says so in every format.
cd p || exit 1
lms report --exact
like "--exact as text: headed as internal" \
	"Internal: exact figures, not for sharing" "$out"
lms report --exact --format md
like "as Markdown too" "Internal: exact figures, not for sharing" "$out"
lms report --exact --format html
like "and HTML" "Internal: exact figures, not for sharing" "$out"
lms report --exact --format tsv
is_one_of "TSV starts with the internal line" "$(printf '%s\n' "$out" |
	head -n 1)" "# internal: exact figures, not for sharing"
lms report --exact --format yaml
like "YAML has it at its head, as a comment or a notice" \
	"^\(# \|notice: \).*exact figures, not for sharing" \
	"$(printf '%s\n' "$out" | head -n 3)"
lms report
! printf '%s\n' "$out" | grep -qi 'exact figures, not for sharing'
report $? "a shared report is not headed internal"
cd "$SCRATCH" || exit 1

done_testing
