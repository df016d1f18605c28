#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "walk.h"

/*
 * Workers read course i into slot i % SLOTS while the calling thread takes
 * the slots in order; a worker waits when it is SLOTS courses ahead, so
 * memory stays that of SLOTS courses however large the tree.
 */
#define SLOTS 64

struct slot {
	bool ready;
	int err;
	struct lms_error error;
};

struct pipeline {
	pthread_mutex_t lock;
	pthread_cond_t filled, emptied;
	const struct lms_walk *w;
	struct slot state[SLOTS];
	char *data;			/* SLOTS slots of w->slot_size */
	size_t next_to_read, next_to_take;
	bool stop;
};

static void *slot_data(const struct pipeline *p, size_t i)
{
	return p->data + (i % SLOTS) * p->w->slot_size;
}

static size_t cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > LMS_WALK_MAX_THREADS ? LMS_WALK_MAX_THREADS : (size_t)n;
}

/* The next course for a worker to read, or false when there is none. */
static bool claim(struct pipeline *p, size_t *i)
{
	bool more;

	pthread_mutex_lock(&p->lock);
	while (!p->stop && p->next_to_read < p->w->n &&
	       p->next_to_read - p->next_to_take >= SLOTS)
		pthread_cond_wait(&p->emptied, &p->lock);
	more = !p->stop && p->next_to_read < p->w->n;
	if (more)
		*i = p->next_to_read++;
	pthread_mutex_unlock(&p->lock);
	return more;
}

static void *worker(void *arg)
{
	struct pipeline *p = arg;
	const struct lms_walk *w = p->w;
	struct lms_tree t = *w->tree;
	size_t i;

	lms_buf_init(&t.text);
	while (claim(p, &i)) {
		struct slot *s = &p->state[i % SLOTS];
		void *data = slot_data(p, i);

		memset(data, 0, w->slot_size);
		s->err = w->read(w->arg, &t, w->ids[i], data);
		if (s->err)
			s->error = *lms_last_error();
		pthread_mutex_lock(&p->lock);
		s->ready = true;
		pthread_cond_broadcast(&p->filled);
		pthread_mutex_unlock(&p->lock);
	}
	lms_buf_release(&t.text);
	return NULL;
}

/* Takes the courses in order as the workers finish them. */
static int take_in_order(struct pipeline *p)
{
	const struct lms_walk *w = p->w;
	int err = 0;

	for (size_t i = 0; i < w->n && !err; i++) {
		struct slot *s = &p->state[i % SLOTS];
		void *data = slot_data(p, i);

		pthread_mutex_lock(&p->lock);
		while (!s->ready)
			pthread_cond_wait(&p->filled, &p->lock);
		pthread_mutex_unlock(&p->lock);
		if ((err = s->err))
			lms_error_set(&s->error);
		else
			err = w->take(w->arg, i, data);
		w->release(w->arg, data);
		pthread_mutex_lock(&p->lock);
		s->ready = false;
		p->next_to_take++;
		p->stop |= err != 0;
		pthread_cond_broadcast(&p->emptied);
		pthread_mutex_unlock(&p->lock);
	}
	return err;
}

/* One thread: read a course, take it, and so on. */
static int walk_alone(const struct lms_walk *w)
{
	void *data = lms_malloc(w->slot_size);
	int err = 0;

	for (size_t i = 0; i < w->n && !err; i++) {
		memset(data, 0, w->slot_size);
		err = w->read(w->arg, w->tree, w->ids[i], data);
		if (!err)
			err = w->take(w->arg, i, data);
		w->release(w->arg, data);
	}
	free(data);
	return err;
}

static int walk_together(const struct lms_walk *w, size_t nthreads)
{
	struct pipeline *p = lms_calloc(1, sizeof(*p));
	pthread_t threads[LMS_WALK_MAX_THREADS];
	size_t started = 0;
	int err;

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->filled, NULL);
	pthread_cond_init(&p->emptied, NULL);
	p->w = w;
	p->data = lms_calloc(SLOTS, w->slot_size);
	while (started < nthreads &&
	       !pthread_create(&threads[started], NULL, worker, p))
		started++;
	if (started) {
		err = take_in_order(p);
		for (size_t i = 0; i < started; i++)
			pthread_join(threads[i], NULL);
	} else {
		err = walk_alone(w);
	}
	/* After a failure, the courses read ahead are still to be freed. */
	for (size_t i = 0; i < SLOTS; i++)
		if (p->state[i].ready)
			w->release(w->arg, p->data + i * w->slot_size);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->filled);
	pthread_cond_destroy(&p->emptied);
	free(p->data);
	free(p);
	return err;
}

int lms_walk_courses(const struct lms_walk *w)
{
	size_t nthreads = w->threads ? w->threads : cores();

	if (nthreads > LMS_WALK_MAX_THREADS)
		nthreads = LMS_WALK_MAX_THREADS;
	/* With one core, a worker would only add switching to the work. */
	if (nthreads < 2 || w->n < 2)
		return walk_alone(w);
	return walk_together(w, nthreads);
}
