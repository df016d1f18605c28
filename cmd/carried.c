#include "carried.h"

/* The report of a carry-over, shared by the two commands that make one. */

void cmd_say_carried(struct ctx *ctx, const char *old,
		     const struct lms_carry_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].status == LMS_ENROLLED)
			lms_buf_addf(&ctx->out, _("%s enrolled on %s\n"),
				     r->v[i].person, r->next);
		else
			lms_buf_addf(&ctx->out, _("%s waitlisted on %s (number "
						  "%zu on the waiting list)\n"),
				     r->v[i].person, r->next, r->v[i].number);
	}
	lms_buf_addf(&ctx->out, _("%s -> %s: %zu enrolled, %zu waitlisted, "
				  "%zu on it already\n"), old, r->next,
		     r->counts.enrolled, r->counts.waitlisted,
		     r->counts.already);
	if (r->counts.left)
		lms_buf_addf(&ctx->note, lms_n_("warning: %zu person still "
						"waits on %s: %s is full and "
						"has no waiting list\n",
						"warning: %zu people still "
						"wait on %s: %s is full and "
						"has no waiting list\n",
						r->counts.left),
			     r->counts.left, old, r->next);
}
