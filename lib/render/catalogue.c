#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalogue.h"
#include "collate.h"
#include "date.h"
#include "doc.h"
#include "i18n.h"
#include "table.h"

/*
 * The public catalogue.  The page is for anyone: one self-contained HTML
 * file, no script, headings and lists that a screen reader can walk, and
 * a card per course that printing keeps on one page.  Labels are in the
 * service's language; a course's own text is marked with the language
 * it is held in.
 */

void lms_catalogue_init(struct lms_catalogue *cat, int32_t today)
{
	memset(cat, 0, sizeof(*cat));
	cat->today = today;
}

void lms_catalogue_release(struct lms_catalogue *cat)
{
	for (size_t i = 0; i < cat->n; i++) {
		struct lms_catalogue_entry *e = &cat->v[i];

		lms_course_release(&e->course);
		lms_free(e->service);
		lms_free(e->contact_name);
		lms_free(e->contact_phone);
		lms_free(e->contact_email);
	}
	lms_free(cat->v);
	lms_free(cat->title);
	memset(cat, 0, sizeof(*cat));
}

struct lms_catalogue_entry *lms_catalogue_add(struct lms_catalogue *cat)
{
	struct lms_catalogue_entry *e = lms_array_push(&cat->v, &cat->n,
						       sizeof(*e));

	memset(e, 0, sizeof(*e));
	return e;
}

static int by_start(const void *a, const void *b)
{
	const struct lms_catalogue_entry *x = a, *y = b;
	int32_t dx = lms_course_first_date(&x->course);
	int32_t dy = lms_course_first_date(&y->course);
	int c;

	if (dx != dy)
		return dx < dy ? -1 : 1;
	if ((c = lms_collate(x->course.title, y->course.title)))
		return c;
	if ((c = strcmp(x->service ? x->service : "",
			y->service ? y->service : "")))
		return c;
	return strcmp(x->course.id, y->course.id);
}

void lms_catalogue_sort(struct lms_catalogue *cat)
{
	lms_array_sort(cat->v, cat->n, sizeof(*cat->v), by_start);
}

/* Languages a course in Norway is likely held in, by their codes. */
static const char *const languages[][2] = {
	{ "nb", N_("Norwegian (Bokmål)") },
	{ "nn", N_("Norwegian (Nynorsk)") },
	{ "no", N_("Norwegian") },
	{ "se", N_("Northern Sami") },
	{ "sma", N_("Southern Sami") },
	{ "smj", N_("Lule Sami") },
	{ "en", N_("English") },
	{ "uk", N_("Ukrainian") },
	{ "ar", N_("Arabic") },
	{ "pl", N_("Polish") },
	{ "so", N_("Somali") },
	{ NULL, NULL }
};

const char *lms_catalogue_language(const char *code)
{
	for (size_t i = 0; languages[i][0]; i++)
		if (!strcmp(languages[i][0], code))
			return _(languages[i][1]);
	return code;
}

/* What people pay, in their words: "Free", "200 kr". */
static void price(struct lms_buf *out, int kroner)
{
	if (kroner == 0)
		lms_buf_adds(out, _("free of charge"));
	else
		/* TRANSLATORS: a price in Norwegian kroner. */
		lms_buf_addf(out, _("%d kr"), kroner);
}

/* "torsdag 17. september 2026, kl. 18.00–20.00": a session's day and
 * times as the reader says them. */
static void when(struct lms_buf *out, const struct lms_session *s)
{
	lms_i18n_day(out, s->date);
	if (s->start != LMS_TIME_NONE) {
		lms_buf_adds(out, ", ");
		lms_i18n_times(out, s->start, s->end);
	}
}

/* Each session's day and times, and its place where it is not the
 * course's; fn is called with the text of each, in date order. */
