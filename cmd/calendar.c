#include <stdbool.h>
#include <string.h>

#include "ical.h"
#include "cmd.h"

/*
 * lms calendar: the sessions as an iCalendar file, to import into or
 * subscribe to from a calendar program.
 */

#ifndef LMS_VERSION
#define LMS_VERSION "0.1.0"
#endif

static const char *const usage[] = { "lms calendar [COURSE...]", NULL };

/*
 * A course named on the command line is always shown, so that its events
 * can be marked cancelled in a calendar they were imported into; the whole
 * calendar leaves cancelled courses out.
 */
static int add_course(struct ctx *ctx, const struct lms_ical *cal,
		      const char *id, bool named)
{
	struct lms_course c;
	int err;

	if ((err = lms_tree_load_course(&ctx->tree, id, &c, NULL)))
		return err;
	if (named || c.status != LMS_COURSE_CANCELLED) {
		/* The events' text is for people: the tree's language. */
		enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
			ctx->tree.service.language, LMS_FMT_TEXT, false));

		lms_ical_add_course(cal, &c);
		lms_i18n_set(was);
	}
	lms_course_release(&c);
	return 0;
}

static int named_courses(struct ctx *ctx, const struct lms_ical *cal,
			 int argc, char **argv)
{
	int err = 0;

	for (int i = optind; i < argc && !err; i++) {
		bool again = false;

		for (int j = optind; j < i; j++)
			again |= !strcmp(argv[i], argv[j]);
		if (!again)
			err = add_course(ctx, cal, argv[i], true);
	}
	return err;
}

/* A course at a time, spooled: a national tree's calendar is larger than
 * lms may take of memory. */
static int all_courses(struct ctx *ctx, const struct lms_ical *cal,
		       struct cmd_spool *spool)
{
	char **ids;
	size_t n;
	int err = lms_tree_course_ids(&ctx->tree, &ids, &n);

	for (size_t i = 0; i < n && !err; i++)
		if (!(err = add_course(ctx, cal, ids[i], false)))
			err = cmd_spool_add(ctx, spool);
	lms_strings_free(ids, n);
	return err;
}

static int calendar(struct ctx *ctx, int argc, char **argv)
{
	/* Empty, not NULL: getopt_long then names an unknown long option. */
	static const struct option longopts[] = { { NULL, 0, NULL, 0 } };
	struct cmd_spool spool = { NULL };
	struct lms_facilitator *facs;
	struct lms_ical cal;
	size_t nfacs;
	int opt, err;

	while ((opt = cmd_getopt(argc, argv, "", longopts)) != -1)
		return LMS_EUSAGE;
	if ((err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_facilitators(&ctx->tree, &facs, &nfacs, NULL)))
		return err;
	cal = (struct lms_ical){ &ctx->out, ctx->today, facs, nfacs, false };
	lms_ical_begin(&cal, ctx->tree.service.name, LMS_VERSION);
	err = optind < argc ? named_courses(ctx, &cal, argc, argv) :
	      all_courses(ctx, &cal, &spool);
	lms_ical_end(&cal);
	/* Half a calendar is worse than none: print it only when whole. */
	if ((err = cmd_spool_end(ctx, &spool, err)))
		lms_buf_reset(&ctx->out);
	lms_facilitators_free(facs, nfacs);
	return err;
}

const struct cmd cmd_calendar = {
	"calendar", calendar, CMD_TREE, usage,
	N_("print the sessions as an iCalendar file"), "lms-calendar", NULL
};
