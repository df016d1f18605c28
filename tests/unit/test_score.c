#include <math.h>
#include <stdlib.h>

#include "test.h"

#include "evaluation.h"
#include "form.h"
#include "score.h"

#define NEAR(x, want) assert_true(fabs((x) - (want)) < 1e-9)

static const char form_text[] =
	"id: f\ntitle: F\nscale: {min: 1, max: 4, labels: [a, b, c, d]}\n"
	"items:\n"
	"  - {id: q1, text: Q1}\n  - {id: q2, text: Q2}\n"
	"  - {id: q3, text: Q3}\n  - {id: q4, text: Q4, reverse: true}\n"
	"  - {id: q5, text: Q5}\n  - {id: c, text: C, type: text}\n";

static struct lms_form form;
static struct lms_evaluations ev;

static int setup(void **state)
{
	(void)state;
	assert_int_equal(lms_form_load(&form, "f", form_text, strlen(form_text),
				       "f", NULL), 0);
	memset(&ev, 0, sizeof(ev));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_form_release(&form);
	lms_evaluations_release(&ev);
	return 0;
}

static void load(const char *text)
{
	lms_evaluations_release(&ev);
	assert_int_equal(lms_evaluations_load(&ev, "e", text, strlen(text)), 0);
}

static void scores_flip_reversed_items(void **state)
{
	double s;

	(void)state;
	load("- {form: f, phase: pre, answers: {q1: 1, q2: 2, q3: 3, q4: 1, "
	     "q5: 4, c: \"fint\"}}\n");
	/* q4 reversed: 4 + 1 - 1 = 4; mean of 1, 2, 3, 4, 4. */
	assert_true(lms_score(&form, &ev.v[0], &s));
	NEAR(s, 14.0 / 5);
	form.score = LMS_SCORE_SUM;
	assert_true(lms_score(&form, &ev.v[0], &s));
	NEAR(s, 14);
}

static void needs_eighty_percent(void **state)
{
	double s;

	(void)state;
	/* Four of five items is 80 %: scored; a sum is scaled up. */
	load("- {form: f, phase: pre, answers: {q1: 2, q2: 2, q3: 2, q5: 2}}\n"
	     "- {form: f, phase: pre, answers: {q1: 2, q2: 2, q3: 2, c: x}}\n");
	assert_true(lms_score(&form, &ev.v[0], &s));
	NEAR(s, 2);
	form.score = LMS_SCORE_SUM;
	assert_true(lms_score(&form, &ev.v[0], &s));
	NEAR(s, 10);
	/* Three of five is not: the text answer does not count. */
	assert_false(lms_score(&form, &ev.v[1], &s));
}

static void pairs_first_pre_and_last_post(void **state)
{
	double *before, *after;

	(void)state;
	load("- {form: f, phase: post, person: p-a, date: 2026-09-30, "
	     "answers: {q1: 4, q2: 4, q3: 4, q4: 1, q5: 4}}\n"
	     "- {form: f, phase: pre, person: p-a, date: 2026-09-08, "
	     "answers: {q1: 2, q2: 2, q3: 2, q4: 3, q5: 2}}\n"
	     "- {form: f, phase: pre, person: p-a, date: 2026-09-01, "
	     "answers: {q1: 1, q2: 1, q3: 1, q4: 4, q5: 1}}\n"
	     "- {form: f, phase: post, person: p-a, date: 2026-09-20, "
	     "answers: {q1: 3, q2: 3, q3: 3, q4: 2, q5: 3}}\n"
	     "- {form: f, phase: pre, person: p-b, date: 2026-09-01, "
	     "answers: {q1: 2, q2: 2, q3: 2, q4: 3, q5: 2}}\n"
	     "- {form: f, phase: post, date: 2026-09-30, "
	     "answers: {q1: 4, q2: 4, q3: 4, q4: 1, q5: 4}}\n"
	     "- {form: g, phase: post, person: p-b, date: 2026-09-30, "
	     "answers: {q1: 4}}\n");
	/* p-a: the pre of 09-01 and the post of 09-30; p-b has no post in
	 * form f; the anonymous post pairs with nobody. */
	assert_int_equal(lms_pairs(&form, &ev, &before, &after, NULL), 1);
	NEAR(before[0], 1);
	NEAR(after[0], 4);
	free(before);
	free(after);
}

