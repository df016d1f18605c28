#ifndef LMS_SHEET_H
#define LMS_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "table.h"

/*
 * A sign-in sheet, to print and lay at the door of a session: a heading,
 * a numbered row with a line to sign on for each person expected, and
 * blank rows for those who come without being on the list.  It shows
 * names only, unless contacts asks for the phone and e-mail columns: the
 * sheet lies where everyone who comes can read it.
 */
struct lms_sheet_person {
	const char *name, *phone, *email;
};

struct lms_sheet {
	const char *title;		/* the course's */
	const char *when;		/* "Session 4 of 4: Thursday ..." */
	const char *date;		/* the session's (lms_i18n_date) */
	const char *theme;		/* NULL: none */
	bool contacts;
	const struct lms_sheet_person *people;
	size_t npeople;
	size_t blank;			/* rows for people not on the list */
};

/*
 * Text for a printer (rows double-spaced, so that there is room to sign)
 * or one self-contained HTML page for A4, whose rows are tall enough to
 * sign on and whose header comes again on every page.
 */
void lms_sheet_render(const struct lms_sheet *s, enum lms_format f,
		      struct lms_buf *out);

#endif