static void each_session(const struct lms_course *c,
			 void (*fn)(const char *text, void *arg), void *arg)
{
	size_t *order = lms_course_session_order(c);
	struct lms_buf b = LMS_BUF_INIT;

	for (size_t k = 0; k < c->nsessions; k++) {
		const struct lms_session *s = &c->sessions[order[k]];

		lms_buf_reset(&b);
		when(&b, s);
		if (s->place && (!c->place || strcmp(s->place, c->place)))
			lms_buf_addf(&b, " (%s)", s->place);
		fn(b.buf, arg);
	}
	lms_buf_release(&b);
	lms_free(order);
}


/* "Sign up by torsdag 7. januar 2027." with how, if given, before it. */
static void signup(struct lms_buf *out, const struct lms_public *p)
{
	if (p->signup)
		lms_buf_adds(out, p->signup);
	if (p->signup && p->signup_deadline != LMS_DATE_NONE)
		lms_buf_adds(out, " ");
	if (p->signup_deadline != LMS_DATE_NONE) {
		struct lms_buf day = LMS_BUF_INIT;

		lms_i18n_day(&day, p->signup_deadline);
		lms_buf_addf(out, _("Sign up by %s."), day.buf);
		lms_buf_release(&day);
	}
}

/* The facts of a course after its sessions, each as a name and a value,
 * the same in every format: where, language, price, accessibility, how
 * to sign up. */
static void each_fact(const struct lms_course *c,
		      void (*fn)(const char *name, const char *value, void *arg),
		      void *arg)
{
	const struct lms_public *p = &c->pub;
	struct lms_buf b = LMS_BUF_INIT;

	if (c->place)
		fn(_("Place"), c->place, arg);
	if (p->language)
		fn(_("Language"), lms_catalogue_language(p->language), arg);
	if (p->price != LMS_UNSET) {
		price(&b, p->price);
		fn(_("Price"), b.buf, arg);
	}
	if (p->accessibility)
		fn(_("Accessibility"), p->accessibility, arg);
	lms_buf_reset(&b);
	signup(&b, p);
	if (b.len)
		fn(_("How to sign up"), b.buf, arg);
	lms_buf_release(&b);
}

/* HTML */

static const char style[] =
	"body { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', "
	"Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1d2430; "
	"margin: 2em auto; padding: 0 1em; max-width: 180mm; }\n"
	"h1 { font-size: 18pt; margin: 0 0 .6em; color: #12355b; }\n"
	"h2 { font-size: 14pt; margin: 0 0 .3em; color: #12355b; }\n"
	".card { border: 1px solid #8d99a8; border-radius: 4px; "
	"padding: .8em 1em; margin: 0 0 1em; break-inside: avoid; "
	"page-break-inside: avoid; }\n"
	".service { margin: 0 0 .4em; color: #3d4a5c; font-weight: 600; }\n"
	".about { margin: .3em 0 .7em; }\n"
	"dl { display: grid; grid-template-columns: max-content auto; "
	"gap: .2em 1.2em; margin: .3em 0 0; }\n"
	"dt { color: #3d4a5c; font-weight: 600; } dd { margin: 0; }\n"
	"ul { margin: 0; padding-left: 1.1em; }\n"
	"a { color: #1a4f8b; }\n"
	"footer { margin-top: 2em; color: #3d4a5c; font-size: 9pt; }\n"
	"@page { size: A4; margin: 16mm 14mm; }\n"
	"@media print { body { margin: 0; padding: 0; } }\n";

static const char poster_style[] =
	"body { font: 16pt/1.4 system-ui, -apple-system, 'Segoe UI', "
	"Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1d2430; "
	"margin: 2em auto; padding: 0 1em; max-width: 180mm; }\n"
	".service { font-size: 14pt; font-weight: 600; color: #3d4a5c; "
	"margin: 0 0 .5em; }\n"
	"h1 { font-size: 34pt; line-height: 1.15; margin: 0 0 .4em; "
	"color: #12355b; }\n"
	".about { font-size: 18pt; margin: 0 0 1em; }\n"
	"dl { display: grid; grid-template-columns: max-content auto; "
	"gap: .35em 1em; margin: 0; }\n"
	"dt { color: #3d4a5c; font-weight: 600; } dd { margin: 0; }\n"
	"ul { margin: 0; padding-left: 1em; font-size: 13pt; }\n"
	"a { color: #1a4f8b; }\n"
	"@page { size: A4; margin: 18mm; }\n"
	"@media print { body { margin: 0; padding: 0; } "
	"main { break-inside: avoid; } }\n";

