#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "enrolment.h"
#include "signup.h"

/* Timestamps */

/* Reads 1 to max digits at *p. */
static bool number(const char **p, int max, int *out, int *ndigits)
{
	int n = 0, v = 0;

	while (n < max && (*p)[n] >= '0' && (*p)[n] <= '9')
		v = v * 10 + (*p)[n++] - '0';
	if (!n || ((*p)[n] >= '0' && (*p)[n] <= '9'))
		return false;
	*p += n;
	*out = v;
	if (ndigits)
		*ndigits = n;
	return true;
}

static bool skip(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n))
		return false;
	*p += n;
	return true;
}

static void skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == ',')
		(*p)++;
}

static bool valid_date(int y, int m, int d, int32_t *out)
{
	char iso[16];

	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, m, d);
	return lms_date_parse(iso, out);
}

/*
 * The date of a stamp: y-m-d, y/m/d, d.m.y, or d/m/y and m/d/y.  A
 * Norwegian d.m.yy has a year of this century (24.08.26 is 2026), unless
 * order asks for four digits.
 */
static bool stamp_date(const char **p, unsigned order, int32_t *out)
{
	int a, b, c, na;
	char sep;

	if (!number(p, 4, &a, &na) || (**p != '-' && **p != '.' && **p != '/'))
		return false;
	sep = *(*p)++;
	if (!number(p, 2, &b, NULL) || *(*p)++ != sep)
		return false;
	if (na == 4)
		return sep != '.' && number(p, 2, &c, NULL) &&
		       valid_date(a, b, c, out);
	if (!number(p, 4, &c, &na) || sep == '-')
		return false;
	if (na == 2 && sep == '.' && !(order & LMS_FULL_YEAR))
		return valid_date(2000 + c, b, a, out);
	if (na != 4)
		return false;
	if (sep == '/' && a != b && !(order & LMS_DAY_FIRST)) {
		/* Month first, as the order says or as the numbers show. */
		if (!(order & LMS_MONTH_FIRST) && (a > 12 || b <= 12))
			return a > 12 && valid_date(c, b, a, out);
		return valid_date(c, a, b, out);
	}
	return valid_date(c, b, a, out);
}

/* "10:12", "10.12.33", "10:12:33.250", "9:05 PM" */
static bool stamp_time(const char **p, int32_t *out)
{
	int h, m, s = 0;
	char sep;

	if (!number(p, 2, &h, NULL) || (**p != ':' && **p != '.'))
		return false;
	sep = *(*p)++;
	if (!number(p, 2, &m, NULL) || m > 59)
		return false;
	if (**p == sep && (*p)[1] >= '0' && (*p)[1] <= '9') {
		(*p)++;
		if (!number(p, 2, &s, NULL) || s > 60)
			return false;
		if (**p == '.' || **p == ',')
			for ((*p)++; **p >= '0' && **p <= '9'; (*p)++)
				;
	}
	skip_spaces(p);
	if (skip(p, "AM") || skip(p, "am") || skip(p, "a.m.")) {
		if (h < 1 || h > 12)
			return false;
		h %= 12;
	} else if (skip(p, "PM") || skip(p, "pm") || skip(p, "p.m.")) {
		if (h < 1 || h > 12)
			return false;
		h = h % 12 + 12;
	}
	if (h > 23)
		return false;
	*out = h * 3600 + m * 60 + (s > 59 ? 59 : s);
	return true;
}

/* "Z", "+02:00", "+0200", "GMT+2", "UTC", "CET", "CEST": left out. */
static bool stamp_zone(const char **p)
{
	int n;

	skip_spaces(p);
	(void)(skip(p, "Z") || skip(p, "UTC") || skip(p, "GMT") ||
	       skip(p, "CEST") || skip(p, "CET"));
	if (**p == '+' || **p == '-') {
		(*p)++;
		if (!number(p, 4, &n, NULL))
			return false;
		if (**p == ':' && !(++*p, number(p, 2, &n, NULL)))
			return false;
	}
	skip_spaces(p);
	return **p == '\0';
}

