#include <string.h>
#include <yaml.h>

#include "scan.h"
#include "utf8.h"

/* One event of either parser, as lms_yparser would give it. */
struct cmp_event {
	enum lms_ev type;
	const char *value;
	size_t len;
	bool plain, flow;
	struct lms_mark start, end;
};

static struct lms_mark mark_of(yaml_mark_t m)
{
	struct lms_mark out = {
		(unsigned)m.line + 1, (unsigned)m.column + 1, m.index
	};

	return out;
}

static const char *const ev_names[] = {
	"end", "scalar", "sequence", "sequence end", "mapping", "mapping end"
};

static void show(struct lms_buf *why, const char *who,
		 const struct cmp_event *e)
{
	lms_buf_addf(why, "%s: %s %u:%u (%zu) to %u:%u (%zu)", who,
		     ev_names[e->type], e->start.line, e->start.col,
		     e->start.index, e->end.line, e->end.col, e->end.index);
	if (e->type == LMS_EV_SCALAR) {
		lms_buf_addf(why, " %s ", e->plain ? "plain" : "quoted");
		lms_utf8_quote(why, e->value, 60);
		lms_buf_addf(why, " (%zu bytes)", e->len);
	}
	if (e->flow)
		lms_buf_adds(why, " flow");
	lms_buf_addch(why, '\n');
}

static bool same_mark(struct lms_mark a, struct lms_mark b)
{
	return a.line == b.line && a.col == b.col && a.index == b.index;
}

static bool same(const struct cmp_event *a, const struct cmp_event *b)
{
	if (a->type != b->type || a->flow != b->flow ||
	    !same_mark(a->start, b->start) || !same_mark(a->end, b->end))
		return false;
	if (a->type != LMS_EV_SCALAR)
		return true;
	return a->plain == b->plain && a->len == b->len &&
	       !memcmp(a->value, b->value, a->len);
}

/*
 * libyaml's event as lms sees it: 1 when it is one, 0 for the stream's
 * and documents' events, -1 for what the fast path never gives (an
 * alias, an anchor, a tag, a second document).
 */
static int convert(const yaml_event_t *y, struct cmp_event *e, int *docs)
{
	memset(e, 0, sizeof(*e));
	e->start = mark_of(y->start_mark);
	e->end = mark_of(y->end_mark);
	switch (y->type) {
	case YAML_SCALAR_EVENT:
		e->type = LMS_EV_SCALAR;
		e->value = (const char *)y->data.scalar.value;
		e->len = y->data.scalar.length;
		e->plain = y->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return y->data.scalar.anchor || y->data.scalar.tag ? -1 : 1;
	case YAML_SEQUENCE_START_EVENT:
		e->type = LMS_EV_SEQ;
		e->flow = y->data.sequence_start.style ==
			  YAML_FLOW_SEQUENCE_STYLE;
		return y->data.sequence_start.anchor ||
		       y->data.sequence_start.tag ? -1 : 1;
	case YAML_MAPPING_START_EVENT:
		e->type = LMS_EV_MAP;
		e->flow = y->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
		return y->data.mapping_start.anchor ||
		       y->data.mapping_start.tag ? -1 : 1;
	case YAML_SEQUENCE_END_EVENT:
		e->type = LMS_EV_SEQ_END;
		return 1;
	case YAML_MAPPING_END_EVENT:
		e->type = LMS_EV_MAP_END;
		return 1;
	case YAML_STREAM_END_EVENT:
		e->type = LMS_EV_END;
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		return ++*docs > 1 ? -1 : 0;
	case YAML_ALIAS_EVENT:
		return -1;
	default:
		return 0;
	}
}

static void fast_event(const struct lms_scan *s, size_t i,
		       struct cmp_event *e)
{
	const struct lms_scan_event *f = &s->ev[i];

	memset(e, 0, sizeof(*e));
	e->type = f->type;
	e->value = s->vals + f->value;
	e->len = f->len;
	e->plain = f->plain;
	e->flow = f->flow;
	e->start = f->start;
	e->end = f->end;
}

/* Runs libyaml over text, comparing with the fast path's events if
 * taken (NULL if not); -1 at the first difference. */
static int run_libyaml(const char *text, size_t len,
		       const struct lms_scan *fast, size_t *events,
		       struct lms_buf *why)
{
	yaml_parser_t y;
	yaml_event_t ev;
	int docs = 0, err = 0, kind;
	bool done = false;
	struct cmp_event a, b;

	*events = 0;
	if (!yaml_parser_initialize(&y))
		return -1;
	yaml_parser_set_input_string(&y, (const unsigned char *)text, len);
	while (!done && !err) {
		if (!yaml_parser_parse(&y, &ev)) {
			if (fast)
				lms_buf_addf(why, "libyaml refuses it at "
					     "%zu:%zu: %s\n",
					     y.problem_mark.line + 1,
					     y.problem_mark.column + 1,
					     y.problem ? y.problem : "?");
			err = fast ? -1 : 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		kind = convert(&ev, &a, &docs);
		if (kind < 0 && fast) {
			lms_buf_adds(why, "libyaml has an alias, anchor, tag "
				     "or second document\n");
			err = -1;
		} else if (kind > 0 && fast) {
			if (*events >= fast->nev) {
				lms_buf_adds(why, "the fast path has fewer "
					     "events\n");
				err = -1;
			} else {
				fast_event(fast, *events, &b);
				if (!same(&a, &b)) {
					lms_buf_addf(why, "event %zu differs\n",
						     *events + 1);
					show(why, "libyaml", &a);
					show(why, "fast", &b);
					err = -1;
				}
			}
		}
		if (kind > 0)
			++*events;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&y);
	if (!err && fast && *events != fast->nev) {
		lms_buf_adds(why, "the fast path has more events\n");
		err = -1;
	}
	/* The end of the stream is no event of lms's document. */
	if (*events)
		--*events;
	return err;
}

int lms_scan_compare(const char *text, size_t len, size_t *events,
		     struct lms_buf *why)
{
	struct lms_scan s;
	bool taken = !lms_scan_text(&s, text, len, NULL);
	int err = run_libyaml(text, len, taken ? &s : NULL, events, why);

	lms_scan_release(&s);
	if (err)
		return -1;
	return taken ? 1 : 0;
}
