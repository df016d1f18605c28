#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "id.h"
#include "join.h"
#include "schema.h"
#include "suggest.h"
#include "utf8.h"

/*
 * One key of the path to the value being read, as messages name it
 * ("sessions.3.start"): the path is made into text only for a message,
 * as most files have none, so a key is held where it already is.
 */
struct key_frame {
	enum { KEY_NAME, KEY_COPY, KEY_ITEM } kind;
	const char *name;	/* KEY_NAME: lives as long as the frame */
	size_t len;		/* of the name */
	size_t n;		/* KEY_COPY: where in copies; KEY_ITEM: from 1 */
};

/* Keys deeper than this are left out of messages (the nesting that
 * lms_yparser allows holds fewer). */
enum { MAX_KEYS = 64 };

struct lms_loader {
	struct lms_yparser p;
	struct lms_diags *diags;
	struct key_frame keys[MAX_KEYS];
	unsigned nkeys;
	struct lms_buf copies;		/* keys pushed from outside */
};

static int load_value(struct lms_loader *ld, const struct lms_event *ev,
		      const struct lms_field *f, void *field);

struct lms_yparser *lms_loader_parser(struct lms_loader *ld)
{
	return &ld->p;
}

static void push_frame(struct lms_loader *ld, struct key_frame k)
{
	if (ld->nkeys < MAX_KEYS)
		ld->keys[ld->nkeys] = k;
	ld->nkeys++;
}

/* A key that outlives its frame: a schema's, or one copied. */
static void push_name(struct lms_loader *ld, const char *key, size_t len)
{
	push_frame(ld, (struct key_frame){ KEY_NAME, key, len, 0 });
}

/* The key of the n-th item of a list (from 1). */
static void push_item_key(struct lms_loader *ld, size_t n)
{
	push_frame(ld, (struct key_frame){ KEY_ITEM, NULL, 0, n });
}

/* A key from an event, which the next event may overwrite: copied. */
void lms_loader_push_key(struct lms_loader *ld, const char *key, size_t len)
{
	push_frame(ld, (struct key_frame){ KEY_COPY, NULL, len,
					   ld->copies.len });
	lms_buf_add(&ld->copies, key, len);
}

void lms_loader_pop_key(struct lms_loader *ld)
{
	struct key_frame *k;

	if (--ld->nkeys >= MAX_KEYS)
		return;
	k = &ld->keys[ld->nkeys];
	if (k->kind == KEY_COPY)
		lms_buf_truncate(&ld->copies, k->n);
}

/* "sessions.3.start" */
static void key_path(const struct lms_loader *ld, struct lms_buf *out)
{
	for (unsigned i = 0; i < ld->nkeys && i < MAX_KEYS; i++) {
		const struct key_frame *k = &ld->keys[i];

		if (i)
			lms_buf_addch(out, '.');
		if (k->kind == KEY_ITEM)
			lms_buf_addf(out, "%zu", k->n);
		else
			lms_buf_add(out, k->kind == KEY_NAME ? k->name :
				    ld->copies.buf + k->n, k->len);
	}
}

int lms_loader_error(struct lms_loader *ld, struct lms_mark at,
		     const char *fmt, ...)
{
	struct lms_buf path = LMS_BUF_INIT;
	char msg[900];
	va_list ap;
	int err;

	va_start(ap, fmt);
	lms_utf8_vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	key_path(ld, &path);
	if (path.len)
		err = lms_yparser_error(&ld->p, at, "%s: %s", path.buf, msg);
	else
		err = lms_yparser_error(&ld->p, at, "%s", msg);
	lms_buf_release(&path);
	return err;
}

/*
 * The things of the files, as messages name them ("unknown key 'x' in
 * course", "expected a list of courses"): the names of the schemas, one
 * and many, translated here, where the messages are.  A schema not
 * listed is named as it is.
 */
