#include <stdbool.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "attend.h"
#include "close.h"
#include "date.h"
#include "i18n.h"
#include "opsio.h"
#include "purge.h"
#include "waitlist.h"

/*
 * The operations against a fake store: a course's files as texts in
 * memory, each save replacing one at once, as a tree written without a
 * journal would.  A save can be made to fail, to see what a crash between
 * two writes leaves, and that running the operation again repairs it.
 */

struct fake {
	struct lms_buf course, enrolments, attendance, facilitators, reg;
	struct lms_buf evaluations;
	struct lms_buf offers;		/* offers.yaml; empty: no file */
	struct lms_buf log;		/* the saves, in order: "enrolments course " */
	int fail_at;			/* this save (from 1) fails; 0: none */
	int saves;
};

static struct fake f;
static struct lms_ops_io io;

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	struct fake *k = arg;
	int err = lms_course_load(out, "course.yaml", k->course.buf,
				  k->course.len, id, NULL);

	if (!err && text)
		lms_buf_add(text, k->course.buf, k->course.len);
	return err;
}

static int fake_load_enrolments(void *arg, const char *course,
				struct lms_enrolments *out)
{
	struct fake *k = arg;

	(void)course;
	return lms_enrolments_load(out, "enrolments.yaml", k->enrolments.buf,
				   k->enrolments.len);
}

static int fake_load_attendance(void *arg, const char *course,
				struct lms_attendance *out)
{
	struct fake *k = arg;

	(void)course;
	return lms_attendance_load(out, "attendance.yaml", k->attendance.buf,
				   k->attendance.len);
}

static int fake_load_evaluations(void *arg, const char *course,
				 struct lms_evaluations *out)
{
	struct fake *k = arg;

	(void)course;
	return lms_evaluations_load(out, "evaluations.yaml",
				    k->evaluations.buf, k->evaluations.len);
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

static const char *const names[LMS_NFILES] = {
	[LMS_FILE_COURSE] = "course", [LMS_FILE_ENROLMENTS] = "enrolments",
	[LMS_FILE_ATTENDANCE] = "attendance", [LMS_FILE_OFFERS] = "offers",
	[LMS_FILE_EVALUATIONS] = "evaluations"
};

static int fake_load_text(void *arg, enum lms_file which, const char *course,
			  struct lms_buf *out)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_OFFERS);
	assert_null(course);
	if (!k->offers.len)
		return lms_error(LMS_ENOENT, "offers.yaml: no such file");
	lms_buf_add(out, k->offers.buf, k->offers.len);
	return 0;
}

static char *fake_path(void *arg, enum lms_file which, const char *course)
{
	struct lms_buf p = LMS_BUF_INIT;

	(void)arg;
	lms_buf_addf(&p, "courses/%s/%s.yaml", course, names[which]);
	return lms_buf_detach(&p);
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;
	struct lms_buf *to = which == LMS_FILE_COURSE ? &k->course :
			     which == LMS_FILE_ENROLMENTS ? &k->enrolments :
			     which == LMS_FILE_EVALUATIONS ? &k->evaluations :
			     &k->attendance;

	(void)course;
	if (++k->saves == k->fail_at)
		return lms_error(LMS_EIO, "disk full");
	lms_buf_addf(&k->log, "%s ", names[which]);
	lms_buf_reset(to);
	lms_buf_add(to, text->buf, text->len);
	return 0;
}

static int fake_course_ids(void *arg, char ***out, size_t *n)
{
	(void)arg;
	*out = lms_calloc(1, sizeof(char *));
	(*out)[0] = lms_strdup("kurs");
	*n = 1;
	return 0;
}

static int fake_load_register(void *arg, struct lms_register *out)
{
	struct fake *k = arg;

	return lms_register_load(out, "participants.yaml", k->reg.buf,
				 k->reg.len);
}

