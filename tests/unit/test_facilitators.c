#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "date.h"
#include "facilitators.h"

/*
 * lms facilitator add, set and show against a fake store:
 * people/facilitators.yaml as a text in memory (or missing), each save
 * replacing it, and two courses for show.
 */

struct fake {
	struct lms_buf text;
	bool missing;
	int saves;
};

static struct fake f;
static struct lms_ops_io io;

static int fake_load_facilitators(void *arg, struct lms_facilitator **out,
				  size_t *n)
{
	struct fake *k = arg;

	*out = NULL;
	*n = 0;
	return k->missing ? 0 : lms_facilitators_load(out, n, "f.yaml",
						       k->text.buf, k->text.len,
						       NULL);
}

static int fake_load_text(void *arg, enum lms_file which, const char *course,
			  struct lms_buf *out)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_FACILITATORS);
	assert_null(course);
	if (k->missing)
		return lms_error(LMS_ENOENT, "f.yaml: no such file");
	lms_buf_add(out, k->text.buf, k->text.len);
	return 0;
}

static char *fake_path(void *arg, enum lms_file which, const char *course)
{
	(void)arg;
	(void)which;
	(void)course;
	return lms_strdup("f.yaml");
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_FACILITATORS);
	assert_null(course);
	k->saves++;
	k->missing = false;
	lms_buf_reset(&k->text);
	lms_buf_add(&k->text, text->buf, text->len);
	return 0;
}

/* a: a led b's session on the 7th; planned from the 1st of October.
 * b: cancelled, whose session a leads but not. */
static const char *const course_texts[][2] = {
	{ "a", "id: a\ntitle: Kurs A\nstatus: open\n"
	       "facilitators: [{id: a, phases: [plan, deliver]}]\n"
	       "sessions:\n"
	       "  - {date: 2026-10-08, start: \"18:00\", end: \"20:00\"}\n"
	       "  - {date: 2026-09-03, theme: Start}\n"
	       "  - {date: 2026-10-01}\n" },
	{ "b", "id: b\ntitle: Kurs B\nstatus: open\n"
	       "sessions: [{date: 2026-09-07, led_by: [a]}]\n" },
	{ "c", "id: c\ntitle: Kurs C\nstatus: cancelled\n"
	       "sessions: [{date: 2026-11-07, led_by: [a]}]\n" },
	{ "d", "id: d\ntitle: [\n" },
	{ "e", "id: e\ntitle: Kurs E\nstatus: planned\n"
	       "sessions: [{date: 2026-10-02, led_by: [z]}]\n" },
};

static int fake_course_ids(void *arg, char ***out, size_t *n)
{
	(void)arg;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < 5; i++)
		*(char **)lms_array_push(out, n, sizeof(char *)) =
			lms_strdup(course_texts[i][0]);
	return 0;
}

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	(void)arg;
	(void)text;
	for (size_t i = 0; i < 5; i++)
		if (!strcmp(course_texts[i][0], id))
			return lms_course_load(out, "course.yaml",
					       course_texts[i][1],
					       strlen(course_texts[i][1]), id,
					       NULL);
	return lms_error(LMS_ENOENT, "no course '%s'", id);
}

static int setup(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.text);
	memset(&io, 0, sizeof(io));
	io.arg = &f;
	io.load_facilitators = fake_load_facilitators;
	io.load_text = fake_load_text;
	io.path = fake_path;
	io.save = fake_save;
	io.course_ids = fake_course_ids;
	io.load_course = fake_load_course;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&f.text);
	return 0;
}

static struct lms_facilitator entry(const char *id)
{
	struct lms_facilitator e;

	lms_schema_init(&lms_facilitator_schema, &e);
	e.id = (char *)id;
	e.name = (char *)"Test Person";
	e.kind = LMS_PROFESSIONAL;
	return e;
}

/* The first makes the file; the next goes at its end, after what people
 * wrote by hand. */