static const struct schema_word {
	const char *one, *many;
} schema_words[] = {
	/* TRANSLATORS: the things of lms's files, in messages such as
	 * "unknown key 'x' in course" and "course has no 'title'"; in
	 * Norwegian in the definite form: "kurset".  Then the same in the
	 * plural, as in "expected a list of courses": "kurs". */
	{ NC_("schema", "course"), NC_("schemas", "courses") },
	{ NC_("schema", "session"), NC_("schemas", "sessions") },
	{ NC_("schema", "facilitator"), NC_("schemas", "facilitators") },
	{ NC_("schema", "enrolment"), NC_("schemas", "enrolments") },
	{ NC_("schema", "evaluation"), NC_("schemas", "evaluations") },
	{ NC_("schema", "form"), NC_("schemas", "forms") },
	{ NC_("schema", "item"), NC_("schemas", "items") },
	{ NC_("schema", "scale"), NC_("schemas", "scales") },
	{ NC_("schema", "template"), NC_("schemas", "templates") },
	{ NC_("schema", "person"), NC_("schemas", "people") },
	{ NC_("schema", "service"), NC_("schemas", "services") },
	{ NC_("schema", "closed period"), NC_("schemas", "closed periods") },
	{ NC_("schema", "meeting"), NC_("schemas", "meetings") },
	{ NC_("schema", "offer"), NC_("schemas", "offers") },
	{ NULL, NULL }
};

static const char *schema_word(const struct lms_schema *s, bool plural)
{
	for (const struct schema_word *w = schema_words; w->one; w++)
		if (!strcmp(s->name, w->one))
			return plural ? C_("schemas", w->many) :
					C_("schema", w->one);
	return s->name;
}

static void add_diag(struct lms_loader *ld, struct lms_mark at,
		     const char *key, const struct lms_schema *s)
{
	struct lms_diag *d;
	struct lms_buf msg = LMS_BUF_INIT;

	if (!ld->diags)
		return;
	d = lms_array_push(&ld->diags->v, &ld->diags->n, sizeof(*d));
	d->path = lms_strdup(ld->p.path);
	d->at = at;
	lms_buf_addf(&msg, _("unknown key '%s' in %s"), key,
		     schema_word(s, false));
	d->msg = lms_buf_detach(&msg);
	d->key = lms_strdup(key);
	d->schema = s;
}

void lms_diags_release(struct lms_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		lms_free(d->v[i].path);
		lms_free(d->v[i].msg);
		lms_free(d->v[i].key);
	}
	lms_free(d->v);
	d->v = NULL;
	d->n = 0;
}

/* Scalars */

static bool parse_int(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < -1000000000L || v > 1000000000L)
		return false;
	*out = (int)v;
	return true;
}

static bool parse_real(const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (!*s || *end || errno || !isfinite(v))
		return false;
	*out = v;
	return true;
}

static bool parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "true", "yes", "on", NULL };
	static const char *const no[] = { "false", "no", "off", NULL };

	for (int i = 0; yes[i]; i++) {
		if (!strcasecmp(s, yes[i]))
			return *out = 1, true;
		if (!strcasecmp(s, no[i]))
			return *out = 0, true;
	}
	return false;
}

static int enum_index(const char *const *names, const char *value)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], value))
			return i;
	return -1;
}

static void explain_enum(struct lms_buf *why, const char *s,
			 const char *const *names)
{
	struct lms_buf list = LMS_BUF_INIT;

	lms_join(&list, names, LMS_JOIN_COMMAS);
	/* TRANSLATORS: "'maybe' is not one of yes, no": the values are
	 * words of the files, and stay as they are. */
	lms_buf_addf(why, _("'%s' is not one of %s"), s, list.buf);
	lms_buf_release(&list);
}

int lms_value_parse(const struct lms_field *f, const char *s, void *field,
		    struct lms_buf *why)
{
	int32_t date;
	int i;

