#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "attendance.h"
#include "date.h"
#include "roll.h"
#include "error.h"
#include "i18n.h"

/* Whoever was enrolled holds a place, also after the course closed. */
static bool holds_place(int status)
{
	return status == LMS_ENROLLED || status == LMS_COMPLETED ||
	       status == LMS_NOT_COMPLETED;
}

static void reindex(struct lms_roll *r)
{
	lms_strset_release(&r->index);
	r->enrolled = 0;
	r->next_waiting = 0;
	for (size_t i = 0; i < r->e->n; i++) {
		lms_strset_add(&r->index, r->e->v[i].person,
			       (void *)(uintptr_t)(i + 1));
		r->enrolled += holds_place(r->e->v[i].status);
	}
}

void lms_roll_init(struct lms_roll *r, const struct lms_course *c,
		   struct lms_enrolments *e)
{
	r->course = c;
	r->e = e;
	r->today = LMS_DATE_NONE;
	lms_strset_init(&r->index);
	reindex(r);
}

void lms_roll_release(struct lms_roll *r)
{
	lms_strset_release(&r->index);
}

struct lms_enrolment *lms_roll_find(const struct lms_roll *r,
				    const char *person)
{
	size_t i = (size_t)(uintptr_t)lms_strset_get(&r->index, person);

	return i ? &r->e->v[i - 1] : NULL;
}

size_t lms_roll_places_left(const struct lms_roll *r)
{
	size_t cap;

	if (r->course->capacity == LMS_UNSET)
		return SIZE_MAX;
	cap = (size_t)r->course->capacity;
	return cap > r->enrolled ? cap - r->enrolled : 0;
}

size_t lms_roll_promote(struct lms_roll *r,
			void (*moved)(const struct lms_enrolment *, void *),
			void *arg)
{
	size_t n = 0;

	/* A closed or cancelled course takes nobody in. */
	if (r->course->status == LMS_COURSE_COMPLETED ||
	    r->course->status == LMS_COURSE_CANCELLED)
		return 0;
	/* The file is in request order, so the first waitlisted is first;
	 * nobody before next_waiting is waiting any more. */
	for (; r->next_waiting < r->e->n && lms_roll_places_left(r); r->next_waiting++) {
		struct lms_enrolment *rec = &r->e->v[r->next_waiting];

		if (rec->status != LMS_WAITLISTED)
			continue;
		rec->status = LMS_ENROLLED;
		if (r->today != LMS_DATE_NONE)
			rec->moved_up = r->today;
		r->enrolled++;
		n++;
		if (moved)
			moved(rec, arg);
	}
	return n;
}

static int check_course_open(const struct lms_course *c)
{
	if (c->status == LMS_COURSE_CANCELLED)
		return lms_error(LMS_EREFUSED, _("course '%s' is cancelled: it "
						 "takes no enrolments"), c->id);
	if (c->status == LMS_COURSE_COMPLETED)
		return lms_error(LMS_EREFUSED, _("course '%s' is completed: it "
						 "takes no enrolments"), c->id);
	return 0;
}

static int check_not_on_course(const struct lms_course *c,
			       const struct lms_enrolment *old)
{
	const char *fmt;

	if (!old || old->status == LMS_WITHDRAWN)
		return 0;
	/* A sentence for each status: the words around it differ. */
	switch (old->status) {
	case LMS_WAITLISTED:
		fmt = _("%s is on the waiting list on course '%s' already");
		break;
	case LMS_COMPLETED:
		fmt = _("%s is completed on course '%s' already");
		break;
	case LMS_NOT_COMPLETED:
		fmt = _("%s is not-completed on course '%s' already");
		break;
	default:
		fmt = _("%s is enrolled on course '%s' already");
		break;
	}
	return lms_error(LMS_EREFUSED, fmt, old->person, c->id);
}

int lms_roll_default_role(const struct lms_course *c)
{
	return c->target_groups == LMS_TG_STAFF ? LMS_STAFF : LMS_PARTICIPANT;
}

