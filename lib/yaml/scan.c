#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "scan.h"
#include "utf8.h"

/*
 * The scanner is a recursive descent over lines.  Every function returns
 * 0, or -1 as soon as the text leaves the subset: then the caller drops
 * everything and libyaml reads the file.  Each byte of the file is
 * looked at by some check below, so that nothing libyaml would refuse
 * (a control character, a byte that is not UTF-8) goes through unseen.
 */

/* Deeper than lms ever writes, and far below libyaml's own limit. */
enum { MAX_DEPTH = 64 };
/*
 * The fast path holds a file's events all at once, about nine bytes for
 * each byte of text; libyaml streams them.  The files of a course are a
 * few kilobytes.  A file larger than this (a large register) is left to
 * libyaml: memory that large is fresh, and faulting it in cost more than
 * libyaml's whole parse (a register of 392 KB, read once: 9 ms against
 * 5).
 */
enum { MAX_FILE = 128 << 10 };
/* libyaml ends a simple key 1024 characters after its start. */
enum { MAX_KEY_BYTES = 1000 };

struct sc {
	const char *t;
	size_t n, i;		/* bytes */
	unsigned line, col;	/* 0-based; col in characters */
	size_t idx;		/* characters from the start */
	unsigned depth;
	const struct lms_limits *limits;
	struct lms_scan *out;
};

struct scalar {
	struct lms_mark start, end;
	size_t value, len;
	bool plain;
};

#define TRY(x) do { if ((x) < 0) return -1; } while (0)

/* The byte k ahead, or -1 at the end of the text. */
static int at(const struct sc *s, size_t k)
{
	return s->i + k < s->n ? (unsigned char)s->t[s->i + k] : -1;
}

static bool at_end(const struct sc *s)
{
	return s->i >= s->n;
}

static struct lms_mark mark(const struct sc *s)
{
	struct lms_mark m = { s->line + 1, s->col + 1, s->idx };

	return m;
}

/* libyaml ends the stream at the start of a line after the last one. */
static struct lms_mark stream_end(const struct sc *s)
{
	struct lms_mark m = { s->line + 1 + (s->col != 0), 1, s->idx };

	return m;
}

/* Where a block collection ends: at the next token, or the stream's end. */
static struct lms_mark block_end(const struct sc *s)
{
	return at_end(s) ? stream_end(s) : mark(s);
}

/* Moves past one character of k bytes on the current line. */
static void step(struct sc *s, size_t k)
{
	s->i += k;
	s->col++;
	s->idx++;
}

static void push(struct sc *s, enum lms_ev type, struct lms_mark start,
		 struct lms_mark end, bool flow)
{
	struct lms_scan *o = s->out;
	struct lms_scan_event *e;

	if (o->nev == o->alloc) {
		o->alloc = o->alloc ? 2 * o->alloc : 64;
		o->ev = lms_realloc(o->ev, o->alloc * sizeof(*o->ev));
	}
	e = &o->ev[o->nev++];
	memset(e, 0, sizeof(*e));
	e->type = type;
	e->start = start;
	e->end = end;
	e->flow = flow;
}

static void push_scalar(struct sc *s, const struct scalar *v)
{
	struct lms_scan_event *e;

	push(s, LMS_EV_SCALAR, v->start, v->end, false);
	e = &s->out->ev[s->out->nev - 1];
	e->plain = v->plain;
	e->value = v->value;
	e->len = v->len;
}

/*
 * Appends bytes to the values.  They never outgrow the text (an escape
 * is longer than what it stands for, and each value is followed by at
 * least one byte that is not in it), so the room is made once; the check
 * is for safety's sake.
 */
static int add_bytes(struct sc *s, const char *b, size_t k)
{
	struct lms_scan *o = s->out;

	if (o->nvals + k >= o->valloc)
		return -1;
	memcpy(o->vals + o->nvals, b, k);
	o->nvals += k;
	return 0;
}

static int end_value(struct sc *s, struct scalar *v)
{
	v->len = s->out->nvals - v->value;
	if (v->len > s->limits->max_scalar)
		return -1;
	return add_bytes(s, "", 1);
}

