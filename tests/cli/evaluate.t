#!/bin/sh
# lms evaluate: one response, a survey tool's CSV, and the refusals.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-09-01
for p in p-test01 p-test02 p-test03; do
	"$LMS" enrol matlaging $p >/dev/null
done
"$LMS" course set matlaging forms=kursevaluering,mestringstro >/dev/null
export LMS_TODAY=2026-09-07

lms evaluate matlaging --form mestringstro --phase pre --person p-test01 \
	hverdagen=2 hjelp=2 mal=1 tilbakeslag=2 ressurser=2 si-fra=3 \
	oppgitt="stemmer ganske godt" pavirke=2
is_rc 0 "records a named response"
is_out "and says so" <<'OUT'
recorded p-test01's pre response to mestringstro
OUT
lms evaluate matlaging --form kursevaluering --phase session --session 1 \
	nytte=5 teori-praksis=4 erfaringer=5 trygghet=5 formidling=4 lokaler=3 \
	kommentar="Mer praksis, takk"
is_out "and an anonymous one for a session" <<'OUT'
recorded an anonymous session response to kursevaluering
OUT
is_file "in canonical form, labels as their numbers" \
	courses/matlaging/evaluations.yaml <<'OUT'
- form: mestringstro
  phase: pre
  person: p-test01
  date: 2026-09-07
  answers: {hverdagen: 2, hjelp: 2, mal: 1, tilbakeslag: 2, ressurser: 2, si-fra: 3, oppgitt: 3, pavirke: 2}
- form: kursevaluering
  phase: session
  session: 2026-09-07
  date: 2026-09-07
  answers: {nytte: 5, teori-praksis: 4, erfaringer: 5, trygghet: 5, formidling: 4, lokaler: 3, kommentar: "Mer praksis, takk"}
OUT

remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms evaluate matlaging "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
}
refuse 2 "an answer off the scale" "hverdagen: '5' is not on the scale from 1 to 4" \
	--form mestringstro --phase pre hverdagen=5
refuse 2 "an unknown item" \
	"form 'mestringstro' has no item 'hverdag'; did you mean 'hverdagen'?" \
	--form mestringstro --phase pre hverdag=3
refuse 1 "a second pre response" \
	"p-test01 has answered the pre form 'mestringstro' already" \
	--form mestringstro --phase pre --person p-test01 hverdagen=3
refuse 1 "a person not on the course" \
	"p-test07 is not on course 'matlaging': only its participants answer by name" \
	--form mestringstro --phase post --person p-test07 hverdagen=3
refuse 66 "a person not in the register" "no such person: 'p-nobody'" \
	--form mestringstro --phase post --person p-nobody hverdagen=3
refuse 66 "an unknown form" "no such form: 'trivsel'" \
	--form trivsel --phase post hverdagen=3
refuse 2 "a session response without its session" \
	"the phase session needs --session S" --form kursevaluering --phase session nytte=3
refuse 2 "a session given for a post response" "--session is for the phase session" \
	--form mestringstro --phase post --session 1 hverdagen=3
refuse 66 "a session that does not exist" \
	"course 'matlaging' has no session 9 (it has 4)" \
	--form kursevaluering --phase session --session 9 nytte=3
refuse 2 "no answers" "give the answers as ITEM=VALUE" --form mestringstro --phase post
refuse 2 "an answer given twice" "hverdagen is answered twice" \
	--form mestringstro --phase post hverdagen=3 hverdagen=2
refuse 2 "no phase" "give the --form and the --phase" --form mestringstro hverdagen=3
unchanged "the refusals changed nothing"

"$LMS" course set matlaging forms=kursevaluering >/dev/null
lms evaluate matlaging --form mestringstro --phase post hverdagen=3
is_rc 1 "a form the course does not use"
like "says which forms" "course 'matlaging' does not use form 'mestringstro'" "$err"
"$LMS" course set matlaging forms=kursevaluering,mestringstro >/dev/null

# A survey tool's export: question texts as headers, a timestamp, labels
# for answers, an empty cell, and a person column.
cat >survey.csv <<'CSV'
Tidsstempel,person,Jeg har tro på at jeg kan mestre hverdagen med de helseutfordringene jeg har,Jeg vet hvor jeg kan få hjelp når jeg trenger det,mal,tilbakeslag,ressurser,si-fra,oppgitt,Påvirke
2026-09-17 10:00,p-test01,3,3,3,3,3,3,2,3
2026-09-17 10:01,p-test02,4,Stemmer helt,3,4,3,4,1,4
2026-09-17 10:02,,3,3,,3,3,3,2,3
2026-09-17 10:03,,,,,,,,,
CSV
lms evaluate matlaging --form mestringstro --phase post --csv survey.csv \
	--date 2026-09-17 --map Påvirke=pavirke
is_rc 0 "imports a survey"
is_out "counting named and anonymous responses" <<'OUT'
imported 3 responses to mestringstro (post): 2 by name, 1 anonymous
OUT
tail -5 courses/matlaging/evaluations.yaml >"$SCRATCH/tail"
is_file "with the columns mapped to items, and the row's digest" "$SCRATCH/tail" <<'OUT'
- form: mestringstro
  phase: post
  date: 2026-09-17
  answers: {hverdagen: 3, hjelp: 3, tilbakeslag: 3, ressurser: 3, si-fra: 3, oppgitt: 2, pavirke: 3}
  digest: "4406f0efb882ff2e"
OUT

