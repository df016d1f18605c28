#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "piece.h"
#include "alloc.h"
#include "collate.h"
#include "i18n.h"
#include "municipality.h"

/* TRANSLATORS: a report's columns are named in English by their keys,
 * which YAML and CSV keep; text shows a title in capitals, HTML with
 * spaces for underscores.  The first column names the groups. */
static const char *const key_columns[] = {
	"", N_("course"), N_("municipality"), N_("year"), N_("term"),
	N_("target_group"), N_("topic"), N_("referral"), N_("role"),
	N_("age_band"), N_("facilitator"), NULL
};

/* The table */

double lms_agg_share(size_t part, size_t whole)
{
	return whole ? (double)part / (double)whole : NAN;
}

double lms_agg_median_wait(const struct lms_agg *a,
			   const struct lms_agg_row *r)
{
	return lms_agg_waits_median(a->waits, r == &a->total ?
				    LMS_AGG_TOTAL_ROW : (uint32_t)(r - a->rows));
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
	    !strcmp(key, "(no sessions)") || !strcmp(key, "(not shown)") ||
	    ((a->opt.by == LMS_BY_MUNICIPALITY ||
	      a->opt.by == LMS_BY_AGE_BAND) && !strcmp(key, "unknown")))
		lms_table_cell(t, _(key));
	else if (a->opt.by == LMS_BY_REFERRAL)
		lms_table_cell(t, C_("referral", key));
	else if (a->opt.by == LMS_BY_ROLE)
		lms_table_cell(t, C_("role", key));
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

/* Whether column col of row r holds a rounded piece. */
static bool holds_rounded(const struct lms_agg_row *r, int col)
{
	return r->rounded & LMS_AGG_ROUNDED(col);
}

/* The rest of a row of parts of pieces (a report by referral or age
 * band), which have no figures of what their people did: those are
 * the whole pieces', in the totals. */
static void people_only_rest(struct lms_table *t, const struct lms_agg_row *r,
			     bool marks)
{
	for (int c = LMS_AGG_COL_COMPLETION; c < LMS_AGG_NCOLS; c++)
		if (c == LMS_AGG_COL_UR)
			lms_table_cellf(t, "%zu", r->ur_courses);
		else if (c == LMS_AGG_COL_UR_DECLARED)
			lms_table_cellf(t, "%zu", r->ur_declared);
		else if (c == LMS_AGG_COL_STAFF)
			cell_count(t, r->staff, holds_rounded(r, c), marks);
		else
			lms_table_cell(t, "");
}

static void add_row(struct lms_table *t, const struct lms_agg *a,
		    const struct lms_agg_row *r, bool marks)
{
	double sd = r->pairs > 1 ? sqrt(r->change_m2 / (double)(r->pairs - 1)) :
		    NAN;
	long counts[] = {
		[LMS_AGG_COL_PARTICIPANTS] = r->participants,
		[LMS_AGG_COL_RELATIVES] = r->relatives,
		[LMS_AGG_COL_ENROLMENTS] = r->participants + r->relatives +
					   r->staff,
		[LMS_AGG_COL_WAITLISTED] = r->waitlisted
	};
	bool pooled;

	lms_table_row(t);
	row_label(t, a, r, marks);
	lms_table_cellf(t, "%zu", r->courses);
	lms_table_cellf(t, "%zu", r->sessions);
	for (int c = LMS_AGG_COL_PARTICIPANTS; c <= LMS_AGG_COL_WAITLISTED; c++)
		cell_count(t, counts[c], holds_rounded(r, c), marks);
	if (r->people_only) {
		people_only_rest(t, r, marks);
		return;
	}
	cell_figure(t, 100 * lms_agg_share((size_t)r->completed,
					   (size_t)(r->completed +
						    r->not_completed)),
		    holds_rounded(r, LMS_AGG_COL_COMPLETION), marks, "%.0f");
	cell_count(t, r->present + r->headcount,
		   holds_rounded(r, LMS_AGG_COL_ATTENDANCES), marks);
	cell_figure(t, 100 * lms_agg_share((size_t)r->present,
					   (size_t)r->marked),
		    holds_rounded(r, LMS_AGG_COL_ATTENDANCE), marks, "%.0f");
	cell_figure(t, lms_agg_median_wait(a, r), false, marks, "%g");
	lms_table_cellf(t, "%zu", r->ur_courses);
	cell_count(t, r->paired, holds_rounded(r, LMS_AGG_COL_PAIRS), marks);
	/* Pairs of forms that measure differently have no common figure. */
	pooled = r->pairs && !r->pairs_mixed;
	cell_figure(t, pooled ? r->pre_sum / (double)r->pairs : NAN, false,
		    marks, "%.2f");
	cell_figure(t, pooled ? r->post_sum / (double)r->pairs : NAN, false,
		    marks, "%.2f");
	cell_figure(t, pooled ? r->change_mean : NAN, false, marks, "%.2f");
	cell_figure(t, pooled && sd > 0 ? r->change_mean / sd : NAN, false,
		    marks, "%.2f");
	lms_table_cellf(t, "%zu", r->ur_declared);
	cell_count(t, r->staff, holds_rounded(r, LMS_AGG_COL_STAFF), marks);
}

