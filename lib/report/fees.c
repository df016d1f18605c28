#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggreport.h"
#include "alloc.h"
#include "date.h"
#include "error.h"
#include "fees.h"
#include "i18n.h"

/* What this facilitator is on this course. */
static int course_kind(const struct lms_course *c,
		       const struct lms_facilitator *entry)
{
	return entry ? lms_course_facilitator_kind(c, entry, entry->id) : 0;
}

static bool is_paid(const struct lms_fee_rates *rates,
		    const struct lms_course *c,
		    const struct lms_facilitator *entry)
{
	if (!entry || entry->fee == 0)
		return false;
	return rates->to == LMS_FEES_TO_ALL ||
	       course_kind(c, entry) == LMS_USER_REPRESENTATIVE;
}

static int session_minutes(const struct lms_session *s)
{
	if (s->start == LMS_TIME_NONE || s->end == LMS_TIME_NONE ||
	    s->end <= s->start)
		return 0;
	return s->end - s->start;
}

/* A session led: the fee per session and per hour, and travel. */
static void session_item(const struct lms_fee_rates *rates,
			 const struct lms_course *c,
			 const struct lms_session *s,
			 struct lms_fee_item *it)
{
	const struct lms_facilitator *e = it->entry;

	it->course = c;
	it->date = s->date;
	it->minutes = session_minutes(s);
	it->paid = is_paid(rates, c, e);
	it->fee = it->travel = 0;
	if (!it->paid)
		return;
	it->fee = rates->per_session.ore +
		  /* Rounded to the nearest øre, half up. */
		  (rates->per_hour.ore * it->minutes + 30) / 60;
	it->travel = e->travel.given ? e->travel.ore : rates->travel.ore;
}

/*
 * A meeting attended: its hours at the hourly rate, and no more, since
 * per_session and travel are for sessions led (lms-files(5)).
 */
static void meeting_item(const struct lms_fee_rates *rates,
			 const struct lms_course *c,
			 const struct lms_meeting *m,
			 struct lms_fee_item *it)
{
	it->course = c;
	it->meeting = true;
	it->date = m->date;
	/* At most 24 hours: the minutes are exact enough as an int. */
	it->minutes = (int)(lms_meeting_hours(m) * 60 + 0.5);
	it->paid = is_paid(rates, c, it->entry);
	it->fee = it->travel = 0;
	if (it->paid)
		it->fee = (rates->per_hour.ore * it->minutes + 30) / 60;
}

static void each_meeting(const struct lms_fee_rates *rates,
			 const struct lms_facilitator *reg, size_t nreg,
			 const struct lms_course *c,
			 const struct lms_meetings *m, lms_fee_fn *fn,
			 void *arg)
{
	for (size_t i = 0; m && i < m->n; i++) {
		for (size_t k = 0; k < m->v[i].nwith; k++) {
			struct lms_fee_item it = { 0 };

			it.facilitator = m->v[i].with[k];
			it.entry = lms_facilitator_find(reg, nreg,
							it.facilitator);
			meeting_item(rates, c, &m->v[i], &it);
			fn(&it, arg);
		}
	}
}

void lms_fees_each(const struct lms_fee_rates *rates,
		   const struct lms_facilitator *reg, size_t nreg,
		   const struct lms_course *c, const struct lms_meetings *m,
		   lms_fee_fn *fn, void *arg)
{
	if (c->status == LMS_COURSE_CANCELLED)
		return;
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];
		const char *id;

		for (size_t k = 0; (id = lms_session_leader(c, s, k)); k++) {
			struct lms_fee_item it = { 0 };

			it.facilitator = id;
			it.entry = lms_facilitator_find(reg, nreg, id);
			session_item(rates, c, s, &it);
			fn(&it, arg);
		}
	}
	each_meeting(rates, reg, nreg, c, m, fn, arg);
}

/* The work of a period */

void lms_fees_init(struct lms_fees *f, int32_t from, int32_t to)
{
	memset(f, 0, sizeof(*f));
	f->from = from;
	f->to = to;
}

