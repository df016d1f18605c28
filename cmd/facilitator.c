#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "facilitators.h"
#include "id.h"
#include "utf8.h"
#include "words.h"
#include "cmd.h"
#include "coursecmd.h"

/*
 * lms facilitator: the registry of professionals and user
 * representatives ("a system to know which user representatives are
 * available").  add is lms_ops_facilitator_add.
 */

/* --available: true, false, or FROM:TO. */
static int parse_available(const char *s, struct lms_availability *out)
{
	static const char *const words[] = { "true", "false", NULL };

	if (lms_availability_parse_input(s, out))
		return 0;
	/* TRANSLATORS: the second %s is "true, false". */
	return cmd_usage_error(_("--available: '%s' is not %s or FROM:TO (two "
				 "dates, such as 2026-08-01:2026-12-31 or "
				 "1.8.2026:31.12.2026)"), s,
			       cmd_list(words, LMS_JOIN_COMMAS));
}

static const char *const add_usage[] = {
	"lms facilitator add ID --name N --kind K [--profession P] "
	"[--topics T,...] [--trained T,...] [--available FROM:TO | true | false]",
	NULL
};

static int add_options(int argc, char **argv, struct lms_facilitator *f)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "profession", required_argument, NULL, 'p' },
		{ "topics", required_argument, NULL, 't' },
		{ "trained", required_argument, NULL, 'T' },
		{ "available", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'n': f->name = lms_strdup(optarg); break;
		case 'k':
			err = cmd_parse_enum("--kind", optarg, lms_kind_names,
					     &f->kind);
			break;
		case 'p': f->profession = lms_strdup(optarg); break;
		case 't': lms_words_add(optarg, &f->topics, &f->ntopics); break;
		case 'T': lms_words_add(optarg, &f->trained, &f->ntrained); break;
		case 'a': err = parse_available(optarg, &f->available); break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (argc - optind != 1)
		return cmd_usage_error(_("give one facilitator id"));
	if ((err = lms_id_check("facilitator", argv[optind])))
		return err;
	f->id = lms_strdup(argv[optind]);
	if ((err = cmd_check_name(f->name)))
		return err;
	if (!f->kind)
		return cmd_usage_error(_("--kind: give %s"),
				       cmd_list(lms_kind_names, LMS_JOIN_OR));
	if (f->profession && !lms_text_is_line(f->profession))
		return cmd_usage_error(_("--profession: give it on one line"));
	return 0;
}

static int facilitator_add(struct ctx *ctx, int argc, char **argv)
{
	struct lms_facilitator f;
	struct lms_ops_io io;
	int err;

	lms_schema_init(&lms_facilitator_schema, &f);
	err = add_options(argc, argv, &f);
	if (!err)
		err = cmd_open_tree(ctx);
	if (!err) {
		cmd_ops_io(ctx, &io);
		err = lms_ops_facilitator_add(&io, &f);
	}
	if (!err)
		lms_buf_addf(&ctx->out, _("added %s (%s)\n"), f.id,
			     C_("facilitator kind", lms_kind_names[f.kind]));
	lms_schema_release(&lms_facilitator_schema, &f);
	return err;
}

static const struct cmd facilitator_add_cmd = {
	"add", facilitator_add, CMD_TREE | CMD_LOCK, add_usage,
	"add a professional or user representative", "lms-facilitator", NULL
};

/* lms facilitator list */

/* "2026-08-01 to 2026-12-31", "no" or "yes", in the language. */
static void availability_text(const struct lms_facilitator *f, char *out,
			      size_t size)
{
	char from[11], to[11];

	switch (f->available.mode) {
	case LMS_AVAIL_RANGE:
		lms_i18n_date(f->available.from, from);
		lms_i18n_date(f->available.to, to);
		snprintf(out, size, _("%s to %s"), from, to);
		break;
	case LMS_AVAIL_NEVER:
		snprintf(out, size, "%s", C_("available", "no"));
		break;
	default:
		snprintf(out, size, "%s", C_("available", "yes"));
		break;
	}
}

