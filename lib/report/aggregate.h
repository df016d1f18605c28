#ifndef LMS_AGGREGATE_H
#define LMS_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attendance.h"
#include "buf.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"
#include "facilitator.h"
#include "form.h"
#include "meeting.h"
#include "offer.h"
#include "piece.h"
#include "protect.h"
#include "service.h"
#include "strset.h"
#include "table.h"
#include "tree.h"

/*
 * The aggregate report over many courses, in many trees, fed one course
 * at a time so that memory does not grow with the number of courses: a
 * course's files are read, added and freed before the next.  What it
 * keeps grows only with the number of groups.
 *
 * Each course is cut into pieces (piece.h), published exactly or
 * protected (protect.h), and every figure is made of the pieces'
 * published figures: so that no set of reports, however cut, tells more
 * than the pieces do.  Rows are groups of courses (by course, year, term,
 * target group or topic: a course may be in several groups), of pieces
 * (by the home municipality or the role of their people), or of the
 * parts of pieces split by their people's referral or age band (piece.h),
 * which show their counts of people only.  The totals row adds up every
 * piece once, whatever the grouping.
 *
 * aggregate.c adds courses up, aggtable.c makes the table of the sums,
 * aggforms.c tells the trees' self-efficacy forms apart, and aggtree.c
 * reads a tree's courses into the report.
 */
enum lms_group_by {
	LMS_BY_COURSE = 1, LMS_BY_MUNICIPALITY, LMS_BY_YEAR, LMS_BY_TERM,
	LMS_BY_TARGET_GROUP, LMS_BY_TOPIC,
	LMS_BY_REFERRAL, LMS_BY_ROLE, LMS_BY_AGE_BAND,
	/* Not an aggregate of the pieces: the work and fees of the
	 * facilitators (fees.h). */
	LMS_BY_FACILITATOR
};
extern const char *const lms_group_by_names[];

struct lms_agg_options {
	int by;
	int32_t from, to;	/* courses that start in [from, to]; NONE: open */
	int status;		/* 0: every course but the cancelled */
	int32_t today;		/* sessions up to today are held */
	const char *form;	/* the self-efficacy form, for the change */
	bool form_required;	/* every tree must have it (--form given) */
	bool name_trees;	/* by course: rows named TREE/ID (several trees) */
	long min_cell;		/* pieces smaller than this are rounded */
	bool exact;		/* no rounding: for the service's own use */
	bool names;		/* municipalities named, for people, even in
				 * a table without marks (CSV for Excel) */
};

/*
 * The columns of the report's table (lms_agg_table), in order.  A row
 * notes in rounded which hold a rounded piece: bit LMS_AGG_ROUNDED(col).
 * A column added later goes at the end, so that the CSV's columns keep
 * their places for the scripts that read them by place.
 */
enum lms_agg_column {
	LMS_AGG_COL_KEY, LMS_AGG_COL_COURSES, LMS_AGG_COL_SESSIONS,
	LMS_AGG_COL_PARTICIPANTS, LMS_AGG_COL_RELATIVES,
	LMS_AGG_COL_ENROLMENTS,
	LMS_AGG_COL_WAITLISTED, LMS_AGG_COL_COMPLETION, LMS_AGG_COL_ATTENDANCES,
	LMS_AGG_COL_ATTENDANCE, LMS_AGG_COL_WAIT, LMS_AGG_COL_UR,
	LMS_AGG_COL_PAIRS, LMS_AGG_COL_BEFORE, LMS_AGG_COL_AFTER,
	LMS_AGG_COL_CHANGE, LMS_AGG_COL_DZ,
	LMS_AGG_COL_UR_DECLARED,	/* appended */
	LMS_AGG_COL_STAFF,		/* appended */
	LMS_AGG_NCOLS
};
#define LMS_AGG_ROUNDED(col) (1u << (col))

