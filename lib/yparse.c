#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "utf8.h"
#include "yparse.h"

const struct lms_limits lms_limits_default = {
	.max_file = 64u << 20,
	.max_scalar = 1u << 20,
	.max_depth = 32,
	.max_aliases = 1000,
	.max_replayed = 100000,
};

/* An event as an anchor recorded it, to be produced again by an alias. */
struct lms_recorded {
	struct lms_event ev;
	char *value;		/* scalar value, or the name of a nested alias */
	bool is_alias;
};

struct lms_anchor {
	char *name;
	struct lms_recorded *events;
	size_t nevents;
	unsigned open_depth;	/* depth at which recording started */
	bool recording;
};

enum { BEFORE_DOCUMENT, IN_DOCUMENT, AFTER_DOCUMENT };

int lms_yparser_init(struct lms_yparser *p, const char *path,
		     const char *text, size_t len, const struct lms_limits *lim)
{
	memset(p, 0, sizeof(*p));
	p->path = path;
	p->text = text;
	p->len = len;
	p->limits = lim ? lim : &lms_limits_default;
	if (len > p->limits->max_file)
		return lms_error_at(LMS_EDATA, path, 0, 0,
				    "file is larger than %zu bytes",
				    p->limits->max_file);
	if (!yaml_parser_initialize(&p->yaml))
		return lms_error(LMS_ENOMEM, "out of memory");
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
	yaml_parser_delete(&p->yaml);
	for (size_t i = 0; i < p->nanchors; i++) {
		for (size_t j = 0; j < p->anchors[i].nevents; j++)
			free(p->anchors[i].events[j].value);
		free(p->anchors[i].events);
		free(p->anchors[i].name);
	}
	free(p->anchors);
	free(p->replay);
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
	struct lms_mark m = { 1, 1, 0 };

	for (size_t i = 0; i < at && i < p->len; i++) {
		if (p->text[i] == '\n') {
			m.line++;
			m.col = 1;
		} else if (((unsigned char)p->text[i] & 0xc0) != 0x80) {
			m.col++;
		}
	}
	return m;
}

static int libyaml_error(struct lms_yparser *p)
{
	yaml_parser_t *y = &p->yaml;

	if (y->error == YAML_MEMORY_ERROR)
		return lms_error(LMS_ENOMEM, "out of memory");
	if (y->error == YAML_READER_ERROR)
		return lms_yparser_error(p, mark_at_offset(p, y->problem_offset),
					 "%s", y->problem);
	if (y->context)
		return lms_yparser_error(p, mark_of(y->problem_mark), "%s %s",
					 y->problem, y->context);
	return lms_yparser_error(p, mark_of(y->problem_mark), "%s",
				 y->problem ? y->problem : "malformed YAML");
}

static struct lms_anchor *find_anchor(struct lms_yparser *p, const char *name)
{
	for (size_t i = p->nanchors; i-- > 0;)
		if (!strcmp(p->anchors[i].name, name))
			return &p->anchors[i];
	return NULL;
}

static void record(struct lms_yparser *p, const struct lms_event *ev,
		   const char *alias)
{
	for (size_t i = 0; i < p->nanchors; i++) {
		struct lms_anchor *a = &p->anchors[i];
		struct lms_recorded *r;

		if (!a->recording)
			continue;
		r = lms_array_push(&a->events, &a->nevents, sizeof(*r));
		r->ev = *ev;
		r->is_alias = alias != NULL;
		if (alias)
			r->value = lms_strdup(alias);
		else if (ev->type == LMS_EV_SCALAR)
			r->value = lms_strndup(ev->value, ev->len);
		r->ev.value = NULL;
		/* A scalar anchor, or a collection closing at its own depth. */
		if ((ev->type == LMS_EV_SCALAR || alias ||
		     ev->type == LMS_EV_SEQ_END || ev->type == LMS_EV_MAP_END) &&
		    p->depth == a->open_depth)
			a->recording = false;
	}
}

static void start_anchor(struct lms_yparser *p, const char *name)
{
	struct lms_anchor *a = lms_array_push(&p->anchors, &p->nanchors,
					      sizeof(*a));

	a->name = lms_strdup(name);
	a->open_depth = p->depth;
	a->recording = true;
}

