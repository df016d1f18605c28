#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "collate.h"
#include "date.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "service.h"
#include "yedit.h"
#include "facilitator.h"
#include "strset.h"
#include "suggest.h"

/* People read these names translated, in their context (C_). */
const char *const lms_kind_names[] = {
	"", NC_("facilitator kind", "professional"),
	NC_("facilitator kind", "user-representative"), NULL
};

static int load_available(struct lms_loader *ld, const struct lms_event *ev,
			  void *field)
{
	static const struct lms_field date = { "available", LMS_T_DATE, 0,
					       LMS_NO_OFFSET, NULL, 0 };
	static const struct lms_field flag = { "available", LMS_T_BOOL, 0,
					       LMS_NO_OFFSET, NULL, 0 };
	struct lms_yparser *p = lms_loader_parser(ld);
	struct lms_availability *a = field;
	struct lms_event e;
	int32_t *ends[2] = { &a->from, &a->to };
	int err, on;

	if (ev->type == LMS_EV_SCALAR) {
		if ((err = lms_loader_scalar(ld, ev, &flag, &on)))
			return err;
		a->mode = on ? LMS_AVAIL_ALWAYS : LMS_AVAIL_NEVER;
		return 0;
	}
	if (ev->type != LMS_EV_SEQ)
		return lms_loader_error(ld, ev->start, _("expected true, false "
					"or [FROM, TO]"));
	for (int i = 0;; i++) {
		if ((err = lms_yparser_next(p, &e)))
			return err;
		if (e.type == LMS_EV_SEQ_END && i == 2)
			break;
		if (i == 2 || e.type == LMS_EV_SEQ_END)
			return lms_loader_error(ld, e.start, _("expected two "
						"dates, [FROM, TO]"));
		if ((err = lms_loader_scalar(ld, &e, &date, ends[i])))
			return err;
	}
	if (a->to < a->from)
		return lms_loader_error(ld, ev->start, _("the range ends before "
					"it starts"));
	a->mode = LMS_AVAIL_RANGE;
	return 0;
}

void lms_availability_format(struct lms_buf *out,
			     const struct lms_availability *a)
{
	char from[11], to[11];

	if (a->mode != LMS_AVAIL_RANGE) {
		lms_buf_adds(out, a->mode == LMS_AVAIL_NEVER ? "false" : "true");
		return;
	}
	lms_date_format(a->from, from);
	lms_date_format(a->to, to);
	lms_buf_addf(out, "[%s, %s]", from, to);
}

static void emit_available(struct lms_buf *out, const void *field, int indent)
{
	(void)indent;
	lms_buf_addch(out, ' ');
	lms_availability_format(out, field);
	lms_buf_addch(out, '\n');
}

static int available_is_empty(const void *field)
{
	return ((const struct lms_availability *)field)->mode == LMS_AVAIL_UNSET;
}

static void release_available(void *field)
{
	memset(field, 0, sizeof(struct lms_availability));
}

static const struct lms_custom available = {
	load_available, emit_available, available_is_empty, release_available
};

#define F struct lms_facilitator
static const struct lms_field fields[] = {
	LMS_FIELD(F, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FIELD(F, "name", LMS_T_STR, name, LMS_REQUIRED),
	LMS_ENUM_FIELD(F, "kind", kind, lms_kind_names, LMS_REQUIRED),
	LMS_FIELD(F, "profession", LMS_T_STR, profession, 0),
	LMS_FIELD(F, "organisation", LMS_T_STR, organisation, 0),
	LMS_LIST_FIELD(F, "topics", LMS_T_STRS, topics, NULL, 0),
	LMS_LIST_FIELD(F, "trained", LMS_T_STRS, trained, NULL, 0),
	LMS_CUSTOM_FIELD(F, "available", available, &available, 0),
	LMS_FIELD(F, "email", LMS_T_STR, email, 0),
	LMS_FIELD(F, "phone", LMS_T_STR, phone, LMS_QUOTED),
	LMS_FIELD(F, "fee", LMS_T_BOOL, fee, 0),
	LMS_CUSTOM_FIELD(F, "travel", travel, &lms_amount_custom, 0),
	LMS_FIELD_END
};
#undef F

const struct lms_schema lms_facilitator_schema = {
	"facilitator", sizeof(struct lms_facilitator), fields,
	offsetof(struct lms_facilitator, mark),
	offsetof(struct lms_facilitator, extras)
};

int lms_facilitators_load(struct lms_facilitator **out, size_t *n,
			  const char *path, const char *text, size_t len,
			  struct lms_diags *diags)
{
	struct lms_strset seen;
	int err = lms_load_list_text(path, text, len, &lms_facilitator_schema,
				     out, n, diags);

	if (err)
		return err;
	/* A set, not a comparison of every pair: a national registry has
	 * thousands, and every report and check reads it. */
	lms_strset_init(&seen);
	for (size_t i = 0; i < *n && !err; i++) {
		if (lms_strset_add(&seen, (*out)[i].id, NULL))
			continue;
		err = lms_error_at(LMS_EDATA, path, (*out)[i].mark.line,
				   (*out)[i].mark.col, _("facilitator '%s' is "
				   "listed twice"), (*out)[i].id);
		lms_facilitators_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	lms_strset_release(&seen);
	return err;
}

void lms_facilitators_free(struct lms_facilitator *v, size_t n)
{
	lms_schema_release_array(&lms_facilitator_schema, v, n);
}

const struct lms_facilitator *lms_facilitator_find(
	const struct lms_facilitator *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].id, id))
			return &v[i];
	return NULL;
}