/*
 * Bytes of the character at the current position if it may stand in a
 * scalar as it is, else 0: printable for libyaml, and none of what lms
 * always escapes and readers treat apart (tab, NEL, LS, PS, BOM).
 */
static size_t char_len(const struct sc *s)
{
	unsigned char c = (unsigned char)s->t[s->i];
	unsigned cp;
	size_t k;

	if (c < 0x80)
		return c >= 0x20 && c < 0x7f ? 1 : 0;
	k = lms_utf8_char(s->t + s->i, s->n - s->i, &cp);
	if (!k || cp < 0xa0 || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0xfeff || cp == 0xfffe || cp == 0xffff)
		return 0;
	return k;
}

static bool is_flow_indicator(int c)
{
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

static bool is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/*
 * Which bytes a run of a plain scalar takes without a second look:
 * printable ASCII but ':' (PLAIN), and in flow not a flow indicator
 * either (FLOW_PLAIN).  A table, as the bulk of every file is such runs.
 */
enum { PLAIN = 1, FLOW_PLAIN = 2 };

#define RUN_CLASS(c) ((c) > ' ' && (c) < 0x7f && (c) != ':' ? \
	PLAIN | ((c) == ',' || (c) == '[' || (c) == ']' || (c) == '{' || \
		 (c) == '}' ? 0 : FLOW_PLAIN) : 0)
#define RUN_CLASS4(c) RUN_CLASS(c), RUN_CLASS((c) + 1), RUN_CLASS((c) + 2), \
	RUN_CLASS((c) + 3)
#define RUN_CLASS16(c) RUN_CLASS4(c), RUN_CLASS4((c) + 4), \
	RUN_CLASS4((c) + 8), RUN_CLASS4((c) + 12)

static const unsigned char run_class[256] = {
	RUN_CLASS16(0x00), RUN_CLASS16(0x10), RUN_CLASS16(0x20),
	RUN_CLASS16(0x30), RUN_CLASS16(0x40), RUN_CLASS16(0x50),
	RUN_CLASS16(0x60), RUN_CLASS16(0x70)
	/* 0x80 and above: none */
};

/*
 * Moves past the ASCII characters that need no second look in a plain
 * scalar, the bulk of every file, in one go.
 */
static void run_of_plain(struct sc *s, bool flow)
{
	const unsigned char *u = (const unsigned char *)s->t;
	const unsigned char *at = u + s->i, *end = u + s->n;
	unsigned char want = flow ? FLOW_PLAIN : PLAIN;
	size_t k;

	/* end in a local: the text's bytes may alias *s, so a loop on s->n
	 * would load it again for every byte. */
	while (at < end && (run_class[*at] & want))
		at++;
	k = (size_t)(at - (u + s->i));
	s->col += (unsigned)k;
	s->idx += k;
	s->i += k;
}

#define BIT(c) ((uint64_t)1 << ((c) & 63))

/* Whether c, printable ASCII, is one of YAML's indicators,
 * -?:,[]{}#&*!|>'"%@`, which cannot begin a plain scalar: a bit of two
 * words for each, as every scalar asks. */
static bool is_indicator(int c)
{
	static const uint64_t low =	/* 0x20 to 0x3f */
		BIT('-') | BIT('?') | BIT(':') | BIT(',') | BIT('#') |
		BIT('&') | BIT('*') | BIT('!') | BIT('>') | BIT('\'') |
		BIT('"') | BIT('%');
	static const uint64_t high =	/* 0x40 to 0x7f */
		BIT('[') | BIT(']') | BIT('{') | BIT('}') | BIT('|') |
		BIT('@') | BIT('`');

	return c >= 0x20 && c < 0x80 && ((c < 0x40 ? low : high) & BIT(c));
}

/*
 * A plain scalar on one line.  It ends at ": " or ':' at the end of the
 * line, at the line's end and, in flow, at a flow indicator; " #" (a
 * comment), trailing spaces, and in flow any other ':', are doubts.
 */
