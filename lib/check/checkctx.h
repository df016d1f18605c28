#ifndef LMS_CHECKCTX_H
#define LMS_CHECKCTX_H

#include <stdbool.h>

#include "check.h"
#include "conflicts.h"
#include "coursefiles.h"
#include "form.h"
#include "index.h"
#include "offer.h"
#include "personal.h"
#include "strset.h"
#include "treedoc.h"

/*
 * What the rules of lms check share, made once before the courses are
 * read and only read after.  lms check is in parts, by job: check.c (the
 * context and the assembly of the findings), checkservice.c (the
 * service's files), checkfiles.c (the walk over the tree's files),
 * checkcourses.c (the walk over the courses), checkcourse.c (the rules
 * of one course), checkprivacy.c and conflicts.c.  The files themselves
 * are read by the store (treedoc.h, treelist.h, coursefiles.h).
 */
struct lms_check_ctx {
	struct lms_tree *tree;
	const struct lms_check_options *opt;
	struct lms_facilitator *facilitators;
	size_t nfacilitators;
	const char **facilitator_ids;	/* for suggestions */
	struct lms_strset facilitator_index;	/* id -> 1 + index */
	bool facilitators_broken;	/* the file did not load */
	struct lms_form *forms;
	size_t nforms;
	const char **form_ids;
	struct lms_strset form_index;	/* id -> 1 + index */
	struct lms_strset broken_forms;	/* there, but they did not load */
	const char **template_ids;
	size_t ntemplates;
	struct lms_strset people;	/* the register's ids -> 1 + the
					 * first record's index */
	bool have_people;		/* the register was read */
	struct lms_names names;		/* its names, to find in files */
	struct lms_register reg;	/* and its records, for their places */
	struct lms_offers offers;	/* offers.yaml, which follow-ups name */
};

const struct lms_facilitator *lms_check_facilitator(
	const struct lms_check_ctx *x, const char *id);
const struct lms_form *lms_check_form(const struct lms_check_ctx *x,
				      const char *id);
bool lms_check_template(const struct lms_check_ctx *x, const char *id);

/* The rules of one course's files (checkcourse.c), when its plan
 * loaded. */
void lms_check_course(const struct lms_check_ctx *x,
		      const struct lms_course_files *cf,
		      struct lms_findings *out);

/* Who leads a session still to come on a day they are not available
 * (checkavailable.c). */
void lms_check_availability(const struct lms_check_ctx *x,
			    const struct lms_course_files *cf,
			    struct lms_findings *out);

/* What the public catalogue needs of a public course (checkpublic.c). */
void lms_check_public(const struct lms_check_ctx *x,
		      const struct lms_course_files *cf,
		      struct lms_findings *out);
/* The line of text (len bytes) where top-level key starts, "key:" at
 * its start; 0 if none does. */
unsigned lms_check_key_line(const char *text, size_t len, const char *key);
/* Where key is first a mapping key at or after at, indented or not: for
 * a finding about a value that the loader kept no place of.  at if none. */
struct lms_mark lms_check_key_after(const char *text, size_t len,
				    struct lms_mark at, const char *key);
/* Where top-level key of the course's file is, else the course's start. */
struct lms_mark lms_check_key_mark(const struct lms_course_files *cf,
				   const char *key);

/* Unknown keys that a loader noted, with a suggestion (checkcourse.c). */
void lms_check_diags(const struct lms_diags *d, struct lms_findings *out);

/*
 * Privacy (checkprivacy.c): what looks like personal data in text, names
 * from the register among it; contacts_allowed for
 * people/facilitators.yaml, whose phone numbers and addresses are those
 * of people in a public role.
 */
void lms_check_text(const struct lms_names *names, const char *path,
		    const char *text, size_t len, bool contacts_allowed,
		    struct lms_findings *out);
/* Reads path and checks it as above (UTF-16 too), unless it is binary. */
void lms_check_file(const struct lms_names *names, const char *path,
		    struct lms_buf *scratch, struct lms_findings *out);
/* The private register: readable by others, or not kept out of git. */
void lms_check_register(struct lms_tree *t, struct lms_findings *out);

/* A file that did not read or load, as the finding of its error e. */
void lms_check_failed(const struct lms_error *e, struct lms_findings *out);
/* A finding if d could not be read; true then. */
bool lms_check_unread(const struct lms_tree_doc *d, struct lms_findings *out);

/*
 * The service's files (checkservice.c), loaded into the context: the
 * register first, whose names are looked for in the others; then the
 * facilitators, forms and templates, with report checked themselves.
 * A forms/ or templates/ that cannot be listed fails the check.
 */
void lms_check_load_people(struct lms_check_ctx *x, struct lms_findings *out);
/* offers.yaml, whose contacts are the offers' own, public ones. */
void lms_check_load_offers(struct lms_check_ctx *x, bool report,
			   struct lms_findings *out);
void lms_check_load_facilitators(struct lms_check_ctx *x, bool report,
				 struct lms_findings *out);
int lms_check_load_forms(struct lms_check_ctx *x, bool report,
			 struct lms_findings *out);
int lms_check_load_templates(struct lms_check_ctx *x, bool report,
			     struct lms_findings *out);
/* lms.yaml, the register's privacy and every file lms does not read. */
void lms_check_service_files(struct lms_check_ctx *x,
			     struct lms_findings *out);

/*
 * The walk over the tree's files (checkfiles.c): the files that lms does
 * not read itself, looked through for personal data, of the tree and of
 * course id's folder; and the courses' ids, with findings for folders
 * under courses/ that hold none (LMS_EIO if courses/ cannot be listed).
 */
void lms_check_unknown_files(const struct lms_tree *t,
			     const struct lms_names *people,
			     struct lms_findings *out);
/* folder: the course's folder as listed, or NULL to list it here. */
void lms_check_course_folder(const struct lms_tree *t,
			     const struct lms_names *people, const char *id,
			     const struct lms_course_folder *folder,
			     struct lms_buf *scratch, struct lms_findings *out);
int lms_check_list_courses(const struct lms_tree *t,
			   const struct lms_names *people, char ***ids,
			   size_t *n, bool report, struct lms_findings *out);
/* A folder under courses/ that holds no course: an error, unless it is
 * hidden (as git and ls leave such), and its files read for personal
 * data all the same. */
void lms_check_not_a_course(const struct lms_tree *t,
			    const struct lms_names *names, const char *name,
			    struct lms_buf *scratch, struct lms_findings *out);

/* What the walk over the courses shares (checkcourses.c). */
struct lms_check_walk {
	struct lms_check_ctx *x;
	struct lms_findings *out;
	struct lms_strset chosen;	/* the courses named, if any */
	struct lms_bookings people, places;
	/* By the register's records, through people: whether any course
	 * names the record's id (a flag each, not a set of every id the
	 * courses name, which is millions in a national tree). */
	bool *on_courses;
	bool enrolments_broken;		/* some did not load: on_courses is
					 * not everyone */
	size_t ncourses;
	char **ids;			/* the courses' ids, by number */
	/* lms check ID: the other courses' bookings come from the index
	 * (index.h), which reads only those that changed; NULL: read them */
	struct lms_index *index;
	void (*progress)(size_t done, size_t total, void *arg);
	void *progress_arg;
};

/* Every course, and then the conflicts between them. */
int lms_check_courses(struct lms_check_walk *ck);

#endif
