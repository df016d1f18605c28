#include <string.h>

#include "date.h"
#include "participation.h"

/* A session counts once it is over: its day is past, or the course is. */
static bool session_held(const struct lms_course *c,
			 const struct lms_session *s, int32_t today)
{
	return c->status == LMS_COURSE_COMPLETED || s->date < today;
}

unsigned lms_participation_due(const struct lms_course *c, int32_t today)
{
	unsigned due = 0;

	if (c->status == LMS_COURSE_CANCELLED)
		return 0;
	for (size_t i = 0; i < c->nsessions; i++)
		if (session_held(c, &c->sessions[i], today))
			due |= LMS_PLAN | LMS_DELIVER;
	if (c->status == LMS_COURSE_COMPLETED)
		due |= LMS_PLAN | LMS_EVALUATE;
	return due;
}

static bool led_a_session(const struct lms_course *c, const char *id,
			  int32_t today)
{
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];
		const char *who;

		if (!session_held(c, s, today))
			continue;
		for (size_t k = 0; (who = lms_session_leader(c, s, k)); k++)
			if (!strcmp(who, id))
				return true;
	}
	return false;
}

unsigned lms_participation_done(const struct lms_course *c,
				const struct lms_meetings *m, const char *id,
				int32_t today)
{
	unsigned done = 0;

	if (lms_meetings_attended(m, id, LMS_MEETING_PLAN))
		done |= LMS_PLAN;
	if (led_a_session(c, id, today))
		done |= LMS_DELIVER;
	if (lms_meetings_attended(m, id, LMS_MEETING_EVALUATE))
		done |= LMS_EVALUATE;
	return done;
}