	switch (f->type) {
	case LMS_T_STR:
		return 0;
	case LMS_T_ID:
		if (lms_id_valid(s))
			return 0;
		lms_buf_addf(why, _("'%s' is not a valid id (%s)"), s,
			     lms_id_rule());
		return LMS_EDATA;
	case LMS_T_MUNI:
		if (lms_municipality_valid(s))
			return 0;
		lms_buf_addf(why, _("'%s' is not a municipality number "
				     "(four digits)"), s);
		return LMS_EDATA;
	case LMS_T_INT:
		if (parse_int(s, field))
			return 0;
		lms_buf_addf(why, _("'%s' is not a whole number"), s);
		return LMS_EDATA;
	case LMS_T_REAL:
		if (parse_real(s, field))
			return 0;
		lms_buf_addf(why, _("'%s' is not a number"), s);
		return LMS_EDATA;
	case LMS_T_BOOL:
		if (parse_bool(s, field))
			return 0;
		lms_buf_addf(why, _("'%s' is not true or false"), s);
		return LMS_EDATA;
	case LMS_T_DATE:
		if (!lms_date_parse(s, &date)) {
			lms_buf_addf(why, _("'%s' is not a date (YYYY-MM-DD)"), s);
			return LMS_EDATA;
		}
		*(int32_t *)field = date;
		return 0;
	case LMS_T_TIME:
		if (!lms_time_parse(s, &i)) {
			lms_buf_addf(why, _("'%s' is not a time (HH:MM)"), s);
			return LMS_EDATA;
		}
		*(int *)field = i;
		return 0;
	case LMS_T_ENUM:
	case LMS_T_FLAGS:
		/* names[0] is "" so that 0 can mean "not given". */
		i = enum_index(f->aux, s);
		if (i > 0) {
			if (f->type == LMS_T_ENUM)
				*(int *)field = i;
			else
				*(unsigned *)field |= 1u << i;
			return 0;
		}
		explain_enum(why, s, f->aux);
		return LMS_EDATA;
	default:
		lms_buf_adds(why, _("expected a list or mapping"));
		return LMS_EDATA;
	}
}

int lms_loader_scalar(struct lms_loader *ld, const struct lms_event *ev,
		      const struct lms_field *f, void *field)
{
	struct lms_buf why = LMS_BUF_INIT;
	int err;

	if (ev->type != LMS_EV_SCALAR)
		return lms_loader_error(ld, ev->start, "%s",
					ev->type == LMS_EV_SEQ ?
					_("expected a single value, not a "
					  "list") :
					_("expected a single value, not a "
					  "mapping"));
	if ((err = lms_value_parse(f, ev->value, field, &why))) {
		err = lms_loader_error(ld, ev->start, "%s", why.buf);
		lms_buf_release(&why);
		return err;
	}
	if (f->type == LMS_T_STR || f->type == LMS_T_ID || f->type == LMS_T_MUNI) {
		lms_free(*(char **)field);
		*(char **)field = lms_yparser_take(&ld->p, ev);
	}
	return 0;
}

/* Lists */

/* The count of list field f, whose items are at field; not of flags,
 * which are bits of one field. */
static size_t *list_count(void *field, const struct lms_field *f)
{
	return (size_t *)((char *)field - f->offset + f->count_offset);
}

/* The string of a list field, or its flag; from_empty: the list was
 * empty when its reading began. */
static int load_list_item(struct lms_loader *ld, const struct lms_event *ev,
			  const struct lms_field *f, void *field,
			  bool from_empty)
{
	struct lms_field item = *f;
	size_t *count;

	if (lms_event_is_null(ev))
		return 0;
	if (f->type == LMS_T_FLAGS)
		return lms_loader_scalar(ld, ev, f, field);
	item.type = f->type == LMS_T_IDS ? LMS_T_ID :
		    f->type == LMS_T_MUNIS ? LMS_T_MUNI : LMS_T_STR;
	count = list_count(field, f);
	return lms_loader_scalar(ld, ev, &item,
				 lms_array_push_run(field, count, sizeof(char *),
						    from_empty));
}

static int load_list(struct lms_loader *ld, const struct lms_event *ev,
		     const struct lms_field *f, void *field)
{
	bool from_empty = f->type != LMS_T_FLAGS && !*list_count(field, f);
	struct lms_event item;
	unsigned n = 0;
	int err;

	if (ev->type != LMS_EV_SEQ)
		return load_list_item(ld, ev, f, field, false);
	for (;;) {
		if ((err = lms_yparser_next(&ld->p, &item)))
			return err;
		if (item.type == LMS_EV_SEQ_END)
			return 0;
		push_item_key(ld, ++n);
		err = load_list_item(ld, &item, f, field, from_empty);
		lms_loader_pop_key(ld);
		if (err)
			return err;
	}
}

