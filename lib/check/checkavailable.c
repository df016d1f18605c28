#include "checkctx.h"
#include "date.h"
#include "i18n.h"

/*
 * The availability rule: who leads a session still to come must be
 * available that day, as people/facilitators.yaml says.  Sessions past
 * are passed by: the periods are renewed term by term, and what was held
 * was held.  Two sessions of one facilitator at once are the conflicts
 * rule's (conflicts.c).
 */

static void away(const struct lms_course_files *cf,
		 const struct lms_session *s, const struct lms_facilitator *f,
		 struct lms_findings *out)
{
	char date[11];

	lms_i18n_date(s->date, date);
	/* TRANSLATORS: "facilitator 'fag-tre' leads the session on
	 * 2026-09-07 but is not available then (people/facilitators.yaml:12)":
	 * where the facilitator's entry is. */
	lms_finding(out, LMS_RULE_AVAILABILITY, LMS_WARNING, cf->plan.path,
		    s->mark.line, s->mark.col, _("facilitator '%s' leads the "
		    "session on %s but is not available then (%s:%u)"), f->id,
		    date, LMS_FACILITATORS_FILE, f->mark.line);
}

void lms_check_availability(const struct lms_check_ctx *x,
			    const struct lms_course_files *cf,
			    struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	const char *who;

	if (c->status == LMS_COURSE_CANCELLED || x->facilitators_broken)
		return;
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];

		if (s->date == LMS_DATE_NONE || s->date < x->opt->today)
			continue;
		for (size_t k = 0; (who = lms_session_leader(c, s, k)); k++) {
			const struct lms_facilitator *f =
				lms_check_facilitator(x, who);

			if (f && !lms_facilitator_available_on(f, s->date))
				away(cf, s, f, out);
		}
	}
}
