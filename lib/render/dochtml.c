#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "i18n.h"
#include "utf8.h"

/*
 * A report as one HTML page a steering group can open anywhere and print:
 * no script, no fonts or images fetched, charts drawn as inline SVG, and
 * a print style for A4.
 */

/* Portrait A4, or landscape for a wide report (lms_doc.wide). */
static const char portrait[] =
	"@page { size: A4; margin: 16mm 14mm; }\n"
	"body { max-width: 180mm; }\n";
static const char landscape[] =
	"@page { size: A4 landscape; margin: 12mm 12mm; }\n"
	"body { max-width: 270mm; }\n"
	"table { font-size: 8pt; }\n"
	"th { font-size: 7.5pt; }\n";

static const char style[] =
	"body { font: 10.5pt/1.45 system-ui, -apple-system, 'Segoe UI', "
	"Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1d2430; "
	"margin: 2em auto; padding: 0 1em; }\n"
	"h1 { font-size: 17pt; margin: 0 0 .4em; color: #12355b; }\n"
	"h2 { font-size: 12.5pt; margin: 1.6em 0 .5em; color: #12355b; "
	"border-bottom: 1px solid #c9d3df; padding-bottom: .15em; "
	"break-after: avoid; }\n"
	"p { margin: .4em 0 .8em; }\n"
	"dl { display: grid; grid-template-columns: max-content auto; "
	"gap: .15em 1.2em; margin: .3em 0 .8em; }\n"
	"dt { color: #4a5668; } dd { margin: 0; }\n"
	"table { border-collapse: collapse; width: 100%; font-size: 9pt; "
	"margin: .4em 0 1em; font-variant-numeric: tabular-nums; }\n"
	"th, td { padding: .25em .45em; border-bottom: 1px solid #e1e6ed; "
	"text-align: left; vertical-align: top; }\n"
	"th { background: #eef2f7; font-weight: 600; }\n"
	"td.n, th.n { text-align: right; }\n"
	"tr.total td { font-weight: 600; border-top: 1px solid #8d99a8; }\n"
	"tr { break-inside: avoid; }\n"
	"figure { margin: .6em 0 1.2em; break-inside: avoid; }\n"
	"figcaption { font-weight: 600; margin-bottom: .3em; }\n"
	".legend span { display: inline-block; margin-right: 1.2em; }\n"
	".legend i { display: inline-block; width: .8em; height: .8em; "
	"margin-right: .3em; vertical-align: -.05em; }\n"
	"footer { margin-top: 2em; color: #6b7686; font-size: 8.5pt; }\n";

/* A document's notice, a banner under the title; when printed, on every
 * page: Chromium repeats a fixed element on each page, and the body's top
 * padding, cloned on each page, keeps the text from running under it. */
static const char notice_style[] =
	".notice { margin: 0 0 1em; padding: .35em .7em; font-weight: 700; "
	"color: #7a1111; background: #fdeded; border: 2px solid #7a1111; "
	"border-radius: 3px; }\n"
	"@media print {\n"
	"body { padding-top: 12mm; box-decoration-break: clone; "
	"-webkit-box-decoration-break: clone; }\n"
	".notice { position: fixed; top: 0; left: 0; right: 0; margin: 0; "
	"height: 8mm; box-sizing: border-box; overflow: hidden; "
	"font-size: 9.5pt; line-height: 1.3; padding: 1mm 2.5mm; "
	"background: #fff; }\n"
	"}\n";

static const char *const colours[2] = { "#2f6db5", "#e08a2c" };
/* Lighter, for a value rounded to protect small groups. */
static const char *const tints[2] = { "#b9d0ec", "#f5d5b0" };
static const char grey[] = "#4a5668";

/* A chart's measures, in SVG units. */
enum { LABEL_W = 190, BAR_W = 420, BAR_H = 11, GAP = 7 };

/* Text and attribute values, with control characters shown as
 * everywhere else (HTML has no place for them). */
static void escape(struct lms_buf *out, const char *text)
{
	struct lms_buf b = LMS_BUF_INIT;

	lms_utf8_add_shown(&b, text, strlen(text), LMS_VIS_LINES);
	for (const char *s = b.buf; *s; s++) {
		switch (*s) {
		case '&': lms_buf_adds(out, "&amp;"); break;
		case '<': lms_buf_adds(out, "&lt;"); break;
		case '>': lms_buf_adds(out, "&gt;"); break;
		case '"': lms_buf_adds(out, "&quot;"); break;
		default: lms_buf_addch(out, *s); break;
		}
	}
	lms_buf_release(&b);
}

void lms_html_escape(struct lms_buf *out, const char *s)
{
	escape(out, s);
}

/* A figure as people of the language read it (lms_i18n_number), escaped;
 * other text escaped as it is. */
