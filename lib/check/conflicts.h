#ifndef LMS_CONFLICTS_H
#define LMS_CONFLICTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "course.h"
#include "findings.h"
#include "strset.h"
#include "tree.h"

/*
 * Who or what is booked when, across courses, for lms check: a
 * facilitator cannot lead two sessions at once, and two courses cannot
 * meet in one place at once.  Bookings are kept small (the names are
 * interned) because a national tree has millions.
 */
struct lms_booking {
	uint32_t key;			/* the facilitator or place */
	uint32_t course;		/* its index among the tree's courses */
	int32_t date;
	int16_t start, end;		/* minutes, [start, end) */
	uint32_t line, col;		/* of the session */
};

struct lms_bookings {
	const char *what;		/* "facilitator" or "place", as
					 * findings name what is booked */
	enum lms_severity severity;
	struct lms_booking *v;
	size_t n;
	struct lms_strset index;	/* folded name -> 1 + name number */
	char **names;			/* as first written */
	size_t nnames;
	struct lms_strset want;		/* "date folded-name" */
	bool filtered;			/* keep only those in want */
	/*
	 * Past run_max bookings (LMS_BOOKINGS_RUN unless set after init,
	 * as tests do), v goes sorted to a temporary file in tmpdir (NULL:
	 * /tmp; lms_temp_file) as a run, and the check merges the runs: a
	 * national tree has millions of bookings.
	 */
	size_t run_max;
	const char *tmpdir;
	FILE *spill;
	size_t *runs;			/* each run's length, in order */
	size_t nruns;
	int spill_err;			/* the first error of the file */
};

#define LMS_BOOKINGS_RUN ((size_t)1 << 16)

void lms_bookings_init(struct lms_bookings *b, const char *what,
		       enum lms_severity severity);
void lms_bookings_release(struct lms_bookings *b);
/* Books key for session s of course number course, if it has a time. */
void lms_bookings_add(struct lms_bookings *b, const char *key,
		      uint32_t course, const struct lms_session *s);

/*
 * From the first call on, only the bookings of a key and day that some
 * call named are kept: a check of some courses wants those of their
 * sessions, since a conflict is of one key on one day.
 */
void lms_bookings_want(struct lms_bookings *b, const char *key,
		       const struct lms_session *s);

/*
 * Reports each booking that overlaps an earlier one of another course,
 * once, in the file of a course that selected marks (NULL: all); ids are
 * the courses' ids by number.  Fails (LMS_EIO) only if the temporary
 * file could not be written or read.
 */
int lms_bookings_check(struct lms_bookings *b, const struct lms_tree *t,
			char **ids, const bool *selected,
			struct lms_findings *out);

#endif
