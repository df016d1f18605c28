#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "courseedit.h"
#include "id.h"
#include "waitlist.h"
#include "cmd.h"
#include "coursecmd.h"

/* lms course set, assign, unassign: edits of the hand-written file */

struct edit {
	char *path;
	struct lms_buf text;
	struct lms_course before;
};

static int edit_open(struct ctx *ctx, const char *id, struct edit *e)
{
	int err;

	lms_buf_init(&e->text);
	e->path = NULL;
	if ((err = lms_tree_load_course(&ctx->tree, id, &e->before, NULL)))
		return err;
	e->path = lms_tree_file(&ctx->tree, LMS_FILE_COURSE, id);
	lms_buf_add(&e->text, ctx->tree.text.buf, ctx->tree.text.len);
	return 0;
}

/* Validates the edited text by loading it (see lms_ops_check_course). */
static int edit_check(struct ctx *ctx, struct edit *e, struct lms_course *after)
{
	struct lms_ops_io io;

	lms_ops_tree_io(&io, &ctx->tree);
	return lms_ops_check_course(&io, e->before.id, &e->text, after);
}

/* Validates the edited text, then writes it. */
static int edit_commit(struct ctx *ctx, struct edit *e, struct lms_course *after)
{
	int err = edit_check(ctx, e, after);

	if (!err && (err = lms_tree_save(&ctx->tree, LMS_FILE_COURSE,
					 e->before.id, &e->text)))
		lms_course_release(after);
	return err;
}

static void edit_close(struct edit *e)
{
	lms_course_release(&e->before);
	lms_buf_release(&e->text);
	free(e->path);
}

static const char *const set_usage[] = {
	"lms course set ID KEY=VALUE...", NULL
};

static void describe_change(struct lms_buf *out,
			    const struct lms_course *before,
			    const struct lms_course *after, const char *key)
{
	struct lms_buf old = LMS_BUF_INIT, now = LMS_BUF_INIT;

	lms_course_describe(&old, before, key);
	lms_course_describe(&now, after, key);
	lms_buf_addf(out, "%s: %s -> %s\n", key, old.len ? old.buf : _("(none)"),
		     now.len ? now.buf : _("(none)"));
	lms_buf_release(&old);
	lms_buf_release(&now);
}

static void say_moved(const struct lms_enrolment *r, void *arg)
{
	lms_buf_addf(arg, _("%s moved up from the waiting list: enrolled\n"),
		     r->person);
}

/*
 * A date given by hand is taken as it is, holiday or not, but a new
 * session date on a day off is worth a word, as lms check would say.
 */
static void warn_days_off(struct ctx *ctx, const struct lms_course *before,
			  const struct lms_course *after)
{
	struct lms_day_off why;
	char date[11];

	for (size_t i = 0; i < after->nsessions; i++) {
		int32_t d = after->sessions[i].date;

		if (lms_course_has_session(before, d) ||
		    !lms_service_day_off(&ctx->tree.service, d, &why))
			continue;
		lms_i18n_date(d, date);
		if (why.holiday)
			cmd_warn(_("the session on %s is on a public holiday "
				   "(%s)"), date, why.holiday);
		else if (why.closed->name)
			cmd_warn(_("the session on %s is on a day the service "
				   "is closed (%s)"), date, why.closed->name);
		else
			cmd_warn(_("the session on %s is on a day the service "
				   "is closed"), date);
	}
}

static int course_set(struct ctx *ctx, int argc, char **argv)
{
	struct lms_buf said = LMS_BUF_INIT;
	struct lms_set_result r;
	struct lms_ops_io io;
	int c, err = 0;

	while ((c = cmd_getopt(argc, argv, "", NULL)) != -1)
		return LMS_EUSAGE;
	if (argc - optind < 2)
		return cmd_usage_error(_("give a course id and at least one "
					 "KEY=VALUE"));
	for (int i = optind + 1; i < argc; i++)
		if (!strchr(argv[i], '=') || argv[i][0] == '=')
			return cmd_usage_error(_("'%s' is not KEY=VALUE"),
					       argv[i]);
	if ((err = cmd_open_tree(ctx)))
		return err;
	for (int i = optind + 1; i < argc && !err; i++) {
		char *key = lms_strndup(argv[i], strcspn(argv[i], "="));

		err = screen_arg(ctx, key, argv[i] + strlen(key) + 1);
		free(key);
	}
	if (err)
		return err;
	lms_ops_tree_io(&io, &ctx->tree);
	if ((err = lms_ops_course_set(&io, argv[optind],
				      (const char *const *)argv + optind + 1,
				      (size_t)(argc - optind - 1), say_moved,
				      &said, &r)))
		goto out;
	for (int i = optind + 1; i < argc; i++) {
		char *key = lms_strndup(argv[i], strcspn(argv[i], "="));

		describe_change(&ctx->out, &r.before, &r.after, key);
		free(key);
	}
	warn_days_off(ctx, &r.before, &r.after);
	lms_buf_add(&ctx->out, said.buf, said.len);
	lms_set_result_release(&r);
out:
	lms_buf_release(&said);
	return err;
}

