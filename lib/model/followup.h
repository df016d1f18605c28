#ifndef LMS_FOLLOWUP_H
#define LMS_FOLLOWUP_H

#include <stdint.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"

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

/*
 * The later evaluation (lms followup --due, phase followup): some time
 * after a course's last session its participants are asked again.  How
 * long after is followup_after, a course's or its template's key: "N
 * months" or "N days" (N from 1 to 60 months, 1 to 1825 days); without
 * one, LMS_FOLLOWUP_AFTER.
 */
#define LMS_FOLLOWUP_AFTER "3 months"

struct lms_after {
	int months, days;
};

bool lms_followup_after_parse(const char *s, struct lms_after *out);
/* An error at m in path if s (which may be NULL) does not parse. */
int lms_followup_after_check(const char *s, const char *path,
			     const struct lms_mark *m);
/* The first of c's value, the template's (t may be NULL) and the default. */
void lms_followup_after(const struct lms_course *c, const char *template_after,
			struct lms_after *out);
/* The last session and after: LMS_DATE_NONE for a course without one. */
int32_t lms_followup_due_date(const struct lms_course *c,
			      const struct lms_after *after);

/*
 * Who is to be asked: those who completed the course and have given no
 * response of phase followup on it (to any form).  due hears of each,
 * in the order of the enrolments.
 */
typedef void lms_followup_due_fn(const struct lms_enrolment *r, void *arg);
void lms_followup_due(const struct lms_enrolments *e,
		      const struct lms_evaluations *ev,
		      lms_followup_due_fn *due, void *arg);

#endif
