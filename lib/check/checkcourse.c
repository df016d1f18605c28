#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "checkctx.h"
#include "date.h"
#include "i18n.h"
#include "participation.h"
#include "suggest.h"
#include "survey.h"

/*
 * The rules of lms check that look at one course: its plan (dates,
 * references, participation) and the files lms keeps beside it
 * (capacity, the people and sessions they name, answers on forms).
 */

/* A finding into out: F(RULE, SEVERITY, path, mark, format, ...). */
#define F(rule, sev, path, at, ...) \
	lms_finding(out, LMS_RULE_##rule, LMS_##sev, path, (at).line, (at).col, \
		    __VA_ARGS__)

/* Unknown keys */

static size_t key_names(const struct lms_schema *s, const char **names,
			size_t max);

void lms_check_diags(const struct lms_diags *d, struct lms_findings *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct lms_diag *g = &d->v[i];
		const char *names[64];
		size_t n = g->schema ? key_names(g->schema, names, 64) : 0;
		const char *hint = NULL;

		if (g->key)
			hint = lms_suggest(g->key, names, n);
		if (hint)
			F(SCHEMA, WARNING, g->path, g->at, _("%s (did you mean "
			  "'%s'?)"), g->msg, hint);
		else
			F(SCHEMA, WARNING, g->path, g->at, "%s", g->msg);
	}
}

/* The keys of s, for suggestions. */
static size_t key_names(const struct lms_schema *s, const char **names,
			size_t max)
{
	size_t n = 0;

	for (const struct lms_field *f = s->fields; f->key && n < max; f++)
		names[n++] = f->key;
	return n;
}

/* Keys that a record of a file lms writes kept without knowing them;
 * what is the record ("enrolment"), translated. */
static void unknown_extras(const struct lms_extras *x,
			   const struct lms_schema *s, const char *what,
			   const char *path, struct lms_findings *out)
{
	const char *names[64];
	size_t n = key_names(s, names, 64);

	for (size_t i = 0; i < x->n; i++) {
		const char *hint = lms_suggest(x->v[i].key, names, n);

		if (hint)
			F(SCHEMA, WARNING, path, x->v[i].at, _("unknown key '%s' "
			  "in %s (did you mean '%s'?)"), x->v[i].key, what,
			  hint);
		else
			F(SCHEMA, WARNING, path, x->v[i].at, _("unknown key '%s' "
			  "in %s"), x->v[i].key, what);
	}
}

/* The column (1-based) where the line at p, up to end, has key as a
 * mapping key, plain or quoted, after its indentation and the dashes of
 * list items; 0 if it has not, or (top) if it is indented. */
static unsigned key_col(const char *p, const char *end, const char *key,
			bool top)
{
	size_t n = strlen(key);
	const char *k = p;
	bool quoted;

	while (k + 1 < end && (*k == ' ' || (*k == '-' && k[1] == ' ')))
		k++;
	quoted = k < end && (*k == '"' || *k == '\'');
	if (top && k != p)
		return 0;
	if ((size_t)(end - k) <= n + 2 * quoted ||
	    strncmp(k + quoted, key, n) || (quoted && k[n + 1] != *k) ||
	    k[n + 2 * quoted] != ':')
		return 0;
	return (unsigned)(k - p) + 1;
}

/* Where key is first a mapping key on line from or after it: at the
 * start of a line alone with top; at (line 0) if nowhere. */
static struct lms_mark find_key(const char *text, size_t len, unsigned from,
				const char *key, bool top)
{
	const char *p = text, *end = text + len;

	for (unsigned line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		unsigned col = line >= from ? key_col(p, nl ? nl : end, key,
						       top) : 0;

		if (col)
			return (struct lms_mark){ line, col, 0 };
		if (!nl)
			break;
		p = nl + 1;
	}
	return (struct lms_mark){ 0, 0, 0 };
}

unsigned lms_check_key_line(const char *text, size_t len, const char *key)
{
	return find_key(text, len, 1, key, true).line;
}

struct lms_mark lms_check_key_after(const char *text, size_t len,
				    struct lms_mark at, const char *key)
{
	struct lms_mark found = find_key(text, len, at.line, key, false);

	return found.line ? found : at;
}

/* Where a top-level key of the course's file is, for findings about its
 * value: the start of the line "key:", else the course's own start. */
