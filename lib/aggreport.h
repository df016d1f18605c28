#ifndef LMS_AGGREPORT_H
#define LMS_AGGREPORT_H

#include <stddef.h>

#include "aggregate.h"
#include "doc.h"

/*
 * The aggregate report as a document: what it covers, the table with its
 * small counts hidden, what the marks mean, and (for HTML) charts drawn
 * from the same hidden table, so that a chart never shows what the table
 * hides.
 */
struct lms_agg_about {
	const char *const *services;	/* the names of the trees' services */
	size_t nservices;
	long min_cell;
	size_t max_bars;		/* groups in a chart; more are left out */
};

void lms_agg_report(const struct lms_agg *a, const struct lms_agg_about *about,
		    struct lms_doc *out);

#endif
