#ifndef LMS_AGGREPORT_H
#define LMS_AGGREPORT_H

#include <stddef.h>

#include "aggregate.h"
#include "doc.h"
#include "i18n.h"

/*
 * The aggregate report as a document: what it covers, the table with its
 * figures (shared or exact), how small numbers are protected, and (for
 * HTML) charts drawn from the same table, so that a chart never shows
 * more than the table.
 */
struct lms_agg_about {
	const char *const *services;	/* the names of the trees' services */
	size_t nservices;
	bool marks;			/* ≈ in the table: for people */
	size_t max_bars;		/* groups in a chart; more are left out */
};

/* The heading of every report that is not for sharing (translate it
 * where it is used). */
#define LMS_INTERNAL_NOTICE N_("Internal: exact figures, not for sharing")

/* The report of a as a document, whose tables of every row are made of
 * a's rows as it is rendered (lms_doc_table_pieces): render it before
 * a is released. */
void lms_agg_report(const struct lms_agg *a, const struct lms_agg_about *about,
		    struct lms_doc *out);

/* The shared report of one course: its row of a report by course; false,
 * and no document, if the report has no such row (a cancelled course). */
bool lms_agg_report_one(const struct lms_agg *a, const char *key,
			const char *title, const struct lms_agg_about *about,
			struct lms_doc *out);

#endif
