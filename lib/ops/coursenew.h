#ifndef LMS_COURSENEW_H
#define LMS_COURSENEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bookings.h"
#include "carry.h"
#include "course.h"
#include "opsio.h"
#include "plan.h"
#include "service.h"

/*
 * Planning a new course (lms course new): its sessions from a schedule,
 * a template's plan, or both (lms_plan_course), written as a new
 * course.yaml.
 *
 * The rules, all decided before anything is written:
 * - a course that exists already is not planned again (LMS_ECREATE);
 * - the template, when one is named, must load;
 * - each facilitator named must be one the service knows
 *   (lms_facilitator_check);
 * - unless on_holidays, the schedule passes by the service's days off
 *   (public holidays, its closed periods), which the result lists;
 * - a facilitator who would lead a session outside their available
 *   period, or at a time they lead a session of another course, does not
 *   stop the plan: the result lists them (lms_ops_course_clashes).
 * One write, course.yaml, which makes the course's folder; with
 * from_waitlist, the waiting list of that ended course is carried over to
 * the new one after it (carry.h): the new enrolments.yaml, then the
 * marks in the old one.  Stopped after course.yaml, the course is there
 * with no one on it; lms enrol --next COURSE ID finishes the carry-over.
 */

struct lms_new_request {
	/* What was asked for; its template is the operation's to set. */
	struct lms_plan plan;
	const char *template_id;		/* or NULL */
	bool on_holidays;			/* sessions on days off too */
	const struct lms_service *service;	/* whose days off */
	const char *from_waitlist;		/* an ended course, or NULL */
	int32_t today;				/* with from_waitlist */
};

/* A day off the schedule passed by, and why. */
struct lms_passed_day {
	int32_t date;
	struct lms_day_off why;		/* points into the request's service */
};

/* What a new course is, for the command to say; lms_new_result_release
 * frees it. */
struct lms_new_result {
	struct lms_course course;	/* as written */
	struct lms_passed_day *passed;	/* in order */
	size_t npassed;
	/*
	 * How the template's plan fits the schedule, which need not be
	 * equally long: its sessions (with_template false: none named),
	 * the course's last sessions it has no theme for, and its own last
	 * sessions that were left out.
	 */
	bool with_template;
	size_t template_sessions, unthemed, left_out;
	struct lms_carry_result carried;	/* with from_waitlist */
	struct lms_clashes clashes;	/* the facilitators' other plans */
};

/* On an error, out holds nothing to release. */
int lms_ops_course_new(const struct lms_ops_io *io,
		       const struct lms_new_request *req,
		       struct lms_new_result *out);
void lms_new_result_release(struct lms_new_result *r);

#endif
