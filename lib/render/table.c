#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "join.h"
#include "table.h"
#include "utf8.h"

/* In the order of enum lms_format's bits. */
static const char *const format_names[] = {
	"text", "csv", "tsv", "yaml", "md", "html", NULL
};

void lms_format_names(unsigned allowed, const char **names)
{
	lms_flag_names(format_names, allowed, names, LMS_FMT_COUNT + 1);
}

int lms_format_parse(const char *name, unsigned allowed, enum lms_format *out)
{
	const char *names[LMS_FMT_COUNT + 1];
	struct lms_buf list = LMS_BUF_INIT;
	int err;

	for (unsigned i = 0; format_names[i]; i++) {
		if ((allowed & (1u << i)) && !strcmp(name, format_names[i])) {
			*out = (enum lms_format)(1u << i);
			return 0;
		}
	}
	lms_format_names(allowed, names);
	lms_join(&list, names, LMS_JOIN_COMMAS);
	err = lms_error(LMS_EUSAGE, _("unknown format '%s': use %s"), name,
			list.buf);
	lms_buf_release(&list);
	return err;
}

void lms_table_init(struct lms_table *t, const char *const *cols)
{
	memset(t, 0, sizeof(*t));
	lms_buf_init(&t->text);
	for (; *cols; cols++)
		*(char **)lms_array_push(&t->cols, &t->ncols, sizeof(char *)) =
			lms_strdup(*cols);
}

void lms_table_release(struct lms_table *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		lms_free(t->cols[i]);
	lms_free(t->cols);
	lms_free(t->cells);
	lms_buf_release(&t->text);
	memset(t, 0, sizeof(*t));
	lms_buf_init(&t->text);
}

void lms_table_set_numeric(struct lms_table *t, size_t col)
{
	t->numeric |= 1u << col;
}

void lms_table_set_links(struct lms_table *t, size_t col)
{
	t->links |= 1u << col;
}

void lms_table_reserve(struct lms_table *t, size_t nrows, size_t text)
{
	size_t cols = t->ncols ? t->ncols : 1;

	if (nrows > (SIZE_MAX - t->ncells) / cols)
		nrows = (SIZE_MAX - t->ncells) / cols;
	lms_array_room(&t->cells, &t->cells_cap, t->ncells + nrows * cols,
		       sizeof(*t->cells));
	lms_buf_grow(&t->text, text);
	/* Made to be filled: mapped at once (lms_prefault), as much as
	 * was asked for, not what doubling made beyond it. */
	lms_prefault(t->cells + t->ncells, nrows * cols * sizeof(*t->cells));
	lms_prefault(t->text.buf + t->text.len, text);
}

/* Where the text of row r begins: its first cell, or for a row past the
 * last the end of the text. */
static size_t row_text(const struct lms_table *t, size_t r)
{
	return r < t->nrows ? t->cells[r * t->ncols] : t->text.len;
}

/*
 * The text of each row lies after the text of the row before: the text
 * is moved with the cells, so that what reads the rows in order (every
 * rendering) reads the text in order, not from all over it.
 */
void lms_table_order(struct lms_table *t, const size_t *order)
{
	struct lms_buf text = LMS_BUF_INIT;
	size_t *cells = lms_malloc((t->ncells ? t->ncells : 1) *
				   sizeof(*cells));

	lms_buf_grow(&text, t->text.len);
	lms_prefault(text.buf, t->text.len);
	lms_prefault(cells, t->ncells * sizeof(*cells));
	for (size_t i = 0; i < t->nrows; i++) {
		size_t r = order[i], from = row_text(t, r);

		for (size_t c = 0; c < t->ncols; c++)
			cells[i * t->ncols + c] = t->cells[r * t->ncols + c] -
						  from + text.len;
		lms_buf_add(&text, t->text.buf + from,
			    row_text(t, r + 1) - from);
	}
	lms_free(t->cells);
	t->cells = cells;
	t->cells_cap = t->ncells ? t->ncells : 1;
	lms_buf_release(&t->text);
	t->text = text;
}

void lms_table_row(struct lms_table *t)
{
	t->nrows++;
}

/* Starts a cell at the end of the text; its value follows. */
static void cell_start(struct lms_table *t)
{
	lms_array_room(&t->cells, &t->cells_cap, t->ncells + 1,
		       sizeof(*t->cells));
	t->cells[t->ncells++] = t->text.len;
}

void lms_table_cell(struct lms_table *t, const char *value)
{
	cell_start(t);
	lms_buf_adds(&t->text, value ? value : "");
	lms_buf_add(&t->text, "", 1);
}

