#include <stdlib.h>
#include <string.h>

#include "aggreport.h"
#include "alloc.h"
#include "coursedata.h"
#include "coursereport.h"
#include "date.h"
#include "fees.h"
#include "cmd.h"

/*
 * lms report: the aggregate report over one or more trees, the report of
 * one course, or one report per course written to a folder.  Reports are
 * for sharing, with small numbers protected (lib/report/protect.h), unless the
 * user asks for exact figures; those are headed as internal.  The course
 * report, for the course's own team, is always exact and internal.
 */

static const char *const usage[] = {
	"lms report [--by course | municipality | year | term | target-group "
	"| topic | referral | role | age-band] [--from DATE] [--to DATE] "
	"[--status S] [--form F] [--tree DIR]... [--exact] [--new-key] "
	"[--format F] [--excel] [--table figures | followup]",
	"lms report --by facilitator [--term TERM | --from DATE --to DATE] "
	"[--format F] [--excel]",
	"lms report course ID [--format text | md | yaml | csv | html] "
	"[--excel]",
	"lms report --each course --out DIR [--exact] "
	"[--format html | md | csv] [--excel]",
	NULL
};

struct report_args {
	struct lms_agg_options agg;
	const char *agg_option;		/* one given, for usage errors */
	enum lms_format format;
	const char *format_given;	/* as given, for usage errors */
	bool excel;			/* CSV for a Norwegian spreadsheet */
	bool new_key;			/* make the tree's key if missing */
	int table;			/* of CSV and TSV: enum report_table */
	const char *each, *out;
	const char *term;		/* --term 2026H */
	const char *not_by_facilitator;	/* an option --by facilitator has not */
	const char **trees;
	size_t ntrees;
};

/* The tables of the aggregate report that CSV and TSV give one at a
 * time (--table). */
enum report_table { TABLE_FIGURES = 1, TABLE_FOLLOWUP };
static const char *const table_names[] = { "", "figures", "followup", NULL };

/* The course report */

/* The course report of d, internal, rendered in the document's language. */
static void render_course(struct ctx *ctx, const struct lms_course_data *d,
			  const struct report_args *a, struct lms_buf *out)
{
	enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
		ctx->tree.service.language, a->format, a->excel));
	struct lms_doc doc;

	lms_course_report(&doc, d, ctx->tree.service.min_cell);
	lms_doc_notice(&doc, _(LMS_INTERNAL_NOTICE));
	lms_doc_render(&doc, a->format, a->excel, out);
	lms_doc_release(&doc);
	lms_i18n_set(was);
}

static int one_course(struct ctx *ctx, const struct report_args *a,
		      const char *id)
{
	struct lms_course_data d;
	int err;

	if (a->format == LMS_FMT_TSV)
		return cmd_usage_error(_("a course report has no TSV form"));
	if ((err = cmd_open_tree(ctx)))
		return err;
	if (!(err = lms_course_data_load(&ctx->tree, id, &d)))
		render_course(ctx, &d, a, &ctx->out);
	lms_course_data_release(&d);
	return err;
}

/* Progress on a terminal, once a run has taken more than a second. */
/* The aggregate report */

/* Marks (≈) are for people; scripts read YAML, CSV and TSV. */
static bool marks_for(enum lms_format f)
{
	return f == LMS_FMT_TEXT || f == LMS_FMT_MD || f == LMS_FMT_HTML;
}

/*
 * The strictest min_cell of the trees: pieces must be rounded alike
 * before any is added.  And their language: the one they all say, else
 * none (the user's).
 */
static int strictest_min_cell(struct ctx *ctx, const struct report_args *a,
			      long *min_cell, int *lang)
{
	int err = 0;

	*min_cell = 1;
	*lang = LMS_LANG_UNSET;
	if (!a->ntrees && !(err = cmd_open_tree(ctx))) {
		*min_cell = ctx->tree.service.min_cell;
		*lang = ctx->tree.service.language;
	}
	for (size_t i = 0; i < a->ntrees && !err; i++) {
		struct lms_tree t;

		if ((err = lms_tree_open(&t, a->trees[i])))
			break;
		if (t.service.min_cell > *min_cell)
			*min_cell = t.service.min_cell;
		if (i == 0 || t.service.language != *lang)
			*lang = i == 0 ? t.service.language : LMS_LANG_UNSET;
		lms_tree_release(&t);
	}
	return err;
}

