#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "close.h"
#include "courseedit.h"
#include "date.h"
#include "emit.h"
#include "roll.h"
#include "id.h"
#include "plan.h"
#include "utf8.h"
#include "waitlist.h"
#include "words.h"
#include "cmd.h"

/* Option parsing shared by the verbs */

static int parse_time_range(const char *s, int *start, int *end)
{
	if (lms_time_span_parse_input(s, start, end))
		return 0;
	return cmd_usage_error(_("--time: '%s' is not a time or a span of time "
				 "(use 18:00, 18.00, kl. 18.00 or 18.00-20.00)"),
			       s);
}

static int parse_skips(const char *s, int32_t **out, size_t *n)
{
	char **words;
	size_t nwords;
	int err = 0;

	lms_words_split(s, &words, &nwords);
	for (size_t i = 0; i < nwords && !err; i++)
		err = cmd_parse_date("--skip", words[i],
				     lms_array_push(out, n, sizeof(**out)));
	lms_words_free(words, nwords);
	return err;
}

static int check_facilitators(struct ctx *ctx, const struct lms_plan_facilitator *v,
			      size_t n)
{
	struct lms_facilitator *all;
	size_t nall;
	int err = lms_tree_load_facilitators(&ctx->tree, &all, &nall, NULL);

	for (size_t i = 0; i < n && !err; i++)
		if (!lms_facilitator_find(all, nall, v[i].id))
			err = lms_error(LMS_ENOENT, _("no such facilitator: "
						      "'%s' (see lms facilitator "
						      "add)"), v[i].id);
	lms_facilitators_free(all, nall);
	return err;
}

static int parse_facilitator(const char *arg, struct lms_plan_facilitator *out)
{
	const char *colon = strchr(arg, ':');
	char *id = colon ? lms_strndup(arg, (size_t)(colon - arg)) : lms_strdup(arg);
	int err = lms_id_check("facilitator", id);

	out->id = id;
	out->phases = 0;
	if (!err && colon)
		err = cmd_parse_words("--facilitator", colon + 1, lms_phase_names,
				  &out->phases);
	return err;
}

/* lms course new */

static const char *const new_usage[] = {
	"lms course new ID --title T [--template T] [--start DATE] "
	"[--days mon,thu] [--count N | --until DATE] [--time HH:MM-HH:MM] "
	"[--skip DATE,...] [--on-holidays] [--place P] [--capacity N] "
	"[--target-group G,...] [--facilitator FID[:phases]]...",
	NULL
};

struct new_args {
	struct lms_plan plan;
	const char *template_id;
	int32_t *skip;
	size_t nskip;
	bool on_holidays;
	struct lms_plan_facilitator *facs;
	size_t nfacs;
};

static int new_options(int argc, char **argv, struct new_args *a)
{
	static const struct option longopts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "template", required_argument, NULL, 'T' },
		{ "start", required_argument, NULL, 's' },
		{ "days", required_argument, NULL, 'd' },
		{ "count", required_argument, NULL, 'n' },
		{ "until", required_argument, NULL, 'u' },
		{ "time", required_argument, NULL, 'm' },
		{ "skip", required_argument, NULL, 'k' },
		{ "on-holidays", no_argument, NULL, 'H' },
		{ "place", required_argument, NULL, 'p' },
		{ "capacity", required_argument, NULL, 'c' },
		{ "target-group", required_argument, NULL, 'g' },
		{ "facilitator", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lms_plan *p = &a->plan;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 't': p->title = optarg; break;
		case 'T': a->template_id = optarg; break;
		case 's': err = cmd_parse_date("--start", optarg, &p->schedule.start); break;
		case 'd':
			if (!lms_weekdays_parse(optarg, &p->schedule.days))
				err = cmd_usage_error(_("--days: '%s' is not a "
							"list of weekdays (use "
							"mon,thu, man,tor, "
							"mandag,torsdag or "
							"man-fre)"), optarg);
			break;
		case 'n': err = cmd_parse_int("--count", optarg, 1, LMS_SCHEDULE_MAX, &p->schedule.count); break;
		case 'u': err = cmd_parse_date("--until", optarg, &p->schedule.until); break;
		case 'm': err = parse_time_range(optarg, &p->start_time, &p->end_time); break;
		case 'k': err = parse_skips(optarg, &a->skip, &a->nskip); break;
		case 'H': a->on_holidays = true; break;
		case 'p': p->place = optarg; break;
		case 'c': err = cmd_parse_int("--capacity", optarg, 0, 10000, &p->capacity); break;
		case 'g': err = cmd_parse_words("--target-group", optarg, lms_target_group_names, &p->target_groups); break;
		case 'f': err = parse_facilitator(optarg, lms_array_push(&a->facs, &a->nfacs, sizeof(*a->facs))); break;
		default: err = LMS_EUSAGE; break;
		}
	}
	return err;
}

