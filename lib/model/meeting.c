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

static bool has(char *const *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], id))
			return true;
	return false;
}

static bool same_meeting(const struct lms_meeting *a,
			 const struct lms_meeting *b)
{
	if (a->date != b->date || a->kind != b->kind ||
	    lms_meeting_hours(a) != lms_meeting_hours(b) ||
	    !a->note != !b->note || (a->note && strcmp(a->note, b->note)) ||
	    a->nwith != b->nwith)
		return false;
	for (size_t i = 0; i < a->nwith; i++)
		if (!has(b->with, b->nwith, a->with[i]))
			return false;
	return true;
}

const struct lms_meeting *lms_meetings_find_same(const struct lms_meetings *m,
						 const struct lms_meeting *x)
{
	for (size_t i = 0; i < m->n; i++)
		if (&m->v[i] != x && same_meeting(&m->v[i], x))
			return &m->v[i];
	return NULL;
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
	char date[11];
	int err;

	/* A file broken by hand is refused where it is broken. */
	if ((err = lms_meetings_load(&all, path, text->buf, text->len, NULL)))
		return err;
	if (lms_meetings_find_same(&all, m)) {
		lms_i18n_date(m->date, date);
		/* TRANSLATORS: %2$s is the date, %3$s the meeting's kind. */
		err = lms_error(LMS_ECREATE, _("%1$s: the meeting of %2$s (%3$s) "
					       "with the same people is there "
					       "already: give a --note to tell "
					       "a second one apart"), path,
				date, C_("meeting kind",
					 lms_meeting_kind_names[m->kind]));
	}
	lms_meetings_release(&all);
	if (err || (err = lms_yedit_append_record(text, path, "",
						  &lms_meeting_schema, m)))
		return err;
	/* The result must load, as a hand edit would be checked. */
	if (!(err = lms_meetings_load(&all, path, text->buf, text->len, NULL)))
		lms_meetings_release(&all);
	return err;
}
