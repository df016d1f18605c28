#include <limits.h>
#include <stdlib.h>

#include "alloc.h"
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

/*
 * Bounds are long long, and "no bound" is 2^40: far above any count, and
 * low enough that sums of millions of bounds cannot overflow.  A bound
 * above half of it is taken for none.
 */
#define UNBOUNDED (1LL << 40)

struct interval {
	long long lo, hi;
};

static struct interval bounds(long count, enum lms_cell s, long k)
{
	if (s == LMS_CELL_SMALL)
		return (struct interval){ 1, k - 1 };
	if (s == LMS_CELL_HIDDEN)
		return (struct interval){ k, UNBOUNDED };
	return (struct interval){ count, count };
}

static bool narrow(struct interval *v, long long lo, long long hi)
{
	bool changed = false;

	/* Bounds stay within [-UNBOUNDED, UNBOUNDED], so that no sum of
	 * them overflows; unbounded less a little is unbounded. */
	if (hi > UNBOUNDED / 2)
		hi = UNBOUNDED;
	if (hi < -UNBOUNDED)
		hi = -UNBOUNDED;
	if (lo > UNBOUNDED)
		lo = UNBOUNDED;

	if (lo > v->lo)
		v->lo = lo, changed = true;
	if (hi < v->hi)
		v->hi = hi, changed = true;
	return changed;
}

/* A sum of intervals, with unbounded ends kept unbounded. */
static long long add_bound(long long a, long long b)
{
	return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : a + b;
}

/*
 * Column c and its total (row n).  Exact: the total is the sum of the
 * cells, as with counts of places; else at most their sum, as with
 * counts of distinct people, who may be in several rows.  Each cell is at
 * least the total less the most the others can be, and, when exact, at
 * most the total less the least they can be.
 */
static bool narrow_column(struct interval (*v)[3], size_t n, int c,
			  bool exact)
{
	struct interval *total = &v[n][c];
	long long lo = 0, hi = 0;
	size_t unbounded = 0;
	bool changed;

	for (size_t i = 0; i < n; i++) {
		lo += v[i][c].lo;
		if (v[i][c].hi >= UNBOUNDED)
			unbounded++;
		else
			hi += v[i][c].hi;
	}
	changed = narrow(total, exact ? lo : total->lo,
			 unbounded ? UNBOUNDED : hi);
	for (size_t i = 0; i < n; i++) {
		bool self = v[i][c].hi >= UNBOUNDED;
		long long new_lo = v[i][c].lo, new_hi = v[i][c].hi;

		if (unbounded - self == 0)
			new_lo = total->lo - (hi - (self ? 0 : v[i][c].hi));
		if (exact && total->hi < UNBOUNDED)
			new_hi = total->hi - (lo - v[i][c].lo);
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

static void start_from_marks(struct interval (*v)[3], const long (*counts)[3],
			     enum lms_cell (*state)[3], size_t n,
			     const long *totals, const enum lms_cell *total_state,
			     long k)
{
	for (size_t i = 0; i <= n; i++)
		for (int c = 0; c < 3; c++)
			v[i][c] = i < n ? bounds(counts[i][c], state[i][c], k) :
				  bounds(totals[c], total_state[c], k);
}

/* Narrows until nothing narrows more; false if the bounds contradict
 * each other, which the true counts never do when the model is right. */
static bool narrow_all(struct interval (*v)[3], size_t n, bool exact)
{
	bool changed = true;

	for (int pass = 0; changed && pass < 1000; pass++) {
		/* The totals add up along their row only if exact. */
		changed = exact && narrow_row(v[n]);
		for (size_t i = 0; i < n; i++)
			changed |= narrow_row(v[i]);
		for (int c = 0; c < 3; c++)
			changed |= narrow_column(v, n, c, exact);
		for (size_t i = 0; i <= n; i++)
			for (int c = 0; c < 3; c++)
				if (v[i][c].lo > v[i][c].hi)
					return false;
	}
	return true;
}

/*
 * The first "<k" cell that the reader can pin down, as row * 3 + column,
 * or -1.  The reader takes the totals for sums of their columns; if the
 * table shows that they are not (someone in two rows), only for at most
 * their sums.
 */
static long pinned(const long (*counts)[3], enum lms_cell (*state)[3],
		   size_t n, const long *totals, const enum lms_cell *total_state,
		   long k)
{
	struct interval (*v)[3] = lms_calloc(n + 1, sizeof(*v));
	long found = -1;

	start_from_marks(v, counts, state, n, totals, total_state, k);
	if (!narrow_all(v, n, true)) {
		start_from_marks(v, counts, state, n, totals, total_state, k);
		narrow_all(v, n, false);
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
