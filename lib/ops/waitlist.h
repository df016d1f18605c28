#ifndef LMS_WAITLIST_H
#define LMS_WAITLIST_H

#include <stddef.h>

#include "course.h"
#include "enrolment.h"
#include "opsio.h"
#include "sessionmove.h"

/*
 * Changes that free places, and so move the waiting list up: a withdrawal
 * (lms withdraw) and a change of a course's values (lms course set, such
 * as capacity=14).  Who moves up, and when, is the roll's rule (roll.h):
 * these only load, call it, and save.  moved (which may be NULL) hears of
 * each person moved up, in order.
 */

typedef void lms_moved_fn(const struct lms_enrolment *r, void *arg);

/*
 * Withdraws a person from a course (lms_roll_withdraw): one write,
 * enrolments.yaml, which holds both the withdrawal and who moved up, so
 * that no crash can part them.
 */
int lms_ops_withdraw(const struct lms_ops_io *io, const char *course,
		     const char *person, lms_moved_fn *moved, void *arg);

/* What a course set did, for the command to say. */
struct lms_set_result {
	struct lms_course before, after;
	struct lms_date_move *moves;	/* records moved with their session */
	size_t nmoves;
	size_t held;			/* places held after the change */
};

/*
 * Sets values of a course (settings are "KEY=VALUE", as lms_course_set
 * takes them), validates the result (lms_ops_check_course), takes the
 * records of a session whose date it moves along to the new date
 * (lms_ops_move_session_records), and fills the places it frees from the
 * waiting list (lms_roll_promote), unless the course is cancelled or
 * completed.
 *
 * The order of the writes: attendance.yaml and evaluations.yaml first
 * (only when a record moves), course.yaml next, enrolments.yaml last
 * (only when someone moves up).  Stopped after the first, a record is
 * under a date that no session has yet, which lms check reports, and the
 * same change made again moves the session to its record.  Stopped
 * between the others, the course has more places while people still
 * wait: lms check warns of that ("people are on the waiting list while
 * places are free") and the next withdrawal or change of the course
 * moves them up.  The other order could leave more people enrolled than
 * the course has places, which lms check calls an error.  (Within a
 * command all the writes are one change, see opsio.h.)
 *
 * On success out is the caller's (lms_set_result_release); on an error it
 * holds nothing.
 */
int lms_ops_course_set(const struct lms_ops_io *io, const char *course,
		       const char *const *settings, size_t n,
		       lms_moved_fn *moved, void *arg,
		       struct lms_set_result *out);
void lms_set_result_release(struct lms_set_result *r);

#endif
