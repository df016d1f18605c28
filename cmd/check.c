#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "id.h"
#include "suggest.h"
#include "cmd.h"

/*
 * lms check: the tree's findings, as a compiler prints its diagnostics
 * (or as YAML or CSV for scripts), and an exit status that a pre-commit
 * hook can act on.
 */

static const char *const usage[] = {
	"lms check [COURSE...] [--rule NAME]... [--no-rule NAME]... "
	"[--strict] [--format text | yaml | csv]",
	NULL
};

struct check_args {
	unsigned only, without;		/* rules of --rule and --no-rule */
	bool strict;
	enum lms_format format;
};

/* The formats of --format, in the order the usage names them. */
static const char *const formats[] = { "text", "yaml", "csv", NULL };

static int parse_rule(const char *opt, const char *name, unsigned *rules)
{
	int rule = cmd_choice(lms_rule_names, name);
	const char *hint;

	if (rule < 0 && (hint = lms_suggest(name, lms_rule_names, LMS_NRULES)))
		return cmd_usage_error(_("%s: no rule '%s'; did you mean "
					 "'%s'?"), opt, name, hint);
	if (rule < 0)
		return cmd_usage_error(_("%s: no rule '%s' (the rules: %s)"),
				       opt, name, cmd_list(lms_rule_names,
							   LMS_JOIN_COMMAS));
	*rules |= 1u << rule;
	return 0;
}

static int parse(int argc, char **argv, struct check_args *a)
{
	static const struct option longopts[] = {
		{ "rule", required_argument, NULL, 'r' },
		{ "no-rule", required_argument, NULL, 'n' },
		{ "strict", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	memset(a, 0, sizeof(*a));
	a->format = LMS_FMT_TEXT;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'r': err = parse_rule("--rule", optarg, &a->only); break;
		case 'n': err = parse_rule("--no-rule", optarg, &a->without); break;
		case 's': a->strict = true; break;
		case 'F':
			if (cmd_choice(formats, optarg) < 0)
				err = cmd_usage_error(_("--format: '%s' is not "
							"%s"), optarg,
						      cmd_list(formats,
							       LMS_JOIN_OR));
			else
				err = lms_format_parse(optarg, LMS_FMT_LISTING,
						       &a->format);
			break;
		default: err = LMS_EUSAGE; break;
		}
	}
	return err;
}

/*
 * The findings go out as they are printed, through a temporary file past
 * a size (cmd_spool), and each is let go once printed (lms_findings_each):
 * at 53,500 courses the text alone is tens of megabytes.
 */
struct printing {
	struct ctx *ctx;
	struct cmd_spool *spool;
	struct lms_buf place;
	struct lms_table table;
	enum lms_format format;
	size_t left;			/* findings not yet in the table */
	bool piece_out;			/* the table's first piece is out */
};

/* "path:line:col: error: message [rule]", without what is unknown; the
 * severity in the language, the rule by its name, which --rule takes. */
static int print_text(void *arg, const struct lms_finding *x)
{
	struct printing *p = arg;

	lms_buf_reset(&p->place);
	lms_buf_adds(&p->place, x->path);
	if (x->line)
		lms_buf_addf(&p->place, ":%u", x->line);
	if (x->line && x->col)
		lms_buf_addf(&p->place, ":%u", x->col);
	/* TRANSLATORS: a finding of lms check: "PLACE: error: MESSAGE
	 * [RULE]"; the rule is a name that --rule takes. */
	lms_buf_addf(&p->ctx->out, x->severity == LMS_ERROR ?
		     _("%s: error: %s [%s]\n") : _("%s: warning: %s [%s]\n"),
		     p->place.buf, x->msg, lms_rule_names[x->rule]);
	return cmd_spool_add(p->ctx, p->spool);
}

/* For scripts: English, as the findings were made (see check).  The
 * table is rendered in pieces of rows: CSV's header comes with the first,
 * YAML's "[]" only when there is no row at all. */
static int print_row(void *arg, const struct lms_finding *x)
{
	struct printing *p = arg;
	struct lms_table *t = &p->table;

	lms_table_row(t);
	lms_table_cell(t, x->path);
	if (x->line)
		lms_table_cellf(t, "%u", x->line);
	else
		lms_table_cell(t, "");
	if (x->col)
		lms_table_cellf(t, "%u", x->col);
	else
		lms_table_cell(t, "");
	lms_table_cell(t, lms_severity_names[x->severity]);
	lms_table_cell(t, lms_rule_names[x->rule]);
	lms_table_cell(t, x->msg);
	if (--p->left && t->nrows < CMD_TABLE_PIECE)
		return 0;
	cmd_emit_table_piece(p->ctx, t, p->format, !p->piece_out);
	lms_table_clear_rows(t);
	p->piece_out = true;
	return cmd_spool_add(p->ctx, p->spool);
}