static int check_request(const struct lms_roll *r,
			 const struct lms_service *svc,
			 const struct lms_enrol_request *req)
{
	int role = req->role ? req->role : lms_roll_default_role(r->course);

	if (req->relative_of && role != LMS_RELATIVE)
		return lms_error(LMS_EUSAGE, _("only a relative supports "
						"someone (give the role "
						"relative)"));
	if (req->relative_of && !strcmp(req->relative_of, req->person))
		return lms_error(LMS_EUSAGE, _("%s cannot be their own "
						"relative"), req->person);
	if (!req->force && req->municipality &&
	    !lms_service_serves(svc, req->municipality))
		return lms_error(LMS_EREFUSED, _("%s lives in %s, which is "
						 "neither the host nor a partner "
						 "of this service (--force "
						 "enrols them anyway)"),
				 req->who ? req->who : req->person,
				 req->municipality);
	return 0;
}

/* A withdrawn person who comes back queues again from their new request:
 * the old record goes and a new one is appended. */
static struct lms_enrolment *new_record(struct lms_roll *r, const char *person)
{
	struct lms_enrolment *old = lms_roll_find(r, person);
	struct lms_enrolment *rec;

	if (old) {
		lms_schema_release(&lms_enrolment_schema, old);
		lms_array_remove(r->e->v, &r->e->n, sizeof(*old),
				 (size_t)(old - r->e->v));
		reindex(r);
	}
	rec = lms_array_push(&r->e->v, &r->e->n, sizeof(*rec));
	lms_schema_init(&lms_enrolment_schema, rec);
	rec->person = lms_strdup(person);
	lms_strset_add(&r->index, person, (void *)(uintptr_t)r->e->n);
	return rec;
}

int lms_roll_enrol(struct lms_roll *r, const struct lms_service *svc,
		   const struct lms_enrol_request *req, int *status)
{
	struct lms_enrolment *rec;
	int err;

	if ((err = check_course_open(r->course)) ||
	    (err = check_not_on_course(r->course, lms_roll_find(r, req->person))) ||
	    (err = check_request(r, svc, req)))
		return err;
	/* Places that freed up go to the waiting list before newcomers. */
	lms_roll_promote(r, NULL, NULL);
	if (lms_roll_places_left(r))
		*status = LMS_ENROLLED;
	else if (r->course->waitlist)
		*status = LMS_WAITLISTED;
	else
		return lms_error(LMS_EREFUSED, lms_n_("course '%s' is full (%d "
						      "place) and has no waiting "
						      "list", "course '%s' is full "
						      "(%d places) and has no "
						      "waiting list",
						      (unsigned long)r->course->capacity),
				 r->course->id, r->course->capacity);
	rec = new_record(r, req->person);
	rec->role = req->role ? req->role : lms_roll_default_role(r->course);
	rec->status = *status;
	rec->requested = req->requested;
	rec->referral = req->referral;
	if (req->municipality)
		rec->municipality = lms_strdup(req->municipality);
	if (req->relative_of)
		rec->relative_of = lms_strdup(req->relative_of);
	r->enrolled += *status == LMS_ENROLLED;
	return 0;
}

int lms_roll_withdraw(struct lms_roll *r, const char *person,
		      void (*moved)(const struct lms_enrolment *, void *),
		      void *arg)
{
	struct lms_enrolment *rec = lms_roll_find(r, person);

	if (!rec || (rec->status != LMS_ENROLLED && rec->status != LMS_WAITLISTED))
		return lms_error(LMS_ENOENT, _("%s is not enrolled on course "
					       "'%s'"), person, r->course->id);
	r->enrolled -= rec->status == LMS_ENROLLED;
	rec->status = LMS_WITHDRAWN;
	lms_roll_promote(r, moved, arg);
	return 0;
}

