#ifndef LMS_SIGNUP_H
#define LMS_SIGNUP_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The cells of sign-up sheets and survey exports as people and form tools
 * write them, in Norwegian or English: timestamps, consent, referrals,
 * roles.  Each reader returns false (or 0) for a cell it cannot read, and
 * the caller names the row and column.
 */

/* A timestamp: its date, and the second of the day (0 for a date alone). */
struct lms_stamp {
	int32_t date;
	int32_t second;
};

/* Which orders of day and month a date written with '/' allows. */
enum {
	LMS_DAY_FIRST = 1 << 0,		/* 24/08/2026 */
	LMS_MONTH_FIRST = 1 << 1,	/* 8/24/2026, as US tools write it */
	LMS_ORDER_SAME = 1 << 2,	/* 8/8/2026: either order, one date */
	LMS_FULL_YEAR = 1 << 3		/* not 24.08.26: a date of birth */
};

/*
 * Reads "2026-08-24 10:12:33", "2026-08-24T10:12:33Z", "24.08.2026
 * 10:12:33", "24.08.2026 kl. 10.12", "24.8.26", "2026/08/24 10:12:33 AM
 * GMT+2", "8/24/2026 10:12:33" or a date alone.  A zone is left out: the
 * date is the one the form's clock showed.  order says how to read "d/m/y"
 * and "m/d/y" (LMS_DAY_FIRST or LMS_MONTH_FIRST; 0 reads only dates whose
 * order shows, such as 24/8/2026); with LMS_FULL_YEAR a two-digit year
 * is refused.
 */
bool lms_stamp_parse(const char *s, unsigned order, struct lms_stamp *out);
/* The orders a cell allows (see above); 0 when it is no d/m/y or m/d/y
 * date.  A column's order is what all of its cells allow. */
unsigned lms_stamp_orders(const char *s);
/* A column's order: start with LMS_ANY_ORDER, add each cell, and read the
 * cells with lms_stamp_column_order of the result. */
#define LMS_ANY_ORDER (LMS_DAY_FIRST | LMS_MONTH_FIRST)
unsigned lms_stamp_order_add(unsigned order, const char *cell);
unsigned lms_stamp_column_order(unsigned order);
/* The headers of timestamp columns that form tools and people write:
 * Google Forms' "Tidsmerke", Microsoft Forms' "Fullføringstidspunkt",
 * Nettskjema's "Innsendt", "Timestamp" ...; NULL at the end. */
extern const char *const lms_stamp_headers[];
/* Seconds since 1970 for sorting. */
int64_t lms_stamp_seconds(const struct lms_stamp *s);

/*
 * Consent as a form exports it: yes is "ja", "yes", "x", "1", a ticked box
 * ("Jeg samtykker", "Ja, jeg samtykker til ..."); no is an empty cell,
 * "nei", "no", "0", or any answer that says "ikke" or "not".  False for
 * anything else: lms never guesses consent.
 */
bool lms_consent_parse(const char *s, bool *given);

/* The referral kind (enum lms_referral) a word stands for, such as
 * "fastlege", "NAV", "frisklivsresept", "Mental Helse"; 0 for none. */
int lms_referral_parse(const char *s);
/* True for the words of an unknown referral ("vet ikke"): not given. */
bool lms_referral_unknown(const char *s);
/* The role (enum lms_role) of "deltaker", "pårørende" ...; 0 for none. */
int lms_role_parse(const char *s);

#endif
