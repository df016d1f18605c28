#include <math.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "meetings.h"
#include "participation.h"

/* courses/ID/meetings.yaml and lms meeting add (lms_ops_meeting_add). */

static const char meetings_yaml[] =
	"# Planned with the user representative.\n"
	"- date: 2026-08-20\n"
	"  kind: plan\n"
	"  hours: 1.5\n"
	"  with: [fag-a, bruker-b]\n"
	"- {date: 2026-10-01, kind: evaluate, with: [fag-a], note: Godt}\n";

static void loads(void **state)
{
	struct lms_meetings m;

	(void)state;
	assert_int_equal(lms_meetings_load(&m, "m.yaml", meetings_yaml,
					   strlen(meetings_yaml), NULL), 0);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.v[0].kind, LMS_MEETING_PLAN);
	assert_true(lms_meeting_hours(&m.v[0]) == 1.5);
	assert_true(lms_meeting_hours(&m.v[1]) == 1.0);
	assert_string_equal(m.v[1].note, "Godt");
	assert_true(lms_meetings_attended(&m, "bruker-b", LMS_MEETING_PLAN));
	assert_false(lms_meetings_attended(&m, "bruker-b",
					   LMS_MEETING_EVALUATE));
	assert_true(lms_meetings_attended(&m, "fag-a", LMS_MEETING_EVALUATE));
	assert_false(lms_meetings_attended(&m, "nobody", LMS_MEETING_PLAN));
	lms_meetings_release(&m);
	assert_int_equal(lms_meetings_load(&m, "m.yaml", "", 0, NULL), 0);
	assert_int_equal(m.n, 0);
}

static int load(const char *text)
{
	struct lms_meetings m;
	int err = lms_meetings_load(&m, "m.yaml", text, strlen(text), NULL);

	if (!err)
		lms_meetings_release(&m);
	return err;
}

/* Each refusal names the line and column of the meeting or its key. */
static void refuses_bad_files(void **state)
{
	(void)state;
	assert_error(load("- {date: 2026-08-20, kind: plan}\n"), LMS_EDATA,
		     1, 3, "with: name the facilitators who took part in the "
		     "meeting");
	assert_error(load("- {date: 2026-08-20, kind: plan, with: [a]}\n"
			  "- {date: 2026-08-21, kind: plan, with: [a], "
			  "hours: 0}\n"), LMS_EDATA, 2, 3,
		     "hours: must be more than 0 and at most 24");
	assert_error(load("- {date: 2026-08-20, kind: party, with: [a]}\n"),
		     LMS_EDATA, 1, 28,
		     "1.kind: 'party' is not one of plan, evaluate, other");
	assert_int_equal(load("- {kind: plan, with: [a]}\n"), LMS_EDATA);
	assert_int_equal(load("- {date: 2026-08-20, kind: plan, with: [A!]}\n"),
			 LMS_EDATA);
}

/*
 * What should have happened by a day, and what did: u leads only the
 * second session (led_by); the third has no led_by, so those who deliver
 * lead it; the phases of a course still to come are not due.
 */
