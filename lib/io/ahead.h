#ifndef LMS_AHEAD_H
#define LMS_AHEAD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/*
 * Reading ahead: the small files that one thread is about to read, read
 * a round at a time through io_uring(7), so that the kernel is entered
 * once for a few dozen files rather than four times for each (open,
 * fstat, read, close).  On a tree of 53,500 courses those four calls
 * were half of what lms course list cost.
 *
 * A plan names the files, below one folder, in about the order they will
 * be asked for; lms_ahead_take then hands each over as read, or says it
 * is missing, or says nothing, and the caller reads it as before
 * (lms_read_file_at): so every error, and every file that is not plainly
 * a small regular one, is met exactly as without reading ahead.  Nothing
 * read ahead ever waits: each file is opened O_NOFOLLOW and O_NONBLOCK,
 * a FIFO is told apart before it is read (posix_fadvise(2) fails on
 * one), and the read is RWF_NOWAIT, so a file not in memory yet is the
 * caller's to read.  Only a device node, which only root can make, may
 * be read ahead where the caller would have refused it unread.
 *
 * An lms_ahead belongs to one thread.  lms_ahead_new gives NULL where the
 * kernel offers no io_uring (too old, or forbidden, as containers often
 * do): lms then reads as it always did.
 */
struct lms_ahead;

/* Files read at a time, and the most bytes of each read ahead: a larger
 * file is left to the caller. */
#define LMS_AHEAD_ROUND 32
#define LMS_AHEAD_FILE_SIZE 16384

struct lms_ahead *lms_ahead_new(void);
/* Turns reading ahead off (lms_ahead_new gives NULL), to measure it or
 * to rule it out: LMS_READ_AHEAD=0 (HACKING.md).  Before any thread. */
void lms_ahead_set_on(bool on);
void lms_ahead_free(struct lms_ahead *a);

/* Forgets the plan and starts one of files below dir. */
void lms_ahead_plan(struct lms_ahead *a, int dir);
void lms_ahead_add(struct lms_ahead *a, const char *name);

enum lms_ahead_got {
	LMS_AHEAD_NOTHING,	/* read it yourself */
	LMS_AHEAD_READ,		/* *out holds the file, NUL-terminated */
	LMS_AHEAD_MISSING	/* open(2) said ENOENT */
};

/* name below dir, of at most max bytes, if the plan has it. */
enum lms_ahead_got lms_ahead_take(struct lms_ahead *a, int dir,
				  const char *name, size_t max,
				  struct lms_buf *out);

#endif
