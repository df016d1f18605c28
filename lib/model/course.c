#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "course.h"
#include "followup.h"
#include "date.h"
#include "emit.h"
#include "error.h"
#include "facilitator.h"
#include "i18n.h"

/* The names of values are keys in the files; people read them
 * translated, in their context (C_). */
const char *const lms_status_names[] = {
	"", NC_("course status", "planned"), NC_("course status", "open"),
	NC_("course status", "running"), NC_("course status", "completed"),
	NC_("course status", "cancelled"), NULL
};
_Static_assert(sizeof(lms_status_names) / sizeof(*lms_status_names) ==
	       LMS_COURSE_CANCELLED + 2, "CANCELLED is the last status");
const char *const lms_target_group_names[] = {
	"", NC_("target group", "at-risk"), NC_("target group", "patients"),
	NC_("target group", "relatives"), NC_("target group", "staff"), NULL
};
const char *const lms_phase_names[] = {
	"", NC_("phase", "plan"), NC_("phase", "deliver"),
	NC_("phase", "evaluate"), NULL
};

#define S struct lms_session
static const struct lms_field session_fields[] = {
	LMS_FIELD(S, "date", LMS_T_DATE, date, LMS_REQUIRED),
	LMS_FIELD(S, "start", LMS_T_TIME, start, 0),
	LMS_FIELD(S, "end", LMS_T_TIME, end, 0),
	LMS_FIELD(S, "theme", LMS_T_STR, theme, 0),
	LMS_FIELD(S, "place", LMS_T_STR, place, 0),
	LMS_LIST_FIELD(S, "led_by", LMS_T_IDS, led_by, NULL, 0),
	LMS_FIELD_END
};
#undef S

const struct lms_schema lms_session_schema = {
	"session", sizeof(struct lms_session), session_fields,
	offsetof(struct lms_session, mark), LMS_NO_OFFSET
};

