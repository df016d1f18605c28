#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "protect.h"
#include "sha256.h"

static void hex(const unsigned char *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* RFC 4231, test cases 1 and 2. */
static void hmac_sha256_as_rfc_4231(void **state)
{
	unsigned char key[20], mac[32];
	char text[65];

	(void)state;
	memset(key, 0x0b, sizeof(key));
	lms_hmac_sha256(key, sizeof(key), "Hi There", 8, mac);
	hex(mac, 32, text);
	assert_string_equal(text, "b0344c61d8db38535ca8afceaf0bf12b"
			    "881dc200c9833da726e9376c2e32cff7");
	lms_hmac_sha256((const unsigned char *)"Jefe", 4,
			"what do ya want for nothing?", 28, mac);
	hex(mac, 32, text);
	assert_string_equal(text, "5bdcc146bf60754e6a042426089575c7"
			    "5a003f089d2739839dec58b964ec3843");
}

/* A key's pads digested once serve many messages, each as a fresh HMAC
 * (RFC 4231, test case 2, twice, with test case 1's message between). */
static void hmac_sha256_of_many(void **state)
{
	struct lms_hmac_sha256 m;
	unsigned char mac[32], fresh[32];
	char text[65];

	(void)state;
	lms_hmac_sha256_init(&m, (const unsigned char *)"Jefe", 4);
	for (int i = 0; i < 2; i++) {
		lms_hmac_sha256_sum(&m, "what do ya want for nothing?", 28, mac);
		hex(mac, 32, text);
		assert_string_equal(text, "5bdcc146bf60754e6a042426089575c7"
				    "5a003f089d2739839dec58b964ec3843");
		lms_hmac_sha256_sum(&m, "Hi There", 8, mac);
		lms_hmac_sha256((const unsigned char *)"Jefe", 4, "Hi There", 8,
				fresh);
		assert_memory_equal(mac, fresh, 32);
	}
}

/* FIPS 180-2's million a's, added in pieces of every length that
 * crosses a block's end differently (the index sums its file so). */
static void sha256_of_pieces(void **state)
{
	static const size_t pieces[] = { 1, 63, 64, 65, 127, 128, 1000, 4096 };
	char a[4096], text[65];
	unsigned char sum[32];

	(void)state;
	memset(a, 'a', sizeof(a));
	for (size_t k = 0; k < sizeof(pieces) / sizeof(*pieces); k++) {
		struct lms_sha256 s;
		size_t left = 1000000;

		lms_sha256_init(&s);
		for (size_t i = 0; left; i++) {
			size_t n = pieces[(k + i) % 8] < left ?
				   pieces[(k + i) % 8] : left;

			lms_sha256_add(&s, a, n);
			left -= n;
		}
		lms_sha256_final(&s, sum);
		hex(sum, 32, text);
		assert_string_equal(text, "cdc76e5c9914fb9281a1c7e284d73e67"
				    "f1809a48a497200e046d39ccc7112cd0");
	}
}

/* 0 and counts of k or more stay; 1 to k - 1 become 0 or k, k about n
 * times in k, so that sums of many are right on average. */
static void small_counts_become_0_or_k(void **state)
{
	(void)state;
	for (uint64_t key = 0; key < 100; key++) {
		assert_int_equal(lms_protect_count(0, 5, key, 1), 0);
		assert_int_equal(lms_protect_count(5, 5, key, 1), 5);
		assert_int_equal(lms_protect_count(17, 5, key, 1), 17);
	}
	for (long n = 1; n < 5; n++) {
		long up = 0;

		for (uint64_t key = 0; key < 20000; key++) {
			long v = lms_protect_count(n, 5, key * 0x9e3779b97f4a7c15u,
						   LMS_PIECE_RELATIVES);

			assert_true(v == 0 || v == 5);
			up += v == 5;
		}
		/* n / 5 of 20000, give or take 2.5 standard deviations */
		assert_in_range(up, 4000 * n - 180, 4000 * n + 180);
	}
}

/* The same key draws the same; the kind of count draws apart. */
static void draws_are_fixed_by_key_and_kind(void **state)
{
	long differ = 0;

	(void)state;
	for (uint64_t key = 1; key < 1000; key++) {
		long a = lms_protect_count(2, 5, key, LMS_PIECE_PARTICIPANTS);

		assert_int_equal(a, lms_protect_count(2, 5, key,
						      LMS_PIECE_PARTICIPANTS));
		differ += a != lms_protect_count(2, 5, key,
						 LMS_PIECE_NOT_COMPLETED);
	}
	assert_true(differ > 300);
}

/* The cell key of a piece is its people's, in any order; another secret
 * gives other keys. */
static void record_keys_come_from_the_secret(void **state)
{
	struct lms_report_key k1, k2;
	uint64_t a, b, c;

	(void)state;
	memset(&k1, 1, sizeof(k1));
	memset(&k2, 2, sizeof(k2));
	a = lms_protect_record_key(&k1, "c", "p-aaaaaa");
	b = lms_protect_record_key(&k1, "c", "p-bbbbbb");
	assert_true(a != b);
	assert_true(a + b == lms_protect_record_key(&k1, "c", "p-bbbbbb") +
			     lms_protect_record_key(&k1, "c", "p-aaaaaa"));
	c = lms_protect_record_key(&k2, "c", "p-aaaaaa");
	assert_true(a != c);
	/* The course is part of the record: a person on two courses. */
	assert_true(a != lms_protect_record_key(&k1, "d", "p-aaaaaa"));
	assert_true(lms_protect_thing_key(&k1, "c", "drop-in", 3) !=
		    lms_protect_thing_key(&k1, "c", "drop-in", 4));
}

/* A key that draws n (1 to k - 1) to want, found by trying. */
static uint64_t key_drawing(long n, long k, long want,
			    enum lms_piece_kind kind)
{
	uint64_t key = 1;

	while (lms_protect_count(n, k, key, kind) != want)
		key++;
	return key;
}

static void splits_add_up_and_show_no_small_part(void **state)
{
	struct lms_protect_part parts[2] = {
		{ 8, 0, LMS_PIECE_COMPLETED },
		{ 2, key_drawing(2, 5, 5, LMS_PIECE_NOT_COMPLETED),
		  LMS_PIECE_NOT_COMPLETED }
	};
	long out[2];

	(void)state;
	/* 8 completed, 2 did not: the 2 drawn up to 5, the 8 takes 5. */
	lms_protect_split(parts, 10, 5, out);
	assert_int_equal(out[0], 5);
	assert_int_equal(out[1], 5);
	/* Drawn down: the whole is the larger part's. */
	parts[1].cell_key = key_drawing(2, 5, 0, LMS_PIECE_NOT_COMPLETED);
	lms_protect_split(parts, 10, 5, out);
	assert_int_equal(out[0], 10);
	assert_int_equal(out[1], 0);
	/* Parts of k or more, and 0, are exact. */
	parts[0].n = 6, parts[1].n = 7;
	lms_protect_split(parts, 13, 5, out);
	assert_int_equal(out[0], 6);
	assert_int_equal(out[1], 7);
	parts[0].n = 0;
	lms_protect_split(parts, 7, 5, out);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 7);
}

