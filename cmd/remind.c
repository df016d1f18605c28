#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "id.h"
#include "remind.h"
#include "cmd.h"

/*
 * lms remind: what reminders of the coming sessions, and notices of a
 * changed one, need, as CSV for an SMS or e-mail service or as e-mail
 * drafts.  lms sends nothing.  The output holds names and contacts: it
 * goes to stdout or to a file the user names, never into the tree unless
 * git ignores the file there.
 */

/* An enumeration's names begin with "" (cmd_parse_enum). */
enum { FMT_CSV = 1, FMT_EMAIL };
static const char *const formats[] = { "", "csv", "email", NULL };

struct args {
	int format;
	int32_t date;			/* --date: that day only */
	int days;			/* --days: from today this many ahead */
	bool window;			/* --date or --days given */
	const char *changed;		/* --changed SESSION */
	int32_t moved_up;		/* --moved-up DATE */
	const char *from;		/* --from ADDRESS */
	const char *out;		/* -o FILE */
};

static const char *const usage[] = {
	"lms remind [COURSE...] [--days N | --date DATE] [--format csv | email] "
	"[--from ADDRESS] [-o FILE]",
	"lms remind COURSE --changed SESSION [--format csv | email] "
	"[--from ADDRESS] [-o FILE]",
	"lms remind [COURSE...] --moved-up DATE [--format csv | email] "
	"[--from ADDRESS] [-o FILE]",
	NULL
};

/* A From header as it is written: printable ASCII with an address. */
static bool beyond_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* An address, with a name or not, in ASCII: beyond_ascii said why not. */
static bool from_valid(const char *s)
{
	if (!strchr(s, '@'))
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || (unsigned char)*s >= 0x7f)
			return false;
	return true;
}

