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
	lms_free(r->key);
}

void lms_agg_release(struct lms_agg *a)
{
	for (size_t i = 0; i < a->nforms; i++) {
		lms_free(a->forms[i].service);
		lms_free(a->forms[i].measure);
	}
	lms_free(a->forms);
	for (size_t i = 0; i < a->nrows; i++)
		release_row(&a->rows[i]);
	lms_free(a->rows);
	release_row(&a->total);
	lms_agg_own_release(&a->own);
	if (a->waits)
		lms_agg_waits_release(a->waits);
	lms_free(a->waits);
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

/* Room for cap rows, the rows kept. */
static void rows_room(struct lms_agg *a, size_t cap)
{
	a->rows_cap = cap;
	a->rows = lms_realloc(a->rows, cap * sizeof(*a->rows));
}

static struct lms_agg_row *row(struct lms_agg *a, const char *key)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&a->index, key);
	struct lms_agg_row *r;

	if (i)
		return &a->rows[i - 1];
	if (a->nrows == a->rows_cap)
		rows_room(a, a->rows_cap ? 2 * a->rows_cap : 16);
	r = &a->rows[a->nrows++];
	memset(r, 0, sizeof(*r));
	r->key = lms_strdup(key);
	lms_strset_add(&a->index, key, (void *)(uintptr_t)a->nrows);
	return r;
}

void lms_agg_expect(struct lms_agg *a, size_t courses)
{
	if (a->opt.by == LMS_BY_COURSE && a->rows_cap - a->nrows < courses)
		rows_room(a, a->nrows + courses);
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
	lms_free(p->before);
	lms_free(p->after);
	lms_free(p->people);
}

/* The columns a piece's rounding touches, for the marks of a report. */
static unsigned rounded_columns(const struct lms_agg_cpiece *x)
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
static bool completed_left_out(const struct lms_agg_cpiece *x)
{
	return lms_piece_has_places(x->kind) &&
	       (x->shown.rounded & (LMS_ROUNDED_PEOPLE |
				    LMS_ROUNDED_COMPLETION));
}

/* The referrals of a piece that shows them; kinds of a piece whose
 * split by kind stopped are partly shown, and marked. */
static void add_referrals(struct lms_agg_row *r, const struct lms_agg_cpiece *x)
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
static void add_asked(struct lms_agg_row *r, const struct lms_agg_cpiece *x)
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
		      const struct lms_agg_contrib *c,
		      const struct lms_agg_cpiece *x)
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
	for (size_t i = 0; i < x->nwaits; i++)
		lms_agg_waits_add(a->waits, wait_row(a, r),
				  c->waits[x->waits_at + i]);
	for (size_t i = 0; i < x->npairs; i++)
		count_pair(r, c->before[x->pairs_at + i],
			   c->after[x->pairs_at + i], c->pair_form);
}

/* A course counts once in each of its rows. */
static void count_course(struct lms_agg *a, struct lms_agg_row *r,
			 const struct lms_agg_contrib *c)
{
	if (r->last_course == a->courses_seen)
		return;
	r->last_course = a->courses_seen;
	r->courses++;
	r->sessions += c->sessions;
	r->ur_courses += !!(c->ur & UR_HAPPENED);
	r->ur_declared += !!(c->ur & UR_DECLARED);
}

/* Adds the whole course to row r (a course-level group, the totals). */
static void add_whole(struct lms_agg *a, struct lms_agg_row *r,
		      const struct lms_agg_contrib *c)
{
	count_course(a, r, c);
	for (size_t i = 0; i < c->npieces; i++)
		add_piece(a, r, c, &c->pieces[i]);
}

static void term_key(int32_t first, char *out, size_t size)
{
	int y, m, d;

	lms_date_to_ymd(first, &y, &m, &d);
	snprintf(out, size, "%04d %s", y, m <= 6 ? NC_("term", "spring") :
		 NC_("term", "autumn"));
}

static size_t add_str(struct lms_agg_contrib *c, const char *s)
{
	size_t at = c->strs.len;

	lms_buf_add(&c->strs, s, strlen(s) + 1);
	return at;
}

static const char *str(const struct lms_agg_contrib *c, size_t at)
{
	return c->strs.buf + at;
}

static void add_row_key(struct lms_agg_contrib *c, const char *key)
{
	*(size_t *)lms_array_push(&c->rows, &c->nrows,
				  sizeof(*c->rows)) = add_str(c, key);
}

/* The keys of the course-level groups a course belongs to (by course,
 * with several trees, named by tree as well: two services may well use
 * the same course id). */
static void course_rows(const struct lms_agg *a,
			const struct lms_agg_course *in,
			struct lms_agg_contrib *out)
{
	const struct lms_course *c = in->course;
	int32_t first = lms_course_first_date(c);
	struct lms_buf key = LMS_BUF_INIT;
	char buf[64];
	int y, m, d;

