#!/usr/bin/env python3
"""The peers of lms in make bench: the same tables computed from the same
files by a short program on python3-yaml's C loader, to measure lms
against and to check its figures.

    peer.py TREE TODAY          the table of `lms report --exact --by
                                municipality --format csv`, every figure
                                exact
    peer.py --list TREE         the table of `lms course list --format csv`
    peer.py --check TREE        the findings of `lms check` on who takes
                                part in each phase and on evaluation forms,
                                as CSV: course,message (see check_rows),
                                from every file of each course parsed, as
                                any check must
    peer.py --of-check CSV      the same findings picked out of `lms check
                                --format csv`, to compare with --check

Definitions, as lms-report(1) gives them: a course counts unless it is
cancelled; people take part when enrolled, completed or not-completed;
participants and relatives count a person once in each course they take
part in, as the distinct (person, role) of the course, summed over the
courses of the row (someone on two courses counts twice, and the total is
the sum of the rows), and so do staff; enrolments are the three together (lms
refuses a course with two records of one person, so a person has one role
on a course and these are the records that take part); waits are days
from request to the first session, at least 0; attendance is present of
marked; drop-in headcounts count as attendances of an "unknown"
municipality; pairs pair a person's earliest pre and latest post answer
of the self-efficacy form; user representatives count by their role on
the course, else their kind in the registry, and all three phases as
declared are user_rep_all_phases_declared (as they happened, they need
meetings, which the generated trees have none of: 0).  The exact figures
take every course and every person, however few; only the shared report
rounds small ones.
"""
import csv
import datetime
import math
import os
import re
import statistics
import sys

import yaml

Loader = yaml.CSafeLoader
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def load(path):
    try:
        with open(path, "rb") as f:
            return yaml.load(f, Loader=Loader)
    except FileNotFoundError:
        return None


def day(v):
    return v if isinstance(v, datetime.date) else datetime.date.fromisoformat(str(v))


def score(form, answers):
    lo, hi = form["scale"]["min"], form["scale"]["max"]
    items = [i for i in form["items"] if i.get("type", "scale") == "scale"]
    vals = []
    for i in items:
        v = answers.get(i["id"])
        if isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi:
            vals.append(hi + lo - v if i.get("reverse") else v)
    if not items or len(vals) < 0.8 * len(items):
        return None
    s = sum(vals)
    return s * len(items) / len(vals) if form.get("score") == "sum" else s / len(vals)


def pairs(form, evaluations):
    pick = {"pre": {}, "post": {}}
    for e in evaluations or []:
        if e.get("form") != form["id"] or not e.get("person"):
            continue
        phase = e.get("phase")
        if phase not in pick or score(form, e.get("answers") or {}) is None:
            continue
        old = pick[phase].get(e["person"])
        date = e.get("date")
        if old is None:
            pick[phase][e["person"]] = e
        elif date is None or old.get("date") is None or day(date) == day(old["date"]):
            if phase == "post":
                pick[phase][e["person"]] = e
        elif (day(date) < day(old["date"])) == (phase == "pre"):
            pick[phase][e["person"]] = e
    out = []
    for person, pre in pick["pre"].items():
        if person in pick["post"]:
            out.append((person, score(form, pre["answers"]),
                        score(form, pick["post"][person]["answers"])))
    return out


class Row:
    def __init__(self):
        self.courses = set()
        self.sessions = 0
        self.ur = self.declared = 0
        self.participants = self.relatives = self.staff = 0
        self.seen, self.seen_in = set(), None
        self.waitlisted = 0
        self.completed = self.not_completed = 0
        self.present = self.marked = self.headcount = 0
        self.waits = []
        self.changes = []
        self.pre = self.post = 0.0

    def course(self, cid, held, ur):
        if cid not in self.courses:
            self.courses.add(cid)
            self.sessions += held
            self.ur += ur[0]
            self.declared += ur[1]

    def place(self, cid, person, role):
        """Counts a person taking part in course cid, once per course."""
        if self.seen_in != cid:
            self.seen, self.seen_in = set(), cid
        if (person, role) in self.seen:
            return
        self.seen.add((person, role))
        if role == "relative":
            self.relatives += 1
        elif role == "staff":
            self.staff += 1
        else:
            self.participants += 1


