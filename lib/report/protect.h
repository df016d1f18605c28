#ifndef LMS_PROTECT_H
#define LMS_PROTECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reportkey.h"

/*
 * How shared reports protect small numbers (lms-report(1), PRIVACY).
 *
 * Every figure of a shared report is a sum over pieces: the people of
 * one course who share a home municipality and a role.  A piece of 1 to
 * k - 1 people (k is min_cell) is published as k with the chance n / k,
 * else as 0; larger pieces are exact.  The draw is fixed by a cell key,
 * the sum of the people's record keys, which a secret of the service
 * makes: the same people give the same figure in every report, and a
 * reader who subtracts reports learns at most the pieces' published
 * values, each of which fits several counts.
 *
 * This is the cell key method of the Australian Bureau of Statistics
 * applied to the smallest cells only.  Applied to every published cell
 * it would give two cells that differ by one small piece independent
 * noise, which many subtracted windows average away.
 */

/* What kind of count a cell key is drawn for: the same people draw apart
 * as relatives and as those who did not complete. */
enum lms_piece_kind {
	LMS_PIECE_PARTICIPANTS = 1, LMS_PIECE_RELATIVES, LMS_PIECE_WAITLISTED,
	LMS_PIECE_DROP_IN, LMS_PIECE_COMPLETED, LMS_PIECE_NOT_COMPLETED,
	LMS_PIECE_NOT_JUDGED, LMS_PIECE_PRESENT, LMS_PIECE_ABSENT,
	LMS_PIECE_PAIRED, LMS_PIECE_UNPAIRED, LMS_PIECE_NO_PLACE,
	/* Follow-up (piece.h): referred on or not; asked at follow-up or
	 * not, and of the asked, still in a group or not; then, for each
	 * kind of offer j, the people of kind j and those of the kinds
	 * after it. */
	LMS_PIECE_REFERRED, LMS_PIECE_NOT_REFERRED, LMS_PIECE_ASKED,
	LMS_PIECE_NOT_ASKED, LMS_PIECE_IN_GROUP, LMS_PIECE_NOT_IN_GROUP,
	LMS_PIECE_STAFF,		/* the staff trained on a course */
	LMS_PIECE_OWN_RESPONSES,	/* the user representatives' own
					 * responses to their form */
	LMS_PIECE_OFFER_KIND = 32, LMS_PIECE_OFFER_REST = 48,
	/* A report by referral or age band (piece.h): for split s and
	 * category j, its people, 16 (s - 1) + j after CATEGORY, and those
	 * of the categories after it, as many after CATEGORY_REST. */
	LMS_PIECE_CATEGORY = 64, LMS_PIECE_CATEGORY_REST = 96
};

/* A person's record key on a course; a piece's cell key is the sum of
 * its people's (mod 2^64), so it does not depend on their order. */
uint64_t lms_protect_record_key(const struct lms_report_key *key,
				const char *course, const char *person);
/* The cell key of something counted without people (drop-in heads). */
uint64_t lms_protect_thing_key(const struct lms_report_key *key,
			       const char *course, const char *what, long n);

/* The published count of a piece of n with cell key: n if 0 or at least
 * k, else k or 0. */
long lms_protect_count(long n, long k, uint64_t cell_key,
		       enum lms_piece_kind kind);

/* One of the two parts of a piece that lms_protect_split splits. */
struct lms_protect_part {
	long n;
	uint64_t cell_key;
	enum lms_piece_kind kind;
};

/*
 * Splits a whole (exact: a piece of k or more) into its two parts so that
 * they add up to it: a part of 0 or at least k stays, one of 1 to k - 1 is
 * drawn as lms_protect_count does, and the larger part (the first of
 * equals) takes what is left, or k less if that would be negative.  Two
 * parts only, and k at least 4: with three parts, or k 3, which part took
 * the rest can pin a small one down (tests/unit/test_protect.c tries every
 * split).
 */
void lms_protect_split(const struct lms_protect_part parts[2], long whole,
		       long k, long out[2]);

#endif
