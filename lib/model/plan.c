#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "plan.h"

/*
 * What a template gives a course: every key the two schemas share
 * (description, target groups, capacity, place, forms, ...), but the id,
 * the title and the sessions, which the course has its own of.  A key
 * added to both schemas is given too, without a word here.
 */
static void from_template(const struct lms_template *t, struct lms_course *c)
{
	static const char *const own[] = { "id", "title", "sessions", NULL };

	c->template = lms_strdup(t->id);
	for (const struct lms_field *f = lms_template_schema.fields; f->key;
	     f++) {
		const struct lms_field *to =
			lms_schema_field(&lms_course_schema, f->key);
		bool is_own = false;

		for (size_t i = 0; own[i]; i++)
			is_own = is_own || !strcmp(f->key, own[i]);
		if (to && !is_own)
			lms_field_copy(to, c, f, t);
	}
}

static int add_sessions(const struct lms_plan *p, struct lms_course *c)
{
	const struct lms_template *t = p->template;
	struct lms_schedule s = p->schedule;
	int start = p->start_time;
	int32_t *dates;
	size_t n;
	int err;

	if (t && !s.days)
		s.days = t->days;
	if (t && !s.count && s.until == LMS_DATE_NONE)
		s.count = (int)t->nsessions;
	if (t && start == LMS_TIME_NONE)
		start = t->start;
	if ((err = lms_schedule_dates(&s, &dates, &n)))
		return err;
	for (size_t i = 0; i < n; i++) {
		struct lms_session *se = lms_array_push(&c->sessions,
							&c->nsessions,
							sizeof(*se));

		lms_schema_init(&lms_session_schema, se);
		se->date = dates[i];
		se->start = start;
		se->end = p->end_time;
		if (t && i < t->nsessions) {
			se->theme = lms_strdup(t->sessions[i].theme);
			if (p->end_time == LMS_TIME_NONE && start != LMS_TIME_NONE)
				se->end = start + t->sessions[i].duration;
		}
		if (se->end != LMS_TIME_NONE && se->end >= 24 * 60) {
			lms_free(dates);
			return lms_error(LMS_EUSAGE, _("session %zu would end "
						       "after midnight"), i + 1);
		}
	}
	lms_free(dates);
	return 0;
}

static void add_facilitators(const struct lms_plan *p, struct lms_course *c)
{
	for (size_t i = 0; i < p->nfacilitators; i++) {
		struct lms_course_facilitator *f =
			lms_array_push(&c->facilitators, &c->nfacilitators,
				       sizeof(*f));

		f->id = lms_strdup(p->facilitators[i].id);
		f->phases = p->facilitators[i].phases ? p->facilitators[i].phases :
			    LMS_PLAN | LMS_DELIVER | LMS_EVALUATE;
		f->role = p->facilitators[i].role;
	}
}

int lms_plan_course(const struct lms_plan *p, struct lms_course *out)
{
	int err = 0;

	lms_schema_init(&lms_course_schema, out);
	out->id = lms_strdup(p->id);
	out->title = lms_strdup(p->title);
	out->status = LMS_COURSE_PLANNED;
	if (p->template)
		from_template(p->template, out);
	if (p->place) {
		lms_free(out->place);
		out->place = lms_strdup(p->place);
	}
	if (p->capacity != LMS_UNSET)
		out->capacity = p->capacity;
	if (p->target_groups)
		out->target_groups = p->target_groups;
	if (p->start_time != LMS_TIME_NONE && p->end_time != LMS_TIME_NONE &&
	    p->end_time <= p->start_time)
		err = lms_error(LMS_EUSAGE, _("a session must end after it "
					      "starts"));
	add_facilitators(p, out);
	if (!err && p->schedule.start != LMS_DATE_NONE)
		err = add_sessions(p, out);
	else if (!err && p->template)
		err = lms_error(LMS_EUSAGE, _("--start is needed to date the "
					      "template's sessions"));
	if (err)
		lms_course_release(out);
	return err;
}