static int new_check(int argc, char **argv, struct new_args *a)
{
	struct lms_plan *p = &a->plan;
	int err;

	if (optind + 1 != argc)
		return cmd_usage_error("%s", optind == argc ?
				       _("the course needs an id") :
				       _("one course at a time"));
	p->id = argv[optind];
	if ((err = lms_id_check("course", p->id)))
		return err;
	if (!p->title || !*p->title || !lms_text_is_line(p->title))
		return cmd_usage_error(_("the course needs a --title on one "
					 "line"));
	if (p->place && !lms_text_is_line(p->place))
		return cmd_usage_error(_("--place must be text on one line"));
	if (p->schedule.count && p->schedule.until != LMS_DATE_NONE)
		return cmd_usage_error(_("give --count or --until, not both"));
	if (p->schedule.start == LMS_DATE_NONE &&
	    (p->schedule.count || p->schedule.until != LMS_DATE_NONE ||
	     p->schedule.days || a->nskip || a->on_holidays ||
	     p->start_time != LMS_TIME_NONE))
		return cmd_usage_error(_("a schedule needs --start DATE"));
	if (p->schedule.start != LMS_DATE_NONE && !a->template_id &&
	    !p->schedule.count && p->schedule.until == LMS_DATE_NONE)
		return cmd_usage_error(_("give --count N or --until DATE"));
	return 0;
}

static void new_report(struct ctx *ctx, const struct lms_course *c)
{
	char first[11], last[11];

	if (!c->nsessions) {
		lms_buf_addf(&ctx->out, _("created course %s (no sessions "
					  "yet)\n"), c->id);
		return;
	}
	lms_i18n_date(lms_course_first_date(c), first);
	lms_i18n_date(lms_course_last_date(c), last);
	/* TRANSLATORS: "created course sorg: 4 sessions, 2026-09-07 to
	 * 2026-09-28": the number of sessions, the first and the last. */
	lms_buf_addf(&ctx->out, lms_n_("created course %s: %zu session, "
				       "%s to %s\n", "created course %s: %zu "
				       "sessions, %s to %s\n", c->nsessions),
		     c->id, c->nsessions, first, last);
}

static int write_new_course(struct ctx *ctx, const struct lms_course *c)
{
	char *path = lms_tree_file(&ctx->tree, LMS_FILE_COURSE, c->id);
	struct lms_buf text = LMS_BUF_INIT;
	int err = 0;

	if (lms_exists(path))
		err = lms_error(LMS_ECREATE, _("course '%s' exists already "
					       "(%s)"), c->id, path);
	if (!err) {
		lms_course_emit(&text, c);
		err = lms_tree_save(&ctx->tree, LMS_FILE_COURSE, c->id, &text);
	}
	lms_buf_release(&text);
	free(path);
	return err;
}

/* What a day off is called: the holiday's name, else the period's. */
static const char *day_off_name(const struct lms_day_off *off)
{
	if (off->holiday)
		return off->holiday;
	/* TRANSLATORS: a day the service is closed, in "skipped
	 * 2027-08-16 (closed)". */
	return off->closed->name ? off->closed->name : C_("day off", "closed");
}

/* The days off that the schedule passed by, to say which. */
struct passed_day {
	int32_t date;
	struct lms_day_off why;
};

struct passed {
	const struct lms_service *service;
	struct passed_day *v;
	size_t n;
};

static bool pass_day_off(int32_t date, void *arg)
{
	struct passed *p = arg;
	struct lms_day_off why;
	struct passed_day *d;

	if (!lms_service_day_off(p->service, date, &why))
		return false;
	d = lms_array_push(&p->v, &p->n, sizeof(*d));
	d->date = date;
	d->why = why;
	return true;
}

/* "2027-03-25 (skjærtorsdag)": a day passed by, as a list shows it. */
static void add_passed(struct lms_buf *out, const struct passed_day *d)
{
	char date[11];

	lms_i18n_date(d->date, date);
	lms_buf_addf(out, "%s (%s)", date, day_off_name(&d->why));
}

/* "lms: skipped 2027-03-25 (skjærtorsdag) and 2027-05-17 (17. mai)" */
static void say_passed(const struct passed *p)
{
	struct lms_buf msg = LMS_BUF_INIT, head = LMS_BUF_INIT,
		       last = LMS_BUF_INIT, list = LMS_BUF_INIT;

	if (!p->n)
		return;
	for (size_t i = 0; i + 1 < p->n; i++) {
		if (i)
			lms_buf_adds(&head, ", ");
		add_passed(&head, &p->v[i]);
	}
	add_passed(&last, &p->v[p->n - 1]);
	if (p->n > 1)
		/* TRANSLATORS: the last two items of a list, "A, B and C". */
		lms_buf_addf(&list, _("%s and %s"), head.buf, last.buf);
	else
		lms_buf_add(&list, last.buf, last.len);
	lms_buf_adds(&msg, "lms: ");
	/* TRANSLATORS: %s is a list of days and why, as in "2027-03-25
	 * (skjærtorsdag) and 2027-05-17 (17. mai)". */
	lms_buf_addf(&msg, _("skipped %s\n"), list.buf);
	cmd_put(stderr, msg.buf, msg.len);
	lms_buf_release(&msg);
	lms_buf_release(&head);
	lms_buf_release(&last);
	lms_buf_release(&list);
}

