#include <stdbool.h>
#include <stdlib.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "schedule.h"

static bool skipped(const struct lms_schedule *s, int32_t date)
{
	for (size_t i = 0; i < s->nskip; i++)
		if (s->skip[i] == date)
			return true;
	return false;
}

static int check(const struct lms_schedule *s)
{
	if ((s->count > 0) == (s->until != LMS_DATE_NONE))
		return lms_error(LMS_EUSAGE, _("give either a count of "
					       "sessions or an end date"));
	if (s->count > LMS_SCHEDULE_MAX)
		return lms_error(LMS_EUSAGE, _("more than %d sessions"),
				 LMS_SCHEDULE_MAX);
	if (s->until != LMS_DATE_NONE && s->until < s->start)
		return lms_error(LMS_EUSAGE, _("the end date is before the "
					       "start"));
	return 0;
}

/*
 * Names the first skip date on a weekday without sessions, or before the
 * start or after the end date: a likely typo.  A skip after the last
 * session of a counted schedule is fine (a list of the term's holidays).
 */
static int check_skips(const struct lms_schedule *s, unsigned days)
{
	char text[11];

	for (size_t i = 0; i < s->nskip; i++) {
		int32_t d = s->skip[i];

		if ((days & (1u << lms_date_weekday(d))) && d >= s->start &&
		    (s->until == LMS_DATE_NONE || d <= s->until))
			continue;
		lms_i18n_date(d, text);
		return lms_error(LMS_EUSAGE, _("skip date %s is not a day of "
					       "this schedule"), text);
	}
	return 0;
}

int lms_schedule_dates(const struct lms_schedule *s, int32_t **out, size_t *n)
{
	unsigned days = s->days ? s->days : 1u << lms_date_weekday(s->start);
	int err;

	*out = NULL;
	*n = 0;
	if ((err = check(s)) || (err = check_skips(s, days)))
		return err;
	for (int32_t d = s->start;; d++) {
		if (s->count ? *n == (size_t)s->count : d > s->until)
			break;
		if (*n == LMS_SCHEDULE_MAX) {
			err = lms_error(LMS_EUSAGE, _("more than %d sessions"),
					LMS_SCHEDULE_MAX);
			break;
		}
		/* Days off can pass every day by; dates end with 9999. */
		if (d > lms_date_from_ymd(9999, 12, 31)) {
			err = lms_error(LMS_EUSAGE, _("the schedule runs past "
						      "the year 9999"));
			break;
		}
		if (!(days & (1u << lms_date_weekday(d))) || skipped(s, d) ||
		    (s->day_off && s->day_off(d, s->day_off_arg)))
			continue;
		*(int32_t *)lms_array_push(out, n, sizeof(**out)) = d;
	}
	if (!err && !*n)
		err = lms_error(LMS_EUSAGE, _("no session day falls in that "
					      "period"));
	if (err) {
		lms_free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}
