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
 */
void lms_course_report(struct lms_doc *out, const struct lms_course_data *d);

#endif
