#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "coursecmd.h"

/* What the verbs share */

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
