#include "test.h"

#include <math.h>
#include <stdlib.h>

#include "doc.h"
#include "i18n.h"
#include "utf8.h"

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

/* A document whose every text came from a hostile file. */
static void hostile(struct lms_doc *d)
{
	static const char *const cols[] = { "theme", "n", NULL };
	struct lms_table *t;

	lms_doc_init(d, "# <script>alert(1)</script> \x1b]0;x\a");
	lms_doc_section(d, "course", "The course");
	lms_doc_facts(d, "facts");
	lms_doc_fact(d, "place", "%s", "*Rom* <b>1</b> & [x](javascript:y)");
	lms_doc_text(d, "about", "%s", "- a comment\nwith\x1b[2J lines");
	t = lms_doc_table(d, "list", cols);
	lms_table_row(t);
	lms_table_cell(t, "=HYPERLINK(\"http://x.example\")");
	lms_table_cell(t, "\xc2\x9b" "1");
}

static void hostile_text(void **state)
{
	struct lms_doc d;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	hostile(&d);
	lms_doc_render(&d, LMS_FMT_TEXT, false, &out);
	assert_string_equal(out.buf,
		"# <script>alert(1)</script> ^[]0;x^G\n"
		"====================================\n\n"
		"The course\n----------\n"
		"place: *Rom* <b>1</b> & [x](javascript:y)\n\n"
		"- a comment with^[[2J lines\n\n"
		"THEME                           N\n"
		"=HYPERLINK(\"http://x.example\")  <U+009B>1\n");
	lms_buf_release(&out);
	lms_doc_release(&d);
}

static void hostile_markdown(void **state)
{
	struct lms_doc d;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	hostile(&d);
	lms_doc_render(&d, LMS_FMT_MD, false, &out);
	assert_string_equal(out.buf,
		"# \\# &lt;script&gt;alert(1)&lt;/script&gt; \\^\\[\\]0;x\\^G\n\n"
		"## The course\n\n"
		"- **place:** \\*Rom\\* &lt;b&gt;1&lt;/b&gt; &amp; "
		"\\[x\\](javascript:y)\n\n"
		"\\- a comment with\\^\\[\\[2J lines\n\n"
		"| theme | n |\n| --- | --- |\n"
		"| =HYPERLINK(\"http://x.example\") | &lt;U+009B&gt;1 |\n");
	lms_buf_release(&out);
	lms_doc_release(&d);
}

static void hostile_csv(void **state)
{
	struct lms_doc d;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	hostile(&d);
	lms_doc_render(&d, LMS_FMT_CSV, true, &out);
	assert_string_equal(out.buf,
		"\xef\xbb\xbf" "course.facts\r\nname;value\r\n"
		"place;*Rom* <b>1</b> & [x](javascript:y)\r\n\r\n"
		"course.list\r\ntheme;n\r\n"
		"\"'=HYPERLINK(\"\"http://x.example\"\")\";<U+009B>1\r\n");
	lms_buf_release(&out);
	lms_doc_release(&d);
}

static void hostile_html(void **state)
{
	struct lms_doc d;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	hostile(&d);
	lms_doc_render(&d, LMS_FMT_HTML, false, &out);
	assert_non_null(strstr(out.buf, "<h1># &lt;script&gt;alert(1)"
			       "&lt;/script&gt; ^[]0;x^G</h1>"));
	assert_non_null(strstr(out.buf, "<p>- a comment\nwith^[[2J lines</p>"));
	assert_non_null(strstr(out.buf, "<td>&lt;U+009B&gt;1</td>"));
	assert_null(strstr(out.buf, "<script"));
	assert_null(strstr(out.buf, "\x1b"));
	lms_buf_release(&out);
	lms_doc_release(&d);
}

/* Before, the title went through a buffer of 512 bytes and lost half a
 * character; a title is now never cut. */
static void long_titles_are_whole(void **state)
{
	struct lms_buf title = LMS_BUF_INIT, out = LMS_BUF_INIT;
	struct lms_doc d;

	(void)state;
	for (int i = 0; i < 300; i++)
		lms_buf_adds(&title, "æ");
	lms_doc_init(&d, title.buf);
	lms_doc_render(&d, LMS_FMT_TEXT, false, &out);
	assert_true(lms_utf8_valid(out.buf));
	assert_int_equal(strlen(out.buf), 600 + 1 + 300 + 1);
	lms_buf_reset(&out);
	lms_doc_render(&d, LMS_FMT_HTML, false, &out);
	assert_non_null(strstr(out.buf, title.buf));
	lms_buf_release(&out);
	lms_buf_release(&title);
	lms_doc_release(&d);
}

