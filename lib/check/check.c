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
 * lms check over a tree: the files of the service first (lms.yaml, the
 * facilitators, forms and templates, the register and whatever else lies
 * in the tree), then every course, read on all cores by a walk, and last
 * the conflicts between courses, which need them all.
 */

/* The context */

const struct lms_facilitator *lms_check_facilitator(
	const struct lms_check_ctx *x, const char *id)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&x->facilitator_index, id);

	return i ? &x->facilitators[i - 1] : NULL;
}

const struct lms_form *lms_check_form(const struct lms_check_ctx *x,
				      const char *id)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&x->form_index, id);

	return i ? &x->forms[i - 1] : NULL;
}

bool lms_check_template(const struct lms_check_ctx *x, const char *id)
{
	for (size_t i = 0; i < x->ntemplates; i++)
		if (!strcmp(x->template_ids[i], id))
			return true;
	return false;
}

/* A file that did not load: the loader's error, as a finding. */
void load_failed(struct lms_findings *out)
{
	const struct lms_error *e = lms_last_error();

	lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, e->path, e->line, e->col,
		    "%s", e->msg);
}

/* Reads path into text; a missing file is empty when may_miss. */
bool read_text(const char *path, struct lms_buf *text, bool may_miss,
		      struct lms_findings *out)
{
	int err = lms_read_file(path, lms_limits_default.max_file, text);

	if (err == LMS_ENOENT && may_miss) {
		lms_buf_reset(text);
		return true;
	}
	if (err)
		lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, path, 0, 0, "%s",
			    lms_last_error()->msg);
	return !err;
}

static void ctx_init(struct lms_check_ctx *x, struct lms_tree *t,
		     const struct lms_check_options *opt)
{
	memset(x, 0, sizeof(*x));
	x->tree = t;
	x->opt = opt;
	lms_strset_init(&x->facilitator_index);
	lms_strset_init(&x->form_index);
	lms_strset_init(&x->broken_forms);
	lms_strset_init(&x->people);
	lms_names_init(&x->names);
}

static void ctx_release(struct lms_check_ctx *x)
{
	lms_facilitators_free(x->facilitators, x->nfacilitators);
	free(x->facilitator_ids);
	for (size_t i = 0; i < x->nforms; i++)
		lms_form_release(&x->forms[i]);
	free(x->forms);
	free(x->form_ids);
	lms_strings_free((char **)x->template_ids, x->ntemplates);
	lms_strset_release(&x->facilitator_index);
	lms_strset_release(&x->form_index);
	lms_strset_release(&x->broken_forms);
	lms_strset_release(&x->people);
	lms_names_release(&x->names);
	lms_register_release(&x->reg);
}

/*
 * Records in the register that no course names.  Someone registered ahead
 * of their course is kept, as lms purge keeps them, for retention_months
 * after their consent; past that, or without a consent date, nothing
 * explains the record.  Only ids are named: this runs where a name must
 * never be printed.
 */
static void check_on_no_course(const struct checking *ck,
			       struct lms_findings *out)
{
	const struct lms_check_ctx *x = ck->x;
	int months = x->tree->service.retention_months;
	int32_t cutoff = lms_date_add_months(x->opt->today, -months);
	char *path;

	if (!x->have_people || ck->enrolments_broken)
		return;
	path = lms_tree_path(x->tree, LMS_PARTICIPANTS_FILE);
	for (size_t i = 0; i < x->reg.n; i++) {
		const struct lms_person *p = &x->reg.v[i];

		if (lms_strset_has(&ck->on_courses, p->id))
			continue;
		if (p->consent == LMS_DATE_NONE)
			lms_finding(out, LMS_RULE_PRIVACY, LMS_WARNING, path,
				    p->mark.line, p->mark.col, _("%s is on no "
				    "course and has no consent date: nothing "
				    "explains keeping the record (lms person "
				    "forget %s)"), p->id, p->id);
		else if (p->consent < cutoff)
			lms_finding(out, LMS_RULE_PRIVACY, LMS_WARNING, path,
				    p->mark.line, p->mark.col,
				    lms_n_("%s is on no course and gave consent "
					   "more than %d month ago: lms purge "
					   "forgets the record", "%s is on no "
					   "course and gave consent more than %d "
					   "months ago: lms purge forgets the "
					   "record", (unsigned long)months),
				    p->id, months);
	}
	free(path);
}

int lms_check_tree(struct lms_tree *t, const struct lms_check_options *opt,
		   struct lms_findings *out)
{
	struct lms_check_ctx x;
	struct checking ck = { .x = &x, .out = out,
			       .progress = opt->progress,
			       .progress_arg = opt->progress_arg };
	bool whole = !opt->ncourses;
	int err;

	lms_findings_init(out, opt->rules);
	ctx_init(&x, t, opt);
	lms_strset_init(&ck.chosen);
	lms_strset_init(&ck.on_courses);
	lms_bookings_init(&ck.people, "facilitator", LMS_ERROR);
	lms_bookings_init(&ck.places, "place", LMS_WARNING);
	load_people(&x, out);
	load_facilitators(&x, whole, out);
	if (!(err = load_forms(&x, whole, out)))
		err = load_templates(&x, whole, out);
	if (!err && whole)
		check_service_files(&x, out);
	if (!err)
		err = check_courses(&ck);
	if (!err && whole)
		check_on_no_course(&ck, out);
	lms_strset_release(&ck.on_courses);
	lms_bookings_release(&ck.people);
	lms_bookings_release(&ck.places);
	lms_strset_release(&ck.chosen);
	ctx_release(&x);
	if (err)
		lms_findings_release(out);
	else
		lms_findings_sort(out);
	return err;
}
