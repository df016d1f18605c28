#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "id.h"
#include "suggest.h"
#include "yedit.h"
#include "offer.h"

/* The kinds the services name (see lms-files(5)); people read them
 * translated, in their context. */
const char *const lms_offer_kind_names[] = {
	"", NC_("offer kind", "self-help-group"),
	NC_("offer kind", "healthy-life-centre"),
	NC_("offer kind", "user-organisation"),
	NC_("offer kind", "learning-and-coping-centre"),
	NC_("offer kind", "other"), NULL
};

#define F struct lms_offer
static const struct lms_field fields[] = {
	LMS_FIELD(F, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FIELD(F, "name", LMS_T_STR, name, LMS_REQUIRED),
	LMS_ENUM_FIELD(F, "kind", kind, lms_offer_kind_names, LMS_REQUIRED),
	LMS_FIELD(F, "phone", LMS_T_STR, phone, LMS_QUOTED),
	LMS_FIELD(F, "email", LMS_T_STR, email, 0),
	LMS_FIELD(F, "web", LMS_T_STR, web, 0),
	LMS_FIELD(F, "municipality", LMS_T_MUNI, municipality, LMS_QUOTED),
	LMS_FIELD(F, "note", LMS_T_STR, note, 0),
	LMS_FIELD_END
};
#undef F

const struct lms_schema lms_offer_schema = {
	"offer", sizeof(struct lms_offer), fields,
	offsetof(struct lms_offer, mark), offsetof(struct lms_offer, extras)
};

int lms_offers_load(struct lms_offers *out, const char *path,
		    const char *text, size_t len, struct lms_diags *diags)
{
	int err = lms_load_list_text(path, text, len, &lms_offer_schema,
				     &out->v, &out->n, diags);

	if (err) {
		out->v = NULL;
		out->n = 0;
		return err;
	}
	for (size_t i = 0; i < out->n; i++) {
		const struct lms_offer *f = &out->v[i];

		if (lms_offer_find(out, f->id) == f)
			continue;
		err = lms_error_at(LMS_EDATA, path, f->mark.line, f->mark.col,
				   _("offer '%s' is listed twice"), f->id);
		lms_offers_release(out);
		return err;
	}
	return 0;
}

void lms_offers_release(struct lms_offers *o)
{
	lms_schema_release_array(&lms_offer_schema, o->v, o->n);
	o->v = NULL;
	o->n = 0;
}

const struct lms_offer *lms_offer_find(const struct lms_offers *o,
				       const char *id)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->v[i].id, id))
			return &o->v[i];
	return NULL;
}

bool lms_offer_named(const struct lms_offers *o, const char *follow_up)
{
	return o->n && follow_up && lms_id_valid(follow_up);
}

int lms_offer_check(const struct lms_offers *o, const char *follow_up)
{
	const char **ids;
	const char *hint;
	int err;

	if (!lms_offer_named(o, follow_up) || lms_offer_find(o, follow_up))
		return 0;
	ids = lms_calloc(o->n, sizeof(*ids));
	for (size_t i = 0; i < o->n; i++)
		ids[i] = o->v[i].id;
	hint = lms_suggest(follow_up, ids, o->n);
	if (hint)
		err = lms_error(LMS_ENOENT, _("no such offer: '%s' (did you "
					      "mean '%s'?)"), follow_up, hint);
	else
		err = lms_error(LMS_ENOENT, _("no such offer: '%s' (see lms "
					      "offer list)"), follow_up);
	lms_free(ids);
	return err;
}

int lms_offer_append(struct lms_buf *text, const char *path,
		     const struct lms_offer *f)
{
	struct lms_offers all;
	int err = lms_yedit_append_record(text, path, "", &lms_offer_schema,
					  f);

	/* The result must load, as a hand edit would be checked. */
	if (!err && !(err = lms_offers_load(&all, path, text->buf, text->len,
					    NULL)))
		lms_offers_release(&all);
	return err;
}

const char *lms_offer_private_contact(const struct lms_offer *o,
				      const struct lms_register *r)
{
	if (o->phone && lms_register_match(r, o->phone, NULL))
		return "phone";
	if (o->email && lms_register_match(r, NULL, o->email))
		return "email";
	return NULL;
}
