#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "csvin.h"
#include "error.h"
#include "i18n.h"
#include "utf8.h"
#include "yparse.h"

/* libcsv's parser states (csv.c): a row has not begun in ROW_NOT_BEGUN. */
#define ROW_NOT_BEGUN 0

struct reader {
	struct lms_csv *csv;
	const char *path;
	char **cells;		/* the row being read */
	size_t ncells;
	unsigned line;		/* the line being fed to libcsv */
	unsigned row_line;	/* where the current row began */
	int err;
};

static void on_field(void *data, size_t len, void *arg)
{
	struct reader *r = arg;
	char **cell;
	char *out;

	/* What the YAML reader would refuse is refused here, with its line. */
	if (len > lms_limits_default.max_scalar && !r->err) {
		struct lms_buf which = LMS_BUF_INIT;

		if (r->csv->header && r->ncells < r->csv->ncols)
			lms_buf_addf(&which, _("column '%s'"),
				     r->csv->header[r->ncells]);
		else
			lms_buf_addf(&which, _("field %zu"), r->ncells + 1);
		/* TRANSLATORS: "column 'Kommentar' holds 70000 bytes, more
		 * than a value may (65536)". */
		r->err = lms_error_at(LMS_EDATA, r->path, r->line, 0, _("%s "
				      "holds %zu bytes, more than a value may "
				      "(%zu)"),
				      which.buf, len,
				      lms_limits_default.max_scalar);
		lms_buf_release(&which);
	}
	if (r->err)
		return;
	cell = lms_array_push(&r->cells, &r->ncells, sizeof(char *));
	*cell = lms_strndup(data ? data : "", len);
	/* A line break inside a quoted cell is a line break, whatever the
	 * file's line ends. */
	out = *cell;
	for (const char *in = *cell; *in; in++)
		if (!(in[0] == '\r' && in[1] == '\n'))
			*out++ = *in;
	*out = '\0';
}

static void drop_row(struct reader *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		lms_free(r->cells[i]);
	lms_free(r->cells);
	r->cells = NULL;
	r->ncells = 0;
}

static int blank_row(const struct reader *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		if (r->cells[i][strspn(r->cells[i], " \t")])
			return 0;
	return 1;
}

static void on_row(int c, void *arg)
{
	struct reader *r = arg;
	struct lms_csv *csv = r->csv;
	struct lms_csv_row *row;

	(void)c;
	if (r->err || blank_row(r)) {
		drop_row(r);
		return;
	}
	if (!csv->header) {
		csv->header = r->cells;
		csv->ncols = r->ncells;
		r->cells = NULL;
		r->ncells = 0;
		return;
	}
	if (r->ncells != csv->ncols) {
		r->err = lms_error_at(LMS_EDATA, r->path, r->row_line, 0,
				      _("the row has %zu fields, the header "
					"%zu"),
				      r->ncells, csv->ncols);
		drop_row(r);
		return;
	}
	row = lms_array_push(&csv->rows, &csv->nrows, sizeof(*row));
	row->line = r->row_line;
	row->cells = r->cells;
	r->cells = NULL;
	r->ncells = 0;
}

