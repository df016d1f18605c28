#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"
#include "date.h"
#include "error.h"
#include "fsio.h"
#include "score.h"
#include "suppress.h"
#include "walk.h"

const char *const lms_group_by_names[] = {
	"", "course", "municipality", "year", "term", "target-group", "topic",
	NULL
};

void lms_agg_init(struct lms_agg *a, const struct lms_agg_options *opt)
{
	memset(a, 0, sizeof(*a));
	a->opt = *opt;
	lms_strset_init(&a->index);
	lms_keyset_init(&a->people);
	a->total.key = lms_strdup("total");
}

static void release_row(struct lms_agg_row *r)
{
	free(r->key);
	free(r->late);
	free(r->marked_seen);
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
	lms_keyset_release(&a->people);
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

static void count_person(struct lms_agg *a, struct lms_agg_row *r,
			 const struct lms_enrolment *e)
{
	uint64_t key = lms_hash_mix(lms_hash(e->person),
				    (uint64_t)row_number(a, r) * 4 + (uint64_t)e->role);

	if (!lms_keyset_add(&a->people, key))
		return;
	if (e->role == LMS_RELATIVE)
		r->relatives++;
	else
		r->participants++;
}

static bool takes_part(const struct lms_enrolment *e)
{
	return e->status == LMS_ENROLLED || e->status == LMS_COMPLETED ||
	       e->status == LMS_NOT_COMPLETED;
}

static void count_wait(struct lms_agg_row *r, int days)
{
	if (days < 0)
		days = 0;	/* asked after the start: no wait */
	if (days < LMS_AGG_DAYS)
		r->days[days]++;
	else
		*(int *)lms_array_push(&r->late, &r->nlate, sizeof(int)) = days;
	r->ndays++;
}

static void count_enrolment(struct lms_agg *a, struct lms_agg_row *r,
			    const struct lms_enrolment *e, int32_t first)
{
	if (e->status == LMS_WAITLISTED) {
		r->waitlisted++;
		return;
	}
	if (!takes_part(e))
		return;
	r->enrolments++;
	r->completed += e->status == LMS_COMPLETED;
	r->not_completed += e->status == LMS_NOT_COMPLETED;
	if (first != LMS_DATE_NONE && e->requested != LMS_DATE_NONE)
		count_wait(r, first - e->requested);
	count_person(a, r, e);
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

/* A mark of person in row r.  The people marked are counted, up to
 * LMS_MIN_CELL_MAX, to know when a row's attendance tells of only a few;
 * a list that short costs less than a set of everyone. */
static void count_mark(struct lms_agg_row *r, const struct lms_attendee *m)
{
	uint64_t h;

	r->marked++;
	r->present += m->presence == LMS_PRESENT;
	if (r->marked_people >= LMS_MIN_CELL_MAX)
		return;
	h = lms_hash(m->person);
	for (size_t i = 0; i < r->marked_people; i++)
		if (r->marked_seen[i] == h)
			return;
	*(uint64_t *)lms_array_push(&r->marked_seen, &r->marked_people,
				    sizeof(h)) = h;
}

static void count_marks(struct lms_agg_row *r,
			const struct lms_session_attendance *s)
{
	for (size_t i = 0; i < s->n; i++)
		count_mark(r, &s->v[i]);
}

static void count_headcount(struct lms_agg_row *r,
			    const struct lms_session_attendance *s)
{
	r->headcount += (size_t)(s->participants == LMS_UNSET ? 0 : s->participants) +
			(size_t)(s->relatives == LMS_UNSET ? 0 : s->relatives);
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
};

static void course_pairs(const struct lms_agg *a, const struct lms_agg_course *in,
			 struct pairs *p)
{
	memset(p, 0, sizeof(*p));
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

/* Adds the whole course to each of rows (course-level groups, the totals). */
static void add_whole(struct lms_agg *a, struct lms_agg_row **rows, size_t n,
		      const struct lms_agg_course *in, const struct pairs *p,
		      bool ur)
{
	int32_t first = lms_course_first_date(in->course);

	for (size_t k = 0; k < n; k++) {
		struct lms_agg_row *r = rows[k];

		count_course(a, r, in, ur);
		for (size_t i = 0; i < in->enrolments->n; i++)
			count_enrolment(a, r, &in->enrolments->v[i], first);
		for (size_t i = 0; i < in->attendance->n; i++) {
			/* A date that is no session counts for none
			 * (see lms-files(5)). */
			if (!lms_course_has_session(in->course,
						    in->attendance->v[i].date))
				continue;
			count_marks(r, &in->attendance->v[i]);
			count_headcount(r, &in->attendance->v[i]);
		}
		for (size_t i = 0; i < p->n; i++)
			count_pair(r, p->before[i], p->after[i],
				   in->form_version);
	}
}

static void term_key(int32_t first, char *out, size_t size)
{
	int y, m, d;

	lms_date_to_ymd(first, &y, &m, &d);
	snprintf(out, size, "%04d %s", y, m <= 6 ? "spring" : "autumn");
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
			out[n++] = row_number(a, row(a, "(no sessions)"));
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
		out[n++] = row_number(a, row(a, "(none)"));
	return n;
}

/* By municipality: each enrolment goes to its person's home. */
static struct lms_agg_row *home_row(struct lms_agg *a, const char *muni)
{
	return row(a, muni ? muni : "unknown");
}

/* The row of a person's record on the course, or "unknown". */
static struct lms_agg_row *record_row(struct lms_agg *a,
				      const struct lms_strset *records,
				      const char *person)
{
	const struct lms_enrolment *e = lms_strset_get(records, person);

	return home_row(a, e ? e->municipality : NULL);
}

static void add_by_home(struct lms_agg *a, const struct lms_agg_course *in,
			const struct pairs *p, bool ur)
{
	int32_t first = lms_course_first_date(in->course);
	struct lms_strset records;		/* person -> their record */
	struct lms_agg_row *r;

	lms_strset_init(&records);
	for (size_t i = 0; i < in->enrolments->n; i++) {
		const struct lms_enrolment *e = &in->enrolments->v[i];

		/* Someone who withdrew may have come to a session first:
		 * their marks go home too, but they took no place. */
		lms_strset_add(&records, e->person, (void *)e);
		if (e->status == LMS_WITHDRAWN)
			continue;
		r = home_row(a, e->municipality);
		count_course(a, r, in, ur);
		count_enrolment(a, r, e, first);
	}
	for (size_t i = 0; i < in->attendance->n; i++) {
		const struct lms_session_attendance *s = &in->attendance->v[i];

		if (!lms_course_has_session(in->course, s->date))
			continue;
		for (size_t j = 0; j < s->n; j++)
			count_mark(record_row(a, &records, s->v[j].person),
				   &s->v[j]);
		/* Who came to a drop-in session is not known, nor where from. */
		if (s->participants != LMS_UNSET || s->relatives != LMS_UNSET) {
			r = home_row(a, NULL);
			count_course(a, r, in, ur);
			count_headcount(r, s);
		}
	}
	for (size_t i = 0; i < p->n; i++)
		count_pair(record_row(a, &records, p->people[i]), p->before[i],
			   p->after[i], in->form_version);
	lms_strset_release(&records);
}

void lms_agg_add(struct lms_agg *a, const struct lms_agg_course *in)
{
	struct lms_agg_row *rows[16], *total = &a->total;
	bool ur = ur_in_all_phases(in);
	size_t idx[16], n;
	struct pairs p;

	a->courses_seen++;
	course_pairs(a, in, &p);
	add_whole(a, &total, 1, in, &p, ur);
	if (a->opt.by == LMS_BY_MUNICIPALITY) {
		add_by_home(a, in, &p, ur);
	} else {
		n = course_rows(a, in, idx, 16);
		for (size_t i = 0; i < n; i++)
			rows[i] = &a->rows[idx[i]];
		add_whole(a, rows, n, in, &p, ur);
	}
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

enum { COL_KEY, COL_COURSES, COL_SESSIONS, COL_PARTICIPANTS, COL_RELATIVES,
       COL_ENROLMENTS, COL_WAITLISTED, COL_COMPLETION, COL_ATTENDANCES,
       COL_ATTENDANCE, COL_WAIT, COL_UR, COL_PAIRS, COL_BEFORE, COL_AFTER,
       COL_CHANGE, COL_DZ, NCOLS };

/* The counts of people, whose small values are hidden. */
static const int count_cols[] = {
	COL_PARTICIPANTS, COL_RELATIVES, COL_ENROLMENTS, COL_WAITLISTED,
	COL_ATTENDANCES, COL_PAIRS
};
#define NCOUNTS (sizeof(count_cols) / sizeof(count_cols[0]))

static long count_of(const struct lms_agg_row *r, int col)
{
	switch (col) {
	case COL_PARTICIPANTS: return (long)r->participants;
	case COL_RELATIVES: return (long)r->relatives;
	case COL_ENROLMENTS: return (long)r->enrolments;
	case COL_WAITLISTED: return (long)r->waitlisted;
	case COL_ATTENDANCES: return (long)(r->present + r->headcount);
	default: return (long)r->pairs;
	}
}

/* "2026 spring" before "2026 autumn": terms in the order of the year. */
static int term_rank(const char *key)
{
	const char *space = strchr(key, ' ');

	if (!space)
		return 0;
	return !strcmp(space, " spring") ? 1 : !strcmp(space, " autumn") ? 2 : 0;
}

static int by_key(const void *a, const void *b)
{
	const struct lms_agg_row *x = *(const struct lms_agg_row *const *)a;
	const struct lms_agg_row *y = *(const struct lms_agg_row *const *)b;
	/* "unknown" and "(none)" go last. */
	int ux = x->key[0] == '(' || !strcmp(x->key, "unknown");
	int uy = y->key[0] == '(' || !strcmp(y->key, "unknown");
	int tx = term_rank(x->key), ty = term_rank(y->key);

	if (ux != uy)
		return ux - uy;
	if (tx && ty && !strncmp(x->key, y->key, strcspn(x->key, " ")) &&
	    tx != ty)
		return tx - ty;
	return strcmp(x->key, y->key);
}

/* The people a row's attendance tells of: those marked. */
static long marked_people(const struct lms_agg_row *r)
{
	return (long)r->marked_people;
}

static bool hide(enum lms_cell *state, int col)
{
	if (state[col] != LMS_CELL_SHOWN)
		return false;
	state[col] = LMS_CELL_HIDDEN;
	return true;
}

/*
 * What a row gives away across its columns.  Enrolments are participants
 * plus relatives in a course's row (and close to it elsewhere), so when
 * one of the three is hidden, the others are hidden with it; a third left
 * showing would tie the two hidden ones to each other.  The attendances
 * of fewer than k people tell of those people, so they are hidden too.
 * A count of 0 is never hidden: then every "x" stands for k or more, as
 * the columns' reasoning takes it.  Returns true if it hid more.
 */
static bool hide_along_row(const struct lms_agg_row *r, long k,
			   enum lms_cell *state)
{
	static const int linked[] = {
		COL_PARTICIPANTS, COL_RELATIVES, COL_ENROLMENTS
	};
	bool any = false, more = false;
	long people = marked_people(r);

	for (size_t i = 0; i < 3; i++)
		any |= state[linked[i]] != LMS_CELL_SHOWN;
	for (size_t i = 0; i < 3 && any; i++)
		if (count_of(r, linked[i]) > 0)
			more |= hide(state, linked[i]);
	if (people > 0 && people < k && count_of(r, COL_ATTENDANCES) > 0)
		more |= hide(state, COL_ATTENDANCES);
	return more;
}

/* Hides what each column needs hidden, given what is hidden already. */
static void hide_down_columns(const struct lms_agg_row *const *rows, size_t n,
			      const struct lms_agg_row *total, long k,
			      enum lms_cell (*state)[NCOLS],
			      enum lms_cell *total_state)
{
	long *counts = lms_calloc(n, sizeof(long));
	enum lms_cell *col = lms_calloc(n, sizeof(enum lms_cell));

	for (size_t m = 0; m < NCOUNTS; m++) {
		int c = count_cols[m];

		for (size_t i = 0; i < n; i++) {
			counts[i] = count_of(rows[i], c);
			col[i] = state[i][c];
		}
		lms_suppress_column_more(counts, n, count_of(total, c), k, col,
					 &total_state[c]);
		for (size_t i = 0; i < n; i++)
			state[i][c] = col[i];
	}
	free(counts);
	free(col);
}

/* Participants, relatives and enrolments, which add up along rows, made
 * safe against a reader who combines rows and columns (suppress.h). */
static bool hide_linked(const struct lms_agg_row *const *rows, size_t n,
			const struct lms_agg_row *total, long k,
			enum lms_cell (*state)[NCOLS], enum lms_cell *total_state)
{
	static const int linked[3] = {
		COL_PARTICIPANTS, COL_RELATIVES, COL_ENROLMENTS
	};
	long (*counts)[3] = lms_calloc(n + 1, sizeof(*counts));
	enum lms_cell (*cells)[3] = lms_calloc(n + 1, sizeof(*cells));
	long totals[3];
	enum lms_cell total_cells[3];
	bool more;

	for (int c = 0; c < 3; c++) {
		for (size_t i = 0; i < n; i++) {
			counts[i][c] = count_of(rows[i], linked[c]);
			cells[i][c] = state[i][linked[c]];
		}
		totals[c] = count_of(total, linked[c]);
		total_cells[c] = total_state[linked[c]];
	}
	more = lms_suppress_linked((const long (*)[3])counts, cells, n, totals,
				   total_cells, k);
	for (int c = 0; c < 3; c++) {
		for (size_t i = 0; i < n; i++)
			state[i][linked[c]] = cells[i][c];
		total_state[linked[c]] = total_cells[c];
	}
	free(counts);
	free(cells);
	return more;
}

/*
 * The states of the counts of every row: each column is made safe on its
 * own, each row hides what its hidden cells would give away, and so on
 * until neither hides more.  Cells only ever become hidden, so it ends.
 */
static void suppress_all(const struct lms_agg_row *const *rows, size_t n,
			 const struct lms_agg_row *total, long k,
			 enum lms_cell (*state)[NCOLS], enum lms_cell *total_state)
{
	bool more;

	for (size_t c = 0; c < NCOLS; c++) {
		total_state[c] = LMS_CELL_SHOWN;
		for (size_t i = 0; i < n; i++)
			state[i][c] = LMS_CELL_SHOWN;
	}
	do {
		hide_down_columns(rows, n, total, k, state, total_state);
		more = hide_along_row(total, k, total_state);
		for (size_t i = 0; i < n; i++)
			more |= hide_along_row(rows[i], k, state[i]);
		if (!more)
			more = hide_linked(rows, n, total, k, state, total_state);
	} while (more);
}

static void cell_count(struct lms_table *t, long v, enum lms_cell s, long k)
{
	if (s == LMS_CELL_SMALL)
		lms_table_cellf(t, "<%ld", k);
	else if (s == LMS_CELL_HIDDEN)
		lms_table_cell(t, "x");
	else
		lms_table_cellf(t, "%ld", v);
}

/* A figure that rests on base people: hidden with them when few. */
static void cell_figure(struct lms_table *t, double v, size_t base, long k,
			const char *fmt)
{
	if (isnan(v))
		lms_table_cell(t, "");
	else if ((long)base < k)
		lms_table_cell(t, "x");
	else
		lms_table_cellf(t, fmt, v);
}

static void add_row(struct lms_table *t, const struct lms_agg_row *r,
		    const enum lms_cell *state, long k)
{
	double sd = r->pairs > 1 ? sqrt(r->change_m2 / (double)(r->pairs - 1)) :
		    NAN;
	bool pooled;

	lms_table_row(t);
	lms_table_cell(t, r->key);
	lms_table_cellf(t, "%zu", r->courses);
	lms_table_cellf(t, "%zu", r->sessions);
	for (int c = COL_PARTICIPANTS; c <= COL_WAITLISTED; c++)
		cell_count(t, count_of(r, c), state[c], k);
	cell_figure(t, 100 * lms_agg_share(r->completed, r->completed +
					   r->not_completed),
		    r->completed + r->not_completed, k, "%.0f");
	cell_count(t, count_of(r, COL_ATTENDANCES), state[COL_ATTENDANCES], k);
	/* A rate of many marks of few people still tells of those people. */
	cell_figure(t, 100 * lms_agg_share(r->present, r->marked),
		    r->marked_people < r->marked ? r->marked_people : r->marked,
		    k, "%.0f");
	cell_figure(t, lms_agg_median_wait(r), r->ndays, k, "%g");
	lms_table_cellf(t, "%zu", r->ur_courses);
	cell_count(t, count_of(r, COL_PAIRS), state[COL_PAIRS], k);
	/* Pairs of forms that measure differently have no common figure. */
	pooled = r->pairs && !r->pairs_mixed;
	cell_figure(t, pooled ? r->pre_sum / (double)r->pairs : NAN, r->pairs,
		    k, "%.2f");
	cell_figure(t, pooled ? r->post_sum / (double)r->pairs : NAN, r->pairs,
		    k, "%.2f");
	cell_figure(t, pooled ? r->change_mean : NAN, r->pairs, k, "%.2f");
	cell_figure(t, pooled && sd > 0 ? r->change_mean / sd : NAN, r->pairs,
		    k, "%.2f");
}

void lms_agg_table(const struct lms_agg *a, long min_cell, struct lms_table *out)
{
	const char *cols[NCOLS + 1] = {
		NULL, "courses", "sessions", "participants", "relatives",
		"enrolments", "waitlisted", "completion_pct", "attendances",
		"attendance_pct", "wait_days", "user_rep_all_phases", "pairs",
		"before", "after", "change", "d_z", NULL
	};
	const struct lms_agg_row **rows = lms_calloc(a->nrows, sizeof(*rows));
	enum lms_cell (*state)[NCOLS] = lms_calloc(a->nrows ? a->nrows : 1,
						   sizeof(*state));
	enum lms_cell total_state[NCOLS];
	char key[32];

	/* The grouping names the first column: target-group as target_group. */
	snprintf(key, sizeof(key), "%s", lms_group_by_names[a->opt.by]);
	for (char *c = key; *c; c++)
		*c = *c == '-' ? '_' : *c;
	cols[COL_KEY] = key;
	lms_table_init(out, cols);
	for (int c = COL_COURSES; c < NCOLS; c++)
		lms_table_set_numeric(out, (size_t)c);
	for (size_t i = 0; i < a->nrows; i++)
		rows[i] = &a->rows[i];
	lms_array_sort(rows, a->nrows, sizeof(*rows), by_key);
	suppress_all(rows, a->nrows, &a->total, min_cell, state, total_state);
	for (size_t i = 0; i < a->nrows; i++)
		add_row(out, rows[i], state[i], min_cell);
	add_row(out, &a->total, total_state, min_cell);
	out->total_row = true;
	free(rows);
	free(state);
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
	lms_buf_addf(out, "The trees do not share one form '%s': ", a->opt.form);
	for (size_t i = 0; i < a->nforms; i++) {
		const struct lms_agg_form *f = &a->forms[i];

		lms_buf_addf(out, "%s%s scores it as the %s of %zu items from %d "
			     "to %d", i == 0 ? "" : i + 1 < a->nforms ? "; " :
			     "; and ", f->service, f->score == LMS_SCORE_SUM ?
			     "sum" : "mean", f->nitems, f->min, f->max);
	}
	lms_buf_adds(out, ".  The forms differ in their scale, their score or "
		     "their items, so their before, after, change and d_z are "
		     "never pooled: they are shown for groups of one form "
		     "only, and left blank for the others, such as the "
		     "totals.");
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
		err = lms_error(LMS_ENOENT, "no such form: '%s' (no %s)",
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
