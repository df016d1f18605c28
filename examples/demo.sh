#!/bin/sh
# A short tour of the example trees, for a coordinator.  `make demo` runs
#     LMS=/abs/path/to/lms sh examples/demo.sh
# from the repository root.  It reads examples/ and writes one file there,
# the term's report as a web page (examples/report-autumn-2026.html).  Each
# section is one function; add a function and call it at the end to extend
# the tour.
set -e

EX=$(dirname "$0")
LMS=${LMS:-$EX/../lms}
TERM_FROM=2026-07-01
TERM_TO=2026-12-31

heading() {
	printf '\n== %s ==\n' "$*"
}

# run TREE ARG...: runs lms on examples/TREE and shows the command as a
# coordinator would type it.
run() {
	tree=$1
	shift
	printf '$ lms -C examples/%s %s\n' "$tree" "$*"
	"$LMS" -C "$EX/$tree" "$@"
}

# service TREE: who runs the tree (no lms command prints lms.yaml yet).
service() {
	heading "$1: the service"
	grep -E '^(name|municipality|partners):' "$EX/$1/lms.yaml"
}

# term TREE: the courses of the autumn term.
term() {
	heading "$1: courses in the autumn term 2026"
	run "$1" course list --from "$TERM_FROM" --to "$TERM_TO"
}

# plan TREE COURSE [LINES]: a course's plan with its sessions, cut after
# LINES lines if given.
plan() {
	heading "$1: the plan of $2"
	out=$(run "$1" course show "$2")
	if [ -n "$3" ]; then
		total=$(printf '%s\n' "$out" | wc -l)
		printf '%s\n' "$out" | head -n "$3"
		if [ "$total" -gt "$3" ]; then
			printf '   ... %d more lines\n' $((total - $3))
		fi
	else
		printf '%s\n' "$out"
	fi
}

# enrolment: a sign-up sheet for a new course, in a scratch copy of the
# tree, with fictional people: places, the waiting list, and who moves up.
enrolment() {
	heading "narvik: enrolment day for a spring course (in a scratch copy)"
	scratch=$(mktemp -d)
	cp -R "$EX/narvik" "$scratch/narvik"
	rm -f "$scratch/narvik/people/participants.yaml"
	awk 'BEGIN {
		print "Navn;Telefon;Kommune;Henvisning"
		for (i = 1; i <= 14; i++)
			printf "Deltaker %02d;900 10 %03d;%s;%s\n", i, i,
				i % 5 ? "1806" : "1853", i % 3 ? "selv" : "fastlege"
	}' >"$scratch/sheet.csv"
	s() {
		printf '$ lms'
		for a in "$@"; do
			case "$a" in
			*" "*) printf " '%s'" "$a" ;;
			*) printf ' %s' "$a" ;;
			esac
		done
		printf '\n'
		LMS_TODAY=2026-12-01 "$LMS" -C "$scratch/narvik" "$@"
	}
	s course new 2027-01-mestringstreff --title "Mestringstreff våren 2027" \
		--template mestringstreff --start 2027-01-12 --time 18:00
	s enrol 2027-01-mestringstreff --csv "$scratch/sheet.csv" | tail -n 4
	first=$("$LMS" -C "$scratch/narvik" roster 2027-01-mestringstreff \
		--format tsv | awk -F'\t' 'NR == 2 { print $1 }')
	s withdraw 2027-01-mestringstreff "$first"
	s roster 2027-01-mestringstreff |
		awk 'NR == 1 { print; next } { print substr($0, 1, 72) }'
	rm -rf "$scratch"
}

# evaluation TREE COURSE: the before/after change and the session
# feedback of a course's evaluation report.
evaluation() {
	heading "$1: the evaluation of $2"
	printf '$ lms -C examples/%s report course %s\n' "$1" "$2"
	"$LMS" -C "$EX/$1" report course "$2" | awk '
		/^Before and after/ || /^Session by session/ || /^What people/ { show = 1 }
		/^(The course|Enrolment|Attendance by session)$/ { show = 0 }
		/^ITEM/ { items = 1 } /^$/ { items = 0 }
		show && !items && !/^The score is/'
}

# term_report: the autumn term of both services by municipality, as a
# table and as the web page a steering group would open.
term_report() {
	heading "both services: the report of the autumn term 2026"
	set -- --tree examples/narvik --tree examples/fredrikstad \
		--from "$TERM_FROM" --to "$TERM_TO" --by municipality
	# The examples come without their keys of shared reports, as a
	# clone does: --new-key makes each tree's the first time.
	printf '$ lms report %s --new-key\n' "$*"
	(cd "$EX/.." && "$LMS" report "$@" --new-key)
	printf '$ lms report %s --format html >examples/%s\n' "$*" "$HTML"
	(cd "$EX/.." && "$LMS" report "$@" --format html >"examples/$HTML")
	printf 'Wrote examples/%s: open it in a browser, or print it.\n' "$HTML"
}

# checking: lms check on both examples, which are clean, then on a copy
# of Narvik with the kind of mistakes that hands make.  The examples are
# kept as of 2026-11-25, so the check looks at them on that day.
checking() {
	heading "both services: lms check, as of 2026-11-25"
	for tree in narvik fredrikstad; do
		printf '$ lms -C examples/%s check\n' "$tree"
		LMS_TODAY=2026-11-25 "$LMS" -C "$EX/$tree" check
		printf '(nothing found: exit %d)\n' $?
	done
	heading "narvik: lms check on a copy with mistakes in it"
	scratch=$(mktemp -d)
	cp -R "$EX/narvik" "$scratch/narvik"
	course=$scratch/narvik/courses/2026-10-kom-i-form/course.yaml
	# A typo, a session moved onto another course's day, one that ends
	# before it starts, and a phone number in a comment.
	sed -i -e 's/^capacity:/capasity:/' \
		-e 's/^  - date: 2026-10-08$/  - date: 2026-09-08/' \
		-e '0,/^    end: "13:30"$/s//    end: "11:30"/' "$course"
	printf '# Ring Kari på 912 34 567 om lokalet.\n' >>"$course"
	printf '$ lms check\n'
	(cd "$scratch/narvik" && LMS_TODAY=2026-11-25 "$LMS" check) || true
	rm -rf "$scratch"
}

HTML=report-autumn-2026.html

service narvik
term narvik
plan narvik 2026-09-matlaging
evaluation narvik 2026-09-matlaging
enrolment

service fredrikstad
term fredrikstad
plan fredrikstad 2026-08-fra-ettervern 30

checking

term_report
