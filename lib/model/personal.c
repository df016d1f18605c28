#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "date.h"
#include "i18n.h"
#include "personal.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Numbers */

/* A character that a phone number or fødselsnummer can start with. */
static bool may_start_number(char c)
{
	return is_digit(c) || c == '+';
}

/* A character that makes a run of digits part of something longer: an
 * id, a path, a sum.  Not ':' ("Tlf:91234567") nor a byte of a UTF-8
 * character (a no-break space before a number); '.' is judged apart. */
static bool joins(char c)
{
	return is_digit(c) || is_alpha(c) || (c && strchr("-_/+", c));
}

/* Whether a number may start at text[i]: after a full stop only when no
 * digit comes before it ("tlf.900 00 001", but not "1.900"). */
static bool starts(const char *text, size_t i)
{
	if (i == 0)
		return true;
	if (text[i - 1] == '.')
		return i < 2 || !is_digit(text[i - 2]);
	return !joins(text[i - 1]);
}

/* The separator people write between groups of digits at text[at]: a
 * space, a no-break space, '-' or '.'.  Returns its length, or 0. */
static size_t separator(const char *text, size_t len, size_t at)
{
	if (at < len && (text[at] == ' ' || text[at] == '-' || text[at] == '.'))
		return 1;
	if (at + 1 < len && (unsigned char)text[at] == 0xc2 &&
	    (unsigned char)text[at + 1] == 0xa0)
		return 2;
	return 0;
}

