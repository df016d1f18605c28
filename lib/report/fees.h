#ifndef LMS_FEES_H
#define LMS_FEES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "course.h"
#include "doc.h"
#include "facilitator.h"
#include "meeting.h"
#include "service.h"
#include "table.h"
#include "tree.h"

/*
 * The work of facilitators and what it earns, by the service's rates
 * (fees: in lms.yaml, struct lms_fee_rates): sessions led (led_by, else
 * the course's facilitators who deliver it, as lms_session_leader says),
 * their hours (from each session's start and end), the fee (per session
 * and per hour) and travel (per session).  Amounts are in øre.
 *
 * The meetings of meetings.yaml count too, for each facilitator with
 * them: their hours, at the hourly rate alone.  The rates have none of
 * their own, and per_session and travel are for sessions led, which a
 * meeting is not.
 *
 * Who is paid: the user representatives on the course, or everyone when
 * the rates say "to: all"; never one whose registry entry says "fee: no",
 * nor one the registry does not know.  Those not paid are counted with
 * their sessions and hours, at no fee.  A cancelled course counts
 * nothing.  Sessions are counted as course.yaml plans them, those to come
 * too: the fees of a term are known before it ends.
 */

/* One session led, or one meeting attended, by one facilitator. */
struct lms_fee_item {
	const char *facilitator;
	const struct lms_facilitator *entry;	/* NULL: not in the registry */
	const struct lms_course *course;
	bool meeting;			/* else a session */
	int32_t date;
	int minutes;			/* 0 without start and end */
	bool paid;
	int64_t fee, travel;		/* 0 when not paid */
};

typedef void lms_fee_fn(const struct lms_fee_item *it, void *arg);

/* Calls fn for each session of c and each who led it, in the order of
 * the sessions and their leaders, then for each of c's meetings m (NULL:
 * none) and each with it. */
void lms_fees_each(const struct lms_fee_rates *rates,
		   const struct lms_facilitator *reg, size_t nreg,
		   const struct lms_course *c, const struct lms_meetings *m,
		   lms_fee_fn *fn, void *arg);

/* One facilitator's work on one course, or (course NULL) in all. */
struct lms_fee_row {
	char *facilitator;
	char *name;			/* the registry's, or NULL */
	char *course;			/* NULL in a person's total */
	bool paid;			/* paid for any of it */
	size_t sessions, meetings;
	long minutes;			/* of both */
	int64_t fee, travel;
};

/*
 * The work of a period, from and to included (LMS_DATE_NONE: open), by
 * facilitator and course; rows in order of facilitator id, then course
 * id, each person's rows followed by their total row.
 */
struct lms_fees {
	int32_t from, to;
	struct lms_fee_row *rows;
	size_t nrows;
};

void lms_fees_init(struct lms_fees *f, int32_t from, int32_t to);
void lms_fees_release(struct lms_fees *f);
/* Adds the sessions and meetings (m, NULL: none) of c in the period. */
void lms_fees_add_course(struct lms_fees *f, const struct lms_fee_rates *rates,
			 const struct lms_facilitator *reg, size_t nreg,
			 const struct lms_course *c,
			 const struct lms_meetings *m);
/* Sorts the rows and adds each person's total row after theirs. */
void lms_fees_finish(struct lms_fees *f);
/* Every course of the tree, loaded one at a time, added and finished. */
int lms_fees_tree(struct lms_fees *f, struct lms_tree *t);

/*
 * The term of a --term argument: "2026V" (spring, January to June) or
 * "2026H" (autumn, July to December), either case.  LMS_EUSAGE with a
 * message for anything else.
 */
int lms_fees_term(const char *s, int32_t *from, int32_t *to);

/*
 * The tables.  The report (lms report --by facilitator): facilitator,
 * name, course, sessions, meetings, hours, fee, travel, total, every
 * row.  The export (lms export fees, for payroll): id, name, course,
 * from, to, sessions, hours, fee, travel, total, meetings, one row per
 * paid person and course.  Kroner with two decimals and hours with two,
 * as C writes them: the renderers show them in the reader's language.
 * For scripts (machine: CSV, TSV) the report has meetings last too, where
 * a column added later shifts none of those they read.
 */
void lms_fees_report_table(const struct lms_fees *f, bool machine,
			   struct lms_table *out);
/* The report's table handed to each in pieces, for a national tree's
 * 107,000 rows: without rows first, then up to LMS_FEES_PIECE_ROWS at a
 * time (table.h). */
#define LMS_FEES_PIECE_ROWS 1024
void lms_fees_report_pieces(const struct lms_fees *f, bool machine,
			    lms_table_piece_fn *each, void *arg);
void lms_fees_export_table(const struct lms_fees *f, struct lms_table *out);
/*
 * The report as a document for people: the service, the period, the
 * rates, the table, made of f's rows as it is rendered (render it before
 * f is released).  Its figures are the work of named facilitators, not
 * counts of participants, so nothing is rounded; and since they are what
 * named people are paid, it is headed as internal.
 */
void lms_fees_report(const struct lms_fees *f, const struct lms_service *s,
		     struct lms_doc *out);

/* One person's fees in one calendar year: held (sessions up to today)
 * and all of them, planned ones included. */
struct lms_fee_year {
	char *facilitator;
	int year;
	int64_t held, all;
};

struct lms_fee_years {
	struct lms_fee_year *v;
	size_t n;
};

void lms_fee_years_add_course(struct lms_fee_years *y,
			      const struct lms_fee_rates *rates,
			      const struct lms_facilitator *reg, size_t nreg,
			      const struct lms_course *c,
			      const struct lms_meetings *m, int32_t today);
void lms_fee_years_release(struct lms_fee_years *y);
int lms_fee_years_tree(struct lms_fee_years *y, struct lms_tree *t,
		       int32_t today);
/* As lms_fee_years_tree, for lms check: with its registry, and passing
 * by a course that does not load (the check says why). */
void lms_fee_years_check(struct lms_fee_years *y, struct lms_tree *t,
			 const struct lms_facilitator *reg, size_t nreg,
			 int32_t today);

/*
 * For a course being made or changed, not yet written (lms course new,
 * set, assign): the years of the people paid for its sessions, summed
 * over the tree's courses with changed in place of the tree's course of
 * its id, and only the years in which changed pays them.  Nothing without
 * a yearly limit; a course that does not load is passed by.
 */
int lms_fee_years_changed(struct lms_fee_years *y, struct lms_tree *t,
			  const struct lms_course *changed, int32_t today);

/*
 * The yearly limit (rates->yearly_limit), passed: the text of a warning
 * about y in the user's language, or false when y is within the limit.
 * It says whether the fees paid have passed it or the planned ones would.
 */
bool lms_fee_year_over(const struct lms_fee_rates *rates,
		       const struct lms_fee_year *y, struct lms_buf *out);

#endif
