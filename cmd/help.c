#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "overstrike.h"
#include "cmd.h"
/* LMS_BINDIR and LMS_MANDIR, as make install was told them. */
#include "paths.h"

static bool readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/*
 * Where make install put the pages: LMS_MANDIR, or, when the binary is
 * not in LMS_BINDIR but below another folder as if that were the root
 * (make install DESTDIR=..., or an installation moved as a whole), that
 * folder's LMS_MANDIR.
 */
static bool installed_page(const char *exe_dir, const char *page, int section,
			   char *path, size_t size)
{
	size_t n = strlen(exe_dir), bin = strlen(LMS_BINDIR);

	if (n > bin && !strcmp(exe_dir + n - bin, LMS_BINDIR)) {
		snprintf(path, size, "%.*s%s/man%d/%s.%d", (int)(n - bin),
			 exe_dir, LMS_MANDIR, section, page, section);
		if (readable(path))
			return true;
	}
	snprintf(path, size, "%s/man%d/%s.%d", LMS_MANDIR, section, page,
		 section);
	return readable(path);
}

/* The page beside the binary (a build tree) or where make install put it. */
static char *find_page(const char *page, int section)
{
	char exe[PATH_MAX], dir[PATH_MAX], path[2 * PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	exe[n > 0 ? n : 0] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	snprintf(dir, sizeof(dir), "%s", exe);
	for (int up = 0; slash && up < 3; up++) {
		snprintf(path, sizeof(path), "%s/man/%s.%d", exe, page, section);
		if (readable(path))
			return strdup(path);
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
	}
	return installed_page(dir, page, section, path, sizeof(path)) ?
	       strdup(path) : NULL;
}

/* mandoc's output, without its backspace overstrikes (bold, underline),
 * into out. */
static void copy_plain(int fd, struct lms_buf *out)
{
	struct lms_overstrike strip;
	char in[4096];
	ssize_t n;

	lms_overstrike_init(&strip);
	while ((n = read(fd, in, sizeof(in))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		lms_overstrike_add(&strip, in, (size_t)n, out);
	}
	lms_overstrike_finish(&strip, out);
}

static int render_plain(const char *path, struct lms_buf *out)
{
	int fds[2], status;
	pid_t pid;

	if (pipe(fds) < 0 || (pid = fork()) < 0)
		return lms_error(LMS_EIO, _("cannot run mandoc: %s"),
				 lms_strerror(errno));
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execlp("mandoc", "mandoc", "-Tutf8", path, (char *)NULL);
		execlp("man", "man", "-l", path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	copy_plain(fds[0], out);
	close(fds[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return lms_error(LMS_EIO, _("cannot show '%s': mandoc or man is "
				   "needed (make deps)"), path);
	return 0;
}

int cmd_show_man(struct ctx *ctx, const char *page, int section)
{
	char *path = find_page(page, section);
	int err;

	if (!path)
		return lms_error(LMS_ENOENT, _("no manual page %s(%d) beside "
					       "lms or in %s (see make "
					       "install)"), page, section,
				 LMS_MANDIR);
	if (isatty(STDOUT_FILENO)) {
		execlp("mandoc", "mandoc", "-a", path, (char *)NULL);
		execlp("man", "man", "-l", path, (char *)NULL);
	}
	err = render_plain(path, &ctx->out);
	free(path);
	return err;
}

static void overview(struct ctx *ctx)
{
	lms_buf_addf(&ctx->out, "%s ", _("usage:"));
	cmd_add_usage_line(&ctx->out, "lms [-C DIR] COMMAND [ARG...]");
	lms_buf_adds(&ctx->out, "\n\n");
	lms_buf_adds(&ctx->out,
		     _("lms keeps a learning and coping service's courses, "
		       "enrolments, attendance\nand evaluations in plain YAML "
		       "files.  The commands:\n\n"));
	for (int i = 0; cmd_table[i]; i++)
		lms_buf_addf(&ctx->out, "   %-12s %s\n", cmd_table[i]->name,
			     _(cmd_table[i]->summary));
	lms_buf_adds(&ctx->out,
		     _("\n'lms help COMMAND' or 'lms COMMAND --help' shows a "
		       "command's manual;\n'lms help files' the file "
		       "formats.\n"));
}

static int help(struct ctx *ctx, int argc, char **argv)
{
	const struct cmd *c;
	const char *hint;

	while (cmd_getopt(argc, argv, "", NULL) != -1)
		return LMS_EUSAGE;
	if (optind == argc) {
		overview(ctx);
		return 0;
	}
	if (optind + 1 < argc)
		return cmd_usage_error(_("one command at a time"));
	if (!strcmp(argv[optind], "files"))
		return cmd_show_man(ctx, "lms-files", 5);
	if (!strcmp(argv[optind], "lms"))
		return cmd_show_man(ctx, "lms", 1);
	if ((c = cmd_find(cmd_table, argv[optind])))
		return cmd_show_man(ctx, c->man, 1);
	if ((hint = cmd_closest(cmd_table, argv[optind])))
		return cmd_usage_error(_("no such command: '%s'; did you mean "
					 "'%s'?"), argv[optind], hint);
	return cmd_usage_error(_("no such command: '%s'"), argv[optind]);
}

static const char *const usage[] = { "lms help [COMMAND | files]", NULL };

const struct cmd cmd_help = {
	"help", help, 0, usage, N_("show the manual of lms or of a command"),
	"lms-help", NULL
};
