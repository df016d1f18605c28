#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "emit.h"
#include "error.h"
#include "evaluation.h"
#include "facilitator.h"
#include "common.h"

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = lms_malloc(size + 1);

	if (size)
		memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

void fuzz_show(const char *what, const char *text, size_t len)
{
	fprintf(stderr, "--- %s (%zu bytes):\n", what, len);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '\n' || (c >= 0x20 && c < 0x7f && c != '\\'))
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fprintf(stderr, "\n--- end of %s\n", what);
}

void fuzz_fail(const char *fmt, ...)
{
	const struct lms_error *e = lms_last_error();
	va_list ap;

	fputs("\nPROPERTY BROKEN: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (e->code)
		fprintf(stderr, "last error: %d %s:%u:%u: %s\n", e->code, e->path,
			e->line, e->col, e->msg);
	abort();
}

/* The most lines a parser could count in text: every break of YAML
 * (LF, CR, NEL, LS, PS) as one, and one line more after the last. */
static unsigned max_lines(const char *text, size_t len)
{
	unsigned n = 1;

	for (size_t i = 0; i < len; i++) {
		const unsigned char *u = (const unsigned char *)text + i;

		n += *u == '\n' || *u == '\r' ||
		     (i + 1 < len && u[0] == 0xc2 && u[1] == 0x85) ||
		     (i + 2 < len && u[0] == 0xe2 && u[1] == 0x80 &&
		      (u[2] == 0xa8 || u[2] == 0xa9));
	}
	return n + 1;
}

void fuzz_check_load_error(int err, const char *path, const char *text,
			   size_t len)
{
	const struct lms_error *e = lms_last_error();

	if (err != LMS_EDATA)
		fuzz_fail("reading %s failed with %d, not LMS_EDATA", path, err);
	if (e->code != err)
		fuzz_fail("reading %s returned %d but recorded %d", path, err,
			  e->code);
	if (strcmp(e->path, path))
		fuzz_fail("the error does not name the file %s but '%s'", path,
			  e->path);
	if (!*e->msg)
		fuzz_fail("the error has no message");
	if (e->line > max_lines(text, len))
		fuzz_fail("the error is at line %u of a file of at most %u",
			  e->line, max_lines(text, len));
}

bool fuzz_utf8_strict(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		unsigned c = u[i], cp, n;

		if (c < 0x80) {
			i++;
			continue;
		}
		n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 :
		    c >= 0xf0 && c <= 0xf4 ? 4 : 0;
		if (!n || i + n > len)
			return false;
		cp = c & (0x7fu >> n);
		for (unsigned k = 1; k < n; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (u[i + k] & 0x3fu);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return false;
		i += n;
	}
	return true;
}

/* Comparison */

struct cmp {
	struct lms_buf path;	/* the key path being compared */
	const char *skip;
	struct lms_buf *where;
};

static void add_quoted(struct lms_buf *out, const char *s)
{
	if (!s) {
		lms_buf_adds(out, "(absent)");
		return;
	}
	lms_buf_addch(out, '\'');
	for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
		if (*u >= 0x20 && *u < 0x7f && *u != '\\')
			lms_buf_addch(out, *u);
		else
			lms_buf_addf(out, "\\x%02x", *u);
	}
	lms_buf_addch(out, '\'');
}

