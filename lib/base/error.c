#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
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

/* What a file or folder may meet; the English is glibc's. */
static const struct {
	int e;
	const char *msg;
} errnos[] = {
	{ EPERM, N_("Operation not permitted") },
	{ ENOENT, N_("No such file or directory") },
	{ EIO, N_("Input/output error") },
	{ ENXIO, N_("No such device or address") },
	{ EBADF, N_("Bad file descriptor") },
	{ EAGAIN, N_("Resource temporarily unavailable") },
	{ ENOMEM, N_("Cannot allocate memory") },
	{ EACCES, N_("Permission denied") },
	{ EBUSY, N_("Device or resource busy") },
	{ EEXIST, N_("File exists") },
	{ EXDEV, N_("Invalid cross-device link") },
	{ ENOTDIR, N_("Not a directory") },
	{ EISDIR, N_("Is a directory") },
	{ EINVAL, N_("Invalid argument") },
	{ EMFILE, N_("Too many open files") },
	{ ETXTBSY, N_("Text file busy") },
	{ EFBIG, N_("File too large") },
	{ ENOSPC, N_("No space left on device") },
	{ EROFS, N_("Read-only file system") },
	{ EMLINK, N_("Too many links") },
	{ EPIPE, N_("Broken pipe") },
	{ ENAMETOOLONG, N_("File name too long") },
	{ ENOTEMPTY, N_("Directory not empty") },
	{ ELOOP, N_("Too many levels of symbolic links") },
	{ EDQUOT, N_("Disk quota exceeded") },
	{ ESTALE, N_("Stale file handle") },
};

const char *lms_strerror(int e)
{
	if (lms_i18n_get() == LMS_LANG_NB)
		for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
			if (errnos[i].e == e)
				return _(errnos[i].msg);
	return strerror(e);
}