/* The header line's delimiter: ';' if it has more of those than ','. */
static char guess_delimiter(const char *text, size_t len)
{
	size_t commas = 0, semicolons = 0;
	int quoted = 0;

	for (size_t i = 0; i < len && (quoted || text[i] != '\n'); i++) {
		if (text[i] == '"')
			quoted = !quoted;
		else if (!quoted && text[i] == ',')
			commas++;
		else if (!quoted && text[i] == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

/* The length of the line at s, with its end: LF, CR LF or a lone CR, as
 * libcsv and the YAML reader take them. */
static size_t line_length(const char *s, size_t left)
{
	size_t n = 0;

	while (n < left && s[n] != '\n' && s[n] != '\r')
		n++;
	if (n < left && s[n] == '\r' && n + 1 < left && s[n + 1] == '\n')
		n++;
	return n < left ? n + 1 : n;
}

/* libcsv's messages, which lms passes on: the same in English, and
 * translated as lms's own. */
static const char *const csv_messages[] = {
	N_("error parsing data while strict checking enabled"),
	N_("memory exhausted while increasing buffer size"),
	N_("data size too large"),
	N_("invalid status code"),
	NULL
};

static const char *csv_problem(struct csv_parser *p)
{
	const char *msg = csv_strerror(csv_error(p));

	for (size_t i = 0; csv_messages[i]; i++)
		if (!strcmp(msg, csv_messages[i]))
			return _(csv_messages[i]);
	return msg;
}

/* Feeds the text a line at a time, so that each row knows its line. */
static int feed(struct csv_parser *p, struct reader *r, const char *text,
		size_t len)
{
	size_t pos = 0;

	while (pos < len && !r->err) {
		size_t n = line_length(text + pos, len - pos), done;
		unsigned one, col;

		r->line++;
		if (p->pstate == ROW_NOT_BEGUN)
			r->row_line = r->line;
		done = csv_parse(p, text + pos, n, on_field, on_row, r);
		if (done != n) {
			/* libcsv stops at the byte it refuses. */
			lms_utf8_position(text + pos, done, &one, &col);
			return lms_error_at(LMS_EDATA, r->path, r->line, col,
					    _("broken CSV: %s (a quote that is "
					      "not closed?)"),
					    csv_problem(p));
		}
		pos += n;
	}
	if (!r->err && csv_fini(p, on_field, on_row, r) != 0)
		return lms_error_at(LMS_EDATA, r->path, r->row_line, 0,
				    _("broken CSV: a quoted field is not "
				      "closed"));
	return r->err;
}

/* What lms_utf8_problem says, translated here as lms's own words. */
static const char *const utf8_problems[] = {
	N_("a continuation byte without a start"), N_("an overlong form"),
	N_("a byte that UTF-8 never uses"), N_("a code point above U+10FFFF"),
	N_("a surrogate (CESU-8)"), N_("a truncated sequence"), NULL
};

static const char *utf8_problem(const char *why)
{
	for (size_t i = 0; utf8_problems[i]; i++)
		if (!strcmp(why, utf8_problems[i]))
			return _(utf8_problems[i]);
	return why;
}

/* Strict UTF-8 without NUL, as every input of lms (see utf8.h). */
static int check_text(const char *path, const char *text, size_t len)
{
	const char *nul = memchr(text, '\0', len), *why;
	unsigned line, col;
	size_t at;

	if (len >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') ||
			 (text[0] == '\xfe' && text[1] == '\xff')))
		return lms_error_at(LMS_EDATA, path, 1, 1, _("the file is "
				    "UTF-16: save the sheet as \"CSV UTF-8\""));
	why = lms_utf8_problem(text, len, &at);
	if (nul && (!why || (size_t)(nul - text) < at)) {
		why = _("a NUL byte");
		at = (size_t)(nul - text);
	}
	if (!why)
		return 0;
	lms_utf8_position(text, at, &line, &col);
	return lms_error_at(LMS_EDATA, path, line, col, _("not UTF-8 text: "
			    "%s (save the sheet as \"CSV UTF-8\")"),
			    utf8_problem(why));
}

int lms_csv_parse(struct lms_csv *out, const char *path, const char *text,
		  size_t len)
{
	struct reader r = { out, path, NULL, 0, 0, 1, 0 };
	struct csv_parser p;
	int err;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		text += 3;
		len -= 3;
	}
	if ((err = check_text(path, text, len)))
		return err;
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		return lms_error(LMS_ENOMEM, _("out of memory"));
	out->delimiter = guess_delimiter(text, len);
	csv_set_delim(&p, (unsigned char)out->delimiter);
	err = feed(&p, &r, text, len);
	csv_free(&p);
	drop_row(&r);
	if (!err && !out->header)
		err = lms_error_at(LMS_EDATA, path, 0, 0, _("the file is empty: "
				   "it needs a header line"));
	if (err)
		lms_csv_release(out);
	return err;
}

void lms_csv_release(struct lms_csv *c)
{
	for (size_t i = 0; i < c->ncols; i++)
		lms_free(c->header[i]);
	for (size_t r = 0; r < c->nrows; r++) {
		for (size_t i = 0; i < c->ncols; i++)
			lms_free(c->rows[r].cells[i]);
		lms_free(c->rows[r].cells);
	}
	lms_free(c->header);
	lms_free(c->rows);
	memset(c, 0, sizeof(*c));
}

/* Compares a header with a name, ignoring case and surrounding spaces. */
static int header_is(const char *header, const char *name)
{
	size_t lead = strspn(header, " "), len = strlen(header + lead);
	char *trimmed;
	int same;

	while (len && header[lead + len - 1] == ' ')
		len--;
	trimmed = lms_strndup(header + lead, len);
	same = !lms_utf8_casecmp(trimmed, name);
	lms_free(trimmed);
	return same;
}

int lms_csv_column(const struct lms_csv *c, const char *name)
{
	for (size_t i = 0; i < c->ncols; i++)
		if (header_is(c->header[i], name))
			return (int)i;
	return -1;
}
