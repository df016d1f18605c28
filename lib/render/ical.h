#ifndef LMS_ICAL_H
#define LMS_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "course.h"
#include "facilitator.h"

/*
 * The sessions of courses as an iCalendar file (RFC 5545), for a calendar
 * program to import or subscribe to.  Times are local to Europe/Oslo, and
 * the calendar carries that zone's definition.
 *
 * The same data and stamp give the same bytes.  A session's UID depends
 * only on its course and its date and start time (see lms_ical_uid), so
 * importing the calendar again updates the events instead of adding
 * copies, however the sessions are numbered or the file is rewritten.
 */
struct lms_ical {
	struct lms_buf *out;
	/*
	 * DTSTAMP of every event: 00:00 UTC of this day (lms's today).  With
	 * no METHOD, DTSTAMP says when the event was last revised, and some
	 * programs take a changed event only when it is later than the one
	 * they have; the clock's time of day would make every run differ.
	 */
	int32_t stamp;
	const struct lms_facilitator *facilitators;	/* for their names */
	size_t nfacilitators;
	/* A public feed (lms catalog): no one named, and the description
	 * for the public (public_description) instead of the course's. */
	bool public_feed;
};

/* Opens the calendar named name (the service's) and defines the zone. */
void lms_ical_begin(const struct lms_ical *cal, const char *name,
		    const char *version);
/*
 * One VEVENT per session of course c, in date order.  STATUS is
 * TENTATIVE for a planned course, CANCELLED for a cancelled one and
 * CONFIRMED otherwise.  Nothing about participants is written.
 */
void lms_ical_add_course(const struct lms_ical *cal,
			 const struct lms_course *c);
void lms_ical_end(const struct lms_ical *cal);

/*
 * The UID of session i of course c: its date, "T" and its start time
 * HHMM when it has one, "-", the course id and "@lms", such as
 * 20260907T1100-2026-09-matlaging@lms or 20260907-2026-09-matlaging@lms.
 * A second session of the course at the same date and time gets ".2"
 * after the id (in the order of the file), and so on.
 */
void lms_ical_uid(struct lms_buf *out, const struct lms_course *c, size_t i);

/*
 * Appends a content line of len bytes and CRLF, folded so that no line is
 * longer than 75 octets: a fold is CRLF and a space, and never falls
 * inside a UTF-8 sequence.
 */
void lms_ical_fold(struct lms_buf *out, const char *line, size_t len);
/* Appends s as a TEXT value: \\ \; \, and \n; other controls dropped. */
void lms_ical_escape(struct lms_buf *out, const char *s);

#endif
