#ifndef LMS_COURSEREPORT_H
#define LMS_COURSEREPORT_H

#include <stddef.h>

#include "coursedata.h"
#include "doc.h"

/*
 * A course's evaluation report, for the evaluation meeting with the user
 * representatives: who took part and came, what changed before and after,
 * item by item, how the sessions were rated, and what people wrote.  It
 * names facilitators (who take part in a public role) and never a
 * participant: not even their ids.
 *
 * The user representatives' own responses (facilitator-evaluations.yaml)
 * have a section apart, never counted with the participants'.  The team
 * knows who its user representatives are, so what they answered shows
 * only when min_cell responses or more pool it: the number of responses
 * by phase, then each item's mean and the comments.
 */
void lms_course_report(struct lms_doc *out, const struct lms_course_data *d,
		       long min_cell);

#endif