static void row_release(struct lms_fee_row *r)
{
	lms_free(r->facilitator);
	lms_free(r->name);
	lms_free(r->course);
}

void lms_fees_release(struct lms_fees *f)
{
	for (size_t i = 0; i < f->nrows; i++)
		row_release(&f->rows[i]);
	lms_free(f->rows);
	f->rows = NULL;
	f->nrows = 0;
}

struct adding {
	struct lms_fees *f;
	size_t first;			/* the first row of this course */
};

static void add_item(const struct lms_fee_item *it, void *arg)
{
	struct adding *a = arg;
	struct lms_fees *f = a->f;
	struct lms_fee_row *r = NULL;

	if ((f->from != LMS_DATE_NONE && it->date < f->from) ||
	    (f->to != LMS_DATE_NONE && it->date > f->to))
		return;
	/* A course's rows are together: only they can be this one. */
	for (size_t i = a->first; i < f->nrows && !r; i++)
		if (!strcmp(f->rows[i].facilitator, it->facilitator))
			r = &f->rows[i];
	if (!r) {
		r = lms_array_push(&f->rows, &f->nrows, sizeof(*r));
		memset(r, 0, sizeof(*r));
		r->facilitator = lms_strdup(it->facilitator);
		r->name = it->entry ? lms_strdup(it->entry->name) : NULL;
		r->course = lms_strdup(it->course->id);
	}
	r->paid |= it->paid;
	if (it->meeting)
		r->meetings++;
	else
		r->sessions++;
	r->minutes += it->minutes;
	r->fee += it->fee;
	r->travel += it->travel;
}

void lms_fees_add_course(struct lms_fees *f, const struct lms_fee_rates *rates,
			 const struct lms_facilitator *reg, size_t nreg,
			 const struct lms_course *c,
			 const struct lms_meetings *m)
{
	struct adding a = { f, f->nrows };

	lms_fees_each(rates, reg, nreg, c, m, add_item, &a);
}

static int by_person_course(const void *pa, const void *pb)
{
	const struct lms_fee_row *a = pa, *b = pb;
	int d = strcmp(a->facilitator, b->facilitator);

	return d ? d : strcmp(a->course, b->course);
}

void lms_fees_finish(struct lms_fees *f)
{
	struct lms_fee_row *rows = f->rows;
	size_t n = f->nrows;

	lms_array_sort(rows, n, sizeof(*rows), by_person_course);
	f->rows = NULL;
	f->nrows = 0;
	for (size_t i = 0; i < n; i++) {
		struct lms_fee_row *total;

		*(struct lms_fee_row *)lms_array_push(&f->rows, &f->nrows,
						      sizeof(*rows)) = rows[i];
		if (i + 1 < n && !strcmp(rows[i].facilitator,
					 rows[i + 1].facilitator))
			continue;
		total = lms_array_push(&f->rows, &f->nrows, sizeof(*total));
		memset(total, 0, sizeof(*total));
		total->facilitator = lms_strdup(rows[i].facilitator);
		total->name = rows[i].name ? lms_strdup(rows[i].name) : NULL;
		for (size_t j = f->nrows - 1; j-- > 0 &&
		     f->rows[j].course &&
		     !strcmp(f->rows[j].facilitator, total->facilitator);) {
			const struct lms_fee_row *r = &f->rows[j];

			total->paid |= r->paid;
			total->sessions += r->sessions;
			total->meetings += r->meetings;
			total->minutes += r->minutes;
			total->fee += r->fee;
			total->travel += r->travel;
		}
	}
	lms_free(rows);
}

/* Each course of the tree and its meetings, loaded one at a time, with
 * the registry. */
typedef void course_fn(const struct lms_fee_rates *rates,
		       const struct lms_facilitator *reg, size_t nreg,
		       const struct lms_course *c,
		       const struct lms_meetings *m, void *arg);

/* A course and its meetings; on an error, neither. */
static int load_course(struct lms_tree *t, const char *id,
		       struct lms_course *c, struct lms_meetings *m)
{
	int err = lms_tree_load_course(t, id, c, NULL);

