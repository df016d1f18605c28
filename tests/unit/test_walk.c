#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "course.h"
#include "courserows.h"
#include "date.h"
#include "tree.h"
#include "walk.h"

/*
 * A walk over made-up courses "0".."n-1" whose read and take only count:
 * what each course had, on which thread, in which order.  The callbacks
 * run on the workers, where cmocka cannot assert: they count what is
 * wrong, and the test asserts the counts on the calling thread.
 */
#define MAX_N 2000

struct slot {
	size_t i;
	pthread_t reader;
	int *alloc;		/* what read allocated, for release to free */
};

struct run {
	size_t fail_read, fail_take;	/* the course that fails, or MAX_N */
	atomic_int reads[MAX_N], releases[MAX_N];
	atomic_int wrong_thread, held, most_held;
	size_t taken[MAX_N], ntaken;
	pthread_t caller;
	bool take_elsewhere;
};

static int read_one(void *arg, struct lms_tree *t, const char *id, void *p)
{
	struct run *r = arg;
	struct slot *s = p;
	int held;

	(void)t;
	s->i = (size_t)atoi(id);
	s->reader = pthread_self();
	s->alloc = lms_malloc(sizeof(int));
	*s->alloc = (int)s->i;
	atomic_fetch_add(&r->reads[s->i], 1);
	held = atomic_fetch_add(&r->held, 1) + 1;
	for (int most = atomic_load(&r->most_held); held > most &&
	     !atomic_compare_exchange_weak(&r->most_held, &most, held);)
		;
	if (s->i == r->fail_read)
		return lms_error(LMS_EDATA, "course %zu did not read", s->i);
	return 0;
}

static int take_one(void *arg, size_t i, void *p)
{
	struct run *r = arg;
	struct slot *s = p;

	if (!pthread_equal(pthread_self(), r->caller) || s->i != i ||
	    *s->alloc != (int)i)
		r->take_elsewhere = true;
	r->taken[r->ntaken++] = i;
	if (i == r->fail_take)
		return lms_error(LMS_EREFUSED, "course %zu was not taken", i);
	return 0;
}

static void release_one(void *arg, void *p)
{
	struct run *r = arg;
	struct slot *s = p;

	if (!pthread_equal(pthread_self(), s->reader))
		atomic_fetch_add(&r->wrong_thread, 1);
	atomic_fetch_add(&r->releases[s->i], 1);
	atomic_fetch_sub(&r->held, 1);
	free(s->alloc);
}

/* Walks n courses on threads with r's failures; returns the walk's. */
static int walk(struct run *r, size_t n, size_t threads)
{
	struct lms_tree tree;
	char **ids = lms_calloc(n + 1, sizeof(char *));
	struct lms_walk w = {
		.tree = &tree, .ids = ids, .n = n,
		.slot_size = sizeof(struct slot), .read = read_one,
		.take = take_one, .release = release_one, .arg = r,
		.threads = threads
	};
	int err;

	memset(&tree, 0, sizeof(tree));
	lms_buf_init(&tree.text);
	r->caller = pthread_self();
	for (size_t i = 0; i < n; i++) {
		char id[24];

		snprintf(id, sizeof(id), "%zu", i);
		ids[i] = lms_strdup(id);
	}
	lms_error_clear();
	err = lms_walk_courses(&w);
	lms_strings_free(ids, n);
	return err;
}

static struct run *new_run(void)
{
	struct run *r = lms_calloc(1, sizeof(*r));

	r->fail_read = r->fail_take = MAX_N;
	return r;
}

/* Every slot read was released once, on its reader's thread, and memory
 * held at most two batches per thread. */
static void assert_released(struct run *r, size_t n, size_t threads)
{
	for (size_t i = 0; i < n; i++)
		assert_int_equal(atomic_load(&r->releases[i]),
				 atomic_load(&r->reads[i]));
	assert_int_equal(atomic_load(&r->wrong_thread), 0);
	assert_int_equal(atomic_load(&r->held), 0);
	assert_false(r->take_elsewhere);
	assert_true((size_t)atomic_load(&r->most_held) <=
		    (threads < 2 ? 1 : 2 * threads * LMS_WALK_BATCH));
}

static const size_t counts[] = {
	0, 1, 2, LMS_WALK_BATCH - 1, LMS_WALK_BATCH, LMS_WALK_BATCH + 1,
	8 * LMS_WALK_BATCH - 1, 8 * LMS_WALK_BATCH, 8 * LMS_WALK_BATCH + 1,
	1000, MAX_N
};
static const size_t thread_counts[] = { 1, 2, 8 };

static void takes_every_course_in_order(void **state)
{
	(void)state;
	for (size_t t = 0; t < sizeof(thread_counts) / sizeof(*thread_counts); t++)
		for (size_t c = 0; c < sizeof(counts) / sizeof(*counts); c++) {
			struct run *r = new_run();
			size_t n = counts[c];

			assert_int_equal(walk(r, n, thread_counts[t]), 0);
			assert_int_equal(r->ntaken, n);
			for (size_t i = 0; i < n; i++) {
				assert_int_equal(r->taken[i], i);
				assert_int_equal(atomic_load(&r->reads[i]), 1);
			}
			assert_released(r, n, thread_counts[t]);
			free(r);
		}
}

/* A failed read, early, at a batch's end, mid-walk, last: the walk's
 * error is that read's, and nothing from it on is taken. */
