#include <stdlib.h>
#include <string.h>

#include "../lib/alloc.h"
#include "../lib/coursereport.h"
#include "cmd.h"

/* lms report course ID: the evaluation report of one course. */

struct course_data {
	struct lms_course course;
	struct lms_facilitator *facilitators;
	size_t nfacilitators;
	struct lms_enrolments enrolments;
	struct lms_attendance attendance;
	struct lms_evaluations evaluations;
	struct lms_form *forms;
	size_t nforms;
};

static void release_data(struct course_data *d)
{
	lms_course_release(&d->course);
	lms_facilitators_free(d->facilitators, d->nfacilitators);
	lms_enrolments_release(&d->enrolments);
	lms_attendance_release(&d->attendance);
	lms_evaluations_release(&d->evaluations);
	for (size_t i = 0; i < d->nforms; i++)
		lms_form_release(&d->forms[i]);
	free(d->forms);
}

static int load_data(struct ctx *ctx, const char *id, struct course_data *d)
{
	int err;

	memset(d, 0, sizeof(*d));
	if ((err = lms_tree_load_course(&ctx->tree, id, &d->course, NULL)) ||
	    (err = lms_tree_load_facilitators(&ctx->tree, &d->facilitators,
					      &d->nfacilitators, NULL)) ||
	    (err = lms_tree_load_enrolments(&ctx->tree, id, &d->enrolments)) ||
	    (err = lms_tree_load_attendance(&ctx->tree, id, &d->attendance)) ||
	    (err = lms_tree_load_evaluations(&ctx->tree, id, &d->evaluations)))
		return err;
	for (size_t i = 0; i < d->course.nforms && !err; i++) {
		struct lms_form *f = lms_array_push(&d->forms, &d->nforms,
						    sizeof(*f));

		if ((err = lms_tree_load_form(&ctx->tree, d->course.forms[i], f,
					      NULL)))
			d->nforms--;
	}
	return err;
}

int cmd_course_report(struct ctx *ctx, const char *id, struct lms_doc *out)
{
	struct course_data d;
	int err = load_data(ctx, id, &d);

	if (!err) {
		struct lms_course_files files = {
			&d.course, d.facilitators, d.nfacilitators, &d.enrolments,
			&d.attendance, &d.evaluations, d.forms, d.nforms
		};

		lms_course_report(out, &files);
	}
	release_data(&d);
	return err;
}

static const char *const usage[] = {
	"lms report course ID [--format text | md | yaml | csv]",
	NULL
};

static int report(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	enum lms_format fmt = LMS_FMT_TEXT;
	struct lms_doc doc;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'F' ? lms_format_parse(optarg, LMS_FMT_TEXT |
						  LMS_FMT_MD | LMS_FMT_YAML |
						  LMS_FMT_CSV, &fmt) :
		      LMS_EUSAGE;
	if (err)
		return err;
	if (argc - optind != 2 || strcmp(argv[optind], "course"))
		return cmd_usage_error("give 'course' and a course id");
	if ((err = cmd_course_report(ctx, argv[optind + 1], &doc)))
		return err;
	lms_doc_render(&doc, fmt, false, &ctx->out);
	lms_doc_release(&doc);
	return 0;
}

const struct cmd cmd_report = {
	"report", report, CMD_TREE, usage,
	"report on a course's evaluation", "lms-report", NULL
};
