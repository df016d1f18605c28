#include <stdbool.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "carry.h"
#include "date.h"
#include "i18n.h"

/*
 * The carry-over of a waiting list (lms enrol --next) against a fake store
 * of a few courses, each a course.yaml and an enrolments.yaml in memory,
 * each save replacing one at once, as a tree written without a journal
 * would.  A save can be made to fail, to see what a crash between the
 * two writes leaves, and that running it again repairs it.
 */

#define NCOURSES 4

struct fake_course {
	const char *id;
	struct lms_buf course, enrolments;
};

struct fake {
	struct fake_course c[NCOURSES];
	struct lms_buf log;	/* the saves, in order: "ny:enrolments " */
	int fail_at;		/* this save (from 1) fails; 0: none */
	int saves;
};

static struct fake f;
static struct lms_ops_io io;

static struct fake_course *find(const char *id)
{
	for (size_t i = 0; i < NCOURSES; i++)
		if (f.c[i].id && !strcmp(f.c[i].id, id))
			return &f.c[i];
	return NULL;
}

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	struct fake_course *c = find(id);

	(void)arg;
	(void)text;
	if (!c)
		return lms_error(LMS_ENOENT, "no such course: '%s'", id);
	return lms_course_load(out, "course.yaml", c->course.buf, c->course.len,
			       id, NULL);
}

static int fake_load_enrolments(void *arg, const char *id,
				struct lms_enrolments *out)
{
	struct fake_course *c = find(id);

	(void)arg;
	assert_non_null(c);
	return lms_enrolments_load(out, "enrolments.yaml", c->enrolments.buf,
				   c->enrolments.len);
}

static int fake_save(void *arg, enum lms_file which, const char *id,
		     const struct lms_buf *text)
{
	struct fake_course *c = find(id);

	(void)arg;
	assert_int_equal(which, LMS_FILE_ENROLMENTS);
	assert_non_null(c);
	if (++f.saves == f.fail_at)
		return lms_error(LMS_EIO, "disk full");
	lms_buf_addf(&f.log, "%s ", id);
	lms_buf_reset(&c->enrolments);
	lms_buf_add(&c->enrolments, text->buf, text->len);
	return 0;
}

static int fake_course_ids(void *arg, char ***out, size_t *n)
{
	(void)arg;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < NCOURSES; i++)
		if (f.c[i].id)
			*(char **)lms_array_push(out, n, sizeof(char *)) =
				lms_strdup(f.c[i].id);
	return 0;
}

static void add_course(size_t i, const char *id, const char *course,
		       const char *enrolments)
{
	f.c[i].id = id;
	lms_buf_adds(&f.c[i].course, course);
	lms_buf_adds(&f.c[i].enrolments, enrolments);
}

#define E(p, s, d) "- person: " p "\n  role: participant\n  status: " s \
		   "\n  requested: " d "\n"

/* The spring run ended with three waiting, one of them withdrawn. */
static const char old_yaml[] =
	"id: var\ntitle: T\nstatus: completed\ntemplate: mt\ncapacity: 1\n"
	"waitlist: true\nsessions:\n  - {date: 2026-03-03}\n";
static const char old_enrolments[] =
	E("p-aaaaaa", "completed", "2026-01-10")
	E("p-bbbbbb", "waitlisted", "2026-01-12")
	E("p-cccccc", "withdrawn", "2026-01-13")
	E("p-dddddd", "waitlisted", "2026-01-20")
	E("p-eeeeee", "waitlisted", "2026-02-01");

/* The autumn run: one place of three taken, none waiting. */
static const char next_yaml[] =
	"id: host\ntitle: T\nstatus: open\ntemplate: mt\ncapacity: 3\n"
	"waitlist: true\nsessions:\n  - {date: 2026-09-01}\n";

/* A later run, and a course of another template: neither is the next. */
static const char later_yaml[] =
	"id: vinter\ntitle: T\nstatus: open\ntemplate: mt\ncapacity: 3\n"
	"waitlist: true\nsessions:\n  - {date: 2027-01-05}\n";
static const char other_yaml[] =
	"id: annet\ntitle: T\nstatus: open\ntemplate: kols\ncapacity: 3\n"
	"waitlist: true\nsessions:\n  - {date: 2026-08-25}\n";

