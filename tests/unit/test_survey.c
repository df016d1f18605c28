#include <stdio.h>

#include "test.h"

#include "date.h"
#include "sha256.h"
#include "survey.h"

static void hex_of(const char *data, size_t len, char out[65])
{
	struct lms_sha256 s;
	unsigned char h[32];

	lms_sha256_init(&s);
	/* In pieces, to cross the blocks. */
	for (size_t i = 0; i < len; i += 7)
		lms_sha256_add(&s, data + i, len - i < 7 ? len - i : 7);
	lms_sha256_final(&s, h);
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

/* The test vectors of FIPS 180-4, and lengths around a block's end. */
static void sha256_vectors(void **state)
{
	char out[65], a[1001];

	(void)state;
	hex_of("", 0, out);
	assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b"
			    "934ca495991b7852b855");
	hex_of("abc", 3, out);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a39617"
			    "7a9cb410ff61f20015ad");
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	       out);
	assert_string_equal(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff"
			    "2167f6ecedd419db06c1");
	memset(a, 'a', 1000);
	hex_of(a, 1000, out);
	assert_string_equal(out, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d1"
			    "34645adb5db1b9737ea3");
}

static struct lms_evaluation response(const char *person)
{
	struct lms_evaluation e;

	memset(&e, 0, sizeof(e));
	e.form = (char *)"mestringstro";
	e.person = (char *)person;
	return e;
}

static void release_answers(struct lms_evaluation *e)
{
	for (size_t i = 0; i < e->answers.n; i++) {
		free(e->answers.v[i].item);
		free(e->answers.v[i].text);
	}
	free(e->answers.v);
}

/* The digest is a stored format: these values must never change. */
static void digests_are_stable(void **state)
{
	struct lms_evaluation e = response(NULL), f = response(NULL);
	struct lms_buf key = LMS_BUF_INIT;
	struct lms_stamp st = { 0, 10 * 3600 + 2 * 60 };
	char d1[LMS_DIGEST_LEN + 1], d2[LMS_DIGEST_LEN + 1];

	(void)state;
	assert_true(lms_date_parse("2026-09-17", &st.date));
	lms_answer_add(&e, "hverdagen", 3, NULL);
	lms_answer_add(&e, "hjelp", 3, NULL);
	lms_answer_add(&e, "tilbakeslag", 3, NULL);
	lms_answer_add(&e, "ressurser", 3, NULL);
	lms_answer_add(&e, "si-fra", 3, NULL);
	lms_answer_add(&e, "oppgitt", 2, NULL);
	lms_answer_add(&e, "pavirke", 3, NULL);
	lms_survey_key(&key, &e, &st);
	lms_survey_digest(key.buf, key.len, 1, d1);
	assert_string_equal(d1, "4406f0efb882ff2e");
	assert_true(lms_digest_valid(d1));
	/* The second row that reads the same is another response. */
	lms_survey_digest(key.buf, key.len, 2, d2);
	assert_string_not_equal(d1, d2);
	/* The order of the columns does not matter. */
	lms_answer_add(&f, "pavirke", 3, NULL);
	lms_answer_add(&f, "oppgitt", 2, NULL);
	lms_answer_add(&f, "si-fra", 3, NULL);
	lms_answer_add(&f, "ressurser", 3, NULL);
	lms_answer_add(&f, "tilbakeslag", 3, NULL);
	lms_answer_add(&f, "hjelp", 3, NULL);
	lms_answer_add(&f, "hverdagen", 3, NULL);
	lms_survey_key(&key, &f, &st);
	lms_survey_digest(key.buf, key.len, 1, d2);
	assert_string_equal(d1, d2);
	/* Without the timestamp, or with a person, it differs. */
	lms_survey_key(&key, &f, NULL);
	lms_survey_digest(key.buf, key.len, 1, d2);
	assert_string_not_equal(d1, d2);
	f.person = (char *)"p-test01";
	lms_survey_key(&key, &f, &st);
	lms_survey_digest(key.buf, key.len, 1, d2);
	assert_string_not_equal(d1, d2);
	release_answers(&e);
	release_answers(&f);
	lms_buf_release(&key);
}

/* Text and number, item and value, cannot be mistaken for each other. */
static void keys_are_unambiguous(void **state)
{
	struct lms_evaluation e = response(NULL), f = response(NULL);
	struct lms_buf k1 = LMS_BUF_INIT, k2 = LMS_BUF_INIT;

	(void)state;
	lms_answer_add(&e, "a", 3, NULL);
	lms_answer_add(&f, "a", 0, "3");
	lms_survey_key(&k1, &e, NULL);
	lms_survey_key(&k2, &f, NULL);
	assert_false(k1.len == k2.len && !memcmp(k1.buf, k2.buf, k1.len));
	release_answers(&e);
	release_answers(&f);
	lms_buf_release(&k1);
	lms_buf_release(&k2);
	assert_false(lms_digest_valid("4406f0efb882ff2"));
	assert_false(lms_digest_valid("4406F0EFB882FF2E"));
}

static void person_ids_as_typed(void **state)
{
	struct lms_buf id = LMS_BUF_INIT, alt = LMS_BUF_INIT;

	(void)state;
	lms_survey_person(" P-7K3Q9X ", &id, &alt);
	assert_string_equal(id.buf, "p-7k3q9x");
	lms_survey_person("7k3 q9x", &id, &alt);
	assert_string_equal(id.buf, "7k3q9x");
	assert_string_equal(alt.buf, "p-7k3q9x");
	lms_buf_release(&id);
	lms_buf_release(&alt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_vectors),
		cmocka_unit_test(digests_are_stable),
		cmocka_unit_test(keys_are_unambiguous),
		cmocka_unit_test(person_ids_as_typed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
