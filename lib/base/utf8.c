#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
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
		return *why = N_("a continuation byte without a start"), 0;
	if (c < 0xc2)
		return *why = N_("an overlong form"), 0;
	if (c >= 0xf8)
		return *why = N_("a byte that UTF-8 never uses"), 0;
	if (c >= 0xf5)
		return *why = N_("a code point above U+10FFFF"), 0;
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
		return *why = c == 0xed ? N_("a surrogate (CESU-8)") :
			      c == 0xf4 ? N_("a code point above U+10FFFF") :
			      N_("an overlong form"), 0;
	for (size_t i = 1; i < n; i++)
		if (i >= left || (u[i] & 0xc0) != 0x80)
			return *why = N_("a truncated sequence"), 0;
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
			return _(why);
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

/* A C0 control, DEL or a C1 control (U+0080..U+009F). */
static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
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
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = lms_utf8_char((const char *)u + i, len - i, &cp);

		if (!n || is_control(cp))
			return false;
		i += n;
	}
	return true;
}

/*
 * One character, or one byte that does not start valid UTF-8, as it is
 * shown: the bytes it takes, and what to write instead of them ("" for
 * the character itself).
 */
struct shown {
	int len;
	char as[12];
};

static void show(const unsigned char *u, size_t left, unsigned how,
		 struct shown *out)
{
	unsigned cp;
	size_t n = lms_utf8_char((const char *)u, left, &cp);

	out->as[0] = '\0';
	if (!n) {
		out->len = 1;
		snprintf(out->as, sizeof(out->as), "<%02X>", u[0]);
		return;
	}
	out->len = (int)n;
	if (!is_control(cp))
		return;
	if ((how & LMS_VIS_FLAT) && (cp == '\n' || cp == '\r' || cp == '\t')) {
		strcpy(out->as, " ");
	} else if ((how & LMS_VIS_LINES) &&
		   (cp == '\n' || cp == '\t' ||
		    (cp == '\r' && n < left && u[1] == '\n'))) {
		return;
	} else if (cp < 0x20 || cp == 0x7f) {
		out->as[0] = '^';
		out->as[1] = (char)(cp ^ 0x40);
		out->as[2] = '\0';
	} else {
		snprintf(out->as, sizeof(out->as), "<U+%04X>", (unsigned)cp);
	}
}

bool lms_utf8_is_shown(const char *s, size_t len, unsigned how)
{
	const unsigned char *u = (const unsigned char *)s;
	struct shown sh;

	for (size_t i = 0; i < len; i += (size_t)sh.len) {
		if ((sh.len = lms_utf8_plain(u + i, len - i)))
			continue;
		show(u + i, len - i, how, &sh);
		if (sh.as[0])
			return false;
	}
	return true;
}

void lms_utf8_add_shown(struct lms_buf *out, const char *s, size_t len,
			unsigned how)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0;		/* where the bytes shown as they are began */
	struct shown sh;

	lms_buf_grow(out, len);
	for (size_t i = 0; i < len; i += (size_t)sh.len) {
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			sh.len = 1;
			continue;
		}
		show(u + i, len - i, how, &sh);
		if (!sh.as[0])
			continue;
		lms_buf_add(out, s + run, i - run);
		lms_buf_adds(out, sh.as);
		run = i + (size_t)sh.len;
	}
	lms_buf_add(out, s + run, len - run);
}

struct width_range {
	uint32_t first, last;
};

#include "utf8width.h"

static bool in_ranges(uint32_t cp, const struct width_range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define NRANGES(r) (sizeof(r) / sizeof(*(r)))

/* The columns of one character as shown flat (show with LMS_VIS_FLAT). */
static size_t char_width(const unsigned char *u, size_t left, int *len)
{
	struct shown sh;
	unsigned cp;

	if (*u >= 0x20 && *u < 0x7f) {
		*len = 1;
		return 1;
	}
	show(u, left, LMS_VIS_FLAT, &sh);
	*len = sh.len;
	if (sh.as[0])
		return strlen(sh.as);
	lms_utf8_char((const char *)u, left, &cp);
	if (in_ranges(cp, zero_width, NRANGES(zero_width)))
		return 0;
	return in_ranges(cp, double_width, NRANGES(double_width)) ? 2 : 1;
}

size_t lms_utf8_width(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), n = 0;
	int step;

	for (size_t i = 0; i < len; i += (size_t)step)
		n += char_width(u + i, len - i, &step);
	return n;
}