static void figure(struct lms_buf *out, const char *text)
{
	struct lms_buf local = LMS_BUF_INIT;

	escape(out, lms_i18n_number(&local, text, true) ? local.buf : text);
	lms_buf_release(&local);
}

static void facts(struct lms_buf *out, const struct lms_table *t)
{
	lms_buf_adds(out, "<dl>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		lms_buf_adds(out, "<dt>");
		escape(out, lms_table_get(t, r, 0));
		lms_buf_adds(out, "</dt><dd>");
		figure(out, lms_table_get(t, r, 1));
		lms_buf_adds(out, "</dd>\n");
	}
	lms_buf_adds(out, "</dl>\n");
}

static void table_head(struct lms_buf *out, const struct lms_table *t)
{
	lms_buf_adds(out, "<table>\n<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		char *name = lms_strdup(t->cols[c]);

		lms_buf_adds(out, (t->numeric >> c) & 1 ?
			     "<th scope=\"col\" class=\"n\">" :
			     "<th scope=\"col\">");
		for (char *p = name; *p; p++)
			if (*p == '_')
				*p = ' ';
		escape(out, name);
		lms_free(name);
		lms_buf_adds(out, "</th>");
	}
	lms_buf_adds(out, "</tr></thead>\n<tbody>\n");
}

static void table_rows(struct lms_buf *out, const struct lms_table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		lms_buf_adds(out, t->total_row && r + 1 == t->nrows ?
			     "<tr class=\"total\">" : "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = lms_table_get(t, r, c);
			bool link = *cell && ((t->links >> c) & 1);

			lms_buf_adds(out, (t->numeric >> c) & 1 ? "<td class=\"n\">" :
				     "<td>");
			if (link) {
				lms_buf_adds(out, "<a href=\"");
				escape(out, cell);
				lms_buf_adds(out, "\">");
			}
			if ((t->numeric >> c) & 1)
				figure(out, cell);
			else
				escape(out, cell);
			lms_buf_adds(out, link ? "</a></td>" : "</td>");
		}
		lms_buf_adds(out, "</tr>\n");
	}
}

/* Where the pieces of a table go. */
struct pieces_to {
	const struct lms_doc_sink *to;
	bool first;
};

static void table_piece(const struct lms_table *piece, void *arg)
{
	struct pieces_to *p = arg;

	if (p->first)
		table_head(p->to->out, piece);
	table_rows(p->to->out, piece);
	p->first = false;
	lms_doc_spill(p->to);
}

static void table(const struct lms_doc_sink *to, const struct lms_block *b)
{
	struct pieces_to p = { to, true };

	lms_doc_block_pieces(b, table_piece, &p);
	lms_buf_adds(to->out, "</tbody>\n</table>\n");
}

static double chart_max(const struct lms_chart *c)
{
	double max = 0;

	for (size_t i = 0; i < c->n; i++)
		for (int s = 0; s < 2; s++)
			if (!isnan(c->bars[i].value[s]) && c->bars[i].value[s] > max)
				max = c->bars[i].value[s];
	return max > 0 ? max : 1;
}

static bool any_approx(const struct lms_chart *c)
{
	for (size_t i = 0; i < c->n; i++)
		for (int s = 0; s < 2; s++)
			if (c->bars[i].approx[s] && !isnan(c->bars[i].value[s]))
				return true;
	return false;
}

static void legend(struct lms_buf *out, const struct lms_chart *c)
{
	lms_buf_adds(out, "<div class=\"legend\">");
	for (int s = 0; s < 2 && c->series[s]; s++) {
		lms_buf_addf(out, "<span><i style=\"background:%s\"></i>",
			     colours[s]);
		escape(out, c->series[s]);
		lms_buf_adds(out, "</span>");
	}
	if (any_approx(c)) {
		lms_buf_addf(out, "<span><i style=\"background:%s;border:1px "
			     "dashed %s;box-sizing:border-box\"></i>", tints[0],
			     colours[0]);
		escape(out, _("≈: rounded to protect small groups"));
		lms_buf_adds(out, "</span>");
	}
	lms_buf_adds(out, "</div>\n");
}

/*
 * One bar of group b at y, and its value after it.  What is drawn is
 * what is published: no figure draws nothing and says so (a bar of no
 * length would read as 0); 0 draws nothing and says 0; a rounded value
 * is drawn lighter, outlined in dashes and labelled "≈".
 */
