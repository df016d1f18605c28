#include <math.h>
#include <stdlib.h>

#include "test.h"

#include "course.h"
#include "date.h"
#include "facilitator.h"
#include "i18n.h"
#include "person.h"
#include "schema.h"
#include "service.h"

static const char full_course[] =
	"# every key of a course\n"
	"id: 2026-09-matlaging\n"
	"title: Matlaging og kosthold\n"
	"description: Teori og praksis\n"
	"status: open\n"
	"target_groups: [at-risk, relatives]\n"
	"topics: [kosthold, rop]\n"
	"diagnosis_independent: false\n"
	"capacity: 12\n"
	"waitlist: no\n"
	"place: Treffstedet, kjøkkenet\n"
	"template: matlaging\n"
	"facilitators:\n"
	"  - id: anne-hansen\n"
	"    phases: [plan, deliver, evaluate]\n"
	"  - id: ola-berg\n"
	"    phases: [deliver]\n"
	"sessions:\n"
	"  - date: 2026-09-07\n"
	"    start: \"11:00\"\n"
	"    end: \"14:00\"\n"
	"    theme: Kosthold i teori\n"
	"    place: Helsehuset\n"
	"    led_by: [anne-hansen, ola-berg]\n"
	"  - {date: 2026-09-10, start: '11:00'}\n"
	"forms: [kursevaluering, mestringstro]\n"
	"follow_up: [self-help-group]\n";

static int load(const char *text, struct lms_course *c)
{
	return lms_course_load(c, "course.yaml", text, strlen(text), NULL, NULL);
}

static void loads_every_key(void **state)
{
	struct lms_course c;
	char d[11];

	(void)state;
	assert_int_equal(load(full_course, &c), 0);
	assert_string_equal(c.id, "2026-09-matlaging");
	assert_string_equal(c.title, "Matlaging og kosthold");
	assert_string_equal(c.description, "Teori og praksis");
	assert_int_equal(c.status, LMS_COURSE_OPEN);
	assert_int_equal(c.target_groups, LMS_TG_AT_RISK | LMS_TG_RELATIVES);
	assert_int_equal(c.ntopics, 2);
	assert_string_equal(c.topics[1], "rop");
	assert_int_equal(c.diagnosis_independent, 0);
	assert_int_equal(c.capacity, 12);
	assert_int_equal(c.waitlist, 0);
	assert_string_equal(c.place, "Treffstedet, kjøkkenet");
	assert_string_equal(c.template, "matlaging");
	assert_int_equal(c.nfacilitators, 2);
	assert_string_equal(c.facilitators[0].id, "anne-hansen");
	assert_int_equal(c.facilitators[0].phases,
			 LMS_PLAN | LMS_DELIVER | LMS_EVALUATE);
	assert_int_equal(c.facilitators[1].phases, LMS_DELIVER);
	assert_int_equal(c.facilitators[1].mark.line, 16);
	assert_int_equal(c.nsessions, 2);
	lms_date_format(c.sessions[0].date, d);
	assert_string_equal(d, "2026-09-07");
	assert_int_equal(c.sessions[0].start, 660);
	assert_int_equal(c.sessions[0].end, 840);
	assert_string_equal(c.sessions[0].theme, "Kosthold i teori");
	assert_string_equal(c.sessions[0].place, "Helsehuset");
	assert_int_equal(c.sessions[0].nled_by, 2);
	assert_int_equal(c.sessions[1].start, 660);
	assert_int_equal(c.sessions[1].end, LMS_TIME_NONE);
	assert_null(c.sessions[1].theme);
	assert_int_equal(c.sessions[1].mark.line, 25);
	assert_int_equal(c.nforms, 2);
	assert_int_equal(c.nfollow_up, 1);
	lms_course_release(&c);
	assert_null(c.title);
}

static void defaults_and_nulls(void **state)
{
	struct lms_course c;

	(void)state;
	assert_int_equal(load("id: x\ntitle: T\nplace:\ncapacity: ~\n", &c), 0);
	assert_int_equal(c.status, LMS_COURSE_PLANNED);
	assert_int_equal(c.waitlist, 1);
	assert_null(c.place);
	assert_int_equal(c.capacity, LMS_UNSET);
	assert_int_equal(c.nsessions, 0);
	lms_course_release(&c);
}

