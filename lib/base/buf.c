#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

char lms_buf_empty[1];

void lms_buf_init(struct lms_buf *b)
{
	b->buf = lms_buf_empty;
	b->len = 0;
	b->alloc = 0;
}

void lms_buf_release(struct lms_buf *b)
{
	if (b->alloc)
		lms_free(b->buf);
	lms_buf_init(b);
}

char *lms_buf_detach(struct lms_buf *b)
{
	char *s = b->alloc ? b->buf : lms_strdup("");

	lms_buf_init(b);
	return s;
}

void lms_buf_grow(struct lms_buf *b, size_t extra)
{
	size_t want = b->len + extra + 1;

	if (want <= b->alloc)
		return;
	if (want < b->alloc * 2)
		want = b->alloc * 2;
	if (want < 64)
		want = 64;
	if (b->alloc) {
		b->buf = lms_realloc(b->buf, want);
	} else {
		b->buf = lms_malloc(want);
		b->buf[0] = '\0';
	}
	b->alloc = want;
}

void lms_buf_reset(struct lms_buf *b)
{
	lms_buf_truncate(b, 0);
}

void lms_buf_truncate(struct lms_buf *b, size_t len)
{
	if (len >= b->len)
		return;
	b->len = len;
	b->buf[len] = '\0';
}

void lms_buf_add(struct lms_buf *b, const void *data, size_t len)
{
	if (!len)
		return;
	lms_buf_grow(b, len);
	memcpy(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
}

void lms_buf_adds(struct lms_buf *b, const char *s)
{
	lms_buf_add(b, s, strlen(s));
}

void lms_buf_addch(struct lms_buf *b, int c)
{
	lms_buf_grow(b, 1);
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
}

void lms_buf_vaddf(struct lms_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->buf + b->len, b->alloc ? b->alloc - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= (b->alloc ? b->alloc - b->len : 0)) {
		lms_buf_grow(b, (size_t)n);
		vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void lms_buf_addf(struct lms_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lms_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void lms_buf_splice(struct lms_buf *b, size_t pos, size_t len,
		    const void *data, size_t data_len)
{
	if (data_len > len)
		lms_buf_grow(b, data_len - len);
	memmove(b->buf + pos + data_len, b->buf + pos + len,
		b->len - pos - len + 1);
	if (data_len)
		memcpy(b->buf + pos, data, data_len);
	b->len = b->len - len + data_len;
}