static bool valid_date(int y, int m, int d)
{
	int yy, mm, dd;

	if (m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	lms_date_to_ymd(lms_date_from_ymd(y, m, d), &yy, &mm, &dd);
	return yy == y && mm == m && dd == d;
}

static int number(const char *d, int n)
{
	int v = 0;

	while (n--)
		v = v * 10 + (*d++ - '0');
	return v;
}

/* The first six digits as a date: a D-number adds 40 to the day, an
 * H-number 40 to the month, a synthetic test number 80. */
static bool fnr_date(const char *d)
{
	int day = number(d, 2), month = number(d + 2, 2);

	if (day > 40)
		day -= 40;
	if (month > 80)
		month -= 80;
	else if (month > 40)
		month -= 40;
	return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

static int check_digit(const char *d, const int *w, int n)
{
	int s = 0, k;

	for (int i = 0; i < n; i++)
		s += w[i] * (d[i] - '0');
	k = 11 - s % 11;
	return k == 11 ? 0 : k;
}

bool lms_fnr_valid(const char *d)
{
	static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	static const int w2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	int k1, k2;

	for (int i = 0; i < 11; i++)
		if (!is_digit(d[i]))
			return false;
	if (!fnr_date(d))
		return false;
	k1 = check_digit(d, w1, 9);
	k2 = check_digit(d, w2, 10);
	return k1 != 10 && k1 == d[9] - '0' && k2 != 10 && k2 == d[10] - '0';
}

/*
 * Digits in groups of the given sizes from text[at], the groups split by
 * one kind of separator; the digits go to out (NUL-terminated).  Returns
 * the length matched, or 0.
 */
static size_t groups(const char *text, size_t len, size_t at,
		     const int *sizes, char *out)
{
	size_t i = at, n = 0, sep_at = 0, sep_len = 0;

	for (const int *g = sizes; *g; g++) {
		if (g != sizes) {
			size_t s = separator(text, len, i);

			if (!s || (sep_len && (s != sep_len ||
					       memcmp(text + i, text + sep_at, s))))
				return 0;
			sep_at = i;
			sep_len = s;
			i += s;
		}
		for (int k = 0; k < *g; k++, i++) {
			if (i >= len || !is_digit(text[i]))
				return 0;
			out[n++] = text[i];
		}
	}
	out[n] = '\0';
	return i - at;
}

/* True if a number may end at text[end]: nothing joins it, and no more
 * digits follow after a separator (as in a longer number in groups). */
static bool ends_here(const char *text, size_t len, size_t end)
{
	char c = end < len ? text[end] : '\0';
	size_t s;

	if (end >= len)
		return true;
	if (is_digit(c) || is_alpha(c) || (c && strchr("_/+", c)))
		return false;
	/* An id or a word joined on: "900-00-001-a". */
	if (c == '-' && end + 1 < len &&
	    (is_digit(text[end + 1]) || is_alpha(text[end + 1])))
		return false;
	/* A full stop or a space that ends a sentence, unless a digit
	 * follows it. */
	s = separator(text, len, end);
	return !(s && end + s < len && is_digit(text[end + s]));
}

/* The first pattern of sizes that matches at text[at] and ends there. */
static size_t match_any(const char *text, size_t len, size_t at,
			const int (*patterns)[5], size_t n, char *digits)
{
	for (size_t p = 0; p < n; p++) {
		size_t m = groups(text, len, at, patterns[p], digits);

		if (m && ends_here(text, len, at + m))
			return m;
	}
	return 0;
}

static size_t fnr_at(const char *text, size_t len, size_t at)
{
	static const int patterns[][5] = { { 11 }, { 6, 5 } };
	char digits[16];
	size_t m = match_any(text, len, at, patterns, 2, digits);

	return m && lms_fnr_valid(digits) ? m : 0;
}

/* Eight digits that read as a date, YYYYMMDD or DDMMYYYY, as file names
 * and exports write them. */
static bool compact_date(const char *d)
{
	int y = number(d, 4), m = number(d + 4, 2), day = number(d + 6, 2);

	if (y >= 2000 && y <= 2099 && valid_date(y, m, day))
		return true;
	day = number(d, 2);
	m = number(d + 2, 2);
	y = number(d + 4, 4);
	return y >= 1900 && y <= 2099 && valid_date(y, m, day);
}

/*
 * A national number: eight digits, the first 2 to 7 or 9 (8 starts
 * service numbers, 0 and 1 none that reach a person).  Eight digits in
 * one run that read as a date are one, unless a country code says
 * otherwise (prefixed); only_together is for a bare "47" before them.
 */
static size_t national_at(const char *text, size_t len, size_t at,
			  bool prefixed, bool only_together)
{
	/* Not 4 4: "2026 2027" is two years more often than a number. */
	static const int patterns[][5] = {
		{ 8 }, { 3, 2, 3 }, { 2, 2, 2, 2 }
	};
	char digits[16];
	size_t m = match_any(text, len, at, patterns,
			     only_together ? 1 : 3, digits);

	if (!m || digits[0] < '2' || digits[0] == '8')
		return 0;
	if (m == 8 && !prefixed && compact_date(digits))
		return 0;
	return m;
}

static size_t phone_at(const char *text, size_t len, size_t at)
{
	size_t i = at, m;

	if (len - at > 3 && !strncmp(text + at, "+47", 3))
		i = at + 3;
	else if (len - at > 4 && !strncmp(text + at, "0047", 4))
		i = at + 4;
	if (i != at) {
		i += separator(text, len, i);
		m = national_at(text, len, i, true, false);
		return m ? i + m - at : 0;
	}
	/* 4790000001: the country code without its plus, all together. */
	if (len - at >= 10 && !strncmp(text + at, "47", 2) &&
	    (m = national_at(text, len, at + 2, true, true)))
		return m + 2;
	return national_at(text, len, at, false, false);
}

/* E-mail addresses */

static bool local_char(char c)
{
	return is_digit(c) || is_alpha(c) || (c && strchr("._%+-", c));
}

static bool domain_char(char c)
{
	return is_digit(c) || is_alpha(c) || c == '-' || c == '.';
}

/* An address around the '@' at text[at]: sets *start, returns the end. */
static size_t email_around(const char *text, size_t len, size_t at,
			   size_t *start)
{
	size_t s = at, e = at + 1, dot = 0;

	while (s > 0 && local_char(text[s - 1]))
		s--;
	while (e < len && domain_char(text[e]))
		e++;
	while (e > at + 1 && text[e - 1] == '.')	/* "... at x@y.no." */
		e--;
	for (size_t i = at + 1; i < e; i++)
		if (text[i] == '.')
			dot = i;
	if (s == at || !dot || dot == at + 1)
		return 0;
	/* A top-level domain of two letters or more. */
	for (size_t i = dot + 1; i < e; i++)
		if (!is_alpha(text[i]))
			return 0;
	if (e - dot - 1 < 2)
		return 0;
	*start = s;
	return e;
}

/* Names: characters */

/* The code point at text[at], its length in *n; a byte that starts no
 * valid character is U+FFFD, one byte long. */
static unsigned decode(const char *text, size_t len, size_t at, size_t *n)
{
	const unsigned char *u = (const unsigned char *)text + at;
	size_t left = len - at, extra;
	unsigned cp;

	if (u[0] < 0x80) {
		*n = 1;
		return u[0];
	}
	extra = u[0] >= 0xc2 && u[0] <= 0xdf ? 1 : u[0] >= 0xe0 && u[0] <= 0xef ?
		2 : u[0] >= 0xf0 && u[0] <= 0xf4 ? 3 : 0;
	*n = 1;
	if (!extra || extra >= left)
		return 0xfffd;
	cp = u[0] & (0x3f >> extra);
	for (size_t i = 1; i <= extra; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0xfffd;
		cp = cp << 6 | (u[i] & 0x3f);
	}
	*n = extra + 1;
	return cp;
}

static void encode(char *out, size_t *n, unsigned cp)
{
	if (cp < 0x80) {
		out[(*n)++] = (char)cp;
	} else if (cp < 0x800) {
		out[(*n)++] = (char)(0xc0 | cp >> 6);
		out[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		out[(*n)++] = (char)(0xe0 | cp >> 12);
		out[(*n)++] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else {
		out[(*n)++] = (char)(0xf0 | cp >> 18);
		out[(*n)++] = (char)(0x80 | (cp >> 12 & 0x3f));
		out[(*n)++] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[(*n)++] = (char)(0x80 | (cp & 0x3f));
	}
}

/* A combining mark, which belongs to the letter before it. */
static bool is_mark(unsigned cp)
{
	return cp >= 0x300 && cp <= 0x36f;
}

/* A letter of a name: Latin, and the letters of other scripts; not the
 * symbols and spaces of Latin-1, punctuation, symbols or emoji. */
static bool is_letter(unsigned cp)
{
	if (cp < 0x80)
		return is_alpha((char)cp);
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7 || cp == 0xfffd)
		return false;
	if (cp >= 0x2000 && cp <= 0x2bff)	/* punctuation, symbols */
		return false;
	if (cp >= 0x3000 && cp <= 0x303f)
		return false;
	return cp < 0x1f000 && !is_mark(cp);
}

static bool is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f ||
	       cp == 0x205f || cp == 0x3000;
}

/* The lower-case letter: ASCII, Latin-1 (Æ Ø Å) and Latin Extended-A,
 * which holds the Sami letters (Č Đ Ŋ Š Ŧ Ž). */
static unsigned lower(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 32;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177))
		return cp | 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
		return cp & 1 ? cp + 1 : cp;
	if (cp == 0x178)
		return 0xff;
	return cp;
}

