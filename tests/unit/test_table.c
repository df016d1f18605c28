#include "test.h"

#include <stdio.h>

#include "i18n.h"
#include "table.h"
#include "utf8.h"

static struct lms_table table;
static struct lms_buf out;

static int setup(void **state)
{
	static const char *const cols[] = { "text", "n", NULL };

	(void)state;
	lms_table_init(&table, cols);
	lms_table_set_numeric(&table, 1);
	lms_buf_init(&out);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_table_release(&table);
	lms_buf_release(&out);
	return 0;
}

static void row(const char *text, const char *n)
{
	lms_table_row(&table);
	lms_table_cell(&table, text);
	lms_table_cell(&table, n);
}

static void check(enum lms_format f, bool excel, const char *want)
{
	lms_buf_reset(&out);
	lms_table_render(&table, f, excel, &out);
	assert_string_equal(out.buf, want);
}

/* Cells a spreadsheet would run as formulas, and numbers. */
static void hostile_rows(void)
{
	row("=HYPERLINK(\"http://x.example/\";\"Klikk\")", "-3");
	row("+47 900 00 008", "-0.5");
	row("-2+3+cmd|' /C calc'!A0", "2.25");
	row("@SUM(A1:A2)", "80%");
	row("\t=1+1", "-1,5");
	row("\r=1+1", "");
	row("-", "7");		/* what cannot be computed */
	row("a=b, c-d", "+4");
}

static void csv_makes_formulas_text(void **state)
{
	(void)state;
	hostile_rows();
	check(LMS_FMT_CSV, false,
	      "text,n\n"
	      "\"'=HYPERLINK(\"\"http://x.example/\"\";\"\"Klikk\"\")\",-3\n"
	      "'+47 900 00 008,-0.5\n"
	      "'-2+3+cmd|' /C calc'!A0,2.25\n"
	      "'@SUM(A1:A2),80%\n"
	      "'\t=1+1,\"'-1,5\"\n"
	      "'^M=1+1,\n"
	      "-,7\n"
	      "\"a=b, c-d\",'+4\n");
}

static void excel_makes_formulas_text(void **state)
{
	(void)state;
	hostile_rows();
	/* A decimal comma in numeric columns; -1,5 is a number there, and
	 * -0.5 would not be in a text column. */
	lms_table_row(&table);
	lms_table_cell(&table, "-0.5");
	lms_table_cell(&table, "-0.25");
	/* A p-value below what is shown: text, with a comma too. */
	row("<0.001", "<0.001");
	check(LMS_FMT_CSV, true,
	      "\xef\xbb\xbf" "text;n\r\n"
	      "\"'=HYPERLINK(\"\"http://x.example/\"\";\"\"Klikk\"\")\";-3\r\n"
	      "'+47 900 00 008;-0,5\r\n"
	      "'-2+3+cmd|' /C calc'!A0;2,25\r\n"
	      "'@SUM(A1:A2);80%\r\n"
	      "'\t=1+1;-1,5\r\n"
	      "'^M=1+1;\r\n"
	      "-;7\r\n"
	      "a=b, c-d;'+4\r\n"
	      "'-0.5;-0,25\r\n"
	      "<0.001;<0,001\r\n");
}

static void tsv_makes_formulas_text(void **state)
{
	(void)state;
	hostile_rows();
	check(LMS_FMT_TSV, false,
	      "text\tn\n"
	      "'=HYPERLINK(\"http://x.example/\";\"Klikk\")\t-3\n"
	      "'+47 900 00 008\t-0.5\n"
	      "'-2+3+cmd|' /C calc'!A0\t2.25\n"
	      "'@SUM(A1:A2)\t80%\n"
	      "' =1+1\t'-1,5\n"
	      "' =1+1\t\n"
	      "-\t7\n"
	      "a=b, c-d\t'+4\n");
}

/* Norwegian writes the numbers of numeric columns its way for people;
 * scripts and Excel get them as before. */
