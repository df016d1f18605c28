/*
 * opens.so: counts the files a program opens, for make bench.
 *
 *   OPENS_OUT=FILE LD_PRELOAD=.../opens.so COMMAND ARGS...
 *
 * Wraps open, openat, fopen and their 64 variants (and the _2 forms that
 * _FORTIFY_SOURCE calls), passes each call on, and counts the calls that
 * succeed.  At exit it appends one line to FILE (stderr without it):
 *
 *   opens=N failed=N
 *
 * failed counts the calls that found no file: a command that tries a
 * file of every course costs a system call each, even where none is.
 * opendir and the stat family are not counted, nor the opens inside the
 * C library itself (fopen's own open is not counted twice); a folder that
 * lms opens with openat to list it (fsio.c) is counted as any open.
 *
 * Built as a shared library of its own, without the sanitizers: it runs
 * inside another program.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static atomic_ulong opened, failed;

static void count(int ok)
{
	atomic_fetch_add(ok ? &opened : &failed, 1);
}

static void *next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f) {
		static const char msg[] = "opens.so: a function is missing\n";

		(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
		abort();
	}
	return f;
}

/* The mode is passed on only when the flags ask for one. */
static int has_mode(int flags)
{
#ifdef O_TMPFILE
	if ((flags & O_TMPFILE) == O_TMPFILE)
		return 1;
#endif
	return (flags & O_CREAT) != 0;
}

#define OPEN_LIKE(fn)							\
	int fn(const char *path, int flags, ...)			\
	{								\
		static int (*real)(const char *, int, ...);		\
		mode_t mode = 0;					\
		int fd;							\
									\
		if (!real)						\
			real = (int (*)(const char *, int, ...))next(#fn); \
		if (has_mode(flags)) {					\
			va_list ap;					\
			va_start(ap, flags);				\
			mode = (mode_t)va_arg(ap, int);			\
			va_end(ap);					\
		}							\
		fd = real(path, flags, mode);				\
		count(fd >= 0);						\
		return fd;						\
	}

#define OPENAT_LIKE(fn)							\
	int fn(int dir, const char *path, int flags, ...)		\
	{								\
		static int (*real)(int, const char *, int, ...);	\
		mode_t mode = 0;					\
		int fd;							\
									\
		if (!real)						\
			real = (int (*)(int, const char *, int, ...))next(#fn); \
		if (has_mode(flags)) {					\
			va_list ap;					\
			va_start(ap, flags);				\
			mode = (mode_t)va_arg(ap, int);			\
			va_end(ap);					\
		}							\
		fd = real(dir, path, flags, mode);			\
		count(fd >= 0);						\
		return fd;						\
	}

#define FOPEN_LIKE(fn)							\
	FILE *fn(const char *path, const char *how)			\
	{								\
		static FILE *(*real)(const char *, const char *);	\
		FILE *f;						\
									\
		if (!real)						\
			real = (FILE *(*)(const char *, const char *))next(#fn); \
		f = real(path, how);					\
		count(f != NULL);					\
		return f;						\
	}

#define OPEN_2_LIKE(fn)							\
	int fn(const char *path, int flags)				\
	{								\
		static int (*real)(const char *, int);			\
		int fd;							\
									\
		if (!real)						\
			real = (int (*)(const char *, int))next(#fn);	\
		fd = real(path, flags);					\
		count(fd >= 0);						\
		return fd;						\
	}

#define OPENAT_2_LIKE(fn)						\
	int fn(int dir, const char *path, int flags)			\
	{								\
		static int (*real)(int, const char *, int);		\
		int fd;							\
									\
		if (!real)						\
			real = (int (*)(int, const char *, int))next(#fn); \
		fd = real(dir, path, flags);				\
		count(fd >= 0);						\
		return fd;						\
	}

/* Declared here: the headers may map them to one another. */
#undef open
#undef open64
#undef openat
#undef openat64
#undef fopen
#undef fopen64
int open(const char *, int, ...);
int open64(const char *, int, ...);
int openat(int, const char *, int, ...);
int openat64(int, const char *, int, ...);
FILE *fopen(const char *, const char *);
FILE *fopen64(const char *, const char *);
int __open_2(const char *, int);
int __open64_2(const char *, int);
int __openat_2(int, const char *, int);
int __openat64_2(int, const char *, int);

OPEN_LIKE(open)
OPEN_LIKE(open64)
OPENAT_LIKE(openat)
OPENAT_LIKE(openat64)
FOPEN_LIKE(fopen)
FOPEN_LIKE(fopen64)
OPEN_2_LIKE(__open_2)
OPEN_2_LIKE(__open64_2)
OPENAT_2_LIKE(__openat_2)
OPENAT_2_LIKE(__openat64_2)

/* Written with write(2) to a file opened by the real open: stdio may be
 * gone at exit, and this open must not count itself. */
__attribute__((destructor)) static void report(void)
{
	static int (*real)(const char *, int, ...);
	const char *out = getenv("OPENS_OUT");
	char line[64];
	int fd = STDERR_FILENO, n;

	n = snprintf(line, sizeof(line), "opens=%lu failed=%lu\n",
		     atomic_load(&opened), atomic_load(&failed));
	if (out && *out) {
		real = (int (*)(const char *, int, ...))next("open");
		fd = real(out, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
		if (fd < 0)
			return;
	}
	if (n > 0)
		(void)!write(fd, line, (size_t)n);
	if (fd != STDERR_FILENO)
		close(fd);
}
