#include <stdlib.h>

#include "alloc.h"
#include "error.h"
#include "i18n.h"
#include "offers.h"

int lms_ops_load_offers(const struct lms_ops_io *io, struct lms_offers *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char *path;
	int err;

	out->v = NULL;
	out->n = 0;
	if ((err = lms_ops_load_text_or_empty(io, LMS_FILE_OFFERS, NULL, &text)))
		goto out;
	path = io->path(io->arg, LMS_FILE_OFFERS, NULL);
	err = lms_offers_load(out, path, text.buf, text.len, NULL);
	lms_free(path);
out:
	lms_buf_release(&text);
	return err;
}

/* A participant's phone or e-mail is not an offer's contact. */
static int refuse_private(const struct lms_ops_io *io,
			  const struct lms_offer *f)
{
	struct lms_register reg;
	const char *key;
	int err;

	if (!f->phone && !f->email)
		return 0;
	if ((err = io->load_register(io->arg, &reg)))
		return err;
	if ((key = lms_offer_private_contact(f, &reg)))
		err = lms_error(LMS_EDATA, _("--%s: this is the contact of "
					     "someone in the register: personal "
					     "data does not belong in a file "
					     "that goes to git"), key);
	lms_register_release(&reg);
	return err;
}

int lms_ops_offer_add(const struct lms_ops_io *io, const struct lms_offer *f)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_offers all;
	char *path = io->path(io->arg, LMS_FILE_OFFERS, NULL);
	int err;

	if ((err = lms_ops_load_text_or_empty(io, LMS_FILE_OFFERS, NULL, &text)))
		goto out;
	if ((err = lms_offers_load(&all, path, text.buf, text.len, NULL)))
		goto out;
	if (lms_offer_find(&all, f->id))
		err = lms_error(LMS_ECREATE, _("offer '%s' exists already"),
				f->id);
	lms_offers_release(&all);
	if (!err)
		err = refuse_private(io, f);
	if (!err && !(err = lms_offer_append(&text, path, f)))
		err = io->save(io->arg, LMS_FILE_OFFERS, NULL, &text);
out:
	lms_buf_release(&text);
	lms_free(path);
	return err;
}
