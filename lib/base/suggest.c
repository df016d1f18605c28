#include <string.h>

#include "suggest.h"

/* Levenshtein distance, capped: beyond max the exact value is moot. */
static size_t distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b), row[65];

	if (la > 64 || lb > 64)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best;

		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < cost)
				cost = up + 1;
			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			diag = up;
			row[j] = cost;
			if (cost < best)
				best = cost;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb];
}

const char *lms_suggest(const char *word, const char *const *candidates,
			size_t n)
{
	/* Two edits for words of five letters or more, one below that. */
	size_t max = strlen(word) >= 5 ? 2 : 1, best = max + 1;
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
