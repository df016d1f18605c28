#ifndef LMS_OPS_MEETINGS_H
#define LMS_OPS_MEETINGS_H

#include "meeting.h"
#include "opsio.h"

/*
 * A course's meetings (courses/ID/meetings.yaml) through io's load_text:
 * a missing file is no meetings.  out is the caller's
 * (lms_meetings_release).
 */
int lms_ops_load_meetings(const struct lms_ops_io *io, const char *course,
			  struct lms_meetings *out);

/*
 * Recording a meeting (lms meeting add): m appended to the course's
 * meetings.yaml as lms_meeting_append does, the rest of the file as it
 * was written.  The rules, all decided before the one write:
 * - the course must be there (its course.yaml loads);
 * - each id of m->with is a facilitator of the course or one the service
 *   knows (lms_facilitator_check), and none is named twice;
 * - the meeting keeps the file's rules (lms_meetings_load).
 * One file, one write: there is no state between two to repair.
 */
int lms_ops_meeting_add(const struct lms_ops_io *io, const char *course,
			const struct lms_meeting *m);

#endif
