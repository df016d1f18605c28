#ifndef LMS_FSIO_H
#define LMS_FSIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"

/* Reads a whole file into out (replacing its content); refuses files
 * larger than max bytes with LMS_EDATA, a missing file with LMS_ENOENT. */
int lms_read_file(const char *path, size_t max, struct lms_buf *out);

/*
 * Replaces path with data so that a crash at any moment leaves either the
 * old or the new file: a temporary file beside it, fsync, rename, fsync of
 * the folder.  mode 0 keeps the mode of the file it replaces, or gives a
 * new file 0666 less the umask.
 */
int lms_write_atomic(const char *path, const void *data, size_t len,
		     mode_t mode);

/*
 * Removes temporary files that a writer of path left when it was killed
 * (".NAME.XXXXXX" beside it).  Only safe while holding the tree's lock.
 */
void lms_remove_stale_temporaries(const char *path);

/* Creates dir and its parents (like mkdir -p). */
int lms_mkdirs(const char *dir, mode_t mode);
bool lms_is_dir(const char *path);
bool lms_exists(const char *path);

/*
 * An exclusive flock on the file at path (created if missing), held until
 * released.  Waits up to timeout_ms, then fails with LMS_EBUSY.
 */
struct lms_lock {
	int fd;
};

int lms_lock_acquire(struct lms_lock *lock, const char *path, int timeout_ms);
void lms_lock_release(struct lms_lock *lock);

#endif
