#!/bin/sh
# A whole term in Norwegian: a service set up with lms init, a course
# planned, filled, held, evaluated, closed and reported on, with every
# command of lms and some mistakes on the way, all under LANG=nb_NO.UTF-8.
# What lms prints for people holds no English word but ids, keys, option
# and file names (english_words.py says what counts as English); the
# formats for scripts are left out, as they are English on purpose.
. "$(dirname "$0")/lib.sh"

unset LC_MESSAGES
export LANG=nb_NO.UTF-8
HERE=$(cd "$(dirname "$0")" && pwd)
PO=$HERE/../../po
SAID=$SCRATCH/said
mkdir -p "$SAID"
commands_run=" "

# say NAME LMS-ARGS...: runs lms, keeping what it printed for people as
# $SAID/NAME.out and .err, and noting the command as run.
say() {
	name=$1
	shift
	"$LMS" "$@" >"$SAID/$name.out" 2>"$SAID/$name.err"
	rc=$?
	cp "$SAID/$name.err" "$SCRATCH/stderr"
	commands_run="$commands_run$(first_command "$@") "
}

# The command of lms's arguments, after -C DIR.
first_command() {
	[ "$1" = -C ] && shift 2
	echo "$1"
}

# A machine format: run for the command's sake, not read for English.
quiet() {
	"$LMS" "$@" >/dev/null 2>"$SAID/quiet-$#.err"
	rc=$?
	cat "$SAID/quiet-$#.err" >>"$SAID/quiet.err"
	commands_run="$commands_run$(first_command "$@") "
}

cd "$SCRATCH" || exit 1
export LMS_TODAY=2026-08-01
say init init tjeneste --name "Lærings- og mestringssenteret" \
	--municipality 1804
is_rc 0 "init"
cd tjeneste || exit 1

say fac1 facilitator add sykepleier-a --name "Fag Person" \
	--kind professional --profession sykepleier --topics kols
say fac2 facilitator add bruker-a --name "Bruker Representant" \
	--kind user-representative --available 01.08.2026:31.12.2026
say faclist facilitator list
say offer1 offer add selvhjelp-kols --name "Selvhjelpsgruppe kols" \
	--kind self-help-group --phone "900 00 100" --municipality 1804
say offer-bad offer add selvhjelp-kols --name "Igjen" --kind other
say offerlist offer list
say offershow offer show selvhjelp-kols
say offershow-bad offer show selvhjelp-kol
for n in 1 2 3 4 5 6; do
	say "person$n" person add --name "Deltaker Test$n" \
		--municipality Bodø --birth-year 1960 --consent 01.08.2026 \
		--email "deltaker$n@example.org" --contact reminders
done
say person-bad person add --name "Deltaker Feil" --municipality 9999
is_rc 2 "a municipality that is not one is refused"
say personlist person list
first=$(awk 'NR == 3 { print $1 }' "$SAID/personlist.out")
say personshow person show "$first"
say personset person set "$first" --contact reminders
say personset-bad person set "$first" --phone abc

say new course new kols-h26 --title "Leve med kols" --template mestringstreff \
	--start 01.10.2026 --days man,tor --count 6 --time "kl. 18.00-20.00" \
	--place "Bodø bibliotek" --capacity 4 --target-group patients \
	--facilitator sykepleier-a
is_rc 0 "course new"
say new-bad course new kols-v27 --title "Leve med kols" --start 31.02.2027
say check-plan check
is_rc 0 "check warns of no user representative in the plan yet"
grep -q '\[participation\]' "$SAID/check-plan.out"
report $? "and names the rule"
say set course set kols-h26 forms=kursevaluering,mestringstro
say assign course assign kols-h26 bruker-a --phases plan,deliver,evaluate \
	--role user-representative
say meeting meeting add kols-h26 --date 20.08.2026 --kind plan \
	--with bruker-a,sykepleier-a --hours 1,5
say meeting-bad meeting add kols-h26 --date 20.08.2026 --kind fest \
	--with bruker-a
say meeting-list meeting list kols-h26
quiet meeting list kols-h26 --format tsv
say unassign course unassign kols-h26 sykepleier-a
say assign2 course assign kols-h26 sykepleier-a
say facshow facilitator show bruker-a
say facset-bad facilitator set bruker-a telefon=900
say facset facilitator set bruker-a phone=90000000 \
	available=01.08.2026:30.06.2027
say faclist-busy facilitator list --available-on 01.10.2026 \
	--time "kl. 18.30" --topic KOLS
say set-public course set kols-h26 public=yes \
	'public_description=Et kurs for deg som lever med kols.' \
	contact=sykepleier-a signup_deadline=01.09.2026 price=0 \
	'accessibility=Trinnfri inngang.' language=nb
say catalog catalog --format text
say catalog-html catalog
mv "$SAID/catalog-html.out" "$SAID/catalog.html"
say poster catalog kols-h26 --poster
mv "$SAID/poster.out" "$SAID/poster.html"
say catalog-bad catalog --format pdf
quiet catalog --format json
say list course list
say show course show kols-h26
say show-bad course show finnes-ikke

export LMS_TODAY=2026-08-15
for p in $(awk 'NR > 2 { print $1 }' "$SAID/personlist.out"); do
	say "enrol-$p" enrol kols-h26 "$p" --date 15.08.2026
done
say withdraw withdraw kols-h26 "$first"

