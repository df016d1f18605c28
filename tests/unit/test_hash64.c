#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "hash64.h"

/* The input of length n of the vectors below: byte i is i mod 251. */
static void counting(unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (unsigned char)(i % 251);
}

static uint64_t of(const void *data, size_t len)
{
	struct lms_hash64 h;

	lms_hash64_init(&h);
	lms_hash64_add(&h, data, len);
	return lms_hash64_final(&h);
}

/* XXH64 with seed 0, as the reference implementation has it: across the
 * lengths that take each of the final steps (bytes, a word of 4, words
 * of 8) and the stripes of 32. */
static void hash64_as_the_reference(void **state)
{
	unsigned char b[1000];

	(void)state;
	assert_true(of("", 0) == 0xef46db3751d8e999ULL);
	assert_true(of("a", 1) == 0xd24ec4f1a98c6e5bULL);
	assert_true(of("abc", 3) == 0x44bc2cf5ad770999ULL);
	assert_true(of("Nobody inspects the spammish repetition", 39) ==
		    0xfbcea83c8a378bf1ULL);
	memset(b, 'x', 31);
	assert_true(of(b, 31) == 0x60dd0d01083b99f0ULL);
	memset(b, 'y', 32);
	assert_true(of(b, 32) == 0x64da1f1d3495ce66ULL);
	memset(b, 'z', 100);
	assert_true(of(b, 100) == 0xd30e21c99c2a766dULL);
	counting(b, sizeof(b));
	assert_true(of(b, sizeof(b)) == 0xf306f04aa88b54d3ULL);
}

/* The same sum however the bytes come: the index sums its file in
 * blocks as it writes and reads it. */
static void hash64_of_pieces(void **state)
{
	static const size_t pieces[] = { 1, 3, 31, 32, 33, 64, 100, 999 };
	unsigned char b[1000];

	(void)state;
	counting(b, sizeof(b));
	for (size_t k = 0; k < sizeof(pieces) / sizeof(pieces[0]); k++) {
		struct lms_hash64 h;

		lms_hash64_init(&h);
		for (size_t at = 0; at < sizeof(b); at += pieces[k]) {
			size_t n = sizeof(b) - at;

			lms_hash64_add(&h, b + at, n < pieces[k] ? n :
				       pieces[k]);
		}
		assert_true(lms_hash64_final(&h) == 0xf306f04aa88b54d3ULL);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash64_as_the_reference),
		cmocka_unit_test(hash64_of_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
