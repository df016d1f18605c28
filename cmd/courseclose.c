#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "close.h"
#include "utf8.h"
#include "id.h"
#include "cmd.h"
#include "coursecmd.h"

/* lms course close */

static int parse_follow_up(const char *arg, struct lms_follow_up *out)
{
	const char *eq = strchr(arg, '=');
	int err;

	if (!eq || !eq[1] || !lms_text_is_line(eq + 1))
		return cmd_usage_error(_("--follow-up: '%s' is not "
					 "PERSON=WHAT"), arg);
	out->person = lms_strndup(arg, (size_t)(eq - arg));
	out->what = eq + 1;
	if ((err = lms_id_check("person", out->person)))
		return err;
	return 0;
}

/* Held sessions without any record are counted as missed: say so. */
static void warn_unrecorded(const struct lms_close_result *r)
{
	for (size_t i = 0; i < r->nunrecorded; i++) {
		char date[11];

		lms_i18n_date(r->unrecorded[i], date);
		cmd_warn(_("no attendance was recorded on %s; "
			   "it counts as missed"), date);
	}
}

/* "p-test01 completed (3 of 4 sessions), follow-up: self-help-group" */
static void close_line(struct lms_buf *out, const struct lms_enrolment *r,
		       size_t attended, size_t held)
{
	const char *status = C_("enrolment status",
				lms_enrolment_status_names[r->status]);

	if (r->follow_up)
		/* TRANSLATORS: a person, completed or not-completed, the
		 * sessions attended of those held, and the follow-up. */
		lms_buf_addf(out, lms_n_("%s %s (%zu of %zu session), "
					 "follow-up: %s\n", "%s %s (%zu of %zu "
					 "sessions), follow-up: %s\n", held),
			     r->person, status, attended, held, r->follow_up);
	else
		lms_buf_addf(out, lms_n_("%s %s (%zu of %zu session)\n",
					 "%s %s (%zu of %zu sessions)\n", held),
			     r->person, status, attended, held);
}

static void close_report(struct lms_buf *out, const struct lms_enrolments *e,
			 const size_t *attended, const size_t *held)
{
	size_t done = 0, not_done = 0;

	for (size_t i = 0; i < e->n; i++) {
		const struct lms_enrolment *r = &e->v[i];

		if (r->status != LMS_COMPLETED && r->status != LMS_NOT_COMPLETED)
			continue;
		close_line(out, r, attended[i], held[i]);
		done += r->status == LMS_COMPLETED;
		not_done += r->status == LMS_NOT_COMPLETED;
	}
	lms_buf_addf(out, _("%zu completed, %zu not completed\n"), done,
		     not_done);
}

static const char *const close_usage[] = {
	"lms course close ID [--follow-up PERSON=WHAT]...", NULL
};

static int course_close(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "follow-up", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lms_close_request req = { 0 };
	struct lms_follow_up *fu = NULL;
	struct lms_close_result r;
	struct lms_ops_io io;
	size_t nfu = 0;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'f' ? parse_follow_up(optarg, lms_array_push(&fu, &nfu,
									sizeof(*fu))) :
		      LMS_EUSAGE;
	if (!err && argc - optind != 1)
		err = cmd_usage_error(_("give one course id"));
	if (!err)
		err = cmd_open_tree(ctx);
	for (size_t i = 0; i < nfu && !err; i++)
		err = course_screen_arg(ctx, "--follow-up", fu[i].what);
	if (!err) {
		req.course = argv[optind];
		req.follow_up = fu;
		req.nfollow_up = nfu;
		req.completion = ctx->tree.service.completion;
		req.today = ctx->today;
		cmd_ops_io(ctx, &io);
		if (!(err = lms_ops_close(&io, &req, &r))) {
			warn_unrecorded(&r);
			close_report(&ctx->out, &r.e, r.attended, r.held);
			lms_close_result_release(&r);
		}
	}
	for (size_t i = 0; i < nfu; i++)
		free(fu[i].person);
	free(fu);
	return err;
}

const struct cmd course_close_cmd = {
	"close", course_close, CMD_TREE | CMD_LOCK, close_usage,
	"close a course: who completed it, and their follow-up", "lms-course",
	NULL
};