	switch (a->opt.by) {
	case LMS_BY_COURSE:
		if (!a->opt.name_trees || !in->tree) {
			add_row_key(out, c->id);
			break;
		}
		lms_buf_addf(&key, "%s/%s", in->tree, c->id);
		add_row_key(out, key.buf);
		lms_buf_release(&key);
		break;
	case LMS_BY_YEAR:
	case LMS_BY_TERM:
		if (first == LMS_DATE_NONE) {
			add_row_key(out, N_("(no sessions)"));
			break;
		}
		lms_date_to_ymd(first, &y, &m, &d);
		if (a->opt.by == LMS_BY_YEAR)
			snprintf(buf, sizeof(buf), "%04d", y);
		else
			term_key(first, buf, sizeof(buf));
		add_row_key(out, buf);
		break;
	case LMS_BY_TARGET_GROUP: {
		const char *groups[33];
		size_t ng = lms_flag_names(lms_target_group_names,
					   c->target_groups, groups, 33);

		for (size_t i = 0; i < ng && out->nrows < 16; i++)
			add_row_key(out, groups[i]);
		break;
	}
	case LMS_BY_TOPIC:
		for (size_t i = 0; i < c->ntopics && out->nrows < 16; i++)
			add_row_key(out, c->topics[i]);
		break;
	}
	if (!out->nrows)
		add_row_key(out, N_("(none)"));
}

/* Whether a piece shows anything: one drawn to 0 must not show even
 * that its home had someone, by a row or a course of its own. */
static bool piece_shows(const struct lms_agg_cpiece *x)
{
	const struct lms_piece_figures *s = &x->shown;

	return s->n || s->mark[LMS_MARK_PRESENT] || s->mark[LMS_MARK_ABSENT] ||
	       s->paired;
}

/* By municipality: each piece goes to its people's home. */
static void add_by_home(struct lms_agg *a, const struct lms_agg_contrib *c)
{
	for (size_t i = 0; i < c->npieces; i++) {
		const struct lms_agg_cpiece *x = &c->pieces[i];
		struct lms_agg_row *r;

		if (!piece_shows(x))
			continue;
		r = row(a, x->municipality != LMS_AGG_NO_STR ?
			str(c, x->municipality) : N_("unknown"));
		/* Marks of people who withdrew go home (exact figures
		 * only), but take no place. */
		if (x->shown.n)
			count_course(a, r, c);
		add_piece(a, r, c, x);
	}
}

/* By role: each piece of people with a place goes to its role; the
 * waiting list (of either role), drop-in heads and the marks of people
 * without a place to "(none)". */
static void add_by_role(struct lms_agg *a, const struct lms_agg_contrib *c)
{
	for (size_t i = 0; i < c->npieces; i++) {
		const struct lms_agg_cpiece *x = &c->pieces[i];
		struct lms_agg_row *r;

		if (!piece_shows(x))
			continue;
		r = row(a, x->kind == LMS_PIECE_PARTICIPANTS ? "participant" :
			x->kind == LMS_PIECE_RELATIVES ? "relative" :
			x->kind == LMS_PIECE_STAFF ? "staff" : N_("(none)"));
		if (x->shown.n)
			count_course(a, r, c);
		add_piece(a, r, c, x);
	}
}

/* The count n of people, of a piece's kind, to the row of key; rounded
 * marks it as holding a drawn part. */
static void add_people(struct lms_agg *a, const struct lms_agg_contrib *c,
		       const char *key, const struct lms_agg_cpiece *x, long n,
		       bool rounded)
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
	count_course(a, r, c);
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
static void add_by_category(struct lms_agg *a, const struct lms_agg_contrib *c)
{
	for (size_t i = 0; i < c->npieces; i++) {
		const struct lms_agg_cpiece *x = &c->pieces[i];
		const struct lms_piece_figures *s = &x->shown;
		bool drawn = s->rounded & LMS_ROUNDED_PEOPLE;

		if (!lms_piece_has_places(x->kind) &&
		    x->kind != LMS_PIECE_WAITLISTED)
			continue;
		for (int j = 0; j < LMS_NCATEGORIES; j++)
			/* Only the categories of the split have names. */
			if (s->category[j])
				add_people(a, c, category_key(a->opt.by, j),
					   x, s->category[j],
					   x->category_drawn & 1u << j);
		add_people(a, c, N_("(not shown)"), x, s->rest,
			   drawn || s->categories_rounded);
	}
}

/* The user representatives' own responses of a course, as
 * lms_agg_own_add takes them. */
static void own_responses(const struct lms_agg *a,
			  const struct lms_agg_course *in,
			  struct lms_agg_contrib *out)
{
	const struct lms_evaluations *ev = in->own;
	long n = ev ? (long)ev->n : 0, shown = n;

	out->own_n = n;
	out->own_shown = n;
	if (!n)
		return;
	if (!a->opt.exact) {
		uint64_t key = a->key ? lms_protect_thing_key(a->key,
			in->course->id, "facilitator-evaluations", n) : 0;

		shown = lms_protect_count(n, a->opt.min_cell, key,
					  LMS_PIECE_OWN_RESPONSES);
	}
	out->own_shown = shown;
	if (shown != n)
		return;
	for (size_t i = 0; i < ev->n; i++)
		for (size_t j = 0; j < ev->v[i].answers.n; j++) {
			const struct lms_answer *x = &ev->v[i].answers.v[j];
			struct lms_agg_own_answer *o;

			if (x->is_text)
				continue;
			o = lms_array_push(&out->own, &out->nown, sizeof(*o));
			o->item = add_str(out, x->item);
			o->value = x->value;
		}
}

