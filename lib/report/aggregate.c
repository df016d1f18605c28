#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"
#include "date.h"
#include "i18n.h"
#include "join.h"
#include "participation.h"
#include "score.h"
#include "piece.h"

const char *const lms_group_by_names[] = {
	"", NC_("group by", "course"), NC_("group by", "municipality"),
	NC_("group by", "year"), NC_("group by", "term"),
	NC_("group by", "target-group"), NC_("group by", "topic"),
	NC_("group by", "referral"), NC_("group by", "role"),
	NC_("group by", "age-band"), NC_("group by", "facilitator"), NULL
};

void lms_agg_init(struct lms_agg *a, const struct lms_agg_options *opt)
{
	memset(a, 0, sizeof(*a));
	a->opt = *opt;
	lms_strset_init(&a->index);
	a->total.key = lms_strdup(N_("total"));
	a->waits = lms_calloc(1, sizeof(*a->waits));
}

static void release_row(struct lms_agg_row *r)
{
	free(r->key);
}

void lms_agg_release(struct lms_agg *a)
{
	for (size_t i = 0; i < a->nforms; i++) {
		free(a->forms[i].service);
		free(a->forms[i].measure);
	}
	free(a->forms);
	for (size_t i = 0; i < a->nrows; i++)
		release_row(&a->rows[i]);
	free(a->rows);
	release_row(&a->total);
	lms_agg_own_release(&a->own);
	if (a->waits)
		lms_agg_waits_release(a->waits);
	free(a->waits);
	lms_strset_release(&a->index);
	memset(a, 0, sizeof(*a));
}

bool lms_agg_wants(const struct lms_agg *a, const struct lms_course *c)
{
	int32_t first = lms_course_first_date(c);

	if (a->opt.status ? c->status != a->opt.status :
	    c->status == LMS_COURSE_CANCELLED)
		return false;
	if (a->opt.from == LMS_DATE_NONE && a->opt.to == LMS_DATE_NONE)
		return true;
	return first != LMS_DATE_NONE &&
	       (a->opt.from == LMS_DATE_NONE || first >= a->opt.from) &&
	       (a->opt.to == LMS_DATE_NONE || first <= a->opt.to);
}

/* Rows */

static struct lms_agg_row *row(struct lms_agg *a, const char *key)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&a->index, key);
	struct lms_agg_row *r;

	if (i)
		return &a->rows[i - 1];
	r = lms_array_push(&a->rows, &a->nrows, sizeof(*r));
	r->key = lms_strdup(key);
	lms_strset_add(&a->index, key, (void *)(uintptr_t)a->nrows);
	return r;
}

static size_t row_number(const struct lms_agg *a, const struct lms_agg_row *r)
{
	return r == &a->total ? SIZE_MAX : (size_t)(r - a->rows);
}

/* The row of r among the waits' (see struct lms_agg_waits). */
static uint32_t wait_row(const struct lms_agg *a, const struct lms_agg_row *r)
{
	return r == &a->total ? LMS_AGG_TOTAL_ROW : (uint32_t)(r - a->rows);
}

static void count_pair(struct lms_agg_row *r, double before, double after,
		       unsigned form)
{
	double x = after - before, delta;

	/* Scores of two measures in one mean would be neither. */
	if (r->pairs && r->pair_form != form)
		r->pairs_mixed = true;
	r->pair_form = form;
	r->pairs++;
	delta = x - r->change_mean;
	r->change_mean += delta / (double)r->pairs;
	r->change_m2 += delta * (x - r->change_mean);
	r->pre_sum += before;
	r->post_sum += after;
}

/* What count_course adds to ur_courses and ur_declared. */
enum { UR_HAPPENED = 1 << 0, UR_DECLARED = 1 << 1 };

/*
 * A user representative in each of the phases plan, deliver, evaluate:
 * UR_DECLARED as course.yaml declares them, UR_HAPPENED as they took
 * part (lms_participation_done: sessions led by today, the meetings).
 */
