#include <string.h>

#include "hash64.h"

/* The constants and steps of the XXH64 specification. */
#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static uint64_t rotl(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

/*
 * Little-endian on every machine: the sum is the file's.  On a
 * little-endian one, a load as it is: the byte loop was most of the time
 * a warm report spends checking a national tree's index (21 MB).
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static uint64_t read64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t read32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}
#else
static uint64_t read64(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint64_t read32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24;
}
#endif

static uint64_t round64(uint64_t acc, uint64_t input)
{
	return rotl(acc + input * P2, 31) * P1;
}

static uint64_t merge_round(uint64_t acc, uint64_t v)
{
	return (acc ^ round64(0, v)) * P1 + P4;
}

static void stripe(uint64_t v[4], const unsigned char *p)
{
	for (int i = 0; i < 4; i++)
		v[i] = round64(v[i], read64(p + 8 * i));
}

void lms_hash64_init(struct lms_hash64 *h)
{
	memset(h, 0, sizeof(*h));
	h->v[0] = P1 + P2;
	h->v[1] = P2;
	h->v[2] = 0;
	h->v[3] = 0 - P1;
}

void lms_hash64_add(struct lms_hash64 *h, const void *data, size_t len)
{
	const unsigned char *p = data;

	h->len += len;
	if (h->used) {
		size_t n = sizeof(h->block) - h->used;

		if (n > len)
			n = len;
		memcpy(h->block + h->used, p, n);
		h->used += n, p += n, len -= n;
		if (h->used < sizeof(h->block))
			return;
		stripe(h->v, h->block);
		h->used = 0;
	}
	for (; len >= 32; p += 32, len -= 32)
		stripe(h->v, p);
	memcpy(h->block, p, len);
	h->used = len;
}

uint64_t lms_hash64_final(const struct lms_hash64 *h)
{
	const unsigned char *p = h->block, *end = h->block + h->used;
	uint64_t x;

	if (h->len >= 32) {
		x = rotl(h->v[0], 1) + rotl(h->v[1], 7) + rotl(h->v[2], 12) +
		    rotl(h->v[3], 18);
		for (int i = 0; i < 4; i++)
			x = merge_round(x, h->v[i]);
	} else {
		x = P5;
	}
	x += h->len;
	for (; p + 8 <= end; p += 8)
		x = rotl(x ^ round64(0, read64(p)), 27) * P1 + P4;
	if (p + 4 <= end) {
		x = rotl(x ^ read32(p) * P1, 23) * P2 + P3;
		p += 4;
	}
	for (; p < end; p++)
		x = rotl(x ^ *p * P5, 11) * P1;
	x ^= x >> 33;
	x *= P2;
	x ^= x >> 29;
	x *= P3;
	return x ^ x >> 32;
}
