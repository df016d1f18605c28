#include "test.h"

#include "date.h"
#include "i18n.h"
#include "respond.h"

static struct lms_course course;
static struct lms_form form;
static struct lms_enrolments enrolments;
static struct lms_evaluations existing;

static int setup(void **state)
{
	const char *c = "id: kurs\ntitle: T\nforms: [f]\n";
	const char *f = "id: f\ntitle: F\nscale: {min: 1, max: 5, labels: "
			"[Helt uenig, Litt uenig, Verken eller, Litt enig, "
			"Helt enig]}\nitems:\n  - {id: nytte, text: Nyttig}\n"
			"  - {id: kommentar, text: Kommentar, type: text}\n";
	const char *e = "- {person: p-a, role: participant, status: enrolled, "
			"requested: 2026-09-01}\n"
			"- {person: p-b, role: participant, status: waitlisted, "
			"requested: 2026-09-01}\n"
			"- {person: p-c, role: participant, status: completed, "
			"requested: 2026-09-01}\n";
	const char *x = "- {form: f, phase: pre, person: p-a, answers: {nytte: 3}}\n"
			"- {form: f, phase: session, session: 2026-09-07, "
			"person: p-a, answers: {nytte: 3}}\n";

	(void)state;
	assert_int_equal(lms_course_load(&course, "c", c, strlen(c), NULL, NULL), 0);
	assert_int_equal(lms_form_load(&form, "f", f, strlen(f), "f", NULL), 0);
	assert_int_equal(lms_enrolments_load(&enrolments, "e", e, strlen(e)), 0);
	assert_int_equal(lms_evaluations_load(&existing, "x", x, strlen(x)), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_course_release(&course);
	lms_form_release(&form);
	lms_enrolments_release(&enrolments);
	lms_evaluations_release(&existing);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

static void reads_answers(void **state)
{
	struct lms_buf why = LMS_BUF_INIT;
	const char *text;
	int v;

	(void)state;
	assert_int_equal(lms_answer_read(&form, "nytte", "4", &v, &text, &why), 0);
	assert_int_equal(v, 4);
	assert_null(text);
	assert_int_equal(lms_answer_read(&form, "nytte", "helt ENIG", &v, &text,
					 &why), 0);
	assert_int_equal(v, 5);
	assert_int_equal(lms_answer_read(&form, "kommentar", "Fint!", &v, &text,
					 &why), 0);
	assert_string_equal(text, "Fint!");
	assert_int_equal(lms_answer_read(&form, "nytte", "6", &v, &text, &why),
			 LMS_EDATA);
	assert_string_equal(why.buf, "nytte: '6' is not on the scale from 1 to 5");
	lms_buf_reset(&why);
	assert_int_equal(lms_answer_read(&form, "nytte", "", &v, &text, &why),
			 LMS_EDATA);
	lms_buf_reset(&why);
	assert_int_equal(lms_answer_read(&form, "nyte", "3", &v, &text, &why),
			 LMS_EDATA);
	assert_string_equal(why.buf, "form 'f' has no item 'nyte'; did you mean "
			    "'nytte'?");
	lms_buf_release(&why);
}

static int check(const char *person, int phase, int32_t session)
{
	struct lms_respond r = { &course, &form, &enrolments, &existing };
	struct lms_evaluation e;
	int err;

	lms_schema_init(&lms_evaluation_schema, &e);
	e.form = strdup("f");
	e.person = person ? strdup(person) : NULL;
	e.phase = phase;
	e.session = session;
	lms_answer_add(&e, "nytte", 3, NULL);
	err = lms_respond_check(&r, &e);
	lms_schema_release(&lms_evaluation_schema, &e);
	return err;
}

static void checks_responses(void **state)
{
	(void)state;
	assert_int_equal(lms_respond_form_used(&course, "f"), 0);
	assert_int_equal(lms_respond_form_used(&course, "g"), LMS_EREFUSED);
	assert_int_equal(check(NULL, LMS_PRE, LMS_DATE_NONE), 0);
	assert_int_equal(check("p-a", LMS_POST, LMS_DATE_NONE), 0);
	assert_int_equal(check("p-c", LMS_POST, LMS_DATE_NONE), 0);
	assert_int_equal(check("p-a", LMS_PRE, LMS_DATE_NONE), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-a has answered the pre form 'f' already");
	assert_int_equal(check("p-a", LMS_SESSION, existing.v[1].session),
			 LMS_EREFUSED);
	assert_int_equal(check("p-a", LMS_SESSION, existing.v[1].session + 3), 0);
	assert_int_equal(check("p-b", LMS_POST, LMS_DATE_NONE), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-b is not on course 'kurs': only its participants "
			    "answer by name");
	assert_int_equal(check("p-x", LMS_POST, LMS_DATE_NONE), LMS_EREFUSED);
}

/* In Norwegian, a sentence for each phase. */
static void checks_responses_in_norwegian(void **state)
{
	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	assert_int_equal(check("p-a", LMS_PRE, LMS_DATE_NONE), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-a har allerede svart på skjemaet «f» før kurset");
	assert_int_equal(check("p-a", LMS_SESSION, existing.v[1].session),
			 LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-a har allerede svart på skjemaet «f» for "
			    "samlingen");
	assert_int_equal(check("p-b", LMS_POST, LMS_DATE_NONE), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-b er ikke på kurset «kurs»: bare deltakerne "
			    "svarer med navn");
	assert_int_equal(lms_respond_form_used(&course, "g"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "kurset «kurs» bruker ikke skjemaet «g» (skjemaene "
			    "står i course.yaml: lms course set kurs forms=...)");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(reads_answers),
		T(checks_responses),
		T(checks_responses_in_norwegian),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
