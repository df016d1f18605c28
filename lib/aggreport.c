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
	lms_doc_section(d, "about", "What the report covers");
	lms_doc_facts(d, "facts");
	lms_doc_fact(d, about->nservices > 1 ? "services" : "service", "%s",
		     names.buf);
	if (a->opt.from != LMS_DATE_NONE)
		lms_date_format(a->opt.from, from);
	if (a->opt.to != LMS_DATE_NONE)
		lms_date_format(a->opt.to, to);
	if (*from || *to)
		lms_doc_fact(d, "courses starting", "%s to %s",
			     *from ? from : "the first", *to ? to : "the last");
	lms_doc_fact(d, "grouped by", "%s", lms_group_by_names[a->opt.by]);
	lms_doc_fact(d, "courses", "%zu", a->total.courses);
	lms_date_format(a->opt.today, today);
	lms_doc_fact(d, "sessions held up to", "%s", today);
	if (a->opt.form)
		lms_doc_fact(d, "self-efficacy form", "%s%s", a->opt.form,
			     a->nforms > 1 ? " (not the same in every tree)" : "");
	lms_buf_reset(&names);
	lms_agg_forms_note(a, &names);
	if (names.len)
		lms_doc_text(d, "forms", "%s", names.buf);
	lms_buf_release(&names);
}

static void legend(struct lms_doc *d, long k)
{
	lms_doc_text(d, "legend", "Participants and relatives are distinct "
		     "people who had a place; enrolments count their places; "
		     "completion is the share who completed of those judged when "
		     "their course closed; attendances count who came, with "
		     "drop-in headcounts; attendance is the share present of "
		     "those marked; wait is the median days from request to the "
		     "first session; before, after and change are the mean "
		     "self-efficacy scores of the pairs and their difference, "
		     "with the effect size d_z.  <%ld: fewer than %ld people; x: "
		     "hidden as well, so that the small counts cannot be worked "
		     "out from the others or from the totals.", k, k);
}

/* A figure of the table, or NAN where the table hides or lacks it. */
static double figure(const struct lms_table *t, size_t row, const char *col)
{
	const char *cell = "";
	char *end;
	double v;

	for (size_t c = 0; c < t->ncols; c++)
		if (!strcmp(t->cols[c], col))
			cell = lms_table_get(t, row, c);
	v = strtod(cell, &end);
	return *cell && !*end ? v : NAN;
}

/* A chart of two columns of the table, group by group. */
struct chart_spec {
	const char *key, *title, *unit, *series[2], *cols[2];
};

static const struct chart_spec chart_specs[] = {
	{ "people", "Participants and relatives", "people",
	  { "participants", "relatives" }, { "participants", "relatives" } },
	{ "completion", "Completion and attendance", "%",
	  { "completion", "attendance" }, { "completion_pct", "attendance_pct" } },
	{ "self-efficacy", "Self-efficacy before and after (mean score of the "
	  "pairs)", "score", { "before", "after" }, { "before", "after" } },
};
#define NCHARTS (sizeof(chart_specs) / sizeof(chart_specs[0]))

/* Groups with a bar: every row but the totals, up to bars, that has a
 * figure the table shows. */
static bool has_bar(const struct lms_table *t, size_t r,
		    const struct chart_spec *s)
{
	return !isnan(figure(t, r, s->cols[0])) ||
	       !isnan(figure(t, r, s->cols[1]));
}

static size_t count_bars(const struct lms_table *t, size_t bars,
			 const struct chart_spec *s)
{
	size_t n = 0;

	for (size_t r = 0; r + 1 < t->nrows && r < bars; r++)
		n += has_bar(t, r, s);
	return n;
}

static void chart(struct lms_doc *d, const struct lms_table *t, size_t bars,
		  const struct chart_spec *s)
{
	char caption[256];
	struct lms_chart *c;

	if (t->nrows > bars + 1)
		snprintf(caption, sizeof(caption), "%s (the first %zu groups)",
			 s->title, bars);
	else
		snprintf(caption, sizeof(caption), "%s", s->title);
	c = lms_doc_chart(d, s->key, caption, s->unit, s->series[0],
			  s->series[1]);
	for (size_t r = 0; r + 1 < t->nrows && r < bars; r++)
		if (has_bar(t, r, s))
			lms_chart_add(c, lms_table_get(t, r, 0),
				      figure(t, r, s->cols[0]),
				      figure(t, r, s->cols[1]));
}

/* The charts that have bars; none, and no section, when nothing shows. */
static void charts(struct lms_doc *d, const struct lms_table *t, size_t bars)
{
	bool section = false;

	for (size_t i = 0; i < NCHARTS; i++) {
		if (!count_bars(t, bars, &chart_specs[i]))
			continue;
		if (!section)
			lms_doc_section(d, "charts", "In pictures");
		section = true;
		chart(d, t, bars, &chart_specs[i]);
	}
}

void lms_agg_report(const struct lms_agg *a, const struct lms_agg_about *about,
		    struct lms_doc *out)
{
	struct lms_table table, for_charts;
	char title[256];

	snprintf(title, sizeof(title), "Report by %s",
		 lms_group_by_names[a->opt.by]);
	lms_doc_init(out, title);
	out->wide = true;
	about_section(out, a, about);
	lms_doc_section(out, "figures", "Figures");
	lms_agg_table(a, about->min_cell, &table);
	lms_doc_add_table(out, "rows", &table);
	legend(out, about->min_cell);
	/* The charts read a table of their own: the document's may move as
	 * the document grows. */
	lms_agg_table(a, about->min_cell, &for_charts);
	charts(out, &for_charts, about->max_bars);
	lms_table_release(&for_charts);
}
