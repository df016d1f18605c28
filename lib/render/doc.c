#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "emit.h"
#include "i18n.h"
#include "utf8.h"

static void release_chart(struct lms_chart *c)
{
	for (size_t i = 0; i < c->n; i++)
		lms_free(c->bars[i].label);
	lms_free(c->bars);
	lms_free(c->series[0]);
	lms_free(c->series[1]);
	lms_free(c->unit);
	memset(c, 0, sizeof(*c));
}

void lms_doc_init(struct lms_doc *d, const char *title)
{
	memset(d, 0, sizeof(*d));
	d->title = lms_strdup(title);
}

void lms_doc_release(struct lms_doc *d)
{
	for (size_t i = 0; i < d->nsections; i++) {
		struct lms_section *s = &d->sections[i];

		for (size_t j = 0; j < s->nblocks; j++) {
			lms_free(s->blocks[j].key);
			lms_free(s->blocks[j].text);
			lms_table_release(&s->blocks[j].table);
			release_chart(&s->blocks[j].chart);
			lms_free(s->blocks[j].source);
		}
		lms_free(s->blocks);
		lms_free(s->title);
		lms_free(s->key);
	}
	lms_free(d->sections);
	lms_free(d->title);
	lms_free(d->notice);
	memset(d, 0, sizeof(*d));
}

void lms_doc_notice(struct lms_doc *d, const char *text)
{
	lms_free(d->notice);
	d->notice = lms_strdup(text);
}

void lms_doc_section(struct lms_doc *d, const char *key, const char *title)
{
	struct lms_section *s = lms_array_push(&d->sections, &d->nsections,
					       sizeof(*s));

	s->title = lms_strdup(title);
	s->key = lms_strdup(key);
}

static struct lms_block *new_block(struct lms_doc *d, enum lms_block_type type,
				   const char *key)
{
	struct lms_section *s = &d->sections[d->nsections - 1];
	struct lms_block *b = lms_array_push(&s->blocks, &s->nblocks, sizeof(*b));

	b->type = type;
	b->key = lms_strdup(key);
	return b;
}

void lms_doc_text(struct lms_doc *d, const char *key, const char *fmt, ...)
{
	struct lms_buf text = LMS_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lms_buf_vaddf(&text, fmt, ap);
	va_end(ap);
	new_block(d, LMS_BLOCK_TEXT, key)->text = lms_buf_detach(&text);
}

void lms_doc_facts(struct lms_doc *d, const char *key)
{
	/* TRANSLATORS: the columns of a list of facts in CSV for Excel. */
	const char *const cols[] = { _("name"), _("value"), NULL };

	lms_table_init(&new_block(d, LMS_BLOCK_FACTS, key)->table, cols);
}

void lms_doc_fact(struct lms_doc *d, const char *name, const char *fmt, ...)
{
	struct lms_section *s = &d->sections[d->nsections - 1];
	struct lms_table *t = &s->blocks[s->nblocks - 1].table;
	struct lms_buf value = LMS_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lms_buf_vaddf(&value, fmt, ap);
	va_end(ap);
	lms_table_row(t);
	lms_table_cell(t, name);
	lms_table_cell(t, value.buf);
	lms_buf_release(&value);
}

struct lms_table *lms_doc_table(struct lms_doc *d, const char *key,
				const char *const *cols)
{
	struct lms_block *b = new_block(d, LMS_BLOCK_TABLE, key);

	lms_table_init(&b->table, cols);
	return &b->table;
}

void lms_doc_add_table(struct lms_doc *d, const char *key, struct lms_table *t)
{
	struct lms_block *b = new_block(d, LMS_BLOCK_TABLE, key);

	b->table = *t;
	memset(t, 0, sizeof(*t));
}

void lms_doc_table_pieces(struct lms_doc *d, const char *key,
			  lms_doc_pieces_fn *pieces, const void *source,
			  size_t size)
{
	struct lms_block *b = new_block(d, LMS_BLOCK_TABLE, key);

	b->pieces = pieces;
	b->source = lms_malloc(size ? size : 1);
	memcpy(b->source, source, size);
}

