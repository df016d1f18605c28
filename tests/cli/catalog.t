#!/bin/sh
# lms catalog: the upcoming public courses, for the public, in every
# format; read back by a browser, an accessibility checker, and parsers.
. "$(dirname "$0")/lib.sh"

AXE=${AXE:-$(cd "$(dirname "$0")/../.." && pwd)/build/npm/node_modules/axe-core/axe.min.js}
use_tree catalog
export LMS_TODAY=2026-12-01

# Exactly the public upcoming courses, with every field: not the internal
# one, the completed, the running (its first session is past) nor the
# cancelled; sorted by their first session across the two trees.
lms catalog --tree vest --tree aust/ --format text
is_rc 0 "a regional catalogue of two trees"
is_out "exactly the public, upcoming courses, each with every field" <<'OUT'
Kurs: Testkommune Vest lærings- og mestringstjeneste, Testkommune Aust frisklivssentral

Leve med kols (Testkommune Vest lærings- og mestringstjeneste)
  Et kurs for deg som lever med kols, og dine pårørende.
  Når:
    tirsdag 12. januar 2027, kl. 18.00–20.00
    tirsdag 19. januar 2027, kl. 18.00–20.00 (Bassenget)
    tirsdag 26. januar 2027, kl. 18.00–20.00
  Sted: Helsehuset, 2. etasje
  Språk: norsk (bokmål)
  Egenandel: gratis
  Tilgjengelighet: Trinnfri inngang og heis. Buss 2 stopper ved døra.
  Påmelding: Frist tirsdag 5. januar 2027.
  Kontakt: Fagperson En, 11 22 33 44, fag.en@vest.example

Better sleep (Testkommune Aust frisklivssentral)
  A course on sleep, held in English.
  Når:
    onsdag 13. januar 2027, kl. 17.00–18.30
  Sted: Frisklivssentralen
  Språk: engelsk
  Egenandel: gratis
  Tilgjengelighet: Step-free access.
  Påmelding: Frist onsdag 6. januar 2027.
  Kontakt: 87 65 43 21

Mestringskurs på samisk (Testkommune Vest lærings- og mestringstjeneste)
  Bures boahtin kursii.
  Når:
    tirsdag 2. februar 2027, kl. 10.00–12.00
    tirsdag 9. februar 2027, kl. 10.00–12.00
  Sted: Kulturhuset
  Språk: nordsamisk
  Egenandel: 200 kr
  Tilgjengelighet: Tolk kan bestilles.
  Påmelding: Meld deg på hos servicetorget.
  Kontakt: 12 34 56 78, lmt@vest.example
OUT

lms catalog --tree vest --tree ./vest
is_rc 2 "a tree named twice"
is_err "is refused, as it would list its courses twice" <<'OUT'
lms: --tree vest and --tree ./vest are the same tree
usage: lms catalog [--tree DIR]... [--format html | ics | json | md | text]
   or: lms catalog COURSE --poster
OUT

cd vest || exit 1
lms catalog --format md
is_rc 0 "Markdown"
is_out "one section per course, the service not repeated" <<'OUT'
# Kurs: Testkommune Vest lærings- og mestringstjeneste

## Leve med kols

Et kurs for deg som lever med kols, og dine pårørende.

- **Når:**
  - tirsdag 12. januar 2027, kl. 18.00–20.00
  - tirsdag 19. januar 2027, kl. 18.00–20.00 (Bassenget)
  - tirsdag 26. januar 2027, kl. 18.00–20.00
- **Sted:** Helsehuset, 2. etasje
- **Språk:** norsk (bokmål)
- **Egenandel:** gratis
- **Tilgjengelighet:** Trinnfri inngang og heis. Buss 2 stopper ved døra.
- **Påmelding:** Frist tirsdag 5. januar 2027.
- **Kontakt:** Fagperson En, 11 22 33 44, fag.en@vest.example

## Mestringskurs på samisk