bool lms_stamp_parse(const char *s, unsigned order, struct lms_stamp *out)
{
	const char *p = s;
	struct lms_stamp st = { 0, 0 };

	skip_spaces(&p);
	if (!stamp_date(&p, order, &st.date))
		return false;
	if (*p == 'T')
		p++;
	skip_spaces(&p);
	if (skip(&p, "klokken") || skip(&p, "kl.") || skip(&p, "kl"))
		skip_spaces(&p);
	if (*p >= '0' && *p <= '9' && !stamp_time(&p, &st.second))
		return false;
	if (!stamp_zone(&p))
		return false;
	*out = st;
	return true;
}

unsigned lms_stamp_orders(const char *s)
{
	const char *p = s;
	int a, b, c, n;

	skip_spaces(&p);
	if (!number(&p, 2, &a, NULL) || *p++ != '/' ||
	    !number(&p, 2, &b, NULL) || *p++ != '/' ||
	    !number(&p, 4, &c, &n) || n != 4 || !a || !b)
		return 0;
	if (a == b)
		return LMS_DAY_FIRST | LMS_MONTH_FIRST | LMS_ORDER_SAME;
	return (b <= 12 ? LMS_DAY_FIRST : 0) | (a <= 12 ? LMS_MONTH_FIRST : 0);
}

unsigned lms_stamp_order_add(unsigned order, const char *cell)
{
	unsigned o = lms_stamp_orders(cell);

	return o && !(o & LMS_ORDER_SAME) ? order & o : order;
}

unsigned lms_stamp_column_order(unsigned order)
{
	/* Both, or neither: the dates themselves must show it. */
	return order == LMS_ANY_ORDER ? 0 : order;
}

const char *const lms_stamp_headers[] = {
	"tidsstempel", "tidsmerke", "tidspunkt", "timestamp",
	"fullføringstidspunkt", "completion time", "innsendt", "submitted",
	"påmeldt", "påmeldingsdato", "dato", "date", "requested",
	"starttidspunkt", "start time", NULL
};

int64_t lms_stamp_seconds(const struct lms_stamp *s)
{
	return (int64_t)s->date * 86400 + s->second;
}

/* Words */

/*
 * A cell as words are compared: lowercase (ASCII, and the Latin-1
 * capitals Æ, Ø, Å, É ...), one space between words, and no spaces or
 * full stops, commas, colons or exclamation marks at either end.
 */
static void words_of(const char *s, struct lms_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;

	lms_buf_reset(out);
	for (; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			if (out->len && out->buf[out->len - 1] != ' ')
				lms_buf_addch(out, ' ');
		} else if (*p >= 'A' && *p <= 'Z') {
			lms_buf_addch(out, *p + 32);
		} else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e &&
			   p[1] != 0x97) {
			lms_buf_addch(out, *p);
			lms_buf_addch(out, *++p + 0x20);
		} else {
			lms_buf_addch(out, *p);
		}
	}
	while (out->len && strchr(" .,:;!", out->buf[out->len - 1]))
		lms_buf_truncate(out, out->len - 1);
	while (out->len && strchr(" .,:;!", out->buf[0]))
		lms_buf_splice(out, 0, 1, "", 0);
}

/* A pattern is a whole value, or with a final '*' the start of one. */
static bool matches(const char *value, const char *pattern)
{
	size_t n = strlen(pattern);

	if (n && pattern[n - 1] == '*')
		return !strncmp(value, pattern, n - 1);
	return !strcmp(value, pattern);
}

/* Whether value is, or starts with, one of words as a word of its own. */
static bool starts_with_word(const char *value, const char *const *words)
{
	for (int i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);

		if (!strncmp(value, words[i], n) &&
		    (!value[n] || strchr(" ,.;:!-/", value[n])))
			return true;
	}
	return false;
}

