#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "coursereport.h"
#include "alloc.h"
#include "date.h"
#include "i18n.h"
#include "score.h"

/* What the report reads of a course's data, as the sections take it. */
struct report_of {
	const struct lms_course *course;
	const struct lms_facilitator *facilitators;
	size_t nfacilitators;
	const struct lms_enrolments *enrolments;
	const struct lms_attendance *attendance;
	const struct lms_evaluations *evaluations;
	const struct lms_form *forms;		/* those the course uses */
	size_t nforms;
	const struct lms_evaluations *own;	/* the facilitators' */
	long min_cell;
};

/* Numbers as people read them; "" for what cannot be computed. */
static void num(char *out, size_t size, double v, int decimals)
{
	if (isnan(v))
		snprintf(out, size, "-");
	else
		snprintf(out, size, "%.*f", decimals, v);
}

static void p_value(char *out, size_t size, double p)
{
	if (isnan(p))
		snprintf(out, size, "-");
	else if (p < 0.001)
		snprintf(out, size, "<0.001");
	else
		snprintf(out, size, "%.3f", p);
}

static void course_section(struct lms_doc *d, const struct report_of *f)
{
	/* TRANSLATORS: the columns of the course's facilitators. */
	const char *const cols[] = { _("name"), _("kind"), _("phases"), NULL };
	const struct lms_course *c = f->course;
	struct lms_table *t;
	char first[11], last[11];

	lms_doc_section(d, "course", _("The course"));
	lms_doc_facts(d, "facts");
	lms_doc_fact(d, _("course"), "%s", c->id);
	lms_doc_fact(d, _("status"), "%s",
		     C_("course status", lms_status_names[c->status]));
	if (c->nsessions) {
		lms_i18n_date(lms_course_first_date(c), first);
		lms_i18n_date(lms_course_last_date(c), last);
		/* TRANSLATORS: "4, 2026-09-07 to 2026-09-28": the number of
		 * sessions, the first and the last; in Norwegian "4,
		 * 07.09.2026–28.09.2026". */
		lms_doc_fact(d, _("sessions"), _("%zu, %s to %s"), c->nsessions,
			     first, last);
	}
	if (c->place)
		lms_doc_fact(d, _("place"), "%s", c->place);
	t = lms_doc_table(d, "facilitators", cols);
	for (size_t i = 0; i < c->nfacilitators; i++) {
		const struct lms_facilitator *who = lms_facilitator_find(
			f->facilitators, f->nfacilitators, c->facilitators[i].id);
		struct lms_buf phases = LMS_BUF_INIT;

		for (int k = 1; lms_phase_names[k]; k++)
			if (c->facilitators[i].phases & (1u << k))
				lms_buf_addf(&phases, "%s%s", phases.len ? ", " : "",
					     C_("phase", lms_phase_names[k]));
		lms_table_row(t);
		lms_table_cell(t, who ? who->name : c->facilitators[i].id);
		lms_table_cell(t, who ? C_("facilitator kind", lms_kind_names[
			lms_course_facilitator_kind(c, who, who->id)]) : "");
		lms_table_cell(t, phases.buf);
		lms_buf_release(&phases);
	}
}

static void enrolment_section(struct lms_doc *d, const struct report_of *f)
{
	const struct lms_enrolments *e = f->enrolments;
	size_t relatives = 0, staff = 0;

	lms_doc_section(d, "enrolment", _("Enrolment"));
	lms_doc_facts(d, "facts");
	if (f->course->capacity != LMS_UNSET)
		lms_doc_fact(d, _("places"), "%d", f->course->capacity);
	for (int s = 1; lms_enrolment_status_names[s]; s++)
		lms_doc_fact(d, C_("enrolment status",
				   lms_enrolment_status_names[s]), "%zu",
			     lms_enrolments_count(e, s));
	for (size_t i = 0; i < e->n; i++) {
		bool on = e->v[i].status != LMS_WAITLISTED &&
			  e->v[i].status != LMS_WITHDRAWN;

		relatives += on && e->v[i].role == LMS_RELATIVE;
		staff += on && e->v[i].role == LMS_STAFF;
	}
	lms_doc_fact(d, _("relatives among them"), "%zu", relatives);
	/* Staff are counted apart from those the service is for; a course
	 * without them says nothing of them. */
	if (staff)
		lms_doc_fact(d, _("staff among them"), "%zu", staff);
}