static int parse(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "date", required_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'F' },
		{ "changed", required_argument, NULL, 'c' },
		{ "moved-up", required_argument, NULL, 'm' },
		{ "from", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "o:", longopts)) != -1) {
		switch (c) {
		case 'd':
			err = a->date != LMS_DATE_NONE ? cmd_usage_error(
				_("give --days or --date, not both")) :
			      cmd_parse_int("--days", optarg, 1, 366, &a->days);
			a->window = true;
			break;
		case 'D':
			err = a->days >= 0 ? cmd_usage_error(
				_("give --days or --date, not both")) :
			      cmd_parse_date("--date", optarg, &a->date);
			a->window = true;
			break;
		case 'F':
			err = cmd_parse_enum("--format", optarg, formats,
					     &a->format);
			break;
		case 'c': a->changed = optarg; break;
		case 'm':
			err = cmd_parse_date("--moved-up", optarg,
					     &a->moved_up);
			break;
		case 'f': a->from = optarg; break;
		case 'o': a->out = optarg; break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (a->from && beyond_ascii(a->from))
		return cmd_usage_error(_("--from: '%s' has letters beyond "
					 "ASCII, which the header cannot hold "
					 "as they are: write them in ASCII, "
					 "as Aalesund for Ålesund"), a->from);
	if (a->from && !from_valid(a->from))
		return cmd_usage_error(_("--from: '%s' is not an e-mail "
					 "address"), a->from);
	if (a->changed && (argc - optind != 1 || a->window))
		return cmd_usage_error(_("--changed: give one course and no "
					 "--days or --date"));
	if (a->moved_up != LMS_DATE_NONE && (a->changed || a->window))
		return cmd_usage_error(_("--moved-up: give no --changed, "
					 "--days or --date"));
	return 0;
}

/* The courses and enrolments that the rows point into, kept to the end. */
struct loaded {
	struct lms_course **c;
	struct lms_enrolments **e;
	size_t nc, ne;
};

static void loaded_release(struct loaded *l)
{
	for (size_t i = 0; i < l->nc; i++) {
		lms_course_release(l->c[i]);
		free(l->c[i]);
	}
	for (size_t i = 0; i < l->ne; i++) {
		lms_enrolments_release(l->e[i]);
		free(l->e[i]);
	}
	free(l->c);
	free(l->e);
}

/* The sessions of c that the command line asks for (see the man page). */
static int choose_sessions(const struct ctx *ctx, const struct args *a,
			   const struct lms_course *c, bool named,
			   size_t **out, size_t *n)
{
	int32_t from, to;
	size_t index, number;
	int err;

	*out = NULL;
	*n = 0;
	if (a->changed) {
		if ((err = lms_course_find_session(c, a->changed, &index,
						   &number)))
			return err;
		*(size_t *)lms_array_push(out, n, sizeof(**out)) = index;
		return 0;
	}
	/* A course named, or a notice of a place, is about the next
	 * session, unless days are asked for. */
	lms_remind_window(ctx->today, a->date, a->days, !a->window &&
			  (named || a->moved_up != LMS_DATE_NONE), &from, &to);
	*out = lms_remind_sessions(c, from, to, n);
	return 0;
}

/* How much of a course the rows point to: if nothing, it need not be
 * kept (a national tree's courses would not fit in memory). */
static size_t pointers(const struct lms_reminders *r)
{
	return r->n + r->nrefused + r->nunknown + r->ninvalid;
}

/* Lets go of the last course loaded, and of its enrolments (if any). */
static void drop_last(struct loaded *l, bool enrolments)
{
	lms_course_release(l->c[--l->nc]);
	free(l->c[l->nc]);
	if (enrolments) {
		lms_enrolments_release(l->e[--l->ne]);
		free(l->e[l->ne]);
	}
}

/* Adds the rows of one course: the sessions chosen (choose_sessions). */
static int course_rows(struct ctx *ctx, const struct args *a, const char *id,
		       bool named, const struct lms_register *reg,
		       struct loaded *l, struct lms_reminders *out)
{
	struct lms_course *c = lms_calloc(1, sizeof(*c));
	struct lms_enrolments *e;
	enum lms_remind_kind kind;
	size_t *sessions = NULL, n = 0, before = pointers(out);
	int err;

	if ((err = lms_tree_load_course(&ctx->tree, id, c, NULL))) {
		free(c);
		return err;
	}
	*(struct lms_course **)lms_array_push(&l->c, &l->nc, sizeof(c)) = c;
	if ((err = choose_sessions(ctx, a, c, named, &sessions, &n)) || !n) {
		if (!err)
			drop_last(l, false);
		return err;
	}
	e = lms_calloc(1, sizeof(*e));
	if ((err = lms_tree_load_enrolments(&ctx->tree, id, e))) {
		free(e);
		free(sessions);
		return err;
	}
	*(struct lms_enrolments **)lms_array_push(&l->e, &l->ne,
						  sizeof(e)) = e;
	kind = a->moved_up != LMS_DATE_NONE ? LMS_REMIND_MOVED_UP :
	       a->changed ? lms_remind_notice(c) : LMS_REMIND_NEXT;
	for (size_t i = 0; i < n; i++)
		lms_remind_session(out, c, sessions[i], e, reg, kind,
				   kind == LMS_REMIND_MOVED_UP ?
				   lms_remind_moved_up_since : NULL,
				   (void *)&a->moved_up);
	free(sessions);
	if (pointers(out) == before)
		drop_last(l, true);
	return 0;
}

/* Names, by id only, whom the rows leave out. */
static void warn_left_out(const struct lms_reminders *r)
{
	for (size_t i = 0; i < r->nrefused; i++)
		cmd_warn(_("%s has not agreed to reminders"), r->refused[i]);
	for (size_t i = 0; i < r->nunknown; i++)
		cmd_warn(_("%s is not in the register"), r->unknown[i]);
	for (size_t i = 0; i < r->ninvalid; i++)
		cmd_warn(_("%s has a phone number, e-mail address or name in "
			   "the register that is not valid: left out"),
			 r->invalid[i]);
}

static void warn_no_email(const struct lms_remind_row *w, void *arg)
{
	(void)arg;
	cmd_warn(_("%s has no e-mail address"), w->person);
}

/* -o FILE inside the tree must be a file git ignores. */
static int check_out_file(struct ctx *ctx, const char *out)
{
	switch (cmd_private_out(ctx, out)) {
	case CMD_OUT_LMS:
		return lms_error(LMS_EREFUSED, _("%s: is a file or folder of "
				 "lms's own in the tree; write reminders outside "
				 "the tree"), out);
	case CMD_OUT_TRACKED:
		return lms_error(LMS_EREFUSED, _("%s: is inside the tree and not "
				 "ignored by git; reminders hold names and "
				 "contacts: write them outside the tree"), out);
	default:
		return 0;
	}
}

static int remind(struct ctx *ctx, int argc, char **argv)
{
	struct args a = { FMT_CSV, LMS_DATE_NONE, -1, false, NULL,
			  LMS_DATE_NONE, NULL, NULL };
	struct lms_reminders r = { 0 };
	struct loaded l = { 0 };
	struct lms_register reg;
	struct lms_buf text = LMS_BUF_INIT;
	enum lms_lang was;
	char **ids = NULL;
	size_t n = 0;
	int err;

	if ((err = parse(argc, argv, &a)))
		return err;
	for (int i = optind; i < argc; i++)
		if ((err = lms_id_check("course", argv[i])))
			return err;
	if ((err = cmd_open_tree(ctx)) ||
	    (a.out && (err = check_out_file(ctx, a.out))) ||
	    (err = lms_tree_load_register(&ctx->tree, &reg)))
		return err;
	if (optind == argc)
		err = lms_tree_course_ids(&ctx->tree, &ids, &n);
	/* The texts are for the people who get them: in the service's
	 * language; the CSV's header stays English. */
	was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language,
					LMS_FMT_TEXT, false));
	for (int i = optind; i < argc && !err; i++)
		err = course_rows(ctx, &a, argv[i], true, &reg, &l, &r);
	for (size_t i = 0; i < n && !err; i++)
		err = course_rows(ctx, &a, ids[i], false, &reg, &l, &r);
	if (!err && a.format == FMT_CSV)
		lms_remind_csv(&text, &r);
	else if (!err)
		lms_remind_mbox(&text, &r, a.from, ctx->tree.service.name,
				NULL, NULL);
	lms_i18n_set(was);
	if (!err) {
		warn_left_out(&r);
		for (size_t i = 0; a.format == FMT_EMAIL && i < r.n; i++)
			if (!r.v[i].email || !*r.v[i].email)
				warn_no_email(&r.v[i], NULL);
	}
	if (!err && a.out)
		err = lms_write_atomic(a.out, text.buf, text.len, 0600);
	else if (!err)
		lms_buf_add(&ctx->out, text.buf, text.len);
	lms_buf_release(&text);
	lms_reminders_release(&r);
	loaded_release(&l);
	lms_strings_free(ids, n);
	lms_register_release(&reg);
	return err;
}

const struct cmd cmd_remind = {
	"remind", remind, CMD_TREE, usage,
	N_("write what reminders of coming sessions need, for a message "
	   "service"), "lms-remind", NULL
};
