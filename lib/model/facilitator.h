#ifndef LMS_FACILITATOR_H
#define LMS_FACILITATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "money.h"
#include "schema.h"

enum lms_facilitator_kind { LMS_PROFESSIONAL = 1, LMS_USER_REPRESENTATIVE };
extern const char *const lms_kind_names[];

/* available: true, false, or a [from, to] range of dates. */
struct lms_availability {
	enum { LMS_AVAIL_UNSET, LMS_AVAIL_ALWAYS, LMS_AVAIL_NEVER,
	       LMS_AVAIL_RANGE } mode;
	int32_t from, to;
};

/* One entry of people/facilitators.yaml. */
struct lms_facilitator {
	struct lms_mark mark;
	char *id;
	char *name;
	int kind;
	char *profession;		/* nurse, psychologist, ... */
	char *organisation;
	char **topics;
	size_t ntopics;
	char **trained;
	size_t ntrained;
	struct lms_availability available;
	char *email;
	char *phone;
	int fee;			/* bool: false for one paid otherwise */
	struct lms_amount travel;	/* overrides the service's rate */
	struct lms_extras extras;
};

extern const struct lms_schema lms_facilitator_schema;

int lms_facilitators_load(struct lms_facilitator **out, size_t *n,
			  const char *path, const char *text, size_t len,
			  struct lms_diags *diags);
void lms_facilitators_free(struct lms_facilitator *v, size_t n);
const struct lms_facilitator *lms_facilitator_find(
	const struct lms_facilitator *v, size_t n, const char *id);
/*
 * Who may lead a course or a session: a facilitator the service knows
 * (people/facilitators.yaml, all).  0 if id is one of all; else
 * LMS_ENOENT, "no such facilitator: 'ID'", after the key path that names
 * id when session (from 1) leads it in a course.yaml, or with how to add
 * one when it was given on the command line (session 0).
 */
int lms_facilitator_check(const struct lms_facilitator *all, size_t nall,
			  const char *id, size_t session);
/* True when w is one of the n words of v (topics, trained) to someone
 * who searches for it: whatever its case and accents (lms_collate_same). */
bool lms_facilitator_word_in(char *const *v, size_t n, const char *w);
/* Available on date; unset availability counts as available. */
bool lms_facilitator_available_on(const struct lms_facilitator *f,
				  int32_t date);

/*
 * available as people type it: true, false, or FROM:TO, two dates as
 * lms_date_parse_input reads them (2026-08-01:2026-12-31,
 * 1.8.2026:31.12.2026), TO not before FROM.  False if s is none of them.
 */
bool lms_availability_parse_input(const char *s, struct lms_availability *out);
/* Appends a as the file keeps it: true, false or [FROM, TO]. */
void lms_availability_format(struct lms_buf *out,
			     const struct lms_availability *a);
/* Appends the value of key of f as the file writes it, for messages such
 * as "phone: none -> \"12345678\""; nothing if f has none. */
void lms_facilitator_describe(struct lms_buf *out,
			      const struct lms_facilitator *f, const char *key);

/*
 * Appends f to text, the whole of people/facilitators.yaml (at path, for
 * messages), as a new entry at the end: the file is written by hand too,
 * so the rest of it stays as it was, comments and all.  The result must
 * load; when it does not, the error says why and text is not to be saved.
 */
int lms_facilitator_append(struct lms_buf *text, const char *path,
			   const struct lms_facilitator *f);

#endif
