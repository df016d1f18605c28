#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggreport.h"
#include "date.h"

static void about_section(struct lms_doc *d, const struct lms_agg *a,
			  const struct lms_agg_about *about)
{
	struct lms_buf names = LMS_BUF_INIT;
	char from[11] = "", to[11] = "", today[11];

	for (size_t i = 0; i < about->nservices; i++)
		lms_buf_addf(&names, "%s%s", i ? "; " : "", about->services[i]);
	lms_doc_section(d, "about", _("What the report covers"));
	lms_doc_facts(d, "facts");
	lms_doc_fact(d, about->nservices > 1 ? _("services") : _("service"),
		     "%s", names.buf);
	if (a->opt.from != LMS_DATE_NONE)
		lms_i18n_date(a->opt.from, from);
	if (a->opt.to != LMS_DATE_NONE)
		lms_i18n_date(a->opt.to, to);
	/* TRANSLATORS: a period, both days included: "2026-01-01 to
	 * 2026-06-30"; Norwegian writes "01.01.2026–30.06.2026". */
	if (*from && *to)
		lms_doc_fact(d, _("courses starting"), C_("period", "%s to %s"),
			     from, to);
	/* TRANSLATORS: a period with no first day: "the first to
	 * 2026-06-30", in Norwegian "til og med 30.06.2026". */
	else if (*to)
		lms_doc_fact(d, _("courses starting"), _("the first to %s"), to);
	/* TRANSLATORS: a period with no last day: "2026-01-01 to the
	 * last", in Norwegian "fra og med 01.01.2026". */
	else if (*from)
		lms_doc_fact(d, _("courses starting"), _("%s to the last"),
			     from);
	lms_doc_fact(d, _("grouped by"), "%s",
		     C_("group by", lms_group_by_names[a->opt.by]));
	lms_doc_fact(d, _("courses"), "%zu", a->total.courses);
	lms_i18n_date(a->opt.today, today);
	lms_doc_fact(d, _("sessions held up to"), "%s", today);
	if (a->opt.form)
		lms_doc_fact(d, _("self-efficacy form"), "%s%s", a->opt.form,
			     a->nforms > 1 ? _(" (not the same in every tree)") :
			     "");
	lms_buf_reset(&names);
	lms_agg_forms_note(a, &names);
	if (names.len)
		lms_doc_text(d, "forms", "%s", names.buf);
	lms_buf_release(&names);
}

/* Rows of parts of pieces (by referral or age band): what they hold. */
static void parts_legend(struct lms_doc *d, const struct lms_agg *a)
{
	if (a->opt.by == LMS_BY_REFERRAL)
		lms_doc_text(d, "groups", "%s", _("Rows by referral count the "
			     "people of each course by the referral on their "
			     "record; they show counts of people only, and what "
			     "the people did is in the totals."));
	else if (a->opt.by == LMS_BY_AGE_BAND)
		lms_doc_text(d, "groups", "%s", _("Rows by age band count the "
			     "people of each course by the age they reach in the "
			     "year the course starts, from the birth year in the "
			     "register (0-29, 30-49, 50-66, 67-79, 80+, or "
			     "unknown); they show counts of people only, and "
			     "what the people did is in the totals."));
	else
		return;
	if (!a->opt.exact)
		lms_doc_text(d, "parts", _("In each course, the people of one "
			     "municipality and role are split into rows only "
			     "as far as every part shows as it is; the rest, "
			     "and groups of fewer than %ld people, count in the "
			     "row (not shown)."), a->opt.min_cell);
}

static void legend(struct lms_doc *d, const struct lms_agg *a)
{
	long k = a->opt.min_cell;

	/* TRANSLATORS: what the columns of the report mean, by the names
	 * the columns have in the translation. */
	lms_doc_text(d, "legend", "%s", _("Participants and relatives count "
		     "the people of each course (someone on two courses counts "
		     "twice); staff are the service's own people trained on a "
		     "course, counted apart; enrolments are the three together; "
		     "completion is the share who completed of those judged "
		     "when their course "
		     "closed; attendances count who came, with drop-in "
		     "headcounts; attendance is the share present of those "
		     "marked; wait is the median days from request to the first "
		     "session; before, after and change are the mean "
		     "self-efficacy scores of the pairs and their difference, "
		     "with the effect size d_z."));
	/* TRANSLATORS: the two columns of user participation, by the names
	 * they have in the translation. */
	lms_doc_text(d, "participation", "%s", _("user_rep_all_phases counts "
		     "the courses where user representatives took part in "
		     "planning, delivery and evaluation as it happened: "
		     "sessions led and meetings recorded (lms meeting); "
		     "user_rep_all_phases_declared counts those where the "
		     "plan declares them for all three."));
	parts_legend(d, a);
	if (a->opt.exact)
		lms_doc_text(d, "protection", "%s", _("These are exact figures, "
			     "for the service's own use: small numbers are not "
			     "protected, so the report is not for sharing."));
	else
		lms_doc_text(d, "protection", _("Small numbers are "
			     "protected: in each course, a group of fewer than "
			     "%ld people from one municipality counts as 0 or "
			     "%ld people, by a fixed draw, so that no "
			     "combination of reports can tell how many it had; "
			     "such a "
			     "group's attendance, completion, waits and answers "
			     "are left out.  Figures marked \xe2\x89\x88 "
			     "include such a group."), k, k);
}

