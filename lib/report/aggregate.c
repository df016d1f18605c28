#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"
#include "collate.h"
#include "date.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "score.h"
#include "municipality.h"
#include "piece.h"
#include "walk.h"

const char *const lms_group_by_names[] = {
	"", NC_("group by", "course"), NC_("group by", "municipality"),
	NC_("group by", "year"), NC_("group by", "term"),
	NC_("group by", "target-group"), NC_("group by", "topic"), NULL
};

/* TRANSLATORS: a report's columns are named in English by their keys,
 * which YAML and CSV keep; text shows a title in capitals, HTML with
 * spaces for underscores.  The first column names the groups. */
static const char *const key_columns[] = {
	"", N_("course"), N_("municipality"), N_("year"), N_("term"),
	N_("target_group"), N_("topic"), NULL
};

/* The columns of the table; a row notes which hold a rounded piece. */
enum { COL_KEY, COL_COURSES, COL_SESSIONS, COL_PARTICIPANTS, COL_RELATIVES,
       COL_ENROLMENTS, COL_WAITLISTED, COL_COMPLETION, COL_ATTENDANCES,
       COL_ATTENDANCE, COL_WAIT, COL_UR, COL_PAIRS, COL_BEFORE, COL_AFTER,
       COL_CHANGE, COL_DZ, NCOLS };
#define ROUNDED(col) (1u << (col))
void lms_agg_init(struct lms_agg *a, const struct lms_agg_options *opt)
{
	memset(a, 0, sizeof(*a));
	a->opt = *opt;
	lms_strset_init(&a->index);
	a->total.key = lms_strdup(N_("total"));
}

