#include <stdint.h>
#include <string.h>

#include "aggparts.h"
#include "alloc.h"
#include "i18n.h"
#include "person.h"

/* The tree's self-efficacy form, if it has it. */
static int tree_form(const struct lms_agg *a, struct lms_tree *t,
		     struct lms_form *out, bool *have)
{
	char *path;
	int err;

	*have = false;
	if (!a->opt.form)
		return 0;
	if (!(err = lms_tree_load_form(t, a->opt.form, out, NULL))) {
		*have = true;
		return 0;
	}
	if (err != LMS_ENOENT)
		return err;
	lms_error_clear();
	if (!a->opt.form_required)
		return 0;
	path = lms_tree_file(t, LMS_FILE_FORM, a->opt.form);
	err = lms_error(LMS_ENOENT, _("no such form: '%s' (no %s)"),
			a->opt.form, path);
	lms_free(path);
	return err;
}

/*
 * For a report by age band, and for it only, the register's birth years:
 * nothing else of it is kept, and the report prints no one's.  A person
 * without one is left out (the band "unknown").
 */
static int birth_years(const struct lms_agg *a, struct lms_tree *t,
		       struct lms_strset *out)
{
	struct lms_register reg;
	int err;

	lms_strset_init(out);
	if (a->opt.by != LMS_BY_AGE_BAND)
		return 0;
	if ((err = lms_tree_load_register(t, &reg)))
		return err;
	for (size_t i = 0; i < reg.n; i++)
		if (reg.v[i].birth_year != LMS_UNSET)
			lms_strset_add(out, reg.v[i].id,
				       (void *)(intptr_t)reg.v[i].birth_year);
	lms_register_release(&reg);
	return 0;
}

/* The parts of t, in the order a report read them before it read them
 * beside: the first error is the same. */
static int read_parts(struct lms_agg_parts *p, struct lms_tree *t)
{
	struct lms_agg_course *in = &p->in;
	int err;

	lms_strset_init(&p->index);
	if ((err = birth_years(p->a, t, &p->years)) ||
	    (err = lms_tree_load_facilitators(t, &p->facilitators,
					      &in->nfacilitators, NULL)) ||
	    (err = lms_tree_load_offers(t, &p->offers, NULL)))
		return err;
	in->birth_years = p->a->opt.by == LMS_BY_AGE_BAND ? &p->years : NULL;
	in->facilitators = p->facilitators;
	in->offers = &p->offers;
	p->a->offers |= p->offers.n > 0;
	/* A national tree has thousands of facilitators. */
	for (size_t i = 0; i < in->nfacilitators; i++)
		lms_strset_add(&p->index, p->facilitators[i].id,
			       &p->facilitators[i]);
	in->facilitator_index = &p->index;
	in->tree = t->root;
	if ((err = tree_form(p->a, t, &p->form, &p->have_form)))
		return err;
	in->form = p->have_form ? &p->form : NULL;
	in->form_version = p->have_form ?
		lms_agg_form_version(p->a, &p->form, t->service.name) : 0;
	lms_agg_fingerprint(p->a, in, t, p->fp);
	return 0;
}

static void *read_beside(void *arg)
{
	struct lms_agg_parts *p = arg;

	if ((p->err = read_parts(p, &p->tree)))
		p->error = *lms_last_error();
	return NULL;
}

void lms_agg_parts_start(struct lms_agg_parts *p, struct lms_agg *a,
			 struct lms_tree *t)
{
	memset(p, 0, sizeof(*p));
	p->a = a;
	lms_tree_thread_copy(&p->tree, t);
	p->beside = !pthread_create(&p->thread, NULL, read_beside, p);
	if (!p->beside)
		read_beside(p);
}

int lms_agg_parts_wait(struct lms_agg_parts *p)
{
	if (!p->waited && p->beside)
		pthread_join(p->thread, NULL);
	if (!p->waited && p->err)
		lms_error_set(&p->error);
	p->waited = true;
	return p->err;
}

void lms_agg_parts_release(struct lms_agg_parts *p)
{
	(void)lms_agg_parts_wait(p);
	if (p->have_form)
		lms_form_release(&p->form);
	lms_strset_release(&p->index);
	lms_strset_release(&p->years);
	lms_facilitators_free(p->facilitators, p->in.nfacilitators);
	lms_offers_release(&p->offers);
	lms_tree_thread_release(&p->tree);
}
