#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "followup.h"
#include "id.h"
#include "ingroup.h"
#include "cmd.h"

/*
 * lms followup: whom to call.  People enrolled on a course who missed the
 * last two sessions held (absent, or not marked where others were; an
 * excused absence is not missing).
 */

struct rows {
	const char *course;
	const struct lms_register *reg;
	struct lms_table *t;
};

static void add_row(const struct lms_enrolment *r, int32_t last_present,
		    void *arg)
{
	struct rows *rows = arg;
	const struct lms_person *who = lms_register_find(rows->reg, r->person);
	struct lms_table *t = rows->t;
	char seen[32];

	if (last_present == LMS_DATE_NONE)
		/* TRANSLATORS: lms followup: present at no session yet. */
		snprintf(seen, sizeof(seen), "%s", C_("last present", "never"));
	else
		lms_i18n_date(last_present, seen);
	lms_table_row(t);
	lms_table_cell(t, rows->course);
	lms_table_cell(t, r->person);
	lms_table_cell(t, who ? who->name : _("(not in the register)"));
	lms_table_cell(t, who ? who->phone : NULL);
	lms_table_cell(t, who ? who->email : NULL);
	lms_table_cell(t, seen);
}

/* The rows of one course; lang is the table's, which may not be the
 * user's (messages are in the user's). */
static int course_rows(struct ctx *ctx, const char *id,
		       const struct lms_register *reg, enum lms_lang lang,
		       struct lms_table *t)
{
	struct rows rows = { id, reg, t };
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_attendance a;
	int err;

	if ((err = lms_tree_load_course(&ctx->tree, id, &c, NULL)))
		return err;
	if (!(err = lms_tree_load_enrolments(&ctx->tree, id, &e)) &&
	    !(err = lms_tree_load_attendance(&ctx->tree, id, &a))) {
		enum lms_lang was = lms_i18n_set(lang);

		lms_followup_find(&c, &e, &a, ctx->today, add_row, &rows);
		lms_i18n_set(was);
		lms_attendance_release(&a);
	}
	lms_enrolments_release(&e);
	lms_course_release(&c);
	return err;
}

/*
 * lms followup --due: whom to ask the follow-up evaluation, and when: those
 * who completed a course and have not answered at follow-up, on the day
 * the course's followup_after gives (followup.h).
 */

struct due_row {
	int32_t due;
	const char *course;	/* the course's id, in ids or argv */
	size_t person;		/* where its id begins in people */
};

/* The rows are all kept, for one sort by date, but small: the people's
 * ids one after another in one buffer, not a string each. */
struct due_rows {
	const char *course;
	int32_t due;
	struct due_row *v;
	size_t n;
	struct lms_buf people;
};

static void add_due(const struct lms_enrolment *r, void *arg)
{
	struct due_rows *rows = arg;
	struct due_row *row = lms_array_push(&rows->v, &rows->n, sizeof(*row));

	row->due = rows->due;
	row->course = rows->course;
	row->person = rows->people.len;
	lms_buf_add(&rows->people, r->person, strlen(r->person) + 1);
}

/* The template's followup_after, or NULL (also for a template that is
 * gone: the default is used, and lms check names the missing file). */
static char *template_after(struct ctx *ctx, const struct lms_course *c)
{
	struct lms_template t;
	char *after;

	if (!c->template ||
	    lms_tree_load_template(&ctx->tree, c->template, &t, NULL))
		return NULL;
	after = t.followup_after ? lms_strdup(t.followup_after) : NULL;
	lms_template_release(&t);
	return after;
}

static int course_due(struct ctx *ctx, const char *id, struct due_rows *rows)
{
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_evaluations ev;
	struct lms_after after;
	char *tafter;
	int err;

	if ((err = lms_tree_load_course(&ctx->tree, id, &c, NULL)))
		return err;
	tafter = template_after(ctx, &c);
	lms_followup_after(&c, tafter, &after);
	rows->course = id;
	rows->due = lms_followup_due_date(&c, &after);
	if (rows->due != LMS_DATE_NONE &&
	    !(err = lms_tree_load_enrolments(&ctx->tree, id, &e))) {
		if (!(err = lms_tree_load_evaluations(&ctx->tree, id, &ev))) {
			lms_followup_due(&e, &ev, add_due, rows);
			lms_evaluations_release(&ev);
		}
		lms_enrolments_release(&e);
	}
	free(tafter);
	lms_course_release(&c);
	return err;
}

