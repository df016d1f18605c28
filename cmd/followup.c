#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "followup.h"
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

static const char *const usage[] = {
	"lms followup [COURSE...] [--format F]", NULL
};

static int followup(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
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
		      LMS_EUSAGE;
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

		lms_table_init(&t, cols);
	}
	lms_i18n_set(was);
	named = lms_followup_named(argv + optind, (size_t)(argc - optind),
				   &nnamed);
	for (size_t i = 0; i < nnamed && !err; i++)
		err = course_rows(ctx, named[i], &reg, lang, &t);
	for (size_t i = 0; i < n && !err; i++)
		err = course_rows(ctx, ids[i], &reg, lang, &t);
	was = lms_i18n_set(lang);
	if (!err)
		cmd_emit_table(ctx, &t, fmt);
	lms_i18n_set(was);
	lms_table_release(&t);
	lms_strings_free(ids, n);
	free(named);
	lms_register_release(&reg);
	return err;
}

const struct cmd cmd_followup = {
	"followup", followup, CMD_TREE, usage,
	N_("list who missed the last two sessions, and how to reach them"),
	"lms-followup", NULL
};