static void aliases_fill_fields_too(void **state)
{
	struct lms_course c;

	(void)state;
	assert_int_equal(load("id: x\ntitle: T\nfacilitators:\n"
			      "  - {id: a, phases: &all [plan, deliver, evaluate]}\n"
			      "  - {id: b, phases: *all}\n", &c), 0);
	assert_int_equal(c.facilitators[1].phases,
			 LMS_PLAN | LMS_DELIVER | LMS_EVALUATE);
	lms_course_release(&c);
}

struct bad {
	const char *text;
	unsigned line, col;
	const char *msg;
};

static void every_error_has_its_place(void **state)
{
	static const struct bad bad[] = {
		{ "id: x\ntitle: T\nstatus: opne\n", 3, 9,
		  "status: 'opne' is not one of planned, open, running, "
		  "completed, cancelled" },
		{ "id: x\ntitle: T\ncapacity: twelve\n", 3, 11,
		  "capacity: 'twelve' is not a whole number" },
		{ "id: x\ntitle: T\nwaitlist: maybe\n", 3, 11,
		  "waitlist: 'maybe' is not true or false" },
		{ "id: x\ntitle: T\nsessions:\n  - date: 2026-09-07\n"
		  "  - date: 2026-02-30\n", 5, 11,
		  "sessions.2.date: '2026-02-30' is not a date (YYYY-MM-DD)" },
		{ "id: x\ntitle: T\nsessions:\n  - date: 2026-09-07\n"
		  "    start: 25:00\n", 5, 12,
		  "sessions.1.start: '25:00' is not a time (HH:MM)" },
		{ "id: ../x\ntitle: T\n", 1, 5,
		  "id: '../x' is not a valid id (lowercase letters, digits "
		  "and '-', starting with a letter or digit, at most 64 "
		  "characters)" },
		{ "id: x\ntitle: T\ntarget_groups: [staff, kids]\n", 3, 24,
		  "target_groups.2: 'kids' is not one of at-risk, patients, "
		  "relatives, staff" },
		{ "id: x\n", 1, 1, "course has no 'title'" },
		{ "id: x\ntitle: T\nsessions:\n  - theme: x\n", 4, 5,
		  "sessions.1: session has no 'date'" },
		{ "id: x\ntitle: T\ntitle: U\n", 3, 1, "title: given twice" },
		{ "id: ~\ntitle: T\n", 1, 1, "course has no 'id'" },
		{ "id: x\ntitle:\n", 1, 1, "course has no 'title'" },
		{ "id: x\ntitle: T\nsessions: 3\n", 3, 11,
		  "sessions: expected a list of sessions" },
		{ "id: x\ntitle: {a: b}\n", 2, 8,
		  "title: expected a single value, not a mapping" },
		{ "id: x\ntitle: T\nsessions: [3]\n", 3, 12,
		  "sessions.1: the session must be a mapping of keys to "
		  "values" },
		{ "- a\n", 1, 1,
		  "the course must be a mapping of keys to values" },
		{ "id: x\ntitle: T\n[a]: b\n", 3, 1,
		  "a key must be a single value, not a list" },
		{ "", 1, 1, "the file is empty" },
		{ "id: x\ntitle: T\n---\nid: y\n", 3, 1,
		  "a file holds one YAML document, this is a second" },
		{ NULL, 0, 0, NULL }
	};
	struct lms_course c;

	(void)state;
	for (int i = 0; bad[i].text; i++) {
		int rc = load(bad[i].text, &c);

		if (rc != LMS_EDATA)
			fail_msg("case %d loaded", i);
		assert_error(rc, LMS_EDATA, bad[i].line, bad[i].col, bad[i].msg);
		assert_string_equal(lms_last_error()->path, "course.yaml");
		assert_null(c.id);
	}
}

static void id_must_match_folder(void **state)
{
	struct lms_course c;
	const char *text = "id: other\ntitle: T\n";

	(void)state;
	assert_error(lms_course_load(&c, "course.yaml", text, strlen(text),
				     "mine", NULL), LMS_EDATA, 1, 1,
		     "id 'other' differs from the course's folder 'mine'");
}

