#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"
#include "i18n.h"

/*
 * The user representatives' own responses, in aggregate.  They are never
 * counted with the participants' answers, and they are few: often one
 * user representative answers a course's three phases.  So a course's
 * responses are one piece, published as every piece is (protect.h), and
 * what they answered counts only from pieces of k responses or more.
 */

static struct lms_agg_own_item *own_item(struct lms_agg_own *own,
					 const char *id)
{
	struct lms_agg_own_item *it;

	for (size_t i = 0; i < own->nitems; i++)
		if (!strcmp(own->items[i].id, id))
			return &own->items[i];
	it = lms_array_push(&own->items, &own->nitems, sizeof(*it));
	it->id = lms_strdup(id);
	return it;
}

void lms_agg_own_merge(struct lms_agg *a, const struct lms_agg_contrib *c)
{
	if (!c->own_n)
		return;
	a->own.responses += c->own_shown;
	a->own.rounded |= c->own_shown != c->own_n;
	for (size_t i = 0; i < c->nown; i++) {
		struct lms_agg_own_item *it =
			own_item(&a->own, c->strs.buf + c->own[i].item);

		it->sum += c->own[i].value;
		it->n++;
	}
}

void lms_agg_own_release(struct lms_agg_own *own)
{
	for (size_t i = 0; i < own->nitems; i++)
		lms_free(own->items[i].id);
	lms_free(own->items);
	memset(own, 0, sizeof(*own));
}

void lms_agg_own_table(const struct lms_agg *a, struct lms_table *out)
{
	/* TRANSLATORS: the columns of the user representatives' own
	 * evaluation: the form's item, and its mean score. */
	const char *cols[] = { _("item"), _("mean"), NULL };

	lms_table_init(out, cols);
	lms_table_set_numeric(out, 1);
	for (size_t i = 0; i < a->own.nitems; i++) {
		const struct lms_agg_own_item *it = &a->own.items[i];
		long k = a->opt.exact ? 1 : a->opt.min_cell;

		lms_table_row(out);
		lms_table_cell(out, it->id);
		if (it->n >= k)
			lms_table_cellf(out, "%.2f", it->sum / (double)it->n);
		else
			lms_table_cell(out, "");
	}
}
