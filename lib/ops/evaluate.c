#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "evaluate.h"
#include "fsio.h"
#include "i18n.h"
#include "respond.h"
#include "strset.h"

/* Everything a response is checked against, and the responses. */
struct eval {
	const struct lms_ops_io *io;
	const struct lms_evaluate_request *req;
	struct lms_course course;
	struct lms_form form;
	struct lms_enrolments enrolments;
	struct lms_evaluations evaluations;
	int32_t session;
	bool have_form;
};

static int check_person(const struct eval *k)
{
	struct lms_register reg;
	int err = k->io->load_register(k->io->arg, &reg);

	if (!err && !lms_register_find(&reg, k->req->person))
		err = lms_error(LMS_ENOENT, _("no such person: '%s'"),
				k->req->person);
	lms_register_release(&reg);
	return err;
}

static int load(struct eval *k)
{
	const struct lms_evaluate_request *req = k->req;
	const struct lms_ops_io *io = k->io;
	size_t index, number;
	int err;

	k->session = LMS_DATE_NONE;
	if ((err = io->load_course(io->arg, req->course, &k->course, NULL)) ||
	    (err = io->load_form(io->arg, req->form, &k->form)))
		return err;
	k->have_form = true;
	if ((err = lms_respond_form_used(&k->course, req->form)) ||
	    (err = io->load_enrolments(io->arg, req->course, &k->enrolments)) ||
	    (err = io->load_evaluations(io->arg, req->course, &k->evaluations)))
		return err;
	if (req->session) {
		if ((err = lms_course_find_session(&k->course, req->session,
						   &index, &number)))
			return err;
		k->session = k->course.sessions[index].date;
	}
	return req->person ? check_person(k) : 0;
}

static void release(struct eval *k)
{
	lms_course_release(&k->course);
	if (k->have_form)
		lms_form_release(&k->form);
	lms_enrolments_release(&k->enrolments);
	lms_evaluations_release(&k->evaluations);
}

/* A new, empty response at the end of the course's evaluations. */
static struct lms_evaluation *new_response(struct eval *k, const char *person)
{
	struct lms_evaluation *e = lms_array_push(&k->evaluations.v,
						  &k->evaluations.n, sizeof(*e));

	lms_schema_init(&lms_evaluation_schema, e);
	e->form = lms_strdup(k->req->form);
	e->phase = k->req->phase;
	e->session = k->session;
	e->person = person ? lms_strdup(person) : NULL;
	e->date = k->req->date;
	return e;
}

/* Drops the response at the end of the course's evaluations. */
static void drop_last(struct eval *k)
{
	lms_schema_release(&lms_evaluation_schema,
			   &k->evaluations.v[--k->evaluations.n]);
}

static int check(const struct eval *k, const struct lms_evaluation *e)
{
	struct lms_evaluations before = k->evaluations;
	struct lms_respond r = { &k->course, &k->form, &k->enrolments, &before };

	/* Compare with the responses before this one. */
	before.n = (size_t)(e - k->evaluations.v);
	return lms_respond_check(&r, e);
}

/* A text answer, screened (and maybe redacted) first, added to e. */
static int add_text(const struct eval *k, struct lms_evaluation *e,
		    const char *item, const char *text, unsigned line,
		    const char *what)
{
	const struct lms_evaluate_request *req = k->req;
	char *redacted = NULL;
	int err = req->screen(line ? req->csv : NULL, line, what, text,
			      req->redact ? &redacted : NULL, req->arg);

	if (!err)
		lms_answer_add(e, item, 0, redacted ? redacted : text);
	lms_free(redacted);
	return err;
}

/* One ITEM=VALUE of the command line, added to e. */
static int answer_arg(const struct eval *k, struct lms_evaluation *e,
		      const char *arg, struct lms_buf *why)
{
	const char *eq = strchr(arg, '='), *text;
	char *item;
	int value = 0, err = 0;

	if (!eq || eq == arg)
		return lms_error(LMS_EUSAGE, _("'%s' is not ITEM=VALUE"), arg);
	item = lms_strndup(arg, (size_t)(eq - arg));
	if (!eq[1] && lms_form_item(&k->form, item))
		;	/* ITEM= leaves the item unanswered */
	else if (lms_answer_find(e, item))
		err = lms_error(LMS_EUSAGE, _("%s is answered twice"), item);
	else if (lms_answer_read(&k->form, item, eq + 1, &value, &text, why))
		err = lms_error(LMS_EUSAGE, "%s", why->buf);
	else if (text)
		err = add_text(k, e, item, text, 0, item);
	else
		lms_answer_add(e, item, value, NULL);
	lms_free(item);
	return err;
}

