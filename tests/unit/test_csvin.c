#include "test.h"

#include "buf.h"
#include "csvin.h"
#include "i18n.h"
#include "yparse.h"

static struct lms_csv csv;

static int parse(const char *text)
{
	return lms_csv_parse(&csv, "s.csv", text, strlen(text));
}

static void reads_what_spreadsheets_write(void **state)
{
	/* A Norwegian Excel export: BOM, ';', CRLF, a quoted ';' and a
	 * quoted line break. */
	const char *text = "\xef\xbb\xbfNavn;Telefon\r\n"
			   "Kari;900 00 001\r\n"
			   "\"Ola; Nordmann\";\"900\r\n00 002\"\r\n"
			   "\r\n"
			   "\"Sier \"\"hei\"\"\";\r\n";

	(void)state;
	assert_int_equal(parse(text), 0);
	assert_int_equal(csv.delimiter, ';');
	assert_int_equal(csv.ncols, 2);
	assert_string_equal(csv.header[0], "Navn");
	assert_int_equal(csv.nrows, 3);
	assert_string_equal(csv.rows[0].cells[0], "Kari");
	assert_int_equal(csv.rows[0].line, 2);
	assert_string_equal(csv.rows[1].cells[0], "Ola; Nordmann");
	/* A line break inside a cell is "\n", whatever the file's. */
	assert_string_equal(csv.rows[1].cells[1], "900\n00 002");
	assert_int_equal(csv.rows[1].line, 3);
	/* The blank line 5 is skipped; the next row starts on line 6. */
	assert_string_equal(csv.rows[2].cells[0], "Sier \"hei\"");
	assert_string_equal(csv.rows[2].cells[1], "");
	assert_int_equal(csv.rows[2].line, 6);
	lms_csv_release(&csv);
}

static void commas_and_columns(void **state)
{
	(void)state;
	assert_int_equal(parse("name,phone,email\nA,1,a@b.no\n"), 0);
	assert_int_equal(csv.delimiter, ',');
	assert_int_equal(lms_csv_column(&csv, "email"), 2);
	assert_int_equal(lms_csv_column(&csv, "EMAIL"), 2);
	assert_int_equal(lms_csv_column(&csv, "municipality"), -1);
	lms_csv_release(&csv);
	assert_int_equal(parse("\"a,b\";c\nx;y\n"), 0);
	assert_int_equal(csv.delimiter, ';');
	lms_csv_release(&csv);
}

static void header_only_and_no_final_newline(void **state)
{
	(void)state;
	assert_int_equal(parse("name\n"), 0);
	assert_int_equal(csv.nrows, 0);
	lms_csv_release(&csv);
	assert_int_equal(parse("name,phone\nA,1"), 0);
	assert_int_equal(csv.nrows, 1);
	assert_string_equal(csv.rows[0].cells[1], "1");
	lms_csv_release(&csv);
}

static void refusals_name_their_line(void **state)
{
	(void)state;
	assert_error(parse("name,phone\nA,1\nB,2,3\n"), LMS_EDATA, 3, 0,
		     "the row has 3 fields, the header 2");
	assert_null(csv.header);
	assert_error(parse("name,phone\nA,1\n\"B,2\n"), LMS_EDATA, 3, 0,
		     "broken CSV: a quoted field is not closed");
	assert_int_equal(parse("name,phone\nA,x\"y\"z\n"), LMS_EDATA);
	assert_int_equal(lms_last_error()->line, 2);
	assert_int_equal(parse(""), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg,
			    "the file is empty: it needs a header line");
	assert_int_equal(parse("name\n\xff\xfe\n"), LMS_EDATA);
	assert_int_equal(lms_csv_parse(&csv, "s.csv", "a\0b\n", 4), LMS_EDATA);
}

/* A byte libcsv refuses is named by its line and column (in characters),
 * also in the second line of a row. */
static void refusals_name_their_column(void **state)
{
	(void)state;
	assert_error(parse("name,phone\nA,x\"y\"z\n"), LMS_EDATA, 2, 4,
		     "broken CSV: error parsing data while strict checking "
		     "enabled (a quote that is not closed?)");
	assert_error(parse("name,phone\n\"Å\nØ\"c,1\n"), LMS_EDATA, 3, 3,
		     "broken CSV: error parsing data while strict checking "
		     "enabled (a quote that is not closed?)");
}

