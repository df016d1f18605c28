#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"

/*
 * The waits of an aggregate's rows (aggregate.h): one table of runs
 * rather than a histogram in each row, which by course was most of the
 * report's memory (2,924 of a row's 3,120 bytes, for a handful of waits),
 * and a hash table rather than runs sorted as they grew, whose sorting
 * was a tenth of a warm national report.
 */

static size_t slot_of(uint32_t row, int32_t days, size_t cap)
{
	uint64_t k = (uint64_t)row << 32 | (uint32_t)days;

	k *= 0x9E3779B97F4A7C15ULL;	/* Fibonacci hashing */
	return (size_t)(k >> 32) & (cap - 1);
}

/* Counts n waits of days in row into the table, which has room. */
static void count(struct lms_agg_waits *w, uint32_t row, int32_t days,
		  uint32_t n)
{
	size_t i = slot_of(row, days, w->cap);

	while (w->v[i].n && (w->v[i].row != row || w->v[i].days != days))
		i = (i + 1) & (w->cap - 1);
	if (!w->v[i].n) {
		w->v[i] = (struct lms_agg_wait){ row, days, 0 };
		w->n++;
	}
	w->v[i].n += n;
}

/* A table of cap slots holding the n runs of old (cap or n of them). */
static void rehash(struct lms_agg_waits *w, size_t cap)
{
	struct lms_agg_wait *old = w->v;
	size_t olds = w->merged ? w->n : w->cap;

	w->v = lms_calloc(cap, sizeof(*w->v));
	w->cap = cap;
	w->n = 0;
	w->merged = false;
	for (size_t i = 0; i < olds; i++)
		if (old[i].n)
			count(w, old[i].row, old[i].days, old[i].n);
	lms_free(old);
}

void lms_agg_waits_add(struct lms_agg_waits *w, uint32_t row, int days)
{
	size_t cap = w->cap < 64 ? 64 : w->cap;

	while (4 * (w->n + 1) > 3 * cap)	/* at most three quarters full */
		cap *= 2;
	if (w->merged || cap != w->cap)
		rehash(w, cap);
	count(w, row, days, 1);
}

/*
 * The n runs of v in order of row, then days: two stable radix sorts,
 * by days and then by row (a qsort of a national report's 31,648 runs
 * was a hundredth of a warm report, after the index had done its work).
 */
static void sort_runs(struct lms_agg_wait *v, size_t n)
{
	uint32_t *keys = lms_malloc(n * sizeof(*keys));
	size_t *by_days = lms_malloc(n * sizeof(*by_days));
	size_t *by_row = lms_malloc(n * sizeof(*by_row));
	struct lms_agg_wait *sorted = lms_malloc(n * sizeof(*sorted));

	for (size_t i = 0; i < n; i++)	/* the negative first */
		keys[i] = (uint32_t)v[i].days ^ 0x80000000u;
	lms_order_by_key(keys, n, by_days);
	for (size_t i = 0; i < n; i++)
		keys[i] = v[by_days[i]].row;
	lms_order_by_key(keys, n, by_row);
	for (size_t i = 0; i < n; i++)
		sorted[i] = v[by_days[by_row[i]]];
	memcpy(v, sorted, n * sizeof(*v));
	lms_free(sorted);
	lms_free(by_row);
	lms_free(by_days);
	lms_free(keys);
}

void lms_agg_waits_merge(struct lms_agg_waits *w)
{
	size_t out = 0;

	if (w->merged)
		return;
	for (size_t i = 0; i < w->cap; i++)
		if (w->v[i].n)
			w->v[out++] = w->v[i];
	w->n = out;
	w->merged = true;
	if (w->n > 1)
		sort_runs(w->v, w->n);
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
	lms_free(w->v);
	memset(w, 0, sizeof(*w));
}