static struct lms_mark key_mark(const struct lms_course_files *cf,
				const char *key)
{
	unsigned line = lms_check_key_line(cf->plan.text.buf,
					   cf->plan.text.len, key);

	if (line)
		return (struct lms_mark){ line, 1, 0 };
	return cf->data.course.mark;
}

struct lms_mark lms_check_key_mark(const struct lms_course_files *cf,
				   const char *key)
{
	return key_mark(cf, key);
}

/* "2026-09-08 11:00-14:00", or the date alone without times; in
 * Norwegian "08.09.2026 kl. 11.00–14.00". */
static void when(const struct lms_session *s, char *out, size_t size)
{
	struct lms_buf times = LMS_BUF_INIT;
	char date[11];

	lms_i18n_date(s->date, date);
	if (s->start != LMS_TIME_NONE)
		lms_i18n_times(&times, s->start, s->end);
	snprintf(out, size, "%s%s%s", date, times.len ? " " : "",
		 times.len ? times.buf : "");
	lms_buf_release(&times);
}

/* Dates */

/* A session's minutes as [start, end); a session without times takes
 * the whole day, one without an end a moment. */
static void span(const struct lms_session *s, int *from, int *to)
{
	*from = s->start == LMS_TIME_NONE ? 0 : s->start;
	*to = s->start == LMS_TIME_NONE ? 24 * 60 :
	      s->end == LMS_TIME_NONE ? s->start + 1 : s->end;
}

static bool overlap(const struct lms_session *a, const struct lms_session *b)
{
	int a0, a1, b0, b1;

	if (a->date != b->date)
		return false;
	span(a, &a0, &a1);
	span(b, &b0, &b1);
	return a0 < b1 && b0 < a1;
}

static bool before(const struct lms_session *a, const struct lms_session *b)
{
	return a->date < b->date || (a->date == b->date && a->start < b->start);
}

static void session_times(const struct lms_course_files *cf,
			  struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	char w[64], v[64];

	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];

		when(s, w, sizeof(w));
		if (s->start != LMS_TIME_NONE && s->end != LMS_TIME_NONE &&
		    s->end <= s->start)
			F(DATES, ERROR, cf->plan.path, s->mark, _("the "
			  "session on %s does not end after it starts"), w);
		if (i && before(s, &c->sessions[i - 1])) {
			when(&c->sessions[i - 1], v, sizeof(v));
			F(DATES, WARNING, cf->plan.path, s->mark, _("the "
			  "session on %s comes after the one on %s in the "
			  "file; lms numbers sessions in date order"), w, v);
		}
	}
}

/* Sessions of the course at the same time, each named once. */
static void session_overlaps(const struct lms_course_files *cf,
			     struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	size_t *order = lms_course_session_order(c);
	char w[64], v[64];

	for (size_t k = 1; k < c->nsessions; k++) {
		const struct lms_session *s = &c->sessions[order[k]];

		for (size_t j = k; j-- > 0;) {
			const struct lms_session *t = &c->sessions[order[j]];

			if (t->date != s->date)
				break;
			if (!overlap(s, t))
				continue;
			when(s, w, sizeof(w));
			when(t, v, sizeof(v));
			F(DATES, ERROR, cf->plan.path, s->mark, _("the "
			  "session %s overlaps the session %s"), w, v);
			break;
		}
	}
	lms_free(order);
}

static const char *status_name(int status)
{
	return C_("course status", lms_status_names[status]);
}

/* A status that the calendar has left behind. */
static void status_and_calendar(const struct lms_check_ctx *x,
				const struct lms_course_files *cf,
				struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	int32_t last = lms_course_last_date(c);
	char date[11];

	if (last == LMS_DATE_NONE)
		return;
	lms_i18n_date(last, date);
	if (c->status == LMS_COURSE_COMPLETED && last > x->opt->today) {
		for (size_t i = 0; i < c->nsessions; i++) {
			const struct lms_session *s = &c->sessions[i];

			if (s->date <= x->opt->today)
				continue;
			lms_i18n_date(s->date, date);
			F(DATES, ERROR, cf->plan.path, s->mark, _("the course "
			  "is completed, but its session on %s is still to "
			  "come"), date);
			break;
		}
	} else if ((c->status == LMS_COURSE_PLANNED ||
		    c->status == LMS_COURSE_OPEN ||
		    c->status == LMS_COURSE_RUNNING) && last < x->opt->today) {
		F(DATES, WARNING, cf->plan.path, key_mark(cf, "status"),
		  _("the course is still %s, but its last session was on "
		    "%s: close it with 'lms course close %s'"),
		  status_name(c->status), date, cf->plan.id);
	}
}