/* The schedule and the template's session plan need not be equally long. */
static void warn_template_fit(const struct lms_template *t,
			      const struct lms_course *c)
{
	if (c->nsessions > t->nsessions)
		cmd_warn(_("template %s has %zu sessions; "
			   "sessions %zu to %zu have no theme"), t->id,
			t->nsessions, t->nsessions + 1, c->nsessions);
	else if (c->nsessions < t->nsessions)
		cmd_warn(_("template %s has %zu sessions; "
			   "the last %zu were left out"), t->id, t->nsessions,
			t->nsessions - c->nsessions);
}

/* Free text for a file that goes to git, from the command line. */
static int screen_arg(struct ctx *ctx, const char *what, const char *value)
{
	return value ? cmd_screen(ctx, &(struct cmd_where){ NULL, 0, what, NULL },
				  value, NULL) : 0;
}

static int course_new(struct ctx *ctx, int argc, char **argv)
{
	struct new_args a;
	struct lms_template tpl;
	struct lms_course course;
	struct passed passed = { &ctx->tree.service, NULL, 0 };
	bool have_tpl = false;
	int err;

	memset(&a, 0, sizeof(a));
	a.plan.schedule.start = a.plan.schedule.until = LMS_DATE_NONE;
	a.plan.start_time = a.plan.end_time = LMS_TIME_NONE;
	a.plan.capacity = LMS_UNSET;
	err = new_options(argc, argv, &a);
	if (!err)
		err = new_check(argc, argv, &a);
	if (!err)
		err = cmd_open_tree(ctx);
	if (!err && !(err = screen_arg(ctx, "--title", a.plan.title)))
		err = screen_arg(ctx, "--place", a.plan.place);
	if (!err && lms_tree_course_exists(&ctx->tree, a.plan.id))
		err = lms_error(LMS_ECREATE, _("course '%s' exists already"),
				a.plan.id);
	if (!err && a.template_id &&
	    !(err = lms_tree_load_template(&ctx->tree, a.template_id, &tpl, NULL))) {
		have_tpl = true;
		a.plan.template = &tpl;
	}
	if (!err)
		err = check_facilitators(ctx, a.facs, a.nfacs);
	a.plan.schedule.skip = a.skip;
	a.plan.schedule.nskip = a.nskip;
	if (!a.on_holidays) {
		a.plan.schedule.day_off = pass_day_off;
		a.plan.schedule.day_off_arg = &passed;
	}
	a.plan.facilitators = a.facs;
	a.plan.nfacilitators = a.nfacs;
	if (!err && !(err = lms_plan_course(&a.plan, &course))) {
		if (!(err = write_new_course(ctx, &course))) {
			new_report(ctx, &course);
			say_passed(&passed);
			if (have_tpl)
				warn_template_fit(&tpl, &course);
		}
		lms_course_release(&course);
	}
	if (have_tpl)
		lms_template_release(&tpl);
	for (size_t i = 0; i < a.nfacs; i++)
		free((char *)a.facs[i].id);
	free(a.facs);
	free(a.skip);
	free(passed.v);
	return err;
}

static const struct cmd course_new_cmd = {
	"new", course_new, CMD_TREE | CMD_LOCK, new_usage,
	"plan a new course and its sessions", "lms-course", NULL
};

/* lms course list */

struct course_row {
	char *id;
	char *title;
	int status;
	int32_t first, last;
	size_t nsessions;
	int capacity;
};

static int by_first_date(const void *a, const void *b)
{
	const struct course_row *x = a, *y = b;

	/* Courses without sessions go last. */
	if (x->first != y->first) {
		if (x->first == LMS_DATE_NONE || y->first == LMS_DATE_NONE)
			return x->first == LMS_DATE_NONE ? 1 : -1;
		return x->first < y->first ? -1 : 1;
	}
	return strcmp(x->id, y->id);
}

static bool row_wanted(const struct course_row *r, int status, int32_t from,
		       int32_t to)
{
	if (status && r->status != status)
		return false;
	if (from == LMS_DATE_NONE && to == LMS_DATE_NONE)
		return true;
	if (r->first == LMS_DATE_NONE)
		return false;
	return (from == LMS_DATE_NONE || r->last >= from) &&
	       (to == LMS_DATE_NONE || r->first <= to);
}