/*
 * The reader who knows the rule: for every piece of n people (k to 3k)
 * split in two in every way, and every draw, which splits could have
 * given what is published (the two parts, and whether a part was drawn,
 * as the mark says)?  No published split may leave a part only one
 * value from 1 to k - 1.  So it is for k of 4 and more; with 3, a piece
 * of 4 published (3, 1) can only be (1, 3), which is why lms.yaml may
 * not have min_cell 3.
 */
static bool some_split_pins(long k)
{
	for (long n = k; n <= 3 * k; n++) {
		/* could[p][d]: bit a set if a first part of a can publish
		 * p as the first part, with d whether one was drawn. */
		uint64_t could[64][2] = { { 0 } };

		for (long a = 0; a <= n; a++)
			for (long want = 0; want <= k; want += k) {
				long small = a < n - a ? a : n - a, out[2];
				struct lms_protect_part parts[2] = {
					{ a, 0, LMS_PIECE_COMPLETED },
					{ n - a, 0, LMS_PIECE_NOT_COMPLETED }
				};
				bool drawn = small > 0 && small < k;

				if (drawn)
					parts[a < n - a ? 0 : 1].cell_key =
						key_drawing(small, k, want,
							    parts[a < n - a ? 0 : 1].kind);
				lms_protect_split(parts, n, k, out);
				could[out[0]][drawn] |= (uint64_t)1 << a;
			}
		for (long p = 0; p <= n; p++)
			for (int d = 0; d < 2; d++) {
				uint64_t set = could[p][d];
				long a;

				if (!set || (set & (set - 1)))
					continue;	/* none, or several */
				a = __builtin_ctzll(set);
				if ((a > 0 && a < k) || (n - a > 0 && n - a < k))
					return true;
			}
	}
	return false;
}

static void no_split_pins_a_small_part_down(void **state)
{
	(void)state;
	assert_true(some_split_pins(3));	/* the reason 3 is refused */
	for (long k = 4; k <= 12; k++)
		if (some_split_pins(k))
			fail_msg("min_cell %ld: a split pins a part down", k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hmac_sha256_as_rfc_4231),
		cmocka_unit_test(hmac_sha256_of_many),
		cmocka_unit_test(sha256_of_pieces),
		cmocka_unit_test(small_counts_become_0_or_k),
		cmocka_unit_test(draws_are_fixed_by_key_and_kind),
		cmocka_unit_test(record_keys_come_from_the_secret),
		cmocka_unit_test(splits_add_up_and_show_no_small_part),
		cmocka_unit_test(no_split_pins_a_small_part_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
