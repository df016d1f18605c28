/* getdents64 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ahead.h"
#include "alloc.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"

/*
 * What lms could not do to a file, each a whole phrase for translation:
 * "cannot read 'x'", then why.
 */
enum verb {
	V_READ, V_READ_FOLDER, V_WRITE, V_CREATE, V_CREATE_FOLDER,
	V_CREATE_BESIDE, V_SYNC_FOLDER, V_OPEN_FOLDER, V_REPLACE, V_REMOVE,
	V_WRITE_IN_FOLDER, V_CHMOD, V_LOCK
};

static const char *const cannot_fmt[] = {
	[V_READ] = N_("cannot read '%s'"),
	[V_READ_FOLDER] = N_("cannot read folder '%s'"),
	[V_WRITE] = N_("cannot write '%s'"),
	[V_CREATE] = N_("cannot create '%s'"),
	[V_CREATE_FOLDER] = N_("cannot create folder '%s'"),
	[V_CREATE_BESIDE] = N_("cannot create a file beside '%s'"),
	[V_SYNC_FOLDER] = N_("cannot sync the folder of '%s'"),
	[V_OPEN_FOLDER] = N_("cannot open folder '%s'"),
	[V_REPLACE] = N_("cannot replace '%s'"),
	[V_REMOVE] = N_("cannot remove '%s'"),
	[V_WRITE_IN_FOLDER] = N_("cannot write in folder '%s'"),
	[V_CHMOD] = N_("cannot change the mode of '%s'"),
	[V_LOCK] = N_("cannot lock '%s'"),
};

/* "cannot VERB 'path': why", why made from fmt. */
static int cannot(int code, enum verb v, const char *path, const char *fmt,
		  ...) __attribute__((format(printf, 4, 5)));

static int cannot(int code, enum verb v, const char *path, const char *fmt,
		  ...)
{
	struct lms_buf head = LMS_BUF_INIT, why = LMS_BUF_INIT;
	va_list ap;
	int err;

	lms_buf_addf(&head, _(cannot_fmt[v]), path);
	va_start(ap, fmt);
	lms_buf_vaddf(&why, fmt, ap);
	va_end(ap);
	err = lms_error(code, "%s: %s", head.buf, why.buf);
	lms_buf_release(&head);
	lms_buf_release(&why);
	return err;
}

static int io_error(int code, enum verb v, const char *path)
{
	int e = errno;

	if (e == ENOENT && code == LMS_EIO)
		code = LMS_ENOENT;
	return cannot(code, v, path, "%s", lms_strerror(e));
}

/* What m is, as "it is ..., not a folder" names it. */
static const char *kind_of(mode_t m)
{
	if (S_ISLNK(m))
		return _("a symbolic link");
	if (S_ISDIR(m))
		return _("a folder");
	if (S_ISFIFO(m))
		return _("a FIFO");
	if (S_ISSOCK(m))
		return _("a socket");
	if (S_ISCHR(m) || S_ISBLK(m))
		return _("a device");
	return _("a file");
}

/*
 * A write refused because part (or, if NULL, path itself) is of the wrong
 * kind: a link, which is never written through, or not a folder (is_dir)
 * or regular file.
 */
static int refuse(enum verb v, const char *path, const char *part,
		  mode_t m, bool is_dir)
{
	bool it = !part || !strcmp(part, path);

	if (S_ISLNK(m) && it)
		return cannot(LMS_ECREATE, v, path, "%s", _("it is a symbolic "
			      "link, which lms never writes through"));
	if (S_ISLNK(m))
		return cannot(LMS_ECREATE, v, path, _("'%s' is a symbolic link, "
			      "which lms never writes through"), part);
	if (it)
		return cannot(LMS_ECREATE, v, path, is_dir ?
			      _("it is %s, not a folder") :
			      _("it is %s, not a regular file"), kind_of(m));
	return cannot(LMS_ECREATE, v, path, is_dir ?
		      _("'%s' is %s, not a folder") :
		      _("'%s' is %s, not a regular file"), part, kind_of(m));
}

