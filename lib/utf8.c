#include <string.h>

#include "utf8.h"

static int sequence_length(const unsigned char *u, size_t left)
{
	int extra = *u < 0x80 ? 0 : *u >= 0xc2 && *u <= 0xdf ? 1 :
		    *u >= 0xe0 && *u <= 0xef ? 2 :
		    *u >= 0xf0 && *u <= 0xf4 ? 3 : -1;

	if (extra < 0 || (size_t)extra >= left)
		return -1;
	for (int i = 1; i <= extra; i++)
		if ((u[i] & 0xc0) != 0x80)
			return -1;
	return extra + 1;
}

bool lms_utf8_valid_n(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		int n = sequence_length(u + i, len - i);

		if (n < 0)
			return false;
		i += (size_t)n;
	}
	return true;
}

bool lms_utf8_valid(const char *s)
{
	return lms_utf8_valid_n(s, strlen(s));
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
