#ifndef LMS_I18N_H
#define LMS_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * What lms writes for people, in English or in Norwegian bokmål.
 *
 * Text is marked as gettext marks it, so that xgettext finds it for
 * po/lms.pot and a translator can work on po/nb.po with the usual tools:
 * _("...") where it is used, N_("...") in a static table (translated
 * where it is used, with _()), C_(context, "...") and NC_() when one
 * English word has two meanings, lms_n_() for plurals.  The catalogue is
 * built from po/nb.po into lms itself (make builds it), and looked up
 * here: Norwegian works whether or not the machine has a Norwegian locale
 * generated, and without setlocale, under which GNU gettext would not
 * translate at all in the C locale.
 *
 * lib never reads the environment: the front end chooses the language
 * (lms_i18n_choose) and sets it (lms_i18n_set) before it builds what it
 * prints.  The formats for scripts (CSV, TSV, YAML) are built in English
 * whatever the language, so that they never change with it.
 */
enum lms_lang { LMS_LANG_UNSET, LMS_LANG_EN, LMS_LANG_NB };

/* "", "en", "nb", NULL: the values of lms.yaml's language. */
extern const char *const lms_lang_names[];

/* Sets the language of what is made from now on; returns the one
 * before, to set back.  LMS_LANG_UNSET is English. */
enum lms_lang lms_i18n_set(enum lms_lang lang);
enum lms_lang lms_i18n_get(void);
/* The language's code for HTML's lang attribute: "en" or "nb". */
const char *lms_i18n_code(void);

/*
 * The language the environment asks for, given the values (NULL or "" if
 * unset) of LC_ALL, LC_MESSAGES, LANG and LANGUAGE.  As GNU gettext: the
 * locale is the first of LC_ALL, LC_MESSAGES and LANG that is set; C or
 * POSIX (or none) is English, and LANGUAGE is then not heeded; otherwise
 * the first language of LANGUAGE's list that lms knows, or the locale's.
 * nb, no and nn (served bokmål until there is nynorsk) are Norwegian;
 * any other is English.
 */
enum lms_lang lms_i18n_choose(const char *lc_all, const char *lc_messages,
			      const char *lang, const char *language);

/* The translation of msgid, or msgid itself.  The compiler checks a
 * printf format given through them against its arguments. */
const char *lms_(const char *msgid) __attribute__((format_arg(1)));
/* The same for msgid in a context ("month", "course status"); the two
 * together are short words, under 255 bytes. */
const char *lms_p_(const char *context, const char *msgid)
	__attribute__((format_arg(2)));
/* singular or plural as n calls for, translated. */
const char *lms_n_(const char *singular, const char *plural, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));

#define _(s) lms_(s)
#define N_(s) s
#define C_(c, s) lms_p_(c, s)
#define NC_(c, s) s

/*
 * Numbers as people of the language read them.  Reports make numbers as
 * C writes them ("12345", "2.26", "75%", "<0.001", "≈12"); a renderer for
 * people appends s in the language's form: in Norwegian a decimal comma,
 * a space between thousands in numbers of five digits or more (no-break
 * in HTML, which may wrap a line) and a space before %: "12 345", "2,26",
 * "75 %".  Returns false, appending nothing, when s is not such a number
 * or the language writes it as C does.
 */
bool lms_i18n_number(struct lms_buf *out, const char *s, bool html);

/* A date in a table or message for people: "2026-09-17" in English,
 * "17.09.2026" in Norwegian; ten characters and a NUL either way. */
void lms_i18n_date(int32_t date, char out[11]);
/* The same in lang, whatever the current language: for a thread other
 * than the one that sets it. */
void lms_i18n_date_in(enum lms_lang lang, int32_t date, char out[11]);
/* A day as a sheet for people names it: "Thursday 2026-09-17" in
 * English, "torsdag 17. september 2026" in Norwegian. */
void lms_i18n_day(struct lms_buf *out, int32_t date);
/* A time of day, or a span of two (end LMS_TIME_NONE: none): "11:00-14:00";
 * in Norwegian "kl. 11.00–14.00". */
void lms_i18n_times(struct lms_buf *out, int start, int end);

/* A built-in catalogue: msgid (context, \004, msgid for C_), and its
 * translations, each ended by a NUL (more than one for a plural). */
struct lms_i18n_msg {
	const char *id;
	const char *str;
};

struct lms_i18n_catalog {
	const struct lms_i18n_msg *msgs;	/* sorted by id, as strcmp */
	size_t n;
};

/* Made by the build from po/nb.po (po/mo2c.py). */
extern const struct lms_i18n_catalog lms_catalog_nb;

#endif
