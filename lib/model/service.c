#include <math.h>
#include <string.h>

#include "course.h"
#include "date.h"
#include "error.h"
#include "holiday.h"
#include "i18n.h"
#include "id.h"
#include "municipality.h"
#include "service.h"

const char *const lms_fees_to_names[] = {
	"", "user-representatives", "all", NULL
};

static int load_amount(struct lms_loader *ld, const struct lms_event *ev,
		       void *field)
{
	struct lms_amount *a = field;

	if (ev->type != LMS_EV_SCALAR)
		return lms_loader_error(ld, ev->start, "%s", _("expected an "
					"amount in kroner, such as 250 or "
					"312.50"));
	if (!lms_money_parse(ev->value, &a->ore))
		return lms_loader_error(ld, ev->start, _("'%s' is not an amount "
					"in kroner, such as 250 or 312.50"),
					ev->value);
	a->given = true;
	return 0;
}

static void emit_amount(struct lms_buf *out, const void *field, int indent)
{
	char s[32];

	(void)indent;
	lms_money_format(((const struct lms_amount *)field)->ore, s);
	lms_buf_addf(out, " %s\n", s);
}

static int amount_is_empty(const void *field)
{
	return !((const struct lms_amount *)field)->given;
}

static void release_amount(void *field)
{
	memset(field, 0, sizeof(struct lms_amount));
}

const struct lms_custom lms_amount_custom = {
	load_amount, emit_amount, amount_is_empty, release_amount
};

#define R struct lms_fee_rates
static const struct lms_field fee_fields[] = {
	LMS_CUSTOM_FIELD(R, "per_session", per_session, &lms_amount_custom, 0),
	LMS_CUSTOM_FIELD(R, "per_hour", per_hour, &lms_amount_custom, 0),
	LMS_CUSTOM_FIELD(R, "travel", travel, &lms_amount_custom, 0),
	LMS_CUSTOM_FIELD(R, "yearly_limit", yearly_limit, &lms_amount_custom, 0),
	LMS_ENUM_FIELD(R, "to", to, lms_fees_to_names, 0),
	LMS_FIELD_END
};
#undef R

static const struct lms_schema fees_schema = {
	"fees", sizeof(struct lms_fee_rates), fee_fields,
	offsetof(struct lms_fee_rates, mark), LMS_NO_OFFSET
};

#define C struct lms_closed
static const struct lms_field closed_fields[] = {
	LMS_FIELD(C, "from", LMS_T_DATE, from, LMS_REQUIRED),
	LMS_FIELD(C, "to", LMS_T_DATE, to, 0),
	LMS_FIELD(C, "name", LMS_T_STR, name, 0),
	LMS_FIELD_END
};
#undef C

static const struct lms_schema closed_schema = {
	"closed period", sizeof(struct lms_closed), closed_fields,
	offsetof(struct lms_closed, mark), LMS_NO_OFFSET
};

#define S struct lms_service
static const struct lms_field fields[] = {
	LMS_FIELD(S, "name", LMS_T_STR, name, LMS_REQUIRED),
	LMS_FIELD(S, "municipality", LMS_T_MUNI, municipality,
		  LMS_REQUIRED | LMS_QUOTED),
	LMS_LIST_FIELD(S, "partners", LMS_T_MUNIS, partners, NULL, 0),
	LMS_FIELD(S, "min_cell", LMS_T_INT, min_cell, 0),
	LMS_FIELD(S, "completion", LMS_T_REAL, completion, 0),
	LMS_FIELD(S, "retention_months", LMS_T_INT, retention_months, 0),
	LMS_LIST_FIELD(S, "closed", LMS_T_SEQ, closed, &closed_schema, 0),
	LMS_ENUM_FIELD(S, "language", language, lms_lang_names, 0),
	LMS_FIELD(S, "phone", LMS_T_STR, phone, 0),
	LMS_FIELD(S, "email", LMS_T_STR, email, 0),
	LMS_STRUCT_FIELD(S, "fees", fees, &fees_schema, 0),
	LMS_FIELD_END
};
#undef S

const struct lms_schema lms_service_schema = {
	"service", sizeof(struct lms_service), fields, LMS_NO_OFFSET,
	LMS_NO_OFFSET
};