struct lms_agg_row {
	char *key;
	size_t last_course;		/* to count each course once */
	size_t courses, sessions;
	/* Courses where user representatives took part in all phases: as
	 * it happened (sessions led, meetings), and as declared. */
	size_t ur_courses, ur_declared;
	/* Sums of the pieces' published figures (see piece.h). */
	long participants, relatives, staff, waitlisted;
	long completed, not_completed;
	long present, marked, headcount;
	long paired;			/* shown; pairs below is what the
					 * means are of */
	unsigned rounded;		/* LMS_AGG_ROUNDED of the columns that
					 * hold a rounded piece */
	size_t pairs;			/* self-efficacy before and after */
	double change_mean, change_m2;	/* running mean and squared spread */
	double pre_sum, post_sum;
	unsigned pair_form;		/* the form of its pairs (see forms) */
	bool pairs_mixed;		/* pairs of different forms: no figure */
	/* Follow-up (piece.h): the completed of the pieces whose referrals
	 * show, of them those referred on, and those by kind of offer. */
	long ref_completed, referred;
	long kind[LMS_NOFFER_KINDS];
	unsigned ref_rounded;		/* LMS_ROUNDED_REFERRED, _KINDS,
					 * _ASKED, _IN_GROUP */
	/* Of the completed of the pieces whose asking shows, those asked at
	 * follow-up; of the asked of the pieces whose answers show, those
	 * still in a group or offer. */
	long asked, in_group_asked, in_group;
	bool people_only;		/* a group of parts of pieces: its
					 * counts of people, nothing else */
};

/*
 * The self-efficacy form of each tree, as it measures: trees whose forms
 * share an id but not their scale, score or items are never pooled in
 * one figure of before, after or change.
 */
struct lms_agg_form {
	char *service;			/* the first tree's that has it */
	char *measure;			/* what makes two forms one measure */
	int min, max, score;
	size_t nitems;			/* scored items */
};

/*
 * The user representatives' own responses (facilitator-evaluations.yaml),
 * apart from everything else: each course's responses are a piece, drawn
 * as 0 or k when fewer than k, and only the answers of pieces of k or
 * more go into an item's mean (aggown.c).
 */
struct lms_agg_own_item {
	char *id;
	double sum;
	long n;
};

struct lms_agg_own {
	long responses;			/* the pieces' published counts */
	bool rounded;			/* one of them drawn */
	struct lms_agg_own_item *items;	/* scale items, as first met */
	size_t nitems;
};

/*
 * The waits of every row, in whole days, as runs: so many waits of so
 * many days in a row (the totals' row is LMS_AGG_TOTAL_ROW).  A wait is
 * counted into a hash table of runs keyed on row and days, so memory
 * grows with the waits that differ, not with the rows, and adding costs
 * no sort; merging sorts the runs once, by row and days (radix sorts:
 * qsort was a hundredth of a warm national report), and a median is
 * read off a row's runs in order.  Merging changes no figure, so a
 * report that is only read may merge it (lms_agg_table); a wait added
 * after a merge puts the runs back into a table.
 */
#define LMS_AGG_TOTAL_ROW UINT32_MAX

struct lms_agg_wait {
	uint32_t row;
	int32_t days;
	uint32_t n;			/* 0: a free slot of the table */
};

struct lms_agg_waits {
	struct lms_agg_wait *v;		/* cap slots, or n sorted runs */
	size_t n, cap;
	bool merged;			/* v is n runs in order */
};

void lms_agg_waits_add(struct lms_agg_waits *w, uint32_t row, int days);
/* Merges the runs: then all are in order of row and days. */
void lms_agg_waits_merge(struct lms_agg_waits *w);
/* The median of a row's waits, NAN when it has none; merges first. */
double lms_agg_waits_median(struct lms_agg_waits *w, uint32_t row);
void lms_agg_waits_release(struct lms_agg_waits *w);

struct lms_agg {
	struct lms_agg_options opt;
	struct lms_agg_row *rows;
	size_t nrows, rows_cap;
	struct lms_strset index;	/* key -> 1 + row */
	struct lms_agg_row total;
	const struct lms_report_key *key;	/* the tree being added's */
	size_t courses_seen;
	struct lms_agg_form *forms;	/* the forms met, one per measure */
	size_t nforms;
	bool offers;			/* a tree keeps offers.yaml */
	struct lms_agg_own own;
	/* The rows' waits: behind a pointer, so that a table made of a
	 * const report may merge them. */
	struct lms_agg_waits *waits;
};

