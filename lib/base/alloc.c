#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "alloc.h"
#include "arena.h"

static void (*oom_handler)(void) = abort;

void lms_set_oom_handler(void (*handler)(void))
{
	oom_handler = handler ? handler : abort;
}

static void *checked(void *p)
{
	if (!p) {
		oom_handler();
		abort();	/* a handler must not return */
	}
	return p;
}

void *lms_malloc(size_t size)
{
	return checked(malloc(size ? size : 1));
}

void *lms_calloc(size_t n, size_t size)
{
	return checked(calloc(n ? n : 1, size ? size : 1));
}

/* Arena memory is copied: into the arena entered, or out of arenas. */
void *lms_realloc(void *p, size_t size)
{
	size_t old;
	void *q;

	if (!lms_arena_owns(p))
		return checked(realloc(p, size ? size : 1));
	old = lms_arena_size(p);
	q = lms_scoped_malloc(size ? size : 1);
	memcpy(q, p, old < size ? old : size);
	return q;
}

void lms_free(void *p)
{
	if (!lms_arena_owns(p))
		free(p);
}

char *lms_strdup(const char *s)
{
	return checked(strdup(s));
}

char *lms_strndup(const char *s, size_t n)
{
	return checked(strndup(s, n));
}

static int is_power_of_two(size_t n)
{
	return n && !(n & (n - 1));
}

/* Appends to *arrp, first making room for cap elements if cap. */
static void *push(char **arr, size_t *n, size_t size, size_t cap)
{
	char *item;

	if (cap) {
		if (cap > SIZE_MAX / size)
			checked(NULL);
		*arr = lms_realloc(*arr, cap * size);
	}
	item = *arr + *n * size;
	memset(item, 0, size);
	(*n)++;
	return item;
}

void *lms_array_push(void *arrp, size_t *n, size_t size)
{
	size_t cap = *n == 0 ? 1 : is_power_of_two(*n) ? *n * 2 : 0;

	return push(arrp, n, size, cap);
}

_Static_assert(!(LMS_ARRAY_RUN_FIRST & (LMS_ARRAY_RUN_FIRST - 1)),
	       "the capacities of a run are powers of two");

void *lms_array_push_run(void *arrp, size_t *n, size_t size,
			 bool from_empty)
{
	size_t cap;

	if (!from_empty)
		return lms_array_push(arrp, n, size);
	/* A new array is the entered arena's, if any (arena.h). */
	if (*n == 0) {
		if (LMS_ARRAY_RUN_FIRST > SIZE_MAX / size)
			checked(NULL);
		lms_free(*(char **)arrp);
		*(char **)arrp = lms_scoped_malloc(LMS_ARRAY_RUN_FIRST * size);
		return push(arrp, n, size, 0);
	}
	/* Pushes since empty made the capacity max(FIRST, next power of
	 * two at or above *n). */
	cap = *n >= LMS_ARRAY_RUN_FIRST && is_power_of_two(*n) ? *n * 2 : 0;
	return push(arrp, n, size, cap);
}

void lms_array_room(void *arrp, size_t *cap, size_t want, size_t size)
{
	size_t room = *cap ? 2 * *cap : 16;

	if (want <= *cap)
		return;
	if (room < want || room < *cap)		/* or doubling wrapped */
		room = want;
	if (room > SIZE_MAX / size)
		checked(NULL);
	*(void **)arrp = lms_realloc(*(void **)arrp, room * size);
	*cap = room;
}

/* Below this, the faults cost less than the call. */
enum { PREFAULT_LEAST = 1 << 20 };
/* The huge pages of x86-64 and of most 64-bit ARM systems. */
#define HUGE_PAGE ((uintptr_t)2 << 20)

/* The whole blocks of align bytes inside the size bytes at p: false if
 * there are none. */
static bool inside(void *p, size_t size, uintptr_t align, uintptr_t *from,
		   uintptr_t *to)
{
	*from = ((uintptr_t)p + align - 1) & ~(align - 1);
	*to = ((uintptr_t)p + size) & ~(align - 1);
	return *to > *from;
}

void lms_prefault(void *p, size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	uintptr_t from, to;

	if (size < PREFAULT_LEAST || page <= 0)
		return;
#ifdef MADV_HUGEPAGE
	/* Huge pages where they fit whole: one fault each (one for every
	 * 4 KiB was 13 us on the machine of issue 15), where the system
	 * leaves them to be asked for. */
	if (inside(p, size, HUGE_PAGE, &from, &to))
		madvise((void *)from, to - from, MADV_HUGEPAGE);
#endif
#ifdef MADV_POPULATE_WRITE
	/* The whole pages: the first and last may hold another's memory,
	 * which the system has mapped already. */
	if (inside(p, size, (uintptr_t)page, &from, &to))
		madvise((void *)from, to - from, MADV_POPULATE_WRITE);
#endif
}

void lms_array_remove(void *arr, size_t *n, size_t size, size_t i)
{
	char *base = arr;

	memmove(base + i * size, base + (i + 1) * size, (*n - i - 1) * size);
	(*n)--;
}

void lms_array_sort(void *arr, size_t n, size_t size,
		    int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(arr, n, size, cmp);
}

/* Eleven bits of a key at a time: three passes, counts that fit in the
 * first level of cache. */
enum { RADIX_BITS = 11, RADIX = 1 << RADIX_BITS };

void lms_order_by_key(const uint32_t *keys, size_t n, size_t *order)
{
	size_t *from = order, *to = lms_malloc((n ? n : 1) * sizeof(*to));
	size_t *count = lms_malloc(RADIX * sizeof(*count));

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (unsigned shift = 0; shift < 32; shift += RADIX_BITS) {
		size_t at = 0, *swap;

		memset(count, 0, RADIX * sizeof(*count));
		for (size_t i = 0; i < n; i++)
			count[keys[i] >> shift & (RADIX - 1)]++;
		/* A digit that all keys share orders nothing. */
		if (n && count[keys[0] >> shift & (RADIX - 1)] == n)
			continue;
		for (size_t d = 0; d < RADIX; d++) {
			size_t c = count[d];

			count[d] = at;
			at += c;
		}
		for (size_t i = 0; i < n; i++)
			to[count[keys[from[i]] >> shift & (RADIX - 1)]++] = from[i];
		swap = from, from = to, to = swap;
	}
	if (from != order) {
		memcpy(order, from, n * sizeof(*order));
		to = from;
	}
	lms_free(to);
	lms_free(count);
}