#define F struct lms_course_facilitator
static const struct lms_field facilitator_fields[] = {
	LMS_FIELD(F, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FLAGS_FIELD(F, "phases", phases, lms_phase_names, 0),
	LMS_ENUM_FIELD(F, "role", role, lms_kind_names, 0),
	LMS_FIELD_END
};
#undef F

static const struct lms_schema facilitator_schema = {
	"facilitator", sizeof(struct lms_course_facilitator), facilitator_fields,
	offsetof(struct lms_course_facilitator, mark), LMS_NO_OFFSET
};

#define C struct lms_course
static const struct lms_field course_fields[] = {
	LMS_FIELD(C, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FIELD(C, "title", LMS_T_STR, title, LMS_REQUIRED),
	LMS_FIELD(C, "description", LMS_T_STR, description, 0),
	LMS_ENUM_FIELD(C, "status", status, lms_status_names, 0),
	LMS_FLAGS_FIELD(C, "target_groups", target_groups,
			lms_target_group_names, 0),
	LMS_LIST_FIELD(C, "topics", LMS_T_STRS, topics, NULL, 0),
	LMS_FIELD(C, "diagnosis_independent", LMS_T_BOOL,
		  diagnosis_independent, 0),
	LMS_FIELD(C, "capacity", LMS_T_INT, capacity, 0),
	LMS_FIELD(C, "waitlist", LMS_T_BOOL, waitlist, 0),
	LMS_FIELD(C, "place", LMS_T_STR, place, 0),
	LMS_FIELD(C, "template", LMS_T_ID, template, 0),
	LMS_LIST_FIELD(C, "facilitators", LMS_T_SEQ, facilitators,
		       &facilitator_schema, 0),
	LMS_LIST_FIELD(C, "sessions", LMS_T_SEQ, sessions,
		       &lms_session_schema, 0),
	LMS_LIST_FIELD(C, "forms", LMS_T_IDS, forms, NULL, 0),
	LMS_LIST_FIELD(C, "follow_up", LMS_T_STRS, follow_up, NULL, 0),
	LMS_FIELD(C, "followup_after", LMS_T_STR, followup_after, 0),
	LMS_PUBLIC_FIELDS(C, pub),
	LMS_FIELD_END
};
#undef C

const struct lms_schema lms_course_schema = {
	"course", sizeof(struct lms_course), course_fields,
	offsetof(struct lms_course, mark), LMS_NO_OFFSET
};

static int check(const struct lms_course *c, const char *path,
		 const char *folder)
{
	if (folder && strcmp(c->id, folder))
		return lms_error_at(LMS_EDATA, path, c->mark.line, c->mark.col,
				    _("id '%s' differs from the course's "
				      "folder '%s'"), c->id, folder);
	if (c->capacity != LMS_UNSET && c->capacity < 0)
		return lms_error_at(LMS_EDATA, path, c->mark.line, c->mark.col,
				    _("capacity: must not be negative"));
	if (lms_followup_after_check(c->followup_after, path, &c->mark))
		return LMS_EDATA;
	return lms_public_check(&c->pub, path, c->mark);
}

/* A tag of BCP 47 as far as a catalogue needs: a language of two or three
 * lower-case letters, then optionally "-" and a region or script. */
static bool language_tag(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"), m;

	if (n < 2 || n > 3)
		return false;
	if (!s[n])
		return true;
	m = strspn(s + n + 1, "abcdefghijklmnopqrstuvwxyz"
		   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	return s[n] == '-' && m >= 2 && m <= 8 && !s[n + 1 + m];
}

int lms_public_check(const struct lms_public *p, const char *path,
		     struct lms_mark mark)
{
	if (p->price != LMS_UNSET && p->price < 0)
		return lms_error_at(LMS_EDATA, path, mark.line, mark.col,
				    _("price: must not be negative"));
	if (p->language && !language_tag(p->language))
		return lms_error_at(LMS_EDATA, path, mark.line, mark.col,
				    _("language: '%s' is not a language code "
				      "such as nb, nn, se or en"),
				    p->language);
	return 0;
}

bool lms_course_in_catalogue(const struct lms_course *c, int32_t today)
{
	int32_t first = lms_course_first_date(c);

	return c->pub.public == 1 && c->status != LMS_COURSE_CANCELLED &&
	       c->status != LMS_COURSE_COMPLETED &&
	       first != LMS_DATE_NONE && first >= today;
}

int lms_course_load(struct lms_course *out, const char *path, const char *text,
		    size_t len, const char *folder, struct lms_diags *diags)
{
	int err = lms_load_text(path, text, len, &lms_course_schema, out, diags);

	if (err)
		return err;
	if (out->status == 0)
		out->status = LMS_COURSE_PLANNED;
	if (out->waitlist == LMS_UNSET)
		out->waitlist = 1;
	if ((err = check(out, path, folder)))
		lms_course_release(out);
	return err;
}

void lms_course_release(struct lms_course *c)
{
	lms_schema_release(&lms_course_schema, c);
}

void lms_course_emit(struct lms_buf *out, const struct lms_course *c)
{
	lms_emit_struct(out, &lms_course_schema, c, 0);
}

/* qsort has no context argument; the course being sorted is kept here. */
static _Thread_local const struct lms_course *sort_course;

static int by_date(const void *a, const void *b)
{
	const struct lms_session *x = &sort_course->sessions[*(const size_t *)a];
	const struct lms_session *y = &sort_course->sessions[*(const size_t *)b];

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

size_t *lms_course_session_order(const struct lms_course *c)
{
	size_t *order = lms_calloc(c->nsessions, sizeof(*order));

	for (size_t i = 0; i < c->nsessions; i++)
		order[i] = i;
	sort_course = c;
	lms_array_sort(order, c->nsessions, sizeof(*order), by_date);
	sort_course = NULL;
	return order;
}

int32_t lms_course_first_date(const struct lms_course *c)
{
	int32_t first = LMS_DATE_NONE;

	for (size_t i = 0; i < c->nsessions; i++)
		if (first == LMS_DATE_NONE || c->sessions[i].date < first)
			first = c->sessions[i].date;
	return first;
}

int32_t lms_course_last_date(const struct lms_course *c)
{
	int32_t last = LMS_DATE_NONE;

	for (size_t i = 0; i < c->nsessions; i++)
		if (c->sessions[i].date > last)
			last = c->sessions[i].date;
	return last;
}

const char *lms_session_place(const struct lms_course *c, size_t i)
{
	if (c->sessions[i].place)
		return c->sessions[i].place;
	return c->place ? c->place : "";
}

const char *lms_session_leader(const struct lms_course *c,
			       const struct lms_session *s, size_t k)
{
	if (s->nled_by)
		return k < s->nled_by ? s->led_by[k] : NULL;
	for (size_t j = 0; j < c->nfacilitators; j++)
		if (!c->facilitators[j].phases ||
		    (c->facilitators[j].phases & LMS_DELIVER))
			if (!k--)
				return c->facilitators[j].id;
	return NULL;
}

int lms_course_find_session(const struct lms_course *c, const char *arg,
			    size_t *index, size_t *number)
{
	size_t *order = lms_course_session_order(c);
	size_t n = 0, k = 0;
	int32_t date;
	int err = 0;

	if (lms_date_parse_input(arg, &date)) {
		while (k < c->nsessions && c->sessions[order[k]].date != date)
			k++;
		if (k == c->nsessions)
			err = lms_error(LMS_ENOENT, _("course '%s' has no "
						      "session on %s"), c->id, arg);
	} else if (strspn(arg, "0123456789") == strlen(arg) && *arg &&
		   strlen(arg) < 6) {
		n = (size_t)atoi(arg);
		if (n < 1 || n > c->nsessions)
			err = lms_error(LMS_ENOENT, _("course '%s' has no "
						      "session %s (it has %zu)"),
					c->id, arg, c->nsessions);
		k = n - 1;
	} else {
		err = lms_error(LMS_EUSAGE, _("'%s' is not a session: give "
					      "its number or its date (such as "
					      "2, 2026-09-07 or 7.9.2026)"), arg);
	}
	if (!err) {
		*index = order[k];
		*number = k + 1;
	}
	lms_free(order);
	return err;
}

size_t lms_course_sessions_held(const struct lms_course *c, int32_t day)
{
	size_t n = 0;

	for (size_t i = 0; i < c->nsessions; i++)
		n += c->sessions[i].date <= day;
	return n;
}

bool lms_course_has_session(const struct lms_course *c, int32_t date)
{
	for (size_t i = 0; i < c->nsessions; i++)
		if (c->sessions[i].date == date)
			return true;
	return false;
}

bool lms_course_lists_form(const struct lms_course *c, const char *form)
{
	for (size_t i = 0; i < c->nforms; i++)
		if (!strcmp(c->forms[i], form))
			return true;
	return false;
}

bool lms_course_has_facilitator(const struct lms_course *c, const char *id)
{
	for (size_t i = 0; i < c->nfacilitators; i++)
		if (!strcmp(c->facilitators[i].id, id))
			return true;
	return false;
}

int lms_course_facilitator_kind(const struct lms_course *c,
				const struct lms_facilitator *registry_entry,
				const char *id)
{
	for (size_t i = 0; i < c->nfacilitators; i++)
		if (!strcmp(c->facilitators[i].id, id) &&
		    c->facilitators[i].role)
			return c->facilitators[i].role;
	return registry_entry ? registry_entry->kind : 0;
}
