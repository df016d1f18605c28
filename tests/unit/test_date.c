#include "test.h"

#include "date.h"

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
	assert_false(lms_weekdays_parse("fri-mon", &d));
	assert_false(lms_weekdays_parse("mon,", &d));
	assert_false(lms_weekdays_parse("", &d));
}

/* The date that s reads as, as YYYY-MM-DD, or "" when it is refused. */
static const char *input_date(const char *s)
{
	static char out[11];
	int32_t d;

	if (!lms_date_parse_input(s, &d))
		return "";
	lms_date_format(d, out);
	return out;
}

static void reads_dates_as_people_write_them(void **state)
{
	static const char *const good[][2] = {
		{ "2026-09-07", "2026-09-07" }, { "07.09.2026", "2026-09-07" },
		{ "7.9.2026", "2026-09-07" }, { "7.9.26", "2026-09-07" },
		{ "07.09.26", "2026-09-07" }, { "7.09.2026", "2026-09-07" },
		{ "31.12.2026", "2026-12-31" }, { "1.1.00", "2000-01-01" },
		{ "31.12.99", "2099-12-31" }, { "29.2.2028", "2028-02-29" },
		{ "29.2.24", "2024-02-29" }, { "29.02.2000", "2000-02-29" },
		{ "1.3.1900", "1900-03-01" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (strcmp(input_date(good[i][0]), good[i][1]))
			fail_msg("'%s' read as '%s', not %s", good[i][0],
				 input_date(good[i][0]), good[i][1]);
}

static void refuses_dates_that_are_not(void **state)
{
	static const char *const bad[] = {
		/* Days that do not exist, leap years included. */
		"31.2.2026", "29.2.2027", "29.2.27", "29.2.2100", "31.4.2026",
		"31.13.2026", "0.9.2026", "7.0.2026", "32.1.2026", "2026-02-29",
		/* Forms that are not dates, or not clearly one. */
		"7.9.226", "7.9.2", "7.9", "7.9.", "7.9.2026.", "007.9.2026",
		"7.009.2026", "7/9/2026", "7-9-2026", "2026.09.07", "2026-9-7",
		"26-09-07", " 7.9.2026", "7.9.2026 ", "7. 9. 2026", "7.9.20260",
		"1.1.1899", "", ".", "..", "x.9.2026", "7.x.2026", "7.9.x",
		"+7.9.2026", "7.9.-26", NULL
	};
	int32_t d;

	(void)state;
	for (int i = 0; bad[i]; i++)
		if (lms_date_parse_input(bad[i], &d))
			fail_msg("accepted '%s'", bad[i]);
}

static void files_keep_iso_dates(void **state)
{
	static const char *const norwegian[] = {
		"07.09.2026", "7.9.2026", "7.9.26", NULL
	};
	int32_t d;

	(void)state;
	for (int i = 0; norwegian[i]; i++)
		if (lms_date_parse(norwegian[i], &d))
			fail_msg("a file may not hold '%s'", norwegian[i]);
}

/* The time s reads as, or -2 when it is refused. */
static int input_time(const char *s)
{
	int t;

	return lms_time_parse_input(s, &t) ? t : -2;
}

static void reads_times_as_people_write_them(void **state)
{
	(void)state;
	assert_int_equal(input_time("18:00"), 18 * 60);
	assert_int_equal(input_time("18.00"), 18 * 60);
	assert_int_equal(input_time("18.30"), 18 * 60 + 30);
	assert_int_equal(input_time("kl. 18.00"), 18 * 60);
	assert_int_equal(input_time("Kl. 18.15"), 18 * 60 + 15);
	assert_int_equal(input_time("kl.18.00"), 18 * 60);
	assert_int_equal(input_time("kl 18"), 18 * 60);
	assert_int_equal(input_time("KL 9.30"), 9 * 60 + 30);
	assert_int_equal(input_time("18"), 18 * 60);
	assert_int_equal(input_time("9"), 9 * 60);
	assert_int_equal(input_time("09:05"), 9 * 60 + 5);
	assert_int_equal(input_time("0.00"), 0);
	assert_int_equal(input_time("23.59"), 23 * 60 + 59);
	assert_int_equal(input_time(" kl. 18.00 "), 18 * 60);
}

static void refuses_times_that_are_not(void **state)
{
	static const char *const bad[] = {
		"24.00", "24", "18.60", "18.0", "18.000", "1800", "18:", "18.",
		"kl.", "kl", "kl. ", "klokka 18", "k 18", "18 kl", "18h",
		"18.00-20.00", "18,00", "-1", "", "6 pm", "18:00:00", "123",
		"kl. kl. 18", NULL
	};
	int t;

	(void)state;
	for (int i = 0; bad[i]; i++)
		if (lms_time_parse_input(bad[i], &t))
			fail_msg("accepted '%s'", bad[i]);
	/* Files keep HH:MM. */
	assert_false(lms_time_parse("18.00", &t));
	assert_false(lms_time_parse("kl. 18", &t));
}

static void reads_spans_of_time(void **state)
{
	static const struct {
		const char *s;
		int start, end;
	} good[] = {
		{ "18:00-20:00", 1080, 1200 }, { "18.00-20.00", 1080, 1200 },
		{ "kl. 18.00-20.00", 1080, 1200 },
		{ "kl. 18.00\u201320.00", 1080, 1200 },
		{ "kl. 18.00 \u2013 20.00", 1080, 1200 },
		{ "18 - 20", 1080, 1200 }, { "kl 18-kl 20.30", 1080, 1230 },
		{ "9.30-11", 570, 660 }, { "18.00", 1080, LMS_TIME_NONE },
		{ "kl. 18", 1080, LMS_TIME_NONE },
	};
	static const char *const bad[] = {
		"18.00-", "-20.00", "18.00--20.00", "18.00-20.60",
		"18.00\u201420.00", "18.00 til 20.00", "18.00-20.00-21.00",
		"", "kl.", NULL
	};
	int start, end;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		start = end = -2;
		if (!lms_time_span_parse_input(good[i].s, &start, &end))
			fail_msg("refused '%s'", good[i].s);
		assert_int_equal(start, good[i].start);
		assert_int_equal(end, good[i].end);
	}
	for (int i = 0; bad[i]; i++)
		if (lms_time_span_parse_input(bad[i], &start, &end))
			fail_msg("accepted '%s'", bad[i]);
}

static void norwegian_weekdays(void **state)
{
	unsigned d;

	(void)state;
	assert_true(lms_weekdays_parse("man,ons", &d));
	assert_int_equal(d, LMS_MON | LMS_WED);
	assert_true(lms_weekdays_parse("tir,tor,fre,lør,søn", &d));
	assert_int_equal(d, LMS_TUE | LMS_THU | LMS_FRI | LMS_SAT | LMS_SUN);
	assert_true(lms_weekdays_parse("mandag,onsdag", &d));
	assert_int_equal(d, LMS_MON | LMS_WED);
	assert_true(lms_weekdays_parse("tirsdag,torsdag,fredag,lørdag,søndag",
				       &d));
	assert_int_equal(d, LMS_TUE | LMS_THU | LMS_FRI | LMS_SAT | LMS_SUN);
	assert_true(lms_weekdays_parse("Mandag,ONSDAG,LØRDAG,Søn", &d));
	assert_int_equal(d, LMS_MON | LMS_WED | LMS_SAT | LMS_SUN);
	assert_true(lms_weekdays_parse("man-fre", &d));
	assert_int_equal(d, LMS_MON | LMS_TUE | LMS_WED | LMS_THU | LMS_FRI);
	assert_true(lms_weekdays_parse("mandag\u2013onsdag", &d));
	assert_int_equal(d, LMS_MON | LMS_TUE | LMS_WED);
	assert_true(lms_weekdays_parse("man, tor", &d));
	assert_int_equal(d, LMS_MON | LMS_THU);
	assert_true(lms_weekdays_parse("Monday,thu", &d));
	assert_int_equal(d, LMS_MON | LMS_THU);
	assert_true(lms_weekdays_parse("lør-sun", &d));
	assert_int_equal(d, LMS_SAT | LMS_SUN);
	/* Real spellings only. */
	assert_false(lms_weekdays_parse("lor", &d));
	assert_false(lms_weekdays_parse("son", &d));
	assert_false(lms_weekdays_parse("ma", &d));
	assert_false(lms_weekdays_parse("mandagen", &d));
	assert_false(lms_weekdays_parse("man.", &d));
	assert_false(lms_weekdays_parse("fre-man", &d));
	assert_false(lms_weekdays_parse("man,,ons", &d));
	assert_false(lms_weekdays_parse("man-", &d));
	assert_false(lms_weekdays_parse(" ", &d));
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
		cmocka_unit_test(reads_dates_as_people_write_them),
		cmocka_unit_test(refuses_dates_that_are_not),
		cmocka_unit_test(files_keep_iso_dates),
		cmocka_unit_test(reads_times_as_people_write_them),
		cmocka_unit_test(refuses_times_that_are_not),
		cmocka_unit_test(reads_spans_of_time),
		cmocka_unit_test(norwegian_weekdays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
