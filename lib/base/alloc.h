#ifndef LMS_ALLOC_H
#define LMS_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Allocation that never returns NULL.  Checking every small allocation in
 * a command-line tool buys nothing but noise, so failure goes to one
 * handler that the front end sets (it reports "out of memory" and exits);
 * the default handler aborts.
 */
void lms_set_oom_handler(void (*handler)(void));
void *lms_malloc(size_t size);
void *lms_calloc(size_t n, size_t size);
void *lms_realloc(void *p, size_t size);
char *lms_strdup(const char *s);
/* Frees what lib/ allocated: arena memory is left to its arena (arena.h). */
void lms_free(void *p);
char *lms_strndup(const char *s, size_t n);

/*
 * Appends one zeroed element to the array *arrp of *n elements and returns
 * it.  The capacity is the next power of two at or above *n, so it needs no
 * field of its own and appending is amortised constant time.
 */
void *lms_array_push(void *arrp, size_t *n, size_t size);

/*
 * As lms_array_push, in a run of appends to one array, such as a reader
 * filling a list: when the run began on the empty array (from_empty),
 * the first append makes room for LMS_ARRAY_RUN_FIRST elements, not one,
 * then two, four and eight in turn, in the arena entered if any
 * (arena.h).  The capacity left is still at least what lms_array_push
 * expects.
 */
#define LMS_ARRAY_RUN_FIRST 8
void *lms_array_push_run(void *arrp, size_t *n, size_t size,
			 bool from_empty);

/*
 * For an array that keeps its capacity in *cap, so that room can be
 * made ahead (which lms_array_push's capacity, implied by the count,
 * cannot keep): room for at least want elements of size, doubling *cap
 * (from 16) or, if more, exactly want.  Memory grown by doubling is
 * moved as it grows; a list that knows its length makes room at once.
 */
void lms_array_room(void *arrp, size_t *cap, size_t want, size_t size);

/*
 * Has the system map the pages of the size bytes at p now, in one call,
 * rather than take a page fault for each 4 KiB as it is first written:
 * for a buffer of megabytes about to be filled whole.  A virtual machine
 * makes each fault costly: lms course list of 53,500 courses took 4,800
 * of them.  Nothing where the system cannot, or for less than a
 * mebibyte.
 */
void lms_prefault(void *p, size_t size);

/* Removes element i, keeping the order of the rest. */
void lms_array_remove(void *arr, size_t *n, size_t size, size_t i);

/*
 * qsort(3) for these arrays, which are NULL while empty: qsort itself must
 * not be given a null pointer even with no elements (C11 7.1.4, 7.22.5),
 * and UBSan stops a program that does.
 */
void lms_array_sort(void *arr, size_t n, size_t size,
		    int (*cmp)(const void *, const void *));

/*
 * The order of n items by their keys, least first, and items of equal
 * keys in their own order: order[i] gets the item that goes i-th.  A
 * radix sort, in time linear in n and without a call for each
 * comparison, for lists as long as a row for each course of a country.
 */
void lms_order_by_key(const uint32_t *keys, size_t n, size_t *order);

#endif
