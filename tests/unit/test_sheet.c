#include <stdlib.h>

#include "test.h"

#include "sheet.h"

/* Made-up people, one with characters that HTML must escape. */
static const struct lms_sheet_person people[] = {
	{ "Deltaker <En>", "900 00 001", "en@example.org" },
	{ "Deltaker & To", NULL, NULL },
};

static struct lms_sheet sheet(bool contacts, size_t blank)
{
	return (struct lms_sheet){
		.title = "Kurs", .when = "Session 1 of 2: Monday 2026-09-07",
		.date = "2026-09-07", .theme = NULL, .contacts = contacts,
		.people = people, .npeople = 2, .blank = blank
	};
}

static void text_shows_names_only(void **state)
{
	struct lms_sheet s = sheet(false, 1);
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	lms_sheet_render(&s, LMS_FMT_TEXT, &out);
	assert_string_equal(out.buf,
		"Sign-in sheet: Kurs\n"
		"Session 1 of 2: Monday 2026-09-07\n"
		"\n"
		"#  NAME                            SIGNATURE\n"
		"1  Deltaker <En>                   ______________________________\n"
		"\n"
		"2  Deltaker & To                   ______________________________\n"
		"\n"
		"3  ______________________________  ______________________________\n"
		"\n"
		"This sheet names people: keep it with the course's papers,\n"
		"and shred it when the attendance is recorded.\n");
	lms_buf_release(&out);
}

static void html_escapes_and_counts_rows(void **state)
{
	struct lms_sheet s = sheet(true, 3);
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	lms_sheet_render(&s, LMS_FMT_HTML, &out);
	assert_non_null(strstr(out.buf, "<title>Sign-in sheet: Kurs, "
				      "2026-09-07</title>"));
	assert_non_null(strstr(out.buf, "<tr><td class=\"n\">1</td>"
				      "<td>Deltaker &lt;En&gt;</td>"
				      "<td>900 00 001</td><td>en@example.org</td>"
				      "<td class=\"sign\"></td></tr>\n"));
	assert_non_null(strstr(out.buf, "<td>Deltaker &amp; To</td><td></td>"));
	assert_non_null(strstr(out.buf, "<th scope=\"col\">Phone</th><th scope=\"col\">E-mail</th>"));
	assert_non_null(strstr(out.buf, "<tr class=\"blank\"><td class=\"n\">5"
				      "</td>"));
	assert_null(strstr(out.buf, "<td class=\"n\">6</td>"));
	assert_null(strstr(out.buf, "<En>"));
	lms_buf_release(&out);
}

static void html_without_contacts_has_no_columns_for_them(void **state)
{
	struct lms_sheet s = sheet(false, 0);
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	lms_sheet_render(&s, LMS_FMT_HTML, &out);
	assert_null(strstr(out.buf, "900 00 001"));
	assert_null(strstr(out.buf, "example.org"));
	assert_null(strstr(out.buf, "Phone"));
	assert_null(strstr(out.buf, "class=\"blank\""));
	lms_buf_release(&out);
}

/* No one to list and no blank rows: the foot still a line below. */
static void text_of_no_rows(void **state)
{
	struct lms_sheet s = sheet(false, 0);
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	s.npeople = 0;
	lms_sheet_render(&s, LMS_FMT_TEXT, &out);
	assert_string_equal(out.buf,
		"Sign-in sheet: Kurs\n"
		"Session 1 of 2: Monday 2026-09-07\n"
		"\n"
		"#  NAME  SIGNATURE\n"
		"\n"
		"This sheet names people: keep it with the course's papers,\n"
		"and shred it when the attendance is recorded.\n");
	lms_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_shows_names_only),
		cmocka_unit_test(html_escapes_and_counts_rows),
		cmocka_unit_test(html_without_contacts_has_no_columns_for_them),
		cmocka_unit_test(text_of_no_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