Bures boahtin kursii.

- **Når:**
  - tirsdag 2. februar 2027, kl. 10.00–12.00
  - tirsdag 9. februar 2027, kl. 10.00–12.00
- **Sted:** Kulturhuset
- **Språk:** nordsamisk
- **Egenandel:** 200 kr
- **Tilgjengelighet:** Tolk kan bestilles.
- **Påmelding:** Meld deg på hos servicetorget.
- **Kontakt:** 12 34 56 78, lmt@vest.example
OUT

lms catalog
is_rc 0 "the HTML page"
cp "$SCRATCH/stdout" "$SCRATCH/catalog.html"
sed -n '/^<body>/,$p' "$SCRATCH/catalog.html" >"$SCRATCH/body"
is_file "a card per course, in the service's language, nothing but the contact named" "$SCRATCH/body" <<'OUT'
<body>
<main>
<h1>Kurs: Testkommune Vest lærings- og mestringstjeneste</h1>
<article class="card" aria-labelledby="c1">
<h2 id="c1">Leve med kols</h2>
<p class="about" lang="nb">Et kurs for deg som lever med kols, og dine pårørende.</p>
<dl>
<dt>Når</dt><dd><ul>
<li>tirsdag 12. januar 2027, kl. 18.00–20.00</li>
<li>tirsdag 19. januar 2027, kl. 18.00–20.00 (Bassenget)</li>
<li>tirsdag 26. januar 2027, kl. 18.00–20.00</li>
</ul></dd>
<dt>Sted</dt><dd>Helsehuset, 2. etasje</dd>
<dt>Språk</dt><dd>norsk (bokmål)</dd>
<dt>Egenandel</dt><dd>gratis</dd>
<dt>Tilgjengelighet</dt><dd>Trinnfri inngang og heis. Buss 2 stopper ved døra.</dd>
<dt>Påmelding</dt><dd>Frist tirsdag 5. januar 2027.</dd>
<dt>Kontakt</dt><dd>Fagperson En, <a href="tel:11223344">11&nbsp;22&nbsp;33&nbsp;44</a>, <a href="mailto:fag.en@vest.example">fag.en@vest.example</a></dd>
</dl>
</article>
<article class="card" aria-labelledby="c2">
<h2 id="c2">Mestringskurs på samisk</h2>
<p class="about" lang="se">Bures boahtin kursii.</p>
<dl>
<dt>Når</dt><dd><ul>
<li>tirsdag 2. februar 2027, kl. 10.00–12.00</li>
<li>tirsdag 9. februar 2027, kl. 10.00–12.00</li>
</ul></dd>
<dt>Sted</dt><dd>Kulturhuset</dd>
<dt>Språk</dt><dd>nordsamisk</dd>
<dt>Egenandel</dt><dd>200 kr</dd>
<dt>Tilgjengelighet</dt><dd>Tolk kan bestilles.</dd>
<dt>Påmelding</dt><dd>Meld deg på hos servicetorget.</dd>
<dt>Kontakt</dt><dd><a href="tel:12345678">12&nbsp;34&nbsp;56&nbsp;78</a>, <a href="mailto:lmt@vest.example">lmt@vest.example</a></dd>
</dl>
</article>
</main>
<footer><p>Oppdatert 01.12.2026.</p></footer>
</body>
</html>
OUT
head -2 "$SCRATCH/catalog.html" | tail -1 >"$SCRATCH/lang"
is_file "the page's language is the service's" "$SCRATCH/lang" <<'OUT'
<html lang="nb">
OUT
! grep -q -e '<script' -e '<link' -e 'src=' -e 'Brukerrepresentant' \
	-e 'Internt notat' "$SCRATCH/catalog.html"
report $? "self-contained, no script, no other facilitator, no internal description"
grep -q 'break-inside: avoid' "$SCRATCH/catalog.html"
report $? "print keeps each card whole"