/* What a person reads, in Norwegian. */
static void refusals_in_norwegian(void **state)
{
	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	assert_error(parse("name,phone\nA,1\nB,2,3\n"), LMS_EDATA, 3, 0,
		     "raden har 3 felt, overskriftslinjen 2");
	assert_error(parse("name,phone\nA,x\"y\"z\n"), LMS_EDATA, 2, 4,
		     "ødelagt CSV: et anførselstegn står der det ikke kan stå "
		     "(et anførselstegn som ikke er lukket?)");
	assert_error(parse("name\nB\xf8rre\n"), LMS_EDATA, 2, 2,
		     "ikke UTF-8-tekst: en byte som UTF-8 aldri bruker (lagre "
		     "arket som «CSV UTF-8»)");
	assert_error(parse(""), LMS_EDATA, 0, 0,
		     "filen er tom: den trenger en overskriftslinje");
	lms_i18n_set(LMS_LANG_EN);
}

/* Strict UTF-8, refused with the line and column of the first bad byte. */
static void refuses_what_is_not_utf8(void **state)
{
	(void)state;
	assert_error(parse("navn;telefon\r\nOla \xed\xa0\xbd\xed\xb8\x80;900\r\n"),
		     LMS_EDATA, 2, 5, "not UTF-8 text: a surrogate (CESU-8) "
		     "(save the sheet as \"CSV UTF-8\")");
	assert_error(parse("navn\nKari\nOla \xc0\xaf\n"), LMS_EDATA, 3, 5,
		     "not UTF-8 text: an overlong form (save the sheet as "
		     "\"CSV UTF-8\")");
	assert_error(parse("navn\n\xf4\x90\x80\x80\n"), LMS_EDATA, 2, 1,
		     "not UTF-8 text: a code point above U+10FFFF (save the "
		     "sheet as \"CSV UTF-8\")");
	assert_error(parse("navn\nx\xe2\x82"), LMS_EDATA, 2, 2,
		     "not UTF-8 text: a truncated sequence (save the sheet as "
		     "\"CSV UTF-8\")");
	assert_error(lms_csv_parse(&csv, "s.csv", "a\nb\0c\n", 6), LMS_EDATA, 2, 2,
		     "not UTF-8 text: a NUL byte (save the sheet as \"CSV "
		     "UTF-8\")");
	assert_error(lms_csv_parse(&csv, "s.csv", "\xff\xfen\0a\0", 6), LMS_EDATA,
		     1, 1, "the file is UTF-16: save the sheet as \"CSV UTF-8\"");
	/* A byte-order mark is UTF-8, and skipped. */
	assert_int_equal(parse("\xef\xbb\xbfnavn\nÅse\n"), 0);
	assert_string_equal(csv.header[0], "navn");
	lms_csv_release(&csv);
}

/* A cell that the YAML reader would refuse as a value is refused here. */
static void refuses_cells_over_the_value_limit(void **state)
{
	size_t max = lms_limits_default.max_scalar;
	struct lms_buf text = LMS_BUF_INIT;

	(void)state;
	lms_buf_adds(&text, "name,note\nKari,");
	for (size_t i = 0; i < max; i++)
		lms_buf_addch(&text, 'x');
	lms_buf_adds(&text, "\n");
	assert_int_equal(lms_csv_parse(&csv, "s.csv", text.buf, text.len), 0);
	lms_csv_release(&csv);
	lms_buf_adds(&text, "Ola,\"");
	for (size_t i = 0; i <= max; i++)
		lms_buf_addch(&text, 'y');
	lms_buf_adds(&text, "\"\n");
	assert_error(lms_csv_parse(&csv, "s.csv", text.buf, text.len), LMS_EDATA,
		     3, 0, "column 'note' holds 1048577 bytes, more than a "
		     "value may (1048576)");
	assert_null(csv.header);
	lms_buf_release(&text);
}

/* Old Mac line ends (a lone CR) are line ends for the rows' lines too,
 * as they are for libcsv: the first row is on line 2. */
static void lone_carriage_returns_end_lines(void **state)
{
	(void)state;
	assert_int_equal(parse("navn;tlf\rEn To;1\rTre Fire;2\r\nFem;3\n"), 0);
	assert_int_equal(csv.nrows, 3);
	assert_int_equal(csv.rows[0].line, 2);
	assert_int_equal(csv.rows[1].line, 3);
	assert_int_equal(csv.rows[2].line, 4);
	lms_csv_release(&csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_what_spreadsheets_write),
		cmocka_unit_test(commas_and_columns),
		cmocka_unit_test(header_only_and_no_final_newline),
		cmocka_unit_test(refusals_name_their_line),
		cmocka_unit_test(refusals_name_their_column),
		cmocka_unit_test(refusals_in_norwegian),
		cmocka_unit_test(refuses_what_is_not_utf8),
		cmocka_unit_test(refuses_cells_over_the_value_limit),
		cmocka_unit_test(lone_carriage_returns_end_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
