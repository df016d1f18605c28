#!/usr/bin/env python3
"""Writes lib/base/utf8width.h, the tables of lms_utf8_width (lib/base/utf8.c).

    python3 lib/base/utf8width.py > lib/base/utf8width.h

Two lists of code point ranges, from the Unicode database of the Python
that runs this: characters that take no column in a terminal (combining
marks, format characters such as the zero-width joiner, Hangul medial and
final jamo), and those that take two (East Asian Wide and Fullwidth, which
includes the emoji shown as pictures).  Everything else takes one, as
wcwidth(3) counts them.  A code point that is not assigned may join the
ranges around it, so that the lists stay short.
"""
import unicodedata


def ranges(pred):
    out, start, last = [], None, None
    for cp in range(0x110000):
        v = pred(cp)
        if v:
            if start is None:
                start = cp
            last = cp
        elif v is False and start is not None:
            out.append((start, last))
            start = None
    if start is not None:
        out.append((start, last))
    return out


def assigned(cp):
    return unicodedata.category(chr(cp)) != 'Cn'


def zero(cp):
    if not assigned(cp):
        return None
    if cp < 0xa0 or cp == 0xad:     # controls are shown visibly; SHY is 1
        return False
    return (unicodedata.category(chr(cp)) in ('Mn', 'Me', 'Cf')
            or 0x1160 <= cp <= 0x11ff)


def wide(cp):
    if 0x20000 <= cp <= 0x2fffd or 0x30000 <= cp <= 0x3fffd:
        return True
    if not assigned(cp):
        return None
    if zero(cp):
        return False
    return unicodedata.east_asian_width(chr(cp)) in ('W', 'F')


def table(name, rs):
    print('static const struct width_range %s[] = {' % name)
    for i in range(0, len(rs), 3):
        print('\t' + ' '.join('{ 0x%05x, 0x%05x },' % r for r in rs[i:i + 3]))
    print('};')


print('/* Made by lib/base/utf8width.py from Unicode %s: do not edit. */'
      % unicodedata.unidata_version)
print()
table('zero_width', ranges(zero))
print()
table('double_width', ranges(wide))
