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

/* After load_people: the facilitators' names are public, so the same
 * names in the register are not looked for in files. */
void load_facilitators(struct lms_check_ctx *x, bool report,
			      struct lms_findings *out)
{
	char *path = lms_tree_path(x->tree, LMS_FACILITATORS_FILE);
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_diags diags = { NULL, 0 };

	if (read_text(path, &text, true, out)) {
		if (lms_facilitators_load(&x->facilitators, &x->nfacilitators,
					  path, text.buf, text.len, &diags)) {
			if (report)
				load_failed(out);
			x->facilitators_broken = true;
		}
		for (size_t i = 0; i < x->nfacilitators; i++)
			if (x->facilitators[i].name)
				lms_names_add_public(&x->names,
						     x->facilitators[i].name);
		if (report)
			lms_check_text(&x->names, path, text.buf, text.len, true,
				       out);
	}
	if (report)
		lms_check_diags(&diags, out);
	x->facilitator_ids = lms_calloc(x->nfacilitators + 1, sizeof(char *));
	for (size_t i = 0; i < x->nfacilitators; i++) {
		x->facilitator_ids[i] = x->facilitators[i].id;
		lms_strset_add(&x->facilitator_index, x->facilitators[i].id,
			       (void *)(uintptr_t)(i + 1));
	}
	lms_diags_release(&diags);
	lms_buf_release(&text);
	free(path);
}

/* The ids of the YAML files in a folder of the tree, sorted. */
static int yaml_ids(const struct lms_tree *t, const char *folder,
		    char ***ids, size_t *n)
{
	char *dir = lms_tree_path(t, "%s", folder);
	char **names;
	size_t nnames;
	int err = lms_dir_list(dir, &names, &nnames);

	*ids = NULL;
	*n = 0;
	free(dir);
	for (size_t i = 0; i < nnames; i++) {
		size_t len = strlen(names[i]);

		if (len > 5 && !strcmp(names[i] + len - 5, ".yaml") &&
		    names[i][0] != '.')
			*(char **)lms_array_push(ids, n, sizeof(char *)) =
				lms_strndup(names[i], len - 5);
	}
	lms_strings_free(names, nnames);
	lms_strings_sort(*ids, *n);
	return err;
}

int load_forms(struct lms_check_ctx *x, bool report,
		      struct lms_findings *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char **ids;
	size_t n;
	int err = yaml_ids(x->tree, "forms", &ids, &n);

	x->forms = lms_calloc(n + 1, sizeof(*x->forms));
	x->form_ids = lms_calloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		char *path = lms_tree_path(x->tree, "forms/%s.yaml", ids[i]);
		struct lms_diags diags = { NULL, 0 };
		struct lms_form *f = &x->forms[x->nforms];

		if (read_text(path, &text, false, out)) {
			if (report)
				lms_check_text(&x->names, path, text.buf,
					       text.len, false, out);
			if (lms_form_load(f, path, text.buf, text.len, ids[i],
					  &diags)) {
				if (report)
					load_failed(out);
				/* It is there, if broken: one error is enough. */
				lms_strset_add(&x->broken_forms, ids[i], NULL);
			} else {
				x->form_ids[x->nforms++] = f->id;
				lms_strset_add(&x->form_index, f->id,
					       (void *)(uintptr_t)x->nforms);
			}
		}
		if (report)
			lms_check_diags(&diags, out);
		lms_diags_release(&diags);
		free(path);
	}
	lms_strings_free(ids, n);
	lms_buf_release(&text);
	return err;
}

int load_templates(struct lms_check_ctx *x, bool report,
			  struct lms_findings *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char **ids;
	size_t n;
	int err = yaml_ids(x->tree, "templates", &ids, &n);

	x->template_ids = (const char **)ids;
	x->ntemplates = n;
	for (size_t i = 0; i < n && report; i++) {
		char *path = lms_tree_path(x->tree, "templates/%s.yaml", ids[i]);
		struct lms_diags diags = { NULL, 0 };
		struct lms_template tpl;

		if (read_text(path, &text, false, out)) {
			lms_check_text(&x->names, path, text.buf, text.len,
				       false, out);
			if (lms_template_load(&tpl, path, text.buf, text.len,
					      ids[i], &diags))
				load_failed(out);
			else
				lms_template_release(&tpl);
		}
		lms_check_diags(&diags, out);
		lms_diags_release(&diags);
		free(path);
	}
	lms_buf_release(&text);
	return err;
}

/*
 * The register's ids, and its names to look for in the files meant for
 * git.  It is read though others may read it too (lms_check_register
 * says so): its names must be looked for all the same.
 */
void load_people(struct lms_check_ctx *x, struct lms_findings *out)
{
	char *path = lms_tree_path(x->tree, LMS_PARTICIPANTS_FILE);
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_register *r = &x->reg;
	int err = lms_read_file(path, lms_limits_default.max_file, &text);

	if (err == LMS_ENOENT) {
		/* no register yet */
	} else if (err || lms_register_load(r, path, text.buf, text.len)) {
		load_failed(out);
	} else {
		x->have_people = true;
		for (size_t i = 0; i < r->n; i++) {
			lms_strset_add(&x->people, r->v[i].id, NULL);
			if (r->v[i].name)
				lms_names_add(&x->names, r->v[i].name);
		}
	}
	lms_buf_release(&text);
	free(path);
}

/* The service's own files */

static void check_service(struct lms_check_ctx *x, struct lms_findings *out)
{
	char *path = lms_tree_path(x->tree, LMS_SERVICE_FILE);
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_diags diags = { NULL, 0 };
	struct lms_service s;

	if (read_text(path, &text, false, out)) {
		lms_check_text(&x->names, path, text.buf, text.len, false, out);
		lms_schema_init(&lms_service_schema, &s);
		if (lms_load_text(path, text.buf, text.len, &lms_service_schema,
				  &s, &diags))
			load_failed(out);
		lms_service_release(&s);
	}
	lms_check_diags(&diags, out);
	lms_diags_release(&diags);
	lms_buf_release(&text);
	free(path);
}

void check_service_files(struct lms_check_ctx *x,
				struct lms_findings *out)
{
	struct lms_buf scratch = LMS_BUF_INIT;

	check_service(x, out);
	lms_check_register(x->tree, out);
	check_files_under(x->tree, &x->names, "", read_elsewhere, &scratch,
			  out);
	lms_buf_release(&scratch);
}
