#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "coursecmd.h"
#include "fees.h"

/* What the verbs share */

void course_warn_fees(struct ctx *ctx, const struct lms_course *after)
{
	struct lms_fee_years y = { NULL, 0 };
	struct lms_buf msg = LMS_BUF_INIT;

	/* The change is made: a registry that does not load is for lms
	 * check to name, not a reason to fail it. */
	if (!lms_fee_years_changed(&y, &ctx->tree, after, ctx->today)) {
		for (size_t i = 0; i < y.n; i++) {
			lms_buf_reset(&msg);
			if (lms_fee_year_over(&ctx->tree.service.fees, &y.v[i],
					      &msg))
				cmd_warn("%s", msg.buf);
		}
	}
	lms_fee_years_release(&y);
	lms_buf_release(&msg);
}

/* Free text for a file that goes to git, from the command line. */
int course_screen_arg(struct ctx *ctx, const char *what, const char *value)
{
	return value ? cmd_screen(ctx, &(struct cmd_where){ NULL, 0, what, NULL },
				  value, NULL) : 0;
}

/* names[i] for each bit i of bits, translated in context (NULL: as in
 * the file), with commas between. */
void course_add_flag_names(struct lms_buf *out, const char *const *names,
			   const char *context, unsigned bits)
{
	const char *words[33];
	size_t n = lms_flag_names(names, bits, words, 33);

	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%s%s", i ? ", " : "",
			     context ? lms_p_(context, words[i]) : words[i]);
}

static const struct cmd *const verbs[] = {
	&course_new_cmd,
	&course_list_cmd,
	&course_show_cmd,
	&course_set_cmd,
	&course_assign_cmd,
	&course_unassign_cmd,
	&course_close_cmd,
	NULL
};

static const char *const usage[] = {
	"lms course new | list | show | set | assign | unassign | close ...",
	NULL
};

const struct cmd cmd_course = {
	"course", NULL, 0, usage, N_("plan, list, show and change courses"),
	"lms-course", verbs
};