void lms_close_enrolments(const struct lms_course *c, struct lms_enrolments *e,
			  const struct lms_attendance *a, double completion,
			  int32_t day, size_t *attended, size_t *held)
{
	size_t n = lms_course_sessions_held(c, day);

	for (size_t i = 0; i < e->n; i++) {
		struct lms_enrolment *r = &e->v[i];
		size_t came = 0;

		if (r->status != LMS_ENROLLED && r->status != LMS_COMPLETED &&
		    r->status != LMS_NOT_COMPLETED)
			continue;
		for (size_t k = 0; k < c->nsessions; k++) {
			const struct lms_session_attendance *s;

			if (c->sessions[k].date > day)
				continue;
			s = lms_attendance_find(a, c->sessions[k].date);
			came += s && lms_attendance_of(s, r->person) == LMS_PRESENT;
		}
		/* Compare whole counts: 6 of 8 meets 0.75 without rounding. */
		r->status = n && (double)came >= completion * (double)n - 1e-9 ?
			    LMS_COMPLETED : LMS_NOT_COMPLETED;
		if (attended)
			attended[i] = came;
		if (held)
			held[i] = n;
	}
}

/* A copy of a record of another course, for the carry-over. */
static void copy_record(struct lms_enrolment *to,
			const struct lms_enrolment *from, int status)
{
	lms_schema_init(&lms_enrolment_schema, to);
	to->person = lms_strdup(from->person);
	to->role = from->role;
	to->status = status;
	to->requested = from->requested;
	to->referral = from->referral;
	if (from->municipality)
		to->municipality = lms_strdup(from->municipality);
	if (from->relative_of)
		to->relative_of = lms_strdup(from->relative_of);
}

static void push_record(struct lms_enrolment **v, size_t *n,
			const struct lms_enrolment *rec)
{
	*(struct lms_enrolment *)lms_array_push(v, n, sizeof(**v)) = *rec;
}

/*
 * Merges the records carried into r's enrolments: those given places
 * (placed) before the first one waiting, and each of the waiting ones (w,
 * in their order) before the first waiting record that asked later.  The
 * records move: w and placed keep nothing to free but their arrays.
 */
static void merge_carried(struct lms_roll *r, struct lms_enrolment *w,
			  size_t nw, struct lms_enrolment *placed, size_t np)
{
	struct lms_enrolments *e = r->e;
	struct lms_enrolment *v = NULL;
	size_t n = 0, k = 0, j = 0;

	for (size_t i = 0; i < e->n; i++) {
		if (e->v[i].status == LMS_WAITLISTED) {
			while (j < np)
				push_record(&v, &n, &placed[j++]);
			while (k < nw && w[k].requested < e->v[i].requested)
				push_record(&v, &n, &w[k++]);
		}
		push_record(&v, &n, &e->v[i]);
	}
	while (j < np)
		push_record(&v, &n, &placed[j++]);
	while (k < nw)
		push_record(&v, &n, &w[k++]);
	lms_free(e->v);
	e->v = v;
	e->n = n;
	reindex(r);
}

int lms_roll_carry(struct lms_roll *r, struct lms_enrolments *old,
		   struct lms_carry *out)
{
	struct lms_enrolment *w = NULL, *placed = NULL;
	size_t nw = 0, np = 0;
	size_t free_places;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = check_course_open(r->course)))
		return err;
	lms_roll_promote(r, NULL, NULL);
	free_places = lms_roll_places_left(r);
	for (size_t i = 0; i < old->n; i++) {
		struct lms_enrolment *o = &old->v[i];

		if (o->status != LMS_WAITLISTED || o->carried_to)
			continue;
		if (lms_roll_find(r, o->person))
			out->already++;
		else if (free_places) {
			struct lms_enrolment *rec = lms_array_push(
				&placed, &np, sizeof(*placed));

			/* A place from the interest list is a place won
			 * from a waiting list: they are told so. */
			copy_record(rec, o, LMS_ENROLLED);
			rec->moved_up = r->today;
			free_places -= free_places != SIZE_MAX;
			out->enrolled++;
		} else if (r->course->waitlist) {
			copy_record(lms_array_push(&w, &nw, sizeof(*w)), o,
				    LMS_WAITLISTED);
			out->waitlisted++;
		} else {
			out->left++;
			continue;
		}
		o->carried_to = lms_strdup(r->course->id);
	}
	merge_carried(r, w, nw, placed, np);
	lms_free(w);
	lms_free(placed);
	return 0;
}