static void norwegian_numbers_for_people(void **state)
{
	(void)state;
	row("stor", "12345");
	row("desimal", "-2.25");
	row("prosent", "80%");
	row("år", "2026");
	row("12345", "");
	lms_i18n_set(LMS_LANG_NB);
	check(LMS_FMT_TEXT, false,
	      "TEXT          N\n"
	      "stor     12 345\n"
	      "desimal   -2,25\n"
	      "prosent    80 %\n"
	      "år         2026\n"
	      "12345\n");
	check(LMS_FMT_MD, false,
	      "| text | n |\n| --- | ---: |\n| stor | 12 345 |\n"
	      "| desimal | -2,25 |\n| prosent | 80 % |\n| år | 2026 |\n"
	      "| 12345 |  |\n");
	check(LMS_FMT_CSV, false,
	      "text,n\nstor,12345\ndesimal,-2.25\nprosent,80%\når,2026\n"
	      "12345,\n");
	check(LMS_FMT_TSV, false,
	      "text\tn\nstor\t12345\ndesimal\t-2.25\nprosent\t80%\n"
	      "år\t2026\n12345\t\n");
	check(LMS_FMT_YAML, false,
	      "- text: stor\n  n: 12345\n- text: desimal\n  n: -2.25\n"
	      "- text: prosent\n  n: 80%\n- text: år\n  n: 2026\n"
	      "- text: \"12345\"\n  n: null\n");
	check(LMS_FMT_CSV, true,
	      "\xef\xbb\xbf" "text;n\r\nstor;12345\r\ndesimal;-2,25\r\n"
	      "prosent;80%\r\når;2026\r\n12345;\r\n");
	lms_i18n_set(LMS_LANG_EN);
}

/* Headers in capitals, Norwegian letters too. */
static void text_headers_in_capitals(void **state)
{
	static const char *const cols[] = { "påmeldt", "år", "øvrige", NULL };
	struct lms_table t;

	(void)state;
	lms_table_init(&t, cols);
	lms_table_render(&t, LMS_FMT_TEXT, false, &out);
	assert_string_equal(out.buf, "PÅMELDT  ÅR  ØVRIGE\n");
	lms_table_release(&t);
}

static void sheets_show_controls(void **state)
{
	(void)state;
	row("T\x1b]0;x\a", "1");
	row("two\nlines", "2");
	check(LMS_FMT_CSV, false,
	      "text,n\nT^[]0;x^G,1\n\"two\nlines\",2\n");
	check(LMS_FMT_TSV, false, "text\tn\nT^[]0;x^G\t1\ntwo lines\t2\n");
}

static void text_shows_controls(void **state)
{
	(void)state;
	row("T\x1b[31m", "1");
	row("a\tb\nc", "22");
	row("\xc2\x9b" "2J", "3");
	check(LMS_FMT_TEXT, false,
	      "TEXT         N\n"
	      "T^[[31m      1\n"
	      "a b c       22\n"
	      "<U+009B>2J   3\n");
}

static void text_aligns_wide_characters(void **state)
{
	(void)state;
	row("日本語", "1");
	row("e\xcc\x81t\xc3\xa9", "2");
	row("\xf0\x9f\x98\x80!", "3");
	check(LMS_FMT_TEXT, false,
	      "TEXT    N\n"
	      "日本語  1\n"
	      "e\xcc\x81t\xc3\xa9     2\n"
	      "\xf0\x9f\x98\x80!     3\n");
}

/* Norwegian letters take the way of plain cells: a column each, as
 * every character from U+00C0 to U+00FF does; 80 of them fit a cell, 81
 * are cut, and a control after them is still shown. */