static void attendance_row(struct lms_table *t, const struct lms_course *c,
			   size_t k, size_t index,
			   const struct lms_session_attendance *s)
{
	size_t counts[4] = { 0, 0, 0, 0 };
	char date[11];

	lms_i18n_date(c->sessions[index].date, date);
	lms_table_row(t);
	lms_table_cellf(t, "%zu", k + 1);
	lms_table_cell(t, date);
	lms_table_cell(t, c->sessions[index].theme);
	for (size_t i = 0; s && i < s->n; i++)
		counts[s->v[i].presence]++;
	for (int p = LMS_PRESENT; p <= LMS_EXCUSED; p++) {
		if (s && s->n)
			lms_table_cellf(t, "%zu", counts[p]);
		else
			lms_table_cell(t, "");
	}
	if (s && (s->participants != LMS_UNSET || s->relatives != LMS_UNSET))
		lms_table_cellf(t, "%d",
				(s->participants == LMS_UNSET ? 0 : s->participants) +
				(s->relatives == LMS_UNSET ? 0 : s->relatives));
	else
		lms_table_cell(t, "");
	if (s && s->n)
		lms_table_cellf(t, "%.0f%%", 100.0 * (double)counts[LMS_PRESENT] /
				(double)s->n);
	else
		lms_table_cell(t, "");
}

static void attendance_section(struct lms_doc *d,
			       const struct report_of *f)
{
	/* TRANSLATORS: the columns of attendance by session; n is the
	 * session's number. */
	const char *const cols[] = {
		_("n"), _("date"), _("theme"), _("present"), _("absent"),
		_("excused"), _("headcount"), _("rate"), NULL
	};
	const struct lms_course *c = f->course;
	size_t *order = lms_course_session_order(c);
	struct lms_table *t;

	lms_doc_section(d, "attendance", _("Attendance by session"));
	t = lms_doc_table(d, "sessions", cols);
	for (int i = 0; i < 8; i++)
		if (i != 1 && i != 2)
			lms_table_set_numeric(t, (size_t)i);
	for (size_t k = 0; k < c->nsessions; k++)
		attendance_row(t, c, k, order[k], lms_attendance_find(
				       f->attendance, c->sessions[order[k]].date));
	lms_free(order);
}

static bool has_phase(const struct lms_evaluations *ev, const char *form,
		      int phase)
{
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].phase == phase && !strcmp(ev->v[i].form, form))
			return true;
	return false;
}

/* The two times compared: before and after, or before and follow-up. */
struct compared {
	const struct lms_describe *when[2];
	size_t missing[2];
	const char *label[2];
	const struct lms_paired *change;
};

/* Before and later: one row each; then the change, person by person. */
static void change_tables(struct lms_doc *d, const struct compared *s)
{
	/* TRANSLATORS: the columns of the scores before and after; sd is
	 * the standard deviation. */
	const char *const score_cols[] = {
		_("when"), _("responses"), _("scored"), _("mean"), _("sd"), NULL
	};
	/* TRANSLATORS: the columns of the change: ci_low and ci_high bound
	 * its confidence interval; t, df and p are the t-test's; d_z the
	 * effect size; improved the share of pairs that improved. */
	const char *const change_cols[] = {
		_("pairs"), _("change"), _("ci_low"), _("ci_high"), _("t"),
		_("df"), _("p"), _("d_z"), _("improved"), NULL
	};
	const struct lms_describe *const *when = s->when;
	const size_t *missing = s->missing;
	const struct lms_paired *p = s->change;
	struct lms_table *t = lms_doc_table(d, "scores", score_cols);
	char v[9][32];

	for (int i = 1; i < 5; i++)
		lms_table_set_numeric(t, (size_t)i);
	for (int i = 0; i < 2; i++) {
		num(v[0], sizeof(v[0]), when[i]->mean, 2);
		num(v[1], sizeof(v[1]), when[i]->sd, 2);
		lms_table_row(t);
		lms_table_cell(t, s->label[i]);
		lms_table_cellf(t, "%zu", when[i]->n + missing[i]);
		lms_table_cellf(t, "%zu", when[i]->n);
		lms_table_cell(t, v[0]);
		lms_table_cell(t, v[1]);
	}
	t = lms_doc_table(d, "change", change_cols);
	for (int i = 0; i < 9; i++)
		lms_table_set_numeric(t, (size_t)i);
	num(v[0], sizeof(v[0]), p->mean_change, 2);
	num(v[1], sizeof(v[1]), p->ci_low, 2);
	num(v[2], sizeof(v[2]), p->ci_high, 2);
	num(v[3], sizeof(v[3]), p->t, 2);
	num(v[4], sizeof(v[4]), p->df, 0);
	p_value(v[5], sizeof(v[5]), p->p);
	num(v[6], sizeof(v[6]), p->dz, 2);
	num(v[7], sizeof(v[7]), 100 * p->improved, 0);
	lms_table_row(t);
	lms_table_cellf(t, "%zu", p->n);
	for (int i = 0; i < 7; i++)
		lms_table_cell(t, v[i]);
	lms_table_cellf(t, "%s%s", v[7], isnan(p->improved) ? "" : "%");
}