lms catalog --tree . --tree ../aust
cp "$SCRATCH/stdout" "$SCRATCH/regional.html"
lms catalog mestring-feb27 --poster
is_rc 0 "a poster"
cp "$SCRATCH/stdout" "$SCRATCH/poster.html"
grep -q '<h1>Mestringskurs på samisk</h1>' "$SCRATCH/poster.html"
report $? "is headed by the course's title"
for id in avlyst-v27 gammel-h26; do
	lms catalog "$id" --poster
	is_rc 65 "no poster for $id, cancelled or past"
	is_err "says why" <<ERR
lms: course '$id' is cancelled, completed or past: it has no poster
ERR
done

chromium_run() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$SCRATCH/chromium" "$@" 2>/dev/null
}

# Printed to A4 by a real browser: every course on the page, each card
# on one page (its title and its last line, the contact, on the same one).
if outside_reader chromium pdftotext; then
	chromium_run --no-pdf-header-footer \
		--print-to-pdf="$SCRATCH/regional.pdf" \
		"file://$SCRATCH/regional.html" >/dev/null
	pages=$(pdfinfo "$SCRATCH/regional.pdf" 2>/dev/null |
		sed -n 's/^Pages: *//p')
	ok=0
	for title in 'Leve med kols' 'Better sleep' 'Mestringskurs på samisk'; do
		found=0 p=1
		while [ "$p" -le "${pages:-0}" ]; do
			text=$(pdftotext -f "$p" -l "$p" -layout \
				"$SCRATCH/regional.pdf" - 2>/dev/null)
			case $text in *"$title"*)
				found=1
				page=$(printf '%s\n' "$text" |
					sed -n "/$title/,\$p")
				case $page in *Kontakt*) ;; *) ok=1 ;; esac
			esac
			p=$((p + 1))
		done
		[ "$found" -eq 1 ] || ok=1
	done
	[ "$ok" -eq 0 ]
	report $? "printed, each course is on a page of its own card, whole ($pages pages)"
	[ "$(grep -c '<article class="card"' "$SCRATCH/regional.html")" -eq 3 ]
	report $? "one card per course"
	chromium_run --no-pdf-header-footer \
		--print-to-pdf="$SCRATCH/poster.pdf" \
		"file://$SCRATCH/poster.html" >/dev/null
	pdfinfo "$SCRATCH/poster.pdf" | grep -q '^Pages: *1$' &&
		pdftotext "$SCRATCH/poster.pdf" - | grep -q 'Meld deg på hos servicetorget'
	report $? "the poster prints on one A4 page, whole"
else
	for i in 1 2 3; do
		tests=$((tests + 1))
		echo "ok $tests # SKIP $no_reader"
	done
fi

# axe-core in the browser: the page is loaded with axe and a script that
# writes its violations into the page, which --dump-dom then prints.
axe_check() {
	"$PYTHON" - "$1" "$AXE" "$SCRATCH/axe.html" <<'PY'
import sys
page, axe, out = sys.argv[1:]
html = open(page, encoding="utf-8").read()
run = """<script src="file://%s"></script>
<script>
function put(t) { var p = document.createElement("pre"); p.id = "axe";
  p.textContent = t; document.body.appendChild(p); }
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa",
  "wcag21a", "wcag21aa", "best-practice"]}}).then(function (r) {
  put("AXE " + r.violations.map(function (v) { return v.id; }).join(" ") +
      " PASSES " + r.passes.length); }, function (e) { put("AXE ERROR " + e); });
</script>
</body>""" % axe
open(out, "w", encoding="utf-8").write(html.replace("</body>", run))
PY
	chromium_run --allow-file-access-from-files --virtual-time-budget=30000 \
		--dump-dom "file://$SCRATCH/axe.html" |
		sed -n 's/.*<pre id="axe">\(AXE[^<]*\)<.*/\1/p'
}

