#include <string.h>

#include "checkctx.h"
#include "date.h"
#include "i18n.h"

/*
 * The rule catalog: what lms catalog needs of a course that is public and
 * still to be run, so that the public can read what it is, whom to ask
 * and how and by when to sign up.
 */

#define W(cf, key, ...) \
	lms_finding(out, LMS_RULE_CATALOG, LMS_WARNING, (cf)->plan.path, \
		    lms_check_key_mark(cf, key).line, \
		    lms_check_key_mark(cf, key).col, __VA_ARGS__)

/* contact: a facilitator's id, or "service" with a phone or e-mail in
 * lms.yaml. */
static void contact(const struct lms_check_ctx *x,
		    const struct lms_course_files *cf, struct lms_findings *out)
{
	const struct lms_public *p = &cf->data.course.pub;
	const struct lms_service *s = &x->tree->service;

	if (!p->contact)
		W(cf, "public", _("a public course needs a contact for the "
				  "catalogue: contact: a facilitator's id, or "
				  "service"));
	else if (!strcmp(p->contact, "service")) {
		if (!s->phone && !s->email)
			W(cf, "contact", _("contact: service, but %s has "
					   "neither phone nor email"),
			  LMS_SERVICE_FILE);
	} else if (!x->facilitators_broken &&
		   !lms_check_facilitator(x, p->contact)) {
		W(cf, "contact", _("contact: no facilitator '%s' in %s"),
		  p->contact, LMS_FACILITATORS_FILE);
	}
}

void lms_check_public(const struct lms_check_ctx *x,
		      const struct lms_course_files *cf,
		      struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	const struct lms_public *p = &c->pub;
	int32_t first = lms_course_first_date(c);
	char date[11];

	if (p->public != 1 || c->status == LMS_COURSE_CANCELLED ||
	    c->status == LMS_COURSE_COMPLETED)
		return;
	if (!p->description)
		W(cf, "public", _("a public course needs public_description: "
				  "what the catalogue tells the public"));
	contact(x, cf, out);
	if (p->signup_deadline == LMS_DATE_NONE && !p->signup)
		W(cf, "public", _("a public course needs signup_deadline or "
				  "signup: by when or how to sign up"));
	if (p->signup_deadline != LMS_DATE_NONE && first != LMS_DATE_NONE &&
	    p->signup_deadline > first) {
		lms_i18n_date(first, date);
		W(cf, "signup_deadline", _("signup_deadline is after the first "
					   "session, on %s"), date);
	}
}