static int fake_save_register(void *arg, const struct lms_register *r)
{
	struct fake *k = arg;

	if (++k->saves == k->fail_at)
		return lms_error(LMS_EIO, "disk full");
	lms_buf_adds(&k->log, "register ");
	lms_buf_reset(&k->reg);
	lms_register_emit(&k->reg, r);
	return 0;
}

/* The service has one template, "mal", and one form, "skjema". */
static int fake_load_template(void *arg, const char *id,
			      struct lms_template *out)
{
	(void)arg;
	memset(out, 0, sizeof(*out));
	return strcmp(id, "mal") ? lms_error(LMS_ENOENT, "no such template: "
					     "'%s'", id) : 0;
}

static int fake_load_form(void *arg, const char *id, struct lms_form *out)
{
	(void)arg;
	memset(out, 0, sizeof(*out));
	return strcmp(id, "skjema") ? lms_error(LMS_ENOENT, "no such form: "
						"'%s'", id) : 0;
}

static const char course_yaml[] =
	"# the plan, by hand\n"
	"id: kurs\ntitle: T\nstatus: open\ncapacity: 1\nwaitlist: true\n"
	"facilitators:\n  - id: fa\n    phases: [deliver]\n"
	"sessions:\n"
	"  - {date: 2026-09-07, led_by: [fa]}\n"
	"  - {date: 2026-09-10}\n"
	"  - {date: 2026-09-14}\n";

static const char enrolments_yaml[] =
	"- person: p-aaaaaa\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-01\n"
	"- person: p-bbbbbb\n  role: participant\n  status: waitlisted\n"
	"  requested: 2026-08-02\n"
	"- person: p-cccccc\n  role: participant\n  status: waitlisted\n"
	"  requested: 2026-08-03\n";

/* On the course, never on one (old and new consent), without a date. */
static const char register_yaml[] =
	"- id: p-aaaaaa\n  name: Test Aaa\n  consent: 2026-08-01\n"
	"- id: p-dddddd\n  name: Test Ddd\n  consent: 2020-01-01\n"
	"- id: p-eeeeee\n  name: Test Eee\n"
	"- id: p-ffffff\n  name: Test Fff\n  consent: 2028-01-01\n";

static int setup(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.course);
	lms_buf_init(&f.enrolments);
	lms_buf_init(&f.attendance);
	lms_buf_init(&f.facilitators);
	lms_buf_init(&f.log);
	lms_buf_init(&f.reg);
	lms_buf_init(&f.offers);
	lms_buf_init(&f.evaluations);
	lms_buf_adds(&f.reg, register_yaml);
	lms_buf_adds(&f.course, course_yaml);
	lms_buf_adds(&f.enrolments, enrolments_yaml);
	lms_buf_adds(&f.attendance,
		       "\"2026-09-07\":\n  p-aaaaaa: present\n");
	lms_buf_adds(&f.facilitators,
		       "- id: fa\n  name: Fa Test\n  kind: professional\n");
	io.arg = &f;
	io.load_course = fake_load_course;
	io.load_enrolments = fake_load_enrolments;
	io.load_attendance = fake_load_attendance;
	io.load_facilitators = fake_load_facilitators;
	io.path = fake_path;
	io.save = fake_save;
	io.course_ids = fake_course_ids;
	io.load_register = fake_load_register;
	io.save_register = fake_save_register;
	io.load_text = fake_load_text;
	io.load_template = fake_load_template;
	io.load_form = fake_load_form;
	io.load_evaluations = fake_load_evaluations;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&f.course);
	lms_buf_release(&f.enrolments);
	lms_buf_release(&f.attendance);
	lms_buf_release(&f.facilitators);
	lms_buf_release(&f.log);
	lms_buf_release(&f.reg);
	lms_buf_release(&f.offers);
	lms_buf_release(&f.evaluations);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

