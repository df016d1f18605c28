#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "i18n.h"
#include "scan.h"
#include "utf8.h"
#include "yparse.h"

const struct lms_limits lms_limits_default = {
	.max_file = 64u << 20,
	.max_scalar = 1u << 20,
	.max_key = 128,
	.max_depth = 32,
	.max_anchors = 10000,
	.max_aliases = 1000,
	.max_replayed = 100000,
};

/* An event as an anchor recorded it, to be produced again by an alias. */
struct lms_recorded {
	struct lms_event ev;
	char *value;		/* a scalar's value */
	size_t alias;		/* a nested alias: the anchor it named then */
	bool is_alias;
};

/* An anchored node: the stretch [start, end) of the tape. */
struct lms_anchor {
	char *name;
	size_t start, end;
	unsigned open_depth;	/* depth at which recording stops */
	bool open;
};

static bool fast_on = true;

void lms_yparser_set_fast(bool on)
{
	fast_on = on;
}

/*
 * The fast path reads the file whole if it can; if it cannot, nothing
 * of it is kept and libyaml starts from the beginning, so that no event
 * ever comes from both.
 */
static bool try_fast(struct lms_yparser *p)
{
	struct lms_scan *s;

	if (!fast_on)
		return false;
	s = lms_malloc(sizeof(*s));
	if (!lms_scan_text(s, p->text, p->len, p->limits)) {
		p->fast = s;
		return true;
	}
	lms_scan_release(s);
	lms_free(s);
	return false;
}

enum { BEFORE_DOCUMENT, IN_DOCUMENT, AFTER_DOCUMENT };

/* What comes next at a depth: a list item, a mapping's key or its value. */
enum { IN_LIST, NEXT_KEY, NEXT_VALUE };

static int check_encoding(struct lms_yparser *p)
{
	const unsigned char *u = (const unsigned char *)p->text;
	const char *why;
	unsigned line, col;
	size_t at;

	if (p->len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
			    (u[0] == 0xfe && u[1] == 0xff)))
		return lms_error_at(LMS_EDATA, p->path, 1, 1, "%s",
				    _("the file is UTF-16: lms reads UTF-8 "
				      "text (save it as UTF-8)"));
	if (!(why = lms_utf8_problem(p->text, p->len, &at)))
		return 0;
	lms_utf8_position(p->text, at, &line, &col);
	return lms_error_at(LMS_EDATA, p->path, line, col,
			    _("not valid UTF-8: %s"), why);
}

int lms_yparser_init(struct lms_yparser *p, const char *path,
		     const char *text, size_t len, const struct lms_limits *lim)
{
	int err;

	memset(p, 0, sizeof(*p));
	p->path = path;
	p->text = text;
	p->len = len;
	p->limits = lim ? lim : &lms_limits_default;
	if (len > p->limits->max_file)
		return lms_error_at(LMS_EDATA, path, 0, 0,
				    _("file is larger than %zu bytes"),
				    p->limits->max_file);
	/* The fast path looks at every byte and takes no text that is not
	 * UTF-8: only what it leaves to libyaml needs the check. */
	if (try_fast(p))
		return 0;
	if ((err = check_encoding(p)))
		return err;
	p->frames = lms_calloc((size_t)p->limits->max_depth + 1, 1);
	if (!yaml_parser_initialize(&p->yaml))
		return lms_error(LMS_ENOMEM, "%s", _("out of memory"));
	p->have_yaml = true;
	yaml_parser_set_input_string(&p->yaml, (const unsigned char *)text, len);
	return 0;
}

static void drop_current(struct lms_yparser *p)
{
	if (p->have_cur)
		yaml_event_delete(&p->cur);
	p->have_cur = false;
}

