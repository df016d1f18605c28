#ifndef LMS_TREEDOC_H
#define LMS_TREEDOC_H

#include <stdbool.h>

#include "attendance.h"
#include "buf.h"
#include "course.h"
#include "enrolment.h"
#include "error.h"
#include "evaluation.h"
#include "facilitator.h"
#include "form.h"
#include "person.h"
#include "schema.h"
#include "service.h"
#include "template.h"
#include "tree.h"

/*
 * One file of the tree as lms check reads it, which wants more of a file
 * than a command does: its text as it is, to look for personal data in
 * and to place findings on keys; every note of its loader (an unknown key,
 * each with its line and column); and a file that does not read or load
 * kept as such, with its error, while the others are read all the same.
 * Reading and loading are two steps, so that the text can be looked at
 * before the loader has its say.
 */
struct lms_tree_doc {
	enum lms_file file;
	char *id;			/* of a form, template or course */
	char *path;			/* as messages name it */
	struct lms_buf text;		/* as it is; empty when missing */
	bool read;			/* text is the file's, or it is missing
					 * and may be */
	bool missing;
	bool loaded;
	struct lms_diags diags;		/* the loader's notes */
	struct lms_error error;		/* why it did not read or load */
};

/*
 * Reads file f (for id) into d, which is to be released whatever this
 * returns.  A missing file is LMS_ENOENT, or with may_miss read as empty.
 */
int lms_tree_doc_read(struct lms_tree *t, enum lms_file f, const char *id,
		      bool may_miss, struct lms_tree_doc *d);
/* d as lms_tree_doc_read leaves a file that may miss, and does, without
 * a look: one that a listing of its folder showed not to be there. */
int lms_tree_doc_missing(struct lms_tree *t, enum lms_file f, const char *id,
			 struct lms_tree_doc *d);
void lms_tree_doc_release(struct lms_tree_doc *d);

/*
 * The loads of a document that was read, each into the object of its
 * file; d->error and d->loaded say how it went.  A course is not held to
 * its folder's name here (check says so itself), and lms.yaml is loaded
 * by its schema alone, so that its notes are every key's.
 */
int lms_tree_doc_service(struct lms_tree_doc *d, struct lms_service *out);
int lms_tree_doc_facilitators(struct lms_tree_doc *d,
			      struct lms_facilitator **out, size_t *n);
int lms_tree_doc_offers(struct lms_tree_doc *d, struct lms_offers *out);
int lms_tree_doc_register(struct lms_tree_doc *d, struct lms_register *out);
int lms_tree_doc_form(struct lms_tree_doc *d, struct lms_form *out);
int lms_tree_doc_template(struct lms_tree_doc *d, struct lms_template *out);
int lms_tree_doc_course(struct lms_tree_doc *d, struct lms_course *out);
int lms_tree_doc_enrolments(struct lms_tree_doc *d,
			    struct lms_enrolments *out);
int lms_tree_doc_attendance(struct lms_tree_doc *d,
			    struct lms_attendance *out);
int lms_tree_doc_evaluations(struct lms_tree_doc *d,
			     struct lms_evaluations *out);
int lms_tree_doc_meetings(struct lms_tree_doc *d, struct lms_meetings *out);
int lms_tree_doc_facilitator_evaluations(struct lms_tree_doc *d,
					 struct lms_evaluations *out);

#endif
