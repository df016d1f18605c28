#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "sheet.h"

/* TRANSLATORS: what the sheet says about itself, at its foot, in two
 * lines of text (HTML joins them). */
static const char *const note[] = {
	N_("This sheet names people: keep it with the course's papers,"),
	N_("and shred it when the attendance is recorded.")
};

static void text_table(const struct lms_sheet *s, struct lms_table *t)
{
	/* TRANSLATORS: the columns of a sign-in sheet in text. */
	const char *const cols[] = {
		"#", _("name"), _("signature"), NULL
	};
	const char *const with_contacts[] = {
		"#", _("name"), _("phone"), _("email"), _("signature"), NULL
	};
	/* Lines for the blank rows, shorter with contacts, so that the
	 * rows fit across a page as far as they can. */
	const char *name_line = s->contacts ? "________________________" :
				"______________________________";
	const char *sign_line = s->contacts ? "____________________" :
				"______________________________";

	lms_table_init(t, s->contacts ? with_contacts : cols);
	lms_table_set_numeric(t, 0);
	for (size_t i = 0; i < s->npeople + s->blank; i++) {
		const struct lms_sheet_person *p = i < s->npeople ?
						   &s->people[i] : NULL;

		lms_table_row(t);
		lms_table_cellf(t, "%zu", i + 1);
		lms_table_cell(t, p ? p->name : name_line);
		if (s->contacts) {
			lms_table_cell(t, p ? p->phone : "______________");
			lms_table_cell(t, p ? p->email : "____________________");
		}
		lms_table_cell(t, sign_line);
	}
}

static void render_text(const struct lms_sheet *s, struct lms_buf *out)
{
	struct lms_buf rows = LMS_BUF_INIT;
	struct lms_table t;

	lms_buf_addf(out, _("Sign-in sheet: %s"), s->title);
	lms_buf_addf(out, "\n%s\n", s->when);
	if (s->theme) {
		lms_buf_addf(out, _("Theme: %s"), s->theme);
		lms_buf_addch(out, '\n');
	}
	lms_buf_addch(out, '\n');
	text_table(s, &t);
	lms_table_render(&t, LMS_FMT_TEXT, false, &rows);
	/* An empty line after each row: a printed line of text is too
	 * narrow to sign on. */
	for (const char *p = rows.buf; *p; p++) {
		lms_buf_addch(out, *p);
		if (*p == '\n' && p != rows.buf + strcspn(rows.buf, "\n"))
			lms_buf_addch(out, '\n');
	}
	/* A sheet of no rows (--blank 0, no one enrolled) has its foot a
	 * line below the header too. */
	if (!t.nrows)
		lms_buf_addch(out, '\n');
	lms_buf_addf(out, "%s\n%s\n", _(note[0]), _(note[1]));
	lms_table_release(&t);
	lms_buf_release(&rows);
}

/* Portrait A4; rows of 11 mm to sign on; the header repeated on every
 * page (as browsers do for thead) and no row split between two. */
static const char style[] =
	"@page { size: A4; margin: 14mm 14mm 16mm; }\n"
	"body { font: 11pt/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, "
	"'Helvetica Neue', Arial, sans-serif; color: #111; max-width: 182mm; "
	"margin: 1.5em auto; padding: 0 1em; }\n"
	"@media print { body { margin: 0; padding: 0; max-width: none; } }\n"
	"h1 { font-size: 16pt; margin: 0 0 .25em; }\n"
	"p { margin: 0 0 .2em; }\n"
	"header { margin-bottom: 5mm; }\n"
	"table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
	"thead { display: table-header-group; }\n"
	"th { text-align: left; font-size: 9pt; font-weight: 600; "
	"text-transform: uppercase; letter-spacing: .05em; padding: 0 2mm 1.5mm; "
	"border-bottom: 1.2pt solid #111; }\n"
	"td { height: 11mm; padding: 0 2mm 1.5mm; vertical-align: bottom; "
	"border-bottom: .6pt solid #888; overflow-wrap: anywhere; }\n"
	"th.n, td.n { width: 9mm; text-align: right; color: #555; }\n"
	"td.sign { border-left: .6pt solid #ccc; }\n"
	"tr { break-inside: avoid; }\n"
	"footer { margin-top: 5mm; font-size: 8.5pt; color: #555; }\n";

