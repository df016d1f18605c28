#ifndef LMS_PERSONAL_H
#define LMS_PERSONAL_H

#include <stdbool.h>
#include <stddef.h>

#include "strset.h"

/*
 * What looks like personal data in a text that is meant for git: the one
 * detector that lms check and every command that writes free text use.
 *
 * - A fødselsnummer or D-number: eleven digits, alone or as 6+5, whose
 *   first six are a plausible date (day +40 for a D-number, month +40 or
 *   +80 for H-numbers and synthetic test numbers) and that pass both
 *   mod-11 checks.
 * - A Norwegian phone number: eight digits starting with 2 to 7 or 9,
 *   together or in the groups people use (900 00 001, 90 00 00 01), the
 *   groups split by one kind of separator (a space, a no-break space,
 *   '-' or '.'), alone or after +47, 0047 or, written together, 47.
 *   Eight digits that read as a date (20260907, 07092026) are taken for
 *   one.
 * - An e-mail address.
 * - A name from the private register: all its words in order, or its
 *   first and last word, compared without case (Latin letters, æøå and
 *   the Sami letters), across any run of white space, with decomposed
 *   letters composed; a genitive s may follow.  A name of one word is
 *   too often a word of the language to look for.
 *
 * Digits that run on into more digits or letters are not taken (an id, a
 * longer number, a date, a time, a decimal), nor a name that runs on into
 * a longer word or a hyphenated name.
 */
enum lms_personal_kind {
	LMS_PD_FNR = 1 << 0,
	LMS_PD_PHONE = 1 << 1,
	LMS_PD_EMAIL = 1 << 2,
	LMS_PD_NAME = 1 << 3
};
#define LMS_PD_ALL (LMS_PD_FNR | LMS_PD_PHONE | LMS_PD_EMAIL | LMS_PD_NAME)

struct lms_personal_hit {
	enum lms_personal_kind kind;
	size_t offset, len;		/* bytes into the text */
};

/*
 * The names to look for, normalised.  They are held in memory only: no
 * message ever repeats one.
 */
struct lms_names {
	struct lms_strset first;	/* the first words */
	struct lms_strset pairs;	/* "w1 w2" -> 1 + index in lists */
	struct lms_name_list {
		char **rest;		/* the words after them, or "" */
		size_t n;
	} *lists;
	size_t nlists;
	struct lms_strset whole;	/* each name added, "w1 ... wn" */
	struct lms_strset public_;	/* names of people in a public role */
};

void lms_names_init(struct lms_names *n);
void lms_names_release(struct lms_names *n);
/* A name from the register to look for (a name of one word is not). */
void lms_names_add(struct lms_names *n, const char *name);
/*
 * The name of someone in a public role (a facilitator): never reported,
 * though the same name is in the register.
 */
void lms_names_add_public(struct lms_names *n, const char *name);

/*
 * Calls found for each hit of the kinds asked for, in text order; hits
 * never overlap.  names may be NULL (no names are looked for).
 */
void lms_find_personal(const char *text, size_t len, unsigned kinds,
		       const struct lms_names *names,
		       void (*found)(const struct lms_personal_hit *hit,
				     void *arg),
		       void *arg);

/* "a phone number", "a name from the private register" ... */
const char *lms_personal_what(enum lms_personal_kind kind);

/*
 * A copy of text (a C string) with each hit replaced by with; each, if
 * not NULL, is called for every hit.  The caller frees the copy.
 */
char *lms_personal_redact(const char *text, unsigned kinds,
			  const struct lms_names *names, const char *with,
			  void (*each)(const struct lms_personal_hit *hit,
				       void *arg),
			  void *arg);

/* Eleven digits that make a fødselsnummer or D-number (see above). */
bool lms_fnr_valid(const char *digits);

#endif
