#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "fsio.h"
#include "treelist.h"

/* Folder dir of the tree, listed below the open folder closest to it. */
static int list_below(const struct lms_tree *t, const char *dir,
		      char ***names, unsigned char **kinds, size_t *n)
{
	int at;
	const char *name = lms_tree_below(t, dir, &at);

	return lms_dir_read_at(at, name, dir, names, kinds, n);
}

int lms_tree_list_kinds(const struct lms_tree *t, enum lms_file f,
			const char *id, char ***names, unsigned char **kinds,
			size_t *n)
{
	char *dir = lms_tree_file(t, f, id);
	int err = list_below(t, dir, names, kinds, n);

	lms_free(dir);
	return err;
}

int lms_tree_list(const struct lms_tree *t, enum lms_file f, const char *id,
		  char ***names, size_t *n)
{
	return lms_tree_list_kinds(t, f, id, names, NULL, n);
}

int lms_tree_ids(const struct lms_tree *t, enum lms_file f, char ***ids,
		 size_t *n)
{
	const char *p = lms_file_pattern(f), *hole = strstr(p, "%s");
	const char *part = hole ? hole : p, *end;
	size_t prefix, suffix, nnames;
	char *dir, **names;
	int err;

	*ids = NULL;
	*n = 0;
	if (!hole)
		return 0;
	/* "forms/%s.yaml": the names in forms/ that end in ".yaml". */
	while (part > p && part[-1] != '/')
		part--;
	end = strchr(hole, '/') ? strchr(hole, '/') : hole + strlen(hole);
	prefix = (size_t)(hole - part);
	suffix = (size_t)(end - hole) - 2;
	dir = part > p ? lms_tree_path(t, "%.*s", (int)(part - p - 1), p) :
			 lms_tree_path(t, ".");
	err = lms_dir_list(dir, &names, &nnames);
	lms_free(dir);
	for (size_t i = 0; i < nnames; i++) {
		size_t len = strlen(names[i]);

		if (len > prefix + suffix && names[i][0] != '.' &&
		    !strncmp(names[i], part, prefix) &&
		    !strncmp(names[i] + len - suffix, hole + 2, suffix))
			*(char **)lms_array_push(ids, n, sizeof(char *)) =
				lms_strndup(names[i] + prefix,
					    len - prefix - suffix);
	}
	lms_strings_free(names, nnames);
	lms_strings_sort(*ids, *n);
	return err;
}

/* f's pattern as fnmatch(3) has it, the id a '*', up to len bytes of it:
 * on the stack, as lms check asks it of every file of every course. */
static bool matches(const char *p, size_t len, const char *rel)
{
	const char *hole = strstr(p, "%s");
	char glob[256];
	size_t at = 0;

	if (len >= sizeof(glob))
		return false;	/* no pattern of the layout is as long */
	if (hole && (size_t)(hole - p) < len) {
		at = (size_t)(hole - p);
		memcpy(glob, p, at);
		glob[at++] = '*';
		p = hole + 2;
		len -= at + 1;
	}
	memcpy(glob + at, p, len);
	glob[at + len] = '\0';
	return fnmatch(glob, rel, FNM_PATHNAME | FNM_PERIOD) == 0;
}

bool lms_file_is(enum lms_file f, const char *rel)
{
	const char *p = lms_file_pattern(f);

	return matches(p, strlen(p), rel);
}

bool lms_file_in(enum lms_file f, const char *rel)
{
	const char *p = lms_file_pattern(f), *slash = strrchr(p, '/');

	return matches(p, slash ? (size_t)(slash - p) : 0, rel);
}

bool lms_file_is_temporary(enum lms_file f, const char *rel)
{
	const char *p = lms_file_pattern(f), *slash = strrchr(p, '/');
	size_t dir = slash ? (size_t)(slash - p) + 1 : 0;
	struct lms_buf glob = LMS_BUF_INIT;
	bool hit;

	/* "people/.participants.yaml.*" */
	lms_buf_add(&glob, p, dir);
	lms_buf_addf(&glob, ".%s.*", p + dir);
	hit = matches(glob.buf, glob.len, rel);
	lms_buf_release(&glob);
	return hit;
}

void lms_tree_visit(const struct lms_tree *t, const char *rel,
		    const struct lms_tree_visit *v)
{
	char *dir = lms_tree_path(t, "%s", *rel ? rel : ".");
	char **names;
	size_t n;

	if (list_below(t, dir, &names, NULL, &n))
		v->unreadable(dir, v->arg);
	lms_free(dir);
	lms_tree_visit_names(t, rel, names, n, v);
	lms_strings_free(names, n);
}

void lms_tree_visit_names(const struct lms_tree *t, const char *rel,
			  char **names, size_t n,
			  const struct lms_tree_visit *v)
{
	for (size_t i = 0; i < n; i++) {
		struct lms_buf sub = LMS_BUF_INIT;
		struct stat st;
		char *path;

		lms_buf_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		path = lms_tree_path(t, "%s", sub.buf);
		if (!v->skip(sub.buf, v->arg) && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				lms_tree_visit(t, sub.buf, v);
			else if (S_ISREG(st.st_mode))
				v->file(path, v->arg);
		}
		lms_free(path);
		lms_buf_release(&sub);
	}
}
