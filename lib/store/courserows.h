#ifndef LMS_COURSEROWS_H
#define LMS_COURSEROWS_H

#include <stddef.h>
#include <stdint.h>

#include "tree.h"

/*
 * What lms course list shows of each course, read from the plans by a
 * walk (walk.h) on every core: only the plans, and of those only the
 * courses that pass the filter.
 */
struct lms_course_row {
	const char *id;
	const char *title;	/* NULL when it has none */
	int status;		/* enum lms_course_status */
	int32_t first, last;	/* dates of its sessions; LMS_DATE_NONE */
	size_t nsessions;
	int capacity;		/* LMS_UNSET when it has none */
};

/* A course passes with the status (0 for any) and, when from or to is
 * not LMS_DATE_NONE, with sessions from..to; a course without sessions
 * passes only when neither is given. */
struct lms_course_filter {
	int status;
	int32_t from, to;
};

/* Called with the row of each course that passes, on the calling
 * thread and in the order of the courses' ids; the row's strings last
 * only for the call. */
typedef void lms_course_row_fn(void *arg, const struct lms_course_row *r);

/* Told, before any row, how many rows there are at most: to make room
 * for them at once. */
typedef void lms_course_rows_expect_fn(void *arg, size_t most);

/* Hands each of the tree's courses that pass f to each(arg, row), after
 * expect(arg, most) if expect is not NULL.  On an error, the rows handed
 * over so far are of no use: the walk stopped somewhere in the tree. */
int lms_tree_course_rows(struct lms_tree *t, const struct lms_course_filter *f,
			 lms_course_rows_expect_fn *expect,
			 lms_course_row_fn *each, void *arg);

#endif