static void table_init(const struct lms_agg *a, struct lms_table *out)
{
	/* The grouping names the first column: target-group as target_group. */
	const char *cols[LMS_AGG_NCOLS + 1] = {
		*key_columns[a->opt.by] ? _(key_columns[a->opt.by]) : "",
		_("courses"), _("sessions"),
		_("participants"), _("relatives"), _("enrolments"),
		_("waitlisted"), _("completion_pct"), _("attendances"),
		_("attendance_pct"), _("wait_days"), _("user_rep_all_phases"),
		_("pairs"), _("before"), _("after"), _("change"), _("d_z"),
		_("user_rep_all_phases_declared"), _("staff"), NULL
	};

	lms_table_init(out, cols);
	for (int c = LMS_AGG_COL_COURSES; c < LMS_AGG_NCOLS; c++)
		lms_table_set_numeric(out, (size_t)c);
}

/* The rows in the table's order, for the caller to free. */
static const struct lms_agg_row **sorted_rows(const struct lms_agg *a)
{
	const struct lms_agg_row **rows = lms_calloc(a->nrows + 1,
						     sizeof(*rows));

	for (size_t i = 0; i < a->nrows; i++)
		rows[i] = &a->rows[i];
	lms_array_sort(rows, a->nrows, sizeof(*rows),
		       a->opt.by == LMS_BY_TOPIC ? by_word : by_key);
	return rows;
}

/* A table of the figures or of the follow-up: its columns, and how a
 * row is added. */
struct table_kind {
	void (*init)(const struct lms_agg *a, struct lms_table *out);
	void (*add)(struct lms_table *t, const struct lms_agg *a,
		    const struct lms_agg_row *r, bool marks);
};

static const struct table_kind figures_table = { table_init, add_row };

/* The first max rows of a table of kind k, in order, and the totals if
 * asked. */
static void first_rows(const struct table_kind *k, const struct lms_agg *a,
		       bool marks, size_t max, bool total,
		       struct lms_table *out)
{
	const struct lms_agg_row **rows = sorted_rows(a);

	k->init(a, out);
	for (size_t i = 0; i < a->nrows && i < max; i++)
		k->add(out, a, rows[i], marks);
	if (total)
		k->add(out, a, &a->total, marks);
	out->total_row = total;
	lms_free(rows);
}

void lms_agg_table(const struct lms_agg *a, bool marks, struct lms_table *out)
{
	first_rows(&figures_table, a, marks, SIZE_MAX, true, out);
}

void lms_agg_table_first(const struct lms_agg *a, bool marks, size_t max,
			 struct lms_table *out)
{
	first_rows(&figures_table, a, marks, max, false, out);
}