/* Structs */

static int load_struct(struct lms_loader *ld, const struct lms_event *ev,
		       const struct lms_schema *s, void *obj);

static int load_seq(struct lms_loader *ld, const struct lms_event *ev,
		    const struct lms_schema *s, void *arrp, size_t *n)
{
	bool from_empty = !*n;
	struct lms_event item;
	int err;

	if (ev->type != LMS_EV_SEQ)
		return lms_loader_error(ld, ev->start,
					_("expected a list of %s"),
					schema_word(s, true));
	for (;;) {
		void *obj;

		if ((err = lms_yparser_next(&ld->p, &item)))
			return err;
		if (item.type == LMS_EV_SEQ_END)
			return 0;
		obj = lms_array_push_run(arrp, n, s->size, from_empty);
		lms_schema_init(s, obj);
		push_item_key(ld, *n);
		err = load_struct(ld, &item, s, obj);
		lms_loader_pop_key(ld);
		if (err)
			return err;
	}
}

int lms_loader_node(struct lms_loader *ld, const struct lms_event *ev,
		    struct lms_node *out)
{
	struct lms_event item;
	int err;

	memset(out, 0, sizeof(*out));
	out->type = ev->type;
	if (ev->type == LMS_EV_SCALAR) {
		out->scalar = lms_yparser_take(&ld->p, ev);
		out->plain = ev->plain;
		return 0;
	}
	for (;;) {
		if ((err = lms_yparser_next(&ld->p, &item)))
			return err;
		if (item.type == LMS_EV_SEQ_END || item.type == LMS_EV_MAP_END)
			return 0;
		err = lms_loader_node(ld, &item, lms_array_push(&out->items,
								&out->nitems,
								sizeof(*out)));
		if (err)
			return err;
	}
}

void lms_node_release(struct lms_node *n)
{
	for (size_t i = 0; i < n->nitems; i++)
		lms_node_release(&n->items[i]);
	lms_free(n->items);
	lms_free(n->scalar);
	memset(n, 0, sizeof(*n));
}

static int unknown_key(struct lms_loader *ld, const struct lms_schema *s,
		       void *obj, const struct lms_event *key,
		       const struct lms_event *value)
{
	struct lms_extras *extras;
	struct lms_extra *x;

	add_diag(ld, key->start, key->value, s);
	if (s->extras_offset == LMS_NO_OFFSET)
		return lms_yparser_skip(&ld->p, value);
	extras = (struct lms_extras *)((char *)obj + s->extras_offset);
	x = lms_array_push(&extras->v, &extras->n, sizeof(*x));
	x->key = lms_strdup(key->value);
	x->at = key->start;
	return lms_loader_node(ld, value, &x->value);
}

static int check_required(struct lms_loader *ld, const struct lms_schema *s,
			  uint64_t valued, struct lms_mark at)
{
	for (unsigned i = 0; s->fields[i].key; i++)
		if ((s->fields[i].flags & LMS_REQUIRED) && !(valued & (1ull << i)))
			return lms_loader_error(ld, at, _("%s has no '%s'"),
						schema_word(s, false),
						s->fields[i].key);
	return 0;
}

/*
 * Which keys a mapping gave (to refuse a key given twice) and which of
 * them have a value (a required key with a null value is missing).
 */
struct seen {
	uint64_t given, valued;
	const struct lms_field *hint;	/* where to look for the next key */
};

/*
 * The field of key, looked for from the one after the last found (hint)
 * on: lms writes the keys in the schema's order, so that the first
 * compared is most often the one.
 */
static const struct lms_field *field_from(const struct lms_schema *s,
					  const char *key,
					  const struct lms_field **hint)
{
	const struct lms_field *f;

	for (f = *hint; f->key; f++)
		if (!strcmp(f->key, key))
			return *hint = f + 1, f;
	for (f = s->fields; f != *hint; f++)
		if (!strcmp(f->key, key))
			return *hint = f + 1, f;
	return NULL;
}

