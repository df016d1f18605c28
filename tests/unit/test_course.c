#include <stdlib.h>

#include "test.h"

#include "course.h"
#include "date.h"
#include "facilitator.h"

/* Sessions out of date order in the file, two on one day. */
static const char course_yaml[] =
	"id: c\n"
	"title: C\n"
	"sessions:\n"
	"  - {date: 2026-09-14, start: \"10:00\", end: \"11:00\"}\n"
	"  - {date: 2026-09-07, start: \"12:00\", end: \"13:00\"}\n"
	"  - {date: 2026-09-07, start: \"10:00\", end: \"11:00\"}\n";

static struct lms_course course;

static int setup(void **state)
{
	(void)state;
	return lms_course_load(&course, "courses/c/course.yaml", course_yaml,
			       strlen(course_yaml), "c", NULL);
}

static int teardown(void **state)
{
	(void)state;
	lms_course_release(&course);
	return 0;
}

/* Numbers count in date and time order; a date names the first session
 * of that day. */
static void sessions_by_number_and_date(void **state)
{
	size_t index, number;

	(void)state;
	assert_int_equal(lms_course_find_session(&course, "1", &index, &number),
			 0);
	assert_int_equal(index, 2);
	assert_int_equal(number, 1);
	assert_int_equal(lms_course_find_session(&course, "3", &index, &number),
			 0);
	assert_int_equal(index, 0);
	assert_int_equal(number, 3);
	assert_int_equal(lms_course_find_session(&course, "2026-09-14", &index,
						 &number), 0);
	assert_int_equal(index, 0);
	assert_int_equal(number, 3);
	assert_int_equal(lms_course_find_session(&course, "7.9.2026", &index,
						 &number), 0);
	assert_int_equal(index, 2);
	assert_int_equal(number, 1);
	assert_int_equal(lms_course_first_date(&course),
			 lms_date_from_ymd(2026, 9, 7));
	assert_int_equal(lms_course_last_date(&course),
			 lms_date_from_ymd(2026, 9, 14));
}

static void sessions_that_are_not_there(void **state)
{
	size_t index = 99, number = 99;

	(void)state;
	assert_error(lms_course_find_session(&course, "4", &index, &number),
		     LMS_ENOENT, 0, 0, "course 'c' has no session 4 (it has 3)");
	assert_error(lms_course_find_session(&course, "0", &index, &number),
		     LMS_ENOENT, 0, 0, "course 'c' has no session 0 (it has 3)");
	assert_error(lms_course_find_session(&course, "2026-09-08", &index,
					     &number), LMS_ENOENT, 0, 0,
		     "course 'c' has no session on 2026-09-08");
	assert_error(lms_course_find_session(&course, "neste", &index,
					     &number), LMS_EUSAGE, 0, 0,
		     "'neste' is not a session: give its number or its date "
		     "(such as 2, 2026-09-07 or 7.9.2026)");
	assert_error(lms_course_find_session(&course, "123456", &index,
					     &number), LMS_EUSAGE, 0, 0,
		     "'123456' is not a session: give its number or its date "
		     "(such as 2, 2026-09-07 or 7.9.2026)");
	assert_int_equal(index, 99);
	assert_int_equal(number, 99);
}

static int load(const char *text, const char *folder)
{
	struct lms_course c;
	int err = lms_course_load(&c, "courses/c/course.yaml", text,
				  strlen(text), folder, NULL);

	if (!err)
		lms_course_release(&c);
	return err;
}

static void refusals(void **state)
{
	(void)state;
	assert_error(load("id: c\ntitle: C\n", "d"), LMS_EDATA, 1, 1,
		     "id 'c' differs from the course's folder 'd'");
	assert_int_equal(load("id: c\ntitle: C\n", NULL), 0);
	assert_error(load("id: c\ntitle: C\ncapacity: -1\n", "c"), LMS_EDATA,
		     1, 1, "capacity: must not be negative");
}

/* led_by names who leads; without it, those who deliver, or whose phases
 * are not given. */
static void who_leads_a_session(void **state)
{
	static const char yaml[] =
		"id: d\n"
		"title: D\n"
		"facilitators:\n"
		"  - {id: f-plan, phases: [plan]}\n"
		"  - {id: f-all}\n"
		"  - {id: f-deliver, phases: [plan, deliver]}\n"
		"sessions:\n"
		"  - {date: 2026-09-07, led_by: [f-guest]}\n"
		"  - {date: 2026-09-14}\n";
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_course_load(&c, "d", yaml, strlen(yaml), "d",
					 NULL), 0);
	assert_string_equal(lms_session_leader(&c, &c.sessions[0], 0),
			    "f-guest");
	assert_null(lms_session_leader(&c, &c.sessions[0], 1));
	assert_string_equal(lms_session_leader(&c, &c.sessions[1], 0), "f-all");
	assert_string_equal(lms_session_leader(&c, &c.sessions[1], 1),
			    "f-deliver");
	assert_null(lms_session_leader(&c, &c.sessions[1], 2));
	lms_course_release(&c);
}

/* The role on the course outweighs the registry's kind, both ways; an
 * entry without one, or an id not on the course, has the registry's. */
static void role_on_this_course(void **state)
{
	static const char yaml[] =
		"id: d\n"
		"title: D\n"
		"facilitators:\n"
		"  - {id: staff, role: user-representative}\n"
		"  - {id: rep, role: professional}\n"
		"  - {id: plain}\n";
	struct lms_facilitator pro = { .kind = LMS_PROFESSIONAL };
	struct lms_facilitator ur = { .kind = LMS_USER_REPRESENTATIVE };
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_course_load(&c, "d", yaml, strlen(yaml), "d",
					 NULL), 0);
	assert_int_equal(lms_course_facilitator_kind(&c, &pro, "staff"),
			 LMS_USER_REPRESENTATIVE);
	assert_int_equal(lms_course_facilitator_kind(&c, &ur, "rep"),
			 LMS_PROFESSIONAL);
	assert_int_equal(lms_course_facilitator_kind(&c, &ur, "plain"),
			 LMS_USER_REPRESENTATIVE);
	assert_int_equal(lms_course_facilitator_kind(&c, &pro, "guest"),
			 LMS_PROFESSIONAL);
	assert_int_equal(lms_course_facilitator_kind(&c, NULL, "plain"), 0);
	assert_int_equal(lms_course_facilitator_kind(&c, NULL, "staff"),
			 LMS_USER_REPRESENTATIVE);
	lms_course_release(&c);
	assert_error(load("id: c\ntitle: C\nfacilitators:\n"
			  "  - {id: f, role: boss}\n", "c"), LMS_EDATA, 4, 19,
		     "facilitators.1.role: 'boss' is not one of professional, "
		     "user-representative");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(who_leads_a_session),
		cmocka_unit_test(role_on_this_course),
		cmocka_unit_test(sessions_by_number_and_date),
		cmocka_unit_test(sessions_that_are_not_there),
		cmocka_unit_test(refusals),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
