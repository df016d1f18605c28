#include <stdlib.h>

#include "test.h"

#include "../../lib/batch.h"

static struct lms_course course;
static struct lms_service service;
static struct lms_enrolments e;
static struct lms_roll roll;
static struct lms_register reg;
static struct lms_strset ids;
static struct lms_csv csv;
static struct lms_batch batch;

static int setup(void **state)
{
	const char *c = "id: kurs\ntitle: T\nstatus: open\ncapacity: 2\n";
	const char *s = "name: S\nmunicipality: \"1806\"\n";
	const char *r = "- {id: p-known1, name: Kjent En, phone: \"900 00 001\", "
			"municipality: \"1806\"}\n";

	(void)state;
	assert_int_equal(lms_course_load(&course, "c", c, strlen(c), NULL, NULL), 0);
	assert_int_equal(lms_service_load(&service, "s", s, strlen(s)), 0);
	assert_int_equal(lms_register_load(&reg, "r", r, strlen(r)), 0);
	memset(&e, 0, sizeof(e));
	lms_roll_init(&roll, &course, &e);
	lms_strset_init(&ids);
	lms_strset_add(&ids, "p-known1", NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_batch_release(&batch);
	lms_csv_release(&csv);
	lms_strset_release(&ids);
	lms_register_release(&reg);
	lms_roll_release(&roll);
	lms_enrolments_release(&e);
	lms_course_release(&course);
	lms_service_release(&service);
	return 0;
}

static int run(const char *text)
{
	struct lms_batch_input in = { "s.csv", &csv, &service, 0, false, &ids };

	assert_int_equal(lms_csv_parse(&csv, "s.csv", text, strlen(text)), 0);
	return lms_batch_enrol(&in, &reg, &roll, &batch);
}

static void matches_known_and_registers_new(void **state)
{
	(void)state;
	assert_int_equal(run("Navn;Mobil;E-post;Kommune;Rolle;Henvisning\n"
			     "Kjent En;+47 900 00 001;;;deltaker;fastlege\n"
			     "\"Ny\nTo\";;to@example.org;1806;pårørende;\n"
			     "Ny Tre;;;;;\n"), 0);
	assert_int_equal(batch.n, 3);
	assert_int_equal(batch.new_people, 2);
	assert_string_equal(batch.rows[0].person, "p-known1");
	assert_false(batch.rows[0].is_new);
	assert_int_equal(batch.rows[0].status, LMS_ENROLLED);
	assert_true(batch.rows[1].is_new);
	assert_int_equal(batch.rows[2].status, LMS_WAITLISTED);
	assert_int_equal(batch.rows[2].line, 5);
	assert_int_equal(reg.n, 3);
	assert_string_equal(reg.v[1].name, "Ny To");
	assert_string_equal(reg.v[1].email, "to@example.org");
	assert_int_equal(e.v[0].referral, LMS_GP);
	assert_int_equal(e.v[1].role, LMS_RELATIVE);
	assert_string_equal(e.v[0].municipality, "1806");
	/* The new ids are in use now. */
	assert_true(lms_strset_has(&ids, reg.v[2].id));
}

static void one_bad_row_fails_the_batch(void **state)
{
	static const struct {
		const char *text;
		unsigned line;
		const char *msg;
	} bad[] = {
		{ "name,phone\nA,900 00 009\nB,12\n", 3,
		  "phone: '12' is not a phone number" },
		{ "name,email\nA,a@\n", 2, "email: 'a@' is not an e-mail address" },
		{ "name,municipality\nA,180\n", 2, "municipality: '180' is not a "
		  "municipality number (four digits)" },
		{ "name,role\nA,kid\n", 2, "role: 'kid' is not participant or "
		  "relative" },
		{ "name,referral\nA,nav\n", 2, "referral: 'nav' is not self, gp, "
		  "specialist or other" },
		{ "name,phone\n,900 00 009\n", 2, "name: give a name on one line" },
		{ "name,municipality\nA,0301\n", 2, "the person on this line "
		  "lives in 0301, which is neither the host nor a partner" },
		{ "navn;telefon\nA;900 00 009\nB;900 00 009\n", 3,
		  "the same person as line 2 (the same phone number or e-mail "
		  "address)" },
		{ "name,phone\nKjent En,900 00 001\nKjent En,900 00 001\n", 3,
		  "the same person as line 2" },
		{ NULL, 0, NULL }
	};

	(void)state;
	for (int i = 0; bad[i].text; i++) {
		int err = run(bad[i].text);

		assert_true(err == LMS_EDATA || err == LMS_EREFUSED);
		assert_int_equal(lms_last_error()->line, bad[i].line);
		if (!strstr(lms_last_error()->msg, bad[i].msg))
			fail_msg("case %d: %s", i, lms_last_error()->msg);
		assert_null(batch.rows);
		lms_csv_release(&csv);
	}
}

static void nordic_letters_ignore_case(void **state)
{
	(void)state;
	assert_int_equal(run("NAVN,ROLLE\nA,PÅRØRENDE\n"), 0);
	assert_int_equal(e.v[0].role, LMS_RELATIVE);
}

static void needs_a_name_column(void **state)
{
	(void)state;
	assert_int_equal(run("fornavn,telefon\nA,1\n"), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg,
			    "no name column (the header has 'fornavn', 'telefon')");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(matches_known_and_registers_new),
		T(one_bad_row_fails_the_batch),
		T(nordic_letters_ignore_case),
		T(needs_a_name_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