static void text_aligns_norwegian_letters(void **state)
{
	struct lms_buf fits = LMS_BUF_INIT, cut = LMS_BUF_INIT,
		       want = LMS_BUF_INIT;
	char c[3] = { '\xc3', 0, 0 };

	(void)state;
	for (unsigned b = 0x80; b <= 0xbf; b++) {
		c[1] = (char)b;
		assert_int_equal(lms_utf8_width(c), 1);
		assert_true(lms_utf8_is_shown(c, 2, LMS_VIS_LINES));
	}
	assert_false(lms_utf8_is_shown("a\xc3", 2, LMS_VIS_LINES));
	for (int i = 0; i < LMS_TABLE_TEXT_MAX; i++)
		lms_buf_adds(&fits, "å");
	lms_buf_add(&cut, fits.buf, fits.len);
	lms_buf_adds(&cut, "ø");
	row("Kurs for pårørende", "1");
	row("ÆØÅ×÷\x1b[2J", "22");
	row(fits.buf, "3");
	row(cut.buf, "4");
	lms_table_render(&table, LMS_FMT_TEXT, false, &out);
	lms_buf_adds(&want, "TEXT");
	for (int i = 4; i < LMS_TABLE_TEXT_MAX; i++)
		lms_buf_addch(&want, ' ');
	lms_buf_adds(&want, "   N\nKurs for pårørende");
	for (int i = 18; i < LMS_TABLE_TEXT_MAX; i++)
		lms_buf_addch(&want, ' ');
	lms_buf_adds(&want, "   1\nÆØÅ×÷^[[2J");
	for (int i = 10; i < LMS_TABLE_TEXT_MAX; i++)
		lms_buf_addch(&want, ' ');
	lms_buf_adds(&want, "  22\n");
	lms_buf_add(&want, fits.buf, fits.len);
	lms_buf_adds(&want, "   3\n");
	lms_buf_add(&want, fits.buf, fits.len - 2);
	lms_buf_adds(&want, "\xe2\x80\xa6   4\n");
	assert_string_equal(out.buf, want.buf);
	lms_buf_release(&fits);
	lms_buf_release(&cut);
	lms_buf_release(&want);
}

/* A cell wider than LMS_TABLE_TEXT_MAX is cut at a character and ends
 * with an ellipsis; the whole line stays valid UTF-8. */
static void text_cuts_long_cells(void **state)
{
	struct lms_buf s = LMS_BUF_INIT, want = LMS_BUF_INIT;

	(void)state;
	for (int i = 0; i < 100; i++)
		lms_buf_adds(&s, "æ\xf0\x9f\x98\x80");
	row(s.buf, "1");
	lms_table_render(&table, LMS_FMT_TEXT, false, &out);
	assert_true(lms_utf8_valid(out.buf));
	/* 26 of æ and emoji take 78 columns, æ one more, … the 80th. */
	lms_buf_adds(&want, "TEXT");
	for (int i = 0; i < 76; i++)
		lms_buf_addch(&want, ' ');
	lms_buf_adds(&want, "  N\n");
	for (int i = 0; i < 26; i++)
		lms_buf_adds(&want, "æ\xf0\x9f\x98\x80");
	lms_buf_adds(&want, "æ\xe2\x80\xa6  1\n");
	assert_string_equal(out.buf, want.buf);
	/* The other formats give it whole. */
	lms_buf_reset(&out);
	lms_table_render(&table, LMS_FMT_CSV, false, &out);
	assert_non_null(strstr(out.buf, s.buf));
	lms_buf_release(&s);
	lms_buf_release(&want);
}

/* A control is cut whole: ^[ is one thing, never a lone ^. */
static void text_cuts_before_a_control(void **state)
{
	struct lms_buf s = LMS_BUF_INIT;

	(void)state;
	for (int i = 0; i < 78; i++)
		lms_buf_addch(&s, 'a');
	lms_buf_adds(&s, "\x1b[2J");
	row(s.buf, "1");
	lms_table_render(&table, LMS_FMT_TEXT, false, &out);
	lms_buf_truncate(&s, 78);
	lms_buf_adds(&s, "\xe2\x80\xa6  1\n");
	assert_string_equal(strchr(out.buf, '\n') + 1, s.buf);
	lms_buf_release(&s);
}

static void markdown_escapes_markup(void **state)
{
	(void)state;
	row("<script>alert(1)</script> & <img src=x onerror=y>", "1");
	row("# *bold* _it_ `code` [link](http://x.example) a|b", "2");
	row("snake_case ~~s~~ $x$ 2^3^ back\\slash", "3");
	row("two\nlines\x1b[2J", "4");
	check(LMS_FMT_MD, false,
	      "| text | n |\n| --- | ---: |\n"
	      "| &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	      "&lt;img src=x onerror=y&gt; | 1 |\n"
	      "| \\# \\*bold\\* \\_it\\_ \\`code\\` \\[link\\](http://x.example) "
	      "a\\|b | 2 |\n"
	      "| snake_case \\~\\~s\\~\\~ \\$x\\$ 2\\^3\\^ back\\\\slash | 3 |\n"
	      "| two lines\\^\\[\\[2J | 4 |\n");
}