static int load_field(struct lms_loader *ld, const struct lms_schema *s,
		      void *obj, const struct lms_event *key, struct seen *seen)
{
	const struct lms_field *f = field_from(s, key->value, &seen->hint);
	struct lms_event value;
	uint64_t bit;
	int err;

	if (!f) {
		char *name = lms_strdup(key->value);
		struct lms_event k = *key;

		k.value = name;
		push_name(ld, name, key->len);
		if (!(err = lms_yparser_next(&ld->p, &value)))
			err = unknown_key(ld, s, obj, &k, &value);
		lms_free(name);
		goto out;
	}
	/* The schema's key: the same text, and it outlives the event. */
	push_name(ld, f->key, key->len);
	bit = 1ull << (f - s->fields);
	if (seen->given & bit) {
		err = lms_loader_error(ld, key->start, "%s",
				       _("given twice"));
		goto out;
	}
	seen->given |= bit;
	if ((err = lms_yparser_next(&ld->p, &value)))
		goto out;
	if (!lms_event_is_null(&value)) {
		seen->valued |= bit;
		err = load_value(ld, &value, f, (char *)obj + f->offset);
	}
out:
	lms_loader_pop_key(ld);
	return err;
}

static int load_struct(struct lms_loader *ld, const struct lms_event *ev,
		       const struct lms_schema *s, void *obj)
{
	struct seen seen = { 0, 0, s->fields };
	struct lms_event key;
	int err;

	if (ev->type != LMS_EV_MAP)
		return lms_loader_error(ld, ev->start, _("the %s must be a "
					"mapping of keys to values"),
					schema_word(s, false));
	if (s->mark_offset != LMS_NO_OFFSET)
		*(struct lms_mark *)((char *)obj + s->mark_offset) = ev->start;
	for (;;) {
		if ((err = lms_yparser_next(&ld->p, &key)))
			return err;
		if (key.type == LMS_EV_MAP_END)
			return check_required(ld, s, seen.valued, ev->start);
		if (key.type != LMS_EV_SCALAR)
			return lms_loader_error(ld, key.start,
						"%s", _("a key must be a single "
							"word"));
		if ((err = load_field(ld, s, obj, &key, &seen)))
			return err;
	}
}

static int load_value(struct lms_loader *ld, const struct lms_event *ev,
		      const struct lms_field *f, void *field)
{
	const struct lms_custom *custom;

	switch (f->type) {
	case LMS_T_FLAGS:
	case LMS_T_STRS:
	case LMS_T_IDS:
	case LMS_T_MUNIS:
		return load_list(ld, ev, f, field);
	case LMS_T_SEQ:
		return load_seq(ld, ev, f->aux, field,
				(size_t *)((char *)field - f->offset +
					   f->count_offset));
	case LMS_T_STRUCT:
		return load_struct(ld, ev, f->aux, field);
	case LMS_T_CUSTOM:
		custom = f->aux;
		return custom->load(ld, ev, field);
	default:
		return lms_loader_scalar(ld, ev, f, field);
	}
}

/* Documents */

static int open_document(struct lms_loader *ld, const char *path,
			 const char *text, size_t len, struct lms_diags *diags,
			 struct lms_event *root)
{
	int err;

	memset(ld, 0, sizeof(*ld));
	lms_buf_init(&ld->copies);
	ld->diags = diags;
	if ((err = lms_yparser_init(&ld->p, path, text, len, NULL)))
		return err;
	return lms_yparser_next(&ld->p, root);
}

static void close_document(struct lms_loader *ld)
{
	lms_yparser_release(&ld->p);
	lms_buf_release(&ld->copies);
}

static int finish_document(struct lms_loader *ld)
{
	struct lms_event end;
	int err;

	if ((err = lms_yparser_next(&ld->p, &end)))
		return err;
	if (end.type != LMS_EV_END)
		return lms_loader_error(ld, end.start, "%s",
					_("expected the end of the file"));
	return 0;
}

int lms_load_text(const char *path, const char *text, size_t len,
		  const struct lms_schema *s, void *obj,
		  struct lms_diags *diags)
{
	struct lms_loader ld;
	struct lms_event root;
	int err;

