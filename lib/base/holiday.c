#include "date.h"
#include "holiday.h"

/*
 * Meeus's form of the Anonymous Gregorian algorithm: month and day of
 * Easter Sunday from the Metonic cycle (a), the century's corrections
 * for the lunar orbit (f, g) and leap years (i, k), and the Sunday
 * after the paschal full moon (l).
 */
int32_t lms_holiday_easter(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return lms_date_from_ymd(year, month, day);
}

/* Fixed days as month and day, Easter's as days after Easter Sunday. */
static const struct {
	int month, day;		/* month 0: day is an offset from Easter */
	const char *name;
} holidays[LMS_HOLIDAYS_PER_YEAR] = {
	{ 1, 1, "nyttårsdag" },
	{ 0, -3, "skjærtorsdag" },
	{ 0, -2, "langfredag" },
	{ 0, 0, "første påskedag" },
	{ 0, 1, "andre påskedag" },
	{ 5, 1, "1. mai" },
	{ 5, 17, "17. mai" },
	{ 0, 39, "Kristi himmelfartsdag" },
	{ 0, 49, "første pinsedag" },
	{ 0, 50, "andre pinsedag" },
	{ 12, 25, "første juledag" },
	{ 12, 26, "andre juledag" },
};

/* Insertion keeps the table's order for two holidays on one day. */
static void insert(struct lms_holiday *v, size_t n, struct lms_holiday h)
{
	size_t i = n;

	for (; i > 0 && v[i - 1].date > h.date; i--)
		v[i] = v[i - 1];
	v[i] = h;
}

size_t lms_holiday_list(int year, struct lms_holiday out[LMS_HOLIDAYS_PER_YEAR])
{
	int32_t easter = lms_holiday_easter(year);
	size_t i;

	for (i = 0; i < LMS_HOLIDAYS_PER_YEAR; i++) {
		struct lms_holiday h = { easter + holidays[i].day,
					 holidays[i].name };

		if (holidays[i].month)
			h.date = lms_date_from_ymd(year, holidays[i].month,
						   holidays[i].day);
		insert(out, i, h);
	}
	return i;
}

const char *lms_holiday_name(int32_t date)
{
	struct lms_holiday list[LMS_HOLIDAYS_PER_YEAR];
	int y, m, d;
	size_t n;

	lms_date_to_ymd(date, &y, &m, &d);
	n = lms_holiday_list(y, list);
	for (size_t i = 0; i < n; i++)
		if (list[i].date == date)
			return list[i].name;
	return NULL;
}
