#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "protect.h"
#include "sha256.h"

/* Keys and draws */

static uint64_t first_bytes(const unsigned char *digest)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | digest[i];
	return v;
}

/*
 * The first 8 bytes of HMAC-SHA256 of what fmt makes, under the key: a
 * report draws one for every record and cell, on every worker.  Each
 * thread keeps the pads of the last key it saw digested, and writes a
 * short message on the stack: together a fifth of a cold report was in
 * here.
 */
static uint64_t keyed(const struct lms_report_key *key, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static uint64_t keyed(const struct lms_report_key *key, const char *fmt, ...)
{
	static _Thread_local struct {
		unsigned char secret[sizeof(key->secret)];
		struct lms_hmac_sha256 mac;
		bool ready;
	} last;
	struct lms_buf data = LMS_BUF_INIT;
	char small[256];
	unsigned char digest[32];
	va_list ap;
	int n;

	if (!last.ready ||
	    memcmp(last.secret, key->secret, sizeof(last.secret))) {
		memcpy(last.secret, key->secret, sizeof(last.secret));
		lms_hmac_sha256_init(&last.mac, key->secret,
				     sizeof(key->secret));
		last.ready = true;
	}
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(small)) {
		lms_hmac_sha256_sum(&last.mac, small, (size_t)n, digest);
	} else {
		va_start(ap, fmt);
		lms_buf_vaddf(&data, fmt, ap);
		va_end(ap);
		lms_hmac_sha256_sum(&last.mac, data.buf, data.len, digest);
		lms_buf_release(&data);
	}
	return first_bytes(digest);
}

uint64_t lms_protect_record_key(const struct lms_report_key *key,
				const char *course, const char *person)
{
	return keyed(key, "%s\n%s", course, person);
}

uint64_t lms_protect_thing_key(const struct lms_report_key *key,
			       const char *course, const char *what, long n)
{
	return keyed(key, "%s\n%s\n%ld", course, what, n);
}

/* SplitMix64's finaliser: every bit of the key moves every bit out. */
static uint64_t scramble(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

long lms_protect_count(long n, long k, uint64_t cell_key,
		       enum lms_piece_kind kind)
{
	uint64_t draw;

	if (n <= 0 || n >= k)
		return n;
	draw = scramble(cell_key ^ scramble((uint64_t)kind));
	return draw % (uint64_t)k < (uint64_t)n ? k : 0;
}

void lms_protect_split(const struct lms_protect_part parts[2], long whole,
		       long k, long out[2])
{
	int larger = parts[1].n > parts[0].n, smaller = !larger;

	out[smaller] = lms_protect_count(parts[smaller].n, k,
					 parts[smaller].cell_key,
					 parts[smaller].kind);
	if (out[smaller] > whole)
		out[smaller] = 0;
	out[larger] = whole - out[smaller];
}
