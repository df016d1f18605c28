#ifndef LMS_OPS_FACILITATORS_H
#define LMS_OPS_FACILITATORS_H

#include "bookings.h"
#include "facilitator.h"
#include "opsio.h"

/*
 * Adding a facilitator (lms facilitator add): f, with an id no one in
 * people/facilitators.yaml has (else LMS_ECREATE), appended to that file
 * as lms_facilitator_append does.  One file, one write.
 */
int lms_ops_facilitator_add(const struct lms_ops_io *io,
			    const struct lms_facilitator *f);

/*
 * Changing an entry of people/facilitators.yaml (lms facilitator set): the
 * n changes "KEY=VALUE" of pairs, each as lms_facilitator_set makes it,
 * to the entry of id (LMS_ENOENT if there is none), in the text of the
 * file as written.  The result must load; one write, after every check.
 * On success before and after are the entry before and after, the
 * caller's (lms_schema_release with lms_facilitator_schema); on an error
 * they hold nothing.
 */
int lms_ops_facilitator_set(const struct lms_ops_io *io, const char *id,
			    const char *const *pairs, size_t n,
			    struct lms_facilitator *before,
			    struct lms_facilitator *after);

/*
 * What lms facilitator show tells of one facilitator: the entry, the
 * courses that name them (in facilitators: or a session's led_by) and the
 * sessions they lead (lms_session_leader; not those of cancelled
 * courses).  Upcoming first: the sessions from io->today in date order,
 * then those past, the latest first; the courses by their next session,
 * then those without one, by their last, the latest first.
 */
struct lms_facilitator_course {
	char *id;
	char *title;
	int status;
	int kind;			/* what they are on the course */
	unsigned phases;		/* 0: not among its facilitators */
	int32_t next, last;		/* sessions; LMS_DATE_NONE: none */
};

struct lms_led_session {
	char *course;
	int32_t date;
	int start, end;
	char *theme;
};

struct lms_facilitator_record {
	struct lms_facilitator entry;
	struct lms_facilitator_course *courses;
	size_t ncourses;
	struct lms_led_session *sessions;
	size_t nsessions;
	struct lms_error *unread;	/* courses that did not load */
	size_t nunread;
};

/* LMS_ENOENT if there is no facilitator id; out is then empty. */
int lms_ops_facilitator_show(const struct lms_ops_io *io, const char *id,
			     struct lms_facilitator_record *out);
void lms_facilitator_record_release(struct lms_facilitator_record *r);

/* What lms facilitator list looks for; 0 or NULL fields match all. */
struct lms_facilitator_query {
	int kind;			/* enum lms_facilitator_kind */
	const char *topic;		/* one of topics, lms_collate_same */
	const char *trained;		/* one of trained, likewise */
	int32_t on;			/* available and not booked that day
					 * (LMS_DATE_NONE: any day) */
	int start, end;			/* with on: then (LMS_TIME_NONE: at
					 * any time that day) */
};

struct lms_facilitator_found {
	struct lms_facilitator *v;	/* in the file's order */
	size_t n;
	struct lms_error *unread;	/* with on: courses whose bookings
					 * are not known */
	size_t nunread;
};

/* The facilitators of people/facilitators.yaml that match q. */
int lms_ops_facilitators_find(const struct lms_ops_io *io,
			      const struct lms_facilitator_query *q,
			      struct lms_facilitator_found *out);
void lms_facilitator_found_release(struct lms_facilitator_found *f);

#endif