static void stops_at_a_failed_read(void **state)
{
	static const size_t at[] = {
		0, LMS_WALK_BATCH - 1, LMS_WALK_BATCH, 517, 999
	};

	(void)state;
	for (size_t t = 0; t < sizeof(thread_counts) / sizeof(*thread_counts); t++)
		for (size_t k = 0; k < sizeof(at) / sizeof(*at); k++) {
			struct run *r = new_run();
			char msg[64];

			r->fail_read = at[k];
			snprintf(msg, sizeof(msg), "course %zu did not read",
				 at[k]);
			assert_error(walk(r, 1000, thread_counts[t]),
				     LMS_EDATA, 0, 0, msg);
			assert_int_equal(r->ntaken, at[k]);
			for (size_t i = 0; i < at[k]; i++)
				assert_int_equal(r->taken[i], i);
			assert_released(r, 1000, thread_counts[t]);
			free(r);
		}
}

/* A failed take stops the walk there, with its error; the courses read
 * ahead of it are released all the same. */
static void stops_at_a_failed_take(void **state)
{
	static const size_t at[] = { 0, LMS_WALK_BATCH, 300, 1999 };

	(void)state;
	for (size_t t = 0; t < sizeof(thread_counts) / sizeof(*thread_counts); t++)
		for (size_t k = 0; k < sizeof(at) / sizeof(*at); k++) {
			struct run *r = new_run();
			char msg[64];

			r->fail_take = at[k];
			snprintf(msg, sizeof(msg), "course %zu was not taken",
				 at[k]);
			assert_error(walk(r, MAX_N, thread_counts[t]),
				     LMS_EREFUSED, 0, 0, msg);
			assert_int_equal(r->ntaken, at[k] + 1);
			assert_released(r, MAX_N, thread_counts[t]);
			free(r);
		}
}

/* Of two failures, the first in the order of the courses is the walk's,
 * whichever thread met its own first. */
static void the_first_failure_in_order_wins(void **state)
{
	(void)state;
	for (size_t t = 0; t < sizeof(thread_counts) / sizeof(*thread_counts); t++) {
		struct run *r = new_run();

		r->fail_read = 700;
		r->fail_take = 650;
		assert_error(walk(r, 1000, thread_counts[t]), LMS_EREFUSED,
			     0, 0, "course 650 was not taken");
		assert_int_equal(r->ntaken, 651);
		assert_released(r, 1000, thread_counts[t]);
		free(r);
	}
}

/* The rows as lms_tree_course_rows hands them over, kept. */
struct kept_rows {
	struct lms_course_row *rows;
	size_t n;
};

static void keep_row(void *arg, const struct lms_course_row *r)
{
	struct kept_rows *k = arg;
	struct lms_course_row *copy = lms_array_push(&k->rows, &k->n,
						     sizeof(*copy));

	*copy = *r;
	copy->id = lms_strdup(r->id);
	copy->title = r->title ? lms_strdup(r->title) : NULL;
}

static void free_rows(struct kept_rows *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free((char *)k->rows[i].id);
		free((char *)k->rows[i].title);
	}
	free(k->rows);
	k->rows = NULL;
	k->n = 0;
}

/* lms course list's rows, read by the walk: the same with 1 and 2
 * threads, filtered on the workers, in the order of the ids. */
static void lists_the_courses_on_every_thread(void **state)
{
	struct lms_tree t;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	for (t.threads = 1; t.threads <= 2; t.threads++) {
		struct lms_course_filter all = {
			0, LMS_DATE_NONE, LMS_DATE_NONE
		}, some = { LMS_COURSE_RUNNING, LMS_DATE_NONE, LMS_DATE_NONE };
		struct kept_rows k = { NULL, 0 };

		assert_true(lms_date_parse("2026-10-25", &some.from));
		assert_int_equal(lms_tree_course_rows(&t, &all, NULL, keep_row, &k), 0);
		assert_int_equal(k.n, 7);
		assert_string_equal(k.rows[0].id, "2026-08-trening-etter-kreft");
		assert_string_equal(k.rows[6].id, "2027-02-matlaging");
		assert_string_equal(k.rows[6].title, "Matlaging og kosthold");
		assert_int_equal(k.rows[6].nsessions, 4);
		assert_int_equal(k.rows[6].capacity, 10);
		assert_int_equal(k.rows[6].status, LMS_COURSE_PLANNED);
		free_rows(&k);
		assert_int_equal(lms_tree_course_rows(&t, &some, NULL, keep_row, &k), 0);
		assert_int_equal(k.n, 4);
		assert_string_equal(k.rows[1].id, "2026-10-kom-i-form");
		free_rows(&k);
	}
	lms_tree_release(&t);
}

/* A plan that does not load stops the list with its error. */
static void a_broken_plan_stops_the_list(void **state)
{
	struct lms_tree t;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/check"), 0);
	for (t.threads = 1; t.threads <= 2; t.threads++) {
		struct lms_course_filter all = {
			0, LMS_DATE_NONE, LMS_DATE_NONE
		};
		struct kept_rows k = { NULL, 0 };

		assert_error(lms_tree_course_rows(&t, &all, NULL, keep_row, &k),
			     LMS_EDATA, 1, 1, "id 'morgen2' differs from "
			     "the course's folder 'feil'");
		free_rows(&k);
	}
	lms_tree_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(takes_every_course_in_order),
		cmocka_unit_test(stops_at_a_failed_read),
		cmocka_unit_test(stops_at_a_failed_take),
		cmocka_unit_test(the_first_failure_in_order_wins),
		cmocka_unit_test(lists_the_courses_on_every_thread),
		cmocka_unit_test(a_broken_plan_stops_the_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
