#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "join.h"
#include "export.h"
#include "score.h"

static const char *const enrolment_cols[] = {
	"course", "person", "role", "status", "requested", "referral",
	"municipality", "relative_of", "follow_up", "course_first",
	"days_waited", "target_groups", NULL
};
static const char *const attendance_cols[] = {
	"course", "session", "date", "person", "presence",
	"headcount_participants", "headcount_relatives", NULL
};
static const char *const evaluation_cols[] = {
	"course", "response", "form", "phase", "session", "session_date",
	"person", "date", "score", "item", "value", "text", NULL
};

/* Numeric columns, by their place above: right-aligned in text, null when
 * empty in YAML, and written with a decimal comma for Excel. */
static const size_t enrolment_numeric[] = { 10, SIZE_MAX };
static const size_t attendance_numeric[] = { 1, 5, 6, SIZE_MAX };
static const size_t evaluation_numeric[] = { 1, 4, 8, 10, SIZE_MAX };

void lms_export_init(struct lms_table *out, enum lms_export_table which)
{
	const char *const *cols = evaluation_cols;
	const size_t *numeric = evaluation_numeric;

	if (which == LMS_EXPORT_ENROLMENTS)
		cols = enrolment_cols, numeric = enrolment_numeric;
	else if (which == LMS_EXPORT_ATTENDANCE)
		cols = attendance_cols, numeric = attendance_numeric;
	lms_table_init(out, cols);
	for (; *numeric != SIZE_MAX; numeric++)
		lms_table_set_numeric(out, *numeric);
}

/* An empty cell for a date not given: NA in R, blank in a spreadsheet. */
static void date_cell(struct lms_table *t, int32_t date)
{
	char s[11];

	if (date == LMS_DATE_NONE) {
		lms_table_cell(t, NULL);
		return;
	}
	lms_date_format(date, s);
	lms_table_cell(t, s);
}

/* Names of an enumeration; 0 (not given) is the empty cell. */
static void enum_cell(struct lms_table *t, const char *const *names, int v)
{
	lms_table_cell(t, v > 0 ? names[v] : NULL);
}

/* Target groups separated by spaces: no CSV needs to quote them, and
 * strsplit(x, " ") takes them apart in R. */
static void target_groups_cell(struct lms_table *t, unsigned groups)
{
	struct lms_buf b = LMS_BUF_INIT;

	lms_join_flags(&b, lms_target_group_names, groups, " ");
	lms_table_cell(t, b.buf);
	lms_buf_release(&b);
}

static void enrolment_row(struct lms_table *t, const struct lms_course *c,
			  int32_t first, const struct lms_enrolment *e)
{
	lms_table_row(t);
	lms_table_cell(t, c->id);
	lms_table_cell(t, e->person);
	enum_cell(t, lms_role_names, e->role);
	enum_cell(t, lms_enrolment_status_names, e->status);
	date_cell(t, e->requested);
	enum_cell(t, lms_referral_names, e->referral);
	lms_table_cell(t, e->municipality);
	lms_table_cell(t, e->relative_of);
	lms_table_cell(t, e->follow_up);
	date_cell(t, first);
	/* A request made after the start waited a negative time: kept, so
	 * that late joiners can be told apart rather than counted as 0. */
	if (first == LMS_DATE_NONE || e->requested == LMS_DATE_NONE)
		lms_table_cell(t, NULL);
	else
		lms_table_cellf(t, "%ld", (long)first - (long)e->requested);
	target_groups_cell(t, c->target_groups);
}

void lms_export_enrolments(struct lms_table *out, const struct lms_course *c,
			   const struct lms_enrolments *e)
{
	int32_t first = lms_course_first_date(c);

	for (size_t i = 0; i < e->n; i++)
		enrolment_row(out, c, first, &e->v[i]);
}

/*
 * The number of the session on a date, counting from 1 in date order as
 * SESSION does on the command line; when two sessions share the date, the
 * first of them, since attendance is kept by date.  0: no session then.
 */
static size_t session_number(const struct lms_course *c, const size_t *order,
			     int32_t date)
{
	for (size_t k = 0; k < c->nsessions; k++)
		if (c->sessions[order[k]].date == date)
			return k + 1;
	return 0;
}

static void session_cells(struct lms_table *t, size_t number, int32_t date)
{
	if (number)
		lms_table_cellf(t, "%zu", number);
	else
		lms_table_cell(t, NULL);
	date_cell(t, date);
}

/* A count the record leaves out is 0, as lms writes it back. */
static void count_cell(struct lms_table *t, int count)
{
	lms_table_cellf(t, "%d", count == LMS_UNSET ? 0 : count);
}

static void attendance_rows(struct lms_table *t, const struct lms_course *c,
			    size_t number, const struct lms_session_attendance *s)
{
	for (size_t j = 0; j < s->n; j++) {
		lms_table_row(t);
		lms_table_cell(t, c->id);
		session_cells(t, number, s->date);
		lms_table_cell(t, s->v[j].person);
		enum_cell(t, lms_presence_names, s->v[j].presence);
		lms_table_cell(t, NULL);
		lms_table_cell(t, NULL);
	}
	if (s->participants == LMS_UNSET && s->relatives == LMS_UNSET)
		return;
	lms_table_row(t);
	lms_table_cell(t, c->id);
	session_cells(t, number, s->date);
	lms_table_cell(t, NULL);
	lms_table_cell(t, "headcount");
	count_cell(t, s->participants);
	count_cell(t, s->relatives);
}

