#!/bin/sh
# A command reads its whole command line before it looks for the tree:
# usage errors, --help and the usage lines that completion asks for work
# outside any tree, and the lists of choices in messages come from the
# tables the parsers read.
. "$(dirname "$0")/lib.sh"

mkdir "$SCRATCH/nowhere"
cd "$SCRATCH/nowhere"

lms course new --bogus
is_rc 2 "a usage error outside any tree"
is_err "is the usage error, not a missing tree" <<'ERR'
lms: unknown option '--bogus'
usage: lms course new ID --title T [--template T] [--start DATE] [--days mon,thu] [--count N | --until DATE] [--time HH:MM-HH:MM] [--skip DATE,...] [--on-holidays] [--place P] [--capacity N] [--target-group G,...] [--facilitator FID[:phases,role]]... [--from-waitlist COURSE]
ERR

# Every command and verb: an unknown option is a usage error.
for cmd in "course new" "course list" "course show" "course set" \
	"course assign" "course unassign" "course close" "person add" \
	"person list" "person show" "person forget" "facilitator add" \
	"facilitator list" enrol withdraw attend roster followup evaluate \
	report "report course" check "export enrolments" "export attendance" \
	"export evaluations" export calendar purge; do
	lms $cmd --no-such-option
	[ "$rc" -eq 2 ] && printf '%s\n' "$err" | grep -q '^usage: lms ' &&
		! printf '%s\n' "$err" | grep -q 'not in an lms tree'
	report $? "lms $cmd: a usage error outside any tree"
done

# Values are checked before the tree is looked for.
lms course list --status done
is_rc 2 "a value not among the choices"
is_err "lists the choices" <<'ERR'
lms: --status: 'done' is not one of planned, open, running, completed, cancelled
usage: lms course list [--status S] [--from DATE] [--to DATE] [--format F]
ERR
lms person add --name "Test Testesen" --phone 12
is_rc 2 "a phone number that is not one"
like "says so" "^lms: --phone: '12' is not a phone number$" "$err"
lms facilitator add f-test --name "Test Testesen"
is_rc 2 "a facilitator without --kind"
like "lists the kinds" "^lms: --kind: give professional or user-representative$" "$err"
lms facilitator add f-test --name "Test Testesen" --kind professional \
	--available maybe
is_rc 2 "--available that is neither"
like "lists what it takes" "^lms: --available: 'maybe' is not true, false or FROM:TO (two dates, such as 2026-08-01:2026-12-31 or 1.8.2026:31.12.2026)$" "$err"
lms attend c 1 --headcount adults=3
is_rc 2 "a headcount of something else"
like "lists what it counts" "^lms: --headcount: 'adults=3' is not participants=N or relatives=N$" "$err"
lms attend c 1 --headcount ,
is_rc 2 "an empty headcount"
like "asks for one" "^lms: --headcount: give participants=N, relatives=N or both$" "$err"
lms check --format xml
is_rc 2 "a format check does not write"
like "lists the formats" "^lms: --format: 'xml' is not text, yaml or csv$" "$err"
lms check --rule nope
is_rc 2 "an unknown rule"
like "lists the rules" "^lms: --rule: no rule 'nope' (the rules: schema, dates, references, conflicts, capacity, participation, privacy, holidays, catalog, availability, fees)$" "$err"
lms roster c --sheet --format csv
is_rc 2 "a sheet as CSV"
like "lists the formats of a sheet" "^lms: --format: a sign-in sheet is text or html$" "$err"
lms report --each topic --out x
is_rc 2 "--each of something else"
like "names what it knows" "^lms: --each: only 'course' is known$" "$err"
lms report --each course --out x --format yaml
is_rc 2 "--each as YAML"
like "lists its formats" "^lms: --each writes html, md or csv$" "$err"
lms export
is_rc 2 "export without a table"
is_err "lists the tables" <<'ERR'
lms: give the table: enrolments, attendance, evaluations or fees
usage: lms export enrolments | attendance | evaluations [COURSE...] [--format csv | tsv] [--excel]
   or: lms export fees [--term TERM | --from DATE --to DATE] [--format csv | tsv] [--excel] [-o FILE]
ERR
lms export people
is_rc 2 "export of another table"
like "lists the tables" "^lms: 'people' is not a table: give enrolments, attendance, evaluations or fees$" "$err"
lms export --format xml
is_rc 2 "export: an option's error comes before the missing table"
like "and is the option's" "^lms: unknown format 'xml': use csv, tsv$" "$err"
lms person
is_rc 2 "a command without its verb"
like "lists the verbs" "^lms: 'lms person' needs one of: add, set, list, show, forget$" "$err"

# The conjunction is in the language; the choices are not translated.
LANG=nb_NO.UTF-8 LC_MESSAGES= lms export people
is_rc 2 "export of another table, in Norwegian"
like "lists the tables with eller" "^lms: «people» er ikke en tabell: oppgi enrolments, attendance, evaluations eller fees$" "$err"
LANG=nb_NO.UTF-8 LC_MESSAGES= lms facilitator add f-test --name "Test Testesen"
like "the kinds with eller" "^lms: --kind: oppgi professional eller user-representative$" "$err"
LANG=nb_NO.UTF-8 LC_MESSAGES= lms attend c 1 --headcount ,
like "the headcounts with eller" "^lms: --headcount: oppgi participants=N, relatives=N eller begge$" "$err"

# --help and the completion's probe need no tree either.
lms course new --help
is_rc 0 "VERB --help outside any tree"
like "shows the page" "lms course new ID --title T" "$out"
lms enrol --lms-completion-probe
is_rc 2 "completion's probe outside any tree"
like "gets the usage lines" "^   or: lms enrol COURSE --csv FILE" "$err"

# Only then is the tree looked for.
lms course list
is_rc 66 "a good command line outside any tree"
is_err "says there is no tree" <<'ERR'
lms: not in an lms tree: no lms.yaml here or in any folder above (see lms init)
ERR
lms export --excel attendance
is_rc 66 "a table after the options is the verb"

# A verb after the options runs as if it came first.
use_tree basic
lms export attendance --excel
is_rc 0 "export attendance --excel"
cp "$SCRATCH/stdout" "$SCRATCH/verb-first"
lms export --excel attendance
is_rc 0 "export --excel attendance"
cmp -s "$SCRATCH/verb-first" "$SCRATCH/stdout"
report $? "the same table"
lms report course matlaging --format md
cp "$SCRATCH/stdout" "$SCRATCH/verb-first"
lms report --format md course matlaging
is_rc 0 "report --format md course ID"
cmp -s "$SCRATCH/verb-first" "$SCRATCH/stdout"
report $? "the same report"
lms report course matlaging --by term
is_rc 2 "the aggregate's options are not for a course report"
like "says so" "^lms: --by is not for a course report$" "$err"

done_testing
