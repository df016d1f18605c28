#ifndef LMS_REGISTER_H
#define LMS_REGISTER_H

#include <stdint.h>

#include "opsio.h"
#include "person.h"

/*
 * Registering a person (lms person add).  One write, the register; it
 * reads the courses' enrolments too, so that a new id is none that any
 * file of the tree uses, not even the bare id of someone forgotten.
 *
 * Refusals, before the write: a person the register may not hold
 * (lms_person_invalid; the command checks first, lib does not count on
 * it), and a phone number or e-mail address that someone has already
 * (LMS_EREFUSED).  On success id is the new person's.
 */
int lms_ops_person_add(const struct lms_ops_io *io, const struct lms_person *p,
		       int32_t today, char id[LMS_PERSON_ID_LEN + 1]);

#endif