void lms_yparser_release(struct lms_yparser *p)
{
	drop_current(p);
	if (p->have_yaml)
		yaml_parser_delete(&p->yaml);
	if (p->fast) {
		lms_scan_release(p->fast);
		lms_free(p->fast);
	}
	for (size_t i = 0; i < p->ntape; i++)
		lms_free(p->tape[i].value);
	for (size_t i = 0; i < p->nanchors; i++)
		lms_free(p->anchors[i].name);
	lms_free(p->tape);
	lms_free(p->anchors);
	lms_free(p->slots);
	lms_free(p->open);
	lms_free(p->replay);
	lms_free(p->frames);
	memset(p, 0, sizeof(*p));
}

int lms_yparser_error(struct lms_yparser *p, struct lms_mark at,
		      const char *fmt, ...)
{
	char msg[sizeof(((struct lms_error *)0)->msg)];
	va_list ap;

	va_start(ap, fmt);
	lms_utf8_vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return lms_error_at(LMS_EDATA, p->path, at.line, at.col, "%s", msg);
}

static struct lms_mark mark_of(yaml_mark_t m)
{
	struct lms_mark out = {
		(unsigned)m.line + 1, (unsigned)m.column + 1, m.index
	};
	return out;
}

/* Encoding errors come with a byte offset rather than a mark. */
static struct lms_mark mark_at_offset(const struct lms_yparser *p, size_t at)
{
	struct lms_mark m = { 1, 1, at };

	lms_utf8_position(p->text, at < p->len ? at : p->len, &m.line, &m.col);
	return m;
}

/*
 * libyaml's own words for what it found ("did not find expected key")
 * and where ("while parsing a block mapping"), which it has in English
 * only: the common ones, to be translated as lms's own are.
 */
