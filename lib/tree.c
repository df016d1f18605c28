#include <dirent.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "fsio.h"
#include "id.h"
#include "tree.h"
#include "yparse.h"

static bool holds_service(const char *dir)
{
	char *probe = lms_malloc(strlen(dir) + sizeof("/" LMS_SERVICE_FILE));
	bool found;

	sprintf(probe, "%s/%s", dir, LMS_SERVICE_FILE);
	found = lms_exists(probe);
	free(probe);
	return found;
}

int lms_tree_find(char **out)
{
	struct lms_buf dir = LMS_BUF_INIT;
	char *seen = NULL, *here;

	/* ".", "..", "../.." ... until lms.yaml, or until ".." is where we
	 * are already: the file system's root. */
	lms_buf_adds(&dir, ".");
	while (!holds_service(dir.buf)) {
		here = realpath(dir.buf, NULL);
		if (!here || (seen && !strcmp(here, seen))) {
			free(here);
			free(seen);
			lms_buf_release(&dir);
			*out = NULL;
			return lms_error(LMS_ENOENT, "not in an lms tree: no %s "
					 "here or in any folder above (see "
					 "lms init)", LMS_SERVICE_FILE);
		}
		free(seen);
		seen = here;
		if (!strcmp(dir.buf, "."))
			lms_buf_reset(&dir);
		lms_buf_adds(&dir, dir.len ? "/.." : "..");
	}
	free(seen);
	*out = lms_buf_detach(&dir);
	return 0;
}

char *lms_tree_path(const struct lms_tree *t, const char *fmt, ...)
{
	struct lms_buf b = LMS_BUF_INIT;
	va_list ap;

	if (strcmp(t->root, "."))
		lms_buf_addf(&b, "%s/", t->root);
	va_start(ap, fmt);
	lms_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return lms_buf_detach(&b);
}

int lms_tree_read(struct lms_tree *t, const char *path)
{
	return lms_read_file(path, lms_limits_default.max_file, &t->text);
}

int lms_tree_open(struct lms_tree *t, const char *root)
{
	char *path;
	int err;

	memset(t, 0, sizeof(*t));
	lms_buf_init(&t->text);
	t->root = lms_strdup(root);
	path = lms_tree_path(t, LMS_SERVICE_FILE);
	err = lms_tree_read(t, path);
	if (err == LMS_ENOENT)
		err = lms_error(LMS_ENOENT, "not an lms tree: no '%s' (see lms "
				"init)", path);
	if (!err)
		err = lms_service_load(&t->service, path, t->text.buf,
				       t->text.len);
	free(path);
	if (err)
		lms_tree_release(t);
	return err;
}

void lms_tree_release(struct lms_tree *t)
{
	free(t->root);
	lms_service_release(&t->service);
	lms_buf_release(&t->text);
	memset(t, 0, sizeof(*t));
}

int lms_tree_lock(struct lms_tree *t, struct lms_lock *lock, int timeout_ms)
{
	char *dir = lms_tree_path(t, ".lms");
	char *path = lms_tree_path(t, ".lms/lock");
	int err = lms_mkdirs(dir, 0755);

	if (!err)
		err = lms_lock_acquire(lock, path, timeout_ms);
	free(path);
	free(dir);
	return err;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lms_tree_course_ids(struct lms_tree *t, char ***out, size_t *n)
{
	char *dir = lms_tree_path(t, "courses");
	DIR *d = opendir(dir);
	struct dirent *e;

	*out = NULL;
	*n = 0;
	free(dir);
	if (!d)
		return 0;	/* no courses yet */
	while ((e = readdir(d))) {
		char *course;

		if (!lms_id_valid(e->d_name))
			continue;
		course = lms_tree_path(t, "courses/%s/course.yaml", e->d_name);
		if (lms_exists(course))
			*(char **)lms_array_push(out, n, sizeof(char *)) =
				lms_strdup(e->d_name);
		free(course);
	}
	closedir(d);
	if (*n)
		qsort(*out, *n, sizeof(char *), by_string);
	return 0;
}

void lms_strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int lms_tree_course_exists(struct lms_tree *t, const char *id)
{
	char *path;
	int found;

	if (!lms_id_valid(id))
		return 0;
	path = lms_tree_path(t, "courses/%s/course.yaml", id);
	found = lms_exists(path);
	free(path);
	return found;
}

/* Reads the file of an id'd object; a missing file is "no such <what>". */
static int read_object(struct lms_tree *t, const char *what, const char *id,
		       const char *path)
{
	int err;

	if ((err = lms_id_check(what, id)))
		return err;
	err = lms_tree_read(t, path);
	if (err == LMS_ENOENT)
		return lms_error(LMS_ENOENT, "no such %s: '%s'", what, id);
	return err;
}

int lms_tree_load_course(struct lms_tree *t, const char *id,
			 struct lms_course *out, struct lms_diags *diags)
{
	char *path = lms_tree_path(t, "courses/%s/course.yaml", id);
	int err = read_object(t, "course", id, path);

	if (!err)
		err = lms_course_load(out, path, t->text.buf, t->text.len, id,
				      diags);
	free(path);
	return err;
}

int lms_tree_load_facilitators(struct lms_tree *t, struct lms_facilitator **out,
			       size_t *n, struct lms_diags *diags)
{
	char *path = lms_tree_path(t, LMS_FACILITATORS_FILE);
	int err = lms_tree_read(t, path);

	*out = NULL;
	*n = 0;
	if (err == LMS_ENOENT)
		err = 0, lms_buf_reset(&t->text);
	if (!err)
		err = lms_facilitators_load(out, n, path, t->text.buf,
					    t->text.len, diags);
	free(path);
	return err;
}

int lms_tree_load_form(struct lms_tree *t, const char *id, struct lms_form *out,
		       struct lms_diags *diags)
{
	char *path = lms_tree_path(t, "forms/%s.yaml", id);
	int err = read_object(t, "form", id, path);

	if (!err)
		err = lms_form_load(out, path, t->text.buf, t->text.len, id,
				    diags);
	free(path);
	return err;
}

int lms_tree_load_template(struct lms_tree *t, const char *id,
			   struct lms_template *out, struct lms_diags *diags)
{
	char *path = lms_tree_path(t, "templates/%s.yaml", id);
	int err = read_object(t, "template", id, path);

	if (!err)
		err = lms_template_load(out, path, t->text.buf, t->text.len, id,
					diags);
	free(path);
	return err;
}
