#!/bin/sh
# lms calendar: the sessions as iCalendar, read back by a real parser.
. "$(dirname "$0")/lib.sh"

use_tree basic
export LMS_TODAY=2026-08-15
version=$("$LMS" --version | sed 's/^lms //')

# Expected calendar text: @VERSION@ is lms's version; lines end in CRLF.
calendar() {
	awk -v v="$version" '{ sub(/@VERSION@/, v); printf "%s\r\n", $0 }' \
		>"$SCRATCH/want"
}

calendar <<'OUT'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//lms//lms @VERSION@//EN
CALSCALE:GREGORIAN
X-WR-CALNAME:Testkommune lærings- og mestringstjeneste
BEGIN:VTIMEZONE
TZID:Europe/Oslo
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:20260907T1100-matlaging@lms
DTSTAMP:20260815T000000Z
DTSTART;TZID=Europe/Oslo:20260907T110000
DTEND;TZID=Europe/Oslo:20260907T140000
SUMMARY:Matlaging og kosthold: Kosthold i teori
LOCATION:Treffstedet\, kjøkkenet
DESCRIPTION:Session 1 of 4\nLed by: Fagperson En\, Brukerrepresentant To
STATUS:CONFIRMED
SEQUENCE:0
END:VEVENT
BEGIN:VEVENT
UID:20260910T1100-matlaging@lms
DTSTAMP:20260815T000000Z
DTSTART;TZID=Europe/Oslo:20260910T110000
DTEND;TZID=Europe/Oslo:20260910T140000
SUMMARY:Matlaging og kosthold: Vi lager mat sammen
LOCATION:Treffstedet\, kjøkkenet
DESCRIPTION:Session 2 of 4\nLed by: Fagperson En\, Brukerrepresentant To
STATUS:CONFIRMED
SEQUENCE:0
END:VEVENT
BEGIN:VEVENT
UID:20260914T1100-matlaging@lms
DTSTAMP:20260815T000000Z
DTSTART;TZID=Europe/Oslo:20260914T110000
DTEND;TZID=Europe/Oslo:20260914T140000
SUMMARY:Matlaging og kosthold: Handling på budsjett
LOCATION:Treffstedet\, kjøkkenet
DESCRIPTION:Session 3 of 4\nLed by: Fagperson En\, Brukerrepresentant To
STATUS:CONFIRMED
SEQUENCE:0
END:VEVENT
BEGIN:VEVENT
UID:20260917T1100-matlaging@lms
DTSTAMP:20260815T000000Z
DTSTART;TZID=Europe/Oslo:20260917T110000
DTEND;TZID=Europe/Oslo:20260917T140000
SUMMARY:Matlaging og kosthold
LOCATION:Treffstedet\, kjøkkenet
DESCRIPTION:Session 4 of 4\nLed by: Fagperson En\, Brukerrepresentant To
STATUS:CONFIRMED
SEQUENCE:0
END:VEVENT
END:VCALENDAR
OUT

lms calendar matlaging
is_rc 0 "a course's calendar"
is_out "exactly, with CRLF line ends" <"$SCRATCH/want"
lms calendar
is_rc 0 "the calendar of every course"
is_out "is the same for a tree of one course" <"$SCRATCH/want"
lms calendar matlaging matlaging
is_out "a course named twice is there once" <"$SCRATCH/want"

lms calendar nope
is_rc 66 "an unknown course"
is_err "is named" <<'OUT'
lms: no such course: 'nope'
OUT
lms calendar matlaging nope
is_rc 66 "an unknown course after a known one"
is_out "prints no half calendar" </dev/null
lms calendar ../x
is_rc 2 "a course id that is not an id"
lms calendar --bogus
is_rc 2 "an unknown option"
is_err "is named, with the usage" <<'OUT'
lms: unknown option '--bogus'
usage: lms calendar [COURSE...]
OUT

# Moving a session gives it a new UID; the others keep theirs.
grep '^UID' "$SCRATCH/want" | sed '1d' >"$SCRATCH/kept"
"$LMS" course set matlaging sessions.1.date=2026-09-03 >/dev/null
lms calendar matlaging
grep '^UID' "$SCRATCH/stdout" >"$SCRATCH/uids"
is_file "UIDs survive renumbering" "$SCRATCH/uids" <<OUT
$(printf 'UID:20260903T1100-matlaging@lms\r')
$(cat "$SCRATCH/kept")
OUT

# Participants never enter the calendar.
id=$("$LMS" person add --name "Kari Hemmelig" --phone "900 00 001")
"$LMS" enrol matlaging "$id" >/dev/null
lms calendar
[ "$rc" -eq 0 ] && ! grep -q -e Hemmelig -e "$id" -e "900 00" "$SCRATCH/stdout"
report $? "no participant's name, id or phone"