/* The tree's key for the shared figures, made if asked and it has none. */
static int report_key(struct lms_tree *t, bool make,
		      struct lms_report_key *key)
{
	bool made;
	int err = lms_report_key_load(t->root, make, key, &made);

	if (err == LMS_ECREATE) {
		char msg[sizeof(lms_last_error()->msg)];

		snprintf(msg, sizeof(msg), "%s", lms_last_error()->msg);
		return lms_error(err, _("%s: a shared report needs the tree's "
					"key, %s, which its owner makes once "
					"with lms report --new-key"), msg,
				 LMS_REPORT_KEY_FILE);
	}
	if (!err && made)
		fprintf(stderr, _("lms: made the key of shared reports, "
				  "%s/%s: keep it with the register and out of "
				  "git (see lms-report(1))\n"), t->root,
			LMS_REPORT_KEY_FILE);
	return err;
}

static int add_tree(struct lms_agg *agg, struct lms_tree *t, bool new_key,
		    struct cmd_progress *p)
{
	struct lms_report_key key;
	int err = 0;

	if (!agg->opt.exact && (err = report_key(t, new_key, &key)))
		return err;
	agg->key = agg->opt.exact ? NULL : &key;
	err = lms_agg_tree(agg, t, cmd_progress_show, p);
	agg->key = NULL;
	explicit_bzero(&key, sizeof(key));
	return err;
}

static int aggregate_trees(struct ctx *ctx, const struct report_args *a,
			   struct lms_agg *agg, const char ***names, size_t *n)
{
	struct cmd_progress p;
	int err = 0;

	cmd_progress_start(&p);
	if (!a->ntrees) {
		if (!(err = cmd_open_tree(ctx)))
			err = add_tree(agg, &ctx->tree, a->new_key, &p);
		if (!err)
			*(const char **)lms_array_push(names, n, sizeof(char *)) =
				lms_strdup(ctx->tree.service.name);
	}
	for (size_t i = 0; i < a->ntrees && !err; i++) {
		struct lms_tree t;

		if ((err = lms_tree_open(&t, a->trees[i])))
			break;
		t.threads = ctx->threads;
		t.no_cache = ctx->no_cache;
		err = lms_tree_begin_read(&t, ctx->lock_timeout_ms);
		/* As cmd_open_tree says it, with the tree named: there are
		 * several. */
		if (t.recovered)
			fprintf(stderr, _("lms: finished a change that an "
					  "interrupted lms had begun in "
					  "'%s'\n"), t.root);
		if (!err)
			err = add_tree(agg, &t, a->new_key, &p);
		*(const char **)lms_array_push(names, n, sizeof(char *)) =
			lms_strdup(t.service.name);
		lms_tree_release(&t);
	}
	cmd_progress_end(&p);
	return err;
}

/*
 * The table alone, for scripts and sheets; exact figures under a line that
 * says they are not for sharing, after the byte-order mark of a sheet for
 * Excel, as the course report's CSV has it.
 */
static void render_table(const struct report_args *a,
			 const struct lms_table *t, struct lms_buf *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	size_t bom = a->excel ? 3 : 0;

	lms_table_render(t, a->format, a->excel, &text);
	lms_buf_add(out, text.buf, bom);
	if (a->agg.exact)
		lms_doc_csv_notice(_(LMS_INTERNAL_NOTICE),
				   a->excel ? "\r\n" : "\n", out);
	lms_buf_adds(out, text.buf + bom);
	lms_buf_release(&text);
}

/*
 * CSV and TSV are printed as the table is made, a piece at a time,
 * spooled past a size: a report by course of 53,500 rows held whole, as
 * a table and as its text, was a fifth of its memory.
 */
struct emitting {
	struct ctx *ctx;
	const struct report_args *a;
	struct cmd_spool spool;
	bool header_done;
	int err;
};

static void spill(void *arg)
{
	struct emitting *e = arg;

	/* After a failure nothing goes out (cmd_spool_end): what is made
	 * since is let go, not held to the end. */
	if (e->err)
		lms_buf_reset(&e->ctx->out);
	else
		e->err = cmd_spool_add(e->ctx, &e->spool);
}

static void emit_piece(const struct lms_table *t, void *arg)
{
	struct emitting *e = arg;

	if (!e->header_done)
		render_table(e->a, t, &e->ctx->out);
	else
		lms_table_render_rows(t, e->a->format, e->a->excel,
				      &e->ctx->out);
	e->header_done = true;
	spill(e);
}

