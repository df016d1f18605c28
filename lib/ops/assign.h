#ifndef LMS_ASSIGN_H
#define LMS_ASSIGN_H

#include <stdint.h>

#include "bookings.h"
#include "course.h"
#include "opsio.h"

/*
 * Who facilitates a course (lms course assign, unassign): each is one
 * edit of course.yaml (lms_ops_edit_course), the file people also edit
 * by hand, so the rest of its text stays as it was written.
 *
 * The rules, all decided before the one write:
 * - assign: the facilitator must be one the service knows
 *   (lms_facilitator_check), asked before the course is read;
 * - unassign: the facilitator must be on the course (courseedit.h);
 * - the course.yaml after the change must load, and whoever leads a
 *   session must still be a known facilitator (lms_ops_check_course).
 * The clashes of assign are read after its one write, from the course
 * as it is then; if the courses cannot be listed for them, the operation
 * fails, and the caller does not commit its write (opsio.h).
 */

/* What an assign or unassign did, for the command to say;
 * lms_assign_result_release frees it. */
struct lms_assign_result {
	struct lms_course before, after;
	/* assign: the sessions the facilitator is to lead on a day they
	 * are not available, or at a time they lead another course's
	 * (lms_ops_course_clashes), theirs alone; empty for unassign.
	 * Warnings, not refusals, as in lms course new. */
	struct lms_clashes clashes;
};

/* Adds facilitator to a course for phases (LMS_PLAN...), or gives one
 * already there those phases.  On an error out holds nothing. */
int lms_ops_course_assign(const struct lms_ops_io *io, const char *course,
			  const char *facilitator, unsigned phases,
			  struct lms_assign_result *out);
/* The same, and with role (lms_kind_names, not 0) the facilitator's
 * role on this course (lms_course_facilitator_kind). */
int lms_ops_course_assign_role(const struct lms_ops_io *io, const char *course,
			       const char *facilitator, unsigned phases,
			       int role, struct lms_assign_result *out);
/* Removes facilitator from a course.  On an error out holds nothing. */
int lms_ops_course_unassign(const struct lms_ops_io *io, const char *course,
			    const char *facilitator,
			    struct lms_assign_result *out);
void lms_assign_result_release(struct lms_assign_result *r);

#endif
