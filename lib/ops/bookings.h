#ifndef LMS_BOOKINGS_H
#define LMS_BOOKINGS_H

#include <stddef.h>
#include <stdint.h>

#include "course.h"
#include "error.h"
#include "facilitator.h"
#include "opsio.h"

/*
 * Who leads which session when, across the courses of a tree: what lms
 * facilitator list --available-on and lms course new need to know who is
 * booked already.  A session books those who lead it
 * (lms_session_leader) unless its course is cancelled.  Every course.yaml
 * is read through io (course_ids, load_course); a course whose plan does
 * not load is left out and told of in unread, as its bookings are not
 * known, so that one broken file elsewhere does not stop the command.
 */

/* One session of one facilitator; start LMS_TIME_NONE: the whole day. */
struct lms_booked {
	char *who;			/* a facilitator's id */
	char *course;			/* the course's id */
	int32_t date;
	int start, end;			/* minutes, as struct lms_session */
};

struct lms_booked_set {
	struct lms_booked *v;
	size_t n;
	struct lms_error *unread;	/* the courses that did not load */
	size_t nunread;
};

/*
 * The bookings from day from to day to (inclusive) of every course but
 * skip (NULL: none).  Fails only when the courses cannot be listed; out
 * is the caller's to release whatever came of it.
 */
int lms_ops_bookings(const struct lms_ops_io *io, int32_t from, int32_t to,
		     const char *skip, struct lms_booked_set *out);
void lms_booked_set_release(struct lms_booked_set *b);

/*
 * The first booking of who on date that overlaps [start, end) minutes,
 * else NULL.  start LMS_TIME_NONE asks for the whole day; end
 * LMS_TIME_NONE (or not after start) for the moment start.  A session
 * without a time books the whole day.
 */
const struct lms_booked *lms_booked_at(const struct lms_booked_set *b,
				       const char *who, int32_t date,
				       int start, int end);

/*
 * What a course asks of its facilitators that they may not give (lms
 * course new and assign warn of it and make the change all the same): a
 * session on a day outside their available period, and a session at a
 * time they lead one of another course.
 */
struct lms_away {
	const char *who;		/* points into the course */
	int32_t first;			/* the first such session's date */
	size_t n;			/* how many sessions in all */
};

struct lms_clashes {
	struct lms_away *away;		/* by facilitator, in course order */
	size_t naway;
	/* Per session that clashes, in the course's order: who is the
	 * course's facilitator; course, date and times the other's. */
	struct lms_booked *booked;
	size_t nbooked;
	struct lms_error *unread;
	size_t nunread;
};

/* The clashes of course c, as the courses of io book the facilitators. */
int lms_ops_course_clashes(const struct lms_ops_io *io,
			   const struct lms_course *c, struct lms_clashes *out);
void lms_clashes_release(struct lms_clashes *x);
/* Keeps of x only the clashes of who (lms course assign: those of the
 * others were told of when they were assigned). */
void lms_clashes_keep(struct lms_clashes *x, const char *who);

#endif