static void join_words(struct lms_table *t, char *const *v, size_t n)
{
	struct lms_buf b = LMS_BUF_INIT;

	for (size_t i = 0; i < n; i++)
		lms_buf_addf(&b, "%s%s", i ? "," : "", v[i]);
	lms_table_cell(t, b.buf);
	lms_buf_release(&b);
}

void cmd_warn_unread(const struct lms_error *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char at[LMS_PATH_MAX + 32];

		if (v[i].line)
			snprintf(at, sizeof(at), "%s:%u:%u", v[i].path,
				 v[i].line, v[i].col);
		else
			snprintf(at, sizeof(at), "%s", v[i].path);
		/* TRANSLATORS: a course.yaml that did not load: "PLACE:
		 * MESSAGE (...)". */
		cmd_warn(_("%s: %s (who that course books is not known)"), at,
			 v[i].msg);
	}
}

static const char *const list_usage[] = {
	"lms facilitator list [--kind K] [--topic T] [--trained T] "
	"[--available-on DATE [--time HH:MM-HH:MM]] [--format F]",
	NULL
};

static int parse_time(const char *s, int *start, int *end)
{
	if (lms_time_span_parse_input(s, start, end))
		return 0;
	return cmd_usage_error(_("--time: '%s' is not a time or a span of time "
				 "(use 18:00, 18.00, kl. 18.00 or 18.00-20.00)"),
			       s);
}

static int list_options(int argc, char **argv, struct lms_facilitator_query *q,
			enum lms_format *fmt)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "topic", required_argument, NULL, 't' },
		{ "trained", required_argument, NULL, 'T' },
		{ "available-on", required_argument, NULL, 'a' },
		{ "time", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'k': err = cmd_parse_enum("--kind", optarg, lms_kind_names, &q->kind); break;
		case 't': q->topic = optarg; break;
		case 'T': q->trained = optarg; break;
		case 'a': err = cmd_parse_date("--available-on", optarg, &q->on); break;
		case 'm': err = parse_time(optarg, &q->start, &q->end); break;
		case 'F': err = lms_format_parse(optarg, LMS_FMT_LISTING, fmt); break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err && q->start != LMS_TIME_NONE && q->on == LMS_DATE_NONE)
		err = cmd_usage_error(_("--time: give the day too "
					"(--available-on DATE)"));
	return err ? err : cmd_no_args_left(argc, argv);
}

static void list_table(struct lms_table *t, const struct lms_facilitator *v,
		       size_t n)
{
	/* TRANSLATORS: the columns of lms facilitator list (in CSV,
	 * TSV and YAML they stay these English keys). */
	const char *const cols[] = {
		_("id"), _("kind"), _("name"), _("profession"),
		_("topics"), _("trained"), _("available"), NULL
	};

	lms_table_init(t, cols);
	for (size_t i = 0; i < n; i++) {
		const struct lms_facilitator *f = &v[i];
		char avail[64];

		availability_text(f, avail, sizeof(avail));
		lms_table_row(t);
		lms_table_cell(t, f->id);
		lms_table_cell(t, C_("facilitator kind", lms_kind_names[f->kind]));
		lms_table_cell(t, f->name);
		lms_table_cell(t, f->profession);
		join_words(t, f->topics, f->ntopics);
		join_words(t, f->trained, f->ntrained);
		lms_table_cell(t, avail);
	}
}

static int facilitator_list(struct ctx *ctx, int argc, char **argv)
{
	struct lms_facilitator_query q = {
		0, NULL, NULL, LMS_DATE_NONE, LMS_TIME_NONE, LMS_TIME_NONE
	};
	struct lms_facilitator_found found;
	enum lms_format fmt = LMS_FMT_TEXT;
	struct lms_ops_io io;
	struct lms_table t;
	enum lms_lang was;
	int err;

	if ((err = list_options(argc, argv, &q, &fmt)) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	if ((err = lms_ops_facilitators_find(&io, &q, &found)))
		return err;
	cmd_warn_unread(found.unread, found.nunread);
	/* Built in the language of its format: English for scripts. */
	was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language, fmt,
					false));
	list_table(&t, found.v, found.n);
	cmd_emit_table(ctx, &t, fmt);
	lms_i18n_set(was);
	lms_table_release(&t);
	lms_facilitator_found_release(&found);
	return 0;
}