static void add(void **state)
{
	struct lms_facilitator a = entry("a"), b = entry("b");

	(void)state;
	f.missing = true;
	assert_int_equal(lms_ops_facilitator_add(&io, &a), 0);
	assert_string_equal(f.text.buf, "- id: a\n  name: Test Person\n"
			    "  kind: professional\n");
	lms_buf_adds(&f.text, "# hand-written\n");
	assert_int_equal(lms_ops_facilitator_add(&io, &b), 0);
	assert_string_equal(f.text.buf, "- id: a\n  name: Test Person\n"
			    "  kind: professional\n"
			    "- id: b\n  name: Test Person\n"
			    "  kind: professional\n# hand-written\n");
	assert_int_equal(f.saves, 2);
}

/* An id taken, or a file that does not load, writes nothing. */
static void refusals(void **state)
{
	struct lms_facilitator a = entry("a");

	(void)state;
	lms_buf_adds(&f.text, "- {id: a, name: A, kind: professional}\n");
	assert_error(lms_ops_facilitator_add(&io, &a), LMS_ECREATE, 0, 0,
		     "facilitator 'a' exists already");
	lms_buf_reset(&f.text);
	lms_buf_adds(&f.text, "- {id: b, name: B, kind: boss}\n");
	assert_int_equal(lms_ops_facilitator_add(&io, &a), LMS_EDATA);
	assert_int_equal(f.saves, 0);
}

static const char registry[] =
	"# by hand\n"
	"- id: a\n  name: A Test   # the name\n  kind: professional\n"
	"  available:\n    - 2026-08-01\n    - 2026-12-31\n"
	"- {id: b, name: B Test, kind: professional, phone: \"123\"}\n";

/* Only the bytes of what changes change; a list stays a list. */
static void set_edits_in_place(void **state)
{
	const char *pairs[] = {
		"kind=user-representative", "available=1.9.2026:30.6.2027",
		"topics=rop, Søvn"
	};
	struct lms_facilitator before, after;

	(void)state;
	lms_buf_adds(&f.text, registry);
	assert_int_equal(lms_ops_facilitator_set(&io, "a", pairs, 3, &before,
						 &after), 0);
	assert_string_equal(f.text.buf,
		"# by hand\n"
		"- id: a\n  name: A Test   # the name\n"
		"  kind: user-representative\n"
		"  topics: [rop, Søvn]\n"
		"  available:\n    - 2026-09-01\n    - 2027-06-30\n"
		"- {id: b, name: B Test, kind: professional, phone: \"123\"}\n");
	assert_int_equal(before.kind, LMS_PROFESSIONAL);
	assert_int_equal(after.kind, LMS_USER_REPRESENTATIVE);
	assert_int_equal(after.ntopics, 2);
	lms_schema_release(&lms_facilitator_schema, &before);
	lms_schema_release(&lms_facilitator_schema, &after);

	pairs[0] = "phone=";
	pairs[1] = "available=false";
	assert_int_equal(lms_ops_facilitator_set(&io, "b", pairs, 2, &before,
						 &after), 0);
	assert_string_equal(strstr(f.text.buf, "- {id: b"),
		"- {id: b, name: B Test, kind: professional, available: "
		"false}\n");
	lms_schema_release(&lms_facilitator_schema, &before);
	lms_schema_release(&lms_facilitator_schema, &after);
	/* A range where there was a word. */
	pairs[0] = "available=2026-01-01:2026-06-30";
	assert_int_equal(lms_ops_facilitator_set(&io, "b", pairs, 1, &before,
						 &after), 0);
	assert_int_equal(after.available.mode, LMS_AVAIL_RANGE);
	lms_schema_release(&lms_facilitator_schema, &before);
	lms_schema_release(&lms_facilitator_schema, &after);
	assert_int_equal(f.saves, 3);
}

