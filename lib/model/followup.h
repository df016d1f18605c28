#ifndef LMS_FOLLOWUP_H
#define LMS_FOLLOWUP_H

#include <stdint.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"

/*
 * Whom to call (lms followup): people enrolled on a course who missed
 * the last two of its sessions held by today that have a record.  Missing
 * is being marked absent, or not marked where others were; an excused
 * absence is not missing.  Until two sessions have a record nobody is
 * due.  Waitlisted, withdrawn and closed enrolments are never due.
 *
 * due hears of each person due, in the order of the enrolments, with the
 * last date they were present, or LMS_DATE_NONE for never.
 */
typedef void lms_followup_fn(const struct lms_enrolment *r,
			     int32_t last_present, void *arg);

void lms_followup_find(const struct lms_course *c,
		       const struct lms_enrolments *e,
		       const struct lms_attendance *a, int32_t today,
		       lms_followup_fn *due, void *arg);

/*
 * The courses lms followup looks at when some are named: each once, in
 * the order first named (a course named twice is not listed twice).  The
 * array, of pointers into named, is the caller's (free).
 */
const char **lms_followup_named(char *const *named, size_t n, size_t *nout);

#endif