	if (err)
		return err;
	if ((err = lms_tree_load_meetings(t, id, m)))
		lms_course_release(c);
	return err;
}

static int with_registry(struct lms_tree *t,
			 const struct lms_facilitator *reg, size_t nreg,
			 bool skip_broken, course_fn *fn, void *arg)
{
	size_t n = 0;
	char **ids = NULL;
	int err = lms_tree_course_ids(t, &ids, &n);

	for (size_t i = 0; i < n && !err; i++) {
		struct lms_course c;
		struct lms_meetings m;

		if ((err = load_course(t, ids[i], &c, &m))) {
			if (skip_broken)
				err = 0;
			continue;
		}
		fn(&t->service.fees, reg, nreg, &c, &m, arg);
		lms_meetings_release(&m);
		lms_course_release(&c);
	}
	lms_strings_free(ids, n);
	return err;
}

static int each_course(struct lms_tree *t, course_fn *fn, void *arg)
{
	struct lms_facilitator *reg = NULL;
	size_t nreg = 0;
	int err = lms_tree_load_facilitators(t, &reg, &nreg, NULL);

	if (!err)
		err = with_registry(t, reg, nreg, false, fn, arg);
	lms_facilitators_free(reg, nreg);
	return err;
}

static void fees_course(const struct lms_fee_rates *rates,
			const struct lms_facilitator *reg, size_t nreg,
			const struct lms_course *c,
			const struct lms_meetings *m, void *arg)
{
	lms_fees_add_course(arg, rates, reg, nreg, c, m);
}

int lms_fees_tree(struct lms_fees *f, struct lms_tree *t)
{
	int err = each_course(t, fees_course, f);

	if (!err)
		lms_fees_finish(f);
	return err;
}

int lms_fees_term(const char *s, int32_t *from, int32_t *to)
{
	size_t len = strlen(s);
	char half = len == 5 ? s[4] : '\0';
	int year = 0;

	for (size_t i = 0; i < 4 && len == 5; i++)
		year = s[i] >= '0' && s[i] <= '9' ? year * 10 + s[i] - '0' : -1;
	if (len != 5 || year < 1900 || !strchr("VvHh", half) || !half)
		return lms_error(LMS_EUSAGE, _("--term: '%s' is not a term: "
				 "give the year and V (spring) or H (autumn), "
				 "such as 2026H"), s);
	*from = lms_date_from_ymd(year, half == 'V' || half == 'v' ? 1 : 7, 1);
	*to = lms_date_from_ymd(year, half == 'V' || half == 'v' ? 6 : 12,
				half == 'V' || half == 'v' ? 30 : 31);
	return 0;
}

/* The tables */

static void money_cell(struct lms_table *t, int64_t ore)
{
	char s[32];

	lms_money_format(ore, s);
	lms_table_cell(t, s);
}

/* Hours with two decimals, rounded half up: 1.50, 1.67. */
static void hours_cell(struct lms_table *t, long minutes)
{
	long hundredths = (minutes * 100 + 30) / 60;

	lms_table_cellf(t, "%ld.%02ld", hundredths / 100, hundredths % 100);
}

/* The figures, with the meetings beside the sessions for people and
 * last for scripts (lms_fees_report_table). */
static void figures(struct lms_table *t, const struct lms_fee_row *r,
		    bool machine)
{
	lms_table_cellf(t, "%zu", r->sessions);
	if (!machine)
		lms_table_cellf(t, "%zu", r->meetings);
	hours_cell(t, r->minutes);
	money_cell(t, r->fee);
	money_cell(t, r->travel);
	money_cell(t, r->fee + r->travel);
	if (machine)
		lms_table_cellf(t, "%zu", r->meetings);
}