/* Whether one of the words of value is one of words. */
static bool has_word(const char *value, const char *const *words)
{
	for (const char *p = value; *p; ) {
		if (starts_with_word(p, words))
			return true;
		p += strcspn(p, " ,.;:!-/");
		p += strspn(p, " ,.;:!-/");
	}
	return false;
}

bool lms_consent_parse(const char *s, bool *given)
{
	static const char *const no[] = {
		"nei", "n", "no", "0", "false", "usant", "ikke", "ikkje", "not",
		"don't", "dont", "do not", NULL
	};
	static const char *const yes[] = {
		"ja", "j", "yes", "y", "x", "1", "true", "sant", "ok", "\u2713",
		"\u2714", "\u2611", "samtykke", "samtykker", "samtykkjer",
		"samtykket", "jeg samtykker", "eg samtykkjer", "godtar",
		"jeg godtar", "eg godtek", "consent", "i consent", "agree",
		"i agree", "accept", "i accept", "checked", "avkrysset", NULL
	};
	struct lms_buf w = LMS_BUF_INIT;
	bool ok = true;

	words_of(s, &w);
	if (!w.len || has_word(w.buf, no))
		*given = false;
	else if (starts_with_word(w.buf, yes))
		*given = true;
	else
		ok = false;
	lms_buf_release(&w);
	return ok;
}

struct word {
	const char *pattern;
	int value;
};

