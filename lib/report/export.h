#ifndef LMS_EXPORT_H
#define LMS_EXPORT_H

#include <stddef.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"
#include "form.h"
#include "table.h"
#include "tree.h"

/*
 * Tidy tables of a service's records, for R or a spreadsheet (lms export):
 * one row per record, one column per variable, dates in ISO 8601, people
 * by their random ids only.  Nothing here reads the private register, so
 * that no name or contact can reach an export.  lms-export(1) gives the
 * columns of each table.
 */
enum lms_export_table {
	LMS_EXPORT_ENROLMENTS = 1, LMS_EXPORT_ATTENDANCE, LMS_EXPORT_EVALUATIONS
};

/* Starts an empty table of the given kind: the header, no rows. */
void lms_export_init(struct lms_table *out, enum lms_export_table which);

/*
 * Each appends one course's rows to a table started by lms_export_init,
 * in the order of the course's file.
 */
void lms_export_enrolments(struct lms_table *out, const struct lms_course *c,
			   const struct lms_enrolments *e);
void lms_export_attendance(struct lms_table *out, const struct lms_course *c,
			   const struct lms_attendance *a);
/* forms are those to score responses by; a response to a form that is not
 * among them has an empty score. */
void lms_export_evaluations(struct lms_table *out, const struct lms_course *c,
			    const struct lms_evaluations *ev,
			    const struct lms_form *forms, size_t nforms);

/*
 * Loads course id's files from the tree and appends its rows.  For
 * evaluations it loads every form the responses name; a form whose file
 * is missing leaves its responses unscored rather than failing.
 */
int lms_export_course(struct lms_tree *tree, const char *id,
		      enum lms_export_table which, struct lms_table *out);

#endif
