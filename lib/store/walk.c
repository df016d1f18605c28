#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ahead.h"
#include "alloc.h"
#include "arena.h"
#include "error.h"
#include "walk.h"

/*
 * Workers claim batches of consecutive courses, read a whole batch, and
 * hand it over at once: the calling thread wakes once per batch, not once
 * per course.  A batch lives in one entry of a ring of twice as many
 * entries as workers, so a worker can read one batch while its last waits
 * to be taken; an entry is claimed again only once the worker that read
 * it has released its slots, which bounds memory by the ring, whatever
 * the size of the tree.  Each worker releases its own batches once they
 * are taken (or the walk has stopped): what a thread allocated, it frees,
 * so no allocator's arena is shared between two threads.
 */

enum state {
	FREE,		/* to be claimed */
	READING,	/* its worker reads it */
	READY,		/* read, waits for the calling thread */
	TAKING,		/* the calling thread takes it */
	TAKEN		/* taken, waits for its worker to release it */
};

struct batch {
	enum state state;
	size_t number;		/* of the batch in the walk */
	size_t owner;		/* the worker that read it */
	size_t filled;		/* slots that read filled */
	int err;		/* of the last slot filled, if read failed */
	struct lms_error error;
	char *data;		/* size slots of w->slot_size */
	struct lms_arena arena;	/* what read made, if w->arena */
};

struct pipeline {
	pthread_mutex_t lock;
	pthread_cond_t ready;	/* a batch is read: for the calling thread */
	pthread_cond_t changed;	/* a batch taken or freed, or the end */
	const struct lms_walk *w;
	size_t size;		/* courses in a batch (the last may have fewer) */
	size_t nbatches;	/* in the walk */
	size_t end;		/* batches to claim: fewer once a read failed */
	size_t next;		/* the next batch to claim */
	size_t nring;
	struct batch *ring;
	bool taker_waits;	/* so that a worker signals only when needed */
	size_t workers_wait;
	bool stop;		/* nothing more is taken */
};

struct worker {
	struct pipeline *p;
	size_t id;
	pthread_t thread;
};

static size_t cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > LMS_WALK_MAX_THREADS ? LMS_WALK_MAX_THREADS : (size_t)n;
}

static void *slot(const struct pipeline *p, const struct batch *b, size_t j)
{
	return b->data + j * p->w->slot_size;
}

static size_t batch_length(const struct pipeline *p, size_t number)
{
	size_t first = number * p->size;

	return p->w->n - first < p->size ? p->w->n - first : p->size;
}

/* Plans the reading ahead of the files of courses ids[0, n) that the
 * walk's read reads, all below courses/. */
static void plan_ahead(const struct lms_walk *w, struct lms_tree *t,
		       char *const *ids, size_t n)
{
	lms_ahead_plan(t->ahead, t->courses_fd);
	if (!t->has_courses_fd)
		return;
	for (size_t i = 0; i < n; i++) {
		for (unsigned f = 0; f < LMS_NFILES; f++) {
			char name[256];

			if (w->reads & 1u << f &&
			    lms_file_in_courses(f, ids[i], name, sizeof(name)))
				lms_ahead_add(t->ahead, name);
		}
	}
}

/* Reads batch b on a worker; the lock is not held. */
static void read_batch(struct pipeline *p, struct lms_tree *t,
		       struct batch *b)
{
	const struct lms_walk *w = p->w;
	size_t first = b->number * p->size, n = batch_length(p, b->number);
	struct lms_arena *before = NULL;

	b->err = 0;
	if (t->ahead)
		plan_ahead(w, t, w->ids + first, n);
	if (w->arena)
		before = lms_arena_enter(&b->arena);
	for (b->filled = 0; b->filled < n && !b->err; b->filled++) {
		void *s = slot(p, b, b->filled);

		memset(s, 0, w->slot_size);
		b->err = w->read(w->arg, t, w->ids[first + b->filled], s);
	}
	if (w->arena)
		lms_arena_leave(before);
	if (b->err)
		b->error = *lms_last_error();
}

