#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "bookings.h"
#include "date.h"
#include "error.h"
#include "tree.h"

/* bookings.h says what a booking is and why every course is read. */

#define WHOLE_DAY (24 * 60)

static void add_booking(struct lms_booked_set *b, const char *who,
			const char *course, const struct lms_session *s)
{
	struct lms_booked *x = lms_array_push(&b->v, &b->n, sizeof(*x));

	x->who = lms_strdup(who);
	x->course = lms_strdup(course);
	x->date = s->date;
	x->start = s->start;
	x->end = s->end;
}

static void book_course(struct lms_booked_set *b, const struct lms_course *c,
			int32_t from, int32_t to)
{
	const char *who;

	if (c->status == LMS_COURSE_CANCELLED)
		return;
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];

		if (s->date < from || s->date > to)
			continue;
		for (size_t k = 0; (who = lms_session_leader(c, s, k)); k++)
			add_booking(b, who, c->id, s);
	}
}

/* A course that did not load: its error, kept for the command to tell. */
static void keep_unread(struct lms_error **v, size_t *n)
{
	struct lms_error *e = lms_array_push(v, n, sizeof(*e));

	*e = *lms_last_error();
	lms_error_clear();
}

int lms_ops_bookings(const struct lms_ops_io *io, int32_t from, int32_t to,
		     const char *skip, struct lms_booked_set *out)
{
	char **ids = NULL;
	size_t nids = 0;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = io->course_ids(io->arg, &ids, &nids)))
		return err;
	for (size_t i = 0; i < nids; i++) {
		struct lms_course c;

		if (skip && !strcmp(ids[i], skip))
			continue;
		if (io->load_course(io->arg, ids[i], &c, NULL)) {
			keep_unread(&out->unread, &out->nunread);
			continue;
		}
		book_course(out, &c, from, to);
		lms_course_release(&c);
	}
	lms_strings_free(ids, nids);
	return 0;
}

void lms_booked_set_release(struct lms_booked_set *b)
{
	for (size_t i = 0; i < b->n; i++) {
		lms_free(b->v[i].who);
		lms_free(b->v[i].course);
	}
	lms_free(b->v);
	lms_free(b->unread);
	memset(b, 0, sizeof(*b));
}

/* [*start, *end) in minutes: a time alone is a moment, none the day. */
static void span(int start, int end, int *s, int *e)
{
	*s = start == LMS_TIME_NONE ? 0 : start;
	*e = start == LMS_TIME_NONE ? WHOLE_DAY :
	     end == LMS_TIME_NONE || end <= start ? start + 1 : end;
}

const struct lms_booked *lms_booked_at(const struct lms_booked_set *b,
				       const char *who, int32_t date,
				       int start, int end)
{
	int s, e;

	span(start, end, &s, &e);
	for (size_t i = 0; i < b->n; i++) {
		const struct lms_booked *x = &b->v[i];
		int xs, xe;

		if (x->date != date || strcmp(x->who, who))
			continue;
		span(x->start, x->end, &xs, &xe);
		if (xs < e && s < xe)
			return x;
	}
	return NULL;
}

/* The clashes of a course made or assigned */

static struct lms_away *away_of(struct lms_clashes *x, const char *who)
{
	struct lms_away *a;

	for (size_t i = 0; i < x->naway; i++)
		if (!strcmp(x->away[i].who, who))
			return &x->away[i];
	a = lms_array_push(&x->away, &x->naway, sizeof(*a));
	a->who = who;
	a->first = LMS_DATE_NONE;
	a->n = 0;
	return a;
}

/* Whether who, leading session s, is away or booked then. */
static void clash(struct lms_clashes *x, const struct lms_booked_set *b,
		  const struct lms_facilitator *f, const char *who,
		  const struct lms_session *s)
{
	const struct lms_booked *other;

	if (f && !lms_facilitator_available_on(f, s->date)) {
		struct lms_away *a = away_of(x, who);

		if (a->first == LMS_DATE_NONE || s->date < a->first)
			a->first = s->date;
		a->n++;
	}
	if ((other = lms_booked_at(b, who, s->date, s->start, s->end))) {
		struct lms_booked *c = lms_array_push(&x->booked, &x->nbooked,
						      sizeof(*c));

		*c = *other;
		c->who = lms_strdup(who);
		c->course = lms_strdup(other->course);
	}
}

int lms_ops_course_clashes(const struct lms_ops_io *io,
			   const struct lms_course *c, struct lms_clashes *out)
{
	struct lms_facilitator *all = NULL;
	struct lms_booked_set b;
	size_t nall = 0;
	const char *who;
	int err;

	memset(out, 0, sizeof(*out));
	if (!c->nsessions || c->status == LMS_COURSE_CANCELLED)
		return 0;
	if ((err = io->load_facilitators(io->arg, &all, &nall)))
		return err;
	if (!(err = lms_ops_bookings(io, lms_course_first_date(c),
				     lms_course_last_date(c), c->id, &b))) {
		for (size_t i = 0; i < c->nsessions; i++)
			for (size_t k = 0; (who = lms_session_leader(
				     c, &c->sessions[i], k)); k++)
				clash(out, &b, lms_facilitator_find(all, nall,
								    who),
				      who, &c->sessions[i]);
		out->unread = b.unread;
		out->nunread = b.nunread;
		b.unread = NULL;
		lms_booked_set_release(&b);
	}
	lms_facilitators_free(all, nall);
	return err;
}

void lms_clashes_release(struct lms_clashes *x)
{
	struct lms_booked_set b = { x->booked, x->nbooked, x->unread,
				    x->nunread };

	lms_booked_set_release(&b);
	lms_free(x->away);
	memset(x, 0, sizeof(*x));
}

void lms_clashes_keep(struct lms_clashes *x, const char *who)
{
	size_t n = 0;

	for (size_t i = 0; i < x->naway; i++)
		if (!strcmp(x->away[i].who, who))
			x->away[n++] = x->away[i];
	x->naway = n;
	n = 0;
	for (size_t i = 0; i < x->nbooked; i++) {
		if (!strcmp(x->booked[i].who, who)) {
			x->booked[n++] = x->booked[i];
			continue;
		}
		lms_free(x->booked[i].who);
		lms_free(x->booked[i].course);
	}
	x->nbooked = n;
}
