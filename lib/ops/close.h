#ifndef LMS_CLOSE_H
#define LMS_CLOSE_H

#include <stddef.h>
#include <stdint.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "opsio.h"

/*
 * Closing a course (lms course close): the course is marked completed,
 * and everyone on it is judged completed or not-completed by the share
 * of held sessions they attended (lms_close_enrolments), with the
 * follow-up each is offered.
 *
 * The rules, all decided before anything is written:
 * - a cancelled course cannot be closed, nor one that has held no
 *   session by today (LMS_EREFUSED);
 * - a follow-up is only for someone on the course: not waitlisted,
 *   withdrawn or unknown (LMS_ENOENT);
 * - once offers.yaml lists offers, a follow-up written as an id names one
 *   of them (lms_offer_check: LMS_ENOENT with the closest id); other text
 *   stays free;
 * - the course.yaml with status completed must load, and everyone who
 *   leads a session must be a known facilitator (lms_ops_check_course).
 * Closing again (a closed course) judges everyone anew: closing is
 * idempotent, and the way to correct a close.
 *
 * The order of the writes: enrolments.yaml first, course.yaml second.
 * The course's status is the point of decision.  Stopped between the two,
 * the course is still open with everyone judged: lms check accepts that,
 * lms course close runs again, judges the same and then marks the course
 * completed.  The other order would leave a completed course whose people
 * are still "enrolled", which nothing says to close again.  (Within a
 * command both writes are one change, see opsio.h.)
 */

struct lms_follow_up {
	char *person;			/* the caller's */
	const char *what;
};

struct lms_close_request {
	const char *course;
	const struct lms_follow_up *follow_up;
	size_t nfollow_up;
	double completion;		/* the service's share, see service.h */
	int32_t today;
};

/* What a close did, for the command to say; lms_close_result_release
 * frees it. */
struct lms_close_result {
	struct lms_course course;	/* as it was before */
	struct lms_enrolments e;	/* as written */
	size_t *attended, *held;	/* for each of e, how it was judged */
	/* Sessions held by today without any attendance record: they count
	 * as missed, which is worth a warning. */
	int32_t *unrecorded;
	size_t nunrecorded;
};

/* On an error, out holds nothing to release. */
int lms_ops_close(const struct lms_ops_io *io,
		  const struct lms_close_request *req,
		  struct lms_close_result *out);
void lms_close_result_release(struct lms_close_result *r);

#endif
