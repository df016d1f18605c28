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
	char *id;
	char *title;
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

/* The rows of the tree's courses that pass, in the order of their ids;
 * the caller frees them with lms_course_rows_free. */
int lms_tree_course_rows(struct lms_tree *t, const struct lms_course_filter *f,
			 struct lms_course_row **rows, size_t *n);
void lms_course_rows_free(struct lms_course_row *rows, size_t n);

#endif
