#ifndef LMS_SESSIONMOVE_H
#define LMS_SESSIONMOVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "course.h"
#include "opsio.h"

/*
 * A session's records follow it when a change of the course moves its
 * date: attendance.yaml is keyed by date, and an evaluation response
 * given at a session names the session's date, so records left under the
 * old date would belong to no session (lms check calls that an error).
 * A mistyped date put right is the usual case.
 */

/* A session's date as a change moved it, and what moved along. */
struct lms_date_move {
	int32_t from, to;
	bool attendance;	/* its attendance record */
	size_t responses;	/* evaluation responses given at it */
};

/*
 * Moves the records of the sessions whose date the change from before to
 * after moves (session by session in the file's order).  A date that a
 * session still has keeps its records, as when two sessions swap dates:
 * a record is of the day it was taken.  An attendance record that would
 * land on a date with one already is refused (LMS_EREFUSED), with
 * nothing written.  attendance.yaml and evaluations.yaml are written only
 * when something in them moves.  *moves (the caller's, lms_free) are the
 * moves that took something along, *n of them.
 */
int lms_ops_move_session_records(const struct lms_ops_io *io,
				 const struct lms_course *before,
				 const struct lms_course *after,
				 struct lms_date_move **moves, size_t *n);

#endif
