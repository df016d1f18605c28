#include <stdbool.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "bookings.h"
#include "date.h"
#include "facilitators.h"
#include "opsio.h"

/*
 * Who is booked when across the courses of a tree, and the search of
 * lms facilitator list that leaves out those booked, against a fake
 * store of three courses and a registry in memory.
 */

struct course_text {
	const char *id;
	const char *yaml;
};

/* kveld books fa 18-20 on the 7th and fb all day on the 8th; dag books
 * its deliverer fb (no led_by) at 10-12 on the 7th; avlyst is cancelled;
 * broken does not load. */
static const struct course_text courses[] = {
	{ "avlyst", "id: avlyst\ntitle: A\nstatus: cancelled\n"
		    "facilitators: [{id: fc, phases: [deliver]}]\n"
		    "sessions: [{date: 2026-09-07, start: \"18:00\", "
		    "end: \"20:00\"}]\n" },
	{ "broken", "id: broken\ntitle: [\n" },
	{ "dag", "id: dag\ntitle: D\nstatus: open\n"
		 "facilitators: [{id: fa, phases: [plan]}, "
		 "{id: fb, phases: [deliver]}]\n"
		 "sessions: [{date: 2026-09-07, start: \"10:00\", "
		 "end: \"12:00\"}]\n" },
	{ "kveld", "id: kveld\ntitle: K\nstatus: open\n"
		   "sessions:\n"
		   "  - {date: 2026-09-07, start: \"18:00\", end: \"20:00\", "
		   "led_by: [fa]}\n"
		   "  - {date: 2026-09-08, led_by: [fb]}\n"
		   "  - {date: 2026-10-01, start: \"18:00\", led_by: [fa]}\n" },
};
#define NCOURSES (sizeof(courses) / sizeof(courses[0]))

static const char facilitators_yaml[] =
	"- {id: fa, name: Fa Test, kind: professional, topics: [Søvn],\n"
	"   trained: [Helsepedagogikk]}\n"
	"- {id: fb, name: Fb Test, kind: user-representative,\n"
	"   topics: [rop, ÆRLIGHET], available: [2026-09-01, 2026-12-31]}\n"
	"- {id: fc, name: Fc Test, kind: user-representative,\n"
	"   trained: [likepersonskurs]}\n"
	"- {id: fd, name: Fd Test, kind: professional, available: false}\n";

static bool fail_ids;

static int fake_course_ids(void *arg, char ***out, size_t *n)
{
	(void)arg;
	*out = NULL;
	*n = 0;
	if (fail_ids)
		return lms_error(LMS_EIO, "cannot list courses/");
	for (size_t i = 0; i < NCOURSES; i++)
		*(char **)lms_array_push(out, n, sizeof(char *)) =
			lms_strdup(courses[i].id);
	return 0;
}

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	(void)arg;
	(void)text;
	for (size_t i = 0; i < NCOURSES; i++)
		if (!strcmp(courses[i].id, id))
			return lms_course_load(out, "course.yaml",
					       courses[i].yaml,
					       strlen(courses[i].yaml), id,
					       NULL);
	return lms_error(LMS_ENOENT, "no course '%s'", id);
}

static int fake_load_facilitators(void *arg, struct lms_facilitator **out,
				  size_t *n)
{
	(void)arg;
	return lms_facilitators_load(out, n, "facilitators.yaml",
				     facilitators_yaml,
				     strlen(facilitators_yaml), NULL);
}

static struct lms_ops_io io;

static int setup(void **state)
{
	(void)state;
	memset(&io, 0, sizeof(io));
	io.course_ids = fake_course_ids;
	io.load_course = fake_load_course;
	io.load_facilitators = fake_load_facilitators;
	fail_ids = false;
	return 0;
}

