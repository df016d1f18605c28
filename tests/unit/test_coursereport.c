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
	{
		struct lms_course_files files = {
			&d.course, d.facilitators, d.nfacilitators,
			&d.enrolments, &d.attendance, &d.evaluations,
			d.forms, d.nforms
		};

		lms_course_report(&doc, &files);
	}
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_course_reports_as_expected),
		cmocka_unit_test(no_participant_is_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
