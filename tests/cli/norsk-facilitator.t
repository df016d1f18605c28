#!/bin/sh
# Norwegian for who is free when: facilitator list --trained and --time,
# facilitator show and set, course new's warnings and the rule
# availability of lms check; the formats for scripts the same byte for
# byte in every language.
. "$(dirname "$0")/lib.sh"

# lib.sh asks for English through LC_MESSAGES; here each run says.
unset LC_MESSAGES
export LANG=C

use_tree basic
export LMS_TODAY=2026-08-20

# same_out ARGS...: lms ARGS prints the same under C and nb_NO.
same_out() {
	"$LMS" "$@" >"$SCRATCH/c.out" 2>/dev/null
	c=$?
	LANG=nb_NO.UTF-8 "$LMS" "$@" >"$SCRATCH/nb.out" 2>/dev/null
	[ $? -eq $c ] && cmp -s "$SCRATCH/c.out" "$SCRATCH/nb.out"
	report $? "the same in English and Norwegian: $*"
	diff -u "$SCRATCH/c.out" "$SCRATCH/nb.out" | sed 's/^/# /'
}

LANG=nb_NO.UTF-8 lms facilitator list --available-on 7.9.2026 \
	--time "kl. 14.00-16.00" --trained Helsepedagogikk
is_rc 0 "facilitator list --time in Norwegian"
is_out "in Norwegian" <<'OUT'
ID         TYPE                NAVN                   YRKE  TEMAER        OPPLÆRT I        TILGJENGELIG
bruker-to  brukerrepresentant  Brukerrepresentant To        rop,kosthold  helsepedagogikk  01.08.2026–31.12.2026
OUT
for f in csv tsv yaml; do
	same_out facilitator list --available-on 2026-09-07 --time 14:00 \
		--format $f
done
LANG=nb_NO.UTF-8 lms facilitator list --time 18.00
is_rc 2 "--time without a day"
like "says so in Norwegian" \
	"^lms: --time: oppgi dagen også (--available-on DATO)$" "$err"

LANG=nb_NO.UTF-8 lms course new natt --title Natt --start 7.9.2026 \
	--days man,tor --count 2 --time 13.00-15.00 --facilitator fag-en \
	--facilitator fag-tre:deliver
is_rc 0 "course new with facilitators away and booked"
is_err "warns in Norwegian" <<'OUT'
lms: advarsel: fag-tre er ikke tilgjengelig den 07.09.2026 og 1 samlingsdag til (se people/facilitators.yaml)
lms: advarsel: fag-en leder samtidig en samling på kurset matlaging den 07.09.2026 kl. 11.00–14.00
lms: advarsel: fag-en leder samtidig en samling på kurset matlaging den 10.09.2026 kl. 11.00–14.00
OUT

LANG=nb_NO.UTF-8 lms check --rule availability natt
is_rc 0 "check availability in Norwegian"
is_out "its findings in Norwegian" <<'OUT'
courses/natt/course.yaml:10:5: advarsel: kurslederen «fag-tre» leder samlingen den 07.09.2026, men er ikke tilgjengelig da (people/facilitators.yaml:12) [availability]
courses/natt/course.yaml:13:5: advarsel: kurslederen «fag-tre» leder samlingen den 10.09.2026, men er ikke tilgjengelig da (people/facilitators.yaml:12) [availability]
OUT
for f in csv yaml; do
	same_out check --rule availability --format $f
done

LANG=nb_NO.UTF-8 LMS_TODAY=2026-09-12 lms facilitator show fag-tre
is_rc 0 "facilitator show in Norwegian"
is_out "labels, kinds, statuses, phases and dates" <<'OUT'
kursleder     fag-tre
navn          Fagperson Tre
type          fagperson
tilgjengelig  nei

KURS  TITTEL  STATUS    ROLLE      FASER
natt  Natt    planlagt  fagperson  gjennomføring

DATO        TID              KURS  TEMA
10.09.2026  kl. 13.00–15.00  natt
07.09.2026  kl. 13.00–15.00  natt
OUT

LANG=nb_NO.UTF-8 lms facilitator set fag-tre available=1.9.2026:31.12.2026
is_rc 0 "facilitator set in Norwegian"
is_out "keys and values as the file has them" <<'OUT'
available: false -> [2026-09-01, 2026-12-31]
OUT
LANG=nb_NO.UTF-8 lms facilitator set fag-tre farge=rød
is_rc 2 "an unknown key"
like "is refused in Norwegian" \
	"^lms: «farge» er ikke en nøkkel for en kursleder (nøklene: name, kind, profession, organisation, topics, trained, available, email, phone, fee, travel)$" \
	"$err"
LANG=nb_NO.UTF-8 lms facilitator set fag-tre kind=
like "a required key" "^lms: kind: alle kursledere har denne; den kan ikke fjernes$" \
	"$err"
LANG=nb_NO.UTF-8 lms facilitator show ingen
is_rc 66 "no such facilitator"
is_err "says so in Norwegian" <<'OUT'
lms: kurslederen «ingen» finnes ikke (se lms facilitator add)
OUT

done_testing
