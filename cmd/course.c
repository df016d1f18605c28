#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "coursecmd.h"
#include "bookings.h"
#include "date.h"
#include "fees.h"
#include "i18n.h"

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

/*
 * What the facilitators' other plans say against the course: warnings,
 * as the change is made all the same (the period may be renewed, the
 * other session moved).
 */
void course_warn_clashes(const struct lms_clashes *x)
{
	char date[11];

	for (size_t i = 0; i < x->naway; i++) {
		const struct lms_away *a = &x->away[i];

		lms_i18n_date(a->first, date);
		if (a->n == 1)
			/* TRANSLATORS: the last %s is the file of
			 * facilitators. */
			cmd_warn(_("%s is not available on %s (see %s)"),
				 a->who, date, LMS_FACILITATORS_FILE);
		else
			cmd_warn(lms_n_("%s is not available on %s and %zu "
					"more session day (see %s)",
					"%s is not available on %s and %zu "
					"more session days (see %s)", a->n - 1),
				 a->who, date, a->n - 1, LMS_FACILITATORS_FILE);
	}
	for (size_t i = 0; i < x->nbooked; i++) {
		const struct lms_booked *b = &x->booked[i];
		struct lms_buf times = LMS_BUF_INIT;

		lms_i18n_date(b->date, date);
		if (b->start == LMS_TIME_NONE)
			/* TRANSLATORS: "fag-en leads a session of kveld on
			 * 2026-09-07 too": the other course's id. */
			cmd_warn(_("%s leads a session of %s on %s too"),
				 b->who, b->course, date);
		else {
			lms_i18n_times(&times, b->start, b->end);
			/* TRANSLATORS: "fag-en leads a session of kveld on
			 * 2026-09-07 18:00-20:00 at the same time". */
			cmd_warn(_("%s leads a session of %s on %s %s at the "
				   "same time"), b->who, b->course, date,
				 times.buf);
		}
		lms_buf_release(&times);
	}
	cmd_warn_unread(x->unread, x->nunread);
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