static int not_regular(const char *path, mode_t m)
{
	return cannot(LMS_EDATA, V_READ, path, _("it is %s, not a regular "
		      "file"), kind_of(m));
}

/*
 * The second half of opening path to read, on fd opened O_NONBLOCK: it
 * must still be a regular file (no FIFO slipped in); *size is its size.
 * O_NONBLOCK stays: it changes nothing in the reading of a regular file,
 * and two fcntl calls per file were a tenth of what reading a tree of
 * small files costs.  fd is closed on failure.
 */
static int settle_regular(int fd, const char *path, size_t *size, int *out)
{
	struct stat st;

	if (fstat(fd, &st) < 0) {
		int err = io_error(LMS_EIO, V_READ, path);

		close(fd);
		return err;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return not_regular(path, st.st_mode);
	}
	*size = (size_t)st.st_size;
	*out = fd;
	return 0;
}

/*
 * name, below the folder dir (AT_FDCWD: the working one), known to
 * people as path.  A file that is no symbolic link is opened at once:
 * O_NONBLOCK, so that a FIFO is not waited on, O_NOCTTY, and fstat, so
 * that only a regular file is read.  A symbolic link, which could lead
 * anywhere, say to a device, is stat'ed first, so that such a device is
 * not even opened; so is a name that did not open, for the error to say
 * what it is.  Without follow, a link is refused as one (lms_read_below).
 * A stat before every open was a fifth of the system calls of reading a
 * tree.
 */