static int scan_plain(struct sc *s, bool flow, struct scalar *v)
{
	size_t from = s->i, k;
	int c = at(s, 0);

	if (c <= ' ' || is_indicator(c)) {
		/* A sign, as in -1: an indicator only before a blank. */
		if (c != '-' || !is_alnum(at(s, 1)))
			return -1;
	}
	v->start = mark(s);
	v->plain = true;
	for (;;) {
		run_of_plain(s, flow);
		c = at(s, 0);
		if (c < 0 || c == '\n')
			break;
		if (c == ':') {
			int d = at(s, 1);

			if (d < 0 || d == ' ' || d == '\n')
				break;
			if (flow)
				return -1;
		}
		if (flow && is_flow_indicator(c))
			break;
		if (c == ' ') {
			if (at(s, 1) == '#')
				return -1;
			step(s, 1);
			continue;
		}
		if (!(k = char_len(s)))
			return -1;
		step(s, k);
	}
	if (s->t[s->i - 1] == ' ')
		return -1;
	v->end = mark(s);
	v->value = s->out->nvals;
	TRY(add_bytes(s, s->t + from, s->i - from));
	return end_value(s, v);
}

static int hex_digits(struct sc *s, int count, unsigned *cp)
{
	*cp = 0;
	for (int k = 0; k < count; k++) {
		int c = at(s, 0);

		if (c >= '0' && c <= '9')
			*cp = *cp * 16 + (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*cp = *cp * 16 + (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*cp = *cp * 16 + (unsigned)(c - 'A' + 10);
		else
			return -1;
		step(s, 1);
	}
	return 0;
}

/* A code point as UTF-8, as libyaml writes the value of \x and \u.
 * Not NUL, which libyaml is left to read and lms to refuse: no value
 * of the fast path holds one (see lms_yparser_next). */
static int add_code_point(struct sc *s, unsigned cp)
{
	char b[3];

	if (!cp || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	if (cp < 0x80)
		return add_bytes(s, (char[]){ (char)cp }, 1);
	if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		return add_bytes(s, b, 2);
	}
	b[0] = (char)(0xe0 | (cp >> 12));
	b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	b[2] = (char)(0x80 | (cp & 0x3f));
	return add_bytes(s, b, 3);
}

/* One escape of those emit.c writes, after its backslash. */
static int scan_escape(struct sc *s)
{
	static const char from[] = "ntr\"\\", to[] = "\n\t\r\"\\";
	int c = at(s, 0);
	const char *e;
	unsigned cp;

	if (c < 0)
		return -1;
	if (c == 'x' || c == 'u') {
		step(s, 1);
		TRY(hex_digits(s, c == 'x' ? 2 : 4, &cp));
		return add_code_point(s, cp);
	}
	if (!(e = strchr(from, c)) || !c)
		return -1;
	step(s, 1);
	return add_bytes(s, &to[e - from], 1);
}

/* Copies the printable ASCII characters that stand for themselves. */
static int run_of_quoted(struct sc *s)
{
	const unsigned char *u = (const unsigned char *)s->t;
	size_t i = s->i, n = s->n;

	while (i < n && u[i] >= ' ' && u[i] < 0x7f && u[i] != '"' &&
	       u[i] != '\\')
		i++;
	TRY(add_bytes(s, s->t + s->i, i - s->i));
	s->col += (unsigned)(i - s->i);
	s->idx += i - s->i;
	s->i = i;
	return 0;
}

/* A double-quoted scalar on one line. */
static int scan_quoted(struct sc *s, struct scalar *v)
{
	size_t k;
	int c;

	v->start = mark(s);
	v->plain = false;
	v->value = s->out->nvals;
	step(s, 1);
	while ((c = at(s, 0)) != '"') {
		if (run_of_quoted(s) < 0)
			return -1;
		if ((c = at(s, 0)) == '"')
			break;
		if (c == '\\') {
			step(s, 1);
			TRY(scan_escape(s));
			continue;
		}
		if (c < 0 || !(k = char_len(s)))
			return -1;
		TRY(add_bytes(s, s->t + s->i, k));
		step(s, k);
	}
	step(s, 1);
	v->end = mark(s);
	return end_value(s, v);
}

static int scan_scalar(struct sc *s, bool flow, struct scalar *v)
{
	return at(s, 0) == '"' ? scan_quoted(s, v) : scan_plain(s, flow, v);
}

/* The end of a key scanned from byte from on (v): its ':', which must be
 * followed by a space or a line break in block context and by a space in
 * flow. */
static int end_key(struct sc *s, const struct scalar *v, size_t from,
		   bool flow)
{
	int c;

	if (at(s, 0) != ':' || s->i - from > MAX_KEY_BYTES ||
	    v->len > s->limits->max_key)
		return -1;
	c = at(s, 1);
	if (c != ' ' && (flow || c != '\n'))
		return -1;
	push_scalar(s, v);
	step(s, 1);
	return 0;
}

/* A key and its ':'. */
static int scan_key(struct sc *s, bool flow)
{
	size_t from = s->i;
	struct scalar v;

	TRY(scan_scalar(s, flow, &v));
	return end_key(s, &v, from, flow);
}

static int parse_flow(struct sc *s);

/* One collection deeper, if the limits allow: 0 if not. */
static bool deeper(struct sc *s)
{
	return ++s->depth <= MAX_DEPTH && s->depth <= s->limits->max_depth;
}

static int flow_node(struct sc *s)
{
	struct scalar v;
	int c = at(s, 0);

	if (c == '[' || c == '{')
		return parse_flow(s);
	TRY(scan_scalar(s, true, &v));
	push_scalar(s, &v);
	return 0;
}

/* [a, b] or {k: v, k: v} on one line, as emit.c writes them. */
static int parse_flow(struct sc *s)
{
	bool map = at(s, 0) == '{';
	int close = map ? '}' : ']';
	struct lms_mark start = mark(s);

	if (!deeper(s))
		return -1;
	step(s, 1);
	push(s, map ? LMS_EV_MAP : LMS_EV_SEQ, start, mark(s), true);
	if (at(s, 0) != close) {
		for (;;) {
			if (map) {
				TRY(scan_key(s, true));
				step(s, 1);
			}
			TRY(flow_node(s));
			if (at(s, 0) != ',')
				break;
			if (at(s, 1) != ' ')
				return -1;
			step(s, 1);
			step(s, 1);
		}
		if (at(s, 0) != close)
			return -1;
	}
	start = mark(s);
	step(s, 1);
	push(s, map ? LMS_EV_MAP_END : LMS_EV_SEQ_END, start, mark(s), false);
	s->depth--;
	return 0;
}

/*
 * Moves past a comment, from its '#' to the end of its line, each of its
 * characters checked as a value's are: libyaml refuses a control
 * character even there, and takes NEL, LS and PS for line breaks.
 */
static int skip_comment(struct sc *s)
{
	size_t k;

	while (!at_end(s) && at(s, 0) != '\n') {
		if (!(k = char_len(s)))
			return -1;
		step(s, k);
	}
	return 0;
}

/*
 * Moves past the indentation of the line it starts, and past every line
 * that holds only spaces or a comment, of which libyaml makes no event:
 * the comments that lms init writes above facilitators and offers, and a
 * hand-written file's.  Tabs, CR and document markers are doubts.
 */
static int line_start(struct sc *s)
{
	int c;

	for (;;) {
		while (at(s, 0) == ' ')
			step(s, 1);
		if (at(s, 0) == '#')
			TRY(skip_comment(s));
		if (at(s, 0) != '\n')
			break;
		s->i++;
		s->line++;
		s->col = 0;
		s->idx++;
	}
	/* At the end, after spaces or a comment: libyaml would end the
	 * blocks indented deeper than that there, the others on the next
	 * line. */
	c = at(s, 0);
	if ((c < 0 && s->col) || c == '\t' || c == '\r')
		return -1;
	if (!s->col && s->n - s->i >= 3 &&
	    (!memcmp(s->t + s->i, "---", 3) || !memcmp(s->t + s->i, "...", 3)))
		return -1;
	return 0;
}

/* Moves past a line break and on to the next line's first token. */
static int next_line(struct sc *s)
{
	s->i++;
	s->line++;
	s->col = 0;
	s->idx++;
	return line_start(s);
}

/* The end of a line after a value on it. */
static int end_of_line(struct sc *s)
{
	if (at_end(s))
		return 0;
	if (at(s, 0) != '\n')
		return -1;
	return next_line(s);
}

static int parse_map(struct sc *s);
static int parse_seq(struct sc *s);

/* A block collection on lines of its own. */
static int parse_block(struct sc *s)
{
	if (at(s, 0) == '-' && at(s, 1) == ' ')
		return parse_seq(s);
	return parse_map(s);
}

/* A value on the line of its key, or a collection below it, indented. */
static int block_value(struct sc *s, unsigned indent)
{
	struct scalar v;
	int c = at(s, 0);

	if (c == '\n') {
		TRY(next_line(s));
		if (at_end(s) || s->col <= indent)
			return -1;
		return parse_block(s);
	}
	step(s, 1);
	c = at(s, 0);
	if (c < 0 || c == ' ' || c == '\n')
		return -1;
	if (c == '[' || c == '{') {
		TRY(parse_flow(s));
	} else {
		TRY(scan_scalar(s, false, &v));
		push_scalar(s, &v);
	}
	return end_of_line(s);
}

/*
 * A block mapping; its first key is scanned already if first is not
 * NULL (from byte from on), as an item of a list is scanned to tell
 * whether it is one.
 */
static int parse_map_from(struct sc *s, const struct scalar *first,
			  size_t from)
{
	struct lms_mark start = first ? first->start : mark(s);
	unsigned indent = start.col - 1;

	if (!deeper(s))
		return -1;
	push(s, LMS_EV_MAP, start, start, false);
	if (first)
		TRY(end_key(s, first, from, false));
	else
		TRY(scan_key(s, false));
	TRY(block_value(s, indent));
	while (!at_end(s) && s->col == indent) {
		TRY(scan_key(s, false));
		TRY(block_value(s, indent));
	}
	if (!at_end(s) && s->col > indent)
		return -1;
	push(s, LMS_EV_MAP_END, block_end(s), block_end(s), false);
	s->depth--;
	return 0;
}

static int parse_map(struct sc *s)
{
	return parse_map_from(s, NULL, 0);
}

/* What follows "- ": a flow collection, a mapping or a scalar, which is
 * scanned once, and is the mapping's first key if a ':' follows it. */
static int seq_item(struct sc *s)
{
	struct scalar v;
	size_t from = s->i;
	int c = at(s, 0);

	if (c == '[' || c == '{') {
		TRY(parse_flow(s));
		return end_of_line(s);
	}
	TRY(scan_scalar(s, false, &v));
	if (at(s, 0) == ':')
		return parse_map_from(s, &v, from);
	push_scalar(s, &v);
	return end_of_line(s);
}

static int parse_seq(struct sc *s)
{
	unsigned indent = s->col;

	if (!deeper(s))
		return -1;
	push(s, LMS_EV_SEQ, mark(s), mark(s), false);
	do {
		if (at(s, 0) != '-' || at(s, 1) != ' ')
			return -1;
		step(s, 1);
		step(s, 1);
		TRY(seq_item(s));
	} while (!at_end(s) && s->col == indent);
	if (!at_end(s) && s->col > indent)
		return -1;
	push(s, LMS_EV_SEQ_END, block_end(s), block_end(s), false);
	s->depth--;
	return 0;
}

/* The document: a block collection at column 1 or one flow collection. */
static int parse_root(struct sc *s)
{
	int c;

	TRY(line_start(s));
	if ((c = at(s, 0)) < 0)
		return 0;
	if (s->col)
		return -1;
	if (c == '[' || c == '{') {
		TRY(parse_flow(s));
		return end_of_line(s);
	}
	return parse_block(s);
}

int lms_scan_text(struct lms_scan *out, const char *text, size_t len,
		  const struct lms_limits *lim)
{
	struct sc s = { .t = text, .n = len, .out = out,
			.limits = lim ? lim : &lms_limits_default };

	memset(out, 0, sizeof(*out));
	if (len > MAX_FILE)
		return -1;
	out->valloc = len + 2;
	out->vals = lms_malloc(out->valloc);
	/* About one event for every 7 bytes in the files lms writes. */
	out->alloc = len / 8 + 16;
	out->ev = lms_malloc(out->alloc * sizeof(*out->ev));
	if (parse_root(&s) < 0 || !at_end(&s))
		return -1;
	push(&s, LMS_EV_END, stream_end(&s), stream_end(&s), false);
	return 0;
}

void lms_scan_release(struct lms_scan *s)
{
	lms_free(s->ev);
	lms_free(s->vals);
	memset(s, 0, sizeof(*s));
}