/* The table that pieces(source, ...) makes, as CSV or TSV. */
static int emit_table(struct ctx *ctx, const struct report_args *a,
		      lms_doc_pieces_fn *pieces, const void *source)
{
	struct emitting e = { .ctx = ctx, .a = a, .spool = { NULL } };

	pieces(source, emit_piece, &e);
	return cmd_spool_end(ctx, &e.spool, e.err);
}

/* The document, handed out as it is rendered (its tables of every row
 * are made so too), and released. */
static int emit_doc(struct ctx *ctx, const struct report_args *a,
		    struct lms_doc *doc)
{
	struct emitting e = { .ctx = ctx, .a = a, .spool = { NULL } };
	const struct lms_doc_sink to = { &ctx->out, spill, &e };

	lms_doc_render_to(doc, a->format, a->excel, &to);
	lms_doc_release(doc);
	return cmd_spool_end(ctx, &e.spool, e.err);
}

/* The aggregate's table for CSV and TSV: its figures or its follow-up. */
struct agg_table {
	const struct lms_agg *agg;
	bool followup;
};

static void agg_pieces(const void *source, lms_table_piece_fn *each,
		       void *arg)
{
	const struct agg_table *t = source;

	lms_agg_table_pieces(t->agg, false, t->followup, each, arg);
}

static int aggregate(struct ctx *ctx, struct report_args *a)
{
	struct lms_agg agg;
	const char **names = NULL;
	size_t nnames = 0;
	enum lms_lang was;
	int err, lang;

	if ((err = strictest_min_cell(ctx, a, &a->agg.min_cell, &lang)))
		return err;
	lms_agg_init(&agg, &a->agg);
	err = aggregate_trees(ctx, a, &agg, &names, &nnames);
	if (!err && agg.nforms > 1) {
		lms_buf_adds(&ctx->note, cmd_warning_prefix());
		lms_agg_forms_note(&agg, &ctx->note);
		lms_buf_addch(&ctx->note, '\n');
	}
	was = lms_i18n_set(cmd_doc_lang(ctx, lang, a->format, a->excel));
	if (!err && (a->format == LMS_FMT_CSV || a->format == LMS_FMT_TSV)) {
		/* CSV and TSV are a table alone, for scripts and sheets. */
		const struct agg_table t = {
			&agg, a->table == TABLE_FOLLOWUP
		};

		err = emit_table(ctx, a, agg_pieces, &t);
	} else if (!err) {
		struct lms_agg_about about = {
			names, nnames, marks_for(a->format), 40
		};
		struct lms_doc doc;

		lms_agg_report(&agg, &about, &doc);
		err = emit_doc(ctx, a, &doc);
	}
	lms_i18n_set(was);
	for (size_t i = 0; i < nnames; i++)
		free((char *)names[i]);
	free(names);
	lms_agg_release(&agg);
	return err;
}

/* The report by facilitator */

static int facilitator_period(const struct report_args *a, int32_t *from,
			      int32_t *to)
{
	if (a->not_by_facilitator)
		return cmd_usage_error(_("--%s is not for --by facilitator"),
				       a->not_by_facilitator);
	if (a->term && (a->agg.from != LMS_DATE_NONE ||
			a->agg.to != LMS_DATE_NONE))
		return cmd_usage_error(_("--term is a period: it cannot go "
					 "with --from or --to"));
	*from = a->agg.from;
	*to = a->agg.to;
	return a->term ? lms_fees_term(a->term, from, to) : 0;
}

/*
 * The work and fees of the facilitators: not an aggregate of pieces, and
 * exact (lms-report(1) says why), of the one tree.
 */
static void fees_pieces(const void *source, lms_table_piece_fn *each,
			void *arg)
{
	lms_fees_report_pieces(source, true, each, arg);
}

static int by_facilitator(struct ctx *ctx, struct report_args *a)
{
	struct lms_fees f;
	struct lms_doc doc;
	enum lms_lang was;
	int32_t from, to;
	int err;

	if ((err = facilitator_period(a, &from, &to)) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	lms_fees_init(&f, from, to);
	err = lms_fees_tree(&f, &ctx->tree);
	was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language,
					a->format, a->excel));
	if (!err && (a->format == LMS_FMT_CSV || a->format == LMS_FMT_TSV)) {
		a->agg.exact = true;	/* for the notice */
		err = emit_table(ctx, a, fees_pieces, &f);
	} else if (!err) {
		lms_fees_report(&f, &ctx->tree.service, &doc);
		err = emit_doc(ctx, a, &doc);
	}
	lms_i18n_set(was);
	lms_fees_release(&f);
	return err;
}

