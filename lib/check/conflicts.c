#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "conflicts.h"
#include "date.h"
#include "error.h"
#include "i18n.h"

void lms_bookings_init(struct lms_bookings *b, const char *what,
		       enum lms_severity severity)
{
	memset(b, 0, sizeof(*b));
	b->what = what;
	b->severity = severity;
	b->run_max = LMS_BOOKINGS_RUN;
	lms_strset_init(&b->index);
	lms_strset_init(&b->want);
}

void lms_bookings_release(struct lms_bookings *b)
{
	lms_free(b->v);
	if (b->spill)
		fclose(b->spill);
	lms_free(b->runs);
	lms_strset_release(&b->index);
	lms_strset_release(&b->want);
	for (size_t i = 0; i < b->nnames; i++)
		lms_free(b->names[i]);
	lms_free(b->names);
	memset(b, 0, sizeof(*b));
}

/* "Helsehuset " and "helsehuset" are one place: key folded into buf of
 * size, or a copy to free (*made) if it does not fit; a check folds
 * every session's keys, on the thread that takes the courses. */
static char *fold(const char *key, char *buf, size_t size, char **made)
{
	size_t n = strlen(key);
	char *f = buf;

	while (*key == ' ')
		key++, n--;
	while (n && key[n - 1] == ' ')
		n--;
	*made = NULL;
	if (n >= size)
		f = *made = lms_malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		f[i] = key[i] >= 'A' && key[i] <= 'Z' ? key[i] - 'A' + 'a' :
		       key[i];
	f[n] = '\0';
	return f;
}

