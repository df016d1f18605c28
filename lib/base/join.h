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

#endif
