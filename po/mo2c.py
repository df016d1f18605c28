#!/usr/bin/env python3
"""Writes a compiled message catalogue (a .mo file, as msgfmt makes it
from a .po file) as C source: a table of messages sorted as strcmp sorts,
for lms to look up in itself (lib/base/i18n.h), so that its language works
whether or not the machine has that locale.

usage: mo2c.py NAME FILE.mo > catalog.c
"""

import struct
import sys


def read_mo(data):
    """The pairs (msgid, msgstr) of a .mo file, as bytes, without its
    header (the entry of the empty msgid)."""
    for order in "<>":
        magic, = struct.unpack(order + "I", data[:4])
        if magic == 0x950412DE:
            break
    else:
        raise SystemExit("mo2c.py: not a .mo file")
    _, n, originals, translations = struct.unpack(order + "4I", data[4:20])

    def string(table, i):
        length, offset = struct.unpack(order + "2I",
                                       data[table + 8 * i:table + 8 * i + 8])
        return data[offset:offset + length]

    for i in range(n):
        msgid = string(originals, i)
        if msgid:
            yield msgid, string(translations, i)


def c_string(b):
    """A C string literal of the bytes b: printable ASCII as it is, the
    rest (UTF-8 included) in octal, so that no compiler has to guess the
    source's encoding, and no escape runs into the next character."""
    out = []
    for byte in b:
        ch = chr(byte)
        if ch in '\\"':
            out.append("\\" + ch)
        elif 0x20 <= byte < 0x7F and ch != "?":
            out.append(ch)
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    name, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        messages = list(read_mo(f.read()))
    # A plural's msgid is "singular\0plural": it is looked up by the first.
    messages = sorted((msgid.split(b"\0")[0], msgstr)
                      for msgid, msgstr in messages)
    print("/* Made from po/%s.po by po/mo2c.py: do not edit. */" % name)
    print('#include "i18n.h"\n')
    print("static const struct lms_i18n_msg msgs[] = {")
    for msgid, msgstr in messages:
        # Each form ends with a NUL, and the literal's own ends the list.
        print("\t{ %s,\n\t  %s }," % (c_string(msgid),
                                      c_string(msgstr + b"\0")))
    print("\t{ 0, 0 }\n};\n")
    print("const struct lms_i18n_catalog lms_catalog_%s = { msgs, %d };"
          % (name, len(messages)))


if __name__ == "__main__":
    main()
