#!/bin/sh
# lms course show
. "$(dirname "$0")/lib.sh"

use_tree basic

lms course show matlaging
is_rc 0 "shows a course"
is_out "with its facilitators and sessions" <<'OUT'
course        matlaging
title         Matlaging og kosthold
status        open
target groups at-risk
topics        kosthold, rop
place         Treffstedet, kjøkkenet
capacity      10, with a waiting list
facilitators  fag-en (Fagperson En, professional): plan, deliver, evaluate
              bruker-to (Brukerrepresentant To, user-representative): plan, deliver, evaluate
forms         kursevaluering
follow-up     self-help-group

N  DATE        DAY  TIME         THEME
1  2026-09-07  mon  11:00-14:00  Kosthold i teori
2  2026-09-10  thu  11:00-14:00  Vi lager mat sammen
3  2026-09-14  mon  11:00-14:00  Handling på budsjett
4  2026-09-17  thu  11:00-14:00
OUT

lms course show matlaging --format yaml
is_rc 0 "shows a course as YAML"
is_out "in canonical form" <<'OUT'
id: matlaging
title: Matlaging og kosthold
status: open
target_groups: [at-risk]
topics: [kosthold, rop]
capacity: 10
waitlist: true
place: Treffstedet, kjøkkenet
facilitators:
  - id: fag-en
    phases: [plan, deliver, evaluate]
  - id: bruker-to
    phases: [plan, deliver, evaluate]
sessions:
  - date: 2026-09-07
    start: "11:00"
    end: "14:00"
    theme: Kosthold i teori
  - date: 2026-09-10
    start: "11:00"
    end: "14:00"
    theme: Vi lager mat sammen
  - date: 2026-09-14
    start: "11:00"
    end: "14:00"
    theme: Handling på budsjett
  - date: 2026-09-17
    start: "11:00"
    end: "14:00"
forms: [kursevaluering]
follow_up: [self-help-group]
OUT

# Sessions are numbered in date order, whatever the file's order.
"$LMS" course set matlaging sessions.4.date=2026-09-03 \
	sessions.2.place=Helsehuset >/dev/null
lms course show matlaging
is_out "in date order, with a place column when a session moves" <<'OUT'
course        matlaging
title         Matlaging og kosthold
status        open
target groups at-risk
topics        kosthold, rop
place         Treffstedet, kjøkkenet
capacity      10, with a waiting list
facilitators  fag-en (Fagperson En, professional): plan, deliver, evaluate
              bruker-to (Brukerrepresentant To, user-representative): plan, deliver, evaluate
forms         kursevaluering
follow-up     self-help-group

N  DATE        DAY  TIME         THEME                 PLACE
1  2026-09-03  thu  11:00-14:00
2  2026-09-07  mon  11:00-14:00  Kosthold i teori
3  2026-09-10  thu  11:00-14:00  Vi lager mat sammen   Helsehuset
4  2026-09-14  mon  11:00-14:00  Handling på budsjett
OUT

lms course show nope
is_rc 66 "an unknown course"
is_err "is named" <<'OUT'
lms: no such course: 'nope'
OUT
lms course show
is_rc 2 "no course given"
lms course show matlaging --format csv
is_rc 2 "show has text and YAML only"

done_testing
