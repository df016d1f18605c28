#!/bin/sh
# lms report course: the evaluation report, its formats, and its figures
# against an independent computation.
. "$(dirname "$0")/lib.sh"

use_tree enrol
export LMS_TODAY=2026-09-01
"$LMS" course set matlaging capacity=6 forms=kursevaluering,mestringstro \
	>/dev/null
for p in p-test01 p-test02 p-test03 p-test04 p-test06 p-test07; do
	"$LMS" enrol matlaging $p >/dev/null
done
"$LMS" enrol matlaging p-test05 --force >/dev/null

# Before: the six people's self-efficacy, item by item.
pre() {
	"$LMS" evaluate matlaging --form mestringstro --phase pre --person "$1" \
		--date 2026-09-07 hverdagen=$2 hjelp=$3 mal=$4 tilbakeslag=$5 \
		ressurser=$6 si-fra=$7 oppgitt=$8 pavirke=$9 >/dev/null
}
post() {
	"$LMS" evaluate matlaging --form mestringstro --phase post --person "$1" \
		--date 2026-09-17 hverdagen=$2 hjelp=$3 mal=$4 tilbakeslag=$5 \
		ressurser=$6 si-fra=$7 oppgitt=$8 pavirke=$9 >/dev/null
}
pre p-test01 2 2 1 2 2 3 3 2
pre p-test02 3 2 2 2 3 3 2 2
pre p-test03 1 2 2 1 2 2 4 1
pre p-test04 3 3 3 2 3 3 2 3
pre p-test06 2 2 2 2 2 2 3 2
pre p-test07 2 3 2 2 2 3 3 2
post p-test01 3 3 3 3 3 3 2 3
post p-test02 4 4 3 4 3 4 1 4
post p-test03 2 3 2 2 2 2 3 2
post p-test04 3 3 3 3 3 4 2 3
post p-test06 2 2 3 2 2 3 3 2
# An anonymous answer after, which pairs with nobody; one that is too
# short to be scored.
"$LMS" evaluate matlaging --form mestringstro --phase post --date 2026-09-17 \
	hverdagen=4 hjelp=4 mal=4 tilbakeslag=4 ressurser=4 si-fra=4 oppgitt=1 \
	pavirke=4 >/dev/null
"$LMS" evaluate matlaging --form mestringstro --phase post --date 2026-09-17 \
	--person p-test07 hverdagen=3 >/dev/null
for s in 1 2; do
	"$LMS" evaluate matlaging --form kursevaluering --phase session --session $s \
		nytte=$((3 + s)) teori-praksis=3 erfaringer=4 trygghet=5 \
		formidling=4 lokaler=4 >/dev/null
done
"$LMS" evaluate matlaging --form kursevaluering --phase session --session 2 \
	nytte=5 teori-praksis=5 erfaringer=5 trygghet=5 formidling=5 lokaler=3 \
	kommentar="Mer praksis, mindre prat" >/dev/null
export LMS_TODAY=2026-09-20
"$LMS" attend matlaging 1 --all >/dev/null
"$LMS" attend matlaging 2 --all --absent p-test07 --excused p-test03 >/dev/null
"$LMS" attend matlaging 3 --all --absent p-test07 >/dev/null
"$LMS" attend matlaging 4 --all --absent p-test07,p-test02 >/dev/null
"$LMS" course close matlaging >/dev/null 2>&1

lms report course matlaging
is_rc 0 "the course report"
is_out "for the evaluation meeting" <<'OUT'
Matlaging og kosthold: evaluation report
========================================
*** Internal: exact figures, not for sharing ***

The course
----------
course:   matlaging
status:   completed
sessions: 4, 2026-09-07 to 2026-09-17
place:    Treffstedet, kjøkkenet

NAME                   KIND                 PHASES
Fagperson En           professional         plan, deliver, evaluate
Brukerrepresentant To  user-representative  plan, deliver, evaluate

Enrolment
---------
places:               6
enrolled:             0
waitlisted:           1
withdrawn:            0
completed:            5
not-completed:        1
relatives among them: 0

Attendance by session
---------------------
N  DATE        THEME                 PRESENT  ABSENT  EXCUSED  HEADCOUNT  RATE
1  2026-09-07  Kosthold i teori            6       0        0             100%
2  2026-09-10  Vi lager mat sammen         4       1        1              67%
3  2026-09-14  Handling på budsjett        5       1        0              83%
4  2026-09-17                              4       2        0              67%

Before and after: Tro på egen mestring
--------------------------------------
The score is the mean of the 8 scale items from 1 to 4, reversed items turned
round; higher is better. A response needs 80 % of the items answered to be
scored. Pairs are the same person's first answer before and last answer after
the course; the change is after minus before, with its 95 % confidence
interval, the paired t-test and the effect size d_z.

WHEN    RESPONSES  SCORED  MEAN    SD
before          6       6  2.19  0.47
after           7       6  3.04  0.76

PAIRS  CHANGE  CI_LOW  CI_HIGH     T  DF      P   D_Z  IMPROVED
    5    0.68    0.12     1.23  3.38   4  0.028  1.51      100%

