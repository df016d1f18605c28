#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "checkctx.h"
#include "i18n.h"
#include "municipality.h"
#include "treedoc.h"
#include "treelist.h"

/*
 * The service's own files: lms.yaml, the facilitators, the forms and
 * templates, and the register, which the courses' rules look things up
 * in and which are checked themselves when the whole tree is.
 */

/* After load_people: the facilitators' names are public, so the same
 * names in the register are not looked for in files. */
void lms_check_load_facilitators(struct lms_check_ctx *x, bool report,
				 struct lms_findings *out)
{
	struct lms_tree_doc d;

	lms_tree_doc_read(x->tree, LMS_FILE_FACILITATORS, NULL, true, &d);
	if (!lms_check_unread(&d, out)) {
		if (lms_tree_doc_facilitators(&d, &x->facilitators,
					      &x->nfacilitators)) {
			if (report)
				lms_check_failed(&d.error, out);
			x->facilitators_broken = true;
		}
		for (size_t i = 0; i < x->nfacilitators; i++)
			if (x->facilitators[i].name)
				lms_names_add_public(&x->names,
						     x->facilitators[i].name);
		if (report)
			lms_check_text(&x->names, d.path, d.text.buf,
				       d.text.len, true, out);
	}
	if (report)
		lms_check_diags(&d.diags, out);
	x->facilitator_ids = lms_calloc(x->nfacilitators + 1, sizeof(char *));
	for (size_t i = 0; i < x->nfacilitators; i++) {
		x->facilitator_ids[i] = x->facilitators[i].id;
		lms_strset_add(&x->facilitator_index, x->facilitators[i].id,
			       (void *)(uintptr_t)(i + 1));
	}
	lms_tree_doc_release(&d);
}

/* An offer's contact that is a participant's, in a file for git. */
static void private_contacts(const struct lms_check_ctx *x, const char *path,
			     struct lms_findings *out)
{
	for (size_t i = 0; x->have_people && i < x->offers.n; i++) {
		const struct lms_offer *o = &x->offers.v[i];
		const char *key = lms_offer_private_contact(o, &x->reg);

		if (key)
			lms_finding(out, LMS_RULE_PRIVACY, LMS_ERROR, path,
				    o->mark.line, o->mark.col, _("%s: offer "
				    "'%s' has the contact of someone in the "
				    "register"), key, o->id);
	}
}

void lms_check_load_offers(struct lms_check_ctx *x, bool report,
			   struct lms_findings *out)
{
	struct lms_tree_doc d;

	lms_tree_doc_read(x->tree, LMS_FILE_OFFERS, NULL, true, &d);
	if (!lms_check_unread(&d, out)) {
		if (lms_tree_doc_offers(&d, &x->offers) && report)
			lms_check_failed(&d.error, out);
		if (report) {
			lms_check_text(&x->names, d.path, d.text.buf,
				       d.text.len, true, out);
			private_contacts(x, d.path, out);
		}
	}
	if (report)
		lms_check_diags(&d.diags, out);
	lms_tree_doc_release(&d);
}

/* Read and checked for personal data, with report; false if unread. */
static bool read_checked(struct lms_check_ctx *x, enum lms_file f,
			 const char *id, bool report, struct lms_tree_doc *d,
			 struct lms_findings *out)
{
	lms_tree_doc_read(x->tree, f, id, false, d);
	if (lms_check_unread(d, out))
		return false;
	/* lms.yaml's phone and email are the service's own, public. */
	if (report)
		lms_check_text(&x->names, d->path, d->text.buf, d->text.len,
			       f == LMS_FILE_SERVICE, out);
	return true;
}

int lms_check_load_forms(struct lms_check_ctx *x, bool report,
			 struct lms_findings *out)
{
	char **ids;
	size_t n;
	int err = lms_tree_ids(x->tree, LMS_FILE_FORM, &ids, &n);

	x->forms = lms_calloc(n + 1, sizeof(*x->forms));
	x->form_ids = lms_calloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		struct lms_form *f = &x->forms[x->nforms];
		struct lms_tree_doc d;

		if (read_checked(x, LMS_FILE_FORM, ids[i], report, &d, out)) {
			if (lms_tree_doc_form(&d, f)) {
				if (report)
					lms_check_failed(&d.error, out);
				/* It is there, if broken: one error is enough. */
				lms_strset_add(&x->broken_forms, ids[i], NULL);
			} else {
				x->form_ids[x->nforms++] = f->id;
				lms_strset_add(&x->form_index, f->id,
					       (void *)(uintptr_t)x->nforms);
			}
		}
		if (report)
			lms_check_diags(&d.diags, out);
		lms_tree_doc_release(&d);
	}
	lms_strings_free(ids, n);
	return err;
}

