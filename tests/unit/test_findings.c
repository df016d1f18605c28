#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "findings.h"

static void only_the_rules_asked_for(void **state)
{
	struct lms_findings f;

	(void)state;
	lms_findings_init(&f, 1u << LMS_RULE_DATES);
	lms_finding(&f, LMS_RULE_SCHEMA, LMS_ERROR, "a", 1, 1, "not kept");
	lms_finding(&f, LMS_RULE_DATES, LMS_WARNING, "a", 2, 1, "kept %d", 2);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].msg, "kept 2");
	assert_int_equal(lms_findings_count(&f, LMS_WARNING), 1);
	assert_int_equal(lms_findings_count(&f, LMS_ERROR), 0);
	lms_findings_release(&f);
}

static void sorted_by_place_keeping_order_within_one(void **state)
{
	struct lms_findings f;

	(void)state;
	lms_findings_init(&f, LMS_ALL_RULES);
	lms_finding(&f, LMS_RULE_DATES, LMS_ERROR, "b", 1, 1, "b1");
	lms_finding(&f, LMS_RULE_DATES, LMS_ERROR, "a", 10, 1, "a10");
	lms_finding(&f, LMS_RULE_DATES, LMS_ERROR, "a", 9, 5, "a9-5");
	lms_finding(&f, LMS_RULE_SCHEMA, LMS_ERROR, "a", 9, 5, "a9-5 second");
	lms_finding(&f, LMS_RULE_DATES, LMS_ERROR, "a", 9, 2, "a9-2");
	lms_finding(&f, LMS_RULE_PRIVACY, LMS_ERROR, "a", 0, 0, "a, no line");
	lms_findings_sort(&f);
	assert_int_equal(f.n, 6);
	assert_string_equal(f.v[0].msg, "a, no line");
	assert_string_equal(f.v[1].msg, "a9-2");
	assert_string_equal(f.v[2].msg, "a9-5");
	assert_string_equal(f.v[3].msg, "a9-5 second");
	assert_string_equal(f.v[4].msg, "a10");
	assert_string_equal(f.v[5].msg, "b1");
	lms_findings_release(&f);
}

/* Many, in a shuffled order with long cycles and places shared: each in
 * order of place, and those at one place in the order they were found. */
static void a_shuffle_sorted_in_place(void **state)
{
	struct lms_findings f;
	unsigned x = 12345;

	(void)state;
	lms_findings_init(&f, LMS_ALL_RULES);
	for (int i = 0; i < 5000; i++) {
		char path[32];

		x = x * 1103515245u + 12345u;
		snprintf(path, sizeof(path), "courses/c%02u/x.yaml",
			 (x >> 16) % 50);
		lms_finding(&f, LMS_RULE_SCHEMA, LMS_ERROR, path,
			    (x >> 8) % 7, 1, "%d", i);
	}
	lms_findings_sort(&f);
	assert_int_equal(f.n, 5000);
	for (size_t i = 1; i < f.n; i++) {
		const struct lms_finding *a = &f.v[i - 1], *b = &f.v[i];
		int c = strcmp(a->path, b->path);

		assert_true(c < 0 || (c == 0 && a->line < b->line) ||
			    (c == 0 && a->line == b->line &&
			     atoi(a->msg) < atoi(b->msg)));
	}
	lms_findings_release(&f);
}

static void moved_from_one_list_to_another(void **state)
{
	struct lms_findings a, b;

	(void)state;
	lms_findings_init(&a, LMS_ALL_RULES);
	lms_findings_init(&b, LMS_ALL_RULES);
	lms_finding(&a, LMS_RULE_DATES, LMS_ERROR, "a", 1, 1, "first");
	lms_finding(&b, LMS_RULE_DATES, LMS_ERROR, "b", 1, 1, "second");
	lms_findings_move(&a, &b);
	assert_int_equal(a.n, 2);
	assert_int_equal(b.n, 0);
	assert_string_equal(a.v[1].msg, "second");
	lms_findings_release(&a);
	lms_findings_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_the_rules_asked_for),
		cmocka_unit_test(sorted_by_place_keeping_order_within_one),
		cmocka_unit_test(a_shuffle_sorted_in_place),
		cmocka_unit_test(moved_from_one_list_to_another),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
