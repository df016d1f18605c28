#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "facilitators.h"

int lms_ops_facilitator_add(const struct lms_ops_io *io,
			    const struct lms_facilitator *f)
{
	struct lms_facilitator *all = NULL;
	struct lms_buf text = LMS_BUF_INIT;
	size_t nall = 0;
	char *path;
	int err;

	if ((err = io->load_facilitators(io->arg, &all, &nall)))
		return err;
	if (lms_facilitator_find(all, nall, f->id))
		err = lms_error(LMS_ECREATE, _("facilitator '%s' exists "
					       "already"), f->id);
	lms_facilitators_free(all, nall);
	if (err)
		return err;
	path = io->path(io->arg, LMS_FILE_FACILITATORS, NULL);
	err = io->load_text(io->arg, LMS_FILE_FACILITATORS, NULL, &text);
	if (err == LMS_ENOENT) {
		lms_error_clear();
		err = 0;
	}
	if (!err && !(err = lms_facilitator_append(&text, path, f)))
		err = io->save(io->arg, LMS_FILE_FACILITATORS, NULL, &text);
	lms_buf_release(&text);
	free(path);
	return err;
}

static bool matches(const struct lms_facilitator *f,
		    const struct lms_facilitator_query *q)
{
	return (!q->kind || f->kind == q->kind) &&
	       (!q->topic || lms_facilitator_word_in(f->topics, f->ntopics,
						      q->topic)) &&
	       (!q->trained || lms_facilitator_word_in(f->trained, f->ntrained,
							q->trained)) &&
	       (q->on == LMS_DATE_NONE || lms_facilitator_available_on(f, q->on));
}

/* Keeps the entries of out that keep[i] marks, in their order. */
static void keep_marked(struct lms_facilitator_found *out, const bool *keep)
{
	size_t k = 0;

	for (size_t i = 0; i < out->n; i++) {
		if (keep[i])
			out->v[k++] = out->v[i];
		else
			lms_schema_release(&lms_facilitator_schema, &out->v[i]);
	}
	out->n = k;
}

int lms_ops_facilitators_find(const struct lms_ops_io *io,
			      const struct lms_facilitator_query *q,
			      struct lms_facilitator_found *out)
{
	struct lms_booked_set b;
	bool *keep;
	int err;

	memset(out, 0, sizeof(*out));
	memset(&b, 0, sizeof(b));
	if ((err = io->load_facilitators(io->arg, &out->v, &out->n)))
		return err;
	if (q->on != LMS_DATE_NONE &&
	    (err = lms_ops_bookings(io, q->on, q->on, NULL, &b))) {
		lms_facilitator_found_release(out);
		return err;
	}
	keep = lms_calloc(out->n + 1, sizeof(*keep));
	for (size_t i = 0; i < out->n; i++)
		keep[i] = matches(&out->v[i], q) &&
			  !lms_booked_at(&b, out->v[i].id, q->on, q->start,
					 q->end);
	keep_marked(out, keep);
	free(keep);
	out->unread = b.unread;
	out->nunread = b.nunread;
	b.unread = NULL;
	lms_booked_set_release(&b);
	return 0;
}

void lms_facilitator_found_release(struct lms_facilitator_found *f)
{
	lms_facilitators_free(f->v, f->n);
	free(f->unread);
	memset(f, 0, sizeof(*f));
}
