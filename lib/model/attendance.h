#ifndef LMS_ATTENDANCE_H
#define LMS_ATTENDANCE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "yparse.h"

enum lms_presence { LMS_PRESENT = 1, LMS_ABSENT, LMS_EXCUSED };
extern const char *const lms_presence_names[];

struct lms_attendee {
	char *person;
	int presence;
};

/* One session's record, keyed by its date so that renumbering sessions
 * loses nothing.  Drop-in sessions count heads instead of names. */
struct lms_session_attendance {
	struct lms_mark mark;
	int32_t date;
	struct lms_attendee *v;		/* sorted by person */
	size_t n;
	int participants, relatives;	/* the headcount, or LMS_UNSET */
};

/* courses/<id>/attendance.yaml, sorted by date. */
struct lms_attendance {
	struct lms_session_attendance *v;
	size_t n;
};

int lms_attendance_load(struct lms_attendance *out, const char *path,
			const char *text, size_t len);
void lms_attendance_release(struct lms_attendance *a);
void lms_attendance_emit(struct lms_buf *out, const struct lms_attendance *a);

/* The record of a date, or NULL. */
const struct lms_session_attendance *lms_attendance_find(
	const struct lms_attendance *a, int32_t date);
/* The record of a date, created (empty) if missing when create is set. */
struct lms_session_attendance *lms_attendance_session(struct lms_attendance *a,
						      int32_t date, int create);
/* Sets a person's presence at a session, replacing an earlier mark. */
void lms_attendance_mark(struct lms_session_attendance *s, const char *person,
			 int presence);
/* A person's presence at a session, or 0 if not marked. */
int lms_attendance_of(const struct lms_session_attendance *s,
		      const char *person);

#endif