def course_ids(tree):
    """The courses: folders of courses/ named by an id, with a course.yaml."""
    base = os.path.join(tree, "courses")
    return sorted(c for c in os.listdir(base)
                  if ID.fullmatch(c) and os.path.isfile(os.path.join(base, c, "course.yaml")))


def list_rows(tree):
    """lms-course(1) list: one row per course, by first session, then id;
    courses without sessions last."""
    rows = []
    for cid in course_ids(tree):
        course = load(os.path.join(tree, "courses", cid, "course.yaml"))
        dates = [day(s["date"]) for s in course.get("sessions") or []]
        cap = course.get("capacity")
        rows.append(((0, min(dates)) if dates else (1, datetime.date.min), cid, [
            cid, course.get("status", "planned"),
            min(dates).isoformat() if dates else "",
            max(dates).isoformat() if dates else "",
            len(dates), "" if cap is None else cap, course.get("title", "")]))
    rows.sort(key=lambda r: (r[0], r[1]))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "status", "first", "last", "sessions", "capacity", "title"])
    for r in rows:
        out.writerow(r[2])


# The findings of lms check that this peer computes, by phase: who is
# missing from planning, delivery and evaluation of a course that is not
# cancelled (a facilitator counts by the role the course gives it, else
# by the registry's kind, and only when the registry knows it), and a
# course without an evaluation form.
PHASES = [("plan", "planning"), ("deliver", "delivery"), ("evaluate", "evaluation")]
NO_FORM = "the course has no evaluation form (forms:)"


def check_messages():
    return {NO_FORM} | {"no %s takes part in %s" % (who, noun) for _, noun in PHASES
                        for who in ("user representative", "professional")}


def write_findings(rows):
    """Sorted, so that the order in which lms finds them does not matter."""
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["course", "message"])
    out.writerows(sorted(rows))


def of_check(path):
    """The rows of lms check's CSV that check_rows computes, by course."""
    wanted, rows = check_messages(), []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            m = re.search(r"/courses/([^/]+)/course\.yaml$", r["path"])
            if m and r["message"] in wanted:
                rows.append([m.group(1), r["message"]])
    write_findings(rows)


# The files of a course besides its plan.  A check must parse each of
# them to tell whether it loads, though the findings computed here need
# only the plan: the peer's time is that of the least a check in Python
# can do.
COURSE_FILES = ("enrolments.yaml", "attendance.yaml", "evaluations.yaml",
                "meetings.yaml", "facilitator-evaluations.yaml")


def check_rows(tree):
    registry = {f["id"]: f for f in load(os.path.join(tree, "people/facilitators.yaml")) or []}
    rows = []
    for cid in course_ids(tree):
        course = load(os.path.join(tree, "courses", cid, "course.yaml"))
        for name in COURSE_FILES:
            load(os.path.join(tree, "courses", cid, name))
        if course.get("status", "planned") == "cancelled":
            continue
        if not course.get("forms"):
            rows.append([cid, NO_FORM])
        have = {"user-representative": set(), "professional": set()}
        for f in course.get("facilitators") or []:
            if f["id"] not in registry:
                continue
            kind = f.get("role") or registry[f["id"]].get("kind")
            have.get(kind, set()).update(f.get("phases") or [])
        for phase, noun in PHASES:
            for kind, who in (("user-representative", "user representative"),
                              ("professional", "professional")):
                if phase not in have[kind]:
                    rows.append([cid, "no %s takes part in %s" % (who, noun)])
    write_findings(rows)


