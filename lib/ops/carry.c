#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "carry.h"
#include "date.h"
#include "error.h"
#include "i18n.h"

/* The carry-over of a waiting list: see carry.h for the order of the
 * writes and why the lists are copied. */

static bool has_ended(const struct lms_course *c, int32_t today)
{
	int32_t last = lms_course_last_date(c);

	return c->status == LMS_COURSE_COMPLETED ||
	       c->status == LMS_COURSE_CANCELLED ||
	       (last != LMS_DATE_NONE && last < today);
}

/* c is a later run of old (carry.h says which). */
static bool is_next_run(const struct lms_course *old,
			const struct lms_course *c)
{
	int32_t first = lms_course_first_date(c);

	if (!strcmp(c->id, old->id) || c->status == LMS_COURSE_COMPLETED ||
	    c->status == LMS_COURSE_CANCELLED)
		return false;
	if (old->template ? !c->template || strcmp(c->template, old->template) :
	    c->template || !c->ntopics || strcmp(c->topics[0], old->topics[0]))
		return false;
	return first == LMS_DATE_NONE || first > lms_course_first_date(old);
}

/* Earlier first: dated before undated, then by date (ids come sorted). */
static bool starts_before(int32_t a, int32_t b)
{
	if (a == LMS_DATE_NONE)
		return false;
	return b == LMS_DATE_NONE || a < b;
}

static int find_next(const struct lms_ops_io *io, const struct lms_course *old,
		     char **out)
{
	char **ids;
	size_t n;
	int32_t best = LMS_DATE_NONE;
	int err;

	*out = NULL;
	if (!old->template && !old->ntopics)
		return lms_error(LMS_EREFUSED, _("course '%s' has neither a "
						 "template nor a topic: name "
						 "the next course"), old->id);
	if ((err = io->course_ids(io->arg, &ids, &n)))
		return err;
	for (size_t i = 0; i < n && !err; i++) {
		struct lms_course c;

		if ((err = io->load_course(io->arg, ids[i], &c, NULL)))
			break;
		if (is_next_run(old, &c) &&
		    (!*out || starts_before(lms_course_first_date(&c), best))) {
			lms_free(*out);
			*out = lms_strdup(c.id);
			best = lms_course_first_date(&c);
		}
		lms_course_release(&c);
	}
	lms_strings_free(ids, n);
	if (!err && !*out)
		err = lms_error(LMS_ENOENT, old->template ?
				_("no later course of template '%s' takes "
				  "enrolments (make one with lms course new)") :
				_("no later course of topic '%s' takes "
				  "enrolments (make one with lms course new)"),
				old->template ? old->template : old->topics[0]);
	if (err) {
		lms_free(*out);
		*out = NULL;
	}
	return err;
}

/* Who this run carried (marked now, and not on r before), and where
 * they are. */
static void list_carried(const struct lms_enrolments *old, const bool *before,
			 const struct lms_roll *r, struct lms_carry_result *out)
{
	for (size_t i = 0; i < old->n; i++) {
		const struct lms_enrolment *o = &old->v[i];
		const struct lms_enrolment *rec;
		struct lms_carried *c;

		if (before[i] || !o->carried_to ||
		    !(rec = lms_roll_find(r, o->person)))
			continue;
		c = lms_array_push(&out->v, &out->n, sizeof(*c));
		c->person = lms_strdup(o->person);
		c->status = rec->status;
		c->number = 0;
		for (const struct lms_enrolment *p = r->e->v; p <= rec; p++)
			c->number += rec->status == LMS_WAITLISTED &&
				     p->status == LMS_WAITLISTED;
	}
}

/* Both courses' files are loaded; decide in memory, then write. */
static int carry(const struct lms_ops_io *io, const struct lms_course *next,
		 struct lms_enrolments *old_e, const char *old_id,
		 struct lms_carry_result *out)
{
	struct lms_enrolments e;
	struct lms_roll roll;
	bool *before;
	int err;

