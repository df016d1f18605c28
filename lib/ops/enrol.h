#ifndef LMS_ENROL_H
#define LMS_ENROL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "batch.h"
#include "opsio.h"
#include "service.h"

/*
 * Enrolment (lms enrol): one person named by id, or a sign-up sheet of
 * people, put on a course or its waiting list by the roll's rules
 * (roll.h).  Everything is decided before the first write: the course,
 * its enrolments and the register are read, every person and row is
 * checked, and a refusal or a bad row changes nothing.
 */

/* What the command asks for one person. */
struct lms_enrol_one {
	const struct lms_service *service;
	const char *course, *person;
	const char *relative_of;	/* makes the role relative if not given */
	int role, referral;		/* 0: participant; not given */
	int32_t requested;
	bool force;			/* let in someone the service does not
					 * serve */
};

/* What became of them, for the command to say. */
struct lms_enrol_result {
	int status;			/* LMS_ENROLLED or LMS_WAITLISTED */
	size_t enrolled;		/* places taken, after */
	int capacity;			/* the course's, or LMS_UNSET */
	size_t waiting;			/* on the waiting list, after */
};

/*
 * Enrols one registered person (and checks that relative_of is one):
 * LMS_ENOENT for an unknown person.  One write, enrolments.yaml: the
 * register only ever changes with a sheet.
 */
int lms_ops_enrol(const struct lms_ops_io *io, const struct lms_enrol_one *req,
		  struct lms_enrol_result *out);

/* What the command asks for a sheet (see lms_batch_input). */
struct lms_enrol_sheet {
	const struct lms_service *service;
	const char *course;
	const char *path;		/* the sheet, a CSV file */
	int32_t requested;		/* of the rows without a timestamp */
	bool force;
	const unsigned *force_lines;	/* rows let in from anywhere */
	size_t nforce_lines;
	int32_t today;
};

/*
 * Enrols the rows of a sign-up sheet, read from req->path after the
 * course's files (lms_batch_enrol says how rows are read, matched to the
 * register and ordered; new ids are drawn first, one per row, and those
 * the tree uses dropped, lms_ops_free_ids).  out is the caller's (lms_batch_release) on success,
 * and holds nothing on an error.
 *
 * The order of the writes: the register first (only when the sheet has
 * new people), enrolments.yaml second.  Stopped between the two, the new
 * people are in the register with their consent and on no course yet:
 * lms check accepts that (someone registered ahead of a course), and the
 * same sheet enrolled again finds them by phone or e-mail and enrols
 * them.  The other order would leave enrolments naming ids the register
 * does not have, which lms check calls an error.  (Within a command both
 * writes are one change, see opsio.h.)
 */
int lms_ops_enrol_sheet(const struct lms_ops_io *io,
			const struct lms_enrol_sheet *req,
			struct lms_batch *out);

#endif