static int answer_args(struct eval *k)
{
	struct lms_evaluation *e = new_response(k, k->req->person);
	struct lms_buf why = LMS_BUF_INIT;
	int err = 0;

	for (size_t i = 0; i < k->req->nanswers && !err; i++)
		err = answer_arg(k, e, k->req->answers[i], &why);
	lms_buf_release(&why);
	return err ? err : check(k, e);
}

/* Spaces around a cell are not part of the answer. */
static void trim(char *s)
{
	size_t lead = strspn(s, " \t\r\n"), len = strlen(s + lead);

	memmove(s, s + lead, len + 1);
	while (len && strchr(" \t\r\n", s[len - 1]))
		s[--len] = '\0';
}

/* What an import keeps from row to row. */
struct import {
	const struct lms_csv *csv;
	struct lms_survey_columns c;
	size_t before;			/* responses in the file before it */
	struct lms_strset digests;	/* of those: digest -> 1 + index */
	struct lms_strset repeats;	/* rows read alike so far -> count */
	size_t again;
};

/* The person of a row: an id of someone on the course, as the form's
 * respondent typed it ("P-7K3Q9X", "7k3q9x"). */
static int row_person(const struct eval *k, const struct import *im,
		      const struct lms_csv_row *row, const char **out)
{
	const char *cell = row->cells[im->c.person];
	struct lms_buf id = LMS_BUF_INIT, alt = LMS_BUF_INIT;
	const struct lms_enrolment *e;
	int err = 0;

	lms_survey_person(cell, &id, &alt);
	*out = NULL;
	if (!id.len)
		;	/* an anonymous response */
	else if ((e = lms_enrolments_find(&k->enrolments, id.buf)) ||
		 (e = lms_enrolments_find(&k->enrolments, alt.buf)))
		*out = e->person;
	else
		err = lms_error_at(LMS_EDATA, k->req->csv, row->line, 0,
				   _("column '%s': '%s' is not a person on "
				     "course '%s' (use the ids of lms roster, "
				     "such as p-7k3q9x)"),
				   im->csv->header[im->c.person], cell,
				   k->course.id);
	lms_buf_release(&id);
	lms_buf_release(&alt);
	return err;
}

static int row_stamp(const struct eval *k, const struct import *im,
		     const struct lms_csv_row *row, struct lms_stamp *out,
		     bool *have)
{
	const char *cell = row->cells[im->c.stamp];

	*have = *cell != '\0';
	if (!*have || lms_stamp_parse(cell, im->c.order, out))
		return 0;
	return lms_error_at(LMS_EDATA, k->req->csv, row->line, 0,
			    _("column '%s': '%s' is not a date and time (such "
			      "as 2026-09-17 10:12 or 17.09.2026 kl. 10.12)"),
			    im->csv->header[im->c.stamp], cell);
}

/*
 * Whether the row was imported before: then *again is set and the
 * response is not added.  A row imported for another phase or session is
 * an error: one sheet answers one of them.
 */
static int imported_before(struct eval *k, struct import *im,
			   struct lms_evaluation *e, const struct lms_stamp *st,
			   unsigned line, bool *again)
{
	struct lms_buf key = LMS_BUF_INIT;
	char alike[LMS_DIGEST_LEN + 1], digest[LMS_DIGEST_LEN + 1];
	uintptr_t n, old;
	const struct lms_evaluation *prev;

	lms_survey_key(&key, e, st);
	lms_survey_digest(key.buf, key.len, 0, alike);
	n = (uintptr_t)lms_strset_get(&im->repeats, alike) + 1;
	lms_strset_set(&im->repeats, alike, (void *)n);
	lms_survey_digest(key.buf, key.len, (unsigned)n, digest);
	lms_buf_release(&key);
	old = (uintptr_t)lms_strset_get(&im->digests, digest);
	*again = old != 0;
	if (!old) {
		e->digest = lms_strdup(digest);
		return 0;
	}
	prev = &k->evaluations.v[old - 1];
	if (prev->phase == e->phase && prev->session == e->session)
		return 0;
	return lms_error_at(LMS_EREFUSED, k->req->csv, line, 0, _("this row "
			      "was imported before, as a %s response (line %u "
			      "of evaluations.yaml): a sheet answers one "
			      "phase"),
			    C_("evaluation phase",
			       lms_eval_phase_names[prev->phase]),
			    prev->mark.line);
}

/* One cell's answer to item, added to e; errors name the row (the line
 * it starts on) and the column. */
