#ifndef LMS_ROSTER_H
#define LMS_ROSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "person.h"

/*
 * The rules of lms roster: who is on a course's roster and in which
 * order, and what goes on the sign-in sheet for its door.  The roster is
 * for the coordinator (it names people, with contacts); the sheet is read
 * by everyone who signs it, so it lists the enrolled only, by name.
 */

/*
 * Whether the roster lists e among the waiting (waiting true) or among
 * the rest.  The roster lists those enrolled and finished first, then
 * the waiting list in its order; withdrawn people never.
 */
bool lms_roster_listed(const struct lms_enrolment *e, bool waiting);

/* How many came to a session: those marked present and its headcount. */
size_t lms_roster_present(const struct lms_session_attendance *s);

/*
 * The sign-in sheet's session: the one arg names (a number or a date, see
 * lms_course_find_session), else the next from today on, else the last.
 * *index is its place in c->sessions, *number its number in date order.
 * A course without sessions has none (LMS_ENOENT).
 */
int lms_roster_sheet_session(const struct lms_course *c, const char *arg,
			     int32_t today, size_t *index, size_t *number);

/* One person on a sign-in sheet. */
struct lms_roster_entry {
	const struct lms_enrolment *enrolment;
	const struct lms_person *person;	/* NULL: not in the register */
	const char *name;	/* the register's, or the caller's unknown */
};

/*
 * The sheet's people: those enrolled, in the order of their names
 * (lms_collate), since a sheet at the door is read by people who look for
 * their own; between equal names, in the order of the enrolments.  A
 * person the register lacks goes by the name unknown.  The array is the
 * caller's (free); NULL when *n is 0.
 */
struct lms_roster_entry *lms_roster_sheet_people(
	const struct lms_enrolments *e, const struct lms_register *reg,
	const char *unknown, size_t *n);

/*
 * Blank rows on the sheet for people who come without being on the list
 * (listed is how many are): the places left, and at least 5; for a
 * drop-in course (one without a capacity, or one that counts heads), as
 * many as ever came to one session, and at least 15.
 */
size_t lms_roster_blank_rows(const struct lms_course *c,
			     const struct lms_attendance *a, size_t listed);

#endif