/* A notice heads every format: an internal report cannot pass for a
 * shared one. */
static const char internal[] = "Internal: exact figures, not for sharing";

static void notice_text(void **state)
{
	(void)state;
	lms_doc_notice(&doc, internal);
	check(LMS_FMT_TEXT, false,
	      "Kurs: rapport\n=============\n"
	      "*** Internal: exact figures, not for sharing ***\n\n"
	      "The course\n----------\nstatus: open\nplaces: 12\n\n"
	      "Sessions\n--------\nTwo sessions, so far.\n\n"
	      "N  THEME\n1  Mat, og helse\n");
}

static void notice_markdown(void **state)
{
	(void)state;
	lms_doc_notice(&doc, internal);
	check(LMS_FMT_MD, false,
	      "# Kurs: rapport\n\n"
	      "**Internal: exact figures, not for sharing**\n\n"
	      "## The course\n\n- **status:** open\n"
	      "- **places:** 12\n\n## Sessions\n\nTwo sessions, so far.\n\n"
	      "| n | theme |\n| ---: | --- |\n| 1 | Mat, og helse |\n");
}

static void notice_yaml(void **state)
{
	(void)state;
	lms_doc_notice(&doc, internal);
	check(LMS_FMT_YAML, false,
	      "title: \"Kurs: rapport\"\n"
	      "notice: \"Internal: exact figures, not for sharing\"\n"
	      "course:\n  facts:\n    status: open\n"
	      "    places: 12\nsessions:\n  about: Two sessions, so far.\n"
	      "  list:\n    - n: 1\n      theme: Mat, og helse\n");
}

static void notice_csv(void **state)
{
	(void)state;
	lms_doc_notice(&doc, internal);
	check(LMS_FMT_CSV, false,
	      "# internal: exact figures, not for sharing\n"
	      "course.facts\nname,value\nstatus,open\nplaces,12\n\n"
	      "sessions.list\nn,theme\n1,\"Mat, og helse\"\n");
	check(LMS_FMT_CSV, true,
	      "\xef\xbb\xbf" "# internal: exact figures, not for sharing\r\n"
	      "course.facts\r\nname;value\r\nstatus;open\r\n"
	      "places;12\r\n\r\nsessions.list\r\nn;theme\r\n1;Mat, og helse\r\n");
	/* A later notice replaces the first; a Norwegian capital is made
	 * small too, and a line break cannot end the comment line. */
	lms_doc_notice(&doc, "Å dele: nei\nNEI");
	check(LMS_FMT_CSV, false,
	      "# å dele: nei NEI\n"
	      "course.facts\nname,value\nstatus,open\nplaces,12\n\n"
	      "sessions.list\nn,theme\n1,\"Mat, og helse\"\n");
}

static void notice_html(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;
	const char *print;

	(void)state;
	lms_doc_notice(&doc, "Internal & <exact>");
	lms_doc_render(&doc, LMS_FMT_HTML, false, &out);
	assert_non_null(strstr(out.buf, "</h1>\n<p class=\"notice\" role=\"note\">"
			       "Internal &amp; &lt;exact&gt;</p>\n<section"));
	/* On every printed page, and never over the text. */
	print = strstr(out.buf, "@media print {");
	assert_non_null(print);
	assert_non_null(strstr(print, ".notice { position: fixed; top: 0;"));
	assert_non_null(strstr(print, "body { padding-top: 12mm; "
			       "box-decoration-break: clone;"));
	lms_buf_release(&out);
}