/* One report per course */

/* What --each makes a report of, and in which formats. */
static const char *const each_names[] = { "course", NULL };
static const char *const each_formats[] = { "html", "md", "csv", NULL };

static const char *extension(enum lms_format f)
{
	return f == LMS_FMT_MD ? "md" : f == LMS_FMT_CSV ? "csv" : "html";
}

static int write_file(const char *dir, const char *name, const char *ext,
		      const struct lms_buf *text)
{
	struct lms_buf path = LMS_BUF_INIT;
	int err;

	lms_buf_addf(&path, "%s/%s.%s", dir, name, ext);
	err = lms_write_atomic(path.buf, text->buf, text->len, 0);
	lms_buf_release(&path);
	return err;
}

/* The index: every course with its title, dates and report. */
static void index_row(struct lms_table *t, const struct lms_course *c,
		      enum lms_format f)
{
	char first[11] = "", last[11] = "";

	if (c->nsessions) {
		lms_i18n_date(lms_course_first_date(c), first);
		lms_i18n_date(lms_course_last_date(c), last);
	}
	lms_table_row(t);
	lms_table_cell(t, c->id);
	lms_table_cell(t, c->title);
	lms_table_cell(t, C_("course status", lms_status_names[c->status]));
	lms_table_cell(t, first);
	lms_table_cell(t, last);
	lms_table_cellf(t, "%s.%s", c->id, extension(f));
}

/* --each --exact: the course report, internal, as report course gives. */
static int each_course(struct ctx *ctx, struct lms_table *index,
		       const char *id, const struct report_args *a)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_course_data d;
	int err = lms_course_data_load(&ctx->tree, id, &d);

	if (!err) {
		enum lms_lang was;

		render_course(ctx, &d, a, &text);
		err = write_file(a->out, id, extension(a->format), &text);
		was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language,
						a->format, a->excel));
		index_row(index, &d.course, a->format);
		lms_i18n_set(was);
	}
	lms_course_data_release(&d);
	lms_buf_release(&text);
	return err;
}

/* --each: the course's row of the shared report by course, if the
 * report has the course (a cancelled one it has not). */
static int each_shared(struct ctx *ctx, struct lms_table *index,
		       const struct lms_agg *agg, const char *id,
		       const struct report_args *a)
{
	const char *service = ctx->tree.service.name;
	struct lms_agg_about about = { &service, 1, marks_for(a->format), 0 };
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_course c;
	struct lms_doc doc;
	int err = lms_tree_load_course(&ctx->tree, id, &c, NULL);

	if (err)
		return err;
	if (lms_strset_get(&agg->index, id)) {
		enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
			ctx->tree.service.language, a->format, a->excel));

		lms_agg_report_one(agg, id, c.title, &about, &doc);
		lms_doc_render(&doc, a->format, a->excel, &text);
		lms_doc_release(&doc);
		index_row(index, &c, a->format);
		lms_i18n_set(was);
		err = write_file(a->out, id, extension(a->format), &text);
	}
	lms_course_release(&c);
	lms_buf_release(&text);
	return err;
}

