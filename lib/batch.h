#ifndef LMS_BATCH_H
#define LMS_BATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "csvin.h"
#include "enrol.h"
#include "person.h"
#include "strset.h"

/*
 * Enrolment from a sign-up sheet: one row per person with the columns
 * name, phone, email, municipality, role and referral (in any order,
 * English or Norwegian headers).  Known people are matched by phone
 * number or e-mail address, new ones are registered.  Every row is
 * checked before anything changes: a bad row fails the whole batch with
 * its line.
 */
struct lms_batch_row {
	unsigned line;
	char person[LMS_PERSON_ID_LEN + 1];
	bool is_new;
	int status;		/* LMS_ENROLLED or LMS_WAITLISTED */
};

struct lms_batch {
	struct lms_batch_row *rows;
	size_t n;
	size_t new_people;
};

struct lms_batch_input {
	const char *path;		/* of the CSV file, for messages */
	struct lms_csv *csv;		/* its cells are flattened in place */
	const struct lms_service *service;
	int32_t requested;
	bool force;
	struct lms_strset *ids_in_use;	/* every person id of the tree */
};

/* Fills reg and the roll; on failure they may be half changed and must
 * be thrown away, not written. */
int lms_batch_enrol(const struct lms_batch_input *in, struct lms_register *reg,
		    struct lms_roll *roll, struct lms_batch *out);
void lms_batch_release(struct lms_batch *b);

#endif
