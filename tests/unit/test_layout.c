#include <stdlib.h>

#include "test.h"

#include "layout.h"

/* Every file of the layout has a place, with an id where it takes one. */
static void every_file_has_a_place(void **state)
{
	(void)state;
	for (int f = 0; f < LMS_NFILES; f++) {
		char *rel = lms_file_rel((enum lms_file)f, "x");

		assert_non_null(lms_file_pattern((enum lms_file)f));
		assert_true(rel[0] && rel[0] != '/');
		assert_null(strstr(rel, "%"));
		free(rel);
	}
}

static void paths_of_a_course(void **state)
{
	char *rel = lms_file_rel(LMS_FILE_ENROLMENTS, "kols-h26");

	(void)state;
	assert_string_equal(rel, "courses/kols-h26/enrolments.yaml");
	free(rel);
	rel = lms_file_rel(LMS_FILE_REGISTER, NULL);
	assert_string_equal(rel, "people/participants.yaml");
	free(rel);
}

/* What is lms's in a tree, and what is the user's. */
static void lms_own(void **state)
{
	(void)state;
	assert_true(lms_file_is_lms("people/participants.yaml"));
	assert_true(lms_file_is_lms("./people/x.csv"));
	assert_true(lms_file_is_lms(".lms/lock"));
	assert_true(lms_file_is_lms("courses/a/r.csv"));
	assert_true(lms_file_is_lms("lms.yaml"));
	assert_false(lms_file_is_lms("private/reminders.csv"));
	assert_false(lms_file_is_lms("reminders.csv"));
	assert_false(lms_file_is_lms("peoplex/a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_file_has_a_place),
		cmocka_unit_test(paths_of_a_course),
		cmocka_unit_test(lms_own),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
