#include <limits.h>

#include "suppress.h"

/*
 * What a reader knows of the hidden cells of a column: their sum R (the
 * total minus the cells shown), that each "<k" cell lies in [1, k - 1]
 * and each "x" cell in [k, R].  The range of one hidden cell follows from
 * the bounds of all the others.
 */
void lms_suppress_range(const long *counts, const enum lms_cell *state,
			size_t n, long total, long k, size_t i, long *low,
			long *high)
{
	long rest = total, others_min = 0, others_max = 0;
	int unbounded = 0;

	for (size_t j = 0; j < n; j++) {
		if (state[j] == LMS_CELL_SHOWN) {
			rest -= counts[j];
			continue;
		}
		if (j == i)
			continue;
		others_min += state[j] == LMS_CELL_SMALL ? 1 : k;
		if (state[j] == LMS_CELL_SMALL)
			others_max += k - 1;
		else
			unbounded = 1;
	}
	*low = state[i] == LMS_CELL_SMALL ? 1 : k;
	*high = state[i] == LMS_CELL_SMALL ? k - 1 : LONG_MAX;
	if (rest - others_min < *high)
		*high = rest - others_min;
	if (!unbounded && rest - others_max > *low)
		*low = rest - others_max;
}

static int safe(const long *counts, const enum lms_cell *state, size_t n,
		long total, long k)
{
	for (size_t i = 0; i < n; i++) {
		long low, high;

		if (state[i] == LMS_CELL_SHOWN)
			continue;
		lms_suppress_range(counts, state, n, total, k, i, &low, &high);
		if (high <= low)
			return 0;
	}
	return 1;
}

/* The smallest count still shown and above zero, or n if none. */
static size_t smallest_shown(const long *counts, const enum lms_cell *state,
			     size_t n)
{
	size_t best = n;

	for (size_t i = 0; i < n; i++)
		if (state[i] == LMS_CELL_SHOWN && counts[i] > 0 &&
		    (best == n || counts[i] < counts[best]))
			best = i;
	return best;
}

void lms_suppress_column(const long *counts, size_t n, long total, long k,
			 enum lms_cell *out, enum lms_cell *total_state)
{
	for (size_t i = 0; i < n; i++)
		out[i] = LMS_CELL_SHOWN;
	*total_state = LMS_CELL_SHOWN;
	lms_suppress_column_more(counts, n, total, k, out, total_state);
}

void lms_suppress_column_more(const long *counts, size_t n, long total,
			      long k, enum lms_cell *out,
			      enum lms_cell *total_state)
{
	size_t hidden = 0;

	for (size_t i = 0; i < n; i++) {
		if (counts[i] > 0 && counts[i] < k)
			out[i] = LMS_CELL_SMALL;
		hidden += out[i] != LMS_CELL_SHOWN;
	}
	if (total > 0 && total < k)
		*total_state = LMS_CELL_SMALL;
	if (!hidden || *total_state != LMS_CELL_SHOWN)
		return;
	while (!safe(counts, out, n, total, k)) {
		size_t i = smallest_shown(counts, out, n);

		if (i == n) {
			*total_state = LMS_CELL_HIDDEN;
			return;
		}
		out[i] = LMS_CELL_HIDDEN;
	}
}
