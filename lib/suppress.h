#ifndef LMS_SUPPRESS_H
#define LMS_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Hiding small counts in aggregate reports, so that nobody can be
 * recognised.  A count from 1 to k - 1 (k is min_cell) is hidden and shown
 * as "<k" (primary suppression).  Because a column's total is shown, one
 * hidden cell could be worked out as the total minus the others; so more
 * cells are hidden (shown as "x", complementary suppression) until every
 * hidden cell could take at least two values, even for a reader who knows
 * that "<k" cells are 1 to k - 1 and "x" cells are k or more.  If nothing
 * is left to hide, the total is hidden.
 */
enum lms_cell { LMS_CELL_SHOWN, LMS_CELL_SMALL, LMS_CELL_HIDDEN };

/*
 * Decides for one column of n counts and its total.  out gets n states,
 * *total_state the total's.
 */
void lms_suppress_column(const long *counts, size_t n, long total, long k,
			 enum lms_cell *out, enum lms_cell *total_state);

/*
 * The same, for a column some of whose cells other columns already hide:
 * a cell that out marks LMS_CELL_HIDDEN on entry stays hidden (as "<k" if
 * it is small), and the column is made safe around it; so does a hidden
 * total.  A table whose
 * columns add up along a row needs this, run column by column until no
 * column hides more.
 */
void lms_suppress_column_more(const long *counts, size_t n, long total,
			      long k, enum lms_cell *out,
			      enum lms_cell *total_state);

/* The values hidden cell i could take, as [*low, *high], given what the
 * table shows; for tests and for the reasoning above. */
void lms_suppress_range(const long *counts, const enum lms_cell *state,
			size_t n, long total, long k, size_t i, long *low,
			long *high);

/*
 * Three columns that add up along every row, a + b = c (participants,
 * relatives, enrolments): a reader may combine the rows with the columns'
 * totals.  Narrows what each hidden cell could be, from the totals, the
 * rows and the marks ("<k" is 1 to k - 1, "x" k or more), until nothing
 * narrows more; if that leaves a "<k" cell with one value, hides the
 * smallest count still shown in its column (or, if none, the total) and
 * returns true.  Run until it returns false.
 */
bool lms_suppress_linked(const long (*counts)[3], enum lms_cell (*state)[3],
			 size_t n, const long *totals,
			 enum lms_cell *total_state, long k);

#endif