static void list_table(struct ctx *ctx, struct course_row *rows, size_t n,
		       enum lms_format fmt)
{
	/* TRANSLATORS: the columns of lms course list. */
	const char *const cols[] = {
		_("id"), _("status"), _("first"), _("last"), _("sessions"),
		_("capacity"), _("title"), NULL
	};
	struct lms_table t;
	char first[11], last[11];

	lms_table_init(&t, cols);
	lms_table_set_numeric(&t, 4);
	lms_table_set_numeric(&t, 5);
	lms_array_sort(rows, n, sizeof(*rows), by_first_date);
	for (size_t i = 0; i < n; i++) {
		const struct course_row *r = &rows[i];

		first[0] = last[0] = '\0';
		if (r->first != LMS_DATE_NONE) {
			lms_i18n_date(r->first, first);
			lms_i18n_date(r->last, last);
		}
		lms_table_row(&t);
		lms_table_cell(&t, r->id);
		lms_table_cell(&t, C_("course status",
				      lms_status_names[r->status]));
		lms_table_cell(&t, first);
		lms_table_cell(&t, last);
		lms_table_cellf(&t, "%zu", r->nsessions);
		if (r->capacity == LMS_UNSET)
			lms_table_cell(&t, "");
		else
			lms_table_cellf(&t, "%d", r->capacity);
		lms_table_cell(&t, r->title);
	}
	cmd_emit_table(ctx, &t, fmt);
	lms_table_release(&t);
}

static int load_rows(struct ctx *ctx, int status, int32_t from, int32_t to,
		     struct course_row **rows, size_t *n)
{
	char **ids;
	size_t nids;
	int err = lms_tree_course_ids(&ctx->tree, &ids, &nids);

	for (size_t i = 0; i < nids && !err; i++) {
		struct lms_course c;
		struct course_row r;

		if ((err = lms_tree_load_course(&ctx->tree, ids[i], &c, NULL)))
			break;
		r.first = lms_course_first_date(&c);
		r.last = lms_course_last_date(&c);
		r.status = c.status;
		r.nsessions = c.nsessions;
		r.capacity = c.capacity;
		if (row_wanted(&r, status, from, to)) {
			r.id = c.id;
			r.title = c.title;
			c.id = c.title = NULL;
			*(struct course_row *)lms_array_push(rows, n, sizeof(r)) = r;
		}
		lms_course_release(&c);
	}
	lms_strings_free(ids, nids);
	return err;
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
	int32_t from = LMS_DATE_NONE, to = LMS_DATE_NONE;
	enum lms_format fmt = LMS_FMT_TEXT;
	struct course_row *rows = NULL;
	size_t n = 0;
	int c, status = 0, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 's': err = cmd_parse_enum("--status", optarg, lms_status_names, &status); break;
		case 'f': err = cmd_parse_date("--from", optarg, &from); break;
		case 't': err = cmd_parse_date("--to", optarg, &to); break;
		case 'F': err = lms_format_parse(optarg, LMS_FMT_LISTING, &fmt); break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err)
		err = cmd_no_args_left(argc, argv);
	if (!err)
		err = cmd_open_tree(ctx);
	if (!err)
		err = load_rows(ctx, status, from, to, &rows, &n);
	if (!err) {
		/* A table for people in their language, for scripts in
		 * English, as the file says. */
		enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
			ctx->tree.service.language, fmt, false));

		list_table(ctx, rows, n, fmt);
		lms_i18n_set(was);
	}
	for (size_t i = 0; i < n; i++) {
		free(rows[i].id);
		free(rows[i].title);
	}
	free(rows);
	return err;
}

static const struct cmd course_list_cmd = {
	"list", course_list, CMD_TREE, list_usage,
	"list the courses", "lms-course", NULL
};

/* lms course show */

/* names[i] for each bit i of bits, translated in context (NULL: as in
 * the file), with commas between. */
static void add_flag_names(struct lms_buf *out, const char *const *names,
			   const char *context, unsigned bits)
{
	bool first = true;

	for (int i = 1; names[i]; i++) {
		if (!(bits & (1u << i)))
			continue;
		lms_buf_addf(out, "%s%s", first ? "" : ", ",
			     context ? lms_p_(context, names[i]) : names[i]);
		first = false;
	}
}

/* A label and the space to its values' column, counted in columns, not
 * bytes: "målgrupper" is ten letters and eleven bytes. */
#define LABEL_WIDTH 14

static void add_label(struct lms_buf *out, const char *label)
{
	size_t width = lms_utf8_width(label);

	lms_buf_adds(out, label);
	do
		lms_buf_addch(out, ' ');
	while (++width < LABEL_WIDTH);
}

static void show_line(struct lms_buf *out, const char *label,
		      const char *value)
{
	add_label(out, label);
	lms_buf_adds(out, value);
	lms_buf_addch(out, '\n');
}

