#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"
#include "i18n.h"

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What makes two forms one measure: the scale, the score and the scored
 * items with their direction, in any order.  Texts and labels may
 * differ, as a typo fixed in one tree. */
static char *measure_of(const struct lms_form *f, size_t *nitems)
{
	struct lms_buf m = LMS_BUF_INIT;
	const char **ids = lms_calloc(f->nitems + 1, sizeof(*ids));
	size_t n = 0;

	for (size_t i = 0; i < f->nitems; i++)
		if (f->items[i].type == LMS_ITEM_SCALE)
			ids[n++] = f->items[i].id;
	if (n)
		qsort(ids, n, sizeof(*ids), by_string);
	lms_buf_addf(&m, "%d..%d %d", f->scale.min, f->scale.max, f->score);
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(&m, " %s%s", ids[i],
			     lms_form_item(f, ids[i])->reverse ? "-" : "");
	lms_free(ids);
	*nitems = n;
	return lms_buf_detach(&m);
}

unsigned lms_agg_form_version(struct lms_agg *a, const struct lms_form *f,
			      const char *service)
{
	struct lms_agg_form *v;
	size_t nitems;
	char *measure = measure_of(f, &nitems);

	for (size_t i = 0; i < a->nforms; i++) {
		if (!strcmp(a->forms[i].measure, measure)) {
			lms_free(measure);
			return (unsigned)i + 1;
		}
	}
	v = lms_array_push(&a->forms, &a->nforms, sizeof(*v));
	v->service = lms_strdup(service ? service : "");
	v->measure = measure;
	v->min = f->scale.min;
	v->max = f->scale.max;
	v->score = f->score;
	v->nitems = nitems;
	return (unsigned)a->nforms;
}

void lms_agg_forms_note(const struct lms_agg *a, struct lms_buf *out)
{
	if (a->nforms < 2)
		return;
	lms_buf_addf(out, _("The trees do not share one form '%s': "),
		     a->opt.form);
	for (size_t i = 0; i < a->nforms; i++) {
		const struct lms_agg_form *f = &a->forms[i];

		lms_buf_adds(out, i == 0 ? "" : i + 1 < a->nforms ? "; " :
			     _("; and "));
		/* TRANSLATORS: a service's form: "Narvik LMS scores it as
		 * the mean of 6 items from 1 to 4". */
		lms_buf_addf(out, f->score == LMS_SCORE_SUM ?
			     _("%s scores it as the sum of %zu items from %d "
			       "to %d") :
			     _("%s scores it as the mean of %zu items from %d "
			       "to %d"),
			     f->service, f->nitems, f->min, f->max);
	}
	lms_buf_adds(out, _(".  The forms differ in their scale, their score "
			    "or their items, so their before, after, change "
			    "and d_z are never pooled: they are shown for "
			    "groups of one form only, and left blank for the "
			    "others, such as the totals."));
}
