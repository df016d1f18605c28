#ifndef LMS_CMD_H
#define LMS_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "buf.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "join.h"
#include "table.h"
#include "tree.h"

/*
 * The front end: only cmd/ reads argv and the environment and prints.
 * Each command is a struct cmd in its own file (after tmux's cmd_entry);
 * cmd/lms.c lists them.  A command reads its whole command line first,
 * then opens the tree with cmd_open_tree, which meets its preconditions
 * (find and open the tree, take its lock) as git's RUN_SETUP does: so
 * --help, usage errors and the usage lines that completion asks for need
 * no tree.
 */

enum {
	CMD_TREE = 1 << 0,	/* works on the tree (cmd_open_tree) */
	CMD_LOCK = 1 << 1	/* changes the tree: hold its lock throughout */
};

struct ctx;
struct lms_names;

struct cmd {
	const char *name;
	int (*run)(struct ctx *ctx, int argc, char **argv);
	unsigned flags;
	const char *const *usage;	/* lines, each as in the SYNOPSIS */
	const char *summary;		/* one line for "lms help" */
	const char *man;		/* the man page: "lms-course" */
	/*
	 * Verbs, for "lms course new": the one that the next argument names
	 * runs.  Without one, a command that has a run of its own runs it
	 * (lms report: the aggregate report; lms export: its messages), else
	 * lms says which verbs there are.
	 */
	const struct cmd *const *sub;
};

struct ctx {
	const char *root_arg;		/* -C DIR, or $LMS_DIR */
	bool no_cache;			/* --no-cache: rebuild .lms/index */
	const char *chdir_arg;		/* -C DIR only: where init works */
	int lock_timeout_ms;
	int32_t today;			/* $LMS_TODAY, or the clock's */
	size_t threads;			/* $LMS_THREADS, or 0: one per core */
	struct lms_tree tree;
	bool tree_open;
	bool changed;			/* the command made a change */
	const struct cmd *cmd;		/* the command running, for usage */
	struct lms_buf out;		/* what goes to stdout */
	struct lms_buf note;		/* to stderr after it, on success */
	struct lms_names *names;	/* the register's, once screening needs them */
	enum lms_lang lang;		/* the user's, from the environment */
};

/* Runs the command argv[0] of table (NULL-terminated), or its verb. */
int cmd_dispatch(struct ctx *ctx, const struct cmd *const *table,
		 int argc, char **argv);
/* The command of table named name, or NULL. */
const struct cmd *cmd_find(const struct cmd *const *table, const char *name);
/* The name in table closest to word, if word looks like a typo of it. */
const char *cmd_closest(const struct cmd *const *table, const char *word);
/*
 * For a command with verbs and a run of its own, once its options are
 * read: runs the verb that argv[optind] names, with those options, as if
 * it had come first ("lms export --excel attendance").
 */
int cmd_dispatch_operand(struct ctx *ctx, int argc, char **argv);
/* The names of parent's verbs, as a list (lms_join). */
void cmd_add_verbs(struct lms_buf *out, const struct cmd *parent,
		   enum lms_join how);

/*
 * getopt_long with lms's messages: returns the option, -1 at the end, or
 * '?' after recording a usage error (an unknown option, a missing value).
 * Resets getopt's state when called with optind 0 first.
 */
int cmd_getopt(int argc, char **argv, const char *shortopts,
	       const struct option *longopts);
int cmd_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* The --name of a person, facilitator or offer: given, on one line (a
 * usage error that says which, if not). */
int cmd_check_name(const char *name);
/*
 * Writes len bytes of s to f with control characters shown visibly
 * (lms_utf8_add_shown, keeping lines): everything lms prints goes through
 * it, so that no value from a file reaches a terminal raw.
 */
int cmd_put(FILE *f, const char *s, size_t len);
/* "lms: warning: ..." on standard error, through cmd_put. */
void cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "lms: warning: " in the language, before a warning kept for later. */
const char *cmd_warning_prefix(void);
/* Warns of each course.yaml that did not load, whose bookings are not
 * known (lms_ops_bookings). */
