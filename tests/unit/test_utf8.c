#include <stdlib.h>

#include "test.h"

#include "utf8.h"

/* What lms_utf8_add_shown makes of s (len bytes) with how. */
static void check_shown(const char *s, size_t len, unsigned how,
			const char *want)
{
	struct lms_buf out = LMS_BUF_INIT;

	lms_utf8_add_shown(&out, s, len, how);
	assert_string_equal(out.buf, want);
	assert_int_equal(lms_utf8_is_shown(s, len, how), !strcmp(s, want));
	lms_buf_release(&out);
}

/* For a string literal, which may hold NUL. */
#define SHOWN(s, how, want) check_shown(s, sizeof(s) - 1, how, want)

static void controls_are_shown_as_less_shows_them(void **state)
{
	(void)state;
	SHOWN("T\x1b]0;pwned\a\x1b[2J", 0, "T^[]0;pwned^G^[[2J");
	SHOWN("del\x7f", 0, "del^?");
	SHOWN("a\0b", 0, "a^@b");
	/* C1: CSI (U+009B) and NEL (U+0085), as UTF-8. */
	SHOWN("\xc2\x9b" "31m \xc2\x85", 0, "<U+009B>31m <U+0085>");
	/* Bytes that are not UTF-8, a lone C1 byte among them. */
	SHOWN("\x9b" "31m \xe6", 0, "<9B>31m <E6>");
	SHOWN("\xc0\x80", 0, "<C0><80>");
}

static void text_passes_unchanged(void **state)
{
	static const char s[] = "Kurs på Helsehuset: æøå ÆØÅ, 日本, "
				"\xf0\x9f\x98\x80, e\xcc\x81, \xc2\xa0";

	(void)state;
	SHOWN(s, 0, s);
	SHOWN("", 0, "");
}

static void lines_and_flat(void **state)
{
	(void)state;
	SHOWN("a\nb\tc\r\nd\re", 0, "a^Jb^Ic^M^Jd^Me");
	SHOWN("a\nb\tc\r\nd\re", LMS_VIS_LINES, "a\nb\tc\r\nd^Me");
	SHOWN("a\nb\tc\r\nd\re", LMS_VIS_FLAT, "a b c  d e");
	SHOWN("end\r", LMS_VIS_LINES, "end^M");
}

static void width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(lms_utf8_width(""), 0);
	assert_int_equal(lms_utf8_width("abc"), 3);
	assert_int_equal(lms_utf8_width("æøå"), 3);
	/* Wide: CJK and emoji take two columns. */
	assert_int_equal(lms_utf8_width("日本語"), 6);
	assert_int_equal(lms_utf8_width("\xf0\x9f\x98\x80"), 2);
	assert_int_equal(lms_utf8_width("ｱ"), 1);	/* halfwidth katakana */
	assert_int_equal(lms_utf8_width("Ａ"), 2);	/* fullwidth A */
	/* Combining marks and the zero-width joiner take none. */
	assert_int_equal(lms_utf8_width("e\xcc\x81"), 1);
	assert_int_equal(lms_utf8_width("a\xe2\x80\x8d" "b"), 2);
	/* Controls count as they are shown: ^[ takes two. */
	assert_int_equal(lms_utf8_width("\x1b[2J"), 5);
	assert_int_equal(lms_utf8_width("\xc2\x85"), 8);
	assert_int_equal(lms_utf8_width("a\tb\n"), 4);
	assert_int_equal(lms_utf8_width("\xff"), 4);
}

static void cut_keeps_whole_characters(void **state)
{
	(void)state;
	assert_int_equal(lms_utf8_cut("abcdef", 4), 4);
	assert_int_equal(lms_utf8_cut("abc", 10), 3);
	assert_int_equal(lms_utf8_cut("abc", 0), 0);
	/* æ is two bytes, one column. */
	assert_int_equal(lms_utf8_cut("æææ", 2), 4);
	/* A wide character that does not fit is left out whole. */
	assert_int_equal(lms_utf8_cut("a日本", 2), 1);
	assert_int_equal(lms_utf8_cut("a日本", 3), 4);
	assert_int_equal(lms_utf8_cut("\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 3), 4);
	/* Combining marks stay with their letter. */
	assert_int_equal(lms_utf8_cut("e\xcc\x81" "e\xcc\x81", 1), 3);
	assert_int_equal(lms_utf8_cut("e\xcc\x81\xcc\x81x", 1), 5);
}

static void floor_never_splits_a_character(void **state)
{
	(void)state;
	assert_int_equal(lms_utf8_floor("abc", 2), 2);
	assert_int_equal(lms_utf8_floor("abc", 5), 3);
	assert_int_equal(lms_utf8_floor("aæ", 2), 1);
	assert_int_equal(lms_utf8_floor("aæ", 3), 3);
	assert_int_equal(lms_utf8_floor("\xf0\x9f\x98\x80", 3), 0);
	assert_int_equal(lms_utf8_floor("a\xf0\x9f\x98\x80", 4), 1);
	assert_int_equal(lms_utf8_floor("a\xf0\x9f\x98\x80", 5), 5);
}

static void format_cuts_at_a_character(void **state)
{
	char buf[8];

	(void)state;
	lms_utf8_format(buf, sizeof(buf), "%s", "abc");
	assert_string_equal(buf, "abc");
	lms_utf8_format(buf, sizeof(buf), "%s", "abcdefg");
	assert_string_equal(buf, "abcdefg");
	/* vsnprintf would keep "aøø" and half of the third ø. */
	lms_utf8_format(buf, sizeof(buf), "%s", "aøøøø");
	assert_string_equal(buf, "aø\xe2\x80\xa6");
	lms_utf8_format(buf, sizeof(buf), "%s", "abcdefgh");
	assert_string_equal(buf, "abcd\xe2\x80\xa6");
	assert_true(lms_utf8_valid(buf));
}

static void a_line_has_no_controls(void **state)
{
	(void)state;
	assert_true(lms_text_is_line("Kurs på Helsehuset"));
	assert_false(lms_text_is_line("T\x1b[2J"));
	assert_false(lms_text_is_line("del\x7f"));
	assert_false(lms_text_is_line("a\nb"));
	assert_false(lms_text_is_line("csi \xc2\x9b"));
	assert_false(lms_text_is_line("bad \xe6"));
	assert_true(lms_text_is_line("nbsp\xc2\xa0ok"));
}

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
		cmocka_unit_test(controls_are_shown_as_less_shows_them),
		cmocka_unit_test(text_passes_unchanged),
		cmocka_unit_test(lines_and_flat),
		cmocka_unit_test(width_counts_columns),
		cmocka_unit_test(cut_keeps_whole_characters),
		cmocka_unit_test(floor_never_splits_a_character),
		cmocka_unit_test(format_cuts_at_a_character),
		cmocka_unit_test(a_line_has_no_controls),
		cmocka_unit_test(strict_utf8),
		cmocka_unit_test(characters_and_code_points),
		cmocka_unit_test(positions),
		cmocka_unit_test(quoting_for_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