static void item_table(struct lms_doc *d, const struct lms_form_summary *s)
{
	/* TRANSLATORS: the columns of the form's items. */
	const char *const cols[] = {
		_("item"), _("text"), _("before"), _("after"), _("change"), NULL
	};
	struct lms_table *t = lms_doc_table(d, "items", cols);

	for (int i = 2; i < 5; i++)
		lms_table_set_numeric(t, (size_t)i);
	for (size_t i = 0; i < s->nitems; i++) {
		const struct lms_item_summary *it = &s->items[i];
		char a[32], b[32], c[32];

		num(a, sizeof(a), it->pre.mean, 2);
		num(b, sizeof(b), it->post.mean, 2);
		num(c, sizeof(c), it->post.mean - it->pre.mean, 2);
		lms_table_row(t);
		lms_table_cellf(t, "%s%s", it->item->id,
				it->item->reverse ? _(" (reversed)") : "");
		lms_table_cell(t, it->item->text);
		lms_table_cell(t, a);
		lms_table_cell(t, b);
		lms_table_cell(t, c);
	}
}

static void change_section(struct lms_doc *d, const struct lms_form *f,
			   const struct lms_form_summary *s)
{
	struct lms_buf title = LMS_BUF_INIT;
	char key[128];

	/* Titles are not cut: a fixed buffer would cut inside a character. */
	lms_buf_addf(&title, _("Before and after: %s"), f->title);
	snprintf(key, sizeof(key), "form-%s", f->id);
	lms_doc_section(d, key, title.buf);
	lms_buf_release(&title);
	lms_doc_text(d, "about", f->score == LMS_SCORE_SUM ?
		     _("The score is the sum of the %zu scale items from %d to "
		       "%d, reversed items turned round; higher is better.  A "
		       "response needs 80 %% of the items answered to be "
		       "scored.  Pairs are the same person's first answer "
		       "before and last answer after the course; the change "
		       "is after minus before, with its 95 %% confidence "
		       "interval, the paired t-test and the effect size d_z.") :
		     _("The score is the mean of the %zu scale items from %d to "
		       "%d, reversed items turned round; higher is better.  A "
		       "response needs 80 %% of the items answered to be "
		       "scored.  Pairs are the same person's first answer "
		       "before and last answer after the course; the change "
		       "is after minus before, with its 95 %% confidence "
		       "interval, the paired t-test and the effect size d_z."),
		     s->nitems, f->scale.min, f->scale.max);
	change_tables(d, &(struct compared){
		{ &s->pre, &s->post }, { s->missing_pre, s->missing_post },
		{ _("before"), _("after") }, &s->change });
	item_table(d, s);
}

/* Months later (phase followup): shown as before and after are, with the
 * same pairing (the first answer before, the last at follow-up). */
static void followup_section(struct lms_doc *d, const struct lms_form *f,
			     const struct lms_form_summary *s)
{
	struct lms_buf title = LMS_BUF_INIT;
	char key[128];

	lms_buf_addf(&title, _("Before and at follow-up: %s"), f->title);
	snprintf(key, sizeof(key), "form-%s-followup", f->id);
	lms_doc_section(d, key, title.buf);
	lms_buf_release(&title);
	lms_doc_text(d, "about", _("The same score, asked again some months "
				   "after the course.  Pairs are the same "
				   "person's first answer before the course "
				   "and last answer at follow-up; the change "
				   "is follow-up minus before."));
	change_tables(d, &(struct compared){
		{ &s->pre, &s->followup }, { s->missing_pre, s->missing_followup },
		{ _("before"), _("at follow-up") }, &s->change_followup });
}