static int open_regular_at(int dir, const char *name, const char *path,
			   bool follow, size_t *size, int *out)
{
	struct stat st;
	int fd, open_errno;

	*out = -1;
	fd = openat(dir, name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW |
		    O_CLOEXEC);
	if (fd >= 0)
		return settle_regular(fd, path, size, out);
	open_errno = errno;
	/* No such name: as a stat would say (a link, even one that leads
	 * nowhere, fails O_NOFOLLOW with ELOOP).  Most courses lack some of
	 * their files, and this was a stat for each. */
	if (open_errno == ENOENT)
		return io_error(LMS_EIO, V_READ, path);
	if (fstatat(dir, name, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0)
		return io_error(LMS_EIO, V_READ, path);
	if (!S_ISREG(st.st_mode))
		return not_regular(path, st.st_mode);
	if (!follow) {		/* a regular file that did not open */
		errno = open_errno;
		return io_error(LMS_EIO, V_READ, path);
	}
	fd = openat(dir, name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return io_error(LMS_EIO, V_READ, path);
	return settle_regular(fd, path, size, out);
}

static int open_regular(const char *path, size_t *size, int *out)
{
	return open_regular_at(AT_FDCWD, path, path, true, size, out);
}

int lms_open_regular(const char *path, int *out)
{
	size_t size;

	return open_regular(path, &size, out);
}

/* Reads the open regular file fd (path), of size when it was opened, to
 * its end, and closes it. */
static int read_fd(int fd, const char *path, size_t size, size_t max,
		   struct lms_buf *out)
{
	ssize_t n;
	int err = 0;

	if (size > max) {
		err = lms_error_at(LMS_EDATA, path, 0, 0,
				   _("file is larger than %zu bytes"), max);
		goto out;
	}
	/* Room for one byte more than the file, so that the read that gets
	 * all of it gets less than it asked, and is known to be the last. */
	lms_buf_grow(out, size + 1);
	for (;;) {
		/* Read to the end, not to st_size: the file may have grown. */
		size_t room;

		lms_buf_grow(out, 4096);
		room = out->alloc - out->len - 1;
		n = read(fd, out->buf + out->len, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = io_error(LMS_EIO, V_READ, path);
			goto out;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		if (out->len > max) {
			err = lms_error_at(LMS_EDATA, path, 0, 0,
					   _("file is larger than %zu bytes"),
					   max);
			goto out;
		}
		/* A regular file that gave less than was asked, and at least
		 * its size, is at its end: no read to be told so (a fifth of
		 * the calls of reading a small file). */
		if ((size_t)n < room && out->len >= size)
			break;
	}
	out->buf[out->len] = '\0';
out:
	close(fd);
	return err;
}

int lms_read_file(const char *path, size_t max, struct lms_buf *out)
{
	return lms_read_file_at(AT_FDCWD, path, path, max, out);
}

int lms_read_file_at(int dir, const char *name, const char *path, size_t max,
		     struct lms_buf *out)
{
	size_t size;
	int fd, err;

	lms_buf_reset(out);
	if ((err = open_regular_at(dir, name, path, true, &size, &fd)))
		return err;
	return read_fd(fd, path, size, max, out);
}

int lms_read_file_ahead(struct lms_ahead *a, int dir, const char *name,
			const char *path, size_t max, struct lms_buf *out)
{
	switch (lms_ahead_take(a, dir, name, max, out)) {
	case LMS_AHEAD_READ:
		return 0;
	case LMS_AHEAD_MISSING:
		lms_buf_reset(out);
		errno = ENOENT;
		return io_error(LMS_EIO, V_READ, path);
	case LMS_AHEAD_NOTHING:
		break;
	}
	return lms_read_file_at(dir, name, path, max, out);
}

static unsigned char kind_of_entry(unsigned char d_type)
{
	switch (d_type) {
	case DT_REG: return LMS_DIR_FILE;
	case DT_DIR: return LMS_DIR_FOLDER;
	default: return LMS_DIR_UNKNOWN;
	}
}

/* Adds the names of the records of buf[0, len) that getdents64 gave. */
static void add_entries(const char *buf, size_t len, char ***out,
			unsigned char **kinds, size_t *n)
{
	size_t nkinds = *n;

	for (size_t at = 0; at < len;) {
		const struct dirent64 *e = (const void *)(buf + at);

		at += e->d_reclen;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		*(char **)lms_array_push(out, n, sizeof(char *)) =
			lms_strdup(e->d_name);
		if (kinds)
			*(unsigned char *)lms_array_push(kinds, &nkinds, 1) =
				kind_of_entry(e->d_type);
	}
}

/*
 * The names of the open folder fd, with getdents64 rather than readdir:
 * opendir's fstat, which tells nothing O_DIRECTORY has not, was one
 * system call in five of lms check's look into a course's folder.
 */
static int read_names(int fd, const char *path, char ***out,
		      unsigned char **kinds, size_t *n)
{
	uint64_t buf[4096];	/* 32 KiB, aligned for the records */
	ssize_t got;

	while ((got = getdents64(fd, buf, sizeof(buf))) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		/* A folder removed while it is listed is at its end, as
		 * readdir has it: it holds nothing more. */
		if (got < 0 && errno == ENOENT)
			break;
		if (got < 0)
			return io_error(LMS_EIO, V_READ_FOLDER, path);
		add_entries((const char *)buf, (size_t)got, out, kinds, n);
	}
	return 0;
}

int lms_dir_read_at(int dir, const char *name, const char *path,
		    char ***out, unsigned char **kinds, size_t *n)
{
	int fd = openat(dir, name, O_RDONLY | O_NONBLOCK | O_DIRECTORY |
			O_CLOEXEC);
	int err;

	*out = NULL;
	*n = 0;
	if (kinds)
		*kinds = NULL;
	if (fd < 0)
		return errno == ENOENT ? 0 : io_error(LMS_EIO, V_READ_FOLDER, path);
	err = read_names(fd, path, out, kinds, n);
	close(fd);
	if (err) {
		for (size_t i = 0; i < *n; i++)
			lms_free((*out)[i]);
		lms_free(*out);
		*out = NULL;
		*n = 0;
		if (kinds) {
			lms_free(*kinds);
			*kinds = NULL;
		}
	}
	return err;
}

int lms_dir_read(const char *path, char ***out, unsigned char **kinds,
		 size_t *n)
{
	return lms_dir_read_at(AT_FDCWD, path, path, out, kinds, n);
}

int lms_dir_list(const char *path, char ***out, size_t *n)
{
	return lms_dir_read(path, out, NULL, n);
}

/* Walking below a root */

enum {
	WALK_CREATE = 1 << 0,	/* make missing folders */
	WALK_WHOLE = 1 << 1,	/* open path itself, not the folder above */
	WALK_READ = 1 << 2,	/* a missing folder is LMS_ENOENT */
	WALK_MODE = 1 << 3	/* made folders get mode whatever the umask */
};

/* The length of path's folder, as a root for the generic writers. */
static size_t parent_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? (size_t)(slash - path) : 0;
}

static int open_root(const char *path, size_t root_len, enum verb verb,
		     int *out)
{
	char *root;
	int err = 0;

	if (root_len)
		root = lms_strndup(path, root_len);
	else
		root = lms_strdup(path[0] == '/' ? "/" : ".");
	/* The root itself may be a link: it is where the user sent us. */
	*out = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*out < 0)
		err = io_error(LMS_ECREATE, verb, path);
	lms_free(root);
	return err;
}

/*
 * Makes the folder name (part) in folder fd.  Its name is fsynced in fd,
 * lest a crash lose the folder with what is then written in it.
 */
static int make_folder(int fd, const char *name, const char *part,
		       unsigned flags, mode_t mode)
{
	int made;

	if (mkdirat(fd, name, mode) < 0)
		return errno == EEXIST ? 0
				       : io_error(LMS_ECREATE, V_CREATE_FOLDER,
						  part);
	if ((flags & WALK_MODE) &&
	    (made = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			   O_CLOEXEC)) >= 0) {
		int err = fchmod(made, mode);

		close(made);
		if (err < 0)
			return io_error(LMS_ECREATE, V_CREATE_FOLDER, part);
	}
	if (fsync(fd) < 0 && errno != EINVAL)
		return io_error(LMS_EIO, V_SYNC_FOLDER, part);
	return 0;
}

