#!/bin/sh
# lms remind: what reminders need, for the people who agreed to them, as
# CSV and e-mail drafts read back by Python and LibreOffice; course set
# says whom a changed session affects.
. "$(dirname "$0")/lib.sh"

use_tree basic
export LMS_TODAY=2026-09-03
# Fake people.  p-aaaaa1 and p-bbbbb2 agreed to reminders, p-ccccc3 did
# not; p-ddddd4 waits and p-eeeee5 withdrew, though both agreed.
cat >people/participants.yaml <<'YAML'
- id: p-aaaaa1
  name: Test Testesen
  phone: "99999991"
  email: test1@example.org
  contact: [reminders]
- id: p-bbbbb2
  name: Åse Prøve
  phone: "99999992"
  contact: [reminders, peer-contact]
- id: p-ccccc3
  name: Nei Takk
  email: nei@example.org
- id: p-ddddd4
  name: Venter Venteliste
  email: vent@example.org
  contact: [reminders]
- id: p-eeeee5
  name: Borte Vekk
  email: borte@example.org
  contact: [reminders]
YAML
chmod 600 people/participants.yaml
"$LMS" course set matlaging capacity=3 >/dev/null
for p in p-aaaaa1 p-bbbbb2 p-ccccc3 p-eeeee5 p-ddddd4; do
	"$LMS" enrol matlaging $p --date 2026-08-20 >/dev/null
done
"$LMS" withdraw matlaging p-eeeee5 >/dev/null

header='person,name,phone,email,course,title,date,start,end,place,text'
crlf() { sed 's/$/\r/'; }
row() {
	printf '%s,%s,matlaging,Matlaging og kosthold,%s,%s,%s,"%s","%s"\n' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$7"
}
# rows "DATE START END WEEKDAY"...: the rows of p-aaaaa1 and p-bbbbb2.
rows() {
	{
		echo "$header"
		for d in "$@"; do
			set -- $d
			for p in "p-aaaaa1 Test Testesen,99999991,test1@example.org" \
				 "p-bbbbb2 Åse Prøve,99999992,"; do
				row "${p%% *}" "${p#* }" "$1" "$2" "$3" \
				    "Treffstedet, kjøkkenet" \
				    "Reminder: Matlaging og kosthold $4 $1 $2-$3, Treffstedet, kjøkkenet."
			done
		done
	} | crlf
}

lms remind
is_rc 0 "reminders of the next seven days"
rows "2026-09-07 11:00 14:00 Monday" >"$SCRATCH/want"
is_out "the enrolled who agreed, not the waiting or withdrawn" <"$SCRATCH/want"
is_err "the others by id, not by name" <<'ERR'
lms: warning: p-ccccc3 has not agreed to reminders
ERR

lms remind matlaging --format csv
is_rc 0 "a course's next session"
is_out "the next session only" <"$SCRATCH/want"

LMS_TODAY=2026-09-08 lms remind matlaging
rows "2026-09-10 11:00 14:00 Thursday" >"$SCRATCH/want"
is_out "the next session is the first from today" <"$SCRATCH/want"

lms remind --days 8
rows "2026-09-07 11:00 14:00 Monday" "2026-09-10 11:00 14:00 Thursday" \
	>"$SCRATCH/want"
is_out "--days 8: two sessions" <"$SCRATCH/want"

lms remind --date 14.09.2026
rows "2026-09-14 11:00 14:00 Monday" >"$SCRATCH/want"
is_out "--date: that day's session" <"$SCRATCH/want"

lms remind --date 2026-09-15
is_rc 0 "a day without sessions"
echo "$header" | crlf >"$SCRATCH/want"
is_out "a day without sessions: the header only" <"$SCRATCH/want"

lms remind --days 2 --date 2026-09-14
is_rc 2 "--days and --date"
lms remind --days 0
is_rc 2 "--days 0"
lms remind --format pdf
is_rc 2 "an unknown format"
lms remind nosuch
is_rc 66 "no such course"
lms remind matlaging --changed 9
is_rc 66 "no such session"
lms remind --changed 2
is_rc 2 "--changed without a course"
lms remind matlaging --from 'nobody'
is_rc 2 "--from without an address"
lms remind matlaging --from 'Tjenesten Ålesund <lms@example.org>'
is_rc 2 "--from with a letter beyond ASCII"
like "says the letters are the matter, not the address" \
	"^lms: --from: 'Tjenesten Ålesund <lms@example.org>' has letters beyond ASCII, which the header cannot hold as they are: write them in ASCII, as Aalesund for Ålesund$" "$err"

