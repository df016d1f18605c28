#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "coursedata.h"
#include "error.h"
#include "i18n.h"

int lms_course_data_load(struct lms_tree *t, const char *id,
			 struct lms_course_data *d)
{
	int err;

	memset(d, 0, sizeof(*d));
	if ((err = lms_tree_load_course(t, id, &d->course, NULL)) ||
	    (err = lms_tree_load_facilitators(t, &d->facilitators,
					      &d->nfacilitators, NULL)) ||
	    (err = lms_tree_load_enrolments(t, id, &d->enrolments)) ||
	    (err = lms_tree_load_attendance(t, id, &d->attendance)) ||
	    (err = lms_tree_load_evaluations(t, id, &d->evaluations)))
		return err;
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

void lms_course_data_release(struct lms_course_data *d)
{
	lms_course_release(&d->course);
	lms_facilitators_free(d->facilitators, d->nfacilitators);
	lms_enrolments_release(&d->enrolments);
	lms_attendance_release(&d->attendance);
	lms_evaluations_release(&d->evaluations);
	for (size_t i = 0; i < d->nforms; i++)
		lms_form_release(&d->forms[i]);
	free(d->forms);
}