static void markdown_line_start(void **state)
{
	static const char *const lines[][2] = {
		{ "- not a list", "\\- not a list" },
		{ "+ not a list", "\\+ not a list" },
		{ "===", "\\===" },
		{ "12. not a list", "12\\. not a list" },
		{ "3) not a list", "3\\) not a list" },
		{ "  - indented", "\\- indented" },
		{ "2026-09-07", "2026-09-07" },
		{ "> quote", "&gt; quote" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		lms_buf_reset(&out);
		lms_table_md_escape(&out, lines[i][0], true);
		assert_string_equal(out.buf, lines[i][1]);
	}
	lms_buf_reset(&out);
	lms_table_md_escape(&out, "- mid-line", false);
	assert_string_equal(out.buf, "- mid-line");
}

static void markdown_links_stay_links(void **state)
{
	(void)state;
	lms_table_set_links(&table, 0);
	row("a-b_c.md", "1");
	row("x y(1).md", "2");
	check(LMS_FMT_MD, false,
	      "| text | n |\n| --- | ---: |\n"
	      "| [a-b_c.md](a-b_c.md) | 1 |\n"
	      "| [x y(1).md](x%20y%281%29.md) | 2 |\n");
}

/* Room made at once: the rows go in without moving the cells, and the
 * table is the one grown a row at a time, cleared and filled again. */
static void reserve_makes_room_at_once(void **state)
{
	static const char *const cols[] = { "text", "n", NULL };
	struct lms_table grown;
	struct lms_buf want = LMS_BUF_INIT;
	const size_t *cells;
	char n[16];

	(void)state;
	lms_table_init(&grown, cols);
	lms_table_set_numeric(&grown, 1);
	lms_table_reserve(&table, 100, 100 * 8);
	cells = table.cells;
	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < 100; i++) {
			snprintf(n, sizeof(n), "%d", i * k);
			row("kurs", n);
			lms_table_row(&grown);
			lms_table_cell(&grown, "kurs");
			lms_table_cell(&grown, n);
		}
		assert_ptr_equal(table.cells, cells);
		lms_buf_reset(&want);
		lms_table_render(&grown, LMS_FMT_TEXT, false, &want);
		check(LMS_FMT_TEXT, false, want.buf);
		lms_table_clear_rows(&table);
		lms_table_clear_rows(&grown);
	}
	lms_table_release(&grown);
	lms_buf_release(&want);
}

/* Rows put in another order render as if they had been made in it. */
static void rows_put_in_order(void **state)
{
	static const size_t order[] = { 2, 0, 1 };

	(void)state;
	row("c", "3");
	row("a", "1");
	row("b", "22");
	lms_table_order(&table, order);
	check(LMS_FMT_CSV, false, "text,n\nb,22\nc,3\na,1\n");
	check(LMS_FMT_TEXT, false, "TEXT   N\nb     22\nc      3\na      1\n");
	/* And rows added after it go last. */
	row("d", "4");
	check(LMS_FMT_CSV, false, "text,n\nb,22\nc,3\na,1\nd,4\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(csv_makes_formulas_text),
		T(excel_makes_formulas_text),
		T(tsv_makes_formulas_text),
		T(norwegian_numbers_for_people),
		T(text_headers_in_capitals),
		T(sheets_show_controls),
		T(text_shows_controls),
		T(text_aligns_norwegian_letters),
		T(text_aligns_wide_characters),
		T(text_cuts_long_cells),
		T(text_cuts_before_a_control),
		T(markdown_escapes_markup),
		T(markdown_line_start),
		T(markdown_links_stay_links),
		T(reserve_makes_room_at_once),
		T(rows_put_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