static void esc(struct lms_buf *out, const char *s)
{
	lms_html_escape(out, s);
}

/* ' lang="se"' for text in the course's language, if it has one. */
static void lang_attr(struct lms_buf *out, const struct lms_public *p)
{
	if (p->language) {
		lms_buf_adds(out, " lang=\"");
		esc(out, p->language);
		lms_buf_adds(out, "\"");
	}
}

static void row(struct lms_buf *out, const char *name, const char *value)
{
	lms_buf_adds(out, "<dt>");
	esc(out, name);
	lms_buf_adds(out, "</dt><dd>");
	esc(out, value);
	lms_buf_adds(out, "</dd>\n");
}

static void html_fact(const char *name, const char *value, void *out)
{
	row(out, name, value);
}

static void html_session(const char *text, void *arg)
{
	lms_buf_adds(arg, "<li>");
	esc(arg, text);
	lms_buf_adds(arg, "</li>\n");
}

/* A phone number as a tel: link, its digits and + only, shown as
 * written but never broken across lines. */
static void tel(struct lms_buf *out, const char *phone)
{
	const char *p, *space;

	lms_buf_adds(out, "<a href=\"tel:");
	for (p = phone; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == '+')
			lms_buf_addch(out, *p);
	lms_buf_adds(out, "\">");
	for (p = phone; (space = strchr(p, ' ')); p = space + 1) {
		char *part = lms_strndup(p, (size_t)(space - p));

		esc(out, part);
		lms_free(part);
		lms_buf_adds(out, "&nbsp;");
	}
	esc(out, p);
	lms_buf_adds(out, "</a>");
}

static void html_contact(struct lms_buf *out,
			 const struct lms_catalogue_entry *e)
{
	const char *sep = "";

	if (!e->contact_name && !e->contact_phone && !e->contact_email)
		return;
	lms_buf_adds(out, "<dt>");
	esc(out, _("Contact"));
	lms_buf_adds(out, "</dt><dd>");
	if (e->contact_name) {
		esc(out, e->contact_name);
		sep = ", ";
	}
	if (e->contact_phone) {
		lms_buf_adds(out, sep);
		tel(out, e->contact_phone);
		sep = ", ";
	}
	if (e->contact_email) {
		lms_buf_adds(out, sep);
		lms_buf_adds(out, "<a href=\"mailto:");
		esc(out, e->contact_email);
		lms_buf_adds(out, "\">");
		esc(out, e->contact_email);
		lms_buf_adds(out, "</a>");
	}
	lms_buf_adds(out, "</dd>\n");
}

/* The facts of a course, as a list of terms: when, where, language,
 * price, accessibility, how to sign up, whom to ask. */
static void html_facts(struct lms_buf *out,
		       const struct lms_catalogue_entry *e)
{
	const struct lms_course *c = &e->course;

	lms_buf_adds(out, "<dl>\n<dt>");
	esc(out, _("When"));
	lms_buf_adds(out, "</dt><dd><ul>\n");
	each_session(c, html_session, out);
	lms_buf_adds(out, "</ul></dd>\n");
	each_fact(c, html_fact, out);
	html_contact(out, e);
	lms_buf_adds(out, "</dl>\n");
}

static void html_head(struct lms_buf *out, const char *title,
		      const char *css)
{
	lms_buf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		     "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		     "content=\"width=device-width, initial-scale=1\">\n"
		     "<title>", lms_i18n_code());
	esc(out, title);
	lms_buf_addf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		     css);
}

