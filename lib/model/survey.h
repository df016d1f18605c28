#ifndef LMS_SURVEY_H
#define LMS_SURVEY_H

#include <stdbool.h>

#include "buf.h"
#include "evaluation.h"
#include "signup.h"

/*
 * Responses imported from a survey's sheet carry a digest of the row
 * they came from, so that importing a sheet again, or a longer export of
 * the same survey, adds only the rows that are new.  The digest is over
 * what lms read from the row and keeps in the response anyway (its form,
 * person, answers), its timestamp if the sheet has one, and its place
 * among the rows of the sheet that read the same: two people who gave
 * the same answers are two responses, and the same sheet read twice
 * gives the same digests.  The columns that lms does not read (names,
 * e-mail addresses) never enter it.
 */
#define LMS_DIGEST_LEN 16	/* hex digits: the first 64 bits of SHA-256 */

/* What a row says, as the digest reads it; stamp may be NULL. */
void lms_survey_key(struct lms_buf *out, const struct lms_evaluation *e,
		    const struct lms_stamp *stamp);
/* The digest of a key, for its repeat-th row (1, 2 ...) in one sheet. */
void lms_survey_digest(const char *key, size_t keylen, unsigned repeat,
		       char out[LMS_DIGEST_LEN + 1]);
/* Whether a file's value is a digest as lms writes it. */
bool lms_digest_valid(const char *s);

/* A person id as people type it in a form ("P-7K3Q9X ", "7k3q9x"):
 * lowercase, without spaces; with "p-" in front in alt. */
void lms_survey_person(const char *cell, struct lms_buf *id,
		       struct lms_buf *alt);

#endif