/* By due date; the courses come in order and so do their people. */
static int by_due(const void *a, const void *b)
{
	const struct due_row *x = a, *y = b;

	return x->due < y->due ? -1 : x->due > y->due;
}

/* The piece of rows from from into t, which holds no other. */
static void due_fill(const struct due_rows *rows, size_t from,
		     const struct lms_register *reg, struct lms_table *t)
{
	size_t to = rows->n - from < CMD_TABLE_PIECE ? rows->n :
						       from + CMD_TABLE_PIECE;

	lms_table_clear_rows(t);
	for (size_t i = from; i < to; i++) {
		const struct due_row *r = &rows->v[i];
		const char *person = rows->people.buf + r->person;
		const struct lms_person *who = lms_register_find(reg, person);
		char due[11];

		lms_i18n_date(r->due, due);
		lms_table_row(t);
		lms_table_cell(t, r->course);
		lms_table_cell(t, person);
		lms_table_cell(t, who ? who->name : _("(not in the register)"));
		lms_table_cell(t, who ? who->phone : NULL);
		lms_table_cell(t, who ? who->email : NULL);
		lms_table_cell(t, due);
	}
}

/*
 * The rows by date, rendered a piece at a time and sent on through a
 * temporary file past a size (cmd_spool): at 53,500 courses they are
 * hundreds of thousands.  Aligned text needs the widths of them all, so
 * for it the pieces are made twice.
 */
static int due_table(struct ctx *ctx, struct due_rows *rows,
		     const struct lms_register *reg, struct lms_table *t,
		     enum lms_format fmt)
{
	struct cmd_spool spool = { NULL };
	size_t *width = lms_calloc(t->ncols, sizeof(*width));
	int err = 0;

	lms_array_sort(rows->v, rows->n, sizeof(*rows->v), by_due);
	if (!rows->n)
		cmd_emit_table(ctx, t, fmt);
	for (size_t i = 0; fmt == LMS_FMT_TEXT && i < rows->n;
	     i += CMD_TABLE_PIECE) {
		due_fill(rows, i, reg, t);
		lms_table_text_widths(t, width);
	}
	for (size_t i = 0; !err && i < rows->n; i += CMD_TABLE_PIECE) {
		due_fill(rows, i, reg, t);
		if (fmt == LMS_FMT_TEXT)
			lms_table_render_text_rows(t, width, !i, &ctx->out);
		else
			cmd_emit_table_piece(ctx, t, fmt, !i);
		err = cmd_spool_add(ctx, &spool);
	}
	free(width);
	return cmd_spool_end(ctx, &spool, err);
}

static const char *const usage[] = {
	"lms followup [COURSE...] [--format F]",
	"lms followup --due [COURSE...] [--format F]",
	"lms followup record COURSE --in-group PERSON=yes|no...", NULL
};

