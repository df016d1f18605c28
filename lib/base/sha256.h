#ifndef LMS_SHA256_H
#define LMS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* SHA-256 (FIPS 180-4), for digests that files keep: what a version of
 * lms writes, every later one must compute the same. */
struct lms_sha256 {
	uint32_t h[8];
	uint64_t len;			/* bytes hashed so far */
	unsigned char block[64];
	size_t used;
};

void lms_sha256_init(struct lms_sha256 *s);
void lms_sha256_add(struct lms_sha256 *s, const void *data, size_t len);
void lms_sha256_final(struct lms_sha256 *s, unsigned char out[32]);

/* HMAC-SHA256 (RFC 2104) of data under a key of at most 64 bytes. */
void lms_hmac_sha256(const unsigned char *key, size_t key_len,
		     const void *data, size_t len, unsigned char out[32]);

/* The same, its key's pads digested once for many messages: half the
 * work of each HMAC of a short message. */
struct lms_hmac_sha256 {
	struct lms_sha256 inner, outer;	/* after the key's pads */
};

void lms_hmac_sha256_init(struct lms_hmac_sha256 *m, const unsigned char *key,
			  size_t key_len);
void lms_hmac_sha256_sum(const struct lms_hmac_sha256 *m, const void *data,
			 size_t len, unsigned char out[32]);

#endif
