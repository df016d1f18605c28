#ifndef LMS_ERROR_H
#define LMS_ERROR_H

/*
 * Every library function that can fail returns 0 or one of these codes and
 * records a message with lms_error() or lms_error_at().  The front end
 * prints the message once and exits with the code's absolute value, so the
 * codes are the exit statuses of lms(1) (sysexits.h where one fits).
 */
enum {
	LMS_OK = 0,
	LMS_EREFUSED = -1,	/* a rule refused the change */
	LMS_EUSAGE = -2,	/* the command line is wrong */
	LMS_EDATA = -65,	/* bad data in a file or on input */
	LMS_ENOENT = -66,	/* no such course, person or file */
	LMS_ENOMEM = -71,	/* out of memory */
	LMS_ECREATE = -73,	/* cannot create a file */
	LMS_EIO = -74,		/* reading or writing failed */
	LMS_EBUSY = -75		/* the tree's lock is held too long */
};

#define LMS_PATH_MAX 1024

/* The last error: a message and, for errors in a file, where it is. */
struct lms_error {
	int code;
	char path[LMS_PATH_MAX];	/* empty when the error has no file */
	unsigned line, col;		/* 1-based; 0 when unknown */
	char msg[1024];
};

int lms_error(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int lms_error_at(int code, const char *path, unsigned line, unsigned col,
		 const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
const struct lms_error *lms_last_error(void);
/* Records an error that another thread met, as this thread's last. */
void lms_error_set(const struct lms_error *e);
void lms_error_clear(void);

/* strerror(e) in the language of messages: the system's own text in
 * English, a translation of the common ones in Norwegian (the C library
 * translates only under a locale, which lms does not set). */
const char *lms_strerror(int e);

#endif
