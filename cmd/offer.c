#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "id.h"
#include "municipality.h"
#include "offers.h"
#include "utf8.h"
#include "cmd.h"

/*
 * lms offer: the register of offers after a course (offers.yaml), which
 * lms course close --follow-up names, and the list of a course's people
 * who agreed to be put in touch with each other.  add is
 * lms_ops_offer_add.
 */

static const char *const add_usage[] = {
	"lms offer add ID --name N --kind K [--phone P] [--email E] "
	"[--web URL] [--municipality NNNN]",
	NULL
};

/* A value of one line, for option. */
static int one_line(const char *option, const char *s)
{
	if (s && (!*s || !lms_text_is_line(s)))
		return cmd_usage_error(_("%s: give it on one line"), option);
	return 0;
}

/* A web address as people write one: https://example.org/x, or
 * www.example.org: a dot, and no space. */
static bool web_address(const char *s)
{
	return strchr(s, '.') && !strpbrk(s, " \t") && *s != '.';
}

static int add_check(struct lms_offer *f)
{
	int err;

	if ((err = cmd_check_name(f->name)))
		return err;
	if (!f->kind)
		return cmd_usage_error(_("--kind: give %s"),
				       cmd_list(lms_offer_kind_names,
						LMS_JOIN_OR));
	if (f->phone && !lms_phone_valid(f->phone))
		return cmd_usage_error(_("--phone: '%s' is not a phone "
					 "number"), f->phone);
	if (f->email && !lms_email_valid(f->email))
		return cmd_usage_error(_("--email: '%s' is not an e-mail "
					 "address"), f->email);
	if ((err = one_line("--web", f->web)))
		return err;
	if (f->web && !web_address(f->web))
		return cmd_usage_error(_("--web: '%s' is not a web address"),
				       f->web);
	return 0;
}

static int add_options(int argc, char **argv, struct lms_offer *f)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "phone", required_argument, NULL, 'p' },
		{ "email", required_argument, NULL, 'e' },
		{ "web", required_argument, NULL, 'w' },
		{ "municipality", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 }
	};
	char **slot;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'n': slot = &f->name; break;
		case 'p': slot = &f->phone; break;
		case 'e': slot = &f->email; break;
		case 'w': slot = &f->web; break;
		case 'm': slot = &f->municipality; break;
		case 'k':
			slot = NULL;
			err = cmd_parse_enum("--kind", optarg,
					     lms_offer_kind_names, &f->kind);
			break;
		default: slot = NULL; err = LMS_EUSAGE; break;
		}
		if (slot) {
			free(*slot);
			*slot = lms_strdup(optarg);
		}
	}
	if (err)
		return err;
	if (argc - optind != 1)
		return cmd_usage_error(_("give one offer id"));
	if ((err = lms_id_check("offer", argv[optind])))
		return err;
	f->id = lms_strdup(argv[optind]);
	return add_check(f);
}

static int offer_add(struct ctx *ctx, int argc, char **argv)
{
	struct lms_offer f;
	struct lms_ops_io io;
	char number[5];
	int err;

	lms_schema_init(&lms_offer_schema, &f);
	err = add_options(argc, argv, &f);
	if (!err)
		err = cmd_open_tree(ctx);
	if (!err && f.municipality &&
	    !(err = cmd_read_municipality(ctx, f.municipality, number))) {
		lms_free(f.municipality);
		f.municipality = lms_strdup(number);
	}
	/* A name that is a participant's has no place in a file for git. */
	if (!err)
		err = cmd_screen(ctx, &(struct cmd_where){ NULL, 0, "--name",
							    NULL }, f.name, NULL);
	if (!err) {
		cmd_ops_io(ctx, &io);
		err = lms_ops_offer_add(&io, &f);
	}
	if (!err)
		lms_buf_addf(&ctx->out, _("added %s (%s)\n"), f.id,
			     C_("offer kind", lms_offer_kind_names[f.kind]));
	lms_schema_release(&lms_offer_schema, &f);
	return err;
}

static const struct cmd offer_add_cmd = {
	"add", offer_add, CMD_TREE | CMD_LOCK, add_usage,
	"add a self-help group or another offer", "lms-offer", NULL
};

/* lms offer list */

static const char *const list_usage[] = {
	"lms offer list [--kind K] [--municipality NNNN] [--format F]", NULL
};

static void list_table(struct lms_table *t, const struct lms_offers *o,
		       int kind, const char *muni)
{
	/* TRANSLATORS: the columns of lms offer list (in CSV, TSV and YAML
	 * they stay these English keys). */
	const char *const cols[] = {
		_("id"), _("kind"), _("name"), _("municipality"), _("phone"),
		_("email"), _("web"), NULL
	};

	lms_table_init(t, cols);
	for (size_t i = 0; i < o->n; i++) {
		const struct lms_offer *f = &o->v[i];

		if ((kind && f->kind != kind) ||
		    (muni && (!f->municipality || strcmp(f->municipality, muni))))
			continue;
		lms_table_row(t);
		lms_table_cell(t, f->id);
		lms_table_cell(t, C_("offer kind", lms_offer_kind_names[f->kind]));
		lms_table_cell(t, f->name);
		lms_table_cell(t, f->municipality);
		lms_table_cell(t, f->phone);
		lms_table_cell(t, f->email);
		lms_table_cell(t, f->web);
	}
}