void lms_doc_block_pieces(const struct lms_block *b, lms_table_piece_fn *each,
			  void *arg)
{
	if (b->pieces)
		b->pieces(b->source, each, arg);
	else
		each(&b->table, arg);
}

struct lms_chart *lms_doc_chart(struct lms_doc *d, const char *key,
				const char *title, const char *unit,
				const char *first, const char *second)
{
	struct lms_block *b = new_block(d, LMS_BLOCK_CHART, key);

	b->text = lms_strdup(title);
	b->chart.unit = lms_strdup(unit);
	b->chart.series[0] = lms_strdup(first);
	b->chart.series[1] = second ? lms_strdup(second) : NULL;
	return &b->chart;
}

void lms_chart_add(struct lms_chart *c, const char *label, double first,
		   double second)
{
	lms_chart_add_approx(c, label, first, second, false, false);
}

void lms_chart_add_approx(struct lms_chart *c, const char *label,
			  double first, double second, bool approx_first,
			  bool approx_second)
{
	struct lms_chart_bar *b = lms_array_push(&c->bars, &c->n, sizeof(*b));

	b->label = lms_strdup(label);
	b->value[0] = first;
	b->value[1] = second;
	b->approx[0] = approx_first;
	b->approx[1] = approx_second;
}

/* Charts are drawn in HTML only: elsewhere a section of charts is left
 * out, heading and all. */
static bool only_charts(const struct lms_section *s)
{
	for (size_t j = 0; j < s->nblocks; j++)
		if (s->blocks[j].type != LMS_BLOCK_CHART)
			return false;
	return true;
}

/* Text from files as text shows it: one line, controls visible. */
static char *shown(const char *s)
{
	struct lms_buf b = LMS_BUF_INIT;

	lms_utf8_add_shown(&b, s, strlen(s), LMS_VIS_FLAT);
	return lms_buf_detach(&b);
}

void lms_doc_spill(const struct lms_doc_sink *to)
{
	if (to->spill)
		to->spill(to->arg);
}

/* Where the pieces of a table go in a format, and how far they came. */
struct pieces_to {
	const struct lms_doc_sink *to;
	enum lms_format f;
	bool excel;
	bool first;		/* the next piece is the first */
	size_t rows;		/* rendered so far */
	size_t *width;		/* text: the columns of all the pieces */
};

static void piece_widths(const struct lms_table *piece, void *arg)
{
	struct pieces_to *p = arg;

	if (!p->width)
		p->width = lms_calloc(piece->ncols ? piece->ncols : 1,
				      sizeof(*p->width));
	lms_table_text_widths(piece, p->width);
}

static void piece_text(const struct lms_table *piece, void *arg)
{
	struct pieces_to *p = arg;

	lms_table_render_text_rows(piece, p->width, p->first, p->to->out);
	p->first = false;
	lms_doc_spill(p->to);
}

/* Markdown and CSV: the first piece with the header, the others' rows;
 * the byte-order mark of Excel's CSV goes once, at the document's
 * start. */
static void piece_rows(const struct lms_table *piece, void *arg)
{
	struct pieces_to *p = arg;
	struct lms_buf first = LMS_BUF_INIT;

	if (p->first && p->f == LMS_FMT_CSV && p->excel) {
		lms_table_render(piece, p->f, p->excel, &first);
		lms_buf_adds(p->to->out, first.buf + 3);
	} else if (p->first) {
		lms_table_render(piece, p->f, p->excel, p->to->out);
	} else {
		lms_table_render_rows(piece, p->f, p->excel, p->to->out);
	}
	lms_buf_release(&first);
	p->first = false;
	lms_doc_spill(p->to);
}

