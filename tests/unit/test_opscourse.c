#include <stdbool.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "assign.h"
#include "coursenew.h"
#include "date.h"
#include "i18n.h"
#include "opsio.h"

/*
 * The operations of lms course new, assign and unassign against a fake
 * store, as in test_ops.c: a course.yaml and the facilitators as texts in
 * memory, a template, and a log of the saves, one of which can be made
 * to fail.
 */

struct fake {
	struct lms_buf course, facilitators, log;
	struct lms_buf other;		/* course annet's plan, if any */
	int exists;			/* what has_course says */
	int fail_at;			/* this save (from 1) fails; 0: none */
	int saves;
};

static struct fake f;
static struct lms_ops_io io;

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	struct fake *k = arg;
	int err;

	if (!strcmp(id, "annet") && k->other.len)
		return lms_course_load(out, "annet.yaml", k->other.buf,
				       k->other.len, id, NULL);
	if (!k->course.len)
		return lms_error(LMS_ENOENT, "no course '%s'", id);
	err = lms_course_load(out, "course.yaml", k->course.buf, k->course.len,
			      id, NULL);
	if (!err && text)
		lms_buf_add(text, k->course.buf, k->course.len);
	return err;
}

static int fake_load_facilitators(void *arg, struct lms_facilitator **out,
				  size_t *n)
{
	struct fake *k = arg;

	*out = NULL;
	*n = 0;
	return lms_facilitators_load(out, n, "facilitators.yaml",
				     k->facilitators.buf, k->facilitators.len,
				     NULL);
}

static char *fake_path(void *arg, enum lms_file which, const char *course)
{
	struct lms_buf p = LMS_BUF_INIT;

	(void)arg;
	assert_int_equal(which, LMS_FILE_COURSE);
	lms_buf_addf(&p, "courses/%s/course.yaml", course);
	return lms_buf_detach(&p);
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_COURSE);
	if (++k->saves == k->fail_at)
		return lms_error(LMS_EIO, "disk full");
	lms_buf_addf(&k->log, "%s ", course);
	lms_buf_reset(&k->course);
	lms_buf_add(&k->course, text->buf, text->len);
	return 0;
}

static int fake_has_course(void *arg, const char *id)
{
	struct fake *k = arg;

	(void)id;
	if (k->exists < 0)
		return lms_error(LMS_EIO, "cannot read");
	return k->exists;
}

/* Three sessions, Tuesdays at 18:00, as templates/treff.yaml. */
static const char template_yaml[] =
	"id: treff\ntitle: Treff\ndays: [tue]\nstart: \"18:00\"\n"
	"sessions:\n"
	"  - {theme: Bli kjent, duration: 120}\n"
	"  - {theme: Hverdagen, duration: 90}\n"
	"  - {theme: Veien videre, duration: 60}\n";

static int fake_load_template(void *arg, const char *id,
			      struct lms_template *out)
{
	(void)arg;
	if (strcmp(id, "treff"))
		return lms_error(LMS_ENOENT, "no template '%s'", id);
	return lms_template_load(out, "templates/treff.yaml", template_yaml,
				 strlen(template_yaml), id, NULL);
}

static const char course_yaml[] =
	"# the plan, by hand\n"
	"id: kurs\ntitle: T\nstatus: open\n"
	"facilitators:\n  - id: fa\n    phases: [deliver]\n"
	"sessions:\n"
	"  - {date: 2026-09-07, led_by: [fa]}\n"
	"  - {date: 2026-09-10}\n";

/* fa is always there, fb only from October, fc never. */
static const char facilitators_yaml[] =
	"- {id: fa, name: Fa Test, kind: professional}\n"
	"- {id: fb, name: Fb Test, kind: professional,\n"
	"   available: [2026-09-08, 2026-12-31]}\n"
	"- {id: fc, name: Fc Test, kind: user-representative,\n"
	"   available: false}\n";

/* The tree's courses: annet when it has a plan, and kurs, while the
 * text is still its plan. */
static int fake_course_ids(void *arg, char ***out, size_t *n)
{
	struct fake *k = arg;

	*out = NULL;
	*n = 0;
	if (k->other.len)
		*(char **)lms_array_push(out, n, sizeof(char *)) =
			lms_strdup("annet");
	if (k->course.len && !strcmp(k->course.buf, course_yaml))
		*(char **)lms_array_push(out, n, sizeof(char *)) =
			lms_strdup("kurs");
	return 0;
}

static struct lms_service service;

