#ifndef LMS_PERSONAL_H
#define LMS_PERSONAL_H

#include <stdbool.h>
#include <stddef.h>

/*
 * What looks like personal data in a text that is meant for git, for
 * lms check: a fødselsnummer or D-number (eleven digits that pass both
 * mod-11 checks), a Norwegian phone number (eight digits starting with 2
 * to 7 or 9, alone or after +47 or 0047, written together or in the
 * groups people use: 900 00 001, 90 00 00 01) and an e-mail
 * address.  Digits that run on into more digits or letters are not
 * taken: an id or a longer number is not a phone number.
 */
enum lms_personal_kind {
	LMS_PD_FNR = 1 << 0,
	LMS_PD_PHONE = 1 << 1,
	LMS_PD_EMAIL = 1 << 2
};

struct lms_personal_hit {
	enum lms_personal_kind kind;
	size_t offset, len;		/* bytes into the text */
};

/* Calls found for each hit of the kinds asked for, in text order. */
void lms_find_personal(const char *text, size_t len, unsigned kinds,
		       void (*found)(const struct lms_personal_hit *hit,
				     void *arg),
		       void *arg);

/* Eleven digits that pass both mod-11 check digits. */
bool lms_fnr_valid(const char *digits);

#endif