# Read back as CSV by Python.
"$LMS" remind --days 8 >"$SCRATCH/r.csv" 2>/dev/null
"${PYTHON:-python3}" - "$SCRATCH/r.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == 4, rows
assert [r["person"] for r in rows] == ["p-aaaaa1", "p-bbbbb2"] * 2
assert rows[1]["name"] == "Åse Prøve" and rows[1]["email"] == ""
assert rows[0]["place"] == "Treffstedet, kjøkkenet"
assert rows[3]["date"] == "2026-09-10" and rows[3]["start"] == "11:00"
PY
report $? "Python's csv module reads the rows"

# In Norwegian: the text in the service's words, the header as it was.
LANG=nb_NO.UTF-8 LC_MESSAGES= lms remind
crlf >"$SCRATCH/want" <<EOF
$header
p-aaaaa1,Test Testesen,99999991,test1@example.org,matlaging,Matlaging og kosthold,2026-09-07,11:00,14:00,"Treffstedet, kjøkkenet","Påminnelse: Matlaging og kosthold mandag 7. september 2026 kl. 11.00–14.00, Treffstedet, kjøkkenet."
p-bbbbb2,Åse Prøve,99999992,,matlaging,Matlaging og kosthold,2026-09-07,11:00,14:00,"Treffstedet, kjøkkenet","Påminnelse: Matlaging og kosthold mandag 7. september 2026 kl. 11.00–14.00, Treffstedet, kjøkkenet."
EOF
is_out "the text in Norwegian, the header in English" <"$SCRATCH/want"
is_err "the warning in Norwegian" <<'ERR'
lms: advarsel: p-ccccc3 har ikke sagt ja til påminnelser
ERR

# LibreOffice set up for Norwegian reads the fields as they are.
if outside_reader soffice; then
	mkdir -p "$SCRATCH/lo"
	LANG=nb_NO.UTF-8 LC_MESSAGES= "$LMS" remind --days 8 \
		>"$SCRATCH/lo/r.csv" 2>/dev/null
	(cd "$SCRATCH/lo" && HOME="$SCRATCH/lo" timeout 300 soffice --headless \
		-env:UserInstallation="file://$SCRATCH/lo/profile" \
		--infilter="CSV:44,34,76,1,,1044" --convert-to fods \
		r.csv >/dev/null 2>&1)
	"${PYTHON:-python3}" - "$SCRATCH/lo/r.fods" <<'PY'
import re, sys, html
s = open(sys.argv[1], encoding="utf-8").read()
rows = []
for r in re.finditer(r"<table:table-row[^>]*>(.*?)</table:table-row>", s, re.S):
    cells = [html.unescape(re.sub(r"<[^>]+>", "", c or "")).strip()
             for c in re.findall(r"<table:table-cell[^>]*?(?:/>|>(.*?)</table:table-cell>)", r.group(1), re.S)]
    if any(cells):
        rows.append(cells)
assert rows[0][:4] == ["person", "name", "phone", "email"], rows[0]
assert len(rows) == 5, rows
assert rows[2][1] == "Åse Prøve" and rows[2][9] == "Treffstedet, kjøkkenet", rows[2]
assert rows[1][10].startswith("Påminnelse: Matlaging og kosthold mandag"), rows[1]
assert "kl. 11.00–14.00" in rows[1][10], rows[1]
PY
	report $? "LibreOffice (nb-NO) reads the rows as written"
else
	tests=$((tests + 1))
	echo "ok $tests # SKIP $no_reader"
fi

# E-mail drafts: one mbox, read back by Python's email package.
lms remind --format email --from 'Tjenesten <lms@example.org>'
is_rc 0 "e-mail drafts"
is_out "one draft for each row with an address" <<'OUT'
From lms Thu Jan  1 00:00:00 1970
From: Tjenesten <lms@example.org>
To: Test Testesen <test1@example.org>
Subject: About Matlaging og kosthold
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hello Test Testesen,