static unsigned ur_in_all_phases(const struct lms_agg *a,
				 const struct lms_agg_course *in)
{
	static const struct lms_meetings none;
	const unsigned all = LMS_PLAN | LMS_DELIVER | LMS_EVALUATE;
	const struct lms_meetings *m = in->meetings ? in->meetings : &none;
	unsigned declared = 0, done = 0;

	for (size_t i = 0; i < in->course->nfacilitators; i++) {
		const struct lms_course_facilitator *cf = &in->course->facilitators[i];
		const struct lms_facilitator *f = in->facilitator_index ?
			lms_strset_get(in->facilitator_index, cf->id) :
			lms_facilitator_find(in->facilitators,
					     in->nfacilitators, cf->id);

		if (lms_course_facilitator_kind(in->course, f, cf->id) !=
		    LMS_USER_REPRESENTATIVE)
			continue;
		declared |= cf->phases;
		done |= lms_participation_done(in->course, m, cf->id,
					       a->opt.today);
	}
	return ((declared & all) == all ? UR_DECLARED : 0) |
	       ((done & all) == all ? UR_HAPPENED : 0);
}

/* The pairs of the course's self-efficacy responses, with their people. */
struct pairs {
	double *before, *after;
	const char **people;
	size_t n;
	unsigned form;
};

static void course_pairs(const struct lms_agg *a, const struct lms_agg_course *in,
			 struct pairs *p)
{
	memset(p, 0, sizeof(*p));
	p->form = in->form_version;
	if (!in->form || !a->opt.form || !in->evaluations ||
	    /* only for a form the course lists, as in its own report */
	    !lms_course_lists_form(in->course, a->opt.form))
		return;
	p->n = lms_pairs(in->form, in->evaluations, &p->before, &p->after,
			 &p->people);
}

static void pairs_release(struct pairs *p)
{
	free(p->before);
	free(p->after);
	free(p->people);
}

/* The columns a piece's rounding touches, for the marks of a report. */
static unsigned rounded_columns(const struct lms_piece *x)
{
#define COL(c) LMS_AGG_ROUNDED(LMS_AGG_COL_##c)
	unsigned r = x->shown.rounded, cols = 0;

	if (r & LMS_ROUNDED_PEOPLE)
		cols |= x->kind == LMS_PIECE_PARTICIPANTS ?
			COL(PARTICIPANTS) | COL(ENROLMENTS) :
			x->kind == LMS_PIECE_RELATIVES ?
			COL(RELATIVES) | COL(ENROLMENTS) :
			x->kind == LMS_PIECE_STAFF ?
			COL(STAFF) | COL(ENROLMENTS) :
			x->kind == LMS_PIECE_WAITLISTED ?
			COL(WAITLISTED) : x->kind == LMS_PIECE_DROP_IN ?
			COL(ATTENDANCES) : 0;
	if (r & LMS_ROUNDED_COMPLETION)
		cols |= COL(COMPLETION);
	if (r & LMS_ROUNDED_ATTENDANCE)
		cols |= COL(ATTENDANCES) | COL(ATTENDANCE);
	if (r & LMS_ROUNDED_PAIRS)
		cols |= COL(PAIRS);
	return cols;
#undef COL
}

/* A piece of people whose completed are not shown, so that its
 * follow-up is left out of the row: which the row's mark says. */
static bool completed_left_out(const struct lms_piece *x)
{
	return lms_piece_has_places(x->kind) &&
	       (x->shown.rounded & (LMS_ROUNDED_PEOPLE |
				    LMS_ROUNDED_COMPLETION));
}

/* The referrals of a piece that shows them; kinds of a piece whose
 * split by kind stopped are partly shown, and marked. */
static void add_referrals(struct lms_agg_row *r, const struct lms_piece *x)
{
	const struct lms_piece_figures *s = &x->shown;

	r->ref_rounded |= s->rounded & (LMS_ROUNDED_REFERRED |
					LMS_ROUNDED_KINDS);
	/* A rounded piece leaves its people out: say so, as the main
	 * table does. */
	if (!s->referred_counted) {
		if (completed_left_out(x))
			r->ref_rounded |= LMS_ROUNDED_REFERRED;
		return;
	}
	r->ref_completed += s->part[LMS_PART_COMPLETED];
	r->referred += s->referred;
	for (int j = 1; j < LMS_NOFFER_KINDS; j++)
		r->kind[j] += s->kind[j];
	/* Referred people whose kind is not shown: the kinds do not add up
	 * to the referred, which the mark says. */
	if (s->referred && !s->kinds_counted)
		r->ref_rounded |= LMS_ROUNDED_KINDS;
}

