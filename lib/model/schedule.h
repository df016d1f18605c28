#ifndef LMS_SCHEDULE_H
#define LMS_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A regular schedule, as `lms course new` takes it: sessions on the given
 * weekdays from start, until count sessions are planned or the until date
 * is passed, leaving out the skip dates (a ferry that does not run) and
 * the days that day_off names (public holidays, the service's closed
 * days).
 */
struct lms_schedule {
	int32_t start;
	unsigned days;		/* LMS_MON... bits; 0: the weekday of start */
	int count;		/* 0: use until */
	int32_t until;		/* LMS_DATE_NONE: use count */
	const int32_t *skip;
	size_t nskip;
	/* If not NULL, asked about each day that the schedule would take,
	 * in order: a day it returns true for is left out as a skip date is,
	 * but need not be a day of the schedule. */
	bool (*day_off)(int32_t date, void *arg);
	void *day_off_arg;
};

#define LMS_SCHEDULE_MAX 1000	/* sessions in one course */

/* Fills *out with the dates (caller frees); LMS_EUSAGE on a bad plan. */
int lms_schedule_dates(const struct lms_schedule *s, int32_t **out, size_t *n);

#endif