void lms_export_attendance(struct lms_table *out, const struct lms_course *c,
			   const struct lms_attendance *a)
{
	size_t *order = lms_course_session_order(c);

	for (size_t i = 0; i < a->n; i++)
		attendance_rows(out, c, session_number(c, order, a->v[i].date),
				&a->v[i]);
	lms_free(order);
}

static const struct lms_form *find_form(const struct lms_form *forms,
					size_t nforms, const char *id)
{
	for (size_t i = 0; i < nforms; i++)
		if (!strcmp(forms[i].id, id))
			return &forms[i];
	return NULL;
}

/*
 * The response's score in three decimals, trailing zeros dropped (2.375,
 * 2.333, 3); empty when it has none.  Computed once for all of its rows.
 */
static void format_score(const struct lms_form *f,
			 const struct lms_evaluation *e, char out[64])
{
	size_t n;
	double v;

	out[0] = '\0';
	if (!f || !lms_score(f, e, &v))
		return;
	n = (size_t)snprintf(out, 64, "%.3f", v);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	if (!strcmp(out, "-0"))
		strcpy(out, "0");
}

static void answer_row(struct lms_table *t, const struct lms_course *c,
		       size_t number, size_t response,
		       const struct lms_evaluation *e, const char *score,
		       const struct lms_answer *a)
{
	lms_table_row(t);
	lms_table_cell(t, c->id);
	lms_table_cellf(t, "%zu", response);
	lms_table_cell(t, e->form);
	enum_cell(t, lms_eval_phase_names, e->phase);
	session_cells(t, number, e->session);
	lms_table_cell(t, e->person);
	date_cell(t, e->date);
	lms_table_cell(t, score);
	lms_table_cell(t, a->item);
	if (a->is_text)
		lms_table_cell(t, NULL);
	else
		lms_table_cellf(t, "%d", a->value);
	lms_table_cell(t, a->is_text ? a->text : NULL);
}

void lms_export_evaluations(struct lms_table *out, const struct lms_course *c,
			    const struct lms_evaluations *ev,
			    const struct lms_form *forms, size_t nforms)
{
	size_t *order = lms_course_session_order(c);

	/* The response's number is its place in the file, which lms only
	 * appends to: it stays the same from one export to the next. */
	for (size_t i = 0; i < ev->n; i++) {
		const struct lms_evaluation *e = &ev->v[i];
		size_t number = e->session == LMS_DATE_NONE ? 0 :
				session_number(c, order, e->session);
		char score[64];

		format_score(find_form(forms, nforms, e->form), e, score);
		for (size_t j = 0; j < e->answers.n; j++)
			answer_row(out, c, number, i + 1, e, score,
				   &e->answers.v[j]);
	}
	lms_free(order);
}

struct forms {
	struct lms_form *v;
	size_t n;
};

static void forms_release(struct forms *f)
{
	for (size_t i = 0; i < f->n; i++)
		lms_form_release(&f->v[i]);
	lms_free(f->v);
}

/* Loads each form the responses name, once. */
static int load_forms(struct lms_tree *tree, const struct lms_evaluations *ev,
		      struct forms *out)
{
	int err = 0;

	for (size_t i = 0; i < ev->n && !err; i++) {
		struct lms_form *f;

		if (find_form(out->v, out->n, ev->v[i].form))
			continue;
		f = lms_array_push(&out->v, &out->n, sizeof(*f));
		err = lms_tree_load_form(tree, ev->v[i].form, f, NULL);
		if (err) {
			out->n--;
			/* Responses outlive a form that was removed. */
			if (err == LMS_ENOENT)
				err = 0;
		}
	}
	return err;
}

static int export_evaluations(struct lms_tree *tree, const struct lms_course *c,
			      struct lms_table *out)
{
	struct lms_evaluations ev;
	struct forms forms = { NULL, 0 };
	int err = lms_tree_load_evaluations(tree, c->id, &ev);

	if (!err && !(err = load_forms(tree, &ev, &forms)))
		lms_export_evaluations(out, c, &ev, forms.v, forms.n);
	forms_release(&forms);
	lms_evaluations_release(&ev);
	return err;
}

static int export_enrolments(struct lms_tree *tree, const struct lms_course *c,
			     struct lms_table *out)
{
	struct lms_enrolments e;
	int err = lms_tree_load_enrolments(tree, c->id, &e);

	if (!err)
		lms_export_enrolments(out, c, &e);
	lms_enrolments_release(&e);
	return err;
}

static int export_attendance(struct lms_tree *tree, const struct lms_course *c,
			     struct lms_table *out)
{
	struct lms_attendance a;
	int err = lms_tree_load_attendance(tree, c->id, &a);

	if (!err)
		lms_export_attendance(out, c, &a);
	lms_attendance_release(&a);
	return err;
}

int lms_export_course(struct lms_tree *tree, const char *id,
		      enum lms_export_table which, struct lms_table *out)
{
	struct lms_course c;
	int err = lms_tree_load_course(tree, id, &c, NULL);

	if (err)
		return err;
	if (which == LMS_EXPORT_ENROLMENTS)
		err = export_enrolments(tree, &c, out);
	else if (which == LMS_EXPORT_ATTENDANCE)
		err = export_attendance(tree, &c, out);
	else
		err = export_evaluations(tree, &c, out);
	lms_course_release(&c);
	return err;
}
