#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "export.h"
#include "cmd.h"

/*
 * lms export: tidy tables of enrolments, attendance or evaluations, for R
 * or a spreadsheet.  People appear by id only; the register is not read.
 */

static const char *const usage[] = {
	"lms export enrolments | attendance | evaluations [COURSE...] "
	"[--format csv | tsv] [--excel]",
	NULL
};

static int parse_table(const char *name, enum lms_export_table *out)
{
	for (int i = 1; lms_export_names[i]; i++) {
		if (!strcmp(name, lms_export_names[i])) {
			*out = (enum lms_export_table)i;
			return 0;
		}
	}
	return cmd_usage_error(_("'%s' is not a table: give enrolments, "
			         "attendance or evaluations"), name);
}

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
	if (!err && optind == argc)
		err = cmd_usage_error(_("give the table: enrolments, attendance "
				        "or evaluations"));
	return err;
}

static int export(struct ctx *ctx, int argc, char **argv)
{
	enum lms_export_table which = LMS_EXPORT_ENROLMENTS;
	enum lms_format fmt;
	struct lms_table t;
	bool excel;
	char **ids = NULL;
	size_t n = 0;
	int err;

	if ((err = options(argc, argv, &fmt, &excel)) ||
	    (err = parse_table(argv[optind], &which)))
		return err;
	lms_export_init(&t, which);
	err = course_ids(ctx, argv + optind + 1, (size_t)(argc - optind - 1),
			 &ids, &n);
	for (size_t i = 0; i < n && !err; i++)
		err = lms_export_course(&ctx->tree, ids[i], which, &t);
	/* Nothing on a failure: half an export would pass for all of it. */
	if (!err)
		lms_table_render(&t, fmt, excel, &ctx->out);
	lms_table_release(&t);
	lms_strings_free(ids, n);
	return err;
}

const struct cmd cmd_export = {
	"export", export, CMD_TREE, usage,
	N_("export enrolments, attendance or evaluations as tidy tables"),
	"lms-export", NULL
};
