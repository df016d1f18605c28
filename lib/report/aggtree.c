#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aggparts.h"
#include "coursedata.h"
#include "alloc.h"
#include "arena.h"
#include "error.h"
#include "i18n.h"
#include "index.h"
#include "walk.h"

/*
 * What a course adds to the report, made where the walk reads it (see
 * walk.h): its files are freed there, and the calling thread only merges.
 * The tree's facilitators, offers and form are read once, beside
 * (aggparts.h), not per course.  The index (index.h) keeps each course's contribution:
 * while the other cores look at the courses' files, the calling thread
 * merges the records that the index keeps of this report (their
 * fingerprint) as it is told of them, in the order of the courses, and
 * reads the first few courses that changed itself.  Past those, it asks
 * the index which of the rest it keeps, the walk reads the others, and
 * all are merged in order.
 */
struct slot {
	struct lms_agg_contrib c;
	bool wanted;
	struct lms_buf rec;		/* c as a record of the index */
};

/* The courses that changed that the calling thread reads itself, as it
 * merges beside the looks: a coordinator's edits, not a walk's worth. */
#define READ_HERE_MAX 32

/* What the walk's callbacks share. */
struct adding {
	struct lms_agg *a;
	struct lms_agg_parts parts;	/* the tree's: read only in the walk,
					 * once waited for */
	size_t n;
	void (*progress)(size_t done, size_t total, void *arg);
	void *arg;
	struct lms_index ix;
	struct lms_tree *t;		/* the calling thread's */
	char *const *ids;		/* all the courses, n */
	struct lms_index_record *kept;	/* each one's record, if of this
					 * report (its fingerprint) */
	size_t *read;			/* the walk's courses, as of ids */
	size_t next;			/* the next course to merge */
	size_t read_here;		/* courses read on this thread */
	struct lms_agg_contrib kept_one;	/* a kept record, decoded */
	int err;			/* of one read as it was told */
};

/*
 * The plan first: the rest only of a course the report wants.  What the
 * loaders make is an arena's (arena.h), given back once the course's
 * contribution is made: the slot keeps only that, which is malloc's.
 */
static int read_slot(void *arg, struct lms_tree *t, const char *id,
		     void *slot)
{
	const struct adding *ad = arg;
	struct slot *s = slot;
	struct lms_agg_course in = ad->parts.in;
	struct lms_course_data d;
	struct lms_arena arena = { NULL, NULL, NULL }, *before;
	int err;

	memset(&d, 0, sizeof(d));
	before = lms_arena_enter(&arena);
	err = lms_course_data_load_parts(t, id, LMS_CD_COURSE, &d);
	lms_arena_leave(before);
	if (err)
		goto out;
	if (!lms_agg_wants(ad->a, &d.course)) {
		lms_agg_contrib_encode(NULL, ad->parts.fp, &s->rec);
		goto out;
	}
	before = lms_arena_enter(&arena);
	err = lms_course_data_load_parts(t, id, LMS_CD_ENROLMENTS |
					 LMS_CD_ATTENDANCE | LMS_CD_MEETINGS |
					 LMS_CD_FACILITATOR_EVALUATIONS |
					 (in.form ? LMS_CD_EVALUATIONS : 0), &d);
	lms_arena_leave(before);
	if (err)
		goto out;
	in.course = &d.course;
	in.enrolments = &d.enrolments;
	in.attendance = &d.attendance;
	in.evaluations = &d.evaluations;
	in.meetings = &d.meetings;
	in.own = &d.facilitator_evaluations;
	lms_agg_contrib_make(ad->a, &in, &s->c);
	s->wanted = true;
	lms_agg_contrib_encode(&s->c, ad->parts.fp, &s->rec);
out:
	lms_course_data_release(&d);
	lms_arena_clear(&arena);
	return err;
}

static void release_slot(void *arg, void *slot)
{
	struct slot *s = slot;

	(void)arg;
	lms_agg_contrib_release(&s->c);
	lms_buf_release(&s->rec);
}

