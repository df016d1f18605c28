#include <stdlib.h>

#include "test.h"

#include "buf.h"
#include "error.h"
#include "i18n.h"
#include "yparse.h"

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
		     "not valid UTF-8: a byte that UTF-8 never uses");
}

/* The reader takes strict UTF-8 only, and says where it is broken. */
static void refuses_what_is_not_utf8(void **state)
{
	size_t n;

	(void)state;
	assert_error(parse_all("a: b\nname: \"Ola \xed\xa0\xbd\xed\xb8\x80\"\n",
			       NULL, &n), LMS_EDATA, 2, 12,
		     "not valid UTF-8: a surrogate (CESU-8)");
	assert_error(parse_all("a: \xc0\xaf\n", NULL, &n), LMS_EDATA, 1, 4,
		     "not valid UTF-8: an overlong form");
	assert_error(parse_all("a: \xe0\x80\xaf\n", NULL, &n), LMS_EDATA, 1, 4,
		     "not valid UTF-8: an overlong form");
	assert_error(parse_all("a: \xf0\x8f\xbf\xbf\n", NULL, &n), LMS_EDATA, 1,
		     4, "not valid UTF-8: an overlong form");
	assert_error(parse_all("a: \xf4\x90\x80\x80\n", NULL, &n), LMS_EDATA, 1,
		     4, "not valid UTF-8: a code point above U+10FFFF");
	assert_error(parse_all("a: \xf5\x80\x80\x80\n", NULL, &n), LMS_EDATA, 1,
		     4, "not valid UTF-8: a code point above U+10FFFF");
	assert_error(parse_all("a: b\r\nc: \xc3\xa6\xc3\n", NULL, &n), LMS_EDATA,
		     2, 5, "not valid UTF-8: a truncated sequence");
	assert_error(parse_all("a: b\rc: \xe2\x82", NULL, &n), LMS_EDATA, 2, 4,
		     "not valid UTF-8: a truncated sequence");
	assert_error(parse_all("\xff\xfe" "a\0:\0", NULL, &n), LMS_EDATA, 1, 1,
		     "the file is UTF-16: lms reads UTF-8 text (save it as "
		     "UTF-8)");
	/* The largest code point, and a byte-order mark, are fine. */
	assert_int_equal(parse_all("\xef\xbb\xbf" "a: \xf4\x8f\xbf\xbf\n", NULL,
				   &n), 0);
}

/* Keys are short single values: what every YAML reader takes and lms
 * writes back on one line. */