int lms_check_load_templates(struct lms_check_ctx *x, bool report,
			     struct lms_findings *out)
{
	char **ids;
	size_t n;
	int err = lms_tree_ids(x->tree, LMS_FILE_TEMPLATE, &ids, &n);

	x->template_ids = (const char **)ids;
	x->ntemplates = n;
	for (size_t i = 0; i < n && report; i++) {
		struct lms_tree_doc d;
		struct lms_template tpl;

		if (read_checked(x, LMS_FILE_TEMPLATE, ids[i], true, &d, out)) {
			if (lms_tree_doc_template(&d, &tpl))
				lms_check_failed(&d.error, out);
			else
				lms_template_release(&tpl);
		}
		lms_check_diags(&d.diags, out);
		lms_tree_doc_release(&d);
	}
	return err;
}

/*
 * The register's ids, and its names to look for in the files meant for
 * git.  It is read though others may read it too (lms_check_register
 * says so): its names must be looked for all the same.
 */
void lms_check_load_people(struct lms_check_ctx *x, struct lms_findings *out)
{
	struct lms_register *r = &x->reg;
	struct lms_tree_doc d;

	lms_tree_doc_read(x->tree, LMS_FILE_REGISTER, NULL, false, &d);
	if (d.missing) {
		/* no register yet */
	} else if (lms_check_unread(&d, out)) {
		/* said, with the file's path */
	} else if (lms_tree_doc_register(&d, r)) {
		lms_check_failed(&d.error, out);
	} else {
		x->have_people = true;
		for (size_t i = 0; i < r->n; i++) {
			lms_strset_add(&x->people, r->v[i].id,
				       (void *)(uintptr_t)(i + 1));
			if (r->v[i].name)
				lms_names_add(&x->names, r->v[i].name);
		}
	}
	lms_tree_doc_release(&d);
}

/* One municipality number of lms.yaml, under key: one of today's.  The
 * finding is at the line of the key (a list's items are on it or after
 * it), or of the file when the key is not at the start of a line. */
static void check_municipality(const struct lms_tree_doc *d, const char *key,
			       const char *number, struct lms_findings *out)
{
	const char *name;
	char today[5];
	int until, how;
	unsigned line;

	if (lms_municipality_name(number))
		return;
	line = lms_check_key_line(d->text.buf, d->text.len, key);
	if (!strcmp(number, "0000") && !strcmp(key, "municipality"))
		lms_finding(out, LMS_RULE_REFERENCES, LMS_WARNING, d->path, line,
			    line ? 1 : 0, _("municipality: 0000 is the "
			    "placeholder that lms init writes: set the host "
			    "municipality's number"));
	else if (!lms_municipality_retired(number, &name, &until))
		lms_finding(out, LMS_RULE_REFERENCES, LMS_WARNING, d->path, line,
			    line ? 1 : 0, _("%s: %s is the number of no "
			    "municipality"), key, number);
	else if (!lms_municipality_lookup(number, today, &how))
		lms_finding(out, LMS_RULE_REFERENCES, LMS_WARNING, d->path, line,
			    line ? 1 : 0, _("%s: %s was %s's number until %d; "
			    "today it is %s"), key, number, name, until, today);
	else
		lms_finding(out, LMS_RULE_REFERENCES, LMS_WARNING, d->path, line,
			    line ? 1 : 0, _("%s: %s was %s's number until %d, "
			    "and is split between municipalities of today"),
			    key, number, name, until);
}

static void check_service(struct lms_check_ctx *x, struct lms_findings *out)
{
	struct lms_tree_doc d;
	struct lms_service s;

	if (read_checked(x, LMS_FILE_SERVICE, NULL, true, &d, out)) {
		if (lms_tree_doc_service(&d, &s)) {
			lms_check_failed(&d.error, out);
		} else {
			check_municipality(&d, "municipality", s.municipality,
					   out);
			for (size_t i = 0; i < s.npartners; i++)
				check_municipality(&d, "partners",
						   s.partners[i], out);
		}
		lms_service_release(&s);
	}
	lms_check_diags(&d.diags, out);
	lms_tree_doc_release(&d);
}

void lms_check_service_files(struct lms_check_ctx *x,
			     struct lms_findings *out)
{
	check_service(x, out);
	lms_check_register(x->tree, out);
	lms_check_unknown_files(x->tree, &x->names, out);
}
