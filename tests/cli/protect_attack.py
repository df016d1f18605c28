#!/usr/bin/env python3
"""The differencing reader of lms's shared reports, played for protect.t.

Builds two trees of courses whose people are known (fictional names), so
that every count is known exactly; reads each piece's published value
from one-course reports; then runs many reports (windows, groupings, sets
of trees) and checks that every published count is the sum of the piece
values in it, and that no difference of two published counts gives away a
count of 1 to k-1 people.

Usage: protect_attack.py SCRATCH, with LMS naming the lms binary.  The
trees are left in SCRATCH/p and SCRATCH/q for protect.t.  It prints one
line per test, "ok - DESCRIPTION" or "not ok - DESCRIPTION", each followed
by diagnostics as "# ..." lines; protect.t numbers them.
"""

import concurrent.futures
import csv
import datetime
import os
import subprocess
import sys

LMS = os.environ["LMS"]
K = 5
TODAY = "2026-12-01"
ENROL_DATE = "2025-09-01"
ENV = dict(os.environ, LMS_TODAY=TODAY, LMS_LOCK_TIMEOUT="30")
ENV.pop("LMS_DIR", None)

# The people of a course, in the order of its sign-up sheet: (number of
# people, municipality or "" for none, role).
P, R = "participant", "relative"

# tree: (host, partners, courses).  A course: id, first session (a Monday),
# sessions, capacity, topics, target groups, sheet, people absent (sheet
# index: sessions missed, from the first), sessions with attendance taken,
# closed, people of another course enrolled one by one after the sheet,
# drop-in headcounts (session, participants, relatives).
TREES = {
    "p": ("1806", ["1853", "1851"], [
        dict(id="p1", start="2025-10-06", count=3, cap=18,
             topics=["kosthold"], groups=["at-risk"],
             sheet=[(12, "1806", P), (3, "1853", P), (2, "1806", R),
                    (1, "1851", R), (2, "1806", P), (1, "1853", R)],
             absent={0: 1, 12: 2}, marked=3, close=True),
        dict(id="p2", start="2026-02-02", count=4, cap=None,
             topics=["kosthold", "mestring"], groups=["at-risk", "relatives"],
             sheet=[(9, "1806", P), (1, "1806", R), (4, "1853", P),
                    (2, "", P)],
             absent={4: 2}, marked=4, close=True,
             also=("p1", [1, 2, 3])),
        dict(id="p3", start="2026-04-13", count=3, cap=22,
             topics=["mestring"], groups=["relatives"],
             sheet=[(18, "1806", P), (2, "1851", P), (3, "1806", R),
                    (2, "1806", P)],
             marked=0, close=False),
        dict(id="p4", start="2026-09-07", count=3, cap=None,
             topics=[], groups=[],
             sheet=[(5, "1806", P), (4, "1806", R), (1, "1853", P)],
             marked=3, close=True),
        dict(id="p5", start="2026-11-02", count=3, cap=15,
             topics=["fysisk-aktivitet"], groups=["patients"],
             sheet=[(14, "1806", P), (1, "1806", R), (1, "1851", R),
                    (2, "1806", P), (1, "", R)],
             absent={3: 1}, marked=1, close=False),
    ]),
    "q": ("1806", ["1853"], [
        dict(id="q1", start="2026-03-02", count=3, cap=None,
             topics=["mestring"], groups=["patients"],
             sheet=[(10, "1806", P), (2, "1853", P), (3, "1806", R)],
             absent={0: 1, 1: 1}, marked=3, close=True),
        dict(id="q2", start="2026-10-05", count=3, cap=None,
             topics=["kosthold"], groups=[],
             sheet=[(3, "1853", P)], marked=0, close=False),
        dict(id="q3", start="2026-05-04", count=2, cap=None,
             topics=[], groups=["at-risk"], sheet=[], marked=0, close=False,
             headcounts=[(1, 2, 1), (2, 1, 0)]),
    ]),
}

COUNTS = ["participants", "relatives", "enrolments", "waitlisted",
          "attendances"]

results = []


def tap(ok, desc, diag=()):
    results.append((ok, desc, list(diag)))