static int setup(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	for (size_t i = 0; i < NCOURSES; i++) {
		lms_buf_init(&f.c[i].course);
		lms_buf_init(&f.c[i].enrolments);
	}
	lms_buf_init(&f.log);
	add_course(0, "annet", other_yaml, "");
	add_course(1, "host", next_yaml, E("p-ffffff", "enrolled", "2026-08-01"));
	add_course(2, "var", old_yaml, old_enrolments);
	add_course(3, "vinter", later_yaml, "");
	memset(&io, 0, sizeof(io));
	io.arg = &f;
	io.today = lms_date_from_ymd(2026, 8, 20);
	io.load_course = fake_load_course;
	io.load_enrolments = fake_load_enrolments;
	io.save = fake_save;
	io.course_ids = fake_course_ids;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCOURSES; i++) {
		lms_buf_release(&f.c[i].course);
		lms_buf_release(&f.c[i].enrolments);
	}
	lms_buf_release(&f.log);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

static void set_enrolments(const char *id, const char *text)
{
	lms_buf_reset(&find(id)->enrolments);
	lms_buf_adds(&find(id)->enrolments, text);
}

static void set_course(const char *id, const char *text)
{
	lms_buf_reset(&find(id)->course);
	lms_buf_adds(&find(id)->course, text);
}

static int carry(const char *old, const char *next,
		 struct lms_carry_result *r)
{
	struct lms_carry_request req = {
		.old = old, .next = next,
		.today = lms_date_from_ymd(2026, 8, 20)
	};

	return lms_ops_carry(&io, &req, r);
}

/* "person:status:requested:carried_to " for each record of a course. */
static char *roll_of(const char *id)
{
	struct lms_enrolments e;
	struct lms_buf b = LMS_BUF_INIT;
	char day[11];

	assert_int_equal(fake_load_enrolments(&f, id, &e), 0);
	for (size_t i = 0; i < e.n; i++) {
		lms_date_format(e.v[i].requested, day);
		lms_buf_addf(&b, "%s:%s:%s:%s ", e.v[i].person,
			     lms_enrolment_status_names[e.v[i].status], day,
			     e.v[i].carried_to ? e.v[i].carried_to : "-");
	}
	lms_enrolments_release(&e);
	return lms_buf_detach(&b);
}

static void assert_roll(const char *id, const char *expected)
{
	char *s = roll_of(id);

	assert_string_equal(s, expected);
	free(s);
}

static void carries_the_waiting_in_order_to_the_next_run(void **state)
{
	struct lms_carry_result r;

	(void)state;
	assert_int_equal(carry("var", NULL, &r), 0);
	assert_string_equal(r.next, "host");
	assert_int_equal(r.counts.enrolled, 2);
	assert_int_equal(r.counts.waitlisted, 1);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.v[0].person, "p-bbbbbb");
	assert_int_equal(r.v[0].status, LMS_ENROLLED);
	assert_string_equal(r.v[1].person, "p-dddddd");
	assert_string_equal(r.v[2].person, "p-eeeeee");
	assert_int_equal(r.v[2].status, LMS_WAITLISTED);
	assert_int_equal(r.v[2].number, 1);
	lms_carry_result_release(&r);
	/* New course first, then the marks on the old one. */
	assert_string_equal(f.log.buf, "host var ");
	assert_roll("host", "p-ffffff:enrolled:2026-08-01:- "
		    "p-bbbbbb:enrolled:2026-01-12:- "
		    "p-dddddd:enrolled:2026-01-20:- "
		    "p-eeeeee:waitlisted:2026-02-01:- ");
	/* The old list stays as it was, each one carried marked; the
	 * withdrawn one is not carried. */
	assert_roll("var", "p-aaaaaa:completed:2026-01-10:- "
		    "p-bbbbbb:waitlisted:2026-01-12:host "
		    "p-cccccc:withdrawn:2026-01-13:- "
		    "p-dddddd:waitlisted:2026-01-20:host "
		    "p-eeeeee:waitlisted:2026-02-01:host ");
}

