#ifndef LMS_COURSEDATA_H
#define LMS_COURSEDATA_H

#include <stddef.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"
#include "facilitator.h"
#include "form.h"
#include "tree.h"

/*
 * A course and everything a report of it reads: its plan, the registry of
 * facilitators, its enrolments, attendance and evaluations, and the forms
 * the plan names, in the plan's order.
 */
struct lms_course_data {
	struct lms_course course;
	struct lms_facilitator *facilitators;
	size_t nfacilitators;
	struct lms_enrolments enrolments;
	struct lms_attendance attendance;
	struct lms_evaluations evaluations;
	struct lms_form *forms;
	size_t nforms;
};

/* Loads course id of t into *out; a form the plan names that is not in
 * forms/ is an error.  *out is to be released whatever it returns. */
int lms_course_data_load(struct lms_tree *t, const char *id,
			 struct lms_course_data *out);
void lms_course_data_release(struct lms_course_data *d);

#endif
