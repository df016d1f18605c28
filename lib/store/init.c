#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "fsio.h"
#include "id.h"
#include "init.h"
#include "reportkey.h"
#include "skel.h"
#include "tree.h"
#include "utf8.h"

static char *join(const char *dir, const char *rel)
{
	char *p = lms_malloc(strlen(dir) + strlen(rel) + 2);

	sprintf(p, "%s/%s", dir, rel);
	return p;
}

/* lms.yaml with the name and municipality filled in. */
static void service_text(struct lms_buf *out, const char *skel,
			 const char *name, const char *municipality)
{
	struct lms_buf value = LMS_BUF_INIT;
	const char *p = skel, *at;

	lms_yaml_scalar(&value, name, 0);
	while ((at = strchr(p, '@'))) {
		lms_buf_add(out, p, (size_t)(at - p));
		if (!strncmp(at, "@NAME@", 6)) {
			lms_buf_adds(out, value.buf);
			p = at + 6;
		} else if (!strncmp(at, "@MUNICIPALITY@", 14)) {
			lms_buf_adds(out, municipality);
			p = at + 14;
		} else {
			lms_buf_addch(out, '@');
			p = at + 1;
		}
	}
	lms_buf_adds(out, p);
	lms_buf_release(&value);
}

/* Writes a file unless it exists; folders on the way are created.  As
 * everywhere, nothing is written through a link below dir (fsio.h). */
static int write_new(const char *dir, const char *rel, const char *text,
		     size_t len, mode_t mode)
{
	char *path = join(dir, rel), *parent = lms_strdup(path);
	int err = 0;

	*strrchr(parent, '/') = '\0';
	if (!lms_exists(path) &&
	    !(err = lms_mkdirs_below(parent, strlen(dir), 0755)))
		err = lms_write_below(path, strlen(dir), text, len, mode);
	lms_free(parent);
	lms_free(path);
	return err;
}

/*
 * The private register must stay out of git and unreadable by others even
 * when the folder had a .gitignore or a register of its own already.
 */
static int keep_private(const char *dir)
{
	char *reg = join(dir, LMS_PARTICIPANTS_FILE);
	int err = lms_keep_register_ignored(dir);

	if (!err)
		err = lms_chmod_below(reg, strlen(dir), 0600);
	lms_free(reg);
	return err;
}

static int check_args(const char *dir, const char *name,
		      const char *municipality)
{
	char *service = join(dir, LMS_SERVICE_FILE);
	int exists = lms_exists(service);

	lms_free(service);
	if (exists)
		return lms_error(LMS_ECREATE, _("'%s' is an lms tree already"),
				 dir);
	if (!lms_municipality_valid(municipality))
		return lms_error(LMS_EUSAGE, _("'%s' is not a municipality "
				 "number (four digits, such as 1806)"),
				 municipality);
	if (!*name || !lms_text_is_line(name))
		return lms_error(LMS_EUSAGE, "%s", _("the name must be UTF-8 "
				 "text on one line"));
	return 0;
}

int lms_init_tree(const char *dir, const char *name, const char *municipality)
{
	const struct lms_skel *service = NULL;
	struct lms_buf text = LMS_BUF_INIT;
	int err;

	if ((err = check_args(dir, name, municipality)) ||
	    (err = lms_mkdirs(dir, 0755)))
		return err;
	for (const struct lms_skel *s = lms_skel_files; s->path && !err; s++) {
		if (!strcmp(s->path, LMS_SERVICE_FILE))
			service = s;
		else
			err = write_new(dir, s->path, s->text, strlen(s->text), 0);
	}
	if (!err)
		err = write_new(dir, LMS_PARTICIPANTS_FILE, "", 0, 0600);
	if (!err)
		err = keep_private(dir);
	if (!err) {
		struct lms_report_key key;
		bool made;

		err = lms_report_key_load(dir, true, &key, &made);
		explicit_bzero(&key, sizeof(key));
	}
	if (!err) {
		char *courses = join(dir, "courses");

		err = lms_mkdirs_below(courses, strlen(dir), 0755);
		lms_free(courses);
	}
	/* lms.yaml last: a tree is not a tree until everything is there. */
	if (!err && service) {
		service_text(&text, service->text, name, municipality);
		err = write_new(dir, LMS_SERVICE_FILE, text.buf, text.len, 0);
	}
	lms_buf_release(&text);
	return err;
}