static int use_alias(struct lms_yparser *p, const char *name,
		     struct lms_mark at)
{
	struct lms_anchor *a = find_anchor(p, name);
	struct lms_replay *r;

	if (!a)
		return lms_yparser_error(p, at, "unknown alias '*%s'", name);
	if (a->recording)
		return lms_yparser_error(p, at, "alias '*%s' refers to itself",
					 name);
	if (++p->aliases > p->limits->max_aliases)
		return lms_yparser_error(p, at, "more than %u aliases",
					 p->limits->max_aliases);
	r = lms_array_push(&p->replay, &p->nreplay, sizeof(*r));
	r->anchor = (size_t)(a - p->anchors);
	r->pos = 0;
	return 0;
}

static int check_depth(struct lms_yparser *p, struct lms_event *ev)
{
	if (ev->type == LMS_EV_SEQ || ev->type == LMS_EV_MAP) {
		if (++p->depth > p->limits->max_depth)
			return lms_yparser_error(p, ev->start,
						 "nesting deeper than %u levels",
						 p->limits->max_depth);
	} else if (ev->type == LMS_EV_SEQ_END || ev->type == LMS_EV_MAP_END) {
		p->depth--;
	}
	return 0;
}

/* The next event from an alias being replayed, if any: 1 when found. */
static int next_replayed(struct lms_yparser *p, struct lms_event *ev)
{
	while (p->nreplay) {
		struct lms_replay *r = &p->replay[p->nreplay - 1];
		struct lms_anchor *a = &p->anchors[r->anchor];
		struct lms_recorded *rec;
		int err;

		if (r->pos == a->nevents) {
			p->nreplay--;
			continue;
		}
		rec = &a->events[r->pos++];
		if (++p->replayed > p->limits->max_replayed)
			return lms_yparser_error(p, rec->ev.start,
						 "aliases expand to more than %zu nodes",
						 p->limits->max_replayed);
		if (rec->is_alias) {
			if ((err = use_alias(p, rec->value, rec->ev.start)))
				return err;
			continue;
		}
		*ev = rec->ev;
		ev->value = rec->value;
		ev->replayed = true;
		if ((err = check_depth(p, ev)))
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
						 "a file holds one YAML document, "
						 "this is a second");
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

int lms_yparser_next(struct lms_yparser *p, struct lms_event *ev)
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
	if (p->cur.type == YAML_ALIAS_EVENT) {
		const char *name = (const char *)p->cur.data.alias.anchor;
		struct lms_mark at = mark_of(p->cur.start_mark);
		struct lms_event alias_ev = { .type = LMS_EV_SCALAR, .start = at,
					      .end = at };

		record(p, &alias_ev, name);
		if ((err = use_alias(p, name, at)))
			return err;
		return lms_yparser_next(p, ev);
	}
	anchor = convert(p, ev);
	if (ev->type == LMS_EV_SCALAR) {
		if (ev->len > p->limits->max_scalar)
			return lms_yparser_error(p, ev->start,
						 "value longer than %zu bytes",
						 p->limits->max_scalar);
		if (strlen(ev->value) != ev->len)
			return lms_yparser_error(p, ev->start,
						 "value contains a NUL character");
	}
	if ((err = check_depth(p, ev)))
		return err;
	if (anchor)
		start_anchor(p, anchor);
	/* Anchors open at the depth of their node's parent. */
	if (anchor && (ev->type == LMS_EV_SEQ || ev->type == LMS_EV_MAP))
		p->anchors[p->nanchors - 1].open_depth = p->depth - 1;
	record(p, ev, NULL);
	return 0;
}

char *lms_yparser_take(struct lms_yparser *p, const struct lms_event *ev)
{
	char *s;

	if (ev->replayed || !p->have_cur || p->cur.type != YAML_SCALAR_EVENT)
		return lms_strndup(ev->value, ev->len);
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
			return lms_yparser_error(p, e.start, "unexpected end of file");
	}
	return 0;
}

bool lms_event_is_null(const struct lms_event *ev)
{
	if (ev->type != LMS_EV_SCALAR || !ev->plain)
		return false;
	return ev->len == 0 || !strcmp(ev->value, "~") ||
	       !strcmp(ev->value, "null") || !strcmp(ev->value, "Null") ||
	       !strcmp(ev->value, "NULL");
}
