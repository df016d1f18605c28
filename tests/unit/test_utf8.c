#include <stdlib.h>

#include "test.h"

#include "../../lib/utf8.h"

static const char *problem(const char *s, size_t *at)
{
	return lms_utf8_problem(s, strlen(s), at);
}

/* RFC 3629's table: each boundary on either side. */
static void strict_utf8(void **state)
{
	static const char *const valid[] = {
		"", "ascii only, and longer than eight bytes",
		"\xc2\x80", "\xdf\xbf",			/* U+0080, U+07FF */
		"\xe0\xa0\x80", "\xed\x9f\xbf",		/* U+0800, U+D7FF */
		"\xee\x80\x80", "\xef\xbf\xbf",		/* U+E000, U+FFFF */
		"\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",	/* U+10000, U+10FFFF */
		"Bodø, Tromsø og Ås \xf0\x9f\x98\x80", NULL
	};
	static const struct { const char *s; size_t at; const char *why; } bad[] = {
		{ "\x80", 0, "a continuation byte without a start" },
		{ "ab\xbf", 2, "a continuation byte without a start" },
		{ "\xc0\xaf", 0, "an overlong form" },
		{ "\xc1\xbf", 0, "an overlong form" },
		{ "\xe0\x80\xaf", 0, "an overlong form" },
		{ "\xe0\x9f\xbf", 0, "an overlong form" },
		{ "\xf0\x80\x80\xaf", 0, "an overlong form" },
		{ "\xf0\x8f\xbf\xbf", 0, "an overlong form" },
		{ "Ola \xed\xa0\xbd\xed\xb8\x80", 4, "a surrogate (CESU-8)" },
		{ "\xed\xbf\xbf", 0, "a surrogate (CESU-8)" },
		{ "\xf4\x90\x80\x80", 0, "a code point above U+10FFFF" },
		{ "\xf5\x80\x80\x80", 0, "a code point above U+10FFFF" },
		{ "\xf7\xbf\xbf\xbf", 0, "a code point above U+10FFFF" },
		{ "\xf8\x88\x80\x80\x80", 0, "a byte that UTF-8 never uses" },
		{ "\xff", 0, "a byte that UTF-8 never uses" },
		{ "x\xc3", 1, "a truncated sequence" },
		{ "\xe2\x82x", 0, "a truncated sequence" },
		{ "twelve bytes\xf0\x9f\x98", 12, "a truncated sequence" },
	};
	size_t at;

	(void)state;
	for (int i = 0; valid[i]; i++) {
		if (problem(valid[i], &at))
			fail_msg("valid string %d refused", i);
		assert_true(lms_utf8_valid(valid[i]));
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = problem(bad[i].s, &at);

		if (!why)
			fail_msg("bad string %zu taken", i);
		assert_string_equal(why, bad[i].why);
		assert_int_equal(at, bad[i].at);
		assert_false(lms_utf8_valid(bad[i].s));
	}
	/* Names and titles are such text on one line. */
	assert_true(lms_text_is_line("Kari Nordmann"));
	assert_false(lms_text_is_line("Kari\nNordmann"));
	assert_false(lms_text_is_line("Ola \xed\xa0\xbd\xed\xb8\x80"));
}

static void characters_and_code_points(void **state)
{
	unsigned cp;

	(void)state;
	assert_int_equal(lms_utf8_char("a", 1, &cp), 1);
	assert_int_equal(cp, 'a');
	assert_int_equal(lms_utf8_char("\xc3\xb8", 2, &cp), 2);
	assert_int_equal(cp, 0xf8);
	assert_int_equal(lms_utf8_char("\xe2\x80\xa8", 3, &cp), 3);
	assert_int_equal(cp, 0x2028);
	assert_int_equal(lms_utf8_char("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(lms_utf8_char("\xed\xa0\xbd", 3, &cp), 0);
	assert_int_equal(lms_utf8_char("\xc3\xb8", 1, &cp), 0);
}

/* Lines end at CR LF, LF and a lone CR; columns count characters. */
static void positions(void **state)
{
	const char *text = "ab\r\nø\rx\ny\xff";
	unsigned line, col;

	(void)state;
	lms_utf8_position(text, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	lms_utf8_position(text, 2, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 3);
	lms_utf8_position(text, 7, &line, &col);	/* x, after ø and CR */
	assert_int_equal(line, 3);
	assert_int_equal(col, 1);
	lms_utf8_position(text, 10, &line, &col);	/* the bad byte */
	assert_int_equal(line, 4);
	assert_int_equal(col, 2);
}

/* Text for a message: what is not UTF-8 or a control character shows as
 * \xNN, and a long text is cut at a character. */
static void quoting_for_messages(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	lms_utf8_quote(&b, "Ola \xed\xa0\xbd\x1b[2J", 60);
	assert_string_equal(b.buf, "Ola \\xed\\xa0\\xbd\\x1b[2J");
	lms_buf_reset(&b);
	lms_utf8_quote(&b, "æøå æøå", 5);
	assert_string_equal(b.buf, "æø...");
	lms_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strict_utf8),
		cmocka_unit_test(characters_and_code_points),
		cmocka_unit_test(positions),
		cmocka_unit_test(quoting_for_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
