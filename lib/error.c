#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "utf8.h"

static _Thread_local struct lms_error last;

static int record(int code, const char *path, unsigned line, unsigned col,
		  const char *fmt, va_list ap)
{
	last.code = code;
	snprintf(last.path, sizeof(last.path), "%s", path ? path : "");
	last.line = line;
	last.col = col;
	lms_utf8_vformat(last.msg, sizeof(last.msg), fmt, ap);
	return code;
}

int lms_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(code, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return code;
}

int lms_error_at(int code, const char *path, unsigned line, unsigned col,
		 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(code, path, line, col, fmt, ap);
	va_end(ap);
	return code;
}

const struct lms_error *lms_last_error(void)
{
	return &last;
}

void lms_error_set(const struct lms_error *e)
{
	last = *e;
}

void lms_error_clear(void)
{
	memset(&last, 0, sizeof(last));
}