static void session_section(struct lms_doc *d, const struct lms_form *f,
			    const struct lms_form_summary *s,
			    const struct lms_course *c)
{
	const char *const cols[] = {
		_("date"), _("theme"), _("responses"), _("scored"), _("mean"),
		_("sd"), NULL
	};
	struct lms_table *t;
	struct lms_buf title = LMS_BUF_INIT;
	char key[128];

	lms_buf_addf(&title, _("Session by session: %s"), f->title);
	snprintf(key, sizeof(key), "form-%s-by-session", f->id);
	lms_doc_section(d, key, title.buf);
	lms_buf_release(&title);
	t = lms_doc_table(d, "sessions", cols);
	for (int i = 2; i < 6; i++)
		lms_table_set_numeric(t, (size_t)i);
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct lms_session_summary *ss = &s->sessions[i];
		const char *theme = "";
		char date[11], m[32], sd[32];

		for (size_t k = 0; k < c->nsessions; k++)
			if (c->sessions[k].date == ss->date && c->sessions[k].theme)
				theme = c->sessions[k].theme;
		lms_i18n_date(ss->date, date);
		num(m, sizeof(m), ss->score.mean, 2);
		num(sd, sizeof(sd), ss->score.sd, 2);
		lms_table_row(t);
		lms_table_cell(t, date);
		lms_table_cell(t, theme);
		lms_table_cellf(t, "%zu", ss->responses);
		lms_table_cellf(t, "%zu", ss->score.n);
		lms_table_cell(t, m);
		lms_table_cell(t, sd);
	}
}

static void comment_rows(struct lms_table *t, const struct lms_form_summary *s)
{
	for (size_t i = 0; i < s->ncomments; i++) {
		const struct lms_comment *c = &s->comments[i];
		char when[32];

		if (c->phase == LMS_SESSION)
			lms_i18n_date(c->session, when);
		else
			snprintf(when, sizeof(when), "%s",
				 C_("evaluation phase",
				    lms_eval_phase_names[c->phase]));
		lms_table_row(t);
		lms_table_cell(t, s->form->id);
		lms_table_cell(t, when);
		lms_table_cell(t, c->text);
	}
}

/* The user representatives' own evaluation */

/* The scale items answered, in the order they first come, each with the
 * sum and number of its answers. */
struct own_item {
	const char *id;
	double sum;
	size_t n;
};

static void own_items(const struct lms_evaluations *ev, struct own_item **out,
		      size_t *n)
{
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < ev->n; i++)
		for (size_t j = 0; j < ev->v[i].answers.n; j++) {
			const struct lms_answer *a = &ev->v[i].answers.v[j];
			struct own_item *it = NULL;

			if (a->is_text)
				continue;
			for (size_t k = 0; k < *n && !it; k++)
				if (!strcmp((*out)[k].id, a->item))
					it = &(*out)[k];
			if (!it) {
				it = lms_array_push(out, n, sizeof(*it));
				it->id = a->item;
			}
			it->sum += a->value;
			it->n++;
		}
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The comments, in the order of their text: the order of the file, or
 * their phase, could tell whose each is. */
static void own_comments(struct lms_doc *d, const struct lms_evaluations *ev)
{
	const char *const cols[] = { _("comment"), NULL };
	const char **texts = NULL;
	struct lms_table *t;
	size_t n = 0;

	for (size_t i = 0; i < ev->n; i++)
		for (size_t j = 0; j < ev->v[i].answers.n; j++)
			if (ev->v[i].answers.v[j].is_text)
				*(const char **)lms_array_push(&texts, &n,
							       sizeof(char *)) =
					ev->v[i].answers.v[j].text;
	if (n) {
		lms_array_sort(texts, n, sizeof(char *), by_text);
		t = lms_doc_table(d, "comments", cols);
		for (size_t i = 0; i < n; i++) {
			lms_table_row(t);
			lms_table_cell(t, texts[i]);
		}
	}
	lms_free(texts);
}

