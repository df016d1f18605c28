#include "test.h"

#include "evaluation.h"

static const char canonical[] =
	"- form: mestringstro\n"
	"  phase: pre\n"
	"  person: p-7k3q9x\n"
	"  date: 2026-09-07\n"
	"  answers: {q1: 3, q2: 2, comment: \"Mer praksis, takk\"}\n"
	"- form: kursevaluering\n"
	"  phase: session\n"
	"  session: 2026-09-07\n"
	"  date: 2026-09-07\n"
	"  answers: {nytte: 5, kommentar: \"3\"}\n"
	"  digest: \"0a8e3f8423a804c4\"\n";

static void round_trips(void **state)
{
	struct lms_evaluations ev;
	struct lms_buf out = LMS_BUF_INIT;
	const struct lms_answer *a;

	(void)state;
	assert_int_equal(lms_evaluations_load(&ev, "e", canonical,
					      strlen(canonical)), 0);
	assert_int_equal(ev.n, 2);
	assert_int_equal(ev.v[0].phase, LMS_PRE);
	a = lms_answer_find(&ev.v[0], "q1");
	assert_false(a->is_text);
	assert_int_equal(a->value, 3);
	assert_true(lms_answer_find(&ev.v[0], "comment")->is_text);
	/* A quoted number is text: the free-text answer "3". */
	a = lms_answer_find(&ev.v[1], "kommentar");
	assert_true(a->is_text);
	assert_string_equal(a->text, "3");
	assert_null(ev.v[1].person);
	assert_null(ev.v[0].digest);
	assert_string_equal(ev.v[1].digest, "0a8e3f8423a804c4");
	lms_evaluations_emit(&out, &ev);
	assert_string_equal(out.buf, canonical);
	lms_buf_release(&out);
	lms_evaluations_release(&ev);
}

static void unanswered_items_are_left_out(void **state)
{
	struct lms_evaluations ev;
	const char *text = "- {form: f, phase: post, answers: {q1: ~, q2: 4}}\n";

	(void)state;
	assert_int_equal(lms_evaluations_load(&ev, "e", text, strlen(text)), 0);
	assert_int_equal(ev.v[0].answers.n, 1);
	assert_null(lms_answer_find(&ev.v[0], "q1"));
	lms_evaluations_release(&ev);
}

/* The facilitators' own responses: a course's phase, and no one named. */
static void facilitators_own_round_trip(void **state)
{
	static const char text[] =
		"- form: brukerrepresentant\n  phase: evaluate\n"
		"  date: 2026-11-02\n  answers: {hort: 4, kommentar: Bra}\n";
	static const char pre[] = "- {form: f, phase: pre}\n";
	struct lms_evaluations ev;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_facilitator_evaluations_load(&ev, "f", text,
							  strlen(text)), 0);
	assert_int_equal(ev.n, 1);
	assert_int_equal(ev.v[0].phase, 3);
	assert_null(ev.v[0].person);
	lms_facilitator_evaluations_emit(&out, &ev);
	assert_string_equal(out.buf, text);
	lms_evaluations_release(&ev);
	lms_buf_release(&out);
	/* A participant's phase is not a course's. */
	assert_int_equal(lms_facilitator_evaluations_load(&ev, "f", pre,
							  strlen(pre)),
			 LMS_EDATA);
}

static void refusals(void **state)
{
	struct lms_evaluations ev;
	static const struct {
		const char *text;
		unsigned line, col;
		const char *msg;
	} bad[] = {
		{ "- {form: f, phase: during}\n", 1, 20,
		  "1.phase: 'during' is not one of pre, post, session, followup" },
		{ "- {form: f, phase: session}\n", 1, 3,
		  "1: a session response names its session, others do not" },
		{ "- {form: f, phase: pre, answers: {q1: 1, q1: 2}}\n", 1, 42,
		  "1.answers: item 'q1' is answered twice" },
		{ "- {form: f, phase: pre, answers: {Q 1: 1}}\n", 1, 35,
		  "1.answers: expected an item id" },
		{ "- {form: f, phase: pre, answers: [1, 2]}\n", 1, 34,
		  "1.answers: expected {item: answer, ...}" },
		{ "- {form: f, phase: pre, answers: {q1: [1]}}\n", 1, 39,
		  "1.answers: q1: expected a number or text" },
		{ "- {phase: pre}\n", 1, 3, "1: evaluation has no 'form'" },
		{ NULL, 0, 0, NULL }
	};

	(void)state;
	for (int i = 0; bad[i].text; i++)
		assert_error(lms_evaluations_load(&ev, "e", bad[i].text,
						  strlen(bad[i].text)),
			     LMS_EDATA, bad[i].line, bad[i].col, bad[i].msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trips),
		cmocka_unit_test(unanswered_items_are_left_out),
		cmocka_unit_test(refusals),
		cmocka_unit_test(facilitators_own_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