	if (!strcmp(next->id, old_id))
		return lms_error(LMS_EUSAGE, _("course '%s' cannot carry its "
					       "waiting list over to itself"),
				 old_id);
	if ((err = io->load_enrolments(io->arg, next->id, &e)))
		return err;
	lms_roll_init(&roll, next, &e);
	if (io->today)
		roll.today = io->today;
	/* Marked before, or on the new course before: not carried now. */
	before = lms_calloc(old_e->n + 1, sizeof(*before));
	for (size_t i = 0; i < old_e->n; i++)
		before[i] = old_e->v[i].carried_to ||
			    lms_roll_find(&roll, old_e->v[i].person);
	if (!(err = lms_roll_carry(&roll, old_e, &out->counts))) {
		list_carried(old_e, before, &roll, out);
		if (out->counts.enrolled || out->counts.waitlisted)
			err = lms_ops_save_enrolments(io, next->id, &e);
		if (!err && (out->counts.enrolled || out->counts.waitlisted ||
			     out->counts.already))
			err = lms_ops_save_enrolments(io, old_id, old_e);
	}
	lms_free(before);
	lms_roll_release(&roll);
	lms_enrolments_release(&e);
	return err;
}

/* old, loaded, if it has ended. */
static int load_ended(const struct lms_ops_io *io, const char *id,
		      int32_t today, struct lms_course *old)
{
	int err;

	if ((err = io->load_course(io->arg, id, old, NULL)))
		return err;
	if (!has_ended(old, today)) {
		err = lms_error(LMS_EREFUSED, _("course '%s' has not ended: "
						"its waiting list still moves "
						"up there"), old->id);
		lms_course_release(old);
	}
	return err;
}

static int carry_to(const struct lms_ops_io *io, const struct lms_course *old,
		    const struct lms_course *next, struct lms_carry_result *out)
{
	struct lms_enrolments old_e;
	int err;

	if (!out->next)
		out->next = lms_strdup(next->id);
	if (!(err = io->load_enrolments(io->arg, old->id, &old_e))) {
		err = carry(io, next, &old_e, old->id, out);
		lms_enrolments_release(&old_e);
	}
	return err;
}

/* The next course named, or found. */
static int carry_next(const struct lms_ops_io *io, const struct lms_course *old,
		      const struct lms_carry_request *req,
		      struct lms_carry_result *out)
{
	struct lms_course next;
	int err;

	if (req->next)
		out->next = lms_strdup(req->next);
	else if ((err = find_next(io, old, &out->next)))
		return err;
	if ((err = io->load_course(io->arg, out->next, &next, NULL)))
		return err;
	err = carry_to(io, old, &next, out);
	lms_course_release(&next);
	return err;
}

int lms_ops_carry(const struct lms_ops_io *io,
		  const struct lms_carry_request *req,
		  struct lms_carry_result *out)
{
	struct lms_course old;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = load_ended(io, req->old, req->today, &old)))
		return err;
	err = carry_next(io, &old, req, out);
	lms_course_release(&old);
	if (err)
		lms_carry_result_release(out);
	return err;
}

int lms_ops_carry_check(const struct lms_ops_io *io, const char *old,
			int32_t today)
{
	struct lms_course c;
	int err = load_ended(io, old, today, &c);

	if (!err)
		lms_course_release(&c);
	return err;
}

int lms_ops_carry_onto(const struct lms_ops_io *io, const char *old,
		       const struct lms_course *next, int32_t today,
		       struct lms_carry_result *out)
{
	struct lms_course c;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = load_ended(io, old, today, &c)))
		return err;
	err = carry_to(io, &c, next, out);
	lms_course_release(&c);
	if (err)
		lms_carry_result_release(out);
	return err;
}

void lms_carry_result_release(struct lms_carry_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		lms_free(r->v[i].person);
	lms_free(r->v);
	lms_free(r->next);
	memset(r, 0, sizeof(*r));
}
