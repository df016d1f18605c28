#ifndef LMS_OVERSTRIKE_H
#define LMS_OVERSTRIKE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/*
 * Takes the overstrike out of what a man page formatter writes for a
 * terminal (mandoc -Tutf8, nroff): "c\bc" for bold and "_\bc" for
 * underline become "c", where c is a whole UTF-8 character, so that a
 * page saved to a file or read by a program is plain text.  The text may
 * come in pieces of any size, as it comes from a pipe, split anywhere,
 * even inside a character.
 */
struct lms_overstrike {
	char held[4];	/* the last character: a backspace may follow it */
	size_t nheld;
	char next[4];	/* the character being read, byte by byte */
	size_t nnext, want;
	bool struck;	/* a backspace came after held */
};

void lms_overstrike_init(struct lms_overstrike *s);
/* Adds the plain text of len bytes of text to out. */
void lms_overstrike_add(struct lms_overstrike *s, const char *text,
			size_t len, struct lms_buf *out);
/* Adds what is still held to out, at the end of the text. */
void lms_overstrike_finish(struct lms_overstrike *s, struct lms_buf *out);

#endif
