#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "export.h"
#include "fees.h"
#include "cmd.h"

/*
 * lms export: tidy tables of enrolments, attendance or evaluations, for R
 * or a spreadsheet.  People appear by id only; the register is not read.
 */

static const char *const usage[] = {
	"lms export enrolments | attendance | evaluations [COURSE...] "
	"[--format csv | tsv] [--excel]",
	"lms export fees [--term TERM | --from DATE --to DATE] "
	"[--format csv | tsv] [--excel] [-o FILE]",
	NULL
};

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The courses named, in id order and each once, or else all of them. */
static int course_ids(struct ctx *ctx, char **names, size_t nnames,
		      char ***out, size_t *n)
{
	char **sorted;

	if (!nnames)
		return lms_tree_course_ids(&ctx->tree, out, n);
	sorted = lms_calloc(nnames, sizeof(char *));
	memcpy(sorted, names, nnames * sizeof(char *));
	lms_array_sort(sorted, nnames, sizeof(char *), by_string);
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < nnames; i++)
		if (!i || strcmp(sorted[i - 1], sorted[i]))
			*(char **)lms_array_push(out, n, sizeof(char *)) =
				lms_strdup(sorted[i]);
	free(sorted);
	return 0;
}

static int options(int argc, char **argv, enum lms_format *fmt, bool *excel)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "excel", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	*fmt = LMS_FMT_CSV;
	*excel = false;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		if (c == 'F')
			err = lms_format_parse(optarg, LMS_FMT_CSV | LMS_FMT_TSV,
					       fmt);
		else if (c == 'x')
			*excel = true;
		else
			err = LMS_EUSAGE;
	}
	if (!err && *excel && *fmt == LMS_FMT_TSV)
		err = cmd_usage_error(_("--excel writes CSV: it cannot go with "
				        "--format tsv"));
	return err;
}

/* lms export TABLE: the table is the verb (see export_verbs). */
static int export(struct ctx *ctx, int argc, char **argv,
		  enum lms_export_table which)
{
	struct cmd_spool spool = { NULL };
	enum lms_format fmt;
	struct lms_table t;
	bool excel;
	char **ids = NULL;
	size_t n = 0;
	int err;

	if ((err = options(argc, argv, &fmt, &excel)) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	lms_export_init(&t, which);
	err = course_ids(ctx, argv + optind, (size_t)(argc - optind), &ids, &n);
	/* A course at a time, and spooled: a national tree's export is
	 * larger than lms may take of memory. */
	if (!err)
		lms_table_render(&t, fmt, excel, &ctx->out);
	for (size_t i = 0; i < n && !err; i++) {
		err = lms_export_course(&ctx->tree, ids[i], which, &t);
		lms_table_render_rows(&t, fmt, excel, &ctx->out);
		lms_table_clear_rows(&t);
		if (!err)
			err = cmd_spool_add(ctx, &spool);
	}
	/* Nothing on a failure: half an export would pass for all of it. */
	err = cmd_spool_end(ctx, &spool, err);
	if (err)
		lms_buf_reset(&ctx->out);
	lms_table_release(&t);
	lms_strings_free(ids, n);
	return err;
}

static int export_enrolments(struct ctx *ctx, int argc, char **argv)
{
	return export(ctx, argc, argv, LMS_EXPORT_ENROLMENTS);
}

static int export_attendance(struct ctx *ctx, int argc, char **argv)
{
	return export(ctx, argc, argv, LMS_EXPORT_ATTENDANCE);
}

static int export_evaluations(struct ctx *ctx, int argc, char **argv)
{
	return export(ctx, argc, argv, LMS_EXPORT_EVALUATIONS);
}

/* lms export fees: for payroll, with names; see lms-export(1). */

struct fee_args {
	enum lms_format fmt;
	bool excel;
	const char *term, *out;
	int32_t from, to;
};

static int fee_options(int argc, char **argv, struct fee_args *a)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "excel", no_argument, NULL, 'x' },
		{ "term", required_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "o:", longopts)) != -1) {
		switch (c) {
		case 'F': err = lms_format_parse(optarg, LMS_FMT_CSV | LMS_FMT_TSV, &a->fmt); break;
		case 'x': a->excel = true; break;
		case 'r': a->term = optarg; break;
		case 'f': err = cmd_parse_date("--from", optarg, &a->from); break;
		case 't': err = cmd_parse_date("--to", optarg, &a->to); break;
		case 'o': a->out = optarg; break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err && a->excel && a->fmt == LMS_FMT_TSV)
		err = cmd_usage_error(_("--excel writes CSV: it cannot go with "
				        "--format tsv"));
	if (!err)
		err = cmd_check_period(a->from, a->to);
	if (!err && a->term && (a->from != LMS_DATE_NONE ||
				a->to != LMS_DATE_NONE))
		err = cmd_usage_error(_("--term is a period: it cannot go "
					"with --from or --to"));
	if (!err && a->term)
		err = lms_fees_term(a->term, &a->from, &a->to);
	if (!err && optind < argc)
		err = cmd_usage_error(_("'%s': the fees are of every course"),
				      argv[optind]);
	return err;
}