static const struct cmd facilitator_list_cmd = {
	"list", facilitator_list, CMD_TREE, list_usage,
	"find facilitators by kind, topic, training and availability", "lms-facilitator",
	NULL
};

/* lms facilitator show */

/* A label and the space to its values' column, counted in columns: a
 * translated label may not be ASCII. */
#define LABEL_WIDTH 14

static void show_line(struct lms_buf *out, const char *label,
		      const char *value)
{
	size_t width = lms_utf8_width(label);

	if (!value)
		return;
	lms_buf_adds(out, label);
	do
		lms_buf_addch(out, ' ');
	while (++width < LABEL_WIDTH);
	lms_buf_adds(out, value);
	lms_buf_addch(out, '\n');
}

static void show_words(struct lms_buf *out, const char *label,
		       char *const *v, size_t n)
{
	struct lms_buf b = LMS_BUF_INIT;

	for (size_t i = 0; i < n; i++)
		lms_buf_addf(&b, "%s%s", i ? ", " : "", v[i]);
	if (n)
		show_line(out, label, b.buf);
	lms_buf_release(&b);
}

static void show_entry(struct lms_buf *out, const struct lms_facilitator *f)
{
	char avail[64];

	availability_text(f, avail, sizeof(avail));
	/* TRANSLATORS: the labels of lms facilitator show, each in a
	 * column of 14. */
	show_line(out, _("facilitator"), f->id);
	show_line(out, _("name"), f->name);
	show_line(out, _("kind"), C_("facilitator kind",
				     lms_kind_names[f->kind]));
	show_line(out, _("profession"), f->profession);
	show_line(out, _("organisation"), f->organisation);
	show_words(out, _("topics"), f->topics, f->ntopics);
	show_words(out, _("trained"), f->trained, f->ntrained);
	show_line(out, _("available"), avail);
	show_line(out, _("email"), f->email);
	show_line(out, _("phone"), f->phone);
}

static void show_courses(struct lms_buf *out,
			 const struct lms_facilitator_record *r)
{
	/* TRANSLATORS: the columns of the courses in lms facilitator
	 * show: the role is what the facilitator is on the course. */
	const char *const cols[] = {
		_("course"), _("title"), _("status"), _("role"), _("phases"),
		NULL
	};
	struct lms_table t;

	lms_table_init(&t, cols);
	for (size_t i = 0; i < r->ncourses; i++) {
		const struct lms_facilitator_course *c = &r->courses[i];
		struct lms_buf phases = LMS_BUF_INIT;

		if (c->phases)
			course_add_flag_names(&phases, lms_phase_names, "phase",
					      c->phases);
		lms_table_row(&t);
		lms_table_cell(&t, c->id);
		lms_table_cell(&t, c->title);
		lms_table_cell(&t, C_("course status",
				      lms_status_names[c->status]));
		lms_table_cell(&t, C_("facilitator kind",
				      lms_kind_names[c->kind]));
		lms_table_cell(&t, phases.len ? phases.buf : "");
		lms_buf_release(&phases);
	}
	lms_buf_addch(out, '\n');
	lms_table_render(&t, LMS_FMT_TEXT, false, out);
	lms_table_release(&t);
}

static void show_sessions(struct lms_buf *out,
			  const struct lms_facilitator_record *r)
{
	/* TRANSLATORS: the columns of the sessions led in lms facilitator
	 * show. */
	const char *const cols[] = {
		_("date"), _("time"), _("course"), _("theme"), NULL
	};
	struct lms_table t;

	lms_table_init(&t, cols);
	for (size_t i = 0; i < r->nsessions; i++) {
		const struct lms_led_session *s = &r->sessions[i];
		struct lms_buf times = LMS_BUF_INIT;
		char date[11];

		lms_i18n_date(s->date, date);
		if (s->start != LMS_TIME_NONE)
			lms_i18n_times(&times, s->start, s->end);
		lms_table_row(&t);
		lms_table_cell(&t, date);
		lms_table_cell(&t, times.len ? times.buf : "");
		lms_table_cell(&t, s->course);
		lms_table_cell(&t, s->theme);
		lms_buf_release(&times);
	}
	lms_buf_addch(out, '\n');
	lms_table_render(&t, LMS_FMT_TEXT, false, out);
	lms_table_release(&t);
}