static void declared_and_done(void **state)
{
	static const char yaml[] =
		"id: c\ntitle: C\nfacilitators:\n"
		"  - {id: u, phases: [plan, deliver, evaluate]}\n"
		"  - {id: d, phases: [deliver]}\n"
		"sessions:\n"
		"  - {date: 2026-09-07, led_by: [d]}\n"
		"  - {date: 2026-09-14, led_by: [u]}\n"
		"  - {date: 2026-10-05}\n";
	static const char met[] =
		"- {date: 2026-08-20, kind: plan, with: [u]}\n"
		"- {date: 2026-09-30, kind: other, with: [d]}\n";
	struct lms_course c;
	struct lms_meetings m;
	int32_t before = lms_date_from_ymd(2026, 9, 1);
	int32_t between = lms_date_from_ymd(2026, 9, 10);
	int32_t after = lms_date_from_ymd(2026, 10, 1);

	(void)state;
	assert_int_equal(lms_course_load(&c, "c", yaml, strlen(yaml), "c",
					 NULL), 0);
	assert_int_equal(lms_meetings_load(&m, "m", met, strlen(met), NULL), 0);
	assert_int_equal(lms_participation_due(&c, before), 0);
	assert_int_equal(lms_participation_due(&c, between),
			 LMS_PLAN | LMS_DELIVER);
	assert_int_equal(lms_participation_due(&c, after),
			 LMS_PLAN | LMS_DELIVER);
	assert_int_equal(lms_participation_done(&c, &m, "u", between), LMS_PLAN);
	assert_int_equal(lms_participation_done(&c, &m, "u", after),
			 LMS_PLAN | LMS_DELIVER);
	assert_int_equal(lms_participation_done(&c, &m, "d", between),
			 LMS_DELIVER);
	assert_int_equal(lms_participation_done(&c, &m, "u",
						lms_date_from_ymd(2026, 10, 6)),
			 LMS_PLAN | LMS_DELIVER);
	c.status = LMS_COURSE_COMPLETED;
	assert_int_equal(lms_participation_due(&c, before),
			 LMS_PLAN | LMS_DELIVER | LMS_EVALUATE);
	assert_int_equal(lms_participation_done(&c, &m, "u", before),
			 LMS_PLAN | LMS_DELIVER);
	c.status = LMS_COURSE_CANCELLED;
	assert_int_equal(lms_participation_due(&c, after), 0);
	lms_meetings_release(&m);
	lms_course_release(&c);
}

/* lms meeting add, through a fake of the tree. */

struct fake {
	struct lms_buf text;
	bool missing;
	int saves;
	const char *course_yaml;
};

static struct fake f;
static struct lms_ops_io io;

static int fake_load_text(void *arg, enum lms_file which, const char *course,
			  struct lms_buf *out)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_MEETINGS);
	assert_string_equal(course, "kurs");
	if (k->missing)
		return lms_error(LMS_ENOENT, "meetings.yaml: no such file");
	lms_buf_add(out, k->text.buf, k->text.len);
	return 0;
}

static char *fake_path(void *arg, enum lms_file which, const char *course)
{
	(void)arg;
	(void)course;
	assert_int_equal(which, LMS_FILE_MEETINGS);
	return lms_strdup("courses/kurs/meetings.yaml");
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_MEETINGS);
	assert_string_equal(course, "kurs");
	k->saves++;
	k->missing = false;
	lms_buf_reset(&k->text);
	lms_buf_add(&k->text, text->buf, text->len);
	return 0;
}

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	struct fake *k = arg;

	(void)text;
	if (strcmp(id, "kurs"))
		return lms_error(LMS_ENOENT, "no such course: '%s'", id);
	return lms_course_load(out, "courses/kurs/course.yaml", k->course_yaml,
			       strlen(k->course_yaml), "kurs", NULL);
}

static int fake_load_facilitators(void *arg, struct lms_facilitator **out,
				  size_t *n)
{
	static const char yaml[] =
		"- {id: fag-a, name: Fag A, kind: professional}\n"
		"- {id: bruker-b, name: Bruker B, kind: user-representative}\n";

	(void)arg;
	return lms_facilitators_load(out, n, "people/facilitators.yaml", yaml,
				     strlen(yaml), NULL);
}

static int setup(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.text);
	f.course_yaml = "id: kurs\ntitle: Kurs\nfacilitators:\n"
			"  - {id: gjest-c}\n";
	memset(&io, 0, sizeof(io));
	io.arg = &f;
	io.load_text = fake_load_text;
	io.path = fake_path;
	io.save = fake_save;
	io.load_course = fake_load_course;
	io.load_facilitators = fake_load_facilitators;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&f.text);
	return 0;
}