const struct cmd course_set_cmd = {
	"set", course_set, CMD_TREE | CMD_LOCK, set_usage,
	"change values of a course", "lms-course", NULL
};

/* Warns (it does not refuse) when a facilitator is away for a session. */
static void warn_unavailable(struct ctx *ctx, const struct lms_course *c,
			     const char *id)
{
	struct lms_facilitator *all;
	const struct lms_facilitator *f;
	size_t nall;

	if (lms_tree_load_facilitators(&ctx->tree, &all, &nall, NULL))
		return;
	f = lms_facilitator_find(all, nall, id);
	for (size_t i = 0; f && i < c->nsessions; i++) {
		char date[11];

		if (lms_facilitator_available_on(f, c->sessions[i].date))
			continue;
		lms_i18n_date(c->sessions[i].date, date);
		cmd_warn(_("%s is not available on %s "
			   "(see people/facilitators.yaml)"), id, date);
		break;
	}
	lms_facilitators_free(all, nall);
}

static const char *const assign_usage[] = {
	"lms course assign ID FID [--phases plan,deliver,evaluate]", NULL
};

static int course_assign(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "phases", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned phases = LMS_PLAN | LMS_DELIVER | LMS_EVALUATE;
	struct lms_plan_facilitator f = { NULL, 0 };
	struct lms_course after;
	struct edit e;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'p' ? cmd_parse_words("--phases", optarg,
					     lms_phase_names, &phases) :
		      LMS_EUSAGE;
	if (!err && argc - optind != 2)
		err = cmd_usage_error(_("give a course id and a facilitator "
					  "id"));
	if (err)
		return err;
	f.id = argv[optind + 1];
	if ((err = lms_id_check("facilitator", f.id)) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = check_facilitators(ctx, &f, 1)) ||
	    (err = edit_open(ctx, argv[optind], &e)))
		return err;
	err = lms_course_assign(&e.text, e.path, &e.before, f.id, phases);
	if (!err && !(err = edit_commit(ctx, &e, &after))) {
		warn_unavailable(ctx, &after, f.id);
		lms_buf_addf(&ctx->out, "%s: ", f.id);
		add_flag_names(&ctx->out, lms_phase_names, "phase", phases);
		lms_buf_addch(&ctx->out, '\n');
		lms_course_release(&after);
	}
	edit_close(&e);
	return err;
}

const struct cmd course_assign_cmd = {
	"assign", course_assign, CMD_TREE | CMD_LOCK, assign_usage,
	"add a facilitator to a course", "lms-course", NULL
};

static const char *const unassign_usage[] = {
	"lms course unassign ID FID", NULL
};

static int course_unassign(struct ctx *ctx, int argc, char **argv)
{
	struct lms_course after;
	struct edit e;
	int c, err;

	while ((c = cmd_getopt(argc, argv, "", NULL)) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 2)
		return cmd_usage_error(_("give a course id and a facilitator "
					  "id"));
	if ((err = lms_id_check("facilitator", argv[optind + 1])) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = edit_open(ctx, argv[optind], &e)))
		return err;
	err = lms_course_unassign(&e.text, e.path, &e.before, argv[optind + 1]);
	if (!err && !(err = edit_commit(ctx, &e, &after))) {
		lms_buf_addf(&ctx->out, _("removed %s from course %s\n"),
			     argv[optind + 1], e.before.id);
		lms_course_release(&after);
	}
	edit_close(&e);
	return err;
}

const struct cmd course_unassign_cmd = {
	"unassign", course_unassign, CMD_TREE | CMD_LOCK, unassign_usage,
	"remove a facilitator from a course", "lms-course", NULL
};