/* Each item's mean, of min_cell answers or more. */
static void own_answers(struct lms_doc *d, const struct lms_evaluations *ev,
			long min_cell)
{
	/* TRANSLATORS: the columns of the user representatives' items. */
	const char *const cols[] = { _("item"), _("responses"), _("mean"),
				     NULL };
	struct lms_table *t = lms_doc_table(d, "items", cols);
	struct own_item *items;
	size_t n;

	lms_table_set_numeric(t, 1);
	lms_table_set_numeric(t, 2);
	own_items(ev, &items, &n);
	for (size_t i = 0; i < n; i++) {
		char m[32];

		num(m, sizeof(m), (long)items[i].n >= min_cell ?
		    items[i].sum / (double)items[i].n : NAN, 2);
		lms_table_row(t);
		lms_table_cell(t, items[i].id);
		lms_table_cellf(t, "%zu", items[i].n);
		lms_table_cell(t, m);
	}
	lms_free(items);
	own_comments(d, ev);
}

/* Apart from the participants', and only as many responses together. */
static void own_section(struct lms_doc *d, const struct report_of *f)
{
	const struct lms_evaluations *ev = f->own;
	size_t by_phase[4] = { 0, 0, 0, 0 };

	if (!ev || !ev->n)
		return;
	lms_doc_section(d, "facilitator-evaluation",
			_("The user representatives' own evaluation"));
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].phase >= 1 && ev->v[i].phase <= 3)
			by_phase[ev->v[i].phase]++;
	lms_doc_facts(d, "responses");
	for (int p = 1; p <= 3; p++)
		lms_doc_fact(d, C_("phase", lms_phase_names[p]), "%zu",
			     by_phase[p]);
	if ((long)ev->n >= f->min_cell) {
		own_answers(d, ev, f->min_cell);
		return;
	}
	lms_doc_text(d, "protection", _("Fewer than %ld responses: what they "
		     "answered is not shown, as it could tell who answered; it "
		     "counts in the aggregate report."), f->min_cell);
}

static void report(struct lms_doc *out, const struct report_of *f);

void lms_course_report(struct lms_doc *out, const struct lms_course_data *d,
		       long min_cell)
{
	const struct report_of f = {
		&d->course, d->facilitators, d->nfacilitators, &d->enrolments,
		&d->attendance, &d->evaluations, d->forms, d->nforms,
		&d->facilitator_evaluations, min_cell
	};

	report(out, &f);
}

static void report(struct lms_doc *out, const struct report_of *f)
{
	const char *const comment_cols[] = {
		_("form"), _("when"), _("comment"), NULL
	};
	struct lms_form_summary *s = lms_calloc(f->nforms ? f->nforms : 1,
						sizeof(*s));
	struct lms_table *t = NULL;
	struct lms_buf title = LMS_BUF_INIT;

	lms_buf_addf(&title, _("%s: evaluation report"), f->course->title);
	lms_doc_init(out, title.buf);
	lms_buf_release(&title);
	course_section(out, f);
	enrolment_section(out, f);
	attendance_section(out, f);
	/* Change before and after first: it is what the meeting asks. */
	for (size_t i = 0; i < f->nforms; i++) {
		lms_summarise(&f->forms[i], f->evaluations, &s[i]);
		if (has_phase(f->evaluations, f->forms[i].id, LMS_PRE) ||
		    has_phase(f->evaluations, f->forms[i].id, LMS_POST))
			change_section(out, &f->forms[i], &s[i]);
		if (has_phase(f->evaluations, f->forms[i].id, LMS_FOLLOWUP))
			followup_section(out, &f->forms[i], &s[i]);
	}
	for (size_t i = 0; i < f->nforms; i++)
		if (s[i].nsessions)
			session_section(out, &f->forms[i], &s[i], f->course);
	for (size_t i = 0; i < f->nforms; i++) {
		if (!s[i].ncomments)
			continue;
		if (!t) {
			lms_doc_section(out, "comments", _("What people wrote"));
			t = lms_doc_table(out, "comments", comment_cols);
		}
		comment_rows(t, &s[i]);
	}
	own_section(out, f);
	for (size_t i = 0; i < f->nforms; i++)
		lms_summary_release(&s[i]);
	lms_free(s);
}
