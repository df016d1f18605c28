#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "date.h"
#include "facilitator.h"
#include "join.h"
#include "municipality.h"
#include "personal.h"
#include "schema.h"
#include "suggest.h"
#include "utf8.h"
#include "words.h"
#include "yparse.h"
#include "cmd.h"
#include "opsio.h"

/* The words a usage line stands in for: "lms enrol COURSE PERSON" reads
 * "lms enrol KURS PERSON" in Norwegian.  The rest of the line (options,
 * their values, the names of commands) is typed as it stands. */
static const char *const metavars[] = {
	NC_("usage", "ADDRESS"), NC_("usage", "ARG"), NC_("usage", "COLUMN"),
	NC_("usage", "COMMAND"),
	NC_("usage", "COURSE"), NC_("usage", "DATE"), NC_("usage", "DIR"),
	NC_("usage", "FILE"), NC_("usage", "FROM"), NC_("usage", "HH"),
	NC_("usage", "ITEM"), NC_("usage", "KEY"), NC_("usage", "LINE"),
	NC_("usage", "NAME"), NC_("usage", "PERSON"), NC_("usage", "SESSION"),
	NC_("usage", "TERM"), NC_("usage", "TO"), NC_("usage", "VALUE"),
	NC_("usage", "WHAT"), NULL
};

static bool is_metavar_char(char c)
{
	return (c >= 'A' && c <= 'Z') || c == '_';
}

void cmd_add_usage_line(struct lms_buf *out, const char *line)
{
	const char *p = line;

	while (*p) {
		size_t n = 0;
		int i;

		while (is_metavar_char(p[n]))
			n++;
		if (!n) {
			lms_buf_addch(out, *p++);
			continue;
		}
		for (i = 0; metavars[i]; i++)
			if (strlen(metavars[i]) == n &&
			    !memcmp(p, metavars[i], n))
				break;
		if (metavars[i])
			lms_buf_adds(out, C_("usage", metavars[i]));
		else
			lms_buf_add(out, p, n);
		p += n;
	}
}

/* "usage: lms ..." and "   or: lms ...", the words right-aligned, as
 * they are translated too. */
void cmd_print_usage(FILE *f, const struct cmd *c)
{
	/* TRANSLATORS: the heading of a command's usage line, and of each
	 * other way to use it: "usage: lms roster COURSE", "   or: ...". */
	const char *usage = _("usage:"), *or = _("or:");
	size_t wu = lms_utf8_width(usage), wo = lms_utf8_width(or);
	int width = (int)(wu > wo ? wu : wo);
	struct lms_buf line = LMS_BUF_INIT;

	for (int i = 0; c->usage && c->usage[i]; i++) {
		lms_buf_reset(&line);
		cmd_add_usage_line(&line, c->usage[i]);
		fprintf(f, "%*s%s %s\n",
			(int)(width - (int)lms_utf8_width(i ? or : usage)), "",
			i ? or : usage, line.buf);
	}
	lms_buf_release(&line);
}

int cmd_put(FILE *f, const char *s, size_t len)
{
	struct lms_buf shown = LMS_BUF_INIT;
	int err = 0;

	if (!lms_utf8_is_shown(s, len, LMS_VIS_LINES)) {
		lms_utf8_add_shown(&shown, s, len, LMS_VIS_LINES);
		s = shown.buf;
		len = shown.len;
	}
	if (fwrite(s, 1, len, f) != len)
		err = LMS_EIO;
	lms_buf_release(&shown);
	return err;
}

/* Spooled output: ctx->out spills when it holds this much. */
#define SPOOL_CHUNK (1 << 20)

static FILE *spool_file(void)
{
	return lms_temp_file(getenv("TMPDIR"), "spool");
}

