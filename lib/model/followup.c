#include <stdio.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "followup.h"
#include "i18n.h"

/* Who to call after missed sessions: the rule is in followup.h. */

/* The last two sessions up to today that have a record. */
static size_t last_two(const struct lms_course *c,
		       const struct lms_attendance *a, int32_t today,
		       const struct lms_session_attendance *out[2])
{
	size_t n = 0;

	for (size_t i = a->n; i-- > 0 && n < 2;) {
		const struct lms_session_attendance *s = &a->v[i];

		if (lms_course_has_session(c, s->date) && s->date <= today &&
		    s->n)
			out[n++] = s;
	}
	return n;
}

static bool missed(const struct lms_session_attendance *s, const char *person)
{
	int p = lms_attendance_of(s, person);

	return p == LMS_ABSENT || p == 0;
}

static int32_t last_present(const struct lms_attendance *a, const char *person)
{
	for (size_t i = a->n; i-- > 0;)
		if (lms_attendance_of(&a->v[i], person) == LMS_PRESENT)
			return a->v[i].date;
	return LMS_DATE_NONE;
}

void lms_followup_find(const struct lms_course *c,
		       const struct lms_enrolments *e,
		       const struct lms_attendance *a, int32_t today,
		       lms_followup_fn *due, void *arg)
{
	const struct lms_session_attendance *two[2];

	if (last_two(c, a, today, two) < 2)
		return;
	for (size_t i = 0; i < e->n; i++) {
		const char *p = e->v[i].person;

		if (e->v[i].status == LMS_ENROLLED && missed(two[0], p) &&
		    missed(two[1], p))
			due(&e->v[i], last_present(a, p), arg);
	}
}

const char **lms_followup_named(char *const *named, size_t n, size_t *nout)
{
	const char **v = lms_calloc(n ? n : 1, sizeof(*v));

	*nout = 0;
	for (size_t i = 0; i < n; i++) {
		bool again = false;

		for (size_t j = 0; j < *nout && !again; j++)
			again = !strcmp(named[i], v[j]);
		if (!again)
			v[(*nout)++] = named[i];
	}
	return v;
}

bool lms_followup_after_parse(const char *s, struct lms_after *out)
{
	char unit[8];
	int n, used = 0;

	memset(out, 0, sizeof(*out));
	if (sscanf(s, "%d %7s%n", &n, unit, &used) != 2 || s[used] ||
	    n < 1 || *s == ' ' || *s == '+')
		return false;
	if ((!strcmp(unit, "months") || (!strcmp(unit, "month") && n == 1)) &&
	    n <= 60)
		out->months = n;
	else if ((!strcmp(unit, "days") || (!strcmp(unit, "day") && n == 1)) &&
		 n <= 1825)
		out->days = n;
	else
		return false;
	return true;
}

int lms_followup_after_check(const char *s, const char *path,
			     const struct lms_mark *m)
{
	struct lms_after a;

	if (!s || lms_followup_after_parse(s, &a))
		return 0;
	return lms_error_at(LMS_EDATA, path, m->line, m->col,
			    _("followup_after: '%s' is not a number of months "
			      "or days (such as 3 months or 90 days)"), s);
}

void lms_followup_after(const struct lms_course *c, const char *template_after,
			struct lms_after *out)
{
	if (c->followup_after && lms_followup_after_parse(c->followup_after, out))
		return;
	if (template_after && lms_followup_after_parse(template_after, out))
		return;
	lms_followup_after_parse(LMS_FOLLOWUP_AFTER, out);
}

int32_t lms_followup_due_date(const struct lms_course *c,
			      const struct lms_after *after)
{
	int32_t last = lms_course_last_date(c);

	if (last == LMS_DATE_NONE)
		return last;
	return lms_date_add_months(last, after->months) + after->days;
}

void lms_followup_due(const struct lms_enrolments *e,
		      const struct lms_evaluations *ev,
		      lms_followup_due_fn *due, void *arg)
{
	for (size_t i = 0; i < e->n; i++) {
		bool answered = false;

		if (e->v[i].status != LMS_COMPLETED)
			continue;
		for (size_t k = 0; k < ev->n && !answered; k++)
			answered = ev->v[k].phase == LMS_FOLLOWUP &&
				   ev->v[k].person &&
				   !strcmp(ev->v[k].person, e->v[i].person);
		if (!answered)
			due(&e->v[i], arg);
	}
}
