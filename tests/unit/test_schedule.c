#include <stdlib.h>

#include "test.h"

#include "date.h"
#include "i18n.h"
#include "schedule.h"

static int32_t day(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

/* Runs a schedule and compares its dates with the expected list. */
static void expect(const struct lms_schedule *s, const char *const *want)
{
	int32_t *dates;
	size_t n, i;
	char text[11];

	assert_int_equal(lms_schedule_dates(s, &dates, &n), 0);
	for (i = 0; want[i]; i++) {
		assert_true(i < n);
		lms_date_format(dates[i], text);
		assert_string_equal(text, want[i]);
	}
	assert_int_equal(n, i);
	free(dates);
}

static void weekdays_with_count(void **state)
{
	struct lms_schedule s = { day("2026-09-07"), LMS_MON | LMS_THU, 4,
				  LMS_DATE_NONE, NULL, 0, NULL, NULL };
	const char *want[] = { "2026-09-07", "2026-09-10", "2026-09-14",
			       "2026-09-17", NULL };

	(void)state;
	expect(&s, want);
}

static void start_weekday_by_default(void **state)
{
	/* 2026-09-02 is a Wednesday: weekly on Wednesdays. */
	struct lms_schedule s = { day("2026-09-02"), 0, 3, LMS_DATE_NONE,
				  NULL, 0, NULL, NULL };
	const char *want[] = { "2026-09-02", "2026-09-09", "2026-09-16", NULL };

	(void)state;
	expect(&s, want);
}

static void skips_extend_a_counted_schedule(void **state)
{
	int32_t skip[] = { day("2026-10-06") };
	struct lms_schedule s = { day("2026-09-29"), LMS_TUE, 3, LMS_DATE_NONE,
				  skip, 1, NULL, NULL };
	const char *want[] = { "2026-09-29", "2026-10-13", "2026-10-20", NULL };

	(void)state;
	expect(&s, want);
}

static void crosses_month_and_year(void **state)
{
	struct lms_schedule s = { day("2026-12-28"), LMS_MON | LMS_WED |
				  LMS_FRI, 0, day("2027-01-06"), NULL, 0, NULL,
				  NULL };
	const char *want[] = { "2026-12-28", "2026-12-30", "2027-01-01",
			       "2027-01-04", "2027-01-06", NULL };

	(void)state;
	expect(&s, want);
}

static void until_is_inclusive_and_leap_day(void **state)
{
	struct lms_schedule s = { day("2028-02-28"), LMS_MON | LMS_TUE |
				  LMS_WED | LMS_THU | LMS_FRI | LMS_SAT |
				  LMS_SUN, 0, day("2028-03-01"), NULL, 0, NULL,
				  NULL };
	const char *want[] = { "2028-02-28", "2028-02-29", "2028-03-01", NULL };

	(void)state;
	expect(&s, want);
}

static void four_months_three_days_a_week(void **state)
{
	struct lms_schedule s = { day("2026-09-07"), LMS_MON | LMS_WED |
				  LMS_FRI, 0, day("2026-12-31"), NULL, 0, NULL,
				  NULL };
	int32_t *dates;
	size_t n;

	(void)state;
	assert_int_equal(lms_schedule_dates(&s, &dates, &n), 0);
	assert_int_equal(n, 50);
	free(dates);
}

/* Days off from a list, noting each day asked about. */
struct off_list {
	const int32_t *off;
	size_t noff;
	int32_t asked[16];
	size_t nasked;
};

static bool off_in_list(int32_t date, void *arg)
{
	struct off_list *l = arg;

	if (l->nasked < 16)
		l->asked[l->nasked++] = date;
	for (size_t i = 0; i < l->noff; i++)
		if (l->off[i] == date)
			return true;
	return false;
}

static bool always_off(int32_t date, void *arg)
{
	(void)date;
	(void)arg;
	return true;
}

/* Thursdays over Easter 2027, and a closed day after: the count is kept,
 * as with skip dates; a skip date is not asked about. */
static void days_off_extend_a_counted_schedule(void **state)
{
	int32_t off[] = { day("2027-03-25"), day("2027-04-01") };
	int32_t skip[] = { day("2027-04-08") };
	struct off_list l = { off, 2, { 0 }, 0 };
	struct lms_schedule s = { day("2027-03-18"), LMS_THU, 3, LMS_DATE_NONE,
				  skip, 1, off_in_list, &l };
	const char *want[] = { "2027-03-18", "2027-04-15", "2027-04-22", NULL };

	(void)state;
	expect(&s, want);
	assert_int_equal(l.nasked, 5);
	assert_int_equal(l.asked[0], day("2027-03-18"));
	assert_int_equal(l.asked[1], day("2027-03-25"));
	assert_int_equal(l.asked[2], day("2027-04-01"));
	assert_int_equal(l.asked[3], day("2027-04-15"));
	assert_int_equal(l.asked[4], day("2027-04-22"));
}

/* With an end date, days off make fewer sessions; they need not be days
 * of the schedule. */
static void days_off_shorten_a_dated_schedule(void **state)
{
	int32_t off[] = { day("2027-05-17"), day("2027-05-18") };
	struct off_list l = { off, 2, { 0 }, 0 };
	struct lms_schedule s = { day("2027-05-10"), LMS_MON, 0,
				  day("2027-05-31"), NULL, 0, off_in_list, &l };
	const char *want[] = { "2027-05-10", "2027-05-24", "2027-05-31", NULL };

	(void)state;
	expect(&s, want);
}

static void refuses(const struct lms_schedule *s, const char *msg)
{
	int32_t *dates = (int32_t *)1;
	size_t n = 7;

	assert_int_equal(lms_schedule_dates(s, &dates, &n), LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg, msg);
	assert_null(dates);
	assert_int_equal(n, 0);
}

static void refusals(void **state)
{
	int32_t bad_skip[] = { day("2026-09-08") };
	struct lms_schedule neither = { day("2026-09-07"), 0, 0, LMS_DATE_NONE,
					NULL, 0, NULL, NULL };
	struct lms_schedule both = { day("2026-09-07"), 0, 2, day("2026-10-01"),
				     NULL, 0, NULL, NULL };
	struct lms_schedule backwards = { day("2026-09-07"), 0, 0,
					  day("2026-09-01"), NULL, 0, NULL,
				  NULL };
	struct lms_schedule empty = { day("2026-09-07"), LMS_SUN, 0,
				      day("2026-09-12"), NULL, 0, NULL, NULL };
	struct lms_schedule typo = { day("2026-09-07"), LMS_MON, 2,
				     LMS_DATE_NONE, bad_skip, 1, NULL, NULL };
	struct lms_schedule huge = { day("2026-09-07"), LMS_MON, 0,
				     day("2099-01-01"), NULL, 0, NULL, NULL };
	struct lms_schedule closed = { day("2026-09-07"), LMS_MON, 2,
				       LMS_DATE_NONE, NULL, 0, always_off,
				       NULL };
	struct lms_schedule late = { day("9999-12-01"), LMS_MON, 10,
				     LMS_DATE_NONE, NULL, 0, NULL, NULL };

	(void)state;
	refuses(&neither, "give either a count of sessions or an end date");
	refuses(&both, "give either a count of sessions or an end date");
	refuses(&backwards, "the end date is before the start");
	refuses(&empty, "no session day falls in that period");
	refuses(&typo, "skip date 2026-09-08 is not a day of this schedule");
	refuses(&huge, "more than 1000 sessions");
	refuses(&closed, "the schedule runs past the year 9999");
	refuses(&late, "the schedule runs past the year 9999");
}

/* The messages are recorded in the language set, with its dates. */
static void refusals_in_norwegian(void **state)
{
	int32_t bad_skip[] = { day("2026-09-08") };
	struct lms_schedule typo = { day("2026-09-07"), LMS_MON, 2,
				     LMS_DATE_NONE, bad_skip, 1, NULL, NULL };
	struct lms_schedule huge = { day("2026-09-07"), LMS_MON, 0,
				     day("2099-01-01"), NULL, 0, NULL, NULL };

	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	refuses(&typo, "datoen 08.09.2026 i --skip er ikke en dag i denne "
		"planen");
	refuses(&huge, "mer enn 1000 samlinger");
	lms_i18n_set(LMS_LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(weekdays_with_count),
		cmocka_unit_test(start_weekday_by_default),
		cmocka_unit_test(skips_extend_a_counted_schedule),
		cmocka_unit_test(crosses_month_and_year),
		cmocka_unit_test(until_is_inclusive_and_leap_day),
		cmocka_unit_test(four_months_three_days_a_week),
		cmocka_unit_test(days_off_extend_a_counted_schedule),
		cmocka_unit_test(days_off_shorten_a_dated_schedule),
		cmocka_unit_test(refusals),
		cmocka_unit_test(refusals_in_norwegian),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