static int each(struct ctx *ctx, const struct report_args *a)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_agg_options agg_opt = {
		.by = LMS_BY_COURSE, .from = LMS_DATE_NONE, .to = LMS_DATE_NONE,
		.form = a->agg.form
	};
	struct lms_table index;
	struct lms_agg agg;
	struct lms_doc doc;
	struct cmd_progress p;
	char **ids = NULL;
	size_t n = 0, written;
	enum lms_lang was;
	int err;

	if (cmd_choice(each_names, a->each) < 0)
		return cmd_usage_error(_("--each: only '%s' is known"),
				       cmd_list(each_names, LMS_JOIN_OR));
	if (!a->out)
		return cmd_usage_error(_("--each needs --out DIR"));
	if (a->format_given && cmd_choice(each_formats, a->format_given) < 0)
		return cmd_usage_error(_("--each writes %s"),
				       cmd_list(each_formats, LMS_JOIN_OR));
	if ((err = cmd_open_tree(ctx)) || (err = lms_mkdirs(a->out, 0755)) ||
	    (err = lms_tree_course_ids(&ctx->tree, &ids, &n)))
		return err;
	agg_opt.today = ctx->today;
	agg_opt.min_cell = ctx->tree.service.min_cell;
	lms_agg_init(&agg, &agg_opt);
	if (!a->agg.exact) {
		cmd_progress_start(&p);
		err = add_tree(&agg, &ctx->tree, false, &p);
		cmd_progress_end(&p);
	}
	was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language,
					a->format, a->excel));
	{
		/* TRANSLATORS: the columns of the index of lms report --each. */
		const char *const cols[] = {
			_("course"), _("title"), _("status"), _("first"),
			_("last"), _("report"), NULL
		};

		lms_table_init(&index, cols);
	}
	lms_i18n_set(was);
	lms_table_set_links(&index, 5);
	cmd_progress_start(&p);
	for (size_t i = 0; i < n && !err; i++) {
		err = a->agg.exact ? each_course(ctx, &index, ids[i], a) :
		      each_shared(ctx, &index, &agg, ids[i], a);
		cmd_progress_show(i + 1, n, &p);
	}
	cmd_progress_end(&p);
	lms_agg_release(&agg);
	written = index.nrows;		/* the document takes the index */
	if (!err) {
		was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language,
						a->format, a->excel));
		lms_doc_init(&doc, ctx->tree.service.name);
		if (a->agg.exact)
			lms_doc_notice(&doc, _(LMS_INTERNAL_NOTICE));
		lms_doc_section(&doc, "courses", _("Course reports"));
		lms_doc_add_table(&doc, "courses", &index);
		lms_doc_render(&doc, a->format, a->excel, &text);
		lms_doc_release(&doc);
		lms_i18n_set(was);
		err = write_file(a->out, "index", extension(a->format), &text);
	}
	if (!err)
		lms_buf_addf(&ctx->out, lms_n_("wrote %zu course reports and an "
					       "index to %s\n", "wrote %zu course "
					       "reports and an index to %s\n",
					       written),
			     written, a->out);
	lms_table_release(&index);
	lms_buf_release(&text);
	lms_strings_free(ids, n);
	return err;
}

/* Options */

static size_t option_index(const struct option *o, int c)
{
	size_t i = 0;

	while (o[i].val != c)
		i++;
	return i;
}

static int parse(int argc, char **argv, struct ctx *ctx, struct report_args *a)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "status", required_argument, NULL, 's' },
		{ "form", required_argument, NULL, 'm' },
		{ "tree", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'F' },
		{ "each", required_argument, NULL, 'e' },
		{ "out", required_argument, NULL, 'o' },
		{ "excel", no_argument, NULL, 'x' },
		{ "exact", no_argument, NULL, 'E' },
		{ "new-key", no_argument, NULL, 'K' },
		{ "table", required_argument, NULL, 'B' },
		{ "term", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	memset(a, 0, sizeof(*a));
	a->agg.by = LMS_BY_COURSE;
	a->agg.from = a->agg.to = LMS_DATE_NONE;
	a->agg.today = ctx->today;
	a->agg.form = "mestringstro";
	a->format = LMS_FMT_TEXT;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		/* Remembered to refuse them with course or --each. */
		if (c > 0 && strchr("bftsmTKBr", c))
			a->agg_option = longopts[option_index(longopts, c)].name;
		if (c > 0 && strchr("smTEK", c))
			a->not_by_facilitator =
				longopts[option_index(longopts, c)].name;
		switch (c) {
		case 'b': err = cmd_parse_enum("--by", optarg, lms_group_by_names, &a->agg.by); break;
		case 'f': err = cmd_parse_date("--from", optarg, &a->agg.from); break;
		case 't': err = cmd_parse_date("--to", optarg, &a->agg.to); break;
		case 's': err = cmd_parse_enum("--status", optarg, lms_status_names, &a->agg.status); break;
		case 'm': a->agg.form = optarg, a->agg.form_required = true; break;
		case 'T': *(const char **)lms_array_push(&a->trees, &a->ntrees, sizeof(char *)) = optarg; break;
		case 'F':
			a->format_given = optarg;
			err = lms_format_parse(optarg, LMS_FMT_LISTING | LMS_FMT_MD |
					       LMS_FMT_HTML, &a->format);
			break;
		case 'e': a->each = optarg; break;
		case 'o': a->out = optarg; break;
		case 'x': a->excel = true; break;
		case 'E': a->agg.exact = true; break;
		case 'K': a->new_key = true; break;
		case 'B': err = cmd_parse_enum("--table", optarg, table_names, &a->table); break;
		case 'r': a->term = optarg; break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err)
		err = cmd_check_period(a->agg.from, a->agg.to);
	if (!err && a->table && a->format != LMS_FMT_CSV &&
	    a->format != LMS_FMT_TSV && !a->excel)
		err = cmd_usage_error(_("--table chooses the table of CSV and "
					"TSV: the other formats hold both"));
	if (!err && a->new_key && a->agg.exact)
		err = cmd_usage_error(_("--new-key makes the key of shared "
					"reports: --exact needs none"));
	/* A sheet for Excel is for people: municipalities by name. */
	a->agg.names = a->excel;
	/* --excel is a kind of CSV: alone, it chooses CSV. */
	if (!err && a->excel && !a->format_given)
		a->format = LMS_FMT_CSV, a->format_given = "csv";
	else if (!err && a->excel && a->format != LMS_FMT_CSV)
		err = cmd_usage_error(_("--excel writes CSV: it cannot go with "
				        "--format %s"), a->format_given);
	return err;
}

