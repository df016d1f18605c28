#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "fsio.h"

static int io_error(int code, const char *what, const char *path)
{
	int e = errno;

	if (e == ENOENT && code == LMS_EIO)
		code = LMS_ENOENT;
	return lms_error(code, "cannot %s '%s': %s", what, path, strerror(e));
}

int lms_read_file(const char *path, size_t max, struct lms_buf *out)
{
	struct stat st;
	ssize_t n;
	int fd, err = 0;

	lms_buf_reset(out);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return io_error(LMS_EIO, "read", path);
	if (fstat(fd, &st) < 0) {
		err = io_error(LMS_EIO, "read", path);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		err = lms_error(LMS_EDATA, "'%s' is not a regular file", path);
		goto out;
	}
	if ((size_t)st.st_size > max) {
		err = lms_error_at(LMS_EDATA, path, 0, 0, "file is larger than "
				   "%zu bytes", max);
		goto out;
	}
	lms_buf_grow(out, (size_t)st.st_size);
	for (;;) {
		/* Read to the end, not to st_size: the file may have grown. */
		lms_buf_grow(out, 4096);
		n = read(fd, out->buf + out->len, out->alloc - out->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = io_error(LMS_EIO, "read", path);
			goto out;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		if (out->len > max) {
			err = lms_error_at(LMS_EDATA, path, 0, 0, "file is larger "
					   "than %zu bytes", max);
			goto out;
		}
	}
	out->buf[out->len] = '\0';
out:
	close(fd);
	return err;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return lms_strdup(".");
	if (slash == path)
		return lms_strdup("/");
	return lms_strndup(path, (size_t)(slash - path));
}

static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int err = 0;

	if (fd < 0)
		return io_error(LMS_EIO, "open folder", dir);
	if (fsync(fd) < 0 && errno != EINVAL)
		err = io_error(LMS_EIO, "sync folder", dir);
	close(fd);
	return err;
}

static mode_t mode_for(const char *path, mode_t mode)
{
	struct stat st;
	mode_t mask;

	if (mode)
		return mode;
	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int lms_write_temporary(const char *path, const void *data, size_t len,
			mode_t mode, char **tmp)
{
	const char *base = strrchr(path, '/');
	int fd, err = 0;

	*tmp = lms_malloc(strlen(path) + 16);
	sprintf(*tmp, "%.*s.%s.XXXXXX", base ? (int)(base - path + 1) : 0, path,
		base ? base + 1 : path);
	if ((fd = mkstemp(*tmp)) < 0) {
		err = io_error(LMS_ECREATE, "create a file beside", path);
		goto out;
	}
	if (fchmod(fd, mode_for(path, mode)) < 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0) {
		err = io_error(LMS_EIO, "write", *tmp);
		close(fd);
		unlink(*tmp);
		goto out;
	}
	if (close(fd) < 0) {
		err = io_error(LMS_EIO, "write", *tmp);
		unlink(*tmp);
	}
out:
	if (err) {
		free(*tmp);
		*tmp = NULL;
	}
	return err;
}

int lms_sync_parent(const char *path)
{
	char *dir = dir_of(path);
	int err = sync_dir(dir);

	free(dir);
	return err;
}

int lms_write_atomic(const char *path, const void *data, size_t len,
		     mode_t mode)
{
	char *tmp;
	int err = lms_write_temporary(path, data, len, mode, &tmp);

	if (err)
		return err;
	if (rename(tmp, path) < 0) {
		err = io_error(LMS_EIO, "replace", path);
		unlink(tmp);
	} else {
		err = lms_sync_parent(path);
	}
	free(tmp);
	return err;
}

void lms_remove_stale_temporaries(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *dir = dir_of(path);
	size_t len = strlen(base);
	struct dirent *e;
	DIR *d = opendir(dir);

	while (d && (e = readdir(d))) {
		const char *n = e->d_name;
		char *stale;

		/* mkstemp's names: "." NAME "." and six characters. */
		if (n[0] != '.' || strncmp(n + 1, base, len) || n[len + 1] != '.' ||
		    strlen(n + len + 2) != 6)
			continue;
		stale = lms_malloc(strlen(dir) + strlen(n) + 2);
		sprintf(stale, "%s/%s", dir, n);
		unlink(stale);
		free(stale);
	}
	if (d)
		closedir(d);
	free(dir);
}

int lms_mkdirs(const char *dir, mode_t mode)
{
	char *p = lms_strdup(dir);
	int err = 0;

	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, mode) < 0 && errno != EEXIST) {
			err = io_error(LMS_ECREATE, "create folder", p);
			break;
		}
		if (!lms_is_dir(p)) {
			err = lms_error(LMS_ECREATE, "'%s' exists and is not a "
					"folder", p);
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return err;
}

bool lms_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool lms_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Waits up to timeout_ms for flock(fd, op); the lock is released when it
 * cannot be had. */
static int wait_for_lock(struct lms_lock *lock, const char *path, int op,
			 int timeout_ms)
{
	int waited = 0, err;

	while (flock(lock->fd, op | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			err = io_error(LMS_EIO, "lock", path);
			lms_lock_release(lock);
			return err;
		}
		if (waited >= timeout_ms) {
			lms_lock_release(lock);
			return lms_error(LMS_EBUSY, "the tree is busy: another lms "
					 "holds '%s'", path);
		}
		sleep_ms(20);
		waited += 20;
	}
	return 0;
}

int lms_lock_acquire(struct lms_lock *lock, const char *path, int timeout_ms)
{
	lock->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (lock->fd < 0)
		return io_error(LMS_ECREATE, "open lock", path);
	return wait_for_lock(lock, path, LOCK_EX, timeout_ms);
}

int lms_lock_acquire_shared(struct lms_lock *lock, const char *path,
			    int timeout_ms)
{
	lock->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	/* flock needs no write access: a tree that is read-only for us
	 * still has its lock file. */
	if (lock->fd < 0)
		lock->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (lock->fd < 0)
		return io_error(LMS_EIO, "open lock", path);
	return wait_for_lock(lock, path, LOCK_SH, timeout_ms);
}

int lms_lock_change(struct lms_lock *lock, const char *path, bool exclusive,
		    int timeout_ms)
{
	return wait_for_lock(lock, path, exclusive ? LOCK_EX : LOCK_SH,
			     timeout_ms);
}

void lms_lock_release(struct lms_lock *lock)
{
	if (lock->fd >= 0)
		close(lock->fd);
	lock->fd = -1;
}
