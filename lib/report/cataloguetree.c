#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cataloguetree.h"
#include "error.h"
#include "facilitator.h"
#include "i18n.h"

static char *dup_or_null(const char *s)
{
	return s ? lms_strdup(s) : NULL;
}

/* Takes c over into a new entry, with its contact resolved. */
static void add(struct lms_catalogue *cat, const struct lms_tree *t,
		struct lms_course *c, const struct lms_facilitator *facs,
		size_t nfacs)
{
	struct lms_catalogue_entry *e = lms_catalogue_add(cat);
	const char *contact = c->pub.contact;
	const struct lms_facilitator *f;

	e->course = *c;
	memset(c, 0, sizeof(*c));
	e->service = dup_or_null(t->service.name);
	if (!contact)
		return;
	if (!strcmp(contact, "service")) {
		e->contact_phone = dup_or_null(t->service.phone);
		e->contact_email = dup_or_null(t->service.email);
	} else if ((f = lms_facilitator_find(facs, nfacs, contact))) {
		e->contact_name = dup_or_null(f->name);
		e->contact_phone = dup_or_null(f->phone);
		e->contact_email = dup_or_null(f->email);
	}
}

int lms_catalogue_add_tree(struct lms_catalogue *cat, struct lms_tree *t)
{
	struct lms_facilitator *facs;
	size_t nfacs, n;
	char **ids;
	int err;

	if ((err = lms_tree_load_facilitators(t, &facs, &nfacs, NULL)))
		return err;
	if ((err = lms_tree_course_ids(t, &ids, &n))) {
		lms_facilitators_free(facs, nfacs);
		return err;
	}
	for (size_t i = 0; i < n && !err; i++) {
		struct lms_course c;

		if ((err = lms_tree_load_course(t, ids[i], &c, NULL)))
			break;
		if (lms_course_in_catalogue(&c, cat->today))
			add(cat, t, &c, facs, nfacs);
		lms_course_release(&c);
	}
	lms_strings_free(ids, n);
	lms_facilitators_free(facs, nfacs);
	return err;
}

int lms_catalogue_add_course(struct lms_catalogue *cat, struct lms_tree *t,
			     const char *id)
{
	struct lms_facilitator *facs;
	struct lms_course c;
	size_t nfacs;
	int err;

	if ((err = lms_tree_load_course(t, id, &c, NULL)))
		return err;
	if (c.pub.public != 1) {
		lms_course_release(&c);
		return lms_error(LMS_EDATA, _("course '%s' is not public: make "
					      "it so with 'lms course set %s "
					      "public=yes'"), id, id);
	}
	/* A poster asks people to come: not to a course that is over (one
	 * begun may still take people). */
	if (c.status == LMS_COURSE_CANCELLED ||
	    c.status == LMS_COURSE_COMPLETED ||
	    lms_course_last_date(&c) < cat->today) {
		lms_course_release(&c);
		return lms_error(LMS_EDATA, _("course '%s' is cancelled, "
					      "completed or past: it has no "
					      "poster"), id);
	}
	if ((err = lms_tree_load_facilitators(t, &facs, &nfacs, NULL))) {
		lms_course_release(&c);
		return err;
	}
	add(cat, t, &c, facs, nfacs);
	lms_course_release(&c);
	lms_facilitators_free(facs, nfacs);
	return 0;
}