/* A lower-case letter and a combining mark as one letter (what NFC makes
 * of them), or 0. */
static unsigned compose(unsigned base, unsigned mark)
{
	static const struct {
		char base;
		unsigned short mark, to;
	} table[] = {
		{ 'a', 0x300, 0xe0 }, { 'a', 0x301, 0xe1 }, { 'a', 0x302, 0xe2 },
		{ 'a', 0x303, 0xe3 }, { 'a', 0x308, 0xe4 }, { 'a', 0x30a, 0xe5 },
		{ 'c', 0x327, 0xe7 }, { 'c', 0x30c, 0x10d },
		{ 'e', 0x300, 0xe8 }, { 'e', 0x301, 0xe9 }, { 'e', 0x302, 0xea },
		{ 'e', 0x308, 0xeb }, { 'i', 0x300, 0xec }, { 'i', 0x301, 0xed },
		{ 'i', 0x302, 0xee }, { 'i', 0x308, 0xef }, { 'n', 0x303, 0xf1 },
		{ 'o', 0x300, 0xf2 }, { 'o', 0x301, 0xf3 }, { 'o', 0x302, 0xf4 },
		{ 'o', 0x303, 0xf5 }, { 'o', 0x308, 0xf6 }, { 'u', 0x300, 0xf9 },
		{ 'u', 0x301, 0xfa }, { 'u', 0x302, 0xfb }, { 'u', 0x308, 0xfc },
		{ 'y', 0x301, 0xfd }, { 'y', 0x308, 0xff }, { 's', 0x30c, 0x161 },
		{ 'z', 0x30c, 0x17e },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(*table); i++)
		if ((unsigned)table[i].base == base && table[i].mark == mark)
			return table[i].to;
	return 0;
}

