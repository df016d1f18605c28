#include "test.h"

#include "date.h"
#include "i18n.h"

static struct lms_buf out;

static int setup(void **state)
{
	(void)state;
	lms_buf_init(&out);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&out);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

static void chooses_from_the_environment(void **state)
{
	(void)state;
	/* Nothing, C and POSIX are English, and LANGUAGE is not heeded. */
	assert_int_equal(lms_i18n_choose(NULL, NULL, NULL, NULL), LMS_LANG_EN);
	assert_int_equal(lms_i18n_choose(NULL, NULL, NULL, "nb"), LMS_LANG_EN);
	assert_int_equal(lms_i18n_choose("", "", "C", "nb"), LMS_LANG_EN);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "C.UTF-8", "nb"),
			 LMS_LANG_EN);
	assert_int_equal(lms_i18n_choose("POSIX", NULL, "nb_NO", NULL),
			 LMS_LANG_EN);
	/* nb, no and nn, generated on the machine or not. */
	assert_int_equal(lms_i18n_choose(NULL, NULL, "nb_NO.UTF-8", NULL),
			 LMS_LANG_NB);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "no_NO", NULL),
			 LMS_LANG_NB);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "nn", NULL), LMS_LANG_NB);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "en_GB.UTF-8", NULL),
			 LMS_LANG_EN);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "de_DE.UTF-8", NULL),
			 LMS_LANG_EN);
	/* LC_ALL, then LC_MESSAGES, then LANG. */
	assert_int_equal(lms_i18n_choose("en_US.UTF-8", "nb_NO", "nb_NO", NULL),
			 LMS_LANG_EN);
	assert_int_equal(lms_i18n_choose("nb_NO.UTF-8", NULL, "C", NULL),
			 LMS_LANG_NB);
	assert_int_equal(lms_i18n_choose(NULL, "nb_NO.UTF-8", "en_GB", NULL),
			 LMS_LANG_NB);
	assert_int_equal(lms_i18n_choose(NULL, "C", "nb_NO", NULL),
			 LMS_LANG_EN);
	/* LANGUAGE's first language that lms knows. */
	assert_int_equal(lms_i18n_choose(NULL, NULL, "en_GB.UTF-8", "nb:en"),
			 LMS_LANG_NB);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "nb_NO.UTF-8", "en_GB:nb"),
			 LMS_LANG_EN);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "en_GB.UTF-8", "sv:nn_NO"),
			 LMS_LANG_NB);
	assert_int_equal(lms_i18n_choose(NULL, NULL, "nb_NO.UTF-8", "sv:de"),
			 LMS_LANG_NB);
	/* Not a two-letter language. */
	assert_int_equal(lms_i18n_choose(NULL, NULL, "nbx", NULL), LMS_LANG_EN);
}

static void translates_in_norwegian_only(void **state)
{
	(void)state;
	assert_string_equal(_("Thursday"), "Thursday");
	assert_string_equal(lms_i18n_code(), "en");
	assert_int_equal(lms_i18n_set(LMS_LANG_NB), LMS_LANG_EN);
	assert_string_equal(_("Thursday"), "torsdag");
	assert_string_equal(C_("month", "May"), "mai");
	assert_string_equal(lms_i18n_code(), "nb");
	/* What the catalogue lacks stays as it is. */
	assert_string_equal(_("no such message"), "no such message");
	assert_string_equal(C_("no such context", "May"), "May");
	assert_int_equal(lms_i18n_set(LMS_LANG_UNSET), LMS_LANG_NB);
	assert_int_equal(lms_i18n_get(), LMS_LANG_EN);
}

static void plurals(void **state)
{
	(void)state;
	assert_string_equal(lms_n_("%zu course", "%zu courses", 1), "%zu course");
	assert_string_equal(lms_n_("%zu course", "%zu courses", 0),
			    "%zu courses");
	assert_string_equal(lms_n_("%zu course", "%zu courses", 2),
			    "%zu courses");
	lms_i18n_set(LMS_LANG_NB);
	assert_string_equal(lms_n_(" of %d places", " of %d places", 1),
			    " av %d plass");
	assert_string_equal(lms_n_(" of %d places", " of %d places", 12),
			    " av %d plasser");
	assert_string_equal(lms_n_(" of %d places", " of %d places", 0),
			    " av %d plasser");
	/* Not in the catalogue: the English forms. */
	assert_string_equal(lms_n_("%zu thing", "%zu things", 2), "%zu things");
}

