#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

#include "buf.h"
#include "error.h"
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

/* The shuffle of a_shuffle_sorted_in_place, into f. */
static void add_shuffled(struct lms_findings *f, int n)
{
	unsigned x = 12345;

	for (int i = 0; i < n; i++) {
		char path[32];

		x = x * 1103515245u + 12345u;
		snprintf(path, sizeof(path), "courses/c%02u/x.yaml",
			 (x >> 16) % 50);
		lms_finding(f, LMS_RULE_SCHEMA, i % 3 ? LMS_ERROR : LMS_WARNING,
			    path, (x >> 8) % 7, 1, "%d", i);
	}
}

struct seen {
	struct lms_buf text;
	size_t n, stop_at;
};

static int see(void *arg, const struct lms_finding *x)
{
	struct seen *s = arg;

	lms_buf_addf(&s->text, "%s:%u:%u:%s:%d:%s\n", x->path, x->line,
		     x->col, lms_severity_names[x->severity], x->rule, x->msg);
	return ++s->n == s->stop_at ? LMS_EREFUSED : 0;
}

/* Past held_max, runs in a temporary file: the same findings, in the
 * same order, as when all are held. */
static void runs_merged_as_one_sort_would_have_them(void **state)
{
	struct lms_findings held, runs;
	struct seen a = { LMS_BUF_INIT, 0, 0 }, b = { LMS_BUF_INIT, 0, 0 };

	(void)state;
	lms_findings_init(&held, LMS_ALL_RULES);
	lms_findings_init(&runs, LMS_ALL_RULES);
	runs.held_max = 4096;
	add_shuffled(&held, 5000);
	add_shuffled(&runs, 5000);
	assert_null(held.spill);
	assert_true(runs.nruns > 50);
	assert_true(runs.n < 100);
	assert_int_equal(lms_findings_count(&runs, LMS_WARNING), 1667);
	assert_int_equal(lms_findings_count(&runs, LMS_ERROR), 3333);
	assert_int_equal(lms_findings_each(&held, see, &a), 0);
	assert_int_equal(lms_findings_each(&runs, see, &b), 0);
	assert_int_equal(a.n, 5000);
	assert_int_equal(b.n, 5000);
	assert_string_equal(a.text.buf, b.text.buf);
	/* each leaves them empty */
	assert_int_equal(runs.n + runs.nruns, 0);
	assert_int_equal(lms_findings_count(&runs, LMS_ERROR), 0);
	lms_buf_release(&a.text);
	lms_buf_release(&b.text);
	lms_findings_release(&held);
	lms_findings_release(&runs);
}

/* A finding moved in from a course's list is one of the list it joins,
 * in the place it joins it, and may send them to a run. */
static void moved_findings_keep_their_order_across_runs(void **state)
{
	struct lms_findings out, course;
	struct seen s = { LMS_BUF_INIT, 0, 0 };
	struct lms_buf want = LMS_BUF_INIT;

	(void)state;
	lms_findings_init(&out, LMS_ALL_RULES);
	out.held_max = 512;
	for (int i = 0; i < 40; i++) {
		lms_findings_init(&course, LMS_ALL_RULES);
		lms_finding(&course, LMS_RULE_DATES, LMS_ERROR, "a", 1, 1,
			    "%d", i);
		lms_findings_move(&out, &course);
		lms_findings_release(&course);
		lms_buf_addf(&want, "a:1:1:error:1:%d\n", i);
	}
	assert_true(out.nruns > 1);
	assert_int_equal(lms_findings_each(&out, see, &s), 0);
	assert_int_equal(s.n, 40);
	assert_string_equal(s.text.buf, want.buf);
	lms_buf_release(&s.text);
	lms_buf_release(&want);
	lms_findings_release(&out);
}

/* A finding longer than what a run's reader reads at a time comes back
 * whole, between two short ones. */
