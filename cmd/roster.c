#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "attendance.h"
#include "collate.h"
#include "date.h"
#include "roll.h"
#include "sheet.h"
#include "cmd.h"

/*
 * lms roster: the course's people with names, contacts and the attendance
 * grid, for the coordinator's own use (with person list and show, the only
 * output that names people); --sheet prints a sign-in sheet, with names
 * only unless --contacts asks for more.
 */

struct roster {
	struct lms_course course;
	struct lms_enrolments e;
	struct lms_attendance a;
	struct lms_register reg;
	size_t *order;			/* sessions in date order */
};

static int roster_load(struct ctx *ctx, const char *id, struct roster *r)
{
	int err;

	memset(r, 0, sizeof(*r));
	if ((err = lms_tree_load_course(&ctx->tree, id, &r->course, NULL)))
		return err;
	r->order = lms_course_session_order(&r->course);
	if ((err = lms_tree_load_enrolments(&ctx->tree, id, &r->e)) ||
	    (err = lms_tree_load_attendance(&ctx->tree, id, &r->a)) ||
	    (err = lms_tree_load_register(&ctx->tree, &r->reg)))
		return err;
	return 0;
}

static void roster_release(struct roster *r)
{
	lms_course_release(&r->course);
	lms_enrolments_release(&r->e);
	lms_attendance_release(&r->a);
	lms_register_release(&r->reg);
	free(r->order);
}

static const struct lms_person *person_of(const struct roster *r,
					  const char *id)
{
	return lms_register_find(&r->reg, id);
}

static const char *name_of(const struct lms_person *p)
{
	return p ? p->name : _("(not in the register)");
}

/* People on the course as the roster lists them: enrolled and finished
 * first, then the waiting list in its order; withdrawn people are left out. */
static bool listed(const struct lms_enrolment *e, bool waiting)
{
	if (e->status == LMS_WITHDRAWN)
		return false;
	return (e->status == LMS_WAITLISTED) == waiting;
}