static const char *const show_usage[] = { "lms facilitator show ID", NULL };

static int facilitator_show(struct ctx *ctx, int argc, char **argv)
{
	struct lms_facilitator_record r;
	struct lms_ops_io io;
	int err;

	if (cmd_getopt(argc, argv, "", NULL) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 1)
		return cmd_usage_error(_("give one facilitator id"));
	if ((err = lms_id_check("facilitator", argv[optind])) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	io.today = ctx->today;		/* upcoming first */
	if ((err = lms_ops_facilitator_show(&io, argv[optind], &r)))
		return err;
	cmd_warn_unread(r.unread, r.nunread);
	show_entry(&ctx->out, &r.entry);
	if (r.ncourses)
		show_courses(&ctx->out, &r);
	if (r.nsessions)
		show_sessions(&ctx->out, &r);
	lms_facilitator_record_release(&r);
	return 0;
}

static const struct cmd facilitator_show_cmd = {
	"show", facilitator_show, CMD_TREE, show_usage,
	"show a facilitator, their courses and sessions", "lms-facilitator",
	NULL
};

/* lms facilitator set */

static const char *const set_usage[] = {
	"lms facilitator set ID KEY=VALUE...", NULL
};

static void describe_change(struct lms_buf *out,
			    const struct lms_facilitator *before,
			    const struct lms_facilitator *after,
			    const char *key)
{
	struct lms_buf old = LMS_BUF_INIT, now = LMS_BUF_INIT;

	lms_facilitator_describe(&old, before, key);
	lms_facilitator_describe(&now, after, key);
	lms_buf_addf(out, "%s: %s -> %s\n", key, old.len ? old.buf : _("(none)"),
		     now.len ? now.buf : _("(none)"));
	lms_buf_release(&old);
	lms_buf_release(&now);
}

static int facilitator_set(struct ctx *ctx, int argc, char **argv)
{
	struct lms_facilitator before, after;
	struct lms_ops_io io;
	int err;

	if (cmd_getopt(argc, argv, "", NULL) != -1)
		return LMS_EUSAGE;
	if (argc - optind < 2)
		return cmd_usage_error(_("give a facilitator id and at least "
					 "one KEY=VALUE"));
	for (int i = optind + 1; i < argc; i++)
		if (!strchr(argv[i], '=') || argv[i][0] == '=')
			return cmd_usage_error(_("'%s' is not KEY=VALUE"),
					       argv[i]);
	if ((err = lms_id_check("facilitator", argv[optind])) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	if ((err = lms_ops_facilitator_set(&io, argv[optind],
					   (const char *const *)argv + optind + 1,
					   (size_t)(argc - optind - 1), &before,
					   &after)))
		return err;
	for (int i = optind + 1; i < argc; i++) {
		char *key = lms_strndup(argv[i], strcspn(argv[i], "="));

		describe_change(&ctx->out, &before, &after, key);
		free(key);
	}
	lms_schema_release(&lms_facilitator_schema, &before);
	lms_schema_release(&lms_facilitator_schema, &after);
	return 0;
}

static const struct cmd facilitator_set_cmd = {
	"set", facilitator_set, CMD_TREE | CMD_LOCK, set_usage,
	"change values of a facilitator", "lms-facilitator", NULL
};

static const struct cmd *const verbs[] = {
	&facilitator_add_cmd, &facilitator_list_cmd, &facilitator_show_cmd,
	&facilitator_set_cmd, NULL
};

static const char *const usage[] = {
	"lms facilitator add | list | show | set ...", NULL
};
const struct cmd cmd_facilitator = {
	"facilitator", NULL, 0, usage,
	N_("keep the registry of professionals and user representatives"),
	"lms-facilitator", verbs
};