static uint32_t intern(struct lms_bookings *b, const char *key)
{
	char buf[128], *made;
	const char *folded = fold(key, buf, sizeof(buf), &made);
	uintptr_t i = (uintptr_t)lms_strset_get(&b->index, folded);

	if (!i) {
		*(char **)lms_array_push(&b->names, &b->nnames, sizeof(char *)) =
			lms_strdup(key);
		i = b->nnames;
		lms_strset_add(&b->index, folded, (void *)i);
	}
	lms_free(made);
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
	char buf[128], *made;
	const char *folded = fold(key, buf, sizeof(buf), &made);

	lms_buf_reset(out);
	lms_buf_addf(out, "%ld %s", (long)s->date, folded);
	lms_free(made);
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

/* The bookings held, sorted, to the end of the file as a run. */
static void spill_run(struct lms_bookings *b)
{
	if (!b->spill_err && !b->spill &&
	    !(b->spill = lms_temp_file(b->tmpdir, "bookings")))
		b->spill_err = errno ? errno : EIO;
	lms_array_sort(b->v, b->n, sizeof(*b->v), by_time);
	if (!b->spill_err && fwrite(b->v, sizeof(*b->v), b->n, b->spill) != b->n)
		b->spill_err = errno ? errno : EIO;
	*(size_t *)lms_array_push(&b->runs, &b->nruns, sizeof(size_t)) = b->n;
	lms_free(b->v);
	b->v = NULL;
	b->n = 0;
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
	if (b->n >= b->run_max)
		spill_run(b);
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
	lms_free(path);
	lms_free(there);
}

/*
 * One pass over the bookings in time order.  Of the earlier bookings of
 * the same key and day, the one that ends last, and the one that ends
 * last among other courses than its, are enough to tell whether a new
 * booking overlaps one of another course.  They are kept as copies:
 * merged from the runs, a booking is gone once the next is read.
 */
struct scan {
	struct lms_bookings *b;
	const struct lms_tree *t;
	char **ids;
	const bool *selected;
	struct lms_findings *out;
	struct lms_booking last, other;
	bool have_last, have_other;
};

static void scan_one(struct scan *sc, const struct lms_booking *x)
{
	const struct lms_booking *hit;

	if (sc->have_last && (sc->last.key != x->key ||
			      sc->last.date != x->date))
		sc->have_last = sc->have_other = false;
	hit = sc->have_last && sc->last.course != x->course ? &sc->last :
	      sc->have_other ? &sc->other : NULL;
	if (hit && hit->end > x->start) {
		if (!sc->selected || sc->selected[x->course])
			report(sc->b, sc->t, sc->ids, x, hit, sc->out);
		else if (sc->selected[hit->course])
			report(sc->b, sc->t, sc->ids, hit, x, sc->out);
	}
	if (!sc->have_last || x->end > sc->last.end) {
		if (sc->have_last && sc->last.course != x->course) {
			sc->other = sc->last;
			sc->have_other = true;
		}
		sc->last = *x;
		sc->have_last = true;
	} else if (x->course != sc->last.course &&
		   (!sc->have_other || x->end > sc->other.end)) {
		sc->other = *x;
		sc->have_other = true;
	}
}

/* Bookings a run reads at a time in the merge. */
#define MERGE_CHUNK 1024

struct run_reader {
	off_t at;			/* in the file, of the next to read */
	size_t left;			/* in the file */
	struct lms_booking *buf;
	size_t pos, len;
};

static bool run_fill(FILE *f, struct run_reader *r)
{
	size_t want = r->left < MERGE_CHUNK ? r->left : MERGE_CHUNK;

	r->pos = r->len = 0;
	if (!want)
		return true;
	if (fseeko(f, r->at, SEEK_SET) ||
	    fread(r->buf, sizeof(*r->buf), want, f) != want)
		return false;
	r->len = want;
	r->left -= want;
	r->at += (off_t)(want * sizeof(*r->buf));
	return true;
}

/* Whether a's next booking comes before b's; of equal ones, the earlier
 * run's, as one sort of them all would keep them. */
static bool comes_before(const struct run_reader *a,
			 const struct run_reader *b)
{
	int c = by_time(&a->buf[a->pos], &b->buf[b->pos]);

	return c ? c < 0 : a < b;
}

/* Restores the heap h[0, n) from i down: each parent comes before its
 * children. */
static void sift_down(struct run_reader **h, size_t n, size_t i)
{
	for (;;) {
		size_t least = i, l = 2 * i + 1, r = l + 1;
		struct run_reader *swap;

		if (l < n && comes_before(h[l], h[least]))
			least = l;
		if (r < n && comes_before(h[r], h[least]))
			least = r;
		if (least == i)
			return;
		swap = h[i];
		h[i] = h[least];
		h[least] = swap;
		i = least;
	}
}

/*
 * The runs merged into one pass, in the order one sort would give: the
 * runs' next bookings in a heap, so that each of a national tree's
 * millions costs a few comparisons, not one for every run.
 */
static int merge_runs(struct scan *sc)
{
	struct lms_bookings *b = sc->b;
	struct run_reader *r = lms_calloc(b->nruns, sizeof(*r));
	struct run_reader **heap = lms_calloc(b->nruns, sizeof(*heap));
	size_t n = 0;
	off_t at = 0;
	int err = 0;

	for (size_t i = 0; i < b->nruns; i++) {
		r[i].at = at;
		r[i].left = b->runs[i];
		r[i].buf = lms_calloc(MERGE_CHUNK, sizeof(*r[i].buf));
		at += (off_t)(b->runs[i] * sizeof(*r[i].buf));
	}
	for (size_t i = 0; i < b->nruns && !err; i++) {
		if (!run_fill(b->spill, &r[i]))
			err = EIO;
		else if (r[i].len)
			heap[n++] = &r[i];
	}
	for (size_t i = n / 2; i-- > 0;)
		sift_down(heap, n, i);
	while (!err && n) {
		struct run_reader *min = heap[0];

		scan_one(sc, &min->buf[min->pos]);
		if (++min->pos == min->len && !run_fill(b->spill, min)) {
			err = errno ? errno : EIO;
			break;
		}
		if (min->pos == min->len)		/* the run is done */
			heap[0] = heap[--n];
		sift_down(heap, n, 0);
	}
	for (size_t i = 0; i < b->nruns; i++)
		lms_free(r[i].buf);
	lms_free(r);
	lms_free(heap);
	return err;
}

int lms_bookings_check(struct lms_bookings *b, const struct lms_tree *t,
		       char **ids, const bool *selected,
		       struct lms_findings *out)
{
	struct scan sc = { b, t, ids, selected, out, { 0 }, { 0 }, false,
			   false };
	int err;

	if (!(out->rules & (1u << LMS_RULE_CONFLICTS)))
		return 0;
	if (!b->nruns) {
		lms_array_sort(b->v, b->n, sizeof(*b->v), by_time);
		for (size_t i = 0; i < b->n; i++)
			scan_one(&sc, &b->v[i]);
		return 0;
	}
	if (b->n)
		spill_run(b);
	if (!(err = b->spill_err) && fflush(b->spill))
		err = errno ? errno : EIO;
	if (!err)
		err = merge_runs(&sc);
	if (err)
		return lms_error(LMS_EIO, _("cannot use a temporary file in %s "
					    "for the bookings: %s"),
				 lms_temp_dir(b->tmpdir), lms_strerror(err));
	return 0;
}
