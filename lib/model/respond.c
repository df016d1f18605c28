#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include "error.h"
#include "i18n.h"
#include "respond.h"
#include "suggest.h"
#include "utf8.h"

int lms_respond_form_used(const struct lms_course *c, const char *form)
{
	if (lms_course_lists_form(c, form))
		return 0;
	return lms_error(LMS_EREFUSED, _("course '%s' does not use form '%s' "
			 "(its forms are listed in course.yaml: lms course set "
			 "%s forms=...)"), c->id, form, c->id);
}

static void unknown_item(const struct lms_form *f, const char *item,
			 struct lms_buf *why)
{
	const char *ids[128];
	size_t n = 0;
	const char *hint;

	for (size_t i = 0; i < f->nitems && n < 128; i++)
		ids[n++] = f->items[i].id;
	hint = lms_suggest(item, ids, n);
	if (hint)
		lms_buf_addf(why, _("form '%s' has no item '%s'; did you mean "
				    "'%s'?"), f->id, item, hint);
	else
		lms_buf_addf(why, _("form '%s' has no item '%s'"), f->id, item);
}

static int scale_value(const struct lms_form *f, const char *value, int *out)
{
	char *end;
	long v = strtol(value, &end, 10);

	if ((isdigit((unsigned char)*value) || *value == '-') && !*end &&
	    v >= f->scale.min && v <= f->scale.max) {
		*out = (int)v;
		return 0;
	}
	/* Survey tools often export the label ("Helt enig") for the step. */
	for (size_t i = 0; i < f->scale.nlabels; i++) {
		if (!lms_utf8_casecmp(value, f->scale.labels[i])) {
			*out = f->scale.min + (int)i;
			return 0;
		}
	}
	return LMS_EDATA;
}

int lms_answer_read(const struct lms_form *f, const char *item,
		    const char *value, int *number, const char **text,
		    struct lms_buf *why)
{
	const struct lms_form_item *it = lms_form_item(f, item);

	*text = NULL;
	if (!it) {
		unknown_item(f, item, why);
		return LMS_EDATA;
	}
	if (!lms_utf8_valid(value)) {
		lms_buf_addf(why, _("%s: the answer is not UTF-8 text"), item);
		return LMS_EDATA;
	}
	if (it->type == LMS_ITEM_TEXT) {
		*text = value;
		return 0;
	}
	if (scale_value(f, value, number)) {
		lms_buf_addf(why, _("%s: '%s' is not on the scale from %d to "
				    "%d"), item, value, f->scale.min,
			     f->scale.max);
		return LMS_EDATA;
	}
	return 0;
}

static bool on_course(const struct lms_enrolment *r)
{
	return r && (r->status == LMS_ENROLLED || r->status == LMS_COMPLETED ||
		     r->status == LMS_NOT_COMPLETED);
}

static bool same_response(const struct lms_evaluation *a,
			  const struct lms_evaluation *b)
{
	return a->person && b->person && !strcmp(a->person, b->person) &&
	       !strcmp(a->form, b->form) && a->phase == b->phase &&
	       (a->phase != LMS_SESSION || a->session == b->session);
}

int lms_respond_check(const struct lms_respond *r, const struct lms_evaluation *e)
{
	if (!e->answers.n)
		return lms_error(LMS_EDATA, _("the response has no answers"));
	if (e->person && !on_course(lms_enrolments_find(r->enrolments, e->person)))
		return lms_error(LMS_EREFUSED, _("%s is not on course '%s': "
						 "only its participants answer "
						 "by name"), e->person,
				 r->course->id);
	/* A sentence for each phase: the words around it differ. */
	for (size_t i = 0; i < r->existing->n; i++)
		if (same_response(&r->existing->v[i], e))
			return lms_error(LMS_EREFUSED, e->phase == LMS_SESSION ?
					 _("%s has answered the session's form "
					   "'%s' already") :
					 e->phase == LMS_PRE ?
					 _("%s has answered the pre form '%s' "
					   "already") :
					 e->phase == LMS_FOLLOWUP ?
					 _("%s has answered the follow-up form "
					   "'%s' already") :
					 _("%s has answered the post form '%s' "
					   "already"), e->person, e->form);
	return 0;
}
