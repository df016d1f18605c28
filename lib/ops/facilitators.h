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
