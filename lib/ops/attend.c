#include <stdlib.h>

#include "alloc.h"
#include "attend.h"
#include "roll.h"
#include "error.h"
#include "i18n.h"
#include "id.h"
#include "strset.h"

/* lms attend, whose rules and order of writes are in attend.h. */

/* Everyone named must be on the course, and named once. */
static int check_people(const struct lms_attend_request *m,
			const struct lms_course *c,
			const struct lms_enrolments *e)
{
	char **lists[] = { m->present, m->absent, m->excused };
	size_t counts[] = { m->npresent, m->nabsent, m->nexcused };
	struct lms_strset seen;
	int err = 0;

	lms_strset_init(&seen);
	for (int l = 0; l < 3 && !err; l++) {
		for (size_t i = 0; i < counts[l] && !err; i++) {
			const char *p = lists[l][i];
			const struct lms_enrolment *r;

			if ((err = lms_id_check("person", p)))
				break;
			r = lms_enrolments_find(e, p);
			/* Who withdrew may have come before they did. */
			if (!r || r->status == LMS_WAITLISTED)
				lms_enrolments_find_on_course(e, p, c->id,
							      &err);
			else if (!lms_strset_add(&seen, p, NULL))
				err = lms_error(LMS_EUSAGE, _("%s is named "
							      "twice"), p);
		}
	}
	lms_strset_release(&seen);
	return err;
}

static void apply(const struct lms_attend_request *m,
		  const struct lms_enrolments *e,
		  struct lms_session_attendance *s)
{
	if (m->participants != LMS_UNSET)
		s->participants = m->participants;
	if (m->relatives != LMS_UNSET)
		s->relatives = m->relatives;
	/* --all first, so that the lists of names override it.  After the
	 * close, those on the course are the completed and not completed. */
	for (size_t i = 0; m->all && i < e->n; i++)
		if (lms_enrolment_on_course(e->v[i].status))
			lms_attendance_mark(s, e->v[i].person, LMS_PRESENT);
	for (size_t i = 0; i < m->npresent; i++)
		lms_attendance_mark(s, m->present[i], LMS_PRESENT);
	for (size_t i = 0; i < m->nabsent; i++)
		lms_attendance_mark(s, m->absent[i], LMS_ABSENT);
	for (size_t i = 0; i < m->nexcused; i++)
		lms_attendance_mark(s, m->excused[i], LMS_EXCUSED);
}

static void summarize(struct lms_attend_result *out, size_t number,
		      const struct lms_session_attendance *s)
{
	size_t counts[4] = { 0, 0, 0, 0 };

	for (size_t i = 0; i < s->n; i++)
		counts[s->v[i].presence]++;
	out->number = number;
	out->date = s->date;
	out->marked = s->n;
	out->present = counts[LMS_PRESENT];
	out->absent = counts[LMS_ABSENT];
	out->excused = counts[LMS_EXCUSED];
	out->participants = s->participants;
	out->relatives = s->relatives;
}

/* Judges a closed course again; saves the enrolments if a verdict changed. */
static int judge_again(const struct lms_ops_io *io,
		       const struct lms_attend_request *req,
		       const struct lms_course *c, struct lms_enrolments *e,
		       const struct lms_attendance *a, lms_judged_fn *judged,
		       void *arg)
{
	int *was = lms_calloc(e->n + 1, sizeof(int));
	size_t *attended = lms_calloc(e->n + 1, sizeof(size_t));
	size_t *held = lms_calloc(e->n + 1, sizeof(size_t));
	bool changed = false;
	int err = 0;

	for (size_t i = 0; i < e->n; i++)
		was[i] = e->v[i].status;
	lms_close_enrolments(c, e, a, req->completion, req->today, attended,
			     held);
	for (size_t i = 0; i < e->n; i++) {
		if (was[i] == e->v[i].status)
			continue;
		if (judged)
			judged(&e->v[i], was[i], attended[i], held[i], arg);
		changed = true;
	}
	if (changed)
		err = lms_ops_save_enrolments(io, c->id, e);
	lms_free(was);
	lms_free(attended);
	lms_free(held);
	return err;
}

static int record(const struct lms_ops_io *io,
		  const struct lms_attend_request *req,
		  const struct lms_course *c, lms_judged_fn *judged, void *arg,
		  struct lms_attend_result *out)
{
	struct lms_attendance a;
	struct lms_enrolments e;
	struct lms_session_attendance *s;
	struct lms_buf text = LMS_BUF_INIT;
	size_t index, number;
	int err;

	if ((err = lms_course_find_session(c, req->session, &index, &number)) ||
	    (err = io->load_enrolments(io->arg, c->id, &e)))
		return err;
	if ((err = check_people(req, c, &e)) ||
	    (err = io->load_attendance(io->arg, c->id, &a))) {
		lms_enrolments_release(&e);
		return err;
	}
	if (req->all && !lms_enrolments_on_course(&e) && !req->npresent &&
	    !req->nabsent && !req->nexcused) {
		err = lms_error(LMS_EREFUSED, _("nobody is enrolled on course "
						"'%s'"), c->id);
		goto out;
	}
	s = lms_attendance_session(&a, c->sessions[index].date, 1);
	apply(req, &e, s);
	summarize(out, number, s);
	lms_attendance_emit(&text, &a);
	err = io->save(io->arg, LMS_FILE_ATTENDANCE, c->id, &text);
	if (!err && c->status == LMS_COURSE_COMPLETED)
		err = judge_again(io, req, c, &e, &a, judged, arg);
out:
	lms_buf_release(&text);
	lms_attendance_release(&a);
	lms_enrolments_release(&e);
	return err;
}

int lms_ops_attend(const struct lms_ops_io *io,
		   const struct lms_attend_request *req, lms_judged_fn *judged,
		   void *arg, struct lms_attend_result *out)
{
	struct lms_course c;
	int err = io->load_course(io->arg, req->course, &c, NULL);

	if (err)
		return err;
	err = record(io, req, &c, judged, arg, out);
	lms_course_release(&c);
	return err;
}