/* Without a notice, no banner and no print rule for one. */
static void no_notice_html(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	lms_doc_render(&doc, LMS_FMT_HTML, false, &out);
	assert_non_null(strstr(out.buf, "</h1>\n<section"));
	assert_null(strstr(out.buf, "notice"));
	assert_null(strstr(out.buf, "@media print"));
	lms_buf_release(&out);
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	while ((s = strstr(s, what))) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* The HTML of a chart of one group. */
static char *chart_of(const char *unit, double first, double second,
		      bool approx_first, bool approx_second, bool two)
{
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_chart *c;
	struct lms_doc d;

	lms_doc_init(&d, "Charts");
	lms_doc_section(&d, "charts", "Charts");
	c = lms_doc_chart(&d, "people", "Participants", unit, "participants",
			  two ? "relatives" : NULL);
	lms_chart_add_approx(c, "Bodø", first, second, approx_first,
			     approx_second);
	lms_doc_render(&d, LMS_FMT_HTML, false, &out);
	lms_doc_release(&d);
	return lms_buf_detach(&out);
}

/* Before, a value with no figure drew a bar of one pixel, as if it were
 * (nearly) 0; now it draws none and says so. */
static void chart_no_figure(void **state)
{
	char *html;

	(void)state;
	html = chart_of("%", NAN, NAN, false, false, false);
	assert_non_null(strstr(html, ">no figure</text>"));
	assert_null(strstr(html, "<rect"));
	free(html);
	html = chart_of("people", NAN, 12, false, false, true);
	assert_int_equal(count(html, ">no figure</text>"), 1);
	assert_int_equal(count(html, "<rect"), 1);
	assert_non_null(strstr(html, "fill=\"#e08a2c\"/><text"));
	assert_non_null(strstr(html, ">12</text>"));
	free(html);
}

/* 0 is a figure: no bar, labelled 0. */
static void chart_zero(void **state)
{
	char *html;

	(void)state;
	html = chart_of("people", 0, 4, false, false, true);
	assert_int_equal(count(html, "<rect"), 1);
	assert_non_null(strstr(html, ">0</text>"));
	assert_null(strstr(html, "no figure"));
	free(html);
}

/* A rounded value is labelled "≈", drawn lighter with a dashed outline,
 * and the legend says what ≈ means; an exact one is drawn as before. */
static void chart_approx(void **state)
{
	char *html;

	(void)state;
	html = chart_of("people", 15, 20, true, false, true);
	assert_non_null(strstr(html, ">≈15</text>"));
	assert_non_null(strstr(html, ">20</text>"));
	assert_int_equal(count(html, "<rect"), 2);
	assert_int_equal(count(html, "stroke-dasharray"), 1);
	assert_non_null(strstr(html, "≈: rounded to protect small groups"));
	free(html);
	html = chart_of("%", 50, NAN, false, false, false);
	assert_null(strstr(html, "≈"));
	assert_null(strstr(html, "stroke-dasharray"));
	assert_non_null(strstr(html, ">50%</text>"));
	free(html);
}

/* The report is the page's main landmark, the footer outside it: every
 * part of the page in a landmark, as a screen reader finds its way. */
static void html_landmarks(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	lms_doc_render(&doc, LMS_FMT_HTML, false, &out);
	assert_non_null(strstr(out.buf, "<body>\n<main>\n<h1>"));
	assert_non_null(strstr(out.buf, "</section>\n</main>\n<footer>"));
	lms_buf_release(&out);
}

/* The chart is an image named by its title, for a screen reader. */
static void chart_named(void **state)
{
	char *html;

	(void)state;
	html = chart_of("people", 3, NAN, false, false, false);
	assert_non_null(strstr(html, "role=\"img\""));
	assert_non_null(strstr(html, "\">\n<title>Participants</title>\n"));
	free(html);
}

/* HTML says the language of its text; before, it said nb over English. */
static void html_lang(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	lms_doc_render(&doc, LMS_FMT_HTML, false, &out);
	assert_non_null(strstr(out.buf, "<html lang=\"en\">"));
	lms_buf_reset(&out);
	lms_i18n_set(LMS_LANG_NB);
	lms_doc_render(&doc, LMS_FMT_HTML, false, &out);
	lms_i18n_set(LMS_LANG_EN);
	assert_non_null(strstr(out.buf, "<html lang=\"nb\">"));
	lms_buf_release(&out);
}

/* In Norwegian, figures for people have a decimal comma, in facts,
 * tables and charts; YAML and CSV keep them as C writes them. */
static void norwegian_figures(void **state)
{
	struct lms_table *t;
	char *html;

	(void)state;
	lms_doc_section(&doc, "more", "More");
	lms_doc_facts(&doc, "facts");
	lms_doc_fact(&doc, "mean", "%.2f", 4.5);
	t = lms_doc_table(&doc, "big", (const char *const[]){ "n", NULL });
	lms_table_set_numeric(t, 0);
	lms_table_row(t);
	lms_table_cell(t, "123456.5");
	lms_i18n_set(LMS_LANG_NB);
	check(LMS_FMT_TEXT, false,
	      "Kurs: rapport\n=============\n\n"
	      "The course\n----------\nstatus: open\nplaces: 12\n\n"
	      "Sessions\n--------\nTwo sessions, so far.\n\n"
	      "N  THEME\n1  Mat, og helse\n\n"
	      "More\n----\nmean: 4,50\n\n"
	      "        N\n123 456,5\n");
	check(LMS_FMT_YAML, false,
	      "title: \"Kurs: rapport\"\ncourse:\n  facts:\n    status: open\n"
	      "    places: 12\nsessions:\n  about: Two sessions, so far.\n"
	      "  list:\n    - n: 1\n      theme: Mat, og helse\nmore:\n"
	      "  facts:\n    mean: \"4.50\"\n  big:\n    - n: 123456.5\n");
	html = chart_of("%", 12.5, NAN, false, false, false);
	assert_non_null(strstr(html, ">12,50\xc2\xa0%</text>"));
	free(html);
	lms_i18n_set(LMS_LANG_EN);
}

/*
 * CSV for Excel in Norwegian is for people: the section's title over its
 * first block, a blank line before the next, a formula in a title made
 * text, the facts' columns in the language.  CSV, and Excel in English,
 * keep the keys.
 */
static void norwegian_excel(void **state)
{
	struct lms_table *t;

	(void)state;
	lms_doc_section(&doc, "more", "=Mer; og mer");
	t = lms_doc_table(&doc, "a", (const char *const[]){ "n", NULL });
	lms_table_row(t);
	lms_table_cell(t, "1");
	t = lms_doc_table(&doc, "b", (const char *const[]){ "n", NULL });
	lms_table_row(t);
	lms_table_cell(t, "2");
	lms_i18n_set(LMS_LANG_NB);
	lms_doc_facts(&doc, "facts");	/* made in the language */
	lms_doc_fact(&doc, "sted", "%s", "Helsehuset");
	check(LMS_FMT_CSV, true,
	      "\xef\xbb\xbf" "The course\r\nname;value\r\nstatus;open\r\n"
	      "places;12\r\n\r\nSessions\r\nn;theme\r\n1;Mat, og helse\r\n"
	      "\r\n\"'=Mer; og mer\"\r\nn\r\n1\r\n\r\nn\r\n2\r\n"
	      "\r\nnavn;verdi\r\nsted;Helsehuset\r\n");
	check(LMS_FMT_CSV, false,
	      "course.facts\nname,value\nstatus,open\nplaces,12\n\n"
	      "sessions.list\nn,theme\n1,\"Mat, og helse\"\n\n"
	      "more.a\nn\n1\n\nmore.b\nn\n2\n\nmore.facts\nnavn,verdi\n"
	      "sted,Helsehuset\n");
	lms_i18n_set(LMS_LANG_EN);
	check(LMS_FMT_CSV, true,
	      "\xef\xbb\xbf" "course.facts\r\nname;value\r\nstatus;open\r\n"
	      "places;12\r\n\r\nsessions.list\r\nn;theme\r\n"
	      "1;Mat, og helse\r\n\r\nmore.a\r\nn\r\n1\r\n\r\n"
	      "more.b\r\nn\r\n2\r\n\r\nmore.facts\r\nnavn;verdi\r\n"
	      "sted;Helsehuset\r\n");
}

/* A table of n rows, the last a total when total: the same whole as
 * in pieces.  Row 7 is the widest, in a piece of its own, and one cell
 * holds what Markdown and HTML escape. */
struct rows_source {
	size_t n, piece;
	bool total;
};

static const char *const piece_cols[] = { "n", "theme", NULL };

static void table_start(struct lms_table *t)
{
	lms_table_init(t, piece_cols);
	lms_table_set_numeric(t, 0);
}

static void add_piece_row(struct lms_table *t, size_t i)
{
	lms_table_row(t);
	lms_table_cellf(t, "%zu", i == 7 ? (size_t)1234567 : i);
	lms_table_cell(t, i == 7 ? "a theme wider than the others" :
		       i == 2 ? "<b>|x|</b> & *y*" : "mat");
}

static void rows_pieces(const void *source, lms_table_piece_fn *each,
			void *arg)
{
	const struct rows_source *r = source;
	struct lms_table t;

	table_start(&t);
	each(&t, arg);		/* the first, without rows */
	for (size_t i = 0; i < r->n; i++) {
		add_piece_row(&t, i);
		if (t.nrows == r->piece || i + 1 == r->n) {
			t.total_row = r->total && i + 1 == r->n;
			each(&t, arg);
			lms_table_clear_rows(&t);
		}
	}
	lms_table_release(&t);
}

static void two_docs(struct lms_doc *whole, struct lms_doc *pieces,
		     size_t n)
{
	const struct rows_source r = { n, 3, n > 0 };
	struct lms_doc *d[] = { whole, pieces };
	struct lms_table *t;

	for (int k = 0; k < 2; k++) {
		lms_doc_init(d[k], "Rapport");
		lms_doc_section(d[k], "figures", "Figures");
		lms_doc_text(d[k], "about", "%s", "Before.");
	}
	t = lms_doc_table(whole, "rows", piece_cols);
	lms_table_set_numeric(t, 0);
	for (size_t i = 0; i < n; i++)
		add_piece_row(t, i);
	t->total_row = n > 0;
	lms_doc_table_pieces(pieces, "rows", rows_pieces, &r, sizeof(r));
	for (int k = 0; k < 2; k++)
		lms_doc_text(d[k], "legend", "%s", "After.");
}

/* Empties out into all at every call, once it ends a line. */
struct drain {
	struct lms_buf *out, all;
	size_t calls;
	bool whole_lines;
};

static void drain(void *arg)
{
	struct drain *d = arg;

	d->calls++;
	if (d->out->len && d->out->buf[d->out->len - 1] != '\n')
		d->whole_lines = false;
	lms_buf_add(&d->all, d->out->buf, d->out->len);
	lms_buf_reset(d->out);
}

static void table_in_pieces(void **state)
{
	static const enum lms_format formats[] = {
		LMS_FMT_TEXT, LMS_FMT_MD, LMS_FMT_YAML, LMS_FMT_CSV,
		LMS_FMT_CSV, LMS_FMT_HTML
	};

	(void)state;
	for (size_t n = 0; n <= 10; n += 10) {
		struct lms_doc whole, pieces;

		two_docs(&whole, &pieces, n);
		for (size_t f = 0; f < 6; f++) {
			struct lms_buf want = LMS_BUF_INIT, got = LMS_BUF_INIT;
			struct drain d = { &got, LMS_BUF_INIT, 0, true };
			const struct lms_doc_sink to = { &got, drain, &d };
			bool excel = f == 4;

			lms_doc_render(&whole, formats[f], excel, &want);
			lms_doc_render_to(&pieces, formats[f], excel, &to);
			lms_buf_add(&d.all, got.buf, got.len);
			assert_string_equal(d.all.buf, want.buf);
			assert_true(d.whole_lines);
			/* At least after each piece of rows (of 3). */
			assert_true(d.calls >= (n + 2) / 3);
			lms_buf_release(&want);
			lms_buf_release(&got);
			lms_buf_release(&d.all);
		}
		lms_doc_release(&whole);
		lms_doc_release(&pieces);
	}
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(text), T(markdown), T(yaml), T(csv),
		cmocka_unit_test(hostile_text),
		cmocka_unit_test(hostile_markdown),
		cmocka_unit_test(hostile_csv),
		cmocka_unit_test(hostile_html),
		cmocka_unit_test(long_titles_are_whole),
		T(notice_text), T(notice_markdown), T(notice_yaml),
		T(notice_csv), T(notice_html), T(no_notice_html),
		cmocka_unit_test(chart_no_figure),
		cmocka_unit_test(chart_zero),
		cmocka_unit_test(chart_approx),
		cmocka_unit_test(chart_named),
		T(html_landmarks),
		T(html_lang),
		T(norwegian_figures),
		T(norwegian_excel),
		cmocka_unit_test(table_in_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
