#include <stdio.h>

#include "test.h"

#include "../../lib/personal.h"

/*
 * The numbers here are synthetic: a fødselsnummer with the month raised
 * by 80, as test registers make them, so that it is nobody's; phone
 * numbers from the range the examples use.
 */

/* The hits in text as "kind:text" lines. */
static char found_text[1024];
static const char *scanning;

static void collect(const struct lms_personal_hit *h, void *arg)
{
	static const char *const names[] = { "", "fnr", "phone", "", "email" };
	size_t used = strlen(found_text);

	(void)arg;
	snprintf(found_text + used, sizeof(found_text) - used, "%s:%.*s\n",
		 names[h->kind], (int)h->len, scanning + h->offset);
}

static const char *scan(const char *text)
{
	found_text[0] = '\0';
	scanning = text;
	lms_find_personal(text, strlen(text),
			  LMS_PD_FNR | LMS_PD_PHONE | LMS_PD_EMAIL, collect, NULL);
	return found_text;
}

static void fnr_check_digits(void **state)
{
	(void)state;
	assert_true(lms_fnr_valid("01819012365"));
	assert_true(lms_fnr_valid("15859040168"));
	assert_false(lms_fnr_valid("01819012366"));	/* second digit off */
	assert_false(lms_fnr_valid("01819012375"));	/* first digit off */
	assert_false(lms_fnr_valid("0181901236x"));
}

static void finds_fnr_written_both_ways(void **state)
{
	(void)state;
	assert_string_equal(scan("note: 01819012365\n"), "fnr:01819012365\n");
	assert_string_equal(scan("# pnr 018190 12365, ring\n"),
			    "fnr:018190 12365\n");
	/* Eleven digits that fail the check are a number, not a person. */
	assert_string_equal(scan("ref: 01819012366\n"), "");
	/* Part of a longer number or an id. */
	assert_string_equal(scan("x: 901819012365\n"), "");
	assert_string_equal(scan("x: p-01819012365\n"), "");
}

static void finds_phone_numbers_as_people_write_them(void **state)
{
	(void)state;
	assert_string_equal(scan("tlf 90010001."), "phone:90010001\n");
	assert_string_equal(scan("phone: \"900 10 001\"\n"),
			    "phone:900 10 001\n");
	assert_string_equal(scan("ring 90 01 00 01 i dag"), "phone:90 01 00 01\n");
	assert_string_equal(scan("+47 900 10 001\n"), "phone:+47 900 10 001\n");
	assert_string_equal(scan("0047 90010001\n"), "phone:0047 90010001\n");
	assert_string_equal(scan("Tlf:91234567\n"), "phone:91234567\n");
	/* After a no-break space, as a word processor writes it. */
	assert_string_equal(scan("tlf.\xc2\xa0" "912 34 567"), "phone:912 34 567\n");
}

static void leaves_dates_times_and_ids_alone(void **state)
{
	(void)state;
	assert_string_equal(scan("date: 2026-09-08\nstart: \"11:00\"\n"), "");
	assert_string_equal(scan("id: 2026-09-matlaging\nperson: p-900100\n"),
			    "");
	assert_string_equal(scan("capacity: 12\nyear: 20260908x\n"), "");
	/* 8 starts service numbers; 1 and 0 start none that reach a person. */
	assert_string_equal(scan("800 30 500 and 12345678"), "");
	/* Nine digits, or eight in a longer row of groups. */
	assert_string_equal(scan("org 974 760 673"), "");
	assert_string_equal(scan("konto 9000 10 00123"), "");
	assert_string_equal(scan("1.5 or 3.25 or 92.345678"), "");
	assert_string_equal(scan("years 2026 2027"), "");
}

static void finds_email_addresses(void **state)
{
	(void)state;
	assert_string_equal(scan("email: ola.nordmann@example.org\n"),
			    "email:ola.nordmann@example.org\n");
	assert_string_equal(scan("Skriv til kari+lms@post.example.no."),
			    "email:kari+lms@post.example.no\n");
	assert_string_equal(scan("@mention and a@b and x@y.z1"), "");
}

static void finds_each_in_order(void **state)
{
	(void)state;
	assert_string_equal(scan("a 90010001 b a@example.no c 01819012365"),
			    "phone:90010001\nemail:a@example.no\n"
			    "fnr:01819012365\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fnr_check_digits),
		cmocka_unit_test(finds_fnr_written_both_ways),
		cmocka_unit_test(finds_phone_numbers_as_people_write_them),
		cmocka_unit_test(leaves_dates_times_and_ids_alone),
		cmocka_unit_test(finds_email_addresses),
		cmocka_unit_test(finds_each_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