static void show_flags(struct lms_buf *out, const char *label,
		       const char *const *names, const char *context,
		       unsigned bits)
{
	add_label(out, label);
	add_flag_names(out, names, context, bits);
	lms_buf_addch(out, '\n');
}

static void show_words(struct lms_buf *out, const char *label,
		       char *const *v, size_t n)
{
	if (!n)
		return;
	add_label(out, label);
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%s%s", i ? ", " : "", v[i]);
	lms_buf_addch(out, '\n');
}

static void show_facilitators(struct lms_buf *out, const struct lms_course *c,
			      const struct lms_facilitator *all, size_t nall)
{
	for (size_t i = 0; i < c->nfacilitators; i++) {
		const struct lms_course_facilitator *cf = &c->facilitators[i];
		const struct lms_facilitator *f =
			lms_facilitator_find(all, nall, cf->id);

		/* TRANSLATORS: a label of lms course show, as are the
		 * others before a value; each fits in 13 columns. */
		add_label(out, i ? "" : _("facilitators"));
		lms_buf_adds(out, cf->id);
		if (f)
			lms_buf_addf(out, " (%s, %s): ", f->name,
				     C_("facilitator kind",
					lms_kind_names[f->kind]));
		else
			lms_buf_addf(out, " (%s): ",
				     _("not in people/facilitators.yaml"));
		add_flag_names(out, lms_phase_names, "phase", cf->phases);
		lms_buf_addch(out, '\n');
	}
}

static bool any_session_place(const struct lms_course *c)
{
	for (size_t i = 0; i < c->nsessions; i++)
		if (c->sessions[i].place)
			return true;
	return false;
}

static void session_row(struct lms_table *t, const struct lms_session *s,
			size_t number, bool places)
{
	/* TRANSLATORS: weekdays in the column "day" of lms course show. */
	static const char *const days[] = {
		NC_("weekday", "mon"), NC_("weekday", "tue"),
		NC_("weekday", "wed"), NC_("weekday", "thu"),
		NC_("weekday", "fri"), NC_("weekday", "sat"),
		NC_("weekday", "sun")
	};
	struct lms_buf times = LMS_BUF_INIT;
	char date[11];

	lms_i18n_date(s->date, date);
	if (s->start != LMS_TIME_NONE)
		lms_i18n_times(&times, s->start, s->end);
	lms_table_row(t);
	lms_table_cellf(t, "%zu", number);
	lms_table_cell(t, date);
	lms_table_cell(t, C_("weekday", days[lms_date_weekday(s->date)]));
	lms_table_cell(t, times.len ? times.buf : "");
	lms_table_cell(t, s->theme);
	if (places)
		lms_table_cell(t, s->place);
	lms_buf_release(&times);
}

static void show_sessions(struct lms_buf *out, const struct lms_course *c)
{
	/* TRANSLATORS: the columns of the sessions in lms course show. */
	const char *const cols[] = {
		_("n"), _("date"), _("day"), _("time"), _("theme"), _("place"),
		NULL
	};
	const char *const cols_no_place[] = {
		cols[0], cols[1], cols[2], cols[3], cols[4], NULL
	};
	bool places = any_session_place(c);
	size_t *order = lms_course_session_order(c);
	struct lms_table t;

	lms_table_init(&t, places ? cols : cols_no_place);
	lms_table_set_numeric(&t, 0);
	for (size_t k = 0; k < c->nsessions; k++)
		session_row(&t, &c->sessions[order[k]], k + 1, places);
	lms_buf_addch(out, '\n');
	lms_table_render(&t, LMS_FMT_TEXT, false, out);
	lms_table_release(&t);
	free(order);
}

static void show_capacity(struct lms_buf *out, const struct lms_course *c)
{
	char text[64];

	if (c->capacity == LMS_UNSET)
		return;
	snprintf(text, sizeof(text), c->waitlist ?
		 _("%d, with a waiting list") : _("%d, no waiting list"),
		 c->capacity);
	show_line(out, _("capacity"), text);
}

static void show_text(struct lms_buf *out, const struct lms_course *c,
		      const struct lms_facilitator *all, size_t nall)
{
	show_line(out, _("course"), c->id);
	show_line(out, _("title"), c->title);
	if (c->description)
		show_line(out, _("description"), c->description);
	show_line(out, _("status"), C_("course status",
				       lms_status_names[c->status]));
	if (c->target_groups)
		show_flags(out, _("target groups"), lms_target_group_names,
			   "target group", c->target_groups);
	show_words(out, _("topics"), c->topics, c->ntopics);
	if (c->place)
		show_line(out, _("place"), c->place);
	show_capacity(out, c);
	if (c->template)
		show_line(out, _("template"), c->template);
	show_facilitators(out, c, all, nall);
	show_words(out, _("forms"), c->forms, c->nforms);
	show_words(out, _("follow-up"), c->follow_up, c->nfollow_up);
	if (c->nsessions)
		show_sessions(out, c);
}