int cmd_spool_add(struct ctx *ctx, struct cmd_spool *s)
{
	struct lms_buf shown = LMS_BUF_INIT;
	int err = 0;

	if (ctx->out.len < SPOOL_CHUNK)
		return 0;
	if (!s->f && !(s->f = spool_file()))
		return LMS_EIO;
	lms_utf8_add_shown(&shown, ctx->out.buf, ctx->out.len, LMS_VIS_LINES);
	if (fwrite(shown.buf, 1, shown.len, s->f) != shown.len)
		err = lms_error(LMS_EIO, _("cannot write a temporary file: %s"),
				lms_strerror(errno));
	lms_buf_release(&shown);
	lms_buf_reset(&ctx->out);
	return err;
}

/* Copies the spool, shown already, to standard output. */
static int spool_copy(FILE *f)
{
	char chunk[1 << 16];
	size_t n;

	if (fflush(f) || fseek(f, 0, SEEK_SET))
		return lms_error(LMS_EIO, _("cannot read a temporary file: %s"),
				 lms_strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (fwrite(chunk, 1, n, stdout) != n)
			return 0;	/* flush_output tells */
	if (ferror(f))
		return lms_error(LMS_EIO, _("cannot read a temporary file: %s"),
				 lms_strerror(errno));
	return 0;
}

int cmd_spool_end(struct ctx *ctx, struct cmd_spool *s, int err)
{
	if (!err && s->f)
		err = spool_copy(s->f);
	/* Whole or nothing, also when no spool could be made: what is
	 * held then is all of it. */
	if (err)
		lms_buf_reset(&ctx->out);
	if (s->f)
		fclose(s->f);
	s->f = NULL;
	return err;
}

const char *cmd_warning_prefix(void)
{
	return _("lms: warning: ");
}

void cmd_warn(const char *fmt, ...)
{
	struct lms_buf msg = LMS_BUF_INIT;
	va_list ap;

	lms_buf_adds(&msg, cmd_warning_prefix());
	va_start(ap, fmt);
	lms_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	lms_buf_addch(&msg, '\n');
	cmd_put(stderr, msg.buf, msg.len);
	lms_buf_release(&msg);
}

int cmd_usage_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	lms_utf8_vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return lms_error(LMS_EUSAGE, "%s", msg);
}

int cmd_check_name(const char *name)
{
	if (!name || !*name)
		return cmd_usage_error("%s", _("--name is missing: give the "
					       "name"));
	if (!lms_text_is_line(name))
		return cmd_usage_error("%s", _("--name: give the name on one "
					       "line"));
	return 0;
}

int cmd_getopt(int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	/* Without a table, getopt_long takes "--x" for short options. */
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	char opts[64];
	const char *arg;
	int c;

	if (!longopts)
		longopts = none;
	snprintf(opts, sizeof(opts), ":%s", shortopts);
	opterr = 0;
	c = getopt_long(argc, argv, opts, longopts, NULL);
	if (c != '?' && c != ':')
		return c;
	arg = argv[optind - 1];
	if (c == ':')
		cmd_usage_error(_("option '%s' needs a value"), arg);
	else if (optopt && strncmp(arg, "--", 2))
		cmd_usage_error(_("unknown option '-%c'"), optopt);
	else
		cmd_usage_error(_("unknown option '%.*s'"),
				(int)strcspn(arg, "="), arg);
	return '?';
}

int cmd_parse_int(const char *name, const char *s, int min, int max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < min || v > max)
		return cmd_usage_error(_("%s: '%s' is not a whole number from "
					 "%d to %d"), name, s, min, max);
	*out = (int)v;
	return 0;
}

int cmd_parse_date(const char *name, const char *s, int32_t *out)
{
	if (!lms_date_parse_input(s, out))
		return cmd_usage_error(_("%s: '%s' is not a date (use "
				       "2026-09-07, 07.09.2026, 7.9.2026 or "
				       "7.9.26)"), name, s);
	return 0;
}

int cmd_read_municipality(struct ctx *ctx, const char *given, char number[5])
{
	const char *old;
	int how, until;

	if (lms_service_municipality(&ctx->tree.service, given, number, &how))
		return cmd_usage_error(_("--municipality: %s"),
				       lms_last_error()->msg);
	if (how == LMS_MUNI_RETIRED &&
	    lms_municipality_retired(given, &old, &until))
		lms_buf_addf(&ctx->note, _("%s--municipality: %s "
					   "was %s until %d: read as %s %s\n"),
			     cmd_warning_prefix(), given, old, until, number,
			     lms_municipality_name(number));
	return 0;
}

