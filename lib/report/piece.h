#ifndef LMS_PIECE_H
#define LMS_PIECE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "offer.h"
#include "protect.h"
#include "strset.h"

/*
 * The pieces of one course, which every figure of an aggregate report
 * adds up (see protect.h): the people of the course who share a home
 * municipality and a role (participants, relatives, the waiting list),
 * and its drop-in heads.  A piece keeps what its people did, so that a
 * piece of at least k people can show it; counting and publishing are
 * apart so that the exact report and the shared one count alike.
 */
enum { LMS_PART_COMPLETED, LMS_PART_NOT_COMPLETED, LMS_PART_NOT_JUDGED,
       LMS_NPARTS };
enum { LMS_MARK_PRESENT, LMS_MARK_ABSENT, LMS_NMARKS };

/* What a published piece shows rounded, for the marks of a report. */
enum {
	LMS_ROUNDED_PEOPLE = 1, LMS_ROUNDED_COMPLETION = 2,
	LMS_ROUNDED_ATTENDANCE = 4, LMS_ROUNDED_PAIRS = 8,
	LMS_ROUNDED_REFERRED = 16, LMS_ROUNDED_KINDS = 32,
	LMS_ROUNDED_ASKED = 64, LMS_ROUNDED_IN_GROUP = 128
};

/*
 * A piece's people may be split by something that is not part of what
 * makes a piece, for a report by it: their referral, or their age band
 * at the course's start (from the register's birth year).  Category 0 is
 * "none recorded" (no referral, no birth year); the others are the
 * referral's value, or the band's index in lms_age_band_names.
 */
enum lms_piece_split { LMS_SPLIT_NONE, LMS_SPLIT_REFERRAL, LMS_SPLIT_AGE_BAND };
#define LMS_NCATEGORIES 12
/* Machine names of the age bands, index 1 on (0: unknown): under 30,
 * 30 to 49, 50 to 66, 67 to 79, 80 and over. */
extern const char *const lms_age_band_names[];
/* The band of someone born in birth_year (LMS_UNSET: unknown) at a
 * course that starts on first: its index, 0 if not known. */
int lms_age_band(int birth_year, int32_t first);

struct lms_piece_figures {
	long n;				/* people, or drop-in heads */
	long part[LMS_NPARTS];
	long mark[LMS_NMARKS];
	long paired;			/* people with a pair of answers */
	/* Of the completed, those whose follow-up names an offer, in all
	 * and by the offer's kind (index enum lms_offer_kind). */
	long referred;
	long kind[LMS_NOFFER_KINDS];
	bool referred_counted;		/* its completed split so: shown */
	bool kinds_counted;		/* and its referred, by kind */
	/* Of the completed, those asked at follow-up whether they are still
	 * in a group or offer (still_in_group), and those who are. */
	long asked, in_group;
	bool asked_counted;		/* its completed split so: shown */
	bool in_group_counted;		/* and its asked */
	bool counted;			/* its waits count */
	bool pairs_counted;		/* and its pairs: k or more */
	unsigned rounded;
	/* Its people by category of the split (exact: all; shown: those
	 * of the categories split off as they are, or drawn), and, shown,
	 * those left unsplit when a part was drawn or the piece is small:
	 * rest. */
	long category[LMS_NCATEGORIES];
	long rest;
	bool categories_rounded;	/* a part drawn as 0 or k */
};

struct lms_piece {
	const char *municipality;	/* NULL: unknown */
	enum lms_piece_kind kind;
	struct lms_piece_figures exact;
	uint64_t key;			/* the cell key of its people */
	uint64_t part_key[LMS_NPARTS];
	uint64_t mark_key[LMS_NMARKS];	/* of the people of each mark */
	uint64_t paired_key;
	uint64_t referred_key;
	uint64_t kind_key[LMS_NOFFER_KINDS];
	uint64_t asked_key, in_group_key;
	uint64_t category_key[LMS_NCATEGORIES];
	int *waits;			/* days, one per person who waited */
	size_t nwaits;
	size_t *pairs;			/* indices into the course's pairs */
	size_t npairs;
	struct lms_piece_figures shown;	/* as published */
};

struct lms_course_pieces {
	struct lms_piece *v;
	size_t n;
	enum lms_piece_split split;
};

/* What the pieces are counted from; key is NULL for exact figures. */
struct lms_piece_input {
	const struct lms_course *course;
	const struct lms_enrolments *enrolments;
	const struct lms_attendance *attendance;
	const char *const *pair_people;	/* the person of each pair */
	size_t npairs;
	const struct lms_report_key *key;
	const struct lms_offers *offers;	/* the tree's, or NULL */
	enum lms_piece_split split;
	/* person -> birth year (intptr_t), for LMS_SPLIT_AGE_BAND */
	const struct lms_strset *birth_years;
};

/* A piece of people with a place: participants, relatives or staff. */
bool lms_piece_has_places(enum lms_piece_kind kind);

void lms_pieces_count(struct lms_course_pieces *out,
		      const struct lms_piece_input *in);
/* Sets each piece's shown figures: exact, or protected for min_cell k. */
void lms_pieces_publish(struct lms_course_pieces *p, long k, bool exact);
void lms_pieces_release(struct lms_course_pieces *p);

#endif
