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

/* Bit i is names[i]; empty names and bits without a name are left out. */
static void flag_names(void **state)
{
	static const char *const names[] = { "", "a", "b", "c", NULL };
	static const char *const from_zero[] = { "x", "y", NULL };
	struct lms_buf out = LMS_BUF_INIT;
	const char *words[3];

	(void)state;
	assert_int_equal(lms_flag_names(names, 1u << 1 | 1u << 3 | 1u << 9,
					words, 3), 2);
	assert_string_equal(words[0], "a");
	assert_string_equal(words[1], "c");
	assert_null(words[2]);
	/* No more than there is room for. */
	assert_int_equal(lms_flag_names(names, 0xe, words, 2), 1);
	assert_null(words[1]);
	assert_int_equal(lms_flag_names(from_zero, 1, words, 3), 1);
	assert_string_equal(words[0], "x");
	lms_join_flags(&out, names, 0xf, ", ");
	assert_string_equal(out.buf, "a, b, c");
	lms_buf_reset(&out);
	lms_join_flags(&out, names, 0, " ");
	assert_int_equal(out.len, 0);
	lms_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(flag_names),
		cmocka_unit_test(three_ways),
		cmocka_unit_test(short_lists),
		cmocka_unit_test(in_norwegian),
		cmocka_unit_test(appends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
