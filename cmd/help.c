#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"

#ifndef LMS_MANDIR
#define LMS_MANDIR "/usr/local/share/man"
#endif

/* The page beside the binary (a build tree) or where make install put it. */
static char *find_page(const char *page, int section)
{
	char exe[PATH_MAX], path[PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		for (int up = 0; slash && up < 3; up++) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/man/%s.%d", exe, page,
				 section);
			if (access(path, R_OK) == 0)
				return strdup(path);
			slash = strrchr(exe, '/');
		}
	}
	snprintf(path, sizeof(path), "%s/man%d/%s.%d", LMS_MANDIR, section,
		 page, section);
	return access(path, R_OK) == 0 ? strdup(path) : NULL;
}

/* Copies mandoc's output without its backspace overstrikes (bold). */
static void copy_plain(int fd)
{
	char in[4096], out[4096];
	size_t o = 0;
	ssize_t n;

	while ((n = read(fd, in, sizeof(in))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (in[i] == '\b') {
				o -= o > 0;
				continue;
			}
			out[o++] = in[i];
			if (o == sizeof(out)) {
				fwrite(out, 1, o, stdout);
				o = 0;
			}
		}
	}
	fwrite(out, 1, o, stdout);
}

static int render_plain(const char *path)
{
	int fds[2], status;
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) < 0 || (pid = fork()) < 0)
		return lms_error(LMS_EIO, "cannot run mandoc: %s", strerror(errno));
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execlp("mandoc", "mandoc", "-Tutf8", path, (char *)NULL);
		execlp("man", "man", "-l", path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	copy_plain(fds[0]);
	close(fds[0]);
	fflush(stdout);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return lms_error(LMS_EIO, "cannot show '%s': mandoc or man is "
				 "needed (make deps)", path);
	return 0;
}

int cmd_show_man(const char *page, int section)
{
	char *path = find_page(page, section);
	int err;

	if (!path)
		return lms_error(LMS_ENOENT, "no manual page %s(%d) beside lms "
				 "or in %s (see make install)", page, section,
				 LMS_MANDIR);
	if (isatty(STDOUT_FILENO)) {
		execlp("mandoc", "mandoc", "-a", path, (char *)NULL);
		execlp("man", "man", "-l", path, (char *)NULL);
	}
	err = render_plain(path);
	free(path);
	return err;
}

static void overview(struct ctx *ctx)
{
	lms_buf_adds(&ctx->out,
		     "usage: lms [-C DIR] COMMAND [ARG...]\n\n"
		     "lms keeps a learning and coping service's courses, "
		     "enrolments, attendance\nand evaluations in plain YAML "
		     "files.  The commands:\n\n");
	for (int i = 0; cmd_table[i]; i++)
		lms_buf_addf(&ctx->out, "   %-12s %s\n", cmd_table[i]->name,
			     cmd_table[i]->summary);
	lms_buf_adds(&ctx->out,
		     "\n'lms help COMMAND' or 'lms COMMAND --help' shows a "
		     "command's manual;\n'lms help files' the file formats.\n");
}

static int help(struct ctx *ctx, int argc, char **argv)
{
	char page[128];
	int c;

	while ((c = cmd_getopt(argc, argv, "", NULL)) != -1)
		if (c == '?')
			return LMS_EUSAGE;
	if (optind == argc) {
		overview(ctx);
		return 0;
	}
	if (optind + 1 < argc)
		return cmd_usage_error("one command at a time");
	if (!strcmp(argv[optind], "files"))
		return cmd_show_man("lms-files", 5);
	if (!strcmp(argv[optind], "lms"))
		return cmd_show_man("lms", 1);
	for (int i = 0; cmd_table[i]; i++) {
		if (strcmp(cmd_table[i]->name, argv[optind]))
			continue;
		snprintf(page, sizeof(page), "%s", cmd_table[i]->man);
		return cmd_show_man(page, 1);
	}
	return cmd_usage_error("no such command: '%s'", argv[optind]);
}

static const char *const usage[] = { "lms help [COMMAND | files]", NULL };

const struct cmd cmd_help = {
	"help", help, 0, usage, "show the manual of lms or of a command",
	"lms-help", NULL
};
