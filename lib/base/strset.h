#ifndef LMS_STRSET_H
#define LMS_STRSET_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A set of strings (open addressing), for the checks that would be
 * quadratic with a list: duplicate records, ids in use, people matched by
 * phone.  It copies the strings it holds and may map each to a value.
 */
struct lms_strset {
	struct lms_strset_slot {
		char *key;
		void *value;
	} *slots;
	size_t n, cap;
};

void lms_strset_init(struct lms_strset *s);
void lms_strset_release(struct lms_strset *s);
/* Adds key; false if it was there already (its value is kept). */
bool lms_strset_add(struct lms_strset *s, const char *key, void *value);
/* Adds key, or gives it a new value if it is there. */
void lms_strset_set(struct lms_strset *s, const char *key, void *value);
bool lms_strset_has(const struct lms_strset *s, const char *key);
/* The value stored with key, or NULL. */
void *lms_strset_get(const struct lms_strset *s, const char *key);

#endif