	lms_schema_init(s, obj);
	err = open_document(&ld, path, text, len, diags, &root);
	if (!err && root.type == LMS_EV_END)
		err = lms_yparser_error(&ld.p, root.start, "%s",
					_("the file is empty"));
	if (!err)
		err = load_struct(&ld, &root, s, obj);
	if (!err)
		err = finish_document(&ld);
	close_document(&ld);
	if (err)
		lms_schema_release(s, obj);
	return err;
}

int lms_load_list_text(const char *path, const char *text, size_t len,
		       const struct lms_schema *s, void *arrp, size_t *n,
		       struct lms_diags *diags)
{
	struct lms_loader ld;
	struct lms_event root;
	int err;

	*(void **)arrp = NULL;
	*n = 0;
	err = open_document(&ld, path, text, len, diags, &root);
	if (!err && root.type != LMS_EV_END && !lms_event_is_null(&root))
		err = load_seq(&ld, &root, s, arrp, n);
	if (!err)
		err = finish_document(&ld);
	close_document(&ld);
	if (err) {
		lms_schema_release_array(s, *(void **)arrp, *n);
		*(void **)arrp = NULL;
		*n = 0;
	}
	return err;
}

int lms_load_custom_text(const char *path, const char *text, size_t len,
			 lms_doc_loader *load, void *obj)
{
	struct lms_loader ld;
	struct lms_event root;
	int err;

	err = open_document(&ld, path, text, len, NULL, &root);
	if (!err)
		err = load(&ld, &root, obj);
	if (!err)
		err = finish_document(&ld);
	close_document(&ld);
	return err;
}

/* Schemas */

const struct lms_field *lms_schema_field(const struct lms_schema *s,
					 const char *key)
{
	for (const struct lms_field *f = s->fields; f->key; f++)
		if (!strcmp(f->key, key))
			return f;
	return NULL;
}

void lms_schema_init(const struct lms_schema *s, void *obj)
{
	memset(obj, 0, s->size);
	for (const struct lms_field *f = s->fields; f->key; f++) {
		void *field = (char *)obj + f->offset;

		switch (f->type) {
		case LMS_T_INT:
		case LMS_T_BOOL:
			*(int *)field = LMS_UNSET;
			break;
		case LMS_T_REAL:
			*(double *)field = NAN;
			break;
		case LMS_T_DATE:
			*(int32_t *)field = LMS_DATE_NONE;
			break;
		case LMS_T_TIME:
			*(int *)field = LMS_TIME_NONE;
			break;
		case LMS_T_STRUCT:
			lms_schema_init(f->aux, field);
			break;
		default:
			break;
		}
	}
}

void lms_schema_release_array(const struct lms_schema *s, void *arr, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lms_schema_release(s, (char *)arr + i * s->size);
	lms_free(arr);
}

static void release_field(const struct lms_field *f, void *obj)
{
	void *field = (char *)obj + f->offset;
	size_t *count = f->count_offset == LMS_NO_OFFSET ? NULL :
			(size_t *)((char *)obj + f->count_offset);
	const struct lms_custom *custom;

	switch (f->type) {
	case LMS_T_STR:
	case LMS_T_ID:
	case LMS_T_MUNI:
		lms_free(*(char **)field);
		break;
	case LMS_T_STRS:
	case LMS_T_IDS:
	case LMS_T_MUNIS:
		for (size_t i = 0; i < *count; i++)
			lms_free((*(char ***)field)[i]);
		lms_free(*(char ***)field);
		*count = 0;
		break;
	case LMS_T_SEQ:
		lms_schema_release_array(f->aux, *(void **)field, *count);
		*count = 0;
		break;
	case LMS_T_STRUCT:
		lms_schema_release(f->aux, field);
		break;
	case LMS_T_CUSTOM:
		custom = f->aux;
		custom->release(field);
		break;
	default:
		break;
	}
}

static void copy_strings(const struct lms_field *to, void *dst,
			 const struct lms_field *from, const void *src)
{
	char *const *v = *(char *const *const *)((const char *)src +
						  from->offset);
	size_t n = *(const size_t *)((const char *)src + from->count_offset);
	char **out = n ? lms_calloc(n, sizeof(*out)) : NULL;

	for (size_t i = 0; i < n; i++)
		out[i] = lms_strdup(v[i]);
	*(char ***)((char *)dst + to->offset) = out;
	*(size_t *)((char *)dst + to->count_offset) = n;
}