Reminder: Matlaging og kosthold Monday 2026-09-07 11:00-14:00, Treffstedet, kjøkkenet.

Testkommune lærings- og mestringstjeneste

OUT
is_err "who has no address, by id" <<'ERR'
lms: warning: p-ccccc3 has not agreed to reminders
lms: warning: p-bbbbb2 has no e-mail address
ERR
"$LMS" course set matlaging 'title=Kurs for pårørende: å leve med sykdom i familien, høsten 2026' >/dev/null
sed -i 's/name: Åse Prøve/name: Åse Prøve\n  email: aase@example.org/' \
	people/participants.yaml
LANG=nb_NO.UTF-8 LC_MESSAGES= "$LMS" remind --format email --days 8 \
	>"$SCRATCH/r.mbox" 2>/dev/null
"${PYTHON:-python3}" - "$SCRATCH/r.mbox" <<'PY'
import mailbox, sys, email
from email import policy
msgs = list(mailbox.mbox(sys.argv[1], factory=lambda f:
    email.message_from_binary_file(f, policy=policy.default)))
assert len(msgs) == 4, len(msgs)
m = msgs[1]
assert m["To"].addresses[0].display_name == "Åse Prøve", m["To"]
assert m["To"].addresses[0].addr_spec == "aase@example.org"
assert str(m["Subject"]) == "Om Kurs for pårørende: å leve med sykdom i familien, høsten 2026", str(m["Subject"])
assert m["From"] is None
assert m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8"
body = m.get_content()
assert body.startswith("Hei Åse Prøve,\n\nPåminnelse: Kurs for pårørende"), body
assert "mandag 7. september 2026 kl. 11.00–14.00" in body, body
assert "torsdag 10. september" in msgs[3].get_content()
for msg in open(sys.argv[1], "rb").read().split(b"\n\nFrom lms "):
    head, body = msg.split(b"\n\n", 1)
    assert all(len(l) <= 78 for l in head.split(b"\n")), head
    assert all(len(l) <= 998 for l in body.split(b"\n")), body
PY
report $? "Python's email package reads the drafts (UTF-8, encoded-words)"
"$LMS" course set matlaging 'title=Matlaging og kosthold' >/dev/null

# Output to a file: outside the tree, or where git ignores it.
lms remind -o "$SCRATCH/out.csv"
is_rc 0 "-o outside the tree"
[ "$(stat -c %a "$SCRATCH/out.csv")" = 600 ]
report $? "the file is its owner's alone"
remember
lms remind -o reminders.csv
is_rc 1 "-o inside the tree, not ignored"
is_err "says why" <<'ERR'
lms: reminders.csv: is inside the tree and not ignored by git; reminders hold names and contacts: write them outside the tree
ERR
unchanged "nothing is written"
lms remind -o courses/matlaging/r.csv
is_rc 1 "-o in a course's folder"
# A repository of the scratch tree's own, which ignores people/.
if command -v git >/dev/null 2>&1 && [ -n "$SCRATCH" ] &&
   git init -q "$SCRATCH/basic"; then
	mkdir private
	echo /private/ >>.gitignore
	lms remind -o private/reminders.csv
	is_rc 0 "-o where git ignores it"
	[ -s private/reminders.csv ]
	report $? "the file is written"
	rm -r private
	lms remind -o reminders.csv
	is_rc 1 "-o in a repository, not ignored"
	# The register, the key and lms's own files are ignored by git
	# too, and never written over.
	remember
	lms remind -o people/participants.yaml
	is_rc 1 "-o over the register"
	is_err "says why" <<'ERR'
lms: people/participants.yaml: is a file or folder of lms's own in the tree; write reminders outside the tree
ERR
	(cd courses && "$LMS" remind -o ../people/report-key >/dev/null 2>&1)
	[ $? -eq 1 ]
	report $? "-o over the key, from below the tree"
	unchanged "neither is written"
else
	for i in 1 2 3 4 5 6 7; do
		tests=$((tests + 1))
		echo "ok $tests # SKIP no git"
	done
fi

# A session moved: course set says whom it affects; the notice.
lms course set matlaging sessions.2.start=18:00 sessions.2.end=20:00 \
	'sessions.2.place=Helsehuset, sal 2'