static bool differ(struct cmp *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool differ(struct cmp *c, const char *fmt, ...)
{
	va_list ap;

	lms_buf_addf(c->where, "%s: ", c->path.len ? c->path.buf : "(top)");
	va_start(ap, fmt);
	lms_buf_vaddf(c->where, fmt, ap);
	va_end(ap);
	return false;
}

static bool strings_equal(struct cmp *c, const char *a, const char *b)
{
	struct lms_buf both = LMS_BUF_INIT;

	if ((!a && !b) || (a && b && !strcmp(a, b)))
		return true;
	add_quoted(&both, a);
	lms_buf_adds(&both, " and ");
	add_quoted(&both, b);
	differ(c, "%s", both.buf);
	lms_buf_release(&both);
	return false;
}

static size_t push_key(struct cmp *c, const char *key)
{
	size_t len = c->path.len;

	if (len)
		lms_buf_addch(&c->path, '.');
	lms_buf_adds(&c->path, key);
	return len;
}

static size_t push_index(struct cmp *c, size_t i)
{
	char n[24];

	snprintf(n, sizeof(n), "%zu", i + 1);
	return push_key(c, n);
}

static bool equal_struct(struct cmp *c, const struct lms_schema *s,
			 const void *a, const void *b);

static bool equal_node(struct cmp *c, const struct lms_node *a,
		       const struct lms_node *b)
{
	if (a->type != b->type)
		return differ(c, "a %d and a %d", a->type, b->type);
	if (a->type == LMS_EV_SCALAR) {
		if (!strings_equal(c, a->scalar, b->scalar))
			return false;
		/* Plain stays plain where it can, so that "3" stays a number
		 * for other readers; quoted stays quoted. */
		if (a->plain != b->plain &&
		    (!a->plain || lms_yaml_plain_ok(a->scalar, LMS_YAML_WAS_PLAIN |
						    LMS_YAML_FLOW)))
			return differ(c, "plain %d and %d", a->plain, b->plain);
		return true;
	}
	if (a->nitems != b->nitems)
		return differ(c, "%zu and %zu items", a->nitems, b->nitems);
	for (size_t i = 0; i < a->nitems; i++) {
		size_t len = push_index(c, i);
		bool same = equal_node(c, &a->items[i], &b->items[i]);

		lms_buf_truncate(&c->path, len);
		if (!same)
			return false;
	}
	return true;
}

static bool equal_extras(struct cmp *c, const struct lms_extras *a,
			 const struct lms_extras *b)
{
	if (a->n != b->n)
		return differ(c, "%zu and %zu unknown keys", a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		size_t len = push_key(c, a->v[i].key);
		bool same = strings_equal(c, a->v[i].key, b->v[i].key) &&
			    equal_node(c, &a->v[i].value, &b->v[i].value);

		lms_buf_truncate(&c->path, len);
		if (!same)
			return false;
	}
	return true;
}

static bool equal_answers(struct cmp *c, const struct lms_answers *a,
			  const struct lms_answers *b)
{
	if (a->n != b->n)
		return differ(c, "%zu and %zu answers", a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const struct lms_answer *x = &a->v[i], *y = &b->v[i];

		if (!strings_equal(c, x->item, y->item))
			return false;
		if (x->is_text != y->is_text)
			return differ(c, "%s: text %d and %d", x->item, x->is_text,
				      y->is_text);
		if (x->is_text ? !strings_equal(c, x->text, y->text) :
		    x->value != y->value)
			return differ(c, "%s: %d and %d", x->item, x->value,
				      y->value);
	}
	return true;
}

static bool equal_custom(struct cmp *c, const struct lms_field *f,
			 const void *a, const void *b)
{
	const struct lms_custom *custom = f->aux;
	struct lms_buf x = LMS_BUF_INIT, y = LMS_BUF_INIT;
	bool same;

	if (!strcmp(f->key, "answers"))
		return equal_answers(c, a, b);
	if (!strcmp(f->key, "available")) {
		const struct lms_availability *p = a, *q = b;

		if (p->mode != q->mode || (p->mode == LMS_AVAIL_RANGE &&
					   (p->from != q->from || p->to != q->to)))
			return differ(c, "availability differs");
		return true;
	}
	/* A custom field the comparison does not know: as it is written. */
	custom->emit(&x, a, 0);
	custom->emit(&y, b, 0);
	same = !strcmp(x.buf, y.buf) || differ(c, "%s and %s", x.buf, y.buf);
	lms_buf_release(&x);
	lms_buf_release(&y);
	return same;
}

static size_t count_of(const struct lms_field *f, const void *obj)
{
	return *(const size_t *)((const char *)obj + f->count_offset);
}

static bool equal_field(struct cmp *c, const struct lms_field *f,
			const void *oa, const void *ob)
{
	const void *a = (const char *)oa + f->offset;
	const void *b = (const char *)ob + f->offset;
	size_t n;

	switch (f->type) {
	case LMS_T_STR:
	case LMS_T_ID:
	case LMS_T_MUNI:
		return strings_equal(c, *(char *const *)a, *(char *const *)b);
	case LMS_T_INT:
	case LMS_T_BOOL:
	case LMS_T_TIME:
	case LMS_T_ENUM:
		return *(const int *)a == *(const int *)b ||
		       differ(c, "%d and %d", *(const int *)a, *(const int *)b);
	case LMS_T_FLAGS:
		return *(const unsigned *)a == *(const unsigned *)b ||
		       differ(c, "%#x and %#x", *(const unsigned *)a,
			      *(const unsigned *)b);
	case LMS_T_DATE:
		return *(const int32_t *)a == *(const int32_t *)b ||
		       differ(c, "day %d and %d", (int)*(const int32_t *)a,
			      (int)*(const int32_t *)b);
	case LMS_T_REAL:
		return (isnan(*(const double *)a) && isnan(*(const double *)b)) ||
		       *(const double *)a == *(const double *)b ||
		       differ(c, "%.17g and %.17g", *(const double *)a,
			      *(const double *)b);
	case LMS_T_STRS:
	case LMS_T_IDS:
	case LMS_T_MUNIS:
		n = count_of(f, oa);
		if (n != count_of(f, ob))
			return differ(c, "%zu and %zu words", n, count_of(f, ob));
		for (size_t i = 0; i < n; i++)
			if (!strings_equal(c, (*(char **const *)a)[i],
					   (*(char **const *)b)[i]))
				return false;
		return true;
	case LMS_T_SEQ:
		n = count_of(f, oa);
		if (n != count_of(f, ob))
			return differ(c, "%zu and %zu items", n, count_of(f, ob));
		for (size_t i = 0; i < n; i++) {
			const struct lms_schema *s = f->aux;
			size_t len = push_index(c, i);
			bool same = equal_struct(c, s,
					*(char *const *)a + i * s->size,
					*(char *const *)b + i * s->size);

			lms_buf_truncate(&c->path, len);
			if (!same)
				return false;
		}
		return true;
	case LMS_T_STRUCT:
		return equal_struct(c, f->aux, a, b);
	case LMS_T_CUSTOM:
		return equal_custom(c, f, a, b);
	}
	return differ(c, "a field of unknown type %d", f->type);
}

static bool equal_struct(struct cmp *c, const struct lms_schema *s,
			 const void *a, const void *b)
{
	for (const struct lms_field *f = s->fields; f->key; f++) {
		size_t len = push_key(c, f->key);
		bool same = (c->skip && !strcmp(c->path.buf, c->skip)) ||
			    equal_field(c, f, a, b);

		lms_buf_truncate(&c->path, len);
		if (!same)
			return false;
	}
	if (s->extras_offset == LMS_NO_OFFSET)
		return true;
	return equal_extras(c, (const void *)((const char *)a + s->extras_offset),
			    (const void *)((const char *)b + s->extras_offset));
}

bool fuzz_equal(const struct lms_schema *s, const void *a, const void *b,
		const char *skip, struct lms_buf *where)
{
	struct cmp c = { LMS_BUF_INIT, skip, where };
	bool same = equal_struct(&c, s, a, b);

	lms_buf_release(&c.path);
	return same;
}

bool fuzz_equal_list(const struct lms_schema *s, const void *a, size_t na,
		     const void *b, size_t nb, struct lms_buf *where)
{
	struct cmp c = { LMS_BUF_INIT, NULL, where };
	bool same = na == nb || differ(&c, "%zu and %zu records", na, nb);

	for (size_t i = 0; same && i < na; i++) {
		push_index(&c, i);
		same = equal_struct(&c, s, (const char *)a + i * s->size,
				    (const char *)b + i * s->size);
		lms_buf_reset(&c.path);
	}
	lms_buf_release(&c.path);
	return same;
}

/*
 * A headcount is written with both counts, so one that gave only
 * participants reads back with relatives 0: the same count.
 */
static int headcount(const struct lms_session_attendance *s, int n)
{
	bool counted = s->participants != LMS_UNSET ||
		       s->relatives != LMS_UNSET;

	return counted && n == LMS_UNSET ? 0 : n;
}

bool fuzz_equal_attendance(const struct lms_attendance *a,
			   const struct lms_attendance *b,
			   struct lms_buf *where)
{
	struct cmp c = { LMS_BUF_INIT, NULL, where };
	bool same = a->n == b->n || differ(&c, "%zu and %zu sessions", a->n,
					   b->n);

	for (size_t i = 0; same && i < a->n; i++) {
		const struct lms_session_attendance *x = &a->v[i], *y = &b->v[i];
		char date[11];

		lms_date_format(x->date, date);
		push_key(&c, date);
		same = x->date == y->date || differ(&c, "day %d and %d",
						    (int)x->date, (int)y->date);
		same = same && (headcount(x, x->participants) ==
				headcount(y, y->participants) ||
				differ(&c, "%d and %d participants",
				       x->participants, y->participants));
		same = same && (headcount(x, x->relatives) ==
				headcount(y, y->relatives) ||
				differ(&c, "%d and %d relatives", x->relatives,
				       y->relatives));
		same = same && (x->n == y->n ||
				differ(&c, "%zu and %zu marks", x->n, y->n));
		for (size_t j = 0; same && j < x->n; j++)
			same = strings_equal(&c, x->v[j].person, y->v[j].person) &&
			       (x->v[j].presence == y->v[j].presence ||
				differ(&c, "%s: %d and %d", x->v[j].person,
				       x->v[j].presence, y->v[j].presence));
		lms_buf_reset(&c.path);
	}
	lms_buf_release(&c.path);
	return same;
}

void *fuzz_field_at(const struct lms_schema *s, void *obj, const char *keypath,
		    const struct lms_field **out)
{
	const char *k = keypath;

	for (;;) {
		size_t len = strcspn(k, "."), index, count;
		char word[LMS_KEY_MAX];
		const struct lms_field *f;
		char *field;

		if (len >= sizeof(word))
			return NULL;
		memcpy(word, k, len);
		word[len] = '\0';
		if (!(f = lms_schema_field(s, word)))
			return NULL;
		field = (char *)obj + f->offset;
		k += len;
		if (!*k) {
			*out = f;
			return field;
		}
		k++;
		if (f->type == LMS_T_STRUCT) {
			s = f->aux;
			obj = field;
			continue;
		}
		if (f->type != LMS_T_SEQ)
			return NULL;
		index = strtoul(k, NULL, 10);
		count = count_of(f, obj);
		s = f->aux;
		if (index < 1 || index > count)
			return NULL;
		obj = *(char **)field + (index - 1) * s->size;
		k += strcspn(k, ".");
		if (!*k)
			return NULL;
		k++;
	}
}