/* A figure of the table, or NAN where the table lacks it; *rounded says
 * whether it is marked as holding a rounded piece. */
static double figure(const struct lms_table *t, size_t row, const char *col,
		     bool *rounded)
{
	const char *cell = "";
	char *end;
	double v;

	for (size_t c = 0; c < t->ncols; c++)
		if (!strcmp(t->cols[c], _(col)))
			cell = lms_table_get(t, row, c);
	*rounded = !strncmp(cell, LMS_ROUNDED_MARK,
			    strlen(LMS_ROUNDED_MARK));
	if (*rounded)
		cell += strlen(LMS_ROUNDED_MARK);
	v = strtod(cell, &end);
	return *cell && !*end ? v : NAN;
}

/* A chart of two columns of the table, group by group. */
struct chart_spec {
	const char *key, *title, *unit, *series[2], *cols[2];
};

/* Titles and series are translated where they are drawn; the columns
 * are found by their titles in the language (see lms_agg_table). */
static const struct chart_spec chart_specs[] = {
	{ "people", N_("Participants and relatives"), "people",
	  { N_("participants"), N_("relatives") },
	  { "participants", "relatives" } },
	{ "completion", N_("Completion and attendance"), "%",
	  { N_("completion"), N_("attendance") },
	  { "completion_pct", "attendance_pct" } },
	{ "self-efficacy", N_("Self-efficacy before and after (mean score of "
	  "the pairs)"), "score", { N_("before"), N_("after") },
	  { "before", "after" } },
};
#define NCHARTS (sizeof(chart_specs) / sizeof(chart_specs[0]))

/* Groups with a bar: every row of t (the first bars groups, no totals:
 * lms_agg_table_first) that has a figure the table shows. */
static bool has_bar(const struct lms_table *t, size_t r,
		    const struct chart_spec *s)
{
	bool rounded;

	return !isnan(figure(t, r, s->cols[0], &rounded)) ||
	       !isnan(figure(t, r, s->cols[1], &rounded));
}

static size_t count_bars(const struct lms_table *t,
			 const struct chart_spec *s)
{
	size_t n = 0;

	for (size_t r = 0; r < t->nrows; r++)
		n += has_bar(t, r, s);
	return n;
}

/* groups: how many the report has, of which t holds the first bars. */
static void chart(struct lms_doc *d, const struct lms_table *t, size_t bars,
		  size_t groups, const struct chart_spec *s)
{
	char caption[256];
	struct lms_chart *c;

	if (groups > bars)
		snprintf(caption, sizeof(caption),
			 _("%s (the first %zu groups)"), _(s->title), bars);
	else
		snprintf(caption, sizeof(caption), "%s", _(s->title));
	c = lms_doc_chart(d, s->key, caption, s->unit, _(s->series[0]),
			  s->series[1] ? _(s->series[1]) : NULL);
	for (size_t r = 0; r < t->nrows; r++) {
		bool rounded[2];
		double v[2];

		if (!has_bar(t, r, s))
			continue;
		for (int i = 0; i < 2; i++)
			v[i] = figure(t, r, s->cols[i], &rounded[i]);
		lms_chart_add_approx(c, lms_table_get(t, r, 0), v[0], v[1],
				     rounded[0], rounded[1]);
	}
}

/* The charts that have bars; none, and no section, when nothing shows. */
static void charts(struct lms_doc *d, const struct lms_table *t, size_t bars,
		   size_t groups)
{
	bool section = false;

	for (size_t i = 0; i < NCHARTS; i++) {
		if (!count_bars(t, &chart_specs[i]))
			continue;
		if (!section)
			lms_doc_section(d, "charts", _("In pictures"));
		section = true;
		chart(d, t, bars, groups, &chart_specs[i]);
	}
}

/* A table of every row, made a piece at a time as the document is
 * rendered: at 53,500 courses, held whole as a table and as its text,
 * it took a report by course past 64 MiB. */