void lms_table_cellf(struct lms_table *t, const char *fmt, ...)
{
	va_list ap;

	cell_start(t);
	va_start(ap, fmt);
	lms_buf_vaddf(&t->text, fmt, ap);
	va_end(ap);
	lms_buf_add(&t->text, "", 1);
}

const char *lms_table_get(const struct lms_table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;

	return i < t->ncells ? t->text.buf + t->cells[i] : "";
}

static void pad(struct lms_buf *out, size_t n)
{
	if (!n)
		return;
	lms_buf_grow(out, n);
	memset(out->buf + out->len, ' ', n);
	out->len += n;
	out->buf[out->len] = '\0';
}

/* Capitals for a header: ASCII letters, and the small Latin-1 letters
 * (U+00E0 to U+00FE, but ÷) of Norwegian and its neighbours, æ, ø, å. */
static void upper(char *s)
{
	unsigned char *u = (unsigned char *)s;

	for (; *u; u++) {
		if (*u >= 'a' && *u <= 'z')
			*u = (unsigned char)(*u - 'a' + 'A');
		else if (u[0] == 0xc3 && u[1] >= 0xa0 && u[1] <= 0xbe &&
			 u[1] != 0xb7)
			*++u -= 0x20;
	}
}

/*
 * A cell as text shows it: on one line, controls made visible, and no
 * wider than LMS_TABLE_TEXT_MAX columns, so that no value can break the
 * layout or drive the terminal.
 */
/*
 * The columns of s if each of its characters is printable ASCII or one
 * of U+00C0 to U+00FF (Norwegian's æ, ø, å and their neighbours), each
 * a column and shown as it is, and they fit a cell; else SIZE_MAX.  *len
 * is its length.  Most cells, numbers, ids and names, take no more than
 * this: no widths of characters to ask.
 */
static size_t plain_width(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, cols = 0;

	for (int n; u[i]; cols++, i += (size_t)n) {
		/* The byte after a non-NUL one is there, NUL at least. */
		if (cols >= LMS_TABLE_TEXT_MAX ||
		    !(n = lms_utf8_plain(u + i, 2)))
			return SIZE_MAX;
	}
	*len = i;
	return cols;
}

static void text_cell(const char *s, bool header, struct lms_buf *b,
		      size_t *width)
{
	size_t len;

	lms_buf_reset(b);
	if ((*width = plain_width(s, &len)) != SIZE_MAX) {
		lms_buf_add(b, s, len);
		if (header)
			upper(b->buf);
		return;
	}
	len = strlen(s);
	*width = lms_utf8_width(s);
	/* Cut before showing, so that ^[ is never cut in two. */
	if (*width > LMS_TABLE_TEXT_MAX)
		len = lms_utf8_cut(s, LMS_TABLE_TEXT_MAX - 1);
	lms_utf8_add_shown(b, s, len, LMS_VIS_FLAT);
	if (len < strlen(s)) {
		lms_buf_adds(b, "\xe2\x80\xa6");	/* … */
		*width = lms_utf8_width(b->buf);
	}
	if (header)
		upper(b->buf);
}

/* A cell of a numeric column as people of the language read it
 * (lms_i18n_number), or as it is. */
static const char *local_number(const char *cell, struct lms_buf *tmp)
{
	lms_buf_reset(tmp);
	return lms_i18n_number(tmp, cell, false) ? tmp->buf : cell;
}

/*
 * Cell c of row r (0: the header) as text shows it, *len bytes and
 * *width columns: the cell itself when it is plain (plain_width), as
 * most are, else made in b.
 */
static const char *text_at(const struct lms_table *t, size_t r, size_t c,
			   struct lms_buf *number, struct lms_buf *b,
			   size_t *len, size_t *width)
{
	const char *cell = r ? lms_table_get(t, r - 1, c) : t->cols[c];

	if (r && ((t->numeric >> c) & 1))
		cell = local_number(cell, number);
	if (r && (*width = plain_width(cell, len)) != SIZE_MAX)
		return cell;
	text_cell(cell, !r, b, width);
	*len = b->len;
	return b->buf;
}

/* Each cell is made twice, for the widths and to write it, rather than
 * kept: a table of many rows would hold its text twice. */
void lms_table_text_widths(const struct lms_table *t, size_t *width)
{
	struct lms_buf number = LMS_BUF_INIT, shown = LMS_BUF_INIT;
	size_t len, cw;

	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			text_at(t, r, c, &number, &shown, &len, &cw);
			if (cw > width[c])
				width[c] = cw;
		}
	}
	lms_buf_release(&number);
	lms_buf_release(&shown);
}

