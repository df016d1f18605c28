#ifndef LMS_COURSECMD_H
#define LMS_COURSECMD_H

#include "bookings.h"
#include "cmd.h"

/* lms course: its verbs, each in a file of its own (cmd/course*.c), and
 * what they share (cmd/course.c). */

extern const struct cmd course_new_cmd, course_list_cmd, course_show_cmd,
	course_set_cmd, course_assign_cmd, course_unassign_cmd,
	course_close_cmd;

/* Free text for a file that goes to git, from the command line. */
int course_screen_arg(struct ctx *ctx, const char *what, const char *value);
/* names[i] for each bit i of bits, translated in context (NULL: as in
 * the file), with commas between. */
void course_add_flag_names(struct lms_buf *out, const char *const *names,
			   const char *context, unsigned bits);
/* Warns, as lms check does, of each person paid for the sessions of the
 * course as it is now (after), whose fees in a year pass the service's
 * yearly limit, or would with the sessions planned. */
void course_warn_fees(struct ctx *ctx, const struct lms_course *after);
/* Warns of each facilitator not available on a session day they are to
 * lead, and of each session they are to lead at a time they lead another
 * course's (lms course new, assign); and of the courses not read. */
void course_warn_clashes(const struct lms_clashes *x);

#endif