bool lms_field_copy(const struct lms_field *to, void *dst,
		    const struct lms_field *from, const void *src)
{
	const void *value = (const char *)src + from->offset;
	void *field = (char *)dst + to->offset;

	/* An enumeration or a set of flags is an index into its names:
	 * the same only with the same table. */
	if (to->type != from->type || to->aux != from->aux)
		return false;
	switch (from->type) {
	case LMS_T_STR:
	case LMS_T_ID:
	case LMS_T_MUNI:
		if (*(char *const *)value)
			*(char **)field = lms_strdup(*(char *const *)value);
		return true;
	case LMS_T_INT:
	case LMS_T_BOOL:
	case LMS_T_TIME:
	case LMS_T_ENUM:
		*(int *)field = *(const int *)value;
		return true;
	case LMS_T_FLAGS:
		*(unsigned *)field = *(const unsigned *)value;
		return true;
	case LMS_T_DATE:
		*(int32_t *)field = *(const int32_t *)value;
		return true;
	case LMS_T_REAL:
		*(double *)field = *(const double *)value;
		return true;
	case LMS_T_STRS:
	case LMS_T_IDS:
	case LMS_T_MUNIS:
		copy_strings(to, dst, from, src);
		return true;
	default:
		return false;
	}
}

void lms_schema_release(const struct lms_schema *s, void *obj)
{
	if (!obj)
		return;
	for (const struct lms_field *f = s->fields; f->key; f++)
		release_field(f, obj);
	if (s->extras_offset != LMS_NO_OFFSET) {
		struct lms_extras *x = (struct lms_extras *)((char *)obj +
							     s->extras_offset);

		for (size_t i = 0; i < x->n; i++) {
			lms_free(x->v[i].key);
			lms_node_release(&x->v[i].value);
		}
		lms_free(x->v);
	}
	lms_schema_init(s, obj);
}

static int unknown_in(const struct lms_schema *s, const char *key, size_t len)
{
	const char *names[64];
	char word[LMS_KEY_MAX];
	const char *hint;
	size_t n = 0;

	for (const struct lms_field *f = s->fields; f->key && n < 64; f++)
		names[n++] = f->key;
	snprintf(word, sizeof(word), "%.*s", (int)len, key);
	hint = lms_suggest(word, names, n);
	if (hint)
		return lms_error(LMS_EUSAGE, _("%s has no key '%s'; did you "
				 "mean '%s'?"), schema_word(s, false), word,
				 hint);
	return lms_error(LMS_EUSAGE, _("%s has no key '%s'"),
			 schema_word(s, false), word);
}

int lms_schema_resolve(const struct lms_schema *s, const char *keypath,
		       const struct lms_field **out)
{
	const char *k = keypath;

	for (;;) {
		size_t len = strcspn(k, ".");
		const struct lms_field *f = NULL;
		char word[LMS_KEY_MAX];

		snprintf(word, sizeof(word), "%.*s", (int)len, k);
		if (!(f = lms_schema_field(s, word)))
			return unknown_in(s, k, len);
		k += len;
		if (!*k) {
			*out = f;
			return 0;
		}
		k++;
		if (f->type != LMS_T_SEQ && f->type != LMS_T_STRUCT)
			return lms_error(LMS_EUSAGE, _("'%s' has no parts: '%s'"),
					 word, keypath);
		if (f->type == LMS_T_SEQ) {
			len = strspn(k, "0123456789");
			if (!len || (k[len] != '.' && k[len]))
				return lms_error(LMS_EUSAGE, _("'%s' is a "
						 "list: name an item by its "
						 "number, as in %s.1"), word,
						 word);
			k += len;
			if (!*k)
				return lms_error(LMS_EUSAGE, _("'%s' is a "
						 "whole %s; name one of its "
						 "keys"), keypath,
						 schema_word(f->aux, false));
			k++;
		}
		s = f->aux;
	}
}