/* One step down from folder fd into name (path up to end), which must be
 * a folder and no link; made first with WALK_CREATE. */
static int step(int fd, const char *name, const char *path, size_t end,
		enum verb verb, unsigned flags, mode_t mode, int *out)
{
	const int how = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	char *part = lms_strndup(path, end);
	struct stat st;
	int err = 0;

	*out = -1;
	/* ".." would climb out of the root as a link would. */
	if (!strcmp(name, "..")) {
		err = cannot(LMS_ECREATE, verb, path, "%s",
			     _("'..' below the tree's root"));
		goto out;
	}
	*out = openat(fd, name, how);
	if (*out < 0 && errno == ENOENT && (flags & WALK_CREATE)) {
		if ((err = make_folder(fd, name, part, flags, mode)))
			goto out;
		*out = openat(fd, name, how);
	}
	if (*out >= 0)
		goto out;
	/* O_NOFOLLOW fails alike for a link and for what is not a folder;
	 * look, so as to say which. */
	if ((errno == ELOOP || errno == ENOTDIR) &&
	    fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
		err = refuse(verb, path, part, st.st_mode, true);
	else if (errno == ENOENT)
		err = io_error(flags & WALK_READ ? LMS_EIO : LMS_ECREATE, verb,
			       path);
	else
		err = io_error(flags & WALK_READ ? LMS_EIO : LMS_ECREATE,
			       V_OPEN_FOLDER, part);
out:
	lms_free(part);
	return err;
}

/*
 * Opens the folder that holds the last part of path (or with WALK_WHOLE,
 * path itself) from the root down, following no link and entering
 * nothing but folders.  *name is the last part, in path.
 */
static int walk(const char *path, size_t root_len, enum verb verb,
		unsigned flags, mode_t mode, int *out, const char **name)
{
	const char *p = path + root_len;
	struct lms_buf part = LMS_BUF_INIT;
	int fd = -1, next, err;

	*out = -1;
	if ((err = open_root(path, root_len, verb, &fd)))
		return err;
	for (;;) {
		size_t len;
		bool last;

		while (*p == '/')
			p++;
		len = strcspn(p, "/");
		last = !p[len + strspn(p + len, "/")];
		if (!len || (last && !(flags & WALK_WHOLE)))
			break;
		lms_buf_reset(&part);
		lms_buf_add(&part, p, len);
		err = step(fd, part.buf, path, (size_t)(p + len - path), verb,
			   flags, mode, &next);
		close(fd);
		if (err) {
			lms_buf_release(&part);
			return err;
		}
		fd = next;
		p += len;
	}
	lms_buf_release(&part);
	if (!*p && !(flags & WALK_WHOLE)) {
		close(fd);
		return cannot(LMS_ECREATE, verb, path, "%s",
			      _("it names a folder"));
	}
	*out = fd;
	if (name)
		*name = p;
	return 0;
}

/* Reading below a root */

int lms_stat_below(const char *path, size_t root_len, struct stat *st)
{
	const char *name;
	int dir, err = walk(path, root_len, V_READ, WALK_READ, 0, &dir, &name);

	if (err)
		return err;
	if (fstatat(dir, name, st, AT_SYMLINK_NOFOLLOW) < 0)
		err = io_error(LMS_EIO, V_READ, path);
	close(dir);
	return err;
}

int lms_read_below(const char *path, size_t root_len, size_t max,
		   struct lms_buf *out)
{
	const char *name;
	size_t size;
	int dir, fd, err = walk(path, root_len, V_READ, WALK_READ, 0, &dir,
				&name);

