#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "i18n.h"
#include "remind.h"

void lms_reminders_release(struct lms_reminders *r)
{
	for (size_t i = 0; i < r->n; i++)
		lms_free(r->v[i].text);
	lms_free(r->v);
	lms_free(r->refused);
	lms_free(r->unknown);
	lms_free(r->invalid);
	memset(r, 0, sizeof(*r));
}

size_t *lms_remind_sessions(const struct lms_course *c, int32_t from,
			    int32_t to, size_t *n)
{
	size_t *order, *out = NULL;

	*n = 0;
	if (c->status == LMS_COURSE_CANCELLED ||
	    c->status == LMS_COURSE_COMPLETED || !c->nsessions)
		return NULL;
	order = lms_course_session_order(c);
	for (size_t k = 0; k < c->nsessions; k++) {
		int32_t d = c->sessions[order[k]].date;

		if (d < from || (to != LMS_DATE_NONE && d > to))
			continue;
		*(size_t *)lms_array_push(&out, n, sizeof(*out)) = order[k];
		if (to == LMS_DATE_NONE)
			break;
	}
	lms_free(order);
	return out;
}

void lms_remind_window(int32_t today, int32_t date, int days, bool next,
		       int32_t *from, int32_t *to)
{
	*from = today;
	*to = LMS_DATE_NONE;
	if (date != LMS_DATE_NONE)
		*from = *to = date;
	else if (!next)
		*to = today + (days < 1 ? 7 : days) - 1;
}

enum lms_remind_kind lms_remind_notice(const struct lms_course *c)
{
	return c->status == LMS_COURSE_CANCELLED ? LMS_REMIND_CANCELLED :
	       LMS_REMIND_CHANGED;
}

/* "Thursday 2026-09-17 18:00-20:00": the day, and the time if given. */
static void add_when(struct lms_buf *out, int32_t date, int start, int end)
{
	lms_i18n_day(out, date);
	if (start != LMS_TIME_NONE) {
		lms_buf_addch(out, ' ');
		lms_i18n_times(out, start, end);
	}
}

void lms_remind_text(struct lms_buf *out, enum lms_remind_kind kind,
		     const char *title, int32_t date, int start, int end,
		     const char *place)
{
	struct lms_buf when = LMS_BUF_INIT;
	bool at = place && *place;

	add_when(&when, date, start, end);
	/* TRANSLATORS: the text of lms remind, sent as it is by SMS: the
	 * course's title, the day and time ("torsdag 17. september 2026
	 * kl. 18.00–20.00") and the place. */
	switch (kind) {
	case LMS_REMIND_CHANGED:
		if (at)
			lms_buf_addf(out, _("Changed: %s is now %s, %s."),
				     title, when.buf, place);
		else
			lms_buf_addf(out, _("Changed: %s is now %s."),
				     title, when.buf);
		break;
	case LMS_REMIND_CANCELLED:
		/* The whole course is cancelled: this session, the first
		 * the notice is of, and all after it. */
		lms_buf_addf(out, _("Cancelled: %s, every session from %s."),
			     title, when.buf);
		break;
	case LMS_REMIND_MOVED_UP:
		if (at)
			lms_buf_addf(out, _("You have a place: %s %s, %s."),
				     title, when.buf, place);
		else
			lms_buf_addf(out, _("You have a place: %s %s."), title,
				     when.buf);
		break;
	default:
		if (at)
			lms_buf_addf(out, _("Reminder: %s %s, %s."), title,
				     when.buf, place);
		else
			lms_buf_addf(out, _("Reminder: %s %s."), title,
				     when.buf);
		break;
	}
	lms_buf_release(&when);
}

/* Each person left out is named once, however many sessions. */
static void add_once(const char ***v, size_t *n, const char *id)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i], id))
			return;
	*(const char **)lms_array_push(v, n, sizeof(char *)) = id;
}

