#ifndef LMS_MUNICIPALITY_H
#define LMS_MUNICIPALITY_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Norway's municipalities as they are from 2024-01-01: the 357 of
 * Statistics Norway's classification 131 ("Standard for kommuneinndeling",
 * the version valid from 2024-01-01), and the numbers retired since 1994
 * (most in the reforms of 2020 and 2024) with the municipality that took
 * each over.  See municipality.c for the source.
 */
struct lms_municipality {
	char number[5];			/* four digits */
	const char *name;		/* as the classification writes it */
};

/* How lms_municipality_lookup read its text. */
enum lms_muni_how {
	LMS_MUNI_NUMBER = 1,		/* a number of today */
	LMS_MUNI_NAME,			/* a name, or a number and its name */
	LMS_MUNI_RETIRED		/* a retired number, read as its successor */
};

/*
 * Reads a municipality as people write it in a sign-up sheet: a number
 * ("1804", or "301" for 0301 when a spreadsheet dropped the zero), a name
 * in any case, with or without its accents and "kommune" ("Bodø",
 * "bodo kommune", "Aalesund"), a part of a name in several languages
 * ("Tjeldsund"), or a number and its name ("1804 Bodø").  out gets the
 * four digits of today's municipality and how says how it was read.
 * LMS_EDATA, with a message, for a number that is no municipality, a name
 * that is none or two ("Herøy"), and a retired number that was split
 * between several.
 */
int lms_municipality_lookup(const char *text, char out[5], int *how);
/* The name of today's municipality with this number, or NULL. */
const char *lms_municipality_name(const char *number);
/* For a retired number: its name then and the last year it was used. */
bool lms_municipality_retired(const char *number, const char **name,
			      int *until);
/* Every municipality of today, by number. */
const struct lms_municipality *lms_municipalities(size_t *n);

#endif