/*
 * Course i read from its files here, in its place, as a worker would
 * have read it, and its record made anew: one of the first few that
 * changed, told of as the cores look (merge_looked), or one whose record
 * has the report's fingerprint but does not decode (a damaged index that
 * its sum missed).
 */
static int read_here(struct adding *ad, size_t i)
{
	struct slot s;
	int err;

	memset(&s, 0, sizeof(s));
	if (!(err = read_slot(ad, ad->t, ad->ids[i], &s))) {
		if (s.wanted)
			lms_agg_contrib_merge(ad->a, &s.c);
		lms_index_put(&ad->ix, ad->ids[i], LMS_INDEX_REPORT, &s.rec);
	}
	release_slot(ad, &s);
	return err;
}

/* Whether r is a record of this report (its fingerprint). */
static bool of_this_report(const struct adding *ad,
			   const struct lms_index_record *r)
{
	return r->data && r->len > LMS_INDEX_FINGERPRINT &&
	       !memcmp(r->data, ad->parts.fp, LMS_INDEX_FINGERPRINT);
}

/* Merges course i's record r, of this report: decoded here only, once. */
static int merge_record(struct adding *ad, size_t i,
			const struct lms_index_record *r)
{
	struct lms_agg_contrib *c = &ad->kept_one;
	int got = lms_agg_contrib_decode_again(r->data, r->len, ad->parts.fp,
					       c);

	if (got < 0)
		return read_here(ad, i);
	if (got > 0) {
		c->pair_form = ad->parts.in.form_version;
		lms_agg_contrib_merge(ad->a, c);
	}
	return 0;
}

/* Merges the courses kept in the index up to course end. */
static int merge_kept(struct adding *ad, size_t end)
{
	int err = 0;

	for (; ad->next < end && !err; ad->next++) {
		if (ad->kept[ad->next].data)
			err = merge_record(ad, ad->next, &ad->kept[ad->next]);
		lms_index_passed(&ad->ix);
		if (ad->progress)
			ad->progress(ad->next + 1, ad->n, ad->arg);
	}
	return err;
}

/*
 * Course i, told of by the index as soon as its files were looked at:
 * merged at once if the index keeps its record, read here if it is one
 * of the first few that changed.  Past those (false), the rest wait for
 * the looks to end and the walk.  A warm report of 53,500 courses spent
 * a ninth of its time merging after the looks, one core idle.
 */
static bool merge_looked(void *arg, char *const *ids, size_t i,
			 size_t listed)
{
	struct adding *ad = arg;
	const struct lms_index_entry *e;
	const struct lms_index_record *r;

	if (i == 0) {
		if ((ad->err = lms_agg_parts_wait(&ad->parts)))
			return false;
		lms_agg_expect(ad->a, listed);
		ad->ids = ids;	/* the one array, growing as told */
	}
	/* Looked at: no stat, and no kind to make, it cannot fail. */
	(void)lms_index_get(&ad->ix, ids[i], 0, &e);
	r = &e->rec[LMS_INDEX_REPORT];
	if (of_this_report(ad, r))
		ad->err = merge_record(ad, i, r);
	else if (ad->read_here++ < READ_HERE_MAX)
		ad->err = read_here(ad, i);
	else
		return false;
	ad->next = i + 1;
	if (ad->progress)
		ad->progress(i + 1, listed, ad->arg);
	return !ad->err;
}

static int add_slot(void *arg, size_t i, void *slot)
{
	struct adding *ad = arg;
	struct slot *s = slot;
	size_t at = ad->read[i];
	struct lms_buf rec = LMS_BUF_INIT;
	int err = merge_kept(ad, at);

	if (err)
		return err;
	if (s->wanted)
		lms_agg_contrib_merge(ad->a, &s->c);
	/* The index keeps the record until it is saved: a copy of its
	 * size, made here, rather than the worker's, which would hold the
	 * worker's memory around it. */
	lms_buf_add(&rec, s->rec.buf, s->rec.len);
	lms_index_put(&ad->ix, ad->ids[at], LMS_INDEX_REPORT, &rec);
	lms_buf_release(&rec);
	/* Done with its entry, as with a kept one: else a report whose
	 * records all were another's (--by course after --by
	 * municipality) held the whole index's pages, 19 of its 67 MiB. */
	lms_index_passed(&ad->ix);
	ad->next = at + 1;
	if (ad->progress)
		ad->progress(at + 1, ad->n, ad->arg);
	return 0;
}

