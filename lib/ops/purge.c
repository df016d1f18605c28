#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "purge.h"
#include "strset.h"

/* lms person forget and lms purge: the rules are in purge.h. */

int lms_ops_forget(const struct lms_ops_io *io, const char *person)
{
	struct lms_register reg;
	struct lms_person *p;
	int err = io->load_register(io->arg, &reg);

	if (err)
		return err;
	if (!(p = lms_register_find(&reg, person)))
		err = lms_error(LMS_ENOENT, _("no such person: '%s'"), person);
	else {
		lms_register_remove(&reg, p);
		err = io->save_register(io->arg, &reg);
	}
	lms_register_release(&reg);
	return err;
}

/* Only the people of the register are tracked: an enrolment of someone
 * already forgotten (or of a hand-written id) decides nothing. */
struct last_seen {
	struct lms_strset index;	/* person id -> 1 + index into dates */
	int32_t *dates;			/* NOT_SEEN: in no course */
	size_t n;
};

#define NOT_SEEN INT32_MIN

static void track(struct last_seen *s, const struct lms_register *reg)
{
	s->dates = lms_calloc(reg->n ? reg->n : 1, sizeof(int32_t));
	for (size_t i = 0; i < reg->n; i++)
		if (lms_strset_add(&s->index, reg->v[i].id,
				   (void *)(uintptr_t)(s->n + 1)))
			s->dates[s->n++] = NOT_SEEN;
}

static void saw(struct last_seen *s, const char *person, int32_t date)
{
	size_t i = (size_t)(uintptr_t)lms_strset_get(&s->index, person);

	if (i && date > s->dates[i - 1])
		s->dates[i - 1] = date;
}

/* The day each person's last course ended (its last session). */
static int last_courses(const struct lms_ops_io *io, int32_t today,
			struct last_seen *s)
{
	char **ids = NULL;
	size_t n = 0;
	int err = io->course_ids(io->arg, &ids, &n);

	for (size_t i = 0; i < n && !err; i++) {
		struct lms_course c;
		struct lms_enrolments e;
		int32_t end;

		if ((err = io->load_course(io->arg, ids[i], &c, NULL)))
			break;
		end = lms_course_last_date(&c);
		lms_course_release(&c);
		if ((err = io->load_enrolments(io->arg, ids[i], &e)))
			break;
		for (size_t j = 0; j < e.n; j++)
			saw(s, e.v[j].person, end == LMS_DATE_NONE ? today : end);
		lms_enrolments_release(&e);
	}
	lms_strings_free(ids, n);
	return err;
}

/* Takes out of reg whom the rule forgets; returns how many. */
static size_t apply_rule(struct lms_register *reg, const struct last_seen *seen,
			 const struct lms_purge_request *req,
			 lms_forgot_fn *forgot, void *arg)
{
	int32_t cutoff = lms_date_add_months(req->today,
					     -req->retention_months);
	size_t forgotten = 0;

	for (size_t i = 0; i < reg->n;) {
		size_t k = (size_t)(uintptr_t)lms_strset_get(&seen->index,
							     reg->v[i].id);
		bool in_course = k && seen->dates[k - 1] != NOT_SEEN;
		/* Without a course, the consent date counts as the last. */
		int32_t last = in_course ? seen->dates[k - 1]
					 : reg->v[i].consent;

		if (last == LMS_DATE_NONE || last >= cutoff) {
			i++;
			continue;
		}
		if (forgot)
			forgot(reg->v[i].id, last, in_course, arg);
		forgotten++;
		if (req->dry_run)
			i++;
		else
			lms_register_remove(reg, &reg->v[i]);
	}
	return forgotten;
}

int lms_ops_purge(const struct lms_ops_io *io,
		  const struct lms_purge_request *req, lms_forgot_fn *forgot,
		  void *arg, size_t *n)
{
	struct last_seen seen = { { NULL, 0, 0 }, NULL, 0 };
	struct lms_register reg;
	size_t forgotten = 0;
	int err = io->load_register(io->arg, &reg);

	if (err)
		return err;
	lms_strset_init(&seen.index);
	track(&seen, &reg);
	if (!(err = last_courses(io, req->today, &seen)))
		forgotten = apply_rule(&reg, &seen, req, forgot, arg);
	if (!err && forgotten && !req->dry_run)
		err = io->save_register(io->arg, &reg);
	if (!err && n)
		*n = forgotten;
	lms_strset_release(&seen.index);
	lms_free(seen.dates);
	lms_register_release(&reg);
	return err;
}
