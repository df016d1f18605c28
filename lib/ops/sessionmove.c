#include <stdbool.h>
#include <stdlib.h>

#include "alloc.h"
#include "attendance.h"
#include "error.h"
#include "evaluation.h"
#include "i18n.h"
#include "sessionmove.h"

/* The moves of a change: sessions whose date changed, and whose old date
 * no session has any more. */
static size_t find_moves(const struct lms_course *before,
			 const struct lms_course *after,
			 struct lms_date_move **out)
{
	size_t n = 0, sessions = before->nsessions < after->nsessions ?
				 before->nsessions : after->nsessions;

	for (size_t i = 0; i < sessions; i++) {
		int32_t from = before->sessions[i].date;
		int32_t to = after->sessions[i].date;
		struct lms_date_move *m;

		if (from == to || lms_course_has_session(after, from))
			continue;
		m = lms_array_push(out, &n, sizeof(**out));
		m->from = from;
		m->to = to;
	}
	return n;
}

/* The move of the records of date, or NULL. */
static struct lms_date_move *move_of(struct lms_date_move *m, size_t n,
				     int32_t date)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].from == date)
			return &m[i];
	return NULL;
}

/* Refuses an attendance record moved onto a date whose record stays, or
 * onto the date another record moves to. */
static int check_attendance(const struct lms_attendance *a,
			    struct lms_date_move *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bool taken;
		char from[11], to[11];

		if (!lms_attendance_find(a, m[i].from))
			continue;
		taken = lms_attendance_find(a, m[i].to) &&
			!move_of(m, n, m[i].to);
		for (size_t j = 0; j < i && !taken; j++)
			taken = m[j].to == m[i].to &&
				lms_attendance_find(a, m[j].from);
		if (!taken)
			continue;
		lms_i18n_date(m[i].from, from);
		lms_i18n_date(m[i].to, to);
		return lms_error(LMS_EREFUSED, _("the attendance of %s cannot "
				 "move with its session to %s, which has "
				 "attendance recorded already"), from, to);
	}
	return 0;
}

static int by_date(const void *a, const void *b)
{
	const struct lms_session_attendance *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

static int move_attendance(const struct lms_ops_io *io, const char *course,
			   struct lms_date_move *m, size_t n)
{
	struct lms_attendance a;
	struct lms_buf text = LMS_BUF_INIT;
	bool moved = false;
	int err;

	if ((err = io->load_attendance(io->arg, course, &a)))
		return err;
	if (!(err = check_attendance(&a, m, n))) {
		/* Every record is found by its old date before any date
		 * changes, so that one move cannot take another's. */
		struct lms_date_move **by = lms_calloc(a.n + 1, sizeof(*by));

		for (size_t i = 0; i < a.n; i++)
			by[i] = move_of(m, n, a.v[i].date);
		for (size_t i = 0; i < a.n; i++)
			if (by[i]) {
				a.v[i].date = by[i]->to;
				by[i]->attendance = moved = true;
			}
		lms_free(by);
	}
	if (moved) {
		qsort(a.v, a.n, sizeof(*a.v), by_date);
		lms_attendance_emit(&text, &a);
		err = io->save(io->arg, LMS_FILE_ATTENDANCE, course, &text);
	}
	lms_buf_release(&text);
	lms_attendance_release(&a);
	return err;
}

static int move_responses(const struct lms_ops_io *io, const char *course,
			  struct lms_date_move *m, size_t n)
{
	struct lms_evaluations e;
	struct lms_buf text = LMS_BUF_INIT;
	bool moved = false;
	int err;

	if ((err = io->load_evaluations(io->arg, course, &e)))
		return err;
	for (size_t i = 0; i < e.n; i++) {
		struct lms_date_move *to = e.v[i].phase == LMS_SESSION ?
					   move_of(m, n, e.v[i].session) : NULL;

		if (to) {
			e.v[i].session = to->to;
			to->responses++;
			moved = true;
		}
	}
	if (moved) {
		lms_evaluations_emit(&text, &e);
		err = io->save(io->arg, LMS_FILE_EVALUATIONS, course, &text);
	}
	lms_buf_release(&text);
	lms_evaluations_release(&e);
	return err;
}

int lms_ops_move_session_records(const struct lms_ops_io *io,
				 const struct lms_course *before,
				 const struct lms_course *after,
				 struct lms_date_move **moves, size_t *n)
{
	size_t kept = 0;
	int err;

	*moves = NULL;
	*n = find_moves(before, after, moves);
	if (!*n)
		return 0;
	if ((err = move_attendance(io, after->id, *moves, *n)) ||
	    (err = move_responses(io, after->id, *moves, *n))) {
		lms_free(*moves);
		*moves = NULL;
		*n = 0;
		return err;
	}
	for (size_t i = 0; i < *n; i++)
		if ((*moves)[i].attendance || (*moves)[i].responses)
			(*moves)[kept++] = (*moves)[i];
	*n = kept;
	return 0;
}
