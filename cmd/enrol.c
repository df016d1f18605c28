#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "carried.h"
#include "enrol.h"
#include "id.h"
#include "cmd.h"

/* lms enrol: put a person, or a sheet of people, on a course. */

struct enrol_args {
	const char *course, *person, *csv, *relative_of;
	int role, referral;
	int32_t date;
	bool force, next;	/* --next: carry a waiting list over */
	unsigned *force_lines;	/* --force-line: rows let in from anywhere */
	size_t nforce_lines;
};

static const char *const usage[] = {
	"lms enrol COURSE PERSON [--role R] [--referral R] [--relative-of P] "
	"[--date DATE] [--force]",
	"lms enrol COURSE --csv FILE [--date DATE] [--force] "
	"[--force-line LINE,...]",
	"lms enrol --next COURSE [TO]",
	NULL
};

/* --force-line 7 or --force-line 7,12: lines of the sheet, as lms names
 * them in its messages. */
static int parse_lines(const char *arg, struct enrol_args *a)
{
	const char *p = arg;

	do {
		char *end;
		unsigned long n = strtoul(p, &end, 10);

		if (end == p || *p == '-' || (*end && *end != ',') || !n ||
		    n > 100000000)
			return cmd_usage_error(_("--force-line: '%s' is not a "
						 "line number, or a list of "
						 "them"), arg);
		*(unsigned *)lms_array_push(&a->force_lines, &a->nforce_lines,
					    sizeof(unsigned)) = (unsigned)n;
		p = *end ? end + 1 : end;
	} while (*p);
	return 0;
}

/* lms enrol --next COURSE [TO]: nothing else goes with it. */
static int parse_next(int argc, char **argv, struct enrol_args *a)
{
	int err;

	if (a->csv || a->role || a->referral || a->relative_of || a->force ||
	    a->nforce_lines)
		return cmd_usage_error(_("--next takes no other options"));
	if (argc - optind < 1 || argc - optind > 2)
		return cmd_usage_error(_("give the course that ended, and "
					 "perhaps the next one"));
	a->course = argv[optind];
	a->person = argc - optind == 2 ? argv[optind + 1] : NULL;
	if ((err = lms_id_check("course", a->course)))
		return err;
	return a->person ? lms_id_check("course", a->person) : 0;
}

static int parse(struct ctx *ctx, int argc, char **argv, struct enrol_args *a)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "referral", required_argument, NULL, 'R' },
		{ "relative-of", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'd' },
		{ "force", no_argument, NULL, 'f' },
		{ "csv", required_argument, NULL, 'c' },
		{ "force-line", required_argument, NULL, 'l' },
		{ "next", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	memset(a, 0, sizeof(*a));
	a->date = ctx->today;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'r': err = cmd_parse_enum("--role", optarg, lms_role_names, &a->role); break;
		case 'R': err = cmd_parse_enum("--referral", optarg, lms_referral_names, &a->referral); break;
		case 'o': a->relative_of = optarg; break;
		case 'd':
			err = cmd_parse_past_date(ctx, "--date", optarg,
						  &a->date);
			break;
		case 'f': a->force = true; break;
		case 'c': a->csv = optarg; break;
		case 'l': err = parse_lines(optarg, a); break;
		case 'n': a->next = true; break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (a->next)
		return parse_next(argc, argv, a);
	if (argc - optind != (a->csv ? 1 : 2))
		return cmd_usage_error("%s", a->csv ?
				       _("give the course and --csv FILE") :
				       _("give a course and a person"));
	a->course = argv[optind];
	a->person = a->csv ? NULL : argv[optind + 1];
	if (!a->csv && a->nforce_lines)
		return cmd_usage_error(_("--force-line is for the rows of "
					 "--csv"));
	if (a->csv && (a->role || a->referral || a->relative_of))
		return cmd_usage_error(_("with --csv, roles and referrals come "
				         "from the sheet's columns"));
	if ((err = lms_id_check("course", a->course)))
		return err;
	if (a->person && (err = lms_id_check("person", a->person)))
		return err;
	if (a->relative_of && (err = lms_id_check("person", a->relative_of)))
		return err;
	return 0;
}

