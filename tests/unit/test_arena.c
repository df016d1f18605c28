#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "arena.h"

/* Outside an arena, scoped memory is malloc's, and lms_free frees it. */
static void outside_an_arena_memory_is_mallocs(void **state)
{
	char *s = lms_scoped_strndup("kols-h26 and more", 8);
	char *p = lms_scoped_malloc(10);

	(void)state;
	assert_string_equal(s, "kols-h26");
	assert_false(lms_arena_owns(s));
	assert_false(lms_arena_owns(p));
	assert_false(lms_arena_owns(NULL));
	lms_free(s);
	lms_free(p);
}

/* Inside, it is the arena's: lms_free leaves it, lms_realloc copies it,
 * into the arena while it is entered and out of it after. */
static void inside_an_arena_memory_is_its_own(void **state)
{
	struct lms_arena a = { NULL, NULL, NULL };
	char *s, *t, *u, *big;

	(void)state;
	lms_arena_enter(&a);
	s = lms_scoped_strndup("p-x1y2z3", 100);
	big = lms_scoped_malloc(1 << 20);
	t = lms_realloc(s, 200);
	lms_arena_leave(NULL);
	assert_true(lms_arena_owns(s));
	assert_int_equal(lms_arena_size(s), 9);
	assert_false(lms_arena_owns(big));	/* too big for a block */
	assert_true(lms_arena_owns(t));
	assert_string_equal(t, "p-x1y2z3");
	lms_free(s);				/* left alone */
	assert_string_equal(s, "p-x1y2z3");
	u = lms_realloc(t, 4);
	assert_false(lms_arena_owns(u));
	assert_memory_equal(u, "p-x1", 4);
	lms_free(u);
	lms_free(big);
	lms_arena_clear(&a);
	assert_null(a.blocks);
}

/* Many allocations take many blocks and keep their contents; blocks given
 * back are handed out again, so a walk's memory stays that of a few. */
static void blocks_are_filled_and_given_again(void **state)
{
	struct lms_arena a = { NULL, NULL, NULL }, b = { NULL, NULL, NULL };
	static char *v[100000];
	char want[32], *first, *again;

	(void)state;
	lms_arena_enter(&a);
	for (size_t i = 0; i < 100000; i++) {
		snprintf(want, sizeof(want), "item %zu", i);
		v[i] = lms_scoped_strndup(want, sizeof(want));
	}
	lms_arena_leave(NULL);
	for (size_t i = 0; i < 100000; i++) {
		snprintf(want, sizeof(want), "item %zu", i);
		assert_string_equal(v[i], want);
		assert_true(lms_arena_owns(v[i]));
	}
	first = v[99999];
	lms_arena_clear(&a);
	lms_arena_enter(&b);
	again = lms_scoped_malloc(8);
	lms_arena_leave(NULL);
	/* The newest block of a, given back last, is the first taken. */
	assert_true((size_t)(again - first) < ((size_t)256 << 10) ||
		    (size_t)(first - again) < ((size_t)256 << 10));
	lms_arena_clear(&b);
}

/* Once no arena holds a block, trimming gives them all back: the next
 * arena starts again at the first block, on fresh pages. */
static void trimmed_blocks_come_back_fresh(void **state)
{
	struct lms_arena a = { NULL, NULL, NULL }, b = { NULL, NULL, NULL };
	char *pa, *pb, *q;

	(void)state;
	lms_arena_trim();
	lms_arena_enter(&a);
	pa = lms_scoped_malloc(16);
	lms_arena_enter(&b);
	pb = lms_scoped_malloc(16);
	lms_arena_leave(NULL);
	strcpy(pa, "mine");
	lms_arena_clear(&a);
	lms_arena_clear(&b);
	lms_arena_trim();
	lms_arena_enter(&a);
	q = lms_scoped_malloc(16);
	lms_arena_leave(NULL);
	assert_ptr_equal(q, pa);
	assert_ptr_not_equal(q, pb);
	assert_int_equal(q[0], 0);
	/* Not while an arena holds a block. */
	lms_arena_trim();
	strcpy(q, "still");
	lms_arena_trim();
	assert_string_equal(q, "still");
	lms_arena_clear(&a);
}

/* An arena entered inside another gives it back when left. */
static void arenas_nest(void **state)
{
	struct lms_arena a = { NULL, NULL, NULL }, b = { NULL, NULL, NULL };
	struct lms_arena *outside, *inside;
	char *pa, *pb, *again, *heap;

	(void)state;
	outside = lms_arena_enter(&a);
	assert_null(outside);
	pa = lms_scoped_malloc(8);
	inside = lms_arena_enter(&b);
	assert_ptr_equal(inside, &a);
	pb = lms_scoped_malloc(8);
	lms_arena_leave(inside);
	again = lms_scoped_malloc(8);
	lms_arena_leave(outside);
	heap = lms_scoped_malloc(8);
	assert_true(lms_arena_owns(pa) && lms_arena_owns(pb));
	assert_ptr_equal(again, pa + 32);	/* next in a's block */
	assert_false(lms_arena_owns(heap));
	lms_free(heap);
	lms_arena_clear(&a);
	lms_arena_clear(&b);
}

/* A list read in an arena is the arena's, and grows out of it once the
 * arena is left. */
static void a_run_in_an_arena(void **state)
{
	struct lms_arena a = { NULL, NULL, NULL };
	int *v = NULL;
	size_t n = 0;

	(void)state;
	lms_arena_enter(&a);
	while (n < 100)
		*(int *)lms_array_push_run(&v, &n, sizeof(int), true) = (int)n;
	lms_arena_leave(NULL);
	assert_true(lms_arena_owns(v));
	while (n < 200)
		*(int *)lms_array_push_run(&v, &n, sizeof(int), true) = (int)n;
	assert_false(lms_arena_owns(v));
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i);
	lms_free(v);
	lms_arena_clear(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(outside_an_arena_memory_is_mallocs),
		cmocka_unit_test(inside_an_arena_memory_is_its_own),
		cmocka_unit_test(blocks_are_filled_and_given_again),
		cmocka_unit_test(trimmed_blocks_come_back_fresh),
		cmocka_unit_test(arenas_nest),
		cmocka_unit_test(a_run_in_an_arena),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
