#include "test.h"

#include "../../lib/date.h"

static void round_trips_dates(void **state)
{
	static const char *const dates[] = {
		"1970-01-01", "2000-02-29", "2024-02-29", "2026-09-07",
		"2026-12-31", "2027-01-01", "1900-03-01", "2099-12-31", NULL
	};
	char out[11];
	int32_t d;

	(void)state;
	for (int i = 0; dates[i]; i++) {
		assert_true(lms_date_parse(dates[i], &d));
		lms_date_format(d, out);
		assert_string_equal(out, dates[i]);
	}
	assert_true(lms_date_parse("1970-01-02", &d));
	assert_int_equal(d, 1);
}

static void refuses_bad_dates(void **state)
{
	static const char *const bad[] = {
		"2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10",
		"2026-04-31", "2026-9-7", "26-09-07", "2026/09/07",
		"2026-09-07T10:00", "", "yesterday", "1899-12-31", NULL
	};
	int32_t d;

	(void)state;
	for (int i = 0; bad[i]; i++)
		if (lms_date_parse(bad[i], &d))
			fail_msg("accepted '%s'", bad[i]);
}

static void weekdays(void **state)
{
	int32_t d;

	(void)state;
	assert_true(lms_date_parse("2026-09-07", &d));
	assert_int_equal(lms_date_weekday(d), 0);	/* Monday */
	assert_true(lms_date_parse("2026-11-29", &d));
	assert_int_equal(lms_date_weekday(d), 6);	/* Sunday */
	assert_true(lms_date_parse("1969-12-31", &d));
	assert_int_equal(lms_date_weekday(d), 2);	/* Wednesday */
}

static void adds_months(void **state)
{
	int32_t d;
	char out[11];

	(void)state;
	assert_true(lms_date_parse("2026-01-31", &d));
	lms_date_format(lms_date_add_months(d, 1), out);
	assert_string_equal(out, "2026-02-28");
	lms_date_format(lms_date_add_months(d, 24), out);
	assert_string_equal(out, "2028-01-31");
	lms_date_format(lms_date_add_months(d, -2), out);
	assert_string_equal(out, "2025-11-30");
}

static void times(void **state)
{
	int t;
	char out[6];

	(void)state;
	assert_true(lms_time_parse("11:00", &t));
	assert_int_equal(t, 660);
	assert_true(lms_time_parse("00:00", &t));
	assert_true(lms_time_parse("23:59", &t));
	lms_time_format(t, out);
	assert_string_equal(out, "23:59");
	assert_false(lms_time_parse("24:00", &t));
	assert_false(lms_time_parse("9:00", &t));
	assert_false(lms_time_parse("09:60", &t));
	assert_false(lms_time_parse("0900", &t));
}

static void weekday_lists(void **state)
{
	unsigned d;

	(void)state;
	assert_true(lms_weekdays_parse("mon,thu", &d));
	assert_int_equal(d, LMS_MON | LMS_THU);
	assert_true(lms_weekdays_parse("mon-fri", &d));
	assert_int_equal(d, LMS_MON | LMS_TUE | LMS_WED | LMS_THU | LMS_FRI);
	assert_true(lms_weekdays_parse("sun", &d));
	assert_int_equal(d, LMS_SUN);
	assert_false(lms_weekdays_parse("monday", &d));
	assert_false(lms_weekdays_parse("fri-mon", &d));
	assert_false(lms_weekdays_parse("mon,", &d));
	assert_false(lms_weekdays_parse("", &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trips_dates),
		cmocka_unit_test(refuses_bad_dates),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(adds_months),
		cmocka_unit_test(times),
		cmocka_unit_test(weekday_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
