#ifndef LMS_AGGPARTS_H
#define LMS_AGGPARTS_H

#include <pthread.h>
#include <stdbool.h>

#include "aggregate.h"
#include "error.h"
#include "facilitator.h"
#include "form.h"
#include "offer.h"
#include "strset.h"
#include "tree.h"

/*
 * The parts of a tree that each course's contribution to a report is made
 * with, besides the course's own files: its facilitators, its offers, its
 * form, and by age band the register's birth years; and the fingerprint
 * of the index's records made with them (lms_agg_fingerprint).  They are
 * read on a thread beside, on its own copy of the tree, while the calling
 * thread opens the index: read first, they were a twentieth of a warm
 * report of 53,500 courses.
 */
struct lms_agg_parts {
	struct lms_agg_course in;	/* all but the course's own files */
	unsigned char fp[32];		/* of the records made with them */
	bool have_form;
	/* The reading's own. */
	struct lms_agg *a;
	struct lms_tree tree;		/* the thread's copy */
	pthread_t thread;
	bool beside, waited;
	struct lms_facilitator *facilitators;
	struct lms_offers offers;
	struct lms_strset index, years;
	struct lms_form form;
	int err;
	struct lms_error error;		/* the thread's, if err */
};

/* Starts reading the parts of tree t for report a, which is the
 * reading's until lms_agg_parts_wait (it notes the form and offers). */
void lms_agg_parts_start(struct lms_agg_parts *p, struct lms_agg *a,
			 struct lms_tree *t);
/* Waits for them: 0, or the error of reading them, told on the calling
 * thread (lms_last_error). */
int lms_agg_parts_wait(struct lms_agg_parts *p);
/* Waits for them if need be, and frees them. */
void lms_agg_parts_release(struct lms_agg_parts *p);

#endif
