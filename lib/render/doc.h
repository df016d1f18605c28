#ifndef LMS_DOC_H
#define LMS_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "table.h"

/*
 * A report as a document: a title and sections, each a sequence of
 * blocks (a paragraph, a list of facts, a table).  Reports build one, and
 * one renderer per format writes it, so that every report speaks every
 * format the same way.
 */
enum lms_block_type { LMS_BLOCK_TEXT, LMS_BLOCK_FACTS, LMS_BLOCK_TABLE,
		      LMS_BLOCK_CHART };

/* A horizontal bar chart of one or two series over labelled groups;
 * only HTML draws it (the table holds the same figures). */
struct lms_chart_bar {
	char *label;
	double value[2];		/* NAN: no figure, said so */
	bool approx[2];			/* rounded to protect small groups */
};

struct lms_chart {
	char *unit;			/* "%", "people" */
	char *series[2];		/* names; series[1] NULL for one */
	struct lms_chart_bar *bars;
	size_t n;
};

struct lms_block {
	enum lms_block_type type;
	char *key;			/* a name for YAML and CSV */
	char *text;			/* TEXT */
	struct lms_table table;		/* FACTS (two columns) and TABLE */
	struct lms_chart chart;		/* CHART, titled by text */
};

struct lms_section {
	char *title;
	char *key;
	struct lms_block *blocks;
	size_t nblocks;
};

struct lms_doc {
	char *title;
	char *notice;			/* NULL, or said at the head */
	bool wide;			/* tables too wide for portrait A4 */
	struct lms_section *sections;
	size_t nsections;
};

void lms_doc_init(struct lms_doc *d, const char *title);
void lms_doc_release(struct lms_doc *d);
/* A notice every format shows at the head of the document (and HTML on
 * every printed page), such as that its figures are not for sharing. */
void lms_doc_notice(struct lms_doc *d, const char *text);
/* The notice as CSV shows it: a line "# " and the text, its first
 * letter in lower case, ended by eol. */
void lms_doc_csv_notice(const char *notice, const char *eol,
			struct lms_buf *out);
/* Starts a section; blocks added next belong to it.  key names it in
 * YAML and CSV ("attendance"). */
void lms_doc_section(struct lms_doc *d, const char *key, const char *title);
void lms_doc_text(struct lms_doc *d, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A list of facts: then lms_doc_fact for each. */
void lms_doc_facts(struct lms_doc *d, const char *key);
void lms_doc_fact(struct lms_doc *d, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A table with these columns; fill it through the returned table. */
struct lms_table *lms_doc_table(struct lms_doc *d, const char *key,
				const char *const *cols);

/* Adds a table made elsewhere; the document takes it over (t is left
 * empty). */
void lms_doc_add_table(struct lms_doc *d, const char *key, struct lms_table *t);
/* A chart titled title; fill it with lms_chart_add. */
struct lms_chart *lms_doc_chart(struct lms_doc *d, const char *key,
				const char *title, const char *unit,
				const char *first, const char *second);
void lms_chart_add(struct lms_chart *c, const char *label, double first,
		   double second);
/* As lms_chart_add, with each value marked if it is rounded (drawn and
 * labelled as such, "≈15"). */
void lms_chart_add_approx(struct lms_chart *c, const char *label,
			  double first, double second, bool approx_first,
			  bool approx_second);

/* Renders text, md, yaml, csv (excel as in lms_table_render) or html. */
void lms_doc_render(const struct lms_doc *d, enum lms_format f, bool excel,
		    struct lms_buf *out);
/* Appends s with &, <, > and " escaped for HTML text and attributes. */
void lms_html_escape(struct lms_buf *out, const char *s);
/* One self-contained HTML page: inline styles and SVG, nothing fetched,
 * laid out to print on A4 (dochtml.c). */
void lms_doc_render_html(const struct lms_doc *d, struct lms_buf *out);

#endif
