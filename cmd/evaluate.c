#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "csvin.h"
#include "date.h"
#include "id.h"
#include "respond.h"
#include "signup.h"
#include "strset.h"
#include "survey.h"
#include "utf8.h"
#include "words.h"
#include "cmd.h"

/* lms evaluate: record one response to a form, or import a survey's. */

struct eval_args {
	const char *course, *form, *session, *person, *csv;
	int phase;
	int32_t date;
	bool redact;		/* personal data in text answers: replace it */
	char **maps;		/* COLUMN=ITEM */
	size_t nmaps;
	char **answers;		/* ITEM=VALUE */
	size_t nanswers;
};

static const char *const usage[] = {
	"lms evaluate COURSE --form F --phase pre | post | session "
	"[--session S] [--person P] [--date DATE] [--redact] ITEM=VALUE...",
	"lms evaluate COURSE --form F --phase P --csv FILE "
	"[--map COLUMN=ITEM,...] [--session S] [--date DATE] [--redact]",
	NULL
};

/* --map takes "COLUMN=ITEM" and "A=a,B=b"; a question's text may hold
 * commas itself, so it splits only where every part has an '='. */
static void add_maps(const char *arg, struct eval_args *a)
{
	char **parts;
	size_t n;
	bool all = true;

	lms_words_split(arg, &parts, &n);
	for (size_t i = 0; i < n; i++)
		all &= strchr(parts[i], '=') != NULL;
	if (all && n > 1) {
		for (size_t i = 0; i < n; i++)
			*(char **)lms_array_push(&a->maps, &a->nmaps,
						 sizeof(char *)) = parts[i];
		free(parts);
		return;
	}
	lms_words_free(parts, n);
	*(char **)lms_array_push(&a->maps, &a->nmaps, sizeof(char *)) =
		lms_strdup(arg);
}