void lms_table_render_text_rows(const struct lms_table *t,
				const size_t *width, bool header,
				struct lms_buf *out)
{
	struct lms_buf number = LMS_BUF_INIT, shown = LMS_BUF_INIT;
	size_t len, cw;

	for (size_t r = header ? 0 : 1; r <= t->nrows; r++) {
		size_t start = out->len;

		for (size_t c = 0; c < t->ncols; c++) {
			bool right = (t->numeric >> c) & 1;
			const char *s = text_at(t, r, c, &number, &shown,
						&len, &cw);

			if (c)
				lms_buf_add(out, "  ", 2);
			if (right)
				pad(out, width[c] - cw);
			lms_buf_add(out, s, len);
			if (!right && c + 1 < t->ncols)
				pad(out, width[c] - cw);
		}
		while (out->len > start && out->buf[out->len - 1] == ' ')
			lms_buf_truncate(out, out->len - 1);
		lms_buf_addch(out, '\n');
	}
	lms_buf_release(&number);
	lms_buf_release(&shown);
}

static void render_text(const struct lms_table *t, struct lms_buf *out)
{
	size_t *width = lms_calloc(t->ncols ? t->ncols : 1, sizeof(*width));
	size_t line = 1;

	lms_table_text_widths(t, width);
	/* Room for the lines at once, a byte a column (lms_table_reserve
	 * says why). */
	for (size_t c = 0; c < t->ncols; c++)
		line += width[c] + 2;
	if (t->nrows < SIZE_MAX / line - 1) {
		lms_buf_grow(out, line * (t->nrows + 1));
		lms_prefault(out->buf + out->len, line * (t->nrows + 1));
	}
	lms_table_render_text_rows(t, width, true, out);
	lms_free(width);
}

/*
 * A number as a spreadsheet reads it: -3, -0.5, 80%; with a decimal comma
 * (point ',') for --excel, where -0.5 is no number.
 */
static bool is_sheet_number(const char *s, char point)
{
	size_t i = *s == '-', digits = strspn(s + i, "0123456789");

	if (!digits)
		return false;
	i += digits;
	if (s[i] == point) {
		digits = strspn(s + i + 1, "0123456789");
		if (!digits)
			return false;
		i += 1 + digits;
	}
	return !s[i] || (s[i] == '%' && !s[i + 1]);
}

/*
 * A cell that begins with = + - @, a tab or a CR is a formula to a
 * spreadsheet (=HYPERLINK(...), -2+3+cmd|...), unless it is a number or
 * the lone "-" of a figure that cannot be computed.  It gets a leading
 * apostrophe, which makes it text (OWASP's advice against CSV injection).
 */
static bool is_formula(const char *s, char point)
{
	return *s && strchr("=+-@\t\r", *s) && strcmp(s, "-") &&
	       !is_sheet_number(s, point);
}

/* One field of CSV (quoted) or TSV, as a spreadsheet should read it;
 * point is the decimal mark it reads numbers with. */
static void sheet_field(struct lms_buf *out, const char *s, char delim,
			bool quoted, char point)
{
	struct lms_buf b = LMS_BUF_INIT;

	if (is_formula(s, point))
		lms_buf_addch(&b, '\'');
	lms_utf8_add_shown(&b, s, strlen(s), quoted ? LMS_VIS_LINES :
			   LMS_VIS_FLAT);
	if (!quoted || (!strchr(b.buf, delim) && !strpbrk(b.buf, "\"\r\n") &&
			b.buf[0] != ' ' && (!b.len || b.buf[b.len - 1] != ' '))) {
		lms_buf_add(out, b.buf, b.len);
		lms_buf_release(&b);
		return;
	}
	lms_buf_addch(out, '"');
	for (const char *p = b.buf; *p; p++) {
		if (*p == '"')
			lms_buf_addch(out, '"');
		lms_buf_addch(out, *p);
	}
	lms_buf_addch(out, '"');
	lms_buf_release(&b);
}

/*
 * With excel, the numbers of numeric columns get a decimal comma, as a
 * spreadsheet set up for Norwegian and R's read.csv2 read them.
 */
static void render_csv(const struct lms_table *t, struct lms_buf *out,
		       char delim, bool excel, bool quoted, bool header)
{
	struct lms_buf cell = LMS_BUF_INIT;

	for (size_t r = !header; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			lms_buf_reset(&cell);
			lms_buf_adds(&cell, r ? lms_table_get(t, r - 1, c) :
				     t->cols[c]);
			/* "<0.001", a p-value, is text, read as Norwegian
			 * writes it too. */
			if (excel && r && ((t->numeric >> c) & 1) &&
			    is_sheet_number(cell.buf + (*cell.buf == '<'),
					    '.') &&
			    strchr(cell.buf, '.'))
				*strchr(cell.buf, '.') = ',';
			if (c)
				lms_buf_addch(out, delim);
			sheet_field(out, cell.buf, delim, quoted,
				    excel ? ',' : '.');
		}
		lms_buf_adds(out, excel ? "\r\n" : "\n");
	}
	lms_buf_release(&cell);
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

