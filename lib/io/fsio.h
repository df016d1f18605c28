#ifndef LMS_FSIO_H
#define LMS_FSIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "buf.h"

/*
 * The one place where lms touches the file system, so that every reader
 * and writer keeps the same rules (see lms-files(5), FILES AND LINKS):
 *
 * - Reading follows symbolic links, so that a forms/ folder shared by
 *   several services can be a link, but reads only regular files: a
 *   FIFO, socket or device is refused at once, never waited on.  A
 *   device reached through a link is never opened; a device node that
 *   is no link (which only root can make) is opened, O_NONBLOCK and
 *   O_NOCTTY, and then refused.
 * - Writing never follows a symbolic link below the root of the tree it
 *   writes in, nor writes into a FIFO, socket or device: the write is
 *   refused with LMS_ECREATE and nothing is written.  Whatever leads to
 *   the root is the user's choice, and followed.
 * - A folder that cannot be listed is an error; only a missing one is
 *   empty.
 *
 * The writers take path as a root folder of root_len bytes, a '/', and
 * the path below it.  root_len 0 makes the root "." (or "/" for a path
 * that starts with one).
 */

/* Reads a whole file into out (replacing its content); refuses files
 * larger than max bytes and paths that are not regular files with
 * LMS_EDATA, a missing file with LMS_ENOENT. */
int lms_read_file(const char *path, size_t max, struct lms_buf *out);
/* The same of name, below the open folder dir, known to people (and in
 * errors) as path: the kernel walks a few steps of a path rather than
 * all of them from the working folder or from /, for every file. */
int lms_read_file_at(int dir, const char *name, const char *path, size_t max,
		     struct lms_buf *out);
/* The same, from what a read ahead (ahead.h; NULL for nothing) if it has
 * the file: with the same result and the same error. */
struct lms_ahead;
int lms_read_file_ahead(struct lms_ahead *a, int dir, const char *name,
			const char *path, size_t max, struct lms_buf *out);

/* Opens a regular file for reading into *out (see lms_read_file). */
int lms_open_regular(const char *path, int *out);

/*
 * lms_read_file for a file of lms's own (.lms/journal), read as the
 * writers write: no link below the root is followed, the file's own
 * included (LMS_EDATA, as it is no regular file).  A missing folder on
 * the way is LMS_ENOENT, as a missing file is.
 */
int lms_read_below(const char *path, size_t root_len, size_t max,
		   struct lms_buf *out);
/* lstat(2) of path, walked to as lms_read_below does. */
int lms_stat_below(const char *path, size_t root_len, struct stat *st);

/*
 * The names in the folder path but "." and "..", in no order, for the
 * caller to free (lms_strings_free).  A missing folder has none; one that
 * cannot be read (no permission, not a folder) is LMS_EIO.
 */
int lms_dir_list(const char *path, char ***out, size_t *n);
/*
 * The same, with what each name is as the folder says (d_type), in
 * (*kinds)[i] for (*out)[i], for the caller to free: a regular file or a
 * folder, or LMS_DIR_UNKNOWN for a link, anything else, and where the
 * file system does not say, which the caller asks stat(2) about.  It
 * spares a look at every name of a folder of 53,500.
 */
enum lms_dir_kind { LMS_DIR_UNKNOWN, LMS_DIR_FILE, LMS_DIR_FOLDER };
int lms_dir_read(const char *path, char ***out, unsigned char **kinds,
		 size_t *n);
/* The same of name, below the open folder dir (AT_FDCWD: the working
 * one), known to people as path. */
int lms_dir_read_at(int dir, const char *name, const char *path,
		    char ***out, unsigned char **kinds, size_t *n);

/*
 * Replaces path with data so that a crash at any moment leaves either the
 * old or the new file: a temporary file beside it, fsync, rename, fsync of
 * the folder.  mode 0 keeps the mode of the file it replaces, or gives a
 * new file 0666 less the umask.  The folders below the root must exist.
 */
int lms_write_below(const char *path, size_t root_len, const void *data,
		    size_t len, mode_t mode);
/* lms_write_below with the folder that holds path as the root. */
int lms_write_atomic(const char *path, const void *data, size_t len,
		     mode_t mode);

/*
 * The first half of lms_write_below: data in a new temporary file beside
 * path (".NAME.XXXXXX", path's mode as above), fsynced but not renamed;
 * *tmp is its path, which the caller frees.  On failure nothing is left.
 */
int lms_write_temporary(const char *path, size_t root_len, const void *data,
			size_t len, mode_t mode, char **tmp);
/* The second half: renames tmp (a temporary beside path) over path;
 * LMS_ENOENT, with no message, when tmp is gone. */
int lms_rename_below(const char *tmp, const char *path, size_t root_len);
/* The second half for a file that must not be replaced: links tmp to
 * path, then removes tmp, whatever happened; 1, with no
 * message, when path is there already (another lms made it first). */
int lms_link_new_below(const char *tmp, const char *path, size_t root_len);
/* Whether lms_rename_below(tmp, path) may be done: path's folder is
 * reached through no link, and tmp and path are regular files or gone. */
int lms_rename_check(const char *tmp, const char *path, size_t root_len);
/* Removes the file path, through no link below the root; LMS_ENOENT when
 * it is not there. */
int lms_unlink_below(const char *path, size_t root_len);
/* fsyncs the folder that holds path, so that a new name or a rename in it
 * survives a crash of the system. */
int lms_sync_parent(const char *path, size_t root_len);

/*
 * Removes temporary files that a writer of path left when it was killed
 * (".NAME.XXXXXX" beside it).  Only safe while holding the tree's lock.
 */
void lms_remove_stale_temporaries(const char *path, size_t root_len);

/* Creates the folders below the root down to path (like mkdir -p). */
int lms_mkdirs_below(const char *path, size_t root_len, mode_t mode);
/* Creates dir and its parents (like mkdir -p), following links. */
int lms_mkdirs(const char *dir, mode_t mode);
/* Changes the mode of the regular file path (see lms_write_below). */
int lms_chmod_below(const char *path, size_t root_len, mode_t mode);
bool lms_is_dir(const char *path);
bool lms_exists(const char *path);

/*
 * An exclusive flock on the file at path (created, with the folders on
 * the way, if missing: mode 0644, and 0755 for the folders, whatever the
 * umask; see lms_write_below), held until released.  Waits up to
 * timeout_ms, then fails with LMS_EBUSY.
 */
struct lms_lock {
	int fd;
};

int lms_lock_acquire(struct lms_lock *lock, const char *path, size_t root_len,
		     int timeout_ms);
/*
 * A shared flock, which any number of readers hold together while no
 * writer holds the exclusive one.  The file is opened read-only and never
 * made: LMS_ENOENT when it or its folder is missing.
 */
int lms_lock_acquire_shared(struct lms_lock *lock, const char *path,
			    size_t root_len, int timeout_ms);
/* Turns a held lock exclusive or shared (not atomically: flock(2)). */
int lms_lock_change(struct lms_lock *lock, const char *path, bool exclusive,
		    int timeout_ms);
void lms_lock_release(struct lms_lock *lock);

/*
 * A temporary file for reading and writing, in folder dir (NULL or "":
 * /tmp), named "lms-NAME-XXXXXX" and gone from the folder at once, so
 * that no other program can open it and it goes when lms does; NULL,
 * with an error recorded, when it cannot be made.
 */
FILE *lms_temp_file(const char *dir, const char *name);
/* The folder lms_temp_file makes its files in: dir, or /tmp. */
const char *lms_temp_dir(const char *dir);

#endif
