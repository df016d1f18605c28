#ifndef LMS_TABLE_H
#define LMS_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/*
 * A table of strings, the common shape of every listing and report, and
 * its renderings: aligned text for people, CSV and TSV for spreadsheets,
 * YAML for scripts, Markdown for documents.
 */
enum lms_format {
	LMS_FMT_TEXT = 1 << 0,
	LMS_FMT_CSV = 1 << 1,
	LMS_FMT_TSV = 1 << 2,
	LMS_FMT_YAML = 1 << 3,
	LMS_FMT_MD = 1 << 4,
	LMS_FMT_HTML = 1 << 5
};

#define LMS_FMT_LISTING (LMS_FMT_TEXT | LMS_FMT_CSV | LMS_FMT_TSV | LMS_FMT_YAML)
#define LMS_FMT_COUNT 6

/* Parses a format name among allowed; LMS_EUSAGE names the choices. */
int lms_format_parse(const char *name, unsigned allowed, enum lms_format *out);
/* The names of the formats allowed, in the order of their bits, into
 * names (room for LMS_FMT_COUNT and the NULL that ends them): for
 * messages that list them (lms_join). */
void lms_format_names(unsigned allowed, const char **names);

struct lms_table {
	char **cols;		/* column names: keys in YAML, headers elsewhere */
	size_t ncols;
	unsigned numeric;	/* bit i: column i is right-aligned in text */
	unsigned links;		/* bit i: column i names files to link to */
	bool total_row;		/* the last row sums up the others */
	/* The cells, row-major, ncols per row: each where cells[i] says in
	 * text, ending in a NUL.  One buffer rather than a string each, which
	 * for a report of many rows was most of its memory. */
	struct lms_buf text;
	size_t *cells;
	size_t nrows;
	size_t ncells;
	size_t cells_cap;	/* room in cells */
};

void lms_table_init(struct lms_table *t, const char *const *cols);
void lms_table_release(struct lms_table *t);
void lms_table_set_numeric(struct lms_table *t, size_t col);
/* The cells of column col are relative file names, which HTML and
 * Markdown make into links. */
void lms_table_set_links(struct lms_table *t, size_t col);
/*
 * Makes room at once for nrows more rows and text more bytes of their
 * cells, when they are known: a table grown a row at a time is moved in
 * memory each time it doubles, and reading it back from where it was
 * moved to cost a list of 53,500 courses 20 ms.
 */
void lms_table_reserve(struct lms_table *t, size_t nrows, size_t text);
/* Starts a row; then lms_table_cell once per column. */
/* Puts the rows in the order given: order[i] is the row that goes i-th,
 * each row once; every row has its ncols cells. */
void lms_table_order(struct lms_table *t, const size_t *order);
void lms_table_row(struct lms_table *t);
void lms_table_cell(struct lms_table *t, const char *value);
void lms_table_cellf(struct lms_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *lms_table_get(const struct lms_table *t, size_t row, size_t col);

/* Text cuts a cell wider than this many columns (CSV and the rest give
 * it whole). */
#define LMS_TABLE_TEXT_MAX 80

/*
 * Renders the table.  excel, for CSV, writes what a Norwegian Excel opens
 * right: ';' between fields, a decimal comma in the numbers of numeric
 * columns, CRLF and a UTF-8 byte-order mark.
 *
 * Every format shows control characters visibly (lms_utf8_add_shown).
 * CSV and TSV give a cell that a spreadsheet would take for a formula (it
 * begins with = + - @, a tab or a CR and is not a number) a leading
 * apostrophe, which makes it text.  Markdown escapes what would make
 * markup (lms_table_md_escape).
 */
void lms_table_render(const struct lms_table *t, enum lms_format f,
		      bool excel, struct lms_buf *out);

/*
 * For a table too long to hold (lms export, a report by course): CSV,
 * TSV or Markdown rendered in pieces, lms_table_render of the table
 * without rows first, then, as rows come, lms_table_render_rows and
 * lms_table_clear_rows; the pieces together are what lms_table_render
 * of the whole would give.  YAML's rows alone are its list less the []
 * of a table with none, which its caller says if no piece had a row.
 */
void lms_table_render_rows(const struct lms_table *t, enum lms_format f,
			   bool excel, struct lms_buf *out);
void lms_table_clear_rows(struct lms_table *t);
/* Takes each piece of a table made in pieces, in order: the first
 * brings the header, as above (with rows of its own or none). */
typedef void lms_table_piece_fn(const struct lms_table *piece, void *arg);

/*
 * Aligned text in pieces, for a table too long to hold: the widths of
 * every piece first (lms_table_text_widths takes the larger of width[c],
 * ncols of them, zero to begin with, and what the header and rows need),
 * then the pieces again, each rendered with the widths of all, the first
 * with its header: together, what lms_table_render gives of the whole.
 */
void lms_table_text_widths(const struct lms_table *t, size_t *width);
void lms_table_render_text_rows(const struct lms_table *t,
				const size_t *width, bool header,
				struct lms_buf *out);

/*
 * Appends s as Markdown text that reads as s and nothing more: on one
 * line, with < > & as entities, and a backslash before what would begin
 * emphasis, code, a link, a heading or a table cell (\ ` * _ [ ] # | ~ $
 * ^), or at line_start a list or a rule.
 */
void lms_table_md_escape(struct lms_buf *out, const char *s, bool line_start);

#endif