static const struct word referral_words[] = {
	/* Those who came of their own accord, whoever told them of it. */
	{ "self", LMS_SELF }, { "selv", LMS_SELF }, { "sjølv", LMS_SELF },
	{ "meg selv", LMS_SELF }, { "meg sjølv", LMS_SELF },
	{ "jeg selv", LMS_SELF }, { "eg sjølv", LMS_SELF },
	{ "selvhenvist", LMS_SELF }, { "selvhenvisning", LMS_SELF },
	{ "egenhenvist", LMS_SELF }, { "egenhenvisning", LMS_SELF },
	{ "eget initiativ", LMS_SELF }, { "på eget initiativ", LMS_SELF },
	{ "myself", LMS_SELF }, { "self-referral", LMS_SELF },
	{ "self referral", LMS_SELF }, { "venn", LMS_SELF },
	{ "venner", LMS_SELF }, { "en venn", LMS_SELF },
	{ "venninne", LMS_SELF }, { "kollega", LMS_SELF },
	{ "nabo", LMS_SELF }, { "familie", LMS_SELF },
	{ "familien", LMS_SELF }, { "pårørende", LMS_SELF },
	{ "tidligere deltaker", LMS_SELF }, { "avis", LMS_SELF },
	{ "avisen", LMS_SELF }, { "avisa", LMS_SELF },
	{ "lokalavisen", LMS_SELF }, { "annonse", LMS_SELF },
	{ "annonsen", LMS_SELF }, { "plakat", LMS_SELF },
	{ "plakaten", LMS_SELF }, { "brosjyre", LMS_SELF },
	{ "brosjyren", LMS_SELF }, { "radio", LMS_SELF },
	{ "facebook", LMS_SELF }, { "instagram", LMS_SELF },
	{ "sosiale medier", LMS_SELF }, { "internett", LMS_SELF },
	{ "nettet", LMS_SELF }, { "nettsiden", LMS_SELF },
	{ "nettside", LMS_SELF }, { "hjemmesiden", LMS_SELF },
	{ "kommunens nettside", LMS_SELF }, { "friend", LMS_SELF },
	{ "a friend", LMS_SELF }, { "family", LMS_SELF },
	{ "newspaper", LMS_SELF }, { "advert", LMS_SELF },
	{ "advertisement", LMS_SELF }, { "poster", LMS_SELF },
	{ "social media", LMS_SELF }, { "website", LMS_SELF },
	{ "word of mouth", LMS_SELF },
	/* The general practitioner. */
	{ "gp", LMS_GP }, { "fastlege", LMS_GP }, { "fastlegen", LMS_GP },
	{ "fastlegekontor*", LMS_GP }, { "lege", LMS_GP }, { "legen", LMS_GP },
	{ "legekontor*", LMS_GP }, { "allmennlege*", LMS_GP },
	{ "doctor", LMS_GP }, { "my doctor", LMS_GP },
	{ "family doctor", LMS_GP }, { "general practitioner", LMS_GP },
	/* The municipality's healthy life centre, often on a GP's
	 * prescription. */
	{ "healthy-life-centre", LMS_HEALTHY_LIFE },
	{ "healthy life centre", LMS_HEALTHY_LIFE },
	{ "healthy life center", LMS_HEALTHY_LIFE },
	{ "friskliv", LMS_HEALTHY_LIFE }, { "frisklivs*", LMS_HEALTHY_LIFE },
	/* The specialist health service: hospitals, DPS, outpatients. */
	{ "specialist", LMS_SPECIALIST }, { "spesialist*", LMS_SPECIALIST },
	{ "sykehus*", LMS_SPECIALIST }, { "universitetssykehus*", LMS_SPECIALIST },
	{ "helseforetak*", LMS_SPECIALIST }, { "dps", LMS_SPECIALIST },
	{ "dps *", LMS_SPECIALIST }, { "distriktspsykiatrisk*", LMS_SPECIALIST },
	{ "poliklinikk*", LMS_SPECIALIST }, { "bup", LMS_SPECIALIST },
	{ "vop", LMS_SPECIALIST }, { "habiliteringstjeneste*", LMS_SPECIALIST },
	{ "psykiater*", LMS_SPECIALIST }, { "hospital", LMS_SPECIALIST },
	{ "the hospital", LMS_SPECIALIST },
	{ "specialist health service*", LMS_SPECIALIST },
	/* A service of the municipality. */
	{ "municipal", LMS_MUNICIPAL }, { "municipal service*", LMS_MUNICIPAL },
	{ "kommune", LMS_MUNICIPAL }, { "kommunen", LMS_MUNICIPAL },
	{ "kommunal*", LMS_MUNICIPAL }, { "hjemmetjeneste*", LMS_MUNICIPAL },
	{ "hjemmesykepleie*", LMS_MUNICIPAL },
	{ "hjemmebaserte tjenester", LMS_MUNICIPAL },
	{ "helsestasjon*", LMS_MUNICIPAL }, { "psykisk helse*", LMS_MUNICIPAL },
	{ "rustjeneste*", LMS_MUNICIPAL }, { "tildelingskontor*", LMS_MUNICIPAL },
	{ "tjenestekontor*", LMS_MUNICIPAL },
	{ "koordinerende enhet*", LMS_MUNICIPAL },
	{ "fysioterapeut*", LMS_MUNICIPAL }, { "ergoterapeut*", LMS_MUNICIPAL },
	{ "sykehjem*", LMS_MUNICIPAL }, { "dagsenter*", LMS_MUNICIPAL },
	{ "legevakt*", LMS_MUNICIPAL }, { "helsehuset", LMS_MUNICIPAL },
	{ "kreftkoordinator*", LMS_MUNICIPAL },
	{ "demenskoordinator*", LMS_MUNICIPAL }, { "demensteam*", LMS_MUNICIPAL },
	{ "miljøtjeneste*", LMS_MUNICIPAL }, { "flyktningtjeneste*", LMS_MUNICIPAL },
	{ "home care", LMS_MUNICIPAL }, { "home nursing", LMS_MUNICIPAL },
	/* The labour and welfare administration. */
	{ "nav", LMS_NAV }, { "nav *", LMS_NAV }, { "nav-*", LMS_NAV },
	{ "navkontor*", LMS_NAV }, { "arbeids- og velferdsetaten", LMS_NAV },
	/* User and patient organisations. */
	{ "user-organisation", LMS_USER_ORG }, { "user organisation", LMS_USER_ORG },
	{ "user organization", LMS_USER_ORG },
	{ "patient organisation", LMS_USER_ORG },
	{ "patient organization", LMS_USER_ORG },
	{ "brukerorganisasjon*", LMS_USER_ORG },
	{ "pasientforening*", LMS_USER_ORG },
	{ "pasientorganisasjon*", LMS_USER_ORG },
	{ "interesseorganisasjon*", LMS_USER_ORG },
	{ "likeperson*", LMS_USER_ORG }, { "lhl", LMS_USER_ORG },
	{ "lhl *", LMS_USER_ORG }, { "mental helse", LMS_USER_ORG },
	{ "mental helse ungdom", LMS_USER_ORG },
	{ "diabetesforbundet", LMS_USER_ORG }, { "kreftforeningen", LMS_USER_ORG },
	{ "revmatikerforbundet", LMS_USER_ORG },
	{ "norsk revmatikerforbund", LMS_USER_ORG },
	{ "astma- og allergiforbundet", LMS_USER_ORG }, { "naaf", LMS_USER_ORG },
	{ "nasjonalforeningen*", LMS_USER_ORG },
	{ "demensforening*", LMS_USER_ORG }, { "adhd norge", LMS_USER_ORG },
	{ "lpp", LMS_USER_ORG }, { "hlf", LMS_USER_ORG },
	{ "hørselshemmedes landsforbund", LMS_USER_ORG },
	{ "blindeforbundet", LMS_USER_ORG },
	{ "norges blindeforbund", LMS_USER_ORG },
	{ "parkinsonforbundet", LMS_USER_ORG },
	{ "norges parkinsonforbund", LMS_USER_ORG },
	{ "ms-forbundet", LMS_USER_ORG }, { "epilepsiforbundet", LMS_USER_ORG },
	{ "norsk epilepsiforbund", LMS_USER_ORG },
	{ "afasiforbundet", LMS_USER_ORG }, { "selvhjelp norge", LMS_USER_ORG },
	{ "a-larm", LMS_USER_ORG }, { "rio", LMS_USER_ORG },
	{ "hjernerådet", LMS_USER_ORG }, { "fibromyalgiforbundet", LMS_USER_ORG },
	{ "landsforeningen for*", LMS_USER_ORG },
	/* Anything else. */
	{ "other", LMS_OTHER }, { "annen", LMS_OTHER }, { "annet", LMS_OTHER },
	{ "andre", LMS_OTHER }, { "anna", LMS_OTHER }, { "noe annet", LMS_OTHER },
	{ NULL, 0 }
};