/* Those asked at follow-up and still in a group, of a piece that
 * shows them; a piece that shows its completed but not whom of them
 * was asked, or not what they said, is marked. */
static void add_asked(struct lms_agg_row *r, const struct lms_piece *x)
{
	const struct lms_piece_figures *s = &x->shown;

	r->ref_rounded |= s->rounded & (LMS_ROUNDED_ASKED |
					LMS_ROUNDED_IN_GROUP);
	if (!s->asked_counted) {
		if (completed_left_out(x))
			r->ref_rounded |= LMS_ROUNDED_ASKED;
		return;
	}
	r->asked += s->asked;
	if (s->in_group_counted) {
		r->in_group_asked += s->asked;
		r->in_group += s->in_group;
	}
}

/* Adds a piece as published to row r of a. */
static void add_piece(struct lms_agg *a, struct lms_agg_row *r,
		      const struct lms_piece *x, const struct pairs *p)
{
	const struct lms_piece_figures *s = &x->shown;

	switch (x->kind) {
	case LMS_PIECE_PARTICIPANTS: r->participants += s->n; break;
	case LMS_PIECE_RELATIVES: r->relatives += s->n; break;
	case LMS_PIECE_STAFF: r->staff += s->n; break;
	case LMS_PIECE_WAITLISTED: r->waitlisted += s->n; break;
	case LMS_PIECE_DROP_IN: r->headcount += s->n; break;
	default: break;		/* no place: marks and pairs only */
	}
	r->completed += s->part[LMS_PART_COMPLETED];
	r->not_completed += s->part[LMS_PART_NOT_COMPLETED];
	r->present += s->mark[LMS_MARK_PRESENT];
	r->marked += s->mark[LMS_MARK_PRESENT] + s->mark[LMS_MARK_ABSENT];
	r->paired += s->paired;
	r->rounded |= rounded_columns(x);
	add_referrals(r, x);
	add_asked(r, x);
	for (size_t i = 0; s->counted && i < x->nwaits; i++)
		lms_agg_waits_add(a->waits, wait_row(a, r), x->waits[i]);
	for (size_t i = 0; s->pairs_counted && i < x->npairs; i++)
		count_pair(r, p->before[x->pairs[i]], p->after[x->pairs[i]],
			   p->form);
}

/* A course counts once in each of its rows. */
static void count_course(struct lms_agg *a, struct lms_agg_row *r,
			 const struct lms_agg_course *in, unsigned ur)
{
	if (r->last_course == a->courses_seen)
		return;
	r->last_course = a->courses_seen;
	r->courses++;
	r->sessions += lms_course_sessions_held(in->course, a->opt.today);
	r->ur_courses += !!(ur & UR_HAPPENED);
	r->ur_declared += !!(ur & UR_DECLARED);
}

/* Adds the whole course to each of rows (course-level groups, the totals). */
static void add_whole(struct lms_agg *a, struct lms_agg_row **rows, size_t n,
		      const struct lms_agg_course *in,
		      const struct lms_course_pieces *cp, const struct pairs *p,
		      unsigned ur)
{
	for (size_t k = 0; k < n; k++) {
		count_course(a, rows[k], in, ur);
		for (size_t i = 0; i < cp->n; i++)
			add_piece(a, rows[k], &cp->v[i], p);
	}
}

static void term_key(int32_t first, char *out, size_t size)
{
	int y, m, d;

	lms_date_to_ymd(first, &y, &m, &d);
	snprintf(out, size, "%04d %s", y, m <= 6 ? NC_("term", "spring") :
		 NC_("term", "autumn"));
}

/* By course, with several trees, a row is named by tree as well: two
 * services may well use the same course id. */
static struct lms_agg_row *course_row(struct lms_agg *a,
				      const struct lms_agg_course *in)
{
	struct lms_buf key = LMS_BUF_INIT;
	struct lms_agg_row *r;

	if (!a->opt.name_trees || !in->tree)
		return row(a, in->course->id);
	lms_buf_addf(&key, "%s/%s", in->tree, in->course->id);
	r = row(a, key.buf);
	lms_buf_release(&key);
	return r;
}

