#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "coursedata.h"
#include "error.h"
#include "i18n.h"

/* The plan's forms, in its order. */
static int load_forms(struct lms_tree *t, const char *id,
		      struct lms_course_data *d)
{
	int err = 0;

	for (size_t i = 0; i < d->course.nforms && !err; i++) {
		struct lms_form *f = lms_array_push(&d->forms, &d->nforms,
						    sizeof(*f));

		if ((err = lms_tree_load_form(t, d->course.forms[i], f, NULL)))
			d->nforms--;
		if (err == LMS_ENOENT)
			err = lms_error(err, _("course %s lists the form '%s', "
					  "which is not in forms/"), id,
					d->course.forms[i]);
	}
	return err;
}

static int load_part(struct lms_tree *t, const char *id,
		     enum lms_course_part part, struct lms_course_data *d)
{
	switch (part) {
	case LMS_CD_COURSE:
		return lms_tree_load_course(t, id, &d->course, NULL);
	case LMS_CD_FACILITATORS:
		return lms_tree_load_facilitators(t, &d->facilitators,
						  &d->nfacilitators, NULL);
	case LMS_CD_ENROLMENTS:
		return lms_tree_load_enrolments(t, id, &d->enrolments);
	case LMS_CD_ATTENDANCE:
		return lms_tree_load_attendance(t, id, &d->attendance);
	case LMS_CD_EVALUATIONS:
		return lms_tree_load_evaluations(t, id, &d->evaluations);
	case LMS_CD_FORMS:
		return load_forms(t, id, d);
	case LMS_CD_MEETINGS:
		return lms_tree_load_meetings(t, id, &d->meetings);
	case LMS_CD_FACILITATOR_EVALUATIONS:
		return lms_tree_load_facilitator_evaluations(
			t, id, &d->facilitator_evaluations);
	default:
		return 0;
	}
}

int lms_course_data_load_parts(struct lms_tree *t, const char *id,
			       unsigned mask, struct lms_course_data *d)
{
	int err = 0;

	if (mask & LMS_CD_FORMS)
		mask |= LMS_CD_COURSE;	/* the forms are the plan's */
	for (unsigned part = 1; part & LMS_CD_ALL && !err; part <<= 1) {
		if (!(mask & part) || (d->parts & part))
			continue;
		if (!(err = load_part(t, id, (enum lms_course_part)part, d)))
			d->parts |= part;
	}
	return err;
}

int lms_course_data_load(struct lms_tree *t, const char *id,
			 struct lms_course_data *d)
{
	memset(d, 0, sizeof(*d));
	return lms_course_data_load_parts(t, id, LMS_CD_ALL, d);
}

void lms_course_data_release(struct lms_course_data *d)
{
	lms_course_release(&d->course);
	lms_facilitators_free(d->facilitators, d->nfacilitators);
	lms_enrolments_release(&d->enrolments);
	lms_attendance_release(&d->attendance);
	lms_evaluations_release(&d->evaluations);
	lms_meetings_release(&d->meetings);
	lms_evaluations_release(&d->facilitator_evaluations);
	for (size_t i = 0; i < d->nforms; i++)
		lms_form_release(&d->forms[i]);
	lms_free(d->forms);
}