/* The status of a person in the fake's enrolments, or -1. */
static int status_of(const char *person)
{
	struct lms_enrolments e;
	struct lms_enrolment *r;
	int status;

	assert_int_equal(fake_load_enrolments(&f, "kurs", &e), 0);
	r = lms_enrolments_find(&e, person);
	status = r ? r->status : -1;
	lms_enrolments_release(&e);
	return status;
}

static int course_status(void)
{
	struct lms_course c;
	int status;

	assert_int_equal(fake_load_course(&f, "kurs", &c, NULL), 0);
	status = c.status;
	lms_course_release(&c);
	return status;
}

static int close_course(int32_t today, const struct lms_follow_up *fu,
			size_t nfu, struct lms_close_result *r)
{
	struct lms_close_request req = {
		.course = "kurs", .follow_up = fu, .nfollow_up = nfu,
		.completion = 0.5, .today = today
	};

	return lms_ops_close(&io, &req, r);
}

static void close_writes_enrolments_then_course(void **state)
{
	struct lms_follow_up fu = { (char *)"p-aaaaaa", "self-help-group" };
	struct lms_close_result r;

	(void)state;
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 10), &fu, 1,
				      &r), 0);
	assert_string_equal(f.log.buf, "enrolments course ");
	assert_int_equal(course_status(), LMS_COURSE_COMPLETED);
	/* The hand-written rest of course.yaml stays as it was. */
	assert_memory_equal(f.course.buf, "# the plan, by hand\n", 20);
	assert_int_equal(status_of("p-aaaaaa"), LMS_COMPLETED);
	assert_int_equal(status_of("p-bbbbbb"), LMS_WAITLISTED);
	assert_int_equal(r.e.n, 3);
	assert_string_equal(r.e.v[0].follow_up, "self-help-group");
	assert_int_equal(r.attended[0], 1);
	assert_int_equal(r.held[0], 2);
	/* 2026-09-10 was held with no record: it counts as missed. */
	assert_int_equal(r.nunrecorded, 1);
	assert_int_equal(r.unrecorded[0], lms_date_from_ymd(2026, 9, 10));
	lms_close_result_release(&r);
}

static void close_refuses_and_changes_nothing(void **state)
{
	struct lms_follow_up fu = { (char *)"p-bbbbbb", "x" };
	struct lms_close_result r;

	(void)state;
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 1), NULL, 0,
				      &r), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "course 'kurs' has held no session yet");
	/* Someone waiting is offered no follow-up. */
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), &fu, 1,
				      &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "p-bbbbbb is on the waiting list of course 'kurs', "
			    "not on the course");
	lms_buf_reset(&f.course);
	lms_buf_adds(&f.course, "id: kurs\ntitle: T\nstatus: cancelled\n");
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), NULL, 0,
				      &r), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg, "course 'kurs' is cancelled");
	assert_int_equal(f.saves, 0);
	assert_string_equal(f.enrolments.buf, enrolments_yaml);
}

/* Once there are offers, a follow-up written as an id names one; free
 * text stays free. */
static void close_names_an_offer(void **state)
{
	struct lms_follow_up typo = { (char *)"p-aaaaaa", "selvhjelp-agnst" };
	struct lms_follow_up none = { (char *)"p-aaaaaa", "zzz" };
	struct lms_follow_up fu = { (char *)"p-aaaaaa", "selvhjelp-angst" };
	struct lms_follow_up text = { (char *)"p-aaaaaa", "samtale med fastlegen" };
	struct lms_close_result r;

	(void)state;
	lms_buf_adds(&f.offers, "- id: selvhjelp-angst\n  name: Selvhjelp\n"
		     "  kind: self-help-group\n");
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), &typo, 1,
				      &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no such offer: "
			    "'selvhjelp-agnst' (did you mean 'selvhjelp-angst'?)");
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), &none, 1,
				      &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no such offer: 'zzz' "
			    "(see lms offer list)");
	assert_int_equal(f.saves, 0);
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), &fu, 1,
				      &r), 0);
	assert_string_equal(r.e.v[0].follow_up, "selvhjelp-angst");
	lms_close_result_release(&r);
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), &text, 1,
				      &r), 0);
	assert_string_equal(r.e.v[0].follow_up, "samtale med fastlegen");
	lms_close_result_release(&r);
	/* A register that does not load stops the close. */
	lms_buf_reset(&f.offers);
	lms_buf_adds(&f.offers, "- id: x\n");
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), &fu, 1,
				      &r), LMS_EDATA);
}

