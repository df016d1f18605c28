#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "coursenew.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"

/* lms course new: see coursenew.h for its rules. */

struct passing {
	const struct lms_service *service;
	struct lms_new_result *out;
};

static bool pass_day_off(int32_t date, void *arg)
{
	struct passing *p = arg;
	struct lms_day_off why;
	struct lms_passed_day *d;

	if (!lms_service_day_off(p->service, date, &why))
		return false;
	d = lms_array_push(&p->out->passed, &p->out->npassed, sizeof(*d));
	d->date = date;
	d->why = why;
	return true;
}

static int refuse_existing(const struct lms_ops_io *io, const char *id)
{
	int found = io->has_course(io->arg, id);

	if (found > 0)
		return lms_error(LMS_ECREATE, _("course '%s' exists already"),
				 id);
	return found;
}

static int check_facilitators(const struct lms_ops_io *io,
			      const struct lms_plan *p)
{
	struct lms_facilitator *all = NULL;
	size_t nall = 0;
	int err = io->load_facilitators(io->arg, &all, &nall);

	for (size_t i = 0; i < p->nfacilitators && !err; i++)
		err = lms_facilitator_check(all, nall, p->facilitators[i].id, 0);
	lms_facilitators_free(all, nall);
	return err;
}

static void fit_template(const struct lms_template *t,
			 struct lms_new_result *out)
{
	size_t n = out->course.nsessions;

	out->with_template = true;
	out->template_sessions = t->nsessions;
	out->unthemed = n > t->nsessions ? n - t->nsessions : 0;
	out->left_out = n < t->nsessions ? t->nsessions - n : 0;
}

/* Plans the course from plan (with its template, if any) and writes it. */
static int plan_and_save(const struct lms_ops_io *io,
			 const struct lms_new_request *req,
			 const struct lms_template *tpl,
			 struct lms_new_result *out)
{
	struct lms_plan plan = req->plan;
	struct passing passing = { req->service, out };
	struct lms_buf text = LMS_BUF_INIT;
	int err;

	plan.template = tpl;
	if (!req->on_holidays) {
		plan.schedule.day_off = pass_day_off;
		plan.schedule.day_off_arg = &passing;
	}
	if ((err = lms_plan_course(&plan, &out->course)))
		return err;
	if ((err = lms_ops_course_clashes(io, &out->course, &out->clashes))) {
		lms_course_release(&out->course);
		return err;
	}
	lms_course_emit(&text, &out->course);
	if ((err = io->save(io->arg, LMS_FILE_COURSE, out->course.id, &text)))
		lms_course_release(&out->course);
	else if (tpl)
		fit_template(tpl, out);
	lms_buf_release(&text);
	return err;
}

int lms_ops_course_new(const struct lms_ops_io *io,
		       const struct lms_new_request *req,
		       struct lms_new_result *out)
{
	struct lms_template tpl;
	bool have_tpl = false;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = refuse_existing(io, req->plan.id)))
		return err;
	if (req->template_id &&
	    !(err = io->load_template(io->arg, req->template_id, &tpl)))
		have_tpl = true;
	if (!err && req->from_waitlist)
		err = lms_ops_carry_check(io, req->from_waitlist, req->today);
	if (!err && !(err = check_facilitators(io, &req->plan)))
		err = plan_and_save(io, req, have_tpl ? &tpl : NULL, out);
	if (!err && req->from_waitlist &&
	    (err = lms_ops_carry_onto(io, req->from_waitlist, &out->course,
				      req->today, &out->carried)))
		lms_course_release(&out->course);
	if (have_tpl)
		lms_template_release(&tpl);
	if (err) {
		lms_free(out->passed);
		lms_clashes_release(&out->clashes);
		memset(out, 0, sizeof(*out));
	}
	return err;
}

void lms_new_result_release(struct lms_new_result *r)
{
	lms_course_release(&r->course);
	lms_free(r->passed);
	lms_carry_result_release(&r->carried);
	lms_clashes_release(&r->clashes);
}
