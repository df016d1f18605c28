#ifndef LMS_ARENA_H
#define LMS_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Arenas: memory for what a walk's worker reads into a batch of courses,
 * handed out by moving a pointer and given back all at once when the
 * batch is let go.  Loading a course makes some 400 strings and lists;
 * malloc and free for each were a fifth of lms check of a national tree.
 *
 * Only what loaders make asks for arena memory (lms_scoped_strndup,
 * lms_array_push_run), and only while the thread has entered an arena.
 * Arena blocks come from one region of address space, so that an arena's
 * pointer is known by its address: lms_free leaves it alone, lms_realloc
 * copies it.  That is why lib/ frees with lms_free, never free(3).
 */
struct lms_arena_block;

struct lms_arena {
	struct lms_arena_block *blocks;	/* the newest first */
	char *next, *end;		/* the free part of the newest */
};

/* This thread's scoped allocations come from a until lms_arena_leave,
 * given what this returned: the arena entered before (or NULL), which
 * is entered again. */
struct lms_arena *lms_arena_enter(struct lms_arena *a);
void lms_arena_leave(struct lms_arena *before);
/* Gives a's blocks back for other arenas; a is empty again.  Nothing it
 * handed out may be used after. */
void lms_arena_clear(struct lms_arena *a);

/* Gives the memory of the arenas' blocks back to the system, if no arena
 * holds one: after a walk, so that what follows does not stand on it. */
void lms_arena_trim(void);

/* Whether p is arena memory. */
bool lms_arena_owns(const void *p);
/* The size asked for p, arena memory. */
size_t lms_arena_size(const void *p);

/* size bytes from the entered arena, or from malloc outside one. */
void *lms_scoped_malloc(size_t size);
char *lms_scoped_strndup(const char *s, size_t n);

#endif
