#include <string.h>

#include "utf8.h"

/*
 * The length of the sequence at u (left bytes remain), or 0 with *why set.
 * The ranges of the second byte are those of RFC 3629's table: they are
 * what rules out overlong forms, surrogates and code points past U+10FFFF.
 */
static size_t sequence_length(const unsigned char *u, size_t left,
			      const char **why)
{
	unsigned c = u[0], lo = 0x80, hi = 0xbf;
	size_t n;

	if (c < 0x80)
		return 1;
	if (c < 0xc0)
		return *why = "a continuation byte without a start", 0;
	if (c < 0xc2)
		return *why = "an overlong form", 0;
	if (c >= 0xf8)
		return *why = "a byte that UTF-8 never uses", 0;
	if (c >= 0xf5)
		return *why = "a code point above U+10FFFF", 0;
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (left >= 2 && u[1] >= 0x80 && u[1] <= 0xbf &&
	    (u[1] < lo || u[1] > hi))
		return *why = c == 0xed ? "a surrogate (CESU-8)" :
			      c == 0xf4 ? "a code point above U+10FFFF" :
			      "an overlong form", 0;
	for (size_t i = 1; i < n; i++)
		if (i >= left || (u[i] & 0xc0) != 0x80)
			return *why = "a truncated sequence", 0;
	return n;
}

size_t lms_utf8_char(const char *s, size_t left, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *why;
	size_t n = left ? sequence_length(u, left, &why) : 0;

	*cp = n == 1 ? u[0] : n == 2 ? u[0] & 0x1fu : n == 3 ? u[0] & 0x0fu :
	      u[0] & 0x07u;
	for (size_t i = 1; i < n; i++)
		*cp = *cp << 6 | (u[i] & 0x3fu);
	return n;
}

const char *lms_utf8_problem(const char *s, size_t len, size_t *at)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *why = NULL;

	for (size_t i = 0; i < len;) {
		size_t n;

		/* Most text is ASCII: skip it eight bytes at a time. */
		if (i + 8 <= len) {
			unsigned long long w;

			memcpy(&w, u + i, sizeof(w));
			if (!(w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		if (!(n = sequence_length(u + i, len - i, &why))) {
			*at = i;
			return why;
		}
		i += n;
	}
	return NULL;
}

bool lms_utf8_valid_n(const char *s, size_t len)
{
	size_t at;

	return !lms_utf8_problem(s, len, &at);
}

bool lms_utf8_valid(const char *s)
{
	return lms_utf8_valid_n(s, strlen(s));
}

void lms_utf8_position(const char *text, size_t at, unsigned *line,
		       unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < at; i++) {
		if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) {
			++*line;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80 &&
			   text[i] != '\r') {
			++*col;
		}
	}
}

void lms_utf8_quote(struct lms_buf *out, const char *s, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;

	while (i < len) {
		const char *why;
		size_t n = sequence_length(u + i, len - i, &why);

		if (n == 1 && (u[i] < 0x20 || u[i] == 0x7f))
			n = 0;
		if (i + (n ? n : 1) > max)
			break;
		if (n) {
			lms_buf_add(out, u + i, n);
			i += n;
		} else {
			lms_buf_addf(out, "\\x%02x", u[i++]);
		}
	}
	if (i < len)
		lms_buf_adds(out, "...");
}

bool lms_text_is_line(const char *s)
{
	for (const unsigned char *u = (const unsigned char *)s; *u; u++)
		if (*u < 0x20 || *u == 0x7f)
			return false;
	return lms_utf8_valid(s);
}

size_t lms_utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The lower-case form of the character at *s, which advances past it. */
static unsigned fold(const unsigned char **s)
{
	const unsigned char *p = *s;

	if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97) {
		*s += 2;
		return 0xc3a0u + (p[1] - 0x80u);
	}
	if (p[0] == 0xc3 && p[1]) {
		*s += 2;
		return 0xc300u + p[1];
	}
	(*s)++;
	return p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32u : p[0];
}

int lms_utf8_casecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	while (*x && *y) {
		unsigned cx = fold(&x), cy = fold(&y);

		if (cx != cy)
			return cx < cy ? -1 : 1;
	}
	return *x ? 1 : *y ? -1 : 0;
}