/* Sessions still to come on a day off: a session past is past. */
static void days_off(const struct lms_check_ctx *x,
		     const struct lms_course_files *cf,
		     struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	struct lms_day_off why;
	char date[11];

	if (c->status == LMS_COURSE_CANCELLED)
		return;
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];

		if (s->date < x->opt->today ||
		    !lms_service_day_off(&x->tree->service, s->date, &why))
			continue;
		lms_i18n_date(s->date, date);
		if (why.holiday)
			F(HOLIDAYS, WARNING, cf->plan.path, s->mark, _("the "
			  "session on %s is on a public holiday (%s)"), date,
			  why.holiday);
		else if (why.closed->name)
			F(HOLIDAYS, WARNING, cf->plan.path, s->mark, _("the "
			  "session on %s is on a day the service is closed "
			  "(%s)"), date, why.closed->name);
		else
			F(HOLIDAYS, WARNING, cf->plan.path, s->mark, _("the "
			  "session on %s is on a day the service is closed"),
			  date);
	}
}

/* References of the plan */

/* A form that is there, loaded or not: a broken one is one error, in
 * its own file. */
static bool form_exists(const struct lms_check_ctx *x, const char *id)
{
	return lms_check_form(x, id) || lms_strset_has(&x->broken_forms, id);
}

static void unknown_facilitator(const struct lms_check_ctx *x,
				const char *path, struct lms_mark at,
				const char *id, struct lms_findings *out)
{
	const char *hint = lms_suggest(id, x->facilitator_ids,
				       x->nfacilitators);
	const char *file = lms_file_pattern(LMS_FILE_FACILITATORS);

	if (hint)
		F(REFERENCES, ERROR, path, at, _("no facilitator '%s' in %s "
		  "(did you mean '%s'?)"), id, file, hint);
	else
		F(REFERENCES, ERROR, path, at, _("no facilitator '%s' in %s"),
		  id, file);
}

static void plan_references(const struct lms_check_ctx *x,
			    const struct lms_course_files *cf,
			    struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;

	for (size_t i = 0; i < c->nfacilitators && !x->facilitators_broken; i++)
		if (!lms_check_facilitator(x, c->facilitators[i].id))
			unknown_facilitator(x, cf->plan.path,
					    c->facilitators[i].mark,
					    c->facilitators[i].id, out);
	for (size_t i = 0; i < c->nsessions && !x->facilitators_broken; i++)
		for (size_t j = 0; j < c->sessions[i].nled_by; j++)
			if (!lms_check_facilitator(x, c->sessions[i].led_by[j]))
				unknown_facilitator(x, cf->plan.path,
						    c->sessions[i].mark,
						    c->sessions[i].led_by[j], out);
	for (size_t i = 0; i < c->nforms; i++)
		if (!form_exists(x, c->forms[i]))
			F(REFERENCES, ERROR, cf->plan.path,
			  key_mark(cf, "forms"), _("no form '%s' in forms/"),
			  c->forms[i]);
	if (c->template && !lms_check_template(x, c->template))
		F(REFERENCES, ERROR, cf->plan.path, key_mark(cf, "template"),
		  _("no template '%s' in templates/"), c->template);
}

/* User participation */

/*
 * A phase declared for user representative f->id that should have
 * happened by now and did not: a finding at their entry, with how to
 * record it.  Whole sentences, for the translator.
 */
static void not_carried_out(const struct lms_course_files *cf,
			    const struct lms_course_facilitator *f,
			    unsigned missing, struct lms_findings *out)
{
	const char *path = cf->plan.path, *id = f->id;
	const char *course = cf->data.course.id;

	if (missing & LMS_PLAN)
		F(PARTICIPATION, WARNING, path, f->mark,
		  _("user representative %s is declared for planning course "
		    "%s, but took part in no planning meeting: record it with "
		    "'lms meeting add %s --date DATE --kind plan --with %s'"),
		  id, course, course, id);
	if (missing & LMS_DELIVER)
		F(PARTICIPATION, WARNING, path, f->mark,
		  _("user representative %s is declared for delivering course "
		    "%s, but has led none of its sessions held: record who led "
		    "a session with 'lms course set %s sessions.N.led_by=%s'"),
		  id, course, course, id);
	if (missing & LMS_EVALUATE)
		F(PARTICIPATION, WARNING, path, f->mark,
		  _("user representative %s is declared for evaluating course "
		    "%s, but took part in no evaluation meeting: record it with "
		    "'lms meeting add %s --date DATE --kind evaluate --with "
		    "%s'"), id, course, course, id);
}

