#include <stdlib.h>

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