static void keys_are_short_values(void **state)
{
	struct lms_limits lim = lms_limits_default;
	size_t n;

	(void)state;
	assert_error(parse_all("a: 1\n? [x, y]\n: 2\n", NULL, &n), LMS_EDATA, 2,
		     3, "a key must be a single value, not a list");
	assert_error(parse_all("- {a: 1, {b: 2}: 3}\n", NULL, &n), LMS_EDATA, 1,
		     10, "a key must be a single value, not a mapping");
	assert_error(parse_all("a: &m {b: 1}\nc: {*m : 2}\n", NULL, &n),
		     LMS_EDATA, 1, 4, "a key must be a single value, not a "
		     "mapping");
	lim.max_key = 3;
	assert_int_equal(parse_all("abc: [abcdef, {x: abcdef}]\n", &lim, &n), 0);
	assert_error(parse_all("a: {x: 1, abcd: 2}\n", &lim, &n), LMS_EDATA, 1,
		     11, "key longer than 3 bytes");
	assert_error(parse_all("a: &k abcd\n*k : 1\n", &lim, &n), LMS_EDATA, 1,
		     4, "key longer than 3 bytes");
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
	/* Escapes the fast path reads, but not as NUL. */
	assert_error(parse_all("a: \"x\\x00y\"\n", NULL, &n), LMS_EDATA, 1,
		     4, "value contains a NUL character");
	assert_error(parse_all("a: \"\\u0000\"\n", NULL, &n), LMS_EDATA, 1,
		     4, "value contains a NUL character");
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

/* The values of a document of the form "k1: v1\nk2: v2 ...", in order. */
static void expect_values(const char *text, const struct lms_limits *lim,
			  const char *const *want, size_t nwant)
{
	struct lms_yparser p;
	struct lms_event ev;
	size_t i = 0;

	assert_int_equal(lms_yparser_init(&p, "t.yaml", text, strlen(text),
					  lim), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	for (;;) {
		assert_int_equal(lms_yparser_next(&p, &ev), 0);
		if (ev.type == LMS_EV_MAP_END)
			break;
		assert_int_equal(lms_yparser_next(&p, &ev), 0);
		if (ev.type == LMS_EV_SEQ) {
			assert_int_equal(lms_yparser_next(&p, &ev), 0);
			assert_int_equal(ev.type, LMS_EV_SCALAR);
			assert_true(i < nwant);
			assert_string_equal(ev.value, want[i]);
			assert_int_equal(lms_yparser_next(&p, &ev), 0);
			assert_int_equal(ev.type, LMS_EV_SEQ_END);
		} else {
			assert_true(i < nwant);
			assert_string_equal(ev.value, want[i]);
		}
		i++;
	}
	assert_int_equal(i, nwant);
	lms_yparser_release(&p);
}

/* An alias means the node of the latest anchor of its name before it,
 * also when it is replayed from inside another anchor later on. */
static void anchors_given_again(void **state)
{
	static const char *const want[] = { "1", "1", "1", "2", "2", "1" };

	(void)state;
	expect_values("a: &x 1\nb: *x\ny: &y [*x]\nc: &x 2\nd: *x\ne: *y\n",
		      NULL, want, 6);
}

/*
 * Many anchors in one file: every look-up of a name, and every event while
 * an anchor is open, once took time in proportion to all anchors so far.
 * Up to the cap they are read, each alias finding its own anchor.
 */
static void many_anchors_up_to_the_cap(void **state)
{
	struct lms_limits lim = lms_limits_default;
	struct lms_buf text = LMS_BUF_INIT;
	char **want;
	size_t nwant = 0, n;
	unsigned anchors = lms_limits_default.max_anchors;

	(void)state;
	assert_int_equal(anchors, 10000);
	lim.max_aliases = anchors;
	lim.max_replayed = 2 * (size_t)anchors;
	want = calloc(2 * (size_t)anchors, sizeof(*want));
	for (unsigned i = 0; i < anchors; i++) {
		lms_buf_addf(&text, "k%u: &a%u v%u\n", i, i, i);
		want[nwant] = malloc(16);
		snprintf(want[nwant++], 16, "v%u", i);
	}
	/* Aliases in an order unlike the anchors', some in lists. */
	for (unsigned i = 0; i < anchors; i++) {
		unsigned k = (i * 7919u) % anchors;

		lms_buf_addf(&text, i % 2 ? "r%u: *a%u\n" : "r%u: [*a%u]\n", i, k);
		want[nwant] = malloc(16);
		snprintf(want[nwant++], 16, "v%u", k);
	}
	expect_values(text.buf, &lim, (const char *const *)want, nwant);

	/* One more anchor is refused where it stands. */
	lms_buf_addf(&text, "extra: &a%u v\n", anchors);
	assert_error(parse_all(text.buf, &lim, &n), LMS_EDATA, 2 * anchors + 1, 8,
		     "more than 10000 anchors");
	for (size_t i = 0; i < nwant; i++)
		free(want[i]);
	free(want);
	lms_buf_release(&text);
}

static void anchor_cap(void **state)
{
	struct lms_limits lim = lms_limits_default;
	size_t n;

	(void)state;
	lim.max_anchors = 2;
	assert_int_equal(parse_all("a: &x 1\nb: &x 2\nc: *x\n", &lim, &n), 0);
	assert_error(parse_all("a: &x 1\nb: &y [&z 2]\n", &lim, &n), LMS_EDATA,
		     2, 8, "more than 2 anchors");
}

static void readable_or_not_written(void **state)
{
	(void)state;
	assert_int_equal(lms_yaml_readable("p.yaml", "a: 1\n", 5), 0);
	assert_int_equal(lms_yaml_readable("p.yaml", "a: \"\xed\xa0\xbd\"\n", 8),
			 LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "not writing p.yaml: lms "
			    "could not read it back (line 1, column 5: not "
			    "valid UTF-8: a surrogate (CESU-8))");
	assert_string_equal(lms_last_error()->path, "");
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

/* libyaml's own English, translated where it is common. */
static void libyaml_in_norwegian(void **state)
{
	size_t n;

	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	assert_int_equal(parse_all("a: 1\n  b: 2\n", NULL, &n), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg,
			    "en verdi etter \u00ab:\u00bb er ikke tillatt her");
	assert_int_equal(parse_all("a: 1\n b: [\n", NULL, &n), LMS_EDATA);
	assert_int_equal(parse_all("x:\n  a: 1\n b: 2\n", NULL, &n), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "fant ikke forventet "
			    "n\u00f8kkel ved lesing av n\u00f8kler med verdier");
	lms_i18n_set(LMS_LANG_EN);
	assert_int_equal(parse_all("x:\n  a: 1\n b: 2\n", NULL, &n), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "did not find expected key "
			    "while parsing a block mapping");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(marks_are_one_based),
		cmocka_unit_test(empty_text_is_just_the_end),
		cmocka_unit_test(syntax_errors_have_a_place),
		cmocka_unit_test(refuses_what_is_not_utf8),
		cmocka_unit_test(keys_are_short_values),
		cmocka_unit_test(one_document_only),
		cmocka_unit_test(refuses_nul_in_values),
		cmocka_unit_test(limits),
		cmocka_unit_test(replays_aliases),
		cmocka_unit_test(refuses_alias_bombs),
		cmocka_unit_test(refuses_bad_aliases),
		cmocka_unit_test(anchors_given_again),
		cmocka_unit_test(many_anchors_up_to_the_cap),
		cmocka_unit_test(anchor_cap),
		cmocka_unit_test(readable_or_not_written),
		cmocka_unit_test(takes_values),
		cmocka_unit_test(nulls),
		cmocka_unit_test(libyaml_in_norwegian),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
