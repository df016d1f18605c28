#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "emit.h"
#include "error.h"
#include "table.h"
#include "utf8.h"

static const char *const format_names[] = {
	"text", "csv", "tsv", "yaml", "md", "html"
};

int lms_format_parse(const char *name, unsigned allowed, enum lms_format *out)
{
	struct lms_buf list = LMS_BUF_INIT;
	int err;

	for (unsigned i = 0; i < sizeof(format_names) / sizeof(*format_names); i++) {
		if (!(allowed & (1u << i)))
			continue;
		if (!strcmp(name, format_names[i])) {
			*out = (enum lms_format)(1u << i);
			lms_buf_release(&list);
			return 0;
		}
		lms_buf_addf(&list, "%s%s", list.len ? ", " : "", format_names[i]);
	}
	err = lms_error(LMS_EUSAGE, "unknown format '%s': use %s", name, list.buf);
	lms_buf_release(&list);
	return err;
}

void lms_table_init(struct lms_table *t, const char *const *cols)
{
	memset(t, 0, sizeof(*t));
	for (; *cols; cols++)
		*(char **)lms_array_push(&t->cols, &t->ncols, sizeof(char *)) =
			lms_strdup(*cols);
}

void lms_table_release(struct lms_table *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cols);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

void lms_table_set_numeric(struct lms_table *t, size_t col)
{
	t->numeric |= 1u << col;
}

void lms_table_set_links(struct lms_table *t, size_t col)
{
	t->links |= 1u << col;
}

void lms_table_row(struct lms_table *t)
{
	t->nrows++;
}

void lms_table_cell(struct lms_table *t, const char *value)
{
	*(char **)lms_array_push(&t->cells, &t->ncells, sizeof(char *)) =
		lms_strdup(value ? value : "");
}

void lms_table_cellf(struct lms_table *t, const char *fmt, ...)
{
	struct lms_buf b = LMS_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lms_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	*(char **)lms_array_push(&t->cells, &t->ncells, sizeof(char *)) =
		lms_buf_detach(&b);
}

const char *lms_table_get(const struct lms_table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;

	return i < t->ncells ? t->cells[i] : "";
}

static void pad(struct lms_buf *out, size_t n)
{
	while (n--)
		lms_buf_addch(out, ' ');
}

/* Text in one line: newlines and tabs would break the columns. */
static void add_flat(struct lms_buf *out, const char *s)
{
	for (; *s; s++)
		lms_buf_addch(out, *s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s);
}

static void render_text(const struct lms_table *t, struct lms_buf *out)
{
	size_t *width = lms_calloc(t->ncols, sizeof(*width));

	for (size_t c = 0; c < t->ncols; c++) {
		width[c] = lms_utf8_width(t->cols[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t w = lms_utf8_width(lms_table_get(t, r, c));

			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		size_t start = out->len;

		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = r ? lms_table_get(t, r - 1, c) : t->cols[c];
			size_t w = lms_utf8_width(cell);
			bool right = (t->numeric >> c) & 1;

			if (c)
				lms_buf_adds(out, "  ");
			if (right)
				pad(out, width[c] - w);
			if (r) {
				add_flat(out, cell);
			} else {
				for (const char *p = cell; *p; p++)
					lms_buf_addch(out, *p >= 'a' && *p <= 'z' ?
						      *p - 'a' + 'A' : *p);
			}
			if (!right && c + 1 < t->ncols)
				pad(out, width[c] - w);
		}
		while (out->len > start && out->buf[out->len - 1] == ' ')
			lms_buf_truncate(out, out->len - 1);
		lms_buf_addch(out, '\n');
	}
	free(width);
}

static void csv_field(struct lms_buf *out, const char *s, char delim)
{
	if (!strchr(s, delim) && !strpbrk(s, "\"\r\n") &&
	    s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
		lms_buf_adds(out, s);
		return;
	}
	lms_buf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			lms_buf_addch(out, '"');
		lms_buf_addch(out, *s);
	}
	lms_buf_addch(out, '"');
}

static void render_csv(const struct lms_table *t, struct lms_buf *out,
		       char delim, const char *eol, bool quoted)
{
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = r ? lms_table_get(t, r - 1, c) : t->cols[c];

			if (c)
				lms_buf_addch(out, delim);
			if (quoted)
				csv_field(out, cell, delim);
			else
				add_flat(out, cell);
		}
		lms_buf_adds(out, eol);
	}
}

/* A decimal number as YAML reads it: -12, 3.50, 0.001. */
static bool is_number(const char *s)
{
	size_t i = *s == '-', digits = strspn(s + i, "0123456789");

	if (!digits || (s[i] == '0' && digits > 1))
		return false;
	i += digits;
	if (s[i] == '.') {
		digits = strspn(s + i + 1, "0123456789");
		if (!digits)
			return false;
		i += 1 + digits;
	}
	return !s[i];
}

static void render_yaml(const struct lms_table *t, struct lms_buf *out)
{
	if (!t->nrows) {
		lms_buf_adds(out, "[]\n");
		return;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = lms_table_get(t, r, c);
			bool numeric = (t->numeric >> c) & 1;

			lms_buf_adds(out, c ? "  " : "- ");
			lms_buf_addf(out, "%s: ", t->cols[c]);
			/* "" and "-" are what cannot be computed. */
			if (numeric && (!*cell || !strcmp(cell, "-")))
				lms_buf_adds(out, "null");
			else if (numeric && is_number(cell))
				lms_buf_adds(out, cell);
			else
				lms_yaml_scalar(out, cell, 0);
			lms_buf_addch(out, '\n');
		}
	}
}

static void md_cell(struct lms_buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			lms_buf_addch(out, '\\');
		lms_buf_addch(out, *s == '\n' ? ' ' : *s);
	}
}

static void render_md(const struct lms_table *t, struct lms_buf *out)
{
	for (size_t r = 0; r <= t->nrows; r++) {
		lms_buf_adds(out, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = r ? lms_table_get(t, r - 1, c) :
					       t->cols[c];
			bool link = r && *cell && ((t->links >> c) & 1);

			lms_buf_adds(out, link ? " [" : " ");
			md_cell(out, cell);
			if (link) {
				lms_buf_adds(out, "](");
				md_cell(out, cell);
				lms_buf_addch(out, ')');
			}
			lms_buf_adds(out, " |");
		}
		lms_buf_addch(out, '\n');
		if (r == 0) {
			lms_buf_adds(out, "|");
			for (size_t c = 0; c < t->ncols; c++)
				lms_buf_adds(out, (t->numeric >> c) & 1 ?
					     " ---: |" : " --- |");
			lms_buf_addch(out, '\n');
		}
	}
}

void lms_table_render(const struct lms_table *t, enum lms_format f,
		      bool excel, struct lms_buf *out)
{
	switch (f) {
	case LMS_FMT_CSV:
		if (excel)
			lms_buf_adds(out, "\xef\xbb\xbf");
		render_csv(t, out, excel ? ';' : ',', excel ? "\r\n" : "\n", true);
		break;
	case LMS_FMT_TSV:
		render_csv(t, out, '\t', "\n", false);
		break;
	case LMS_FMT_YAML:
		render_yaml(t, out);
		break;
	case LMS_FMT_MD:
		render_md(t, out);
		break;
	default:
		render_text(t, out);
		break;
	}
}
