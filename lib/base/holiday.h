#ifndef LMS_HOLIDAY_H
#define LMS_HOLIDAY_H

#include <stddef.h>
#include <stdint.h>

/*
 * Norway's public holidays (helligdager and the two høytidsdager in May),
 * computed for any year: those that follow Easter and those on fixed
 * dates.  Their names are Norwegian, as the calendar prints them, in every
 * language of lms: they are data, not messages.
 */
struct lms_holiday {
	int32_t date;		/* days, as in date.h */
	const char *name;	/* "langfredag", static */
};

#define LMS_HOLIDAYS_PER_YEAR 12

/* Easter Sunday of a Gregorian year (the Anonymous Gregorian algorithm). */
int32_t lms_holiday_easter(int year);
/*
 * The holidays of year in date order into out; of two on one day (17 May
 * and Ascension Day, in 2035) the fixed day comes first.  Returns how
 * many: always LMS_HOLIDAYS_PER_YEAR.
 */
size_t lms_holiday_list(int year, struct lms_holiday out[LMS_HOLIDAYS_PER_YEAR]);
/* The name of the holiday on date (the first of two), or NULL. */
const char *lms_holiday_name(int32_t date);

#endif