/* The export names people: never into a file git keeps. */
static int check_fee_out(struct ctx *ctx, const char *out)
{
	switch (cmd_private_out(ctx, out)) {
	case CMD_OUT_LMS:
		return lms_error(LMS_EREFUSED, _("%s: is a file or folder of "
				 "lms's own in the tree; write the fees outside "
				 "the tree"), out);
	case CMD_OUT_TRACKED:
		return lms_error(LMS_EREFUSED, _("%s: is inside the tree and not "
				 "ignored by git; the fees name people: write "
				 "them outside the tree"), out);
	default:
		return 0;
	}
}

static int export_fees(struct ctx *ctx, int argc, char **argv)
{
	struct fee_args a = { LMS_FMT_CSV, false, NULL, NULL, LMS_DATE_NONE,
			      LMS_DATE_NONE };
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_table t;
	struct lms_fees f;
	int err;

	if ((err = fee_options(argc, argv, &a)) ||
	    (err = cmd_open_tree(ctx)) ||
	    (a.out && (err = check_fee_out(ctx, a.out))))
		return err;
	lms_fees_init(&f, a.from, a.to);
	if (!(err = lms_fees_tree(&f, &ctx->tree))) {
		lms_fees_export_table(&f, &t);
		lms_table_render(&t, a.fmt, a.excel, &text);
		lms_table_release(&t);
	}
	if (!err && a.out)
		err = lms_write_atomic(a.out, text.buf, text.len, 0600);
	else if (!err)
		lms_buf_add(&ctx->out, text.buf, text.len);
	lms_buf_release(&text);
	lms_fees_release(&f);
	return err;
}

static const struct cmd export_fees_cmd = {
	"fees", export_fees, CMD_TREE, usage,
	"export the fees of facilitators, for payroll", "lms-export", NULL
};

static const struct cmd export_enrolments_cmd = {
	"enrolments", export_enrolments, CMD_TREE, usage,
	"export the enrolments", "lms-export", NULL
};

static const struct cmd export_attendance_cmd = {
	"attendance", export_attendance, CMD_TREE, usage,
	"export the attendance", "lms-export", NULL
};

static const struct cmd export_evaluations_cmd = {
	"evaluations", export_evaluations, CMD_TREE, usage,
	"export the evaluations", "lms-export", NULL
};

static const struct cmd *const export_verbs[] = {
	&export_enrolments_cmd, &export_attendance_cmd,
	&export_evaluations_cmd, &export_fees_cmd, NULL
};

/*
 * Without a table first: the options are read (their errors come first),
 * then the table, which may come after them ("--excel attendance"), is
 * named or asked for.
 */
static int no_table(struct ctx *ctx, int argc, char **argv)
{
	struct lms_buf tables = LMS_BUF_INIT;
	enum lms_format fmt;
	bool excel;
	int err = options(argc, argv, &fmt, &excel);

	if (!err && optind < argc && cmd_find(ctx->cmd->sub, argv[optind]))
		return cmd_dispatch_operand(ctx, argc, argv);
	cmd_add_verbs(&tables, ctx->cmd, LMS_JOIN_OR);
	if (!err && optind == argc)
		err = cmd_usage_error(_("give the table: %s"), tables.buf);
	else if (!err)
		err = cmd_usage_error(_("'%s' is not a table: give %s"),
				      argv[optind], tables.buf);
	lms_buf_release(&tables);
	return err;
}

const struct cmd cmd_export = {
	"export", no_table, 0, usage,
	N_("export enrolments, attendance or evaluations as tidy tables, "
	   "and fees for payroll"),
	"lms-export", export_verbs
};
