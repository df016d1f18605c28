"""Random strings for lms to write, and checks that other YAML readers read
them back as the same strings (tests/cli/yaml-readers.t).

    yaml_readers.py strings N SEED [line]   N strings, hex, one a line
    yaml_readers.py nul N SEED [line]       the same, NUL-separated UTF-8
    yaml_readers.py check READER DOC HEX    DOC as emit_strings wrote it
    yaml_readers.py tree READER DIR ANY LINE   the files of the tree test

READER is pyyaml (PyYAML's safe_load, YAML 1.1), ruamel (ruamel.yaml's
default round-trip loader, YAML 1.2) or json (DOC is the JSON that the
go-yaml reader, yaml2json.go, made of it).  With "line", strings have no
control characters (C0, DEL or C1), as names from the command line.  A check prints
each difference and exits 1 if there was one.
"""
import json
import random
import sys

WORDS = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
SPECIAL = [
    "<<", "=", "?", ":", "-", "#", "---", "...", "- x", "? x", ": x",
    "x:", "a: b", "a #b", "&a", "*a", "!x", "!!str", "%x", "@x", "`x",
    "|", ">", "'", '"', "[", "]", "{", "}", ",", "[a]", "{a: b}",
    "0x1f", "0X1F", "1e3", "1E3", "0o17", "0O17", "0b101", "1_000", ".5",
    "5.", "012", "+1", "-1", "+.inf", "-.Inf", ".inf", ".NaN", ".nan",
    "1:30", "190:20:30", "1.5e-3", "1e+5", "12", "3.14", "0", "-0",
    "2026-09-07", "2026-9-7", "2026-09-07T10:12:33Z",
    "2026-09-07t10:12:33.5+02:00", "2026-09-07 10:12:33",
    "2026-09-07 10:12:33 -7", "2026-09-07 10:12:33,5", "11:00", "23:59:59",
    "2026-09-matlaging",
    "p-7k3q9x", "Kom i form", "Treffstedet, kjøkkenet",
]
PIECES = [
    "a", "Z", "7", " ", "  ", "\t", "æ", "ø", "å", "Æ", "Ø", "Å", "é",
    "\U0001F600", "\U0001F44D\U0001F3FD", "\U0001F469\u200D\U0001F4BB",
    "\u00a0", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe",
    "\uffff", "\ue000", "\U0010ffff", "\u0080", "\u009f", "\u200b",
    "–", "“", "”", "«", "»", "€",
] + [chr(c) for c in range(0x21, 0x7f) if not chr(c).isalnum()]
CONTROLS = [chr(c) for c in range(1, 0x20)] + ["\x7f", "\r\n"]


def all_cases(word):
    """Every way to write word in upper and lower case."""
    out = [""]
    for ch in word:
        cases = [ch.lower(), ch.upper()] if ch.lower() != ch.upper() else [ch]
        out = [o + c for o in out for c in cases]
    return out