/* An unknown leader makes the new course.yaml invalid: nothing is written. */
static void close_checks_who_leads(void **state)
{
	struct lms_close_result r;

	(void)state;
	lms_buf_reset(&f.facilitators);
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), NULL, 0,
				      &r), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "sessions.1.led_by: no such facilitator: 'fa'");
	assert_int_equal(f.saves, 0);
}

/*
 * Stopped after the first write, the course is open with everyone judged;
 * closing again judges the same and completes it.  Stopped before it,
 * nothing changed.
 */
static void close_stopped_between_writes_is_repaired(void **state)
{
	struct lms_buf clean = LMS_BUF_INIT;
	struct lms_close_result r;
	int32_t day = lms_date_from_ymd(2026, 9, 20);

	(void)state;
	assert_int_equal(close_course(day, NULL, 0, &r), 0);
	lms_buf_add(&clean, f.enrolments.buf, f.enrolments.len);
	lms_close_result_release(&r);
	teardown(NULL);
	setup(NULL);

	f.fail_at = 1;
	assert_int_equal(close_course(day, NULL, 0, &r), LMS_EIO);
	assert_string_equal(f.enrolments.buf, enrolments_yaml);
	assert_int_equal(course_status(), LMS_COURSE_OPEN);

	f.fail_at = 2 + f.saves;
	assert_int_equal(close_course(day, NULL, 0, &r), LMS_EIO);
	assert_string_equal(f.log.buf, "enrolments ");
	assert_int_equal(course_status(), LMS_COURSE_OPEN);
	assert_int_equal(status_of("p-aaaaaa"), LMS_NOT_COMPLETED);

	f.fail_at = 0;
	assert_int_equal(close_course(day, NULL, 0, &r), 0);
	lms_close_result_release(&r);
	assert_int_equal(course_status(), LMS_COURSE_COMPLETED);
	assert_string_equal(f.enrolments.buf, clean.buf);
	lms_buf_release(&clean);
}

static void say(const struct lms_enrolment *r, void *arg)
{
	lms_buf_addf(arg, "%s ", r->person);
}

static void withdraw_moves_the_waiting_list_up(void **state)
{
	struct lms_buf moved = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_ops_withdraw(&io, "kurs", "p-aaaaaa", say, &moved),
			 0);
	assert_string_equal(f.log.buf, "enrolments ");
	assert_string_equal(moved.buf, "p-bbbbbb ");
	assert_int_equal(status_of("p-aaaaaa"), LMS_WITHDRAWN);
	assert_int_equal(status_of("p-bbbbbb"), LMS_ENROLLED);
	assert_int_equal(status_of("p-cccccc"), LMS_WAITLISTED);
	lms_buf_release(&moved);
}

static void withdraw_refused_or_failed_changes_nothing(void **state)
{
	(void)state;
	assert_int_equal(lms_ops_withdraw(&io, "kurs", "p-zzzzzz", NULL, NULL),
			 LMS_ENOENT);
	f.fail_at = 1;
	assert_int_equal(lms_ops_withdraw(&io, "kurs", "p-aaaaaa", NULL, NULL),
			 LMS_EIO);
	assert_string_equal(f.enrolments.buf, enrolments_yaml);
}

static int set(const char *setting, struct lms_buf *moved)
{
	const char *settings[] = { setting };
	struct lms_set_result r;
	int err = lms_ops_course_set(&io, "kurs", settings, 1, say, moved, &r);

	if (!err)
		lms_set_result_release(&r);
	return err;
}