/* The course-level groups a course belongs to, as row numbers: rows may
 * move in memory while new ones are made. */
static size_t course_rows(struct lms_agg *a, const struct lms_agg_course *in,
			  size_t *out, size_t max)
{
	const struct lms_course *c = in->course;
	int32_t first = lms_course_first_date(c);
	char key[64];
	size_t n = 0;
	int y, m, d;

	switch (a->opt.by) {
	case LMS_BY_COURSE:
		out[n++] = row_number(a, course_row(a, in));
		break;
	case LMS_BY_YEAR:
	case LMS_BY_TERM:
		if (first == LMS_DATE_NONE) {
			out[n++] = row_number(a, row(a, N_("(no sessions)")));
			break;
		}
		lms_date_to_ymd(first, &y, &m, &d);
		if (a->opt.by == LMS_BY_YEAR)
			snprintf(key, sizeof(key), "%04d", y);
		else
			term_key(first, key, sizeof(key));
		out[n++] = row_number(a, row(a, key));
		break;
	case LMS_BY_TARGET_GROUP: {
		const char *groups[33];
		size_t ng = lms_flag_names(lms_target_group_names,
					   c->target_groups, groups, 33);

		for (size_t i = 0; i < ng && n < max; i++)
			out[n++] = row_number(a, row(a, groups[i]));
		break;
	}
	case LMS_BY_TOPIC:
		for (size_t i = 0; i < c->ntopics && n < max; i++)
			out[n++] = row_number(a, row(a, c->topics[i]));
		break;
	}
	if (!n)
		out[n++] = row_number(a, row(a, N_("(none)")));
	return n;
}

/* Whether a piece shows anything: one drawn to 0 must not show even
 * that its home had someone, by a row or a course of its own. */
static bool piece_shows(const struct lms_piece *x)
{
	const struct lms_piece_figures *s = &x->shown;

	return s->n || s->mark[LMS_MARK_PRESENT] || s->mark[LMS_MARK_ABSENT] ||
	       s->paired;
}

/* By municipality: each piece goes to its people's home. */
static void add_by_home(struct lms_agg *a, const struct lms_agg_course *in,
			const struct lms_course_pieces *cp,
			const struct pairs *p, unsigned ur)
{
	for (size_t i = 0; i < cp->n; i++) {
		const struct lms_piece *x = &cp->v[i];
		struct lms_agg_row *r;

		if (!piece_shows(x))
			continue;
		r = row(a, x->municipality ? x->municipality : N_("unknown"));
		/* Marks of people who withdrew go home (exact figures
		 * only), but take no place. */
		if (x->shown.n)
			count_course(a, r, in, ur);
		add_piece(a, r, x, p);
	}
}

/* By role: each piece of people with a place goes to its role; the
 * waiting list (of either role), drop-in heads and the marks of people
 * without a place to "(none)". */
static void add_by_role(struct lms_agg *a, const struct lms_agg_course *in,
			const struct lms_course_pieces *cp,
			const struct pairs *p, unsigned ur)
{
	for (size_t i = 0; i < cp->n; i++) {
		const struct lms_piece *x = &cp->v[i];
		struct lms_agg_row *r;

		if (!piece_shows(x))
			continue;
		r = row(a, x->kind == LMS_PIECE_PARTICIPANTS ? "participant" :
			x->kind == LMS_PIECE_RELATIVES ? "relative" :
			x->kind == LMS_PIECE_STAFF ? "staff" : N_("(none)"));
		if (x->shown.n)
			count_course(a, r, in, ur);
		add_piece(a, r, x, p);
	}
}

/* The count n of people, of a piece's kind, to the row of key; rounded
 * marks it as holding a drawn part. */