/* Names: words */

/* A word of a name as compared: lower case, composed, UTF-8. */
struct word {
	char s[128];
	size_t n;
	bool too_long;			/* no name has such a word */
};

static void word_put(struct word *w, unsigned cp)
{
	if (w->n + 4 >= sizeof(w->s)) {
		w->too_long = true;
		return;
	}
	encode(w->s, &w->n, cp);
	w->s[w->n] = '\0';
}

/*
 * Reads the word at text[at] into w: letters (and their combining
 * marks), with a hyphen between letters ("Anne-Marie").  Returns its
 * end, which is at when no letter is there.
 */
static size_t read_word(const char *text, size_t len, size_t at,
			struct word *w)
{
	size_t i = at, n, last_at = 0;
	unsigned last = 0;

	w->n = 0;
	w->s[0] = '\0';
	w->too_long = false;
	while (i < len) {
		unsigned cp = decode(text, len, i, &n), both;

		if (is_letter(cp)) {
			last = lower(cp);
			last_at = w->n;
			word_put(w, last);
		} else if (is_mark(cp) && w->n) {
			/* A mark with no letter of its own is left out. */
			if ((both = compose(last, cp))) {
				w->n = last_at;
				last = both;
				word_put(w, both);
			}
		} else if (cp == '-' && w->n && i + 1 < len &&
			   is_letter(decode(text, len, i + 1, &n))) {
			word_put(w, '-');
			n = 1;
		} else {
			break;
		}
		i += n;
	}
	return i;
}

/* The end of a run of white space at text[at] (at when there is none). */
static size_t skip_space(const char *text, size_t len, size_t at)
{
	size_t n;

	while (at < len && is_space(decode(text, len, at, &n)))
		at += n;
	return at;
}

/* The code point before text[at], or 0 at the start. */
static unsigned before(const char *text, size_t at)
{
	size_t start = at, n;

	if (!at)
		return 0;
	do
		start--;
	while (start > 0 && at - start < 4 &&
	       ((unsigned char)text[start] & 0xc0) == 0x80);
	return decode(text, at, start, &n);
}

/* A name may start at text[at]: no word or number runs on into it. */
static bool name_starts(const char *text, size_t at)
{
	unsigned cp = before(text, at);

	return !(is_letter(cp) || is_mark(cp) || (cp < 0x80 && is_digit((char)cp)) ||
		 cp == '-' || cp == '_');
}

/* A name may end at text[at]: after a genitive "'s" or "'" if there is
 * one, no letter, digit or '_' follows.  Returns the end, or 0. */
