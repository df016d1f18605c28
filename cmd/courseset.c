#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "assign.h"
#include "courseedit.h"
#include "date.h"
#include "id.h"
#include "remind.h"
#include "waitlist.h"
#include "cmd.h"
#include "coursecmd.h"

/* lms course set, assign, unassign: edits of the hand-written file */

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
 * A change of a session's date, time or place, or a cancellation, is news
 * for the people on the course: says how many (ids, never names) on
 * stderr, and how to write their notices.  The enrolments are those of
 * before the change; anyone moved up by it is told of above.
 */
static int say_affected(struct ctx *ctx, const struct lms_set_result *r)
{
	struct lms_buf ids = LMS_BUF_INIT;
	struct lms_enrolments e;
	size_t n = 0;
	int err;

	if (!lms_remind_course_changed(&r->before, &r->after))
		return 0;
	if ((err = lms_tree_load_enrolments(&ctx->tree, r->after.id, &e)))
		return err;
	for (size_t i = 0; i < e.n; i++)
		if (lms_remind_gets(&e.v[i]))
			lms_buf_addf(&ids, "%s%s", n++ ? ", " : "",
				     e.v[i].person);
	if (n)
		lms_buf_addf(&ctx->note, lms_n_("lms: the change affects %zu "
						"person enrolled: %s (lms "
						"remind %s --changed SESSION "
						"writes the notice)\n",
						"lms: the change affects %zu "
						"people enrolled: %s (lms "
						"remind %s --changed SESSION "
						"writes their notices)\n", n),
			     n, ids.buf, r->after.id);
	lms_buf_release(&ids);
	lms_enrolments_release(&e);
	return 0;
}

/* A new session on a day off (lms_service_new_days_off). */
static void warn_day_off(int32_t d, const struct lms_day_off *why, void *arg)
{
	char date[11];

	(void)arg;
	lms_i18n_date(d, date);
	if (why->holiday)
		cmd_warn(_("the session on %s is on a public holiday (%s)"),
			 date, why->holiday);
	else if (why->closed->name)
		cmd_warn(_("the session on %s is on a day the service is "
			   "closed (%s)"), date, why->closed->name);
	else
		cmd_warn(_("the session on %s is on a day the service is "
			   "closed"), date);
}

/* The records that went with a session to its new date. */
static void say_moved_records(struct lms_buf *out,
			      const struct lms_date_move *m)
{
	char from[11], to[11];

	lms_i18n_date(m->from, from);
	lms_i18n_date(m->to, to);
	if (m->attendance)
		lms_buf_addf(out, _("the attendance of %s moved with its "
				    "session to %s\n"), from, to);
	if (m->responses)
		lms_buf_addf(out, lms_n_("%zu evaluation response of %s "
					 "moved with its session to %s\n",
					 "%zu evaluation responses of %s "
					 "moved with its session to %s\n",
					 m->responses), m->responses, from, to);
}

/* A capacity lowered below the places held takes none of them, but lms
 * check calls it an error: said now, in the check's words. */
static void warn_over_capacity(const struct lms_set_result *r)
{
	int cap = r->after.capacity;

	if (cap != LMS_UNSET && cap != r->before.capacity &&
	    r->held > (size_t)cap)
		cmd_warn(lms_n_("%zu person holds a place, but the course "
				"has %d", "%zu people hold places, but the "
				"course has %d", r->held), r->held, cap);
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

		err = course_screen_arg(ctx, key, argv[i] + strlen(key) + 1);
		free(key);
	}
	if (err)
		return err;
	cmd_ops_io(ctx, &io);
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
	for (size_t i = 0; i < r.nmoves; i++)
		say_moved_records(&ctx->out, &r.moves[i]);
	warn_over_capacity(&r);
	lms_service_new_days_off(&ctx->tree.service, &r.before, &r.after,
				 warn_day_off, NULL);
	course_warn_fees(ctx, &r.after);
	lms_buf_add(&ctx->out, said.buf, said.len);
	err = say_affected(ctx, &r);
	lms_set_result_release(&r);
out:
	lms_buf_release(&said);
	return err;
}

const struct cmd course_set_cmd = {
	"set", course_set, CMD_TREE | CMD_LOCK, set_usage,
	"change values of a course", "lms-course", NULL
};

static const char *const assign_usage[] = {
	"lms course assign ID FID [--phases plan,deliver,evaluate] [--role R]", NULL
};

static int course_assign(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "phases", required_argument, NULL, 'p' },
		{ "role", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned phases = LMS_PLAN | LMS_DELIVER | LMS_EVALUATE;
	int role = 0;
	struct lms_assign_result r;
	struct lms_ops_io io;
	const char *fid;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'p' ? cmd_parse_words("--phases", optarg,
					     lms_phase_names, &phases) :
		      c == 'r' ? cmd_parse_enum("--role", optarg,
					        lms_kind_names, &role) :
		      LMS_EUSAGE;
	if (!err && argc - optind != 2)
		err = cmd_usage_error(_("give a course id and a facilitator "
					  "id"));
	if (err)
		return err;
	fid = argv[optind + 1];
	if ((err = lms_id_check("facilitator", fid)) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	if ((err = lms_ops_course_assign_role(&io, argv[optind], fid, phases,
					       role, &r)))
		return err;
	course_warn_clashes(&r.clashes);
	course_warn_fees(ctx, &r.after);
	lms_buf_addf(&ctx->out, "%s: ", fid);
	course_add_flag_names(&ctx->out, lms_phase_names, "phase", phases);
	if (role)
		lms_buf_addf(&ctx->out, " (%s)",
			     C_("facilitator kind", lms_kind_names[role]));
	lms_buf_addch(&ctx->out, '\n');
	lms_assign_result_release(&r);
	return 0;
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
	struct lms_assign_result r;
	struct lms_ops_io io;
	int c, err;

	while ((c = cmd_getopt(argc, argv, "", NULL)) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 2)
		return cmd_usage_error(_("give a course id and a facilitator "
					  "id"));
	if ((err = lms_id_check("facilitator", argv[optind + 1])) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	if ((err = lms_ops_course_unassign(&io, argv[optind], argv[optind + 1],
					   &r)))
		return err;
	lms_buf_addf(&ctx->out, _("removed %s from course %s\n"),
		     argv[optind + 1], r.before.id);
	lms_assign_result_release(&r);
	return 0;
}

const struct cmd course_unassign_cmd = {
	"unassign", course_unassign, CMD_TREE | CMD_LOCK, unassign_usage,
	"remove a facilitator from a course", "lms-course", NULL
};
