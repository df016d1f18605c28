#include <stdlib.h>

#include "test.h"

#include "export.h"
#include "tree.h"

/*
 * The tables of lms export for one small course, built from file text in
 * memory and compared as CSV, cell for cell.
 */

/* Sessions out of date order, two on one day: numbers count by date and
 * start, and the day's attendance belongs to the first of them. */
static const char course_text[] =
	"id: c1\ntitle: C\ntarget_groups: [relatives, at-risk]\n"
	"sessions:\n"
	"  - {date: 2026-09-14, start: \"11:00\", end: \"14:00\"}\n"
	"  - {date: 2026-09-07, start: \"11:00\", end: \"14:00\"}\n"
	"  - {date: 2026-09-07, start: \"09:00\", end: \"10:00\"}\n"
	"  - {date: 2026-09-21, start: \"11:00\", end: \"14:00\"}\n";

static const char form_text[] =
	"id: f\ntitle: F\nscale: {min: 1, max: 4, labels: [a, b, c, d]}\n"
	"items:\n"
	"  - {id: q1, text: Q1}\n  - {id: q2, text: Q2}\n"
	"  - {id: q3, text: Q3, reverse: true}\n"
	"  - {id: c, text: C, type: text}\n";

static struct lms_course course;
static struct lms_form form;
static struct lms_table table;
static struct lms_buf out;

static int setup(void **state)
{
	(void)state;
	assert_int_equal(lms_course_load(&course, "c", course_text,
					 strlen(course_text), "c1", NULL), 0);
	assert_int_equal(lms_form_load(&form, "f", form_text, strlen(form_text),
				       "f", NULL), 0);
	memset(&table, 0, sizeof(table));
	lms_buf_init(&out);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_course_release(&course);
	lms_form_release(&form);
	lms_table_release(&table);
	lms_buf_release(&out);
	return 0;
}

static const char *csv(void)
{
	lms_buf_reset(&out);
	lms_table_render(&table, LMS_FMT_CSV, false, &out);
	return out.buf;
}

static void enrolments(void **state)
{
	static const char text[] =
		"- {person: p-aaaaaa, role: participant, status: completed, "
		"requested: 2026-08-20, referral: gp, municipality: \"0301\", "
		"follow_up: self-help-group}\n"
		"- {person: p-bbbbbb, role: relative, status: waitlisted, "
		"requested: 2026-09-10, relative_of: p-aaaaaa}\n";
	struct lms_enrolments e;

	(void)state;
	assert_int_equal(lms_enrolments_load(&e, "e", text, strlen(text)), 0);
	lms_export_init(&table, LMS_EXPORT_ENROLMENTS);
	lms_export_enrolments(&table, &course, &e);
	assert_string_equal(csv(),
		"course,person,role,status,requested,referral,municipality,"
		"relative_of,follow_up,course_first,days_waited,target_groups\n"
		"c1,p-aaaaaa,participant,completed,2026-08-20,gp,0301,,"
		"self-help-group,2026-09-07,18,at-risk relatives\n"
		"c1,p-bbbbbb,relative,waitlisted,2026-09-10,,,p-aaaaaa,,"
		"2026-09-07,-3,at-risk relatives\n");
	lms_enrolments_release(&e);
}

static void enrolments_without_sessions(void **state)
{
	static const char plan[] = "id: c2\ntitle: C\n";
	static const char text[] =
		"- {person: p-aaaaaa, role: participant, status: enrolled, "
		"requested: 2026-08-20}\n";
	struct lms_course bare;
	struct lms_enrolments e;

	(void)state;
	assert_int_equal(lms_course_load(&bare, "c", plan, strlen(plan), NULL,
					 NULL), 0);
	assert_int_equal(lms_enrolments_load(&e, "e", text, strlen(text)), 0);
	lms_export_init(&table, LMS_EXPORT_ENROLMENTS);
	lms_export_enrolments(&table, &bare, &e);
	assert_int_equal(table.nrows, 1);
	/* No first session: no wait, and no target groups named. */
	assert_string_equal(lms_table_get(&table, 0, 9), "");
	assert_string_equal(lms_table_get(&table, 0, 10), "");
	assert_string_equal(lms_table_get(&table, 0, 11), "");
	lms_enrolments_release(&e);
	lms_course_release(&bare);
}

