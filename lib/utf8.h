#ifndef LMS_UTF8_H
#define LMS_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/*
 * Strict UTF-8 (RFC 3629), the one check that every input of lms goes
 * through: command-line arguments, CSV sheets and YAML files.  Refused are
 * bytes that never start a character, overlong forms (C0, C1, E0 80..9F,
 * F0 80..8F), surrogates (ED A0..BF, as CESU-8 writes them), code points
 * above U+10FFFF (F4 90.., F5..FF) and sequences cut short.
 */

/*
 * What is wrong with the first bad sequence of s (len bytes), such as "a
 * surrogate (CESU-8)", and its byte offset in *at; NULL when s is valid.
 */
const char *lms_utf8_problem(const char *s, size_t len, size_t *at);
/* The length of the character at s (left bytes remain), 0 if it is not
 * valid UTF-8; its code point in *cp. */
size_t lms_utf8_char(const char *s, size_t left, unsigned *cp);
bool lms_utf8_valid(const char *s);
/* The same for len bytes that need not end with NUL. */
bool lms_utf8_valid_n(const char *s, size_t len);
/*
 * The 1-based line and column (in characters) of byte offset at in text:
 * CR LF, CR and LF each end a line, as they do for YAML readers.
 */
void lms_utf8_position(const char *text, size_t at, unsigned *line,
		       unsigned *col);
/*
 * Appends s for a message: at most its first max bytes, cut between
 * characters, with control characters and bytes that are not UTF-8 as
 * \xNN, and "..." when cut.
 */
void lms_utf8_quote(struct lms_buf *out, const char *s, size_t max);
/* Valid UTF-8 without control characters: a name, a title, a place. */
bool lms_text_is_line(const char *s);
/* Compares ignoring case, for ASCII and the Latin letters of U+00C0 to
 * U+00DE (Æ, Ø, Å, É ...): what a Norwegian sheet's headers and words
 * need.  Returns 0 when equal. */
int lms_utf8_casecmp(const char *a, const char *b);
/* Display width in terminal columns, one per character. */
size_t lms_utf8_width(const char *s);

#endif
