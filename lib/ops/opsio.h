#ifndef LMS_OPSIO_H
#define LMS_OPSIO_H

#include <stddef.h>

#include "attendance.h"
#include "buf.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"
#include "facilitator.h"
#include "form.h"
#include "person.h"
#include "template.h"
#include "strset.h"
#include "tree.h"

/*
 * What an operation reads and writes, as a small table of functions, so
 * that a unit test can put a fake in the tree's place: record the order
 * of the writes, fail the Nth one, and look at what is left.
 *
 * The contract:
 * - An operation reads every file it will write before it writes any, and
 *   decides everything (rules, refusals, validation) before its first
 *   save: a refusal or bad data changes nothing.
 * - save writes the new text of a file of the tree (a course's, or the
 *   facilitators').  With the tree (see
 *   lms_ops_tree_io) it is staged into the command's change (txn.h), so
 *   that the files of an operation are written whole or not at all; a
 *   crash between two saves cannot be seen there.  The order of saves
 *   still matters: it is the order of the renames, and it is what is left
 *   when a tree is written without a journal.  Each operation's header
 *   says why its order is safe: a prefix of its saves is a state that
 *   lms check accepts, or one that running the operation again repairs.
 * - A failed save fails the operation; the saves before it stay staged,
 *   and the caller does not commit them (an error from a command leaves
 *   the tree as it was).
 */

struct lms_ops_io {
	void *arg;
	/* The day of the change, which a record may keep (who moved up from
	 * the waiting list when); 0, as in a zeroed io, when not known. */
	int32_t today;
	/* A course; with the text of its course.yaml when text is not NULL. */
	int (*load_course)(void *arg, const char *id, struct lms_course *out,
			   struct lms_buf *text);
	/* A course's files that lms owns; a missing file is empty. */
	int (*load_enrolments)(void *arg, const char *course,
			       struct lms_enrolments *out);
	int (*load_attendance)(void *arg, const char *course,
			       struct lms_attendance *out);
	int (*load_facilitators)(void *arg, struct lms_facilitator **out,
				 size_t *n);
	/* The path of a file as messages name it (course is NULL for a
	 * file of the service's); the caller's. */
	char *(*path)(void *arg, enum lms_file f, const char *course);
	int (*save)(void *arg, enum lms_file f, const char *course,
		    const struct lms_buf *text);
	/* The ids of all courses, sorted; the caller's (lms_strings_free). */
	int (*course_ids)(void *arg, char ***out, size_t *n);
	/* The private register; a missing one is empty. */
	int (*load_register)(void *arg, struct lms_register *out);
	int (*save_register)(void *arg, const struct lms_register *r);
	/* 1 if a course's course.yaml is there, 0 if not, <0 on an error. */
	int (*has_course)(void *arg, const char *id);
	/* A template of templates/; the caller's (lms_template_release). */
	int (*load_template)(void *arg, const char *id,
			     struct lms_template *out);
	/* lms evaluate and lms facilitator add. */
	int (*load_form)(void *arg, const char *id, struct lms_form *out);
	int (*load_evaluations)(void *arg, const char *course,
				struct lms_evaluations *out);
	/* A file's text as it is (course is NULL for a file of the
	 * service's); a missing file is LMS_ENOENT. */
	int (*load_text)(void *arg, enum lms_file f, const char *course,
			 struct lms_buf *out);
	/* Marks, of the ids in ask, those the tree uses, r's and the
	 * courses' (lms_tree_mark_used_ids). */
	int (*mark_used_ids)(void *arg, const struct lms_register *r,
			     struct lms_strset *ask);
};

/*
 * need new person ids that the tree does not use (r's people and every
 * course's) into pool: drawn, then asked of io, and drawn again in the
 * rare case that too many were in use.
 */
int lms_ops_free_ids(const struct lms_ops_io *io, const struct lms_register *r,
		     size_t need, struct lms_id_pool *pool);

/*
 * The io of a tree open at t.  save refuses (an internal error) when t
 * is not making a change (t->txn is NULL: the lock is not held), and
 * refuses text that lms would not read back.
 */
void lms_ops_tree_io(struct lms_ops_io *io, struct lms_tree *t);

/* The text of a hand-kept file (offers.yaml, meetings.yaml ...): a
 * missing file is empty text. */
int lms_ops_load_text_or_empty(const struct lms_ops_io *io, enum lms_file f,
			       const char *course, struct lms_buf *text);

/*
 * Validates the new text of a course.yaml, the course before as *before,
 * by loading it into *after (the caller's on success): the schema's
 * rules, that whoever leads a session is a facilitator the service
 * knows, and that a template or form the change names anew is there
 * (LMS_ENOENT, "template: no such template: 'T'").  A load error's line
 * and column are in text that was never written, so the message names
 * the file and the problem instead.
 */
int lms_ops_check_course(const struct lms_ops_io *io,
			 const struct lms_course *before,
			 const struct lms_buf *text, struct lms_course *after);

/* Saves a course's enrolments in their canonical form. */
int lms_ops_save_enrolments(const struct lms_ops_io *io, const char *course,
			    const struct lms_enrolments *e);

/*
 * A splice of a course.yaml's text (courseedit.h): path names the file in
 * messages, c is the course as it was.
 */
typedef int lms_course_edit_fn(struct lms_buf *text, const char *path,
			       const struct lms_course *c, void *arg);

/*
 * One change to a course.yaml, the file people also edit by hand: loads
 * it with its text, lets edit splice the text, validates the result
 * (lms_ops_check_course) and saves it: one write, after every check.  On
 * success before and after are the caller's (lms_course_release); on an
 * error they hold nothing.
 */
int lms_ops_edit_course(const struct lms_ops_io *io, const char *course,
			lms_course_edit_fn *edit, void *arg,
			struct lms_course *before, struct lms_course *after);

#endif