static int offer_list(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "municipality", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	enum lms_format fmt = LMS_FMT_TEXT;
	enum lms_lang was;
	const char *muni = NULL;
	struct lms_offers o;
	struct lms_table t;
	int c, kind = 0, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'k':
			err = cmd_parse_enum("--kind", optarg,
					     lms_offer_kind_names, &kind);
			break;
		case 'm': muni = optarg; break;
		case 'F': err = lms_format_parse(optarg, LMS_FMT_LISTING, &fmt); break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err || (err = cmd_no_args_left(argc, argv)) ||
	    (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_offers(&ctx->tree, &o, NULL)))
		return err;
	/* Built in the language of its format: English for scripts. */
	was = lms_i18n_set(cmd_doc_lang(ctx, ctx->tree.service.language, fmt,
					false));
	list_table(&t, &o, kind, muni);
	cmd_emit_table(ctx, &t, fmt);
	lms_i18n_set(was);
	lms_table_release(&t);
	lms_offers_release(&o);
	return 0;
}

static const struct cmd offer_list_cmd = {
	"list", offer_list, CMD_TREE, list_usage,
	"list the offers by kind and municipality", "lms-offer", NULL
};

/* lms offer show */

static const char *const show_usage[] = { "lms offer show ID", NULL };

static void show_line(struct lms_buf *out, const char *label, const char *v)
{
	if (v)
		lms_buf_addf(out, "%s: %s\n", label, v);
}

static int offer_show(struct ctx *ctx, int argc, char **argv)
{
	const struct lms_offer *f;
	struct lms_offers o;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", NULL)) != -1)
		err = LMS_EUSAGE;
	if (!err && argc - optind != 1)
		err = cmd_usage_error(_("give one offer id"));
	if (err || (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_offers(&ctx->tree, &o, NULL)))
		return err;
	if (!(f = lms_offer_find(&o, argv[optind]))) {
		err = lms_offer_check(&o, argv[optind]);
		if (!err)	/* not an id, or an empty register */
			err = lms_error(LMS_ENOENT, _("no such offer: '%s' "
					"(see lms offer list)"), argv[optind]);
	} else {
		show_line(&ctx->out, _("id"), f->id);
		show_line(&ctx->out, _("name"), f->name);
		show_line(&ctx->out, _("kind"),
			  C_("offer kind", lms_offer_kind_names[f->kind]));
		show_line(&ctx->out, _("municipality"), f->municipality);
		show_line(&ctx->out, _("phone"), f->phone);
		show_line(&ctx->out, _("email"), f->email);
		show_line(&ctx->out, _("web"), f->web);
		show_line(&ctx->out, _("note"), f->note);
	}
	lms_offers_release(&o);
	return err;
}

static const struct cmd offer_show_cmd = {
	"show", offer_show, CMD_TREE, show_usage, "show one offer", "lms-offer",
	NULL
};

/* lms offer contacts */

static const char *const contacts_usage[] = {
	"lms offer contacts COURSE [--format F]", NULL
};

/* The table of those who agreed; *others counts the rest. */
static void contacts_table(struct lms_table *t, const struct lms_enrolments *e,
			   const struct lms_register *reg, size_t *others)
{
	/* TRANSLATORS: the columns of lms offer contacts. */
	const char *const cols[] = {
		_("id"), _("name"), _("phone"), _("email"), NULL
	};

	lms_table_init(t, cols);
	*others = 0;
	for (size_t i = 0; i < e->n; i++) {
		const struct lms_person *p;

		if (!lms_enrolment_on_course(e->v[i].status))
			continue;
		p = lms_register_find(reg, e->v[i].person);
		if (!p || !(p->contact & LMS_CONTACT_PEERS)) {
			++*others;
			continue;
		}
		lms_table_row(t);
		lms_table_cell(t, p->id);
		lms_table_cell(t, p->name);
		lms_table_cell(t, p->phone);
		lms_table_cell(t, p->email);
	}
}

static int offer_contacts(struct ctx *ctx, int argc, char **argv)
{
	enum lms_format fmt;
	struct lms_enrolments e;
	struct lms_register reg;
	struct lms_course course;
	struct lms_table t;
	enum lms_lang was;
	size_t others;
	int err = cmd_format_option(argc, argv, &fmt);

	if (!err && argc - optind != 1)
		err = cmd_usage_error(_("give one course id"));
	if (err || (err = cmd_open_tree(ctx)) ||
	    (err = lms_tree_load_course(&ctx->tree, argv[optind], &course,
					NULL)))
		return err;
	if (!(err = lms_tree_load_enrolments(&ctx->tree, course.id, &e))) {
		if (!(err = lms_tree_load_register(&ctx->tree, &reg))) {
			was = lms_i18n_set(cmd_doc_lang(
				ctx, ctx->tree.service.language, fmt, false));
			contacts_table(&t, &e, &reg, &others);
			cmd_emit_table(ctx, &t, fmt);
			lms_i18n_set(was);
			lms_table_release(&t);
			lms_register_release(&reg);
			/* Counted, never named: they did not agree. */
			if (others)
				cmd_warn(lms_n_("%zu more on the course did not "
						"agree to peer contact",
						"%zu more on the course did "
						"not agree to peer contact",
						others), others);
		}
		lms_enrolments_release(&e);
	}
	lms_course_release(&course);
	return err;
}

static const struct cmd offer_contacts_cmd = {
	"contacts", offer_contacts, CMD_TREE, contacts_usage,
	"list who on a course agreed to be put in touch with the others",
	"lms-offer", NULL
};

static const struct cmd *const verbs[] = {
	&offer_add_cmd, &offer_list_cmd, &offer_show_cmd, &offer_contacts_cmd,
	NULL
};

static const char *const usage[] = {
	"lms offer add | list | show | contacts ...", NULL
};

const struct cmd cmd_offer = {
	"offer", NULL, 0, usage,
	N_("keep the register of offers after a course"), "lms-offer", verbs
};