static void capacity_writes_course_then_enrolments(void **state)
{
	struct lms_buf moved = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(set("capacity=3", &moved), 0);
	assert_string_equal(f.log.buf, "course enrolments ");
	assert_string_equal(moved.buf, "p-bbbbbb p-cccccc ");
	assert_int_equal(status_of("p-cccccc"), LMS_ENROLLED);
	/* Nobody left to move up: only the course is written. */
	assert_int_equal(set("title=U", NULL), 0);
	assert_string_equal(f.log.buf, "course enrolments course ");
	lms_buf_release(&moved);
}

/*
 * Stopped between the writes, the course has more places while people
 * wait (which lms check warns of); the next change moves them up.
 */
static void capacity_stopped_between_writes_is_repaired(void **state)
{
	struct lms_buf moved = LMS_BUF_INIT;

	(void)state;
	f.fail_at = 2;
	assert_int_equal(set("capacity=2", &moved), LMS_EIO);
	assert_string_equal(f.log.buf, "course ");
	assert_string_equal(f.enrolments.buf, enrolments_yaml);
	f.fail_at = 0;
	lms_buf_reset(&moved);
	assert_int_equal(set("capacity=2", &moved), 0);
	assert_string_equal(moved.buf, "p-bbbbbb ");
	assert_int_equal(status_of("p-bbbbbb"), LMS_ENROLLED);
	assert_int_equal(status_of("p-cccccc"), LMS_WAITLISTED);
	lms_buf_release(&moved);
}

/* A course that is over moves nobody up; a bad value writes nothing. */
static void set_rules(void **state)
{
	struct lms_buf moved = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(set("status=cancelled", NULL), 0);
	assert_int_equal(set("capacity=5", &moved), 0);
	assert_string_equal(f.log.buf, "course course ");
	assert_int_equal(moved.len, 0);
	assert_int_not_equal(set("capacity=lots", NULL), 0);
	/* A setting that is no KEY=VALUE is refused, not read past. */
	assert_int_equal(set("capacity", NULL), LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg,
			    "'capacity' is not KEY=VALUE");
	assert_int_equal(set("=5", NULL), LMS_EUSAGE);
	assert_int_equal(f.saves, 2);
	lms_buf_release(&moved);
}

/*
 * A template or form a change names anew must be there, and a refused
 * change writes nothing; one the course named before is lms check's to
 * report, and does not stop a change of something else.
 */
static void set_names_what_is_there(void **state)
{
	(void)state;
	assert_int_equal(set("template=nope", NULL), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "template: no such template: 'nope'");
	assert_int_equal(set("forms=skjema,nope", NULL), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "forms: no such form: 'nope'");
	assert_int_equal(f.saves, 0);
	assert_string_equal(f.course.buf, course_yaml);
	assert_int_equal(set("template=mal", NULL), 0);
	assert_int_equal(set("forms=skjema", NULL), 0);
	lms_buf_reset(&f.course);
	lms_buf_addf(&f.course, "%sforms: [gone]\n", course_yaml);
	assert_int_equal(set("title=U", NULL), 0);
	assert_int_equal(set("forms=gone,skjema", NULL), 0);
	assert_string_equal(f.log.buf, "course course course course ");
}

/*
 * A session moved to another date takes its records along, written
 * before the course: its attendance and the responses given at it.  A
 * record that would land on a date with one already is refused, with
 * nothing written; dates that sessions keep, as in a swap, keep theirs.
 */
