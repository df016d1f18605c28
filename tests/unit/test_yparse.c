#include <stdlib.h>

#include "test.h"

#include "../../lib/buf.h"
#include "../../lib/yparse.h"

/* Runs the parser over text to the end; returns the first error. */
static int parse_all(const char *text, const struct lms_limits *lim,
		     size_t *nevents)
{
	struct lms_yparser p;
	struct lms_event ev;
	int err;

	*nevents = 0;
	if ((err = lms_yparser_init(&p, "t.yaml", text, strlen(text), lim)))
		return err;
	do {
		if ((err = lms_yparser_next(&p, &ev)))
			break;
		(*nevents)++;
	} while (ev.type != LMS_EV_END);
	lms_yparser_release(&p);
	return err;
}

static void marks_are_one_based(void **state)
{
	struct lms_yparser p;
	struct lms_event ev;
	const char *text = "a: 1\nlist:\n  - x\n";

	(void)state;
	assert_int_equal(lms_yparser_init(&p, "t.yaml", text, strlen(text),
					  NULL), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(ev.type, LMS_EV_MAP);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_string_equal(ev.value, "a");
	assert_int_equal(ev.start.line, 1);
	assert_int_equal(ev.start.col, 1);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_string_equal(ev.value, "1");
	assert_int_equal(ev.start.col, 4);
	assert_true(ev.plain);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(ev.type, LMS_EV_SEQ);
	assert_false(ev.flow);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_string_equal(ev.value, "x");
	assert_int_equal(ev.start.line, 3);
	assert_int_equal(ev.start.col, 5);
	lms_yparser_release(&p);
}

static void empty_text_is_just_the_end(void **state)
{
	size_t n;

	(void)state;
	assert_int_equal(parse_all("", NULL, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(parse_all("# only a comment\n", NULL, &n), 0);
	assert_int_equal(n, 1);
}

static void syntax_errors_have_a_place(void **state)
{
	size_t n;

	(void)state;
	assert_error(parse_all("a: [1, 2\nb: 3\n", NULL, &n), LMS_EDATA, 2, 2,
		     "did not find expected ',' or ']' while parsing a flow "
		     "sequence");
	assert_string_equal(lms_last_error()->path, "t.yaml");
	assert_error(parse_all("a: 1\n b: 2\n", NULL, &n), LMS_EDATA, 2, 3,
		     "mapping values are not allowed in this context");
	assert_error(parse_all("a: \"open\n", NULL, &n), LMS_EDATA, 2, 1,
		     "found unexpected end of stream while scanning a quoted "
		     "scalar");
	assert_error(parse_all("a: \xff\n", NULL, &n), LMS_EDATA, 1, 4,
		     "invalid leading UTF-8 octet");
}

static void one_document_only(void **state)
{
	size_t n;

	(void)state;
	assert_error(parse_all("a: 1\n---\nb: 2\n", NULL, &n), LMS_EDATA, 2, 1,
		     "a file holds one YAML document, this is a second");
}

static void refuses_nul_in_values(void **state)
{
	size_t n;

	(void)state;
	assert_error(parse_all("a: \"x\\0y\"\n", NULL, &n), LMS_EDATA, 1, 4,
		     "value contains a NUL character");
}

static void limits(void **state)
{
	struct lms_limits lim = lms_limits_default;
	struct lms_buf deep = LMS_BUF_INIT;
	size_t n;

	(void)state;
	lim.max_file = 10;
	assert_int_equal(parse_all("a: 0123456789\n", &lim, &n), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg,
			    "file is larger than 10 bytes");

	lim = lms_limits_default;
	lim.max_scalar = 4;
	assert_error(parse_all("a: 12345\n", &lim, &n), LMS_EDATA, 1, 4,
		     "value longer than 4 bytes");

	for (int i = 0; i < 40; i++)
		lms_buf_addch(&deep, '[');
	for (int i = 0; i < 40; i++)
		lms_buf_addch(&deep, ']');
	assert_error(parse_all(deep.buf, NULL, &n), LMS_EDATA, 1, 33,
		     "nesting deeper than 32 levels");
	lms_buf_release(&deep);
}

static void replays_aliases(void **state)
{
	const char *text = "a: &p [plan, deliver]\nb: *p\nc: &s word\nd: *s\n";
	static const char *const want[] = {
		"a", "[", "plan", "deliver", "]", "b", "[", "plan", "deliver",
		"]", "c", "word", "d", "word", NULL
	};
	struct lms_yparser p;
	struct lms_event ev;
	int i = 0;

	(void)state;
	assert_int_equal(lms_yparser_init(&p, "t.yaml", text, strlen(text),
					  NULL), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	for (;;) {
		assert_int_equal(lms_yparser_next(&p, &ev), 0);
		if (ev.type == LMS_EV_MAP_END)
			break;
		assert_non_null(want[i]);
		if (ev.type == LMS_EV_SCALAR)
			assert_string_equal(ev.value, want[i]);
		else if (ev.type == LMS_EV_SEQ)
			assert_string_equal("[", want[i]);
		else
			assert_string_equal("]", want[i]);
		i++;
	}
	assert_null(want[i]);
	lms_yparser_release(&p);
}

static void refuses_alias_bombs(void **state)
{
	/* Nine levels of ten aliases each: a billion nodes if expanded. */
	struct lms_buf bomb = LMS_BUF_INIT;
	size_t n;

	(void)state;
	lms_buf_adds(&bomb, "a: &a [x, x, x, x, x, x, x, x, x, x]\n");
	for (char c = 'b'; c <= 'j'; c++)
		lms_buf_addf(&bomb, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, "
			     "*%c, *%c, *%c]\n", c, c, c - 1, c - 1, c - 1,
			     c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	assert_int_equal(parse_all(bomb.buf, NULL, &n), LMS_EDATA);
	assert_non_null(strstr(lms_last_error()->msg, "more than"));
	lms_buf_release(&bomb);
}

static void refuses_bad_aliases(void **state)
{
	size_t n;

	(void)state;
	assert_error(parse_all("a: *nowhere\n", NULL, &n), LMS_EDATA, 1, 4,
		     "unknown alias '*nowhere'");
	assert_error(parse_all("a: &x [1, *x]\n", NULL, &n), LMS_EDATA, 1, 11,
		     "alias '*x' refers to itself");
}

static void takes_values(void **state)
{
	struct lms_yparser p;
	struct lms_event ev;
	const char *text = "a: &v hello\nb: *v\n";
	char *s;

	(void)state;
	assert_int_equal(lms_yparser_init(&p, "t.yaml", text, strlen(text),
					  NULL), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	s = lms_yparser_take(&p, &ev);
	assert_string_equal(s, "hello");
	free(s);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_true(ev.replayed);
	s = lms_yparser_take(&p, &ev);
	assert_string_equal(s, "hello");
	free(s);
	lms_yparser_release(&p);
}

static void nulls(void **state)
{
	struct lms_event ev = { .type = LMS_EV_SCALAR, .plain = true };
	static const char *const null[] = { "", "~", "null", "Null", "NULL", NULL };

	(void)state;
	for (int i = 0; null[i]; i++) {
		ev.value = null[i];
		ev.len = strlen(null[i]);
		assert_true(lms_event_is_null(&ev));
	}
	ev.value = "nil";
	ev.len = 3;
	assert_false(lms_event_is_null(&ev));
	ev.value = "null";
	ev.len = 4;
	ev.plain = false;
	assert_false(lms_event_is_null(&ev));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(marks_are_one_based),
		cmocka_unit_test(empty_text_is_just_the_end),
		cmocka_unit_test(syntax_errors_have_a_place),
		cmocka_unit_test(one_document_only),
		cmocka_unit_test(refuses_nul_in_values),
		cmocka_unit_test(limits),
		cmocka_unit_test(replays_aliases),
		cmocka_unit_test(refuses_alias_bombs),
		cmocka_unit_test(refuses_bad_aliases),
		cmocka_unit_test(takes_values),
		cmocka_unit_test(nulls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
