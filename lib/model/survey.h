#ifndef LMS_SURVEY_H
#define LMS_SURVEY_H

#include <stdbool.h>

#include "buf.h"
#include "csvin.h"
#include "evaluation.h"
#include "form.h"
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

/*
 * Which column of a survey's sheet holds which item of form f.  First the
 * maps ("COLUMN=ITEM", "COLUMN=person", "COLUMN=timestamp"), then headers
 * that are an item's id or text (in any case).  The column of person ids
 * and of timestamps, if no map names them, is the first one whose header
 * is a usual name for it ("Deltakernummer", "Fullføringstidspunkt"; not
 * "ID", where Microsoft Forms numbers its responses).  The timestamps'
 * order of day and month is read from the whole column.
 *
 * Refused: a map that is not COLUMN=ITEM, names no column or no item
 * (LMS_EUSAGE); no column for any item, two columns for one item
 * (LMS_EDATA, at line 1 of path).  A column for nothing is most often a
 * header that misses an item's text by a letter: left_out hears of each,
 * in the sheet's order, before an error about a later column.
 */
struct lms_survey_columns {
	const char **item;	/* per column, the id of an item of f, or NULL */
	int person;		/* the column of person ids, or -1 */
	int stamp;		/* the column of timestamps, or -1 */
	unsigned order;		/* of the timestamps' day and month */
};

typedef void lms_left_out_fn(const char *path, const char *header,
			     void *arg);

int lms_survey_columns(struct lms_survey_columns *out, const char *path,
		       const struct lms_csv *csv, const struct lms_form *f,
		       char *const *maps, size_t nmaps,
		       lms_left_out_fn *left_out, void *arg);
void lms_survey_columns_release(struct lms_survey_columns *c);

#endif