/* The id in all closest to id, if id looks like a typo of it. */
static const char *closest_id(const struct lms_facilitator *all, size_t nall,
			      const char *id)
{
	const char **ids = lms_calloc(nall + 1, sizeof(*ids));
	const char *hint;

	for (size_t i = 0; i < nall; i++)
		ids[i] = all[i].id;
	hint = lms_suggest(id, ids, nall);
	lms_free(ids);
	return hint;
}

int lms_facilitator_check(const struct lms_facilitator *all, size_t nall,
			  const char *id, size_t session)
{
	const char *hint;

	if (lms_facilitator_find(all, nall, id))
		return 0;
	if (session)
		return lms_error(LMS_ENOENT, _("sessions.%zu.led_by: no such "
					       "facilitator: '%s'"), session, id);
	if ((hint = closest_id(all, nall, id)))
		return lms_error(LMS_ENOENT, _("no such facilitator: '%s'; did "
					       "you mean '%s'?"), id, hint);
	return lms_error(LMS_ENOENT, _("no such facilitator: '%s' (see lms "
				       "facilitator add)"), id);
}

bool lms_availability_parse_input(const char *s, struct lms_availability *out)
{
	const char *colon = strchr(s, ':');
	char from[16];

	if (!strcmp(s, "true") || !strcmp(s, "false")) {
		out->mode = *s == 't' ? LMS_AVAIL_ALWAYS : LMS_AVAIL_NEVER;
		return true;
	}
	if (!colon || (size_t)(colon - s) >= sizeof(from))
		return false;
	memcpy(from, s, (size_t)(colon - s));
	from[colon - s] = '\0';
	if (!lms_date_parse_input(from, &out->from) ||
	    !lms_date_parse_input(colon + 1, &out->to) || out->to < out->from)
		return false;
	out->mode = LMS_AVAIL_RANGE;
	return true;
}

void lms_facilitator_describe(struct lms_buf *out,
			      const struct lms_facilitator *f, const char *key)
{
	const struct lms_field *field =
		lms_schema_field(&lms_facilitator_schema, key);
	const void *value;

	if (!field)
		return;
	value = (const char *)f + field->offset;
	if (field->type == LMS_T_CUSTOM) {
		if (f->available.mode != LMS_AVAIL_UNSET)
			lms_availability_format(out, &f->available);
	} else if (!lms_field_is_empty(field, value)) {
		lms_emit_value(out, field, value, 0);
	}
}

bool lms_facilitator_word_in(char *const *v, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (lms_collate_same(v[i], w))
			return true;
	return false;
}

bool lms_facilitator_available_on(const struct lms_facilitator *f,
				  int32_t date)
{
	switch (f->available.mode) {
	case LMS_AVAIL_NEVER:
		return false;
	case LMS_AVAIL_RANGE:
		return date >= f->available.from && date <= f->available.to;
	default:
		return true;
	}
}

int lms_facilitator_append(struct lms_buf *text, const char *path,
			   const struct lms_facilitator *f)
{
	struct lms_facilitator *all;
	size_t nall;
	int err = lms_yedit_append_record(text, path, "",
					  &lms_facilitator_schema, f);

	/* The result must load, as a hand edit would be checked. */
	if (!err && !(err = lms_facilitators_load(&all, &nall, path, text->buf,
						  text->len, NULL)))
		lms_facilitators_free(all, nall);
	return err;
}
