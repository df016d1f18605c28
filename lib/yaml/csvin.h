#ifndef LMS_CSVIN_H
#define LMS_CSVIN_H

#include <stddef.h>

/*
 * A CSV file as spreadsheets and survey tools write it: ',' or ';'
 * between fields (whichever the header line uses), an optional UTF-8
 * byte-order mark, CRLF or LF, quoted fields that hold delimiters, quotes
 * and line breaks.  The first row is the header.
 */
struct lms_csv_row {
	unsigned line;		/* where the row starts in the file, 1-based */
	char **cells;		/* as many as the header has columns */
};

struct lms_csv {
	char **header;
	size_t ncols;
	struct lms_csv_row *rows;
	size_t nrows;
	char delimiter;
};

/* Parses text (named path in messages); refuses ragged or broken rows
 * with LMS_EDATA naming the line. */
int lms_csv_parse(struct lms_csv *out, const char *path, const char *text,
		  size_t len);
void lms_csv_release(struct lms_csv *c);
/* The column whose header is name (ignoring case and spaces), or -1. */
int lms_csv_column(const struct lms_csv *c, const char *name);

#endif