static int parse(struct ctx *ctx, int argc, char **argv, struct eval_args *a)
{
	static const struct option longopts[] = {
		{ "form", required_argument, NULL, 'f' },
		{ "phase", required_argument, NULL, 'p' },
		{ "session", required_argument, NULL, 's' },
		{ "person", required_argument, NULL, 'P' },
		{ "date", required_argument, NULL, 'd' },
		{ "csv", required_argument, NULL, 'c' },
		{ "map", required_argument, NULL, 'm' },
		{ "redact", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	memset(a, 0, sizeof(*a));
	a->date = ctx->today;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'f': a->form = optarg; break;
		case 'p': err = cmd_parse_enum("--phase", optarg, lms_eval_phase_names, &a->phase); break;
		case 's': a->session = optarg; break;
		case 'P': a->person = optarg; break;
		case 'd': err = cmd_parse_date("--date", optarg, &a->date); break;
		case 'c': a->csv = optarg; break;
		case 'm': add_maps(optarg, a); break;
		case 'r': a->redact = true; break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (optind == argc)
		return cmd_usage_error(_("give a course"));
	a->course = argv[optind];
	a->answers = argv + optind + 1;
	a->nanswers = (size_t)(argc - optind - 1);
	if (!a->form || !a->phase)
		return cmd_usage_error(_("give the --form and the --phase"));
	if ((a->phase == LMS_SESSION) != (a->session != NULL))
		return cmd_usage_error("%s", a->session ?
				       _("--session is for the phase session") :
				       _("the phase session needs --session S"));
	if (a->csv && (a->nanswers || a->person))
		return cmd_usage_error(_("with --csv, answers and people come "
				         "from the file"));
	if (!a->csv && a->nmaps)
		return cmd_usage_error(_("--map is for --csv"));
	if (!a->csv && !a->nanswers)
		return cmd_usage_error(_("give the answers as ITEM=VALUE"));
	if ((err = lms_id_check("form", a->form)) ||
	    (a->person && (err = lms_id_check("person", a->person))))
		return err;
	return 0;
}

/* Everything a response is checked against. */
struct context {
	struct lms_course course;
	struct lms_form form;
	struct lms_enrolments enrolments;
	struct lms_evaluations evaluations;
	int32_t session;
	bool have_form;
};

static int load_context(struct ctx *ctx, const struct eval_args *a,
			struct context *k)
{
	size_t index, number;
	int err;

	memset(k, 0, sizeof(*k));
	k->session = LMS_DATE_NONE;
	if ((err = lms_tree_load_course(&ctx->tree, a->course, &k->course, NULL)) ||
	    (err = lms_tree_load_form(&ctx->tree, a->form, &k->form, NULL)))
		return err;
	k->have_form = true;
	if ((err = lms_respond_form_used(&k->course, a->form)) ||
	    (err = lms_tree_load_enrolments(&ctx->tree, a->course, &k->enrolments)) ||
	    (err = lms_tree_load_evaluations(&ctx->tree, a->course,
					     &k->evaluations)))
		return err;
	if (a->session) {
		if ((err = lms_course_find_session(&k->course, a->session, &index,
						   &number)))
			return err;
		k->session = k->course.sessions[index].date;
	}
	return 0;
}

static void release_context(struct context *k)
{
	lms_course_release(&k->course);
	if (k->have_form)
		lms_form_release(&k->form);
	lms_enrolments_release(&k->enrolments);
	lms_evaluations_release(&k->evaluations);
}

/* A new, empty response at the end of the course's evaluations. */
static struct lms_evaluation *new_response(struct context *k,
					   const struct eval_args *a,
					   const char *person)
{
	struct lms_evaluation *e = lms_array_push(&k->evaluations.v,
						  &k->evaluations.n, sizeof(*e));

	lms_schema_init(&lms_evaluation_schema, e);
	e->form = lms_strdup(a->form);
	e->phase = a->phase;
	e->session = k->session;
	e->person = person ? lms_strdup(person) : NULL;
	e->date = a->date;
	return e;
}

static int check(const struct context *k, const struct lms_evaluation *e)
{
	struct lms_evaluations before = k->evaluations;
	struct lms_respond r = { &k->course, &k->form, &k->enrolments, &before };

	/* Compare with the responses before this one. */
	before.n = (size_t)(e - k->evaluations.v);
	return lms_respond_check(&r, e);
}

/*
 * A text answer goes into evaluations.yaml, which goes to git: personal
 * data in it is refused, or replaced with --redact.  Adds the answer.
 */
static int add_text(struct ctx *ctx, const struct eval_args *a,
		    struct lms_evaluation *e, const char *item, const char *text,
		    const struct cmd_where *at)
{
	char *redacted = NULL;
	int err = cmd_screen(ctx, at, text, a->redact ? &redacted : NULL);

	if (!err)
		lms_answer_add(e, item, 0, redacted ? redacted : text);
	free(redacted);
	return err;
}

/* What to do about personal data in an answer, in the user's language. */
static void redact_hint(struct lms_buf *out)
{
	lms_buf_addf(out, _(" (leave it out, or give --redact to replace it "
			    "with %s)"), CMD_REDACTED);
}

static int answer_args(struct ctx *ctx, struct context *k,
		       const struct eval_args *a)
{
	struct lms_evaluation *e = new_response(k, a, a->person);
	struct lms_buf why = LMS_BUF_INIT, hint = LMS_BUF_INIT;
	int err = 0;

	redact_hint(&hint);
	for (size_t i = 0; i < a->nanswers && !err; i++) {
		char *eq = strchr(a->answers[i], '=');
		char *item;
		const char *text;
		int value = 0;

		if (!eq || eq == a->answers[i])
			return cmd_usage_error(_("'%s' is not ITEM=VALUE"),
					       a->answers[i]);
		item = lms_strndup(a->answers[i], (size_t)(eq - a->answers[i]));
		if (!eq[1] && lms_form_item(&k->form, item))
			;	/* ITEM= leaves the item unanswered */
		else if (lms_answer_find(e, item))
			err = cmd_usage_error(_("%s is answered twice"), item);
		else if (lms_answer_read(&k->form, item, eq + 1, &value, &text, &why))
			err = cmd_usage_error("%s", why.buf);
		else if (text)
			err = add_text(ctx, a, e, item, text, &(struct cmd_where){
				NULL, 0, item, hint.buf });
		else
			lms_answer_add(e, item, value, NULL);
		free(item);
	}
	lms_buf_release(&why);
	lms_buf_release(&hint);
	return err ? err : check(k, e);
}

static int save(struct ctx *ctx, const struct context *k)
{
	struct lms_buf text = LMS_BUF_INIT;
	int err;

	lms_evaluations_emit(&text, &k->evaluations);
	err = lms_tree_save(&ctx->tree, LMS_FILE_EVALUATIONS, k->course.id,
			    &text);
	lms_buf_release(&text);
	return err;
}

/* Which column holds which item: --map first, then headers that are an
 * item's id or text.  -1 for columns that hold no item. */
struct columns {
	const char **item;	/* per column */
	int person;		/* the column of person ids, or -1 */
	int stamp;		/* the column of timestamps, or -1 */
	size_t mapped;
	unsigned order;		/* of the timestamps' day and month */
};

/* The headers of a column of person ids.  Not "ID": Microsoft Forms
 * numbers its responses in a column of that name. */
static const char *const person_headers[] = {
	"person", "person-id", "personid", "deltakernummer", "deltakernr",
	"deltaker-id", "deltakerid", "deltaker id", "participant",
	"participant id", "participant-id", NULL
};

static int check_columns(const struct eval_args *a, const struct lms_csv *csv,
			 const struct columns *c);

/* The first column, for no item yet, whose header is one of names. */
static int named_column(const struct lms_csv *csv, const struct columns *c,
			const char *const *names)
{
	for (size_t k = 0; names[k]; k++) {
		int i = lms_csv_column(csv, names[k]);

		if (i >= 0 && !c->item[i] && i != c->person && i != c->stamp)
			return i;
	}
	return -1;
}

/* --map COLUMN=ITEM, COLUMN=person or COLUMN=timestamp. */
static int map_one(const char *map, const struct lms_csv *csv,
		   const struct lms_form *f, struct columns *c)
{
	const char *eq = strrchr(map, '=');
	char *col;
	int i;

	if (!eq || eq == map)
		return cmd_usage_error(_("--map: '%s' is not COLUMN=ITEM"),
				       map);
	col = lms_strndup(map, (size_t)(eq - map));
	i = lms_csv_column(csv, col);
	free(col);
	if (i < 0)
		return cmd_usage_error(_("--map: the file has no column '%.*s'"),
				       (int)(eq - map), map);
	if (!strcmp(eq + 1, "person"))
		c->person = i;
	else if (!strcmp(eq + 1, "timestamp"))
		c->stamp = i;
	else if (!lms_form_item(f, eq + 1))
		return cmd_usage_error(_("--map: form '%s' has no item '%s'"),
				       f->id, eq + 1);
	else
		c->item[i] = lms_form_item(f, eq + 1)->id;
	return 0;
}

static int map_columns(const struct eval_args *a, const struct lms_csv *csv,
		       const struct lms_form *f, struct columns *c)
{
	unsigned order = LMS_ANY_ORDER;
	int err;

	c->item = lms_calloc(csv->ncols ? csv->ncols : 1, sizeof(*c->item));
	for (size_t m = 0; m < a->nmaps; m++)
		if ((err = map_one(a->maps[m], csv, f, c)))
			return err;
	for (size_t i = 0; i < csv->ncols; i++) {
		for (size_t j = 0; !c->item[i] && (int)i != c->person &&
		     (int)i != c->stamp && j < f->nitems; j++)
			if (!lms_utf8_casecmp(csv->header[i], f->items[j].id) ||
			    !lms_utf8_casecmp(csv->header[i], f->items[j].text))
				c->item[i] = f->items[j].id;
		c->mapped += c->item[i] != NULL;
	}
	if (!c->mapped)
		return lms_error_at(LMS_EDATA, a->csv, 1, 0,
				    _("no column matches an item of form '%s' "
				      "(name them with --map COLUMN=ITEM)"),
				    f->id);
	if (c->person < 0)
		c->person = named_column(csv, c, person_headers);
	if (c->stamp < 0)
		c->stamp = named_column(csv, c, lms_stamp_headers);
	for (size_t r = 0; c->stamp >= 0 && r < csv->nrows; r++)
		order = lms_stamp_order_add(order, csv->rows[r].cells[c->stamp]);
	c->order = lms_stamp_column_order(order);
	return check_columns(a, csv, c);
}

/* Two columns for one item would give two answers; a column for no item
 * is most often a header that misses the item's text by a letter. */
static int check_columns(const struct eval_args *a, const struct lms_csv *csv,
			 const struct columns *c)
{
	for (size_t i = 0; i < csv->ncols; i++) {
		for (size_t j = 0; c->item[i] && j < i; j++)
			if (c->item[j] && !strcmp(c->item[i], c->item[j]))
				return lms_error_at(LMS_EDATA, a->csv, 1, 0,
						    _("columns '%s' and '%s' "
						      "both answer item '%s'"),
csv->header[j], csv->header[i], c->item[i]);
		if (!c->item[i] && (int)i != c->person && (int)i != c->stamp)
			cmd_warn(_("%s: column '%s' matches no item of the form "
				   "and is left out"), a->csv, csv->header[i]);
	}
	return 0;
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
	const struct eval_args *a;
	const struct lms_csv *csv;
	struct columns c;
	size_t before;			/* responses in the file before it */
	struct lms_strset digests;	/* of those: digest -> 1 + index */
	struct lms_strset repeats;	/* rows read alike so far -> count */
	size_t named, anonymous, again;
};

/* The person of a row: an id of someone on the course, as the form's
 * respondent typed it ("P-7K3Q9X", "7k3q9x"). */
static int row_person(const struct context *k, const struct import *im,
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
		err = lms_error_at(LMS_EDATA, im->a->csv, row->line, 0,
				   _("column '%s': '%s' is not a person on "
				     "course '%s' (use the ids of lms roster, "
				     "such as p-7k3q9x)"),
				   im->csv->header[im->c.person], cell,
				   k->course.id);
	lms_buf_release(&id);
	lms_buf_release(&alt);
	return err;
}

static int row_stamp(const struct import *im, const struct lms_csv_row *row,
		     struct lms_stamp *out, bool *have)
{
	const char *cell = row->cells[im->c.stamp];

	*have = *cell != '\0';
	if (!*have || lms_stamp_parse(cell, im->c.order, out))
		return 0;
	return lms_error_at(LMS_EDATA, im->a->csv, row->line, 0,
			    _("column '%s': '%s' is not a date and time (such "
			      "as 2026-09-17 10:12 or 17.09.2026 kl. 10.12)"),
			    im->csv->header[im->c.stamp], cell);
}

/*
 * Whether the row was imported before: then *again is set and the
 * response is not added.  A row imported for another phase or session is
 * an error: one sheet answers one of them.
 */
static int imported_before(struct context *k, struct import *im,
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
	return lms_error_at(LMS_EREFUSED, im->a->csv, line, 0, _("this row was "
			      "imported before, as a %s response (line %u of "
			      "evaluations.yaml): a sheet answers one phase"),
			    C_("evaluation phase",
			       lms_eval_phase_names[prev->phase]),
			    prev->mark.line);
}

/* Drops the response at the end of the course's evaluations. */
static void drop_last(struct context *k)
{
	lms_schema_release(&lms_evaluation_schema,
			   &k->evaluations.v[--k->evaluations.n]);
}

/* One cell's answer to item, added to e; errors name the row (the line
 * it starts on) and the column.  Free text is screened for personal data
 * first. */
static int cell_answer(struct ctx *ctx, const struct context *k,
		       const struct eval_args *a, struct lms_evaluation *e,
		       const char *header, const char *item, const char *cell,
		       unsigned line)
{
	struct lms_buf why = LMS_BUF_INIT, column = LMS_BUF_INIT;
	struct lms_buf hint = LMS_BUF_INIT;
	const char *text;
	int value = 0, err;

	if (lms_answer_read(&k->form, item, cell, &value, &text, &why)) {
		err = lms_error_at(LMS_EDATA, a->csv, line, 0,
				   _("column '%s': %s"), header, why.buf);
	} else if (!text) {
		lms_answer_add(e, item, value, NULL);
		err = 0;
	} else {
		lms_buf_addf(&column, _("column '%s'"), header);
		redact_hint(&hint);
		err = add_text(ctx, a, e, item, text, &(struct cmd_where){
			a->csv, line, column.buf, hint.buf });
	}
	lms_buf_release(&why);
	lms_buf_release(&column);
	lms_buf_release(&hint);
	return err;
}

static int row_answers(struct ctx *ctx, struct context *k,
		       const struct import *im, struct lms_evaluation *e,
		       const struct lms_csv_row *row)
{
	int err = 0;

	for (size_t i = 0; i < im->csv->ncols && !err; i++) {
		trim(row->cells[i]);
		if (im->c.item[i] && *row->cells[i])
			err = cell_answer(ctx, k, im->a, e, im->csv->header[i],
					  im->c.item[i], row->cells[i],
					  row->line);
	}
	return err;
}

static int row_response(struct ctx *ctx, struct context *k,
			struct import *im, const struct lms_csv_row *row)
{
	const char *person = NULL;
	struct lms_stamp st;
	struct lms_evaluation *e;
	bool stamped = false, again = false;
	int err = 0;

	if ((im->c.person >= 0 && (err = row_person(k, im, row, &person))) ||
	    (im->c.stamp >= 0 && (err = row_stamp(im, row, &st, &stamped))))
		return err;
	e = new_response(k, im->a, person);
	if (stamped)
		e->date = st.date;
	if ((err = row_answers(ctx, k, im, e, row)))
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
		err = lms_error_at(err, im->a->csv, row->line, 0, "%s", msg);
	}
	return err;
}

static void start_import(struct import *im, const struct eval_args *a,
			 const struct lms_csv *csv, const struct context *k)
{
	memset(im, 0, sizeof(*im));
	im->a = a;
	im->csv = csv;
	im->c.person = im->c.stamp = -1;
	im->before = k->evaluations.n;
	lms_strset_init(&im->digests);
	lms_strset_init(&im->repeats);
	for (size_t i = 0; i < k->evaluations.n; i++)
		if (k->evaluations.v[i].digest)
			lms_strset_add(&im->digests, k->evaluations.v[i].digest,
				       (void *)(uintptr_t)(i + 1));
}

static void end_import(struct import *im, const struct context *k)
{
	for (size_t i = im->before; i < k->evaluations.n; i++) {
		im->named += k->evaluations.v[i].person != NULL;
		im->anonymous += k->evaluations.v[i].person == NULL;
	}
	free(im->c.item);
	lms_strset_release(&im->digests);
	lms_strset_release(&im->repeats);
}

static int import_csv(struct ctx *ctx, struct context *k,
		      const struct eval_args *a, struct import *im)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_csv csv;
	int err;

	if ((err = lms_read_file(a->csv, 64u << 20, &text)) ||
	    (err = lms_csv_parse(&csv, a->csv, text.buf, text.len))) {
		lms_buf_release(&text);
		return err;
	}
	start_import(im, a, &csv, k);
	err = map_columns(a, &csv, &k->form, &im->c);
	for (size_t r = 0; r < csv.nrows && !err; r++)
		err = row_response(ctx, k, im, &csv.rows[r]);
	if (!err && k->evaluations.n == im->before && !im->again)
		err = lms_error_at(LMS_EDATA, a->csv, 0, 0, _("no row holds an "
				     "answer: nothing to import"));
	end_import(im, k);
	lms_csv_release(&csv);
	lms_buf_release(&text);
	return err;
}