is_rc 0 "a session moved"
is_err "the people it affects, by id" <<'ERR'
lms: the change affects 3 people enrolled: p-aaaaa1, p-bbbbb2, p-ccccc3 (lms remind matlaging --changed SESSION writes their notices)
ERR
lms remind --moved-up 2026-09-03
echo "$header" | crlf >"$SCRATCH/want"
is_out "nobody moved up yet" <"$SCRATCH/want"
lms course set matlaging capacity=12
is_err "a change of no session says nothing" </dev/null
like "the waiting list moves up" "p-ddddd4 moved up" "$out"
grep -A5 'person: p-ddddd4' courses/matlaging/enrolments.yaml |
	grep -q '^  moved_up: 2026-09-03$'
report $? "enrolments.yaml records the day"
lms remind --moved-up 2026-09-03
crlf >"$SCRATCH/want" <<EOF
$header
p-ddddd4,Venter Venteliste,,vent@example.org,matlaging,Matlaging og kosthold,2026-09-07,11:00,14:00,"Treffstedet, kjøkkenet","You have a place: Matlaging og kosthold Monday 2026-09-07 11:00-14:00, Treffstedet, kjøkkenet."
EOF
is_out "--moved-up: who has a place now, for the next session" <"$SCRATCH/want"
LMS_TODAY=2026-09-04 lms remind matlaging --moved-up 2026-09-04
echo "$header" | crlf >"$SCRATCH/want"
is_out "--moved-up: since a later day, nobody" <"$SCRATCH/want"
lms remind --moved-up 2026-09-03 --days 3
is_rc 2 "--moved-up and --days"
lms remind matlaging --changed 2010-09-10
is_rc 66 "--changed names a session that is not there"
lms remind matlaging --changed 2026-09-10
is_rc 0 "the notice of the changed session"
{
	echo "$header"
	for p in "p-aaaaa1,Test Testesen,99999991,test1@example.org" \
		 "p-bbbbb2,Åse Prøve,99999992,aase@example.org" \
		 "p-ddddd4,Venter Venteliste,,vent@example.org"; do
		printf '%s,matlaging,Matlaging og kosthold,2026-09-10,18:00,20:00,"Helsehuset, sal 2","Changed: Matlaging og kosthold is now Thursday 2026-09-10 18:00-20:00, Helsehuset, sal 2."\n' "$p"
	done
} | crlf >"$SCRATCH/want"
is_out "a text that says it changed (p-ddddd4 moved up)" <"$SCRATCH/want"

lms course set matlaging status=cancelled
like "a cancelled course affects its people" \
	"the change affects 4 people enrolled" "$err"
lms remind
echo "$header" | crlf >"$SCRATCH/want"
is_out "a cancelled course has no reminders" <"$SCRATCH/want"
lms remind matlaging --changed 3
crlf >"$SCRATCH/want" <<EOF
$header
p-aaaaa1,Test Testesen,99999991,test1@example.org,matlaging,Matlaging og kosthold,2026-09-14,11:00,14:00,"Treffstedet, kjøkkenet","Cancelled: Matlaging og kosthold, every session from Monday 2026-09-14 11:00-14:00."
p-bbbbb2,Åse Prøve,99999992,aase@example.org,matlaging,Matlaging og kosthold,2026-09-14,11:00,14:00,"Treffstedet, kjøkkenet","Cancelled: Matlaging og kosthold, every session from Monday 2026-09-14 11:00-14:00."
p-ddddd4,Venter Venteliste,,vent@example.org,matlaging,Matlaging og kosthold,2026-09-14,11:00,14:00,"Treffstedet, kjøkkenet","Cancelled: Matlaging og kosthold, every session from Monday 2026-09-14 11:00-14:00."
EOF
is_out "the notice of a cancelled course" <"$SCRATCH/want"

# person add --contact, and show.
lms person add --name "Ny Person" --contact reminders,peer-contact
is_rc 0 "person add --contact"
id=$out
lms person show "$id"
like "show says what they agreed to" "^contact       reminders, peer-contact$" "$out"
lms person add --name "Ny Person" --contact sms
is_rc 2 "an unknown kind of contact"

done_testing