static void add_people(struct lms_agg *a, const struct lms_agg_course *in,
		       const char *key, const struct lms_piece *x, long n,
		       bool rounded, unsigned ur)
{
	struct lms_agg_row *r;
	int col = x->kind == LMS_PIECE_PARTICIPANTS ? LMS_AGG_COL_PARTICIPANTS :
		  x->kind == LMS_PIECE_RELATIVES ? LMS_AGG_COL_RELATIVES :
		  x->kind == LMS_PIECE_STAFF ? LMS_AGG_COL_STAFF :
		  LMS_AGG_COL_WAITLISTED;

	/* A part drawn to 0 must not show, by a row, that it had someone. */
	if (!n)
		return;
	r = row(a, key);
	r->people_only = true;
	count_course(a, r, in, ur);
	*(col == LMS_AGG_COL_PARTICIPANTS ? &r->participants :
	  col == LMS_AGG_COL_RELATIVES ? &r->relatives :
	  col == LMS_AGG_COL_STAFF ? &r->staff : &r->waitlisted) += n;
	if (rounded) {
		r->rounded |= LMS_AGG_ROUNDED(col);
		if (col != LMS_AGG_COL_WAITLISTED)
			r->rounded |= LMS_AGG_ROUNDED(LMS_AGG_COL_ENROLMENTS);
	}
}

/* The name of category j of a split, as a row's key. */
static const char *category_key(int by, int j)
{
	if (by == LMS_BY_AGE_BAND)
		return lms_age_band_names[j];
	return j ? lms_referral_names[j] : N_("(none)");
}

/*
 * By referral or age band: the parts of each piece of people, as its
 * split by category published them (piece.h); what a piece leaves
 * unsplit, and the whole of a small one, goes to "(not shown)".
 */
static void add_by_category(struct lms_agg *a, const struct lms_agg_course *in,
			    const struct lms_course_pieces *cp, unsigned ur)
{
	for (size_t i = 0; i < cp->n; i++) {
		const struct lms_piece *x = &cp->v[i];
		const struct lms_piece_figures *s = &x->shown;
		bool drawn = s->rounded & LMS_ROUNDED_PEOPLE;

		if (!lms_piece_has_places(x->kind) &&
		    x->kind != LMS_PIECE_WAITLISTED)
			continue;
		for (int j = 0; j < LMS_NCATEGORIES; j++) {
			bool part_drawn = s->categories_rounded &&
				s->category[j] != x->exact.category[j];

			/* Only the categories of the split have names. */
			if (s->category[j])
				add_people(a, in, category_key(a->opt.by, j),
					   x, s->category[j], part_drawn, ur);
		}
		add_people(a, in, N_("(not shown)"), x, s->rest,
			   drawn || s->categories_rounded, ur);
	}
}

void lms_agg_add(struct lms_agg *a, const struct lms_agg_course *in)
{
	struct lms_agg_row *rows[16], *total = &a->total;
	unsigned ur = ur_in_all_phases(a, in);
	struct lms_course_pieces cp;
	size_t idx[16], n;
	struct pairs p;

	a->courses_seen++;
	course_pairs(a, in, &p);
	lms_pieces_count(&cp, &(struct lms_piece_input){
		in->course, in->enrolments, in->attendance,
		(const char *const *)p.people, p.n,
		a->opt.exact ? NULL : a->key, in->offers,
		a->opt.by == LMS_BY_REFERRAL ? LMS_SPLIT_REFERRAL :
		a->opt.by == LMS_BY_AGE_BAND ? LMS_SPLIT_AGE_BAND :
		LMS_SPLIT_NONE, in->birth_years
	});
	lms_pieces_publish(&cp, a->opt.min_cell, a->opt.exact);
	add_whole(a, &total, 1, in, &cp, &p, ur);
	if (a->opt.by == LMS_BY_MUNICIPALITY) {
		add_by_home(a, in, &cp, &p, ur);
	} else if (a->opt.by == LMS_BY_ROLE) {
		add_by_role(a, in, &cp, &p, ur);
	} else if (a->opt.by == LMS_BY_REFERRAL ||
		   a->opt.by == LMS_BY_AGE_BAND) {
		add_by_category(a, in, &cp, ur);
	} else {
		n = course_rows(a, in, idx, 16);
		for (size_t i = 0; i < n; i++)
			rows[i] = &a->rows[idx[i]];
		add_whole(a, rows, n, in, &cp, &p, ur);
	}
	lms_pieces_release(&cp);
	pairs_release(&p);
	lms_agg_own_add(a, in);
}