static size_t name_ends(const char *text, size_t len, size_t at)
{
	size_t n;
	unsigned cp = at < len ? decode(text, len, at, &n) : 0;

	if (cp == '\'' || cp == 0x2019) {
		at += n;
		if (at < len && (text[at] == 's' || text[at] == 'S'))
			at++;
		cp = at < len ? decode(text, len, at, &n) : 0;
	}
	if (is_letter(cp) || is_mark(cp) || (cp < 0x80 && is_digit((char)cp)) ||
	    cp == '_')
		return 0;
	return at;
}

/* Splits name into its words, normalised, joined by one space; false if
 * it has fewer than two. */
static bool normalise(const char *name, struct lms_buf *out, size_t *first_len,
		      size_t *last_at)
{
	size_t len = strlen(name), i = 0, words = 0, n;
	struct word w;

	lms_buf_reset(out);
	while (i < len) {
		size_t e = read_word(name, len, i, &w);

		if (e == i) {
			decode(name, len, i, &n);
			i += n;
			continue;
		}
		if (w.too_long)
			return false;
		if (words++) {
			*last_at = out->len + 1;
			lms_buf_addch(out, ' ');
		} else {
			*first_len = w.n;
		}
		lms_buf_add(out, w.s, w.n);
		i = e;
	}
	return words >= 2;
}

void lms_names_init(struct lms_names *n)
{
	memset(n, 0, sizeof(*n));
	lms_strset_init(&n->first);
	lms_strset_init(&n->pairs);
	lms_strset_init(&n->whole);
	lms_strset_init(&n->public_);
}

void lms_names_release(struct lms_names *n)
{
	for (size_t i = 0; i < n->nlists; i++) {
		for (size_t j = 0; j < n->lists[i].n; j++)
			lms_free(n->lists[i].rest[j]);
		lms_free(n->lists[i].rest);
	}
	lms_free(n->lists);
	lms_strset_release(&n->first);
	lms_strset_release(&n->pairs);
	lms_strset_release(&n->whole);
	lms_strset_release(&n->public_);
	lms_names_init(n);
}

/* Adds "w1 ... wn" (normalised) under its first two words. */
static void add_whole(struct lms_names *n, const char *whole, size_t first_len)
{
	const char *space = strchr(whole + first_len + 1, ' ');
	size_t pair_len = space ? (size_t)(space - whole) : strlen(whole);
	char *first = lms_strndup(whole, first_len);
	char *pair = lms_strndup(whole, pair_len);
	uintptr_t i = (uintptr_t)lms_strset_get(&n->pairs, pair);
	struct lms_name_list *list;

	if (lms_strset_add(&n->whole, whole, NULL)) {
		lms_strset_add(&n->first, first, NULL);
		if (!i) {
			lms_array_push(&n->lists, &n->nlists, sizeof(*n->lists));
			i = n->nlists;
			lms_strset_add(&n->pairs, pair, (void *)i);
		}
		list = &n->lists[i - 1];
		*(char **)lms_array_push(&list->rest, &list->n, sizeof(char *)) =
			lms_strdup(space ? space + 1 : "");
	}
	lms_free(first);
	lms_free(pair);
}

/* Calls add for the whole name, and for its first and last word when it
 * has more than two. */
static void each_form(struct lms_names *n, const char *name,
		      void (*add)(struct lms_names *n, const char *whole,
				  size_t first_len))
{
	struct lms_buf b = LMS_BUF_INIT, short_form = LMS_BUF_INIT;
	size_t first_len = 0, last_at = 0;

	if (normalise(name, &b, &first_len, &last_at)) {
		add(n, b.buf, first_len);
		if (last_at > first_len + 1) {
			lms_buf_add(&short_form, b.buf, first_len + 1);
			lms_buf_adds(&short_form, b.buf + last_at);
			add(n, short_form.buf, first_len);
		}
	}
	lms_buf_release(&b);
	lms_buf_release(&short_form);
}

void lms_names_add(struct lms_names *n, const char *name)
{
	each_form(n, name, add_whole);
}

static void add_public(struct lms_names *n, const char *whole,
		       size_t first_len)
{
	(void)first_len;
	lms_strset_add(&n->public_, whole, NULL);
}