static bool releasable(const struct pipeline *p, const struct batch *b,
		       size_t me)
{
	return b->owner == me &&
	       (b->state == TAKEN || (p->stop && b->state == READY));
}

/*
 * Releases this worker's batches that the calling thread is done with:
 * those taken, and once the walk stops those that will never be.  The
 * lock is held, and let go around the release of each batch; the scan
 * starts again after each, for another may have become releasable then,
 * and a worker must not wait with one left.
 */
static void release_mine(struct pipeline *p, size_t me)
{
	const struct lms_walk *w = p->w;
	bool freed = false;

	for (size_t k = 0; k < p->nring; k++) {
		struct batch *b = &p->ring[k];

		if (!releasable(p, b, me))
			continue;
		pthread_mutex_unlock(&p->lock);
		for (size_t j = 0; j < b->filled; j++)
			w->release(w->arg, slot(p, b, j));
		lms_arena_clear(&b->arena);
		pthread_mutex_lock(&p->lock);
		b->state = FREE;
		freed = true;
		k = (size_t)-1;
	}
	if (freed && p->workers_wait)
		pthread_cond_broadcast(&p->changed);
}

static bool owns_any(const struct pipeline *p, size_t me)
{
	for (size_t k = 0; k < p->nring; k++)
		if (p->ring[k].owner == me && p->ring[k].state != FREE)
			return true;
	return false;
}

/* The next batch to read, or NULL when it must wait or there is none. */
static struct batch *claim(struct pipeline *p, size_t me)
{
	struct batch *b;

	if (p->stop || p->next >= p->end)
		return NULL;
	b = &p->ring[p->next % p->nring];
	if (b->state != FREE)
		return NULL;
	b->state = READING;
	b->number = p->next++;
	b->owner = me;
	return b;
}

static void *worker(void *arg)
{
	struct worker *wk = arg;
	struct pipeline *p = wk->p;
	struct lms_tree t;
	struct batch *b;

	lms_tree_thread_copy(&t, p->w->tree);
	t.ahead = p->w->reads ? lms_ahead_new() : NULL;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		release_mine(p, wk->id);
		if ((b = claim(p, wk->id))) {
			pthread_mutex_unlock(&p->lock);
			read_batch(p, &t, b);
			pthread_mutex_lock(&p->lock);
			/* Nothing after a failure is wanted. */
			if (b->err && p->end > b->number + 1)
				p->end = b->number + 1;
			b->state = READY;
			if (p->taker_waits)
				pthread_cond_signal(&p->ready);
			continue;
		}
		if ((p->stop || p->next >= p->end) && !owns_any(p, wk->id))
			break;
		p->workers_wait++;
		pthread_cond_wait(&p->changed, &p->lock);
		p->workers_wait--;
	}
	pthread_mutex_unlock(&p->lock);
	lms_ahead_free(t.ahead);
	lms_tree_thread_release(&t);
	return NULL;
}

/* Takes the slots of batch b in order: the first error is the walk's. */
static int take_batch(struct pipeline *p, struct batch *b)
{
	const struct lms_walk *w = p->w;
	size_t first = b->number * p->size;
	int err = 0;

	for (size_t j = 0; j < b->filled && !err; j++) {
		if (b->err && j + 1 == b->filled) {
			lms_error_set(&b->error);
			err = b->err;
		} else {
			err = w->take(w->arg, first + j, slot(p, b, j));
		}
	}
	return err;
}

/* The calling thread: takes the batches in order as the workers read them. */
static int take_in_order(struct pipeline *p)
{
	int err = 0;

	for (size_t k = 0; k < p->nbatches && !err; k++) {
		struct batch *b = &p->ring[k % p->nring];

		pthread_mutex_lock(&p->lock);
		while (!(b->state == READY && b->number == k)) {
			p->taker_waits = true;
			pthread_cond_wait(&p->ready, &p->lock);
			p->taker_waits = false;
		}
		b->state = TAKING;
		pthread_mutex_unlock(&p->lock);
		err = take_batch(p, b);
		pthread_mutex_lock(&p->lock);
		b->state = TAKEN;
		if (p->workers_wait)
			pthread_cond_broadcast(&p->changed);
		pthread_mutex_unlock(&p->lock);
	}
	/* The end, or a failure: every worker releases what it holds. */
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	return err;
}

