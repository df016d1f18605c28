#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"

const char *const lms_lang_names[] = { "", "en", "nb", NULL };

static enum lms_lang current = LMS_LANG_EN;

enum lms_lang lms_i18n_set(enum lms_lang lang)
{
	enum lms_lang before = current;

	current = lang == LMS_LANG_NB ? LMS_LANG_NB : LMS_LANG_EN;
	return before;
}

enum lms_lang lms_i18n_get(void)
{
	return current;
}

const char *lms_i18n_code(void)
{
	return current == LMS_LANG_NB ? "nb" : "en";
}

/* Choosing */

static bool is_set(const char *s)
{
	return s && *s;
}

/* C, POSIX and their variants (C.UTF-8): the locale of no language. */
static bool is_c(const char *locale)
{
	return !strcmp(locale, "POSIX") ||
	       (locale[0] == 'C' && (!locale[1] || locale[1] == '.' ||
				     locale[1] == '@'));
}

/* The language of "nb_NO.UTF-8", "no", "en_GB": UNSET if lms knows none. */
static enum lms_lang language_of(const char *s, size_t len)
{
	if (len < 2 || (len > 2 && !strchr("_.@-", s[2])))
		return LMS_LANG_UNSET;
	if (!strncmp(s, "nb", 2) || !strncmp(s, "no", 2) ||
	    !strncmp(s, "nn", 2))
		return LMS_LANG_NB;
	if (!strncmp(s, "en", 2))
		return LMS_LANG_EN;
	return LMS_LANG_UNSET;
}

enum lms_lang lms_i18n_choose(const char *lc_all, const char *lc_messages,
			      const char *lang, const char *language)
{
	const char *locale = is_set(lc_all) ? lc_all :
			     is_set(lc_messages) ? lc_messages :
			     is_set(lang) ? lang : NULL;
	enum lms_lang l;

	if (!locale || is_c(locale))
		return LMS_LANG_EN;
	for (const char *p = is_set(language) ? language : ""; *p;) {
		size_t len = strcspn(p, ":");

		if ((l = language_of(p, len)))
			return l;
		p += len + (p[len] == ':');
	}
	l = language_of(locale, strlen(locale));
	return l ? l : LMS_LANG_EN;
}

/* Looking up */

static int by_id(const void *key, const void *msg)
{
	return strcmp(key, ((const struct lms_i18n_msg *)msg)->id);
}

/* The translations of id in the current language, or NULL. */
static const char *find(const char *id)
{
	const struct lms_i18n_msg *m;

	if (current != LMS_LANG_NB || !lms_catalog_nb.n)
		return NULL;
	m = bsearch(id, lms_catalog_nb.msgs, lms_catalog_nb.n,
		    sizeof(*lms_catalog_nb.msgs), by_id);
	return m ? m->str : NULL;
}

const char *lms_(const char *msgid)
{
	const char *s = find(msgid);

	return s ? s : msgid;
}

const char *lms_p_(const char *context, const char *msgid)
{
	char key[256];
	const char *s;
	size_t lc = strlen(context), lm = strlen(msgid);

	if (current != LMS_LANG_NB || lc + 1 + lm >= sizeof(key))
		return msgid;
	memcpy(key, context, lc);
	key[lc] = '\004';
	memcpy(key + lc + 1, msgid, lm + 1);
	s = find(key);
	return s ? s : msgid;
}

/* English and Norwegian alike: one, and more than one (or none). */
static unsigned long plural_form(unsigned long n)
{
	return n != 1;
}

const char *lms_n_(const char *singular, const char *plural, unsigned long n)
{
	const char *s = find(singular);
	unsigned long form = plural_form(n);

	if (!s)
		return form ? plural : singular;
	/* The forms follow one another, each ended by a NUL. */
	for (unsigned long i = 0; i < form && s[strlen(s) + 1]; i++)
		s += strlen(s) + 1;
	return s;
}

/* Numbers */

/* The parts of a number as reports make it. */
struct number {
	const char *mark, *sign;	/* "≈" or "", "<", "-" or "" */
	const char *whole, *fraction;	/* digits: fraction NULL if none */
	size_t nwhole, nfraction;
	bool percent;
};

#define APPROX "\xe2\x89\x88"	/* ≈ */