	lms_buf_reset(out);
	if (err)
		return err;
	err = open_regular_at(dir, name, path, false, &size, &fd);	/* no link */
	close(dir);
	return err ? err : read_fd(fd, path, size, max, out);
}

/* Writing */

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

static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* ".NAME." and six characters, made in folder dir like mkstemp does. */
static int create_temporary(int dir, const char *name, struct lms_buf *tmp)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned long long counter;
	struct timespec ts;
	int fd = -1;

	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		unsigned long long v;

		clock_gettime(CLOCK_REALTIME, &ts);
		v = (unsigned long long)ts.tv_nsec ^
		    ((unsigned long long)ts.tv_sec << 30) ^
		    ((unsigned long long)getpid() << 16) ^
		    (++counter * 0x9e3779b97f4a7c15ULL);
		lms_buf_reset(tmp);
		lms_buf_addf(tmp, ".%s.", name);
		for (int i = 0; i < 6; i++, v /= sizeof(chars) - 1)
			lms_buf_addch(tmp, chars[v % (sizeof(chars) - 1)]);
		fd = openat(dir, tmp->buf, O_WRONLY | O_CREAT | O_EXCL |
			    O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	return fd;
}

/*
 * A temporary beside name in the open folder dir (path's folder), holding
 * data durably; tmp gets its name.  The target must be a regular file or
 * absent; its mode is kept unless mode is given.
 */
static int stage_in(int dir, const char *name, const char *path,
		    const void *data, size_t len, mode_t mode,
		    struct lms_buf *tmp)
{
	struct lms_buf shown = LMS_BUF_INIT;
	struct stat st;
	int fd, err = 0;