static void report_init(struct lms_table *out, bool machine)
{
	/* TRANSLATORS: the columns of lms report --by facilitator; CSV and
	 * TSV keep them in English. */
	const char *const people[] = {
		_("facilitator"), _("name"), _("course"), _("sessions"),
		_("meetings"), _("hours"), _("fee"), _("travel"), _("total"),
		NULL
	};
	static const char *const scripts[] = {
		"facilitator", "name", "course", "sessions", "hours", "fee",
		"travel", "total", "meetings", NULL
	};

	lms_table_init(out, machine ? scripts : people);
	for (size_t c = 3; c < 9; c++)
		lms_table_set_numeric(out, c);
}

static void report_row(struct lms_table *out, const struct lms_fee_row *r,
		       bool machine)
{
	lms_table_row(out);
	lms_table_cell(out, r->facilitator);
	lms_table_cell(out, r->name);
	lms_table_cell(out, r->course ? r->course : _("all courses"));
	figures(out, r, machine);
}

void lms_fees_report_table(const struct lms_fees *f, bool machine,
			   struct lms_table *out)
{
	report_init(out, machine);
	for (size_t i = 0; i < f->nrows; i++)
		report_row(out, &f->rows[i], machine);
}

void lms_fees_report_pieces(const struct lms_fees *f, bool machine,
			    lms_table_piece_fn *each, void *arg)
{
	struct lms_table t;

	report_init(&t, machine);
	each(&t, arg);
	for (size_t i = 0; i < f->nrows; i++) {
		report_row(&t, &f->rows[i], machine);
		if (t.nrows == LMS_FEES_PIECE_ROWS || i + 1 == f->nrows) {
			each(&t, arg);
			lms_table_clear_rows(&t);
		}
	}
	lms_table_release(&t);
}

void lms_fees_export_table(const struct lms_fees *f, struct lms_table *out)
{
	static const char *const cols[] = {
		"facilitator", "name", "course", "from", "to", "sessions",
		"hours", "fee", "travel", "total", "meetings", NULL
	};
	char from[11] = "", to[11] = "";

	lms_table_init(out, cols);
	for (size_t c = 5; c < 11; c++)
		lms_table_set_numeric(out, c);
	if (f->from != LMS_DATE_NONE)
		lms_date_format(f->from, from);
	if (f->to != LMS_DATE_NONE)
		lms_date_format(f->to, to);
	for (size_t i = 0; i < f->nrows; i++) {
		const struct lms_fee_row *r = &f->rows[i];

		/* Payroll pays people for courses: not the totals, nor those
		 * the service does not pay. */
		if (!r->course || !r->paid)
			continue;
		lms_table_row(out);
		lms_table_cell(out, r->facilitator);
		lms_table_cell(out, r->name);
		lms_table_cell(out, r->course);
		lms_table_cell(out, *from ? from : NULL);
		lms_table_cell(out, *to ? to : NULL);
		figures(out, r, true);
	}
}

/* The period of the sessions and meetings. */
static void period_fact(struct lms_doc *d, int32_t from, int32_t to)
{
	char a[11] = "", b[11] = "";

	if (from != LMS_DATE_NONE)
		lms_i18n_date(from, a);
	if (to != LMS_DATE_NONE)
		lms_i18n_date(to, b);
	if (*a && *b)
		lms_doc_fact(d, _("period"), C_("period", "%s to %s"), a, b);
	else if (*b)
		lms_doc_fact(d, _("period"), _("the first to %s"), b);
	else if (*a)
		lms_doc_fact(d, _("period"), _("%s to the last"), a);
}

static void rate_fact(struct lms_doc *d, const char *name,
		      const struct lms_amount *a)
{
	struct lms_buf b = LMS_BUF_INIT;

	if (!a->given)
		return;
	lms_money_add_shown(&b, a->ore);
	/* TRANSLATORS: an amount: "250.00 kroner". */
	lms_doc_fact(d, name, _("%s kroner"), b.buf);
	lms_buf_release(&b);
}

static void rows_pieces(const void *source, lms_table_piece_fn *each,
			void *arg)
{
	lms_fees_report_pieces(*(const struct lms_fees *const *)source, false,
			       each, arg);
}