void lms_remind_session(struct lms_reminders *out, const struct lms_course *c,
			size_t index, const struct lms_enrolments *e,
			const struct lms_register *reg,
			enum lms_remind_kind kind,
			bool (*only)(const struct lms_enrolment *, void *),
			void *arg)
{
	const struct lms_session *s = &c->sessions[index];
	const char *place = lms_session_place(c, index);

	for (size_t i = 0; i < e->n; i++) {
		const struct lms_enrolment *r = &e->v[i];
		const struct lms_person *p;
		struct lms_remind_row *row;
		struct lms_buf text = LMS_BUF_INIT;

		/* Waiting, withdrawn or done: not coming to the session. */
		if (!lms_remind_gets(r) || (only && !only(r, arg)))
			continue;
		if (!(p = lms_register_find(reg, r->person))) {
			add_once(&out->unknown, &out->nunknown, r->person);
			continue;
		}
		if (!(p->contact & LMS_CONTACT_REMINDERS)) {
			add_once(&out->refused, &out->nrefused, r->person);
			continue;
		}
		if ((p->phone && !lms_phone_valid(p->phone)) ||
		    (p->email && !lms_email_valid(p->email)) ||
		    strpbrk(p->name, "\r\n")) {
			add_once(&out->invalid, &out->ninvalid, r->person);
			continue;
		}
		row = lms_array_push(&out->v, &out->n, sizeof(*row));
		row->person = p->id;
		row->name = p->name;
		row->phone = p->phone;
		row->email = p->email;
		row->course = c->id;
		row->title = c->title ? c->title : c->id;
		row->place = place;
		row->date = s->date;
		row->start = s->start;
		row->end = s->end;
		lms_remind_text(&text, kind, row->title, s->date, s->start,
				s->end, place);
		row->text = lms_buf_detach(&text);
	}
}

static bool session_differs(const struct lms_course *a, size_t i,
			    const struct lms_course *b, size_t j)
{
	const struct lms_session *x = &a->sessions[i], *y = &b->sessions[j];

	return x->date != y->date || x->start != y->start ||
	       x->end != y->end ||
	       strcmp(lms_session_place(a, i), lms_session_place(b, j));
}

bool lms_remind_moved_up_since(const struct lms_enrolment *r, void *since)
{
	return r->moved_up != LMS_DATE_NONE &&
	       r->moved_up >= *(const int32_t *)since;
}

bool lms_remind_gets(const struct lms_enrolment *r)
{
	return r->status == LMS_ENROLLED;
}

/* Sessions are matched by their place in the list, as course set keys
 * them (sessions.3.date). */
bool lms_remind_course_changed(const struct lms_course *before,
			       const struct lms_course *after)
{
	if (after->status == LMS_COURSE_CANCELLED &&
	    before->status != LMS_COURSE_CANCELLED)
		return true;
	if (before->nsessions > after->nsessions)
		return true;
	for (size_t i = 0; i < before->nsessions; i++)
		if (session_differs(before, i, after, i))
			return true;
	return false;
}

/* One field of RFC 4180 CSV, quoted when it must be.  Free text that a
 * spreadsheet would take for a formula gets a leading apostrophe; the
 * phone number, which a service reads, is left as it is. */
static void csv_field(struct lms_buf *out, const char *s, bool text)
{
	if (!s)
		s = "";
	if (text && *s && strchr("=+-@\t\r", *s))
		lms_buf_addch(out, '\'');
	if (!strpbrk(s, ",\"\r\n")) {
		lms_buf_adds(out, s);
		return;
	}
	lms_buf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			lms_buf_addch(out, '"');
		lms_buf_addch(out, *s);
	}
	lms_buf_addch(out, '"');
}

void lms_remind_csv(struct lms_buf *out, const struct lms_reminders *r)
{
	lms_buf_adds(out, "person,name,phone,email,course,title,date,start,"
		     "end,place,text\r\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct lms_remind_row *w = &r->v[i];
		char date[11], start[6] = "", end[6] = "";

		lms_date_format(w->date, date);
		if (w->start != LMS_TIME_NONE)
			lms_time_format(w->start, start);
		if (w->end != LMS_TIME_NONE)
			lms_time_format(w->end, end);
		lms_buf_addf(out, "%s,", w->person);
		csv_field(out, w->name, true);
		lms_buf_addch(out, ',');
		csv_field(out, w->phone, false);
		lms_buf_addch(out, ',');
		csv_field(out, w->email, true);
		lms_buf_addf(out, ",%s,", w->course);
		csv_field(out, w->title, true);
		lms_buf_addf(out, ",%s,%s,%s,", date, start, end);
		csv_field(out, w->place, true);
		lms_buf_addch(out, ',');
		csv_field(out, w->text, true);
		lms_buf_adds(out, "\r\n");
	}
}

static bool is_ascii_atom(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x7f || *s < ' ' ||
		    strchr("()<>[]:;@\\,.\"", *s))
			return false;
	return true;
}

