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

/* Hands each piece of a table, in order, to each(piece, arg). */
typedef void lms_doc_pieces_fn(const void *source, lms_table_piece_fn *each,
			       void *arg);

struct lms_block {
	enum lms_block_type type;
	char *key;			/* a name for YAML and CSV */
	char *text;			/* TEXT */
	struct lms_table table;		/* FACTS (two columns) and TABLE */
	struct lms_chart chart;		/* CHART, titled by text */
	/* A TABLE made as it is rendered, not held: pieces(source, ...)
	 * when pieces is not NULL (lms_doc_table_pieces). */
	lms_doc_pieces_fn *pieces;
	void *source;
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
/*
 * Adds a table too long to hold (a report by course of 53,500 rows),
 * made a piece at a time each time the document is rendered, by
 * pieces(source, ...) with a copy of the size bytes at source: what it
 * reads must outlive the document.  Every format renders it as it would
 * the whole table; text, which aligns its columns, asks for it twice.
 */
void lms_doc_table_pieces(struct lms_doc *d, const char *key,
			  lms_doc_pieces_fn *pieces, const void *source,
			  size_t size);
/* The pieces of table block b: the table itself, or as made. */
void lms_doc_block_pieces(const struct lms_block *b, lms_table_piece_fn *each,
			  void *arg);
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
/*
 * Where a document is rendered: out, which spill(arg), if not NULL, may
 * empty (write out) whenever it is called, between blocks and between
 * the pieces of a table, when out ends with a whole line: so that a long
 * document is not held whole.
 */
struct lms_doc_sink {
	struct lms_buf *out;
	void (*spill)(void *arg);
	void *arg;
};
void lms_doc_render_to(const struct lms_doc *d, enum lms_format f,
		       bool excel, const struct lms_doc_sink *to);
void lms_doc_spill(const struct lms_doc_sink *to);
/* Appends s with &, <, > and " escaped for HTML text and attributes. */
void lms_html_escape(struct lms_buf *out, const char *s);
/* One self-contained HTML page: inline styles and SVG, nothing fetched,
 * laid out to print on A4 (dochtml.c). */
void lms_doc_render_html(const struct lms_doc *d,
			 const struct lms_doc_sink *to);

#endif
