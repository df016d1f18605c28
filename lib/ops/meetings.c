#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "i18n.h"
#include "meetings.h"

int lms_ops_load_meetings(const struct lms_ops_io *io, const char *course,
			  struct lms_meetings *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char *path;
	int err;

	out->v = NULL;
	out->n = 0;
	if ((err = lms_ops_load_text_or_empty(io, LMS_FILE_MEETINGS, course, &text)))
		goto out;
	path = io->path(io->arg, LMS_FILE_MEETINGS, course);
	err = lms_meetings_load(out, path, text.buf, text.len, NULL);
	lms_free(path);
out:
	lms_buf_release(&text);
	return err;
}

/* Who took part: the course's facilitators, or those the service knows. */
static int check_with(const struct lms_ops_io *io, const struct lms_course *c,
		      const struct lms_meeting *m)
{
	struct lms_facilitator *all = NULL;
	size_t nall = 0;
	bool loaded = false;
	int err = 0;

	for (size_t i = 0; i < m->nwith && !err; i++) {
		for (size_t j = 0; j < i && !err; j++)
			if (!strcmp(m->with[i], m->with[j]))
				err = lms_error(LMS_EUSAGE, _("'%s' is named "
						"twice"), m->with[i]);
		if (err || lms_course_has_facilitator(c, m->with[i]))
			continue;
		if (!loaded && (err = io->load_facilitators(io->arg, &all,
							    &nall)))
			break;
		loaded = true;
		err = lms_facilitator_check(all, nall, m->with[i], 0);
	}
	lms_facilitators_free(all, nall);
	return err;
}

int lms_ops_meeting_add(const struct lms_ops_io *io, const char *course,
			const struct lms_meeting *m)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_course c;
	char *path = io->path(io->arg, LMS_FILE_MEETINGS, course);
	int err;

	if ((err = io->load_course(io->arg, course, &c, NULL)))
		goto out;
	err = check_with(io, &c, m);
	lms_course_release(&c);
	if (!err && !(err = lms_ops_load_text_or_empty(io, LMS_FILE_MEETINGS, course, &text)) &&
	    !(err = lms_meeting_append(&text, path, m)))
		err = io->save(io->arg, LMS_FILE_MEETINGS, course, &text);
out:
	lms_buf_release(&text);
	lms_free(path);
	return err;
}
