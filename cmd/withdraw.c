#include <stdlib.h>

#include "enrol.h"
#include "id.h"
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
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_roll roll;
	char *path;
	int opt, err;

	while ((opt = cmd_getopt(argc, argv, "", NULL)) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 2)
		return cmd_usage_error(_("give a course and a person"));
	if ((err = lms_id_check("person", argv[optind + 1])) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_course(&ctx->tree, argv[optind], &c, NULL)))
		return err;
	if ((err = lms_tree_load_enrolments(&ctx->tree, c.id, &e))) {
		lms_course_release(&c);
		return err;
	}
	lms_roll_init(&roll, &c, &e);
	err = lms_roll_withdraw(&roll, argv[optind + 1], say_moved, &moved);
	if (!err) {
		struct lms_buf text = LMS_BUF_INIT;

		path = lms_tree_path(&ctx->tree, "courses/%s/enrolments.yaml",
				     c.id);
		lms_enrolments_emit(&text, &e);
		err = cmd_write(ctx, path, &text, 0);
		lms_buf_release(&text);
		free(path);
	}
	if (!err) {
		lms_buf_addf(&ctx->out, _("%s withdrawn from %s\n"),
			     argv[optind + 1], c.id);
		lms_buf_add(&ctx->out, moved.buf, moved.len);
	}
	lms_buf_release(&moved);
	lms_roll_release(&roll);
	lms_enrolments_release(&e);
	lms_course_release(&c);
	return err;
}

const struct cmd cmd_withdraw = {
	"withdraw", withdraw, CMD_TREE | CMD_LOCK, usage,
	N_("take a person off a course, moving the waiting list up"),
	"lms-withdraw", NULL
};
