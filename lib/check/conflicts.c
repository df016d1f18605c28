#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "conflicts.h"
#include "date.h"
#include "i18n.h"

void lms_bookings_init(struct lms_bookings *b, const char *what,
		       enum lms_severity severity)
{
	memset(b, 0, sizeof(*b));
	b->what = what;
	b->severity = severity;
	lms_strset_init(&b->index);
	lms_strset_init(&b->want);
}

void lms_bookings_release(struct lms_bookings *b)
{
	free(b->v);
	lms_strset_release(&b->index);
	lms_strset_release(&b->want);
	for (size_t i = 0; i < b->nnames; i++)
		free(b->names[i]);
	free(b->names);
	memset(b, 0, sizeof(*b));
}

/* "Helsehuset " and "helsehuset" are one place. */
static char *fold(const char *key)
{
	size_t n = strlen(key);
	char *f;

	while (*key == ' ')
		key++, n--;
	while (n && key[n - 1] == ' ')
		n--;
	f = lms_malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		f[i] = key[i] >= 'A' && key[i] <= 'Z' ? key[i] - 'A' + 'a' :
		       key[i];
	f[n] = '\0';
	return f;
}

static uint32_t intern(struct lms_bookings *b, const char *key)
{
	char *folded = fold(key);
	uintptr_t i = (uintptr_t)lms_strset_get(&b->index, folded);

	if (!i) {
		*(char **)lms_array_push(&b->names, &b->nnames, sizeof(char *)) =
			lms_strdup(key);
		i = b->nnames;
		lms_strset_add(&b->index, folded, (void *)i);
	}
	free(folded);
	return (uint32_t)(i - 1);
}

static bool bookable(const char *key, const struct lms_session *s)
{
	return key && *key && s->start != LMS_TIME_NONE &&
	       s->date != LMS_DATE_NONE;
}

/* The key of want for key on the day of s. */
static void day_key(struct lms_buf *out, const char *key,
		    const struct lms_session *s)
{
	char *folded = fold(key);

	lms_buf_reset(out);
	lms_buf_addf(out, "%ld %s", (long)s->date, folded);
	free(folded);
}

void lms_bookings_want(struct lms_bookings *b, const char *key,
		       const struct lms_session *s)
{
	struct lms_buf k = LMS_BUF_INIT;

	b->filtered = true;
	if (!bookable(key, s))
		return;
	day_key(&k, key, s);
	lms_strset_add(&b->want, k.buf, NULL);
	lms_buf_release(&k);
}

void lms_bookings_add(struct lms_bookings *b, const char *key,
		      uint32_t course, const struct lms_session *s)
{
	struct lms_booking *x;

	if (!bookable(key, s))
		return;
	if (b->filtered) {
		struct lms_buf k = LMS_BUF_INIT;
		bool wanted;

		day_key(&k, key, s);
		wanted = lms_strset_has(&b->want, k.buf);
		lms_buf_release(&k);
		if (!wanted)
			return;
	}
	x = lms_array_push(&b->v, &b->n, sizeof(*x));
	x->key = intern(b, key);
	x->course = course;
	x->date = s->date;
	x->start = (int16_t)s->start;
	x->end = (int16_t)(s->end == LMS_TIME_NONE || s->end <= s->start ?
			   s->start + 1 : s->end);
	x->line = s->mark.line;
	x->col = s->mark.col;
}

static int by_time(const void *a, const void *b)
{
	const struct lms_booking *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->course != y->course)
		return x->course < y->course ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void report(const struct lms_bookings *b, const struct lms_tree *t,
		   char **ids, const struct lms_booking *here,
		   const struct lms_booking *other, struct lms_findings *out)
{
	char *path = lms_tree_file(t, LMS_FILE_COURSE, ids[here->course]);
	char *there = lms_tree_file(t, LMS_FILE_COURSE, ids[other->course]);
	struct lms_buf times = LMS_BUF_INIT;
	char date[11];

	lms_i18n_date(other->date, date);
	lms_i18n_times(&times, other->start, other->end);
	/* TRANSLATORS: "facilitator 'fag-en' is booked at the same time by
	 * kveld on 2026-09-07 18:00-20:00 (courses/kveld/course.yaml:9)":
	 * the other course's id, the date and times of its session. */
	lms_finding(out, LMS_RULE_CONFLICTS, b->severity, path, here->line,
		    here->col, !strcmp(b->what, "place") ?
		    _("place '%s' is booked at the same time by %s on %s %s "
		      "(%s:%u)") :
		    _("facilitator '%s' is booked at the same time by %s on "
		      "%s %s (%s:%u)"), b->names[here->key],
		    ids[other->course], date, times.buf, there, other->line);
	lms_buf_release(&times);
	free(path);
	free(there);
}

/*
 * One pass over the bookings in time order.  Of the earlier bookings of
 * the same key and day, the one that ends last, and the one that ends
 * last among other courses than its, are enough to tell whether a new
 * booking overlaps one of another course.
 */
void lms_bookings_check(struct lms_bookings *b, const struct lms_tree *t,
			char **ids, const bool *selected,
			struct lms_findings *out)
{
	const struct lms_booking *last = NULL, *other = NULL;

	if (!(out->rules & (1u << LMS_RULE_CONFLICTS)))
		return;
	lms_array_sort(b->v, b->n, sizeof(*b->v), by_time);
	for (size_t i = 0; i < b->n; i++) {
		const struct lms_booking *x = &b->v[i], *hit;

		if (last && (last->key != x->key || last->date != x->date))
			last = other = NULL;
		hit = last && last->course != x->course ? last : other;
		if (hit && hit->end > x->start) {
			if (!selected || selected[x->course])
				report(b, t, ids, x, hit, out);
			else if (selected[hit->course])
				report(b, t, ids, hit, x, out);
		}
		if (!last || x->end > last->end) {
			if (last && last->course != x->course)
				other = last;
			last = x;
		} else if (x->course != last->course &&
			   (!other || x->end > other->end)) {
			other = x;
		}
	}
}