static void bar(struct lms_buf *out, const struct lms_chart *c,
		const struct lms_chart_bar *b, int s, int y, double max)
{
	double v = b->value[s];
	char value[64];
	int w = 0;

	if (isnan(v)) {
		lms_buf_addf(out, "<text x=\"%d\" y=\"%d\" fill=\"%s\" "
			     "font-style=\"italic\">", LABEL_W + 4,
			     y + BAR_H - 3, grey);
		escape(out, _("no figure"));
		lms_buf_adds(out, "</text>\n");
		return;
	}
	if (v > 0) {
		w = (int)lround(v / max * BAR_W);
		/* A small figure is still not none. */
		w = w > 0 ? w : 1;
	}
	if (w && b->approx[s])
		lms_buf_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			     "height=\"%d\" fill=\"%s\" stroke=\"%s\" "
			     "stroke-dasharray=\"3 2\"/>", LABEL_W, y, w,
			     BAR_H - 2, tints[s], colours[s]);
	else if (w)
		lms_buf_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			     "height=\"%d\" fill=\"%s\"/>", LABEL_W, y, w,
			     BAR_H - 2, colours[s]);
	snprintf(value, sizeof(value), "%s%.*f%s", b->approx[s] ? "≈" : "",
		 v == floor(v) ? 0 : 2, v, !strcmp(c->unit, "%") ? "%" : "");
	lms_buf_addf(out, "<text x=\"%d\" y=\"%d\" fill=\"%s\">",
		     LABEL_W + w + 4, y + BAR_H - 3, grey);
	figure(out, value);
	lms_buf_adds(out, "</text>\n");
}

/* Horizontal bars: a label column, then one or two bars per group.  The
 * SVG is named by its title for a screen reader; the table beside it
 * holds the same figures. */
static void chart(struct lms_buf *out, const char *title,
		  const struct lms_chart *c)
{
	int series = c->series[1] ? 2 : 1;
	int group_h = series * BAR_H + GAP;
	int height = (int)c->n * group_h + 6;
	double max = chart_max(c);

	lms_buf_adds(out, "<figure>\n<figcaption>");
	escape(out, title);
	lms_buf_adds(out, "</figcaption>\n");
	legend(out, c);
	lms_buf_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		     "viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
		     "font-size=\"10\" font-family=\"system-ui, Arial, "
		     "sans-serif\">\n<title>", LABEL_W + BAR_W + 60, height);
	escape(out, title);
	lms_buf_adds(out, "</title>\n");
	for (size_t i = 0; i < c->n; i++) {
		int y = (int)i * group_h + 3;

		lms_buf_addf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
			     "fill=\"#1d2430\">", LABEL_W - 6,
			     y + series * BAR_H / 2 + 4);
		escape(out, c->bars[i].label);
		lms_buf_adds(out, "</text>\n");
		for (int s = 0; s < series; s++)
			bar(out, c, &c->bars[i], s, y + s * BAR_H, max);
	}
	lms_buf_addf(out, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" "
		     "stroke=\"#8d99a8\"/>\n</svg>\n</figure>\n", LABEL_W,
		     LABEL_W, height);
}

static void block(const struct lms_doc_sink *to, const struct lms_block *b)
{
	struct lms_buf *out = to->out;

	switch (b->type) {
	case LMS_BLOCK_TEXT:
		lms_buf_adds(out, "<p>");
		escape(out, b->text);
		lms_buf_adds(out, "</p>\n");
		break;
	case LMS_BLOCK_FACTS:
		facts(out, &b->table);
		break;
	case LMS_BLOCK_TABLE:
		table(to, b);
		break;
	case LMS_BLOCK_CHART:
		if (b->chart.n)
			chart(out, b->text, &b->chart);
		break;
	}
}

void lms_doc_render_html(const struct lms_doc *d,
			 const struct lms_doc_sink *to)
{
	struct lms_buf *out = to->out;

	/* The language of the text, for screen readers, hyphenation and
	 * spelling. */
	lms_buf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		     "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		     "content=\"width=device-width, initial-scale=1\">\n<title>",
		     lms_i18n_code());
	escape(out, d->title);
	lms_buf_addf(out, "</title>\n<style>\n%s%s%s</style>\n</head>\n"
		     "<body>\n<main>\n<h1>", style, d->wide ? landscape : portrait,
		     d->notice ? notice_style : "");
	escape(out, d->title);
	lms_buf_adds(out, "</h1>\n");
	if (d->notice) {
		lms_buf_adds(out, "<p class=\"notice\" role=\"note\">");
		escape(out, d->notice);
		lms_buf_adds(out, "</p>\n");
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct lms_section *s = &d->sections[i];

		lms_buf_addf(out, "<section id=\"%s\">\n<h2>", s->key);
		escape(out, s->title);
		lms_buf_adds(out, "</h2>\n");
		for (size_t j = 0; j < s->nblocks; j++) {
			block(to, &s->blocks[j]);
			lms_doc_spill(to);
		}
		lms_buf_adds(out, "</section>\n");
	}
	lms_buf_adds(out, "</main>\n<footer>");
	escape(out, _("Made by lms from the service's files. No participant is "
		      "named."));
	lms_buf_adds(out, "</footer>\n</body>\n</html>\n");
}