def main():
    if sys.argv[1] == "--list":
        return list_rows(sys.argv[2])
    if sys.argv[1] == "--check":
        return check_rows(sys.argv[2])
    if sys.argv[1] == "--of-check":
        return of_check(sys.argv[2])
    tree, today = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
    facilitators = {f["id"]: f for f in load(os.path.join(tree, "people/facilitators.yaml")) or []}
    form = load(os.path.join(tree, "forms/mestringstro.yaml"))
    rows, total = {}, Row()
    for cid in sorted(os.listdir(os.path.join(tree, "courses"))):
        base = os.path.join(tree, "courses", cid)
        course = load(os.path.join(base, "course.yaml"))
        if course.get("status", "planned") == "cancelled":
            continue
        dates = [day(s["date"]) for s in course.get("sessions") or []]
        first = min(dates) if dates else None
        held = sum(1 for d in dates if d <= today)
        phases = set()
        for f in course.get("facilitators") or []:
            kind = f.get("role") or facilitators.get(f["id"], {}).get("kind")
            if kind == "user-representative":
                phases.update(f.get("phases") or [])
        declared = int({"plan", "deliver", "evaluate"} <= phases)
        # As it happened, planning and evaluation need meetings.yaml,
        # which this peer does not read: it refuses a tree that has one.
        if os.path.exists(os.path.join(base, "meetings.yaml")):
            sys.exit("peer.py: %s has meetings.yaml, which the peer does not read" % cid)
        ur = (0, declared)
        enrolments = load(os.path.join(base, "enrolments.yaml")) or []
        attendance = load(os.path.join(base, "attendance.yaml")) or {}
        evaluations = load(os.path.join(base, "evaluations.yaml")) if form else None
        where = {}
        total.course(cid, held, ur)
        for e in enrolments:
            key = e.get("municipality") or "unknown"
            where[e["person"]] = key
            if e["status"] == "withdrawn":
                continue
            for r in (rows.setdefault(key, Row()), total):
                r.course(cid, held, ur)
                if e["status"] == "waitlisted":
                    r.waitlisted += 1
                    continue
                r.place(cid, e["person"], e["role"])
                r.completed += e["status"] == "completed"
                r.not_completed += e["status"] == "not-completed"
                if first and e.get("requested"):
                    r.waits.append(max(0, (first - day(e["requested"])).days))
        for date, marks in attendance.items():
            if day(date) not in dates:
                continue
            for person, presence in (marks or {}).items():
                if person == "headcount":
                    n = presence.get("participants", 0) + presence.get("relatives", 0)
                    for r in (rows.setdefault("unknown", Row()), total):
                        r.course(cid, held, ur)
                        r.headcount += n
                    continue
                for r in (rows.setdefault(where.get(person, "unknown"), Row()), total):
                    r.marked += 1
                    r.present += presence == "present"
        listed = form and "mestringstro" in (course.get("forms") or [])
        for person, before, after in pairs(form, evaluations) if listed else []:
            for r in (rows.setdefault(where.get(person, "unknown"), Row()), total):
                r.changes.append(after - before)
                r.pre += before
                r.post += after
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["municipality", "courses", "sessions", "participants", "relatives",
                  "enrolments", "waitlisted", "completion_pct", "attendances",
                  "attendance_pct", "wait_days", "user_rep_all_phases", "pairs",
                  "before", "after", "change", "d_z", "user_rep_all_phases_declared",
                  "staff"])
    keys = sorted(k for k in rows if k != "unknown") + (["unknown"] if "unknown" in rows else [])
    for key, r in [(k, rows[k]) for k in keys] + [("total", total)]:
        judged = r.completed + r.not_completed
        n = len(r.changes)
        sd = statistics.stdev(r.changes) if n > 1 else float("nan")
        out.writerow([
            key, len(r.courses), r.sessions,
            r.participants, r.relatives,
            r.participants + r.relatives + r.staff, r.waitlisted,
            "%.0f" % (100 * r.completed / judged) if judged else "",
            r.present + r.headcount,
            "%.0f" % (100 * r.present / r.marked) if r.marked else "",
            "%g" % statistics.median(r.waits) if r.waits else "",
            r.ur, n,
            "%.2f" % (r.pre / n) if n else "",
            "%.2f" % (r.post / n) if n else "",
            "%.2f" % statistics.mean(r.changes) if n else "",
            "%.2f" % (statistics.mean(r.changes) / sd) if n > 1 and sd > 0 else "",
            r.declared, r.staff,
        ])


if __name__ == "__main__":
    main()