static void html_card(struct lms_buf *out, const struct lms_catalogue *cat,
		      const struct lms_catalogue_entry *e, size_t i)
{
	const struct lms_public *p = &e->course.pub;

	lms_buf_addf(out, "<article class=\"card\" aria-labelledby=\"c%zu\">\n"
		     "<h2 id=\"c%zu\">", i + 1, i + 1);
	esc(out, e->course.title);
	lms_buf_adds(out, "</h2>\n");
	if (cat->regional && e->service) {
		lms_buf_adds(out, "<p class=\"service\">");
		esc(out, e->service);
		lms_buf_adds(out, "</p>\n");
	}
	if (p->description) {
		lms_buf_adds(out, "<p class=\"about\"");
		lang_attr(out, p);
		lms_buf_adds(out, ">");
		esc(out, p->description);
		lms_buf_adds(out, "</p>\n");
	}
	html_facts(out, e);
	lms_buf_adds(out, "</article>\n");
}

/* "Courses: Lærings- og mestringstjenesten" */
static void heading(struct lms_buf *out, const struct lms_catalogue *cat)
{
	if (cat->title && *cat->title)
		lms_buf_addf(out, _("Courses: %s"), cat->title);
	else
		lms_buf_adds(out, _("Courses"));
}

void lms_catalogue_html(const struct lms_catalogue *cat, struct lms_buf *out)
{
	struct lms_buf title = LMS_BUF_INIT;
	char date[11];

	heading(&title, cat);
	html_head(out, title.buf, style);
	lms_buf_adds(out, "<main>\n<h1>");
	esc(out, title.buf);
	lms_buf_adds(out, "</h1>\n");
	if (!cat->n) {
		lms_buf_adds(out, "<p>");
		esc(out, _("No courses are open for sign-up just now."));
		lms_buf_adds(out, "</p>\n");
	}
	for (size_t i = 0; i < cat->n; i++)
		html_card(out, cat, &cat->v[i], i);
	lms_buf_adds(out, "</main>\n<footer><p>");
	lms_i18n_date(cat->today, date);
	lms_buf_addf(out, _("Updated %s."), date);
	lms_buf_adds(out, "</p></footer>\n</body>\n</html>\n");
	lms_buf_release(&title);
}

void lms_catalogue_poster(const struct lms_catalogue *cat,
			  const struct lms_catalogue_entry *e,
			  struct lms_buf *out)
{
	const struct lms_public *p = &e->course.pub;

	(void)cat;
	html_head(out, e->course.title, poster_style);
	lms_buf_adds(out, "<main>\n");
	if (e->service) {
		lms_buf_adds(out, "<p class=\"service\">");
		esc(out, e->service);
		lms_buf_adds(out, "</p>\n");
	}
	lms_buf_adds(out, "<h1>");
	esc(out, e->course.title);
	lms_buf_adds(out, "</h1>\n");
	if (p->description) {
		lms_buf_adds(out, "<p class=\"about\"");
		lang_attr(out, p);
		lms_buf_adds(out, ">");
		esc(out, p->description);
		lms_buf_adds(out, "</p>\n");
	}
	html_facts(out, e);
	lms_buf_adds(out, "</main>\n</body>\n</html>\n");
}

/* iCalendar */

void lms_catalogue_ical(const struct lms_catalogue *cat,
			const struct lms_ical *cal)
{
	struct lms_ical pub = *cal;

	pub.public_feed = true;
	pub.facilitators = NULL;
	pub.nfacilitators = 0;
	for (size_t i = 0; i < cat->n; i++)
		lms_ical_add_course(&pub, &cat->v[i].course);
}

/* JSON */

/* s as a JSON string, or null. */
static void jstr(struct lms_buf *out, const char *s)
{
	if (!s) {
		lms_buf_adds(out, "null");
		return;
	}
	lms_buf_addch(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			lms_buf_addf(out, "\\%c", *p);
		else if (*p == '\n')
			lms_buf_adds(out, "\\n");
		else if (*p < 0x20 || *p == 0x7f)
			lms_buf_addf(out, "\\u%04x", *p);
		else
			lms_buf_addch(out, (char)*p);
	}
	lms_buf_addch(out, '"');
}