static const char *const show_usage[] = {
	"lms course show ID [--format text | yaml]", NULL
};

static int course_show(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	enum lms_format fmt = LMS_FMT_TEXT;
	struct lms_facilitator *all = NULL;
	struct lms_course course;
	size_t nall = 0;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'F' ? lms_format_parse(optarg, LMS_FMT_TEXT |
						  LMS_FMT_YAML, &fmt) :
		      LMS_EUSAGE;
	if (!err && optind + 1 != argc)
		err = cmd_usage_error(_("give one course id"));
	if (err || (err = cmd_open_tree(ctx)))
		return err;
	if ((err = lms_tree_load_course(&ctx->tree, argv[optind], &course, NULL)))
		return err;
	if (fmt == LMS_FMT_YAML) {
		lms_course_emit(&ctx->out, &course);
	} else if (!(err = lms_tree_load_facilitators(&ctx->tree, &all, &nall,
						       NULL))) {
		enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
			ctx->tree.service.language, fmt, false));

		show_text(&ctx->out, &course, all, nall);
		lms_i18n_set(was);
	}
	lms_facilitators_free(all, nall);
	lms_course_release(&course);
	return err;
}

static const struct cmd course_show_cmd = {
	"show", course_show, CMD_TREE, show_usage,
	"show a course and its sessions", "lms-course", NULL
};

/* lms course set, assign, unassign: edits of the hand-written file */

struct edit {
	char *path;
	struct lms_buf text;
	struct lms_course before;
};

static int edit_open(struct ctx *ctx, const char *id, struct edit *e)
{
	int err;

	lms_buf_init(&e->text);
	e->path = NULL;
	if ((err = lms_tree_load_course(&ctx->tree, id, &e->before, NULL)))
		return err;
	e->path = lms_tree_file(&ctx->tree, LMS_FILE_COURSE, id);
	lms_buf_add(&e->text, ctx->tree.text.buf, ctx->tree.text.len);
	return 0;
}

/* Validates the edited text by loading it (see lms_ops_check_course). */
static int edit_check(struct ctx *ctx, struct edit *e, struct lms_course *after)
{
	struct lms_ops_io io;

	lms_ops_tree_io(&io, &ctx->tree);
	return lms_ops_check_course(&io, e->before.id, &e->text, after);
}

/* Validates the edited text, then writes it. */
static int edit_commit(struct ctx *ctx, struct edit *e, struct lms_course *after)
{
	int err = edit_check(ctx, e, after);

	if (!err && (err = lms_tree_save(&ctx->tree, LMS_FILE_COURSE,
					 e->before.id, &e->text)))
		lms_course_release(after);
	return err;
}

static void edit_close(struct edit *e)
{
	lms_course_release(&e->before);
	lms_buf_release(&e->text);
	free(e->path);
}

static const char *const set_usage[] = {
	"lms course set ID KEY=VALUE...", NULL
};

static void describe_change(struct lms_buf *out,
			    const struct lms_course *before,
			    const struct lms_course *after, const char *key)
{
	struct lms_buf old = LMS_BUF_INIT, now = LMS_BUF_INIT;

	lms_course_describe(&old, before, key);
	lms_course_describe(&now, after, key);
	lms_buf_addf(out, "%s: %s -> %s\n", key, old.len ? old.buf : _("(none)"),
		     now.len ? now.buf : _("(none)"));
	lms_buf_release(&old);
	lms_buf_release(&now);
}

static void say_moved(const struct lms_enrolment *r, void *arg)
{
	lms_buf_addf(arg, _("%s moved up from the waiting list: enrolled\n"),
		     r->person);
}

/*
 * A date given by hand is taken as it is, holiday or not, but a new
 * session date on a day off is worth a word, as lms check would say.
 */
static void warn_days_off(struct ctx *ctx, const struct lms_course *before,
			  const struct lms_course *after)
{
	struct lms_day_off why;
	char date[11];

	for (size_t i = 0; i < after->nsessions; i++) {
		int32_t d = after->sessions[i].date;

		if (lms_course_has_session(before, d) ||
		    !lms_service_day_off(&ctx->tree.service, d, &why))
			continue;
		lms_i18n_date(d, date);
		if (why.holiday)
			cmd_warn(_("the session on %s is on a public holiday "
				   "(%s)"), date, why.holiday);
		else if (why.closed->name)
			cmd_warn(_("the session on %s is on a day the service "
				   "is closed (%s)"), date, why.closed->name);
		else
			cmd_warn(_("the session on %s is on a day the service "
				   "is closed"), date);
	}
}