static void set_moves_a_sessions_records(void **state)
{
	static const char *const swap[] = {
		"sessions.1.date=2026-09-10", "sessions.2.date=2026-09-08"
	};
	struct lms_set_result r;

	(void)state;
	lms_buf_adds(&f.evaluations, "- form: f\n  phase: session\n"
		     "  session: 2026-09-07\n  date: 2026-09-07\n"
		     "  answers: {a: 1}\n");
	assert_int_equal(set("sessions.1.date=8.9.2026", NULL), 0);
	assert_string_equal(f.log.buf, "attendance evaluations course ");
	assert_string_equal(f.attendance.buf,
			    "\"2026-09-08\":\n  p-aaaaaa: present\n");
	assert_non_null(strstr(f.evaluations.buf, "session: 2026-09-08\n"));
	lms_buf_adds(&f.attendance, "\"2026-09-10\":\n  p-aaaaaa: absent\n");
	assert_int_equal(set("sessions.1.date=2026-09-10", NULL),
			 LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg, "the attendance of "
			    "2026-09-08 cannot move with its session to "
			    "2026-09-10, which has attendance recorded "
			    "already");
	assert_int_equal(f.saves, 3);
	assert_int_equal(lms_ops_course_set(&io, "kurs", swap, 2, NULL, NULL,
					    &r), 0);
	assert_int_equal(r.nmoves, 0);
	lms_set_result_release(&r);
	assert_string_equal(f.log.buf,
			    "attendance evaluations course course ");
}

/* Without the lock (no change under way) the tree writes nothing. */
static void tree_io_needs_the_lock(void **state)
{
	struct lms_tree t;
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_ops_io tio;

	(void)state;
	memset(&t, 0, sizeof(t));
	t.root = (char *)".";
	lms_ops_tree_io(&tio, &t);
	lms_buf_adds(&text, "[]\n");
	assert_int_equal(tio.save(tio.arg, LMS_FILE_ENROLMENTS, "kurs", &text),
			 LMS_EIO);
	assert_string_equal(lms_last_error()->msg, "internal: writing "
			    "'courses/kurs/enrolments.yaml' without the "
			    "tree's lock");
	assert_int_equal(tio.save_register(tio.arg, &(struct lms_register){
						   NULL, 0 }), LMS_EIO);
	lms_buf_release(&text);
}

static void judged(const struct lms_enrolment *r, int was, size_t attended,
		   size_t held, void *arg)
{
	lms_buf_addf(arg, "%s %d->%d %zu/%zu, ", r->person, was, r->status,
		     attended, held);
}

static int attend(const char *session, char **present, size_t npresent,
		  char **absent, size_t nabsent, bool all,
		  struct lms_buf *heard, struct lms_attend_result *r)
{
	struct lms_attend_request req = {
		.course = "kurs", .session = session,
		.present = present, .npresent = npresent,
		.absent = absent, .nabsent = nabsent, .all = all,
		.participants = LMS_UNSET, .relatives = LMS_UNSET,
		.completion = 0.5, .today = lms_date_from_ymd(2026, 9, 20)
	};

	return lms_ops_attend(&io, &req, judged, heard, r);
}

static void attend_marks_people_on_the_course(void **state)
{
	char *a[] = { (char *)"p-aaaaaa" }, *b[] = { (char *)"p-bbbbbb" };
	struct lms_attend_result r;

	(void)state;
	assert_int_equal(attend("2", a, 1, NULL, 0, false, NULL, &r), 0);
	assert_string_equal(f.log.buf, "attendance ");
	assert_int_equal(r.number, 2);
	assert_int_equal(r.date, lms_date_from_ymd(2026, 9, 10));
	assert_int_equal(r.present, 1);
	assert_int_equal(r.marked, 1);
	assert_int_equal(r.participants, LMS_UNSET);
	/* Someone waiting, or named twice, is refused. */
	assert_int_equal(attend("2", b, 1, NULL, 0, false, NULL, &r),
			 LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "p-bbbbbb is on the waiting list of course 'kurs', "
			    "not on the course");
	assert_int_equal(attend("2", a, 1, a, 1, false, NULL, &r), LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg, "p-aaaaaa is named twice");
	assert_int_equal(attend("9", a, 1, NULL, 0, false, NULL, &r),
			 LMS_ENOENT);
	assert_int_equal(f.saves, 1);
}

