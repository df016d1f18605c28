#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "strset.h"
#include "cmd.h"

/*
 * lms purge: the register keeps a person only while the service needs to
 * reach them, retention_months after their last course ended.
 */

struct last_seen {
	struct lms_strset index;	/* person id -> 1 + index into dates */
	int32_t *dates;
	size_t n;
};

static void saw(struct last_seen *s, const char *person, int32_t date)
{
	size_t i = (size_t)(uintptr_t)lms_strset_get(&s->index, person);

	if (!i) {
		*(int32_t *)lms_array_push(&s->dates, &s->n, sizeof(int32_t)) = date;
		lms_strset_add(&s->index, person, (void *)(uintptr_t)s->n);
	} else if (date > s->dates[i - 1]) {
		s->dates[i - 1] = date;
	}
}

/* The day each person's last course ended (its last session). */
static int last_courses(struct ctx *ctx, struct last_seen *s)
{
	char **ids;
	size_t n;
	int err = lms_tree_course_ids(&ctx->tree, &ids, &n);

	for (size_t i = 0; i < n && !err; i++) {
		struct lms_course c;
		struct lms_enrolments e;
		int32_t end;

		if ((err = lms_tree_load_course(&ctx->tree, ids[i], &c, NULL)))
			break;
		end = lms_course_last_date(&c);
		lms_course_release(&c);
		if ((err = lms_tree_load_enrolments(&ctx->tree, ids[i], &e)))
			break;
		for (size_t j = 0; j < e.n; j++)
			saw(s, e.v[j].person, end == LMS_DATE_NONE ?
			    ctx->today : end);
		lms_enrolments_release(&e);
	}
	lms_strings_free(ids, n);
	return err;
}

static const char *const usage[] = { "lms purge [--dry-run]", NULL };

/* What purge says of each person: [dry run][had a course]. */
static const char *const forgetting[2][2] = {
	{ N_("forgot %s: no course, consent given %s\n"),
	  N_("forgot %s: last course ended %s\n") },
	{ N_("would forget %s: no course, consent given %s\n"),
	  N_("would forget %s: last course ended %s\n") },
};

static int purge(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct last_seen seen = { { NULL, 0, 0 }, NULL, 0 };
	struct lms_buf report = LMS_BUF_INIT;
	struct lms_register reg;
	bool dry_run = false;
	size_t forgotten = 0;
	int32_t cutoff;
	int c, err = 0;

	while ((c = cmd_getopt(argc, argv, "n", longopts)) != -1) {
		if (c != 'n')
			return LMS_EUSAGE;
		dry_run = true;
	}
	if ((err = cmd_no_args_left(argc, argv)) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_register(&ctx->tree, &reg)))
		return err;
	cutoff = lms_date_add_months(ctx->today,
				     -ctx->tree.service.retention_months);
	err = last_courses(ctx, &seen);
	for (size_t i = 0; i < reg.n && !err;) {
		size_t k = (size_t)(uintptr_t)lms_strset_get(&seen.index,
							     reg.v[i].id);
		/* Without a course, the consent date counts as the last. */
		int32_t last = k ? seen.dates[k - 1] : reg.v[i].consent;
		char date[11];

		if (last == LMS_DATE_NONE || last >= cutoff) {
			i++;
			continue;
		}
		lms_i18n_date(last, date);
		lms_buf_addf(&report, _(forgetting[dry_run][k != 0]),
			     reg.v[i].id, date);
		forgotten++;
		if (dry_run)
			i++;
		else
			lms_register_remove(&reg, &reg.v[i]);
	}
	if (!err && forgotten && !dry_run)
		err = lms_tree_save_register(&ctx->tree, &reg);
	if (!err && !forgotten)
		lms_buf_addf(&report, lms_n_("nobody to forget: every record "
					     "is younger than %d months\n",
					     "nobody to forget: every record "
					     "is younger than %d months\n",
					     (unsigned long)ctx->tree.service.
					     retention_months),
			     ctx->tree.service.retention_months);
	/* Say what was forgotten only once it is. */
	if (!err)
		lms_buf_add(&ctx->out, report.buf, report.len);
	lms_buf_release(&report);
	lms_strset_release(&seen.index);
	free(seen.dates);
	lms_register_release(&reg);
	return err;
}

const struct cmd cmd_purge = {
	"purge", purge, CMD_TREE | CMD_LOCK, usage,
	N_("forget people whose last course ended long ago"), "lms-purge", NULL
};