static void unknown_keys_are_findings(void **state)
{
	struct lms_diags diags = { NULL, 0 };
	struct lms_course c;
	const char *text = "id: x\ntitle: T\ncapasity: 12\nsessions:\n"
			   "  - date: 2026-09-07\n    tema: x\n";

	(void)state;
	assert_int_equal(lms_course_load(&c, "course.yaml", text, strlen(text),
					 NULL, &diags), 0);
	assert_int_equal(diags.n, 2);
	assert_string_equal(diags.v[0].key, "capasity");
	assert_int_equal(diags.v[0].at.line, 3);
	assert_int_equal(diags.v[0].at.col, 1);
	assert_string_equal(diags.v[0].msg, "unknown key 'capasity' in course");
	assert_ptr_equal(diags.v[0].schema, &lms_course_schema);
	assert_string_equal(diags.v[1].key, "tema");
	assert_int_equal(diags.v[1].at.line, 6);
	assert_int_equal(diags.v[1].at.col, 5);
	lms_diags_release(&diags);
	lms_course_release(&c);
}

/* The schema's name in Norwegian, in the form the sentence needs. */
static void messages_in_norwegian(void **state)
{
	struct lms_diags diags = { NULL, 0 };
	struct lms_course c;
	const char *text = "id: x\ntitle: T\ncapasity: 12\n";
	const char *list = "id: x\ntitle: T\nsessions: 3\n";

	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	assert_int_equal(lms_course_load(&c, "course.yaml", text, strlen(text),
					 NULL, &diags), 0);
	assert_string_equal(diags.v[0].msg, "ukjent n\u00f8kkel "
			    "\u00abcapasity\u00bb i kurset");
	lms_diags_release(&diags);
	lms_course_release(&c);
	assert_error(lms_course_load(&c, "course.yaml", list, strlen(list),
				     NULL, NULL), LMS_EDATA, 3, 11,
		     "sessions: forventet en liste med samlinger");
	lms_i18n_set(LMS_LANG_EN);
	assert_error(lms_course_load(&c, "course.yaml", list, strlen(list),
				     NULL, NULL), LMS_EDATA, 3, 11,
		     "sessions: expected a list of sessions");
}

static void lists_keep_unknown_keys(void **state)
{
	struct lms_facilitator *v;
	size_t n;
	const char *text = "- id: kari\n  name: Kari\n  kind: professional\n"
			   "  note: {room: 2, days: [mon]}\n"
			   "- id: per\n  name: Per\n  kind: user-representative\n"
			   "  available: [2026-08-01, 2026-12-31]\n";

	(void)state;
	assert_int_equal(lms_facilitators_load(&v, &n, "f.yaml", text,
					       strlen(text), NULL), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].extras.n, 1);
	assert_string_equal(v[0].extras.v[0].key, "note");
	assert_int_equal(v[0].extras.v[0].value.type, LMS_EV_MAP);
	assert_int_equal(v[0].extras.v[0].value.nitems, 4);
	assert_int_equal(v[1].kind, LMS_USER_REPRESENTATIVE);
	assert_int_equal(v[1].available.mode, LMS_AVAIL_RANGE);
	lms_facilitators_free(v, n);
}

static void empty_list_files(void **state)
{
	struct lms_facilitator *v;
	size_t n;

	(void)state;
	assert_int_equal(lms_facilitators_load(&v, &n, "f.yaml", "", 0, NULL), 0);
	assert_int_equal(n, 0);
	assert_int_equal(lms_facilitators_load(&v, &n, "f.yaml", "[]\n", 3,
					       NULL), 0);
	assert_int_equal(n, 0);
	assert_int_equal(lms_facilitators_load(&v, &n, "f.yaml", "# none\n", 7,
					       NULL), 0);
	assert_int_equal(n, 0);
}

static void list_errors(void **state)
{
	struct lms_facilitator *v;
	size_t n;
	const char *twice = "- {id: a, name: A, kind: professional}\n"
			    "- {id: a, name: B, kind: professional}\n";
	const char *avail = "- {id: a, name: A, kind: professional, "
			    "available: [2026-12-01, 2026-01-01]}\n";

	(void)state;
	assert_error(lms_facilitators_load(&v, &n, "f.yaml", twice,
					   strlen(twice), NULL), LMS_EDATA, 2, 3,
		     "facilitator 'a' is listed twice");
	assert_null(v);
	assert_error(lms_facilitators_load(&v, &n, "f.yaml", avail,
					   strlen(avail), NULL), LMS_EDATA, 1, 51,
		     "1.available: the range ends before it starts");
	assert_error(lms_facilitators_load(&v, &n, "f.yaml", "{a: 1}\n", 7,
					   NULL), LMS_EDATA, 1, 1,
		     "expected a list of facilitators");
}

