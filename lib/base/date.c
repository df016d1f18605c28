#include <string.h>
#include <time.h>

#include "date.h"
#include "utf8.h"

/*
 * Days from civil and back, after Howard Hinnant's public-domain
 * algorithms: exact for every Gregorian date in int range.
 */
int32_t lms_date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void lms_date_to_ymd(int32_t date, int *y, int *m, int *d)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* Reads up to max digits at *p; returns how many it read. */
static int number(const char **p, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && (*p)[n] >= '0' && (*p)[n] <= '9')
		v = v * 10 + ((*p)[n++] - '0');
	*p += n;
	*out = v;
	return n;
}

static bool valid_ymd(int y, int m, int d, int32_t *out)
{
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*out = lms_date_from_ymd(y, m, d);
	return true;
}

bool lms_date_parse(const char *s, int32_t *out)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return false;
	return valid_ymd(y, m, d, out);
}

bool lms_date_parse_input(const char *s, int32_t *out)
{
	const char *p = s;
	int y, m, d, ny;

	if (lms_date_parse(s, out))
		return true;
	if (!number(&p, 2, &d) || *p++ != '.' || !number(&p, 2, &m) ||
	    *p++ != '.')
		return false;
	ny = number(&p, 4, &y);
	if (*p || (ny != 2 && ny != 4))
		return false;
	/* A course is planned this century: 7.9.26 is 2026. */
	return valid_ymd(ny == 2 ? 2000 + y : y, m, d, out);
}

void lms_date_format(int32_t date, char out[11])
{
	int y, m, d;

	lms_date_to_ymd(date, &y, &m, &d);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int lms_date_weekday(int32_t date)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (date + 3) % 7;

	return w < 0 ? w + 7 : w;
}

int32_t lms_date_add_months(int32_t date, int months)
{
	int y, m, d, total;

	lms_date_to_ymd(date, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	return lms_date_from_ymd(y, m, d);
}

int32_t lms_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return lms_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

bool lms_time_parse(const char *s, int *out)
{
	int h, m;

	if (strlen(s) != 5 || s[2] != ':')
		return false;
	if (!digits(s, 2, &h) || !digits(s + 3, 2, &m) || h > 23 || m > 59)
		return false;
	*out = h * 60 + m;
	return true;
}

static void skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* "kl. 18.00", "kl 18", "18:00", "9.30", "18" at *p. */
static bool time_at(const char **p, int *out)
{
	int h, m = 0;

	if (((*p)[0] == 'k' || (*p)[0] == 'K') &&
	    ((*p)[1] == 'l' || (*p)[1] == 'L')) {
		*p += 2 + ((*p)[2] == '.');
		skip_spaces(p);
	}
	if (!number(p, 2, &h) || h > 23)
		return false;
	if (**p == ':' || **p == '.') {
		(*p)++;
		if (number(p, 2, &m) != 2 || m > 59)
			return false;
	}
	*out = h * 60 + m;
	return true;
}

bool lms_time_parse_input(const char *s, int *out)
{
	int t;

	skip_spaces(&s);
	if (!time_at(&s, &t))
		return false;
	skip_spaces(&s);
	if (*s)
		return false;
	*out = t;
	return true;
}

/* The length of the dash at s: '-' or an en dash (U+2013); 0 for none. */
static size_t dash_at(const char *s)
{
	if (*s == '-')
		return 1;
	return strncmp(s, "\u2013", 3) ? 0 : 3;
}

bool lms_time_span_parse_input(const char *s, int *start, int *end)
{
	int a, b = LMS_TIME_NONE;
	size_t dash;

	skip_spaces(&s);
	if (!time_at(&s, &a))
		return false;
	skip_spaces(&s);
	if ((dash = dash_at(s))) {
		s += dash;
		skip_spaces(&s);
		if (!time_at(&s, &b))
			return false;
		skip_spaces(&s);
	}
	if (*s)
		return false;
	*start = a;
	*end = b;
	return true;
}

void lms_time_format(int minutes, char out[6])
{
	int h = minutes / 60 % 100, m = minutes % 60;

	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}

const char *const lms_weekday_names[] = {
	"", "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL
};

/* Other ways people write a day, after lms_weekday_names'. */
static int weekday_index(const char *s, size_t len)
{
	static const char *const names[7][3] = {
		{ "monday", "man", "mandag" },
		{ "tuesday", "tir", "tirsdag" },
		{ "wednesday", "ons", "onsdag" },
		{ "thursday", "tor", "torsdag" },
		{ "friday", "fre", "fredag" },
		{ "saturday", "lør", "lørdag" },
		{ "sunday", "søn", "søndag" }
	};
	char word[16];

	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (!len || len >= sizeof(word))
		return -1;
	memcpy(word, s, len);
	word[len] = '\0';
	for (int i = 0; i < 7; i++) {
		if (!lms_utf8_casecmp(word, lms_weekday_names[i + 1]))
			return i;
		for (int k = 0; k < 3; k++)
			if (!lms_utf8_casecmp(word, names[i][k]))
				return i;
	}
	return -1;
}

bool lms_weekdays_parse(const char *s, unsigned *out)
{
	unsigned bits = 0;

	while (*s) {
		size_t len = strcspn(s, ","), at = 0, dash = 0;
		int from, to;

		while (at < len && !(dash = dash_at(s + at)))
			at++;
		if (dash) {
			from = weekday_index(s, at);
			to = weekday_index(s + at + dash, len - at - dash);
		} else {
			from = to = weekday_index(s, len);
		}
		if (from < 0 || to < 0 || to < from)
			return false;
		for (int i = from; i <= to; i++)
			bits |= 1u << i;
		s += len;
		if (*s == ',' && *++s == '\0')
			return false;
	}
	*out = bits;
	return bits != 0;
}