static const struct word role_words[] = {
	{ "participant", LMS_PARTICIPANT }, { "deltaker", LMS_PARTICIPANT },
	{ "deltakar", LMS_PARTICIPANT }, { "deltager", LMS_PARTICIPANT },
	{ "relative", LMS_RELATIVE }, { "pårørende", LMS_RELATIVE },
	{ "pårørande", LMS_RELATIVE }, { "next of kin", LMS_RELATIVE },
	{ "staff", LMS_STAFF }, { "ansatt", LMS_STAFF }, { "tilsett", LMS_STAFF },
	{ NULL, 0 }
};

static int word_value(const char *s, const struct word *words)
{
	struct lms_buf w = LMS_BUF_INIT;
	int value = 0;

	words_of(s, &w);
	for (int i = 0; words[i].pattern && !value; i++)
		if (matches(w.buf, words[i].pattern))
			value = words[i].value;
	lms_buf_release(&w);
	return value;
}

int lms_referral_parse(const char *s)
{
	return word_value(s, referral_words);
}

bool lms_referral_unknown(const char *s)
{
	static const struct word unknown[] = {
		{ "vet ikke", 1 }, { "veit ikkje", 1 }, { "ukjent", 1 },
		{ "ikke oppgitt", 1 }, { "uoppgitt", 1 }, { "unknown", 1 },
		{ "don't know", 1 }, { "-", 1 }, { "n/a", 1 }, { NULL, 0 }
	};

	return word_value(s, unknown) != 0;
}

int lms_role_parse(const char *s)
{
	return word_value(s, role_words);
}