static void attendance(void **state)
{
	static const char text[] =
		"\"2026-09-07\": {p-bbbbbb: absent, p-aaaaaa: present}\n"
		"\"2026-09-14\": {headcount: {participants: 7, relatives: 2}}\n"
		"\"2026-09-21\": {p-aaaaaa: excused, "
		"headcount: {participants: 3}}\n"
		"\"2026-09-30\": {p-aaaaaa: present}\n"
		"\"2026-10-01\": {}\n";
	struct lms_attendance a;

	(void)state;
	assert_int_equal(lms_attendance_load(&a, "a", text, strlen(text)), 0);
	lms_export_init(&table, LMS_EXPORT_ATTENDANCE);
	lms_export_attendance(&table, &course, &a);
	/* 09-30 is in no plan: no number; 10-01 recorded nothing. */
	assert_string_equal(csv(),
		"course,session,date,person,presence,headcount_participants,"
		"headcount_relatives\n"
		"c1,1,2026-09-07,p-aaaaaa,present,,\n"
		"c1,1,2026-09-07,p-bbbbbb,absent,,\n"
		"c1,3,2026-09-14,,headcount,7,2\n"
		"c1,4,2026-09-21,p-aaaaaa,excused,,\n"
		"c1,4,2026-09-21,,headcount,3,0\n"
		"c1,,2026-09-30,p-aaaaaa,present,,\n");
	lms_attendance_release(&a);
}

static const char responses[] =
	"- {form: f, phase: pre, person: p-aaaaaa, date: 2026-09-07, "
	"answers: {q1: 1, q2: 2, q3: 4}}\n"
	"- {form: f, phase: session, session: 2026-09-14, "
	"answers: {q2: 4, c: \"Mer, \\\"takk\\\"\"}}\n"
	"- {form: g, phase: post, person: p-aaaaaa, answers: {x: 3}}\n"
	"- {form: f, phase: post, date: 2026-09-21}\n"
	"- {form: f, phase: post, person: p-bbbbbb, date: 2026-09-21, "
	"answers: {q1: 4, q2: 3, q3: 1}}\n";

static void evaluations(void **state)
{
	struct lms_evaluations ev;

	(void)state;
	assert_int_equal(lms_evaluations_load(&ev, "e", responses,
					      strlen(responses)), 0);
	lms_export_init(&table, LMS_EXPORT_EVALUATIONS);
	lms_export_evaluations(&table, &course, &ev, &form, 1);
	/*
	 * 1: q3 reversed, (1 + 2 + 1) / 3.  2: one scale item of three, no
	 * score.  3: form g is not given, no score.  4: no answers, no
	 * rows, but it keeps its number.  5: (4 + 3 + 4) / 3.
	 */
	assert_string_equal(csv(),
		"course,response,form,phase,session,session_date,person,date,"
		"score,item,value,text\n"
		"c1,1,f,pre,,,p-aaaaaa,2026-09-07,1.333,q1,1,\n"
		"c1,1,f,pre,,,p-aaaaaa,2026-09-07,1.333,q2,2,\n"
		"c1,1,f,pre,,,p-aaaaaa,2026-09-07,1.333,q3,4,\n"
		"c1,2,f,session,3,2026-09-14,,,,q2,4,\n"
		"c1,2,f,session,3,2026-09-14,,,,c,,\"Mer, \"\"takk\"\"\"\n"
		"c1,3,g,post,,,p-aaaaaa,,,x,3,\n"
		"c1,5,f,post,,,p-bbbbbb,2026-09-21,3.667,q1,4,\n"
		"c1,5,f,post,,,p-bbbbbb,2026-09-21,3.667,q2,3,\n"
		"c1,5,f,post,,,p-bbbbbb,2026-09-21,3.667,q3,1,\n");
	lms_evaluations_release(&ev);
}

static void whole_scores_have_no_decimals(void **state)
{
	static const char text[] =
		"- {form: f, phase: pre, answers: {q1: 2, q2: 2, q3: 3}}\n";
	struct lms_evaluations ev;

	(void)state;
	assert_int_equal(lms_evaluations_load(&ev, "e", text, strlen(text)), 0);
	lms_export_init(&table, LMS_EXPORT_EVALUATIONS);
	lms_export_evaluations(&table, &course, &ev, &form, 1);
	assert_string_equal(lms_table_get(&table, 0, 8), "2");
	form.score = LMS_SCORE_SUM;
	lms_table_release(&table);
	lms_export_init(&table, LMS_EXPORT_EVALUATIONS);
	lms_export_evaluations(&table, &course, &ev, &form, 1);
	assert_string_equal(lms_table_get(&table, 0, 8), "6");
	lms_evaluations_release(&ev);
}

