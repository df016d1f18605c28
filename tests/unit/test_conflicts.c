#include <stdlib.h>

#include "test.h"

#include "conflicts.h"
#include "date.h"
#include "i18n.h"

static char root[] = ".", id_a[] = "a", id_b[] = "b", id_c[] = "c";
static struct lms_tree tree = { .root = root };
static char *ids[] = { id_a, id_b, id_c };

/* A session on 2026-09-07 from start to end (as "HH:MM"), on line. */
static struct lms_session at(const char *start, const char *end,
			     unsigned line)
{
	struct lms_session s = { .mark = { line, 5, 0 } };

	assert_true(lms_date_parse("2026-09-07", &s.date));
	assert_true(lms_time_parse(start, &s.start));
	assert_true(lms_time_parse(end, &s.end));
	return s;
}

static void check(struct lms_bookings *b, const bool *selected,
		  struct lms_findings *out)
{
	lms_findings_init(out, LMS_ALL_RULES);
	lms_bookings_check(b, &tree, ids, selected, out);
	lms_findings_sort(out);
}

static void overlaps_of_two_courses_once(void **state)
{
	struct lms_bookings b;
	struct lms_findings f;
	struct lms_session s1 = at("11:00", "14:00", 10),
			   s2 = at("13:00", "15:00", 20),
			   s3 = at("15:00", "16:00", 30),
			   s4 = at("12:00", "12:30", 40);

	(void)state;
	lms_bookings_init(&b, "facilitator", LMS_ERROR);
	lms_bookings_add(&b, "kari", 0, &s1);
	lms_bookings_add(&b, "kari", 1, &s2);
	lms_bookings_add(&b, "kari", 2, &s3);	/* right after: no conflict */
	lms_bookings_add(&b, "kari", 0, &s4);	/* its own course: no conflict */
	lms_bookings_add(&b, "ola", 2, &s1);	/* someone else */
	check(&b, NULL, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].path, "courses/b/course.yaml");
	assert_int_equal(f.v[0].line, 20);
	assert_string_equal(f.v[0].msg, "facilitator 'kari' is booked at the "
			    "same time by a on 2026-09-07 11:00-14:00 "
			    "(courses/a/course.yaml:10)");
	lms_findings_release(&f);
	lms_bookings_release(&b);
}

static void places_fold_case_and_spaces(void **state)
{
	struct lms_bookings b;
	struct lms_findings f;
	struct lms_session s1 = at("11:00", "14:00", 10),
			   s2 = at("12:00", "13:00", 20);

	(void)state;
	lms_bookings_init(&b, "place", LMS_WARNING);
	lms_bookings_add(&b, "Helsehuset", 0, &s1);
	lms_bookings_add(&b, " helsehuset ", 1, &s2);
	lms_bookings_add(&b, "", 2, &s2);	/* no place: nothing booked */
	check(&b, NULL, &f);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.v[0].severity, LMS_WARNING);
	lms_findings_release(&f);
	lms_bookings_release(&b);
}

static void only_in_the_courses_chosen(void **state)
{
	struct lms_bookings b;
	struct lms_findings f;
	struct lms_session s1 = at("11:00", "14:00", 10),
			   s2 = at("13:00", "15:00", 20);
	const bool a_only[] = { true, false, false };
	const bool c_only[] = { false, false, true };

	(void)state;
	lms_bookings_init(&b, "facilitator", LMS_ERROR);
	lms_bookings_add(&b, "kari", 0, &s1);
	lms_bookings_add(&b, "kari", 1, &s2);
	check(&b, a_only, &f);
	/* Reported in the chosen course's file, naming the other. */
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].path, "courses/a/course.yaml");
	lms_findings_release(&f);
	check(&b, c_only, &f);
	assert_int_equal(f.n, 0);
	lms_findings_release(&f);
	lms_bookings_release(&b);
}

/* Wanted keys and days: the others' bookings kept are only those, with
 * the same findings as keeping all; another day or key is not kept. */
static void only_the_keys_and_days_wanted(void **state)
{
	struct lms_bookings b;
	struct lms_findings f;
	struct lms_session s1 = at("11:00", "14:00", 10),
			   s2 = at("13:00", "15:00", 20),
			   later = at("11:00", "14:00", 30);
	const bool a_only[] = { true, false, false };

	(void)state;
	later.date++;
	lms_bookings_init(&b, "place", LMS_WARNING);
	lms_bookings_want(&b, " Helsehuset", &s1);
	lms_bookings_add(&b, "helsehuset ", 1, &s2);
	lms_bookings_add(&b, "Helsehuset", 2, &later);	/* another day */
	lms_bookings_add(&b, "Rådhuset", 2, &s2);	/* another place */
	lms_bookings_add(&b, "Helsehuset", 0, &s1);
	assert_int_equal(b.n, 2);
	check(&b, a_only, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].path, "courses/a/course.yaml");
	lms_findings_release(&f);
	lms_bookings_release(&b);
}

