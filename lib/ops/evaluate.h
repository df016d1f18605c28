#ifndef LMS_EVALUATE_H
#define LMS_EVALUATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opsio.h"
#include "survey.h"

/*
 * Recording responses to an evaluation form (lms evaluate): one given as
 * ITEM=VALUE answers, or a survey's sheet imported (a CSV file).
 *
 * The rules, all decided before anything is written:
 * - the course lists the form (lms_respond_form_used); the phase session
 *   names one of its sessions (lms_course_find_session); a person named
 *   is in the register (LMS_ENOENT);
 * - answers are ITEM=VALUE, each item once (LMS_EUSAGE); ITEM= leaves an
 *   item of the form unanswered; a value is read as lms_answer_read says;
 * - a sheet's columns are matched to items as lms_survey_columns says;
 *   a cell's spaces around it are not part of its answer; a row without
 *   an answer is no response; its person is an id of someone on the
 *   course as people type it (lms_survey_person), its date that of its
 *   timestamp if it has one;
 * - a row imported before (the same digest, see survey.h) is counted and
 *   left as it was; one imported before for another phase or session is
 *   refused (LMS_EREFUSED): a sheet answers one of them;
 * - a sheet with no answer at all is refused (LMS_EDATA);
 * - every response meets lms_respond_check against those before it;
 * - a text answer goes to a file that goes to git: screen refuses the
 *   personal data in it, or, with redact, returns it replaced.
 * Errors about a sheet name its path and the line its row starts on.
 *
 * One file is written, evaluations.yaml, with the new responses at its
 * end; a sheet whose every row was imported before writes nothing.
 */

/*
 * Screens text for personal data.  at_path and line place it in an input
 * file (at_path NULL for the command line), what says where in it
 * ("column 'X'", the item).  Without redacted, returns an error for data
 * found; with it, sets *redacted to a copy with the data replaced (the
 * caller's, freed with free), or to NULL when there was none.
 */
typedef int lms_screen_fn(const char *at_path, unsigned line,
			  const char *what, const char *text, char **redacted,
			  void *arg);

struct lms_evaluate_request {
	const char *course;
	const char *form;
	int phase;			/* enum lms_phase */
	const char *session;		/* the phase session's: number or date */
	const char *person;		/* who answered, or NULL (anonymous) */
	int32_t date;			/* of the responses without a timestamp */
	char *const *answers;		/* ITEM=VALUE */
	size_t nanswers;
	const char *csv;		/* the path of a sheet to import, read
					 * here (it is outside the tree), or
					 * NULL */
	char *const *maps;		/* COLUMN=ITEM, for the sheet */
	size_t nmaps;
	bool redact;
	lms_screen_fn *screen;
	lms_left_out_fn *left_out;	/* a sheet's column that holds no item */
	void *arg;			/* of screen and left_out */
};

struct lms_evaluate_result {
	size_t named, anonymous;	/* new responses */
	size_t again;			/* a sheet's rows imported before */
};

int lms_ops_evaluate(const struct lms_ops_io *io,
		     const struct lms_evaluate_request *req,
		     struct lms_evaluate_result *out);

/*
 * A facilitator's own response to their form (lms evaluate --facilitator):
 * a user representative of the course (in the registry; see
 * lms-files(5)) about one phase of it, plan, deliver or evaluate
 * (req->phase, an index of lms_phase_names).  The rules of the answers
 * are those above; the form need not be one the course lists.  The
 * response goes to facilitator-evaluations.yaml, apart from the
 * participants', and names neither the facilitator nor anyone: who it
 * is is checked, and forgotten.  One file is written.
 */
struct lms_evaluate_facilitator {
	const char *course;
	const char *facilitator;
	const char *form;
	int phase;			/* index of lms_phase_names */
	int32_t date;
	char *const *answers;		/* ITEM=VALUE */
	size_t nanswers;
	bool redact;
	lms_screen_fn *screen;
	void *arg;			/* of screen */
};

int lms_ops_evaluate_facilitator(const struct lms_ops_io *io,
				 const struct lms_evaluate_facilitator *req);

#endif
