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
 * The first half of lms_write_atomic: data in a new temporary file beside
 * path (".NAME.XXXXXX", path's mode as above), fsynced but not renamed;
 * *tmp is its path, which the caller frees.  On failure nothing is left.
 */
int lms_write_temporary(const char *path, const void *data, size_t len,
			mode_t mode, char **tmp);
/* fsyncs the folder that holds path, so that a new name or a rename in it
 * survives a crash of the system. */
int lms_sync_parent(const char *path);

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
/*
 * A shared flock, which any number of readers hold together while no
 * writer holds the exclusive one.  The file is created if it can be, and
 * opened read-only if the tree is read-only for us; LMS_EIO if it cannot
 * be opened at all.
 */
int lms_lock_acquire_shared(struct lms_lock *lock, const char *path,
			    int timeout_ms);
/* Turns a held lock exclusive or shared (not atomically: flock(2)). */
int lms_lock_change(struct lms_lock *lock, const char *path, bool exclusive,
		    int timeout_ms);
void lms_lock_release(struct lms_lock *lock);

#endif
