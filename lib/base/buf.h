#ifndef LMS_BUF_H
#define LMS_BUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A growable byte buffer, after git's strbuf.  Invariant: buf is never
 * NULL and buf[len] is always '\0', so a buffer can be used as a C string
 * at any time, including right after LMS_BUF_INIT.
 */
struct lms_buf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char lms_buf_empty[];
#define LMS_BUF_INIT { lms_buf_empty, 0, 0 }

void lms_buf_init(struct lms_buf *b);
void lms_buf_release(struct lms_buf *b);
char *lms_buf_detach(struct lms_buf *b);
void lms_buf_grow(struct lms_buf *b, size_t extra);
void lms_buf_reset(struct lms_buf *b);
void lms_buf_truncate(struct lms_buf *b, size_t len);
void lms_buf_add(struct lms_buf *b, const void *data, size_t len);
void lms_buf_adds(struct lms_buf *b, const char *s);
void lms_buf_addch(struct lms_buf *b, int c);
void lms_buf_addf(struct lms_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lms_buf_vaddf(struct lms_buf *b, const char *fmt, va_list ap);
/* Replaces len bytes at pos with data. */
void lms_buf_splice(struct lms_buf *b, size_t pos, size_t len,
		    const void *data, size_t data_len);

#endif
