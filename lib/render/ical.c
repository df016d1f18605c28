#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "i18n.h"
#include "ical.h"

/*
 * Each content line is built whole, then folded as it is appended, so
 * that folding is done in one place and counts the octets of the escaped
 * text that is really written.
 */

#define ICAL_LINE_OCTETS 75
#define ICAL_TZID "Europe/Oslo"

/*
 * The zone's rules since 1996 (the EU's): summer time from the last Sunday
 * of March at 02:00 to the last Sunday of October at 03:00.  Each DTSTART
 * is the first such Sunday of 1970, where the rules are taken to begin;
 * sessions are never that old.
 */
static const char *const oslo[] = {
	"BEGIN:VTIMEZONE",
	"TZID:" ICAL_TZID,
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"TZNAME:CEST",
	"DTSTART:19700329T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"TZNAME:CET",
	"DTSTART:19701025T030000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
	NULL
};

static bool continuation(unsigned char ch)
{
	return (ch & 0xc0) == 0x80;
}

void lms_ical_fold(struct lms_buf *out, const char *line, size_t len)
{
	size_t room = ICAL_LINE_OCTETS, i = 0;

	while (len - i > room) {
		size_t cut = i + room;

		/* A UTF-8 sequence is at most four bytes, so this stops. */
		while (cut > i && continuation((unsigned char)line[cut]))
			cut--;
		if (cut == i)
			cut = i + room;
		lms_buf_add(out, line + i, cut - i);
		lms_buf_adds(out, "\r\n ");
		i = cut;
		room = ICAL_LINE_OCTETS - 1;	/* after the leading space */
	}
	lms_buf_add(out, line + i, len - i);
	lms_buf_adds(out, "\r\n");
}

void lms_ical_escape(struct lms_buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '\\' || ch == ';' || ch == ',') {
			lms_buf_addch(out, '\\');
			lms_buf_addch(out, ch);
		} else if (ch == '\n') {
			lms_buf_adds(out, "\\n");
		} else if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
			continue;	/* RFC 5545 allows no other controls */
		} else {
			lms_buf_addch(out, ch);
		}
	}
}

static void literal(const struct lms_ical *cal, const char *line)
{
	lms_ical_fold(cal->out, line, strlen(line));
}

/* name (with its parameters) and a value that needs no escaping. */
static void prop(const struct lms_ical *cal, const char *name,
		 const char *value)
{
	struct lms_buf line = LMS_BUF_INIT;

	lms_buf_addf(&line, "%s:%s", name, value);
	lms_ical_fold(cal->out, line.buf, line.len);
	lms_buf_release(&line);
}

static void prop_text(const struct lms_ical *cal, const char *name,
		      const char *text)
{
	struct lms_buf line = LMS_BUF_INIT;

	lms_buf_addf(&line, "%s:", name);
	lms_ical_escape(&line, text);
	lms_ical_fold(cal->out, line.buf, line.len);
	lms_buf_release(&line);
}

static void add_date(struct lms_buf *out, int32_t date)
{
	int y, m, d;

	lms_date_to_ymd(date, &y, &m, &d);
	lms_buf_addf(out, "%04d%02d%02d", y, m, d);
}

static void add_date_time(struct lms_buf *out, int32_t date, int minutes)
{
	add_date(out, date);
	lms_buf_addf(out, "T%02d%02d00", minutes / 60, minutes % 60);
}

void lms_ical_begin(const struct lms_ical *cal, const char *name,
		    const char *version)
{
	struct lms_buf id = LMS_BUF_INIT;

	literal(cal, "BEGIN:VCALENDAR");
	literal(cal, "VERSION:2.0");
	lms_buf_addf(&id, "-//lms//lms %s//EN", version);
	prop(cal, "PRODID", id.buf);
	literal(cal, "CALSCALE:GREGORIAN");
	prop_text(cal, "X-WR-CALNAME", name ? name : "");
	for (int i = 0; oslo[i]; i++)
		literal(cal, oslo[i]);
	lms_buf_release(&id);
}

void lms_ical_end(const struct lms_ical *cal)
{
	literal(cal, "END:VCALENDAR");
}

void lms_ical_uid(struct lms_buf *out, const struct lms_course *c, size_t i)
{
	const struct lms_session *s = &c->sessions[i];
	size_t same = 0;

	for (size_t j = 0; j < i; j++)
		same += c->sessions[j].date == s->date &&
			c->sessions[j].start == s->start;
	add_date(out, s->date);
	if (s->start != LMS_TIME_NONE)
		lms_buf_addf(out, "T%02d%02d", s->start / 60, s->start % 60);
	lms_buf_addf(out, "-%s", c->id);
	/* Not "-": an id may end in "-2", and UIDs must not collide. */
	if (same)
		lms_buf_addf(out, ".%zu", same + 1);
	lms_buf_adds(out, "@lms");
}

