"""Finds English words in what lms printed for people in Norwegian.

usage: english_words.py [--allow WORD,...] POT PO FILE...

English is every word of lms's own English messages (the msgids of
po/lms.pot) and a list of common English words, less every word the
Norwegian translations (po/nb.po) use too ("status", "for", "plan").
Ids, keys, lists of keys, option names, file names and values in quotes
are not words of the language: they are taken out before looking.  HTML is read as a
browser shows it: its text and the attributes people see or hear.
Prints each English word found, with its file and line, and exits 1 if
there is any.
"""

import html.parser
import re
import sys

# Words that any English sentence lms might print unmarked would hold.
COMMON = """
the and of is are was were not with from this that has have been will
would which what there their your you must should into only when where
than then each every none missing unknown given found cannot could
course courses session sessions participant participants relative
relatives enrolled enrolment enrolments waiting list attendance report
error warning date file line column value planned open closed cancelled
present absent excused total answered before after completed mean
people person name phone email title place capacity start end week
""".split()

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def po_strings(path, key):
    """The msgid (key "msgid") or msgstr texts of a po file."""
    texts, cur, field = [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            m = re.match(r'(msgid|msgid_plural|msgstr(?:\[\d\])?|msgctxt) "(.*)"$',
                         line)
            if m:
                if cur and field and field.startswith(key):
                    texts.append("".join(cur))
                field, cur = m.group(1), [m.group(2)]
            elif line.startswith('"') and field:
                cur.append(line[1:-1])
            else:
                if cur and field and field.startswith(key):
                    texts.append("".join(cur))
                cur, field = [], None
    if cur and field and field.startswith(key):
        texts.append("".join(cur))
    return texts


def words(text):
    return {w.lower() for w in WORD.findall(text)}


# Not words of the language: option names, keys and KEY=VALUE, paths and
# file names, ids with a dash or digit, printf placeholders, values in
# quotes, addresses.
NOT_LANGUAGE = re.compile(r"""
      --?[\w-]+              # --option, -C
    | \S*[/\\]\S*            # a path
    | [\w.-]+\.(?:yaml|csv|tsv|html|ics|md|txt|pdf)\b
    | \S+@\S+                # an address
    | [\w-]+=\S*             # KEY=VALUE
    | \b[\w]+:(?=\S)         # key:value
    | «[^»]*» | '[^']*' | "[^"]*" | `[^`]*`
    | \[[\w-]+\]             # a rule's name
    | ^[\w-]+(?=:\ .*\ ->\ )   # the key of a change: "forms: a -> b"
    | \b\w*[-_\d]\w*[-_\w]*  # ids: kols-2026h, p-test01, NNNN
    | %\w+
    | \b[\w-]+(?:(?:,\ ?|\ \|\ )[\w-]+){2,}  # a list of keys: a, b, c
""", re.VERBOSE)

# A usage line: only its words in capitals stand for something to say.
USAGE = re.compile(r"^\s*\S+: lms\b")
CAPITALS = re.compile(r"\b[A-ZÆØÅ]{2,}\b")


class Visible(html.parser.HTMLParser):
    """The text of an HTML page that people see or hear."""

    SEEN = {"alt", "title", "aria-label", "placeholder", "summary"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.skip = [""], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
        for name, value in attrs:
            if name in self.SEEN and value:
                self.lines.append(value)
        self.lines.append("")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1
        self.lines.append("")

    def handle_data(self, data):
        if not self.skip:
            self.lines[-1] += data


def lines_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith(".html") or text.lstrip().startswith("<!DOCTYPE"):
        p = Visible()
        p.feed(text)
        text = "\n".join(p.lines)
    return text.split("\n")


def main():
    args = sys.argv[1:]
    allowed = set()
    if args[0] == "--allow":
        allowed = set(args[1].split(","))
        args = args[2:]
    pot, po, files = args[0], args[1], args[2:]
    english = set(COMMON)
    for msgid in po_strings(pot, "msgid"):
        english |= words(NOT_LANGUAGE.sub(" ", msgid))
    for msgstr in po_strings(po, "msgstr"):
        english -= words(NOT_LANGUAGE.sub(" ", msgstr))
    english = {w for w in english if len(w) > 2} - allowed
    found = 0
    for path in files:
        for n, line in enumerate(lines_of(path), 1):
            said = line
            if USAGE.match(line):
                said = " ".join(CAPITALS.findall(line))
            for w in sorted(words(NOT_LANGUAGE.sub(" ", said)) & english):
                print(f"{path}:{n}: {w}: {line.strip()[:100]}")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