static void release_row(struct lms_agg_row *r)
{
	free(r->key);
	free(r->late);
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

static void count_wait(struct lms_agg_row *r, int days)
{
	if (days < LMS_AGG_DAYS)
		r->days[days]++;
	else
		*(int *)lms_array_push(&r->late, &r->nlate, sizeof(int)) = days;
	r->ndays++;
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

/* A user representative in each of the phases plan, deliver, evaluate. */
static bool ur_in_all_phases(const struct lms_agg_course *in)
{
	unsigned phases = 0;

	for (size_t i = 0; i < in->course->nfacilitators; i++) {
		const struct lms_course_facilitator *cf = &in->course->facilitators[i];
		const struct lms_facilitator *f = in->facilitator_index ?
			lms_strset_get(in->facilitator_index, cf->id) :
			lms_facilitator_find(in->facilitators,
					     in->nfacilitators, cf->id);

		if (f && f->kind == LMS_USER_REPRESENTATIVE)
			phases |= cf->phases;
	}
	return (phases & (LMS_PLAN | LMS_DELIVER | LMS_EVALUATE)) ==
	       (LMS_PLAN | LMS_DELIVER | LMS_EVALUATE);
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
	unsigned r = x->shown.rounded, cols = 0;

	if (r & LMS_ROUNDED_PEOPLE)
		cols |= x->kind == LMS_PIECE_PARTICIPANTS ?
			ROUNDED(COL_PARTICIPANTS) | ROUNDED(COL_ENROLMENTS) :
			x->kind == LMS_PIECE_RELATIVES ?
			ROUNDED(COL_RELATIVES) | ROUNDED(COL_ENROLMENTS) :
			x->kind == LMS_PIECE_WAITLISTED ?
			ROUNDED(COL_WAITLISTED) : x->kind == LMS_PIECE_DROP_IN ?
			ROUNDED(COL_ATTENDANCES) : 0;
	if (r & LMS_ROUNDED_COMPLETION)
		cols |= ROUNDED(COL_COMPLETION);
	if (r & LMS_ROUNDED_ATTENDANCE)
		cols |= ROUNDED(COL_ATTENDANCES) | ROUNDED(COL_ATTENDANCE);
	if (r & LMS_ROUNDED_PAIRS)
		cols |= ROUNDED(COL_PAIRS);
	return cols;
}

/* Adds a piece as published to row r. */
static void add_piece(struct lms_agg_row *r, const struct lms_piece *x,
		      const struct pairs *p)
{
	const struct lms_piece_figures *s = &x->shown;

	switch (x->kind) {
	case LMS_PIECE_PARTICIPANTS: r->participants += s->n; break;
	case LMS_PIECE_RELATIVES: r->relatives += s->n; break;
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
	for (size_t i = 0; s->counted && i < x->nwaits; i++)
		count_wait(r, x->waits[i]);
	for (size_t i = 0; s->pairs_counted && i < x->npairs; i++)
		count_pair(r, p->before[x->pairs[i]], p->after[x->pairs[i]],
			   p->form);
}

/* A course counts once in each of its rows. */
static void count_course(struct lms_agg *a, struct lms_agg_row *r,
			 const struct lms_agg_course *in, bool ur)
{
	if (r->last_course == a->courses_seen)
		return;
	r->last_course = a->courses_seen;
	r->courses++;
	r->sessions += lms_course_sessions_held(in->course, a->opt.today);
	r->ur_courses += ur;
}

/* Adds the whole course to each of rows (course-level groups, the totals). */
static void add_whole(struct lms_agg *a, struct lms_agg_row **rows, size_t n,
		      const struct lms_agg_course *in,
		      const struct lms_course_pieces *cp, const struct pairs *p,
		      bool ur)
{
	for (size_t k = 0; k < n; k++) {
		count_course(a, rows[k], in, ur);
		for (size_t i = 0; i < cp->n; i++)
			add_piece(rows[k], &cp->v[i], p);
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
	case LMS_BY_TARGET_GROUP:
		for (int i = 1; lms_target_group_names[i] && n < max; i++)
			if (c->target_groups & (1u << i))
				out[n++] = row_number(a, row(a,
						lms_target_group_names[i]));
		break;
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
			const struct pairs *p, bool ur)
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
		add_piece(r, x, p);
	}
}

void lms_agg_add(struct lms_agg *a, const struct lms_agg_course *in)
{
	struct lms_agg_row *rows[16], *total = &a->total;
	bool ur = ur_in_all_phases(in);
	struct lms_course_pieces cp;
	size_t idx[16], n;
	struct pairs p;

	a->courses_seen++;
	course_pairs(a, in, &p);
	lms_pieces_count(&cp, &(struct lms_piece_input){
		in->course, in->enrolments, in->attendance,
		(const char *const *)p.people, p.n,
		a->opt.exact ? NULL : a->key
	});
	lms_pieces_publish(&cp, a->opt.min_cell, a->opt.exact);
	add_whole(a, &total, 1, in, &cp, &p, ur);
	if (a->opt.by == LMS_BY_MUNICIPALITY) {
		add_by_home(a, in, &cp, &p, ur);
	} else {
		n = course_rows(a, in, idx, 16);
		for (size_t i = 0; i < n; i++)
			rows[i] = &a->rows[idx[i]];
		add_whole(a, rows, n, in, &cp, &p, ur);
	}
	lms_pieces_release(&cp);
	pairs_release(&p);
}

/* The table */

double lms_agg_share(size_t part, size_t whole)
{
	return whole ? (double)part / (double)whole : NAN;
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* The wait with rank i (0-based) in order: the histogram, then the list
 * of long waits, which late (a sorted copy) holds. */
static int nth_wait(const struct lms_agg_row *r, const int *late, size_t i)
{
	for (int d = 0; d < LMS_AGG_DAYS; d++) {
		if (i < r->days[d])
			return d;
		i -= r->days[d];
	}
	return late[i];
}

double lms_agg_median_wait(const struct lms_agg_row *r)
{
	int *late;
	double m;

	if (!r->ndays)
		return NAN;
	late = lms_calloc(r->nlate, sizeof(int));
	if (r->nlate) {
		memcpy(late, r->late, r->nlate * sizeof(int));
		lms_array_sort(late, r->nlate, sizeof(int), by_int);
	}
	m = (nth_wait(r, late, (r->ndays - 1) / 2) +
	     nth_wait(r, late, r->ndays / 2)) / 2.0;
	free(late);
	return m;
}

/* "2026 spring" before "2026 autumn": terms in the order of the year. */
static int term_rank(const char *key)
{
	const char *space = strchr(key, ' ');

	if (!space)
		return 0;
	return !strcmp(space, " spring") ? 1 : !strcmp(space, " autumn") ? 2 : 0;
}

/* "unknown" and "(none)" go last. */
static int unknown_last(const struct lms_agg_row *x,
			const struct lms_agg_row *y)
{
	int ux = x->key[0] == '(' || !strcmp(x->key, "unknown");
	int uy = y->key[0] == '(' || !strcmp(y->key, "unknown");

	return ux - uy;
}

/* Ids, numbers and terms, byte by byte. */
static int by_key(const void *a, const void *b)
{
	const struct lms_agg_row *x = *(const struct lms_agg_row *const *)a;
	const struct lms_agg_row *y = *(const struct lms_agg_row *const *)b;
	int tx = term_rank(x->key), ty = term_rank(y->key);
	int c = unknown_last(x, y);

	if (c)
		return c;
	if (tx && ty && !strncmp(x->key, y->key, strcspn(x->key, " ")) &&
	    tx != ty)
		return tx - ty;
	return strcmp(x->key, y->key);
}

/* Topics, which are words, as a Norwegian reader looks them up. */
static int by_word(const void *a, const void *b)
{
	const struct lms_agg_row *x = *(const struct lms_agg_row *const *)a;
	const struct lms_agg_row *y = *(const struct lms_agg_row *const *)b;
	int c = unknown_last(x, y);

	return c ? c : lms_collate(x->key, y->key);
}

/*
 * A row's name as people read it: "total", "unknown" (home), "(none)",
 * "(no sessions)", a term's season and a target group translated; a
 * municipality with its name (marks or names: for people); course ids,
 * topics and years as they are.
 */
static void row_label(struct lms_table *t, const struct lms_agg *a,
		      const struct lms_agg_row *r, bool marks)
{
	const char *key = r->key, *space = strchr(key, ' ');
	const char *name = (marks || a->opt.names) &&
			   a->opt.by == LMS_BY_MUNICIPALITY ?
			   lms_municipality_name(key) : NULL;

	if (r == &a->total || !strcmp(key, "(none)") ||
	    !strcmp(key, "(no sessions)") ||
	    (a->opt.by == LMS_BY_MUNICIPALITY && !strcmp(key, "unknown")))
		lms_table_cell(t, _(key));
	else if (name)
		lms_table_cellf(t, "%s %s", key, name);
	else if (a->opt.by == LMS_BY_TERM && space)
		lms_table_cellf(t, "%.*s %s", (int)(space - key), key,
				C_("term", space + 1));
	else if (a->opt.by == LMS_BY_TARGET_GROUP)
		lms_table_cell(t, C_("target group", key));
	else
		lms_table_cell(t, key);
}

/* A count, marked when it holds a rounded piece and the reader is a
 * person (not a script). */
static void cell_count(struct lms_table *t, long v, bool rounded, bool marks)
{
	lms_table_cellf(t, "%s%ld", rounded && marks ? LMS_ROUNDED_MARK : "",
			v);
}

static void cell_figure(struct lms_table *t, double v, bool rounded,
			bool marks, const char *fmt)
{
	if (isnan(v)) {
		lms_table_cell(t, "");
	} else {
		char text[64];

		snprintf(text, sizeof(text), fmt, v);
		lms_table_cellf(t, "%s%s",
				rounded && marks ? LMS_ROUNDED_MARK : "", text);
	}
}

static void add_row(struct lms_table *t, const struct lms_agg *a,
		    const struct lms_agg_row *r, bool marks)
{
	double sd = r->pairs > 1 ? sqrt(r->change_m2 / (double)(r->pairs - 1)) :
		    NAN;
	long counts[] = {
		[COL_PARTICIPANTS] = r->participants,
		[COL_RELATIVES] = r->relatives,
		[COL_ENROLMENTS] = r->participants + r->relatives,
		[COL_WAITLISTED] = r->waitlisted
	};
	bool pooled;

	lms_table_row(t);
	row_label(t, a, r, marks);
	lms_table_cellf(t, "%zu", r->courses);
	lms_table_cellf(t, "%zu", r->sessions);
	for (int c = COL_PARTICIPANTS; c <= COL_WAITLISTED; c++)
		cell_count(t, counts[c], r->rounded & ROUNDED(c), marks);
	cell_figure(t, 100 * lms_agg_share((size_t)r->completed,
					   (size_t)(r->completed +
						    r->not_completed)),
		    r->rounded & ROUNDED(COL_COMPLETION), marks, "%.0f");
	cell_count(t, r->present + r->headcount,
		   r->rounded & ROUNDED(COL_ATTENDANCES), marks);
	cell_figure(t, 100 * lms_agg_share((size_t)r->present,
					   (size_t)r->marked),
		    r->rounded & ROUNDED(COL_ATTENDANCE), marks, "%.0f");
	cell_figure(t, lms_agg_median_wait(r), false, marks, "%g");
	lms_table_cellf(t, "%zu", r->ur_courses);
	cell_count(t, r->paired, r->rounded & ROUNDED(COL_PAIRS), marks);
	/* Pairs of forms that measure differently have no common figure. */
	pooled = r->pairs && !r->pairs_mixed;
	cell_figure(t, pooled ? r->pre_sum / (double)r->pairs : NAN, false,
		    marks, "%.2f");
	cell_figure(t, pooled ? r->post_sum / (double)r->pairs : NAN, false,
		    marks, "%.2f");
	cell_figure(t, pooled ? r->change_mean : NAN, false, marks, "%.2f");
	cell_figure(t, pooled && sd > 0 ? r->change_mean / sd : NAN, false,
		    marks, "%.2f");
}

static void table_init(const struct lms_agg *a, struct lms_table *out)
{
	/* The grouping names the first column: target-group as target_group. */
	const char *cols[NCOLS + 1] = {
		*key_columns[a->opt.by] ? _(key_columns[a->opt.by]) : "",
		_("courses"), _("sessions"),
		_("participants"), _("relatives"), _("enrolments"),
		_("waitlisted"), _("completion_pct"), _("attendances"),
		_("attendance_pct"), _("wait_days"), _("user_rep_all_phases"),
		_("pairs"), _("before"), _("after"), _("change"), _("d_z"), NULL
	};

	lms_table_init(out, cols);
	for (int c = COL_COURSES; c < NCOLS; c++)
		lms_table_set_numeric(out, (size_t)c);
}

void lms_agg_table(const struct lms_agg *a, bool marks, struct lms_table *out)
{
	const struct lms_agg_row **rows = lms_calloc(a->nrows + 1,
						     sizeof(*rows));

	table_init(a, out);
	for (size_t i = 0; i < a->nrows; i++)
		rows[i] = &a->rows[i];
	lms_array_sort(rows, a->nrows, sizeof(*rows),
		       a->opt.by == LMS_BY_TOPIC ? by_word : by_key);
	for (size_t i = 0; i < a->nrows; i++)
		add_row(out, a, rows[i], marks);
	add_row(out, a, &a->total, marks);
	out->total_row = true;
	free(rows);
}

bool lms_agg_table_one(const struct lms_agg *a, const char *key, bool marks,
		       struct lms_table *out)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&a->index, key);

	table_init(a, out);
	if (i)
		add_row(out, a, &a->rows[i - 1], marks);
	return i != 0;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What makes two forms one measure: the scale, the score and the scored
 * items with their direction, in any order.  Texts and labels may
 * differ, as a typo fixed in one tree. */
static char *measure_of(const struct lms_form *f, size_t *nitems)
{
	struct lms_buf m = LMS_BUF_INIT;
	const char **ids = lms_calloc(f->nitems + 1, sizeof(*ids));
	size_t n = 0;

	for (size_t i = 0; i < f->nitems; i++)
		if (f->items[i].type == LMS_ITEM_SCALE)
			ids[n++] = f->items[i].id;
	if (n)
		qsort(ids, n, sizeof(*ids), by_string);
	lms_buf_addf(&m, "%d..%d %d", f->scale.min, f->scale.max, f->score);
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(&m, " %s%s", ids[i],
			     lms_form_item(f, ids[i])->reverse ? "-" : "");
	free(ids);
	*nitems = n;
	return lms_buf_detach(&m);
}

unsigned lms_agg_form_version(struct lms_agg *a, const struct lms_form *f,
			      const char *service)
{
	struct lms_agg_form *v;
	size_t nitems;
	char *measure = measure_of(f, &nitems);

	for (size_t i = 0; i < a->nforms; i++) {
		if (!strcmp(a->forms[i].measure, measure)) {
			free(measure);
			return (unsigned)i + 1;
		}
	}
	v = lms_array_push(&a->forms, &a->nforms, sizeof(*v));
	v->service = lms_strdup(service ? service : "");
	v->measure = measure;
	v->min = f->scale.min;
	v->max = f->scale.max;
	v->score = f->score;
	v->nitems = nitems;
	return (unsigned)a->nforms;
}

void lms_agg_forms_note(const struct lms_agg *a, struct lms_buf *out)
{
	if (a->nforms < 2)
		return;
	lms_buf_addf(out, _("The trees do not share one form '%s': "),
		     a->opt.form);
	for (size_t i = 0; i < a->nforms; i++) {
		const struct lms_agg_form *f = &a->forms[i];

		lms_buf_adds(out, i == 0 ? "" : i + 1 < a->nforms ? "; " :
			     _("; and "));
		/* TRANSLATORS: a service's form: "Narvik LMS scores it as
		 * the mean of 6 items from 1 to 4". */
		lms_buf_addf(out, f->score == LMS_SCORE_SUM ?
			     _("%s scores it as the sum of %zu items from %d "
			       "to %d") :
			     _("%s scores it as the mean of %zu items from %d "
			       "to %d"),
			     f->service, f->nitems, f->min, f->max);
	}
	lms_buf_adds(out, _(".  The forms differ in their scale, their score "
			    "or their items, so their before, after, change "
			    "and d_z are never pooled: they are shown for "
			    "groups of one form only, and left blank for the "
			    "others, such as the totals."));
}

/* The tree's self-efficacy form, if it has it. */
static int tree_form(const struct lms_agg *a, struct lms_tree *t,
		     struct lms_form *out, bool *have)
{
	char *path;
	int err = 0;

	*have = false;
	if (!a->opt.form)
		return 0;
	path = lms_tree_path(t, "forms/%s.yaml", a->opt.form);
	if (!lms_exists(path) && a->opt.form_required)
		err = lms_error(LMS_ENOENT, _("no such form: '%s' (no %s)"),
				a->opt.form, path);
	else if (lms_exists(path) && !(err = lms_tree_load_form(t, a->opt.form,
								 out, NULL)))
		*have = true;
	free(path);
	return err;
}

/* A course's files, as a walk reads them (see walk.h). */
struct bundle {
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_attendance at;
	struct lms_evaluations ev;
	bool wanted;
};

/* What the walk's callbacks share. */
struct adding {
	struct lms_agg *a;
	struct lms_agg_course in;
	size_t n;
	void (*progress)(size_t done, size_t total, void *arg);
	void *arg;
};

static int read_bundle(void *arg, struct lms_tree *t, const char *id,
		       void *slot)
{
	const struct adding *ad = arg;
	struct bundle *b = slot;
	int err;

	if ((err = lms_tree_load_course(t, id, &b->c, NULL)))
		return err;
	b->wanted = lms_agg_wants(ad->a, &b->c);
	if (!b->wanted)
		return 0;
	if ((err = lms_tree_load_enrolments(t, id, &b->e)) ||
	    (err = lms_tree_load_attendance(t, id, &b->at)) ||
	    (ad->in.form && (err = lms_tree_load_evaluations(t, id, &b->ev))))
		return err;
	return 0;
}

static int add_bundle(void *arg, size_t i, void *slot)
{
	struct adding *ad = arg;
	struct bundle *b = slot;

	if (b->wanted) {
		ad->in.course = &b->c;
		ad->in.enrolments = &b->e;
		ad->in.attendance = &b->at;
		ad->in.evaluations = &b->ev;
		lms_agg_add(ad->a, &ad->in);
	}
	if (ad->progress)
		ad->progress(i + 1, ad->n, ad->arg);
	return 0;
}

static void release_bundle(void *arg, void *slot)
{
	struct bundle *b = slot;

	(void)arg;
	lms_course_release(&b->c);
	lms_enrolments_release(&b->e);
	lms_attendance_release(&b->at);
	lms_evaluations_release(&b->ev);
}

int lms_agg_tree(struct lms_agg *a, struct lms_tree *t,
		 void (*progress)(size_t done, size_t total, void *arg),
		 void *arg)
{
	struct adding ad = { .a = a, .progress = progress, .arg = arg };
	struct lms_walk w = {
		.tree = t, .slot_size = sizeof(struct bundle),
		.read = read_bundle, .take = add_bundle,
		.release = release_bundle, .arg = &ad
	};
	struct lms_facilitator *facilitators;
	struct lms_strset index;
	struct lms_form form;
	bool have_form;
	int err;

	if ((err = lms_tree_load_facilitators(t, &facilitators, &ad.in.nfacilitators,
					      NULL)))
		return err;
	ad.in.facilitators = facilitators;
	/* A national tree has thousands of facilitators. */
	lms_strset_init(&index);
	for (size_t i = 0; i < ad.in.nfacilitators; i++)
		lms_strset_add(&index, facilitators[i].id, &facilitators[i]);
	ad.in.facilitator_index = &index;
	ad.in.tree = t->root;
	if (!(err = tree_form(a, t, &form, &have_form)) &&
	    !(err = lms_tree_course_ids(t, &w.ids, &w.n))) {
		ad.in.form = have_form ? &form : NULL;
		ad.in.form_version = have_form ?
			lms_agg_form_version(a, &form, t->service.name) : 0;
		ad.n = w.n;
		err = lms_walk_courses(&w);
	}
	if (have_form)
		lms_form_release(&form);
	lms_strings_free(w.ids, w.n);
	lms_strset_release(&index);
	lms_facilitators_free(facilitators, ad.in.nfacilitators);
	return err;
}
