#include <stdio.h>

#include "test.h"

#include "i18n.h"
#include "join.h"

static const char *joined(const char *const *names, enum lms_join how)
{
	static char text[256];
	struct lms_buf b = LMS_BUF_INIT;

	lms_join(&b, names, how);
	snprintf(text, sizeof(text), "%s", b.buf);
	lms_buf_release(&b);
	return text;
}

static void three_ways(void **state)
{
	static const char *const names[] = { "", "a", "b", "c", NULL };

	(void)state;
	assert_string_equal(joined(names, LMS_JOIN_COMMAS), "a, b, c");
	assert_string_equal(joined(names, LMS_JOIN_OR), "a, b or c");
	assert_string_equal(joined(names, LMS_JOIN_AND), "a, b and c");
}

static void short_lists(void **state)
{
	static const char *const none[] = { "", NULL };
	static const char *const one[] = { "a", NULL };
	static const char *const two[] = { "a", "", "b", NULL };

	(void)state;
	assert_string_equal(joined(none, LMS_JOIN_OR), "");
	assert_string_equal(joined(one, LMS_JOIN_OR), "a");
	assert_string_equal(joined(two, LMS_JOIN_OR), "a or b");
	assert_string_equal(joined(two, LMS_JOIN_COMMAS), "a, b");
}

/* The conjunction is in the language; the names are not translated. */
static void in_norwegian(void **state)
{
	static const char *const names[] = { "", "planned", "open", "running",
					      NULL };
	enum lms_lang was = lms_i18n_set(LMS_LANG_NB);

	(void)state;
	assert_string_equal(joined(names, LMS_JOIN_OR),
			    "planned, open eller running");
	assert_string_equal(joined(names, LMS_JOIN_AND),
			    "planned, open og running");
	assert_string_equal(joined(names, LMS_JOIN_COMMAS),
			    "planned, open, running");
	lms_i18n_set(was);
}

/* Appends to what the buffer holds. */
static void appends(void **state)
{
	static const char *const names[] = { "csv", "tsv", NULL };
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	lms_buf_adds(&b, "use ");
	lms_join(&b, names, LMS_JOIN_COMMAS);
	assert_string_equal(b.buf, "use csv, tsv");
	lms_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_ways),
		cmocka_unit_test(short_lists),
		cmocka_unit_test(in_norwegian),
		cmocka_unit_test(appends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
