#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ahead.h"
#include "alloc.h"
#include "date.h"
#include "utf8.h"
#include "yparse.h"
#include "cmd.h"
#include "walk.h"

#ifndef LMS_VERSION
#define LMS_VERSION "0.1.0"
#endif

const struct cmd *const cmd_table[] = {
	&cmd_init,
	&cmd_course,
	&cmd_person,
	&cmd_facilitator,
	&cmd_enrol,
	&cmd_withdraw,
	&cmd_attend,
	&cmd_roster,
	&cmd_followup,
	&cmd_offer,
	&cmd_meeting,
	&cmd_evaluate,
	&cmd_report,
	&cmd_check,
	&cmd_export,
	&cmd_calendar,
	&cmd_catalog,
	&cmd_remind,
	&cmd_purge,
	&cmd_help,
	NULL
};

static void out_of_memory(void)
{
	/* A look-up in the catalogue allocates nothing. */
	const char *msg = _("lms: out of memory\n");

	if (write(STDERR_FILENO, msg, strlen(msg)) < 0)
		_exit(-LMS_ENOMEM);
	_exit(-LMS_ENOMEM);
}

static void print_error(const struct ctx *ctx, int code)
{
	const struct lms_error *e = lms_last_error();
	struct lms_buf msg = LMS_BUF_INIT;

	if (e->path[0] && e->line && e->col)
		lms_buf_addf(&msg, _("%s:%u:%u: error: %s\n"), e->path, e->line,
			     e->col, e->msg);
	else if (e->path[0] && e->line)
		lms_buf_addf(&msg, _("%s:%u: error: %s\n"), e->path, e->line,
			     e->msg);
	else if (e->path[0])
		lms_buf_addf(&msg, _("%s: error: %s\n"), e->path, e->msg);
	else if (e->msg[0])
		lms_buf_addf(&msg, "lms: %s\n", e->msg);
	cmd_put(stderr, msg.buf, msg.len);
	lms_buf_release(&msg);
	if (code == LMS_EUSAGE && ctx->cmd)
		cmd_print_usage(stderr, ctx->cmd);
}

static int lock_timeout_ms(void)
{
	const char *s = getenv("LMS_LOCK_TIMEOUT");
	double seconds;
	char *end;

	if (!s || !*s)
		return 10000;
	seconds = strtod(s, &end);
	if (*end || seconds < 0 || seconds > 3600)
		return 10000;
	return (int)(seconds * 1000);
}

/* $LMS_TODAY pretends another day is today, for tests and for catching
 * up on records; anything but a date is ignored. */
static int32_t today(void)
{
	const char *s = getenv("LMS_TODAY");
	int32_t d;

	if (s && lms_date_parse(s, &d))
		return d;
	return lms_date_today();
}

/*
 * $LMS_THREADS, the threads that read a walk over the courses (walk.h),
 * read here once for every tree a command opens: 0 when unset or empty
 * (one per core).  Anything but a count lms can use is an error rather than
 * ignored: a benchmark or a slow machine's setting must do what it says.
 */
static int threads(size_t *out)
{
	const char *s = getenv("LMS_THREADS");
	unsigned long n;
	char *end;

	*out = 0;
	if (!s || !*s)		/* as an empty LMS_DIR: unset */
		return 0;
	errno = 0;
	n = strtoul(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno ||
	    n < 1 || n > LMS_WALK_MAX_THREADS)
		return lms_error(LMS_EUSAGE, _("LMS_THREADS must be a whole "
					       "number from 1 to %d, not '%s'"),
				 LMS_WALK_MAX_THREADS, s);
	*out = n;
	return 0;
}

static const char *const main_usage[] = {
	"lms [-C DIR] [--no-cache] COMMAND [ARG...]",
	"lms --version | --help",
	NULL
};
static const struct cmd cmd_main = {
	"lms", NULL, 0, main_usage, NULL, "lms", NULL
};

/* The user's language, as the environment says it (see lms(1)). */
static enum lms_lang language(void)
{
	return lms_i18n_choose(getenv("LC_ALL"), getenv("LC_MESSAGES"),
			       getenv("LANG"), getenv("LANGUAGE"));
}

/*
 * Every argument is text that may end up in a file, so each must be
 * strict UTF-8, checked once here rather than by each option.
 */
static int check_arguments(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct lms_buf shown = LMS_BUF_INIT;
		const char *why;
		size_t at;
		int err;

		if (!(why = lms_utf8_problem(argv[i], strlen(argv[i]), &at)))
			continue;
		lms_utf8_quote(&shown, argv[i], 60);
		err = lms_error(LMS_EUSAGE, _("argument '%s' is not UTF-8 "
					      "text: %s at byte %zu"),
				shown.buf, why, at + 1);
		lms_buf_release(&shown);
		return err;
	}
	return 0;
}

