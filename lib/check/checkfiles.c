#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "check.h"
#include "checkctx.h"
#include "conflicts.h"
#include "date.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "id.h"
#include "walk.h"

/*
 * Files that the loaders read, or that are private, which the search for
 * other files meant for git passes by: paths relative to the tree.
 */
bool read_elsewhere(const char *rel)
{
	static const char *const patterns[] = {
		LMS_SERVICE_FILE, LMS_FACILITATORS_FILE, LMS_PARTICIPANTS_FILE,
		LMS_PARTICIPANTS_TEMPORARY, "forms/*.yaml", "templates/*.yaml",
		".git", ".lms", "courses", NULL
	};

	/* FNM_PERIOD: forms/.notes.yaml is no form, and is read here. */
	for (const char *const *p = patterns; *p; p++)
		if (fnmatch(*p, rel, FNM_PATHNAME | FNM_PERIOD) == 0)
			return true;
	return false;
}

/*
 * Every file under rel (a folder of the tree) that skip does not pass
 * by, checked for personal data.  Symbolic links are not followed.
 */
void check_files_under(const struct lms_tree *t,
			      const struct lms_names *people, const char *rel,
			      bool (*skip)(const char *rel),
			      struct lms_buf *scratch, struct lms_findings *out)
{
	char *dir = lms_tree_path(t, "%s", *rel ? rel : ".");
	char **names;
	size_t n;

	if (lms_dir_list(dir, &names, &n))
		lms_finding(out, LMS_RULE_PRIVACY, LMS_WARNING, dir, 0, 0,
			    _("could not be read to check for personal data: "
			      "%s"),
			    lms_last_error()->msg);
	free(dir);
	for (size_t i = 0; i < n; i++) {
		struct lms_buf sub = LMS_BUF_INIT;
		struct stat st;
		char *path;

		lms_buf_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		path = lms_tree_path(t, "%s", sub.buf);
		if (!skip(sub.buf) && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				check_files_under(t, people, sub.buf, skip,
						  scratch, out);
			else if (S_ISREG(st.st_mode))
				lms_check_file(people, path, scratch, out);
		}
		free(path);
		lms_buf_release(&sub);
	}
	lms_strings_free(names, n);
}

static bool nothing_read_elsewhere(const char *rel)
{
	(void)rel;
	return false;
}

/* A folder under courses/ that holds no course: an error, unless it is
 * hidden (as git and ls leave such), and its files read for personal
 * data all the same. */
static void not_a_course(const struct lms_tree *t,
			 const struct lms_names *names, const char *name,
			 struct lms_buf *scratch, struct lms_findings *out)
{
	struct lms_buf rel = LMS_BUF_INIT;
	char *path = lms_tree_path(t, "courses/%s", name);

	if (name[0] != '.')
		lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, path, 0, 0, "%s",
			    lms_id_valid(name) ?
			    _("a course folder without course.yaml") :
			    _("a course folder's name must be a course id: "
			      "lower-case letters, digits and '-'"));
	lms_buf_addf(&rel, "courses/%s", name);
	check_files_under(t, names, rel.buf, nothing_read_elsewhere, scratch,
			  out);
	lms_buf_release(&rel);
	free(path);
}

/*
 * The folders under courses/: the ids of those that hold a course, and
 * findings for those that cannot (a name that is no id, no course.yaml).
 * Files there are checked for personal data.  A courses/ that cannot be
 * read fails the check: it would find nothing wrong in it.
 */
int list_courses(const struct lms_tree *t,
			const struct lms_names *people, char ***ids,
			size_t *n, bool report, struct lms_findings *out)
{
	char *dir = lms_tree_path(t, "courses");
	struct lms_buf scratch = LMS_BUF_INIT;
	char **names;
	size_t nnames;
	int err = lms_dir_list(dir, &names, &nnames);

	*ids = NULL;
	*n = 0;
	free(dir);
	for (size_t i = 0; i < nnames && !err; i++) {
		char *path = lms_tree_path(t, "courses/%s", names[i]);
		int found = 0;

		if (!lms_is_dir(path)) {
			if (report)
				lms_check_file(people, path, &scratch, out);
		} else if (lms_id_valid(names[i]) &&
			   (found = lms_tree_has_course(t, names[i])) < 0) {
			err = found;
		} else if (!found) {
			if (report)
				not_a_course(t, people, names[i], &scratch,
					     out);
		} else {
			*(char **)lms_array_push(ids, n, sizeof(char *)) =
				lms_strdup(names[i]);
		}
		free(path);
	}
	lms_strings_free(names, nnames);
	lms_buf_release(&scratch);
	lms_strings_sort(*ids, *n);
	return err;
}

static int slashes(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '/';
	return n;
}

/* courses/ID/course.yaml and the others that lms reads itself. */
bool is_course_file(const char *rel)
{
	static const char *const names[] = {
		"course.yaml", "enrolments.yaml", "attendance.yaml",
		"evaluations.yaml", NULL
	};
	const char *base = strrchr(rel, '/');

	base = base ? base + 1 : rel;
	for (const char *const *p = names; *p; p++)
		if (!strcmp(base, *p) && slashes(rel) == 2)
			return true;
	return false;
}