bool lms_agg_table_one(const struct lms_agg *a, const char *key, bool marks,
		       struct lms_table *out)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&a->index, key);

	if (!i)
		return false;
	table_init(a, out);
	add_row(out, a, &a->rows[i - 1], marks);
	return true;
}

/* The follow-up table */

/* Asked at follow-up, of them still in a group, and their share. */
static void add_in_group_cells(struct lms_table *t,
			       const struct lms_agg_row *r, bool marks)
{
	bool asked = r->ref_rounded & LMS_ROUNDED_ASKED;
	bool in = asked || (r->ref_rounded & LMS_ROUNDED_IN_GROUP);

	cell_count(t, r->asked, asked, marks);
	cell_count(t, r->in_group, in, marks);
	cell_figure(t, 100 * lms_agg_share((size_t)r->in_group,
					   (size_t)r->in_group_asked),
		    in, marks, "%.0f");
}

static void add_followup_row(struct lms_table *t, const struct lms_agg *a,
			     const struct lms_agg_row *r, bool marks)
{
	bool ref = r->ref_rounded & LMS_ROUNDED_REFERRED;
	bool kinds = ref || (r->ref_rounded & LMS_ROUNDED_KINDS);

	lms_table_row(t);
	row_label(t, a, r, marks);
	if (r->people_only) {
		for (size_t c = 1; c < t->ncols; c++)
			lms_table_cell(t, "");
		return;
	}
	cell_count(t, r->ref_completed, ref, marks);
	cell_count(t, r->referred, ref, marks);
	cell_figure(t, 100 * lms_agg_share((size_t)r->referred,
					   (size_t)r->ref_completed),
		    ref, marks, "%.0f");
	for (int j = 1; j < LMS_NOFFER_KINDS; j++)
		cell_count(t, r->kind[j], kinds, marks);
	add_in_group_cells(t, r, marks);
}

static void followup_init(const struct lms_agg *a, struct lms_table *out)
{
	/* TRANSLATORS: the columns of the follow-up figures: people who
	 * completed, of them referred on to an offer, their share, and
	 * how many went to each kind of offer; those asked at follow-up,
	 * of them still in a group or offer, and their share. */
	const char *cols[] = {
		*key_columns[a->opt.by] ? _(key_columns[a->opt.by]) : "",
		_("completed"), _("referred"), _("referred_pct"),
		_("self_help_group"), _("healthy_life_centre"),
		_("user_organisation"), _("learning_and_coping_centre"),
		_("other_offer"), _("asked"), _("in_group"),
		_("in_group_pct"), NULL
	};

	lms_table_init(out, cols);
	for (size_t c = 1; cols[c]; c++)
		lms_table_set_numeric(out, c);
}

static const struct table_kind followup_table = {
	followup_init, add_followup_row
};

void lms_agg_followup_table(const struct lms_agg *a, bool marks,
			    struct lms_table *out)
{
	first_rows(&followup_table, a, marks, SIZE_MAX, true, out);
}

/* A table in pieces */

void lms_agg_table_pieces(const struct lms_agg *a, bool marks, bool followup,
			  void (*emit)(const struct lms_table *t, void *arg),
			  void *arg)
{
	const struct table_kind *k = followup ? &followup_table
					      : &figures_table;
	const struct lms_agg_row **rows = sorted_rows(a);
	struct lms_table t;

	k->init(a, &t);
	emit(&t, arg);
	for (size_t i = 0; i < a->nrows; i++) {
		k->add(&t, a, rows[i], marks);
		if (t.nrows == LMS_AGG_PIECE_ROWS) {
			emit(&t, arg);
			lms_table_clear_rows(&t);
		}
	}
	k->add(&t, a, &a->total, marks);
	t.total_row = true;
	emit(&t, arg);
	lms_table_release(&t);
	lms_free(rows);
}
