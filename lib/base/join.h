#ifndef LMS_JOIN_H
#define LMS_JOIN_H

#include "buf.h"

/* How a list in a message ends: "a, b, c", "a, b or c", "a, b and c". */
enum lms_join { LMS_JOIN_COMMAS, LMS_JOIN_OR, LMS_JOIN_AND };

/*
 * Adds the names of a NULL-terminated table as a list for a message, so
 * that a message lists the very choices its parser takes: "is not one of
 * planned, open, ...", "give enrolments, attendance or evaluations".
 * Empty names (the "" that stands for "none" first in an enumeration's
 * table) are left out; the names themselves are words of the command line
 * or the files and stay as they are, while "or" and "and" are in the
 * language.
 */
void lms_join(struct lms_buf *out, const char *const *names, enum lms_join how);

/*
 * The names of a set of flags: names[i] for each bit i set in bits, in
 * the table's order, empty names left out.  out has room for max names
 * and the NULL that ends them; returns how many there are.  The one place
 * that turns a bit set (target groups, phases, days, formats) into words.
 */
size_t lms_flag_names(const char *const *names, unsigned bits,
		      const char **out, size_t max);
/* The names of a set of flags with sep between them: "plan, deliver". */
void lms_join_flags(struct lms_buf *out, const char *const *names,
		    unsigned bits, const char *sep);

#endif
