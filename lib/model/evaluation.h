#ifndef LMS_EVALUATION_H
#define LMS_EVALUATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schema.h"

/* followup: answered some months after the course (lms followup --due). */
enum lms_phase { LMS_PRE = 1, LMS_POST, LMS_SESSION, LMS_FOLLOWUP };
extern const char *const lms_eval_phase_names[];

/* One answer: a number on the form's scale, or text. */
struct lms_answer {
	char *item;
	bool is_text;
	int value;		/* when a number */
	char *text;		/* when text */
};

struct lms_answers {
	struct lms_answer *v;
	size_t n;
};

/* One response to a form: courses/<id>/evaluations.yaml. */
struct lms_evaluation {
	struct lms_mark mark;
	char *form;
	int phase;
	int32_t session;	/* the session's date, phase session only */
	char *person;		/* NULL: an anonymous response, never paired */
	int32_t date;
	struct lms_answers answers;
	char *digest;		/* of the sheet's row it came from, or NULL */
	struct lms_extras extras;
};

struct lms_evaluations {
	struct lms_evaluation *v;
	size_t n;
};

extern const struct lms_schema lms_evaluation_schema;

int lms_evaluations_load(struct lms_evaluations *out, const char *path,
			 const char *text, size_t len);
void lms_evaluations_release(struct lms_evaluations *e);
void lms_evaluations_emit(struct lms_buf *out, const struct lms_evaluations *e);
/*
 * The facilitators' own responses to their form (a user representative's
 * experience of a phase of the course): courses/<id>/facilitator-
 * evaluations.yaml, kept apart from the participants' so that they are
 * never counted with them.  The same records, with phase the course's
 * phase (plan, deliver or evaluate: its index in lms_phase_names), and
 * never a person, nor a session: no response names who gave it.
 */
extern const struct lms_schema lms_facilitator_evaluation_schema;
int lms_facilitator_evaluations_load(struct lms_evaluations *out,
				     const char *path, const char *text,
				     size_t len);
void lms_facilitator_evaluations_emit(struct lms_buf *out,
				      const struct lms_evaluations *e);

const struct lms_answer *lms_answer_find(const struct lms_evaluation *e,
					 const char *item);
/* Adds an answer (the response owns copies of item and text). */
void lms_answer_add(struct lms_evaluation *e, const char *item, int value,
		    const char *text);

#endif