/* YAML: the list of rows indented under its key, [] if none. */
static void piece_yaml(const struct lms_table *piece, void *arg)
{
	struct pieces_to *p = arg;
	struct lms_buf items = LMS_BUF_INIT;

	if (!piece->nrows)
		return;
	if (!p->rows)
		lms_buf_addch(p->to->out, '\n');
	p->rows += piece->nrows;
	lms_table_render_rows(piece, LMS_FMT_YAML, false, &items);
	for (char *line = items.buf; *line;) {
		size_t len = strcspn(line, "\n");

		lms_buf_addf(p->to->out, "    %.*s\n", (int)len, line);
		line += len + (line[len] == '\n');
	}
	lms_buf_release(&items);
	lms_doc_spill(p->to);
}

/* Table block b in format f (not HTML), a piece at a time. */
static void render_table(const struct lms_block *b, enum lms_format f,
			 bool excel, const struct lms_doc_sink *to)
{
	struct pieces_to p = { to, f, excel, true, 0, NULL };

	switch (f) {
	case LMS_FMT_TEXT:
		lms_doc_block_pieces(b, piece_widths, &p);
		lms_doc_block_pieces(b, piece_text, &p);
		break;
	case LMS_FMT_YAML:
		lms_doc_block_pieces(b, piece_yaml, &p);
		if (!p.rows)
			lms_buf_adds(to->out, " []\n");
		break;
	default:
		lms_doc_block_pieces(b, piece_rows, &p);
		break;
	}
	lms_free(p.width);
}

/* Text: an underlined title, headed sections, aligned facts and tables. */
static void underline(struct lms_buf *out, const char *title, char c)
{
	char *t = shown(title);
	size_t w = lms_utf8_width(t);

	lms_buf_addf(out, "%s\n", t);
	while (w--)
		lms_buf_addch(out, c);
	lms_buf_addch(out, '\n');
	lms_free(t);
}

/* A paragraph wrapped at 78 columns, as text is read in a terminal. */
static void wrap(struct lms_buf *out, const char *paragraph)
{
	char *all = shown(paragraph);
	const char *text = all;
	size_t col = 0;

	while (*text) {
		size_t len = strcspn(text, " ");
		char *word = lms_strndup(text, len);
		size_t w = lms_utf8_width(word);

		if (col && col + 1 + w > 78) {
			lms_buf_addch(out, '\n');
			col = 0;
		} else if (col) {
			lms_buf_addch(out, ' ');
			col++;
		}
		lms_buf_adds(out, word);
		col += w;
		lms_free(word);
		text += len;
		text += strspn(text, " ");
	}
	lms_buf_addch(out, '\n');
	lms_free(all);
}

/* A fact's value as people of the language read it: a figure with a
 * decimal comma in Norwegian (lms_i18n_number). */
static char *fact_value(const struct lms_table *t, size_t r)
{
	struct lms_buf local = LMS_BUF_INIT;
	const char *v = lms_table_get(t, r, 1);
	char *s = shown(lms_i18n_number(&local, v, false) ? local.buf : v);

	lms_buf_release(&local);
	return s;
}

static void render_facts_text(const struct lms_table *t, struct lms_buf *out)
{
	size_t width = 0;

	for (size_t r = 0; r < t->nrows; r++)
		if (lms_utf8_width(lms_table_get(t, r, 0)) > width)
			width = lms_utf8_width(lms_table_get(t, r, 0));
	for (size_t r = 0; r < t->nrows; r++) {
		char *name = shown(lms_table_get(t, r, 0));
		char *value = fact_value(t, r);

		lms_buf_addf(out, "%s:%*s %s\n", name,
			     (int)(width - lms_utf8_width(name)), "", value);
		lms_free(name);
		lms_free(value);
	}
}

static void render_text(const struct lms_doc *d, const struct lms_doc_sink *to)
{
	struct lms_buf *out = to->out;

	underline(out, d->title, '=');
	/* The blank line after it is the one before the first section. */
	if (d->notice) {
		char *notice = shown(d->notice);

		lms_buf_addf(out, "*** %s ***\n", notice);
		lms_free(notice);
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct lms_section *s = &d->sections[i];

		if (only_charts(s))
			continue;
		lms_buf_addch(out, '\n');
		underline(out, s->title, '-');
		for (size_t j = 0; j < s->nblocks; j++) {
			const struct lms_block *b = &s->blocks[j];

			if (b->type == LMS_BLOCK_CHART)
				continue;
			if (j)
				lms_buf_addch(out, '\n');
			if (b->type == LMS_BLOCK_TEXT)
				wrap(out, b->text);
			else if (b->type == LMS_BLOCK_FACTS)
				render_facts_text(&b->table, out);
			else
				render_table(b, LMS_FMT_TEXT, false, to);
			lms_doc_spill(to);
		}
	}
}

