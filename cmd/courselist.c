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
 * The courses as the walk hands them over, in the order of their ids:
 * their ids and titles in one buffer, so that the rows of 53,500 courses
 * are not 107,000 allocations.
 */
struct listed_row {
	size_t id, title;	/* where in text */
	int32_t first, last;
	int status, capacity;
	size_t nsessions;
};

struct listed {
	struct lms_buf text;
	struct listed_row *rows;
	size_t n, room;
};

static size_t keep_string(struct lms_buf *text, const char *s)
{
	size_t at = text->len;

	lms_buf_adds(text, s ? s : "");
	lms_buf_add(text, "", 1);
	return at;
}

/* Room for the rows and their ids and titles at once: grown by
 * doubling, a list of 53,500 courses was moved in memory, which the
 * sort and the table read back more slowly (lms_table_reserve). */
static void expect_rows(void *arg, size_t most)
{
	struct listed *l = arg;

	lms_array_room(&l->rows, &l->room, most, sizeof(*l->rows));
	lms_buf_grow(&l->text, most < SIZE_MAX / 48 ? most * 48 : 0);
}

static void keep_row(void *arg, const struct lms_course_row *r)
{
	struct listed *l = arg;
	struct listed_row *k;

	lms_array_room(&l->rows, &l->room, l->n + 1, sizeof(*l->rows));
	k = &l->rows[l->n++];

	k->id = keep_string(&l->text, r->id);
	k->title = keep_string(&l->text, r->title);
	k->first = r->first;
	k->last = r->last;
	k->status = r->status;
	k->capacity = r->capacity;
	k->nsessions = r->nsessions;
}

static int by_first_date(const void *a, const void *b)
{
	const struct listed_row *x = a, *y = b;

	/* Courses without sessions go last. */
	if (x->first != y->first) {
		if (x->first == LMS_DATE_NONE || y->first == LMS_DATE_NONE)
			return x->first == LMS_DATE_NONE ? 1 : -1;
		return x->first < y->first ? -1 : 1;
	}
	/* The rows came in the order of their ids, and so did their
	 * places in the text. */
	return x->id < y->id ? -1 : x->id > y->id;
}

static void list_table(struct ctx *ctx, struct listed *l, enum lms_format fmt)
{
	/* TRANSLATORS: the columns of lms course list. */
	const char *const cols[] = {
		_("id"), _("status"), _("first"), _("last"), _("sessions"),
		_("capacity"), _("title"), NULL
	};
	/* One for each of lms_status_names, CANCELLED the last. */
	const char *status[LMS_COURSE_CANCELLED + 1];
	struct lms_table t;
	char first[11], last[11];

	/* Each name looked up once, not on every row. */
	for (size_t i = 0; i < sizeof(status) / sizeof(*status); i++)
		status[i] = C_("course status", lms_status_names[i]);
	lms_table_init(&t, cols);
	/* Ids and titles as kept, and the rest of a row's cells: status,
	 * dates and numbers, each ended by a NUL. */
	lms_table_reserve(&t, l->n, l->text.len + 40 * l->n);
	lms_table_set_numeric(&t, 4);
	lms_table_set_numeric(&t, 5);
	lms_array_sort(l->rows, l->n, sizeof(*l->rows), by_first_date);
	for (size_t i = 0; i < l->n; i++) {
		const struct listed_row *r = &l->rows[i];

		first[0] = last[0] = '\0';
		if (r->first != LMS_DATE_NONE) {
			lms_i18n_date(r->first, first);
			lms_i18n_date(r->last, last);
		}
		lms_table_row(&t);
		lms_table_cell(&t, l->text.buf + r->id);
		lms_table_cell(&t, status[r->status]);
		lms_table_cell(&t, first);
		lms_table_cell(&t, last);
		lms_table_cellf(&t, "%zu", r->nsessions);
		if (r->capacity == LMS_UNSET)
			lms_table_cell(&t, "");
		else
			lms_table_cellf(&t, "%d", r->capacity);
		lms_table_cell(&t, l->text.buf + r->title);
	}
	cmd_emit_table(ctx, &t, fmt);
	lms_table_release(&t);
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
	struct listed l = { .text = LMS_BUF_INIT };
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
		err = cmd_open_tree(ctx);
	if (!err)
		err = lms_tree_course_rows(&ctx->tree, &f, expect_rows,
					   keep_row, &l);
	if (!err) {
		/* A table for people in their language, for scripts in
		 * English, as the file says. */
		enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
			ctx->tree.service.language, fmt, false));

		list_table(ctx, &l, fmt);
		lms_i18n_set(was);
	}
	lms_buf_release(&l.text);
	free(l.rows);
	return err;
}

const struct cmd course_list_cmd = {
	"list", course_list, CMD_TREE, list_usage,
	"list the courses", "lms-course", NULL
};