def strings(n, seed, line):
    rnd = random.Random(seed)
    fixed = [c for w in WORDS for c in all_cases(w)] + SPECIAL
    # Names on one line have no control characters: no tab, no C1.
    pieces = ([p for p in PIECES if p != "\t" and not "\x80" <= p <= "\x9f"]
              if line else PIECES + CONTROLS)
    # All of the fixed strings when there is room, then random ones.
    out = rnd.sample(fixed, min(len(fixed), n // 2))
    while len(out) < n:
        k = rnd.random()
        if k < 0.3:
            s = rnd.choice(fixed)
            s = "".join(c.upper() if rnd.random() < 0.3 else c for c in s)
        elif k < 0.5:
            s = rnd.choice(fixed) + rnd.choice(pieces) + rnd.choice(fixed)
        else:
            s = "".join(rnd.choice(pieces + fixed[-40:])
                        for _ in range(rnd.randint(1, 8)))
        if rnd.random() < 0.1:
            s = " " + s
        if rnd.random() < 0.1:
            s = s + " "
        out.append(s)
    return out


def read_hex(path):
    with open(path) as f:
        return [bytes.fromhex(l.strip()).decode() for l in f if l.strip()]


def load(reader, path):
    with open(path, "rb") as f:
        text = f.read()
    if reader == "pyyaml":
        import yaml
        return yaml.safe_load(text)
    if reader == "ruamel":
        from ruamel.yaml import YAML
        return YAML().load(text)
    return json.loads(text)


def plain(v):
    """ruamel's mappings and lists as dict and list."""
    if isinstance(v, dict):
        return {plain(k): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def same(got, want):
    """Equal, and strings are strings (1 == True in Python)."""
    if isinstance(want, str) or isinstance(got, str):
        return type(got) is str and type(want) is str and got == want
    if isinstance(want, dict):
        return isinstance(got, dict) and len(got) == len(want) and all(
            k in got and type(k) is type(k2) and same(got[k], want[k])
            for k, k2 in zip(want, got))
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(
            same(a, b) for a, b in zip(got, want))
    return type(got) is type(want) and got == want


def expected(s):
    fits = len(s.encode()) <= 128
    return {"v": s, "f": [s, s], "m": {s: s} if fits else {},
            "k": {s: 1} if fits else {}}


def first_refused(reader, doc, want):
    """The strings whose item alone the reader refuses."""
    with open(doc) as f:
        items = f.read().split("\n- ")
    shown = 0
    for s, item in zip(want, items):
        if shown == 10:
            return
        try:
            with open(doc + ".item", "w") as f:
                f.write(("" if item.startswith("- ") else "- ") + item)
            load(reader, doc + ".item")
        except Exception as e:
            print("%s: wrote %r, the reader refused it: %s" % (
                reader, s, str(e).splitlines()[0]))
            shown += 1


def check(reader, doc, hexfile):
    want = read_hex(hexfile)
    try:
        got = plain(load(reader, doc))
    except Exception as e:  # the reader refused the whole file
        print("%s: %s" % (reader, " ".join(str(e).split())))
        if reader != "json":
            first_refused(reader, doc, want)
        return 1
    bad = 0
    if not isinstance(got, list) or len(got) != len(want):
        print("%s: read %r items" % (reader, type(got)))
        return 1
    for s, g in zip(want, got):
        if not same(g, expected(s)):
            bad += 1
            if bad <= 10:
                print("%s: wrote %r, read back %r" % (reader, s, g))
    return 1 if bad else 0


def tree(reader, root, anyfile, linefile):
    """The files that lms commands wrote in the tree test, copied to root:
    the strings of anyfile as session themes and text answers, those of
    linefile as names in the register."""
    want = read_hex(anyfile)
    lines = read_hex(linefile)
    ids = ["y", "n", "no", "yes", "on", "off", "true", "null", "1e3",
           "0x1f", "012", "0o17", "2026-09-07", "1-2"]
    problems = []

    def expect(what, got, exp):
        if not same(plain(got), exp):
            problems.append("%s: %s: read %r, wanted %r" % (reader, what,
                                                            plain(got), exp))

    course = plain(load(reader, root + "/course.yaml"))
    expect("course.yaml themes", [s.get("theme") for s in course["sessions"]],
           want)
    shown = plain(load(reader, root + "/course.yaml.shown"))
    expect("course show themes", [s.get("theme") for s in shown["sessions"]],
           want)
    people = plain(load(reader, root + "/participants.yaml"))
    expect("register names", [p["name"] for p in people if p["id"] not in ids],
           lines)
    evals = plain(load(reader, root + "/evaluations.yaml"))
    expect("text answers", [e["answers"]["tekst"] for e in evals
                            if "tekst" in e["answers"]], want)
    expect("answer keys", [sorted(e["answers"]) for e in evals
                           if "tekst" not in e["answers"]], [sorted(ids)])
    att = plain(load(reader, root + "/attendance.yaml"))
    expect("attendance keys", sorted(next(iter(att.values()))),
           sorted(ids))
    expect("assigned ids", [f["id"] for f in course["facilitators"]], ids)
    staff = plain(load(reader, root + "/facilitators.yaml"))
    expect("facilitator ids", [f["id"] for f in staff], ids)
    enr = plain(load(reader, root + "/enrolments.yaml"))
    expect("enrolled ids", sorted(e["person"] for e in enr), sorted(ids))
    for p in problems[:10]:
        print(p)
    return 1 if problems else 0


def main(argv):
    if argv[1] in ("strings", "nul"):
        out = strings(int(argv[2]), int(argv[3]), len(argv) > 4)
        if argv[1] == "nul":
            sys.stdout.buffer.write(b"".join(s.encode() + b"\0" for s in out))
        else:
            sys.stdout.write("".join(s.encode().hex() + "\n" for s in out))
        return 0
    if argv[1] == "check":
        return check(argv[2], argv[3], argv[4])
    return tree(argv[2], argv[3], argv[4], argv[5])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
