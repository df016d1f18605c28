#include <string.h>

#include "personal.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A character that makes a run of digits part of something longer: an
 * id, a date, a decimal, a path.  Not ':' ("Tlf:91234567") nor a byte of
 * a UTF-8 character (a no-break space before a number). */
static bool joins(char c)
{
	return is_digit(c) || is_alpha(c) || (c && strchr("-_./+", c));
}

bool lms_fnr_valid(const char *d)
{
	static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	static const int w2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	int s1 = 0, s2 = 0, k1, k2;

	for (int i = 0; i < 11; i++)
		if (!is_digit(d[i]))
			return false;
	for (int i = 0; i < 9; i++)
		s1 += w1[i] * (d[i] - '0');
	k1 = 11 - s1 % 11;
	if (k1 == 11)
		k1 = 0;
	if (k1 == 10 || k1 != d[9] - '0')
		return false;
	for (int i = 0; i < 10; i++)
		s2 += w2[i] * (d[i] - '0');
	k2 = 11 - s2 % 11;
	if (k2 == 11)
		k2 = 0;
	return k2 != 10 && k2 == d[10] - '0';
}

/*
 * Digits in groups of the given sizes, one space between groups, from
 * text[at]; the digits go to out (NUL-terminated).  Returns the length
 * matched, or 0.
 */
static size_t groups(const char *text, size_t len, size_t at,
		     const int *sizes, char *out)
{
	size_t i = at, n = 0;

	for (const int *g = sizes; *g; g++) {
		if (g != sizes) {
			if (i >= len || text[i] != ' ')
				return 0;
			i++;
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
 * digits follow after a space (as in a longer number in groups). */
static bool ends_here(const char *text, size_t len, size_t end)
{
	if (end >= len)
		return true;
	if (joins(text[end]) && text[end] != '.')
		return false;
	/* A full stop ends a sentence, unless a digit follows it. */
	if (text[end] == '.' && end + 1 < len && is_digit(text[end + 1]))
		return false;
	return !(text[end] == ' ' && end + 1 < len && is_digit(text[end + 1]));
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

/* A national number: eight digits, the first 2 to 7 or 9 (8 starts
 * service numbers, 0 and 1 none that reach a person). */
static size_t national_at(const char *text, size_t len, size_t at)
{
	/* Not 4 4: "2026 2027" is two years more often than a number. */
	static const int patterns[][5] = {
		{ 8 }, { 3, 2, 3 }, { 2, 2, 2, 2 }
	};
	char digits[16];
	size_t m = match_any(text, len, at, patterns, 3, digits);

	return m && digits[0] >= '2' && digits[0] != '8' ? m : 0;
}

static size_t phone_at(const char *text, size_t len, size_t at)
{
	size_t i = at, m;

	if (len - at > 3 && !strncmp(text + at, "+47", 3))
		i = at + 3;
	else if (len - at > 4 && !strncmp(text + at, "0047", 4))
		i = at + 4;
	if (i != at && i < len && text[i] == ' ')
		i++;
	m = national_at(text, len, i);
	return m ? i + m - at : 0;
}

static bool local_char(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       strchr("._%+-", c);
}

static bool domain_char(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '-' || c == '.';
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
		if (!((text[i] >= 'a' && text[i] <= 'z') ||
		      (text[i] >= 'A' && text[i] <= 'Z')))
			return 0;
	if (e - dot - 1 < 2)
		return 0;
	*start = s;
	return e;
}

void lms_find_personal(const char *text, size_t len, unsigned kinds,
		       void (*found)(const struct lms_personal_hit *hit,
				     void *arg),
		       void *arg)
{
	size_t i = 0;

	while (i < len) {
		struct lms_personal_hit hit = { 0, i, 0 };
		bool starts = i == 0 || !joins(text[i - 1]);
		size_t start;

		if (starts && (kinds & LMS_PD_FNR) && is_digit(text[i]) &&
		    (hit.len = fnr_at(text, len, i)))
			hit.kind = LMS_PD_FNR;
		else if (starts && (kinds & LMS_PD_PHONE) &&
			 (is_digit(text[i]) || text[i] == '+') &&
			 (hit.len = phone_at(text, len, i)))
			hit.kind = LMS_PD_PHONE;
		else if ((kinds & LMS_PD_EMAIL) && text[i] == '@' &&
			 (hit.len = email_around(text, len, i, &start))) {
			hit.kind = LMS_PD_EMAIL;
			hit.offset = start;
			hit.len -= start;
		}
		if (hit.kind) {
			found(&hit, arg);
			i = hit.offset + hit.len;
		} else {
			i++;
		}
	}
}