static int course_set(struct ctx *ctx, int argc, char **argv)
{
	struct lms_buf said = LMS_BUF_INIT;
	struct lms_set_result r;
	struct lms_ops_io io;
	int c, err = 0;

	while ((c = cmd_getopt(argc, argv, "", NULL)) != -1)
		return LMS_EUSAGE;
	if (argc - optind < 2)
		return cmd_usage_error(_("give a course id and at least one "
					 "KEY=VALUE"));
	for (int i = optind + 1; i < argc; i++)
		if (!strchr(argv[i], '=') || argv[i][0] == '=')
			return cmd_usage_error(_("'%s' is not KEY=VALUE"),
					       argv[i]);
	if ((err = cmd_open_tree(ctx)))
		return err;
	for (int i = optind + 1; i < argc && !err; i++) {
		char *key = lms_strndup(argv[i], strcspn(argv[i], "="));

		err = screen_arg(ctx, key, argv[i] + strlen(key) + 1);
		free(key);
	}
	if (err)
		return err;
	lms_ops_tree_io(&io, &ctx->tree);
	if ((err = lms_ops_course_set(&io, argv[optind],
				      (const char *const *)argv + optind + 1,
				      (size_t)(argc - optind - 1), say_moved,
				      &said, &r)))
		goto out;
	for (int i = optind + 1; i < argc; i++) {
		char *key = lms_strndup(argv[i], strcspn(argv[i], "="));

		describe_change(&ctx->out, &r.before, &r.after, key);
		free(key);
	}
	warn_days_off(ctx, &r.before, &r.after);
	lms_buf_add(&ctx->out, said.buf, said.len);
	lms_set_result_release(&r);
out:
	lms_buf_release(&said);
	return err;
}

static const struct cmd course_set_cmd = {
	"set", course_set, CMD_TREE | CMD_LOCK, set_usage,
	"change values of a course", "lms-course", NULL
};

/* Warns (it does not refuse) when a facilitator is away for a session. */
static void warn_unavailable(struct ctx *ctx, const struct lms_course *c,
			     const char *id)
{
	struct lms_facilitator *all;
	const struct lms_facilitator *f;
	size_t nall;

	if (lms_tree_load_facilitators(&ctx->tree, &all, &nall, NULL))
		return;
	f = lms_facilitator_find(all, nall, id);
	for (size_t i = 0; f && i < c->nsessions; i++) {
		char date[11];

		if (lms_facilitator_available_on(f, c->sessions[i].date))
			continue;
		lms_i18n_date(c->sessions[i].date, date);
		cmd_warn(_("%s is not available on %s "
			   "(see people/facilitators.yaml)"), id, date);
		break;
	}
	lms_facilitators_free(all, nall);
}

static const char *const assign_usage[] = {
	"lms course assign ID FID [--phases plan,deliver,evaluate]", NULL
};

static int course_assign(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "phases", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned phases = LMS_PLAN | LMS_DELIVER | LMS_EVALUATE;
	struct lms_plan_facilitator f = { NULL, 0 };
	struct lms_course after;
	struct edit e;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'p' ? cmd_parse_words("--phases", optarg,
					     lms_phase_names, &phases) :
		      LMS_EUSAGE;
	if (!err && argc - optind != 2)
		err = cmd_usage_error(_("give a course id and a facilitator "
					  "id"));
	if (err)
		return err;
	f.id = argv[optind + 1];
	if ((err = lms_id_check("facilitator", f.id)) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = check_facilitators(ctx, &f, 1)) ||
	    (err = edit_open(ctx, argv[optind], &e)))
		return err;
	err = lms_course_assign(&e.text, e.path, &e.before, f.id, phases);
	if (!err && !(err = edit_commit(ctx, &e, &after))) {
		warn_unavailable(ctx, &after, f.id);
		lms_buf_addf(&ctx->out, "%s: ", f.id);
		add_flag_names(&ctx->out, lms_phase_names, "phase", phases);
		lms_buf_addch(&ctx->out, '\n');
		lms_course_release(&after);
	}
	edit_close(&e);
	return err;
}

static const struct cmd course_assign_cmd = {
	"assign", course_assign, CMD_TREE | CMD_LOCK, assign_usage,
	"add a facilitator to a course", "lms-course", NULL
};

static const char *const unassign_usage[] = {
	"lms course unassign ID FID", NULL
};

static int course_unassign(struct ctx *ctx, int argc, char **argv)
{
	struct lms_course after;
	struct edit e;
	int c, err;

	while ((c = cmd_getopt(argc, argv, "", NULL)) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 2)
		return cmd_usage_error(_("give a course id and a facilitator "
					  "id"));
	if ((err = lms_id_check("facilitator", argv[optind + 1])) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = edit_open(ctx, argv[optind], &e)))
		return err;
	err = lms_course_unassign(&e.text, e.path, &e.before, argv[optind + 1]);
	if (!err && !(err = edit_commit(ctx, &e, &after))) {
		lms_buf_addf(&ctx->out, _("removed %s from course %s\n"),
			     argv[optind + 1], e.before.id);
		lms_course_release(&after);
	}
	edit_close(&e);
	return err;
}

