#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "scan.h"
#include "yparse.h"

/*
 * The fast path for the YAML lms writes: each construct of the subset is
 * taken with exactly libyaml's events (lms_scan_compare runs both), and
 * each construct outside it is left to libyaml.
 */

static void taken_n(const char *text, size_t len)
{
	struct lms_buf why = LMS_BUF_INIT;
	size_t events;
	int r = lms_scan_compare(text, len, &events, &why);

	if (r != 1)
		fprintf(stderr, "not taken (%d): %s\n%s", r, text, why.buf);
	assert_int_equal(r, 1);
	lms_buf_release(&why);
}

/* The fast path takes text, and its events are libyaml's. */
static void taken(const char *text)
{
	taken_n(text, strlen(text));
}

static void left_n(const char *text, size_t len)
{
	struct lms_buf why = LMS_BUF_INIT;
	size_t events;
	int r = lms_scan_compare(text, len, &events, &why);

	if (r != 0)
		fprintf(stderr, "taken (%d): %s\n%s", r, text, why.buf);
	assert_int_equal(r, 0);
	lms_buf_release(&why);
}

/* The fast path leaves text to libyaml. */
static void left(const char *text)
{
	left_n(text, strlen(text));
}

static void block_mappings_and_sequences(void **state)
{
	(void)state;
	taken("a: 1\n");
	taken("a: 1\nb: two words\n");
	taken("a:\n  b: 1\n  c:\n    d: x\ne: 2\n");
	taken("- a\n- b\n");
	taken("- person: p-1\n  role: participant\n- person: p-2\n");
	taken("facilitators:\n  - id: f-1\n    phases: [plan, deliver]\n"
	      "  - id: f-2\nsessions:\n  - date: 2026-01-11\n");
	taken("a:\n    b: 1\n");
	taken("a:\n  - b:\n      c: 1\n  - d\n");
	taken("- {}\n- x: 1\n");
}

static void scalars(void **state)
{
	(void)state;
	taken("a: b:c d#e [f] {g} h,i\n");
	taken("n: -1\nm: -x\n");
	taken("\"2026-01-11\":\n  p-1: present\n");
	taken("a: \"\"\n");
	taken("a: \"q \\\" b \\\\ n \\n t \\t r \\r\"\n");
	taken("a: \"\\x41\\xe6\\xff \\u00e6\\u2028\\uFFFD\"\n");
	/* NUL, which lms refuses in any value: left to libyaml, so that
	 * no value of the fast path holds one. */
	left("a: \"\\u0000\"\n");
	left("a: \"x\\x00\"\n");
	/* Columns and indexes count characters, not bytes. */
	taken("stad: Tromsø – «kjøkkenet» 😀\nneste: æ\n");
	taken("- \"æøå\": \"€\"\n  b: [ø, \"å\"]\n");
}

static void flow_collections(void **state)
{
	(void)state;
	taken("a: [x, y, \"z\"]\n");
	taken("a: {k: 1, \"l\": [2, {}], m: {n: o}}\n");
	taken("a: []\nb: {}\n");
	taken("[a, b]\n");
	taken("{a: 1}");
	taken("- [a, [b, [c]]]\n");
}

static void ends_of_files(void **state)
{
	(void)state;
	taken("");
	taken("a: 1");
	taken("a:\n  - b");
	taken("a: [1]");
	taken("a: \"x\"");
}

/* Lines that hold only spaces or a comment give no event, wherever they
 * stand, and move the marks of what follows them. */
static void comments_and_blank_lines(void **state)
{
	(void)state;
	taken("# comment\na: 1\n");
	taken("# one\n#\n# two: [x]\n\na: 1\n");
	taken("a: 1\n# comment\n");
	taken("a: 1\n\nb: 2\n");
	taken("a: 1\n   \n");
	taken("a: 1\n\n\n");
	taken("\n\na: 1\n");
	taken("  # indented\na: 1\n");
	taken("# only a comment\n");
	taken("\n");
	taken("a:\n  # above b\n  b: 1\n# between\n  c: 2\nd: 3\n");
	taken("a:\n  b:\n    c: 1\n# here the inner maps end\nd: 2\n");
	taken("- a\n\n    # deeper\n- b\n");
	taken("a:\n\n  - x\n  # c\n\n  - y\n");
	taken("a: one\n  # c\nb: 2\n");
	taken("# Tromsø – «kjøkkenet» 😀 # ## :\nb: æ\n");
	/* A comment after a value, a plain scalar that a blank line or
	 * comment would continue, and what libyaml refuses or takes for a
	 * line break in a comment, stay libyaml's. */
	left("a: 1 # comment\n");
	left("a:\n  b: 1\n ");
	left("a: 1\n# comment");
	left("a: one\n\n  two\n");
	left("a: one\n  # c\n  two\n");
	left("a:\n# c\n");
	left("# a\tb\na: 1\n");
	left("# a\x7f\na: 1\n");
	left("# a\xc2\x85" "b\na: 1\n");
	left("# a\xe2\x80\xa8\na: 1\n");
	left("# a\xff\na: 1\n");
	left("# a\r\na: 1\n");
	left("a: 1\n\t\nb: 2\n");
	left("# c\n---\na: 1\n");
	left("# c\n a: 1\n");
	left_n("# a\0\na: 1\n", 10);
}

