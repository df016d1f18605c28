#include <math.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "yedit.h"
#include "meeting.h"

const char *const lms_meeting_kind_names[] = {
	"", NC_("meeting kind", "plan"), NC_("meeting kind", "evaluate"),
	NC_("meeting kind", "other"), NULL
};

#define M struct lms_meeting
static const struct lms_field fields[] = {
	LMS_FIELD(M, "date", LMS_T_DATE, date, LMS_REQUIRED),
	LMS_ENUM_FIELD(M, "kind", kind, lms_meeting_kind_names, LMS_REQUIRED),
	LMS_FIELD(M, "hours", LMS_T_REAL, hours, 0),
	LMS_LIST_FIELD(M, "with", LMS_T_IDS, with, NULL, LMS_FLOW),
	LMS_FIELD(M, "note", LMS_T_STR, note, 0),
	LMS_FIELD_END
};
#undef M

const struct lms_schema lms_meeting_schema = {
	"meeting", sizeof(struct lms_meeting), fields,
	offsetof(struct lms_meeting, mark), LMS_NO_OFFSET
};

static int check(const struct lms_meeting *m, const char *path)
{
	if (!m->nwith)
		return lms_error_at(LMS_EDATA, path, m->mark.line, m->mark.col,
				    _("with: name the facilitators who took "
				      "part in the meeting"));
	if (!isnan(m->hours) && !(m->hours > 0 && m->hours <= 24))
		return lms_error_at(LMS_EDATA, path, m->mark.line, m->mark.col,
				    _("hours: must be more than 0 and at "
				      "most 24"));
	return 0;
}

int lms_meetings_load(struct lms_meetings *out, const char *path,
		      const char *text, size_t len, struct lms_diags *diags)
{
	int err = lms_load_list_text(path, text, len, &lms_meeting_schema,
				     &out->v, &out->n, diags);

	if (err) {
		out->v = NULL;
		out->n = 0;
		return err;
	}
	for (size_t i = 0; i < out->n && !err; i++)
		err = check(&out->v[i], path);
	if (err)
		lms_meetings_release(out);
	return err;
}

void lms_meetings_release(struct lms_meetings *m)
{
	lms_schema_release_array(&lms_meeting_schema, m->v, m->n);
	m->v = NULL;
	m->n = 0;
}

double lms_meeting_hours(const struct lms_meeting *m)
{
	return isnan(m->hours) ? 1.0 : m->hours;
}

bool lms_meetings_attended(const struct lms_meetings *m, const char *id,
			   int kind)
{
	for (size_t i = 0; i < m->n; i++)
		for (size_t j = 0; m->v[i].kind == kind && j < m->v[i].nwith; j++)
			if (!strcmp(m->v[i].with[j], id))
				return true;
	return false;
}

int lms_meeting_append(struct lms_buf *text, const char *path,
		       const struct lms_meeting *m)
{
	struct lms_meetings all;
	int err = lms_yedit_append_record(text, path, "", &lms_meeting_schema,
					  m);

	/* The result must load, as a hand edit would be checked. */
	if (!err && !(err = lms_meetings_load(&all, path, text->buf, text->len,
					      NULL)))
		lms_meetings_release(&all);
	return err;
}
