#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "coursenew.h"
#include "id.h"
#include "utf8.h"
#include "words.h"
#include "cmd.h"
#include "carried.h"
#include "coursecmd.h"

/* Option parsing of lms course new */

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

/*
 * FID[:words]: the words are phases and at most one role on this course
 * (professional, user-representative); the names of the two never meet.
 */
static int parse_facilitator(const char *arg, struct lms_plan_facilitator *out)
{
	const char *colon = strchr(arg, ':');
	char *id = colon ? lms_strndup(arg, (size_t)(colon - arg)) : lms_strdup(arg);
	int err = lms_id_check("facilitator", id);
	struct lms_buf phases = LMS_BUF_INIT;
	char **words = NULL;
	size_t n = 0;

	out->id = id;
	out->phases = 0;
	out->role = 0;
	if (!err && colon)
		lms_words_split(colon + 1, &words, &n);
	for (size_t i = 0; i < n && !err; i++) {
		int role = 0;

		for (int k = 1; lms_kind_names[k]; k++)
			if (!strcmp(words[i], lms_kind_names[k]))
				role = k;
		if (role && out->role && role != out->role)
			err = cmd_usage_error(_("--facilitator %s: give one "
						"role"), arg);
		else if (role)
			out->role = role;
		else
			lms_buf_addf(&phases, "%s%s", phases.len ? "," : "",
				     words[i]);
	}
	if (!err && phases.len)
		err = cmd_parse_words("--facilitator", phases.buf,
				      lms_phase_names, &out->phases);
	lms_words_free(words, n);
	lms_buf_release(&phases);
	return err;
}

/* lms course new */

static const char *const new_usage[] = {
	"lms course new ID --title T [--template T] [--start DATE] "
	"[--days mon,thu] [--count N | --until DATE] [--time HH:MM-HH:MM] "
	"[--skip DATE,...] [--on-holidays] [--place P] [--capacity N] "
	"[--target-group G,...] [--facilitator FID[:phases,role]]... "
	"[--from-waitlist COURSE]",
	NULL
};

struct new_args {
	struct lms_plan plan;
	const char *template_id;
	const char *from_waitlist;	/* an ended course */
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
		{ "from-waitlist", required_argument, NULL, 'w' },
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
		case 'w': a->from_waitlist = optarg; break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err && a->from_waitlist)
		err = lms_id_check("course", a->from_waitlist);
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

/* What a day off is called: the holiday's name, else the period's. */
static const char *day_off_name(const struct lms_day_off *off)
{
	if (off->holiday)
		return off->holiday;
	/* TRANSLATORS: a day the service is closed, in "skipped
	 * 2027-08-16 (closed)". */
	return off->closed->name ? off->closed->name : C_("day off", "closed");
}

/* "2027-03-25 (skjærtorsdag)": a day passed by, as a list shows it. */
static void add_passed(struct lms_buf *out, const struct lms_passed_day *d)
{
	char date[11];

	lms_i18n_date(d->date, date);
	lms_buf_addf(out, "%s (%s)", date, day_off_name(&d->why));
}

/* "lms: skipped 2027-03-25 (skjærtorsdag) and 2027-05-17 (17. mai)" */
static void say_passed(const struct lms_new_result *r)
{
	struct lms_buf msg = LMS_BUF_INIT, head = LMS_BUF_INIT,
		       last = LMS_BUF_INIT, list = LMS_BUF_INIT;

	if (!r->npassed)
		return;
	for (size_t i = 0; i + 1 < r->npassed; i++) {
		if (i)
			lms_buf_adds(&head, ", ");
		add_passed(&head, &r->passed[i]);
	}
	add_passed(&last, &r->passed[r->npassed - 1]);
	if (r->npassed > 1)
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
static void warn_template_fit(const char *template,
			      const struct lms_new_result *r)
{
	if (r->unthemed)
		cmd_warn(_("template %s has %zu sessions; "
			   "sessions %zu to %zu have no theme"), template,
			r->template_sessions, r->template_sessions + 1,
			r->course.nsessions);
	else if (r->left_out)
		cmd_warn(_("template %s has %zu sessions; "
			   "the last %zu were left out"), template,
			r->template_sessions, r->left_out);
}

static int course_new(struct ctx *ctx, int argc, char **argv)
{
	struct lms_new_request req;
	struct lms_new_result r;
	struct new_args a;
	struct lms_ops_io io;
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
	if (!err && !(err = course_screen_arg(ctx, "--title", a.plan.title)))
		err = course_screen_arg(ctx, "--place", a.plan.place);
	a.plan.schedule.skip = a.skip;
	a.plan.schedule.nskip = a.nskip;
	a.plan.facilitators = a.facs;
	a.plan.nfacilitators = a.nfacs;
	req = (struct lms_new_request){ a.plan, a.template_id, a.on_holidays,
					&ctx->tree.service, a.from_waitlist,
					ctx->today };
	cmd_ops_io(ctx, &io);
	if (!err && !(err = lms_ops_course_new(&io, &req, &r))) {
		new_report(ctx, &r.course);
		say_passed(&r);
		course_warn_clashes(&r.clashes);
		if (r.with_template)
			warn_template_fit(a.template_id, &r);
		if (a.from_waitlist)
			cmd_say_carried(ctx, a.from_waitlist, &r.carried);
		course_warn_fees(ctx, &r.course);
		lms_new_result_release(&r);
	}
	for (size_t i = 0; i < a.nfacs; i++)
		free((char *)a.facs[i].id);
	free(a.facs);
	free(a.skip);
	return err;
}

const struct cmd course_new_cmd = {
	"new", course_new, CMD_TREE | CMD_LOCK, new_usage,
	"plan a new course and its sessions", "lms-course", NULL
};
