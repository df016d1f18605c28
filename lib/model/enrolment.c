#include <string.h>

#include "emit.h"
#include "enrolment.h"
#include "error.h"
#include "i18n.h"
#include "strset.h"

/* People read these names translated, in their context (C_). */
const char *const lms_role_names[] = {
	"", NC_("role", "participant"), NC_("role", "relative"),
	NC_("role", "staff"), NULL
};
const char *const lms_enrolment_status_names[] = {
	"", NC_("enrolment status", "enrolled"),
	NC_("enrolment status", "waitlisted"),
	NC_("enrolment status", "withdrawn"),
	NC_("enrolment status", "completed"),
	NC_("enrolment status", "not-completed"), NULL
};
const char *const lms_referral_names[] = {
	"", NC_("referral", "self"), NC_("referral", "gp"),
	NC_("referral", "healthy-life-centre"), NC_("referral", "specialist"),
	NC_("referral", "municipal"), NC_("referral", "nav"),
	NC_("referral", "user-organisation"), NC_("referral", "other"), NULL
};

#define E struct lms_enrolment
static const struct lms_field fields[] = {
	LMS_FIELD(E, "person", LMS_T_ID, person, LMS_REQUIRED),
	LMS_ENUM_FIELD(E, "role", role, lms_role_names, LMS_REQUIRED),
	LMS_ENUM_FIELD(E, "status", status, lms_enrolment_status_names,
		       LMS_REQUIRED),
	LMS_FIELD(E, "requested", LMS_T_DATE, requested, LMS_REQUIRED),
	LMS_ENUM_FIELD(E, "referral", referral, lms_referral_names, 0),
	LMS_FIELD(E, "municipality", LMS_T_MUNI, municipality, LMS_QUOTED),
	LMS_FIELD(E, "relative_of", LMS_T_ID, relative_of, 0),
	LMS_FIELD(E, "follow_up", LMS_T_STR, follow_up, 0),
	LMS_FIELD(E, "carried_to", LMS_T_ID, carried_to, 0),
	LMS_FIELD(E, "moved_up", LMS_T_DATE, moved_up, 0),
	LMS_FIELD(E, "still_in_group", LMS_T_BOOL, still_in_group, 0),
	LMS_FIELD_END
};
#undef E

const struct lms_schema lms_enrolment_schema = {
	"enrolment", sizeof(struct lms_enrolment), fields,
	offsetof(struct lms_enrolment, mark),
	offsetof(struct lms_enrolment, extras)
};

int lms_enrolments_load(struct lms_enrolments *out, const char *path,
			const char *text, size_t len)
{
	int err = lms_load_list_text(path, text, len, &lms_enrolment_schema,
				     &out->v, &out->n, NULL);
	struct lms_strset seen;

	/* One record per person and course: a second would make the
	 * waiting list and the counts ambiguous. */
	lms_strset_init(&seen);
	for (size_t i = 0; !err && i < out->n; i++)
		if (!lms_strset_add(&seen, out->v[i].person, NULL))
			err = lms_error_at(LMS_EDATA, path, out->v[i].mark.line,
					   out->v[i].mark.col, _("person '%s' "
					   "has two records"), out->v[i].person);
	lms_strset_release(&seen);
	if (err)
		lms_enrolments_release(out);
	return err;
}

void lms_enrolments_release(struct lms_enrolments *e)
{
	lms_schema_release_array(&lms_enrolment_schema, e->v, e->n);
	e->v = NULL;
	e->n = 0;
}

void lms_enrolments_emit(struct lms_buf *out, const struct lms_enrolments *e)
{
	lms_emit_list(out, &lms_enrolment_schema, e->v, e->n, 0);
}

struct lms_enrolment *lms_enrolments_find(const struct lms_enrolments *e,
					  const char *person)
{
	for (size_t i = 0; i < e->n; i++)
		if (!strcmp(e->v[i].person, person))
			return &e->v[i];
	return NULL;
}

struct lms_enrolment *lms_enrolments_find_on_course(
	const struct lms_enrolments *e, const char *person, const char *course,
	int *err)
{
	struct lms_enrolment *r = lms_enrolments_find(e, person);

	*err = 0;
	if (r && lms_enrolment_on_course(r->status))
		return r;
	if (r && r->status == LMS_WAITLISTED)
		*err = lms_error(LMS_ENOENT, _("%s is on the waiting list of "
					       "course '%s', not on the "
					       "course"), person, course);
	else if (r && r->status == LMS_WITHDRAWN)
		*err = lms_error(LMS_ENOENT, _("%s withdrew from course '%s'"),
				 person, course);
	else
		*err = lms_error(LMS_ENOENT, _("%s is not on course '%s'"),
				 person, course);
	return NULL;
}

size_t lms_enrolments_count(const struct lms_enrolments *e, int status)
{
	size_t n = 0;

	for (size_t i = 0; i < e->n; i++)
		n += e->v[i].status == status;
	return n;
}

bool lms_enrolment_on_course(int status)
{
	return status == LMS_ENROLLED || status == LMS_COMPLETED ||
	       status == LMS_NOT_COMPLETED;
}

size_t lms_enrolments_on_course(const struct lms_enrolments *e)
{
	size_t n = 0;

	for (size_t i = 0; i < e->n; i++)
		n += lms_enrolment_on_course(e->v[i].status);
	return n;
}
