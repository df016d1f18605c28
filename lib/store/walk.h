#ifndef LMS_WALK_H
#define LMS_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "tree.h"

/*
 * A walk over many courses that reads them on every core and takes them
 * in order on the calling thread: reading and parsing are most of the
 * work of a report or a check, while what is done with a course, such as
 * adding it to a table, needs one owner and the same order every time.
 *
 * read fills a slot of slot_size bytes, zeroed before, from course ids[i],
 * on any thread, with a tree of its own (the same root and service, its
 * own buffer): work on one course that needs nothing shared belongs
 * there.  take then gets the slots on the calling thread in the order of
 * ids.  release frees what read put in a slot, on the thread that read
 * it, after take had it (threads hand courses over in batches of up to
 * batch, LMS_WALK_BATCH unless set, and a slot is released with its batch); it is called
 * exactly once for every slot that read filled, also after a failure, so
 * read must leave a slot that release can free whether or not it
 * succeeded.  read and release of one thread never run at the same time,
 * so what they share per thread needs no lock; take must not keep
 * pointers into a slot.
 *
 * The threads that read are threads, if not 0, else the tree's (set by
 * the front end from LMS_THREADS), else one per core; at most
 * LMS_WALK_MAX_THREADS.  With one, the calling thread reads, takes and
 * releases each course in turn.  Memory holds at most two batches per
 * thread, whatever the number of courses.
 *
 * The first error of read or take, in the order of ids, stops the walk,
 * and is the walk's: nothing after it is taken.
 */
struct lms_walk {
	struct lms_tree *tree;
	char **ids;
	size_t n;
	size_t slot_size;
	int (*read)(void *arg, struct lms_tree *t, const char *id, void *slot);
	int (*take)(void *arg, size_t i, void *slot);
	void (*release)(void *arg, void *slot);
	void *arg;
	size_t threads;		/* that read; 0 for the tree's */
	/* The most courses in a batch: 0 for LMS_WALK_BATCH.  A walk whose
	 * slots hold little (a course's plan) takes more, so that the
	 * calling thread wakes less often; one whose slots hold a course's
	 * every file keeps the default, which bounds its memory. */
	size_t batch;
	/* What read makes is arena memory, one arena a batch, given back
	 * when the batch is released (arena.h): for a walk whose take
	 * copies what it keeps, never a pointer into a slot. */
	bool arena;
	/* The files of a course that read reads, in the order it reads
	 * them, each as 1u << its enum lms_file, or 0: each thread reads
	 * them ahead for its courses, a batch at a time (ahead.h), for
	 * read to find them read.  Only for files that read will read:
	 * any other is read for nothing. */
	unsigned reads;
};

#define LMS_WALK_MAX_THREADS 16
#define LMS_WALK_BATCH 16

int lms_walk_courses(const struct lms_walk *w);
/* The threads a walk over t uses: threads if not 0, else the tree's,
 * else one per core, at most LMS_WALK_MAX_THREADS. */
size_t lms_walk_threads(const struct lms_tree *t, size_t threads);

#endif
