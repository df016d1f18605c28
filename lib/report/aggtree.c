#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "coursedata.h"
#include "error.h"
#include "i18n.h"
#include "walk.h"

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
	free(path);
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

/* What a course adds to the report, made where the walk reads it (see
 * walk.h): its files are freed there, and the calling thread only merges.
 * The tree's facilitators and form are read once, in lms_agg_tree, not
 * per course. */
struct slot {
	struct lms_agg_contrib c;
	bool wanted;
};

/* What the walk's callbacks share. */
struct adding {
	struct lms_agg *a;
	struct lms_agg_course in;	/* the tree's: read only in the walk */
	size_t n;
	void (*progress)(size_t done, size_t total, void *arg);
	void *arg;
};

/* The plan first: the rest only of a course the report wants. */
static int read_slot(void *arg, struct lms_tree *t, const char *id,
		     void *slot)
{
	const struct adding *ad = arg;
	struct slot *s = slot;
	struct lms_agg_course in = ad->in;
	struct lms_course_data d;
	int err;

	memset(&d, 0, sizeof(d));
	if ((err = lms_course_data_load_parts(t, id, LMS_CD_COURSE, &d)))
		goto out;
	if (!lms_agg_wants(ad->a, &d.course))
		goto out;
	if ((err = lms_course_data_load_parts(t, id, LMS_CD_ENROLMENTS |
					      LMS_CD_ATTENDANCE |
					      LMS_CD_MEETINGS |
					      LMS_CD_FACILITATOR_EVALUATIONS |
					      (in.form ? LMS_CD_EVALUATIONS : 0),
					      &d)))
		goto out;
	in.course = &d.course;
	in.enrolments = &d.enrolments;
	in.attendance = &d.attendance;
	in.evaluations = &d.evaluations;
	in.meetings = &d.meetings;
	in.own = &d.facilitator_evaluations;
	lms_agg_contrib_make(ad->a, &in, &s->c);
	s->wanted = true;
out:
	lms_course_data_release(&d);
	return err;
}

static int add_slot(void *arg, size_t i, void *slot)
{
	struct adding *ad = arg;
	struct slot *s = slot;

	if (s->wanted)
		lms_agg_contrib_merge(ad->a, &s->c);
	if (ad->progress)
		ad->progress(i + 1, ad->n, ad->arg);
	return 0;
}

static void release_slot(void *arg, void *slot)
{
	struct slot *s = slot;

	(void)arg;
	lms_agg_contrib_release(&s->c);
}

int lms_agg_tree(struct lms_agg *a, struct lms_tree *t,
		 void (*progress)(size_t done, size_t total, void *arg),
		 void *arg)
{
	struct adding ad = { .a = a, .progress = progress, .arg = arg };
	struct lms_walk w = {
		.tree = t, .slot_size = sizeof(struct slot),
		.read = read_slot, .take = add_slot,
		.release = release_slot, .arg = &ad
	};
	struct lms_facilitator *facilitators;
	struct lms_offers offers;
	struct lms_strset index, years;
	struct lms_form form;
	bool have_form;
	int err;

	if ((err = birth_years(a, t, &years)) ||
	    (err = lms_tree_load_facilitators(t, &facilitators,
					      &ad.in.nfacilitators, NULL))) {
		lms_strset_release(&years);
		return err;
	}
	ad.in.birth_years = a->opt.by == LMS_BY_AGE_BAND ? &years : NULL;
	ad.in.facilitators = facilitators;
	if ((err = lms_tree_load_offers(t, &offers, NULL))) {
		lms_facilitators_free(facilitators, ad.in.nfacilitators);
		lms_strset_release(&years);
		return err;
	}
	ad.in.offers = &offers;
	a->offers |= offers.n > 0;
	/* A national tree has thousands of facilitators. */
	lms_strset_init(&index);
	for (size_t i = 0; i < ad.in.nfacilitators; i++)
		lms_strset_add(&index, facilitators[i].id, &facilitators[i]);
	ad.in.facilitator_index = &index;
	ad.in.tree = t->root;
	if (!(err = tree_form(a, t, &form, &have_form)) &&
	    !(err = lms_tree_course_ids(t, &w.ids, &w.n))) {
		ad.in.form = have_form ? &form : NULL;
		ad.in.form_version = have_form ?
			lms_agg_form_version(a, &form, t->service.name) : 0;
		ad.n = w.n;
		err = lms_walk_courses(&w);
	}
	if (have_form)
		lms_form_release(&form);
	lms_strings_free(w.ids, w.n);
	lms_strset_release(&index);
	lms_strset_release(&years);
	lms_facilitators_free(facilitators, ad.in.nfacilitators);
	lms_offers_release(&offers);
	return err;
}