	if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (!S_ISREG(st.st_mode))
			return refuse(V_WRITE, path, NULL, st.st_mode, false);
		if (!mode)
			mode = st.st_mode & 07777;
	} else if (errno != ENOENT) {
		return io_error(LMS_EIO, V_WRITE, path);
	}
	if (!mode)
		mode = new_file_mode();
	if ((fd = create_temporary(dir, name, tmp)) < 0)
		return io_error(LMS_ECREATE, V_CREATE_BESIDE, path);
	lms_buf_add(&shown, path, (size_t)(name - path));
	lms_buf_adds(&shown, tmp->buf);
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0) {
		err = io_error(LMS_EIO, V_WRITE, shown.buf);
		close(fd);
		unlinkat(dir, tmp->buf, 0);
	} else if (close(fd) < 0) {
		err = io_error(LMS_EIO, V_WRITE, shown.buf);
		unlinkat(dir, tmp->buf, 0);
	}
	lms_buf_release(&shown);
	return err;
}

static int sync_folder(int dir, const char *path)
{
	if (fsync(dir) < 0 && errno != EINVAL)
		return io_error(LMS_EIO, V_SYNC_FOLDER, path);
	return 0;
}

/* name in the open folder dir, which is path's folder. */
static int write_in(int dir, const char *name, const char *path,
		    const void *data, size_t len, mode_t mode)
{
	struct lms_buf tmp = LMS_BUF_INIT;
	int err = stage_in(dir, name, path, data, len, mode, &tmp);

	if (!err && renameat(dir, tmp.buf, dir, name) < 0) {
		err = io_error(LMS_EIO, V_REPLACE, path);
		unlinkat(dir, tmp.buf, 0);
	}
	if (!err)
		err = sync_folder(dir, path);
	lms_buf_release(&tmp);
	return err;
}

int lms_write_below(const char *path, size_t root_len, const void *data,
		    size_t len, mode_t mode)
{
	const char *name;
	int dir, err = walk(path, root_len, V_WRITE, 0, 0, &dir, &name);

	if (err)
		return err;
	err = write_in(dir, name, path, data, len, mode);
	close(dir);
	return err;
}

int lms_write_temporary(const char *path, size_t root_len, const void *data,
			size_t len, mode_t mode, char **tmp)
{
	struct lms_buf name_buf = LMS_BUF_INIT;
	const char *name;
	int dir, err = walk(path, root_len, V_WRITE, 0, 0, &dir, &name);

	*tmp = NULL;
	if (err)
		return err;
	err = stage_in(dir, name, path, data, len, mode, &name_buf);
	close(dir);
	if (!err) {
		struct lms_buf full = LMS_BUF_INIT;

		lms_buf_add(&full, path, (size_t)(name - path));
		lms_buf_adds(&full, name_buf.buf);
		*tmp = lms_buf_detach(&full);
	}
	lms_buf_release(&name_buf);
	return err;
}

int lms_rename_below(const char *tmp, const char *path, size_t root_len)
{
	const char *name, *slash = strrchr(tmp, '/');
	int dir, err = walk(path, root_len, V_WRITE, 0, 0, &dir, &name);

	if (err)
		return err;
	if (renameat(dir, slash ? slash + 1 : tmp, dir, name) < 0)
		err = errno == ENOENT ? LMS_ENOENT
				      : io_error(LMS_EIO, V_REPLACE, path);
	close(dir);
	return err;
}

int lms_link_new_below(const char *tmp, const char *path, size_t root_len)
{
	const char *name, *slash = strrchr(tmp, '/');
	const char *tmpname = slash ? slash + 1 : tmp;
	int dir, err = walk(path, root_len, V_WRITE, 0, 0, &dir, &name);

	if (err)
		return err;
	if (linkat(dir, tmpname, dir, name, 0) < 0)
		err = errno == EEXIST ? 1
				      : io_error(LMS_EIO, V_CREATE, path);
	unlinkat(dir, tmpname, 0);
	if (!err && fsync(dir) < 0)
		err = io_error(LMS_EIO, V_SYNC_FOLDER, path);
	close(dir);
	return err;
}

/* name in folder dir (path), if there, is a regular file. */
static int regular_or_gone(int dir, const char *name, const char *path)
{
	struct stat st;

	if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
		return S_ISREG(st.st_mode) ? 0 : refuse(V_WRITE, path, NULL,
							st.st_mode, false);
	return errno == ENOENT ? 0 : io_error(LMS_EIO, V_WRITE, path);
}