/*
 * A session without a start time takes the whole day: DTEND of a date is
 * exclusive, the next day.  An end before the start is past midnight, the
 * only reading under which the event is valid; without an end, or with an
 * end equal to the start, the event has no length (RFC 5545, 3.6.1).
 */
static void times(const struct lms_ical *cal, const struct lms_session *s)
{
	struct lms_buf v = LMS_BUF_INIT;

	if (s->start == LMS_TIME_NONE) {
		add_date(&v, s->date);
		prop(cal, "DTSTART;VALUE=DATE", v.buf);
		lms_buf_reset(&v);
		add_date(&v, s->date + 1);
		prop(cal, "DTEND;VALUE=DATE", v.buf);
	} else {
		add_date_time(&v, s->date, s->start);
		prop(cal, "DTSTART;TZID=" ICAL_TZID, v.buf);
		if (s->end != LMS_TIME_NONE && s->end != s->start) {
			lms_buf_reset(&v);
			add_date_time(&v, s->date + (s->end < s->start), s->end);
			prop(cal, "DTEND;TZID=" ICAL_TZID, v.buf);
		}
	}
	lms_buf_release(&v);
}

static void add_name(struct lms_buf *v, const struct lms_ical *cal,
		     const char *id, size_t *n)
{
	const struct lms_facilitator *f =
		lms_facilitator_find(cal->facilitators, cal->nfacilitators, id);

	if (!(*n)++) {
		lms_buf_addch(v, '\n');
		/* TRANSLATORS: in an event's description, before the names of
		 * the facilitators who lead the session. */
		lms_buf_adds(v, _("Led by: "));
	} else {
		lms_buf_adds(v, ", ");
	}
	lms_buf_adds(v, f && f->name ? f->name : id);
}

/* Who leads a session (lms_session_leader).  Only facilitators are
 * named; they are public, participants never are. */
static void leaders(struct lms_buf *v, const struct lms_ical *cal,
		    const struct lms_course *c, const struct lms_session *s)
{
	const char *id;
	size_t n = 0;

	for (size_t k = 0; (id = lms_session_leader(c, s, k)); k++)
		add_name(v, cal, id, &n);
}

static const char *status(const struct lms_course *c)
{
	switch (c->status) {
	case LMS_COURSE_PLANNED:
		return "TENTATIVE";
	case LMS_COURSE_CANCELLED:
		return "CANCELLED";
	default:
		return "CONFIRMED";
	}
}

static void event(const struct lms_ical *cal, const struct lms_course *c,
		  size_t i, size_t number)
{
	const struct lms_session *s = &c->sessions[i];
	const char *place = lms_session_place(c, i);
	const char *about;
	bool theme = s->theme && *s->theme;
	struct lms_buf v = LMS_BUF_INIT;

	literal(cal, "BEGIN:VEVENT");
	lms_ical_uid(&v, c, i);
	prop_text(cal, "UID", v.buf);
	lms_buf_reset(&v);
	add_date(&v, cal->stamp);
	lms_buf_adds(&v, "T000000Z");
	prop(cal, "DTSTAMP", v.buf);
	times(cal, s);
	lms_buf_reset(&v);
	lms_buf_addf(&v, "%s%s%s", c->title, theme ? ": " : "",
		     theme ? s->theme : "");
	prop_text(cal, "SUMMARY", v.buf);
	if (*place)
		prop_text(cal, "LOCATION", place);
	lms_buf_reset(&v);
	/* TRANSLATORS: in an event's description: "Session 1 of 4". */
	lms_buf_addf(&v, _("Session %zu of %zu"), number, c->nsessions);
	if (!cal->public_feed)
		leaders(&v, cal, c, s);
	about = cal->public_feed ? c->pub.description : c->description;
	if (about)
		lms_buf_addf(&v, "\n\n%s", about);
	prop_text(cal, "DESCRIPTION", v.buf);
	prop(cal, "STATUS", status(c));
	literal(cal, "SEQUENCE:0");
	literal(cal, "END:VEVENT");
	lms_buf_release(&v);
}

void lms_ical_add_course(const struct lms_ical *cal,
			 const struct lms_course *c)
{
	size_t *order = lms_course_session_order(c);

	for (size_t k = 0; k < c->nsessions; k++)
		event(cal, c, order[k], k + 1);
	lms_free(order);
}