def lms(args, cwd):
    p = subprocess.run([LMS] + args, cwd=cwd, env=ENV,
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def must(args, cwd):
    rc, out, err = lms(args, cwd)
    if rc != 0:
        raise RuntimeError("lms %s: exit %d: %s" % (" ".join(args), rc, err))
    return out


def parse_csv(text):
    """The rows of a report's CSV by their first cell, skipping # lines."""
    lines = [l for l in text.splitlines() if not l.startswith("#")]
    rows = list(csv.reader(lines))
    if not rows:
        return [], {}
    head = rows[0]
    table = {}
    for r in rows[1:]:
        table[r[0]] = dict(zip(head, r))
    return head, table


def names(keys):
    """Pieces as short names, such as p/p1/1853/part."""
    return "{%s}" % ", ".join(sorted("/".join(k) for k in keys))


def num(cell):
    """A published count as an int, or None when it is not a number."""
    try:
        return int(cell)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- fixture

def muni_name(m):
    return m if m else "unknown"


class Course:
    def __init__(self, tree, spec):
        self.tree = tree
        self.spec = spec
        self.id = spec["id"]
        self.start = spec["start"]
        self.people = []     # (name, municipality, role) in request order
        self.placed = []     # indexes into people
        self.waiting = []


def build_tree(root, name, host, partners, courses):
    must(["init", name, "--name", "Test service " + name.upper(),
          "--municipality", host], root)
    tree = os.path.join(root, name)
    path = os.path.join(tree, "lms.yaml")
    with open(path) as f:
        text = f.read()
    text = text.replace("partners: []", "partners: [%s]" %
                        ", ".join('"%s"' % m for m in partners))
    with open(path, "w") as f:
        f.write(text)
    built = {}
    for spec in courses:
        c = Course(name, spec)
        built[c.id] = c
        args = ["course", "new", c.id, "--title", "Kurs " + c.id,
                "--start", c.start, "--days", "mon",
                "--count", str(spec["count"]), "--time", "10:00-11:00"]
        if spec["cap"]:
            args += ["--capacity", str(spec["cap"])]
        if spec["groups"]:
            args += ["--target-group", ",".join(spec["groups"])]
        must(args, tree)
        sets = ["status=open"]
        if spec["topics"]:
            sets.append("topics=" + ",".join(spec["topics"]))
        must(["course", "set", c.id] + sets, tree)
        i = 0
        sheet = ["navn,kommune,rolle"]
        for n, m, role in spec["sheet"]:
            for _ in range(n):
                i += 1
                who = "%s %s %d" % (name.upper(), c.id, i)
                c.people.append((who, m, role))
                sheet.append("%s,%s,%s" % (who, m, role))
        if c.people:
            csvpath = os.path.join(root, "%s-%s.csv" % (name, c.id))
            with open(csvpath, "w") as f:
                f.write("\n".join(sheet) + "\n")
            must(["enrol", c.id, "--csv", csvpath, "--date", ENROL_DATE],
                 tree)
        ids = roster_ids(tree, c.id)
        if "also" in spec:
            other, idx = spec["also"]
            oids = roster_ids(tree, other)
            for j in idx:
                who, m, role = built[other].people[j]
                must(["enrol", c.id, oids[who], "--date", ENROL_DATE], tree)
                c.people.append((who, m, role))
            ids = roster_ids(tree, c.id)
        cap = spec["cap"] or len(c.people)
        c.placed = list(range(min(cap, len(c.people))))
        c.waiting = list(range(len(c.placed), len(c.people)))
        absent = spec.get("absent", {})
        for s in range(1, spec["marked"] + 1):
            gone = [ids[c.people[j][0]] for j, miss in absent.items()
                    if s <= miss]
            args = ["attend", c.id, str(s), "--all"]
            if gone:
                args += ["--absent", ",".join(gone)]
            must(args, tree)
        for s, np, nr in spec.get("headcounts", []):
            must(["attend", c.id, str(s), "--headcount",
                  "participants=%d,relatives=%d" % (np, nr)], tree)
        if spec["close"]:
            must(["course", "close", c.id], tree)
    return built


def roster_ids(tree, cid):
    out = must(["roster", cid, "--format", "tsv"], tree)
    ids = {}
    for line in out.splitlines()[1:]:
        f = line.split("\t")
        ids[f[1]] = f[0]
    return ids


def truth(courses):
    """The true pieces: (tree, course, municipality, kind) -> people, for
    kind part, rel, wait; and per piece of people its completion and
    attendance marks: (tree, course, municipality, role) -> dict."""
    pieces = {}
    detail = {}
    for c in courses:
        spec = c.spec
        absent = spec.get("absent", {})
        for j in c.placed:
            _, m, role = c.people[j]
            key = (c.tree, c.id, muni_name(m), "part" if role == P else "rel")
            pieces[key] = pieces.get(key, 0) + 1
            d = detail.setdefault(key, dict(c=0, nc=0, present=0, absent=0))
            miss = min(absent.get(j, 0), spec["marked"])
            d["present"] += spec["marked"] - miss
            d["absent"] += miss
            if spec["close"]:
                if (spec["count"] - miss) / spec["count"] >= 0.75:
                    d["c"] += 1
                else:
                    d["nc"] += 1
        for j in c.waiting:
            key = (c.tree, c.id, muni_name(c.people[j][1]), "wait")
            pieces[key] = pieces.get(key, 0) + 1
        hc = sum(a + b for _, a, b in spec.get("headcounts", []))
        if hc:
            pieces[(c.tree, c.id, "unknown", "dropin")] = hc
    return pieces, detail


# ---------------------------------------------------------------- reports

def row_names(grouping, c, multi):
    d = datetime.date.fromisoformat(c.start)
    if grouping == "course":
        return [("%s/%s" % (c.tree, c.id)) if multi else c.id]
    if grouping == "year":
        return [str(d.year)]
    if grouping == "term":
        return ["%d %s" % (d.year, "spring" if d.month <= 6 else "autumn")]
    if grouping == "topic":
        return c.spec["topics"] or ["(none)"]
    if grouping == "target-group":
        return c.spec["groups"] or ["(none)"]
    raise ValueError(grouping)


def in_window(c, w):
    lo, hi = w
    return (lo is None or c.start >= lo) and (hi is None or c.start <= hi)


def report_args(trees, w, grouping, exact=False):
    args = ["report"]
    for t in trees:
        args += ["--tree", t]
    if w[0]:
        args += ["--from", w[0]]
    if w[1]:
        args += ["--to", w[1]]
    args += ["--by", grouping, "--format", "csv"]
    if exact:
        args.append("--exact")
    return args


def expected_rows(courses, grouping, multi, piece_keys):
    """Row name -> (courses of the row, piece keys of the row)."""
    rows = {}
    for c in courses:
        mine = [k for k in piece_keys if k[0] == c.tree and k[1] == c.id]
        if grouping == "municipality":
            for k in mine:
                rows.setdefault(k[2], (set(), set()))[1].add(k)
            continue
        for name in row_names(grouping, c, multi):
            r = rows.setdefault(name, (set(), set()))
            r[0].add((c.tree, c.id))
            r[1].update(mine)
    allc = set((c.tree, c.id) for c in courses)
    allk = set(k for c in courses for k in piece_keys
               if k[0] == c.tree and k[1] == c.id)
    rows["total"] = (allc, allk)
    return rows


def column_pieces(keys, col):
    kinds = {"participants": ("part",), "relatives": ("rel",),
             "enrolments": ("part", "rel"), "waitlisted": ("wait",),
             "attendances": ("att",)}[col]
    return frozenset(k for k in keys if k[3] in kinds)


def main():
    scratch = sys.argv[1]
    courses = {}
    for name, (host, partners, specs) in TREES.items():
        for c in build_tree(scratch, name, host, partners, specs).values():
            courses[(name, c.id)] = c
    allc = list(courses.values())
    true, detail = truth(allc)

    # lms init makes the key; a report uses it, silently, and the next
    # report gives the same figures.
    for name in TREES:
        key = os.path.join(scratch, name, "people", "report-key")
        try:
            with open(key) as f:
                text = f.read()
            mode = os.stat(key).st_mode & 0o777
        except OSError as e:
            text, mode = str(e), 0
        tap(len(text) == 65 and text.endswith("\n") and
            all(ch in "0123456789abcdef" for ch in text[:64]) and
            mode == 0o600,
            "tree %s: lms init made people/report-key, 64 hex digits, mode "
            "0600" % name, ["%r, mode %o" % (text, mode)])
        rc, out, err = lms(["report", "--format", "csv"],
                           os.path.join(scratch, name))
        rc2, out2, err2 = lms(["report", "--format", "csv"],
                              os.path.join(scratch, name))
        tap(rc == rc2 == 0 and err == err2 == "" and out2 == out,
            "tree %s: a report uses it, silently, and the next gives the "
            "same figures" % name, ["exit %d, stderr: %r" % (rc, err)])

    # The pieces as published: one course at a time, by municipality.
    pub = {}
    bad = []
    for c in allc:
        out = must(report_args([c.tree], (c.start, c.start),
                               "municipality"), scratch)
        head, table = parse_csv(out)
        for m, row in table.items():
            if m == "total":
                continue
            for col, kind in (("participants", "part"),
                              ("relatives", "rel"),
                              ("waitlisted", "wait"),
                              ("attendances", "att")):
                v = num(row.get(col))
                if v is None:
                    bad.append("%s/%s %s %s: %r" % (c.tree, c.id, m, col,
                                                    row.get(col)))
                    v = 0
                if v:
                    pub[(c.tree, c.id, m, kind)] = v
    tap(not bad, "every piece is published as a number",
        bad[:10])

    # Each piece: 0 and k or more exact; 1 to k-1 as 0 or k.
    wrong = []
    small = {0: 0, K: 0}
    for key in sorted(set(true) | set(k for k in pub if k[3] != "att")):
        if key[3] == "dropin":
            continue
        n, v = true.get(key, 0), pub.get(key, 0)
        if 1 <= n < K:
            if v not in (0, K):
                wrong.append("%s: %d people published as %d" % (key, n, v))
            else:
                small[v] += 1
        elif v != n:
            wrong.append("%s: %d people published as %d" % (key, n, v))
    nsmall = sum(1 for k, n in true.items() if 1 <= n < K and
                 k[3] != "dropin")
    tap(not wrong, "%d pieces of 1 to %d people are published as 0 or %d, "
        "the others exactly" % (nsmall, K - 1, K), wrong[:20])
    # With over 20 small pieces, both draws turn up but for a chance of
    # about one in 10^5: a rounding that always gives 0 is suppression.
    tap(small[0] > 0 and small[K] > 0,
        "small pieces are rounded both ways (%d to 0, %d to %d)"
        % (small[0], small[K], K))
    # A piece of fewer than k people counts in the people columns only:
    # marks present would tell how many there are.
    wrong = []
    for key, v in sorted(pub.items()):
        if key[3] != "att":
            continue
        n = [true.get(key[:3] + (kind,), 0) for kind in ("part", "rel")]
        if all(x < K for x in n) and key[2] != "unknown":
            wrong.append("%s: %d people, attendances %d" %
                         ("/".join(key[:3]), sum(n), v))
    tap(not wrong, "the attendances of pieces of fewer than %d people are "
        "left out" % K, wrong[:10])
    dropin = [k for k in true if k[3] == "dropin"]
    for k in dropin:
        n = true[k]
        v = pub.get((k[0], k[1], "unknown", "att"), 0)
        ok = v == n if n >= K else v in (0, K)
        tap(ok, "a drop-in headcount of %d is published as %s" %
            (n, "itself" if n >= K else "0 or %d" % K), ["published %d" % v])

    # The attacker's reports.
    # Under the sanitizers each run of lms is slow: fewer windows do, as
    # the plain build runs them all.
    dates = sorted(set(c.start for c in allc))
    starts = dates[::4] if os.environ.get("LMS_SANITIZE") else dates
    windows = [(None, None)]
    windows += [(a, b) for i, a in enumerate(dates) for b in dates[i:]
                if a in starts]
    windows += [(None, b) for b in dates[1::3]] + \
               [(a, None) for a in dates[1::3]]
    # Every window of both trees by course and municipality; the other
    # groupings, and the trees one at a time, once for each set of courses
    # that a window holds, for time.
    jobs = []
    seen = set()
    for trees in (["p"], ["q"], ["p", "q"]):
        groupings = ["course", "municipality"]
        if len(trees) > 1:
            groupings += ["year", "term", "topic", "target-group"]
        for w in windows:
            held = frozenset(c for c in allc
                             if c.tree in trees and in_window(c, w))
            for g in groupings:
                every = len(trees) > 1 and g in ("course",
                                                 "municipality") and \
                    not os.environ.get("LMS_SANITIZE")
                if every or (tuple(trees), held, g) not in seen:
                    seen.add((tuple(trees), held, g))
                    jobs.append((tuple(trees), w, g))
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        outs = list(ex.map(lambda j: lms(report_args(list(j[0]), j[1], j[2]),
                                         scratch), jobs))

    piece_keys = set(true) | set(pub)
    piece_keys = set(k for k in piece_keys if k[3] != "dropin")
    piece_keys |= set((k[0], k[1], k[2], "att") for k in list(piece_keys))
    piece_keys |= set((k[0], k[1], "unknown", "att") for k in dropin)
    value = dict(pub)

    def pubsum(keys):
        return sum(value.get(k, 0) for k in keys)

    def truesum(keys):
        return sum(true.get(k, 0) for k in keys)

    addfail = {}
    totals = {}
    cells = {}       # piece set -> {published values}
    rates = []
    failed_runs = []
    ncells = 0
    for (trees, w, g), (rc, out, err) in zip(jobs, outs):
        label = "%s %s..%s by %s" % ("+".join(trees), w[0] or "", w[1] or "",
                                     g)
        if rc != 0:
            failed_runs.append("%s: exit %d: %s" % (label, rc, err.strip()))
            continue
        sel = [c for c in allc if c.tree in trees and in_window(c, w)]
        exp = expected_rows(sel, g, len(trees) > 1, piece_keys)
        head, table = parse_csv(out)
        totals.setdefault((trees, w), {})[g] = \
            [v for k, v in table.get("total", {}).items() if k != head[0]]
        fails = addfail.setdefault((trees, g), [])
        for name in set(exp) | set(table):
            row = table.get(name, {})
            cs, keys = exp.get(name, (set(), set()))
            for col in COUNTS:
                want = pubsum(column_pieces(keys, col))
                got = num(row.get(col, "0"))
                if got != want:
                    fails.append("%s, row %s, %s: %s, the pieces sum to %d" %
                                 (label, name, col, row.get(col), want))
                if col != "attendances" and got is not None:
                    ncells += 1
                    cells.setdefault(
                        frozenset(k for k in column_pieces(keys, col)
                                  if true.get(k, 0)), set()).add(got)
            if g != "municipality" and row:
                if num(row.get("courses")) != len(cs):
                    fails.append("%s, row %s, courses: %s, not %d" %
                                 (label, name, row.get("courses"), len(cs)))
            if row:
                rates.append((label, name, keys, row))
    tap(not failed_runs, "%d reports over %d windows, 3 sets of trees and "
        "6 groupings all run" % (len(jobs), len(windows)), failed_runs[:5])
    for (trees, g), fails in addfail.items():
        tap(not fails, "additive: by %s over %s, every row and the total of "
            "every window is the sum of its pieces' published values" %
            (g, " and ".join(trees)), fails[:8] +
            (["... %d more" % (len(fails) - 8)] if len(fails) > 8 else []))

    diff = []
    for (trees, w), by in totals.items():
        first = None
        for g, row in sorted(by.items()):
            if first is None:
                first = (g, row)
            elif row != first[1]:
                diff.append("%s %s: by %s %s, by %s %s" %
                            ("+".join(trees), w, first[0], first[1], g, row))
    tap(not diff, "the total row is the same in every grouping of a window "
        "(%d windows and sets of trees)" % len(totals), diff[:5])

    # The same people give the same figure, in whatever report.
    incons = ["%s: %s" % (names(k), sorted(v))
              for k, v in cells.items() if len(v) > 1]
    tap(not incons, "%d published counts, one value for each set of people "
        "(%d sets)" % (ncells, len(cells)), incons[:5])

    # The reader subtracts every published count from every other whose
    # people it holds.  Whenever the difference is 1 to k-1 people, what
    # the reader gets must be a multiple of k, never the count.
    cells.setdefault(frozenset(), {0})
    sets = [(s, min(v)) for s, v in cells.items()]
    tried = hits = 0
    leaks = []
    for a, va in sets:
        for b, vb in sets:
            if len(b) >= len(a) or not b < a:
                continue
            tried += 1
            d = truesum(a - b)
            if 1 <= d < K:
                hits += 1
                if (va - vb) % K:
                    leaks.append("%d - %d = %d: the people of %s, who are %d"
                                 % (va, vb, va - vb, names(a - b), d))
    tap(not leaks and hits > 50,
        "the differencing reader: %d pairs of published counts, %d of them "
        "1 to %d people apart, none gives it away" % (tried, hits, K - 1),
        leaks[:10])

    # Rates: the completed and not-completed counts (and the marks present
    # and absent) that a rate implies, with its whole known, never pin a
    # count of 1 to k-1.
    pins = []
    nrates = 0
    for label, name, keys, row in rates:
        big = [k for k in keys if k[3] in ("part", "rel") and
               true.get(k, 0) >= K]
        for col, yes, no in (("completion_pct", "c", "nc"),
                             ("attendance_pct", "present", "absent")):
            y = sum(detail[k][yes] for k in big)
            n = sum(detail[k][no] for k in big)
            cell = row.get(col, "")
            if y + n == 0:
                if cell != "":
                    pins.append("%s, %s: %s from no one" % (label, name, col))
                continue
            pct = num(cell)
            if pct is None:
                pins.append("%s, row %s, %s: %r" % (label, name, col, cell))
                continue
            nrates += 1
            whole = y + n
            fits = [x for x in range(whole + 1)
                    if abs(100.0 * x / whole - pct) <= 0.5 + 1e-9]
            for part, t in ((fits, y), ([whole - x for x in fits], n)):
                if t in part and all(1 <= x < K for x in part):
                    pins.append("%s, row %s, %s %s of %d gives away %d" %
                                (label, name, col, cell, whole, t))
    tap(not pins, "%d rates pin no count of 1 to %d" % (nrates, K - 1),
        pins[:8])

    check_exact(scratch, allc, true)
    check_each(scratch, allc, pub)


def check_exact(scratch, allc, true):
    for g in ("course", "municipality"):
        rc, out, err = lms(report_args(["p", "q"], (None, None), g, True),
                           scratch)
        first = out.split("\n", 1)[0]
        tap(rc == 0 and first == "# internal: exact figures, not for sharing",
            "--exact by %s: its CSV starts with the internal line" % g,
            ["exit %d, first line %r" % (rc, first)])
        head, table = parse_csv(out)
        keys = set(k for k in true if k[3] != "dropin")
        exp = expected_rows(allc, g, True, keys)
        fails = []
        for name in set(exp) | set(table):
            row = table.get(name, {})
            ks = exp.get(name, (set(), set()))[1]
            for col in COUNTS[:4]:
                want = sum(true.get(k, 0) for k in column_pieces(ks, col))
                if num(row.get(col, "0")) != want:
                    fails.append("row %s, %s: %s, not %d" %
                                 (name, col, row.get(col), want))
        tap(not fails, "--exact by %s: every count is the true one" % g,
            fails[:8])


def each_figures(text, cid):
    """The row of course CID (or the total) in a per-course CSV file."""
    lines = [l for l in text.splitlines() if not l.startswith("#")]
    rows = list(csv.reader(lines))
    for i, r in enumerate(rows):
        if "participants" in r and "waitlisted" in r:
            found = {}
            for s in rows[i + 1:]:
                if len(s) != len(r):
                    break
                found[s[0]] = dict(zip(r, s))
            return found.get("total") or found.get(cid)
    return None


def check_each(scratch, allc, pub):
    for t in TREES:
        out = os.path.join(scratch, "each-" + t)
        rc, o, err = lms(["-C", t, "report", "--each", "course", "--out", out,
                          "--format", "csv"], scratch)
        tap(rc == 0, "tree %s: --each course writes a file per course" % t,
            [err.strip()])
        fails = []
        for c in allc:
            if c.tree != t:
                continue
            path = os.path.join(out, c.id + ".csv")
            try:
                with open(path) as f:
                    row = each_figures(f.read(), c.id)
            except OSError as e:
                fails.append(str(e))
                continue
            if row is None:
                fails.append("%s: no figures" % path)
                continue
            for col, kinds in (("participants", ("part",)),
                               ("relatives", ("rel",)),
                               ("waitlisted", ("wait",))):
                want = sum(v for k, v in pub.items()
                           if k[0] == t and k[1] == c.id and k[3] in kinds)
                if num(row.get(col)) != want:
                    fails.append("%s %s: %s, the aggregate's pieces %d" %
                                 (c.id, col, row.get(col), want))
        tap(not fails, "tree %s: the per-course files show the pieces' "
            "published values, as the aggregate does" % t, fails[:8])


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a broken fixture is a failed test, not a crash
        import traceback
        tap(False, "the attack ran to the end",
            traceback.format_exc().splitlines())
    for ok, desc, diag in results:
        print("%s - %s" % ("ok" if ok else "not ok", desc))
        if not ok:
            for d in diag:
                print("# " + d)
    sys.exit(0)
