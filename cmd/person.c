#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "collate.h"
#include "date.h"
#include "id.h"
#include "person.h"
#include "purge.h"
#include "register.h"
#include "utf8.h"
#include "cmd.h"

/*
 * lms person: the private register.  These are the commands, with roster,
 * that show names: the register is kept for exactly this.
 */

/* What can be checked before the tree is open: all but the municipality,
 * which the tree's lms.yaml may name (cmd_read_municipality).  A change
 * (lms person set) checks what it was given, the name only if given. */
static int check_person(struct ctx *ctx, const struct lms_person *p,
			bool whole)
{
	for (int f = LMS_PERSON_NAME; f <= LMS_PERSON_BIRTH_YEAR; f++) {
		if ((f == LMS_PERSON_NAME && !whole && !p->name) ||
		    lms_person_field_valid(p, f, ctx->today))
			continue;
		switch (f) {
		case LMS_PERSON_NAME:
			return cmd_check_name(p->name);
		case LMS_PERSON_PHONE:
			return cmd_usage_error(_("--phone: '%s' is not a "
						 "phone number"), p->phone);
		case LMS_PERSON_EMAIL:
			return cmd_usage_error(_("--email: '%s' is not an "
						 "e-mail address"), p->email);
		default:
			return cmd_usage_error(_("--birth-year: %d is not a "
						 "year of birth"),
					       p->birth_year);
		}
	}
	return 0;
}

/* A year of birth, from 1900 to this year, as the register and a
 * sign-up sheet take it (person.c), in the sheet's words. */
static int parse_birth_year(const struct ctx *ctx, const char *s, int *out)
{
	char *end;
	long year = strtol(s, &end, 10);
	int y, m, d;

	lms_date_to_ymd(ctx->today, &y, &m, &d);
	if (!*s || *end || year < 1900 || year > y)
		return cmd_usage_error(_("--birth-year: '%s' is not a year of "
					 "birth"), s);
	*out = (int)year;
	return 0;
}

/* The options of person add and person set: what the register holds. */
static const struct option person_options[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "phone", required_argument, NULL, 'p' },
	{ "email", required_argument, NULL, 'e' },
	{ "municipality", required_argument, NULL, 'm' },
	{ "birth-year", required_argument, NULL, 'b' },
	{ "consent", required_argument, NULL, 'c' },
	{ "contact", required_argument, NULL, 'C' },
	{ NULL, 0, NULL, 0 }
};

/* lms person add */

static const char *const add_usage[] = {
	"lms person add --name N [--phone P] [--email E] [--municipality M] "
	"[--birth-year Y] [--consent DATE] [--contact reminders,peer-contact]",
	NULL
};

static int add_options(struct ctx *ctx, int argc, char **argv,
		       struct lms_person *p)
{
	int c, err = 0;

