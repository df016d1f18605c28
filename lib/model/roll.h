#ifndef LMS_ROLL_H
#define LMS_ROLL_H

#include <stdbool.h>
#include <stdint.h>

#include "course.h"
#include "enrolment.h"
#include "service.h"
#include "strset.h"

/*
 * The rules of enrolment, first come first served: a person is enrolled
 * while places remain, otherwise put on the waiting list, otherwise (a
 * course without one) refused.  When a place frees up, the first on the
 * waiting list moves up.
 *
 * A roll is a course's enrolments with the indexes that keep each step
 * constant-time, so that a batch of ten thousand stays linear.  It
 * changes the enrolments in memory; the caller writes them.
 */
struct lms_roll {
	const struct lms_course *course;
	struct lms_enrolments *e;
	struct lms_strset index;	/* person -> 1 + position in e */
	size_t enrolled;		/* places taken, by the enrolled and the
					 * completed or not of a closed course */
	size_t next_waiting;		/* no one waits before this position */
	int32_t today;			/* the day of the change, which whoever
					 * moves up keeps as moved_up, so that
					 * they can be told (lms remind);
					 * LMS_DATE_NONE after init: none */
};

struct lms_enrol_request {
	const char *person;
	int role;			/* 0: lms_roll_default_role */
	int referral;			/* 0: not given */
	int32_t requested;
	const char *municipality;	/* the person's home, or NULL */
	const char *relative_of;	/* role relative: whom they support */
	bool force;			/* enrol residents of other municipalities */
	const char *who;		/* the person in messages, if not the id */
};

/* The role of someone enrolled without one: staff on a course whose
 * target groups are staff only (a course to train the service's own
 * people), else participant. */
int lms_roll_default_role(const struct lms_course *c);

void lms_roll_init(struct lms_roll *r, const struct lms_course *c,
		   struct lms_enrolments *e);
void lms_roll_release(struct lms_roll *r);
struct lms_enrolment *lms_roll_find(const struct lms_roll *r,
				    const char *person);
/* Free places; SIZE_MAX for a course without a capacity. */
size_t lms_roll_places_left(const struct lms_roll *r);

/*
 * Enrols a person; *status says whether as LMS_ENROLLED or
 * LMS_WAITLISTED.  Refusals (LMS_EREFUSED): a cancelled or completed
 * course, a person already on it, a resident of a municipality the
 * service does not serve (unless force), a full course without a waiting
 * list.
 */
int lms_roll_enrol(struct lms_roll *r, const struct lms_service *svc,
		   const struct lms_enrol_request *req, int *status);

/*
 * Withdraws a person (enrolled or waitlisted); the first on the waiting
 * list moves up into a freed place, and moved (which may be NULL) hears of
 * each one that does.
 */
int lms_roll_withdraw(struct lms_roll *r, const char *person,
		      void (*moved)(const struct lms_enrolment *, void *),
		      void *arg);

/* Fills free places from the waiting list, in order; moved is called for
 * each one moved up (it may be NULL).  Returns how many moved. */
size_t lms_roll_promote(struct lms_roll *r,
			void (*moved)(const struct lms_enrolment *, void *),
			void *arg);

/* What carrying a waiting list over did (lms_roll_carry). */
struct lms_carry {
	size_t enrolled, waitlisted;	/* carried, by what they became */
	size_t already;			/* on the new course already */
	size_t left;			/* no place, and no waiting list */
};

/*
 * Carries the waiting list of a course that has ended (old, its
 * enrolments) over to the next run, r's course: the interest list that
 * outlives a course.  Those still waiting on old and not carried before
 * (carried_to unset) are taken in old's order, each keeping their
 * request date, role, referral and municipality.  Free places (after
 * r's own waiting list has moved up) go to them first in that order,
 * moved up on r->today like anyone whose wait ends (moved_up); the
 * others join r's waiting list in the place their request date gives
 * them (ahead of anyone who asked later; on a tie, those already waiting
 * stay first).  Each one carried, and each one who is on r's course
 * already (any status: someone who withdrew from it is not put back),
 * is marked on old with carried_to, so that no one is carried twice.
 * Those who find no place on a course without a waiting list stay on
 * old's list unmarked, for a later run.  Withdrawn people are not
 * carried.  Refuses (LMS_EREFUSED) a cancelled or completed r.
 */
int lms_roll_carry(struct lms_roll *r, struct lms_enrolments *old,
		   struct lms_carry *out);

struct lms_attendance;
/*
 * Closing a course: everyone on it is completed when they attended at
 * least the completion share of the sessions held up to day, else
 * not-completed.  attended and held (arrays of e->n, may be NULL) say
 * how it was judged.  The waiting list stays as it was.
 */
void lms_close_enrolments(const struct lms_course *c, struct lms_enrolments *e,
			  const struct lms_attendance *a, double completion,
			  int32_t day, size_t *attended, size_t *held);

#endif