static void excel_gets_decimal_commas(void **state)
{
	static const char text[] =
		"- {form: f, phase: post, person: p-a, date: 2026-09-21, "
		"answers: {q1: 4, q2: 3, q3: 1, c: \"1.5; ja\"}}\n";
	struct lms_evaluations ev;

	(void)state;
	assert_int_equal(lms_evaluations_load(&ev, "e", text, strlen(text)), 0);
	lms_export_init(&table, LMS_EXPORT_EVALUATIONS);
	lms_export_evaluations(&table, &course, &ev, &form, 1);
	lms_table_render(&table, LMS_FMT_CSV, true, &out);
	/* Numbers only: the text answer keeps its point. */
	assert_string_equal(out.buf,
		"\xef\xbb\xbf"
		"course;response;form;phase;session;session_date;person;date;"
		"score;item;value;text\r\n"
		"c1;1;f;post;;;p-a;2026-09-21;3,667;q1;4;\r\n"
		"c1;1;f;post;;;p-a;2026-09-21;3,667;q2;3;\r\n"
		"c1;1;f;post;;;p-a;2026-09-21;3,667;q3;1;\r\n"
		"c1;1;f;post;;;p-a;2026-09-21;3,667;c;;\"1.5; ja\"\r\n");
	lms_evaluations_release(&ev);
}

static void empty_tables_have_a_header(void **state)
{
	struct lms_evaluations ev = { NULL, 0 };

	(void)state;
	lms_export_init(&table, LMS_EXPORT_EVALUATIONS);
	lms_export_evaluations(&table, &course, &ev, NULL, 0);
	lms_table_render(&table, LMS_FMT_TSV, false, &out);
	assert_string_equal(out.buf, "course\tresponse\tform\tphase\tsession\t"
			    "session_date\tperson\tdate\tscore\titem\tvalue\t"
			    "text\n");
}

/* A course read from a tree: tests/fixtures/report, a copy of the Narvik
 * example, as lms export prints it (first row and count of lines). */
static void a_course_from_the_tree(void **state)
{
	static const struct {
		enum lms_export_table which;
		const char *first;
		size_t lines;
	} cases[] = {
		{ LMS_EXPORT_ENROLMENTS, "2026-09-matlaging\tp-h8capf\t"
		  "participant\tcompleted\t2026-08-24\tspecialist\t1806\t\t"
		  "self-help-group\t2026-09-08\t15\tat-risk\n", 13 },
		{ LMS_EXPORT_ATTENDANCE, "2026-09-matlaging\t1\t2026-09-08\t"
		  "p-00666y\tpresent\t\t\n", 41 },
		{ LMS_EXPORT_EVALUATIONS, "2026-09-matlaging\t1\tmestringstro\t"
		  "pre\t\t\tp-h8capf\t2026-09-08\t2.375\thverdagen\t2\t\n",
		  360 },
	};
	struct lms_tree t;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *first;
		size_t lines = 0;

		lms_export_init(&table, cases[i].which);
		assert_int_equal(lms_export_course(&t, "2026-09-matlaging",
						   cases[i].which, &table), 0);
		lms_buf_reset(&out);
		lms_table_render(&table, LMS_FMT_TSV, false, &out);
		lms_table_release(&table);
		for (const char *p = out.buf; *p; p++)
			lines += *p == '\n';
		assert_int_equal(lines, cases[i].lines);
		first = strchr(out.buf, '\n') + 1;
		assert_memory_equal(first, cases[i].first,
				    strlen(cases[i].first));
	}
	lms_export_init(&table, LMS_EXPORT_ENROLMENTS);
	assert_error(lms_export_course(&t, "nope", LMS_EXPORT_ENROLMENTS,
				       &table), LMS_ENOENT, 0, 0,
		     "no such course: 'nope'");
	lms_tree_release(&t);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(enrolments),
		T(enrolments_without_sessions),
		T(attendance),
		T(evaluations),
		T(whole_scores_have_no_decimals),
		T(excel_gets_decimal_commas),
		T(empty_tables_have_a_header),
		T(a_course_from_the_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
