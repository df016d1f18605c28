#include <limits.h>

#include "test.h"

#include "../../lib/suppress.h"

#define K 5

/*
 * The attack: with the total and the shown cells, try every assignment of
 * the hidden cells ("<5" in 1..4, "x" in 5..total) that adds up, and
 * collect the values each hidden cell takes.  A cell is recovered if it
 * takes only one.
 */
static int recovered(const long *counts, const enum lms_cell *state, size_t n,
		     long total, size_t *which)
{
	long rest = total, lo[16], hi[16], seen_lo[16], seen_hi[16], v[16];
	size_t idx[16], m = 0;

	for (size_t i = 0; i < n; i++) {
		if (state[i] == LMS_CELL_SHOWN) {
			rest -= counts[i];
			continue;
		}
		idx[m] = i;
		lo[m] = state[i] == LMS_CELL_SMALL ? 1 : K;
		hi[m] = state[i] == LMS_CELL_SMALL ? K - 1 : total;
		seen_lo[m] = LONG_MAX;
		seen_hi[m] = LONG_MIN;
		v[m] = lo[m];
		m++;
	}
	if (!m)
		return 0;
	/* Every combination, odometer style. */
	for (;;) {
		long sum = 0;
		size_t d = 0;

		for (size_t j = 0; j < m; j++)
			sum += v[j];
		if (sum == rest) {
			for (size_t j = 0; j < m; j++) {
				if (v[j] < seen_lo[j])
					seen_lo[j] = v[j];
				if (v[j] > seen_hi[j])
					seen_hi[j] = v[j];
			}
		}
		while (d < m && ++v[d] > hi[d]) {
			v[d] = lo[d];
			d++;
		}
		if (d == m)
			break;
	}
	for (size_t j = 0; j < m; j++) {
		if (seen_lo[j] == seen_hi[j]) {
			*which = idx[j];
			return 1;
		}
	}
	return 0;
}

static void check_table(const long *counts, size_t n)
{
	enum lms_cell state[16], total_state;
	long total = 0;
	size_t which;

	for (size_t i = 0; i < n; i++)
		total += counts[i];
	lms_suppress_column(counts, n, total, K, state, &total_state);
	for (size_t i = 0; i < n; i++)
		if (counts[i] > 0 && counts[i] < K)
			assert_int_not_equal(state[i], LMS_CELL_SHOWN);
	if (total_state != LMS_CELL_SHOWN)
		return;
	if (recovered(counts, state, n, total, &which))
		fail_msg("cell %zu (%ld) can be worked out", which, counts[which]);
}

static void nothing_small_nothing_hidden(void **state)
{
	const long counts[] = { 12, 7, 30 };
	enum lms_cell s[3], t;

	(void)state;
	lms_suppress_column(counts, 3, 49, K, s, &t);
	assert_int_equal(s[0], LMS_CELL_SHOWN);
	assert_int_equal(s[1], LMS_CELL_SHOWN);
	assert_int_equal(s[2], LMS_CELL_SHOWN);
	assert_int_equal(t, LMS_CELL_SHOWN);
}

static void one_small_cell_takes_a_second_with_it(void **state)
{
	const long counts[] = { 12, 3, 30, 9 };
	enum lms_cell s[4], t;

	(void)state;
	lms_suppress_column(counts, 4, 54, K, s, &t);
	assert_int_equal(s[1], LMS_CELL_SMALL);
	/* The smallest shown cell goes too, and the total stays. */
	assert_int_equal(s[3], LMS_CELL_HIDDEN);
	assert_int_equal(s[0], LMS_CELL_SHOWN);
	assert_int_equal(t, LMS_CELL_SHOWN);
	check_table(counts, 4);
}

static void a_second_cell_at_the_threshold_is_not_enough(void **state)
{
	/* 1 and 5 hidden leave 6: the "x" is at least 5, so "<5" would be 1.
	 * A third cell must go. */
	const long counts[] = { 1, 5, 20, 40 };
	enum lms_cell s[4], t;

	(void)state;
	lms_suppress_column(counts, 4, 66, K, s, &t);
	assert_int_equal(s[0], LMS_CELL_SMALL);
	assert_int_equal(s[1], LMS_CELL_HIDDEN);
	assert_int_equal(s[2], LMS_CELL_HIDDEN);
	check_table(counts, 4);
}

static void a_small_total_hides_itself(void **state)
{
	const long counts[] = { 1, 2 };
	enum lms_cell s[2], t;

	(void)state;
	lms_suppress_column(counts, 2, 3, K, s, &t);
	assert_int_equal(t, LMS_CELL_SMALL);
}

static void when_nothing_is_left_the_total_goes(void **state)
{
	const long counts[] = { 1, 5, 0 };
	enum lms_cell s[3], t;

	(void)state;
	/* 1 and 5 leave 6, and "x" is at least 5: the "<5" would be 1.  No
	 * other cell is left to hide, so the total goes. */
	lms_suppress_column(counts, 3, 6, K, s, &t);
	assert_int_equal(s[0], LMS_CELL_SMALL);
	assert_int_equal(s[1], LMS_CELL_HIDDEN);
	assert_int_equal(s[2], LMS_CELL_SHOWN);
	assert_int_equal(t, LMS_CELL_HIDDEN);
}

static void no_table_gives_a_cell_away(void **state)
{
	/* Every table of four cells with values 0..8: suppression leaves no
	 * small cell that the attack above can recover. */
	long counts[4];

	(void)state;
	for (long a = 0; a <= 8; a++)
		for (long b = 0; b <= 8; b++)
			for (long c = 0; c <= 8; c++)
				for (long d = 0; d <= 8; d++) {
					counts[0] = a;
					counts[1] = b;
					counts[2] = c;
					counts[3] = d;
					check_table(counts, 4);
				}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_small_nothing_hidden),
		cmocka_unit_test(one_small_cell_takes_a_second_with_it),
		cmocka_unit_test(a_second_cell_at_the_threshold_is_not_enough),
		cmocka_unit_test(a_small_total_hides_itself),
		cmocka_unit_test(when_nothing_is_left_the_total_goes),
		cmocka_unit_test(no_table_gives_a_cell_away),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