static int setup(void **state)
{
	static const char svc[] = "name: N\nmunicipality: \"1806\"\n"
				  "closed:\n  - {from: 2027-04-05, to: "
				  "2027-04-05, name: planleggingsdag}\n";

	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.course);
	lms_buf_init(&f.facilitators);
	lms_buf_init(&f.log);
	lms_buf_init(&f.other);
	lms_buf_adds(&f.course, course_yaml);
	lms_buf_adds(&f.facilitators, facilitators_yaml);
	memset(&io, 0, sizeof(io));
	io.arg = &f;
	io.load_course = fake_load_course;
	io.load_facilitators = fake_load_facilitators;
	io.path = fake_path;
	io.save = fake_save;
	io.has_course = fake_has_course;
	io.load_template = fake_load_template;
	io.course_ids = fake_course_ids;
	return lms_service_load(&service, "lms.yaml", svc, strlen(svc));
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&f.course);
	lms_buf_release(&f.facilitators);
	lms_buf_release(&f.log);
	lms_buf_release(&f.other);
	lms_service_release(&service);
	return 0;
}

static int32_t date_of(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

/* lms course new ny --start 2027-03-22 --days mon,thu --count 4
 * --facilitator fa:deliver, before Easter. */
static void new_request(struct lms_new_request *req,
			struct lms_plan_facilitator *fac)
{
	memset(req, 0, sizeof(*req));
	req->plan.id = "ny";
	req->plan.title = "Ny";
	req->plan.schedule.start = date_of("2027-03-22");
	req->plan.schedule.days = LMS_MON | LMS_THU;
	req->plan.schedule.count = 4;
	req->plan.schedule.until = LMS_DATE_NONE;
	req->plan.start_time = req->plan.end_time = LMS_TIME_NONE;
	req->plan.capacity = LMS_UNSET;
	req->plan.facilitators = fac;
	req->plan.nfacilitators = 1;
	req->service = &service;
}

/* One write, the new course.yaml; the days off passed by, and why. */
static void new_writes_the_course(void **state)
{
	struct lms_plan_facilitator fac = { "fa", LMS_DELIVER,
					    LMS_USER_REPRESENTATIVE };
	struct lms_new_request req;
	struct lms_new_result r;
	struct lms_course c;

	(void)state;
	lms_buf_reset(&f.course);
	new_request(&req, &fac);
	assert_int_equal(lms_ops_course_new(&io, &req, &r), 0);
	assert_string_equal(f.log.buf, "ny ");
	assert_int_equal(r.course.nsessions, 4);
	assert_int_equal(r.course.sessions[0].date, date_of("2027-03-22"));
	assert_int_equal(r.course.sessions[3].date, date_of("2027-04-12"));
	assert_int_equal(r.npassed, 3);
	assert_int_equal(r.passed[0].date, date_of("2027-03-25"));
	assert_string_equal(r.passed[0].why.holiday, "skjærtorsdag");
	assert_int_equal(r.passed[1].date, date_of("2027-03-29"));
	assert_int_equal(r.passed[2].date, date_of("2027-04-05"));
	assert_null(r.passed[2].why.holiday);
	assert_string_equal(r.passed[2].why.closed->name, "planleggingsdag");
	assert_false(r.with_template);
	/* What was written is what the result says. */
	assert_int_equal(fake_load_course(&f, "ny", &c, NULL), 0);
	assert_int_equal(c.nsessions, 4);
	assert_string_equal(c.facilitators[0].id, "fa");
	assert_int_equal(c.facilitators[0].phases, LMS_DELIVER);
	assert_int_equal(c.facilitators[0].role, LMS_USER_REPRESENTATIVE);
	lms_course_release(&c);
	lms_new_result_release(&r);

	/* On holidays too: nothing passed by. */
	req.on_holidays = true;
	assert_int_equal(lms_ops_course_new(&io, &req, &r), 0);
	assert_int_equal(r.npassed, 0);
	assert_int_equal(r.course.sessions[1].date, date_of("2027-03-25"));
	lms_new_result_release(&r);
}

/*
 * A facilitator away for some sessions, or leading another course then,
 * is told of, and the course is planned all the same.
 */
static void new_tells_of_clashes(void **state)
{
	struct lms_plan_facilitator fac[2] = { { "fb", 0, 0 }, { "fa", 0, 0 } };
	struct lms_new_request req;
	struct lms_new_result r;

	(void)state;
	new_request(&req, fac);
	req.plan.nfacilitators = 2;
	/* Mondays and Thursdays from 2026-09-03: fb is there from the 8th;
	 * fa leads kurs on the 7th (all day) and the 10th (by its
	 * phases). */
	req.plan.schedule.start = date_of("2026-09-03");
	req.plan.start_time = 18 * 60;
	assert_int_equal(lms_ops_course_new(&io, &req, &r), 0);
	assert_int_equal(r.clashes.naway, 1);
	assert_string_equal(r.clashes.away[0].who, "fb");
	assert_int_equal(r.clashes.away[0].first, date_of("2026-09-03"));
	assert_int_equal(r.clashes.away[0].n, 2);
	assert_int_equal(r.clashes.nbooked, 2);
	assert_string_equal(r.clashes.booked[0].who, "fa");
	assert_string_equal(r.clashes.booked[0].course, "kurs");
	assert_int_equal(r.clashes.booked[0].date, date_of("2026-09-07"));
	assert_int_equal(r.clashes.booked[0].start, LMS_TIME_NONE);
	assert_int_equal(r.clashes.booked[1].date, date_of("2026-09-10"));
	assert_int_equal(r.clashes.nunread, 0);
	assert_string_equal(f.log.buf, "ny ");
	lms_new_result_release(&r);
}

/* A refusal writes nothing, and leaves nothing to release. */
static void new_refuses_and_writes_nothing(void **state)
{
	struct lms_plan_facilitator fac = { "fa", 0, 0 };
	struct lms_new_request req;
	struct lms_new_result r;

	(void)state;
	new_request(&req, &fac);
	f.exists = 1;
	assert_int_equal(lms_ops_course_new(&io, &req, &r), LMS_ECREATE);
	assert_string_equal(lms_last_error()->msg,
			    "course 'ny' exists already");
	f.exists = -1;
	assert_int_equal(lms_ops_course_new(&io, &req, &r), LMS_EIO);
	f.exists = 0;
	fac.id = "nobody";
	assert_int_equal(lms_ops_course_new(&io, &req, &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no such facilitator: "
			    "'nobody' (see lms facilitator add)");
	fac.id = "fa";
	req.template_id = "gone";
	assert_int_equal(lms_ops_course_new(&io, &req, &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no template 'gone'");
	req.template_id = NULL;
	req.plan.schedule.count = LMS_SCHEDULE_MAX + 1;
	assert_int_not_equal(lms_ops_course_new(&io, &req, &r), 0);
	req.plan.schedule.count = 4;
	f.fail_at = 1;
	assert_int_equal(lms_ops_course_new(&io, &req, &r), LMS_EIO);
	assert_int_equal(f.log.len, 0);
	assert_null(r.passed);
	assert_int_equal(r.course.nsessions, 0);
	assert_string_equal(f.course.buf, course_yaml);
}

/* The template's plan and the schedule need not be equally long. */
static void new_tells_how_the_template_fits(void **state)
{
	struct lms_new_request req;
	struct lms_new_result r;

	(void)state;
	new_request(&req, NULL);
	req.plan.nfacilitators = 0;
	req.template_id = "treff";
	assert_int_equal(lms_ops_course_new(&io, &req, &r), 0);
	assert_true(r.with_template);
	assert_int_equal(r.template_sessions, 3);
	assert_int_equal(r.unthemed, 1);
	assert_int_equal(r.left_out, 0);
	assert_string_equal(r.course.sessions[0].theme, "Bli kjent");
	lms_new_result_release(&r);

	req.plan.schedule.count = 2;
	assert_int_equal(lms_ops_course_new(&io, &req, &r), 0);
	assert_int_equal(r.unthemed, 0);
	assert_int_equal(r.left_out, 1);
	lms_new_result_release(&r);

	req.plan.schedule.count = 3;
	assert_int_equal(lms_ops_course_new(&io, &req, &r), 0);
	assert_int_equal(r.unthemed + r.left_out, 0);
	lms_new_result_release(&r);
}

/* One splice of the hand-written file: its comment stays. */
static void assign_edits_the_course(void **state)
{
	struct lms_assign_result r;

	(void)state;
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fb",
					       LMS_PLAN | LMS_DELIVER, &r), 0);
	assert_string_equal(f.log.buf, "kurs ");
	assert_non_null(strstr(f.course.buf, "# the plan, by hand\n"));
	assert_int_equal(r.before.nfacilitators, 1);
	assert_int_equal(r.after.nfacilitators, 2);
	assert_string_equal(r.after.facilitators[1].id, "fb");
	assert_int_equal(r.after.facilitators[1].phases, LMS_PLAN | LMS_DELIVER);
	/* Away on the 7th, but fa leads that session (led_by), and fb is
	 * back for the 10th: nothing to tell. */
	assert_int_equal(r.clashes.naway + r.clashes.nbooked, 0);
	lms_assign_result_release(&r);

	/* fc, never available, to lead the session of the 10th: a warning
	 * for the command to give. */
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fc", LMS_DELIVER,
					       &r), 0);
	assert_int_equal(r.clashes.naway, 1);
	assert_string_equal(r.clashes.away[0].who, "fc");
	assert_int_equal(r.clashes.away[0].first, date_of("2026-09-10"));
	assert_int_equal(r.clashes.away[0].n, 1);
	assert_int_equal(r.clashes.nbooked, 0);
	lms_assign_result_release(&r);

	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fa", LMS_PLAN,
					       &r), 0);
	assert_int_equal(r.clashes.naway + r.clashes.nbooked, 0);
	assert_int_equal(r.after.facilitators[0].phases, LMS_PLAN);
	lms_assign_result_release(&r);
}