int cmd_parse_past_date(const struct ctx *ctx, const char *name,
			const char *s, int32_t *out)
{
	char day[11];
	int err = cmd_parse_date(name, s, out);

	if (err || *out <= ctx->today)
		return err;
	lms_i18n_date(*out, day);
	return cmd_usage_error(_("%s: %s is after today"), name, day);
}

int cmd_check_period(int32_t from, int32_t to)
{
	char f[11], t[11];

	if (from == LMS_DATE_NONE || to == LMS_DATE_NONE || from <= to)
		return 0;
	lms_i18n_date(from, f);
	lms_i18n_date(to, t);
	return cmd_usage_error(_("--to %s is before --from %s: the period "
				 "has no days"), t, f);
}

int cmd_parse_words(const char *option, const char *value,
		    const char *const *names, unsigned *out)
{
	struct lms_field f = { option, LMS_T_FLAGS, 0, LMS_NO_OFFSET, names, 0 };
	struct lms_buf why = LMS_BUF_INIT;
	char **words;
	size_t n;
	int err = 0;

	*out = 0;
	lms_words_split(value, &words, &n);
	for (size_t i = 0; i < n && !err; i++)
		if (lms_value_parse(&f, words[i], out, &why))
			err = cmd_usage_error("%s: %s", option, why.buf);
	if (!err && !*out)
		err = cmd_usage_error(_("%s: give at least one value"), option);
	lms_words_free(words, n);
	lms_buf_release(&why);
	return err;
}

int cmd_parse_enum(const char *option, const char *value,
		   const char *const *names, int *out)
{
	struct lms_field f = { option, LMS_T_ENUM, 0, LMS_NO_OFFSET, names, 0 };
	struct lms_buf why = LMS_BUF_INIT;
	int err = 0;

	if (lms_value_parse(&f, value, out, &why))
		err = cmd_usage_error("%s: %s", option, why.buf);
	lms_buf_release(&why);
	return err;
}

int cmd_choice(const char *const *names, const char *s)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

const char *cmd_list(const char *const *names, enum lms_join how)
{
	/* Kept for the caller, and freed by the next call. */
	static struct lms_buf list = LMS_BUF_INIT;

	lms_buf_release(&list);
	lms_join(&list, names, how);
	return list.buf;
}

int cmd_format_option(int argc, char **argv, enum lms_format *fmt)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	*fmt = LMS_FMT_TEXT;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1)
		err = c == 'F' ? lms_format_parse(optarg, LMS_FMT_LISTING, fmt) :
		      LMS_EUSAGE;
	return err;
}

int cmd_no_args_left(int argc, char **argv)
{
	if (optind < argc)
		return cmd_usage_error(_("unexpected argument '%s'"),
				       argv[optind]);
	return 0;
}

enum lms_lang cmd_doc_lang(const struct ctx *ctx, int tree_lang,
			   enum lms_format f, bool excel)
{
	if ((f == LMS_FMT_CSV && !excel) || f == LMS_FMT_TSV ||
	    f == LMS_FMT_YAML)
		return LMS_LANG_EN;
	return tree_lang ? (enum lms_lang)tree_lang : ctx->lang;
}

void cmd_emit_table(struct ctx *ctx, const struct lms_table *t,
		    enum lms_format f)
{
	lms_table_render(t, f, false, &ctx->out);
}

void cmd_emit_table_piece(struct ctx *ctx, const struct lms_table *t,
			  enum lms_format f, bool first)
{
	if (!first && (f == LMS_FMT_CSV || f == LMS_FMT_TSV))
		lms_table_render_rows(t, f, false, &ctx->out);
	else
		cmd_emit_table(ctx, t, f);
}

const struct cmd *cmd_find(const struct cmd *const *table, const char *name)
{
	for (int i = 0; table[i]; i++)
		if (!strcmp(table[i]->name, name))
			return table[i];
	return NULL;
}

static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

