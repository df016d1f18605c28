#ifndef LMS_CARRY_H
#define LMS_CARRY_H

#include <stddef.h>
#include <stdint.h>

#include "opsio.h"
#include "roll.h"

/*
 * The interest list that outlives a course (lms enrol --next, lms course
 * new --from-waitlist): the people still waiting when a course ended are
 * carried over to the next run of it, by the roll's rules
 * (lms_roll_carry), keeping their request dates and their order.
 *
 * Copied, not moved: old keeps its waiting list as it was (who waited
 * for that run, and was not reached, is part of its history and of its
 * figures), and each one carried is marked there with carried_to, the
 * course they went to.
 *
 * The next run of old, when the request names none: a course made from
 * the same template (for a course without a template, a course without
 * one that has old's first topic), neither completed nor cancelled, whose
 * first session is after old's first (or that has no sessions yet); the
 * earliest of them, then by id.
 *
 * old must have ended: completed or cancelled, or its last session is
 * before today.
 *
 * The order of the writes: the new course's enrolments.yaml first, old's
 * second (the marks).  Stopped between the two, the people are on the new
 * course and still unmarked on old: lms check accepts that (a person may
 * wait on an ended course and be on another), and running it again finds
 * them on the new course, carries no one twice and writes the marks.  The
 * other order could mark people as carried who are on no course, and they
 * would be lost.  (Within a command both writes are one change, opsio.h.)
 */

struct lms_carry_request {
	const char *old;
	const char *next;		/* the new course, or NULL: find it */
	int32_t today;
};

/* One person carried: where they are on the new course. */
struct lms_carried {
	char *person;
	int status;			/* LMS_ENROLLED or LMS_WAITLISTED */
	size_t number;			/* on the waiting list, from 1 */
};

struct lms_carry_result {
	char *next;			/* the course they went to */
	struct lms_carry counts;
	struct lms_carried *v;		/* in old's order */
	size_t n;
};

/* On success out is the caller's (lms_carry_result_release); on an error
 * it holds nothing. */
int lms_ops_carry(const struct lms_ops_io *io,
		  const struct lms_carry_request *req,
		  struct lms_carry_result *out);
void lms_carry_result_release(struct lms_carry_result *r);

/*
 * For lms course new --from-waitlist: whether old may carry its list over
 * (it is there and has ended), checked before the new course is written;
 * and the carry-over onto next, the course just planned (its enrolments
 * are none yet).
 */
int lms_ops_carry_check(const struct lms_ops_io *io, const char *old,
			int32_t today);
int lms_ops_carry_onto(const struct lms_ops_io *io, const char *old,
		       const struct lms_course *next, int32_t today,
		       struct lms_carry_result *out);

#endif