static struct lms_meeting entry(int kind, char **with, size_t nwith)
{
	struct lms_meeting m;

	lms_schema_init(&lms_meeting_schema, &m);
	m.date = lms_date_from_ymd(2026, 8, 20);
	m.kind = kind;
	m.with = with;
	m.nwith = nwith;
	return m;
}

/* The first makes the file; the next goes at its end, and what people
 * wrote by hand stays.  A facilitator of the course need not be in the
 * registry (gjest-c), and one in the registry need not be on the course. */
static void add(void **state)
{
	char *ab[] = { (char *)"fag-a", (char *)"bruker-b" };
	char *c[] = { (char *)"gjest-c" };
	struct lms_meeting a = entry(LMS_MEETING_PLAN, ab, 2);
	struct lms_meeting b = entry(LMS_MEETING_EVALUATE, c, 1);
	struct lms_meetings m;

	(void)state;
	f.missing = true;
	assert_int_equal(lms_ops_load_meetings(&io, "kurs", &m), 0);
	assert_int_equal(m.n, 0);
	a.hours = 1.5;
	assert_int_equal(lms_ops_meeting_add(&io, "kurs", &a), 0);
	assert_string_equal(f.text.buf, "- date: 2026-08-20\n  kind: plan\n"
			    "  hours: 1.5\n  with: [fag-a, bruker-b]\n");
	lms_buf_adds(&f.text, "# hand-written\n");
	b.note = (char *)"Godt samarbeid";
	assert_int_equal(lms_ops_meeting_add(&io, "kurs", &b), 0);
	assert_string_equal(f.text.buf, "- date: 2026-08-20\n  kind: plan\n"
			    "  hours: 1.5\n  with: [fag-a, bruker-b]\n"
			    "- date: 2026-08-20\n  kind: evaluate\n"
			    "  with: [gjest-c]\n  note: Godt samarbeid\n"
			    "# hand-written\n");
	assert_int_equal(f.saves, 2);
	assert_int_equal(lms_ops_load_meetings(&io, "kurs", &m), 0);
	assert_int_equal(m.n, 2);
	lms_meetings_release(&m);
}

/* No course, someone unknown or named twice, a file that does not load:
 * nothing is written. */
static void refusals(void **state)
{
	char *x[] = { (char *)"fag-a", (char *)"nobody" };
	char *twice[] = { (char *)"fag-a", (char *)"fag-a" };
	char *a[] = { (char *)"fag-a" };
	struct lms_meeting m = entry(LMS_MEETING_PLAN, a, 1);
	struct lms_meetings all;

	(void)state;
	assert_error(lms_ops_meeting_add(&io, "annet", &m), LMS_ENOENT, 0, 0,
		     "no such course: 'annet'");
	m.with = x;
	m.nwith = 2;
	assert_error(lms_ops_meeting_add(&io, "kurs", &m), LMS_ENOENT, 0, 0,
		     "no such facilitator: 'nobody' (see lms facilitator add)");
	m.with = twice;
	assert_error(lms_ops_meeting_add(&io, "kurs", &m), LMS_EUSAGE, 0, 0,
		     "'fag-a' is named twice");
	m.with = a;
	m.nwith = 1;
	lms_buf_adds(&f.text, "- {date: 2026-08-20, kind: party, with: [a]}\n");
	assert_int_equal(lms_ops_meeting_add(&io, "kurs", &m), LMS_EDATA);
	assert_int_equal(lms_ops_load_meetings(&io, "kurs", &all), LMS_EDATA);
	m.hours = 30;
	lms_buf_reset(&f.text);
	assert_error(lms_ops_meeting_add(&io, "kurs", &m), LMS_EDATA, 1, 3,
		     "hours: must be more than 0 and at most 24");
	assert_int_equal(f.saves, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads),
		cmocka_unit_test(refuses_bad_files),
		cmocka_unit_test(declared_and_done),
		cmocka_unit_test_setup_teardown(add, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