static void cell(struct lms_buf *out, const char *class, const char *text)
{
	lms_buf_addf(out, "<td%s%s%s>", class ? " class=\"" : "",
		     class ? class : "", class ? "\"" : "");
	if (text)
		lms_html_escape(out, text);
	lms_buf_adds(out, "</td>");
}

static void html_rows(const struct lms_sheet *s, struct lms_buf *out)
{
	for (size_t i = 0; i < s->npeople + s->blank; i++) {
		const struct lms_sheet_person *p = i < s->npeople ?
						   &s->people[i] : NULL;

		lms_buf_addf(out, "<tr%s><td class=\"n\">%zu</td>",
			     p ? "" : " class=\"blank\"", i + 1);
		cell(out, NULL, p ? p->name : NULL);
		if (s->contacts) {
			cell(out, NULL, p ? p->phone : NULL);
			cell(out, NULL, p ? p->email : NULL);
		}
		cell(out, "sign", NULL);
		lms_buf_adds(out, "</tr>\n");
	}
}

/* A heading of the HTML sheet's table. */
static void th(struct lms_buf *out, const char *text)
{
	lms_buf_adds(out, "<th scope=\"col\">");
	lms_html_escape(out, text);
	lms_buf_adds(out, "</th>");
}

/* Text and a value after it, escaped, as "Sign-in sheet: Matlaging". */
static void html_text(struct lms_buf *out, const char *fmt, const char *value)
{
	struct lms_buf text = LMS_BUF_INIT;

	lms_buf_addf(&text, fmt, value);
	lms_html_escape(out, text.buf);
	lms_buf_release(&text);
}

static void render_html(const struct lms_sheet *s, struct lms_buf *out)
{
	/* A browser prints the title at the top of every page. */
	lms_buf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		     "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		     "content=\"width=device-width, initial-scale=1\">\n"
		     "<title>", lms_i18n_code());
	html_text(out, _("Sign-in sheet: %s"), s->title);
	lms_buf_addf(out, ", %s</title>\n<style>\n%s</style>\n</head>\n<body>\n"
		     "<header>\n<h1>", s->date, style);
	html_text(out, _("Sign-in sheet: %s"), s->title);
	lms_buf_adds(out, "</h1>\n<p>");
	lms_html_escape(out, s->when);
	lms_buf_adds(out, "</p>\n");
	if (s->theme) {
		lms_buf_adds(out, "<p>");
		html_text(out, _("Theme: %s"), s->theme);
		lms_buf_adds(out, "</p>\n");
	}
	/* Column widths: the name gets room, the signature the rest. */
	lms_buf_addf(out, "</header>\n<table>\n<colgroup><col style=\"width: "
		     "9mm\"><col style=\"width: %s\">%s<col></colgroup>\n"
		     "<thead><tr><th scope=\"col\" class=\"n\">#</th>",
		     s->contacts ? "30%" : "45%",
		     s->contacts ? "<col style=\"width: 17%\">"
				   "<col style=\"width: 25%\">" : "");
	/* TRANSLATORS: the columns of a sign-in sheet in HTML. */
	th(out, _("Name"));
	if (s->contacts) {
		th(out, _("Phone"));
		th(out, _("E-mail"));
	}
	th(out, _("Signature"));
	lms_buf_adds(out, "</tr></thead>\n<tbody>\n");
	html_rows(s, out);
	lms_buf_adds(out, "</tbody>\n</table>\n<footer>");
	lms_html_escape(out, _(note[0]));
	lms_buf_addch(out, ' ');
	lms_html_escape(out, _(note[1]));
	lms_buf_adds(out, "</footer>\n</body>\n</html>\n");
}

void lms_sheet_render(const struct lms_sheet *s, enum lms_format f,
		      struct lms_buf *out)
{
	if (f == LMS_FMT_HTML)
		render_html(s, out);
	else
		render_text(s, out);
}