static void add_header(struct lms_table *t, const struct roster *r)
{
	/* TRANSLATORS: the columns of the roster, then one per session. */
	const char *const cols[] = {
		_("id"), _("name"), _("phone"), _("email"), _("role"),
		_("status"), NULL
	};

	lms_table_init(t, cols);
	for (size_t k = 0; k < r->course.nsessions; k++) {
		char date[11], col[8];

		lms_date_format(r->course.sessions[r->order[k]].date, date);
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
	const struct lms_person *p = person_of(r, e->person);
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
	for (size_t k = 0; k < r->course.nsessions; k++) {
		const struct lms_session_attendance *s = lms_attendance_find(
			&r->a, r->course.sessions[r->order[k]].date);

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
	for (size_t k = 0; k < r->course.nsessions; k++) {
		const struct lms_session_attendance *s = lms_attendance_find(
			&r->a, r->course.sessions[r->order[k]].date);
		size_t present = 0;

		for (size_t i = 0; s && i < s->n; i++)
			present += s->v[i].presence == LMS_PRESENT;
		if (!s)
			lms_table_cell(t, "");
		else if (s->participants != LMS_UNSET || s->relatives != LMS_UNSET)
			lms_table_cellf(t, "%zu", present +
					(size_t)(s->participants == LMS_UNSET ? 0 : s->participants) +
					(size_t)(s->relatives == LMS_UNSET ? 0 : s->relatives));
		else
			lms_table_cellf(t, "%zu", present);
	}
}

static void grid(struct ctx *ctx, const struct roster *r, enum lms_format fmt)
{
	struct lms_table t;
	size_t waiting = 0;

	add_header(&t, r);
	for (size_t i = 0; i < r->e.n; i++)
		if (listed(&r->e.v[i], false))
			add_person(&t, r, &r->e.v[i], 0);
	for (size_t i = 0; i < r->e.n; i++)
		if (listed(&r->e.v[i], true))
			add_person(&t, r, &r->e.v[i], ++waiting);
	if (fmt == LMS_FMT_TEXT)
		add_counts(&t, r);
	cmd_emit_table(ctx, &t, fmt);
	lms_table_release(&t);
}

static void summary(struct lms_buf *out, const struct roster *r)
{
	const struct lms_course *c = &r->course;
	size_t enrolled = lms_enrolments_count(&r->e, LMS_ENROLLED);
	size_t waiting = lms_enrolments_count(&r->e, LMS_WAITLISTED);

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

/* The sheet's session: the one given, else the next from today on, else
 * the last. */
static int sheet_session(struct ctx *ctx, const struct roster *r,
			 const char *arg, size_t *index, size_t *number)
{
	const struct lms_course *c = &r->course;

	if (arg)
		return lms_course_find_session(c, arg, index, number);
	if (!c->nsessions)
		return lms_error(LMS_ENOENT, _("course '%s' has no sessions"),
				 c->id);
	for (size_t k = 0; k < c->nsessions; k++) {
		*index = r->order[k];
		*number = k + 1;
		if (c->sessions[*index].date >= ctx->today)
			break;
	}
	return 0;
}

/* "Session 4 of 4: Thursday 2026-09-17, 11:00-14:00, Treffstedet";
 * in Norwegian "Samling 4 av 4: torsdag 17. september 2026, kl.
 * 11.00–14.00, Treffstedet". */
static void sheet_when(struct lms_buf *out, const struct roster *r,
		       size_t index, size_t number)
{
	const struct lms_session *s = &r->course.sessions[index];
	struct lms_buf day = LMS_BUF_INIT;

	lms_i18n_day(&day, s->date);
	/* TRANSLATORS: "Session 4 of 4: Thursday 2026-09-17". */
	lms_buf_addf(out, _("Session %zu of %zu: %s"), number,
		     r->course.nsessions, day.buf);
	lms_buf_release(&day);
	if (s->start != LMS_TIME_NONE) {
		lms_buf_adds(out, ", ");
		lms_i18n_times(out, s->start, s->end);
	}
	if (*lms_session_place(&r->course, index))
		lms_buf_addf(out, ", %s", lms_session_place(&r->course, index));
}

struct sorted_person {
	struct lms_sheet_person p;
	size_t order;			/* of request, between equal names */
};

static int by_name(const void *a, const void *b)
{
	const struct sorted_person *x = a, *y = b;
	int c = lms_collate(x->p.name, y->p.name);

	return c ? c : x->order < y->order ? -1 : 1;
}

/* The people enrolled, in the order of their names: a sheet at the door
 * is read by people who look for their own. */
static struct sorted_person *sheet_people(const struct roster *r, size_t *n)
{
	struct sorted_person *v = NULL;

	*n = 0;
	for (size_t i = 0; i < r->e.n; i++) {
		const struct lms_person *p = person_of(r, r->e.v[i].person);
		struct sorted_person *s;

		if (r->e.v[i].status != LMS_ENROLLED)
			continue;
		s = lms_array_push(&v, n, sizeof(*v));
		s->p.name = name_of(p);
		s->p.phone = p ? p->phone : NULL;
		s->p.email = p ? p->email : NULL;
		s->order = i;
	}
	if (*n)
		qsort(v, *n, sizeof(*v), by_name);
	return v;
}

/* The most people at one session so far: those marked present and the
 * headcount. */
static size_t most_present(const struct roster *r)
{
	size_t most = 0;

	for (size_t k = 0; k < r->a.n; k++) {
		const struct lms_session_attendance *s = &r->a.v[k];
		size_t n = 0;

		for (size_t i = 0; i < s->n; i++)
			n += s->v[i].presence == LMS_PRESENT;
		n += (size_t)(s->participants == LMS_UNSET ? 0 : s->participants);
		n += (size_t)(s->relatives == LMS_UNSET ? 0 : s->relatives);
		most = n > most ? n : most;
	}
	return most;
}

/* A drop-in course: one without a capacity, or one that counts heads. */
static bool drop_in(const struct roster *r)
{
	if (r->course.capacity == LMS_UNSET)
		return true;
	for (size_t k = 0; k < r->a.n; k++)
		if (r->a.v[k].participants != LMS_UNSET ||
		    r->a.v[k].relatives != LMS_UNSET)
			return true;
	return false;
}

/*
 * Blank rows for people who come without being on the list: the places
 * left, and at least 5; for a drop-in course, as many as ever came to one
 * session, and at least 15.
 */
static size_t blank_rows(const struct roster *r, size_t listed)
{
	size_t left;

	if (drop_in(r)) {
		size_t most = most_present(r);

		return most > 15 ? most : 15;
	}
	left = (size_t)r->course.capacity > listed ?
	       (size_t)r->course.capacity - listed : 0;
	return left > 5 ? left : 5;
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
	struct sorted_person *sorted;
	struct lms_sheet sh;
	size_t n;

	sorted = sheet_people(r, &n);
	people = lms_calloc(n + 1, sizeof(*people));
	for (size_t i = 0; i < n; i++)
		people[i] = sorted[i].p;
	sheet_when(&when, r, index, number);
	lms_i18n_date(r->course.sessions[index].date, date);
	sh = (struct lms_sheet){
		.title = r->course.title, .when = when.buf, .date = date,
		.theme = r->course.sessions[index].theme,
		.contacts = o->contacts, .people = people, .npeople = n,
		.blank = o->blank >= 0 ? (size_t)o->blank : blank_rows(r, n)
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
		err = sheet_session(ctx, &r, o.session, &index, &number);
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