/* Each user representative's declared phases, against what happened. */
static void carried_out(const struct lms_check_ctx *x,
			const struct lms_course_files *cf,
			struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	unsigned due = lms_participation_due(c, x->opt->today);

	/* Without the meetings, only the sessions tell. */
	if (!cf->meetings_doc.loaded)
		due &= LMS_DELIVER;
	for (size_t i = 0; i < c->nfacilitators && due; i++) {
		const struct lms_course_facilitator *f = &c->facilitators[i];

		if (lms_course_facilitator_kind(c, lms_check_facilitator(x, f->id),
						f->id) != LMS_USER_REPRESENTATIVE)
			continue;
		not_carried_out(cf, f, f->phases & due &
				~lms_participation_done(c, &cf->data.meetings,
							f->id, x->opt->today),
				out);
	}
}

/* A meeting recorded twice, as a command run again by mistake would:
 * fees and participation would count it twice. */
static void meetings_twice(const struct lms_course_files *cf,
			   struct lms_findings *out)
{
	const struct lms_meetings *m = &cf->data.meetings;
	char date[11];

	for (size_t i = 0; cf->meetings_doc.loaded && i < m->n; i++) {
		const struct lms_meeting *same = lms_meetings_find_same(m,
								       &m->v[i]);

		if (!same || same > &m->v[i])
			continue;
		lms_i18n_date(m->v[i].date, date);
		F(PARTICIPATION, WARNING, cf->meetings_doc.path, m->v[i].mark,
		  _("the meeting of %s (%s) is here twice, with the same "
		    "people: fees count it twice"), date,
		  C_("meeting kind", lms_meeting_kind_names[m->v[i].kind]));
	}
}

static void participation(const struct lms_check_ctx *x,
			  const struct lms_course_files *cf,
			  struct lms_findings *out)
{
	/* Whole sentences, for the translator: by phase, who is missing. */
	static const char *const missing[][2] = {
		{ "", "" },
		{ N_("no user representative takes part in planning"),
		  N_("no professional takes part in planning") },
		{ N_("no user representative takes part in delivery"),
		  N_("no professional takes part in delivery") },
		{ N_("no user representative takes part in evaluation"),
		  N_("no professional takes part in evaluation") }
	};
	const struct lms_course *c = &cf->data.course;
	struct lms_mark at = key_mark(cf, "facilitators");
	unsigned ur = 0, pro = 0;

	meetings_twice(cf, out);
	if (c->status == LMS_COURSE_CANCELLED)
		return;
	if (!c->nforms)
		F(PARTICIPATION, WARNING, cf->plan.path, key_mark(cf, "forms"),
		  _("the course has no evaluation form (forms:)"));
	if (x->facilitators_broken)
		return;		/* who is who is not known */
	for (size_t i = 0; i < c->nfacilitators; i++) {
		const struct lms_facilitator *f =
			lms_check_facilitator(x, c->facilitators[i].id);
		int kind = lms_course_facilitator_kind(c, f, c->facilitators[i].id);

		if (f && kind == LMS_USER_REPRESENTATIVE)
			ur |= c->facilitators[i].phases;
		else if (f && kind == LMS_PROFESSIONAL)
			pro |= c->facilitators[i].phases;
	}
	for (int p = 1; p <= 3; p++) {
		if (!(ur & (1u << p)))
			F(PARTICIPATION, WARNING, cf->plan.path, at, "%s",
			  _(missing[p][0]));
		if (!(pro & (1u << p)))
			F(PARTICIPATION, WARNING, cf->plan.path, at, "%s",
			  _(missing[p][1]));
	}
	carried_out(x, cf, out);
}

/* The files lms keeps */

/* A person that key names, in the record at at of file d.  The loader
 * keeps no place for each value, so an error looks for its key's line
 * from the record's start. */