/* One thread: read a course, take it, and so on. */
static int walk_alone(const struct lms_walk *w)
{
	void *data = lms_malloc(w->slot_size);
	struct lms_arena arena = { NULL, NULL, NULL };
	struct lms_tree *t = w->tree;
	struct lms_ahead *outer = t->ahead;	/* a walk's, around this */
	int err = 0;

	t->ahead = w->reads ? lms_ahead_new() : NULL;
	for (size_t i = 0; i < w->n && !err; i++) {
		struct lms_arena *before = NULL;

		if (t->ahead && i % LMS_AHEAD_ROUND == 0)
			plan_ahead(w, t, w->ids + i, w->n - i < LMS_AHEAD_ROUND ?
				   w->n - i : LMS_AHEAD_ROUND);
		memset(data, 0, w->slot_size);
		if (w->arena)
			before = lms_arena_enter(&arena);
		err = w->read(w->arg, w->tree, w->ids[i], data);
		if (w->arena)
			lms_arena_leave(before);
		if (!err)
			err = w->take(w->arg, i, data);
		w->release(w->arg, data);
		lms_arena_clear(&arena);
	}
	lms_ahead_free(t->ahead);
	t->ahead = outer;
	lms_free(data);
	return err;
}

/*
 * Batches small enough that every worker gets a few of a small tree, and
 * at most w->batch courses, so that the workers stay busy to the end.
 */
static void pipeline_init(struct pipeline *p, const struct lms_walk *w,
			  size_t nthreads)
{
	size_t size = w->n / (nthreads * 4);
	size_t most = w->batch ? w->batch : LMS_WALK_BATCH;

	memset(p, 0, sizeof(*p));
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->ready, NULL);
	pthread_cond_init(&p->changed, NULL);
	p->w = w;
	p->size = size < 1 ? 1 : size > most ? most : size;
	p->nbatches = p->end = (w->n + p->size - 1) / p->size;
	p->nring = 2 * nthreads;
	p->ring = lms_calloc(p->nring, sizeof(*p->ring));
	for (size_t k = 0; k < p->nring; k++)
		p->ring[k].data = lms_calloc(p->size, w->slot_size);
}

static void pipeline_release(struct pipeline *p)
{
	for (size_t k = 0; k < p->nring; k++) {
		lms_arena_clear(&p->ring[k].arena);
		lms_free(p->ring[k].data);
	}
	lms_free(p->ring);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->ready);
	pthread_cond_destroy(&p->changed);
}

static int walk_together(const struct lms_walk *w, size_t nthreads)
{
	struct worker workers[LMS_WALK_MAX_THREADS];
	struct pipeline p;
	size_t started = 0;
	int err;

	pipeline_init(&p, w, nthreads);
	for (; started < nthreads; started++) {
		workers[started].p = &p;
		workers[started].id = started;
		if (pthread_create(&workers[started].thread, NULL, worker,
				   &workers[started]))
			break;
	}
	if (started) {
		err = take_in_order(&p);
		for (size_t i = 0; i < started; i++)
			pthread_join(workers[i].thread, NULL);
	} else {
		err = walk_alone(w);
	}
	pipeline_release(&p);
	return err;
}

size_t lms_walk_threads(const struct lms_tree *t, size_t threads)
{
	size_t n = threads ? threads : t->threads ? t->threads : cores();

	return n > LMS_WALK_MAX_THREADS ? LMS_WALK_MAX_THREADS : n;
}

int lms_walk_courses(const struct lms_walk *w)
{
	size_t nthreads = lms_walk_threads(w->tree, w->threads);

	int err;

	/* One reading thread is the calling thread: a worker would only
	 * add switching to the work. */
	if (nthreads < 2 || w->n < 2)
		err = walk_alone(w);
	else
		err = walk_together(w, nthreads);
	lms_arena_trim();
	return err;
}
