#include <limits.h>
#include <stdlib.h>

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

/* Linked columns */

#define UNBOUNDED (LONG_MAX / 8)

struct interval {
	long lo, hi;
};

static struct interval bounds(long count, enum lms_cell s, long k)
{
	if (s == LMS_CELL_SMALL)
		return (struct interval){ 1, k - 1 };
	if (s == LMS_CELL_HIDDEN)
		return (struct interval){ k, UNBOUNDED };
	return (struct interval){ count, count };
}

static bool narrow(struct interval *v, long lo, long hi)
{
	bool changed = false;

	if (hi > UNBOUNDED / 2)		/* unbounded less a little */
		hi = UNBOUNDED;

	if (lo > v->lo)
		v->lo = lo, changed = true;
	if (hi < v->hi)
		v->hi = hi, changed = true;
	return changed;
}

/* A sum of intervals, with unbounded ends kept unbounded. */
static long add_bound(long a, long b)
{
	return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : a + b;
}

/* sum = the cells of column c (rows 0..n-1): each cell lies between the
 * sum less the most and the sum less the least the others can be. */
static bool narrow_column(struct interval (*v)[3], size_t n,
			  struct interval *sum, int c)
{
	long lo = 0, hi = 0;
	size_t unbounded = 0;
	bool changed;

	for (size_t i = 0; i < n; i++) {
		lo += v[i][c].lo;
		if (v[i][c].hi >= UNBOUNDED)
			unbounded++;
		else
			hi += v[i][c].hi;
	}
	changed = narrow(sum, lo, unbounded ? UNBOUNDED : hi);
	for (size_t i = 0; i < n; i++) {
		bool self = v[i][c].hi >= UNBOUNDED;
		long others_lo = lo - v[i][c].lo;
		long new_lo = v[i][c].lo, new_hi = v[i][c].hi;

		if (unbounded - self == 0)
			new_lo = sum->lo - (hi - (self ? 0 : v[i][c].hi));
		if (sum->hi < UNBOUNDED)
			new_hi = sum->hi - others_lo;
		changed |= narrow(&v[i][c], new_lo, new_hi);
	}
	return changed;
}

/* a + b = c along one row */
static bool narrow_row(struct interval *r)
{
	bool changed = false;

	changed |= narrow(&r[2], r[0].lo + r[1].lo, add_bound(r[0].hi, r[1].hi));
	changed |= narrow(&r[0], r[2].lo - r[1].hi, r[2].hi - r[1].lo);
	changed |= narrow(&r[1], r[2].lo - r[0].hi, r[2].hi - r[0].lo);
	return changed;
}

/* The first "<k" cell that the reader can pin down, as row * 3 + column,
 * or -1. */
static long pinned(const long (*counts)[3], enum lms_cell (*state)[3],
		   size_t n, const long *totals, const enum lms_cell *total_state,
		   long k)
{
	struct interval (*v)[3] = calloc(n + 1, sizeof(*v));
	struct interval *sum = v[n];
	bool changed = true;
	long found = -1;

	if (!v)
		return -1;
	for (size_t i = 0; i <= n; i++)
		for (int c = 0; c < 3; c++)
			v[i][c] = i < n ? bounds(counts[i][c], state[i][c], k) :
				  bounds(totals[c], total_state[c], k);
	for (int pass = 0; changed && pass < 1000; pass++) {
		changed = narrow_row(sum);
		for (size_t i = 0; i < n; i++)
			changed |= narrow_row(v[i]);
		for (int c = 0; c < 3; c++)
			changed |= narrow_column(v, n, &sum[c], c);
	}
	for (size_t i = 0; i < n && found < 0; i++)
		for (int c = 0; c < 3 && found < 0; c++)
			if (state[i][c] == LMS_CELL_SMALL && v[i][c].lo >= v[i][c].hi)
				found = (long)(i * 3) + c;
	free(v);
	return found;
}

/* Hides the smallest count shown above zero in column c, else its total;
 * false if neither is left. */
static bool hide_in_column(const long (*counts)[3], enum lms_cell (*state)[3],
			   size_t n, enum lms_cell *total_state, int c)
{
	size_t best = n;

	for (size_t i = 0; i < n; i++)
		if (state[i][c] == LMS_CELL_SHOWN && counts[i][c] > 0 &&
		    (best == n || counts[i][c] < counts[best][c]))
			best = i;
	if (best < n)
		state[best][c] = LMS_CELL_HIDDEN;
	else if (total_state[c] == LMS_CELL_SHOWN)
		total_state[c] = LMS_CELL_HIDDEN;
	else
		return false;
	return true;
}

bool lms_suppress_linked(const long (*counts)[3], enum lms_cell (*state)[3],
			 size_t n, const long *totals,
			 enum lms_cell *total_state, long k)
{
	long at = pinned(counts, state, n, totals, total_state, k);

	if (at < 0)
		return false;
	/* Its own column first, then the columns it adds up with. */
	for (int d = 0; d < 3; d++)
		if (hide_in_column(counts, state, n, total_state,
				   (int)((at + d) % 3)))
			return true;
	return false;
}
