#include <stdlib.h>

#include "id.h"
#include "waitlist.h"
#include "cmd.h"

/* lms withdraw: frees a place, which goes to the first on the waiting list. */

static const char *const usage[] = { "lms withdraw COURSE PERSON", NULL };

static void say_moved(const struct lms_enrolment *r, void *arg)
{
	lms_buf_addf(arg, _("%s moved up from the waiting list: enrolled\n"),
		     r->person);
}

static int withdraw(struct ctx *ctx, int argc, char **argv)
{
	struct lms_buf moved = LMS_BUF_INIT;
	struct lms_ops_io io;
	int opt, err;

	while ((opt = cmd_getopt(argc, argv, "", NULL)) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 2)
		return cmd_usage_error(_("give a course and a person"));
	if ((err = lms_id_check("person", argv[optind + 1])) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	err = lms_ops_withdraw(&io, argv[optind], argv[optind + 1], say_moved,
			       &moved);
	if (!err) {
		lms_buf_addf(&ctx->out, _("%s withdrawn from %s\n"),
			     argv[optind + 1], argv[optind]);
		lms_buf_add(&ctx->out, moved.buf, moved.len);
	}
	lms_buf_release(&moved);
	return err;
}

const struct cmd cmd_withdraw = {
	"withdraw", withdraw, CMD_TREE | CMD_LOCK, usage,
	N_("take a person off a course, moving the waiting list up"),
	"lms-withdraw", NULL
};