/* The files of one course, as the aggregate needs them. */
struct lms_agg_course {
	const struct lms_course *course;
	const struct lms_enrolments *enrolments;
	const struct lms_attendance *attendance;
	const struct lms_evaluations *evaluations;
	const struct lms_form *form;		/* NULL if the tree lacks it */
	const struct lms_facilitator *facilitators;
	size_t nfacilitators;
	const struct lms_strset *facilitator_index;	/* id -> facilitator,
							 * or NULL */
	const char *tree;			/* its root, for name_trees */
	unsigned form_version;			/* 1 + index in forms; 0: one */
	const struct lms_offers *offers;	/* the tree's, or NULL */
	const struct lms_meetings *meetings;	/* the course's, or NULL */
	/* person -> birth year (intptr_t), read from the register for a
	 * report by age band only; NULL otherwise */
	const struct lms_strset *birth_years;
	/* the user representatives' own responses, or NULL */
	const struct lms_evaluations *own;
};

/*
 * What one course adds to a report, apart from the report: its pieces as
 * published, with what the rows take of them (waits, pairs of scores in
 * the order they are added, so that sums come out the same to the bit),
 * the keys of the rows it goes to, and its own responses.  It is made of
 * the course's files and the report's options and key alone
 * (lms_agg_contrib_make reads nothing else of the report, and changes
 * nothing: any thread may make one), and merged into the report in the
 * order of the courses (lms_agg_contrib_merge).  Strings (a piece's
 * municipality, a row's key, an item's id) are offsets into strs.
 */
#define LMS_AGG_NO_STR SIZE_MAX

struct lms_agg_cpiece {
	size_t municipality;		/* into strs; LMS_AGG_NO_STR: unknown */
	enum lms_piece_kind kind;
	unsigned category_drawn;	/* bit j: part j of the split drawn */
	struct lms_piece_figures shown;
	size_t waits_at, nwaits;	/* its waits that count, in waits */
	size_t pairs_at, npairs;	/* its pairs that count, in before/after */
};

struct lms_agg_own_answer {
	size_t item;			/* into strs */
	double value;
};

struct lms_agg_contrib {
	unsigned ur;			/* user representatives in all phases */
	size_t sessions;		/* held by today */
	unsigned pair_form;		/* the form_version of its pairs */
	struct lms_agg_cpiece *pieces;
	size_t npieces;
	int *waits;
	size_t nwaits;
	double *before, *after;
	size_t npairs;
	size_t *rows;			/* keys of its course-level rows */
	size_t nrows;
	long own_n, own_shown;		/* own responses, and as published */
	struct lms_agg_own_answer *own;	/* their answers, if all shown */
	size_t nown;
	struct lms_buf strs;
	/* What the arrays hold, where decoding again reuses them
	 * (lms_agg_contrib_decode_again); 0 for arrays made otherwise. */
	size_t room_pieces, room_waits, room_pairs, room_rows, room_own;
};

void lms_agg_contrib_make(const struct lms_agg *a,
			  const struct lms_agg_course *in,
			  struct lms_agg_contrib *out);
void lms_agg_contrib_merge(struct lms_agg *a, const struct lms_agg_contrib *c);
void lms_agg_contrib_release(struct lms_agg_contrib *c);

/*
 * A contribution kept in the tree's index (LMS_INDEX_REPORT, aggcache.c),
 * behind the fingerprint of all else it is made of: the report's options
 * and key, the tree's service, facilitators, offers and form, the
 * register when by age band, the version of lms.  lms_agg_fingerprint
 * reads those files of t (the course's own are the index's to watch).
 * c is NULL for a course the report does not want.  decode gives 1 with
 * *out made, 0 for a course not wanted, -1 (and nothing to release) for
 * a record of another fingerprint or not well made; the form of its
 * pairs is the caller's to set.  decode_again does the same into out as
 * an earlier decode_again (or zeroing) left it, keeping its memory
 * whatever it gives: out is released once, after the last.  A report
 * decodes a record for each course the index keeps, and a malloc and
 * free for each of their arrays were half of decoding them.
 */