static void outside_the_subset(void **state)
{
	(void)state;
	left("a: &x 1\nb: *x\n");		/* anchors and aliases */
	left("a: !!str 1\n");			/* tags */
	left("a: one\n  two\n");		/* a plain scalar on two lines */
	left("a: 'single'\n");
	left("a: |\n  text\n");
	left("a: >-\n  text\n");
	left("a:\tb\n");
	left("a: b\t\n");
	left("a: 1 # comment\n");
	left("---\na: 1\n");
	left("a: 1\n...\n");
	left("a: 1\n---\nb: 2\n");
	left(" a: 1\n");			/* odd indentation */
	left("a: 1\n b: 2\n");
	left("a:\n- b\n");			/* a sequence not indented */
	left("a:\n  b: 1\n c: 2\n");
	left("a: 1\r\nb: 2\r\n");
	left("\xef\xbb\xbf" "a: 1\n");
	left("a:\nb: 1\n");			/* an empty value */
	left("a:");
	left("a: 1 \n");
	left("a : 1\n");
	left("a:  1\n");
	left("a: \"x\ny\"\n");
	left("a: [x,\n  y]\n");
	left("a: [x,y]\n");
	left("a: [x , y]\n");
	left("a: {b:1}\n");
	left("a: [x: y]\n");
	left("a: \"\\0\"\n");
	left("a: \"\\/\"\n");
	left("a: \"\\ud800\"\n");
	left("a: \"\\x4\"\n");
	left("? a\n: b\n");
	left("- - a\n");
	left("-\n  a: 1\n");
	left("a: b: c\n");
	left("a: - b\n");
	left("a: @b\n");
	left("a: %b\n");
	left("a: \"x\" y\n");
	left("plain\n");
	left("\"quoted\"\n");
	left("a: \x7f\n");
	left("a: \xc2\x85\n");
	left("a: \xe2\x80\xa8\n");
	left("a: x\xef\xbb\xbfy\n");
	left("a: \xef\xbf\xbe\n");
	left("a: \xff\n");
	left_n("a: \0\n", 5);
}

static void limits_of_the_subset(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	/* libyaml gives up on a simple key 1024 characters long. */
	for (int i = 0; i < 1100; i++)
		lms_buf_addch(&b, 'k');
	lms_buf_adds(&b, ": 1\n");
	left(b.buf);
	lms_buf_reset(&b);
	for (int i = 0; i < 70; i++)
		lms_buf_addch(&b, '[');
	for (int i = 0; i < 70; i++)
		lms_buf_addch(&b, ']');
	left(b.buf);
	/* A file too large to hold all its events at once: past 128 KiB,
	 * a large register's size. */
	lms_buf_reset(&b);
	while (b.len + 38 <= 128 << 10)
		lms_buf_adds(&b, "- person: p-abcdef\n  status: enrolled\n");
	taken(b.buf);
	lms_buf_adds(&b, "- person: p-abcdef\n  status: enrolled\n");
	left(b.buf);
	lms_buf_release(&b);
}

/* The events of lms_yparser, and its first error, as text. */
static char *yparse_log(const char *text, size_t len, bool fast)
{
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_yparser p;
	struct lms_event ev;
	int err;

	lms_yparser_set_fast(fast);
	if (!(err = lms_yparser_init(&p, "t.yaml", text, len, NULL))) {
		while (!(err = lms_yparser_next(&p, &ev))) {
			lms_buf_addf(&out, "%d %u:%u:%zu %u:%u:%zu %d%d %s\n",
				     ev.type, ev.start.line, ev.start.col,
				     ev.start.index, ev.end.line, ev.end.col,
				     ev.end.index, ev.plain, ev.flow,
				     ev.value ? ev.value : "-");
			if (ev.type == LMS_EV_END)
				break;
		}
	}
	if (err) {
		const struct lms_error *e = lms_last_error();

		lms_buf_addf(&out, "error %d %u:%u %s\n", err, e->line,
			     e->col, e->msg);
	}
	lms_yparser_release(&p);
	lms_yparser_set_fast(true);
	return lms_buf_detach(&out);
}

/* lms_yparser gives the same events and errors with the fast path as
 * without it. */
static void same_both_ways(const char *text)
{
	char *on = yparse_log(text, strlen(text), true);
	char *off = yparse_log(text, strlen(text), false);

	assert_string_equal(on, off);
	free(on);
	free(off);
}