/* "enrolled (3 of 12 places taken)" or "waitlisted (number 2 in line)" */
static void describe(struct lms_buf *out, const struct lms_enrol_result *r)
{
	if (r->status != LMS_ENROLLED)
		lms_buf_addf(out, _("waitlisted (number %zu on the waiting "
				    "list)"), r->waiting);
	else if (r->capacity == LMS_UNSET)
		lms_buf_addf(out, _("enrolled (%zu enrolled)"), r->enrolled);
	else
		lms_buf_addf(out, _("enrolled (%zu of %d places taken)"),
			     r->enrolled, r->capacity);
}

static int enrol_one(struct ctx *ctx, const struct lms_ops_io *io,
		     const struct enrol_args *a)
{
	struct lms_enrol_one req = {
		.service = &ctx->tree.service, .course = a->course,
		.person = a->person, .relative_of = a->relative_of,
		.role = a->role, .referral = a->referral, .requested = a->date,
		.force = a->force
	};
	struct lms_enrol_result r;
	int err = lms_ops_enrol(io, &req, &r);

	if (!err) {
		lms_buf_addf(&ctx->out, "%s ", a->person);
		describe(&ctx->out, &r);
		lms_buf_addch(&ctx->out, '\n');
	}
	return err;
}

static void batch_report(struct lms_buf *out, const struct lms_batch *b)
{
	size_t enrolled = 0, waitlisted = 0;

	for (size_t i = 0; i < b->n; i++) {
		const struct lms_batch_row *r = &b->rows[i];

		/* TRANSLATORS: "line 2: p-7k3q9x enrolled (new in the
		 * register)". */
		lms_buf_addf(out, _("line %u: %s %s%s\n"), r->line, r->person,
			     C_("enrolment status",
				lms_enrolment_status_names[r->status]),
			     r->is_new ? _(" (new in the register)") : "");
		enrolled += r->status == LMS_ENROLLED;
		waitlisted += r->status == LMS_WAITLISTED;
	}
	lms_buf_addf(out, _("%zu enrolled, %zu waitlisted, %zu new in the "
			    "register"), enrolled, waitlisted, b->new_people);
	if (b->left_out)
		lms_buf_addf(out, _(", %zu left out"), b->left_out);
	lms_buf_addch(out, '\n');
}

/* What the sheet needs the user to know, after the report, as a compiler
 * writes warnings: rows left out, columns not read, numbers read anew. */
static void batch_notes(struct lms_buf *note, const char *path,
			const struct lms_batch *b)
{
	for (size_t i = 0; i < b->nnotes; i++)
		lms_buf_addf(note, _("%s:%u: warning: %s\n"), path,
			     b->notes[i].line, b->notes[i].text);
}

static int enrol_sheet(struct ctx *ctx, const struct lms_ops_io *io,
		       const struct enrol_args *a)
{
	struct lms_enrol_sheet req = {
		.service = &ctx->tree.service, .course = a->course,
		.path = a->csv, .requested = a->date, .force = a->force,
		.force_lines = a->force_lines, .nforce_lines = a->nforce_lines,
		.today = ctx->today
	};
	struct lms_batch batch;
	int err = lms_ops_enrol_sheet(io, &req, &batch);

	if (!err) {
		batch_report(&ctx->out, &batch);
		batch_notes(&ctx->note, a->csv, &batch);
		lms_batch_release(&batch);
	}
	return err;
}

/* lms enrol --next COURSE [TO] */
static int enrol_next(struct ctx *ctx, const struct lms_ops_io *io,
		      const struct enrol_args *a)
{
	struct lms_carry_request req = {
		.old = a->course, .next = a->person, .today = ctx->today
	};
	struct lms_carry_result r;
	int err = lms_ops_carry(io, &req, &r);

	if (!err) {
		cmd_say_carried(ctx, a->course, &r);
		lms_carry_result_release(&r);
	}
	return err;
}

static int enrol(struct ctx *ctx, int argc, char **argv)
{
	struct enrol_args a;
	struct lms_ops_io io;
	int err;

	if (!(err = parse(ctx, argc, argv, &a)) &&
	    !(err = cmd_open_tree(ctx))) {
		cmd_ops_io(ctx, &io);
		err = a.next ? enrol_next(ctx, &io, &a) :
		      a.csv ? enrol_sheet(ctx, &io, &a) :
		      enrol_one(ctx, &io, &a);
	}
	free(a.force_lines);
	return err;
}

const struct cmd cmd_enrol = {
	"enrol", enrol, CMD_TREE | CMD_LOCK, usage,
	N_("enrol people on a course or its waiting list"), "lms-enrol", NULL
};