# Across the end of summer time, a day without times, a cancelled course.
"$LMS" course new vinter --title "Søvn, stress; og hvile" \
	--start 2026-10-19 --days mon --count 3 --time 11:00-13:30 \
	--place "Helsehuset, sal 2" >/dev/null
"$LMS" course new heldag --title Heldag --start 2026-11-05 --count 1 \
	>/dev/null
"$LMS" course new avlyst --title Avlyst --start 2026-11-03 --count 1 \
	--time 10:00-11:00 >/dev/null
"$LMS" course set avlyst status=cancelled >/dev/null
lms calendar
is_rc 0 "the calendar of a term"
cp "$SCRATCH/stdout" "$SCRATCH/term.ics"
grep -q '^UID:20261103T1000-avlyst@lms' "$SCRATCH/term.ics"
[ $? -ne 0 ]
report $? "leaves cancelled courses out"
lms calendar avlyst
grep -q "^STATUS:CANCELLED" "$SCRATCH/stdout"
report $? "but a cancelled course named is marked cancelled"
lms calendar
cmp -s "$SCRATCH/stdout" "$SCRATCH/term.ics"
report $? "the same data gives the same bytes"

# The parser reads the times with the calendar's own VTIMEZONE (dateutil)
# and with the zone database (icalendar); both must agree with Oslo.
PYTHON=${PYTHON:-python3}
if "$PYTHON" -c 'import icalendar, dateutil.tz' 2>/dev/null; then
	"$PYTHON" - "$SCRATCH/term.ics" >"$SCRATCH/parsed" 2>&1 <<'PY'
import datetime, io, sys
import icalendar
from dateutil import tz

UTC = datetime.timezone.utc
want = {
    "20260903T1100-matlaging@lms": ("2026-09-03 09:00", "Matlaging og kosthold: Kosthold i teori"),
    "20260910T1100-matlaging@lms": ("2026-09-10 09:00", "Matlaging og kosthold: Vi lager mat sammen"),
    "20260914T1100-matlaging@lms": ("2026-09-14 09:00", "Matlaging og kosthold: Handling på budsjett"),
    "20260917T1100-matlaging@lms": ("2026-09-17 09:00", "Matlaging og kosthold"),
    "20261019T1100-vinter@lms": ("2026-10-19 09:00", "Søvn, stress; og hvile"),
    "20261026T1100-vinter@lms": ("2026-10-26 10:00", "Søvn, stress; og hvile"),
    "20261102T1100-vinter@lms": ("2026-11-02 10:00", "Søvn, stress; og hvile"),
    "20261105-heldag@lms": ("2026-11-05", "Heldag"),
}
text = open(sys.argv[1], "rb").read()
own = tz.tzical(io.StringIO(text.decode("utf-8"))).get("Europe/Oslo")
cal = icalendar.Calendar.from_ical(text)
seen = []
for ev in cal.walk("VEVENT"):
    uid = str(ev["UID"])
    seen.append(uid)
    start = ev.decoded("DTSTART")
    if isinstance(start, datetime.datetime):
        assert str(start.tzinfo) == "Europe/Oslo", (uid, start.tzinfo)
        mine = start.replace(tzinfo=None).replace(tzinfo=own)
        got = start.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        assert mine.astimezone(UTC) == start.astimezone(UTC), uid
        end = ev.decoded("DTEND")
        assert end - start == datetime.timedelta(hours=2, minutes=30) \
            or end - start == datetime.timedelta(hours=3), uid
    else:
        got = start.isoformat()
        assert ev.decoded("DTEND") - start == datetime.timedelta(days=1), uid
    assert uid in want, uid
    assert got == want[uid][0], (uid, got)
    assert str(ev["SUMMARY"]) == want[uid][1], (uid, str(ev["SUMMARY"]))
    assert ev.decoded("DTSTAMP") == datetime.datetime(2026, 8, 15, tzinfo=UTC)
assert len(seen) == len(set(seen)), "UIDs repeat"
assert sorted(seen) == sorted(want), sorted(seen)
print(len(seen), "events")
PY
	[ $? -eq 0 ] && [ "$(cat "$SCRATCH/parsed")" = "8 events" ]
	report $? "a parser reads every session at its time in Europe/Oslo"
	sed 's/^/# /' "$SCRATCH/parsed"
else
	tests=$((tests + 1))
	echo "ok $tests # SKIP no icalendar module for $PYTHON"
fi

done_testing