static void yparser_checks_are_the_same(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	same_both_ways("a: 1\nb: [x, \"y\"]\nc:\n  - d: {e: f}\n");
	same_both_ways("a: \"x\\u0000y\"\n");
	same_both_ways("a: {[x]: 1}\n");
	lms_buf_adds(&b, "a: 1\n");
	for (int i = 0; i < 200; i++)
		lms_buf_addch(&b, 'k');
	lms_buf_adds(&b, ": 1\n");
	same_both_ways(b.buf);
	lms_buf_reset(&b);
	lms_buf_adds(&b, "a: ");
	for (int i = 0; i < 40; i++)
		lms_buf_addch(&b, '[');
	for (int i = 0; i < 40; i++)
		lms_buf_addch(&b, ']');
	lms_buf_addch(&b, '\n');
	same_both_ways(b.buf);
	lms_buf_release(&b);
	same_both_ways("");
	same_both_ways("a: 1\nb: 2\n  c: 3\n");
}

/* Text nested depth deep, as emit.c writes it: flow or block mappings. */
static char *nested(int depth, bool flow)
{
	struct lms_buf b = LMS_BUF_INIT;

	for (int i = 0; i < depth; i++) {
		if (flow)
			lms_buf_adds(&b, i ? "{a: " : "a: ");
		else
			lms_buf_addf(&b, "%*sa:%s", 2 * i, "",
				     i + 1 < depth ? "\n" : " 1\n");
	}
	if (flow) {
		lms_buf_adds(&b, "1");
		for (int i = 1; i < depth; i++)
			lms_buf_addch(&b, '}');
		lms_buf_addch(&b, '\n');
	}
	return lms_buf_detach(&b);
}

/* The fast path takes text at the limits of lms_yparser and gives up
 * past them, so that libyaml's path, reading in order, tells which
 * comes first: the same message and place either way. */
static void limits_are_the_same(void **state)
{
	const struct lms_limits *lim = &lms_limits_default;
	struct lms_limits tight = *lim;
	struct lms_scan s;
	char key[200];

	(void)state;
	for (int flow = 0; flow < 2; flow++) {
		for (int d = (int)lim->max_depth; d <= (int)lim->max_depth + 1; d++) {
			char *text = nested(d, flow);

			assert_int_equal(lms_scan_text(&s, text, strlen(text),
						       NULL),
					 d > (int)lim->max_depth ? -1 : 0);
			lms_scan_release(&s);
			same_both_ways(text);
			free(text);
		}
	}
	for (size_t n = lim->max_key; n <= lim->max_key + 1; n++) {
		memset(key, 'k', n);
		strcpy(key + n, ": 1\n");
		assert_int_equal(lms_scan_text(&s, key, strlen(key), NULL),
				 n > lim->max_key ? -1 : 0);
		lms_scan_release(&s);
		same_both_ways(key);
	}
	tight.max_scalar = 3;
	assert_int_equal(lms_scan_text(&s, "a: abc\n", 7, &tight), 0);
	lms_scan_release(&s);
	assert_int_equal(lms_scan_text(&s, "a: abcd\n", 8, &tight), -1);
	lms_scan_release(&s);
	tight.max_depth = 1;
	assert_int_equal(lms_scan_text(&s, "a: [b]\n", 7, &tight), -1);
	lms_scan_release(&s);
}

static void take_and_skip(void **state)
{
	const char *text = "a: [x, {y: z}]\nb: \"v\\tw\"\n";
	struct lms_yparser p;
	struct lms_event ev;
	char *v;

	(void)state;
	assert_int_equal(lms_yparser_init(&p, "t.yaml", text, strlen(text),
					  NULL), 0);
	assert_non_null(p.fast);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(ev.type, LMS_EV_SEQ);
	assert_true(ev.flow);
	assert_int_equal(lms_yparser_skip(&p, &ev), 0);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_string_equal(ev.value, "b");
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_false(ev.plain);
	v = lms_yparser_take(&p, &ev);
	assert_string_equal(v, "v\tw");
	free(v);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(ev.type, LMS_EV_MAP_END);
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(ev.type, LMS_EV_END);
	assert_int_equal(ev.start.line, 3);
	/* And the end again. */
	assert_int_equal(lms_yparser_next(&p, &ev), 0);
	assert_int_equal(ev.type, LMS_EV_END);
	lms_yparser_release(&p);
}

static void switched_off(void **state)
{
	const char *text = "a: 1\n";
	struct lms_yparser p;

	(void)state;
	lms_yparser_set_fast(false);
	assert_int_equal(lms_yparser_init(&p, "t.yaml", text, strlen(text),
					  NULL), 0);
	assert_null(p.fast);
	lms_yparser_release(&p);
	lms_yparser_set_fast(true);
	assert_int_equal(lms_yparser_init(&p, "t.yaml", text, strlen(text),
					  NULL), 0);
	assert_non_null(p.fast);
	lms_yparser_release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(block_mappings_and_sequences),
		cmocka_unit_test(scalars),
		cmocka_unit_test(flow_collections),
		cmocka_unit_test(ends_of_files),
		cmocka_unit_test(comments_and_blank_lines),
		cmocka_unit_test(outside_the_subset),
		cmocka_unit_test(limits_of_the_subset),
		cmocka_unit_test(yparser_checks_are_the_same),
		cmocka_unit_test(take_and_skip),
		cmocka_unit_test(switched_off),
		cmocka_unit_test(limits_are_the_same),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
