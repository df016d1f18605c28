#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "aggreport.h"
#include "alloc.h"
#include "coursedata.h"
#include "coursereport.h"
#include "fsio.h"
#include "tree.h"

/*
 * The evaluation report of each course of tests/fixtures/report (a copy of
 * the Narvik example), read from the tree as lms report reads it and
 * compared with tests/fixtures/coursereport/<id>.txt.
 */
static void load(struct lms_tree *t, const char *id,
		 struct lms_course_data *d)
{
	assert_int_equal(lms_course_data_load(t, id, d), 0);
}

static void report(struct lms_tree *t, const char *id, enum lms_format f,
		   struct lms_buf *out)
{
	struct lms_course_data d;
	struct lms_doc doc;

	load(t, id, &d);
	lms_course_report(&doc, &d, 5);
	lms_doc_notice(&doc, LMS_INTERNAL_NOTICE);
	lms_doc_render(&doc, f, false, out);
	lms_doc_release(&doc);
	lms_course_data_release(&d);
}

static void each_course_reports_as_expected(void **state)
{
	static const char *const ids[] = {
		"2026-08-trening-etter-kreft", "2026-09-matlaging",
		"2026-10-kom-i-form", "2026-10-mestringstreff",
		"2026-10-parorendeskole-demens", "2026-12-gruppeledelse",
		"2027-02-matlaging",
	};
	struct lms_tree t;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++) {
		struct lms_buf got = LMS_BUF_INIT, want = LMS_BUF_INIT;
		char path[128];

		snprintf(path, sizeof(path), "tests/fixtures/coursereport/%s.txt",
			 ids[i]);
		assert_int_equal(lms_read_file(path, 1 << 20, &want), 0);
		report(&t, ids[i], LMS_FMT_TEXT, &got);
		assert_string_equal(got.buf, want.buf);
		lms_buf_release(&got);
		lms_buf_release(&want);
	}
	lms_tree_release(&t);
}

/* The report names facilitators and never a participant, not even by id,
 * whatever its format. */
static void no_participant_is_named(void **state)
{
	static const enum lms_format formats[] = {
		LMS_FMT_TEXT, LMS_FMT_MD, LMS_FMT_YAML, LMS_FMT_CSV,
		LMS_FMT_HTML
	};
	struct lms_tree t;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	for (size_t i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
		struct lms_buf got = LMS_BUF_INIT;

		report(&t, "2026-09-matlaging", formats[i], &got);
		assert_non_null(strstr(got.buf, "Vi baker grovbr"));
		assert_null(strstr(got.buf, "p-"));
		lms_buf_release(&got);
	}
	lms_tree_release(&t);
}

/* A report of many courses loads only the parts it asks for, and a part
 * once: the registry of facilitators and the forms not with each course. */
static void only_the_parts_asked_for_are_loaded(void **state)
{
	struct lms_course_data d = { 0 };
	struct lms_tree t;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	assert_int_equal(lms_course_data_load_parts(&t, "2026-09-matlaging",
						    LMS_CD_COURSE, &d), 0);
	assert_int_equal(d.parts, LMS_CD_COURSE);
	assert_string_equal(d.course.id, "2026-09-matlaging");
	assert_int_equal(d.enrolments.n, 0);
	assert_int_equal(d.nfacilitators, 0);
	assert_int_equal(d.nforms, 0);
	assert_int_equal(lms_course_data_load_parts(&t, "2026-09-matlaging",
						    LMS_CD_COURSE |
						    LMS_CD_ENROLMENTS |
						    LMS_CD_ATTENDANCE, &d), 0);
	assert_int_equal(d.parts, LMS_CD_COURSE | LMS_CD_ENROLMENTS |
			 LMS_CD_ATTENDANCE);
	assert_true(d.enrolments.n > 0);
	assert_int_equal(d.nfacilitators, 0);
	assert_int_equal(d.evaluations.n, 0);
	lms_course_data_release(&d);

	/* The forms are the plan's: asking for them loads the plan. */
	memset(&d, 0, sizeof(d));
	assert_int_equal(lms_course_data_load_parts(&t, "2026-09-matlaging",
						    LMS_CD_FORMS, &d), 0);
	assert_int_equal(d.parts, LMS_CD_COURSE | LMS_CD_FORMS);
	assert_int_equal(d.nforms, 2);
	assert_string_equal(d.forms[1].id, "mestringstro");
	lms_course_data_release(&d);

	/* All of it, as lms report course reads it. */
	assert_int_equal(lms_course_data_load(&t, "2026-09-matlaging", &d), 0);
	assert_int_equal(d.parts, LMS_CD_ALL);
	assert_true(d.nfacilitators > 0 && d.evaluations.n > 0);
	lms_course_data_release(&d);

	/* A part that fails is not loaded. */
	memset(&d, 0, sizeof(d));
	assert_int_equal(lms_course_data_load_parts(&t, "nosuch", LMS_CD_ALL,
						    &d), LMS_ENOENT);
	assert_int_equal(d.parts, 0);
	lms_course_data_release(&d);
	lms_tree_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_course_reports_as_expected),
		cmocka_unit_test(no_participant_is_named),
		cmocka_unit_test(only_the_parts_asked_for_are_loaded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
