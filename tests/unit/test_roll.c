#include <stdlib.h>

#include "test.h"

#include "attendance.h"
#include "date.h"
#include "roll.h"
#include "i18n.h"

static struct lms_course course;
static struct lms_service service;
static struct lms_enrolments e;
static struct lms_roll roll;

static int setup(void **state)
{
	const char *c = "id: kurs\ntitle: T\nstatus: open\ncapacity: 2\n"
			"sessions:\n  - {date: 2026-09-07}\n  - {date: 2026-09-10}\n"
			"  - {date: 2026-09-14}\n  - {date: 2026-09-17}\n";
	const char *s = "name: S\nmunicipality: \"1806\"\npartners: [\"1853\"]\n";

	(void)state;
	assert_int_equal(lms_course_load(&course, "c", c, strlen(c), NULL, NULL), 0);
	assert_int_equal(lms_service_load(&service, "s", s, strlen(s)), 0);
	memset(&e, 0, sizeof(e));
	lms_roll_init(&roll, &course, &e);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_roll_release(&roll);
	lms_enrolments_release(&e);
	lms_course_release(&course);
	lms_service_release(&service);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

static int enrol(const char *person, const char *muni)
{
	struct lms_enrol_request r = { .person = person, .municipality = muni };
	int status = 0, err = lms_roll_enrol(&roll, &service, &r, &status);

	return err ? err : status;
}

static void places_then_waiting_list(void **state)
{
	(void)state;
	assert_int_equal(enrol("p-a", "1806"), LMS_ENROLLED);
	assert_int_equal(enrol("p-b", "1853"), LMS_ENROLLED);
	assert_int_equal(lms_roll_places_left(&roll), 0);
	assert_int_equal(enrol("p-c", "1806"), LMS_WAITLISTED);
	assert_int_equal(enrol("p-d", NULL), LMS_WAITLISTED);
	assert_int_equal(e.n, 4);
	assert_string_equal(e.v[2].person, "p-c");
	assert_int_equal(e.v[0].role, LMS_PARTICIPANT);
	assert_string_equal(e.v[1].municipality, "1853");
}

static void remember(const struct lms_enrolment *r, void *arg)
{
	*(const char **)arg = r->person;
}

static void withdrawal_moves_the_first_up(void **state)
{
	const char *promoted = NULL;

	(void)state;
	enrol("p-a", "1806");
	enrol("p-b", "1806");
	enrol("p-c", "1806");
	enrol("p-d", "1806");
	assert_int_equal(lms_roll_withdraw(&roll, "p-d", remember, &promoted), 0);
	assert_null(promoted);
	assert_int_equal(lms_roll_withdraw(&roll, "p-a", remember, &promoted), 0);
	assert_string_equal(promoted, "p-c");
	assert_int_equal(lms_roll_find(&roll, "p-a")->status, LMS_WITHDRAWN);
	assert_int_equal(lms_roll_find(&roll, "p-c")->status, LMS_ENROLLED);
	assert_int_equal(lms_roll_withdraw(&roll, "p-a", NULL, NULL), LMS_ENOENT);
	assert_int_equal(lms_roll_withdraw(&roll, "p-x", NULL, NULL), LMS_ENOENT);
}

static void coming_back_queues_again(void **state)
{
	(void)state;
	enrol("p-a", "1806");
	enrol("p-b", "1806");
	enrol("p-c", "1806");
	assert_int_equal(lms_roll_withdraw(&roll, "p-a", NULL, NULL), 0);
	assert_int_equal(enrol("p-a", "1806"), LMS_WAITLISTED);
	/* One record per person, now at the end of the queue. */
	assert_int_equal(e.n, 3);
	assert_string_equal(e.v[2].person, "p-a");
}

static void count_moved(const struct lms_enrolment *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
}

static void more_places_promote_in_order(void **state)
{
	int moved = 0;

	(void)state;
	for (const char *const *p = (const char *[]){ "p-a", "p-b", "p-c",
						      "p-d", "p-e", NULL }; *p; p++)
		enrol(*p, "1806");
	course.capacity = 4;
	assert_int_equal(lms_roll_promote(&roll, count_moved, &moved), 2);
	assert_int_equal(moved, 2);
	assert_int_equal(lms_roll_find(&roll, "p-c")->status, LMS_ENROLLED);
	assert_int_equal(lms_roll_find(&roll, "p-d")->status, LMS_ENROLLED);
	assert_int_equal(lms_roll_find(&roll, "p-e")->status, LMS_WAITLISTED);
	/* Without a day, nothing records when. */
	assert_int_equal(lms_roll_find(&roll, "p-c")->moved_up, LMS_DATE_NONE);
}

/* Whoever moves up keeps the day, so that they can be told. */
static void moving_up_is_dated(void **state)
{
	(void)state;
	enrol("p-a", "1806");
	enrol("p-b", "1806");
	enrol("p-c", "1806");
	roll.today = 20000;
	assert_int_equal(lms_roll_withdraw(&roll, "p-a", NULL, NULL), 0);
	assert_int_equal(lms_roll_find(&roll, "p-c")->moved_up, 20000);
	assert_int_equal(lms_roll_find(&roll, "p-b")->moved_up, LMS_DATE_NONE);
	assert_int_equal(lms_roll_find(&roll, "p-a")->moved_up, LMS_DATE_NONE);
}

static void a_freed_place_goes_to_the_waiting_list_first(void **state)
{
	(void)state;
	enrol("p-a", "1806");
	enrol("p-b", "1806");
	enrol("p-c", "1806");
	/* A place freed by editing the file goes to p-c, not the newcomer. */
	lms_roll_find(&roll, "p-a")->status = LMS_WITHDRAWN;
	roll.enrolled--;
	assert_int_equal(enrol("p-d", "1806"), LMS_WAITLISTED);
	assert_int_equal(lms_roll_find(&roll, "p-c")->status, LMS_ENROLLED);
}

static void refusals(void **state)
{
	(void)state;
	assert_int_equal(enrol("p-a", "1806"), LMS_ENROLLED);
	assert_int_equal(enrol("p-a", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-a is enrolled on course 'kurs' already");
	assert_int_equal(enrol("p-b", "0301"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-b lives in 0301, which is neither the host nor a "
			    "partner of this service (--force enrols them anyway)");
	assert_int_equal(enrol("p-b", "1806"), LMS_ENROLLED);
	assert_int_equal(enrol("p-c", "1806"), LMS_WAITLISTED);
	assert_int_equal(enrol("p-c", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-c is on the waiting list on course 'kurs' already");
	course.waitlist = 0;
	assert_int_equal(enrol("p-d", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "course 'kurs' is full (2 places) and has no waiting "
			    "list");
	course.status = LMS_COURSE_COMPLETED;
	assert_int_equal(enrol("p-e", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "course 'kurs' is completed: it takes no enrolments");
	course.status = LMS_COURSE_CANCELLED;
	assert_int_equal(enrol("p-e", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "course 'kurs' is cancelled: it takes no enrolments");
	/* In Norwegian, a sentence for each. */
	lms_i18n_set(LMS_LANG_NB);
	assert_int_equal(enrol("p-e", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "kurset «kurs» er avlyst: det tar ikke imot "
			    "påmeldinger");
	course.status = LMS_COURSE_OPEN;
	assert_int_equal(enrol("p-c", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-c står allerede på ventelisten til kurset «kurs»");
	assert_int_equal(enrol("p-a", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "p-a er allerede påmeldt kurset «kurs»");
	assert_int_equal(enrol("p-d", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "kurset «kurs» er fullt (2 plasser) og har ingen "
			    "venteliste");
	course.capacity = 1;
	assert_int_equal(enrol("p-d", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "kurset «kurs» er fullt (1 plass) og har ingen "
			    "venteliste");
	lms_i18n_set(LMS_LANG_EN);
	assert_int_equal(enrol("p-d", "1806"), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "course 'kurs' is full (1 place) and has no waiting "
			    "list");
	/* Nothing refused left a record behind. */
	assert_int_equal(e.n, 3);
}

static void force_and_relatives(void **state)
{
	struct lms_enrol_request r = {
		.person = "p-b", .role = LMS_RELATIVE, .referral = LMS_GP,
		.municipality = "0301", .relative_of = "p-a", .force = true
	};
	struct lms_enrol_request bad = {
		.person = "p-c", .role = LMS_PARTICIPANT, .relative_of = "p-a"
	};
	int status;

	(void)state;
	assert_int_equal(lms_roll_enrol(&roll, &service, &r, &status), 0);
	assert_string_equal(e.v[0].relative_of, "p-a");
	assert_int_equal(e.v[0].referral, LMS_GP);
	assert_int_equal(lms_roll_enrol(&roll, &service, &bad, &status),
			 LMS_EUSAGE);
	bad.role = LMS_RELATIVE;
	bad.person = "p-a";
	assert_int_equal(lms_roll_enrol(&roll, &service, &bad, &status),
			 LMS_EUSAGE);
}

static void no_capacity_means_no_limit(void **state)
{
	char id[16];

	(void)state;
	course.capacity = LMS_UNSET;
	for (int i = 0; i < 1000; i++) {
		snprintf(id, sizeof(id), "p-%06d", i);
		assert_int_equal(enrol(id, "1806"), LMS_ENROLLED);
	}
	assert_int_equal(roll.enrolled, 1000);
}

static void closing_judges_completion(void **state)
{
	struct lms_attendance a;
	const char *att = "\"2026-09-07\": {p-a: present, p-b: present}\n"
			  "\"2026-09-10\": {p-a: present, p-b: absent}\n"
			  "\"2026-09-14\": {p-a: present, p-b: present}\n"
			  "\"2026-09-17\": {p-a: absent, p-b: excused}\n";
	size_t attended[3], held[3];
	int32_t day;

	(void)state;
	enrol("p-a", "1806");
	enrol("p-b", "1806");
	enrol("p-c", "1806");
	assert_int_equal(lms_attendance_load(&a, "a", att, strlen(att)), 0);
	assert_true(lms_date_parse("2026-09-30", &day));
	/* 3 of 4 meets 0.75; 2 of 4 does not. */
	lms_close_enrolments(&course, &e, &a, 0.75, day, attended, held);
	assert_int_equal(e.v[0].status, LMS_COMPLETED);
	assert_int_equal(attended[0], 3);
	assert_int_equal(held[0], 4);
	assert_int_equal(e.v[1].status, LMS_NOT_COMPLETED);
	assert_int_equal(attended[1], 2);
	assert_int_equal(e.v[2].status, LMS_WAITLISTED);
	/* Only sessions held by the day count. */
	assert_true(lms_date_parse("2026-09-14", &day));
	lms_close_enrolments(&course, &e, &a, 0.75, day, attended, held);
	assert_int_equal(held[1], 3);
	assert_int_equal(e.v[1].status, LMS_NOT_COMPLETED);
	assert_int_equal(e.v[0].status, LMS_COMPLETED);
	lms_attendance_release(&a);
}

static void a_closed_course_keeps_its_places(void **state)
{
	struct lms_attendance a = { NULL, 0 };

	(void)state;
	enrol("p-a", "1806");
	enrol("p-b", "1806");
	enrol("p-c", "1806");
	lms_close_enrolments(&course, &e, &a, 0.75, 0, NULL, NULL);
	course.status = LMS_COURSE_COMPLETED;
	lms_roll_release(&roll);
	lms_roll_init(&roll, &course, &e);
	/* The completed still hold their places; nobody moves up. */
	assert_int_equal(roll.enrolled, 2);
	assert_int_equal(lms_roll_promote(&roll, NULL, NULL), 0);
	course.capacity = 5;
	assert_int_equal(lms_roll_promote(&roll, NULL, NULL), 0);
	assert_int_equal(lms_roll_withdraw(&roll, "p-c", NULL, NULL), 0);
	assert_int_equal(lms_roll_find(&roll, "p-c")->status, LMS_WITHDRAWN);
	course.status = LMS_COURSE_CANCELLED;
	assert_int_equal(lms_roll_promote(&roll, NULL, NULL), 0);
}

/* A course for staff only enrols its people as staff unless told. */
static void staff_courses_enrol_staff(void **state)
{
	struct lms_enrol_request r = { .person = "p-r", .role = LMS_RELATIVE };
	int status;

	(void)state;
	assert_int_equal(lms_roll_default_role(&course), LMS_PARTICIPANT);
	course.target_groups = LMS_TG_STAFF | LMS_TG_RELATIVES;
	assert_int_equal(lms_roll_default_role(&course), LMS_PARTICIPANT);
	course.target_groups = LMS_TG_STAFF;
	assert_int_equal(lms_roll_default_role(&course), LMS_STAFF);
	assert_int_equal(enrol("p-a", "1806"), LMS_ENROLLED);
	assert_int_equal(e.v[0].role, LMS_STAFF);
	assert_int_equal(lms_roll_enrol(&roll, &service, &r, &status), 0);
	assert_int_equal(e.v[1].role, LMS_RELATIVE);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(places_then_waiting_list),
		T(staff_courses_enrol_staff),
		T(withdrawal_moves_the_first_up),
		T(coming_back_queues_again),
		T(more_places_promote_in_order),
		T(moving_up_is_dated),
		T(a_freed_place_goes_to_the_waiting_list_first),
		T(refusals),
		T(force_and_relatives),
		T(no_capacity_means_no_limit),
		T(closing_judges_completion),
		T(a_closed_course_keeps_its_places),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