/*
 * The trees as rows will name them, without trailing slashes; a tree named
 * twice would count twice.
 */
static int check_trees(struct report_args *a)
{
	char **real = lms_calloc(a->ntrees + 1, sizeof(char *));
	int err = 0;

	for (size_t i = 0; i < a->ntrees && !err; i++) {
		char *t = (char *)a->trees[i];
		size_t n = strlen(t);

		while (n > 1 && t[n - 1] == '/')
			t[--n] = '\0';
		real[i] = realpath(t, NULL);
		for (size_t j = 0; j < i && real[i] && !err; j++)
			if (real[j] && !strcmp(real[i], real[j]))
				err = cmd_usage_error(_("--tree %s and --tree "
							"%s are the same tree"),
						      a->trees[j], t);
	}
	for (size_t i = 0; i < a->ntrees; i++)
		free(real[i]);
	free(real);
	return err;
}

static const struct cmd report_course_cmd;

/*
 * lms report, and lms report course ID (ctx->cmd says which): one set of
 * options, so that each says which of them is not for it.
 */
static int report(struct ctx *ctx, int argc, char **argv)
{
	bool course = ctx->cmd == &report_course_cmd;
	struct report_args a;
	int err = parse(argc, argv, ctx, &a);

	if (!err)
		err = check_trees(&a);
	a.agg.name_trees = a.ntrees > 1;
	if (!err && a.each) {
		if (!a.format_given)
			a.format = LMS_FMT_HTML;
		if (optind < argc || course)
			err = cmd_usage_error(_("--each takes no course"));
		else if (a.agg_option)
			err = cmd_usage_error(_("--%s is for the aggregate "
						"report, not --each"),
					      a.agg_option);
		else
			err = each(ctx, &a);
	} else if (!err && !course && optind < argc &&
		   cmd_find(ctx->cmd->sub, argv[optind])) {
		/* "lms report --format md course ID" */
		err = cmd_dispatch_operand(ctx, argc, argv);
	} else if (!err && (course || optind < argc)) {
		if (!course || argc - optind != 1)
			err = cmd_usage_error(_("give 'course' and a course "
						"id"));
		else if (a.agg_option || a.out || a.agg.exact)
			err = a.agg_option || a.out ?
			      cmd_usage_error(_("--%s is not for a course "
						"report"), a.out ? "out" :
					      a.agg_option) :
			      cmd_usage_error(_("--exact is not for a course "
						"report: it is always exact, "
						"and internal"));
		else
			err = one_course(ctx, &a, argv[optind]);
	} else if (!err && a.agg.by == LMS_BY_FACILITATOR) {
		err = a.out ? cmd_usage_error(_("--out is for --each")) :
		      by_facilitator(ctx, &a);
	} else if (!err) {
		err = a.out ? cmd_usage_error(_("--out is for --each")) :
		      a.term ? cmd_usage_error(_("--term is for --by "
						 "facilitator")) :
		      aggregate(ctx, &a);
	}
	free(a.trees);
	return err;
}

/* The usage is the whole command's: the options are too. */
static const struct cmd report_course_cmd = {
	"course", report, 0, usage, "report on one course", "lms-report", NULL
};

static const struct cmd *const report_verbs[] = { &report_course_cmd, NULL };

const struct cmd cmd_report = {
	"report", report, 0, usage,
	N_("report on courses, services and their evaluation"), "lms-report",
	report_verbs
};
