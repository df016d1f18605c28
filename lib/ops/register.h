#ifndef LMS_REGISTER_H
#define LMS_REGISTER_H

#include <stdbool.h>
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

/*
 * A change to someone in the register (lms person set): each field given
 * replaces theirs, and a phone, e-mail or municipality given as "" is
 * removed.  The register is the only place a person's contacts and
 * consents are kept, so this is where they are corrected, and where
 * someone who no longer wants reminders is taken off them.
 */
struct lms_person_change {
	const char *name, *phone, *email, *municipality;
	int birth_year;			/* LMS_UNSET: as it is */
	int32_t consent;		/* LMS_DATE_NONE: as it is */
	bool set_contact;		/* contact replaces theirs */
	unsigned contact;
};

/*
 * Refusals, before the write: no such person (LMS_ENOENT), a person the
 * register may not hold after the change (LMS_EDATA; the command checks
 * what it was given first), and a phone number or e-mail address that
 * someone else has (LMS_EREFUSED).
 */
int lms_ops_person_set(const struct lms_ops_io *io, const char *id,
		       const struct lms_person_change *change, int32_t today);

#endif
