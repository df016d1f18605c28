#include <stdlib.h>

#include "aggregate.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "walk.h"

/* The tree's self-efficacy form, if it has it. */
static int tree_form(const struct lms_agg *a, struct lms_tree *t,
		     struct lms_form *out, bool *have)
{
	char *path;
	int err = 0;

	*have = false;
	if (!a->opt.form)
		return 0;
	path = lms_tree_path(t, "forms/%s.yaml", a->opt.form);
	if (!lms_exists(path) && a->opt.form_required)
		err = lms_error(LMS_ENOENT, _("no such form: '%s' (no %s)"),
				a->opt.form, path);
	else if (lms_exists(path) && !(err = lms_tree_load_form(t, a->opt.form,
								 out, NULL)))
		*have = true;
	free(path);
	return err;
}

/* A course's files, as a walk reads them (see walk.h). */
struct bundle {
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_attendance at;
	struct lms_evaluations ev;
	bool wanted;
};

/* What the walk's callbacks share. */
struct adding {
	struct lms_agg *a;
	struct lms_agg_course in;
	size_t n;
	void (*progress)(size_t done, size_t total, void *arg);
	void *arg;
};

static int read_bundle(void *arg, struct lms_tree *t, const char *id,
		       void *slot)
{
	const struct adding *ad = arg;
	struct bundle *b = slot;
	int err;

	if ((err = lms_tree_load_course(t, id, &b->c, NULL)))
		return err;
	b->wanted = lms_agg_wants(ad->a, &b->c);
	if (!b->wanted)
		return 0;
	if ((err = lms_tree_load_enrolments(t, id, &b->e)) ||
	    (err = lms_tree_load_attendance(t, id, &b->at)) ||
	    (ad->in.form && (err = lms_tree_load_evaluations(t, id, &b->ev))))
		return err;
	return 0;
}

static int add_bundle(void *arg, size_t i, void *slot)
{
	struct adding *ad = arg;
	struct bundle *b = slot;

	if (b->wanted) {
		ad->in.course = &b->c;
		ad->in.enrolments = &b->e;
		ad->in.attendance = &b->at;
		ad->in.evaluations = &b->ev;
		lms_agg_add(ad->a, &ad->in);
	}
	if (ad->progress)
		ad->progress(i + 1, ad->n, ad->arg);
	return 0;
}

static void release_bundle(void *arg, void *slot)
{
	struct bundle *b = slot;

	(void)arg;
	lms_course_release(&b->c);
	lms_enrolments_release(&b->e);
	lms_attendance_release(&b->at);
	lms_evaluations_release(&b->ev);
}

int lms_agg_tree(struct lms_agg *a, struct lms_tree *t,
		 void (*progress)(size_t done, size_t total, void *arg),
		 void *arg)
{
	struct adding ad = { .a = a, .progress = progress, .arg = arg };
	struct lms_walk w = {
		.tree = t, .slot_size = sizeof(struct bundle),
		.read = read_bundle, .take = add_bundle,
		.release = release_bundle, .arg = &ad
	};
	struct lms_facilitator *facilitators;
	struct lms_strset index;
	struct lms_form form;
	bool have_form;
	int err;

	if ((err = lms_tree_load_facilitators(t, &facilitators, &ad.in.nfacilitators,
					      NULL)))
		return err;
	ad.in.facilitators = facilitators;
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
	lms_facilitators_free(facilitators, ad.in.nfacilitators);
	return err;
}
