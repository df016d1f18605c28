#ifndef LMS_COURSEEDIT_H
#define LMS_COURSEEDIT_H

#include "buf.h"
#include "course.h"

/*
 * Changes to a course.yaml that people also edit by hand: each is a
 * splice of its text (see yedit.h), so the rest of the file stays as it
 * was written.  The caller loads the result to validate it before writing.
 */

/*
 * Sets KEY to VALUE as `lms course set` takes them: a key path of the
 * course schema and the value as text; lists as "a,b"; an empty value
 * removes the key.  Dates and times are read as people type them
 * (8.9.2026, kl. 18.00) and written as the file keeps them (2026-09-08,
 * "18:00").
 */
int lms_course_set(struct lms_buf *text, const char *path, const char *key,
		   const char *value);
/*
 * The same for any record of a hand-written file: sets keypath (which
 * ends in key, a field f of schema s) to value, read as lms course set
 * reads it.  people/facilitators.yaml is edited so too.
 */
int lms_record_set(struct lms_buf *text, const char *path,
		   const struct lms_schema *s, const char *keypath,
		   const char *key, const struct lms_field *f,
		   const char *value);
/* Adds a facilitator, or gives one already there the new phases. */
int lms_course_assign(struct lms_buf *text, const char *path,
		      const struct lms_course *c, const char *facilitator,
		      unsigned phases);
/* The same, and with role (lms_kind_names, not 0) the facilitator's role
 * on this course, which outweighs the registry's kind. */
int lms_course_assign_role(struct lms_buf *text, const char *path,
			   const struct lms_course *c, const char *facilitator,
			   unsigned phases, int role);
int lms_course_unassign(struct lms_buf *text, const char *path,
			const struct lms_course *c, const char *facilitator);

/* Appends the value at a key path of c as it would be written, for
 * messages such as "capacity: 12 -> 14"; nothing if absent. */
void lms_course_describe(struct lms_buf *out, const struct lms_course *c,
			 const char *key);

#endif