/* A place from the interest list is a wait that ended: remind
 * --moved-up tells them, as it tells anyone moved up. */
static void places_keep_the_day_they_were_won(void **state)
{
	struct lms_carry_result r;
	struct lms_enrolments e;

	(void)state;
	assert_int_equal(carry("var", NULL, &r), 0);
	lms_carry_result_release(&r);
	assert_int_equal(fake_load_enrolments(&f, "host", &e), 0);
	assert_int_equal(e.v[0].moved_up, LMS_DATE_NONE);	/* own place */
	assert_int_equal(e.v[1].moved_up, lms_date_from_ymd(2026, 8, 20));
	assert_int_equal(e.v[2].moved_up, lms_date_from_ymd(2026, 8, 20));
	assert_int_equal(e.v[3].moved_up, LMS_DATE_NONE);	/* waiting */
	lms_enrolments_release(&e);
}

static void waiting_list_merges_by_request_date(void **state)
{
	struct lms_carry_result r;

	(void)state;
	/* Full, with two waiting: one who asked before p-dddddd, one after. */
	set_enrolments("host", E("p-ffffff", "enrolled", "2026-08-01")
			       E("p-gggggg", "enrolled", "2026-08-01")
			       E("p-hhhhhh", "enrolled", "2026-08-01")
			       E("p-iiiiii", "waitlisted", "2026-01-15")
			       E("p-jjjjjj", "waitlisted", "2026-08-02"));
	assert_int_equal(carry("var", "host", &r), 0);
	assert_int_equal(r.counts.enrolled, 0);
	assert_int_equal(r.counts.waitlisted, 3);
	assert_int_equal(r.v[0].number, 1);
	assert_int_equal(r.v[1].number, 3);
	assert_int_equal(r.v[2].number, 4);
	lms_carry_result_release(&r);
	assert_roll("host", "p-ffffff:enrolled:2026-08-01:- "
		    "p-gggggg:enrolled:2026-08-01:- "
		    "p-hhhhhh:enrolled:2026-08-01:- "
		    "p-bbbbbb:waitlisted:2026-01-12:- "
		    "p-iiiiii:waitlisted:2026-01-15:- "
		    "p-dddddd:waitlisted:2026-01-20:- "
		    "p-eeeeee:waitlisted:2026-02-01:- "
		    "p-jjjjjj:waitlisted:2026-08-02:- ");
}

static void no_one_is_carried_twice(void **state)
{
	struct lms_carry_result r;

	(void)state;
	/* p-dddddd signed up on the new run by themselves, and withdrew. */
	set_enrolments("host", E("p-dddddd", "withdrawn", "2026-08-01"));
	assert_int_equal(carry("var", NULL, &r), 0);
	assert_int_equal(r.counts.enrolled, 2);
	assert_int_equal(r.counts.already, 1);
	lms_carry_result_release(&r);
	assert_roll("host", "p-dddddd:withdrawn:2026-08-01:- "
		    "p-bbbbbb:enrolled:2026-01-12:- "
		    "p-eeeeee:enrolled:2026-02-01:- ");
	/* Again, and to the later run: the marks keep everyone where they
	 * went. */
	lms_buf_reset(&f.log);
	assert_int_equal(carry("var", NULL, &r), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.counts.enrolled + r.counts.waitlisted +
			 r.counts.already, 0);
	lms_carry_result_release(&r);
	assert_int_equal(carry("var", "vinter", &r), 0);
	assert_int_equal(r.n, 0);
	lms_carry_result_release(&r);
	assert_string_equal(f.log.buf, "");
	assert_roll("vinter", "");
}

