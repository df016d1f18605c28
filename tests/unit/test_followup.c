#include <stdlib.h>

#include "test.h"

#include "buf.h"
#include "date.h"
#include "followup.h"

static struct lms_course c;
static struct lms_enrolments e;

static int setup(void **state)
{
	const char *course = "id: kurs\ntitle: T\nstatus: running\n"
			     "sessions:\n  - {date: 2026-09-07}\n"
			     "  - {date: 2026-09-10}\n  - {date: 2026-09-14}\n"
			     "  - {date: 2026-09-17}\n";
	const char *enrolments =
		"- {person: p-aaaaaa, role: participant, status: enrolled, "
		"requested: 2026-08-01}\n"
		"- {person: p-bbbbbb, role: participant, status: enrolled, "
		"requested: 2026-08-01}\n"
		"- {person: p-cccccc, role: participant, status: enrolled, "
		"requested: 2026-08-01}\n"
		"- {person: p-dddddd, role: participant, status: withdrawn, "
		"requested: 2026-08-01}\n"
		"- {person: p-eeeeee, role: participant, status: enrolled, "
		"requested: 2026-08-01}\n";

	(void)state;
	assert_int_equal(lms_course_load(&c, "c", course, strlen(course), NULL,
					 NULL), 0);
	assert_int_equal(lms_enrolments_load(&e, "e", enrolments,
					     strlen(enrolments)), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_enrolments_release(&e);
	lms_course_release(&c);
	return 0;
}

static void due(const struct lms_enrolment *r, int32_t last, void *arg)
{
	lms_buf_addf(arg, "%s %d, ", r->person, last);
}

static void find(const char *attendance, int32_t today, struct lms_buf *out)
{
	struct lms_attendance a;

	assert_int_equal(lms_attendance_load(&a, "a", attendance,
					     strlen(attendance)), 0);
	lms_buf_reset(out);
	lms_followup_find(&c, &e, &a, today, due, out);
	lms_attendance_release(&a);
}

/*
 * p-aaaaaa came to the first only, p-bbbbbb was excused once, p-cccccc
 * went unmarked where others were marked, p-dddddd withdrew, p-eeeeee
 * never came.
 */
static const char attendance[] =
	"\"2026-09-07\": {p-aaaaaa: present, p-bbbbbb: present}\n"
	"\"2026-09-10\": {p-aaaaaa: absent, p-bbbbbb: excused, "
	"p-cccccc: present, p-eeeeee: absent}\n"
	"\"2026-09-14\": {p-aaaaaa: absent, p-bbbbbb: absent, "
	"p-eeeeee: absent}\n"
	"\"2026-09-17\": {headcount: {participants: 3}}\n";

static void who_missed_the_last_two(void **state)
{
	struct lms_buf out = LMS_BUF_INIT, want = LMS_BUF_INIT;

	(void)state;
	find(attendance, lms_date_from_ymd(2026, 9, 30), &out);
	lms_buf_addf(&want, "p-aaaaaa %d, p-eeeeee %d, ",
		     lms_date_from_ymd(2026, 9, 7), LMS_DATE_NONE);
	assert_string_equal(out.buf, want.buf);
	/* Until two sessions have a record by today, nobody is due. */
	find(attendance, lms_date_from_ymd(2026, 9, 9), &out);
	assert_int_equal(out.len, 0);
	find("", lms_date_from_ymd(2026, 9, 30), &out);
	assert_int_equal(out.len, 0);
	/* A date that is no session of the course does not count. */
	find("\"2026-09-08\": {p-cccccc: absent}\n"
	     "\"2026-09-14\": {p-cccccc: absent}\n",
	     lms_date_from_ymd(2026, 9, 30), &out);
	assert_int_equal(out.len, 0);
	lms_buf_release(&out);
	lms_buf_release(&want);
}

/* A course named twice is looked at once, where first named. */
static void named_once(void **state)
{
	char *named[] = { (char *)"b", (char *)"a", (char *)"b", (char *)"c",
			  (char *)"a" };
	const char **v;
	size_t n;

	(void)state;
	v = lms_followup_named(named, 5, &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "b");
	assert_string_equal(v[1], "a");
	assert_string_equal(v[2], "c");
	free(v);
	v = lms_followup_named(named, 0, &n);
	assert_int_equal(n, 0);
	free(v);
}

/* followup_after: months or days, nothing else. */
static void after_parses_months_or_days(void **state)
{
	struct lms_after a;
	const char *bad[] = {
		"3", "months", "0 months", "-3 months", "61 months",
		"1826 days", "3 monthz", "3 months ", " 3 months", "+3 months",
		"3 month", "3  weeks", ""
	};

	(void)state;
	assert_true(lms_followup_after_parse("3 months", &a));
	assert_int_equal(a.months, 3);
	assert_int_equal(a.days, 0);
	assert_true(lms_followup_after_parse("1 month", &a));
	assert_int_equal(a.months, 1);
	assert_true(lms_followup_after_parse("90 days", &a));
	assert_int_equal(a.months, 0);
	assert_int_equal(a.days, 90);
	assert_true(lms_followup_after_parse("1 day", &a));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_false(lms_followup_after_parse(bad[i], &a));
}

/* The course's, else the template's, else 3 months; from the last
 * session, a month's end kept in a shorter month. */
static void due_after_the_last_session(void **state)
{
	const char *text = "id: k\ntitle: T\nfollowup_after: 6 months\n"
			   "sessions:\n  - {date: 2026-08-31}\n";
	struct lms_course k;
	struct lms_after a;

	(void)state;
	lms_followup_after(&c, NULL, &a);
	assert_int_equal(lms_followup_due_date(&c, &a),
			 lms_date_from_ymd(2026, 12, 17));
	lms_followup_after(&c, "10 days", &a);
	assert_int_equal(lms_followup_due_date(&c, &a),
			 lms_date_from_ymd(2026, 9, 27));
	assert_int_equal(lms_course_load(&k, "k", text, strlen(text), NULL,
					 NULL), 0);
	lms_followup_after(&k, "10 days", &a);
	assert_int_equal(lms_followup_due_date(&k, &a),
			 lms_date_from_ymd(2027, 2, 28));
	lms_course_release(&k);
	text = "id: k\ntitle: T\nfollowup_after: soon\n";
	assert_error(lms_course_load(&k, "course.yaml", text, strlen(text),
				     NULL, NULL), LMS_EDATA, 1, 1,
		     "followup_after: 'soon' is not a number of months or "
		     "days (such as 3 months or 90 days)");
	text = "id: k\ntitle: T\n";
	assert_int_equal(lms_course_load(&k, "k", text, strlen(text), NULL,
					 NULL), 0);
	assert_int_equal(lms_followup_due_date(&k, &a), LMS_DATE_NONE);
	lms_course_release(&k);
}

static void collect(const struct lms_enrolment *r, void *arg)
{
	lms_buf_addf(arg, "%s ", r->person);
}

/* Who completed and has not answered at follow-up (any form; a post or
 * an anonymous follow-up response does not count). */
static void due_are_those_who_completed_without_an_answer(void **state)
{
	const char *enrolments =
		"- {person: p-aaaaaa, role: participant, status: completed, "
		"requested: 2026-08-01}\n"
		"- {person: p-bbbbbb, role: participant, status: completed, "
		"requested: 2026-08-01}\n"
		"- {person: p-cccccc, role: participant, status: not-completed, "
		"requested: 2026-08-01}\n"
		"- {person: p-dddddd, role: participant, status: completed, "
		"requested: 2026-08-01}\n";
	const char *evaluations =
		"- {form: f, phase: post, person: p-aaaaaa, answers: {q: 1}}\n"
		"- {form: f, phase: followup, answers: {q: 1}}\n"
		"- {form: g, phase: followup, person: p-bbbbbb, answers: {q: 1}}\n";
	struct lms_enrolments done;
	struct lms_evaluations ev;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_enrolments_load(&done, "e", enrolments,
					     strlen(enrolments)), 0);
	assert_int_equal(lms_evaluations_load(&ev, "v", evaluations,
					      strlen(evaluations)), 0);
	lms_followup_due(&done, &ev, collect, &out);
	assert_string_equal(out.buf, "p-aaaaaa p-dddddd ");
	lms_buf_release(&out);
	lms_evaluations_release(&ev);
	lms_enrolments_release(&done);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(who_missed_the_last_two, setup,
						teardown),
		cmocka_unit_test(named_once),
		cmocka_unit_test_setup_teardown(after_parses_months_or_days,
						setup, teardown),
		cmocka_unit_test_setup_teardown(due_after_the_last_session,
						setup, teardown),
		cmocka_unit_test(due_are_those_who_completed_without_an_answer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
