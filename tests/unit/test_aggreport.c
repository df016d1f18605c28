#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

#include "aggreport.h"
#include "alloc.h"
#include "date.h"
#include "fsio.h"
#include "index.h"
#include "protect.h"
#include "tree.h"

/*
 * The aggregate report of tests/fixtures/report (a copy of the Narvik
 * example), read from the tree as lms report reads it, exact and shared,
 * and compared with what lms report printed (tests/fixtures/aggreport/).
 */
struct report_case {
	int by;
	bool exact;
	const char *from, *to;
	int status;
	enum lms_format format;
	const char *expected;
};

static int32_t date(const char *s)
{
	int32_t d = LMS_DATE_NONE;

	if (s)
		assert_true(lms_date_parse(s, &d));
	return d;
}

/* LMS_WRITE_FIXTURES=1 writes what is made over the expected file, for
 * a change of the report that is meant: read the diff before committing
 * it. */
static void write_fixture(const char *path, const struct lms_buf *got)
{
	FILE *f;

	if (!getenv("LMS_WRITE_FIXTURES"))
		return;
	assert_non_null(f = fopen(path, "w"));
	fputs(got->buf, f);
	fclose(f);
}

static void render(const struct report_case *rc, struct lms_buf *out)
{
	struct lms_tree t;
	struct lms_report_key key;
	bool made = true;
	struct lms_agg_options opt = {
		.by = rc->by, .exact = rc->exact, .status = rc->status,
		.from = date(rc->from), .to = date(rc->to),
		.today = date("2026-12-31"), .form = "mestringstro",
	};
	struct lms_agg a;
	struct lms_doc doc;
	const char *names[1];
	struct lms_agg_about about = { names, 1, true, 40 };

	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	names[0] = t.service.name;
	opt.min_cell = t.service.min_cell;
	lms_agg_init(&a, &opt);
	if (!rc->exact) {
		assert_int_equal(lms_report_key_load(t.root, false, &key,
						     &made), 0);
		assert_false(made);
		a.key = &key;
	}
	assert_int_equal(lms_agg_tree(&a, &t, NULL, NULL), 0);
	a.key = NULL;
	lms_agg_report(&a, &about, &doc);
	if (rc->exact)
		lms_doc_notice(&doc, LMS_INTERNAL_NOTICE);
	lms_doc_render(&doc, rc->format, false, out);
	lms_doc_release(&doc);
	lms_agg_release(&a);
	lms_tree_release(&t);
}

