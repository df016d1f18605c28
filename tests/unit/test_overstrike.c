#include <stdlib.h>

#include "test.h"

#include "overstrike.h"

/* The plain text of in, given in pieces of step bytes. */
static char *strip(const char *in, size_t len, size_t step)
{
	struct lms_overstrike s;
	struct lms_buf out = LMS_BUF_INIT;

	lms_overstrike_init(&s);
	for (size_t i = 0; i < len; i += step)
		lms_overstrike_add(&s, in + i, len - i < step ? len - i : step,
				   &out);
	lms_overstrike_finish(&s, &out);
	return lms_buf_detach(&out);
}

/* in gives out whole and in pieces of every size up to its length. */
static void gives(const char *in, const char *out)
{
	size_t len = strlen(in);

	for (size_t step = 1; step <= len + 1; step++) {
		char *got = strip(in, len, step);

		assert_string_equal(got, out);
		free(got);
	}
}

static void bold_and_underline(void **state)
{
	(void)state;
	gives("N\bNA\bAM\bME\bE\n", "NAME\n");
	gives("_\bf_\bi_\bl_\be", "file");
	gives("plain text, untouched\n", "plain text, untouched\n");
	gives("", "");
	/* Bold underline: both at once. */
	gives("_\bx\bx", "x");
	gives("a_\b_b", "a_b");
}

/* A character is a whole UTF-8 sequence, never a byte of one. */
static void whole_characters(void **state)
{
	(void)state;
	gives("kj\xc3\xb8\b\xc3\xb8kkenet", "kj\xc3\xb8kkenet");
	gives("\xc3\xa6\b\xc3\xa6\xc3\xb8\b\xc3\xb8\xc3\xa5\b\xc3\xa5",
	      "\xc3\xa6\xc3\xb8\xc3\xa5");
	gives("_\b\xc3\x85_\bs", "\xc3\x85s");
	gives("\xe2\x80\x94\b\xe2\x80\x94", "\xe2\x80\x94");
	gives("\xf0\x9f\x99\x82\b\xf0\x9f\x99\x82!", "\xf0\x9f\x99\x82!");
}

/* Bytes that are no UTF-8 pass through as they are. */
static void bytes_that_are_no_utf8(void **state)
{
	(void)state;
	gives("\xff\b\xff", "\xff");
	gives("\xc3x", "\xc3x");
	gives("\x80\xc3", "\x80\xc3");
	/* A backspace with nothing to strike, or before a newline. */
	gives("\bx", "x");
	gives("x\b\ny", "x\ny");
}

/* A page longer than any buffer: a bold line of 12000 characters, read
 * in the pieces a pipe gives. */
static void long_lines(void **state)
{
	struct lms_buf in = LMS_BUF_INIT, want = LMS_BUF_INIT;
	const char *const chars[] = { "x", "\xc3\xa6", "\xc3\xb8", "\xc3\xa5" };

	(void)state;
	for (size_t i = 0; i < 12000; i++) {
		const char *c = chars[i % 4];

		lms_buf_addf(&in, "%s\b%s", c, c);
		lms_buf_adds(&want, c);
	}
	lms_buf_addch(&in, '\n');
	lms_buf_addch(&want, '\n');
	for (size_t step = 4095; step <= 4097; step++) {
		char *got = strip(in.buf, in.len, step);

		assert_string_equal(got, want.buf);
		free(got);
	}
	lms_buf_release(&in);
	lms_buf_release(&want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bold_and_underline),
		cmocka_unit_test(whole_characters),
		cmocka_unit_test(bytes_that_are_no_utf8),
		cmocka_unit_test(long_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
