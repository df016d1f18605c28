#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "close.h"
#include "offers.h"
#include "courseedit.h"
#include "roll.h"
#include "error.h"
#include "i18n.h"

/* lms course close, whose rules and order of writes are in close.h. */

static int refuse(const struct lms_course *c, int32_t today)
{
	if (c->status == LMS_COURSE_CANCELLED)
		return lms_error(LMS_EREFUSED, _("course '%s' is cancelled"),
				 c->id);
	if (!lms_course_sessions_held(c, today))
		return lms_error(LMS_EREFUSED, _("course '%s' has held no "
						 "session yet"), c->id);
	return 0;
}

static int apply_follow_ups(const struct lms_course *c, struct lms_enrolments *e,
			    const struct lms_offers *o,
			    const struct lms_follow_up *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int err;
		struct lms_enrolment *r = lms_enrolments_find_on_course(
			e, v[i].person, c->id, &err);

		if (!r)
			return err;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(v[j].person, v[i].person))
				return lms_error(LMS_EUSAGE, _("%s is named "
							       "twice"),
						 v[i].person);
		if ((err = lms_offer_check(o, v[i].what)))
			return err;
		lms_free(r->follow_up);
		r->follow_up = lms_strdup(v[i].what);
	}
	return 0;
}

static void find_unrecorded(struct lms_close_result *r,
			    const struct lms_attendance *a, int32_t today)
{
	const struct lms_course *c = &r->course;

	for (size_t i = 0; i < c->nsessions; i++)
		if (c->sessions[i].date <= today &&
		    !lms_attendance_find(a, c->sessions[i].date))
			*(int32_t *)lms_array_push(&r->unrecorded,
						   &r->nunrecorded,
						   sizeof(int32_t)) =
				c->sessions[i].date;
}

/* Judges everyone and marks the course completed, in memory. */
static int decide(const struct lms_ops_io *io,
		  const struct lms_close_request *req,
		  struct lms_close_result *r, const struct lms_attendance *a,
		  struct lms_buf *text)
{
	const struct lms_course *c = &r->course;
	struct lms_course after;
	struct lms_offers o;
	char *path;
	int err;

	if ((err = refuse(c, req->today)))
		return err;
	if (req->nfollow_up && (err = lms_ops_load_offers(io, &o)))
		return err;
	r->attended = lms_calloc(r->e.n, sizeof(size_t));
	r->held = lms_calloc(r->e.n, sizeof(size_t));
	lms_close_enrolments(c, &r->e, a, req->completion, req->today,
			     r->attended, r->held);
	if (req->nfollow_up) {
		err = apply_follow_ups(c, &r->e, &o, req->follow_up,
				       req->nfollow_up);
		lms_offers_release(&o);
		if (err)
			return err;
	}
	path = io->path(io->arg, LMS_FILE_COURSE, c->id);
	err = lms_course_set(text, path, "status", "completed");
	lms_free(path);
	if (!err && !(err = lms_ops_check_course(io, c, text, &after)))
		lms_course_release(&after);
	return err;
}

int lms_ops_close(const struct lms_ops_io *io,
		  const struct lms_close_request *req,
		  struct lms_close_result *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_attendance a;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = io->load_course(io->arg, req->course, &out->course, &text)))
		goto out_text;
	if ((err = io->load_enrolments(io->arg, out->course.id, &out->e)))
		goto out_course;
	if ((err = io->load_attendance(io->arg, out->course.id, &a)))
		goto out_all;
	if (!(err = decide(io, req, out, &a, &text)) &&
	    !(err = lms_ops_save_enrolments(io, out->course.id, &out->e)))
		err = io->save(io->arg, LMS_FILE_COURSE, out->course.id, &text);
	if (!err)
		find_unrecorded(out, &a, req->today);
	lms_attendance_release(&a);
	if (!err)
		goto out_text;
out_all:
	lms_free(out->attended);
	lms_free(out->held);
	lms_enrolments_release(&out->e);
out_course:
	lms_course_release(&out->course);
	memset(out, 0, sizeof(*out));
out_text:
	lms_buf_release(&text);
	return err;
}

void lms_close_result_release(struct lms_close_result *r)
{
	lms_course_release(&r->course);
	lms_enrolments_release(&r->e);
	lms_free(r->attended);
	lms_free(r->held);
	lms_free(r->unrecorded);
}
