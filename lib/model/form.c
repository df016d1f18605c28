#include <string.h>

#include "error.h"
#include "i18n.h"
#include "form.h"

static const char *const item_type_names[] = { "", "scale", "text", NULL };
static const char *const score_names[] = { "", "mean", "sum", NULL };

#define S struct lms_scale
static const struct lms_field scale_fields[] = {
	LMS_FIELD(S, "min", LMS_T_INT, min, LMS_REQUIRED),
	LMS_FIELD(S, "max", LMS_T_INT, max, LMS_REQUIRED),
	LMS_LIST_FIELD(S, "labels", LMS_T_STRS, labels, NULL, 0),
	LMS_FIELD_END
};
#undef S

static const struct lms_schema scale_schema = {
	"scale", sizeof(struct lms_scale), scale_fields, LMS_NO_OFFSET,
	LMS_NO_OFFSET
};

#define I struct lms_form_item
static const struct lms_field item_fields[] = {
	LMS_FIELD(I, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FIELD(I, "text", LMS_T_STR, text, LMS_REQUIRED),
	LMS_ENUM_FIELD(I, "type", type, item_type_names, 0),
	LMS_FIELD(I, "reverse", LMS_T_BOOL, reverse, 0),
	LMS_FIELD_END
};
#undef I

static const struct lms_schema item_schema = {
	"item", sizeof(struct lms_form_item), item_fields,
	offsetof(struct lms_form_item, mark), LMS_NO_OFFSET
};

#define F struct lms_form
static const struct lms_field form_fields[] = {
	LMS_FIELD(F, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FIELD(F, "title", LMS_T_STR, title, LMS_REQUIRED),
	LMS_FIELD(F, "description", LMS_T_STR, description, 0),
	LMS_STRUCT_FIELD(F, "scale", scale, &scale_schema, 0),
	LMS_ENUM_FIELD(F, "score", score, score_names, 0),
	LMS_LIST_FIELD(F, "items", LMS_T_SEQ, items, &item_schema, LMS_REQUIRED),
	LMS_FIELD_END
};
#undef F

const struct lms_schema lms_form_schema = {
	"form", sizeof(struct lms_form), form_fields,
	offsetof(struct lms_form, mark), LMS_NO_OFFSET
};

static int check_scale(const struct lms_form *f, const char *path)
{
	bool has_scale_items = false;

	for (size_t i = 0; i < f->nitems; i++)
		has_scale_items |= f->items[i].type == LMS_ITEM_SCALE;
	if (!has_scale_items)
		return 0;
	if (f->scale.min == LMS_UNSET)
		return lms_error_at(LMS_EDATA, path, f->mark.line, f->mark.col,
				    _("form has scale items but no scale: "
				      "{min, max}"));
	if (f->scale.max <= f->scale.min)
		return lms_error_at(LMS_EDATA, path, f->mark.line, f->mark.col,
				    _("scale: max must be above min"));
	if (f->scale.max - f->scale.min > 100)
		return lms_error_at(LMS_EDATA, path, f->mark.line, f->mark.col,
				    _("scale: more than 101 steps"));
	if (f->scale.nlabels &&
	    f->scale.nlabels != (size_t)(f->scale.max - f->scale.min + 1))
		return lms_error_at(LMS_EDATA, path, f->mark.line, f->mark.col,
				    _("scale: %zu labels for %d steps"),
				    f->scale.nlabels,
				    f->scale.max - f->scale.min + 1);
	return 0;
}

static int check(const struct lms_form *f, const char *path, const char *id)
{
	if (id && strcmp(f->id, id))
		return lms_error_at(LMS_EDATA, path, f->mark.line, f->mark.col,
				    _("id '%s' differs from the file name "
				      "'%s'"),
				    f->id, id);
	if (!f->nitems)
		return lms_error_at(LMS_EDATA, path, f->mark.line, f->mark.col,
				    _("form has no items"));
	for (size_t i = 0; i < f->nitems; i++) {
		const struct lms_form_item *it = &f->items[i];

		for (size_t j = 0; j < i; j++)
			if (!strcmp(f->items[j].id, it->id))
				return lms_error_at(LMS_EDATA, path,
						    it->mark.line, it->mark.col,
						    _("item '%s' is listed "
						      "twice"),
						    it->id);
		if (it->type == LMS_ITEM_TEXT && it->reverse == 1)
			return lms_error_at(LMS_EDATA, path, it->mark.line,
					    it->mark.col, _("item '%s': a text "
					    "item cannot be reversed"), it->id);
	}
	return check_scale(f, path);
}

int lms_form_load(struct lms_form *out, const char *path, const char *text,
		  size_t len, const char *file_id, struct lms_diags *diags)
{
	int err = lms_load_text(path, text, len, &lms_form_schema, out, diags);

	if (err)
		return err;
	if (!out->score)
		out->score = LMS_SCORE_MEAN;
	for (size_t i = 0; i < out->nitems; i++) {
		if (!out->items[i].type)
			out->items[i].type = LMS_ITEM_SCALE;
		if (out->items[i].reverse == LMS_UNSET)
			out->items[i].reverse = 0;
	}
	if ((err = check(out, path, file_id)))
		lms_form_release(out);
	return err;
}

void lms_form_release(struct lms_form *f)
{
	lms_schema_release(&lms_form_schema, f);
}

const struct lms_form_item *lms_form_item(const struct lms_form *f,
					  const char *id)
{
	for (size_t i = 0; i < f->nitems; i++)
		if (!strcmp(f->items[i].id, id))
			return &f->items[i];
	return NULL;
}
