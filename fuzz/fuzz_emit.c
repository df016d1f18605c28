#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "course.h"
#include "date.h"
#include "evaluation.h"
#include "person.h"
#include "scan.h"
#include "yparse.h"
#include "common.h"

/*
 * The emitter: any text that lms holds in a string (a title, a theme, a
 * name, a comment, an unknown key kept as it was) is written so that lms
 * reads the same text back.  The input is strings separated by NUL; each
 * that is UTF-8 goes into the string fields of a course, a register and
 * an evaluation, which are written, read and compared.  What lms writes,
 * the fast path of its reader (scan.h) takes, with libyaml's events.
 */

#define MAX_STRINGS 16

struct strings {
	const char *v[MAX_STRINGS];
	size_t n;
};

static void split(const char *text, size_t len, struct strings *s)
{
	s->n = 0;
	for (size_t at = 0; at <= len && s->n < MAX_STRINGS;) {
		size_t n = strlen(text + at);

		/* lms refuses text that is not UTF-8 before it is stored. */
		if (fuzz_utf8_strict(text + at, n))
			s->v[s->n++] = text + at;
		at += n + 1;
	}
}

static void fail_written(const char *what, const struct lms_buf *out,
			 const struct lms_buf *where)
{
	fuzz_show(what, out->buf, out->len);
	if (where)
		fuzz_fail("%s reads back changed: %s", what, where->buf);
	fuzz_fail("%s as lms writes it does not read", what);
}

static void fast_path_takes(const char *what, const struct lms_buf *out)
{
	struct lms_buf why = LMS_BUF_INIT;
	size_t events;
	int r = lms_scan_compare(out->buf, out->len, &events, &why);

	if (r == 1 || out->len > 1 << 20) {
		lms_buf_release(&why);
		return;
	}
	fuzz_show(what, out->buf, out->len);
	fuzz_fail("%s as lms writes it %s\n%s", what,
		  r ? "reads otherwise on the fast path:" :
		  "is left to libyaml by the fast path", why.buf);
}