static int empty_folder(struct ctx *ctx)
{
	ctx->cmd = &cmd_main;
	return cmd_usage_error(_("-C needs a folder, not an empty string"));
}

/* Global options come before the command, as with git. */
static int global_options(struct ctx *ctx, int argc, char **argv, int *next)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-C") && i + 1 == argc) {
			ctx->cmd = &cmd_main;
			return cmd_usage_error(_("option '%s' needs a value"),
					       argv[i]);
		} else if (!strcmp(argv[i], "-C")) {
			ctx->root_arg = ctx->chdir_arg = argv[++i];
			if (!*ctx->root_arg)	/* as git: "" is no folder */
				return empty_folder(ctx);
		} else if (!strncmp(argv[i], "-C", 2) && argv[i][2]) {
			ctx->root_arg = ctx->chdir_arg = argv[i] + 2;
		} else if (!strcmp(argv[i], "--no-cache")) {
			ctx->no_cache = true;
		} else if (!strcmp(argv[i], "--version")) {
			lms_buf_adds(&ctx->out, "lms " LMS_VERSION "\n");
			return 1;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			return cmd_show_man(ctx, "lms", 1);
		} else {
			ctx->cmd = &cmd_main;
			return cmd_usage_error(_("unknown option '%s'"),
					       argv[i]);
		}
	}
	if (i == argc) {
		ctx->cmd = &cmd_main;
		return cmd_usage_error(_("no command given (see lms help)"));
	}
	*next = i;
	return 0;
}

/*
 * Writes the results and closes standard output, so that a full disk or a
 * closed pipe is noticed (as git's check_pipe and maybe_flush_or_die do)
 * and not taken for success: 0, or the errno of the failure.  A reader
 * that went away (EPIPE) ends lms quietly, as SIGPIPE would have, had it
 * not been ignored.
 */
static int flush_output(struct ctx *ctx)
{
	int e = 0;

	errno = 0;
	if (ctx->out.len && cmd_put(stdout, ctx->out.buf, ctx->out.len))
		e = errno ? errno : EIO;
	errno = 0;
	if ((fflush(stdout) != 0 || ferror(stdout)) && !e)
		e = errno ? errno : EIO;
	if (fclose(stdout) != 0 && !e)
		e = errno ? errno : EIO;
	if (e == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	return e;
}

int main(int argc, char **argv)
{
	struct ctx ctx;
	int next = 0, err, write_errno;

	memset(&ctx, 0, sizeof(ctx));
	lms_buf_init(&ctx.out);
	lms_buf_init(&ctx.note);
	lms_set_oom_handler(out_of_memory);
	ctx.root_arg = getenv("LMS_DIR");
	if (ctx.root_arg && !*ctx.root_arg)
		ctx.root_arg = NULL;
	ctx.lock_timeout_ms = lock_timeout_ms();
	ctx.today = today();
	/* The fast path for the YAML lms writes can be turned off, to
	 * measure it or to rule it out (HACKING.md). */
	if (getenv("LMS_YAML_FAST") && !strcmp(getenv("LMS_YAML_FAST"), "0"))
		lms_yparser_set_fast(false);
	/* So can the reading ahead of a walk's files (ahead.h). */
	if (getenv("LMS_READ_AHEAD") && !strcmp(getenv("LMS_READ_AHEAD"), "0"))
		lms_ahead_set_on(false);
	ctx.lang = language();
	lms_i18n_set(ctx.lang);

	err = threads(&ctx.threads);
	if (!err)
		err = check_arguments(argc, argv);
	if (!err)
		err = global_options(&ctx, argc, argv, &next);
	if (!err && next)
		err = cmd_dispatch(&ctx, cmd_table, argc - next, argv + next);
	if (err > 0)
		err = 0;
	/* Results go out even after a partial failure, then the error.
	 * Results that could not be written are an I/O error whatever the
	 * command found, lms check's findings included. */
	write_errno = flush_output(&ctx);
	if (err < 0)
		print_error(&ctx, err);
	else if (ctx.note.len)
		cmd_put(stderr, ctx.note.buf, ctx.note.len);
	cmd_screen_release(&ctx);
	if (write_errno) {
		/* Said after the change, which stands: a script must not
		 * take the exit status for a change not made and make it
		 * again. */
		fprintf(stderr, "lms: ");
		fprintf(stderr, ctx.changed ?
			_("write error: %s (the change itself was made)\n") :
			_("write error: %s\n"), lms_strerror(write_errno));
		err = LMS_EIO;
	}
	if (ctx.tree_open)
		lms_tree_release(&ctx.tree);
	lms_buf_release(&ctx.out);
	lms_buf_release(&ctx.note);
	return -err;
}