static void attend_all_needs_someone(void **state)
{
	struct lms_attend_result r;

	(void)state;
	lms_buf_reset(&f.enrolments);
	assert_int_equal(attend("1", NULL, 0, NULL, 0, true, NULL, &r),
			 LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg,
			    "nobody is enrolled on course 'kurs'");
	assert_int_equal(f.saves, 0);
}

/*
 * On a closed course the verdicts follow: attendance first, then the
 * enrolments.  Stopped between, recording again judges anew.
 */
static void attend_judges_a_closed_course_again(void **state)
{
	char *a[] = { (char *)"p-aaaaaa" };
	struct lms_buf heard = LMS_BUF_INIT, want = LMS_BUF_INIT;
	struct lms_close_result cr;
	struct lms_attend_result r;

	(void)state;
	assert_int_equal(close_course(lms_date_from_ymd(2026, 9, 20), NULL, 0,
				      &cr), 0);
	lms_close_result_release(&cr);
	assert_int_equal(status_of("p-aaaaaa"), LMS_NOT_COMPLETED);
	lms_buf_reset(&f.log);
	f.fail_at = f.saves + 2;
	assert_int_equal(attend("2", a, 1, NULL, 0, false, &heard, &r),
			 LMS_EIO);
	assert_string_equal(f.log.buf, "attendance ");
	assert_int_equal(status_of("p-aaaaaa"), LMS_NOT_COMPLETED);
	f.fail_at = 0;
	lms_buf_reset(&heard);
	assert_int_equal(attend("2", a, 1, NULL, 0, false, &heard, &r), 0);
	assert_string_equal(f.log.buf, "attendance attendance enrolments ");
	lms_buf_addf(&want, "p-aaaaaa %d->%d 2/3, ", LMS_NOT_COMPLETED,
		     LMS_COMPLETED);
	assert_string_equal(heard.buf, want.buf);
	assert_int_equal(status_of("p-aaaaaa"), LMS_COMPLETED);
	/* No verdict changes: the enrolments are not written. */
	assert_int_equal(attend("2", a, 1, NULL, 0, false, &heard, &r), 0);
	assert_string_equal(f.log.buf,
			    "attendance attendance enrolments attendance ");
	lms_buf_release(&heard);
	lms_buf_release(&want);
}

static bool in_register(const char *person)
{
	struct lms_register r;
	bool found;

	assert_int_equal(fake_load_register(&f, &r), 0);
	found = lms_register_find(&r, person) != NULL;
	lms_register_release(&r);
	return found;
}