static void course(const struct strings *s)
{
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_course a, b;

	lms_schema_init(&lms_course_schema, &a);
	a.id = lms_strdup("x");
	a.title = lms_strdup(s->v[0]);
	a.description = s->n > 1 ? lms_strdup(s->v[1]) : NULL;
	a.place = s->n > 2 ? lms_strdup(s->v[2]) : NULL;
	a.status = LMS_COURSE_OPEN;
	a.waitlist = 1;
	for (size_t i = 0; i < s->n; i++) {
		struct lms_session *x = lms_array_push(&a.sessions, &a.nsessions,
						       sizeof(*x));

		lms_schema_init(&lms_session_schema, x);
		x->date = lms_date_from_ymd(2026, 9, 1) + (int32_t)i;
		x->theme = lms_strdup(s->v[i]);
		x->place = lms_strdup(s->v[s->n - 1 - i]);
		*(char **)lms_array_push(&a.topics, &a.ntopics, sizeof(char *)) =
			lms_strdup(s->v[i]);
		*(char **)lms_array_push(&a.follow_up, &a.nfollow_up,
					 sizeof(char *)) = lms_strdup(s->v[i]);
	}
	lms_course_emit(&out, &a);
	fast_path_takes("course.yaml", &out);
	if (lms_course_load(&b, "course.yaml", out.buf, out.len, "x", NULL))
		fail_written("course.yaml", &out, NULL);
	if (!fuzz_equal(&lms_course_schema, &a, &b, NULL, &where))
		fail_written("course.yaml", &out, &where);
	lms_course_release(&a);
	lms_course_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

/* An unknown key is kept; one that the schema knows would not be, and one
 * longer than the reader takes could never have been read. */
static bool extra_key_ok(const struct lms_person *p, const char *key)
{
	if (strlen(key) > lms_limits_default.max_key)
		return false;
	if (lms_schema_field(&lms_person_schema, key))
		return false;
	for (size_t i = 0; i < p->extras.n; i++)
		if (!strcmp(p->extras.v[i].key, key))
			return false;
	return true;
}

static struct lms_node *add_extra(struct lms_person *p, const char *key,
				  enum lms_ev type)
{
	struct lms_extra *x = lms_array_push(&p->extras.v, &p->extras.n,
					     sizeof(*x));

	x->key = lms_strdup(key);
	x->value.type = type;
	return &x->value;
}

static void add_scalar(struct lms_node *n, const char *s, bool plain)
{
	struct lms_node *item = lms_array_push(&n->items, &n->nitems,
					       sizeof(*item));

	item->type = LMS_EV_SCALAR;
	item->scalar = lms_strdup(s);
	item->plain = plain;
}

static void person(struct lms_person *p, const struct strings *s, size_t i)
{
	const char *next = s->v[(i + 1) % s->n];
	struct lms_node *n;
	char id[16];

	lms_schema_init(&lms_person_schema, p);
	snprintf(id, sizeof(id), "p-%06zu", i);
	p->id = lms_strdup(id);
	p->name = lms_strdup(s->v[i]);
	p->phone = lms_strdup(s->v[i]);
	p->email = lms_strdup(next);
	if (extra_key_ok(p, s->v[i])) {
		n = add_extra(p, s->v[i], LMS_EV_SCALAR);
		n->scalar = lms_strdup(next);
		n->plain = i % 2;
	}
	if (i == 0 && extra_key_ok(p, "list")) {
		n = add_extra(p, "list", LMS_EV_SEQ);
		for (size_t k = 0; k < s->n; k++)
			add_scalar(n, s->v[k], k % 2);
		n = add_extra(p, "map", LMS_EV_MAP);
		for (size_t k = 0; k + 1 < s->n; k += 2) {
			if (strlen(s->v[k]) > lms_limits_default.max_key)
				continue;	/* no key lms could read */
			add_scalar(n, s->v[k], true);
			add_scalar(n, s->v[k + 1], false);
		}
	}
}

static void participants(const struct strings *s)
{
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_register a = { NULL, 0 }, b;

	for (size_t i = 0; i < s->n; i++)
		person(lms_array_push(&a.v, &a.n, sizeof(*a.v)), s, i);
	lms_register_emit(&out, &a);
	fast_path_takes("participants.yaml", &out);
	if (lms_register_load(&b, "participants.yaml", out.buf, out.len))
		fail_written("participants.yaml", &out, NULL);
	if (!fuzz_equal_list(&lms_person_schema, a.v, a.n, b.v, b.n, &where))
		fail_written("participants.yaml", &out, &where);
	lms_register_release(&a);
	lms_register_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

static void evaluations(const struct strings *s)
{
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_evaluations a = { NULL, 0 }, b;
	struct lms_evaluation *e = lms_array_push(&a.v, &a.n, sizeof(*a.v));

	lms_schema_init(&lms_evaluation_schema, e);
	e->form = lms_strdup("f");
	e->phase = LMS_POST;
	e->date = lms_date_from_ymd(2026, 9, 17);
	for (size_t i = 0; i < s->n; i++) {
		char item[16];

		snprintf(item, sizeof(item), "q%zu", i + 1);
		lms_answer_add(e, item, 0, s->v[i]);
	}
	lms_evaluations_emit(&out, &a);
	fast_path_takes("evaluations.yaml", &out);
	if (lms_evaluations_load(&b, "evaluations.yaml", out.buf, out.len))
		fail_written("evaluations.yaml", &out, NULL);
	if (!fuzz_equal_list(&lms_evaluation_schema, a.v, a.n, b.v, b.n, &where))
		fail_written("evaluations.yaml", &out, &where);
	lms_evaluations_release(&a);
	lms_evaluations_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct strings s;

	split(text, size, &s);
	if (s.n) {
		course(&s);
		participants(&s);
		evaluations(&s);
	}
	free(text);
	return 0;
}