static void reports_as_lms_report_prints_them(void **state)
{
	static const struct report_case cases[] = {
		{ LMS_BY_COURSE, true, NULL, NULL, 0, LMS_FMT_TEXT,
		  "exact-course.txt" },
		{ LMS_BY_MUNICIPALITY, true, NULL, NULL, 0, LMS_FMT_TEXT,
		  "exact-municipality.txt" },
		{ LMS_BY_YEAR, true, NULL, NULL, 0, LMS_FMT_TEXT,
		  "exact-year.txt" },
		{ LMS_BY_TERM, true, NULL, NULL, 0, LMS_FMT_TEXT,
		  "exact-term.txt" },
		{ LMS_BY_TARGET_GROUP, true, NULL, NULL, 0, LMS_FMT_TEXT,
		  "exact-target-group.txt" },
		{ LMS_BY_TOPIC, true, NULL, NULL, 0, LMS_FMT_TEXT,
		  "exact-topic.txt" },
		{ LMS_BY_COURSE, false, NULL, NULL, 0, LMS_FMT_TEXT,
		  "shared-course.txt" },
		{ LMS_BY_MUNICIPALITY, false, NULL, NULL, 0, LMS_FMT_TEXT,
		  "shared-municipality.txt" },
		{ LMS_BY_YEAR, false, NULL, NULL, 0, LMS_FMT_TEXT,
		  "shared-year.txt" },
		{ LMS_BY_TERM, false, NULL, NULL, 0, LMS_FMT_TEXT,
		  "shared-term.txt" },
		{ LMS_BY_TARGET_GROUP, false, NULL, NULL, 0, LMS_FMT_TEXT,
		  "shared-target-group.txt" },
		{ LMS_BY_TOPIC, false, NULL, NULL, 0, LMS_FMT_TEXT,
		  "shared-topic.txt" },
		{ LMS_BY_MUNICIPALITY, false, NULL, NULL, 0, LMS_FMT_HTML,
		  "shared-municipality.html" },
		{ LMS_BY_COURSE, false, "2026-09-01", "2026-10-31", 3,
		  LMS_FMT_MD, "shared-course-running.md" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct lms_buf got = LMS_BUF_INIT, want = LMS_BUF_INIT;
		char path[128];

		snprintf(path, sizeof(path), "tests/fixtures/aggreport/%s",
			 cases[i].expected);
		render(&cases[i], &got);
		write_fixture(path, &got);
		assert_int_equal(lms_read_file(path, 1 << 20, &want), 0);
		write_fixture(path, &got);
		if (strcmp(got.buf, want.buf))
			fprintf(stderr, "differs: %s\n", path);
		assert_string_equal(got.buf, want.buf);
		lms_buf_release(&got);
		lms_buf_release(&want);
	}
}

/* The shared report of one course is its row of the report by course,
 * titled with the course's title; a course the report has not is no row. */
static void one_course_is_its_row(void **state)
{
	struct lms_tree t;
	struct lms_report_key key;
	bool made;
	struct lms_agg_options opt = {
		.by = LMS_BY_COURSE, .from = LMS_DATE_NONE, .to = LMS_DATE_NONE,
		.today = date("2026-12-31"), .form = "mestringstro",
	};
	struct lms_agg a;
	struct lms_doc doc;
	struct lms_table table;
	struct lms_buf got = LMS_BUF_INIT, want = LMS_BUF_INIT;
	const char *name;
	struct lms_agg_about about = { &name, 1, true, 0 };

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	name = t.service.name;
	opt.min_cell = t.service.min_cell;
	lms_agg_init(&a, &opt);
	assert_int_equal(lms_report_key_load(t.root, false, &key, &made), 0);
	a.key = &key;
	assert_int_equal(lms_agg_tree(&a, &t, NULL, NULL), 0);
	a.key = NULL;
	assert_true(lms_agg_report_one(&a, "2026-09-matlaging",
				       "Matlaging og kosthold", &about, &doc));
	lms_doc_render(&doc, LMS_FMT_MD, false, &got);
	lms_doc_release(&doc);
	write_fixture("tests/fixtures/aggreport/one-2026-09-matlaging.md",
		      &got);
	assert_int_equal(lms_read_file("tests/fixtures/aggreport/"
				       "one-2026-09-matlaging.md", 1 << 20,
				       &want), 0);
	assert_string_equal(got.buf, want.buf);
	/* No such group: no table, nor a document, to release. */
	memset(&table, 0, sizeof(table));
	assert_false(lms_agg_table_one(&a, "nope", true, &table));
	assert_null(table.cols);
	assert_int_equal(table.ncols, 0);
	memset(&doc, 0, sizeof(doc));
	assert_false(lms_agg_report_one(&a, "nope", "Nope", &about, &doc));
	assert_null(doc.title);
	lms_buf_release(&got);
	lms_buf_release(&want);
	lms_agg_release(&a);
	lms_tree_release(&t);
}

/* The self-efficacy form is the tree's: a tree without it is an error
 * only when the form is asked for by name (--form), and then the error
 * names the file; else the report has no pairs. */
static void a_missing_form_is_an_error_only_when_named(void **state)
{
	struct lms_agg_options opt = {
		.by = LMS_BY_COURSE, .exact = true, .from = LMS_DATE_NONE,
		.to = LMS_DATE_NONE, .today = date("2026-12-31"),
		.form = "nosuch"
	};
	struct lms_agg a;
	struct lms_tree t;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/report"), 0);
	lms_agg_init(&a, &opt);
	assert_int_equal(lms_agg_tree(&a, &t, NULL, NULL), 0);
	assert_int_equal(a.nforms, 0);
	assert_true(a.total.courses > 0);
	assert_int_equal(a.total.pairs, 0);
	lms_agg_release(&a);

	opt.form_required = true;
	lms_agg_init(&a, &opt);
	assert_error(lms_agg_tree(&a, &t, NULL, NULL), LMS_ENOENT, 0, 0,
		     "no such form: 'nosuch' "
		     "(no tests/fixtures/report/forms/nosuch.yaml)");
	assert_int_equal(a.total.courses, 0);
	lms_agg_release(&a);

	/* The form's pairs, with the form there. */
	opt.form = "mestringstro";
	lms_agg_init(&a, &opt);
	assert_int_equal(lms_agg_tree(&a, &t, NULL, NULL), 0);
	assert_int_equal(a.nforms, 1);
	assert_true(a.total.pairs > 0);
	lms_agg_release(&a);
	lms_tree_release(&t);
}

/* The exact report by municipality of the tree at root, as CSV. */
static void exact_csv(const char *root, struct lms_buf *out)
{
	struct lms_agg_options opt = {
		.by = LMS_BY_MUNICIPALITY, .exact = true,
		.from = LMS_DATE_NONE, .to = LMS_DATE_NONE,
		.today = date("2026-12-31"), .form = "mestringstro"
	};
	struct lms_agg a;
	struct lms_table table;
	struct lms_tree t;

	assert_int_equal(lms_tree_open(&t, root), 0);
	lms_agg_init(&a, &opt);
	assert_int_equal(lms_agg_tree(&a, &t, NULL, NULL), 0);
	lms_agg_table(&a, false, &table);
	lms_table_render(&table, LMS_FMT_CSV, false, out);
	lms_table_release(&table);
	lms_agg_release(&a);
	lms_tree_release(&t);
}

/*
 * A record of the index with the report's fingerprint whose body does
 * not decode (a damaged index that its sum does not catch, or a bug):
 * the course is read from its files, and the report is as without it.
 */
static void a_record_that_does_not_decode_is_read_again(void **state)
{
	char root[64], cmd[256];
	struct lms_buf want = LMS_BUF_INIT, got = LMS_BUF_INIT;
	struct lms_index ix;
	struct lms_tree t;
	char **ids;
	size_t n, damaged = 0;

	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-aggreport-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(cmd, sizeof(cmd), "cp -R tests/fixtures/report/. '%s' && "
		 "mkdir '%s/.lms'", root, root);
	assert_int_equal(system(cmd), 0);
	sleep(2);	/* files older than a tick: their entries trusted */
	exact_csv(root, &want);		/* and the index, with records */
	assert_int_equal(lms_tree_open(&t, root), 0);
	assert_int_equal(lms_index_open_courses(&ix, &t, &ids, &n, NULL,
						 NULL), 0);
	for (size_t i = 0; i < n; i++) {
		const struct lms_index_entry *e;
		const struct lms_index_record *r;
		struct lms_buf b = LMS_BUF_INIT;

		assert_int_equal(lms_index_get(&ix, ids[i], 0, &e), 0);
		r = &e->rec[LMS_INDEX_REPORT];
		if (!r->data || r->len <= LMS_INDEX_FINGERPRINT + 1 ||
		    r->data[LMS_INDEX_FINGERPRINT] != 1)
			continue;
		/* Its fingerprint and that it was wanted, then a varint
		 * that never ends. */
		lms_buf_add(&b, r->data, LMS_INDEX_FINGERPRINT + 1);
		lms_buf_add(&b, "\xff\xff\xff", 3);
		lms_index_put(&ix, ids[i], LMS_INDEX_REPORT, &b);
		lms_buf_release(&b);
		damaged++;
	}
	assert_true(damaged > 0);
	ix.changed = true;
	lms_index_save(&ix);
	lms_index_release(&ix);
	lms_free(ids);
	lms_tree_release(&t);
	exact_csv(root, &got);
	assert_string_equal(got.buf, want.buf);
	lms_buf_release(&want);
	lms_buf_release(&got);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reports_as_lms_report_prints_them),
		cmocka_unit_test(one_course_is_its_row),
		cmocka_unit_test(a_missing_form_is_an_error_only_when_named),
		cmocka_unit_test(a_record_that_does_not_decode_is_read_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