static void render_facts_md(const struct lms_table *t, struct lms_buf *out)
{
	for (size_t r = 0; r < t->nrows; r++) {
		char *value = fact_value(t, r);

		lms_buf_adds(out, "- **");
		lms_table_md_escape(out, lms_table_get(t, r, 0), false);
		lms_buf_adds(out, ":** ");
		lms_table_md_escape(out, value, false);
		lms_buf_addch(out, '\n');
		lms_free(value);
	}
}

/* Markdown: every text from a file escaped, so that a title or comment
 * cannot add markup or HTML to the page it becomes. */
static void render_md(const struct lms_doc *d, const struct lms_doc_sink *to)
{
	struct lms_buf *out = to->out;

	lms_buf_adds(out, "# ");
	lms_table_md_escape(out, d->title, false);
	lms_buf_addch(out, '\n');
	if (d->notice) {
		lms_buf_adds(out, "\n**");
		lms_table_md_escape(out, d->notice, false);
		lms_buf_adds(out, "**\n");
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct lms_section *s = &d->sections[i];

		if (only_charts(s))
			continue;
		lms_buf_adds(out, "\n## ");
		lms_table_md_escape(out, s->title, false);
		lms_buf_addch(out, '\n');
		for (size_t j = 0; j < s->nblocks; j++) {
			const struct lms_block *b = &s->blocks[j];

			if (b->type == LMS_BLOCK_CHART)
				continue;
			lms_buf_addch(out, '\n');
			if (b->type == LMS_BLOCK_TEXT) {
				lms_table_md_escape(out, b->text, true);
				lms_buf_addch(out, '\n');
			} else if (b->type == LMS_BLOCK_FACTS) {
				render_facts_md(&b->table, out);
			} else {
				render_table(b, LMS_FMT_MD, false, to);
			}
			lms_doc_spill(to);
		}
	}
}

/* A whole number without a leading zero: written as a number in YAML. */
static bool is_count(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s) &&
	       (s[0] != '0' || !s[1]);
}

/* YAML: a mapping of section keys to mappings of block keys. */
static void render_yaml(const struct lms_doc *d, const struct lms_doc_sink *to)
{
	struct lms_buf *out = to->out;

	lms_buf_adds(out, "title: ");
	lms_yaml_scalar(out, d->title, 0);
	lms_buf_addch(out, '\n');
	if (d->notice) {
		lms_buf_adds(out, "notice: ");
		lms_yaml_scalar(out, d->notice, 0);
		lms_buf_addch(out, '\n');
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct lms_section *s = &d->sections[i];

		if (only_charts(s))
			continue;
		lms_buf_addf(out, "%s:\n", s->key);
		for (size_t j = 0; j < s->nblocks; j++) {
			const struct lms_block *b = &s->blocks[j];

			if (b->type == LMS_BLOCK_CHART)
				continue;
			lms_buf_addf(out, "  %s:", b->key);
			if (b->type == LMS_BLOCK_TEXT) {
				lms_buf_addch(out, ' ');
				lms_yaml_scalar(out, b->text, 0);
				lms_buf_addch(out, '\n');
				continue;
			}
			if (b->type == LMS_BLOCK_FACTS) {
				lms_buf_addch(out, '\n');
				for (size_t r = 0; r < b->table.nrows; r++) {
					const char *v = lms_table_get(&b->table, r, 1);

					lms_buf_adds(out, "    ");
					lms_yaml_scalar(out, lms_table_get(&b->table, r, 0), 0);
					lms_buf_adds(out, ": ");
					if (is_count(v))
						lms_buf_adds(out, v);
					else
						lms_yaml_scalar(out, v, 0);
					lms_buf_addch(out, '\n');
				}
				continue;
			}
			render_table(b, LMS_FMT_YAML, false, to);
			lms_doc_spill(to);
		}
	}
}

