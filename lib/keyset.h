#ifndef LMS_KEYSET_H
#define LMS_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A set of 64-bit keys, eight bytes each, for counting distinct people at
 * national scale in little memory: a report hashes (group, person, role)
 * to one key.  With a million keys the chance that two differ yet hash
 * alike is about 1 in 30 million million.
 */
struct lms_keyset {
	uint64_t *slots;
	size_t n, cap;
};

void lms_keyset_init(struct lms_keyset *s);
void lms_keyset_release(struct lms_keyset *s);
/* Adds key; false if it was there already. */
bool lms_keyset_add(struct lms_keyset *s, uint64_t key);

/* A 64-bit hash of a string, and of a number mixed into a hash. */
uint64_t lms_hash(const char *s);
uint64_t lms_hash_mix(uint64_t h, uint64_t v);

#endif