static int print_findings(struct ctx *ctx, struct lms_findings *f,
			  enum lms_format format, struct cmd_spool *spool)
{
	static const char *const cols[] = {
		"path", "line", "col", "severity", "rule", "message", NULL
	};
	struct printing p = { .ctx = ctx, .spool = spool, .format = format,
			      .place = LMS_BUF_INIT };
	int err;

	p.left = lms_findings_count(f, LMS_ERROR) +
		 lms_findings_count(f, LMS_WARNING);
	lms_table_init(&p.table, cols);
	lms_table_set_numeric(&p.table, 1);
	lms_table_set_numeric(&p.table, 2);
	if (format == LMS_FMT_TEXT)
		err = lms_findings_each(f, print_text, &p);
	else if (!p.left)
		err = (cmd_emit_table(ctx, &p.table, format), 0);
	else
		err = lms_findings_each(f, print_row, &p);
	lms_table_release(&p.table);
	lms_buf_release(&p.place);
	return err;
}

/* "2 errors and 1 warning" */
static void count_words(struct lms_buf *b, size_t errors, size_t warnings)
{
	if (errors)
		lms_buf_addf(b, lms_n_("%zu error", "%zu errors", errors),
			     errors);
	if (errors && warnings)
		lms_buf_adds(b, _(" and "));
	if (warnings)
		lms_buf_addf(b, lms_n_("%zu warning", "%zu warnings", warnings),
			     warnings);
}

static int check(struct ctx *ctx, int argc, char **argv)
{
	struct check_args a;
	struct lms_check_options opt = { 0 };
	struct lms_findings found;
	struct cmd_progress progress;
	struct lms_buf summary = LMS_BUF_INIT;
	struct cmd_spool spool = { NULL };
	size_t errors = 0, warnings = 0;
	enum lms_lang was;
	int err;

	if ((err = parse(argc, argv, &a)))
		return err;
	for (int i = optind; i < argc; i++)
		if (!lms_id_valid(argv[i]))
			return cmd_usage_error(_("'%s' is not a course id"),
					       argv[i]);
	if ((err = cmd_open_tree(ctx)))
		return err;
	/* Here, in the user's language, not under the findings' below. */
	for (int i = optind; i < argc; i++) {
		int found = lms_tree_has_course(&ctx->tree, argv[i]);

		if (found <= 0)
			return found < 0 ? found :
			       lms_error(LMS_ENOENT, _("no such course: '%s'"),
					 argv[i]);
	}
	opt.rules = (a.only ? a.only : LMS_ALL_RULES) & ~a.without;
	opt.today = ctx->today;
	opt.courses = argv + optind;
	opt.ncourses = (size_t)(argc - optind);
	opt.progress = cmd_progress_show;
	opt.progress_arg = &progress;
	opt.tmpdir = getenv("TMPDIR");
	/* The findings are made in the language they are printed in:
	 * English for YAML and CSV, which scripts read. */
	was = lms_i18n_set(cmd_doc_lang(ctx, LMS_LANG_UNSET, a.format, false));
	cmd_progress_start(&progress);
	err = lms_check_tree(&ctx->tree, &opt, &found);
	cmd_progress_end(&progress);
	if (!err) {
		errors = lms_findings_count(&found, LMS_ERROR);
		warnings = lms_findings_count(&found, LMS_WARNING);
		if (a.format != LMS_FMT_TEXT)
			err = print_findings(ctx, &found, a.format, &spool);
	}
	lms_i18n_set(was);
	if (!err && a.format == LMS_FMT_TEXT)
		err = print_findings(ctx, &found, a.format, &spool);
	lms_findings_release(&found);
	/* The findings go out whether or not they refuse the tree. */
	if ((err = cmd_spool_end(ctx, &spool, err)))
		return err;
	count_words(&summary, errors, warnings);
	if (errors || (a.strict && warnings))
		err = lms_error(LMS_EREFUSED, "%s", summary.buf);
	else if (warnings)	/* after the findings, as a compiler says it */
		lms_buf_addf(&ctx->note, "lms: %s\n", summary.buf);
	lms_buf_release(&summary);
	return err;
}

const struct cmd cmd_check = {
	"check", check, CMD_TREE, usage,
	N_("find mistakes in plans, user participation and privacy"),
	"lms-check", NULL
};
