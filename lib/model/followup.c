#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "followup.h"

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