static void person_reference(const struct lms_check_ctx *x,
			     const struct lms_tree_doc *d, struct lms_mark at,
			     const char *key, const char *id,
			     struct lms_findings *out)
{
	if (x->have_people && id && !lms_strset_has(&x->people, id))
		F(REFERENCES, ERROR, d->path,
		  lms_check_key_after(d->text.buf, d->text.len, at, key),
		  _("no person '%s' in the register"), id);
}

/* A follow-up written as an id names an offer once there are offers. */
static void offer_reference(const struct lms_check_ctx *x, const char *path,
			    const struct lms_enrolment *r,
			    struct lms_findings *out)
{
	if (lms_offer_named(&x->offers, r->follow_up) &&
	    !lms_offer_find(&x->offers, r->follow_up))
		F(REFERENCES, ERROR, path, r->mark, _("follow_up: no offer "
		  "'%s' in %s"), r->follow_up, lms_file_pattern(LMS_FILE_OFFERS));
}

/* A waiting list carried over names the course it went to (a typo
 * would carry the same people again), and only those who completed are
 * asked at follow-up. */
static void carried_and_asked(const struct lms_check_ctx *x, const char *path,
			      const struct lms_enrolment *r,
			      struct lms_findings *out)
{
	if (r->carried_to && lms_tree_has_course(x->tree, r->carried_to) == 0)
		F(REFERENCES, ERROR, path, r->mark, _("carried_to: no course "
		  "'%s'"), r->carried_to);
	if (r->still_in_group != LMS_UNSET && r->status != LMS_COMPLETED)
		F(SCHEMA, ERROR, path, r->mark, _("still_in_group: %s did "
		  "not complete the course, and is not asked at follow-up"),
		  r->person);
}

static void capacity(const struct lms_course_files *cf,
		     struct lms_findings *out)
{
	const struct lms_course *c = &cf->data.course;
	const struct lms_enrolments *e = &cf->data.enrolments;
	size_t held = lms_enrolments_on_course(e);
	size_t waiting = lms_enrolments_count(e, LMS_WAITLISTED);

	if (c->capacity == LMS_UNSET)
		return;
	if (held > (size_t)c->capacity)
		F(CAPACITY, ERROR, cf->plan.path, key_mark(cf, "capacity"),
		  lms_n_("%zu person holds a place, but the course has %d",
			 "%zu people hold places, but the course has %d", held),
		  held, c->capacity);
	else if (waiting && held < (size_t)c->capacity &&
		 c->status != LMS_COURSE_COMPLETED &&
		 c->status != LMS_COURSE_CANCELLED)
		F(CAPACITY, WARNING, cf->plan.path, key_mark(cf, "capacity"),
		  lms_n_("%zu person is on the waiting list while %zu of %d "
			 "places are free", "%zu people are on the waiting list "
			 "while %zu of %d places are free", waiting),
		  waiting, (size_t)c->capacity - held, c->capacity);
}

static void enrolments(const struct lms_check_ctx *x,
		       const struct lms_course_files *cf,
		       struct lms_findings *out)
{
	const struct lms_enrolments *e = &cf->data.enrolments;

	capacity(cf, out);
	for (size_t i = 0; i < e->n; i++) {
		unknown_extras(&e->v[i].extras, &lms_enrolment_schema,
			       /* TRANSLATORS: "unknown key 'x' in %s". */
			       C_("unknown key in", "enrolment"),
			       cf->enrolments_doc.path, out);
		person_reference(x, &cf->enrolments_doc, e->v[i].mark,
				 "person", e->v[i].person, out);
		person_reference(x, &cf->enrolments_doc, e->v[i].mark,
				 "relative_of", e->v[i].relative_of, out);
		offer_reference(x, cf->enrolments_doc.path, &e->v[i], out);
		carried_and_asked(x, cf->enrolments_doc.path, &e->v[i], out);
	}
}

static void attendance(const struct lms_check_ctx *x,
		       const struct lms_course_files *cf,
		       struct lms_findings *out)
{
	const struct lms_attendance *a = &cf->data.attendance;
	char date[11];

	for (size_t i = 0; i < a->n; i++) {
		const struct lms_session_attendance *s = &a->v[i];

		if (!lms_course_has_session(&cf->data.course, s->date)) {
			lms_i18n_date(s->date, date);
			F(REFERENCES, ERROR, cf->attendance_doc.path, s->mark,
			  _("attendance for %s, which is not a session of the "
			    "course"), date);
		}
		for (size_t j = 0; j < s->n; j++)
			person_reference(x, &cf->attendance_doc, s->mark,
					 s->v[j].person, s->v[j].person, out);
	}
}