export LMS_TODAY=2026-10-09
say attend1 attend kols-h26 1 --all
say attend2 attend kols-h26 2 --all --absent "$first"
say attend3 attend kols-h26 3 --all
say attend-bad attend kols-h26 9 --all
say followup followup
# Reminders: the text is for people (the CSV's header is for scripts).
# (the drafts' mbox lines and headers are for e-mail programs).
say remind remind kols-h26 --format email -o "$SCRATCH/remind.mbox"
say remind-moved course set kols-h26 sessions.5.start=10:00
say remind-changed remind kols-h26 --changed 5 --format email \
	-o "$SCRATCH/changed.mbox"
sed -n '/^$/,/^From lms /p' "$SCRATCH/remind.mbox" \
	"$SCRATCH/changed.mbox" | grep -v '^From lms ' >"$SAID/remind-body.out"
say remind-bad remind kols-h26 --changed 5 --days 2
quiet remind --format csv
say roster roster kols-h26
say sheet roster kols-h26 --sheet --session 4
say sheet-html roster kols-h26 --sheet --session 4 --format html
mv "$SAID/sheet-html.out" "$SAID/sheet.html"

enrolled=$(awk 'NR > 2 { print $1 }' "$SAID/personlist.out" | sed -n 2p)
say eval-pre evaluate kols-h26 --form mestringstro --phase pre \
	--person "$enrolled" --date 01.10.2026 hverdagen=2 hjelp=2 mal=2 \
	tilbakeslag=2 ressurser=2 si-fra=2 oppgitt=2 pavirke=2
say eval-bad evaluate kols-h26 --form mestringstro --phase pre \
	--person "$enrolled" hverdagen=9
say calendar calendar kols-h26
say check check
quiet export attendance --format csv
quiet course list --format csv
quiet report --format yaml

export LMS_TODAY=2026-10-20
say attend4 attend kols-h26 4 --all
say attend5 attend kols-h26 5 --all
say attend6 attend kols-h26 6 --all
say eval-post evaluate kols-h26 --form mestringstro --phase post \
	--person "$enrolled" --date 19.10.2026 hverdagen=3 hjelp=3 mal=3 \
	tilbakeslag=3 ressurser=3 si-fra=3 oppgitt=3 pavirke=3
say eval-followup evaluate kols-h26 --form mestringstro --phase followup \
	--person "$enrolled" --date 19.01.2027 hverdagen=3 hjelp=3 mal=3 \
	tilbakeslag=3 ressurser=3 si-fra=3 oppgitt=3 pavirke=3
say eval-followup-again evaluate kols-h26 --form mestringstro \
	--phase followup --person "$enrolled" hverdagen=3
say eval-session evaluate kols-h26 --form kursevaluering --phase session \
	--session 6 nytte=5 teori-praksis=4 erfaringer=5 trygghet=5 \
	formidling=5 lokaler=3
say close-bad course close kols-h26 --follow-up "$enrolled"=selvhjelp-kol
say close course close kols-h26 --follow-up "$enrolled"=selvhjelp-kols
say contacts offer contacts kols-h26
say in-group followup record kols-h26 --in-group "$enrolled"=yes
say in-group-bad followup record kols-h26 --in-group "$enrolled"=kanskje
say report report --new-key
say report-md report --format md
say report-html report --format html
mv "$SAID/report-html.out" "$SAID/report.html"
say course-report report course kols-h26
say course-report-html report course kols-h26 --format html
mv "$SAID/course-report-html.out" "$SAID/course-report.html"
say each report --each course --out rapporter --format md
# Fees: rates, the report by facilitator, the yearly limit's warnings.
printf 'fees:\n  per_session: 250\n  per_hour: 400\n  travel: 150\n  yearly_limit: 1000\n' \
	>>lms.yaml
say fees-assign course assign kols-h26 bruker-a
say fees-report report --by facilitator --term 2026H
say fees-report-html report --by facilitator --term 2026H --format html
mv "$SAID/fees-report-html.out" "$SAID/fees-report.html"
say fees-term-bad report --by facilitator --term 2026X
quiet export fees --term 2026H
say fees-out-bad export fees -o lonn.csv
say check-after check
say followup-due followup --due
say new-next course new kols-v27 --title "Leve med kols" \
	--template mestringstreff --start 01.03.2027 --days man,tor --count 6 \
	--capacity 4 --from-waitlist kols-h26
say next enrol --next kols-h26
say next-bad enrol --next kols-v27
say set-after-bad course set kols-v27 followup_after=snart
say purge purge --dry-run
say help help
say usage enrol
say unknown kurs

# Every command's usage, as a mistake on its command line shows it.
commands=$("$LMS" help | awk '/^   [a-z]+  / { print $1 }')
for c in $commands; do
	say "usage-$c" "$c" --no-such-option
done

# --- No English -------------------------------------------------------

# The names of the commands are not words of a language.
"$PYTHON" "$HERE/english_words.py" --allow "$(echo $commands | tr ' ' ,)" \
	"$PO/lms.pot" "$PO/nb.po" \
	"$SAID"/* rapporter/* >"$SCRATCH/english" 2>&1
report $? "a term in Norwegian prints no English word"
sed 's/^/# /' "$SCRATCH/english" | head -n "${NORSK_SHOW:-60}"

# --- Every command -----------------------------------------------------

missing=
for c in $commands; do
	case $commands_run in
	*" $c "*) ;;
	*) missing="$missing $c" ;;
	esac
done
[ -z "$missing" ]
report $? "the term runs every command of lms"
[ -z "$missing" ] || echo "# not run:$missing"

echo "1..$tests"
[ "$failures" -eq 0 ]
