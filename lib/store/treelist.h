#ifndef LMS_TREELIST_H
#define LMS_TREELIST_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "tree.h"

/*
 * What is in the tree's folders, for lms check, which looks at every file
 * that git would take, also those lms does not know.  A folder that is
 * not there holds nothing; one that cannot be listed (no permission, a
 * file where a folder should be) is LMS_EIO with its path and why, never
 * "nothing there".
 */

/* The names in folder f (for id), unsorted, as lms_dir_list gives them. */
int lms_tree_list(const struct lms_tree *t, enum lms_file f, const char *id,
		  char ***names, size_t *n);
/* The same, and what each name is (enum lms_dir_kind), as lms_dir_read
 * gives them: no stat(2) for each. */
int lms_tree_list_kinds(const struct lms_tree *t, enum lms_file f,
			const char *id, char ***names, unsigned char **kinds,
			size_t *n);
/*
 * The ids of the files f that are there, such as the forms of forms/,
 * sorted: the names in f's folder that have the shape of f's, less that
 * shape.  Hidden files (forms/.notes.yaml) are none.  For a file in a
 * folder of its id (courses/ID/course.yaml), every name that is not.
 */
int lms_tree_ids(const struct lms_tree *t, enum lms_file f, char ***ids,
		 size_t *n);

/*
 * Whether rel, a path relative to the root, is file f (for any id), the
 * folder f is in, or a temporary file that a write of f leaves when it is
 * interrupted (".NAME.XXXXXX" beside it; see fsio.h).  An id matches one
 * part of a path that does not start with '.'.
 */
bool lms_file_is(enum lms_file f, const char *rel);
bool lms_file_in(enum lms_file f, const char *rel);
bool lms_file_is_temporary(enum lms_file f, const char *rel);

/*
 * Every file under folder rel of the tree (relative to its root, "" for
 * the root) and the folders below it, symbolic links not followed.  skip
 * passes by a file or folder, by its path relative to the root; file hears
 * each regular file that is not passed by, with its path as messages name
 * it; unreadable hears a folder that cannot be listed, lms_last_error()
 * saying why, and the visit goes on.
 */
struct lms_tree_visit {
	bool (*skip)(const char *rel, void *arg);
	void (*file)(const char *path, void *arg);
	void (*unreadable)(const char *path, void *arg);
	void *arg;
};

void lms_tree_visit(const struct lms_tree *t, const char *rel,
		    const struct lms_tree_visit *v);
/* The same, of names, those of folder rel as it was listed. */
void lms_tree_visit_names(const struct lms_tree *t, const char *rel,
			  char **names, size_t n,
			  const struct lms_tree_visit *v);

#endif
