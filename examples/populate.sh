#!/bin/sh
# How the example trees' records were made: enrolments and attendance,
# written by lms itself as a coordinator would have over the autumn.  It
# works in a scratch copy with a register of numbered, fictional people,
# and copies back only the course files, which name people by id; the
# register (names) is thrown away.  Person ids are random, so running it
# again gives new ids.
#
#     LMS=$PWD/lms sh examples/populate.sh
set -eu

EX=$(cd "$(dirname "$0")" && pwd)
LMS=${LMS:-$EX/../lms}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

lms() {
	"$LMS" -C "$WORK/$TREE" "$@"
}

# A sign-up sheet of n fictional people: "Deltaker <prefix>01" ...
sheet() {
	awk -v n="$1" -v prefix="$2" -v muni="$3" 'BEGIN {
		srand(n * 7 + length(prefix));
		print "navn;telefon;kommune;henvisning"
		split(muni, m, ",")
		for (i = 1; i <= n; i++) {
			r = rand()
			printf "Deltaker %s%02d;9%03d%04d;%s;%s\n", prefix, i,
				index("MKTGFV", substr(prefix, 1, 1)) * 7 + length(prefix),
				i, m[1 + int(rand() * length(m))],
				r < 0.5 ? "selv" : r < 0.8 ? "fastlege" : "spesialist"
		}
	}' >"$WORK/sheet.csv"
}

# Marks attendance at session k with a steady, seeded pattern: most come,
# a few are absent or excused, and dropouts stop coming after a while.
attend() {
	course=$1 k=$2 seed=$3
	ids=$(lms roster "$course" --format tsv | awk -F'\t' \
		'NR > 1 && $6 == "enrolled" { print $1 }')
	absent= excused=
	set -- $ids
	i=0
	for id in "$@"; do
		i=$((i + 1))
		r=$(awk -v s="$seed" -v i="$i" -v k="$k" \
			'BEGIN { srand(s * 1000 + i * 37 + k); print int(rand() * 100) }')
		if [ "$i" -eq 3 ] && [ "$k" -gt 3 ]; then
			absent="$absent,$id"	# drops out after three sessions
		elif [ "$r" -lt 9 ]; then
			absent="$absent,$id"
		elif [ "$r" -lt 15 ]; then
			excused="$excused,$id"
		fi
	done
	set -- --all
	[ -n "$absent" ] && set -- "$@" --absent "${absent#,}"
	[ -n "$excused" ] && set -- "$@" --excused "${excused#,}"
	lms attend "$course" "$k" "$@" >/dev/null
}

# Attendance for every session of a course held by the given day.
attend_until() {
	course=$1 day=$2 seed=$3
	n=$(lms course show "$course" | awk -v d="$day" \
		'$2 ~ /^20[0-9][0-9]-/ && $2 <= d { n++ } END { print n + 0 }')
	k=1
	while [ "$k" -le "$n" ]; do
		attend "$course" "$k" "$seed"
		k=$((k + 1))
	done
}

# Self-efficacy before and after, and course feedback after some
# sessions, from everyone on the course (seeded, so the figures are the
# same each time).  Most people gain a little; a few stay where they were.
evaluate_course() {
	course=$1 pre_day=$2 post_day=$3 seed=$4
	ids=$(lms roster "$course" --format tsv | awk -F'\t' \
		'NR > 1 && $6 !~ /^waitlisted/ { print $1 }')
	i=0
	for id in $ids; do
		i=$((i + 1))
		set -- $(awk -v s="$seed" -v i="$i" 'BEGIN {
			srand(s * 100 + i)
			base = 1.6 + rand() * 1.2
			gain = rand() < 0.2 ? 0 : 0.3 + rand() * 0.9
			for (k = 1; k <= 8; k++) {
				b = int(base + rand() * 1.2); a = int(base + gain + rand() * 1.2)
				b = b < 1 ? 1 : b > 4 ? 4 : b; a = a < 1 ? 1 : a > 4 ? 4 : a
				# oppgitt (item 7) is asked the other way round
				if (k == 7) { b = 5 - b; a = 5 - a }
				printf "%d %d ", b, a
			}
		}')
		LMS_TODAY=$pre_day lms evaluate "$course" --form mestringstro \
			--phase pre --person "$id" hverdagen=$1 hjelp=$3 mal=$5 \
			tilbakeslag=$7 ressurser=$9 si-fra=${11} oppgitt=${13} \
			pavirke=${15} >/dev/null
		# A running course has no answers after yet; one in eight did
		# not hand in the form at the end.
		[ -n "$post_day" ] || continue
		[ $((i % 8)) -eq 0 ] && continue
		LMS_TODAY=$post_day lms evaluate "$course" --form mestringstro \
			--phase post --person "$id" hverdagen=$2 hjelp=$4 mal=$6 \
			tilbakeslag=$8 ressurser=${10} si-fra=${12} oppgitt=${14} \
			pavirke=${16} >/dev/null
	done
}

# Anonymous course feedback after session k from n people.
feedback() {
	course=$1 k=$2 n=$3 comment=$4
	j=1
	while [ "$j" -le "$n" ]; do
		set -- $(awk -v k="$k" -v j="$j" 'BEGIN { srand(k * 31 + j)
			for (i = 0; i < 6; i++) printf "%d ", 3 + int(rand() * 2.6) }')
		if [ "$j" -eq 1 ] && [ -n "$comment" ]; then
			lms evaluate "$course" --form kursevaluering --phase session \
				--session "$k" nytte=$1 teori-praksis=$2 erfaringer=$3 \
				trygghet=$4 formidling=$5 lokaler=$6 \
				kommentar="$comment" >/dev/null
		else
			lms evaluate "$course" --form kursevaluering --phase session \
				--session "$k" nytte=$1 teori-praksis=$2 erfaringer=$3 \
				trygghet=$4 formidling=$5 lokaler=$6 >/dev/null
		fi
		j=$((j + 1))
	done
}