/* The plural of each thing is a word of its own, not the singular and
 * an s: "people", not "persons". */
static void plurals_are_words(void **state)
{
	struct lms_register reg;

	(void)state;
	assert_error(lms_register_load(&reg, "participants.yaml", "{a: 1}\n", 7),
		     LMS_EDATA, 1, 1, "expected a list of people");
}

static void service_defaults_and_checks(void **state)
{
	struct lms_service s;
	const char *ok = "name: N\nmunicipality: \"1806\"\npartners: [\"1805\"]\n";
	const char *bad = "name: N\nmunicipality: \"1806\"\npartners: [\"185\"]\n";
	const char *share = "name: N\nmunicipality: \"1806\"\ncompletion: 1.5\n";

	(void)state;
	assert_int_equal(lms_service_load(&s, "lms.yaml", ok, strlen(ok)), 0);
	assert_int_equal(s.min_cell, 5);
	assert_true(fabs(s.completion - 0.75) < 1e-9);
	assert_int_equal(s.retention_months, 24);
	assert_true(lms_service_serves(&s, "1805"));
	assert_false(lms_service_serves(&s, "1853"));
	lms_service_release(&s);
	assert_error(lms_service_load(&s, "lms.yaml", bad, strlen(bad)),
		     LMS_EDATA, 3, 12, "partners.1: '185' is not a "
		     "municipality number (four digits)");
	assert_int_equal(lms_service_load(&s, "lms.yaml", share, strlen(share)),
			 LMS_EDATA);
	assert_string_equal(lms_last_error()->msg,
			    "completion: must be a share above 0 and at most 1");
}