/* Finishing a change that a killed lms left is worth a word. */
static void say_recovered(struct ctx *ctx)
{
	if (ctx->tree.recovered)
		fprintf(stderr, "lms: %s\n", _("finished a change that an "
						"interrupted lms had begun"));
	ctx->tree.recovered = false;
}

int cmd_open_tree(struct ctx *ctx)
{
	char *root = NULL;
	int err = 0;

	if (!ctx->tree_open) {
		if (!ctx->root_arg && (err = lms_tree_find(&root)))
			return err;
		err = lms_tree_open(&ctx->tree,
				    ctx->root_arg ? ctx->root_arg : root);
		free(root);
		ctx->tree_open = !err;
		ctx->tree.no_cache = ctx->no_cache;
		ctx->tree.threads = ctx->threads;
	}
	/* A command that only reads holds the lock shared, so that it never
	 * reads a change half made (see lms_tree_begin_read). */
	if (!err && ctx->cmd && (ctx->cmd->flags & CMD_LOCK))
		err = lms_tree_begin(&ctx->tree, ctx->lock_timeout_ms);
	else if (!err)
		err = lms_tree_begin_read(&ctx->tree, ctx->lock_timeout_ms);
	say_recovered(ctx);
	return err;
}

void cmd_ops_io(struct ctx *ctx, struct lms_ops_io *io)
{
	lms_ops_tree_io(io, &ctx->tree);
	io->today = ctx->today;
}

static int run(struct ctx *ctx, const struct cmd *c, int argc, char **argv)
{
	bool undone;
	size_t staged;
	int err;

	optind = 0;
	err = c->run(ctx, argc, argv);
	staged = ctx->tree_open && ctx->tree.txn ? ctx->tree.txn->n : 0;
	/* A command that changes the tree makes one change: whatever it
	 * wrote was staged, and is made now that it has succeeded, so that
	 * a command killed or failing at any point changes all of its files
	 * or none (see lib/io/txn.h).  What it meant to print goes only
	 * when the change is made. */
	if (ctx->tree_open && (err = lms_tree_end(&ctx->tree, err, &undone)) &&
	    undone) {
		lms_buf_reset(&ctx->out);
		lms_buf_reset(&ctx->note);
	}
	ctx->changed = staged && err >= 0;
	return err;
}

/* The names of a table of commands, for lms_join and lms_suggest. */
static size_t names_of(const struct cmd *const *table, const char **names,
		       size_t max)
{
	size_t n = 0;

	for (; table[n] && n + 1 < max; n++)
		names[n] = table[n]->name;
	names[n] = NULL;
	return n;
}

void cmd_add_verbs(struct lms_buf *out, const struct cmd *parent,
		   enum lms_join how)
{
	const char *names[33];

	names_of(parent->sub, names, sizeof(names) / sizeof(names[0]));
	lms_join(out, names, how);
}

static int list_verbs(const struct cmd *parent)
{
	struct lms_buf names = LMS_BUF_INIT;
	int err;

	cmd_add_verbs(&names, parent, LMS_JOIN_COMMAS);
	err = cmd_usage_error(_("'lms %s' needs one of: %s"), parent->name,
			      names.buf);
	lms_buf_release(&names);
	return err;
}

const char *cmd_closest(const struct cmd *const *table, const char *word)
{
	const char *names[33];
	size_t n = names_of(table, names, sizeof(names) / sizeof(names[0]));

	return lms_suggest(word, names, n);
}

/* A command with verbs and no run of its own: argv[1] must be a verb. */
static int no_verb(struct ctx *ctx, const struct cmd *c, int argc, char **argv)
{
	const char *hint;

	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && wants_help(argc, argv))
			return cmd_show_man(ctx, c->man, 1);
		return list_verbs(c);
	}
	if ((hint = cmd_closest(c->sub, argv[1])))
		return cmd_usage_error(_("'%s' is not a verb of 'lms %s'; did "
					 "you mean '%s'?"), argv[1], c->name,
				       hint);
	return cmd_usage_error(_("'%s' is not a verb of 'lms %s'"), argv[1],
			       c->name);
}

