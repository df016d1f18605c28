#ifndef LMS_ATTEND_H
#define LMS_ATTEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "enrolment.h"
#include "opsio.h"

/*
 * Recording a session's attendance (lms attend): who came, was absent or
 * excused, or, for a drop-in session, how many came.
 *
 * The rules, all decided before anything is written:
 * - the session is a number or a date of the course's
 *   (lms_course_find_session);
 * - everyone named is a person id on the course (not waitlisted:
 *   LMS_ENOENT), and named once (LMS_EUSAGE);
 * - --all marks everyone on the course present (after the close, the
 *   completed and not completed), then the names given override it; --all
 *   alone on a course nobody is on is refused (LMS_EREFUSED);
 * - a headcount replaces the session's counts that are given.
 * A closed course's verdicts (completed or not) come from its attendance,
 * so a change to that attendance judges them again, as lms course close
 * would now (lms_close_enrolments): they never go stale.
 *
 * The order of the writes: attendance.yaml first, then enrolments.yaml
 * when a verdict changed (a closed course only).  The attendance is what
 * was asked for, the verdicts follow from it.  Stopped between the two,
 * a closed course keeps verdicts of its former attendance, which lms
 * check accepts and which lms course close, or recording any session of
 * the course again, judges anew.  (Within a command both writes are one
 * change, see opsio.h.)
 */

struct lms_attend_request {
	const char *course;
	const char *session;		/* a number (from 1) or a date */
	char **present, **absent, **excused;	/* person ids */
	size_t npresent, nabsent, nexcused;
	bool all;
	int participants, relatives;	/* a headcount, or LMS_UNSET */
	double completion;		/* the service's share, see service.h */
	int32_t today;
};

/* The session as recorded, for the command to say. */
struct lms_attend_result {
	size_t number;			/* from 1, in date order */
	int32_t date;
	size_t marked;			/* people with a mark */
	size_t present, absent, excused;
	int participants, relatives;	/* or LMS_UNSET */
};

/* A verdict judged again: r is the enrolment now, was its status before. */
typedef void lms_judged_fn(const struct lms_enrolment *r, int was,
			   size_t attended, size_t held, void *arg);

int lms_ops_attend(const struct lms_ops_io *io,
		   const struct lms_attend_request *req, lms_judged_fn *judged,
		   void *arg, struct lms_attend_result *out);

#endif