void cmd_warn_unread(const struct lms_error *v, size_t n);
/* Parses a whole number in [min, max] for option name. */
int cmd_parse_int(const char *name, const char *s, int min, int max, int *out);
/* Parses a date as people type it (lms_date_parse_input) for option name. */
int cmd_parse_date(const char *name, const char *s, int32_t *out);
/* The same for a date of what has happened (a consent given, a request
 * made): one after today is a usage error, a typo of the year. */
int cmd_parse_past_date(const struct ctx *ctx, const char *name,
			const char *s, int32_t *out);
/*
 * --municipality as people give it, a number or a name, in number: the
 * number of today (a retired one is read as its successor's, with a
 * note), or one of the tree's own lms.yaml.  A usage error if none.
 */
int cmd_read_municipality(struct ctx *ctx, const char *given, char number[5]);
/* A usage error if --to (LMS_DATE_NONE: not given) is before --from: a
 * period with no days would give an empty report that looks complete. */
int cmd_check_period(int32_t from, int32_t to);

/*
 * Shows a man page (lms help): on a terminal mandoc's pager takes over
 * the process; otherwise the page goes to ctx->out as plain text.
 */
int cmd_show_man(struct ctx *ctx, const char *page, int section);
void cmd_print_usage(FILE *f, const struct cmd *c);
/* A usage line with the words it stands in for ("COURSE") translated. */
void cmd_add_usage_line(struct lms_buf *out, const char *line);

/*
 * The language of a document made for format f: English for the formats
 * of scripts (CSV, TSV and YAML, but not CSV for Excel, which is for
 * people), else tree_lang, the language: of the tree's lms.yaml
 * (LMS_LANG_UNSET: none), else the user's.  Set it with lms_i18n_set
 * around what builds and renders the document, and set back the one it
 * returns after: messages stay in the user's language.
 */
enum lms_lang cmd_doc_lang(const struct ctx *ctx, int tree_lang,
			   enum lms_format f, bool excel);

/*
 * Output too large to hold in memory, which must yet go out whole or not
 * at all (lms export: half an export would pass for all of it): what
 * gathers in ctx->out goes, once there is enough of it, to a temporary
 * file that no one else can open ($TMPDIR, else /tmp), and from there
 * to standard output when the command has succeeded.  Call
 * cmd_spool_add after each whole line or record of ctx->out, so that
 * what is shown of it (cmd_put) is what would have been.
 */
struct cmd_spool {
	FILE *f;
};
int cmd_spool_add(struct ctx *ctx, struct cmd_spool *s);
/* On success (err 0): what the file holds goes out before ctx->out; on a
 * failure, nothing.  Returns err, or the error of the copy. */
int cmd_spool_end(struct ctx *ctx, struct cmd_spool *s, int err);

/*
 * A table too long to hold, in pieces of CMD_TABLE_PIECE rows: each piece
 * to ctx->out, the first with its header; CSV and TSV pieces after it
 * without (YAML's pieces are lists that follow on).  Aligned text needs
 * the widths of all first (lms_table_text_widths).
 */
#define CMD_TABLE_PIECE 4096
void cmd_emit_table_piece(struct ctx *ctx, const struct lms_table *t,
			  enum lms_format f, bool first);
/* Renders a table to ctx->out in the given format. */
void cmd_emit_table(struct ctx *ctx, const struct lms_table *t,
		    enum lms_format f);

/*
 * Opens the tree (-C, $LMS_DIR, or upwards) unless it is open already, and
 * takes its lock: shared for a command that reads, exclusive for one that
 * changes the tree (CMD_LOCK), whose writes (lms_tree_save) are then staged
 * and made as one change when the command has succeeded.  A command calls
 * it once its whole command line is read and found good.
 */