void lms_names_add_public(struct lms_names *n, const char *name)
{
	each_form(n, name, add_public);
}

/* Names: matching */

/* The words of rest ("w3 ... wn"), each after a run of white space, from
 * text[at]; the last may carry a genitive s.  Returns the end, or 0. */
static size_t match_rest(const char *text, size_t len, size_t at,
			 const char *rest)
{
	size_t i = at;
	struct word w;

	while (*rest) {
		size_t wl = strcspn(rest, " "), s = skip_space(text, len, i), e;
		bool last = !rest[wl];

		if (s == i || (e = read_word(text, len, s, &w)) == s)
			return 0;
		if (!(w.n == wl && !memcmp(w.s, rest, wl)) &&
		    !(last && w.n == wl + 1 && !memcmp(w.s, rest, wl) &&
		      w.s[wl] == 's'))
			return 0;
		i = e;
		rest += wl + !last;
	}
	return name_ends(text, len, i);
}

static bool is_public(const struct lms_names *names, const char *pair,
		      const char *rest)
{
	struct lms_buf whole = LMS_BUF_INIT;
	bool yes;

	if (!names->public_.n)
		return false;
	lms_buf_addf(&whole, "%s%s%s", pair, *rest ? " " : "", rest);
	yes = lms_strset_has(&names->public_, whole.buf);
	lms_buf_release(&whole);
	return yes;
}

/*
 * The end of the longest name that starts with the two words in pair and
 * goes on at text[at] (after the second word), or 0.  genitive: the
 * second word had an s that pair leaves out, so it must be the last.
 */
static size_t longest(const struct lms_names *names, const char *pair,
		      bool genitive, const char *text, size_t len, size_t at)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&names->pairs, pair);
	const struct lms_name_list *list;
	size_t best = 0;

	if (!i)
		return 0;
	list = &names->lists[i - 1];
	for (size_t k = 0; k < list->n; k++) {
		const char *rest = list->rest[k];
		size_t end = genitive ? (*rest ? 0 : name_ends(text, len, at)) :
			     match_rest(text, len, at, rest);

		if (end > best && !is_public(names, pair, rest))
			best = end;
	}
	return best;
}

/*
 * The length of the longest name from the register at text[at], or 0;
 * *word_end is the end of the word there, where a search goes on.  A
 * name is looked up by its first two words, so that a common first name
 * costs no more than a rare one.
 */
static size_t name_at(const struct lms_names *names, const char *text,
		      size_t len, size_t at, size_t *word_end)
{
	struct word w1, w2;
	char pair[2 * sizeof(w1.s)];
	size_t s, e, best;

	*word_end = read_word(text, len, at, &w1);
	if (*word_end == at || w1.too_long ||
	    !lms_strset_has(&names->first, w1.s))
		return 0;
	s = skip_space(text, len, *word_end);
	if (s == *word_end || (e = read_word(text, len, s, &w2)) == s ||
	    w2.too_long)
		return 0;
	snprintf(pair, sizeof(pair), "%s %s", w1.s, w2.s);
	best = longest(names, pair, false, text, len, e);
	if (w2.n > 1 && w2.s[w2.n - 1] == 's') {
		size_t end;

		pair[strlen(pair) - 1] = '\0';
		end = longest(names, pair, true, text, len, e);
		best = end > best ? end : best;
	}
	return best ? best - at : 0;
}

/* Finding */

/*
 * The bytes at which, with no names to look for, a hit may begin: a
 * digit, '+' or '@'.  The scan reads every byte of a tree that lms
 * checks, so those between are passed by a table, not by comparisons.
 */
