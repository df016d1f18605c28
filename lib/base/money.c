#include <stdio.h>

#include "i18n.h"
#include "money.h"

bool lms_money_parse(const char *s, int64_t *ore)
{
	int64_t kroner = 0, part = 0;
	int decimals = 0;

	if (*s < '0' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		kroner = kroner * 10 + (*s - '0');
		if (kroner * 100 > LMS_MONEY_MAX)
			return false;
	}
	if (*s == '.' || *s == ',') {
		for (s++; *s >= '0' && *s <= '9' && decimals < 3; s++)
			part = part * 10 + (*s - '0'), decimals++;
		/* "250." is a typo, and a third decimal is a fraction of an
		 * øre, which no payroll pays. */
		if (decimals == 0 || decimals > 2)
			return false;
	}
	if (*s)
		return false;
	*ore = kroner * 100 + (decimals == 1 ? part * 10 : part);
	return *ore <= LMS_MONEY_MAX;
}

void lms_money_format(int64_t ore, char out[32])
{
	snprintf(out, 32, "%s%lld.%02lld", ore < 0 ? "-" : "",
		 (long long)((ore < 0 ? -ore : ore) / 100),
		 (long long)((ore < 0 ? -ore : ore) % 100));
}

void lms_money_add_shown(struct lms_buf *out, int64_t ore)
{
	char s[32];

	lms_money_format(ore, s);
	if (!lms_i18n_number(out, s, false))
		lms_buf_adds(out, s);
}
