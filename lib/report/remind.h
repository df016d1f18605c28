#ifndef LMS_REMIND_H
#define LMS_REMIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "course.h"
#include "enrolment.h"
#include "person.h"

/*
 * What reminders and notices of a session need (lms remind): one row per
 * person on the course, with the person's name and contacts from the
 * register and a short text in the language set (lms_i18n_set), for an
 * SMS or e-mail service to send.  lms sends nothing itself.
 *
 * Only people whose register entry says they agreed to reminders
 * (LMS_CONTACT_REMINDERS) get a row; the others are only counted by id,
 * so that the command can name them without their names.
 */

enum lms_remind_kind {
	LMS_REMIND_NEXT = 1,	/* the session is coming */
	LMS_REMIND_CHANGED,	/* its date, time or place changed */
	LMS_REMIND_CANCELLED,	/* the course is cancelled */
	LMS_REMIND_MOVED_UP	/* they have a place now */
};

struct lms_remind_row {
	const char *person;		/* these point into the register, */
	const char *name, *phone, *email;	/* phone and email may be NULL */
	const char *course, *title;	/* the course, */
	const char *place;		/* and the session's place ("" none) */
	int32_t date;
	int start, end;			/* minutes, LMS_TIME_NONE when not given */
	char *text;			/* the row's own */
};

struct lms_reminders {
	struct lms_remind_row *v;
	size_t n;
	/* People on the course left out: not agreed to reminders, not in
	 * the register (forgotten), or with a phone number, e-mail address
	 * or name in the register that no message may carry (a hand edit:
	 * a line break in an address would add a header to a draft); ids
	 * into the enrolments. */
	const char **refused, **unknown, **invalid;
	size_t nrefused, nunknown, ninvalid;
};

void lms_reminders_release(struct lms_reminders *r);

/*
 * Appends the rows of session index (in c->sessions) of course c: one for
 * each person enrolled (participants and relatives; not waitlisted, not
 * withdrawn), in the order of the enrolments, whose register entry in
 * reg agreed to reminders.  With only (may be NULL), just the people for
 * whom only(person, arg) is true.  The rows point into c, e and reg,
 * which must outlive them.
 */
void lms_remind_session(struct lms_reminders *out, const struct lms_course *c,
			size_t index, const struct lms_enrolments *e,
			const struct lms_register *reg,
			enum lms_remind_kind kind,
			bool (*only)(const struct lms_enrolment *, void *),
			void *arg);

/*
 * The sessions of c from from to to (both included; to LMS_DATE_NONE:
 * only the first on or after from), in date order, as indexes into
 * c->sessions; *n says how many.  The caller frees the array.  A
 * cancelled or completed course has none.
 */
size_t *lms_remind_sessions(const struct lms_course *c, int32_t from,
			    int32_t to, size_t *n);

/*
 * The days lms remind looks at, from its options: the day date if given
 * (not LMS_DATE_NONE); else with next only the next session from today
 * (*to is LMS_DATE_NONE, see lms_remind_sessions); else the days days
 * from today, today included (days < 1: a week).
 */
void lms_remind_window(int32_t today, int32_t date, int days, bool next,
		       int32_t *from, int32_t *to);

/* The notice of a changed session of c: LMS_REMIND_CANCELLED when c is
 * cancelled, else LMS_REMIND_CHANGED. */
enum lms_remind_kind lms_remind_notice(const struct lms_course *c);

/* The text of a row ("Reminder: T Thursday 2026-09-17 18:00-20:00, P."),
 * in the language set. */
void lms_remind_text(struct lms_buf *out, enum lms_remind_kind kind,
		     const char *title, int32_t date, int start, int end,
		     const char *place);

/*
 * For lms_remind_session's only: whether r moved up from the waiting list
 * (moved_up, see roll.h) on or after *(const int32_t *)since.
 */
bool lms_remind_moved_up_since(const struct lms_enrolment *r, void *since);

/* Whether a person on the course gets reminders and notices of its
 * sessions: enrolled (participant or relative), not waiting, not
 * withdrawn, not done. */
bool lms_remind_gets(const struct lms_enrolment *r);

/*
 * Whether a change of a course from before to after is one to tell its
 * people of: a session's date, time or place changed or a session was
 * dropped, or the course was cancelled.
 */
bool lms_remind_course_changed(const struct lms_course *before,
			       const struct lms_course *after);

/* The CSV of the rows (RFC 4180, CRLF, a stable English header). */
void lms_remind_csv(struct lms_buf *out, const struct lms_reminders *r);

/*
 * The rows as e-mail drafts (RFC 5322 with MIME, UTF-8), in one mbox
 * (mboxrd: lines of a body that begin with "From " get a '>'), one
 * message per row that has an e-mail address, with subject and body in
 * the language set.  from (may be NULL: no From header, the sending
 * service sets it) and sender (the service's name, signs the body).
 * *skipped hears of rows without an address, by their index.
 */
void lms_remind_mbox(struct lms_buf *out, const struct lms_reminders *r,
		     const char *from, const char *sender,
		     void (*skipped)(const struct lms_remind_row *, void *),
		     void *arg);

#endif