static void summarises_a_course(void **state)
{
	struct lms_form_summary s;

	(void)state;
	load("- {form: f, phase: pre, person: p-a, answers: {q1: 1, q2: 1, "
	     "q3: 1, q4: 4, q5: 1}}\n"
	     "- {form: f, phase: pre, person: p-b, answers: {q1: 2, q2: 2, "
	     "q3: 2, q4: 3, q5: 2}}\n"
	     "- {form: f, phase: pre, person: p-c, answers: {q1: 2}}\n"
	     "- {form: f, phase: post, person: p-a, answers: {q1: 3, q2: 3, "
	     "q3: 3, q4: 2, q5: 3, c: Bra kurs}}\n"
	     "- {form: f, phase: post, person: p-b, answers: {q1: 2, q2: 3, "
	     "q3: 2, q4: 3, q5: 2}}\n"
	     "- {form: f, phase: post, answers: {q1: 4, q2: 4, q3: 4, q4: 1, "
	     "q5: 4}}\n"
	     "- {form: f, phase: session, session: 2026-09-14, answers: {q1: 4, "
	     "q2: 4, q3: 4, q4: 1, q5: 4, c: Mer praksis}}\n"
	     "- {form: f, phase: session, session: 2026-09-07, answers: {q1: 2, "
	     "q2: 2, q3: 2, q4: 3, q5: 2}}\n"
	     "- {form: f, phase: session, session: 2026-09-07, answers: {q1: 1}}\n");
	lms_summarise(&form, &ev, &s);
	assert_int_equal(s.pre.n, 2);
	assert_int_equal(s.missing_pre, 1);
	assert_int_equal(s.post.n, 3);
	assert_int_equal(s.anonymous, 1);
	NEAR(s.pre.mean, 1.5);
	assert_int_equal(s.change.n, 2);
	/* p-a: 1 -> 3; p-b: 2 -> 2.2. */
	NEAR(s.change.mean_change, (2 + 0.2) / 2);
	NEAR(s.change.improved, 1);
	assert_int_equal(s.nitems, 5);
	NEAR(s.items[0].pre.mean, 5.0 / 3);
	assert_int_equal(s.items[0].pre.n, 3);
	NEAR(s.items[3].post.mean, 2);	/* q4 as asked, not flipped */
	assert_int_equal(s.nsessions, 2);
	assert_int_equal(s.sessions[0].responses, 2);
	assert_int_equal(s.sessions[0].score.n, 1);
	NEAR(s.sessions[1].score.mean, 4);
	assert_int_equal(s.ncomments, 2);
	assert_string_equal(s.comments[0].text, "Bra kurs");
	assert_int_equal(s.comments[1].phase, LMS_SESSION);
	lms_summary_release(&s);
}

/* Follow-up answers pair with the first pre as post answers do, and are
 * kept apart from them. */
static void pairs_pre_and_followup(void **state)
{
	struct lms_form_summary s;
	double *b, *a;

	(void)state;
	load("- {form: f, phase: pre, person: p-a, date: 2026-09-01, answers: "
	     "{q1: 1, q2: 1, q3: 1, q4: 4, q5: 1}}\n"
	     "- {form: f, phase: post, person: p-a, date: 2026-10-01, answers: "
	     "{q1: 4, q2: 4, q3: 4, q4: 1, q5: 4}}\n"
	     "- {form: f, phase: followup, person: p-a, date: 2027-01-01, "
	     "answers: {q1: 2, q2: 2, q3: 2, q4: 3, q5: 2}}\n"
	     "- {form: f, phase: followup, person: p-a, date: 2027-01-20, "
	     "answers: {q1: 3, q2: 3, q3: 3, q4: 2, q5: 3}}\n"
	     "- {form: f, phase: followup, answers: "
	     "{q1: 4, q2: 4, q3: 4, q4: 1, q5: 4}}\n");
	assert_int_equal(lms_pairs_with(&form, &ev, LMS_FOLLOWUP, &b, &a,
					NULL), 1);
	NEAR(b[0], 1);
	NEAR(a[0], 3);
	free(b);
	free(a);
	lms_summarise(&form, &ev, &s);
	assert_int_equal(s.post.n, 1);
	assert_int_equal(s.followup.n, 3);
	assert_int_equal(s.change.n, 1);
	NEAR(s.change.mean_change, 3);
	assert_int_equal(s.change_followup.n, 1);
	NEAR(s.change_followup.mean_change, 2);
	assert_int_equal(s.anonymous, 1);
	lms_summary_release(&s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(pairs_pre_and_followup),
		T(scores_flip_reversed_items),
		T(needs_eighty_percent),
		T(pairs_first_pre_and_last_post),
		T(summarises_a_course),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