void lms_fees_report(const struct lms_fees *f, const struct lms_service *s,
		     struct lms_doc *out)
{
	const struct lms_fee_rates *r = &s->fees;
	char title[256];

	snprintf(title, sizeof(title), _("Report by %s"),
		 C_("group by", "facilitator"));
	lms_doc_init(out, title);
	lms_doc_notice(out, _(LMS_INTERNAL_NOTICE));
	lms_doc_section(out, "about", _("What the report covers"));
	lms_doc_facts(out, "facts");
	lms_doc_fact(out, _("service"), "%s", s->name);
	period_fact(out, f->from, f->to);
	rate_fact(out, _("per session"), &r->per_session);
	rate_fact(out, _("per hour"), &r->per_hour);
	rate_fact(out, _("travel per session"), &r->travel);
	rate_fact(out, _("yearly limit"), &r->yearly_limit);
	lms_doc_fact(out, _("fees to"), "%s", r->to == LMS_FEES_TO_ALL ?
		     _("every facilitator") : _("user representatives"));
	lms_doc_section(out, "figures", _("Figures"));
	lms_doc_table_pieces(out, "rows", rows_pieces, &f, sizeof(f));
	lms_doc_text(out, "legend", "%s", _("Sessions led, as the courses "
		     "plan them, those to come included, and meetings attended, "
		     "with the hours of both; meetings are paid by the hour "
		     "alone. The figures are of the facilitators' work, not "
		     "counts of participants: they are exact, and name people "
		     "and what they are paid."));
}

/* Years */

struct years {
	struct lms_fee_years *y;
	int32_t today;
};

static void add_year(const struct lms_fee_item *it, void *arg)
{
	struct years *a = arg;
	struct lms_fee_year *y = NULL;
	int year, m, d;

	if (!it->paid)
		return;
	lms_date_to_ymd(it->date, &year, &m, &d);
	for (size_t i = 0; i < a->y->n && !y; i++)
		if (a->y->v[i].year == year &&
		    !strcmp(a->y->v[i].facilitator, it->facilitator))
			y = &a->y->v[i];
	if (!y) {
		y = lms_array_push(&a->y->v, &a->y->n, sizeof(*y));
		memset(y, 0, sizeof(*y));
		y->facilitator = lms_strdup(it->facilitator);
		y->year = year;
	}
	y->all += it->fee + it->travel;
	if (it->date <= a->today)
		y->held += it->fee + it->travel;
}

void lms_fee_years_add_course(struct lms_fee_years *y,
			      const struct lms_fee_rates *rates,
			      const struct lms_facilitator *reg, size_t nreg,
			      const struct lms_course *c,
			      const struct lms_meetings *m, int32_t today)
{
	struct years a = { y, today };

	lms_fees_each(rates, reg, nreg, c, m, add_year, &a);
}

void lms_fee_years_release(struct lms_fee_years *y)
{
	for (size_t i = 0; i < y->n; i++)
		lms_free(y->v[i].facilitator);
	lms_free(y->v);
	y->v = NULL;
	y->n = 0;
}

static int by_person_year(const void *pa, const void *pb)
{
	const struct lms_fee_year *a = pa, *b = pb;
	int d = strcmp(a->facilitator, b->facilitator);

	return d ? d : (a->year > b->year) - (a->year < b->year);
}

struct years_tree {
	struct lms_fee_years *y;
	int32_t today;
};

static void years_course(const struct lms_fee_rates *rates,
			 const struct lms_facilitator *reg, size_t nreg,
			 const struct lms_course *c,
			 const struct lms_meetings *m, void *arg)
{
	struct years_tree *a = arg;

	lms_fee_years_add_course(a->y, rates, reg, nreg, c, m, a->today);
}

int lms_fee_years_tree(struct lms_fee_years *y, struct lms_tree *t,
		       int32_t today)
{
	struct years_tree a = { y, today };
	int err;

	/* Without a limit there is nothing to warn of. */
	if (!t->service.fees.yearly_limit.given)
		return 0;
	err = each_course(t, years_course, &a);
	lms_array_sort(y->v, y->n, sizeof(*y->v), by_person_year);
	return err;
}

