#include "test.h"

#include "../../lib/doc.h"

static struct lms_doc doc;

static int setup(void **state)
{
	static const char *const cols[] = { "n", "theme", NULL };
	struct lms_table *t;

	(void)state;
	lms_doc_init(&doc, "Kurs: rapport");
	lms_doc_section(&doc, "course", "The course");
	lms_doc_facts(&doc, "facts");
	lms_doc_fact(&doc, "status", "%s", "open");
	lms_doc_fact(&doc, "places", "%d", 12);
	lms_doc_section(&doc, "sessions", "Sessions");
	lms_doc_text(&doc, "about", "Two sessions, %s.", "so far");
	t = lms_doc_table(&doc, "list", cols);
	lms_table_set_numeric(t, 0);
	lms_table_row(t);
	lms_table_cell(t, "1");
	lms_table_cell(t, "Mat, og helse");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_doc_release(&doc);
	return 0;
}

static void check(enum lms_format f, bool excel, const char *want)
{
	struct lms_buf out = LMS_BUF_INIT;

	lms_doc_render(&doc, f, excel, &out);
	assert_string_equal(out.buf, want);
	lms_buf_release(&out);
}

static void text(void **state)
{
	(void)state;
	check(LMS_FMT_TEXT, false,
	      "Kurs: rapport\n=============\n\n"
	      "The course\n----------\nstatus: open\nplaces: 12\n\n"
	      "Sessions\n--------\nTwo sessions, so far.\n\n"
	      "N  THEME\n1  Mat, og helse\n");
}

static void markdown(void **state)
{
	(void)state;
	check(LMS_FMT_MD, false,
	      "# Kurs: rapport\n\n## The course\n\n- **status:** open\n"
	      "- **places:** 12\n\n## Sessions\n\nTwo sessions, so far.\n\n"
	      "| n | theme |\n| ---: | --- |\n| 1 | Mat, og helse |\n");
}

static void yaml(void **state)
{
	(void)state;
	check(LMS_FMT_YAML, false,
	      "title: \"Kurs: rapport\"\ncourse:\n  facts:\n    status: open\n"
	      "    places: 12\nsessions:\n  about: Two sessions, so far.\n"
	      "  list:\n    - n: 1\n      theme: Mat, og helse\n");
}

static void csv(void **state)
{
	(void)state;
	check(LMS_FMT_CSV, false,
	      "course.facts\nname,value\nstatus,open\nplaces,12\n\n"
	      "sessions.list\nn,theme\n1,\"Mat, og helse\"\n");
	check(LMS_FMT_CSV, true,
	      "\xef\xbb\xbf" "course.facts\r\nname;value\r\nstatus;open\r\n"
	      "places;12\r\n\r\nsessions.list\r\nn;theme\r\n1;Mat, og helse\r\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(text), T(markdown), T(yaml), T(csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
