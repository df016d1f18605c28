#ifndef LMS_SCORE_H
#define LMS_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "evaluation.h"
#include "form.h"
#include "stats.h"

/*
 * Scoring responses and summarising a course's evaluation by form.
 *
 * A response's score is the mean (or, for score: sum, the sum) of its
 * scale items, reversed items flipped (max + min - answer).  At least 80 %
 * of the scale items must be answered, otherwise the score is missing; a
 * sum over fewer than all items is scaled up to all of them.  Higher is
 * better.  A person's pre and post scores pair up: the first pre response
 * with the last post response.
 */

#define LMS_SCORE_MIN_SHARE 0.8

bool lms_score(const struct lms_form *f, const struct lms_evaluation *e,
	       double *out);

struct lms_item_summary {
	const struct lms_form_item *item;
	struct lms_describe pre, post;	/* raw answers, as asked */
};

struct lms_session_summary {
	int32_t date;
	size_t responses;		/* scored or not */
	struct lms_describe score;	/* of those with a score */
};

struct lms_comment {
	int phase;
	int32_t session;
	const char *item;
	const char *text;
};

struct lms_form_summary {
	const struct lms_form *form;
	struct lms_describe pre, post;		/* scores of all responses */
	size_t missing_pre, missing_post;	/* responses without a score */
	size_t anonymous;			/* pre or post, never paired */
	struct lms_paired change;		/* post - pre, person by person */
	/* Months after (phase followup): as post, paired with pre. */
	struct lms_describe followup;
	size_t missing_followup;
	struct lms_paired change_followup;	/* followup - pre */
	struct lms_item_summary *items;		/* scale items, in form order */
	size_t nitems;
	struct lms_session_summary *sessions;	/* phase session, by date */
	size_t nsessions;
	struct lms_comment *comments;		/* text answers, in file order */
	size_t ncomments;
};

/* Summarises the responses to form f (evaluations of other forms are
 * skipped).  The summary points into f and ev. */
void lms_summarise(const struct lms_form *f, const struct lms_evaluations *ev,
		   struct lms_form_summary *out);
void lms_summary_release(struct lms_form_summary *s);

/* The scores of matched pairs, for callers that pool them across courses;
 * people (which may be NULL) gets whose pair each is. */
size_t lms_pairs(const struct lms_form *f, const struct lms_evaluations *ev,
		 double **before, double **after, const char ***people);
/* The same for pre and a later phase (LMS_POST or LMS_FOLLOWUP), whose
 * last response counts. */
size_t lms_pairs_with(const struct lms_form *f,
		      const struct lms_evaluations *ev, int later,
		      double **before, double **after, const char ***people);

#endif
