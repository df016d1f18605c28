#ifndef LMS_COURSEDATA_H
#define LMS_COURSEDATA_H

#include <stddef.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"
#include "facilitator.h"
#include "form.h"
#include "meeting.h"
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
	struct lms_meetings meetings;	/* courses/ID/meetings.yaml */
	/* the facilitators' own, apart from the participants' */
	struct lms_evaluations facilitator_evaluations;
	struct lms_form *forms;
	size_t nforms;
	unsigned parts;			/* the parts loaded (enum
					 * lms_course_part) */
};

/* The parts of a course's data, for lms_course_data_load_parts. */
enum lms_course_part {
	LMS_CD_COURSE = 1 << 0,		/* the plan, course.yaml */
	LMS_CD_FACILITATORS = 1 << 1,	/* the tree's registry */
	LMS_CD_ENROLMENTS = 1 << 2,
	LMS_CD_ATTENDANCE = 1 << 3,
	LMS_CD_EVALUATIONS = 1 << 4,
	LMS_CD_FORMS = 1 << 5,		/* the plan's forms; with the plan */
	LMS_CD_MEETINGS = 1 << 6,
	LMS_CD_FACILITATOR_EVALUATIONS = 1 << 7,
	LMS_CD_ALL = (1 << 8) - 1
};

/* Loads all of course id of t into *out; a form the plan names that is
 * not in forms/ is an error.  *out is to be released whatever it
 * returns. */
int lms_course_data_load(struct lms_tree *t, const char *id,
			 struct lms_course_data *out);
/*
 * Loads the parts of course id that mask names and *d lacks into *d,
 * which is zeroed or holds parts loaded before, in the order of enum
 * lms_course_part.  For a report of many courses, which asks for
 * neither facilitators nor forms (the tree's, read once), and for a
 * course's plan first, to load the rest only of a course it wants; and
 * for a command that needs only some of a course.  A part that fails
 * is not in d->parts; *d is to be released whatever it returns.
 */
int lms_course_data_load_parts(struct lms_tree *t, const char *id,
			       unsigned mask, struct lms_course_data *d);
void lms_course_data_release(struct lms_course_data *d);

#endif
