#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "attendance.h"
#include "collate.h"
#include "date.h"
#include "coursedata.h"
#include "roll.h"
#include "roster.h"
#include "sheet.h"
#include "cmd.h"

/*
 * lms roster: the course's people with names, contacts and the attendance
 * grid, for the coordinator's own use (with person list and show, the only
 * output that names people); --sheet prints a sign-in sheet, with names
 * only unless --contacts asks for more.
 */

/* A course's files (its plan, enrolments and attendance are what the
 * roster reads) and the register's names and contacts. */
struct roster {
	struct lms_course_data d;
	struct lms_register reg;
	size_t *order;			/* sessions in date order */
};

static int roster_load(struct ctx *ctx, const char *id, struct roster *r)
{
	int err;

	memset(r, 0, sizeof(*r));
	/* Only what a roster shows: a broken evaluations file or a form
	 * missing from forms/ is no reason to refuse a sign-in sheet. */
	if ((err = lms_course_data_load_parts(&ctx->tree, id, LMS_CD_COURSE |
					      LMS_CD_ENROLMENTS |
					      LMS_CD_ATTENDANCE, &r->d)))
		return err;
	r->order = lms_course_session_order(&r->d.course);
	return lms_tree_load_register(&ctx->tree, &r->reg);
}

static void roster_release(struct roster *r)
{
	lms_course_data_release(&r->d);
	lms_register_release(&r->reg);
	free(r->order);
}

static const char *name_of(const struct lms_person *p)
{
	return p ? p->name : _("(not in the register)");
}

static void add_header(struct lms_table *t, const struct roster *r)
{
	/* TRANSLATORS: the columns of the roster, then one per session. */
	const char *const cols[] = {
		_("id"), _("name"), _("phone"), _("email"), _("role"),
		_("status"), NULL
	};

	lms_table_init(t, cols);
	for (size_t k = 0; k < r->d.course.nsessions; k++) {
		char date[11], col[8];

		lms_date_format(r->d.course.sessions[r->order[k]].date, date);
		/* A Norwegian reads 09-07 as July: day and month, 07.09. */
		if (lms_i18n_get() == LMS_LANG_NB)
			snprintf(col, sizeof(col), "%.2s.%.2s", date + 8,
				 date + 5);
		else
			snprintf(col, sizeof(col), "%s", date + 5);
		*(char **)lms_array_push(&t->cols, &t->ncols, sizeof(char *)) =
			lms_strdup(col);
	}
}

static void add_person(struct lms_table *t, const struct roster *r,
		       const struct lms_enrolment *e, size_t waiting)
{
	/* TRANSLATORS: the marks of the roster's attendance grid, one
	 * letter each: present, absent, excused. */
	static const char *const marks[] = {
		"", NC_("mark", "P"), NC_("mark", "A"), NC_("mark", "E")
	};
	const struct lms_person *p = lms_register_find(&r->reg, e->person);
	int mark;

	lms_table_row(t);
	lms_table_cell(t, e->person);
	lms_table_cell(t, name_of(p));
	lms_table_cell(t, p ? p->phone : NULL);
	lms_table_cell(t, p ? p->email : NULL);
	lms_table_cell(t, C_("role", lms_role_names[e->role]));
	/* TRANSLATORS: the place on the waiting list: "waitlisted 2". */
	if (waiting)
		lms_table_cellf(t, _("waitlisted %zu"), waiting);
	else
		lms_table_cell(t, C_("enrolment status",
				     lms_enrolment_status_names[e->status]));
	for (size_t k = 0; k < r->d.course.nsessions; k++) {
		const struct lms_session_attendance *s = lms_attendance_find(
			&r->d.attendance, r->d.course.sessions[r->order[k]].date);

		mark = s ? lms_attendance_of(s, e->person) : 0;
		lms_table_cell(t, mark ? C_("mark", marks[mark]) : "");
	}
}

