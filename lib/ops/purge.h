#ifndef LMS_PURGE_H
#define LMS_PURGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opsio.h"

/*
 * Forgetting people: erasing them from the private register
 * (people/participants.yaml), the only file that names them.  The course
 * files keep the bare ids, which then name nobody; nothing else changes,
 * so each of these is one write, of the register, and a crash leaves it
 * either as it was or without them (see txn.h, fsio.h).
 */

/* Erases one person (lms person forget); LMS_ENOENT for an unknown id. */
int lms_ops_forget(const struct lms_ops_io *io, const char *person);

/*
 * The retention rule (lms purge): a person is kept while the service may
 * need to reach them, retention_months after their last course ended
 * (the last session of the latest course they were enrolled on in any
 * way; a course without sessions counts as ending today).  Someone who
 * was never on a course is kept retention_months after their consent;
 * someone without either date is kept.
 *
 * forgot (which may be NULL) hears of each person forgotten, in the
 * register's order, with the date that counted and whether it was a
 * course's end (else the consent).  With dry_run nothing is written;
 * *n (if not NULL) is how many were (or would be) forgotten.
 */
struct lms_purge_request {
	int32_t today;
	int retention_months;
	bool dry_run;
};

typedef void lms_forgot_fn(const char *person, int32_t last, bool had_course,
			   void *arg);

int lms_ops_purge(const struct lms_ops_io *io,
		  const struct lms_purge_request *req, lms_forgot_fn *forgot,
		  void *arg, size_t *n);

#endif
