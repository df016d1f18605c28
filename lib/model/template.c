#include <string.h>

#include "course.h"
#include "date.h"
#include "error.h"
#include "followup.h"
#include "i18n.h"
#include "template.h"

#define S struct lms_template_session
static const struct lms_field session_fields[] = {
	LMS_FIELD(S, "theme", LMS_T_STR, theme, LMS_REQUIRED),
	LMS_FIELD(S, "duration", LMS_T_INT, duration, LMS_REQUIRED),
	LMS_FIELD_END
};
#undef S

static const struct lms_schema session_schema = {
	"session", sizeof(struct lms_template_session), session_fields,
	offsetof(struct lms_template_session, mark), LMS_NO_OFFSET
};

#define T struct lms_template
static const struct lms_field fields[] = {
	LMS_FIELD(T, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FIELD(T, "title", LMS_T_STR, title, LMS_REQUIRED),
	LMS_FIELD(T, "description", LMS_T_STR, description, 0),
	LMS_FLAGS_FIELD(T, "target_groups", target_groups,
			lms_target_group_names, 0),
	LMS_LIST_FIELD(T, "topics", LMS_T_STRS, topics, NULL, 0),
	LMS_FIELD(T, "diagnosis_independent", LMS_T_BOOL,
		  diagnosis_independent, 0),
	LMS_FIELD(T, "capacity", LMS_T_INT, capacity, 0),
	LMS_FIELD(T, "waitlist", LMS_T_BOOL, waitlist, 0),
	LMS_FIELD(T, "place", LMS_T_STR, place, 0),
	LMS_FLAGS_FIELD(T, "days", days, lms_weekday_names, 0),
	LMS_FIELD(T, "start", LMS_T_TIME, start, 0),
	LMS_LIST_FIELD(T, "sessions", LMS_T_SEQ, sessions, &session_schema,
		       LMS_REQUIRED),
	LMS_LIST_FIELD(T, "forms", LMS_T_IDS, forms, NULL, 0),
	LMS_LIST_FIELD(T, "follow_up", LMS_T_STRS, follow_up, NULL, 0),
	LMS_FIELD(T, "followup_after", LMS_T_STR, followup_after, 0),
	LMS_PUBLIC_FIELDS(T, pub),
	LMS_FIELD_END
};
#undef T

const struct lms_schema lms_template_schema = {
	"template", sizeof(struct lms_template), fields,
	offsetof(struct lms_template, mark), LMS_NO_OFFSET
};

static int check(const struct lms_template *t, const char *path,
		 const char *id)
{
	if (id && strcmp(t->id, id))
		return lms_error_at(LMS_EDATA, path, t->mark.line, t->mark.col,
				    _("id '%s' differs from the file name "
				      "'%s'"), t->id, id);
	if (!t->nsessions)
		return lms_error_at(LMS_EDATA, path, t->mark.line, t->mark.col,
				    _("template has no sessions"));
	if (t->capacity != LMS_UNSET && t->capacity < 0)
		return lms_error_at(LMS_EDATA, path, t->mark.line, t->mark.col,
				    _("capacity: must not be negative"));
	if (lms_followup_after_check(t->followup_after, path, &t->mark) ||
	    lms_public_check(&t->pub, path, t->mark))
		return LMS_EDATA;
	for (size_t i = 0; i < t->nsessions; i++) {
		const struct lms_template_session *s = &t->sessions[i];

		if (s->duration < 1 || s->duration > 24 * 60)
			return lms_error_at(LMS_EDATA, path, s->mark.line,
					    s->mark.col,
					    _("sessions.%zu.duration: must be 1 "
					      "to 1440 minutes"), i + 1);
	}
	return 0;
}

int lms_template_load(struct lms_template *out, const char *path,
		      const char *text, size_t len, const char *file_id,
		      struct lms_diags *diags)
{
	int err = lms_load_text(path, text, len, &lms_template_schema, out,
				diags);

	if (err)
		return err;
	/* The schema gives names[i] bit i, and names[0] is ""; the days
	 * are kept as everywhere else, as date.h's LMS_MON... bits. */
	out->days >>= 1;
	if ((err = check(out, path, file_id)))
		lms_template_release(out);
	return err;
}

void lms_template_release(struct lms_template *t)
{
	lms_schema_release(&lms_template_schema, t);
}