remember
import_refused() {
	expected_rc=$1 description=$2 message=$3
	printf '%b' "$4" >../bad.csv
	shift 4
	lms evaluate matlaging --form mestringstro --phase post --csv ../bad.csv "$@"
	is_rc "$expected_rc" "$description"
	is_err "$description: says where" <<OUT
$message
OUT
}
import_refused 65 "a value off the scale" \
	"../bad.csv:3: error: column 'hjelp': hjelp: '7' is not on the scale from 1 to 4" \
	'hverdagen,hjelp\n3,3\n3,7\n'
import_refused 65 "no column that matches an item" \
	"../bad.csv:1: error: no column matches an item of form 'mestringstro' (name them with --map COLUMN=ITEM)" \
	'Spørsmål 1,Spørsmål 2\n3,3\n'
import_refused 2 "a map to an unknown column" \
	"lms: --map: the file has no column 'Q9'
usage: lms evaluate COURSE --form F --phase pre | post | session | followup [--session S] [--person P] [--date DATE] [--redact] ITEM=VALUE...
   or: lms evaluate COURSE --form F --phase P --csv FILE [--map COLUMN=ITEM,...] [--session S] [--date DATE] [--redact]
   or: lms evaluate COURSE --facilitator ID --phase plan | deliver | evaluate [--form F] [--date DATE] [--redact] ITEM=VALUE..." \
	'Q1\n3\n' --map Q9=hverdagen
import_refused 65 "an unknown person" \
	"../bad.csv:2: error: column 'person': 'p-nobody' is not a person on course 'matlaging' (use the ids of lms roster, such as p-7k3q9x)" \
	'person,hverdagen\np-nobody,3\n'
import_refused 1 "someone who answered already" \
	"../bad.csv:3: error: p-test03 has answered the post form 'mestringstro' already" \
	'person,hverdagen\np-test03,3\np-test03,2\n'
unchanged "a refused file changes nothing"

# Personal data in a text answer: refused, or replaced with --redact.
remember
said="personal data does not belong in a file that goes to git (leave it out, or give --redact to replace it with [redacted])"
free_text_refused() {
	lms evaluate matlaging --form kursevaluering --phase session --session 2 \
		nytte=4 kommentar="$2"
	is_rc 65 "$1: refused"
	is_err "$1: says what it looks like, not what it is" <<OUT
lms: kommentar: this looks like $3: $said
OUT
}
free_text_refused "a phone number" "Ring meg på 900-00-001" "a phone number"
free_text_refused "a phone number with +47" "tlf +47-900-00-001" "a phone number"
free_text_refused "a fødselsnummer" "pnr 018190 12365" "a fødselsnummer"
free_text_refused "an e-mail address" "skriv til en@example.org" \
	"an e-mail address"
free_text_refused "a name from the register" "Takk til deltaker  en!" \
	"a name from the private register"
unchanged "refused answers changed nothing"
lms evaluate matlaging --form kursevaluering --phase session --session 2 \
	nytte=4 kommentar="Bra kurs, 2026-09-10 kl. 11.00, rom 214, 12 deltakere"
is_rc 0 "dates, times and small numbers are no personal data"
lms evaluate matlaging --form kursevaluering --phase session --session 2 \
	--redact nytte=4 kommentar="Deltaker Tre har 900.00.003 og tre@example.org"
is_rc 0 "--redact records the answer"
is_err "and says what it replaced" <<'OUT'
lms: warning: kommentar: a name from the private register was replaced with [redacted]
lms: warning: kommentar: a phone number was replaced with [redacted]
lms: warning: kommentar: an e-mail address was replaced with [redacted]
OUT
tail -1 courses/matlaging/evaluations.yaml >"$SCRATCH/tail"
is_file "with the personal data replaced" "$SCRATCH/tail" <<'OUT'
  answers: {nytte: 4, kommentar: "[redacted] har [redacted] og [redacted]"}
OUT

# The same in a survey's file: the row and the column are named.
remember
printf '%s\n' 'nytte,Hva bør vi gjøre annerledes neste gang?' '4,Mer praksis' \
	'5,"Ring meg,' 'Deltaker To, på 900 00 002"' '3,' >../free.csv
lms evaluate matlaging --form kursevaluering --phase post --csv ../free.csv
is_rc 65 "a survey with personal data in a comment"
is_err "is refused at the row's line and the column" <<OUT
../free.csv:3: error: column 'Hva bør vi gjøre annerledes neste gang?': this looks like a name from the private register: $said
OUT
unchanged "and nothing of it is imported"
lms evaluate matlaging --form kursevaluering --phase post --csv ../free.csv \
	--redact
is_rc 0 "--redact imports it"
is_err "saying where it replaced what" <<'OUT'
lms: warning: ../free.csv:3: column 'Hva bør vi gjøre annerledes neste gang?': a name from the private register was replaced with [redacted]
lms: warning: ../free.csv:3: column 'Hva bør vi gjøre annerledes neste gang?': a phone number was replaced with [redacted]
OUT
tail -15 courses/matlaging/evaluations.yaml >"$SCRATCH/tail"
is_file "with the rest of the comment kept" "$SCRATCH/tail" <<'OUT'
- form: kursevaluering
  phase: post
  date: 2026-09-07
  answers: {nytte: 4, kommentar: Mer praksis}
  digest: "36119facdc6a49ae"
- form: kursevaluering
  phase: post
  date: 2026-09-07
  answers: {nytte: 5, kommentar: "Ring meg,\n[redacted], på [redacted]"}
  digest: "59c31fd308ceafc8"
- form: kursevaluering
  phase: post
  date: 2026-09-07
  answers: {nytte: 3}
  digest: "b0619660105aeefb"
OUT
! grep -q '900 00 002\|Deltaker To' courses/matlaging/evaluations.yaml
report $? "and none of it is written"

done_testing
