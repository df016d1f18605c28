#include <stdio.h>

#include "test.h"

#include "buf.h"
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

static const char form_yaml[] =
	"id: f\ntitle: T\nscale: {min: 1, max: 4}\nitems:\n"
	"  - {id: a, text: Jeg vet hvor}\n"
	"  - {id: b, text: Jeg klarer}\n"
	"  - {id: c, text: Fritt, type: text}\n";

struct sheet {
	struct lms_form form;
	struct lms_csv csv;
	struct lms_buf left_out;	/* "path:header " of each */
};

static void left_out(const char *path, const char *header, void *arg)
{
	lms_buf_addf(arg, "%s:%s ", path, header);
}

static int columns(struct sheet *s, const char *csv, char *const *maps,
		   size_t nmaps, struct lms_survey_columns *out)
{
	assert_int_equal(lms_form_load(&s->form, "f.yaml", form_yaml,
				       strlen(form_yaml), "f", NULL), 0);
	assert_int_equal(lms_csv_parse(&s->csv, "s.csv", csv, strlen(csv)), 0);
	lms_buf_init(&s->left_out);
	return lms_survey_columns(out, "s.csv", &s->csv, &s->form, maps, nmaps,
				  left_out, &s->left_out);
}

static void sheet_release(struct sheet *s, struct lms_survey_columns *c)
{
	lms_survey_columns_release(c);
	lms_form_release(&s->form);
	lms_csv_release(&s->csv);
	lms_buf_release(&s->left_out);
}

/* Headers are items' ids or texts in any case; the person's and the
 * timestamp's column go by their usual names, not "ID"; the rest is left
 * out, and said so. */
static void columns_by_header(void **state)
{
	struct lms_survey_columns c;
	struct sheet s;

	(void)state;
	assert_int_equal(columns(&s, "ID,Fullføringstidspunkt,Deltakernummer,"
				 "JEG VET HVOR,b,Navn\n"
				 "1,17/9/2026 10:00:00,p-aaaaaa,1,2,x\n"
				 "2,3/9/2026 10:00:00,,1,2,x\n", NULL, 0, &c),
			 0);
	assert_null(c.item[0]);
	assert_int_equal(c.stamp, 1);
	assert_int_equal(c.person, 2);
	assert_string_equal(c.item[3], "a");
	assert_string_equal(c.item[4], "b");
	assert_null(c.item[5]);
	assert_int_equal(c.order, LMS_DAY_FIRST);
	assert_string_equal(s.left_out.buf, "s.csv:ID s.csv:Navn ");
	sheet_release(&s, &c);
}

/* --map names what the headers do not, and wins over them. */
static void columns_by_map(void **state)
{
	char *maps[] = { (char *)"Q1=a", (char *)"Hvem=person",
			 (char *)"Når=timestamp", (char *)"b=c" };
	struct lms_survey_columns c;
	struct sheet s;

	(void)state;
	assert_int_equal(columns(&s, "Q1,Hvem,Når,b\n1,,,tekst\n", maps, 4,
				 &c), 0);
	assert_string_equal(c.item[0], "a");
	assert_int_equal(c.person, 1);
	assert_int_equal(c.stamp, 2);
	assert_string_equal(c.item[3], "c");
	assert_string_equal(s.left_out.buf, "");
	sheet_release(&s, &c);
}

static void columns_refused(void **state)
{
	char *bad[] = { (char *)"=a" }, *nocol[] = { (char *)"Q9=a" };
	char *noitem[] = { (char *)"Q1=zz" };
	struct lms_survey_columns c;
	struct sheet s;

	(void)state;
	assert_error(columns(&s, "Q1\n1\n", bad, 1, &c), LMS_EUSAGE, 0, 0,
		     "--map: '=a' is not COLUMN=ITEM");
	sheet_release(&s, &c);
	assert_error(columns(&s, "Q1\n1\n", nocol, 1, &c), LMS_EUSAGE, 0, 0,
		     "--map: the file has no column 'Q9'");
	sheet_release(&s, &c);
	assert_error(columns(&s, "Q1\n1\n", noitem, 1, &c), LMS_EUSAGE, 0, 0,
		     "--map: form 'f' has no item 'zz'");
	sheet_release(&s, &c);
	assert_error(columns(&s, "Q1\n1\n", NULL, 0, &c), LMS_EDATA, 1, 0,
		     "no column matches an item of form 'f' (name them with "
		     "--map COLUMN=ITEM)");
	sheet_release(&s, &c);
	/* Columns before the second for an item are said to be left out. */
	assert_error(columns(&s, "x,a,Jeg vet hvor,y\n1,1,1,1\n", NULL, 0,
			     &c), LMS_EDATA, 1, 0,
		     "columns 'a' and 'Jeg vet hvor' both answer item 'a'");
	assert_string_equal(s.left_out.buf, "s.csv:x ");
	sheet_release(&s, &c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_vectors),
		cmocka_unit_test(digests_are_stable),
		cmocka_unit_test(keys_are_unambiguous),
		cmocka_unit_test(person_ids_as_typed),
		cmocka_unit_test(columns_by_header),
		cmocka_unit_test(columns_by_map),
		cmocka_unit_test(columns_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
