#include <stdio.h>

#include "test.h"

#include "municipality.h"

static void read_ok(const char *text, const char *number, int how)
{
	char out[5] = "";
	int got = 0;

	assert_int_equal(lms_municipality_lookup(text, out, &got), 0);
	assert_string_equal(out, number);
	assert_int_equal(got, how);
}

static void refused(const char *text, const char *msg)
{
	char out[5];
	int how;

	assert_error(lms_municipality_lookup(text, out, &how), LMS_EDATA, 0, 0,
		     msg);
}

static void the_table_of_2024(void **state)
{
	size_t n;
	const struct lms_municipality *m = lms_municipalities(&n);

	(void)state;
	assert_int_equal(n, 357);
	assert_string_equal(m[0].number, "0301");
	assert_string_equal(lms_municipality_name("1804"), "Bodø");
	assert_string_equal(lms_municipality_name("1806"), "Narvik");
	assert_string_equal(lms_municipality_name("5636"), "Unjárga - Nesseby");
	assert_null(lms_municipality_name("1805"));
	assert_null(lms_municipality_name("9999"));
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(m[i - 1].number, m[i].number) < 0);
}

/* Every name and every part of a name in several languages finds its
 * municipality, but for the two names that two municipalities share:
 * the table of folded names agrees with the names. */
static void every_name_is_found(void **state)
{
	size_t n;
	const struct lms_municipality *m = lms_municipalities(&n);
	char out[5];
	int how;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		char part[128];
		const char *p = m[i].name, *dash;

		assert_int_equal(lms_municipality_lookup(m[i].name, out, &how), 0);
		assert_string_equal(out, m[i].number);
		assert_int_equal(lms_municipality_lookup(m[i].number, out, &how), 0);
		assert_int_equal(how, LMS_MUNI_NUMBER);
		for (; (dash = strstr(p, " - ")); p = dash + 3) {
			snprintf(part, sizeof(part), "%.*s", (int)(dash - p), p);
			assert_int_equal(lms_municipality_lookup(part, out, &how), 0);
			assert_string_equal(out, m[i].number);
		}
		if (p != m[i].name) {
			assert_int_equal(lms_municipality_lookup(p, out, &how), 0);
			assert_string_equal(out, m[i].number);
		}
	}
}

static void names_as_people_write_them(void **state)
{
	(void)state;
	read_ok("Bodø", "1804", LMS_MUNI_NAME);
	read_ok("bodø kommune", "1804", LMS_MUNI_NAME);
	read_ok("  BODØ  ", "1804", LMS_MUNI_NAME);
	read_ok("Bodo", "1804", LMS_MUNI_NAME);
	read_ok("Aalesund", "1508", LMS_MUNI_NAME);
	read_ok("Baerum", "3201", LMS_MUNI_NAME);
	read_ok("Bærum kommune", "3201", LMS_MUNI_NAME);
	read_ok("aurskog høland", "3226", LMS_MUNI_NAME);
	read_ok("Tjeldsund", "5512", LMS_MUNI_NAME);
	read_ok("Karasjok", "5610", LMS_MUNI_NAME);
	read_ok("Kárášjohka", "5610", LMS_MUNI_NAME);
	read_ok("Evenássi", "1853", LMS_MUNI_NAME);
	read_ok("Hamarøy", "1875", LMS_MUNI_NAME);
	read_ok("Raane", "1833", LMS_MUNI_NAME);
	read_ok("Herøy (Nordland)", "1818", LMS_MUNI_NAME);
	read_ok("Våler (Innlandet)", "3419", LMS_MUNI_NAME);
	read_ok("1804 Bodø", "1804", LMS_MUNI_NUMBER);
	read_ok("1806 - Narvik kommune", "1806", LMS_MUNI_NUMBER);
}

static void numbers_old_and_new(void **state)
{
	(void)state;
	read_ok("1806", "1806", LMS_MUNI_NUMBER);
	read_ok(" 0301 ", "0301", LMS_MUNI_NUMBER);
	/* A spreadsheet that took the number for a number. */
	read_ok("301", "0301", LMS_MUNI_NUMBER);
	/* Retired in 2020 and in 2024, read as their successors. */
	read_ok("1805", "1806", LMS_MUNI_RETIRED);
	read_ok("1854", "1806", LMS_MUNI_RETIRED);
	read_ok("3001", "3101", LMS_MUNI_RETIRED);
	read_ok("0101", "3101", LMS_MUNI_RETIRED);
	read_ok("5401", "5501", LMS_MUNI_RETIRED);
	read_ok("1902", "5501", LMS_MUNI_RETIRED);
	read_ok("1805 Narvik", "1806", LMS_MUNI_RETIRED);
}

static void what_is_no_municipality(void **state)
{
	const char *name;
	int until;

	(void)state;
	refused("9999", "'9999' is not the number of a municipality");
	refused("0999", "'0999' is not the number of a municipality");
	refused("18060", "'18060' is not the number of a municipality");
	refused("18", "'18' is not the number of a municipality");
	refused("Bodøø", "'Bodøø' is neither the name nor the number of a "
		"municipality");
	refused("Herøy", "'Herøy' is the name of 2 municipalities, 1515 Herøy "
		"(Møre og Romsdal) and 1818 Herøy (Nordland): give the number");
	refused("Våler", "'Våler' is the name of 2 municipalities, 3114 Våler "
		"(Østfold) and 3419 Våler (Innlandet): give the number");
	refused("1850", "1850 was Divtasvuodna - Tysfjord until 2019, and is "
		"now part of 1806 Narvik and 1875 Hábmer - Hamarøy: give the "
		"number of today");
	refused("1507", "1507 was Ålesund until 2023, and is now part of 1508 "
		"Ålesund and 1580 Haram: give the number of today");
	refused("1804 Narvik", "'1804 Narvik': the number is that of 1804 Bodø");
	assert_true(lms_municipality_retired("1805", &name, &until));
	assert_string_equal(name, "Narvik");
	assert_int_equal(until, 2019);
	assert_false(lms_municipality_retired("1806", &name, &until));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_table_of_2024),
		cmocka_unit_test(every_name_is_found),
		cmocka_unit_test(names_as_people_write_them),
		cmocka_unit_test(numbers_old_and_new),
		cmocka_unit_test(what_is_no_municipality),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
