#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "words.h"

void lms_words_split(const char *s, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	lms_words_add(s, out, n);
}

void lms_words_add(const char *s, char ***out, size_t *n)
{
	while (*s) {
		size_t len = strcspn(s, ",");
		const char *start = s, *end = s + len;

		while (start < end && *start == ' ')
			start++;
		while (end > start && end[-1] == ' ')
			end--;
		if (end > start)
			*(char **)lms_array_push(out, n, sizeof(char *)) =
				lms_strndup(start, (size_t)(end - start));
		s += len + (s[len] == ',');
	}
}

void lms_words_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lms_free(v[i]);
	lms_free(v);
}