int cmd_dispatch(struct ctx *ctx, const struct cmd *const *table,
		 int argc, char **argv)
{
	const struct cmd *c = cmd_find(table, argv[0]);
	const char *hint;

	if (!c && (hint = cmd_closest(table, argv[0])))
		return cmd_usage_error(_("'%s' is not an lms command; did you "
					 "mean '%s'?"), argv[0], hint);
	if (!c)
		return cmd_usage_error(_("'%s' is not an lms command (see lms "
				         "help)"), argv[0]);
	ctx->cmd = c;
	if (c->sub && argc >= 2 && cmd_find(c->sub, argv[1]))
		return cmd_dispatch(ctx, c->sub, argc - 1, argv + 1);
	if (c->sub && !c->run)
		return no_verb(ctx, c, argc, argv);
	if (wants_help(argc, argv))
		return cmd_show_man(ctx, c->man, 1);
	return run(ctx, c, argc, argv);
}

int cmd_dispatch_operand(struct ctx *ctx, int argc, char **argv)
{
	char **v = lms_calloc((size_t)argc + 1, sizeof(char *));
	int n = 0, err;

	v[n++] = argv[optind];
	for (int i = 1; i < argc; i++)
		if (i != optind)
			v[n++] = argv[i];
	err = cmd_dispatch(ctx, ctx->cmd->sub, n, v);
	free(v);
	return err;
}

/* Progress */