static const bool may_begin_hit[256] = {
	['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
	['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
	['+'] = true, ['@'] = true,
};

/* A byte after which no number (joins) and no name (name_starts) can
 * start: an ASCII letter or digit, '-' or '_'. */
static bool ends_no_start(char c)
{
	return is_digit(c) || is_alpha(c) || c == '-' || c == '_';
}

/* From i, past the bytes at which nothing can start because the byte
 * before each is one of ends_no_start's: the rest of "2024-05-20" or of
 * "p-199pb4" is passed at once.  An '@' or a byte of a UTF-8 character
 * ends the run. */
static size_t past_run(const char *text, size_t len, size_t i)
{
	if (i == 0 || !ends_no_start(text[i - 1]))
		return i;
	while (i < len && ends_no_start(text[i]))
		i++;
	return i;
}

void lms_find_personal(const char *text, size_t len, unsigned kinds,
		       const struct lms_names *names,
		       void (*found)(const struct lms_personal_hit *hit,
				     void *arg),
		       void *arg)
{
	bool by_name = (kinds & LMS_PD_NAME) && names && names->pairs.n;
	size_t i = 0, done = 0;	/* done: the end of the last hit */

	while (i < len) {
		struct lms_personal_hit hit = { 0, i, 0 };
		unsigned char c;
		size_t start, word_end;

		/* Without names, only a digit, '+' or '@' starts what is
		 * looked for. */
		while (!by_name && i < len &&
		       !may_begin_hit[(unsigned char)text[i]])
			i++;
		if (i == len)
			break;
		hit.offset = i;
		c = (unsigned char)text[i];
		word_end = i + 1;

		if (may_start_number((char)c) && starts(text, i)) {
			if ((kinds & LMS_PD_FNR) && (hit.len = fnr_at(text, len, i)))
				hit.kind = LMS_PD_FNR;
			else if ((kinds & LMS_PD_PHONE) &&
				 (hit.len = phone_at(text, len, i)))
				hit.kind = LMS_PD_PHONE;
		} else if (c == '@' && (kinds & LMS_PD_EMAIL) &&
			   (hit.len = email_around(text, len, i, &start))) {
			/* The address's local part may hold the end of a name
			 * found before it. */
			start = start < done ? done : start;
			hit.kind = start < i ? LMS_PD_EMAIL : 0;
			hit.offset = start;
			hit.len -= start;
		} else if (by_name && (is_alpha((char)c) || c >= 0xc0) &&
			   name_starts(text, i) &&
			   (hit.len = name_at(names, text, len, i, &word_end))) {
			hit.kind = LMS_PD_NAME;
		}
		if (hit.kind) {
			found(&hit, arg);
			i = done = hit.offset + hit.len;
		} else {
			/* Past a word that starts no name: a number or an
			 * address never starts inside one. */
			i = past_run(text, len, word_end > i ? word_end : i + 1);
		}
	}
}

const char *lms_personal_what(enum lms_personal_kind kind)
{
	switch (kind) {
	case LMS_PD_FNR: return _("a fødselsnummer");
	case LMS_PD_PHONE: return _("a phone number");
	case LMS_PD_EMAIL: return _("an e-mail address");
	case LMS_PD_NAME: return _("a name from the private register");
	}
	return _("personal data");
}

struct redacting {
	const char *text, *with;
	size_t at;
	struct lms_buf out;
	void (*each)(const struct lms_personal_hit *hit, void *arg);
	void *arg;
};

static void redact_hit(const struct lms_personal_hit *hit, void *arg)
{
	struct redacting *r = arg;

	lms_buf_add(&r->out, r->text + r->at, hit->offset - r->at);
	lms_buf_adds(&r->out, r->with);
	r->at = hit->offset + hit->len;
	if (r->each)
		r->each(hit, r->arg);
}

char *lms_personal_redact(const char *text, unsigned kinds,
			  const struct lms_names *names, const char *with,
			  void (*each)(const struct lms_personal_hit *hit,
				       void *arg),
			  void *arg)
{
	struct redacting r = { text, with, 0, LMS_BUF_INIT, each, arg };
	size_t len = strlen(text);

	lms_find_personal(text, len, kinds, names, redact_hit, &r);
	lms_buf_add(&r.out, text + r.at, len - r.at);
	return lms_buf_detach(&r.out);
}
