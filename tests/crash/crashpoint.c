/*
 * crashpoint: a library for LD_PRELOAD that kills its process with SIGKILL
 * at a chosen call that changes a file, as a power cut or kill -9 would,
 * so that the tests can stop a command at every point of a change.
 *
 *   CRASH_AT=N          die at the N-th such call (counting from 1)
 *   CRASH_WHEN=before   die before the call is made; "after" (the default)
 *                       once it has returned
 *   CRASH_LOG=FILE      append "N CALL WHAT" to FILE for every call, so
 *                       that a test can count them
 *   CRASH_SYNC=0        count fsync and fdatasync but do not wait for the
 *                       disk: a killed process, unlike a power cut, loses
 *                       nothing that the kernel holds, and the tests run
 *                       many times faster
 *
 * The calls are those lms makes to change files: mkstemp, write, fchmod,
 * fsync, fdatasync, ftruncate, rename(at), unlink(at) and mkdir(at).  What the C
 * library does inside (stdout, stdio's own writes) is not counted: only
 * calls that go through the dynamic linker reach this library.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static long count, crash_at = -1;
static int crash_before, no_sync;
static const char *log_file;

static void read_environment(void)
{
	static int done;
	const char *s;

	if (done)
		return;
	done = 1;
	if ((s = getenv("CRASH_AT")) && *s)
		crash_at = strtol(s, NULL, 10);
	crash_before = (s = getenv("CRASH_WHEN")) && !strcmp(s, "before");
	log_file = getenv("CRASH_LOG");
	no_sync = (s = getenv("CRASH_SYNC")) && !strcmp(s, "0");
}

static void die(void)
{
	kill(getpid(), SIGKILL);
	for (;;)
		pause();
}

/* The real function of the name, further down the search order. */
static void *real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f)
		abort();
	return f;
}

/* What a descriptor is open on, for the log. */
static const char *fd_name(int fd, char *buf, size_t size)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, size - 1);
	if (n < 0)
		snprintf(buf, size, "fd %d", fd);
	else
		buf[n] = '\0';
	return buf;
}

static void enter(const char *call, const char *what)
{
	read_environment();
	count++;
	if (log_file) {
		FILE *f = fopen(log_file, "a");

		if (f) {
			fprintf(f, "%ld %s %s\n", count, call, what);
			fclose(f);
		}
	}
	if (count == crash_at && crash_before)
		die();
}

static void leave(void)
{
	if (count == crash_at && !crash_before)
		die();
}

#define ON_FD(fd) fd_name(fd, what, sizeof(what))

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*f)(int, const void *, size_t);
	char what[512];
	ssize_t r;

	if (!f)
		f = real("write");
	enter("write", ON_FD(fd));
	r = f(fd, buf, n);
	leave();
	return r;
}

#define FD_CALL(name, type)						\
int name(int fd, type arg)						\
{									\
	static int (*f)(int, type);					\
	char what[512];							\
	int r;								\
									\
	if (!f)								\
		f = real(#name);					\
	enter(#name, ON_FD(fd));					\
	r = f(fd, arg);							\
	leave();							\
	return r;							\
}

FD_CALL(fchmod, mode_t)
FD_CALL(ftruncate, off_t)

#define SYNC_CALL(name)							\
int name(int fd)							\
{									\
	static int (*f)(int);						\
	char what[512];							\
	int r = 0;							\
									\
	if (!f)								\
		f = real(#name);					\
	enter(#name, ON_FD(fd));					\
	if (!no_sync)							\
		r = f(fd);						\
	leave();							\
	return r;							\
}

SYNC_CALL(fsync)
SYNC_CALL(fdatasync)

#define PATH_CALL(name, params, args, path)				\
int name params								\
{									\
	static int (*f) params;						\
	int r;								\
									\
	if (!f)								\
		f = real(#name);					\
	enter(#name, path);						\
	r = f args;							\
	leave();							\
	return r;							\
}

PATH_CALL(mkstemp, (char *t), (t), t)
PATH_CALL(mkstemp64, (char *t), (t), t)
PATH_CALL(rename, (const char *from, const char *to), (from, to), to)
PATH_CALL(unlink, (const char *p), (p), p)
PATH_CALL(mkdir, (const char *p, mode_t m), (p, m), p)
PATH_CALL(renameat, (int fromdir, const char *from, int todir, const char *to),
	  (fromdir, from, todir, to), to)
PATH_CALL(unlinkat, (int dir, const char *p, int flags), (dir, p, flags), p)
PATH_CALL(mkdirat, (int dir, const char *p, mode_t m), (dir, p, m), p)