static int cell_answer(const struct eval *k, struct lms_evaluation *e,
		       const char *header, const char *item, const char *cell,
		       unsigned line)
{
	struct lms_buf why = LMS_BUF_INIT, column = LMS_BUF_INIT;
	const char *text;
	int value = 0, err;

	if (lms_answer_read(&k->form, item, cell, &value, &text, &why)) {
		err = lms_error_at(LMS_EDATA, k->req->csv, line, 0,
				   _("column '%s': %s"), header, why.buf);
	} else if (!text) {
		lms_answer_add(e, item, value, NULL);
		err = 0;
	} else {
		lms_buf_addf(&column, _("column '%s'"), header);
		err = add_text(k, e, item, text, line, column.buf);
	}
	lms_buf_release(&why);
	lms_buf_release(&column);
	return err;
}

static int row_answers(const struct eval *k, const struct import *im,
		       struct lms_evaluation *e, const struct lms_csv_row *row)
{
	int err = 0;

	for (size_t i = 0; i < im->csv->ncols && !err; i++) {
		trim(row->cells[i]);
		if (im->c.item[i] && *row->cells[i])
			err = cell_answer(k, e, im->csv->header[i],
					  im->c.item[i], row->cells[i],
					  row->line);
	}
	return err;
}

static int row_response(struct eval *k, struct import *im,
			const struct lms_csv_row *row)
{
	const char *person = NULL;
	struct lms_stamp st;
	struct lms_evaluation *e;
	bool stamped = false, again = false;
	int err = 0;

	if ((im->c.person >= 0 && (err = row_person(k, im, row, &person))) ||
	    (im->c.stamp >= 0 && (err = row_stamp(k, im, row, &st, &stamped))))
		return err;
	e = new_response(k, person);
	if (stamped)
		e->date = st.date;
	if ((err = row_answers(k, im, e, row)))
		return err;
	/* A respondent who answered nothing is no response. */
	if (!e->answers.n) {
		drop_last(k);
		return 0;
	}
	if ((err = imported_before(k, im, e, stamped ? &st : NULL, row->line,
				   &again)) || again) {
		drop_last(k);
		im->again += again;
		return err;
	}
	if ((err = check(k, e))) {
		char msg[sizeof(lms_last_error()->msg)];

		snprintf(msg, sizeof(msg), "%s", lms_last_error()->msg);
		err = lms_error_at(err, k->req->csv, row->line, 0, "%s", msg);
	}
	return err;
}

static void start_import(struct import *im, const struct lms_csv *csv,
			 const struct eval *k)
{
	memset(im, 0, sizeof(*im));
	im->csv = csv;
	im->before = k->evaluations.n;
	lms_strset_init(&im->digests);
	lms_strset_init(&im->repeats);
	for (size_t i = 0; i < k->evaluations.n; i++)
		if (k->evaluations.v[i].digest)
			lms_strset_add(&im->digests, k->evaluations.v[i].digest,
				       (void *)(uintptr_t)(i + 1));
}

static void end_import(struct import *im)
{
	lms_survey_columns_release(&im->c);
	lms_strset_release(&im->digests);
	lms_strset_release(&im->repeats);
}

static int import_csv(struct eval *k, size_t *again)
{
	const struct lms_evaluate_request *req = k->req;
	struct lms_buf text = LMS_BUF_INIT;
	struct import im;
	struct lms_csv csv;
	int err;

	if ((err = lms_read_file(req->csv, 64u << 20, &text)) ||
	    (err = lms_csv_parse(&csv, req->csv, text.buf, text.len))) {
		lms_buf_release(&text);
		return err;
	}
	start_import(&im, &csv, k);
	err = lms_survey_columns(&im.c, req->csv, &csv, &k->form, req->maps,
				 req->nmaps, req->left_out, req->arg);
	for (size_t r = 0; r < csv.nrows && !err; r++)
		err = row_response(k, &im, &csv.rows[r]);
	if (!err && k->evaluations.n == im.before && !im.again)
		err = lms_error_at(LMS_EDATA, req->csv, 0, 0, _("no row holds "
				     "an answer: nothing to import"));
	*again = im.again;
	end_import(&im);
	lms_csv_release(&csv);
	lms_buf_release(&text);
	return err;
}

