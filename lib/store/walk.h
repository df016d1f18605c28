#ifndef LMS_WALK_H
#define LMS_WALK_H

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
 * own buffer).  take then gets the slots on the calling thread in the
 * order of ids, and release frees what read put in a slot; it is called
 * for every slot that read filled, also after a failure, so read must
 * leave a slot that release can free whether or not it succeeded.
 *
 * The first error of read or take stops the walk, and is the walk's.
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
	size_t threads;		/* that read; 0 for one per core */
};

#define LMS_WALK_MAX_THREADS 8

int lms_walk_courses(const struct lms_walk *w);

#endif
