#ifndef LMS_HASH64_H
#define LMS_HASH64_H

#include <stddef.h>
#include <stdint.h>

/*
 * XXH64 (Yann Collet's xxHash, 64 bits, seed 0), the checksum of a file
 * that is a cache: it tells a torn or corrupt .lms/index from a whole
 * one at memory speed, where SHA-256 was a tenth of a warm report.  Not
 * a defence against anyone: who can write the file can write its sum.
 */
struct lms_hash64 {
	uint64_t v[4];
	uint64_t len;			/* bytes hashed so far */
	unsigned char block[32];
	size_t used;
};

void lms_hash64_init(struct lms_hash64 *h);
void lms_hash64_add(struct lms_hash64 *h, const void *data, size_t len);
uint64_t lms_hash64_final(const struct lms_hash64 *h);

#endif