/* The facilitator is a user representative of the course. */
static int check_facilitator(const struct lms_ops_io *io,
			     const struct lms_course *c, const char *id)
{
	struct lms_facilitator *fs;
	const struct lms_facilitator *f;
	size_t n;
	int err;

	if ((err = io->load_facilitators(io->arg, &fs, &n)))
		return err;
	f = lms_facilitator_find(fs, n, id);
	if (!f)
		err = lms_error(LMS_ENOENT, _("no such facilitator: '%s'"), id);
	else if (!lms_course_has_facilitator(c, id))
		err = lms_error(LMS_EREFUSED, _("%s is not a facilitator of "
						"course '%s'"), id, c->id);
	/* A user representative on this course, whatever the registry. */
	else if (lms_course_facilitator_kind(c, f, id) !=
		 LMS_USER_REPRESENTATIVE)
		err = lms_error(LMS_EREFUSED, _("%s is not a user "
						"representative: the form is "
						"for the user representatives' "
						"own experience"), id);
	lms_facilitators_free(fs, n);
	return err;
}

/* The facilitators' responses so far; a missing file is none. */
static int load_facilitator_responses(const struct lms_ops_io *io,
				      const char *course,
				      struct lms_evaluations *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char *path;
	int err = lms_ops_load_text_or_empty(
		io, LMS_FILE_FACILITATOR_EVALUATIONS, course, &text);

	memset(out, 0, sizeof(*out));
	if (!err && text.len) {
		path = io->path(io->arg, LMS_FILE_FACILITATOR_EVALUATIONS,
				course);
		err = lms_facilitator_evaluations_load(out, path, text.buf,
						       text.len);
		lms_free(path);
	}
	lms_buf_release(&text);
	return err;
}

/* The answers of the command line, checked against the form. */
static int facilitator_answers(struct eval *k,
			       const struct lms_evaluate_facilitator *req)
{
	struct lms_evaluation *e = new_response(k, NULL);
	struct lms_buf why = LMS_BUF_INIT;
	int err = 0;

	e->phase = req->phase;
	for (size_t i = 0; i < req->nanswers && !err; i++)
		err = answer_arg(k, e, req->answers[i], &why);
	if (!err && !e->answers.n)
		err = lms_error(LMS_EUSAGE, _("give at least one answer"));
	lms_buf_release(&why);
	return err;
}

/* The course, who answers, the form and the responses so far. */
static int load_for_facilitator(struct eval *k,
				const struct lms_evaluate_facilitator *req)
{
	const struct lms_ops_io *io = k->io;
	int err;

	if ((err = io->load_course(io->arg, req->course, &k->course, NULL)) ||
	    (err = check_facilitator(io, &k->course, req->facilitator)) ||
	    (err = io->load_form(io->arg, req->form, &k->form)))
		return err;
	k->have_form = true;
	return load_facilitator_responses(io, req->course, &k->evaluations);
}

int lms_ops_evaluate_facilitator(const struct lms_ops_io *io,
				 const struct lms_evaluate_facilitator *req)
{
	/* The answers are read as lms evaluate's; only what they need of
	 * its request is set. */
	struct lms_evaluate_request as = {
		.course = req->course, .form = req->form, .date = req->date,
		.redact = req->redact, .screen = req->screen, .arg = req->arg
	};
	struct lms_buf text = LMS_BUF_INIT;
	struct eval k;
	int err;

	memset(&k, 0, sizeof(k));
	k.io = io;
	k.req = &as;
	k.session = LMS_DATE_NONE;
	if (!(err = load_for_facilitator(&k, req)) &&
	    !(err = facilitator_answers(&k, req))) {
		lms_facilitator_evaluations_emit(&text, &k.evaluations);
		err = io->save(io->arg, LMS_FILE_FACILITATOR_EVALUATIONS,
			       k.course.id, &text);
	}
	lms_buf_release(&text);
	release(&k);
	return err;
}

static int save(const struct eval *k)
{
	struct lms_buf text = LMS_BUF_INIT;
	int err;

	lms_evaluations_emit(&text, &k->evaluations);
	err = k->io->save(k->io->arg, LMS_FILE_EVALUATIONS, k->course.id,
			  &text);
	lms_buf_release(&text);
	return err;
}

int lms_ops_evaluate(const struct lms_ops_io *io,
		     const struct lms_evaluate_request *req,
		     struct lms_evaluate_result *out)
{
	struct eval k;
	size_t before;
	int err;

	memset(&k, 0, sizeof(k));
	memset(out, 0, sizeof(*out));
	k.io = io;
	k.req = req;
	if (!(err = load(&k))) {
		before = k.evaluations.n;
		err = req->csv ? import_csv(&k, &out->again) : answer_args(&k);
		for (size_t i = before; !err && i < k.evaluations.n; i++) {
			out->named += k.evaluations.v[i].person != NULL;
			out->anonymous += k.evaluations.v[i].person == NULL;
		}
	}
	/* A sheet imported before changes nothing, not even the file. */
	if (!err && out->named + out->anonymous)
		err = save(&k);
	release(&k);
	return err;
}
