#ifndef LMS_RESPOND_H
#define LMS_RESPOND_H

#include <stdint.h>

#include "buf.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"
#include "form.h"

/*
 * The rules a new response to a form must meet before it is written:
 * the course uses the form, the person (if named) is on the course and
 * has not answered this phase already, every answer belongs to the form
 * and lies on its scale.
 */
struct lms_respond {
	const struct lms_course *course;
	const struct lms_form *form;
	const struct lms_enrolments *enrolments;
	const struct lms_evaluations *existing;
};

/* Refuses (LMS_EREFUSED) a course that does not list the form. */
int lms_respond_form_used(const struct lms_course *c, const char *form);

/*
 * Reads one answer as the form wants it: a scale item takes a whole
 * number from min to max or one of the scale's labels (in any case), a
 * text item any text.  On failure why says what is wrong (LMS_EDATA).
 */
int lms_answer_read(const struct lms_form *f, const char *item,
		    const char *value, int *number, const char **text,
		    struct lms_buf *why);

/* Checks a whole response (person, phase, duplicates, at least one
 * answer); errors carry no file position. */
int lms_respond_check(const struct lms_respond *r, const struct lms_evaluation *e);

#endif