static void jdate(struct lms_buf *out, int32_t date)
{
	int y, m, d;

	if (date == LMS_DATE_NONE) {
		lms_buf_adds(out, "null");
		return;
	}
	lms_date_to_ymd(date, &y, &m, &d);
	lms_buf_addf(out, "\"%04d-%02d-%02d\"", y, m, d);
}

static void jtime(struct lms_buf *out, int minutes)
{
	if (minutes == LMS_TIME_NONE)
		lms_buf_adds(out, "null");
	else
		lms_buf_addf(out, "\"%02d:%02d\"", minutes / 60, minutes % 60);
}

/* "key": value of a string, then ",\n" unless last. */
static void jkey(struct lms_buf *out, int indent, const char *key)
{
	lms_buf_addf(out, "%*s\"%s\": ", indent, "", key);
}

static void json_sessions(struct lms_buf *out, const struct lms_course *c)
{
	size_t *order = lms_course_session_order(c);

	lms_buf_adds(out, "[");
	for (size_t k = 0; k < c->nsessions; k++) {
		const struct lms_session *s = &c->sessions[order[k]];

		lms_buf_adds(out, k ? ",\n        {" : "\n        {");
		lms_buf_adds(out, "\"date\": ");
		jdate(out, s->date);
		lms_buf_adds(out, ", \"start\": ");
		jtime(out, s->start);
		lms_buf_adds(out, ", \"end\": ");
		jtime(out, s->end);
		lms_buf_adds(out, ", \"place\": ");
		jstr(out, *lms_session_place(c, order[k]) ?
		     lms_session_place(c, order[k]) : NULL);
		lms_buf_adds(out, ", \"theme\": ");
		jstr(out, s->theme);
		lms_buf_adds(out, "}");
	}
	lms_buf_adds(out, c->nsessions ? "\n      ]" : "]");
	lms_free(order);
}

static void json_course(struct lms_buf *out,
			const struct lms_catalogue_entry *e)
{
	const struct lms_course *c = &e->course;
	const struct lms_public *p = &c->pub;
	const struct { const char *key, *value; } strs[] = {
		{ "id", c->id }, { "service", e->service },
		{ "title", c->title }, { "description", p->description },
		{ "status", lms_status_names[c->status] },
		{ "language", p->language }, { "place", c->place },
		{ "accessibility", p->accessibility }, { "signup", p->signup },
	};

	lms_buf_adds(out, "    {\n");
	for (size_t i = 0; i < sizeof(strs) / sizeof(*strs); i++) {
		jkey(out, 6, strs[i].key);
		jstr(out, strs[i].value);
		lms_buf_adds(out, ",\n");
	}
	jkey(out, 6, "signup_deadline");
	jdate(out, p->signup_deadline);
	lms_buf_adds(out, ",\n");
	jkey(out, 6, "price");
	if (p->price == LMS_UNSET)
		lms_buf_adds(out, "null");
	else
		lms_buf_addf(out, "%d", p->price);
	lms_buf_adds(out, ",\n");
	jkey(out, 6, "contact");
	lms_buf_adds(out, "{\"name\": ");
	jstr(out, e->contact_name);
	lms_buf_adds(out, ", \"phone\": ");
	jstr(out, e->contact_phone);
	lms_buf_adds(out, ", \"email\": ");
	jstr(out, e->contact_email);
	lms_buf_adds(out, "},\n");
	jkey(out, 6, "sessions");
	json_sessions(out, c);
	lms_buf_adds(out, "\n    }");
}