/*
 * A facilitator assigned to lead sessions at a time they lead another
 * course's is told of, and assigned all the same; the clashes of the
 * course's other facilitators are not theirs.
 */
static void assign_tells_of_bookings(void **state)
{
	struct lms_assign_result r;

	(void)state;
	lms_buf_adds(&f.other, "id: annet\ntitle: A\nstatus: open\n"
		     "facilitators:\n  - {id: fa, phases: [deliver]}\n"
		     "sessions:\n  - {date: 2026-09-10, start: \"17:00\", "
		     "end: \"19:00\"}\n");
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fa", LMS_DELIVER,
					       &r), 0);
	assert_string_equal(f.log.buf, "kurs ");
	assert_int_equal(r.clashes.naway, 0);
	assert_int_equal(r.clashes.nbooked, 1);
	assert_string_equal(r.clashes.booked[0].who, "fa");
	assert_string_equal(r.clashes.booked[0].course, "annet");
	assert_int_equal(r.clashes.booked[0].date, date_of("2026-09-10"));
	assert_int_equal(r.clashes.booked[0].start, 17 * 60);
	assert_int_equal(r.clashes.booked[0].end, 19 * 60);
	lms_assign_result_release(&r);
	/* fc leads the session of the 10th beside fa: only fc's own. */
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fc", LMS_DELIVER,
					       &r), 0);
	assert_int_equal(r.clashes.naway, 1);
	assert_string_equal(r.clashes.away[0].who, "fc");
	assert_int_equal(r.clashes.nbooked, 0);
	lms_assign_result_release(&r);
	/* Planning only, fc leads nothing: nothing to tell. */
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fc", LMS_PLAN,
					       &r), 0);
	assert_int_equal(r.clashes.naway + r.clashes.nbooked, 0);
	lms_assign_result_release(&r);
}