/*
 * An RFC 2047 encoded-word of UTF-8 text, in base64, split so that no
 * line is longer than 78 characters with the header's name before it and
 * no character is cut (a word holds 36 bytes at most, 60 characters,
 * ending before a continuation byte), the words folded onto lines of
 * their own (the mbox's lines end in LF).
 */
static void add_encoded(struct lms_buf *out, const char *s)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t len = strlen(s), at = 0;

	while (at < len) {
		size_t n = len - at > 36 ? 36 : len - at;

		while (at + n < len && ((unsigned char)s[at + n] & 0xc0) == 0x80)
			n--;
		if (at)
			lms_buf_adds(out, "\n ");
		lms_buf_adds(out, "=?UTF-8?B?");
		for (size_t i = 0; i < n; i += 3) {
			const unsigned char *p = (const unsigned char *)s + at + i;
			unsigned v = p[0] << 16 | (i + 1 < n ? p[1] << 8 : 0) |
				     (i + 2 < n ? p[2] : 0);

			lms_buf_addch(out, b64[v >> 18 & 63]);
			lms_buf_addch(out, b64[v >> 12 & 63]);
			lms_buf_addch(out, i + 1 < n ? b64[v >> 6 & 63] : '=');
			lms_buf_addch(out, i + 2 < n ? b64[v & 63] : '=');
		}
		lms_buf_adds(out, "?=");
		at += n;
	}
}

/* A header's text: as it is when plain ASCII, else encoded. */
static void add_header_text(struct lms_buf *out, const char *s, bool phrase)
{
	bool plain = true;

	for (const char *p = s; *p; p++)
		if ((unsigned char)*p >= 0x7f || *p < ' ')
			plain = false;
	if (plain && (!phrase || is_ascii_atom(s)))
		lms_buf_adds(out, s);
	else if (plain && !strpbrk(s, "\"\\"))
		lms_buf_addf(out, "\"%s\"", s);
	else
		add_encoded(out, s);
}

/* A body line, in mboxrd: ">From " and ">>From " get one more '>'. */
static void add_body_line(struct lms_buf *out, const char *line, size_t len)
{
	size_t q = 0;

	while (q < len && line[q] == '>')
		q++;
	if (len - q >= 5 && !memcmp(line + q, "From ", 5))
		lms_buf_addch(out, '>');
	lms_buf_add(out, line, len);
	lms_buf_addch(out, '\n');
}

static void add_body(struct lms_buf *out, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\r\n");

		add_body_line(out, text, n);
		text += n;
		text += *text == '\r';
		text += *text == '\n';
	}
}

static void add_message(struct lms_buf *out, const struct lms_remind_row *w,
			const char *from, const char *sender)
{
	struct lms_buf subject = LMS_BUF_INIT, body = LMS_BUF_INIT;

	/* The mbox separator's date is fixed: the drafts carry no Date,
	 * which the sending service sets. */
	lms_buf_adds(out, "From lms Thu Jan  1 00:00:00 1970\n");
	if (from)
		lms_buf_addf(out, "From: %s\n", from);
	lms_buf_adds(out, "To: ");
	add_header_text(out, w->name, true);
	lms_buf_addf(out, " <%s>\n", w->email);
	/* TRANSLATORS: the subject of an e-mail of lms remind: the
	 * course's title. */
	lms_buf_addf(&subject, _("About %s"), w->title);
	lms_buf_adds(out, "Subject: ");
	add_header_text(out, subject.buf, false);
	lms_buf_adds(out, "\nMIME-Version: 1.0\n"
		     "Content-Type: text/plain; charset=utf-8\n"
		     "Content-Transfer-Encoding: 8bit\n\n");
	/* TRANSLATORS: the greeting of an e-mail of lms remind. */
	lms_buf_addf(&body, _("Hello %s,"), w->name);
	lms_buf_addf(&body, "\n\n%s\n", w->text);
	if (sender && *sender)
		lms_buf_addf(&body, "\n%s\n", sender);
	add_body(out, body.buf);
	lms_buf_addch(out, '\n');
	lms_buf_release(&subject);
	lms_buf_release(&body);
}

void lms_remind_mbox(struct lms_buf *out, const struct lms_reminders *r,
		     const char *from, const char *sender,
		     void (*skipped)(const struct lms_remind_row *, void *),
		     void *arg)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].email && *r->v[i].email)
			add_message(out, &r->v[i], from, sender);
		else if (skipped)
			skipped(&r->v[i], arg);
	}
}
