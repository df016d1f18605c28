#ifndef LMS_CHECK_H
#define LMS_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "findings.h"
#include "tree.h"

/*
 * lms check: finds what is wrong in a tree before it matters, as a
 * compiler or hledger check would.  The rules (findings.h) are:
 *
 * schema         files that do not load, unknown keys, answers that are
 *                not on their form, a course id that is not its folder's
 * dates          sessions out of order, ending before they start or
 *                overlapping; a completed course with sessions to come,
 *                an open one whose sessions are all past
 * references     facilitators, forms, templates, sessions and (when the
 *                private register is there) people that do not exist
 * conflicts      a facilitator in two sessions at once, two courses in one
 *                place at once, across courses
 * capacity       more places taken than the course has, or people waiting
 *                while places are free
 * participation  a phase without a user representative or without a
 *                professional; a course without an evaluation form
 * privacy        what looks like personal data in a file meant for git,
 *                and a private register that others may read or that
 *                git would take
 * holidays       a session on a public holiday or on a day that the
 *                service is closed (closed: in lms.yaml)
 * catalog        what the public catalogue needs of a public course
 * availability   a session still to come led by a facilitator who is not
 *                available that day
 */
struct lms_check_options {
	unsigned rules;			/* bits of enum lms_rule */
	int32_t today;
	char **courses;			/* only these; none: the whole tree */
	size_t ncourses;
	/* If not NULL, hears how many courses of how many are checked. */
	void (*progress)(size_t done, size_t total, void *arg);
	void *progress_arg;
	/* Where the bookings of a national tree wait in sorted runs (the
	 * front end's $TMPDIR; NULL: /tmp). */
	const char *tmpdir;
};

/*
 * Checks the tree into out (initialised here, sorted by place).  A file
 * that is wrong is a finding, not a failure: this fails only when the
 * tree cannot be read at all, or a course named does not exist.
 */
int lms_check_tree(struct lms_tree *t, const struct lms_check_options *opt,
		   struct lms_findings *out);

#endif