static void forget_writes_the_register_only(void **state)
{
	(void)state;
	assert_int_equal(lms_ops_forget(&io, "p-zzzzzz"), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no such person: 'p-zzzzzz'");
	assert_int_equal(f.saves, 0);
	f.fail_at = 1;
	assert_int_equal(lms_ops_forget(&io, "p-aaaaaa"), LMS_EIO);
	assert_true(in_register("p-aaaaaa"));
	f.fail_at = 0;
	assert_int_equal(lms_ops_forget(&io, "p-aaaaaa"), 0);
	assert_string_equal(f.log.buf, "register ");
	assert_false(in_register("p-aaaaaa"));
	assert_true(in_register("p-dddddd"));
	/* The course files keep the bare id. */
	assert_int_equal(status_of("p-aaaaaa"), LMS_ENROLLED);
}

static void said(const char *person, int32_t last, bool had_course, void *arg)
{
	lms_buf_addf(arg, "%s %d %d, ", person, last, had_course);
}

static void purge_by_last_course_else_consent(void **state)
{
	struct lms_purge_request req = {
		lms_date_from_ymd(2028, 10, 1), 24, true
	};
	struct lms_buf heard = LMS_BUF_INIT, want = LMS_BUF_INIT;
	size_t n = 0;

	(void)state;
	/* The course ended 2026-09-14, before the cutoff, 2026-10-01. */
	lms_buf_addf(&want, "p-aaaaaa %d 1, p-dddddd %d 0, ",
		     lms_date_from_ymd(2026, 9, 14),
		     lms_date_from_ymd(2020, 1, 1));
	assert_int_equal(lms_ops_purge(&io, &req, said, &heard, &n), 0);
	assert_string_equal(heard.buf, want.buf);
	assert_int_equal(n, 2);
	assert_int_equal(f.saves, 0);
	assert_string_equal(f.reg.buf, register_yaml);

	req.dry_run = false;
	f.fail_at = 1;
	assert_int_equal(lms_ops_purge(&io, &req, NULL, NULL, &n), LMS_EIO);
	assert_string_equal(f.reg.buf, register_yaml);
	f.fail_at = 0;
	assert_int_equal(lms_ops_purge(&io, &req, NULL, NULL, &n), 0);
	assert_string_equal(f.log.buf, "register ");
	assert_false(in_register("p-aaaaaa"));
	assert_false(in_register("p-dddddd"));
	assert_true(in_register("p-eeeeee"));
	assert_true(in_register("p-ffffff"));

	/* Nobody left to forget: nothing is written. */
	assert_int_equal(lms_ops_purge(&io, &req, NULL, NULL, &n), 0);
	assert_int_equal(n, 0);
	assert_string_equal(f.log.buf, "register ");
	lms_buf_release(&heard);
	lms_buf_release(&want);
}

/* A course without sessions has not ended: its people stay. */
static void purge_keeps_people_of_a_course_not_ended(void **state)
{
	struct lms_purge_request req = {
		lms_date_from_ymd(2028, 10, 1), 24, false
	};
	size_t n = 0;

	(void)state;
	lms_buf_reset(&f.course);
	lms_buf_adds(&f.course, "id: kurs\ntitle: T\nstatus: planned\n");
	assert_int_equal(lms_ops_purge(&io, &req, NULL, NULL, &n), 0);
	assert_int_equal(n, 1);
	assert_true(in_register("p-aaaaaa"));
	assert_false(in_register("p-dddddd"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(close_writes_enrolments_then_course, setup, teardown),
		cmocka_unit_test_setup_teardown(close_refuses_and_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(close_checks_who_leads, setup, teardown),
		cmocka_unit_test_setup_teardown(close_names_an_offer, setup, teardown),
		cmocka_unit_test_setup_teardown(close_stopped_between_writes_is_repaired, setup, teardown),
		cmocka_unit_test_setup_teardown(withdraw_moves_the_waiting_list_up, setup, teardown),
		cmocka_unit_test_setup_teardown(withdraw_refused_or_failed_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(capacity_writes_course_then_enrolments, setup, teardown),
		cmocka_unit_test_setup_teardown(capacity_stopped_between_writes_is_repaired, setup, teardown),
		cmocka_unit_test_setup_teardown(set_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(set_names_what_is_there, setup, teardown),
		cmocka_unit_test_setup_teardown(set_moves_a_sessions_records, setup, teardown),
		cmocka_unit_test_setup_teardown(attend_marks_people_on_the_course, setup, teardown),
		cmocka_unit_test_setup_teardown(attend_all_needs_someone, setup, teardown),
		cmocka_unit_test_setup_teardown(attend_judges_a_closed_course_again, setup, teardown),
		cmocka_unit_test_setup_teardown(forget_writes_the_register_only, setup, teardown),
		cmocka_unit_test_setup_teardown(purge_by_last_course_else_consent, setup, teardown),
		cmocka_unit_test_setup_teardown(purge_keeps_people_of_a_course_not_ended, setup, teardown),
		cmocka_unit_test(tree_io_needs_the_lock),
	};

	lms_i18n_set(LMS_LANG_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
