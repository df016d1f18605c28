#ifndef LMS_PARTICIPATION_H
#define LMS_PARTICIPATION_H

#include <stdint.h>

#include "course.h"
#include "meeting.h"

/*
 * User participation as it happened, beside what course.yaml declares:
 * the phases (LMS_PLAN, LMS_DELIVER, LMS_EVALUATE of course.h) that lms
 * check asks of each user representative and that the aggregate report
 * counts.  No I/O: the course and its meetings are given.
 */

/*
 * The phases of course c that should have happened by day today, so
 * that one declared and not carried out is missing, and a phase still to
 * come is not: deliver once a session has passed (its date before today)
 * or the course is completed; plan likewise, once the course is past its
 * first session; evaluate once the course is completed.  Nothing of a
 * cancelled course.
 */
unsigned lms_participation_due(const struct lms_course *c, int32_t today);

/*
 * The phases facilitator id carried out on c by day today: plan and
 * evaluate when they took part in a meeting of that kind (m, the
 * course's meetings); deliver when they led a session that has passed or
 * of a completed course, as lms_session_leader counts who leads (led_by,
 * else those who deliver).
 */
unsigned lms_participation_done(const struct lms_course *c,
				const struct lms_meetings *m, const char *id,
				int32_t today);

#endif