/* The rows, each an item of a list: none for a table without rows. */
static void render_yaml_rows(const struct lms_table *t, struct lms_buf *out)
{
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

static void render_yaml(const struct lms_table *t, struct lms_buf *out)
{
	if (!t->nrows)
		lms_buf_adds(out, "[]\n");
	render_yaml_rows(t, out);
}

void lms_table_md_escape(struct lms_buf *out, const char *s, bool line_start)
{
	struct lms_buf b = LMS_BUF_INIT;
	const char *p;

	lms_utf8_add_shown(&b, s, strlen(s), LMS_VIS_FLAT);
	p = b.buf;
	if (line_start) {
		size_t digits;

		p += strspn(p, " ");
		digits = strspn(p, "0123456789");
		/* What would begin a list, a heading or a rule. */
		if (*p == '-' || *p == '+' || *p == '=') {
			lms_buf_addch(out, '\\');
		} else if (digits && (p[digits] == '.' || p[digits] == ')')) {
			lms_buf_add(out, p, digits);
			p += digits;
			lms_buf_addch(out, '\\');
		}
	}
	for (; *p; p++) {
		/* snake_case stays: an underscore between letters or digits
		 * cannot begin or end emphasis. */
		if (*p == '_' && p > b.buf && isalnum((unsigned char)p[-1]) &&
		    isalnum((unsigned char)p[1]))
			lms_buf_addch(out, '_');
		else if (*p == '<')
			lms_buf_adds(out, "&lt;");
		else if (*p == '>')
			lms_buf_adds(out, "&gt;");
		else if (*p == '&')
			lms_buf_adds(out, "&amp;");
		else if (strchr("\\`*_[]#|~$^", *p))
			lms_buf_addf(out, "\\%c", *p);
		else
			lms_buf_addch(out, *p);
	}
	lms_buf_release(&b);
}

/* A relative file name as a link target: what is not plainly safe in a
 * URL is percent-encoded. */
static void md_target(struct lms_buf *out, const char *s)
{
	for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
		if ((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') ||
		    (*u >= '0' && *u <= '9') || strchr("-._~/", *u))
			lms_buf_addch(out, *u);
		else
			lms_buf_addf(out, "%%%02X", *u);
	}
}

static void render_md(const struct lms_table *t, bool header,
		      struct lms_buf *out)
{
	struct lms_buf number = LMS_BUF_INIT;

	for (size_t r = !header; r <= t->nrows; r++) {
		lms_buf_adds(out, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = r ? lms_table_get(t, r - 1, c) :
					       t->cols[c];
			bool link = r && *cell && ((t->links >> c) & 1);

			if (r && ((t->numeric >> c) & 1))
				cell = local_number(cell, &number);

			lms_buf_adds(out, link ? " [" : " ");
			lms_table_md_escape(out, cell, false);
			if (link) {
				lms_buf_adds(out, "](");
				md_target(out, cell);
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
	lms_buf_release(&number);
}

void lms_table_render(const struct lms_table *t, enum lms_format f,
		      bool excel, struct lms_buf *out)
{
	switch (f) {
	case LMS_FMT_CSV:
		if (excel)
			lms_buf_adds(out, "\xef\xbb\xbf");
		render_csv(t, out, excel ? ';' : ',', excel, true, true);
		break;
	case LMS_FMT_TSV:
		render_csv(t, out, '\t', false, false, true);
		break;
	case LMS_FMT_YAML:
		render_yaml(t, out);
		break;
	case LMS_FMT_MD:
		render_md(t, true, out);
		break;
	default:
		render_text(t, out);
		break;
	}
}

void lms_table_render_rows(const struct lms_table *t, enum lms_format f,
			   bool excel, struct lms_buf *out)
{
	switch (f) {
	case LMS_FMT_TSV:
		render_csv(t, out, '\t', false, false, false);
		break;
	case LMS_FMT_YAML:
		render_yaml_rows(t, out);
		break;
	case LMS_FMT_MD:
		render_md(t, false, out);
		break;
	default:
		render_csv(t, out, excel ? ';' : ',', excel, true, false);
		break;
	}
}

void lms_table_clear_rows(struct lms_table *t)
{
	t->nrows = t->ncells = 0;
	lms_buf_reset(&t->text);
}