static int check_person(struct ctx *ctx, const char *person)
{
	struct lms_register reg;
	int err = lms_tree_load_register(&ctx->tree, &reg);

	if (!err && !lms_register_find(&reg, person))
		err = lms_error(LMS_ENOENT, _("no such person: '%s'"), person);
	lms_register_release(&reg);
	return err;
}

/* "imported 3 responses to mestringstro (post): 2 by name, 1 anonymous" */
static void import_report(struct lms_buf *out, const struct eval_args *a,
			  const struct import *im)
{
	size_t n = im->named + im->anonymous;

	if (!n) {
		lms_buf_addf(out, lms_n_("nothing new: the %zu response of %s "
					 "was imported before\n", "nothing new: "
					 "the %zu responses of %s were imported "
					 "before\n", im->again),
			     im->again, a->csv);
		return;
	}
	lms_buf_addf(out, lms_n_("imported %zu response to %s (%s): %zu by "
				 "name, %zu anonymous", "imported %zu responses "
				 "to %s (%s): %zu by name, %zu anonymous", n),
		     n, a->form, C_("evaluation phase",
				    lms_eval_phase_names[a->phase]),
		     im->named, im->anonymous);
	if (im->again)
		lms_buf_addf(out, lms_n_("; %zu imported before, left as it "
					 "was", "; %zu imported before, left "
					 "as they were", im->again),
			     im->again);
	lms_buf_addch(out, '\n');
}