/* The last row: how many came to each session, with any headcount. */
static void add_counts(struct lms_table *t, const struct roster *r)
{
	lms_table_row(t);
	/* TRANSLATORS: the roster's last row, how many came to each. */
	lms_table_cell(t, _("present"));
	for (int i = 0; i < 5; i++)
		lms_table_cell(t, "");
	for (size_t k = 0; k < r->d.course.nsessions; k++) {
		const struct lms_session_attendance *s = lms_attendance_find(
			&r->d.attendance, r->d.course.sessions[r->order[k]].date);

		if (s)
			lms_table_cellf(t, "%zu", lms_roster_present(s));
		else
			lms_table_cell(t, "");
	}
}

static void grid(struct ctx *ctx, const struct roster *r, enum lms_format fmt)
{
	struct lms_table t;
	size_t waiting = 0;

	add_header(&t, r);
	for (size_t i = 0; i < r->d.enrolments.n; i++)
		if (lms_roster_listed(&r->d.enrolments.v[i], false))
			add_person(&t, r, &r->d.enrolments.v[i], 0);
	for (size_t i = 0; i < r->d.enrolments.n; i++)
		if (lms_roster_listed(&r->d.enrolments.v[i], true))
			add_person(&t, r, &r->d.enrolments.v[i], ++waiting);
	if (fmt == LMS_FMT_TEXT)
		add_counts(&t, r);
	cmd_emit_table(ctx, &t, fmt);
	lms_table_release(&t);
}

static void summary(struct lms_buf *out, const struct roster *r)
{
	const struct lms_course *c = &r->d.course;
	size_t enrolled = lms_enrolments_count(&r->d.enrolments, LMS_ENROLLED);
	size_t waiting = lms_enrolments_count(&r->d.enrolments, LMS_WAITLISTED);

	/* TRANSLATORS: "Matlaging (2026-09-matlaging): 8 enrolled", then
	 * " of 12 places" if the course has a capacity, then ", 2 on the
	 * waiting list". */
	lms_buf_addf(out, lms_n_("%s (%s): %zu enrolled",
				 "%s (%s): %zu enrolled", enrolled),
		     c->title, c->id, enrolled);
	if (c->capacity != LMS_UNSET)
		lms_buf_addf(out, lms_n_(" of %d places", " of %d places",
					 (unsigned long)c->capacity),
			     c->capacity);
	lms_buf_addf(out, lms_n_(", %zu on the waiting list\n\n",
				 ", %zu on the waiting list\n\n", waiting),
		     waiting);
}

/* "Session 4 of 4: Thursday 2026-09-17, 11:00-14:00, Treffstedet";
 * in Norwegian "Samling 4 av 4: torsdag 17. september 2026, kl.
 * 11.00–14.00, Treffstedet". */
static void sheet_when(struct lms_buf *out, const struct roster *r,
		       size_t index, size_t number)
{
	const struct lms_session *s = &r->d.course.sessions[index];
	struct lms_buf day = LMS_BUF_INIT;

	lms_i18n_day(&day, s->date);
	/* TRANSLATORS: "Session 4 of 4: Thursday 2026-09-17". */
	lms_buf_addf(out, _("Session %zu of %zu: %s"), number,
		     r->d.course.nsessions, day.buf);
	lms_buf_release(&day);
	if (s->start != LMS_TIME_NONE) {
		lms_buf_adds(out, ", ");
		lms_i18n_times(out, s->start, s->end);
	}
	if (*lms_session_place(&r->d.course, index))
		lms_buf_addf(out, ", %s", lms_session_place(&r->d.course, index));
}

struct sheet_options {
	const char *session;
	bool contacts;
	int blank;			/* -1: as blank_rows says */
	enum lms_format format;
};

