#include <stdbool.h>

#include "purge.h"
#include "cmd.h"

/*
 * lms purge: the register keeps a person only while the service needs to
 * reach them, retention_months after their last course ended.
 */

static const char *const usage[] = { "lms purge [--dry-run]", NULL };

/* What purge says of each person: [dry run][had a course]. */
static const char *const forgetting[2][2] = {
	{ N_("forgot %s: no course, consent given %s\n"),
	  N_("forgot %s: last course ended %s\n") },
	{ N_("would forget %s: no course, consent given %s\n"),
	  N_("would forget %s: last course ended %s\n") },
};

struct said {
	struct lms_buf *report;
	bool dry_run;
};

static void say_forgot(const char *person, int32_t last, bool had_course,
		       void *arg)
{
	struct said *s = arg;
	char date[11];

	lms_i18n_date(last, date);
	lms_buf_addf(s->report, _(forgetting[s->dry_run][had_course]), person,
		     date);
}

static int purge(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct lms_buf report = LMS_BUF_INIT;
	struct lms_purge_request req = { ctx->today, 0, false };
	struct said said = { &report, false };
	struct lms_ops_io io;
	size_t forgotten = 0;
	int c, err = 0;

	while ((c = cmd_getopt(argc, argv, "n", longopts)) != -1) {
		if (c != 'n')
			return LMS_EUSAGE;
		req.dry_run = said.dry_run = true;
	}
	if ((err = cmd_no_args_left(argc, argv)) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	req.retention_months = ctx->tree.service.retention_months;
	cmd_ops_io(ctx, &io);
	err = lms_ops_purge(&io, &req, say_forgot, &said, &forgotten);
	if (!err && !forgotten)
		lms_buf_addf(&report, lms_n_("nobody to forget: every record "
					     "is younger than %d months\n",
					     "nobody to forget: every record "
					     "is younger than %d months\n",
					     (unsigned long)ctx->tree.service.
					     retention_months),
			     ctx->tree.service.retention_months);
	/* Say what was forgotten only once it is. */
	if (!err)
		lms_buf_add(&ctx->out, report.buf, report.len);
	lms_buf_release(&report);
	return err;
}

const struct cmd cmd_purge = {
	"purge", purge, CMD_TREE | CMD_LOCK, usage,
	N_("forget people whose last course ended long ago"), "lms-purge", NULL
};