int lms_rename_check(const char *tmp, const char *path, size_t root_len)
{
	const char *name, *slash = strrchr(tmp, '/');
	int dir, err = walk(path, root_len, V_WRITE, 0, 0, &dir, &name);

	if (err)
		return err;
	if (!(err = regular_or_gone(dir, slash ? slash + 1 : tmp, tmp)))
		err = regular_or_gone(dir, name, path);
	close(dir);
	return err;
}

int lms_unlink_below(const char *path, size_t root_len)
{
	const char *name;
	int dir, err = walk(path, root_len, V_REMOVE, 0, 0, &dir, &name);

	if (err)
		return err;
	if (unlinkat(dir, name, 0) < 0)
		err = io_error(LMS_EIO, V_REMOVE, path);
	close(dir);
	return err;
}

int lms_sync_parent(const char *path, size_t root_len)
{
	const char *name;
	int dir, err = walk(path, root_len, V_WRITE, 0, 0, &dir, &name);

	if (err)
		return err;
	err = sync_folder(dir, path);
	close(dir);
	return err;
}

int lms_write_atomic(const char *path, const void *data, size_t len,
		     mode_t mode)
{
	return lms_write_below(path, parent_len(path), data, len, mode);
}

void lms_remove_stale_temporaries(const char *path, size_t root_len)
{
	const char *name;
	struct dirent *e;
	size_t len;
	int dir, fd;
	DIR *d;

	/* A folder that cannot be walked to is the write's to report. */
	if (walk(path, root_len, V_WRITE, 0, 0, &dir, &name))
		return;
	len = strlen(name);
	fd = dup(dir);
	d = fd < 0 ? NULL : fdopendir(fd);
	if (!d && fd >= 0)
		close(fd);
	while (d && (e = readdir(d))) {
		const char *n = e->d_name;

		/* The temporaries' names: "." NAME "." and six characters. */
		if (n[0] != '.' || strncmp(n + 1, name, len) ||
		    n[len + 1] != '.' || strlen(n + len + 2) != 6)
			continue;
		unlinkat(dir, n, 0);
	}
	if (d)
		closedir(d);
	close(dir);
}

int lms_mkdirs_below(const char *path, size_t root_len, mode_t mode)
{
	int dir, err = walk(path, root_len, V_WRITE_IN_FOLDER,
			    WALK_CREATE | WALK_WHOLE, mode, &dir, NULL);

	if (!err)
		close(dir);
	return err;
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
			err = io_error(LMS_ECREATE, V_CREATE_FOLDER, p);
			break;
		}
		if (!lms_is_dir(p)) {
			err = lms_error(LMS_ECREATE, _("'%s' exists and is not "
					"a folder"), p);
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	lms_free(p);
	return err;
}

/*
 * Opens name in folder dir, path's folder, as a regular file and no link
 * (see lms_open_regular), creating it with O_CREAT in flags.
 */
static int open_in(int dir, const char *name, const char *path,
		   enum verb verb, int flags, int *out)
{
	struct stat st;
	int fd, err = 0;

	*out = -1;
	if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISREG(st.st_mode))
		return refuse(verb, path, NULL, st.st_mode, false);
	fd = openat(dir, name, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
		    0644);
	if (fd < 0 && errno == ELOOP)
		return refuse(verb, path, NULL, S_IFLNK, false);
	if (fd < 0)
		return io_error(flags & O_CREAT ? LMS_ECREATE : LMS_EIO, verb,
				path);
	if (fstat(fd, &st) < 0)
		err = io_error(LMS_EIO, verb, path);
	else if (!S_ISREG(st.st_mode))
		err = refuse(verb, path, NULL, st.st_mode, false);
	if (err) {
		close(fd);
		return err;
	}
	*out = fd;
	return 0;
}

