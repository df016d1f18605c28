#ifndef LMS_DATE_H
#define LMS_DATE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * A date is the number of days since 1970-01-01 (proleptic Gregorian), so
 * that comparing and adding days is plain arithmetic.  A time of day is
 * minutes since midnight.  The NONE values mean "not given".
 */
#define LMS_DATE_NONE INT32_MIN
#define LMS_TIME_NONE (-1)

/* Weekdays as bits, Monday first, for schedules such as --days mon,thu. */
enum {
	LMS_MON = 1 << 0, LMS_TUE = 1 << 1, LMS_WED = 1 << 2, LMS_THU = 1 << 3,
	LMS_FRI = 1 << 4, LMS_SAT = 1 << 5, LMS_SUN = 1 << 6
};

int32_t lms_date_from_ymd(int y, int m, int d);
void lms_date_to_ymd(int32_t date, int *y, int *m, int *d);
/* Parses exactly YYYY-MM-DD; returns false for anything else. */
bool lms_date_parse(const char *s, int32_t *out);
/*
 * A date as a person types it on the command line or in a sheet:
 * 2026-09-07, or day.month.year as Norwegians write it: 07.09.2026,
 * 7.9.2026, 7.9.26 (a two-digit year is 20YY).  Files keep ISO dates and
 * are read with lms_date_parse.
 */
bool lms_date_parse_input(const char *s, int32_t *out);
/* Writes YYYY-MM-DD and a NUL into out, which holds at least 11 bytes. */
void lms_date_format(int32_t date, char out[11]);
/* 0 for Monday ... 6 for Sunday. */
int lms_date_weekday(int32_t date);
int32_t lms_date_add_months(int32_t date, int months);
/* Today in local time. */
int32_t lms_date_today(void);

/* Parses exactly HH:MM (00:00 to 23:59). */
bool lms_time_parse(const char *s, int *out);
/*
 * A time of day as a person types it: 18:00, 18.00, 9.30, 18, with or
 * without "kl." or "kl" before it (any case).  Files keep HH:MM.
 */
bool lms_time_parse_input(const char *s, int *out);
/*
 * A time or a span of time as a person types it: a time as above, or two
 * joined by '-' or an en dash ("18.00-20.00", "kl. 18.00 – 20.00").
 * *end is LMS_TIME_NONE when s is one time.
 */
bool lms_time_span_parse_input(const char *s, int *start, int *end);
void lms_time_format(int minutes, char out[6]);

/*
 * Parses "mon,thu" or "mon-fri" style lists into LMS_MON... bits.  A day
 * is named in English or Norwegian, short or in full, in any case: mon,
 * monday, man, mandag, Mandag ... søn, søndag.  A span may also be
 * joined by an en dash.
 */
bool lms_weekdays_parse(const char *s, unsigned *out);
/* The days as files write them: "", then "mon" to "sun" (so that
 * lms_weekday_names[i + 1] is the day of bit i), then NULL. */
extern const char *const lms_weekday_names[];

#endif