static void add_piece_of(struct lms_agg_contrib *out, const struct lms_piece *x,
			 const struct pairs *p)
{
	const struct lms_piece_figures *s = &x->shown;
	struct lms_agg_cpiece *y = lms_array_push(&out->pieces, &out->npieces,
						  sizeof(*y));

	y->municipality = x->municipality ? add_str(out, x->municipality) :
		LMS_AGG_NO_STR;
	y->kind = x->kind;
	y->shown = *s;
	for (int j = 0; j < LMS_NCATEGORIES; j++)
		if (s->categories_rounded &&
		    s->category[j] != x->exact.category[j])
			y->category_drawn |= 1u << j;
	y->waits_at = out->nwaits;
	for (size_t i = 0; s->counted && i < x->nwaits; i++)
		*(int *)lms_array_push(&out->waits, &out->nwaits,
				       sizeof(int)) = x->waits[i];
	y->nwaits = out->nwaits - y->waits_at;
	y->pairs_at = out->npairs;
	if (s->pairs_counted && x->npairs) {
		out->before = lms_realloc(out->before, (out->npairs + x->npairs) *
					  sizeof(double));
		out->after = lms_realloc(out->after, (out->npairs + x->npairs) *
					 sizeof(double));
		for (size_t i = 0; i < x->npairs; i++) {
			out->before[out->npairs] = p->before[x->pairs[i]];
			out->after[out->npairs++] = p->after[x->pairs[i]];
		}
	}
	y->npairs = out->npairs - y->pairs_at;
}

void lms_agg_contrib_make(const struct lms_agg *a,
			  const struct lms_agg_course *in,
			  struct lms_agg_contrib *out)
{
	struct lms_course_pieces cp;
	struct pairs p;

	memset(out, 0, sizeof(*out));
	out->ur = ur_in_all_phases(a, in);
	out->sessions = lms_course_sessions_held(in->course, a->opt.today);
	course_pairs(a, in, &p);
	out->pair_form = p.form;
	lms_pieces_count(&cp, &(struct lms_piece_input){
		in->course, in->enrolments, in->attendance,
		(const char *const *)p.people, p.n,
		a->opt.exact ? NULL : a->key, in->offers,
		a->opt.by == LMS_BY_REFERRAL ? LMS_SPLIT_REFERRAL :
		a->opt.by == LMS_BY_AGE_BAND ? LMS_SPLIT_AGE_BAND :
		LMS_SPLIT_NONE, in->birth_years
	});
	lms_pieces_publish(&cp, a->opt.min_cell, a->opt.exact);
	for (size_t i = 0; i < cp.n; i++)
		add_piece_of(out, &cp.v[i], &p);
	if (a->opt.by != LMS_BY_MUNICIPALITY && a->opt.by != LMS_BY_ROLE &&
	    a->opt.by != LMS_BY_REFERRAL && a->opt.by != LMS_BY_AGE_BAND)
		course_rows(a, in, out);
	lms_pieces_release(&cp);
	pairs_release(&p);
	own_responses(a, in, out);
}

void lms_agg_contrib_release(struct lms_agg_contrib *c)
{
	lms_free(c->pieces);
	lms_free(c->waits);
	lms_free(c->before);
	lms_free(c->after);
	lms_free(c->rows);
	lms_free(c->own);
	lms_buf_release(&c->strs);
	memset(c, 0, sizeof(*c));
}

void lms_agg_contrib_merge(struct lms_agg *a, const struct lms_agg_contrib *c)
{
	size_t idx[16], n = c->nrows < 16 ? c->nrows : 16;

	a->courses_seen++;
	add_whole(a, &a->total, c);
	if (a->opt.by == LMS_BY_MUNICIPALITY) {
		add_by_home(a, c);
	} else if (a->opt.by == LMS_BY_ROLE) {
		add_by_role(a, c);
	} else if (a->opt.by == LMS_BY_REFERRAL ||
		   a->opt.by == LMS_BY_AGE_BAND) {
		add_by_category(a, c);
	} else {
		/* Rows may move in memory while new ones are made. */
		for (size_t i = 0; i < n; i++)
			idx[i] = row_number(a, row(a, str(c, c->rows[i])));
		for (size_t i = 0; i < n; i++)
			add_whole(a, &a->rows[idx[i]], c);
	}
	lms_agg_own_merge(a, c);
}

void lms_agg_add(struct lms_agg *a, const struct lms_agg_course *in)
{
	struct lms_agg_contrib c;

	lms_agg_contrib_make(a, in, &c);
	lms_agg_contrib_merge(a, &c);
	lms_agg_contrib_release(&c);
}