int cmd_open_tree(struct ctx *ctx);
struct lms_ops_io;
/* The operations' view of the open tree, on the day of the command. */
void cmd_ops_io(struct ctx *ctx, struct lms_ops_io *io);

/*
 * Where -o FILE of an output with names and contacts (lms remind, lms
 * export fees) would go: outside the tree or a file git ignores in it
 * (CMD_OUT_FREE), a file or folder of lms's own (CMD_OUT_LMS), or in
 * the tree and not ignored by git, or without git (CMD_OUT_TRACKED).
 */
enum { CMD_OUT_FREE, CMD_OUT_LMS, CMD_OUT_TRACKED };
int cmd_private_out(struct ctx *ctx, const char *out);

/*
 * Free text on its way into a file that goes to git (an answer, a title,
 * a theme, a follow-up) is screened for personal data (see
 * lms_find_personal): it is refused (LMS_EDATA, "WHAT: this looks like a
 * phone number: ..."), or, when redacted is given, each part that looks
 * so is replaced by CMD_REDACTED in a new string put there, and a warning
 * that says where goes to ctx->note.  at places the messages: path and
 * line of an input file (path NULL for the command line) and what
 * ("column 'X'", "title").  hint ends a refusal, after what it found.
 */
#define CMD_REDACTED "[redacted]"
struct cmd_where {
	const char *path;
	unsigned line;
	const char *what;
	const char *hint;
};

int cmd_screen(struct ctx *ctx, const struct cmd_where *at, const char *text,
	       char **redacted);
/* Frees what screening loaded (at exit). */
void cmd_screen_release(struct ctx *ctx);

extern const struct cmd *const cmd_table[];

extern const struct cmd cmd_init;
extern const struct cmd cmd_course;
extern const struct cmd cmd_person;
extern const struct cmd cmd_purge;
extern const struct cmd cmd_facilitator;
extern const struct cmd cmd_enrol;
extern const struct cmd cmd_withdraw;
extern const struct cmd cmd_attend;
extern const struct cmd cmd_roster;
extern const struct cmd cmd_followup;
extern const struct cmd cmd_offer;
extern const struct cmd cmd_meeting;
extern const struct cmd cmd_evaluate;
extern const struct cmd cmd_report;
extern const struct cmd cmd_check;
extern const struct cmd cmd_export;
extern const struct cmd cmd_calendar;
extern const struct cmd cmd_catalog;
extern const struct cmd cmd_remind;

extern const struct cmd cmd_help;

/* Parses a comma-separated list of names (phases, target groups ...)
 * into bits, for option; LMS_EUSAGE names the choices. */
int cmd_parse_words(const char *option, const char *value,
		    const char *const *names, unsigned *out);
/* Parses one enumeration value, for option. */
int cmd_parse_enum(const char *option, const char *value,
		   const char *const *names, int *out);
/* The index of s in names (NULL-terminated), or -1. */
int cmd_choice(const char *const *names, const char *s);
/*
 * names as a list for a message ("html, md or csv", see lms_join), so
 * that a message lists the choices from the table its parser reads.  The
 * text stays until the next call.
 */
const char *cmd_list(const char *const *names, enum lms_join how);
/* The options of a listing that takes --format alone (text unless
 * given); the operands start at optind after it. */
int cmd_format_option(int argc, char **argv, enum lms_format *fmt);
/* LMS_EUSAGE if arguments are left after the options and operands. */
int cmd_no_args_left(int argc, char **argv);

/*
 * "lms: 1200 of 5000 courses" on standard error while long work goes on:
 * only when it is a terminal, after a second, and erased at the end.
 */
struct cmd_progress {
	bool on;
	struct timespec start, shown;
	bool drawn;
};

void cmd_progress_start(struct cmd_progress *p);
/* For lib's progress callbacks: arg is the struct cmd_progress. */
void cmd_progress_show(size_t done, size_t total, void *arg);
void cmd_progress_end(struct cmd_progress *p);

#endif
