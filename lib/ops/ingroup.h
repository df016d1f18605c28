#ifndef LMS_INGROUP_H
#define LMS_INGROUP_H

#include <stdbool.h>
#include <stddef.h>

#include "opsio.h"

/* What one person said when asked at follow-up. */
struct lms_in_group {
	const char *person;
	bool yes;			/* still in a group or offer */
};

/*
 * Records on a course's enrolments whether each person asked at
 * follow-up is still in a group or other offer after the course
 * (still_in_group), which the aggregate report counts.  Only those who
 * completed the course are asked (see lms_followup_due): someone not on
 * it is LMS_ENOENT, someone who did not complete it LMS_EREFUSED, and
 * nothing is written then.  Asking again replaces the answer.
 */
int lms_ops_record_in_group(const struct lms_ops_io *io, const char *course,
			    const struct lms_in_group *v, size_t n);

#endif
