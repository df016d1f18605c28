#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/date.h"
#include "../lib/schema.h"
#include "../lib/words.h"
#include "../lib/yparse.h"
#include "cmd.h"

void cmd_print_usage(FILE *f, const struct cmd *c)
{
	for (int i = 0; c->usage && c->usage[i]; i++)
		fprintf(f, "%s %s\n", i ? "   or:" : "usage:", c->usage[i]);
}

int cmd_usage_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return lms_error(LMS_EUSAGE, "%s", msg);
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
		cmd_usage_error("option '%s' needs a value", arg);
	else if (optopt && strncmp(arg, "--", 2))
		cmd_usage_error("unknown option '-%c'", optopt);
	else
		cmd_usage_error("unknown option '%.*s'", (int)strcspn(arg, "="),
				arg);
	return '?';
}

int cmd_parse_int(const char *name, const char *s, int min, int max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < min || v > max)
		return cmd_usage_error("%s: '%s' is not a whole number from %d "
				       "to %d", name, s, min, max);
	*out = (int)v;
	return 0;
}

int cmd_parse_date(const char *name, const char *s, int32_t *out)
{
	if (!lms_date_parse(s, out))
		return cmd_usage_error("%s: '%s' is not a date (YYYY-MM-DD)",
				       name, s);
	return 0;
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
		err = cmd_usage_error("%s: give at least one value", option);
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

int cmd_no_args_left(int argc, char **argv)
{
	if (optind < argc)
		return cmd_usage_error("unexpected argument '%s'", argv[optind]);
	return 0;
}

void cmd_emit_table(struct ctx *ctx, const struct lms_table *t,
		    enum lms_format f)
{
	lms_table_render(t, f, false, &ctx->out);
}

int cmd_write(struct ctx *ctx, const char *path, const struct lms_buf *text,
	      mode_t mode)
{
	int err;

	if (ctx->lock.fd < 0)
		return lms_error(LMS_EIO, "internal: writing '%s' without the "
				 "tree's lock", path);
	/* The files of a tree are YAML: never write one lms would refuse. */
	if ((err = lms_yaml_readable(path, text->buf, text->len)))
		return err;
	lms_remove_stale_temporaries(path);
	return lms_write_atomic(path, text->buf, text->len, mode);
}

static const struct cmd *lookup(const struct cmd *const *table,
				const char *name)
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

int cmd_open_tree(struct ctx *ctx)
{
	char *root = NULL;
	int err;

	if (ctx->tree_open)
		return 0;
	if (!ctx->root_arg && (err = lms_tree_find(&root)))
		return err;
	err = lms_tree_open(&ctx->tree, ctx->root_arg ? ctx->root_arg : root);
	free(root);
	ctx->tree_open = !err;
	return err;
}

static int run(struct ctx *ctx, const struct cmd *c, int argc, char **argv)
{
	int err;

	if ((c->flags & CMD_TREE) && (err = cmd_open_tree(ctx)))
		return err;
	if ((c->flags & CMD_LOCK) &&
	    (err = lms_tree_lock(&ctx->tree, &ctx->lock, ctx->lock_timeout_ms)))
		return err;
	optind = 0;
	return c->run(ctx, argc, argv);
}

static int list_verbs(const struct cmd *parent)
{
	struct lms_buf names = LMS_BUF_INIT;
	int err;

	for (int i = 0; parent->sub[i]; i++)
		lms_buf_addf(&names, "%s%s", i ? ", " : "", parent->sub[i]->name);
	err = cmd_usage_error("'lms %s' needs one of: %s", parent->name,
			      names.buf);
	lms_buf_release(&names);
	return err;
}

int cmd_dispatch(struct ctx *ctx, const struct cmd *const *table,
		 int argc, char **argv)
{
	const struct cmd *c = lookup(table, argv[0]);

	if (!c)
		return cmd_usage_error("'%s' is not an lms command (see lms "
				       "help)", argv[0]);
	ctx->cmd = c;
	if (c->sub) {
		if (argc < 2 || argv[1][0] == '-') {
			if (argc >= 2 && wants_help(argc, argv))
				return cmd_show_man(c->man, 1);
			return list_verbs(c);
		}
		if (!lookup(c->sub, argv[1]))
			return cmd_usage_error("'%s' is not a verb of 'lms %s'",
					       argv[1], c->name);
		return cmd_dispatch(ctx, c->sub, argc - 1, argv + 1);
	}
	if (wants_help(argc, argv))
		return cmd_show_man(c->man, 1);
	return run(ctx, c, argc, argv);
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
	fprintf(stderr, "\rlms: %zu of %zu courses", done, total);
	clock_gettime(CLOCK_MONOTONIC, &p->shown);
	p->drawn = true;
}

void cmd_progress_end(struct cmd_progress *p)
{
	if (p->drawn)
		fprintf(stderr, "\r%40s\r", "");
}
