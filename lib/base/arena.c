#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "alloc.h"
#include "arena.h"

/*
 * The region: address space reserved at the first block asked for, and
 * touched only as blocks are used; carved into blocks in order, and those
 * given back are handed out again first.  Without a region (mmap refused
 * it) there is no arena memory, only malloc's.
 */
#define REGION_SIZE ((size_t)4 << 30)
#define BLOCK_SIZE ((size_t)256 << 10)
/* Larger allocations are malloc's: they would leave most of a block. */
#define ARENA_MAX (BLOCK_SIZE / 8)
#define ALIGN 16

struct lms_arena_block {
	struct lms_arena_block *next;
};

/* What precedes each allocation: its size, for lms_realloc to copy. */
struct head {
	size_t size;
	size_t pad;		/* to ALIGN */
};

static pthread_once_t reserved = PTHREAD_ONCE_INIT;
static _Atomic uintptr_t region;	/* 0: none */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static size_t carved;			/* blocks out of the region */
static struct lms_arena_block *spare;	/* given back */
static size_t nspare;
static _Thread_local struct lms_arena *entered;

static void reserve(void)
{
	void *p = mmap(NULL, REGION_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p != MAP_FAILED)
		atomic_store(&region, (uintptr_t)p);
}

bool lms_arena_owns(const void *p)
{
	uintptr_t r = atomic_load_explicit(&region, memory_order_relaxed);

	return r && (uintptr_t)p - r < REGION_SIZE;
}

size_t lms_arena_size(const void *p)
{
	return ((const struct head *)p - 1)->size;
}

static struct lms_arena_block *get_block(void)
{
	struct lms_arena_block *b = NULL;
	uintptr_t r;

	pthread_once(&reserved, reserve);
	if (!(r = atomic_load(&region)))
		return NULL;
	pthread_mutex_lock(&lock);
	if (spare) {
		b = spare;
		spare = b->next;
		nspare--;
	} else if (carved < REGION_SIZE / BLOCK_SIZE) {
		b = (struct lms_arena_block *)(r + carved++ * BLOCK_SIZE);
	}
	pthread_mutex_unlock(&lock);
	return b;
}

/* size bytes of a, or NULL if they must be malloc's. */
static void *arena_alloc(struct lms_arena *a, size_t size)
{
	size_t need;
	struct head *h;

	if (size > ARENA_MAX)
		return NULL;
	need = sizeof(struct head) +
	       ((size + ALIGN - 1) & ~(size_t)(ALIGN - 1));
	if ((size_t)(a->end - a->next) < need) {
		struct lms_arena_block *b = get_block();

		if (!b)
			return NULL;
		b->next = a->blocks;
		a->blocks = b;
		a->next = (char *)b + ALIGN;
		a->end = (char *)b + BLOCK_SIZE;
	}
	h = (struct head *)a->next;
	h->size = size;
	a->next += need;
	return h + 1;
}

struct lms_arena *lms_arena_enter(struct lms_arena *a)
{
	struct lms_arena *before = entered;

	entered = a;
	return before;
}

void lms_arena_leave(struct lms_arena *before)
{
	entered = before;
}

void lms_arena_clear(struct lms_arena *a)
{
	struct lms_arena_block *last = a->blocks;
	size_t n = 1;

	if (last) {
		for (; last->next; n++)
			last = last->next;
		pthread_mutex_lock(&lock);
		last->next = spare;
		spare = a->blocks;
		nspare += n;
		pthread_mutex_unlock(&lock);
	}
	memset(a, 0, sizeof(*a));
}

void lms_arena_trim(void)
{
	uintptr_t r = atomic_load(&region);

	pthread_mutex_lock(&lock);
	if (r && carved && nspare == carved &&
	    !madvise((void *)r, carved * BLOCK_SIZE, MADV_DONTNEED)) {
		carved = nspare = 0;
		spare = NULL;
	}
	pthread_mutex_unlock(&lock);
}

void *lms_scoped_malloc(size_t size)
{
	void *p = entered ? arena_alloc(entered, size) : NULL;

	return p ? p : lms_malloc(size);
}

char *lms_scoped_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = lms_scoped_malloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