/* A period without an end is one day; one that ends before it starts
 * is a typo. */
static int check_closed(struct lms_service *s, const char *path)
{
	char from[11], to[11];

	for (size_t i = 0; i < s->nclosed; i++) {
		struct lms_closed *c = &s->closed[i];

		if (c->to == LMS_DATE_NONE)
			c->to = c->from;
		if (c->to >= c->from)
			continue;
		lms_date_format(c->from, from);
		lms_date_format(c->to, to);
		return lms_error_at(LMS_EDATA, path, c->mark.line, c->mark.col,
				    _("closed.%zu: the period ends on %s, "
				      "before it starts on %s"), i + 1, to, from);
	}
	return 0;
}

static int check(struct lms_service *s, const char *path)
{
	if (s->min_cell < 1 || s->min_cell > LMS_MIN_CELL_MAX)
		return lms_error_at(LMS_EDATA, path, 0, 0, _("min_cell: must "
				    "be from 1 to %d"), LMS_MIN_CELL_MAX);
	/* With 2 a drawn group is one person, which a report tells by its
	 * marks and by what it leaves out; with 3, a piece of 4 split in two
	 * can show its part of 1 (see protect.h). */
	if (s->min_cell == 2 || s->min_cell == 3)
		return lms_error_at(LMS_EDATA, path, 0, 0, _("min_cell: %d is "
				    "too small to protect anyone; use 4 or more "
				    "(or 1 for no protection)"), s->min_cell);
	if (!(s->completion > 0 && s->completion <= 1))
		return lms_error_at(LMS_EDATA, path, 0, 0, "%s",
				    _("completion: must be a share above 0 "
				      "and at most 1"));
	if (s->retention_months < 1)
		return lms_error_at(LMS_EDATA, path, 0, 0, "%s",
				    _("retention_months: must be 1 or more"));
	return check_closed(s, path);
}

int lms_service_load(struct lms_service *out, const char *path,
		     const char *text, size_t len)
{
	int err = lms_load_text(path, text, len, &lms_service_schema, out, NULL);

	if (err)
		return err;
	if (out->min_cell == LMS_UNSET)
		out->min_cell = 5;
	if (isnan(out->completion))
		out->completion = 0.75;
	if (out->retention_months == LMS_UNSET)
		out->retention_months = 24;
	if ((err = check(out, path)))
		lms_service_release(out);
	return err;
}

void lms_service_release(struct lms_service *s)
{
	lms_schema_release(&lms_service_schema, s);
}

int lms_service_serves(const struct lms_service *s, const char *muni)
{
	if (!muni || !strcmp(s->municipality, muni))
		return 1;
	for (size_t i = 0; i < s->npartners; i++)
		if (!strcmp(s->partners[i], muni))
			return 1;
	return 0;
}

int lms_service_municipality(const struct lms_service *s, const char *text,
			     char out[5], int *how)
{
	size_t lead = strspn(text, " "), len = strcspn(text + lead, " ");

	if (len == 4 && !text[lead + len + strspn(text + lead + len, " ")]) {
		memcpy(out, text + lead, 4);
		out[4] = '\0';
		if (lms_municipality_valid(out) && lms_service_serves(s, out)) {
			*how = LMS_MUNI_NUMBER;
			return 0;
		}
	}
	return lms_municipality_lookup(text, out, how);
}

bool lms_service_day_off(const struct lms_service *s, int32_t date,
			 struct lms_day_off *out)
{
	out->holiday = lms_holiday_name(date);
	out->closed = NULL;
	for (size_t i = 0; i < s->nclosed && !out->closed; i++)
		if (s->closed[i].from <= date && date <= s->closed[i].to)
			out->closed = &s->closed[i];
	return out->holiday || out->closed;
}

void lms_service_new_days_off(const struct lms_service *s,
			      const struct lms_course *before,
			      const struct lms_course *after,
			      lms_day_off_fn *fn, void *arg)
{
	struct lms_day_off why;

	for (size_t i = 0; i < after->nsessions; i++) {
		int32_t d = after->sessions[i].date;

		if (!lms_course_has_session(before, d) &&
		    lms_service_day_off(s, d, &why))
			fn(d, &why, arg);
	}
}