enrol_sheet() {
	course=$1 n=$2 prefix=$3 muni=$4 date=$5
	sheet "$n" "$prefix" "$muni"
	LMS_TODAY=$date lms enrol "$course" --csv "$WORK/sheet.csv" >/dev/null
}

narvik() {
	TREE=narvik
	cp -R "$EX/narvik" "$WORK/narvik"
	rm -f "$WORK"/narvik/courses/*/enrolments.yaml \
	      "$WORK"/narvik/courses/*/attendance.yaml \
	      "$WORK"/narvik/courses/*/evaluations.yaml
	: >"$WORK/narvik/people/participants.yaml"
	chmod 600 "$WORK/narvik/people/participants.yaml"

	# Matlaging: twelve asked for ten places; one withdrew and the first
	# on the waiting list took the place.
	lms course set 2026-09-matlaging status=open >/dev/null
	enrol_sheet 2026-09-matlaging 12 M 1806,1806,1806,1853 2026-08-24
	first=$(lms roster 2026-09-matlaging --format tsv | awk -F'\t' 'NR == 3 { print $1 }')
	LMS_TODAY=2026-09-01 lms withdraw 2026-09-matlaging "$first" >/dev/null
	attend_until 2026-09-matlaging 2026-09-30 1
	evaluate_course 2026-09-matlaging 2026-09-08 2026-09-17 1
	feedback 2026-09-matlaging 1 8 "Mer praksis og mindre teori, takk"
	feedback 2026-09-matlaging 2 9 "Godt å lage mat sammen med andre"
	feedback 2026-09-matlaging 3 8 ""
	feedback 2026-09-matlaging 4 9 "Savner oppskriftene på papir"
	follow=$(lms roster 2026-09-matlaging --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
	LMS_TODAY=2026-09-24 lms course close 2026-09-matlaging \
		--follow-up "$follow=self-help-group" >/dev/null 2>&1

	enrol_sheet 2026-10-kom-i-form 11 K 1806,1806,1851 2026-09-25
	attend_until 2026-10-kom-i-form 2026-11-25 2
	enrol_sheet 2026-10-mestringstreff 15 T 1806,1806,1853,1851 2026-10-05
	attend_until 2026-10-mestringstreff 2026-11-25 3
	evaluate_course 2026-10-mestringstreff 2026-10-20 "" 3
	enrol_sheet 2026-12-gruppeledelse 9 G 1806 2026-11-10

	# Relatives of people with dementia: the people they support are in
	# the register, not on the course.
	for i in 1 2 3 4 5 6 7 8 9; do
		supported=$(LMS_TODAY=2026-10-01 lms person add --name "Hjemmeboende $i" --municipality 1806)
		sheet 1 "P$i" 1806
		LMS_TODAY=2026-10-01 lms person add --name "Deltaker P$i" \
			--municipality 1806 >"$WORK/id"
		LMS_TODAY=2026-10-01 lms enrol 2026-10-parorendeskole-demens \
			"$(cat "$WORK/id")" --role relative --relative-of "$supported" \
			--referral specialist >/dev/null
	done
	attend_until 2026-10-parorendeskole-demens 2026-11-25 4

	# The drop-in group after cancer treatment counts heads.
	n=$(lms course show 2026-08-trening-etter-kreft | awk \
		'$2 ~ /^20[0-9][0-9]-/ && $2 <= "2026-11-25" { n++ } END { print n }')
	k=1
	while [ "$k" -le "$n" ]; do
		lms attend 2026-08-trening-etter-kreft "$k" --headcount \
			"participants=$((5 + k % 4)),relatives=$((k % 3))" >/dev/null
		k=$((k + 1))
	done
}

fredrikstad() {
	TREE=fredrikstad
	cp -R "$EX/fredrikstad" "$WORK/fredrikstad"
	rm -f "$WORK"/fredrikstad/courses/*/enrolments.yaml \
	      "$WORK"/fredrikstad/courses/*/attendance.yaml \
	      "$WORK"/fredrikstad/courses/*/evaluations.yaml
	: >"$WORK/fredrikstad/people/participants.yaml"
	chmod 600 "$WORK/fredrikstad/people/participants.yaml"
	enrol_sheet 2026-08-fra-ettervern 10 F 3107 2026-08-10
	attend_until 2026-08-fra-ettervern 2026-11-25 5
	evaluate_course 2026-08-fra-ettervern 2026-08-24 "" 5
	enrol_sheet 2026-09-motivasjonsgruppe 9 V 3107 2026-09-01
	attend_until 2026-09-motivasjonsgruppe 2026-11-25 6
}

copy_back() {
	for f in "$WORK/$1"/courses/*/enrolments.yaml \
		 "$WORK/$1"/courses/*/attendance.yaml \
		 "$WORK/$1"/courses/*/evaluations.yaml; do
		[ -f "$f" ] || continue
		rel=${f#"$WORK/"}
		cp "$f" "$EX/$rel"
	done
	cp "$WORK/$1/courses/2026-09-matlaging/course.yaml" \
	   "$EX/$1/courses/2026-09-matlaging/course.yaml" 2>/dev/null || true
}

narvik
fredrikstad
copy_back narvik
copy_back fredrikstad
