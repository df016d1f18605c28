#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "evaluate.h"
#include "id.h"
#include "words.h"
#include "cmd.h"

/* lms evaluate: record one response to a form, or import a survey's
 * (lms_ops_evaluate). */

/* The form of --facilitator without --form: the one lms init ships. */
#define FACILITATOR_FORM "brukerrepresentant"

struct eval_args {
	const char *course, *form, *session, *person, *csv, *facilitator;
	const char *phase_name;
	int phase;
	int32_t date;
	bool redact;		/* personal data in text answers: replace it */
	char **maps;		/* COLUMN=ITEM */
	size_t nmaps;
	char **answers;		/* ITEM=VALUE */
	size_t nanswers;
};

static const char *const usage[] = {
	"lms evaluate COURSE --form F --phase pre | post | session | followup "
	"[--session S] [--person P] [--date DATE] [--redact] ITEM=VALUE...",
	"lms evaluate COURSE --form F --phase P --csv FILE "
	"[--map COLUMN=ITEM,...] [--session S] [--date DATE] [--redact]",
	"lms evaluate COURSE --facilitator ID --phase plan | deliver | evaluate "
	"[--form F] [--date DATE] [--redact] ITEM=VALUE...",
	NULL
};

/* --map takes "COLUMN=ITEM" and "A=a,B=b"; a question's text may hold
 * commas itself, so it splits only where every part has an '='. */
static void add_maps(const char *arg, struct eval_args *a)
{
	char **parts;
	size_t n;
	bool all = true;

	lms_words_split(arg, &parts, &n);
	for (size_t i = 0; i < n; i++)
		all &= strchr(parts[i], '=') != NULL;
	if (all && n > 1) {
		for (size_t i = 0; i < n; i++)
			*(char **)lms_array_push(&a->maps, &a->nmaps,
						 sizeof(char *)) = parts[i];
		free(parts);
		return;
	}
	lms_words_free(parts, n);
	*(char **)lms_array_push(&a->maps, &a->nmaps, sizeof(char *)) =
		lms_strdup(arg);
}

/* The facilitators' own form: a phase of the course, answers given. */
static int parse_facilitator(struct eval_args *a)
{
	int err;

	if (!a->phase_name)
		return cmd_usage_error(_("give the --phase: plan, deliver or "
					 "evaluate"));
	if ((err = cmd_parse_enum("--phase", a->phase_name, lms_phase_names,
				  &a->phase)))
		return err;
	if (a->csv || a->nmaps || a->person || a->session)
		return cmd_usage_error(_("--facilitator takes answers as "
					 "ITEM=VALUE, and no --csv, --map, "
					 "--person or --session"));
	if (!a->nanswers)
		return cmd_usage_error(_("give the answers as ITEM=VALUE"));
	if (!a->form)
		a->form = FACILITATOR_FORM;
	if ((err = lms_id_check("form", a->form)))
		return err;
	return lms_id_check("facilitator", a->facilitator);
}

