#ifndef LMS_SUGGEST_H
#define LMS_SUGGEST_H

#include <stddef.h>

/* The candidate closest to word ("capasity" -> "capacity"), or NULL if
 * none is close enough to be a likely typo. */
const char *lms_suggest(const char *word, const char *const *candidates,
			size_t n);

#endif