static const char *const libyaml_words[] = {
	/* TRANSLATORS: libyaml's messages: what it found, then, in another
	 * message, where it was ("did not find expected key" "while parsing
	 * a block mapping"), printed one after the other. */
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected <document start>"),
	N_("did not find expected <stream-start>"),
	N_("did not find expected comment or line break"),
	N_("did not find expected whitespace or line break"),
	N_("did not find expected whitespace"),
	N_("did not find expected alphabetic or numeric character"),
	N_("did not find expected digit or '.' character"),
	N_("did not find expected hexdecimal number"),
	N_("did not find expected tag URI"),
	N_("did not find expected version number"),
	N_("did not find expected '!'"),
	N_("did not find the expected '>'"),
	N_("did not find URI escaped octet"),
	N_("could not find expected ':'"),
	N_("could not find expected directive name"),
	N_("mapping values are not allowed in this context"),
	N_("mapping keys are not allowed in this context"),
	N_("block sequence entries are not allowed in this context"),
	N_("found character that cannot start any token"),
	N_("found unexpected end of stream"),
	N_("found unexpected document indicator"),
	N_("found unexpected ':'"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found unknown escape character"),
	N_("found invalid Unicode character escape code"),
	N_("found undefined tag handle"),
	N_("found unknown directive name"),
	N_("found duplicate %YAML directive"),
	N_("found duplicate %TAG directive"),
	N_("found incompatible YAML document"),
	N_("found extremely long version number"),
	N_("found an indentation indicator equal to 0"),
	N_("found unexpected non-alphabetical character"),
	N_("control characters are not allowed"),
	N_("while parsing a block mapping"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow sequence"),
	N_("while parsing a block collection"),
	N_("while parsing a block node"),
	N_("while parsing a flow node"),
	N_("while parsing a node"),
	N_("while parsing a tag"),
	N_("while parsing a quoted scalar"),
	N_("while parsing a %TAG directive"),
	N_("while parsing a tag directive"),
	N_("while parsing"),
	N_("while scanning a simple key"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a block scalar"),
	N_("while scanning an anchor"),
	N_("while scanning an alias"),
	N_("while scanning a tag"),
	N_("while scanning a directive"),
	N_("while scanning a %YAML directive"),
	N_("while scanning a %TAG directive"),
	N_("while scanning a tag directive"),
	N_("while scanning for the next token"),
	NULL
};

/* libyaml's text s in the language, or as it is if not known. */
static const char *libyaml_text(const char *s)
{
	for (int i = 0; s && libyaml_words[i]; i++)
		if (!strcmp(s, libyaml_words[i]))
			return _(libyaml_words[i]);
	return s;
}

static int libyaml_error(struct lms_yparser *p)
{
	yaml_parser_t *y = &p->yaml;
	const char *problem = libyaml_text(y->problem);

	if (y->error == YAML_MEMORY_ERROR)
		return lms_error(LMS_ENOMEM, "%s", _("out of memory"));
	if (y->error == YAML_READER_ERROR)
		return lms_yparser_error(p, mark_at_offset(p, y->problem_offset),
					 "%s", problem);
	if (y->context)
		return lms_yparser_error(p, mark_of(y->problem_mark), "%s %s",
					 problem, libyaml_text(y->context));
	return lms_yparser_error(p, mark_of(y->problem_mark), "%s",
				 problem ? problem : _("malformed YAML"));
}

/* Anchors */

static size_t hash_name(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot that holds name, or the free slot where it would go. */
static size_t *anchor_slot(struct lms_yparser *p, const char *name)
{
	size_t i = hash_name(name) & (p->nslots - 1);

	while (p->slots[i] && strcmp(p->anchors[p->slots[i] - 1].name, name))
		i = (i + 1) & (p->nslots - 1);
	return &p->slots[i];
}

/* Keeps the table at most half full, so that a look-up takes a few steps. */
static void grow_slots(struct lms_yparser *p)
{
	size_t *old = p->slots, n = p->nslots;

	p->nslots = n ? n * 2 : 64;
	p->slots = lms_calloc(p->nslots, sizeof(*p->slots));
	for (size_t i = 0; i < n; i++)
		if (old[i])
			*anchor_slot(p, p->anchors[old[i] - 1].name) = old[i];
	lms_free(old);
}

/* The anchor that a name refers to here: the latest one of that name. */
static struct lms_anchor *find_anchor(struct lms_yparser *p, const char *name)
{
	size_t slot;

	if (!p->nslots)
		return NULL;
	slot = *anchor_slot(p, name);
	return slot ? &p->anchors[slot - 1] : NULL;
}

static int start_anchor(struct lms_yparser *p, const char *name,
			const struct lms_event *ev)
{
	struct lms_anchor *a;

	if (p->nanchors >= p->limits->max_anchors)
		return lms_yparser_error(p, ev->start, _("more than %u anchors"),
					 p->limits->max_anchors);
	if (2 * (p->nanchors + 1) > p->nslots)
		grow_slots(p);
	a = lms_array_push(&p->anchors, &p->nanchors, sizeof(*a));
	a->name = lms_strdup(name);
	a->start = p->ntape;
	a->open = true;
	/* A collection's anchor stops at the end that returns to the depth
	 * of its parent; a scalar's at the scalar itself. */
	a->open_depth = ev->type == LMS_EV_SCALAR ? p->depth : p->depth - 1;
	/* A name given again refers to the new node from here on. */
	*anchor_slot(p, name) = p->nanchors;
	*(size_t *)lms_array_push(&p->open, &p->nopen, sizeof(size_t)) =
		p->nanchors - 1;
	return 0;
}

/*
 * Puts an event on the tape while any anchor is open.  Anchors nest, so
 * the innermost one is the only one that can end here.
 */
static void record(struct lms_yparser *p, const struct lms_event *ev,
		   const struct lms_anchor *alias)
{
	struct lms_recorded *r;
	struct lms_anchor *a;

	if (!p->nopen)
		return;
	r = lms_array_push(&p->tape, &p->ntape, sizeof(*r));
	r->ev = *ev;
	r->ev.value = NULL;
	r->value = NULL;
	r->is_alias = alias != NULL;
	r->alias = alias ? (size_t)(alias - p->anchors) : 0;
	if (!alias && ev->type == LMS_EV_SCALAR)
		r->value = lms_strndup(ev->value, ev->len);
	a = &p->anchors[p->open[p->nopen - 1]];
	if ((ev->type == LMS_EV_SCALAR || alias || ev->type == LMS_EV_SEQ_END ||
	     ev->type == LMS_EV_MAP_END) && p->depth == a->open_depth) {
		a->end = p->ntape;
		a->open = false;
		p->nopen--;
	}
}

static int use_alias(struct lms_yparser *p, const struct lms_anchor *a,
		     struct lms_mark at, struct lms_mark at_end)
{
	struct lms_replay *r;

	if (++p->aliases > p->limits->max_aliases)
		return lms_yparser_error(p, at, _("more than %u aliases"),
					 p->limits->max_aliases);
	r = lms_array_push(&p->replay, &p->nreplay, sizeof(*r));
	r->pos = a->start;
	r->end = a->end;
	r->at = at;
	r->at_end = at_end;
	return 0;
}

void lms_yparser_replayed_at(const struct lms_yparser *p,
			     struct lms_mark *start, struct lms_mark *end)
{
	/* The entry at the bottom stays until its last event is passed:
	 * it is popped only when the next event is asked for. */
	if (p->nreplay) {
		*start = p->replay[0].at;
		*end = p->replay[0].at_end;
	}
}

/*
 * Keeps track of depth and of which scalars are keys: a key is one short
 * value, never a list or a mapping, which other YAML readers cannot all
 * take and lms never writes.
 */
static int check_shape(struct lms_yparser *p, struct lms_event *ev)
{
	unsigned char *at = &p->frames[p->depth];

	if (ev->type == LMS_EV_SEQ_END || ev->type == LMS_EV_MAP_END) {
		p->depth--;
		return 0;
	}
	if (*at == NEXT_KEY && ev->type != LMS_EV_SCALAR)
		return lms_yparser_error(p, ev->start, "%s",
					 ev->type == LMS_EV_SEQ ?
					 _("a key must be a single value, not "
					   "a list") :
					 _("a key must be a single value, not "
					   "a mapping"));
	if (*at == NEXT_KEY && ev->len > p->limits->max_key)
		return lms_yparser_error(p, ev->start,
					 _("key longer than %zu bytes"),
					 p->limits->max_key);
	if (*at != IN_LIST)
		*at = *at == NEXT_KEY ? NEXT_VALUE : NEXT_KEY;
	if (ev->type == LMS_EV_SEQ || ev->type == LMS_EV_MAP) {
		if (p->depth + 1 > p->limits->max_depth)
			return lms_yparser_error(p, ev->start,
						 _("nesting deeper than %u levels"),
						 p->limits->max_depth);
		p->frames[++p->depth] = ev->type == LMS_EV_MAP ? NEXT_KEY : IN_LIST;
	}
	return 0;
}

/* The next event from an alias being replayed, if any: 1 when found. */
static int next_replayed(struct lms_yparser *p, struct lms_event *ev)
{
	while (p->nreplay) {
		struct lms_replay *r = &p->replay[p->nreplay - 1];
		struct lms_recorded *rec;
		int err;

		if (r->pos == r->end) {
			p->nreplay--;
			continue;
		}
		rec = &p->tape[r->pos++];
		if (++p->replayed > p->limits->max_replayed)
			return lms_yparser_error(p, rec->ev.start,
						 _("aliases expand to more than "
						   "%zu nodes"),
						 p->limits->max_replayed);
		if (rec->is_alias) {
			if ((err = use_alias(p, &p->anchors[rec->alias],
					     rec->ev.start, rec->ev.end)))
				return err;
			continue;
		}
		*ev = rec->ev;
		ev->value = rec->value;
		ev->replayed = true;
		if ((err = check_shape(p, ev)))
			return err;
		return 1;
	}
	return 0;
}

static int parse_one(struct lms_yparser *p)
{
	drop_current(p);
	if (!yaml_parser_parse(&p->yaml, &p->cur))
		return libyaml_error(p);
	p->have_cur = true;
	return 0;
}

/* Converts libyaml's current event; returns the anchor name, if any. */
static const char *convert(struct lms_yparser *p, struct lms_event *ev)
{
	yaml_event_t *y = &p->cur;

	memset(ev, 0, sizeof(*ev));
	ev->start = mark_of(y->start_mark);
	ev->end = mark_of(y->end_mark);
	switch (y->type) {
	case YAML_SCALAR_EVENT:
		ev->type = LMS_EV_SCALAR;
		ev->value = (const char *)y->data.scalar.value;
		ev->len = y->data.scalar.length;
		ev->plain = y->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return (const char *)y->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		ev->type = LMS_EV_SEQ;
		ev->flow = y->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
		return (const char *)y->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		ev->type = LMS_EV_MAP;
		ev->flow = y->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
		return (const char *)y->data.mapping_start.anchor;
	case YAML_SEQUENCE_END_EVENT:
		ev->type = LMS_EV_SEQ_END;
		return NULL;
	case YAML_MAPPING_END_EVENT:
		ev->type = LMS_EV_MAP_END;
		return NULL;
	default:
		ev->type = LMS_EV_END;
		return NULL;
	}
}

/* Moves past stream and document events; 1 when the document is over. */
static int handle_structure(struct lms_yparser *p, struct lms_event *ev)
{
	switch (p->cur.type) {
	case YAML_STREAM_START_EVENT:
		return 2;
	case YAML_DOCUMENT_START_EVENT:
		if (p->state == AFTER_DOCUMENT)
			return lms_yparser_error(p, mark_of(p->cur.start_mark),
						 "%s", _("a file holds one YAML "
							 "document, this is a "
							 "second"));
		p->state = IN_DOCUMENT;
		return 2;
	case YAML_DOCUMENT_END_EVENT:
		p->state = AFTER_DOCUMENT;
		return 2;
	case YAML_STREAM_END_EVENT:
		memset(ev, 0, sizeof(*ev));
		ev->type = LMS_EV_END;
		ev->start = ev->end = mark_of(p->cur.start_mark);
		p->state = AFTER_DOCUMENT;
		return 1;
	default:
		return 0;
	}
}

/* An alias in the text: recorded as such, then replayed. */
static int alias_event(struct lms_yparser *p, struct lms_event *ev)
{
	const char *name = (const char *)p->cur.data.alias.anchor;
	struct lms_mark at = mark_of(p->cur.start_mark);
	struct lms_event alias_ev = { .type = LMS_EV_SCALAR, .start = at,
				      .end = at };
	struct lms_anchor *a = find_anchor(p, name);
	int err;

	if (!a)
		return lms_yparser_error(p, at, _("unknown alias '*%s'"),
					 name);
	if (a->open)
		return lms_yparser_error(p, at, _("alias '*%s' refers to itself"),
					 name);
	record(p, &alias_ev, a);
	if ((err = use_alias(p, a, at, mark_of(p->cur.end_mark))))
		return err;
	return lms_yparser_next(p, ev);
}

/* The limits on a scalar, the same whichever path read it.  A value of
 * the fast path holds no NUL: its scanner takes no control from the text
 * and makes no NUL of an escape (scan.c), so only libyaml's values are
 * looked through for one. */
static int check_scalar(struct lms_yparser *p, const struct lms_event *ev)
{
	if (ev->type != LMS_EV_SCALAR)
		return 0;
	if (ev->len > p->limits->max_scalar)
		return lms_yparser_error(p, ev->start,
					 _("value longer than %zu bytes"),
					 p->limits->max_scalar);
	if (!p->fast && strlen(ev->value) != ev->len)
		return lms_yparser_error(p, ev->start,
					 "%s", _("value contains a NUL "
						 "character"));
	return 0;
}

/*
 * The next event of a file the fast path read: no anchors, no aliases,
 * and nothing that check_scalar or check_shape would refuse, for the
 * fast path gives up on values, keys and depths past the limits (scan.h)
 * and holds no NUL (check_scalar).
 */
static void next_fast(struct lms_yparser *p, struct lms_event *ev)
{
	const struct lms_scan_event *s = &p->fast->ev[p->fast_next];

	*ev = (struct lms_event){
		.type = s->type, .len = s->len, .plain = s->plain,
		.flow = s->flow, .start = s->start, .end = s->end,
		.value = s->type == LMS_EV_SCALAR ? p->fast->vals + s->value :
						    NULL
	};
	if (s->type != LMS_EV_END)
		p->fast_next++;
}

/* The next event from libyaml, or from an alias replayed. */
static __attribute__((noinline)) int next_slow(struct lms_yparser *p,
					      struct lms_event *ev)
{
	const char *anchor;
	int err;

	if ((err = next_replayed(p, ev)))
		return err < 0 ? err : 0;
	for (;;) {
		if (p->have_cur && p->cur.type == YAML_STREAM_END_EVENT)
			return handle_structure(p, ev) < 0 ? LMS_EDATA : 0;
		if ((err = parse_one(p)))
			return err;
		err = handle_structure(p, ev);
		if (err < 0)
			return err;
		if (err == 1)
			return 0;
		if (err == 0)
			break;
	}
	if (p->cur.type == YAML_ALIAS_EVENT)
		return alias_event(p, ev);
	anchor = convert(p, ev);
	if ((err = check_scalar(p, ev)))
		return err;
	if ((err = check_shape(p, ev)))
		return err;
	if (anchor && (err = start_anchor(p, anchor, ev)))
		return err;
	record(p, ev, NULL);
	return 0;
}

/* Apart from next_slow, so that the fast path's every event does not
 * pay for the setting up of libyaml's. */
int lms_yparser_next(struct lms_yparser *p, struct lms_event *ev)
{
	if (!p->fast)
		return next_slow(p, ev);
	next_fast(p, ev);
	return 0;
}

char *lms_yparser_take(struct lms_yparser *p, const struct lms_event *ev)
{
	char *s;

	if (p->fast || ev->replayed || !p->have_cur || p->cur.type != YAML_SCALAR_EVENT)
		return lms_scoped_strndup(ev->value, ev->len);
	/* Steal libyaml's copy rather than duplicating it: reading is the
	 * hot path of every report. */
	s = (char *)p->cur.data.scalar.value;
	p->cur.data.scalar.value = NULL;
	return s;
}

int lms_yparser_skip(struct lms_yparser *p, const struct lms_event *ev)
{
	unsigned open = ev->type == LMS_EV_SEQ || ev->type == LMS_EV_MAP;
	struct lms_event e;
	int err;

	while (open) {
		if ((err = lms_yparser_next(p, &e)))
			return err;
		if (e.type == LMS_EV_SEQ || e.type == LMS_EV_MAP)
			open++;
		else if (e.type == LMS_EV_SEQ_END || e.type == LMS_EV_MAP_END)
			open--;
		else if (e.type == LMS_EV_END)
			return lms_yparser_error(p, e.start, "%s",
						 _("unexpected end of file"));
	}
	return 0;
}

int lms_yaml_readable(const char *path, const char *text, size_t len)
{
	struct lms_yparser p;
	struct lms_event ev;
	int err;

	if (!(err = lms_yparser_init(&p, path, text, len, NULL))) {
		do
			err = lms_yparser_next(&p, &ev);
		while (!err && ev.type != LMS_EV_END);
	}
	lms_yparser_release(&p);
	if (err == LMS_EDATA) {
		const struct lms_error *e = lms_last_error();
		struct lms_buf msg = LMS_BUF_INIT;

		if (e->line)
			lms_buf_addf(&msg, _("line %u, column %u: "), e->line,
				     e->col);
		lms_buf_adds(&msg, e->msg);
		err = lms_error(LMS_EDATA, _("not writing %s: lms could not "
				"read it back (%s)"), path, msg.buf);
		lms_buf_release(&msg);
	}
	return err;
}

bool lms_event_is_null(const struct lms_event *ev)
{
	if (ev->type != LMS_EV_SCALAR || !ev->plain)
		return false;
	/* By length first: asked of every value of every file. */
	switch (ev->len) {
	case 0: return true;
	case 1: return ev->value[0] == '~';
	case 4: return !strcmp(ev->value, "null") ||
		       !strcmp(ev->value, "Null") ||
		       !strcmp(ev->value, "NULL");
	default: return false;
	}
}