static const struct cmd course_unassign_cmd = {
	"unassign", course_unassign, CMD_TREE | CMD_LOCK, unassign_usage,
	"remove a facilitator from a course", "lms-course", NULL
};

/* lms course close */

static int parse_follow_up(const char *arg, struct lms_follow_up *out)
{
	const char *eq = strchr(arg, '=');
	int err;

	if (!eq || !eq[1] || !lms_text_is_line(eq + 1))
		return cmd_usage_error(_("--follow-up: '%s' is not "
					 "PERSON=WHAT"), arg);
	out->person = lms_strndup(arg, (size_t)(eq - arg));
	out->what = eq + 1;
	if ((err = lms_id_check("person", out->person)))
		return err;
	return 0;
}

/* Held sessions without any record are counted as missed: say so. */
static void warn_unrecorded(const struct lms_close_result *r)
{
	for (size_t i = 0; i < r->nunrecorded; i++) {
		char date[11];

		lms_i18n_date(r->unrecorded[i], date);
		cmd_warn(_("no attendance was recorded on %s; "
			   "it counts as missed"), date);
	}
}

/* "p-test01 completed (3 of 4 sessions), follow-up: self-help-group" */
static void close_line(struct lms_buf *out, const struct lms_enrolment *r,
		       size_t attended, size_t held)
{
	const char *status = C_("enrolment status",
				lms_enrolment_status_names[r->status]);

	if (r->follow_up)
		/* TRANSLATORS: a person, completed or not-completed, the
		 * sessions attended of those held, and the follow-up. */
		lms_buf_addf(out, lms_n_("%s %s (%zu of %zu session), "
					 "follow-up: %s\n", "%s %s (%zu of %zu "
					 "sessions), follow-up: %s\n", held),
			     r->person, status, attended, held, r->follow_up);
	else
		lms_buf_addf(out, lms_n_("%s %s (%zu of %zu session)\n",
					 "%s %s (%zu of %zu sessions)\n", held),
			     r->person, status, attended, held);
}

static void close_report(struct lms_buf *out, const struct lms_enrolments *e,
			 const size_t *attended, const size_t *held)
{
	size_t done = 0, not_done = 0;

	for (size_t i = 0; i < e->n; i++) {
		const struct lms_enrolment *r = &e->v[i];

		if (r->status != LMS_COMPLETED && r->status != LMS_NOT_COMPLETED)
			continue;
		close_line(out, r, attended[i], held[i]);
		done += r->status == LMS_COMPLETED;
		not_done += r->status == LMS_NOT_COMPLETED;
	}
	lms_buf_addf(out, _("%zu completed, %zu not completed\n"), done,
		     not_done);
}

static const char *const close_usage[] = {
	"lms course close ID [--follow-up PERSON=WHAT]...", NULL
};

static int course_close(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "follow-up", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct lms_close_request req = { 0 };
	struct lms_follow_up *fu = NULL;
	struct lms_close_result r;
	struct lms_ops_io io;
	size_t nfu = 0;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'f' ? parse_follow_up(optarg, lms_array_push(&fu, &nfu,
									sizeof(*fu))) :
		      LMS_EUSAGE;
	if (!err && argc - optind != 1)
		err = cmd_usage_error(_("give one course id"));
	if (!err)
		err = cmd_open_tree(ctx);
	for (size_t i = 0; i < nfu && !err; i++)
		err = screen_arg(ctx, "--follow-up", fu[i].what);
	if (!err) {
		req.course = argv[optind];
		req.follow_up = fu;
		req.nfollow_up = nfu;
		req.completion = ctx->tree.service.completion;
		req.today = ctx->today;
		lms_ops_tree_io(&io, &ctx->tree);
		if (!(err = lms_ops_close(&io, &req, &r))) {
			warn_unrecorded(&r);
			close_report(&ctx->out, &r.e, r.attended, r.held);
			lms_close_result_release(&r);
		}
	}
	for (size_t i = 0; i < nfu; i++)
		free(fu[i].person);
	free(fu);
	return err;
}

static const struct cmd course_close_cmd = {
	"close", course_close, CMD_TREE | CMD_LOCK, close_usage,
	"close a course: who completed it, and their follow-up", "lms-course",
	NULL
};

static const struct cmd *const verbs[] = {
	&course_new_cmd,
	&course_list_cmd,
	&course_show_cmd,
	&course_set_cmd,
	&course_assign_cmd,
	&course_unassign_cmd,
	&course_close_cmd,
	NULL
};

static const char *const usage[] = {
	"lms course new | list | show | set | assign | unassign | close ...",
	NULL
};

const struct cmd cmd_course = {
	"course", NULL, 0, usage, N_("plan, list, show and change courses"),
	"lms-course", verbs
};
