#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "courseedit.h"
#include "roll.h"
#include "error.h"
#include "i18n.h"
#include "waitlist.h"

/* Withdrawals and course changes, which move the waiting list up: see
 * waitlist.h for the order of their writes. */

int lms_ops_withdraw(const struct lms_ops_io *io, const char *course,
		     const char *person, lms_moved_fn *moved, void *arg)
{
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_roll roll;
	int err;

	if ((err = io->load_course(io->arg, course, &c, NULL)))
		return err;
	if ((err = io->load_enrolments(io->arg, c.id, &e))) {
		lms_course_release(&c);
		return err;
	}
	lms_roll_init(&roll, &c, &e);
	if (io->today)
		roll.today = io->today;
	if (!(err = lms_roll_withdraw(&roll, person, moved, arg)))
		err = lms_ops_save_enrolments(io, c.id, &e);
	lms_roll_release(&roll);
	lms_enrolments_release(&e);
	lms_course_release(&c);
	return err;
}

static int apply_settings(struct lms_buf *text, const char *path,
			  const char *const *settings, size_t n)
{
	int err = 0;

	for (size_t i = 0; i < n && !err; i++) {
		const char *s = settings[i];
		size_t len = strcspn(s, "=");
		char *key;

		/* The command checks this too; lib does not count on it. */
		if (!s[len] || !len)
			return lms_error(LMS_EUSAGE, _("'%s' is not KEY=VALUE"),
					 s);
		key = lms_strndup(s, len);
		err = lms_course_set(text, path, key, s + len + 1);
		lms_free(key);
	}
	return err;
}

/* More places (or places at all) go to the waiting list at once. */
static int promote(const struct lms_ops_io *io, const struct lms_course *c,
		   struct lms_enrolments *e, lms_moved_fn *moved, void *arg)
{
	struct lms_roll roll;
	int err = 0;

	lms_roll_init(&roll, c, e);
	if (io->today)
		roll.today = io->today;
	if (c->status != LMS_COURSE_CANCELLED &&
	    c->status != LMS_COURSE_COMPLETED &&
	    lms_roll_promote(&roll, moved, arg))
		err = lms_ops_save_enrolments(io, c->id, e);
	lms_roll_release(&roll);
	return err;
}

int lms_ops_course_set(const struct lms_ops_io *io, const char *course,
		       const char *const *settings, size_t n,
		       lms_moved_fn *moved, void *arg,
		       struct lms_set_result *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_enrolments e;
	char *path;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = io->load_course(io->arg, course, &out->before, &text)))
		goto out_text;
	path = io->path(io->arg, LMS_FILE_COURSE, out->before.id);
	err = apply_settings(&text, path, settings, n);
	lms_free(path);
	if (err || (err = lms_ops_check_course(io, &out->before, &text,
					       &out->after)))
		goto out_before;
	if ((err = io->load_enrolments(io->arg, out->before.id, &e)))
		goto out_after;
	if (!(err = lms_ops_move_session_records(io, &out->before, &out->after,
					    &out->moves, &out->nmoves)) &&
	    !(err = io->save(io->arg, LMS_FILE_COURSE, out->before.id, &text)))
		err = promote(io, &out->after, &e, moved, arg);
	out->held = lms_enrolments_on_course(&e);
	lms_enrolments_release(&e);
	if (!err)
		goto out_text;
out_after:
	lms_free(out->moves);
	lms_course_release(&out->after);
out_before:
	lms_course_release(&out->before);
	memset(out, 0, sizeof(*out));
out_text:
	lms_buf_release(&text);
	return err;
}

void lms_set_result_release(struct lms_set_result *r)
{
	lms_course_release(&r->before);
	lms_course_release(&r->after);
	lms_free(r->moves);
}