static void a_long_finding_in_a_run(void **state)
{
	struct lms_findings f;
	struct seen s = { LMS_BUF_INIT, 0, 0 };
	size_t len = 200000;
	char *big = malloc(len + 1);

	(void)state;
	memset(big, 'x', len);
	big[len] = '\0';
	lms_findings_init(&f, LMS_ALL_RULES);
	f.held_max = 1024;
	lms_finding(&f, LMS_RULE_SCHEMA, LMS_ERROR, "a", 1, 1, "short");
	lms_finding(&f, LMS_RULE_SCHEMA, LMS_ERROR, "b", 1, 1, "%s", big);
	lms_finding(&f, LMS_RULE_SCHEMA, LMS_ERROR, "c", 1, 1, "short");
	assert_int_equal(f.nruns, 1);	/* a and b; c held */
	assert_int_equal(f.n, 1);
	assert_int_equal(lms_findings_each(&f, see, &s), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.text.len, strlen("a:1:1:error:0:short\n") * 2 +
			 strlen("b:1:1:error:0:\n") + len);
	assert_non_null(strstr(s.text.buf, "\nb:1:1:error:0:xxx"));
	assert_string_equal(s.text.buf + s.text.len - 21,
			    "\nc:1:1:error:0:short\n");
	free(big);
	lms_buf_release(&s.text);
	lms_findings_release(&f);
}

/* What each returns stops it, and the rest are freed all the same
 * (the sanitizer build sees a leak). */
static void stopped_by_what_each_returns(void **state)
{
	struct lms_findings f;
	struct seen s = { LMS_BUF_INIT, 0, 10 };

	(void)state;
	lms_findings_init(&f, LMS_ALL_RULES);
	f.held_max = 2048;
	add_shuffled(&f, 500);
	assert_int_equal(lms_findings_each(&f, see, &s), LMS_EREFUSED);
	assert_int_equal(s.n, 10);
	assert_int_equal(f.n + f.nruns, 0);
	lms_buf_release(&s.text);
	lms_findings_release(&f);
}

static int stop_at_once(void *arg, const struct lms_finding *x)
{
	(void)arg;
	(void)x;
	return 1;
}

/* What each returns is each's, whatever it is, also where runs are read:
 * never taken for an error of the file. */
static void each_says_what_stopped_it(void **state)
{
	struct lms_findings f;

	(void)state;
	lms_findings_init(&f, LMS_ALL_RULES);
	f.held_max = 2048;
	add_shuffled(&f, 500);
	assert_true(f.nruns > 0);
	assert_int_equal(lms_findings_each(&f, stop_at_once, NULL), 1);
	assert_int_equal(lms_last_error()->code, 0);
	lms_findings_release(&f);
}

/* A temporary file that cannot be made is an error that says where, when
 * the findings are read, not lost findings. */
static void a_folder_without_room_for_runs_fails(void **state)
{
	struct lms_findings f;
	struct seen s = { LMS_BUF_INIT, 0, 0 };

	(void)state;
	lms_findings_init(&f, LMS_ALL_RULES);
	f.held_max = 1024;
	f.tmpdir = "/nonexistent/folder";
	add_shuffled(&f, 100);
	assert_int_equal(lms_findings_each(&f, see, &s), LMS_EIO);
	assert_int_equal(s.n, 0);
	assert_string_equal(lms_last_error()->msg,
			    "cannot use a temporary file in /nonexistent/folder "
			    "for the findings: No such file or directory");
	lms_error_clear();
	lms_buf_release(&s.text);
	lms_findings_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_the_rules_asked_for),
		cmocka_unit_test(sorted_by_place_keeping_order_within_one),
		cmocka_unit_test(a_shuffle_sorted_in_place),
		cmocka_unit_test(moved_from_one_list_to_another),
		cmocka_unit_test(runs_merged_as_one_sort_would_have_them),
		cmocka_unit_test(moved_findings_keep_their_order_across_runs),
		cmocka_unit_test(a_long_finding_in_a_run),
		cmocka_unit_test(stopped_by_what_each_returns),
		cmocka_unit_test(each_says_what_stopped_it),
		cmocka_unit_test(a_folder_without_room_for_runs_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