static int32_t date_of(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

static void bookings_of_the_courses(void **state)
{
	struct lms_booked_set b;
	int32_t d7 = date_of("2026-09-07");

	(void)state;
	assert_int_equal(lms_ops_bookings(&io, d7, date_of("2026-09-30"),
					  NULL, &b), 0);
	/* dag's fb, kveld's fa on the 7th and fb on the 8th; not the
	 * cancelled course's, nor October's. */
	assert_int_equal(b.n, 3);
	assert_string_equal(b.v[0].who, "fb");
	assert_string_equal(b.v[0].course, "dag");
	assert_string_equal(b.v[1].who, "fa");
	assert_string_equal(b.v[1].course, "kveld");
	assert_int_equal(b.v[2].date, date_of("2026-09-08"));
	/* The broken course is told of, and does not stop the rest. */
	assert_int_equal(b.nunread, 1);
	assert_int_equal(b.unread[0].code, LMS_EDATA);
	assert_string_equal(b.unread[0].path, "course.yaml");

	/* Times overlap, or not; no time is the whole day. */
	assert_non_null(lms_booked_at(&b, "fa", d7, LMS_TIME_NONE,
				      LMS_TIME_NONE));
	assert_non_null(lms_booked_at(&b, "fa", d7, 19 * 60, 21 * 60));
	assert_null(lms_booked_at(&b, "fa", d7, 20 * 60, 21 * 60));
	assert_null(lms_booked_at(&b, "fa", d7, 10 * 60, 12 * 60));
	assert_non_null(lms_booked_at(&b, "fa", d7, 18 * 60, LMS_TIME_NONE));
	assert_null(lms_booked_at(&b, "fa", d7, 17 * 60, 17 * 60));
	assert_non_null(lms_booked_at(&b, "fb", date_of("2026-09-08"),
				      8 * 60, 9 * 60));
	assert_null(lms_booked_at(&b, "fc", d7, LMS_TIME_NONE,
				  LMS_TIME_NONE));
	lms_booked_set_release(&b);

	/* A course left out, as course new leaves out its own. */
	assert_int_equal(lms_ops_bookings(&io, d7, d7, "kveld", &b), 0);
	assert_int_equal(b.n, 1);
	lms_booked_set_release(&b);

	fail_ids = true;
	assert_int_equal(lms_ops_bookings(&io, d7, d7, NULL, &b), LMS_EIO);
	assert_int_equal(b.n, 0);
	lms_booked_set_release(&b);
}

/* The ids found, joined by spaces. */
static void found(const struct lms_facilitator_query *q, const char *want)
{
	struct lms_facilitator_found f;
	struct lms_buf ids = LMS_BUF_INIT;

	assert_int_equal(lms_ops_facilitators_find(&io, q, &f), 0);
	for (size_t i = 0; i < f.n; i++)
		lms_buf_addf(&ids, "%s%s", i ? " " : "", f.v[i].id);
	assert_string_equal(ids.len ? ids.buf : "", want);
	assert_int_equal(f.nunread, q->on == LMS_DATE_NONE ? 0 : 1);
	lms_buf_release(&ids);
	lms_facilitator_found_release(&f);
}

static void search_leaves_out_the_booked(void **state)
{
	struct lms_facilitator_query q = {
		0, NULL, NULL, LMS_DATE_NONE, LMS_TIME_NONE, LMS_TIME_NONE
	};

	(void)state;
	found(&q, "fa fb fc fd");
	q.kind = LMS_USER_REPRESENTATIVE;
	found(&q, "fb fc");
	q.kind = 0;
	/* Any session that day books them. */
	q.on = date_of("2026-09-07");
	found(&q, "fc");
	/* At a time: those free then. */
	q.start = 12 * 60;
	q.end = 18 * 60;
	found(&q, "fa fb fc");
	q.start = 11 * 60;
	q.end = LMS_TIME_NONE;
	found(&q, "fa fc");
	/* Outside fb's period; fd never. */
	q.on = date_of("2026-08-31");
	q.start = LMS_TIME_NONE;
	found(&q, "fa fc");

	fail_ids = true;
	{
		struct lms_facilitator_found f;

		assert_int_equal(lms_ops_facilitators_find(&io, &q, &f),
				 LMS_EIO);
		assert_int_equal(f.n, 0);
	}
}

/* Topics and training are found whatever their case. */
static void search_by_topic_and_training(void **state)
{
	struct lms_facilitator_query q = {
		0, "søVN", NULL, LMS_DATE_NONE, LMS_TIME_NONE, LMS_TIME_NONE
	};

	(void)state;
	found(&q, "fa");
	q.topic = "Ærlighet";
	found(&q, "fb");
	q.topic = "sovn";
	found(&q, "");
	q.topic = NULL;
	q.trained = "helsepedagogikk";
	found(&q, "fa");
	q.trained = "LIKEPERSONSKURS";
	found(&q, "fc");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(bookings_of_the_courses, setup),
		cmocka_unit_test_setup(search_leaves_out_the_booked, setup),
		cmocka_unit_test_setup(search_by_topic_and_training, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
