#ifndef LMS_ENROLMENT_H
#define LMS_ENROLMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schema.h"

/* Staff: those trained on a course for staff, counted apart from the
 * participants and relatives of the service's courses. */
enum lms_role { LMS_PARTICIPANT = 1, LMS_RELATIVE, LMS_STAFF };
enum lms_enrolment_status {
	LMS_ENROLLED = 1, LMS_WAITLISTED, LMS_WITHDRAWN, LMS_COMPLETED,
	LMS_NOT_COMPLETED
};
/* Who sent a person to the course.  Files hold the names, so the order
 * of the values is free: it is the order lms lists them in. */
enum lms_referral {
	LMS_SELF = 1, LMS_GP, LMS_HEALTHY_LIFE, LMS_SPECIALIST, LMS_MUNICIPAL,
	LMS_NAV, LMS_USER_ORG, LMS_OTHER
};

extern const char *const lms_role_names[];
extern const char *const lms_enrolment_status_names[];
extern const char *const lms_referral_names[];

/* One person's place on one course: courses/<id>/enrolments.yaml. */
struct lms_enrolment {
	struct lms_mark mark;
	char *person;
	int role;
	int status;
	int32_t requested;
	int referral;
	char *municipality;
	char *relative_of;
	char *follow_up;
	char *carried_to;		/* a waiting list carried on: the
					 * course it went to (roll.h) */
	int32_t moved_up;		/* when they moved up from the waiting
					 * list (LMS_DATE_NONE: never, or not
					 * recorded) */
	int still_in_group;		/* asked at follow-up: 1 still in a
					 * group or offer after the course, 0
					 * not, LMS_UNSET not asked */
	struct lms_extras extras;
};

/* All of a course's enrolments, in request order: the order of the file,
 * which is the order of the waiting list. */
struct lms_enrolments {
	struct lms_enrolment *v;
	size_t n;
};

extern const struct lms_schema lms_enrolment_schema;

int lms_enrolments_load(struct lms_enrolments *out, const char *path,
			const char *text, size_t len);
void lms_enrolments_release(struct lms_enrolments *e);
void lms_enrolments_emit(struct lms_buf *out, const struct lms_enrolments *e);
struct lms_enrolment *lms_enrolments_find(const struct lms_enrolments *e,
					  const char *person);
/* Enrolled people (the places taken). */
size_t lms_enrolments_count(const struct lms_enrolments *e, int status);
/* On the course: enrolled, or, once it is closed, completed or not (not
 * waiting, not withdrawn). */
bool lms_enrolment_on_course(int status);
/* How many are on the course (lms_enrolment_on_course): the places held. */
size_t lms_enrolments_on_course(const struct lms_enrolments *e);
/*
 * The record of person, on course (lms_enrolment_on_course) in e; NULL
 * and LMS_ENOENT in *err, with a message that says where they are
 * instead (waiting, withdrawn, or never enrolled), if not.
 */
struct lms_enrolment *lms_enrolments_find_on_course(
	const struct lms_enrolments *e, const char *person, const char *course,
	int *err);

#endif
