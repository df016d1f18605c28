#ifndef LMS_WORDS_H
#define LMS_WORDS_H

#include <stddef.h>

/*
 * Splits a comma-separated list as people type it on a command line
 * ("kosthold, rop,mat"): words trimmed of spaces, empty ones dropped.
 * The caller frees the words with lms_strings_free (tree.h) or lms_free().
 */
void lms_words_split(const char *s, char ***out, size_t *n);
/* The same, adding to the words in *out (an option given twice). */
void lms_words_add(const char *s, char ***out, size_t *n);
void lms_words_free(char **v, size_t n);

#endif
