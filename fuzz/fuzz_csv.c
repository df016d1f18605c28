#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvin.h"
#include "common.h"

/* Every cell quoted, so that the text says exactly what the cells hold. */
static void write_row(struct lms_buf *out, char *const *cells, size_t n,
		      char delimiter)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			lms_buf_addch(out, delimiter);
		lms_buf_addch(out, '"');
		for (const char *s = cells[i]; *s; s++) {
			if (*s == '"')
				lms_buf_addch(out, '"');
			lms_buf_addch(out, *s);
		}
		lms_buf_addch(out, '"');
	}
	lms_buf_addch(out, '\n');
}

/*
 * A line break in a cell reads as LF, so a cell that holds a CR before
 * one (a lone CR, then CRLF) holds CRLF, which reads as LF next time:
 * that much is as it should be.
 */
static bool same_cell(const char *a, const char *b)
{
	for (; *a; a++) {
		if (a[0] == '\r' && a[1] == '\n')
			a++;
		if (*a != *b++)
			return false;
	}
	return !*b;
}

static void same_cells(char *const *a, char *const *b, size_t n, unsigned line)
{
	for (size_t i = 0; i < n; i++) {
		if (same_cell(a[i], b[i]))
			continue;
		fuzz_show("cell", a[i], strlen(a[i]));
		fuzz_show("read back", b[i], strlen(b[i]));
		fuzz_fail("row at line %u, cell %zu reads back changed", line,
			  i + 1);
	}
}

/*
 * The sheets of enrol --csv and evaluate --csv.  What the parser reads,
 * written again as CSV, reads back the same: no cell is lost or changed
 * on the way.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "sheet.csv";
	char *text = fuzz_text(data, size);
	struct lms_buf again = LMS_BUF_INIT;
	struct lms_csv csv, csv2;
	unsigned last = 1;
	int err = lms_csv_parse(&csv, path, text, size);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
		free(text);
		return 0;
	}
	if (csv.delimiter != ',' && csv.delimiter != ';')
		fuzz_fail("delimiter '%c'", csv.delimiter);
	for (size_t r = 0; r < csv.nrows; r++) {
		if (csv.rows[r].line <= last)
			fuzz_fail("row %zu at line %u, after line %u", r + 1,
				  csv.rows[r].line, last);
		last = csv.rows[r].line;
	}
	for (size_t i = 0; i < csv.ncols; i++)
		if (lms_csv_column(&csv, csv.header[i]) > (int)i)
			fuzz_fail("column %zu not found by its header", i + 1);
	write_row(&again, csv.header, csv.ncols, csv.delimiter);
	for (size_t r = 0; r < csv.nrows; r++)
		write_row(&again, csv.rows[r].cells, csv.ncols, csv.delimiter);
	if (lms_csv_parse(&csv2, path, again.buf, again.len))
		fuzz_fail("the sheet written again does not read");
	if (csv2.ncols != csv.ncols || csv2.nrows != csv.nrows)
		fuzz_fail("%zu columns and %zu rows read back as %zu and %zu",
			  csv.ncols, csv.nrows, csv2.ncols, csv2.nrows);
	same_cells(csv.header, csv2.header, csv.ncols, 1);
	for (size_t r = 0; r < csv.nrows; r++)
		same_cells(csv.rows[r].cells, csv2.rows[r].cells, csv.ncols,
			   csv.rows[r].line);
	lms_csv_release(&csv);
	lms_csv_release(&csv2);
	lms_buf_release(&again);
	free(text);
	return 0;
}