html_valid "html-validate finds no error in the pages" \
	"$SCRATCH/catalog.html" "$SCRATCH/regional.html" "$SCRATCH/poster.html"
no_reader="axe-core (make html-checkers) is not installed"
if outside_reader chromium && [ -f "$AXE" ]; then
	for page in catalog regional poster; do
		result=$(axe_check "$SCRATCH/$page.html")
		like "axe-core finds no violation in the $page page ($result)" \
			'^AXE  PASSES [1-9]' "$result"
	done
	# The checker is alive: a page without its language fails.
	sed 's/<html lang="nb">/<html>/' "$SCRATCH/catalog.html" \
		>"$SCRATCH/nolang.html"
	result=$(axe_check "$SCRATCH/nolang.html")
	like "and it finds one where there is one ($result)" \
		'^AXE html-has-lang PASSES' "$result"
else
	for i in 1 2 3 4; do
		tests=$((tests + 1))
		echo "ok $tests # SKIP $no_reader"
	done
fi

lms catalog --format json --tree . --tree ../aust
is_rc 0 "the JSON feed"
"$PYTHON" - "$SCRATCH/stdout" >"$SCRATCH/json" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert sorted(d) == ["courses", "title", "updated"], sorted(d)
assert d["updated"] == "2026-12-01"
keys = ["accessibility", "contact", "description", "id", "language", "place",
        "price", "service", "sessions", "signup", "signup_deadline", "status",
        "title"]
for c in d["courses"]:
    assert sorted(c) == keys, sorted(c)
    assert sorted(c["contact"]) == ["email", "name", "phone"]
    for s in c["sessions"]:
        assert sorted(s) == ["date", "end", "place", "start", "theme"]
print(" ".join(c["id"] for c in d["courses"]))
k = d["courses"][0]
print(k["signup_deadline"], k["price"], k["language"], k["contact"]["name"],
      k["sessions"][1]["date"], k["sessions"][1]["start"],
      k["sessions"][1]["place"])
m = d["courses"][2]
print(m["signup"], m["price"], m["signup_deadline"], m["contact"])
PY
is_file "python3's json reads it: stable keys, ISO dates" "$SCRATCH/json" <<'OUT'
kols-v27 sovn-v27 mestring-feb27
2027-01-05 0 nb Fagperson En 2027-01-19 18:00 Bassenget
Meld deg på hos servicetorget. 200 None {'name': None, 'phone': '12 34 56 78', 'email': 'lmt@vest.example'}
OUT

lms catalog --format ics
is_rc 0 "the iCalendar feed"
if "$PYTHON" -c 'import icalendar' 2>/dev/null; then
	"$PYTHON" - "$SCRATCH/stdout" >"$SCRATCH/ics" 2>&1 <<'PY'
import icalendar, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    print(e["DTSTART"].dt.isoformat(), e["SUMMARY"], "|",
          str(e["DESCRIPTION"]).replace("\n", " / "))
PY
	is_file "icalendar reads the public sessions and no one's name" "$SCRATCH/ics" <<'OUT'
2027-01-12T18:00:00+01:00 Leve med kols: Pust og mestring | Samling 1 av 3 /  / Et kurs for deg som lever med kols, og dine pårørende.
2027-01-19T18:00:00+01:00 Leve med kols | Samling 2 av 3 /  / Et kurs for deg som lever med kols, og dine pårørende.
2027-01-26T18:00:00+01:00 Leve med kols | Samling 3 av 3 /  / Et kurs for deg som lever med kols, og dine pårørende.
2027-02-02T10:00:00+01:00 Mestringskurs på samisk | Samling 1 av 2 /  / Bures boahtin kursii.
2027-02-09T10:00:00+01:00 Mestringskurs på samisk | Samling 2 av 2 /  / Bures boahtin kursii.
OUT
else
	tests=$((tests + 1))
	echo "ok $tests # SKIP no icalendar module for $PYTHON"
fi