static int evaluate(struct ctx *ctx, int argc, char **argv)
{
	struct eval_args a;
	struct context k;
	struct import im = { 0 };
	int err;

	if ((err = parse(ctx, argc, argv, &a)) || (err = cmd_open_tree(ctx))) {
		lms_words_free(a.maps, a.nmaps);
		return err;
	}
	err = load_context(ctx, &a, &k);
	if (!err && a.person)
		err = check_person(ctx, a.person);
	if (!err && a.csv)
		err = import_csv(ctx, &k, &a, &im);
	else if (!err)
		err = answer_args(ctx, &k, &a);
	/* A sheet imported before changes nothing, not even the file. */
	if (!err && (!a.csv || im.named + im.anonymous))
		err = save(ctx, &k);
	if (!err && a.csv)
		import_report(&ctx->out, &a, &im);
	else if (!err && a.person)
		/* TRANSLATORS: "recorded p-7k3q9x's pre response to
		 * mestringstro"; the phase is translated too. */
		lms_buf_addf(&ctx->out, _("recorded %s's %s response to %s\n"),
			     a.person, C_("evaluation phase",
					  lms_eval_phase_names[a.phase]),
			     a.form);
	else if (!err)
		lms_buf_addf(&ctx->out, _("recorded an anonymous %s response "
					  "to %s\n"),
			     C_("evaluation phase",
				lms_eval_phase_names[a.phase]), a.form);
	release_context(&k);
	lms_words_free(a.maps, a.nmaps);
	return err;
}

const struct cmd cmd_evaluate = {
	"evaluate", evaluate, CMD_TREE | CMD_LOCK, usage,
	N_("record or import responses to an evaluation form"), "lms-evaluate",
	NULL
};