static int followup(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "due", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct due_rows rows = { NULL, 0, NULL, 0, LMS_BUF_INIT };
	bool due = false;
	enum lms_format fmt = LMS_FMT_TEXT;
	enum lms_lang lang, was;
	struct lms_register reg;
	struct lms_table t;
	char **ids = NULL;
	const char **named;
	size_t n = 0, nnamed;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'F' ? lms_format_parse(optarg, LMS_FMT_LISTING, &fmt) :
		      c == 'd' ? (due = true, 0) : LMS_EUSAGE;
	if (err || (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_register(&ctx->tree, &reg)))
		return err;
	if (optind == argc)
		err = lms_tree_course_ids(&ctx->tree, &ids, &n);
	/* Built in the language of its format: English for scripts. */
	lang = cmd_doc_lang(ctx, ctx->tree.service.language, fmt, false);
	was = lms_i18n_set(lang);
	{
		/* TRANSLATORS: the columns of lms followup (in CSV, TSV and
		 * YAML they stay these English keys). */
		const char *const cols[] = {
			_("course"), _("person"), _("name"), _("phone"),
			_("email"), _("last_present"), NULL
		};
		/* TRANSLATORS: lms followup --due: the day to ask. */
		const char *const due_cols[] = {
			_("course"), _("person"), _("name"), _("phone"),
			_("email"), _("due"), NULL
		};

		lms_table_init(&t, due ? due_cols : cols);
	}
	lms_i18n_set(was);
	named = lms_followup_named(argv + optind, (size_t)(argc - optind),
				   &nnamed);
	for (size_t i = 0; i < nnamed && !err; i++)
		err = due ? course_due(ctx, named[i], &rows) :
		      course_rows(ctx, named[i], &reg, lang, &t);
	for (size_t i = 0; i < n && !err; i++)
		err = due ? course_due(ctx, ids[i], &rows) :
		      course_rows(ctx, ids[i], &reg, lang, &t);
	was = lms_i18n_set(lang);
	if (!err && due)
		err = due_table(ctx, &rows, &reg, &t, fmt);
	else if (!err)
		cmd_emit_table(ctx, &t, fmt);
	lms_buf_release(&rows.people);
	free(rows.v);
	lms_i18n_set(was);
	lms_table_release(&t);
	lms_strings_free(ids, n);
	free(named);
	lms_register_release(&reg);
	return err;
}

/*
 * lms followup record COURSE --in-group PERSON=yes|no: what those asked
 * at follow-up said of a group or offer after the course.
 */

static const char *const record_usage[] = {
	"lms followup record COURSE --in-group PERSON=yes|no...", NULL
};

static int parse_in_group(const char *arg, struct lms_in_group *out,
			  char **person)
{
	const char *eq = strchr(arg, '=');
	int err;

	if (!eq || (strcmp(eq + 1, "yes") && strcmp(eq + 1, "no")))
		return cmd_usage_error(_("--in-group: '%s' is not "
					 "PERSON=yes or PERSON=no"), arg);
	*person = lms_strndup(arg, (size_t)(eq - arg));
	if ((err = lms_id_check("person", *person)))
		return err;
	out->person = *person;
	out->yes = !strcmp(eq + 1, "yes");
	return 0;
}

static void say_recorded(struct ctx *ctx, const char *course,
			 const struct lms_in_group *v, size_t n)
{
	size_t yes = 0;

	for (size_t i = 0; i < n; i++)
		yes += v[i].yes;
	/* TRANSLATORS: lms followup record: of those asked at follow-up,
	 * how many are still in a group or offer, and how many not. */
	lms_buf_addf(&ctx->out, _("%s: %zu still in a group, %zu not\n"),
		     course, yes, n - yes);
}

static int followup_record(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "in-group", required_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 }
	};
	/* At most one answer an argument. */
	struct lms_in_group *v = lms_calloc((size_t)argc, sizeof(*v));
	char **people = lms_calloc((size_t)argc, sizeof(*people));
	struct lms_ops_io io;
	size_t n = 0;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		if (c != 'g') {
			err = LMS_EUSAGE;
			break;
		}
		err = parse_in_group(optarg, &v[n], &people[n]);
		n++;
	}
	if (!err && (optind + 1 != argc || !n))
		err = cmd_usage_error(_("give one course and at least one "
					"--in-group"));
	if (!err && !(err = cmd_open_tree(ctx))) {
		cmd_ops_io(ctx, &io);
		if (!(err = lms_ops_record_in_group(&io, argv[optind], v, n)))
			say_recorded(ctx, argv[optind], v, n);
	}
	lms_strings_free(people, n);
	free(v);
	return err;
}

static const struct cmd followup_record_cmd = {
	"record", followup_record, CMD_TREE | CMD_LOCK, record_usage,
	N_("record what those asked at follow-up said"), "lms-followup", NULL
};

static const struct cmd *const followup_verbs[] = {
	&followup_record_cmd, NULL
};

const struct cmd cmd_followup = {
	"followup", followup, CMD_TREE, usage,
	N_("list who missed the last two sessions, and how to reach them"),
	"lms-followup", followup_verbs
};
