#include "test.h"

#include "suggest.h"

static const char *const keys[] = { "name", "kind", "capacity", "place",
				    "privacy", "course" };
#define NKEYS (sizeof(keys) / sizeof(*keys))

static const char *suggest(const char *word)
{
	return lms_suggest(word, keys, NKEYS);
}

static void finds_the_word_meant(void **state)
{
	(void)state;
	assert_string_equal(suggest("capasity"), "capacity");	/* one wrong */
	assert_string_equal(suggest("privacyy"), "privacy");	/* one more */
	assert_string_equal(suggest("corse"), "course");	/* one less */
	assert_string_equal(suggest("capcaity"), "capacity");	/* two, long word */
}

static void takes_two_letters_swapped_for_one_edit(void **state)
{
	(void)state;
	assert_string_equal(suggest("nmae"), "name");
	assert_string_equal(suggest("coruse"), "course");
	assert_string_equal(suggest("plcae"), "place");
}

static void suggests_nothing_far_off(void **state)
{
	(void)state;
	/* Short words get one edit, long ones two. */
	assert_null(suggest("nmea"));
	assert_null(suggest("xyzzy"));
	assert_null(suggest("capital"));
	assert_null(suggest(""));
	assert_null(lms_suggest("x", (const char *const[]){ "a" }, 1));
	assert_null(lms_suggest("name", keys, 0));
	/* A word too long to be a typo of any key. */
	assert_null(suggest("capacitycapacitycapacitycapacitycapacitycapacity"
			    "capacitycapacity"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_the_word_meant),
		cmocka_unit_test(takes_two_letters_swapped_for_one_edit),
		cmocka_unit_test(suggests_nothing_far_off),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
