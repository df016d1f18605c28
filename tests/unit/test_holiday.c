#include <stdio.h>

#include "test.h"

#include "date.h"
#include "holiday.h"

static int32_t day(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

static void easter_of(int year, const char *want)
{
	char text[11];

	lms_date_format(lms_holiday_easter(year), text);
	assert_string_equal(text, want);
}

static void easter_sundays(void **state)
{
	(void)state;
	easter_of(2024, "2024-03-31");
	easter_of(2025, "2025-04-20");
	easter_of(2026, "2026-04-05");
	easter_of(2027, "2027-03-28");
	easter_of(2038, "2038-04-25");
	/* The earliest and latest there can be, and years where Gauss's
	 * simpler rule needs its exceptions. */
	easter_of(2285, "2285-03-22");
	easter_of(1943, "1943-04-25");
	easter_of(1954, "1954-04-18");
	easter_of(1981, "1981-04-19");
	easter_of(2049, "2049-04-18");
	easter_of(2076, "2076-04-19");
	easter_of(1900, "1900-04-15");
	easter_of(2000, "2000-04-23");
	easter_of(9999, "9999-03-28");
}

/* Compares a year's list, "date name" each, with want. */
static void expect_year(int year, const char *const want[LMS_HOLIDAYS_PER_YEAR])
{
	struct lms_holiday list[LMS_HOLIDAYS_PER_YEAR];
	char line[64], date[11];

	assert_int_equal(lms_holiday_list(year, list), LMS_HOLIDAYS_PER_YEAR);
	for (size_t i = 0; i < LMS_HOLIDAYS_PER_YEAR; i++) {
		lms_date_format(list[i].date, date);
		snprintf(line, sizeof(line), "%s %s", date, list[i].name);
		assert_string_equal(line, want[i]);
	}
}

static void holidays_of_2026(void **state)
{
	const char *const want[] = {
		"2026-01-01 nyttårsdag",
		"2026-04-02 skjærtorsdag",
		"2026-04-03 langfredag",
		"2026-04-05 første påskedag",
		"2026-04-06 andre påskedag",
		"2026-05-01 1. mai",
		"2026-05-14 Kristi himmelfartsdag",
		"2026-05-17 17. mai",
		"2026-05-24 første pinsedag",
		"2026-05-25 andre pinsedag",
		"2026-12-25 første juledag",
		"2026-12-26 andre juledag",
	};

	(void)state;
	expect_year(2026, want);
}

/* In 2027 Whit Monday falls on 17 May. */
static void holidays_of_2027(void **state)
{
	const char *const want[] = {
		"2027-01-01 nyttårsdag",
		"2027-03-25 skjærtorsdag",
		"2027-03-26 langfredag",
		"2027-03-28 første påskedag",
		"2027-03-29 andre påskedag",
		"2027-05-01 1. mai",
		"2027-05-06 Kristi himmelfartsdag",
		"2027-05-16 første pinsedag",
		"2027-05-17 17. mai",
		"2027-05-17 andre pinsedag",
		"2027-12-25 første juledag",
		"2027-12-26 andre juledag",
	};

	(void)state;
	expect_year(2027, want);
}

static void names_of_days(void **state)
{
	(void)state;
	assert_string_equal(lms_holiday_name(day("2027-03-25")), "skjærtorsdag");
	assert_string_equal(lms_holiday_name(day("2026-04-03")), "langfredag");
	assert_string_equal(lms_holiday_name(day("2026-01-01")), "nyttårsdag");
	assert_string_equal(lms_holiday_name(day("2027-12-26")), "andre juledag");
	/* Two on one day: the fixed day is named. */
	assert_string_equal(lms_holiday_name(day("2027-05-17")), "17. mai");
	assert_string_equal(lms_holiday_name(day("2035-05-17")), "17. mai");
	assert_string_equal(lms_holiday_name(day("2008-05-01")), "1. mai");
	/* Working days, and Easter Saturday, which is no holiday. */
	assert_null(lms_holiday_name(day("2027-03-24")));
	assert_null(lms_holiday_name(day("2027-03-27")));
	assert_null(lms_holiday_name(day("2026-12-24")));
	assert_null(lms_holiday_name(day("2026-12-31")));
	assert_null(lms_holiday_name(day("2027-05-18")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(easter_sundays),
		cmocka_unit_test(holidays_of_2026),
		cmocka_unit_test(holidays_of_2027),
		cmocka_unit_test(names_of_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