/* Each answer belongs to the form and lies on its scale. */
static void answers(const struct lms_form *f, const char *path,
		    const struct lms_evaluation *ev, struct lms_findings *out)
{
	for (size_t i = 0; i < ev->answers.n; i++) {
		const struct lms_answer *a = &ev->answers.v[i];
		const struct lms_form_item *item = lms_form_item(f, a->item);

		if (!item)
			F(SCHEMA, ERROR, path, ev->mark, _("the form '%s' has "
			  "no item '%s'"), f->id, a->item);
		else if (item->type == LMS_ITEM_SCALE && a->is_text)
			F(SCHEMA, ERROR, path, ev->mark, _("%s: the answer is "
			  "text, but the item takes a number from %d to %d"),
			  a->item, f->scale.min, f->scale.max);
		else if (item->type == LMS_ITEM_SCALE &&
			 (a->value < f->scale.min || a->value > f->scale.max))
			F(SCHEMA, ERROR, path, ev->mark, _("%s: %d is not on "
			  "the scale from %d to %d"), a->item, a->value, f->scale.min,
			  f->scale.max);
	}
}

/* Each row of a sheet is imported once: two responses with one digest
 * are one row twice, as when two branches that both imported a sheet
 * are merged. */
static void digests(const struct lms_course_files *cf,
		    struct lms_findings *out)
{
	const struct lms_evaluations *e = &cf->data.evaluations;
	struct lms_strset seen;

	lms_strset_init(&seen);
	for (size_t i = 0; i < e->n; i++) {
		const struct lms_evaluation *ev = &e->v[i];
		const struct lms_evaluation *first;

		if (!ev->digest)
			continue;
		if (!lms_digest_valid(ev->digest))
			F(SCHEMA, WARNING, cf->evaluations_doc.path, ev->mark,
			  _("digest: '%s' is not a digest that lms wrote"),
			  ev->digest);
		else if ((first = lms_strset_get(&seen, ev->digest)))
			F(SCHEMA, ERROR, cf->evaluations_doc.path, ev->mark,
			  _("the same row of a sheet as the response on line "
			    "%u: imported twice, perhaps by two branches that "
			    "were merged; remove one"), first->mark.line);
		else
			lms_strset_add(&seen, ev->digest, (void *)ev);
	}
	lms_strset_release(&seen);
}

static void evaluations(const struct lms_check_ctx *x,
			const struct lms_course_files *cf,
			struct lms_findings *out)
{
	const struct lms_evaluations *e = &cf->data.evaluations;
	const char *path = cf->evaluations_doc.path;
	char date[11];

	for (size_t i = 0; i < e->n; i++) {
		const struct lms_evaluation *ev = &e->v[i];
		const struct lms_form *f = lms_check_form(x, ev->form);

		unknown_extras(&ev->extras, &lms_evaluation_schema,
			       C_("unknown key in", "evaluation"), path, out);
		if (f)
			answers(f, path, ev, out);
		else if (!form_exists(x, ev->form))
			F(REFERENCES, ERROR, path, ev->mark, _("no form '%s' in "
			  "forms/"), ev->form);
		if (ev->phase == LMS_SESSION && ev->session != LMS_DATE_NONE &&
		    !lms_course_has_session(&cf->data.course, ev->session)) {
			lms_i18n_date(ev->session, date);
			F(REFERENCES, ERROR, path, ev->mark, _("a response for "
			  "%s, which is not a session of the course"), date);
		}
		person_reference(x, &cf->evaluations_doc, ev->mark, "person",
				 ev->person, out);
	}
	digests(cf, out);
}

void lms_check_course(const struct lms_check_ctx *x,
		      const struct lms_course_files *cf,
		      struct lms_findings *out)
{
	session_times(cf, out);
	session_overlaps(cf, out);
	status_and_calendar(x, cf, out);
	days_off(x, cf, out);
	plan_references(x, cf, out);
	participation(x, cf, out);
	lms_check_availability(x, cf, out);
	lms_check_public(x, cf, out);
	if (cf->enrolments_doc.loaded)
		enrolments(x, cf, out);
	if (cf->attendance_doc.loaded)
		attendance(x, cf, out);
	if (cf->evaluations_doc.loaded)
		evaluations(x, cf, out);
}
