#ifndef LMS_UTF8_H
#define LMS_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

bool lms_utf8_valid(const char *s);
/* The same for len bytes that need not end with NUL. */
bool lms_utf8_valid_n(const char *s, size_t len);
/* Valid UTF-8 without control characters: a name, a title, a place. */
bool lms_text_is_line(const char *s);
/* Compares ignoring case, for ASCII and the Latin letters of U+00C0 to
 * U+00DE (Æ, Ø, Å, É ...): what a Norwegian sheet's headers and words
 * need.  Returns 0 when equal. */
int lms_utf8_casecmp(const char *a, const char *b);
/* Display width in terminal columns, one per character. */
size_t lms_utf8_width(const char *s);

/*
 * Whether len bytes are UTF-16, as some Windows programs save text: with
 * a byte-order mark (FF FE little-endian, FE FF big-endian; *bom is its
 * length), or without one when the first bytes hold the NULs of Latin
 * text at every other place, and only there.
 */
bool lms_utf16_detect(const char *s, size_t len, bool *big_endian,
		      size_t *bom);
/* Appends UTF-16 text (after its mark) to out as UTF-8; a lone surrogate
 * or an odd last byte becomes U+FFFD. */
void lms_utf16_to_utf8(const char *s, size_t len, bool big_endian,
		       struct lms_buf *out);

#endif
