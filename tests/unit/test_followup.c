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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(who_missed_the_last_two, setup,
						teardown),
		cmocka_unit_test(named_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
