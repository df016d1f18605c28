#ifndef LMS_TREE_H
#define LMS_TREE_H

#include <stddef.h>

#include "buf.h"
#include "course.h"
#include "attendance.h"
#include "enrolment.h"
#include "evaluation.h"
#include "facilitator.h"
#include "fsio.h"
#include "form.h"
#include "layout.h"
#include "meeting.h"
#include "offer.h"
#include "person.h"
#include "schema.h"
#include "service.h"
#include "strset.h"
#include "template.h"
#include "txn.h"

/*
 * A service's tree of files (see lms-files(5)).  root is the path as the
 * user would write it from the working directory ("." or "../.." or the
 * -C argument), so that every path in a message can be pasted.
 */
struct lms_tree {
	char *root;
	/* The root folder and its courses/, open (if they could be opened
	 * when the tree was), that the tree's files are read and looked up
	 * below (see lms_read_file_at): each course file's path is looked
	 * up from courses/, one folder fewer to look up for each of the
	 * 214,000 files of a national tree. */
	int root_fd, courses_fd;
	bool has_root_fd, has_courses_fd;
	struct lms_service service;
	struct lms_buf text;		/* the store's: each file it reads */
	/* The tree's lock, .lms/lock (fd -1 when not held): taken by
	 * lms_tree_begin or lms_tree_begin_read, let go by
	 * lms_tree_release. */
	struct lms_lock lock;
	/* The change being made, if any (&change, or NULL): what the tree
	 * writes is staged there and committed as one (see txn.h).  The
	 * files of a change are read before they are written: a read does
	 * not see what is staged. */
	struct lms_txn *txn;
	struct lms_txn change;
	/* Taking the lock finished a change that a killed lms had left. */
	bool recovered;
	/* Ignore .lms/index and build it anew (lms --no-cache; index.h). */
	bool no_cache;
	/* The threads that read a walk over its courses (walk.h): 0 for
	 * one per core.  The front end sets it; lms_tree_open leaves 0. */
	size_t threads;
	/* What a walk's thread reads ahead of its courses (ahead.h), or
	 * NULL: the tree's reads take their files from there if it has
	 * them. */
	struct lms_ahead *ahead;
};


/* The nearest folder upwards from the working directory with lms.yaml. */
int lms_tree_find(char **out);
/* Opens the tree at root and loads lms.yaml. */
int lms_tree_open(struct lms_tree *t, const char *root);
/* path, one of t's files, as name (returned) below the open folder *dir
 * it is closest to, for the *at calls; AT_FDCWD and path if none. */
const char *lms_tree_below(const struct lms_tree *t, const char *path,
			   int *dir);
/* A new open of t's courses/, for the caller to close; -1 if none. */
int lms_tree_open_courses(const struct lms_tree *t);
/*
 * copy, a copy of t for another thread to read with: a buffer of its
 * own, and an open of courses/ of its own, since threads that read below
 * one open folder contend for it.  lms_tree_thread_release lets them go;
 * t's own are untouched.
 */
void lms_tree_thread_copy(struct lms_tree *copy, const struct lms_tree *t);
void lms_tree_thread_release(struct lms_tree *copy);
void lms_tree_release(struct lms_tree *t);

/*
 * The path of a file of the tree (layout.h) as messages name it: root
 * joined with its place, for id when it takes one.  The caller frees it.
 */
