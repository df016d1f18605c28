#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "id.h"
#include "meetings.h"
#include "utf8.h"
#include "words.h"
#include "cmd.h"

/*
 * lms meeting: a course's meetings besides its sessions, where its
 * facilitators plan and evaluate it (courses/ID/meetings.yaml), so that
 * lms check can tell a phase declared from one carried out.  add is
 * lms_ops_meeting_add.
 */

static const char *const add_usage[] = {
	"lms meeting add COURSE --date DATE --kind K --with FID,... "
	"[--hours H] [--note TEXT]",
	NULL
};

/* Hours as people write them: "1.5" or "1,5". */
static int parse_hours(const char *s, double *out)
{
	char *copy = lms_strdup(s), *comma = strchr(copy, ','), *end;
	double h;

	if (comma)
		*comma = '.';
	h = strtod(copy, &end);
	if (!*copy || *end || !(h > 0 && h <= 24)) {
		free(copy);
		return cmd_usage_error(_("--hours: '%s' is not a number of "
					 "hours more than 0 and at most 24"),
				       s);
	}
	free(copy);
	*out = h;
	return 0;
}

static int parse_with(const char *s, struct lms_meeting *m)
{
	int err = 0;

	lms_words_split(s, &m->with, &m->nwith);
	for (size_t i = 0; i < m->nwith && !err; i++)
		err = lms_id_check("facilitator", m->with[i]);
	return err;
}

static int add_options(int argc, char **argv, struct lms_meeting *m)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "kind", required_argument, NULL, 'k' },
		{ "with", required_argument, NULL, 'w' },
		{ "hours", required_argument, NULL, 'h' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'd': err = cmd_parse_date("--date", optarg, &m->date); break;
		case 'k':
			err = cmd_parse_enum("--kind", optarg,
					     lms_meeting_kind_names, &m->kind);
			break;
		case 'w':
			lms_strings_free(m->with, m->nwith);
			err = parse_with(optarg, m);
			break;
		case 'h': err = parse_hours(optarg, &m->hours); break;
		case 'n':
			free(m->note);
			m->note = lms_strdup(optarg);
			break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (argc - optind != 1)
		return cmd_usage_error(_("give one course id"));
	if (m->date == LMS_DATE_NONE)
		return cmd_usage_error(_("--date: give the day of the meeting"));
	if (!m->kind)
		return cmd_usage_error(_("--kind: give %s"),
				       cmd_list(lms_meeting_kind_names,
						LMS_JOIN_OR));
	if (!m->nwith)
		return cmd_usage_error(_("--with: give the ids of the "
					 "facilitators who took part"));
	if (m->note && (!*m->note || !lms_text_is_line(m->note)))
		return cmd_usage_error(_("--note: give it on one line"));
	return lms_id_check("course", argv[optind]);
}

static int meeting_add(struct ctx *ctx, int argc, char **argv)
{
	struct lms_meeting m;
	struct lms_ops_io io;
	char date[11];
	int err;

	lms_schema_init(&lms_meeting_schema, &m);
	err = add_options(argc, argv, &m);
	if (!err)
		err = cmd_open_tree(ctx);
	/* A note naming a participant has no place in a file for git. */
	if (!err && m.note)
		err = cmd_screen(ctx, &(struct cmd_where){ NULL, 0, "--note",
							    NULL }, m.note, NULL);
	if (!err) {
		cmd_ops_io(ctx, &io);
		err = lms_ops_meeting_add(&io, argv[optind], &m);
	}
	if (!err) {
		lms_i18n_date(m.date, date);
		/* TRANSLATORS: "added a meeting of kols-h26 on 2026-09-01
		 * (plan)"; the last is the meeting's kind. */
		lms_buf_addf(&ctx->out, _("added a meeting of %s on %s (%s)\n"),
			     argv[optind], date,
			     C_("meeting kind", lms_meeting_kind_names[m.kind]));
	}
	lms_schema_release(&lms_meeting_schema, &m);
	return err;
}

static const struct cmd meeting_add_cmd = {
	"add", meeting_add, CMD_TREE | CMD_LOCK, add_usage,
	"record a meeting where a course is planned or evaluated",
	"lms-meeting", NULL
};

/* lms meeting list */

static const char *const list_usage[] = {
	"lms meeting list COURSE [--format F]", NULL
};

static void hours_cell(struct lms_table *t, const struct lms_meeting *m)
{
	struct lms_buf people = LMS_BUF_INIT;
	char s[32];

	snprintf(s, sizeof(s), "%g", lms_meeting_hours(m));
	if (!lms_i18n_number(&people, s, false))
		lms_buf_adds(&people, s);
	lms_table_cell(t, people.buf);
	lms_buf_release(&people);
}

static void list_table(struct lms_table *t, const struct lms_meetings *ms)
{
	/* TRANSLATORS: the columns of lms meeting list (in CSV, TSV and
	 * YAML they stay these English keys). */
	const char *const cols[] = {
		_("date"), _("kind"), _("hours"), _("with"), _("note"), NULL
	};

	lms_table_init(t, cols);
	for (size_t i = 0; i < ms->n; i++) {
		const struct lms_meeting *m = &ms->v[i];
		struct lms_buf with = LMS_BUF_INIT;
		char date[11];

		for (size_t j = 0; j < m->nwith; j++)
			lms_buf_addf(&with, "%s%s", j ? "," : "", m->with[j]);
		lms_i18n_date(m->date, date);
		lms_table_row(t);
		lms_table_cell(t, date);
		lms_table_cell(t, C_("meeting kind",
				     lms_meeting_kind_names[m->kind]));
		hours_cell(t, m);
		lms_table_cell(t, with.buf);
		lms_table_cell(t, m->note);
		lms_buf_release(&with);
	}
}

static int meeting_list(struct ctx *ctx, int argc, char **argv)
{
	enum lms_format fmt;
	enum lms_lang was;
	struct lms_meetings ms;
	struct lms_ops_io io;
	struct lms_table t;
	int err = cmd_format_option(argc, argv, &fmt);

	if (!err && argc - optind != 1)
		err = cmd_usage_error(_("give one course id"));
	if (err || (err = lms_id_check("course", argv[optind])) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	if ((err = lms_tree_has_course(&ctx->tree, argv[optind])) <= 0)
		return err ? err : lms_error(LMS_ENOENT, _("no such course: "
					     "'%s'"), argv[optind]);
	if ((err = lms_ops_load_meetings(&io, argv[optind], &ms)))
		return err;
	/* Built in the language of its format: English for scripts. */
	was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language, fmt,
					false));
	list_table(&t, &ms);
	cmd_emit_table(ctx, &t, fmt);
	lms_i18n_set(was);
	lms_table_release(&t);
	lms_meetings_release(&ms);
	return 0;
}

static const struct cmd meeting_list_cmd = {
	"list", meeting_list, CMD_TREE, list_usage,
	"list the meetings of a course", "lms-meeting", NULL
};

static const struct cmd *const verbs[] = {
	&meeting_add_cmd, &meeting_list_cmd, NULL
};

static const char *const usage[] = {
	"lms meeting add | list ...", NULL
};

const struct cmd cmd_meeting = {
	"meeting", NULL, 0, usage,
	N_("record the meetings where a course is planned and evaluated"),
	"lms-meeting", verbs
};