/* The catalogue is sorted as the lookup searches it. */
static void catalogue_is_sorted(void **state)
{
	(void)state;
	assert_true(lms_catalog_nb.n > 0);
	for (size_t i = 1; i < lms_catalog_nb.n; i++)
		assert_true(strcmp(lms_catalog_nb.msgs[i - 1].id,
				   lms_catalog_nb.msgs[i].id) < 0);
}

static void number(const char *in, bool html, const char *want)
{
	lms_buf_reset(&out);
	assert_int_equal(lms_i18n_number(&out, in, html), want != NULL);
	assert_string_equal(out.buf, want ? want : "");
}

static void numbers(void **state)
{
	(void)state;
	/* English writes them as C does. */
	number("2.26", false, NULL);
	number("12345", false, NULL);
	lms_i18n_set(LMS_LANG_NB);
	number("2.26", false, "2,26");
	number("-0.50", false, "-0,50");
	number("1806", false, "1806");
	number("12345", false, "12 345");
	number("1234567.5", false, "1 234 567,5");
	number("123456", true, "123\xc2\xa0" "456");
	number("75%", false, "75 %");
	number("75%", true, "75\xc2\xa0%");
	number("<0.001", false, "<0,001");
	number("\xe2\x89\x88" "12", false, "\xe2\x89\x88" "12");
	number("\xe2\x89\x88" "4.5", false, "\xe2\x89\x88" "4,5");
	/* Not numbers. */
	number("", false, NULL);
	number("-", false, NULL);
	number("2.", false, NULL);
	number(".5", false, NULL);
	number("2026-09-17", false, NULL);
	number("12 345", false, NULL);
	number("3%%", false, NULL);
}

static void days_and_times(void **state)
{
	int32_t d = lms_date_from_ymd(2026, 9, 17);

	(void)state;
	lms_i18n_day(&out, d);
	lms_buf_adds(&out, ", ");
	lms_i18n_times(&out, 11 * 60, 14 * 60);
	assert_string_equal(out.buf, "Thursday 2026-09-17, 11:00-14:00");
	lms_i18n_set(LMS_LANG_NB);
	lms_buf_reset(&out);
	lms_i18n_day(&out, d);
	lms_buf_adds(&out, ", ");
	lms_i18n_times(&out, 9 * 60 + 5, 14 * 60);
	assert_string_equal(out.buf, "torsdag 17. september 2026, "
			    "kl. 09.05\xe2\x80\x93" "14.00");
	lms_buf_reset(&out);
	lms_i18n_times(&out, 18 * 60, LMS_TIME_NONE);
	assert_string_equal(out.buf, "kl. 18.00");
}

static void dates(void **state)
{
	char text[11];

	(void)state;
	lms_i18n_date(lms_date_from_ymd(2026, 9, 7), text);
	assert_string_equal(text, "2026-09-07");
	lms_i18n_set(LMS_LANG_NB);
	lms_i18n_date(lms_date_from_ymd(2026, 9, 7), text);
	assert_string_equal(text, "07.09.2026");
	lms_i18n_date(lms_date_from_ymd(2027, 12, 31), text);
	assert_string_equal(text, "31.12.2027");
	/* In a language given, whatever the current one. */
	lms_i18n_date_in(LMS_LANG_EN, lms_date_from_ymd(2027, 12, 31), text);
	assert_string_equal(text, "2027-12-31");
	lms_i18n_set(LMS_LANG_EN);
	lms_i18n_date_in(LMS_LANG_NB, lms_date_from_ymd(2026, 9, 7), text);
	assert_string_equal(text, "07.09.2026");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(chooses_from_the_environment),
		T(translates_in_norwegian_only),
		T(plurals),
		T(catalogue_is_sorted),
		T(numbers),
		T(days_and_times),
		T(dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
