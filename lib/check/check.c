#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "checkctx.h"
#include "date.h"
#include "fees.h"
#include "i18n.h"

/*
 * lms check over a tree, assembled: the files of the service first
 * (lms.yaml, the facilitators, forms and templates, the register and
 * whatever else lies in the tree), then every course, read on all cores
 * by a walk, and last the conflicts between courses, which need them all.
 * The parts are named in checkctx.h.
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

/* A file that did not read or load: the loader's error, as a finding. */
void lms_check_failed(const struct lms_error *e, struct lms_findings *out)
{
	lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, e->path, e->line, e->col,
		    "%s", e->msg);
}

bool lms_check_unread(const struct lms_tree_doc *d, struct lms_findings *out)
{
	if (!d->read)
		lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, d->path, 0, 0,
			    "%s", d->error.msg);
	return !d->read;
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
	lms_free(x->facilitator_ids);
	for (size_t i = 0; i < x->nforms; i++)
		lms_form_release(&x->forms[i]);
	lms_free(x->forms);
	lms_free(x->form_ids);
	lms_strings_free((char **)x->template_ids, x->ntemplates);
	lms_strset_release(&x->facilitator_index);
	lms_strset_release(&x->form_index);
	lms_strset_release(&x->broken_forms);
	lms_strset_release(&x->people);
	lms_names_release(&x->names);
	lms_register_release(&x->reg);
	lms_offers_release(&x->offers);
}

/*
 * Records in the register that no course names.  Someone registered ahead
 * of their course is kept, as lms purge keeps them, for retention_months
 * after their consent; past that, or without a consent date, nothing
 * explains the record.  Only ids are named: this runs where a name must
 * never be printed.
 */
static void check_on_no_course(const struct lms_check_walk *ck,
			       struct lms_findings *out)
{
	const struct lms_check_ctx *x = ck->x;
	int months = x->tree->service.retention_months;
	int32_t cutoff = lms_date_add_months(x->opt->today, -months);
	char *path;

	if (!x->have_people || ck->enrolments_broken)
		return;
	path = lms_tree_file(x->tree, LMS_FILE_REGISTER, NULL);
	for (size_t i = 0; i < x->reg.n; i++) {
		const struct lms_person *p = &x->reg.v[i];
		uintptr_t k = (uintptr_t)lms_strset_get(&x->people, p->id);

		if (k && ck->on_courses[k - 1])
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
	lms_free(path);
}

/*
 * The yearly limit of fees: a warning at the facilitator's entry for each
 * year in which their fees pass it, or the planned sessions would make
 * them pass it.  The courses are read again, one at a time: the sums need
 * every course, and a course that does not load is a finding already.
 */
static void check_fees(const struct lms_check_ctx *x, struct lms_findings *out)
{
	const struct lms_fee_rates *rates = &x->tree->service.fees;
	struct lms_fee_years y = { NULL, 0 };
	struct lms_buf msg = LMS_BUF_INIT;
	char *path;

	if (!rates->yearly_limit.given || x->facilitators_broken ||
	    !(out->rules & (1u << LMS_RULE_FEES)))
		return;
	lms_fee_years_check(&y, x->tree, x->facilitators, x->nfacilitators,
			    x->opt->today);
	path = lms_tree_file(x->tree, LMS_FILE_FACILITATORS, NULL);
	for (size_t i = 0; i < y.n; i++) {
		const struct lms_facilitator *f =
			lms_check_facilitator(x, y.v[i].facilitator);

		lms_buf_reset(&msg);
		if (f && lms_fee_year_over(rates, &y.v[i], &msg))
			lms_finding(out, LMS_RULE_FEES, LMS_WARNING, path,
				    f->mark.line, f->mark.col, "%s", msg.buf);
	}
	lms_free(path);
	lms_buf_release(&msg);
	lms_fee_years_release(&y);
}

int lms_check_tree(struct lms_tree *t, const struct lms_check_options *opt,
		   struct lms_findings *out)
{
	struct lms_check_ctx x;
	struct lms_check_walk ck = { .x = &x, .out = out,
			       .progress = opt->progress,
			       .progress_arg = opt->progress_arg };
	bool whole = !opt->ncourses;
	struct lms_index index;
	int err;

	lms_findings_init(out, opt->rules);
	out->held_max = LMS_FINDINGS_HELD;
	out->tmpdir = opt->tmpdir;
	ctx_init(&x, t, opt);
	lms_strset_init(&ck.chosen);
	lms_bookings_init(&ck.people, "facilitator", LMS_ERROR);
	lms_bookings_init(&ck.places, "place", LMS_WARNING);
	ck.people.tmpdir = ck.places.tmpdir = opt->tmpdir;
	lms_check_load_people(&x, out);
	if (x.have_people)
		ck.on_courses = lms_calloc(x.reg.n ? x.reg.n : 1, sizeof(bool));
	lms_check_load_facilitators(&x, whole, out);
	lms_check_load_offers(&x, whole, out);
	if (!(err = lms_check_load_forms(&x, whole, out)))
		err = lms_check_load_templates(&x, whole, out);
	if (!err && whole)
		lms_check_service_files(&x, out);
	if (!whole) {
		lms_index_open(&index, t);
		ck.index = &index;
	}
	if (!err)
		err = lms_check_courses(&ck);
	if (!whole)
		lms_index_release(&index);
	if (!err && whole)
		check_on_no_course(&ck, out);
	if (!err && whole)
		check_fees(&x, out);
	lms_free(ck.on_courses);
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