static void stopped_between_the_writes_is_repaired(void **state)
{
	struct lms_carry_result r;

	(void)state;
	f.fail_at = 2;
	assert_int_equal(carry("var", NULL, &r), LMS_EIO);
	assert_null(r.v);
	assert_roll("var", "p-aaaaaa:completed:2026-01-10:- "
		    "p-bbbbbb:waitlisted:2026-01-12:- "
		    "p-cccccc:withdrawn:2026-01-13:- "
		    "p-dddddd:waitlisted:2026-01-20:- "
		    "p-eeeeee:waitlisted:2026-02-01:- ");
	f.fail_at = 0;
	lms_buf_reset(&f.log);
	assert_int_equal(carry("var", NULL, &r), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.counts.already, 3);
	lms_carry_result_release(&r);
	assert_string_equal(f.log.buf, "var ");
	assert_roll("host", "p-ffffff:enrolled:2026-08-01:- "
		    "p-bbbbbb:enrolled:2026-01-12:- "
		    "p-dddddd:enrolled:2026-01-20:- "
		    "p-eeeeee:waitlisted:2026-02-01:- ");
	assert_roll("var", "p-aaaaaa:completed:2026-01-10:- "
		    "p-bbbbbb:waitlisted:2026-01-12:host "
		    "p-cccccc:withdrawn:2026-01-13:- "
		    "p-dddddd:waitlisted:2026-01-20:host "
		    "p-eeeeee:waitlisted:2026-02-01:host ");
}

static void without_a_waiting_list_the_rest_stay(void **state)
{
	struct lms_carry_result r;

	(void)state;
	set_course("host", "id: host\ntitle: T\nstatus: open\ntemplate: mt\n"
		   "capacity: 1\nwaitlist: false\nsessions:\n  - {date: 2026-09-01}\n");
	set_enrolments("host", "");
	assert_int_equal(carry("var", NULL, &r), 0);
	assert_int_equal(r.counts.enrolled, 1);
	assert_int_equal(r.counts.left, 2);
	lms_carry_result_release(&r);
	assert_roll("var", "p-aaaaaa:completed:2026-01-10:- "
		    "p-bbbbbb:waitlisted:2026-01-12:host "
		    "p-cccccc:withdrawn:2026-01-13:- "
		    "p-dddddd:waitlisted:2026-01-20:- "
		    "p-eeeeee:waitlisted:2026-02-01:- ");
}

static void the_next_run_by_topic(void **state)
{
	struct lms_carry_result r;

	(void)state;
	set_course("var", "id: var\ntitle: T\nstatus: cancelled\n"
		   "topics: [kols]\nsessions:\n  - {date: 2026-09-03}\n");
	set_course("annet", "id: annet\ntitle: T\nstatus: planned\n"
		   "topics: [kols, mat]\ncapacity: 3\n");
	assert_int_equal(carry("var", NULL, &r), 0);
	assert_string_equal(r.next, "annet");
	assert_int_equal(r.n, 3);
	lms_carry_result_release(&r);
}

static void refusals_change_nothing(void **state)
{
	struct lms_carry_result r;

	(void)state;
	assert_int_equal(carry("host", NULL, &r), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg, "course 'host' has not "
			    "ended: its waiting list still moves up there");
	assert_int_equal(carry("var", "var", &r), LMS_EUSAGE);
	set_course("vinter", "id: vinter\ntitle: T\nstatus: cancelled\n");
	assert_int_equal(carry("var", "vinter", &r), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg, "course 'vinter' is "
			    "cancelled: it takes no enrolments");
	set_course("host", "id: host\ntitle: T\nstatus: completed\n"
		   "template: mt\n");
	set_course("vinter", "id: vinter\ntitle: T\nstatus: open\n"
		   "template: mt\nsessions:\n  - {date: 2026-01-05}\n");
	assert_int_equal(carry("var", NULL, &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no later course of "
			    "template 'mt' takes enrolments (make one with "
			    "lms course new)");
	set_course("var", "id: var\ntitle: T\nstatus: completed\n");
	assert_int_equal(carry("var", NULL, &r), LMS_EREFUSED);
	assert_int_equal(f.saves, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(carries_the_waiting_in_order_to_the_next_run, setup, teardown),
		cmocka_unit_test_setup_teardown(places_keep_the_day_they_were_won, setup, teardown),
		cmocka_unit_test_setup_teardown(waiting_list_merges_by_request_date, setup, teardown),
		cmocka_unit_test_setup_teardown(no_one_is_carried_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(stopped_between_the_writes_is_repaired, setup, teardown),
		cmocka_unit_test_setup_teardown(without_a_waiting_list_the_rest_stay, setup, teardown),
		cmocka_unit_test_setup_teardown(the_next_run_by_topic, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals_change_nothing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