size_t lms_utf8_cut(const char *s, size_t cols)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), used = 0, i = 0;
	int step;

	while (i < len) {
		size_t w = char_width(u + i, len - i, &step);

		/* Marks that combine with the last character kept (w 0) are
		 * kept with it. */
		if (used + w > cols)
			break;
		used += w;
		i += (size_t)step;
	}
	return i;
}

size_t lms_utf8_floor(const char *s, size_t n)
{
	size_t i = strnlen(s, n);

	if (i < n)
		return i;
	/* s[n] is the first byte left out: the character it continues is
	 * left out whole (a character has at most three such bytes). */
	while (i > 0 && n - i < 3 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return ((unsigned char)s[i] & 0xc0) == 0x80 ? n : i;
}

void lms_utf8_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	static const char more[] = "\xe2\x80\xa6";	/* … */
	int n = vsnprintf(buf, size, fmt, ap);
	size_t keep;

	if (n < 0 || (size_t)n < size || size < sizeof(more))
		return;
	keep = lms_utf8_floor(buf, size - sizeof(more));
	memcpy(buf + keep, more, sizeof(more));
}

void lms_utf8_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lms_utf8_vformat(buf, size, fmt, ap);
	va_end(ap);
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

bool lms_utf16_detect(const char *s, size_t len, bool *big_endian,
		      size_t *bom)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = len < 8192 ? len : 8192;
	int zeros[2] = { 0, 0 };

	*bom = 0;
	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
			 (u[0] == 0xfe && u[1] == 0xff))) {
		*big_endian = u[0] == 0xfe;
		*bom = 2;
		return true;
	}
	if (n < 4)
		return false;
	n &= ~(size_t)1;
	for (size_t i = 0; i < n; i++)
		zeros[i & 1] += !u[i];
	if (zeros[0] == 0 && zeros[1] == (int)(n / 2))
		*big_endian = false;
	else if (zeros[1] == 0 && zeros[0] == (int)(n / 2))
		*big_endian = true;
	else
		return false;
	return true;
}

static void put_utf8(struct lms_buf *out, unsigned cp)
{
	if (cp < 0x80) {
		lms_buf_addch(out, (int)cp);
	} else if (cp < 0x800) {
		lms_buf_addch(out, (int)(0xc0 | cp >> 6));
		lms_buf_addch(out, (int)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		lms_buf_addch(out, (int)(0xe0 | cp >> 12));
		lms_buf_addch(out, (int)(0x80 | (cp >> 6 & 0x3f)));
		lms_buf_addch(out, (int)(0x80 | (cp & 0x3f)));
	} else {
		lms_buf_addch(out, (int)(0xf0 | cp >> 18));
		lms_buf_addch(out, (int)(0x80 | (cp >> 12 & 0x3f)));
		lms_buf_addch(out, (int)(0x80 | (cp >> 6 & 0x3f)));
		lms_buf_addch(out, (int)(0x80 | (cp & 0x3f)));
	}
}

void lms_utf16_to_utf8(const char *s, size_t len, bool big_endian,
		       struct lms_buf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

#define UNIT(k) (big_endian ? (unsigned)u[k] << 8 | u[(k) + 1] : \
			      (unsigned)u[(k) + 1] << 8 | u[k])
	lms_buf_grow(out, len + len / 2);
	for (; i + 1 < len; i += 2) {
		unsigned cp = UNIT(i);

		if (cp >= 0xd800 && cp <= 0xdbff && i + 3 < len &&
		    UNIT(i + 2) >= 0xdc00 && UNIT(i + 2) <= 0xdfff) {
			cp = 0x10000 + ((cp - 0xd800) << 10) + (UNIT(i + 2) - 0xdc00);
			i += 2;
		} else if (cp >= 0xd800 && cp <= 0xdfff) {
			cp = 0xfffd;
		}
		put_utf8(out, cp);
	}
#undef UNIT
	if (i < len)
		put_utf8(out, 0xfffd);
}