void lms_catalogue_json(const struct lms_catalogue *cat, struct lms_buf *out)
{
	lms_buf_adds(out, "{\n");
	jkey(out, 2, "title");
	jstr(out, cat->title);
	lms_buf_adds(out, ",\n");
	jkey(out, 2, "updated");
	jdate(out, cat->today);
	lms_buf_adds(out, ",\n");
	jkey(out, 2, "courses");
	lms_buf_adds(out, cat->n ? "[\n" : "[]");
	for (size_t i = 0; i < cat->n; i++) {
		json_course(out, &cat->v[i]);
		lms_buf_adds(out, i + 1 < cat->n ? ",\n" : "\n  ]");
	}
	lms_buf_adds(out, "\n}\n");
}

/* Text and Markdown */

struct text_ctx {
	struct lms_buf *out;
	bool md;
};

static void text_escaped(const struct text_ctx *t, const char *s)
{
	if (t->md)
		lms_table_md_escape(t->out, s, false);
	else
		lms_buf_adds(t->out, s);
}

static void text_fact(const struct text_ctx *t, const char *name,
		      const char *value)
{
	lms_buf_adds(t->out, t->md ? "- **" : "  ");
	text_escaped(t, name);
	lms_buf_adds(t->out, t->md ? ":** " : ": ");
	text_escaped(t, value);
	lms_buf_addch(t->out, '\n');
}

static void text_fact_of(const char *name, const char *value, void *t)
{
	text_fact(t, name, value);
}

static void text_session(const char *text, void *arg)
{
	const struct text_ctx *t = arg;

	lms_buf_adds(t->out, t->md ? "  - " : "    ");
	text_escaped(t, text);
	lms_buf_addch(t->out, '\n');
}

static void text_contact(const struct text_ctx *t,
			 const struct lms_catalogue_entry *e)
{
	const char *parts[] = { e->contact_name, e->contact_phone,
				e->contact_email };
	struct lms_buf b = LMS_BUF_INIT;

	for (size_t i = 0; i < 3; i++)
		if (parts[i])
			lms_buf_addf(&b, "%s%s", b.len ? ", " : "", parts[i]);
	if (b.len)
		text_fact(t, _("Contact"), b.buf);
	lms_buf_release(&b);
}

static void text_course(const struct text_ctx *t,
			const struct lms_catalogue *cat,
			const struct lms_catalogue_entry *e)
{
	const struct lms_course *c = &e->course;
	const struct lms_public *p = &c->pub;

	lms_buf_adds(t->out, t->md ? "\n## " : "\n");
	text_escaped(t, c->title);
	if (cat->regional && e->service) {
		lms_buf_adds(t->out, " (");
		text_escaped(t, e->service);
		lms_buf_adds(t->out, ")");
	}
	lms_buf_adds(t->out, t->md ? "\n\n" : "\n");
	if (p->description) {
		lms_buf_adds(t->out, t->md ? "" : "  ");
		text_escaped(t, p->description);
		lms_buf_adds(t->out, t->md ? "\n\n" : "\n");
	}
	lms_buf_adds(t->out, t->md ? "- **" : "  ");
	text_escaped(t, _("When"));
	lms_buf_adds(t->out, t->md ? ":**\n" : ":\n");
	each_session(c, text_session, (void *)t);
	each_fact(c, text_fact_of, (void *)t);
	text_contact(t, e);
}

void lms_catalogue_text(const struct lms_catalogue *cat, bool md,
			struct lms_buf *out)
{
	struct text_ctx t = { out, md };
	struct lms_buf title = LMS_BUF_INIT;

	heading(&title, cat);
	lms_buf_adds(out, md ? "# " : "");
	text_escaped(&t, title.buf);
	lms_buf_addch(out, '\n');
	if (!cat->n) {
		lms_buf_addch(out, '\n');
		lms_buf_adds(out,
			     _("No courses are open for sign-up just now."));
		lms_buf_addch(out, '\n');
	}
	for (size_t i = 0; i < cat->n; i++)
		text_course(&t, cat, &cat->v[i]);
	lms_buf_release(&title);
}
