#ifndef LMS_COURSE_H
#define LMS_COURSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schema.h"

enum lms_course_status {
	LMS_COURSE_PLANNED = 1, LMS_COURSE_OPEN, LMS_COURSE_RUNNING,
	LMS_COURSE_COMPLETED, LMS_COURSE_CANCELLED
};

/* Target groups and phases are bit sets (bit i for names[i]). */
enum {
	LMS_TG_AT_RISK = 1 << 1, LMS_TG_PATIENTS = 1 << 2,
	LMS_TG_RELATIVES = 1 << 3, LMS_TG_STAFF = 1 << 4
};
enum { LMS_PLAN = 1 << 1, LMS_DELIVER = 1 << 2, LMS_EVALUATE = 1 << 3 };

extern const char *const lms_status_names[];
extern const char *const lms_target_group_names[];
extern const char *const lms_phase_names[];

struct lms_session {
	struct lms_mark mark;
	int32_t date;
	int start, end;			/* minutes since midnight */
	char *theme;
	char *place;			/* overrides the course's place */
	char **led_by;
	size_t nled_by;
};

struct lms_course_facilitator {
	struct lms_mark mark;
	char *id;
	unsigned phases;
	int role;	/* lms_kind_names: this course's role, 0: the registry's */
};

/*
 * What a course tells the public (lms catalog), kept in course.yaml and a
 * template by the same keys.  contact is a facilitator's id (whose name,
 * phone and e-mail the catalogue shows) or "service" (the phone and
 * e-mail of lms.yaml); lms check says when it is neither.
 */
struct lms_public {
	int public;			/* bool: listed in the catalogue */
	char *description;		/* public_description */
	char *contact;
	char *signup;			/* how to sign up, as text */
	int32_t signup_deadline;
	int price;			/* egenandel in kroner */
	char *accessibility;		/* accessibility and transport */
	char *language;			/* "nb", "en", "se" ... */
};

/* The keys of struct lms_public, for the course and template schemas. */
#define LMS_PUBLIC_FIELDS(T, m) \
	LMS_FIELD(T, "public", LMS_T_BOOL, m.public, 0), \
	LMS_FIELD(T, "public_description", LMS_T_STR, m.description, 0), \
	LMS_FIELD(T, "contact", LMS_T_STR, m.contact, 0), \
	LMS_FIELD(T, "signup", LMS_T_STR, m.signup, 0), \
	LMS_FIELD(T, "signup_deadline", LMS_T_DATE, m.signup_deadline, 0), \
	LMS_FIELD(T, "price", LMS_T_INT, m.price, 0), \
	LMS_FIELD(T, "accessibility", LMS_T_STR, m.accessibility, 0), \
	LMS_FIELD(T, "language", LMS_T_STR, m.language, 0)

/*
 * The public keys' rules: a price is not negative and a language is a
 * language tag as HTML's lang takes it ("nb", "se", "en-GB").  Returns
 * LMS_EDATA with the message at mark of path.
 */
int lms_public_check(const struct lms_public *p, const char *path,
		     struct lms_mark mark);

/* courses/<id>/course.yaml */
struct lms_course {
	struct lms_mark mark;
	char *id;
	char *title;
	char *description;
	int status;
	unsigned target_groups;
	char **topics;
	size_t ntopics;
	int diagnosis_independent;	/* bool */
	int capacity;
	int waitlist;			/* bool */
	char *place;
	char *template;
	struct lms_course_facilitator *facilitators;
	size_t nfacilitators;
	struct lms_session *sessions;
	size_t nsessions;
	char **forms;
	size_t nforms;
	char **follow_up;
	size_t nfollow_up;
	char *followup_after;		/* "3 months", "90 days" (followup.h) */
	struct lms_public pub;		/* what the public catalogue shows */
};

extern const struct lms_schema lms_course_schema;
extern const struct lms_schema lms_session_schema;

/*
 * Loads course.yaml text.  folder is the course's folder name, which the
 * id must equal; NULL skips that check.
 */
int lms_course_load(struct lms_course *out, const char *path, const char *text,
		    size_t len, const char *folder, struct lms_diags *diags);
void lms_course_release(struct lms_course *c);
/* Appends the canonical YAML of a course (for a new course.yaml). */
void lms_course_emit(struct lms_buf *out, const struct lms_course *c);

/*
 * The sessions' indexes in date order (then start time, then file order):
 * SESSION numbers on the command line count in this order.  The caller
 * frees the array.
 */
size_t *lms_course_session_order(const struct lms_course *c);
/* True when the course is in the public catalogue on day today: public,
 * neither cancelled nor completed, its first session today or later. */
bool lms_course_in_catalogue(const struct lms_course *c, int32_t today);
/* First and last session date, LMS_DATE_NONE without sessions. */
int32_t lms_course_first_date(const struct lms_course *c);
int32_t lms_course_last_date(const struct lms_course *c);
/*
 * The session that SESSION names on a command line: a number counting in
 * date order from 1, or a date as people type it (lms_date_parse_input).
 * *index is its place in c->sessions and *number its number in date order.
 */
int lms_course_find_session(const struct lms_course *c, const char *arg,
			    size_t *index, size_t *number);
/* True if the course has a session on date. */
bool lms_course_has_session(const struct lms_course *c, int32_t date);
/* True if the course lists the form id in forms. */
bool lms_course_lists_form(const struct lms_course *c, const char *form);
/* How many sessions took place up to and including day. */
size_t lms_course_sessions_held(const struct lms_course *c, int32_t day);

/* The place of session i: its own, else the course's, else "". */
const char *lms_session_place(const struct lms_course *c, size_t i);

/*
 * Who leads a session, one at a time: the k-th id, or NULL after the
 * last.  Those recorded as leading it (led_by); without led_by, the
 * course's facilitators who deliver it or whose phases are not given.
 */
const char *lms_session_leader(const struct lms_course *c,
			       const struct lms_session *s, size_t k);

struct lms_facilitator;

/* Whether id is one of c's facilitators (its facilitators: list). */
bool lms_course_has_facilitator(const struct lms_course *c, const char *id);
/*
 * What facilitator id is on course c: LMS_PROFESSIONAL or
 * LMS_USER_REPRESENTATIVE (facilitator.h).  The role: the course's
 * facilitators: entry gives for the id wins; without one (or for an id
 * not among them, such as one who only leads a session), the kind of
 * registry_entry, the id's entry in people/facilitators.yaml or NULL.
 * 0 when neither tells.  Someone can be a user representative on one
 * course and staff on another.
 */
int lms_course_facilitator_kind(const struct lms_course *c,
				const struct lms_facilitator *registry_entry,
				const char *id);

#endif
