#include <string.h>

#include "suggest.h"

/*
 * Edit distance with a swap of two neighbours as one edit ("nmae" is one
 * from "name", as people mistype), capped: beyond max the exact value
 * is moot.  Rows of the table: the one before last, the last, this one.
 */
static size_t distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b), rows[3][65];
	size_t *before = rows[0], *last = rows[1], *row = rows[2];

	if (la > 64 || lb > 64)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		last[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t best = row[0] = i, *t;

		for (size_t j = 1; j <= lb; j++) {
			size_t cost = last[j - 1] + (a[i - 1] != b[j - 1]);

			if (last[j] + 1 < cost)
				cost = last[j] + 1;
			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && before[j - 2] + 1 < cost)
				cost = before[j - 2] + 1;
			row[j] = cost;
			if (cost < best)
				best = cost;
		}
		if (best > max)
			return max + 1;
		t = before, before = last, last = row, row = t;
	}
	return last[lb];
}

const char *lms_suggest(const char *word, const char *const *candidates,
			size_t n)
{
	/* Two edits for words of five letters or more, one for three or
	 * four; none below that, where one edit makes any word another. */
	size_t len = strlen(word), max = len >= 5 ? 2 : len >= 3 ? 1 : 0;
	size_t best = max + 1;
	const char *found = NULL;

	for (size_t i = 0; i < n; i++) {
		size_t d = distance(word, candidates[i], max);

		if (d < best) {
			best = d;
			found = candidates[i];
		}
	}
	return found;
}
