#include "test.h"

#include "id.h"

static void accepts_ids(void **state)
{
	(void)state;
	assert_true(lms_id_valid("a"));
	assert_true(lms_id_valid("2026-09-matlaging"));
	assert_true(lms_id_valid("p-7k3q9x"));
	assert_true(lms_id_valid("0"));
	/* 64 characters is the most. */
	assert_true(lms_id_valid(
		"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234"));
}

static void refuses_everything_else(void **state)
{
	static const char *const bad[] = {
		"", "../x", "..", ".", "A", "Kurs", "a/b", "a b", "-a", "a_b",
		"ø", "a.yaml", "a\n", "/etc",
		"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij12345",
		NULL
	};

	(void)state;
	for (int i = 0; bad[i]; i++) {
		if (lms_id_valid(bad[i]))
			fail_msg("accepted '%s'", bad[i]);
	}
	assert_false(lms_id_valid(NULL));
}

static void check_names_what_and_rule(void **state)
{
	(void)state;
	assert_int_equal(lms_id_check("course", "ok-1"), 0);
	assert_int_equal(lms_id_check("course", "../x"), LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg,
			    "invalid course id '../x': use lowercase letters, "
			    "digits and '-', starting with a letter or digit, "
			    "at most 64 characters");
}

static void municipality_numbers(void **state)
{
	(void)state;
	assert_true(lms_municipality_valid("1806"));
	assert_true(lms_municipality_valid("0301"));
	assert_false(lms_municipality_valid("180"));
	assert_false(lms_municipality_valid("18060"));
	assert_false(lms_municipality_valid("18a6"));
	assert_false(lms_municipality_valid(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_ids),
		cmocka_unit_test(refuses_everything_else),
		cmocka_unit_test(check_names_what_and_rule),
		cmocka_unit_test(municipality_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
