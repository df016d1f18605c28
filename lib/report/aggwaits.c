#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"

/*
 * The waits of an aggregate's rows (aggregate.h): one flat array of runs
 * rather than a histogram in each row, which by course was most of the
 * report's memory (2,924 of a row's 3,120 bytes, for a handful of waits).
 */

/* Below this many runs a merge is not worth its sort. */
#define MERGE_MIN 4096

static int by_row_days(const void *a, const void *b)
{
	const struct lms_agg_wait *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->days < y->days ? -1 : x->days > y->days;
}

void lms_agg_waits_merge(struct lms_agg_waits *w)
{
	size_t out = 0;

	if (w->merged == w->n)
		return;
	lms_array_sort(w->v, w->n, sizeof(*w->v), by_row_days);
	for (size_t i = 0; i < w->n; i++) {
		if (out && w->v[out - 1].row == w->v[i].row &&
		    w->v[out - 1].days == w->v[i].days)
			w->v[out - 1].n += w->v[i].n;
		else
			w->v[out++] = w->v[i];
	}
	w->n = w->merged = out;
}

void lms_agg_waits_add(struct lms_agg_waits *w, uint32_t row, int days)
{
	/* Merged when the runs have doubled since the last merge: each
	 * wait is sorted a bounded number of times on average. */
	if (w->n >= MERGE_MIN && w->n >= 2 * w->merged)
		lms_agg_waits_merge(w);
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->v = lms_realloc(w->v, w->cap * sizeof(*w->v));
	}
	w->v[w->n++] = (struct lms_agg_wait){ row, days, 1 };
}

/* The first run of row, in merged runs, or w->n if it has none. */
static size_t first_run(const struct lms_agg_waits *w, uint32_t row)
{
	size_t lo = 0, hi = w->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->v[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The wait of rank i (0-based, in order) of the runs from first on. */
static int nth_wait(const struct lms_agg_waits *w, size_t first, size_t i)
{
	size_t r = first;

	while (i >= w->v[r].n)
		i -= w->v[r++].n;
	return w->v[r].days;
}

double lms_agg_waits_median(struct lms_agg_waits *w, uint32_t row)
{
	size_t first, n = 0;

	lms_agg_waits_merge(w);
	first = first_run(w, row);
	for (size_t r = first; r < w->n && w->v[r].row == row; r++)
		n += w->v[r].n;
	if (!n)
		return NAN;
	return (nth_wait(w, first, (n - 1) / 2) +
		nth_wait(w, first, n / 2)) / 2.0;
}

void lms_agg_waits_release(struct lms_agg_waits *w)
{
	free(w->v);
	memset(w, 0, sizeof(*w));
}
