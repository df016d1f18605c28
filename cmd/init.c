#include "init.h"
#include "municipality.h"
#include "cmd.h"

static const char *const usage[] = {
	"lms init [DIR] [--name N] [--municipality NNNN]", NULL
};

static int init(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "municipality", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name = "Lærings- og mestringstjenesten";
	static const char placeholder[] = "0000";
	const char *municipality = placeholder;
	char number[5];
	const char *dir = ".";
	struct lms_buf path = LMS_BUF_INIT;
	int c, err;

	while ((c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		if (c == 'n')
			name = optarg;
		else if (c == 'm')
			municipality = optarg;
		else
			return LMS_EUSAGE;
	}
	if (argc - optind > 1)
		return cmd_usage_error(_("one folder at a time"));
	/* A number or a name, as person add takes it; the file keeps
	 * today's number. */
	if (municipality != placeholder) {
		int how;

		if (lms_municipality_lookup(municipality, number, &how))
			return cmd_usage_error(_("--municipality: %s"),
					       lms_last_error()->msg);
		municipality = number;
	}
	if (optind < argc)
		dir = argv[optind];
	/* lms.yaml goes to git; there is no register yet to find names in. */
	if ((err = cmd_screen(ctx, &(struct cmd_where){ NULL, 0, "--name", NULL },
			      name, NULL)))
		return err;
	/* As with git, -C DIR is where init works; DIR is taken from there. */
	if (ctx->chdir_arg && dir[0] != '/') {
		lms_buf_addf(&path, "%s/%s", ctx->chdir_arg, dir);
		dir = path.buf;
	}
	err = lms_init_tree(dir, name, municipality);
	if (err) {
		lms_buf_release(&path);
		return err;
	}
	lms_buf_addf(&ctx->out, _("initialised an lms tree in %s\n"), dir);
	if (municipality == placeholder)
		lms_buf_addf(&ctx->out, _("set the host municipality's number "
					  "in %s/lms.yaml\n"), dir);
	lms_buf_release(&path);
	return 0;
}

const struct cmd cmd_init = {
	"init", init, 0, usage, N_("create a new tree for a service"),
	"lms-init", NULL
};