/* Keys and values that are not allowed write nothing. */
static void set_refuses(void **state)
{
	static const struct { const char *pair, *msg; } bad[] = {
		{ "id=x", "the id names the facilitator in the courses and "
			  "cannot be set" },
		{ "name=", "name: every facilitator has one; it cannot be "
			   "removed" },
		{ "kind=boss", "kind: 'boss' is not one of professional, "
			       "user-representative" },
		{ "colour=red", "'colour' is not a key of a facilitator (the "
				"keys: name, kind, profession, organisation, "
				"topics, trained, available, email, phone, fee, travel)" },
		{ "available=soon", "available: 'soon' is not true, false or "
				    "FROM:TO (two dates, such as "
				    "2026-08-01:2026-12-31 or "
				    "1.8.2026:31.12.2026)" },
		{ "available=2027-01-01:2026-01-01", NULL },
		{ "name=A\nB", "name: give it on one line" },
	};
	struct lms_facilitator before, after;

	(void)state;
	lms_buf_adds(&f.text, registry);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(lms_ops_facilitator_set(&io, "a", &bad[i].pair,
							 1, &before, &after),
				 LMS_EUSAGE);
		if (bad[i].msg)
			assert_string_equal(lms_last_error()->msg, bad[i].msg);
	}
	assert_error(lms_ops_facilitator_set(&io, "x", &bad[0].pair, 1,
					     &before, &after), LMS_ENOENT, 0, 0,
		     "no such facilitator: 'x' (see lms facilitator add)");
	f.missing = true;
	assert_int_equal(lms_ops_facilitator_set(&io, "a", &bad[0].pair, 1,
						 &before, &after), LMS_ENOENT);
	assert_int_equal(f.saves, 0);
	assert_string_equal(f.text.buf, registry);
}

static int32_t date_of(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

/* The entry, its courses and its sessions, upcoming first. */
static void show(void **state)
{
	struct lms_facilitator_record r;

	(void)state;
	lms_buf_adds(&f.text, registry);
	io.today = date_of("2026-10-01");
	assert_int_equal(lms_ops_facilitator_show(&io, "a", &r), 0);
	assert_string_equal(r.entry.name, "A Test");
	/* The cancelled course too, as it is there, after a by its date. */
	assert_int_equal(r.ncourses, 3);
	assert_string_equal(r.courses[0].id, "a");
	assert_int_equal(r.courses[0].phases, LMS_PLAN | LMS_DELIVER);
	assert_int_equal(r.courses[0].next, date_of("2026-10-01"));
	assert_int_equal(r.courses[0].kind, LMS_PROFESSIONAL);
	assert_string_equal(r.courses[1].id, "c");
	assert_int_equal(r.courses[1].status, LMS_COURSE_CANCELLED);
	assert_string_equal(r.courses[2].id, "b");
	assert_int_equal(r.courses[2].phases, 0);
	/* Not the cancelled course's. */
	assert_int_equal(r.nsessions, 4);
	assert_int_equal(r.sessions[0].date, date_of("2026-10-01"));
	assert_int_equal(r.sessions[1].date, date_of("2026-10-08"));
	assert_int_equal(r.sessions[1].start, 18 * 60);
	assert_int_equal(r.sessions[2].date, date_of("2026-09-07"));
	assert_string_equal(r.sessions[2].course, "b");
	assert_int_equal(r.sessions[3].date, date_of("2026-09-03"));
	assert_string_equal(r.sessions[3].theme, "Start");
	assert_int_equal(r.nunread, 1);
	lms_facilitator_record_release(&r);

	/* b is on no course. */
	assert_int_equal(lms_ops_facilitator_show(&io, "b", &r), 0);
	assert_int_equal(r.ncourses + r.nsessions, 0);
	lms_facilitator_record_release(&r);
	assert_int_equal(lms_ops_facilitator_show(&io, "x", &r), LMS_ENOENT);
	assert_null(r.entry.id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(add, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(set_edits_in_place, setup, teardown),
		cmocka_unit_test_setup_teardown(set_refuses, setup, teardown),
		cmocka_unit_test_setup_teardown(show, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
