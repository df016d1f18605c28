#ifndef LMS_CATALOGUE_H
#define LMS_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "course.h"
#include "ical.h"

/*
 * The public catalogue of courses (lms catalog): what a municipality puts
 * on its web site or prints, for people who might take a course.  It
 * names no one but each course's contact, and says nothing of
 * participants.  Each format is made from the same entries: an HTML page
 * (a card per course, printable on A4), an A4 poster of one course, an
 * iCalendar feed, a JSON feed and plain text or Markdown.
 */
struct lms_catalogue_entry {
	struct lms_course course;	/* owned */
	char *service;			/* the service that runs it */
	/* Whom to ask: a facilitator's or the service's; NULL if none. */
	char *contact_name, *contact_phone, *contact_email;
};

struct lms_catalogue {
	char *title;			/* the services' names */
	bool regional;			/* of more than one service */
	int32_t today;
	struct lms_catalogue_entry *v;
	size_t n;
};

void lms_catalogue_init(struct lms_catalogue *cat, int32_t today);
void lms_catalogue_release(struct lms_catalogue *cat);
/* A new entry, zeroed, for the caller to fill; the catalogue owns it. */
struct lms_catalogue_entry *lms_catalogue_add(struct lms_catalogue *cat);
/* In the order people read them: first session, then title, service. */
void lms_catalogue_sort(struct lms_catalogue *cat);

/* One self-contained HTML page in the language set (lms_i18n_set): inline
 * CSS, no script, a card per course that print keeps whole on A4. */
void lms_catalogue_html(const struct lms_catalogue *cat, struct lms_buf *out);
/* One course on an A4 page in large type, for a notice board. */
void lms_catalogue_poster(const struct lms_catalogue *cat,
			  const struct lms_catalogue_entry *e,
			  struct lms_buf *out);
/* The sessions of every entry as VEVENTs (no leader named). */
void lms_catalogue_ical(const struct lms_catalogue *cat,
			const struct lms_ical *cal);
/* The feed for other systems: English keys, ISO dates (lms-catalog(1)). */
void lms_catalogue_json(const struct lms_catalogue *cat, struct lms_buf *out);
/* Plain text, or Markdown with md. */
void lms_catalogue_text(const struct lms_catalogue *cat, bool md,
			struct lms_buf *out);

/* The name of a language code for people ("se": "Northern Sami"), or
 * the code itself if lms does not know it. */
const char *lms_catalogue_language(const char *code);

#endif
