#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "cmd.h"
#include "coursecmd.h"
#include "courserows.h"

/* lms course list */

/*
 * The table of courses, made row by row as the walk hands the courses over
 * in the order of their ids, while the other threads still read: then
 * put in order of first date.  The words of the table are in the
 * language of the document, looked up before the walk starts, so that no
 * thread reads the language while it is set for the table.
 */
struct listing {
	struct lms_table table;
	enum lms_lang lang;
	/* One for each of lms_status_names, CANCELLED the last. */
	const char *status[LMS_COURSE_CANCELLED + 1];
	uint32_t *first;	/* each row's key of order */
	size_t n, room;
};

static void listing_init(struct listing *l, enum lms_lang lang)
{
	/* Set first: the columns' names below are looked up in it. */
	enum lms_lang was = lms_i18n_set(lang);
	/* TRANSLATORS: the columns of lms course list. */
	const char *const cols[] = {
		_("id"), _("status"), _("first"), _("last"), _("sessions"),
		_("capacity"), _("title"), NULL
	};

	memset(l, 0, sizeof(*l));
	l->lang = lang;
	for (size_t i = 0; i < sizeof(l->status) / sizeof(*l->status); i++)
		l->status[i] = C_("course status", lms_status_names[i]);
	lms_table_init(&l->table, cols);
	lms_table_set_numeric(&l->table, 4);
	lms_table_set_numeric(&l->table, 5);
	lms_i18n_set(was);
}

static void listing_release(struct listing *l)
{
	lms_table_release(&l->table);
	lms_free(l->first);
}

/* Room for the rows at once: grown by doubling, a table of 53,500
 * courses was moved in memory, which its reading back paid for
 * (lms_table_reserve).  An id, a title, and the rest of a row's cells,
 * each ended by a NUL, take about 80 bytes. */
static void expect_rows(void *arg, size_t most)
{
	struct listing *l = arg;

	lms_array_room(&l->first, &l->room, most, sizeof(*l->first));
	lms_table_reserve(&l->table, most, most < SIZE_MAX / 80 ? most * 80 : 0);
}

/* Courses without sessions go last: their key is above any date's. */
static uint32_t first_key(int32_t first)
{
	if (first == LMS_DATE_NONE)
		return UINT32_MAX;
	return (uint32_t)first ^ UINT32_C(0x80000000);
}

static void keep_row(void *arg, const struct lms_course_row *r)
{
	struct listing *l = arg;
	struct lms_table *t = &l->table;
	char first[11] = "", last[11] = "";

	if (r->first != LMS_DATE_NONE) {
		lms_i18n_date_in(l->lang, r->first, first);
		lms_i18n_date_in(l->lang, r->last, last);
	}
	lms_table_row(t);
	lms_table_cell(t, r->id);
	lms_table_cell(t, l->status[r->status]);
	lms_table_cell(t, first);
	lms_table_cell(t, last);
	lms_table_cellf(t, "%zu", r->nsessions);
	if (r->capacity == LMS_UNSET)
		lms_table_cell(t, "");
	else
		lms_table_cellf(t, "%d", r->capacity);
	lms_table_cell(t, r->title);
	lms_array_room(&l->first, &l->room, l->n + 1, sizeof(*l->first));
	l->first[l->n++] = first_key(r->first);
}

/* By first date, and courses of the same first date in the order of
 * their ids, as they came. */
static void put_in_order(struct listing *l)
{
	size_t *order = lms_malloc((l->n ? l->n : 1) * sizeof(*order));

	lms_order_by_key(l->first, l->n, order);
	lms_table_order(&l->table, order);
	lms_free(order);
}

static const char *const list_usage[] = {
	"lms course list [--status S] [--from DATE] [--to DATE] [--format F]",
	NULL
};

static int course_list(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	struct lms_course_filter f = {
		.from = LMS_DATE_NONE, .to = LMS_DATE_NONE
	};
	enum lms_format fmt = LMS_FMT_TEXT;
	struct listing l;
	enum lms_lang lang, was;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 's': err = cmd_parse_enum("--status", optarg, lms_status_names, &f.status); break;
		case 'f': err = cmd_parse_date("--from", optarg, &f.from); break;
		case 't': err = cmd_parse_date("--to", optarg, &f.to); break;
		case 'F': err = lms_format_parse(optarg, LMS_FMT_LISTING, &fmt); break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err)
		err = cmd_no_args_left(argc, argv);
	if (!err)
		err = cmd_check_period(f.from, f.to);
	if (!err)
		err = cmd_open_tree(ctx);
	if (err)
		return err;
	/* A table for people in their language, for scripts in English,
	 * as the file says. */
	lang = cmd_doc_lang(ctx, ctx->tree.service.language, fmt, false);
	listing_init(&l, lang);
	err = lms_tree_course_rows(&ctx->tree, &f, expect_rows, keep_row, &l);
	if (!err) {
		put_in_order(&l);
		was = lms_i18n_set(lang);
		cmd_emit_table(ctx, &l.table, fmt);
		lms_i18n_set(was);
	}
	listing_release(&l);
	return err;
}

const struct cmd course_list_cmd = {
	"list", course_list, CMD_TREE, list_usage,
	"list the courses", "lms-course", NULL
};