/* The notice as a comment line before the data, its first letter small
 * as a comment reads ("# internal: ..."); Latin capitals (U+00C0 to
 * U+00DE, but ×) as lms_utf8_casecmp knows them. */
void lms_doc_csv_notice(const char *notice, const char *eol,
			struct lms_buf *out)
{
	char *line = shown(notice);
	unsigned char *c = (unsigned char *)line;

	if (c[0] >= 'A' && c[0] <= 'Z')
		c[0] += 'a' - 'A';
	else if (c[0] == 0xc3 && c[1] >= 0x80 && c[1] <= 0x9e && c[1] != 0x97)
		c[1] += 0x20;
	lms_buf_addf(out, "# %s%s", line, eol);
	lms_free(line);
}

/*
 * The line that names a block in CSV: its section's and its own key, for
 * scripts.  A sheet for Excel in Norwegian is for people, who read the
 * section's title (as a field, so that a title from a file cannot be a
 * formula) over the first of its blocks, and a blank line between it and
 * the next.  English keeps the keys, as sheets made before have them.
 */
static void csv_heading(const struct lms_section *s, const struct lms_block *b,
			bool first_in_section, bool excel, struct lms_buf *out)
{
	const char *cols[] = { s->title, NULL };
	struct lms_table title;
	struct lms_buf line = LMS_BUF_INIT;

	if (!excel || lms_i18n_get() == LMS_LANG_EN) {
		lms_buf_addf(out, "%s.%s%s", s->key, b->key,
			     excel ? "\r\n" : "\n");
		return;
	}
	if (!first_in_section)
		return;
	lms_table_init(&title, cols);
	lms_table_render(&title, LMS_FMT_CSV, true, &line);
	lms_buf_adds(out, line.buf + 3);	/* less the byte-order mark */
	lms_table_release(&title);
	lms_buf_release(&line);
}

/* CSV: one block after another, each under a line naming it. */
static void render_csv(const struct lms_doc *d, bool excel,
		       const struct lms_doc_sink *to)
{
	struct lms_buf *out = to->out;
	const char *eol = excel ? "\r\n" : "\n";
	bool first = true;

	if (excel)
		lms_buf_adds(out, "\xef\xbb\xbf");
	if (d->notice)
		lms_doc_csv_notice(d->notice, eol, out);
	for (size_t i = 0; i < d->nsections; i++) {
		const struct lms_section *s = &d->sections[i];
		bool first_in_section = true;

		for (size_t j = 0; j < s->nblocks; j++) {
			const struct lms_block *b = &s->blocks[j];

			if (b->type == LMS_BLOCK_TEXT || b->type == LMS_BLOCK_CHART)
				continue;
			if (!first)
				lms_buf_adds(out, eol);
			csv_heading(s, b, first_in_section, excel, out);
			first = first_in_section = false;
			render_table(b, LMS_FMT_CSV, excel, to);
			lms_doc_spill(to);
		}
	}
}

void lms_doc_render_to(const struct lms_doc *d, enum lms_format f,
		       bool excel, const struct lms_doc_sink *to)
{
	switch (f) {
	case LMS_FMT_MD:
		render_md(d, to);
		break;
	case LMS_FMT_YAML:
		render_yaml(d, to);
		break;
	case LMS_FMT_CSV:
		render_csv(d, excel, to);
		break;
	case LMS_FMT_HTML:
		lms_doc_render_html(d, to);
		break;
	default:
		render_text(d, to);
		break;
	}
}

void lms_doc_render(const struct lms_doc *d, enum lms_format f, bool excel,
		    struct lms_buf *out)
{
	const struct lms_doc_sink to = { out, NULL, NULL };

	lms_doc_render_to(d, f, excel, &to);
}