int lms_chmod_below(const char *path, size_t root_len, mode_t mode)
{
	const char *name;
	int dir, fd, err = walk(path, root_len, V_CHMOD, 0, 0,
				&dir, &name);

	if (err)
		return err;
	err = open_in(dir, name, path, V_CHMOD, O_RDONLY, &fd);
	if (!err && fchmod(fd, mode) < 0)
		err = io_error(LMS_EIO, V_CHMOD, path);
	if (fd >= 0)
		close(fd);
	close(dir);
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

/* The lock */

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
			err = io_error(LMS_EIO, V_LOCK, path);
			lms_lock_release(lock);
			return err;
		}
		if (waited >= timeout_ms) {
			lms_lock_release(lock);
			return lms_error(LMS_EBUSY, _("the tree is busy: another "
					 "lms holds '%s'"), path);
		}
		sleep_ms(20);
		waited += 20;
	}
	return 0;
}

/*
 * The lock file name in folder dir, made if missing.  Its mode, and its
 * folder's, are set whatever the umask: a writer's umask 077 would lock
 * every other user out of reading the tree.
 */
static int make_lock_in(int dir, const char *name, const char *path, int *out)
{
	int fd = openat(dir, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
			O_CLOEXEC, 0644);

	*out = -1;
	if (fd < 0 && errno == EEXIST)
		return open_in(dir, name, path, V_LOCK, O_RDWR, out);
	if (fd < 0)
		return io_error(LMS_ECREATE, V_LOCK, path);
	if (fchmod(fd, 0644) < 0) {
		int err = io_error(LMS_ECREATE, V_LOCK, path);

		close(fd);
		return err;
	}
	*out = fd;
	return 0;
}

/*
 * Opens the lock file below the root, never through a link.  A writer
 * (create) makes it and .lms/ if missing; a reader makes nothing, and
 * gets LMS_ENOENT when either is missing.
 */
static int open_lock(struct lms_lock *lock, const char *path, size_t root_len,
		     bool create)
{
	const char *name;
	int dir, err;

	lock->fd = -1;
	if ((err = walk(path, root_len, V_LOCK,
			create ? WALK_CREATE | WALK_MODE : WALK_READ, 0755,
			&dir, &name)))
		return err;
	if (create)
		err = make_lock_in(dir, name, path, &lock->fd);
	else
		err = open_in(dir, name, path, V_LOCK, O_RDONLY, &lock->fd);
	close(dir);
	return err;
}

int lms_lock_acquire(struct lms_lock *lock, const char *path, size_t root_len,
		     int timeout_ms)
{
	int err = open_lock(lock, path, root_len, true);

	return err ? err : wait_for_lock(lock, path, LOCK_EX, timeout_ms);
}

int lms_lock_acquire_shared(struct lms_lock *lock, const char *path,
			    size_t root_len, int timeout_ms)
{
	/* flock needs no write access; and a reader, who may be another
	 * user (root), must not make files that the owner cannot write. */
	int err = open_lock(lock, path, root_len, false);

	return err ? err : wait_for_lock(lock, path, LOCK_SH, timeout_ms);
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

const char *lms_temp_dir(const char *dir)
{
	return dir && *dir ? dir : "/tmp";
}

FILE *lms_temp_file(const char *dir, const char *name)
{
	struct lms_buf path = LMS_BUF_INIT;
	FILE *f = NULL;
	int fd;

	dir = lms_temp_dir(dir);
	lms_buf_addf(&path, "%s/lms-%s-XXXXXX", dir, name);
	if ((fd = mkstemp(path.buf)) >= 0) {
		unlink(path.buf);
		if (!(f = fdopen(fd, "w+")))
			close(fd);
	}
	if (!f) {
		int e = errno;

		lms_error(LMS_EIO, _("cannot make a temporary file in %s: %s"),
			  dir, lms_strerror(e));
		errno = e;
	}
	lms_buf_release(&path);
	return f;
}