/*
 * Which courses the index has records of this report of (kept, their
 * bytes, which stay where they are while the walk puts the others'), and
 * the ids of the others, for the walk (w->ids points into ad->ids).  A
 * record is told by its fingerprint only: decoding each twice, here and
 * to merge it, was a twentieth of a warm report.
 */
static void ask_index(struct adding *ad, struct lms_walk *w)
{
	char **others = lms_calloc(ad->n ? ad->n : 1, sizeof(*others));

	ad->kept = lms_calloc(ad->n ? ad->n : 1, sizeof(*ad->kept));
	ad->read = lms_calloc(ad->n ? ad->n : 1, sizeof(*ad->read));
	w->n = 0;
	for (size_t i = ad->next; i < ad->n; i++) {
		const struct lms_index_entry *e;
		const struct lms_index_record *r;

		/* No kind to make: it cannot fail. */
		(void)lms_index_get(&ad->ix, ad->ids[i], 0, &e);
		r = &e->rec[LMS_INDEX_REPORT];
		if (of_this_report(ad, r)) {
			ad->kept[i] = *r;
			continue;
		}
		ad->read[w->n] = i;
		others[w->n++] = ad->ids[i];
	}
	w->ids = others;
}

/* The files read_slot reads, in its order (but for a course the report
 * leaves out, of which it reads the plan only). */
static unsigned files_read(bool form)
{
	return 1u << LMS_FILE_COURSE | 1u << LMS_FILE_ENROLMENTS |
	       1u << LMS_FILE_ATTENDANCE | 1u << LMS_FILE_MEETINGS |
	       1u << LMS_FILE_FACILITATOR_EVALUATIONS |
	       (form ? 1u << LMS_FILE_EVALUATIONS : 0);
}

/*
 * Adds the tree's courses: each merged or read as the index tells of it,
 * while the other cores look at the files; past the first few that
 * changed, the rest read by the walk (w), all in order.  w->ids are all
 * the courses, for the caller to free.
 */
static int add_courses(struct adding *ad, struct lms_walk *w)
{
	int listing = lms_index_open_courses(&ad->ix, ad->t, &w->ids, &w->n,
					     merge_looked, ad);
	char **all = w->ids;
	int err;

	/* The parts' error first, as when they were read first. */
	if ((err = lms_agg_parts_wait(&ad->parts)) || (err = listing) ||
	    (err = ad->err))
		return err;
	w->reads = files_read(ad->parts.have_form);
	ad->n = w->n;
	ad->ids = all;
	if (ad->next == 0)	/* told of none */
		lms_agg_expect(ad->a, ad->n);
	ask_index(ad, w);
	if (!(err = lms_walk_courses(w)) && !(err = merge_kept(ad, ad->n)))
		lms_index_save(&ad->ix);
	lms_free(w->ids);
	w->ids = all;
	lms_free(ad->kept);
	lms_free(ad->read);
	return err;
}

int lms_agg_tree(struct lms_agg *a, struct lms_tree *t,
		 void (*progress)(size_t done, size_t total, void *arg),
		 void *arg)
{
	struct adding ad = { .a = a, .t = t, .progress = progress,
			     .arg = arg };
	struct lms_walk w = {
		.tree = t, .slot_size = sizeof(struct slot),
		.read = read_slot, .take = add_slot,
		.release = release_slot, .arg = &ad
	};
	int err;

	lms_agg_parts_start(&ad.parts, a, t);
	err = add_courses(&ad, &w);
	lms_agg_contrib_release(&ad.kept_one);
	lms_index_release(&ad.ix);
	lms_free(w.ids);
	lms_agg_parts_release(&ad.parts);
	return err;
}
