#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "checkctx.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "id.h"
#include "treelist.h"

/*
 * The walk over the tree's files: which courses are there, and every
 * file that lms does not read itself, which git would take all the same,
 * looked through for personal data.
 */

/* The files under a folder, looked through: what the visit shares. */
struct looking {
	const struct lms_names *names;
	bool (*skip)(const char *rel);
	struct lms_buf *scratch;
	struct lms_findings *out;
};

static bool skip(const char *rel, void *arg)
{
	return ((struct looking *)arg)->skip(rel);
}

static void file(const char *path, void *arg)
{
	struct looking *l = arg;

	lms_check_file(l->names, path, l->scratch, l->out);
}

static void unreadable(const char *path, void *arg)
{
	struct looking *l = arg;

	lms_finding(l->out, LMS_RULE_PRIVACY, LMS_WARNING, path, 0, 0,
		    _("could not be read to check for personal data: %s"),
		    lms_last_error()->msg);
}

/*
 * Every file under rel (a folder of the tree) that skip does not pass
 * by, checked for personal data.  Symbolic links are not followed.
 * listed: rel as it was listed, or NULL to list it here.
 */
static void check_files_under(const struct lms_tree *t,
			      const struct lms_names *people, const char *rel,
			      const struct lms_course_folder *listed,
			      bool (*skip_rel)(const char *rel),
			      struct lms_buf *scratch, struct lms_findings *out)
{
	struct looking l = { people, skip_rel, scratch, out };
	struct lms_tree_visit v = { skip, file, unreadable, &l };

	if (listed && listed->listed)
		lms_tree_visit_names(t, rel, listed->names, listed->n, &v);
	else
		lms_tree_visit(t, rel, &v);
}

/*
 * Files that the loaders read, or that are private, which the search for
 * other files meant for git passes by: paths relative to the tree.
 */
static bool read_elsewhere(const char *rel)
{
	static const enum lms_file read[] = {
		LMS_FILE_SERVICE, LMS_FILE_FACILITATORS, LMS_FILE_REGISTER,
		LMS_FILE_FORM, LMS_FILE_TEMPLATE, LMS_FILE_COURSES,
		LMS_FILE_OFFERS
	};

	for (size_t i = 0; i < sizeof(read) / sizeof(*read); i++)
		if (lms_file_is(read[i], rel))
			return true;
	/* What an interrupted write of the register left holds its names;
	 * the folder of the lock is lms's own, and .git is git's. */
	return lms_file_is_temporary(LMS_FILE_REGISTER, rel) ||
	       lms_file_in(LMS_FILE_LOCK, rel) || !strcmp(rel, ".git");
}

void lms_check_unknown_files(const struct lms_tree *t,
			     const struct lms_names *people,
			     struct lms_findings *out)
{
	struct lms_buf scratch = LMS_BUF_INIT;

	check_files_under(t, people, "", NULL, read_elsewhere, &scratch,
			  out);
	lms_buf_release(&scratch);
}

static bool nothing_read_elsewhere(const char *rel)
{
	(void)rel;
	return false;
}

void lms_check_not_a_course(const struct lms_tree *t,
			    const struct lms_names *names, const char *name,
			    struct lms_buf *scratch, struct lms_findings *out)
{
	char *rel = lms_file_rel(LMS_FILE_COURSE_DIR, name);
	char *path = lms_tree_file(t, LMS_FILE_COURSE_DIR, name);

	if (name[0] != '.')
		lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, path, 0, 0, "%s",
			    lms_id_valid(name) ?
			    _("a course folder without course.yaml") :
			    _("a course folder's name must be a course id: "
			      "lower-case letters, digits and '-'"));
	check_files_under(t, names, rel, NULL, nothing_read_elsewhere,
			  scratch, out);
	lms_free(rel);
	lms_free(path);
}

/*
 * The folders under courses/ that are named by an id: in a check of a
 * few courses (!report), only those that hold a course; in a check of
 * the tree, all of them, and the walk asks on every core which hold one
 * (53,500 stats on this thread were a tenth of the check).  Findings for
 * the others, and files there checked for personal data.  A courses/
 * that cannot be read fails the check: it would find nothing wrong in it.
 */
int lms_check_list_courses(const struct lms_tree *t,
			   const struct lms_names *people, char ***ids,
			   size_t *n, bool report, struct lms_findings *out)
{
	struct lms_buf scratch = LMS_BUF_INIT;
	char **names;
	unsigned char *kinds;
	size_t nnames;
	int err = lms_tree_list_kinds(t, LMS_FILE_COURSES, NULL, &names,
				      &kinds, &nnames);

	*ids = NULL;
	*n = 0;
	for (size_t i = 0; i < nnames && !err; i++) {
		/* A path only for what is no folder, or may not be: not one
		 * for each of a national tree's 53,500 courses. */
		char *path = kinds[i] == LMS_DIR_FOLDER ? NULL :
			     lms_tree_file(t, LMS_FILE_COURSE_DIR, names[i]);
		int found = 1;

		if (kinds[i] == LMS_DIR_FILE ||
		    (kinds[i] == LMS_DIR_UNKNOWN && !lms_is_dir(path))) {
			if (report)
				lms_check_file(people, path, &scratch, out);
		} else if (!lms_id_valid(names[i])) {
			if (report)
				lms_check_not_a_course(t, people, names[i],
						       &scratch, out);
		} else if (!report &&
			   (found = lms_tree_has_course(t, names[i])) < 0) {
			err = found;
		} else if (found) {
			*(char **)lms_array_push(ids, n, sizeof(char *)) =
				lms_strdup(names[i]);
		}
		lms_free(path);
	}
	lms_strings_free(names, nnames);
	lms_free(kinds);
	lms_buf_release(&scratch);
	lms_strings_sort(*ids, *n);
	return err;
}

/* courses/ID/course.yaml and the others that lms reads itself. */
static bool is_course_file(const char *rel)
{
	static const enum lms_file read[] = {
		LMS_FILE_COURSE, LMS_FILE_ENROLMENTS, LMS_FILE_ATTENDANCE,
		LMS_FILE_EVALUATIONS, LMS_FILE_MEETINGS,
		LMS_FILE_FACILITATOR_EVALUATIONS
	};

	for (size_t i = 0; i < sizeof(read) / sizeof(*read); i++)
		if (lms_file_is(read[i], rel))
			return true;
	return false;
}

void lms_check_course_folder(const struct lms_tree *t,
			     const struct lms_names *people, const char *id,
			     const struct lms_course_folder *folder,
			     struct lms_buf *scratch, struct lms_findings *out)
{
	char *rel = lms_file_rel(LMS_FILE_COURSE_DIR, id);

	check_files_under(t, people, rel, folder, is_course_file, scratch, out);
	lms_free(rel);
}
