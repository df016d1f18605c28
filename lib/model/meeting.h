#ifndef LMS_MEETING_H
#define LMS_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "schema.h"

/*
 * A course's meetings besides its sessions (courses/ID/meetings.yaml):
 * those where its facilitators plan it or evaluate it together, so that
 * lms check can tell whether a user representative declared for a phase
 * took part in it.  The file names facilitators by id and no participant,
 * so it is for git.
 */
enum lms_meeting_kind {
	LMS_MEETING_PLAN = 1, LMS_MEETING_EVALUATE, LMS_MEETING_OTHER
};
/* The English keys of the kinds; people read them translated in the
 * context "meeting kind" (C_). */
extern const char *const lms_meeting_kind_names[];

struct lms_meeting {
	struct lms_mark mark;
	int32_t date;
	int kind;
	double hours;			/* NAN when not given: 1 hour */
	char **with;			/* facilitator ids */
	size_t nwith;
	char *note;
};

struct lms_meetings {
	struct lms_meeting *v;
	size_t n;
};

extern const struct lms_schema lms_meeting_schema;

/*
 * The whole file at path (empty text: no meetings).  Each meeting has a
 * date, a kind and someone with it; hours, when given, are more than 0
 * and at most 24.  An error is LMS_EDATA at the meeting's line and
 * column, and out then holds nothing.
 */
int lms_meetings_load(struct lms_meetings *out, const char *path,
		      const char *text, size_t len, struct lms_diags *diags);
void lms_meetings_release(struct lms_meetings *m);

/* The hours of a meeting: as given, else 1. */
double lms_meeting_hours(const struct lms_meeting *m);
/* The meeting of m that is m again: the same date, kind, hours and note,
 * and the same people in any order; NULL if none is. */
const struct lms_meeting *lms_meetings_find_same(const struct lms_meetings *m,
						 const struct lms_meeting *x);
/* True if facilitator id took part in a meeting of kind. */
bool lms_meetings_attended(const struct lms_meetings *m, const char *id,
			   int kind);

/*
 * Appends m to text, the whole of meetings.yaml (at path, for messages),
 * at the end, leaving the rest as it was written.  The file must load
 * before and after, and not hold m already (LMS_ECREATE: a command run
 * twice would count the meeting twice in fees); else the error says why
 * and text is not to be saved.
 */
int lms_meeting_append(struct lms_buf *text, const char *path,
		       const struct lms_meeting *m);

#endif
