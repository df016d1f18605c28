#include <stdlib.h>

#include "alloc.h"
#include "collate.h"
#include "error.h"
#include "i18n.h"
#include "roster.h"

bool lms_roster_listed(const struct lms_enrolment *e, bool waiting)
{
	if (e->status == LMS_WITHDRAWN)
		return false;
	return (e->status == LMS_WAITLISTED) == waiting;
}

size_t lms_roster_present(const struct lms_session_attendance *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		n += s->v[i].presence == LMS_PRESENT;
	n += (size_t)(s->participants == LMS_UNSET ? 0 : s->participants);
	n += (size_t)(s->relatives == LMS_UNSET ? 0 : s->relatives);
	return n;
}

int lms_roster_sheet_session(const struct lms_course *c, const char *arg,
			     int32_t today, size_t *index, size_t *number)
{
	size_t *order;

	if (arg)
		return lms_course_find_session(c, arg, index, number);
	if (!c->nsessions)
		return lms_error(LMS_ENOENT, _("course '%s' has no sessions"),
				 c->id);
	order = lms_course_session_order(c);
	for (size_t k = 0; k < c->nsessions; k++) {
		*index = order[k];
		*number = k + 1;
		if (c->sessions[*index].date >= today)
			break;
	}
	lms_free(order);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	const struct lms_roster_entry *x = a, *y = b;
	int c = lms_collate(x->name, y->name);

	return c ? c : x->enrolment < y->enrolment ? -1 : 1;
}

struct lms_roster_entry *lms_roster_sheet_people(
	const struct lms_enrolments *e, const struct lms_register *reg,
	const char *unknown, size_t *n)
{
	struct lms_roster_entry *v = NULL;

	*n = 0;
	for (size_t i = 0; i < e->n; i++) {
		struct lms_roster_entry *s;

		if (e->v[i].status != LMS_ENROLLED)
			continue;
		s = lms_array_push(&v, n, sizeof(*v));
		s->enrolment = &e->v[i];
		s->person = lms_register_find(reg, e->v[i].person);
		s->name = s->person ? s->person->name : unknown;
	}
	if (*n)
		qsort(v, *n, sizeof(*v), by_name);
	return v;
}

/* A drop-in course: one without a capacity, or one that counts heads. */
static bool drop_in(const struct lms_course *c, const struct lms_attendance *a)
{
	if (c->capacity == LMS_UNSET)
		return true;
	for (size_t k = 0; k < a->n; k++)
		if (a->v[k].participants != LMS_UNSET ||
		    a->v[k].relatives != LMS_UNSET)
			return true;
	return false;
}

size_t lms_roster_blank_rows(const struct lms_course *c,
			     const struct lms_attendance *a, size_t listed)
{
	size_t left, most = 0;

	if (drop_in(c, a)) {
		for (size_t k = 0; k < a->n; k++) {
			size_t n = lms_roster_present(&a->v[k]);

			most = n > most ? n : most;
		}
		return most > 15 ? most : 15;
	}
	left = (size_t)c->capacity > listed ? (size_t)c->capacity - listed : 0;
	return left > 5 ? left : 5;
}
