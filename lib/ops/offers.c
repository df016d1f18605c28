#include <stdlib.h>

#include "error.h"
#include "i18n.h"
#include "offers.h"

/* offers.yaml's text; a missing file is empty text. */
static int load_text(const struct lms_ops_io *io, struct lms_buf *text)
{
	int err = io->load_text(io->arg, LMS_FILE_OFFERS, NULL, text);

	if (err == LMS_ENOENT) {
		lms_error_clear();
		err = 0;
	}
	return err;
}

int lms_ops_load_offers(const struct lms_ops_io *io, struct lms_offers *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char *path;
	int err;

	out->v = NULL;
	out->n = 0;
	if ((err = load_text(io, &text)))
		goto out;
	path = io->path(io->arg, LMS_FILE_OFFERS, NULL);
	err = lms_offers_load(out, path, text.buf, text.len, NULL);
	free(path);
out:
	lms_buf_release(&text);
	return err;
}

int lms_ops_offer_add(const struct lms_ops_io *io, const struct lms_offer *f)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_offers all;
	char *path = io->path(io->arg, LMS_FILE_OFFERS, NULL);
	int err;

	if ((err = load_text(io, &text)))
		goto out;
	if ((err = lms_offers_load(&all, path, text.buf, text.len, NULL)))
		goto out;
	if (lms_offer_find(&all, f->id))
		err = lms_error(LMS_ECREATE, _("offer '%s' exists already"),
				f->id);
	lms_offers_release(&all);
	if (!err && !(err = lms_offer_append(&text, path, f)))
		err = io->save(io->arg, LMS_FILE_OFFERS, NULL, &text);
out:
	lms_buf_release(&text);
	free(path);
	return err;
}