static int32_t date_of(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

static void add_day_off(int32_t date, const struct lms_day_off *why,
			void *arg)
{
	char d[11];

	lms_date_format(date, d);
	lms_buf_addf(arg, "%s %s|", d, why->holiday ? why->holiday :
		     why->closed->name);
}

/* The new sessions of a changed course that fall on days off. */
static void service_new_days_off(void **state)
{
	struct lms_service s;
	struct lms_course before, after;
	struct lms_buf said = LMS_BUF_INIT;
	const char *svc = "name: N\nmunicipality: \"1806\"\nclosed:\n"
			  "  - {from: 2027-07-01, to: 2027-08-08, name: sommer}\n";
	const char *was = "id: k\ntitle: T\nstatus: open\nsessions:\n"
			  "  - {date: 2027-05-17}\n  - {date: 2027-05-18}\n";
	const char *now = "id: k\ntitle: T\nstatus: open\nsessions:\n"
			  "  - {date: 2027-05-17}\n  - {date: 2027-07-02}\n"
			  "  - {date: 2027-05-19}\n  - {date: 2027-03-25}\n";

	(void)state;
	assert_int_equal(lms_service_load(&s, "lms.yaml", svc, strlen(svc)), 0);
	assert_int_equal(lms_course_load(&before, "course.yaml", was,
					 strlen(was), "k", NULL), 0);
	assert_int_equal(lms_course_load(&after, "course.yaml", now,
					 strlen(now), "k", NULL), 0);
	lms_service_new_days_off(&s, &before, &after, add_day_off, &said);
	/* 17 May was there before: no word of it. */
	assert_string_equal(said.buf, "2027-07-02 sommer|"
			    "2027-03-25 skjærtorsdag|");
	lms_buf_release(&said);
	lms_course_release(&before);
	lms_course_release(&after);
	lms_service_release(&s);
}

/* closed: periods with and without an end, and the days off they make. */
static void service_closed_days(void **state)
{
	struct lms_service s;
	struct lms_day_off off;
	const char *ok = "name: N\nmunicipality: \"1806\"\nclosed:\n"
			 "  - {from: 2027-07-01, to: 2027-08-08, name: sommer}\n"
			 "  - {from: 2027-02-22}\n";
	const char *backwards = "name: N\nmunicipality: \"1806\"\nclosed:\n"
				"  - {from: 2027-02-22}\n"
				"  - {from: 2027-08-08, to: 2027-07-01}\n";
	const char *scalar = "name: N\nmunicipality: \"1806\"\n"
			     "closed: [2027-02-22]\n";

	(void)state;
	assert_int_equal(lms_service_load(&s, "lms.yaml", ok, strlen(ok)), 0);
	assert_int_equal(s.nclosed, 2);
	assert_int_equal(s.closed[1].to, date_of("2027-02-22"));
	assert_true(lms_service_day_off(&s, date_of("2027-07-01"), &off));
	assert_null(off.holiday);
	assert_string_equal(off.closed->name, "sommer");
	assert_true(lms_service_day_off(&s, date_of("2027-08-08"), &off));
	assert_false(lms_service_day_off(&s, date_of("2027-08-09"), &off));
	assert_true(lms_service_day_off(&s, date_of("2027-02-22"), &off));
	assert_null(off.closed->name);
	assert_false(lms_service_day_off(&s, date_of("2027-02-23"), &off));
	assert_true(lms_service_day_off(&s, date_of("2027-05-17"), &off));
	assert_string_equal(off.holiday, "17. mai");
	assert_null(off.closed);
	lms_service_release(&s);
	assert_error(lms_service_load(&s, "lms.yaml", backwards,
				      strlen(backwards)), LMS_EDATA, 5, 5,
		     "closed.2: the period ends on 2027-07-01, before it "
		     "starts on 2027-08-08");
	assert_error(lms_service_load(&s, "lms.yaml", scalar, strlen(scalar)),
		     LMS_EDATA, 3, 10, "closed.1: the closed period must be a "
		     "mapping of keys to values");
}

static void schema_paths(void **state)
{
	const struct lms_field *f;

	(void)state;
	assert_int_equal(lms_schema_resolve(&lms_course_schema,
					    "sessions.3.place", &f), 0);
	assert_string_equal(f->key, "place");
	assert_int_equal(lms_schema_resolve(&lms_course_schema, "capasity", &f),
			 LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg, "course has no key "
			    "'capasity'; did you mean 'capacity'?");
	assert_int_equal(lms_schema_resolve(&lms_course_schema, "sessions.x", &f),
			 LMS_EUSAGE);
	assert_int_equal(lms_schema_resolve(&lms_course_schema, "sessions.2", &f),
			 LMS_EUSAGE);
	assert_int_equal(lms_schema_resolve(&lms_course_schema, "title.x", &f),
			 LMS_EUSAGE);
}

/* A field's value into the field of the same key of another object;
 * lists and structs of a schema are not copied, nor across types. */
static void copies_a_field(void **state)
{
	static const char yaml[] = "id: a\ntitle: A\ncapacity: 9\n"
				   "topics: [x, y]\nplace: Hall\n";
	struct lms_course from, to;
	const struct lms_schema *s = &lms_course_schema;

	(void)state;
	assert_int_equal(lms_course_load(&from, "a", yaml, strlen(yaml), NULL,
					 NULL), 0);
	lms_schema_init(s, &to);
	assert_true(lms_field_copy(lms_schema_field(s, "capacity"), &to,
				   lms_schema_field(s, "capacity"), &from));
	assert_true(lms_field_copy(lms_schema_field(s, "topics"), &to,
				   lms_schema_field(s, "topics"), &from));
	assert_true(lms_field_copy(lms_schema_field(s, "place"), &to,
				   lms_schema_field(s, "place"), &from));
	assert_false(lms_field_copy(lms_schema_field(s, "sessions"), &to,
				    lms_schema_field(s, "sessions"), &from));
	assert_false(lms_field_copy(lms_schema_field(s, "capacity"), &to,
				    lms_schema_field(s, "place"), &from));
	assert_int_equal(to.capacity, 9);
	assert_int_equal(to.ntopics, 2);
	assert_string_equal(to.topics[1], "y");
	assert_string_equal(to.place, "Hall");
	lms_course_release(&from);
	assert_string_equal(to.place, "Hall");
	lms_schema_release(s, &to);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_every_key),
		cmocka_unit_test(defaults_and_nulls),
		cmocka_unit_test(aliases_fill_fields_too),
		cmocka_unit_test(every_error_has_its_place),
		cmocka_unit_test(id_must_match_folder),
		cmocka_unit_test(unknown_keys_are_findings),
		cmocka_unit_test(lists_keep_unknown_keys),
		cmocka_unit_test(empty_list_files),
		cmocka_unit_test(list_errors),
		cmocka_unit_test(plurals_are_words),
		cmocka_unit_test(service_defaults_and_checks),
		cmocka_unit_test(service_closed_days),
		cmocka_unit_test(service_new_days_off),
		cmocka_unit_test(schema_paths),
		cmocka_unit_test(copies_a_field),
		cmocka_unit_test(messages_in_norwegian),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
