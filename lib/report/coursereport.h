#ifndef LMS_COURSEREPORT_H
#define LMS_COURSEREPORT_H

#include <stddef.h>

#include "attendance.h"
#include "course.h"
#include "doc.h"
#include "enrolment.h"
#include "evaluation.h"
#include "facilitator.h"
#include "form.h"

/*
 * A course's evaluation report, for the evaluation meeting with the user
 * representatives: who took part and came, what changed before and after,
 * item by item, how the sessions were rated, and what people wrote.  It
 * names facilitators (who take part in a public role) and never a
 * participant: not even their ids.
 */
struct lms_course_files {
	const struct lms_course *course;
	const struct lms_facilitator *facilitators;
	size_t nfacilitators;
	const struct lms_enrolments *enrolments;
	const struct lms_attendance *attendance;
	const struct lms_evaluations *evaluations;
	const struct lms_form *forms;		/* those the course uses */
	size_t nforms;
};

void lms_course_report(struct lms_doc *out, const struct lms_course_files *f);

#endif