ITEM                TEXT                                                                          BEFORE  AFTER  CHANGE
hverdagen           Jeg har tro på at jeg kan mestre hverdagen med de helseutfordringene jeg har    2.17   3.00    0.83
hjelp               Jeg vet hvor jeg kan få hjelp når jeg trenger det                               2.33   3.17    0.83
mal                 Jeg klarer å sette meg små mål og følge dem opp                                 2.00   3.00    1.00
tilbakeslag         Når jeg får et tilbakeslag, finner jeg en måte å komme videre på                1.83   3.00    1.17
ressurser           Jeg kjenner mine egne ressurser og vet hva som gir meg krefter                  2.33   2.83    0.50
si-fra              Jeg klarer å si fra om det som er viktig for meg til helsepersonell             2.67   3.33    0.67
oppgitt (reversed)  Jeg føler meg ofte maktesløs overfor helsa mi                                   2.83   2.00   -0.83
pavirke             Jeg opplever at jeg selv kan påvirke hvordan jeg har det                        2.00   3.00    1.00

Session by session: Evaluering av kurset
----------------------------------------
DATE        THEME                RESPONSES  SCORED  MEAN    SD
2026-09-07  Kosthold i teori             1       1  4.00     -
2026-09-10  Vi lager mat sammen          2       2  4.42  0.35

What people wrote
-----------------
FORM            WHEN        COMMENT
kursevaluering  2026-09-10  Mer praksis, mindre prat
OUT
printf '%s\n' "$out" | grep -q 'p-test'
report $((!$?)) "names no participant, not even by id"

# The figures, computed again from the files by an independent program:
# its own scoring and pairing, and Student's t by numerical integration.
lms report course matlaging --format yaml
is_rc 0 "the report as YAML"
printf '%s\n' "$out" >"$SCRATCH/report.yaml"
"${PYTHON:-python3}" - "$SCRATCH/report.yaml" courses/matlaging/evaluations.yaml \
	forms/mestringstro.yaml >"$SCRATCH/python" 2>&1 <<'PY'
import math, sys, yaml
report = yaml.safe_load(open(sys.argv[1]))
responses = yaml.safe_load(open(sys.argv[2]))
form = yaml.safe_load(open(sys.argv[3]))
lo, hi = form["scale"]["min"], form["scale"]["max"]
items = [i for i in form["items"] if i.get("type", "scale") == "scale"]

def score(answers):
    vals = [hi + lo - answers[i["id"]] if i.get("reverse") else answers[i["id"]]
            for i in items if isinstance(answers.get(i["id"]), int)]
    return sum(vals) / len(vals) if len(vals) >= 0.8 * len(items) else None

def pick(phase):
    out = {}
    for r in responses:
        if r["form"] == "mestringstro" and r["phase"] == phase and r.get("person"):
            s = score(r["answers"])
            if s is not None and (phase == "post" or r["person"] not in out):
                out[r["person"]] = s
    return out

pre, post = pick("pre"), pick("post")
d = [post[p] - pre[p] for p in pre if p in post]
n = len(d)
mean = sum(d) / n
sd = math.sqrt(sum((x - mean) ** 2 for x in d) / (n - 1))
t = mean / (sd / math.sqrt(n))
df = n - 1

def pdf(x):
    return (math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))
            * (1 + x * x / df) ** (-(df + 1) / 2))

def cdf0(x, steps=20000):      # integral of the density from 0 to x (Simpson)
    h = x / steps
    s = pdf(0) + pdf(x) + sum((4 if k % 2 else 2) * pdf(k * h) for k in range(1, steps))
    return s * h / 3

p = 1 - 2 * cdf0(abs(t))
a, b = 0.0, 50.0
for _ in range(80):              # the 0.975 quantile, by bisection
    m = (a + b) / 2
    a, b = (m, b) if 0.5 + cdf0(m, 4000) < 0.975 else (a, m)
q = (a + b) / 2
se = sd / math.sqrt(n)
want = {"pairs": n, "change": mean, "ci_low": mean - q * se,
        "ci_high": mean + q * se, "t": t, "df": df, "p": p, "d_z": mean / sd}
got = report["form-mestringstro"]["change"][0]
bad = [k for k, v in want.items() if abs(float(got[k]) - v) > 0.006]
print("python: change %.4f sd %.4f t %.4f p %.5f ci %.4f..%.4f"
      % (mean, sd, t, p, mean - q * se, mean + q * se))
sys.exit(1 if bad else 0)
PY
rc=$?
report $rc "the change, interval, t, p and d_z match an independent computation"
sed 's/^/# /' "$SCRATCH/python"

lms report course matlaging --format md
like "as Markdown" '^| PAIRS\|^| pairs | change | ci_low |' "$out"
lms report course matlaging --format csv
like "as CSV, block by block" '^form-mestringstro.change$' "$out"
lms report course matlaging --format tsv
is_rc 2 "a format the course report does not have"
lms report course nope
is_rc 66 "an unknown course"
lms report matlaging
is_rc 2 "without the word course"
lms report --from 2026-12-31 --to 2026-07-01 --format csv
is_rc 2 "a period that ends before it starts"
like "says so" "^lms: --to 2026-07-01 is before --from 2026-12-31: the period has no days$" "$err"

done_testing