lms catalog intern-jan27 --poster
is_rc 65 "a poster of an internal course"
is_err "is refused, with how to make it public" <<'OUT'
lms: course 'intern-jan27' is not public: make it so with 'lms course set intern-jan27 public=yes'
OUT

lms catalog kols-v27
is_rc 2 "a course without --poster"
lms catalog --format pdf
is_rc 2 "an unknown format"

# An empty catalogue says so.
lms catalog --format text
LMS_TODAY=2027-06-01 "$LMS" catalog --format text >"$SCRATCH/empty"
is_file "no course to come" "$SCRATCH/empty" <<'OUT'
Kurs: Testkommune Vest lærings- og mestringstjeneste

Ingen kurs er åpne for påmelding akkurat nå.
OUT

# The fields are course and template keys that lms course set and lms
# check know.
lms course set intern-jan27 public=yes
is_rc 0 "course set makes a course public"
lms check --rule catalog
is_rc 0 "lms check warns (it does not fail)"
is_out "about what the catalogue needs of a public course" <<'OUT'
courses/intern-jan27/course.yaml:6:1: warning: a public course needs public_description: what the catalogue tells the public [catalog]
courses/intern-jan27/course.yaml:6:1: warning: a public course needs a contact for the catalogue: contact: a facilitator's id, or service [catalog]
courses/intern-jan27/course.yaml:6:1: warning: a public course needs signup_deadline or signup: by when or how to sign up [catalog]
OUT
lms course set intern-jan27 contact=ingen signup_deadline=20.1.2027 \
	'public_description=Fagdag.' price=0 accessibility=Heis language=nn
is_rc 0 "course set takes every public key"
is_out "and says each change" <<'OUT'
contact: (none) -> ingen
signup_deadline: (none) -> 2027-01-20
public_description: (none) -> Fagdag.
price: (none) -> 0
accessibility: (none) -> Heis
language: (none) -> nn
OUT
lms check --rule catalog
is_out "a contact that is no one, a deadline after the start" <<'OUT'
courses/intern-jan27/course.yaml:8:1: warning: contact: no facilitator 'ingen' in people/facilitators.yaml [catalog]
courses/intern-jan27/course.yaml:9:1: warning: signup_deadline is after the first session, on 2027-01-14 [catalog]
OUT
remember
lms course set intern-jan27 price=-5
is_rc 65 "a negative price"
is_err "is refused" <<'OUT'
lms: the change would leave courses/intern-jan27/course.yaml invalid: price: must not be negative
OUT
lms course set intern-jan27 language=samisk
is_rc 65 "a language that is no code"
is_err "is refused" <<'OUT'
lms: the change would leave courses/intern-jan27/course.yaml invalid: language: 'samisk' is not a language code such as nb, nn, se or en
OUT
unchanged "and nothing changed"

mkdir -p templates
cat >templates/offentlig.yaml <<'EOF'
id: offentlig
title: Offentlig kurs
sessions:
  - {theme: Første, duration: 90}
public: yes
public_description: Fra malen.
contact: service
signup: Ring servicetorget.
signup_deadline: 2027-02-01
price: 150
accessibility: Heis.
language: nn
EOF
lms course new fra-mal --title "Fra malen" --template offentlig \
	--start 2027-02-08 --time 18:00-19:30
is_rc 0 "a course from a template with the public keys"
sed -n '/^public:/,$p' courses/fra-mal/course.yaml >"$SCRATCH/keys"
is_file "takes them all" "$SCRATCH/keys" <<'OUT'
public: true
public_description: Fra malen.
contact: service
signup: Ring servicetorget.
signup_deadline: 2027-02-01
price: 150
accessibility: Heis.
language: nn
OUT

# The service's own phone and e-mail in lms.yaml are public, no finding.
lms check --rule privacy
is_rc 0 "lms.yaml's phone and email"
is_out "are not taken for personal data" </dev/null

done_testing