static void assign_refuses_and_writes_nothing(void **state)
{
	struct lms_assign_result r;

	(void)state;
	/* Who may lead is asked first, before the course is read. */
	lms_buf_reset(&f.course);
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "nobody",
					       LMS_PLAN, &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no such facilitator: "
			    "'nobody' (see lms facilitator add)");
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fc", LMS_PLAN,
					       &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no course 'kurs'");
	/* Whoever leads a session must still be known after the change. */
	lms_buf_adds(&f.course, course_yaml);
	lms_buf_adds(&f.course, "  - {date: 2026-09-14, led_by: [gone]}\n");
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fc", LMS_PLAN,
					       &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "sessions.3.led_by: no such facilitator: 'gone'");
	lms_buf_reset(&f.course);
	lms_buf_adds(&f.course, course_yaml);
	f.fail_at = 1;
	assert_int_equal(lms_ops_course_assign(&io, "kurs", "fc", LMS_PLAN,
					       &r), LMS_EIO);
	assert_int_equal(r.before.nsessions + r.after.nsessions, 0);
	assert_int_equal(f.log.len, 0);
	assert_string_equal(f.course.buf, course_yaml);
}

static void unassign_edits_the_course(void **state)
{
	struct lms_assign_result r;

	(void)state;
	assert_int_equal(lms_ops_course_unassign(&io, "kurs", "fb", &r),
			 LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "'fb' is not a facilitator of course 'kurs'");
	assert_int_equal(f.log.len, 0);
	/* fa still leads the first session: the change would leave it
	 * led by someone not on the course, which the file allows. */
	assert_int_equal(lms_ops_course_unassign(&io, "kurs", "fa", &r), 0);
	assert_string_equal(f.log.buf, "kurs ");
	assert_string_equal(r.before.id, "kurs");
	assert_int_equal(r.after.nfacilitators, 0);
	assert_int_equal(r.clashes.naway + r.clashes.nbooked, 0);
	assert_non_null(strstr(f.course.buf, "# the plan, by hand\n"));
	lms_assign_result_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(new_writes_the_course, setup, teardown),
		cmocka_unit_test_setup_teardown(new_refuses_and_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(new_tells_of_clashes, setup, teardown),
		cmocka_unit_test_setup_teardown(new_tells_how_the_template_fits, setup, teardown),
		cmocka_unit_test_setup_teardown(assign_edits_the_course, setup, teardown),
		cmocka_unit_test_setup_teardown(assign_tells_of_bookings, setup, teardown),
		cmocka_unit_test_setup_teardown(assign_refuses_and_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(unassign_edits_the_course, setup, teardown),
	};

	lms_i18n_set(LMS_LANG_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