static bool parse_number(const char *s, struct number *n)
{
	memset(n, 0, sizeof(*n));
	n->mark = !strncmp(s, APPROX, strlen(APPROX)) ? APPROX : "";
	s += strlen(n->mark);
	n->sign = *s == '<' ? "<" : *s == '-' ? "-" : "";
	s += strlen(n->sign);
	n->whole = s;
	n->nwhole = strspn(s, "0123456789");
	if (!n->nwhole)
		return false;
	s += n->nwhole;
	if (*s == '.') {
		n->fraction = s + 1;
		n->nfraction = strspn(n->fraction, "0123456789");
		if (!n->nfraction)
			return false;
		s += 1 + n->nfraction;
	}
	n->percent = *s == '%';
	return !s[n->percent];
}

bool lms_i18n_number(struct lms_buf *out, const char *s, bool html)
{
	/* A space that holds a number together in HTML. */
	const char *space = html ? "\xc2\xa0" : " ";
	struct number n;

	if (current != LMS_LANG_NB || !parse_number(s, &n))
		return false;
	lms_buf_adds(out, n.mark);
	lms_buf_adds(out, n.sign);
	for (size_t i = 0; i < n.nwhole; i++) {
		/* 1234 stays whole, as a year does; 12 345 is grouped. */
		if (i && n.nwhole >= 5 && (n.nwhole - i) % 3 == 0)
			lms_buf_adds(out, space);
		lms_buf_addch(out, n.whole[i]);
	}
	if (n.fraction) {
		lms_buf_addch(out, ',');
		lms_buf_add(out, n.fraction, n.nfraction);
	}
	if (n.percent) {
		lms_buf_adds(out, space);
		lms_buf_addch(out, '%');
	}
	return true;
}

/* Days and times */

static const char *const weekdays[] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday")
};

/* Only Norwegian names the month. */
static const char *const months[] = {
	NC_("month", "January"), NC_("month", "February"),
	NC_("month", "March"), NC_("month", "April"), NC_("month", "May"),
	NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
	NC_("month", "September"), NC_("month", "October"),
	NC_("month", "November"), NC_("month", "December")
};

void lms_i18n_date(int32_t date, char out[11])
{
	lms_i18n_date_in(current, date, out);
}

void lms_i18n_date_in(enum lms_lang lang, int32_t date, char out[11])
{
	int y, m, d;

	if (lang != LMS_LANG_NB) {
		lms_date_format(date, out);
		return;
	}
	/* dd.mm.yyyy, digit by digit: a list of 53,500 courses writes two
	 * dates a row. */
	lms_date_to_ymd(date, &y, &m, &d);
	out[0] = (char)('0' + d / 10 % 10);
	out[1] = (char)('0' + d % 10);
	out[2] = '.';
	out[3] = (char)('0' + m / 10 % 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '.';
	out[6] = (char)('0' + y / 1000 % 10);
	out[7] = (char)('0' + y / 100 % 10);
	out[8] = (char)('0' + y / 10 % 10);
	out[9] = (char)('0' + y % 10);
	out[10] = '\0';
}

void lms_i18n_day(struct lms_buf *out, int32_t date)
{
	const char *weekday = _(weekdays[lms_date_weekday(date)]);
	char iso[11];
	int y, m, d;

	if (current != LMS_LANG_NB) {
		lms_date_format(date, iso);
		lms_buf_addf(out, "%s %s", weekday, iso);
		return;
	}
	lms_date_to_ymd(date, &y, &m, &d);
	lms_buf_addf(out, "%s %d. %s %d", weekday, d,
		     C_("month", months[m - 1]), y);
}

static void add_time(struct lms_buf *out, int minutes)
{
	char text[6];

	lms_time_format(minutes, text);
	if (current == LMS_LANG_NB)
		text[2] = '.';
	lms_buf_adds(out, text);
}

void lms_i18n_times(struct lms_buf *out, int start, int end)
{
	if (current == LMS_LANG_NB)
		lms_buf_adds(out, "kl. ");
	add_time(out, start);
	if (end == LMS_TIME_NONE)
		return;
	/* An en dash between times, as Norwegian writes a span. */
	lms_buf_adds(out, current == LMS_LANG_NB ? "\xe2\x80\x93" : "-");
	add_time(out, end);
}
