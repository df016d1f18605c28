#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "treedoc.h"

/* What became of a read or a load: its error kept for the caller. */
static int settle(struct lms_tree_doc *d, int err)
{
	if (err)
		d->error = *lms_last_error();
	return err;
}

static void doc_start(struct lms_tree *t, enum lms_file f, const char *id,
		      struct lms_tree_doc *d)
{
	memset(d, 0, sizeof(*d));
	lms_buf_init(&d->text);
	d->file = f;
	d->id = id ? lms_strdup(id) : NULL;
	d->path = lms_tree_file(t, f, id);
}

int lms_tree_doc_read(struct lms_tree *t, enum lms_file f, const char *id,
		      bool may_miss, struct lms_tree_doc *d)
{
	int err;

	doc_start(t, f, id, d);
	err = lms_tree_load_text(t, f, id, &d->text);
	if (err)
		lms_buf_reset(&d->text);
	d->missing = err == LMS_ENOENT;
	if (d->missing && may_miss)
		err = 0;
	d->read = !err;
	return settle(d, err);
}

int lms_tree_doc_missing(struct lms_tree *t, enum lms_file f, const char *id,
			 struct lms_tree_doc *d)
{
	doc_start(t, f, id, d);
	d->missing = d->read = true;
	return 0;
}

void lms_tree_doc_release(struct lms_tree_doc *d)
{
	lms_free(d->id);
	lms_free(d->path);
	lms_buf_release(&d->text);
	lms_diags_release(&d->diags);
	memset(d, 0, sizeof(*d));
}

static int loaded(struct lms_tree_doc *d, int err)
{
	d->loaded = !err;
	return settle(d, err);
}

int lms_tree_doc_service(struct lms_tree_doc *d, struct lms_service *out)
{
	lms_schema_init(&lms_service_schema, out);
	return loaded(d, lms_load_text(d->path, d->text.buf, d->text.len,
				       &lms_service_schema, out, &d->diags));
}

int lms_tree_doc_facilitators(struct lms_tree_doc *d,
			      struct lms_facilitator **out, size_t *n)
{
	return loaded(d, lms_facilitators_load(out, n, d->path, d->text.buf,
					       d->text.len, &d->diags));
}

int lms_tree_doc_offers(struct lms_tree_doc *d, struct lms_offers *out)
{
	return loaded(d, lms_offers_load(out, d->path, d->text.buf,
					 d->text.len, &d->diags));
}

int lms_tree_doc_register(struct lms_tree_doc *d, struct lms_register *out)
{
	return loaded(d, lms_register_load(out, d->path, d->text.buf,
					   d->text.len));
}

int lms_tree_doc_form(struct lms_tree_doc *d, struct lms_form *out)
{
	return loaded(d, lms_form_load(out, d->path, d->text.buf, d->text.len,
				       d->id, &d->diags));
}

int lms_tree_doc_template(struct lms_tree_doc *d, struct lms_template *out)
{
	return loaded(d, lms_template_load(out, d->path, d->text.buf,
					   d->text.len, d->id, &d->diags));
}

int lms_tree_doc_course(struct lms_tree_doc *d, struct lms_course *out)
{
	return loaded(d, lms_course_load(out, d->path, d->text.buf,
					 d->text.len, NULL, &d->diags));
}

int lms_tree_doc_enrolments(struct lms_tree_doc *d,
			    struct lms_enrolments *out)
{
	return loaded(d, lms_enrolments_load(out, d->path, d->text.buf,
					     d->text.len));
}

int lms_tree_doc_attendance(struct lms_tree_doc *d,
			    struct lms_attendance *out)
{
	return loaded(d, lms_attendance_load(out, d->path, d->text.buf,
					     d->text.len));
}

int lms_tree_doc_meetings(struct lms_tree_doc *d, struct lms_meetings *out)
{
	return loaded(d, lms_meetings_load(out, d->path, d->text.buf,
					   d->text.len, NULL));
}

int lms_tree_doc_facilitator_evaluations(struct lms_tree_doc *d,
					 struct lms_evaluations *out)
{
	return loaded(d, lms_facilitator_evaluations_load(out, d->path,
							  d->text.buf,
							  d->text.len));
}

int lms_tree_doc_evaluations(struct lms_tree_doc *d,
			     struct lms_evaluations *out)
{
	return loaded(d, lms_evaluations_load(out, d->path, d->text.buf,
					      d->text.len));
}