void lms_agg_fingerprint(const struct lms_agg *a,
			 const struct lms_agg_course *in, struct lms_tree *t,
			 unsigned char out[32]);
void lms_agg_contrib_encode(const struct lms_agg_contrib *c,
			    const unsigned char fp[32], struct lms_buf *out);
int lms_agg_contrib_decode(const unsigned char *data, size_t len,
			   const unsigned char fp[32],
			   struct lms_agg_contrib *out);
int lms_agg_contrib_decode_again(const unsigned char *data, size_t len,
				 const unsigned char fp[32],
				 struct lms_agg_contrib *out);

void lms_agg_init(struct lms_agg *a, const struct lms_agg_options *opt);
void lms_agg_release(struct lms_agg *a);
/* True if the course belongs in the report (dates and status). */
bool lms_agg_wants(const struct lms_agg *a, const struct lms_course *c);
/*
 * Makes room for the rows of so many courses more, where each has its
 * own (by course), at once: an array doubled to hold 53,500 rows would
 * hold 65,536, and the 32,768 before them while it moved.
 */
void lms_agg_expect(struct lms_agg *a, size_t courses);
void lms_agg_add(struct lms_agg *a, const struct lms_agg_course *in);
/* When the trees' self-efficacy forms differ: what the report and the
 * user are told (nothing when they do not). */
void lms_agg_forms_note(const struct lms_agg *a, struct lms_buf *out);
/* The version (1 + index in a->forms) of a tree's form, noted if new. */
unsigned lms_agg_form_version(struct lms_agg *a, const struct lms_form *f,
			      const char *service);

/*
 * Reads a whole tree into the report, a course at a time.  progress, if
 * not NULL, hears how many courses of how many are done.
 */
struct lms_tree;
int lms_agg_tree(struct lms_agg *a, struct lms_tree *t,
		 void (*progress)(size_t done, size_t total, void *arg),
		 void *arg);

/*
 * The report's table: one row per group in key order, then the totals.
 * marks is for people: ≈ before a figure that holds a rounded piece,
 * and a municipality's name after its number; scripts get the numbers
 * alone.
 */
void lms_agg_table(const struct lms_agg *a, bool marks, struct lms_table *out);
#define LMS_ROUNDED_MARK "\xe2\x89\x88"	/* ≈, the mark of marks */
/* Its first max rows alone, without totals: for what shows only those
 * (the charts), so that a long report is not made twice. */
void lms_agg_table_first(const struct lms_agg *a, bool marks, size_t max,
			 struct lms_table *out);
/* The table of one group (key) alone, without totals: false, and no
 * table (*out untouched), if there is no such group. */
bool lms_agg_table_one(const struct lms_agg *a, const char *key, bool marks,
		       struct lms_table *out);

/*
 * The follow-up figures (when a tree keeps offers.yaml: a->offers): by
 * group as lms_agg_table, the completed, those referred on to an offer
 * and their share, and those referred by kind of offer.
 */
void lms_agg_followup_table(const struct lms_agg *a, bool marks,
			    struct lms_table *out);
/*
 * The table (or the follow-up table) handed to emit in pieces, for a
 * report too long to hold as a table (by course, 53,500 rows): first
 * without rows, then up to LMS_AGG_PIECE_ROWS rows at a time, the last
 * piece with the totals.  The rows of all the pieces are those of the
 * whole table, in its order.
 */
#define LMS_AGG_PIECE_ROWS 1024
void lms_agg_table_pieces(const struct lms_agg *a, bool marks, bool followup,
			  void (*emit)(const struct lms_table *t, void *arg),
			  void *arg);

/* The user representatives' own responses of a course, added apart. */
void lms_agg_own_merge(struct lms_agg *a, const struct lms_agg_contrib *c);
void lms_agg_own_release(struct lms_agg_own *own);
/* Their table: each scale item and its mean, empty when fewer than k
 * answers make it. */
void lms_agg_own_table(const struct lms_agg *a, struct lms_table *out);

/* Figures of a row, for charts: NAN when there are none. */
double lms_agg_share(size_t part, size_t whole);
double lms_agg_median_wait(const struct lms_agg *a,
			   const struct lms_agg_row *r);

#endif