	lms_schema_init(&lms_person_schema, p);
	p->consent = ctx->today;
	while (!err && (c = cmd_getopt(argc, argv, "", person_options)) != -1) {
		switch (c) {
		case 'n': p->name = optarg; break;
		case 'p': p->phone = optarg; break;
		case 'e': p->email = optarg; break;
		case 'm': p->municipality = optarg; break;
		case 'b':
			err = parse_birth_year(ctx, optarg, &p->birth_year);
			break;
		case 'c':
			err = cmd_parse_past_date(ctx, "--consent", optarg,
						  &p->consent);
			break;
		case 'C':
			/* What they agreed to be contacted for: lms remind
			 * writes reminders only for those who said yes. */
			err = cmd_parse_words("--contact", optarg,
					      lms_contact_names, &p->contact);
			break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err)
		err = cmd_no_args_left(argc, argv);
	return err ? err : check_person(ctx, p, true);
}

static int person_add(struct ctx *ctx, int argc, char **argv)
{
	struct lms_ops_io io;
	struct lms_person p;
	char id[LMS_PERSON_ID_LEN + 1], number[5];
	int err;

	if ((err = add_options(ctx, argc, argv, &p)) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	if (p.municipality) {
		if (cmd_read_municipality(ctx, p.municipality, number))
			return LMS_EUSAGE;
		p.municipality = number;
	}
	cmd_ops_io(ctx, &io);
	if (!(err = lms_ops_person_add(&io, &p, ctx->today, id)))
		lms_buf_addf(&ctx->out, "%s\n", id);
	return err;
}

static const struct cmd person_add_cmd = {
	"add", person_add, CMD_TREE | CMD_LOCK, add_usage,
	"register a participant or relative", "lms-person", NULL
};

/* lms person set */

static const char *const set_usage[] = {
	"lms person set ID [--name N] [--phone P] [--email E] "
	"[--municipality M] [--birth-year Y] [--consent DATE] "
	"[--contact reminders,peer-contact | none]",
	NULL
};

static int set_options(struct ctx *ctx, int argc, char **argv,
		       struct lms_person_change *c)
{
	struct lms_person given;
	int n = 0, ch, err = 0;

	memset(c, 0, sizeof(*c));
	c->birth_year = LMS_UNSET;
	c->consent = LMS_DATE_NONE;
	while (!err && (ch = cmd_getopt(argc, argv, "", person_options)) != -1) {
		n++;
		switch (ch) {
		case 'n': c->name = optarg; break;
		case 'p': c->phone = optarg; break;
		case 'e': c->email = optarg; break;
		case 'm': c->municipality = optarg; break;
		case 'b':
			err = parse_birth_year(ctx, optarg, &c->birth_year);
			break;
		case 'c':
			err = cmd_parse_past_date(ctx, "--consent", optarg,
						  &c->consent);
			break;
		case 'C':
			/* none: taken off reminders and peer contact. */
			c->set_contact = true;
			if (strcmp(optarg, "none"))
				err = cmd_parse_words("--contact", optarg,
						      lms_contact_names,
						      &c->contact);
			break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (argc - optind != 1 || !n)
		return cmd_usage_error(_("give one person id and what to "
					 "change"));
	/* The values given, checked as person add checks them; "" takes a
	 * phone or e-mail address away. */
	lms_schema_init(&lms_person_schema, &given);
	given.name = (char *)c->name;
	given.phone = c->phone && *c->phone ? (char *)c->phone : NULL;
	given.email = c->email && *c->email ? (char *)c->email : NULL;
	given.birth_year = c->birth_year;
	if ((err = check_person(ctx, &given, false)))
		return err;
	return lms_id_check("person", argv[optind]);
}

static int person_set(struct ctx *ctx, int argc, char **argv)
{
	struct lms_person_change c;
	struct lms_ops_io io;
	char number[5];
	int err;

	if ((err = set_options(ctx, argc, argv, &c)) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	if (c.municipality && *c.municipality) {
		if (cmd_read_municipality(ctx, c.municipality, number))
			return LMS_EUSAGE;
		c.municipality = number;
	}
	cmd_ops_io(ctx, &io);
	if (!(err = lms_ops_person_set(&io, argv[optind], &c, ctx->today)))
		lms_buf_addf(&ctx->out, _("changed %s\n"), argv[optind]);
	return err;
}

static const struct cmd person_set_cmd = {
	"set", person_set, CMD_TREE | CMD_LOCK, set_usage,
	"change a person's contacts and consents", "lms-person", NULL
};

/* lms person list */

static int by_name(const void *a, const void *b)
{
	const struct lms_person *x = a, *y = b;
	int c = lms_collate(x->name, y->name);

	return c ? c : strcmp(x->id, y->id);
}

static const char *const list_usage[] = {
	"lms person list [--format F]", NULL
};

static int person_list(struct ctx *ctx, int argc, char **argv)
{
	enum lms_format fmt;
	struct lms_register reg;
	struct lms_table t;
	enum lms_lang was;
	int err = cmd_format_option(argc, argv, &fmt);

	if (err || (err = cmd_no_args_left(argc, argv)) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_register(&ctx->tree, &reg)))
		return err;
	lms_array_sort(reg.v, reg.n, sizeof(*reg.v), by_name);
	/* Built in the language of its format: English for scripts. */
	was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language, fmt,
					false));
	{
		/* TRANSLATORS: the columns of lms person list (in CSV, TSV
		 * and YAML they stay these English keys). */
		const char *const cols[] = {
			_("id"), _("name"), _("phone"), _("email"),
			_("municipality"), _("birth_year"), _("consent"), NULL
		};

		lms_table_init(&t, cols);
	}
	lms_table_set_numeric(&t, 5);
	for (size_t i = 0; i < reg.n; i++) {
		const struct lms_person *p = &reg.v[i];
		char consent[11] = "";

		if (p->consent != LMS_DATE_NONE)
			lms_i18n_date(p->consent, consent);
		lms_table_row(&t);
		lms_table_cell(&t, p->id);
		lms_table_cell(&t, p->name);
		lms_table_cell(&t, p->phone);
		lms_table_cell(&t, p->email);
		lms_table_cell(&t, p->municipality);
		if (p->birth_year == LMS_UNSET)
			lms_table_cell(&t, "");
		else
			lms_table_cellf(&t, "%d", p->birth_year);
		lms_table_cell(&t, consent);
	}
	cmd_emit_table(ctx, &t, fmt);
	lms_i18n_set(was);
	lms_table_release(&t);
	lms_register_release(&reg);
	return 0;
}

static const struct cmd person_list_cmd = {
	"list", person_list, CMD_TREE, list_usage,
	"list the register", "lms-person", NULL
};

/* lms person show */

/* lms_contact_names as show says them, in the user's words. */
static const char *const contact_words[] = {
	"", NC_("contact", "reminders"), NC_("contact", "peer-contact"), NULL
};

/* A label of lms person show, in a column 14 characters wide: padded by
 * what a terminal shows, as a translated label may not be ASCII. */
static void add_label(struct lms_buf *out, const char *label)
{
	size_t width = lms_utf8_width(label);

	lms_buf_adds(out, label);
	for (size_t i = width; i < 14; i++)
		lms_buf_addch(out, ' ');
}

/* Appends the person's enrolments on every course. */
static int show_courses(struct ctx *ctx, const char *id, struct lms_buf *out)
{
	char **courses;
	size_t n, shown = 0;
	int err = lms_tree_course_ids(&ctx->tree, &courses, &n);

	for (size_t i = 0; i < n && !err; i++) {
		struct lms_enrolments e;
		const struct lms_enrolment *r;
		char requested[11];

		if ((err = lms_tree_load_enrolments(&ctx->tree, courses[i], &e)))
			break;
		if ((r = lms_enrolments_find(&e, id))) {
			lms_i18n_date(r->requested, requested);
			/* TRANSLATORS: the label of lms person show's courses. */
			add_label(out, shown++ ? "" : C_("person show", "courses"));
			/* TRANSLATORS: "matlaging: participant, enrolled,
			 * requested 2026-08-20": a course of lms person show. */
			lms_buf_addf(out, _("%s: %s, %s, requested %s\n"),
				     courses[i], C_("role", lms_role_names[r->role]),
				     C_("enrolment status",
					lms_enrolment_status_names[r->status]),
				     requested);
		}
		lms_enrolments_release(&e);
	}
	lms_strings_free(courses, n);
	return err;
}

static void show_field(struct lms_buf *out, const char *label, const char *v)
{
	if (v) {
		add_label(out, label);
		lms_buf_addf(out, "%s\n", v);
	}
}

/*
 * The person that the one argument of show and forget names, in reg
 * (loaded here; released here on failure).
 */
static int named_person(struct ctx *ctx, int argc, char **argv,
			struct lms_register *reg, struct lms_person **p)
{
	int err;

	if (cmd_getopt(argc, argv, "", NULL) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 1)
		return cmd_usage_error(_("give one person id"));
	if ((err = lms_id_check("person", argv[optind])) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_register(&ctx->tree, reg)))
		return err;
	if (!(*p = lms_register_find(reg, argv[optind]))) {
		lms_register_release(reg);
		return lms_error(LMS_ENOENT, _("no such person: '%s'"),
				 argv[optind]);
	}
	return 0;
}

static const char *const show_usage[] = { "lms person show ID", NULL };

static int person_show(struct ctx *ctx, int argc, char **argv)
{
	struct lms_person *p;
	struct lms_register reg;
	char date[11];
	int err;

	if ((err = named_person(ctx, argc, argv, &reg, &p)))
		return err;
	/* TRANSLATORS: the fields of lms person show, in a column of 14. */
	show_field(&ctx->out, _("person"), p->id);
	show_field(&ctx->out, _("name"), p->name);
	show_field(&ctx->out, _("phone"), p->phone);
	show_field(&ctx->out, _("email"), p->email);
	show_field(&ctx->out, _("municipality"), p->municipality);
	if (p->birth_year != LMS_UNSET) {
		add_label(&ctx->out, _("birth year"));
		lms_buf_addf(&ctx->out, "%d\n", p->birth_year);
	}
	if (p->consent != LMS_DATE_NONE) {
		lms_i18n_date(p->consent, date);
		show_field(&ctx->out, _("consent"), date);
	}
	if (p->contact) {
		struct lms_buf words = LMS_BUF_INIT;

		for (size_t i = 1; contact_words[i]; i++)
			if (p->contact & (1u << i))
				lms_buf_addf(&words, "%s%s", words.len ? ", " : "",
					     C_("contact", contact_words[i]));
		/* TRANSLATORS: lms person show: what the person agreed to
		 * be contacted for. */
		show_field(&ctx->out, _("contact"), words.buf);
		lms_buf_release(&words);
	}
	err = show_courses(ctx, p->id, &ctx->out);
	lms_register_release(&reg);
	return err;
}

static const struct cmd person_show_cmd = {
	"show", person_show, CMD_TREE, show_usage,
	"show a person and their courses", "lms-person", NULL
};

/* lms person forget */

static const char *const forget_usage[] = { "lms person forget ID", NULL };

static int person_forget(struct ctx *ctx, int argc, char **argv)
{
	struct lms_ops_io io;
	int err;

	if (cmd_getopt(argc, argv, "", NULL) != -1)
		return LMS_EUSAGE;
	if (argc - optind != 1)
		return cmd_usage_error(_("give one person id"));
	if ((err = lms_id_check("person", argv[optind])) ||
	    (err = cmd_open_tree(ctx)))
		return err;
	cmd_ops_io(ctx, &io);
	if (!(err = lms_ops_forget(&io, argv[optind])))
		lms_buf_addf(&ctx->out, _("forgot %s: the course files keep "
					  "the bare id, which now names "
					  "nobody\n"), argv[optind]);
	return err;
}

static const struct cmd person_forget_cmd = {
	"forget", person_forget, CMD_TREE | CMD_LOCK, forget_usage,
	"erase a person from the register", "lms-person", NULL
};

static const struct cmd *const verbs[] = {
	&person_add_cmd, &person_set_cmd, &person_list_cmd, &person_show_cmd,
	&person_forget_cmd, NULL
};

static const char *const usage[] = {
	"lms person add | set | list | show | forget ...", NULL
};

const struct cmd cmd_person = {
	"person", NULL, 0, usage,
	N_("keep the private register of participants"), "lms-person", verbs
};