/* No bookings at all (a tree without places): nothing to sort, and no
 * qsort of a null array, which UBSan would stop. */
static void no_bookings(void **state)
{
	struct lms_bookings b;
	struct lms_findings f;

	(void)state;
	lms_bookings_init(&b, "place", LMS_WARNING);
	check(&b, NULL, &f);
	assert_int_equal(f.n, 0);
	lms_findings_release(&f);
	lms_bookings_release(&b);
}

/* In Norwegian: a whole sentence for each of what is booked, with the
 * date and times as Norwegians write them. */
static void in_norwegian(void **state)
{
	struct lms_bookings people, places;
	struct lms_findings f;
	struct lms_session s1 = at("11:00", "14:00", 10),
			   s2 = at("13:00", "15:00", 20);
	enum lms_lang was = lms_i18n_set(LMS_LANG_NB);

	(void)state;
	lms_bookings_init(&people, "facilitator", LMS_ERROR);
	lms_bookings_init(&places, "place", LMS_WARNING);
	lms_bookings_add(&people, "kari", 0, &s1);
	lms_bookings_add(&people, "kari", 1, &s2);
	lms_bookings_add(&places, "Helsehuset", 0, &s1);
	lms_bookings_add(&places, "Helsehuset", 1, &s2);
	lms_findings_init(&f, LMS_ALL_RULES);
	lms_bookings_check(&people, &tree, ids, NULL, &f);
	lms_bookings_check(&places, &tree, ids, NULL, &f);
	lms_i18n_set(was);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.v[0].msg, "kurslederen «kari» er samtidig satt "
			    "opp på kurset a den 07.09.2026 kl. 11.00–14.00 "
			    "(courses/a/course.yaml:10)");
	assert_string_equal(f.v[1].msg, "stedet «Helsehuset» brukes samtidig "
			    "av kurset a den 07.09.2026 kl. 11.00–14.00 "
			    "(courses/a/course.yaml:10)");
	lms_findings_release(&f);
	lms_bookings_release(&people);
	lms_bookings_release(&places);
}

/* Past run_max, the bookings go to a temporary file in sorted runs; the
 * merge of the runs finds what one sort in memory finds. */
static void spilled_runs_find_the_same(void **state)
{
	static const char *const who[] = { "kari", "ola", "Per" };
	struct lms_bookings held, spilled;
	struct lms_findings a, b;
	unsigned seed = 7;

	(void)state;
	lms_bookings_init(&held, "facilitator", LMS_ERROR);
	lms_bookings_init(&spilled, "facilitator", LMS_ERROR);
	spilled.run_max = 3;
	for (unsigned i = 0; i < 40; i++) {
		struct lms_session s = at("10:00", "11:00", 10 + i);

		seed = seed * 1103515245u + 12345u;
		s.date += (int32_t)((seed >> 16) % 3);
		s.start = (int)(480 + (seed >> 8) % 480);
		s.end = s.start + 30 + (int)((seed >> 4) % 120);
		lms_bookings_add(&held, who[(seed >> 20) % 3], i % 3, &s);
		lms_bookings_add(&spilled, who[(seed >> 20) % 3], i % 3, &s);
	}
	assert_non_null(spilled.spill);
	check(&held, NULL, &a);
	check(&spilled, NULL, &b);
	assert_true(a.n > 0);
	assert_int_equal(a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		assert_string_equal(a.v[i].path, b.v[i].path);
		assert_int_equal(a.v[i].line, b.v[i].line);
		assert_string_equal(a.v[i].msg, b.v[i].msg);
	}
	lms_findings_release(&a);
	lms_findings_release(&b);
	lms_bookings_release(&held);
	lms_bookings_release(&spilled);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(overlaps_of_two_courses_once),
		cmocka_unit_test(places_fold_case_and_spaces),
		cmocka_unit_test(only_in_the_courses_chosen),
		cmocka_unit_test(only_the_keys_and_days_wanted),
		cmocka_unit_test(no_bookings),
		cmocka_unit_test(in_norwegian),
		cmocka_unit_test(spilled_runs_find_the_same),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
