#ifndef LMS_BATCH_H
#define LMS_BATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "csvin.h"
#include "roll.h"
#include "person.h"
#include "strset.h"

/*
 * Enrolment from a sign-up sheet: one row per person with the columns
 * name (or first and last name), phone, email, municipality (number or
 * name), role, referral, a timestamp and consent, in any order, with the
 * headers that people and form tools write in English or Norwegian.
 * Known people are matched by phone number or e-mail address, new ones
 * are registered.  Every row is checked before anything changes: a bad
 * row fails the whole batch with its line.  A row whose consent column
 * says no is left out, and is neither registered nor enrolled.  Rows are
 * taken in the order of their timestamps (rows without one: --date, after
 * the timestamped rows of that day), so that the waiting list is first
 * come, first served.
 */
struct lms_batch_row {
	unsigned line;
	char person[LMS_PERSON_ID_LEN + 1];
	bool is_new;
	int status;		/* LMS_ENROLLED or LMS_WAITLISTED */
};

/* What the caller should tell the user, by line: a row left out, a
 * column not read, a retired municipality number read as today's. */
struct lms_batch_note {
	unsigned line;
	char *text;
};

struct lms_batch {
	struct lms_batch_row *rows;	/* in request order */
	size_t n;
	size_t new_people;
	struct lms_batch_note *notes;	/* in the order of the file */
	size_t nnotes;
	size_t left_out;		/* rows without consent */
};

struct lms_batch_input {
	const char *path;		/* of the CSV file, for messages */
	struct lms_csv *csv;		/* its cells are flattened in place */
	const struct lms_service *service;
	int32_t requested;
	bool force;
	struct lms_id_pool *ids;	/* free person ids, one for each row
					 * that may be a new person */
	const unsigned *force_lines;	/* rows let in from anywhere, as force */
	size_t nforce_lines;
	int32_t today;			/* no timestamp after it; 0: no check */
};

/* Fills reg and the roll; on failure they may be half changed and must
 * be thrown away, not written. */
int lms_batch_enrol(const struct lms_batch_input *in, struct lms_register *reg,
		    struct lms_roll *roll, struct lms_batch *out);
void lms_batch_release(struct lms_batch *b);

#endif