char *lms_tree_file(const struct lms_tree *t, enum lms_file f, const char *id);
/* root joined with a relative path, for the store's own use. */
char *lms_tree_path(const struct lms_tree *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Reads a file of the tree into t->text. */
int lms_tree_read(struct lms_tree *t, const char *path);

/*
 * Begins a change: takes the tree's lock alone, for the whole
 * read-modify-write of a command (see fsio.h), after finishing a change
 * that a killed writer left in .lms/journal (see txn.h).  What the tree
 * writes from now on is staged, and made by lms_tree_end.
 */
int lms_tree_begin(struct lms_tree *t, int timeout_ms);
/*
 * Takes the lock shared, for reading: no change is half made while it is
 * held.  A change left half made is finished first (which takes the lock
 * alone for a moment); a reader that cannot write the tree is refused
 * then.  A reader makes nothing: on a tree without .lms/ or its lock,
 * which no writer has written yet, it goes without (lock.fd is -1),
 * unless a change is half made.  A lock that is there but cannot be
 * opened, or a journal that cannot be looked for, is an error.
 */
int lms_tree_begin_read(struct lms_tree *t, int timeout_ms);
/*
 * Ends the change begun by lms_tree_begin: makes it when err is not
 * negative, else drops what was staged.  Returns err, or the error of
 * making the change; *undone (if not NULL) tells that making it failed
 * with no file changed (see lms_txn_commit).  The lock stays held until
 * lms_tree_release.
 */
int lms_tree_end(struct lms_tree *t, int err, bool *undone);

/*
 * Writes a file of the tree (a path from lms_tree_file) into the change
 * begun by lms_tree_begin; without one it is refused, as the lock is not
 * held.  Nothing is written through a symbolic link below the root, nor
 * into a FIFO, socket or device (LMS_ECREATE; see fsio.h).
 */
int lms_tree_write(struct lms_tree *t, const char *path, const void *data,
		   size_t len, mode_t mode);
/* Makes a folder of the tree and those above it, as lms_tree_write. */
int lms_tree_mkdirs(struct lms_tree *t, const char *path);

/*
 * Reads file f (for id) into out, as it is; LMS_ENOENT when it is not
 * there.  For changes that splice a file people also edit by hand.
 */
int lms_tree_load_text(struct lms_tree *t, enum lms_file f, const char *id,
		       struct lms_buf *out);
/*
 * Writes the new text of file f (for id) into the command's change,
 * making its folder if need be.  Refused without the lock (t->txn NULL),
 * and for text that lms would not read back: the files of a tree are
 * YAML.  The register and the report key have writers of their own.
 */
int lms_tree_save(struct lms_tree *t, enum lms_file f, const char *id,
		  const struct lms_buf *text);

/*
 * The ids of all courses (folders under courses/ with a course.yaml),
 * sorted.  A missing courses/ has none; one that cannot be read is
 * LMS_EIO, never "no courses".
 */
int lms_tree_course_ids(struct lms_tree *t, char ***out, size_t *n);
/*
 * The folders under courses/ whose names are ids, sorted, as
 * lms_tree_course_ids has them but without looking into each: a walk
 * that asks lms_tree_has_course of a folder whose plan did not load
 * looks up each plan once, on its workers, where the serial look into
 * each folder was a sixth of course list's work.
 */
int lms_tree_course_folders(struct lms_tree *t, char ***out, size_t *n);
/* 1 if courses/ID/course.yaml is there, 0 if not, LMS_EIO if that cannot
 * be told. */
int lms_tree_has_course(const struct lms_tree *t, const char *id);
void lms_strings_free(char **v, size_t n);
void lms_strings_sort(char **v, size_t n);

int lms_tree_load_course(struct lms_tree *t, const char *id,
			 struct lms_course *out, struct lms_diags *diags);
/* A course with the text of its course.yaml (added to text), for an edit
 * that splices the text (see courseedit.h). */
int lms_tree_load_course_text(struct lms_tree *t, const char *id,
			      struct lms_course *out, struct lms_buf *text);
/* A missing facilitators file is an empty list. */
int lms_tree_load_facilitators(struct lms_tree *t, struct lms_facilitator **out,
			       size_t *n, struct lms_diags *diags);
/* The register of offers (offers.yaml); a missing file is empty. */
int lms_tree_load_offers(struct lms_tree *t, struct lms_offers *out,
			 struct lms_diags *diags);
int lms_tree_load_form(struct lms_tree *t, const char *id, struct lms_form *out,
		       struct lms_diags *diags);
int lms_tree_load_template(struct lms_tree *t, const char *id,
			   struct lms_template *out, struct lms_diags *diags);

/* A course's files that lms owns; a missing file is empty. */
int lms_tree_load_enrolments(struct lms_tree *t, const char *course,
			     struct lms_enrolments *out);
int lms_tree_load_attendance(struct lms_tree *t, const char *course,
			     struct lms_attendance *out);
int lms_tree_load_evaluations(struct lms_tree *t, const char *course,
			      struct lms_evaluations *out);
int lms_tree_load_meetings(struct lms_tree *t, const char *course,
			   struct lms_meetings *out);
int lms_tree_load_facilitator_evaluations(struct lms_tree *t,
					  const char *course,
					  struct lms_evaluations *out);

/*
 * The private register.  It is refused (LMS_EREFUSED) when others may
 * read it; a missing register is empty.  Writing keeps it at mode 0600 and
 * listed in .gitignore.
 */
int lms_tree_load_register(struct lms_tree *t, struct lms_register *out);
int lms_tree_save_register(struct lms_tree *t, const struct lms_register *r);
/* Keeps people/participants.yaml in the .gitignore at root. */
int lms_keep_register_ignored(const char *root);

/*
 * Marks, of the person ids in ask, those the tree uses (r's, and those
 * of every course's enrolments, through the index): their value becomes
 * non-NULL.  What it holds is the few ids asked of, not the tree's.
 */
int lms_tree_mark_used_ids(struct lms_tree *t, const struct lms_register *r,
			   struct lms_strset *ask);

#endif