static int parse(struct ctx *ctx, int argc, char **argv, struct eval_args *a)
{
	static const struct option longopts[] = {
		{ "form", required_argument, NULL, 'f' },
		{ "phase", required_argument, NULL, 'p' },
		{ "session", required_argument, NULL, 's' },
		{ "person", required_argument, NULL, 'P' },
		{ "date", required_argument, NULL, 'd' },
		{ "csv", required_argument, NULL, 'c' },
		{ "map", required_argument, NULL, 'm' },
		{ "redact", no_argument, NULL, 'r' },
		{ "facilitator", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	memset(a, 0, sizeof(*a));
	a->date = ctx->today;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'f': a->form = optarg; break;
		case 'p': a->phase_name = optarg; break;
		case 's': a->session = optarg; break;
		case 'P': a->person = optarg; break;
		case 'd': err = cmd_parse_date("--date", optarg, &a->date); break;
		case 'c': a->csv = optarg; break;
		case 'm': add_maps(optarg, a); break;
		case 'r': a->redact = true; break;
		case 'F': a->facilitator = optarg; break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (optind == argc)
		return cmd_usage_error(_("give a course"));
	a->course = argv[optind];
	a->answers = argv + optind + 1;
	a->nanswers = (size_t)(argc - optind - 1);
	if (a->facilitator)
		return parse_facilitator(a);
	if (a->phase_name && (err = cmd_parse_enum("--phase", a->phase_name,
						   lms_eval_phase_names,
						   &a->phase)))
		return err;
	if (!a->form || !a->phase)
		return cmd_usage_error(_("give the --form and the --phase"));
	if ((a->phase == LMS_SESSION) != (a->session != NULL))
		return cmd_usage_error("%s", a->session ?
				       _("--session is for the phase session") :
				       _("the phase session needs --session S"));
	if (a->csv && (a->nanswers || a->person))
		return cmd_usage_error(_("with --csv, answers and people come "
				         "from the file"));
	if (!a->csv && a->nmaps)
		return cmd_usage_error(_("--map is for --csv"));
	if (!a->csv && !a->nanswers)
		return cmd_usage_error(_("give the answers as ITEM=VALUE"));
	if ((err = lms_id_check("form", a->form)) ||
	    (a->person && (err = lms_id_check("person", a->person))))
		return err;
	return 0;
}

/*
 * A text answer goes into evaluations.yaml, which goes to git: personal
 * data in it is refused, or replaced with --redact.
 */
static int screen(const char *path, unsigned line, const char *what,
		  const char *text, char **redacted, void *arg)
{
	struct lms_buf hint = LMS_BUF_INIT;
	int err;

	lms_buf_addf(&hint, _(" (leave it out, or give --redact to replace it "
			      "with %s)"), CMD_REDACTED);
	err = cmd_screen(arg, &(struct cmd_where){ path, line, what, hint.buf },
			 text, redacted);
	lms_buf_release(&hint);
	return err;
}

static void left_out(const char *path, const char *header, void *arg)
{
	(void)arg;
	cmd_warn(_("%s: column '%s' matches no item of the form and is left "
		   "out"), path, header);
}

/* "imported 3 responses to mestringstro (post): 2 by name, 1 anonymous" */
static void import_report(struct lms_buf *out, const struct eval_args *a,
			  const struct lms_evaluate_result *r)
{
	size_t n = r->named + r->anonymous;

	if (!n) {
		lms_buf_addf(out, lms_n_("nothing new: the %zu response of %s "
					 "was imported before\n", "nothing new: "
					 "the %zu responses of %s were imported "
					 "before\n", r->again),
			     r->again, a->csv);
		return;
	}
	lms_buf_addf(out, lms_n_("imported %zu response to %s (%s): %zu by "
				 "name, %zu anonymous", "imported %zu responses "
				 "to %s (%s): %zu by name, %zu anonymous", n),
		     n, a->form, C_("evaluation phase",
				    lms_eval_phase_names[a->phase]),
		     r->named, r->anonymous);
	if (r->again)
		lms_buf_addf(out, lms_n_("; %zu imported before, left as it "
					 "was", "; %zu imported before, left "
					 "as they were", r->again),
			     r->again);
	lms_buf_addch(out, '\n');
}

/* lms evaluate --facilitator: one response, named by nobody. */
static int evaluate_facilitator(struct ctx *ctx, const struct eval_args *a)
{
	struct lms_evaluate_facilitator req = {
		.course = a->course, .facilitator = a->facilitator,
		.form = a->form, .phase = a->phase, .date = a->date,
		.answers = a->answers, .nanswers = a->nanswers,
		.redact = a->redact, .screen = screen, .arg = ctx
	};
	struct lms_ops_io io;
	int err;

	cmd_ops_io(ctx, &io);
	if (!(err = lms_ops_evaluate_facilitator(&io, &req)))
		/* TRANSLATORS: "recorded a response to brukerrepresentant
		 * for the phase plan, without a name"; the phase is
		 * translated. */
		lms_buf_addf(&ctx->out, _("recorded a response to %s for the "
					  "phase %s, without a name\n"),
			     a->form, C_("phase", lms_phase_names[a->phase]));
	return err;
}

static int evaluate(struct ctx *ctx, int argc, char **argv)
{
	struct eval_args a;
	struct lms_evaluate_request req;
	struct lms_evaluate_result r;
	struct lms_ops_io io;
	int err;

	if ((err = parse(ctx, argc, argv, &a)) || (err = cmd_open_tree(ctx))) {
		lms_words_free(a.maps, a.nmaps);
		return err;
	}
	if (a.facilitator)
		return evaluate_facilitator(ctx, &a);
	req = (struct lms_evaluate_request){
		.course = a.course, .form = a.form, .phase = a.phase,
		.session = a.session, .person = a.person, .date = a.date,
		.answers = a.answers, .nanswers = a.nanswers, .csv = a.csv,
		.maps = a.maps, .nmaps = a.nmaps, .redact = a.redact,
		.screen = screen, .left_out = left_out, .arg = ctx
	};
	cmd_ops_io(ctx, &io);
	err = lms_ops_evaluate(&io, &req, &r);
	if (!err && a.csv)
		import_report(&ctx->out, &a, &r);
	else if (!err && a.person)
		/* TRANSLATORS: "recorded p-7k3q9x's pre response to
		 * mestringstro"; the phase is translated too. */
		lms_buf_addf(&ctx->out, _("recorded %s's %s response to %s\n"),
			     a.person, C_("evaluation phase",
					  lms_eval_phase_names[a.phase]),
			     a.form);
	else if (!err)
		lms_buf_addf(&ctx->out, _("recorded an anonymous %s response "
					  "to %s\n"),
			     C_("evaluation phase",
				lms_eval_phase_names[a.phase]), a.form);
	lms_words_free(a.maps, a.nmaps);
	return err;
}

const struct cmd cmd_evaluate = {
	"evaluate", evaluate, CMD_TREE | CMD_LOCK, usage,
	N_("record or import responses to an evaluation form"), "lms-evaluate",
	NULL
};