static double seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	       (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void cmd_progress_start(struct cmd_progress *p)
{
	p->on = isatty(STDERR_FILENO);
	p->drawn = false;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->shown = p->start;
}

void cmd_progress_show(size_t done, size_t total, void *arg)
{
	struct cmd_progress *p = arg;

	if (!p->on || seconds_since(&p->start) < 1 ||
	    (seconds_since(&p->shown) < 0.1 && done < total))
		return;
	fprintf(stderr, "\rlms: ");
	fprintf(stderr, lms_n_("%zu of %zu courses", "%zu of %zu courses",
			       total), done, total);
	clock_gettime(CLOCK_MONOTONIC, &p->shown);
	p->drawn = true;
}

void cmd_progress_end(struct cmd_progress *p)
{
	if (p->drawn)
		fprintf(stderr, "\r%40s\r", "");
}

/* Whether text has room for a name: two words, so a letter and a space. */
static bool may_hold_name(const char *text)
{
	bool letter = false, space = false;

	for (const unsigned char *u = (const unsigned char *)text; *u; u++) {
		letter |= (*u | 0x20) >= 'a' && (*u | 0x20) <= 'z';
		letter |= *u >= 0xc3;
		space |= *u == ' ' || *u == '\t' || *u == '\n' || *u == 0xa0;
	}
	return letter && space;
}

/*
 * The register's names, and the facilitators' as public ones, read the
 * first time a text could hold a name.  A register that others may read
 * refuses (as everywhere): its names could not be looked for.  The
 * facilitators only spare names, so a broken file of them costs nothing
 * here.
 */
static int load_names(struct ctx *ctx)
{
	struct lms_register reg;
	struct lms_facilitator *f;
	size_t nf;
	int err;

	if (ctx->names)
		return 0;
	if ((err = lms_tree_load_register(&ctx->tree, &reg)))
		return err;
	ctx->names = lms_malloc(sizeof(*ctx->names));
	lms_names_init(ctx->names);
	for (size_t i = 0; i < reg.n; i++)
		if (reg.v[i].name)
			lms_names_add(ctx->names, reg.v[i].name);
	lms_register_release(&reg);
	if (lms_tree_load_facilitators(&ctx->tree, &f, &nf, NULL) == 0) {
		for (size_t i = 0; i < nf; i++)
			if (f[i].name)
				lms_names_add_public(ctx->names, f[i].name);
		lms_facilitators_free(f, nf);
	}
	lms_error_clear();
	return 0;
}

void cmd_screen_release(struct ctx *ctx)
{
	if (ctx->names)
		lms_names_release(ctx->names);
	free(ctx->names);
	ctx->names = NULL;
}

struct screening {
	struct ctx *ctx;
	const struct cmd_where *at;
	const struct lms_personal_hit *first;
	struct lms_personal_hit hit;
};

static void first_hit(const struct lms_personal_hit *hit, void *arg)
{
	struct screening *s = arg;

	if (!s->first) {
		s->hit = *hit;
		s->first = &s->hit;
	}
}

static void note_redacted(const struct lms_personal_hit *hit, void *arg)
{
	struct screening *s = arg;

	lms_buf_adds(&s->ctx->note, cmd_warning_prefix());
	if (s->at->path)
		lms_buf_addf(&s->ctx->note, "%s:%u: ", s->at->path, s->at->line);
	lms_buf_addf(&s->ctx->note, _("%s: %s was replaced with %s\n"),
		     s->at->what, lms_personal_what(hit->kind), CMD_REDACTED);
}

int cmd_screen(struct ctx *ctx, const struct cmd_where *at, const char *text,
	       char **redacted)
{
	struct screening s = { ctx, at, NULL, { 0, 0, 0 } };
	int err;

	if (redacted)
		*redacted = NULL;
	/* Without a tree (lms init) there is no register to look in. */
	if (ctx->tree_open && may_hold_name(text) && (err = load_names(ctx)))
		return err;
	if (redacted) {
		*redacted = lms_personal_redact(text, LMS_PD_ALL, ctx->names,
						CMD_REDACTED, note_redacted, &s);
		return 0;
	}
	lms_find_personal(text, strlen(text), LMS_PD_ALL, ctx->names, first_hit,
			  &s);
	if (!s.first)
		return 0;
	/* The message does not repeat what was found. */
	if (at->path)
		return lms_error_at(LMS_EDATA, at->path, at->line, 0,
				    _("%s: this looks like %s: personal data "
				      "does not belong in a file that goes to "
				      "git%s"), at->what,
				    lms_personal_what(s.hit.kind),
				    at->hint ? at->hint : "");
	return lms_error(LMS_EDATA, _("%s: this looks like %s: personal data "
				      "does not belong in a file that goes to "
				      "git%s"), at->what,
			 lms_personal_what(s.hit.kind), at->hint ? at->hint : "");
}

/* Output with names */

/*
 * Whether git ignores path (relative to root): `git check-ignore`.  No
 * git, or no repository, counts as not ignored, which refuses the file:
 * better a file elsewhere than a register in git.
 */
static bool git_ignores(const char *root, const char *rel)
{
	int status, null;
	pid_t pid = fork();

	if (pid < 0)
		return false;
	if (pid == 0) {
		if ((null = open("/dev/null", O_RDWR)) >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execlp("git", "git", "-C", root, "check-ignore", "-q", "--",
		       rel, (char *)NULL);
		_exit(127);
	}
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

int cmd_private_out(struct ctx *ctx, const char *out)
{
	char root[PATH_MAX], dir[PATH_MAX];
	char *copy = lms_strdup(out), *slash = strrchr(copy, '/');
	const char *base = slash ? slash + 1 : copy;
	struct lms_buf rel = LMS_BUF_INIT;
	size_t n;
	int place = CMD_OUT_FREE;

	if (slash)
		*slash = '\0';
	if (!realpath(ctx->tree.root, root) ||
	    !realpath(slash ? (*copy ? copy : "/") : ".", dir)) {
		free(copy);
		return CMD_OUT_FREE;	/* writing will say what is wrong */
	}
	n = strlen(root);
	if (!strncmp(dir, root, n) && (dir[n] == '/' || !dir[n])) {
		lms_buf_addf(&rel, "%s%s%s", dir[n] ? dir + n + 1 : "",
			     dir[n] ? "/" : "", base);
		/* Never over the register, the key or another file of lms's
		 * own, which git ignores too. */
		if (lms_file_is_lms(rel.buf))
			place = CMD_OUT_LMS;
		else if (!git_ignores(root, rel.buf))
			place = CMD_OUT_TRACKED;
	}
	lms_buf_release(&rel);
	free(copy);
	return place;
}