struct rows_of {
	const struct lms_agg *a;
	bool marks, followup;
};

static void rows_pieces(const void *source, lms_table_piece_fn *each,
			void *arg)
{
	const struct rows_of *r = source;

	lms_agg_table_pieces(r->a, r->marks, r->followup, each, arg);
}

static void add_rows(struct lms_doc *d, const char *key,
		     const struct lms_agg *a, bool marks, bool followup)
{
	const struct rows_of r = { a, marks, followup };

	lms_doc_table_pieces(d, key, rows_pieces, &r, sizeof(r));
}

/* Referred on after the course: once a tree keeps offers, so that
 * whether the section is there tells nothing of the people. */
static void followup_section(struct lms_doc *d, const struct lms_agg *a,
			     const struct lms_agg_about *about)
{
	if (!a->offers)
		return;
	lms_doc_section(d, "followup", _("After the course"));
	add_rows(d, "followup", a, about->marks, true);
	lms_doc_text(d, "followup_legend", "%s", _("Of those who completed, "
		     "how many were referred on to an offer of offers.yaml "
		     "(lms course close --follow-up), and to which kind; how "
		     "many were asked at follow-up, and how many of them were "
		     "still in a group or offer (lms followup record).  A "
		     "course whose completion is not shown exactly shows "
		     "neither."));
}

/* The user representatives' own evaluation, apart from the rest; not
 * even its section when nothing of it shows. */
static void own_section(struct lms_doc *d, const struct lms_agg *a,
			bool marks)
{
	struct lms_table table;

	if (!a->own.responses)
		return;
	lms_doc_section(d, "facilitator-evaluation",
			_("The user representatives' own evaluation"));
	lms_doc_facts(d, "facts");
	lms_doc_fact(d, _("responses"), "%s%ld",
		     a->own.rounded && marks ? LMS_ROUNDED_MARK : "",
		     a->own.responses);
	lms_agg_own_table(a, &table);
	lms_doc_add_table(d, "items", &table);
	if (a->opt.exact)
		lms_doc_text(d, "legend", "%s", _("The user representatives' "
			     "answers to their own form, about planning, "
			     "delivering and evaluating the courses, kept apart "
			     "from the participants': the mean of each item."));
	else
		lms_doc_text(d, "legend", _("The user representatives' answers "
			     "to their own form, about planning, delivering and "
			     "evaluating the courses, kept apart from the "
			     "participants'.  A course's responses count as 0 "
			     "or %ld when they are fewer than %ld, by a fixed "
			     "draw, and what they answered is left out; an "
			     "item's mean is shown when %ld answers or more "
			     "make it."), a->opt.min_cell, a->opt.min_cell,
			     a->opt.min_cell);
}

void lms_agg_report(const struct lms_agg *a, const struct lms_agg_about *about,
		    struct lms_doc *out)
{
	struct lms_table for_charts;
	char title[256];

	/* TRANSLATORS: "Report by course", "by municipality" ... */
	snprintf(title, sizeof(title), _("Report by %s"),
		 C_("group by", lms_group_by_names[a->opt.by]));
	lms_doc_init(out, title);
	if (a->opt.exact)
		lms_doc_notice(out, _(LMS_INTERNAL_NOTICE));
	out->wide = true;
	about_section(out, a, about);
	lms_doc_section(out, "figures", _("Figures"));
	add_rows(out, "rows", a, about->marks, false);
	legend(out, a);
	/* The charts read a table of their own, marked, of the groups they
	 * show: the document's may move as the document grows. */
	lms_agg_table_first(a, true, about->max_bars, &for_charts);
	charts(out, &for_charts, about->max_bars, a->nrows);
	lms_table_release(&for_charts);
	followup_section(out, a, about);
	own_section(out, a, about->marks);
}

bool lms_agg_report_one(const struct lms_agg *a, const char *key,
			const char *title, const struct lms_agg_about *about,
			struct lms_doc *out)
{
	struct lms_table table;
	char today[11];

	if (!lms_agg_table_one(a, key, about->marks, &table))
		return false;
	lms_doc_init(out, title);
	out->wide = true;
	lms_doc_section(out, "about", _("What the report covers"));
	lms_doc_facts(out, "facts");
	if (about->nservices)
		lms_doc_fact(out, _("service"), "%s", about->services[0]);
	lms_doc_fact(out, _("course"), "%s", key);
	lms_i18n_date(a->opt.today, today);
	lms_doc_fact(out, _("sessions held up to"), "%s", today);
	lms_doc_section(out, "figures", _("Figures"));
	lms_doc_add_table(out, "rows", &table);
	legend(out, a);
	return true;
}