void lms_fee_years_check(struct lms_fee_years *y, struct lms_tree *t,
			 const struct lms_facilitator *reg, size_t nreg,
			 int32_t today)
{
	struct years_tree a = { y, today };

	with_registry(t, reg, nreg, true, years_course, &a);
	lms_array_sort(y->v, y->n, sizeof(*y->v), by_person_year);
}

struct changed_walk {
	struct years_tree years;
	const struct lms_course *changed;
};

static void other_course(const struct lms_fee_rates *rates,
			 const struct lms_facilitator *reg, size_t nreg,
			 const struct lms_course *c,
			 const struct lms_meetings *m, void *arg)
{
	struct changed_walk *w = arg;

	if (strcmp(c->id, w->changed->id))
		years_course(rates, reg, nreg, c, m, &w->years);
}

static bool has_year(const struct lms_fee_years *y, const char *id, int year)
{
	for (size_t i = 0; i < y->n; i++)
		if (y->v[i].year == year && !strcmp(y->v[i].facilitator, id))
			return true;
	return false;
}

/* Keeps of y the years that mine has. */
static void keep_years(struct lms_fee_years *y, const struct lms_fee_years *mine)
{
	size_t n = 0;

	for (size_t i = 0; i < y->n; i++) {
		if (has_year(mine, y->v[i].facilitator, y->v[i].year))
			y->v[n++] = y->v[i];
		else
			lms_free(y->v[i].facilitator);
	}
	y->n = n;
}

int lms_fee_years_changed(struct lms_fee_years *y, struct lms_tree *t,
			  const struct lms_course *changed, int32_t today)
{
	const struct lms_fee_rates *rates = &t->service.fees;
	struct changed_walk w = { { y, today }, changed };
	struct lms_fee_years mine = { NULL, 0 };
	struct lms_facilitator *reg = NULL;
	struct lms_meetings m = { NULL, 0 };
	size_t nreg = 0;
	int err;

	if (!rates->yearly_limit.given)
		return 0;
	if ((err = lms_tree_load_facilitators(t, &reg, &nreg, NULL)))
		return err;
	err = with_registry(t, reg, nreg, true, other_course, &w);
	/* Its meetings as recorded (none for a new course); a file that
	 * does not load is passed by, as a course is. */
	if (lms_tree_load_meetings(t, changed->id, &m))
		lms_meetings_release(&m);
	lms_fee_years_add_course(y, rates, reg, nreg, changed, &m, today);
	lms_fee_years_add_course(&mine, rates, reg, nreg, changed, &m, today);
	keep_years(y, &mine);
	lms_fee_years_release(&mine);
	lms_meetings_release(&m);
	lms_facilitators_free(reg, nreg);
	lms_array_sort(y->v, y->n, sizeof(*y->v), by_person_year);
	return err;
}

bool lms_fee_year_over(const struct lms_fee_rates *rates,
		       const struct lms_fee_year *y, struct lms_buf *out)
{
	struct lms_buf sum = LMS_BUF_INIT, limit = LMS_BUF_INIT;
	bool held;

	if (!rates->yearly_limit.given || y->all <= rates->yearly_limit.ore)
		return false;
	held = y->held > rates->yearly_limit.ore;
	lms_money_add_shown(&sum, held ? y->held : y->all);
	lms_money_add_shown(&limit, rates->yearly_limit.ore);
	if (held)
		lms_buf_addf(out, _("facilitator '%s': fees of %s kroner in %d "
				    "pass the yearly limit of %s kroner"),
			     y->facilitator, sum.buf, y->year, limit.buf);
	else
		lms_buf_addf(out, _("facilitator '%s': fees of %s kroner in %d, "
				    "planned sessions and meetings included, would pass the "
				    "yearly limit of %s kroner"),
			     y->facilitator, sum.buf, y->year, limit.buf);
	lms_buf_release(&sum);
	lms_buf_release(&limit);
	return true;
}
