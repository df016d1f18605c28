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
