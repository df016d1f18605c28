#ifndef LMS_CMD_CARRIED_H
#define LMS_CMD_CARRIED_H

#include "carry.h"
#include "cmd.h"

/* What a carry-over of a waiting list did (lms enrol --next, lms course
 * new --from-waitlist): each one carried, a line; then the sum. */
void cmd_say_carried(struct ctx *ctx, const char *old,
		     const struct lms_carry_result *r);

#endif
