#!/bin/sh
# User participation in Norwegian: a role on a course, the meetings of a
# course and the findings of phases declared and not carried out, for
# people in their language; the meetings for scripts the same byte for
# byte in every language.
. "$(dirname "$0")/lib.sh"

# lib.sh asks for English through LC_MESSAGES; here each run says.
unset LC_MESSAGES
export LANG=C

same_out() {
	"$LMS" "$@" >"$SCRATCH/c.out" 2>/dev/null
	c=$?
	LANG=nb_NO.UTF-8 "$LMS" "$@" >"$SCRATCH/nb.out" 2>/dev/null
	[ $? -eq $c ] && cmp -s "$SCRATCH/c.out" "$SCRATCH/nb.out"
	report $? "the same in English and Norwegian: $*"
	diff -u "$SCRATCH/c.out" "$SCRATCH/nb.out" | sed 's/^/# /'
}

use_tree basic
export LMS_TODAY=2026-09-20
"$LMS" course set matlaging status=completed >/dev/null

LANG=nb_NO.UTF-8 lms course assign matlaging fag-en --role user-representative
is_rc 0 "course assign --role"
is_out "says the role in Norwegian" <<'OUT'
fag-en: planlegging, gjennomføring, evaluering (brukerrepresentant)
OUT
LANG=nb_NO.UTF-8 lms course assign matlaging fag-en --role sjef
is_rc 2 "a role that is not one"

LANG=nb_NO.UTF-8 lms meeting add matlaging --date 20.8.2026 --kind plan \
	--with fag-en,bruker-to --hours 1,5
is_rc 0 "meeting add"
is_out "says what it recorded, the date as people write it" <<'OUT'
la til et møte for matlaging den 20.08.2026 (planlegging)
OUT
LANG=nb_NO.UTF-8 lms meeting add matlaging --date 20.8.2026 --kind plan
is_rc 2 "nobody with it"
is_err "is a usage error in Norwegian" <<'OUT'
lms: --with: oppgi id-ene til kurslederne som var med
 bruk: lms meeting add KURS --date DATO --kind K --with FID,... [--hours H] [--note TEXT]
OUT
LANG=nb_NO.UTF-8 lms meeting add matlaging --date 20.8.2026 --kind plan \
	--with fag-en --hours 0
is_err "hours out of range" <<'OUT'
lms: --hours: «0» er ikke et antall timer over 0 og høyst 24
 bruk: lms meeting add KURS --date DATO --kind K --with FID,... [--hours H] [--note TEXT]
OUT

LANG=nb_NO.UTF-8 lms meeting list matlaging
is_out "meeting list for people: Norwegian columns, dates, kinds, decimal comma" <<'OUT'
DATO        TYPE         TIMER  MED               MERKNAD
20.08.2026  planlegging  1,5    fag-en,bruker-to
OUT
for f in csv tsv yaml; do
	same_out meeting list matlaging --format $f
done

LANG=nb_NO.UTF-8 lms check --rule participation
is_rc 0 "the findings are warnings"
is_out "in Norwegian, one for each phase that did not happen" <<'OUT'
courses/matlaging/course.yaml:12:1: advarsel: ingen fagperson er med i planleggingen [participation]
courses/matlaging/course.yaml:12:1: advarsel: ingen fagperson er med i gjennomføringen [participation]
courses/matlaging/course.yaml:12:1: advarsel: ingen fagperson er med i evalueringen [participation]
courses/matlaging/course.yaml:13:3: advarsel: brukerrepresentant fag-en er ført opp for evalueringen av kurs matlaging, men var ikke med på noe evalueringsmøte: før det opp med «lms meeting add matlaging --date DATO --kind evaluate --with fag-en» [participation]
courses/matlaging/course.yaml:16:3: advarsel: brukerrepresentant bruker-to er ført opp for evalueringen av kurs matlaging, men var ikke med på noe evalueringsmøte: før det opp med «lms meeting add matlaging --date DATO --kind evaluate --with bruker-to» [participation]
OUT
same_out check --rule participation --format csv

LANG=nb_NO.UTF-8 lms report --exact
like "the report says both figures in Norwegian" \
	'^som er ført opp (lms meeting); brukerrepr. i alle faser, planlagt teller$' \
	"$out"
same_out report --exact --format csv

done_testing
