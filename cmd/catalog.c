#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cataloguetree.h"
#include "cmd.h"

/*
 * lms catalog: the upcoming public courses, for the public: an HTML page
 * to put on a web site or print, an iCalendar or JSON feed, text; or one
 * course as a poster.  Nothing of participants is read.
 */

#ifndef LMS_VERSION
#define LMS_VERSION "0.1.0"
#endif

static const char *const usage[] = {
	"lms catalog [--tree DIR]... "
	"[--format html | ics | json | md | text]",
	"lms catalog COURSE --poster",
	NULL
};

enum fmt { HTML, ICS, JSON, MD, TEXT };
static const char *const fmt_names[] = { "html", "ics", "json", "md", "text",
					 NULL };

struct catalog_args {
	enum fmt fmt;
	bool poster;
	const char *course;		/* of the poster */
	const char **trees;
	size_t ntrees;
};

static int parse(int argc, char **argv, struct catalog_args *a)
{
	static const struct option longopts[] = {
		{ "tree", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		{ "poster", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		size_t i = 0;

		switch (c) {
		case 'T':
			*(const char **)lms_array_push(&a->trees, &a->ntrees,
						       sizeof(char *)) = optarg;
			break;
		case 'f':
			while (fmt_names[i] && strcmp(fmt_names[i], optarg))
				i++;
			if (!fmt_names[i])
				err = cmd_usage_error(_("--format must be "
							"html, ics, json, md "
							"or text"));
			a->fmt = (enum fmt)i;
			break;
		case 'p':
			a->poster = true;
			break;
		default:
			err = LMS_EUSAGE;
		}
	}
	if (err)
		return err;
	if (a->poster && (argc - optind != 1 || a->ntrees ||
			  a->fmt != HTML))
		return cmd_usage_error(_("--poster takes one course and no "
					 "--tree or --format"));
	if (!a->poster && optind < argc)
		return cmd_usage_error(_("a course is named only with "
					 "--poster"));
	a->course = a->poster ? argv[optind] : NULL;
	return 0;
}

/* A tree named twice would list its courses twice. */
static int check_trees(const struct catalog_args *a)
{
	char **real = lms_calloc(a->ntrees + 1, sizeof(char *));
	int err = 0;

	for (size_t i = 0; i < a->ntrees && !err; i++) {
		real[i] = realpath(a->trees[i], NULL);
		for (size_t j = 0; j < i && real[i] && !err; j++)
			if (real[j] && !strcmp(real[i], real[j]))
				err = cmd_usage_error(_("--tree %s and --tree "
							"%s are the same tree"),
						      a->trees[j], a->trees[i]);
	}
	for (size_t i = 0; i < a->ntrees; i++)
		free(real[i]);
	free(real);
	return err;
}

/* One tree of --tree, read under its shared lock. */
static int add_other_tree(struct ctx *ctx, struct lms_catalogue *cat,
			  const char *dir, int *lang)
{
	struct lms_tree t;
	int err;

	if ((err = lms_tree_open(&t, dir)))
		return err;
	err = lms_tree_begin_read(&t, ctx->lock_timeout_ms);
	if (t.recovered)
		fprintf(stderr, _("lms: finished a change that an interrupted "
				  "lms had begun in '%s'\n"), t.root);
	if (!err)
		err = lms_catalogue_add_tree(cat, &t);
	if (!err && !*lang)
		*lang = t.service.language;
	if (!err && t.service.name) {
		struct lms_buf title = LMS_BUF_INIT;

		lms_buf_addf(&title, "%s%s%s", cat->title ? cat->title : "",
			     cat->title ? ", " : "", t.service.name);
		free(cat->title);
		cat->title = lms_buf_detach(&title);
	}
	lms_tree_release(&t);
	return err;
}

static int collect(struct ctx *ctx, const struct catalog_args *a,
		   struct lms_catalogue *cat, int *lang)
{
	int err = 0;

	if (!a->ntrees) {
		if ((err = cmd_open_tree(ctx)))
			return err;
		*lang = ctx->tree.service.language;
		cat->title = ctx->tree.service.name ?
			     lms_strdup(ctx->tree.service.name) : NULL;
		err = a->poster ? lms_catalogue_add_course(cat, &ctx->tree,
							   a->course) :
		      lms_catalogue_add_tree(cat, &ctx->tree);
	}
	for (size_t i = 0; i < a->ntrees && !err; i++)
		err = add_other_tree(ctx, cat, a->trees[i], lang);
	cat->regional = a->ntrees > 1;
	lms_catalogue_sort(cat);
	return err;
}

static void render(struct ctx *ctx, const struct catalog_args *a,
		   const struct lms_catalogue *cat)
{
	struct lms_ical cal = { &ctx->out, cat->today, NULL, 0, true };

	switch (a->fmt) {
	case HTML:
		if (a->poster)
			lms_catalogue_poster(cat, &cat->v[0], &ctx->out);
		else
			lms_catalogue_html(cat, &ctx->out);
		break;
	case ICS:
		lms_ical_begin(&cal, cat->title, LMS_VERSION);
		lms_catalogue_ical(cat, &cal);
		lms_ical_end(&cal);
		break;
	case JSON:
		lms_catalogue_json(cat, &ctx->out);
		break;
	case MD:
	case TEXT:
		lms_catalogue_text(cat, a->fmt == MD, &ctx->out);
		break;
	}
}

static int catalog(struct ctx *ctx, int argc, char **argv)
{
	struct catalog_args a = { HTML, false, NULL, NULL, 0 };
	struct lms_catalogue cat;
	enum lms_lang was;
	int err, lang = 0;

	lms_catalogue_init(&cat, ctx->today);
	if ((err = parse(argc, argv, &a)) || (err = check_trees(&a)) ||
	    (err = collect(ctx, &a, &cat, &lang)))
		goto out;
	/* Text for people in the (first) service's language; the JSON
	 * feed's keys and values are the same in any. */
	was = lms_i18n_set(a.fmt == JSON ? LMS_LANG_EN :
			   cmd_doc_lang(ctx, lang, LMS_FMT_TEXT, false));
	render(ctx, &a, &cat);
	lms_i18n_set(was);
out:
	lms_catalogue_release(&cat);
	free(a.trees);
	return err;
}

const struct cmd cmd_catalog = {
	"catalog", catalog, CMD_TREE, usage,
	N_("print the public catalogue of upcoming courses"), "lms-catalog",
	NULL
};
