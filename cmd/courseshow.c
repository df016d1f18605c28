#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "emit.h"
#include "utf8.h"
#include "cmd.h"
#include "coursecmd.h"

/* lms course show */

/* A label and the space to its values' column, counted in columns, not
 * bytes: "målgrupper" is ten letters and eleven bytes. */
#define LABEL_WIDTH 14

static void add_label(struct lms_buf *out, const char *label)
{
	size_t width = lms_utf8_width(label);

	lms_buf_adds(out, label);
	do
		lms_buf_addch(out, ' ');
	while (++width < LABEL_WIDTH);
}

static void show_line(struct lms_buf *out, const char *label,
		      const char *value)
{
	add_label(out, label);
	lms_buf_adds(out, value);
	lms_buf_addch(out, '\n');
}

static void show_flags(struct lms_buf *out, const char *label,
		       const char *const *names, const char *context,
		       unsigned bits)
{
	add_label(out, label);
	course_add_flag_names(out, names, context, bits);
	lms_buf_addch(out, '\n');
}

static void show_words(struct lms_buf *out, const char *label,
		       char *const *v, size_t n)
{
	if (!n)
		return;
	add_label(out, label);
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%s%s", i ? ", " : "", v[i]);
	lms_buf_addch(out, '\n');
}

static void show_facilitators(struct lms_buf *out, const struct lms_course *c,
			      const struct lms_facilitator *all, size_t nall)
{
	for (size_t i = 0; i < c->nfacilitators; i++) {
		const struct lms_course_facilitator *cf = &c->facilitators[i];
		const struct lms_facilitator *f =
			lms_facilitator_find(all, nall, cf->id);

		/* TRANSLATORS: a label of lms course show, as are the
		 * others before a value; each fits in 13 columns. */
		add_label(out, i ? "" : _("facilitators"));
		lms_buf_adds(out, cf->id);
		if (f)
			lms_buf_addf(out, " (%s, %s): ", f->name,
				     C_("facilitator kind", lms_kind_names[
					lms_course_facilitator_kind(c, f, cf->id)]));
		else {
			lms_buf_adds(out, " (");
			/* TRANSLATORS: %s is the file of facilitators. */
			lms_buf_addf(out, _("not in %s"),
				     LMS_FACILITATORS_FILE);
			lms_buf_adds(out, "): ");
		}
		course_add_flag_names(out, lms_phase_names, "phase", cf->phases);
		lms_buf_addch(out, '\n');
	}
}

static bool any_session_place(const struct lms_course *c)
{
	for (size_t i = 0; i < c->nsessions; i++)
		if (c->sessions[i].place)
			return true;
	return false;
}

static void session_row(struct lms_table *t, const struct lms_session *s,
			size_t number, bool places)
{
	/* TRANSLATORS: weekdays in the column "day" of lms course show. */
	static const char *const days[] = {
		NC_("weekday", "mon"), NC_("weekday", "tue"),
		NC_("weekday", "wed"), NC_("weekday", "thu"),
		NC_("weekday", "fri"), NC_("weekday", "sat"),
		NC_("weekday", "sun")
	};
	struct lms_buf times = LMS_BUF_INIT;
	char date[11];

	lms_i18n_date(s->date, date);
	if (s->start != LMS_TIME_NONE)
		lms_i18n_times(&times, s->start, s->end);
	lms_table_row(t);
	lms_table_cellf(t, "%zu", number);
	lms_table_cell(t, date);
	lms_table_cell(t, C_("weekday", days[lms_date_weekday(s->date)]));
	lms_table_cell(t, times.len ? times.buf : "");
	lms_table_cell(t, s->theme);
	if (places)
		lms_table_cell(t, s->place);
	lms_buf_release(&times);
}

static void show_sessions(struct lms_buf *out, const struct lms_course *c)
{
	/* TRANSLATORS: the columns of the sessions in lms course show. */
	const char *const cols[] = {
		_("n"), _("date"), _("day"), _("time"), _("theme"), _("place"),
		NULL
	};
	const char *const cols_no_place[] = {
		cols[0], cols[1], cols[2], cols[3], cols[4], NULL
	};
	bool places = any_session_place(c);
	size_t *order = lms_course_session_order(c);
	struct lms_table t;

	lms_table_init(&t, places ? cols : cols_no_place);
	lms_table_set_numeric(&t, 0);
	for (size_t k = 0; k < c->nsessions; k++)
		session_row(&t, &c->sessions[order[k]], k + 1, places);
	lms_buf_addch(out, '\n');
	lms_table_render(&t, LMS_FMT_TEXT, false, out);
	lms_table_release(&t);
	free(order);
}

static void show_capacity(struct lms_buf *out, const struct lms_course *c)
{
	char text[64];

	if (c->capacity == LMS_UNSET)
		return;
	snprintf(text, sizeof(text), c->waitlist ?
		 _("%d, with a waiting list") : _("%d, no waiting list"),
		 c->capacity);
	show_line(out, _("capacity"), text);
}

static void show_text(struct lms_buf *out, const struct lms_course *c,
		      const struct lms_facilitator *all, size_t nall)
{
	show_line(out, _("course"), c->id);
	show_line(out, _("title"), c->title);
	if (c->description)
		show_line(out, _("description"), c->description);
	show_line(out, _("status"), C_("course status",
				       lms_status_names[c->status]));
	if (c->target_groups)
		show_flags(out, _("target groups"), lms_target_group_names,
			   "target group", c->target_groups);
	show_words(out, _("topics"), c->topics, c->ntopics);
	if (c->place)
		show_line(out, _("place"), c->place);
	show_capacity(out, c);
	if (c->template)
		show_line(out, _("template"), c->template);
	show_facilitators(out, c, all, nall);
	show_words(out, _("forms"), c->forms, c->nforms);
	show_words(out, _("follow-up"), c->follow_up, c->nfollow_up);
	if (c->nsessions)
		show_sessions(out, c);
}

static const char *const show_usage[] = {
	"lms course show ID [--format text | yaml]", NULL
};

static int course_show(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	enum lms_format fmt = LMS_FMT_TEXT;
	struct lms_facilitator *all = NULL;
	struct lms_course course;
	size_t nall = 0;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'F' ? lms_format_parse(optarg, LMS_FMT_TEXT |
						  LMS_FMT_YAML, &fmt) :
		      LMS_EUSAGE;
	if (!err && optind + 1 != argc)
		err = cmd_usage_error(_("give one course id"));
	if (err || (err = cmd_open_tree(ctx)))
		return err;
	if ((err = lms_tree_load_course(&ctx->tree, argv[optind], &course, NULL)))
		return err;
	if (fmt == LMS_FMT_YAML) {
		lms_course_emit(&ctx->out, &course);
	} else if (!(err = lms_tree_load_facilitators(&ctx->tree, &all, &nall,
						       NULL))) {
		enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
			ctx->tree.service.language, fmt, false));

		show_text(&ctx->out, &course, all, nall);
		lms_i18n_set(was);
	}
	lms_facilitators_free(all, nall);
	lms_course_release(&course);
	return err;
}

const struct cmd course_show_cmd = {
	"show", course_show, CMD_TREE, show_usage,
	"show a course and its sessions", "lms-course", NULL
};