static void sheet(struct ctx *ctx, const struct roster *r, size_t index,
		  size_t number, const struct sheet_options *o)
{
	struct lms_buf when = LMS_BUF_INIT;
	struct lms_sheet_person *people;
	char date[11];
	struct lms_roster_entry *sorted;
	struct lms_sheet sh;
	size_t n;

	sorted = lms_roster_sheet_people(&r->d.enrolments, &r->reg,
					 _("(not in the register)"), &n);
	people = lms_calloc(n + 1, sizeof(*people));
	for (size_t i = 0; i < n; i++) {
		people[i].name = sorted[i].name;
		people[i].phone = sorted[i].person ? sorted[i].person->phone :
				  NULL;
		people[i].email = sorted[i].person ? sorted[i].person->email :
				  NULL;
	}
	sheet_when(&when, r, index, number);
	lms_i18n_date(r->d.course.sessions[index].date, date);
	sh = (struct lms_sheet){
		.title = r->d.course.title, .when = when.buf, .date = date,
		.theme = r->d.course.sessions[index].theme,
		.contacts = o->contacts, .people = people, .npeople = n,
		.blank = o->blank >= 0 ? (size_t)o->blank :
			 lms_roster_blank_rows(&r->d.course, &r->d.attendance, n)
	};
	lms_sheet_render(&sh, o->format, &ctx->out);
	free(sorted);
	free(people);
	lms_buf_release(&when);
}

static const char *const usage[] = {
	"lms roster COURSE [--format F]",
	"lms roster COURSE --sheet [--session SESSION] [--contacts] "
	"[--blank N] [--format text | html]",
	NULL
};

static int sheet_format(const char *format, struct sheet_options *o)
{
	const unsigned formats = LMS_FMT_TEXT | LMS_FMT_HTML;
	const char *names[LMS_FMT_COUNT + 1];
	int err = lms_format_parse(format, formats, &o->format);

	if (!err)
		return 0;
	lms_error_clear();
	lms_format_names(formats, names);
	return cmd_usage_error(_("--format: a sign-in sheet is %s"),
			       cmd_list(names, LMS_JOIN_OR));
}

static int roster(struct ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "sheet", no_argument, NULL, 's' },
		{ "session", required_argument, NULL, 'S' },
		{ "format", required_argument, NULL, 'F' },
		{ "contacts", no_argument, NULL, 'c' },
		{ "blank", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct sheet_options o = { NULL, false, -1, LMS_FMT_TEXT };
	enum lms_format fmt = LMS_FMT_TEXT;
	const char *format = NULL;
	bool want_sheet = false;
	size_t index, number;
	struct roster r;
	int c, err = 0;

	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 's': want_sheet = true; break;
		case 'S': o.session = optarg; break;
		case 'F': format = optarg; break;
		case 'c': o.contacts = true; break;
		case 'b':
			err = cmd_parse_int("--blank", optarg, 0, 1000, &o.blank);
			break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (!err && argc - optind != 1)
		err = cmd_usage_error(_("give one course"));
	if (!err && !want_sheet && (o.session || o.contacts || o.blank >= 0))
		err = cmd_usage_error(_("%s is for --sheet"), o.session ?
				      "--session" : o.contacts ? "--contacts" :
				      "--blank");
	if (!err && format)
		err = want_sheet ? sheet_format(format, &o) :
		      lms_format_parse(format, LMS_FMT_LISTING, &fmt);
	if (err || (err = cmd_open_tree(ctx)))
		return err;
	if (!(err = roster_load(ctx, argv[optind], &r)) && want_sheet)
		err = lms_roster_sheet_session(&r.d.course, o.session,
					       ctx->today, &index, &number);
	if (!err) {
		enum lms_lang was = lms_i18n_set(cmd_doc_lang(ctx,
			ctx->tree.service.language, want_sheet ? o.format : fmt,
			false));

		if (want_sheet) {
			sheet(ctx, &r, index, number, &o);
		} else {
			if (fmt == LMS_FMT_TEXT)
				summary(&ctx->out, &r);
			grid(ctx, &r, fmt);
		}
		lms_i18n_set(was);
	}
	roster_release(&r);
	return err;
}

const struct cmd cmd_roster = {
	"roster", roster, CMD_TREE, usage,
	N_("show a course's people, contacts and attendance"), "lms-roster", NULL
};
