#ifndef LMS_UTF8_H
#define LMS_UTF8_H

#include <stdarg.h>
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
 * surrogate (CESU-8)" (in the language of messages), and its byte
 * offset in *at; NULL when s is valid.
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
/* Valid UTF-8 without control characters (C0, DEL, C1): a name, a
 * title, a place. */
bool lms_text_is_line(const char *s);
/* Compares ignoring case, for ASCII and the Latin letters of U+00C0 to
 * U+00DE (Æ, Ø, Å, É ...): what a Norwegian sheet's headers and words
 * need.  Returns 0 when equal. */
int lms_utf8_casecmp(const char *a, const char *b);

/*
 * How text that came from files is shown, so that no value can move a
 * terminal's cursor, retitle its window or clear its screen: C0 controls
 * and DEL in caret notation (^[ for ESC, ^? for DEL), C1 controls as
 * <U+009B>, and a byte that does not begin valid UTF-8 as <E6>, the way
 * less(1) shows them.  how adds exceptions:
 */
enum {
	LMS_VIS_LINES = 1 << 0,	/* newline, tab and the CR of CRLF pass */
	LMS_VIS_FLAT = 1 << 1	/* newline, CR and tab become a space */
};
void lms_utf8_add_shown(struct lms_buf *out, const char *s, size_t len,
			unsigned how);
/* Whether lms_utf8_add_shown would copy s unchanged. */
bool lms_utf8_is_shown(const char *s, size_t len, unsigned how);
/*
 * The bytes of the character at u (left bytes from u on, at least one)
 * if it is printable ASCII or one of U+00C0 to U+00FF (Norwegian's æ, ø,
 * å and their neighbours): shown as it is, one column; else 0.  Most of
 * what lms prints is such characters, which need no lookup.
 */
static inline int lms_utf8_plain(const unsigned char *u, size_t left)
{
	if (u[0] >= 0x20 && u[0] <= 0x7e)
		return 1;
	return u[0] == 0xc3 && left > 1 && (u[1] & 0xc0) == 0x80 ? 2 : 0;
}

/*
 * The columns s takes in a terminal, shown with LMS_VIS_FLAT: two for
 * wide characters (CJK, emoji), none for combining marks, as wcwidth(3)
 * counts them.
 */
size_t lms_utf8_width(const char *s);
/* The length in bytes of the longest start of s that takes at most cols
 * columns: never inside a character, and a character's combining marks
 * go with it. */
size_t lms_utf8_cut(const char *s, size_t cols);
/* The greatest length up to n bytes that does not end inside a character
 * of s. */
size_t lms_utf8_floor(const char *s, size_t n);
/* vsnprintf, but what does not fit is cut at the end of a character and
 * marked with an ellipsis: for messages of a bounded size. */
void lms_utf8_vformat(char *buf, size_t size, const char *fmt, va_list ap);
void lms_utf8_format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

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
