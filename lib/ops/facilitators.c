#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "facilitatoredit.h"
#include "facilitators.h"

int lms_ops_facilitator_add(const struct lms_ops_io *io,
			    const struct lms_facilitator *f)
{
	struct lms_facilitator *all = NULL;
	struct lms_buf text = LMS_BUF_INIT;
	size_t nall = 0;
	char *path;
	int err;

	if ((err = io->load_facilitators(io->arg, &all, &nall)))
		return err;
	if (lms_facilitator_find(all, nall, f->id))
		err = lms_error(LMS_ECREATE, _("facilitator '%s' exists "
					       "already"), f->id);
	lms_facilitators_free(all, nall);
	if (err)
		return err;
	path = io->path(io->arg, LMS_FILE_FACILITATORS, NULL);
	err = io->load_text(io->arg, LMS_FILE_FACILITATORS, NULL, &text);
	if (err == LMS_ENOENT) {
		lms_error_clear();
		err = 0;
	}
	if (!err && !(err = lms_facilitator_append(&text, path, f)))
		err = io->save(io->arg, LMS_FILE_FACILITATORS, NULL, &text);
	lms_buf_release(&text);
	lms_free(path);
	return err;
}

static bool matches(const struct lms_facilitator *f,
		    const struct lms_facilitator_query *q)
{
	return (!q->kind || f->kind == q->kind) &&
	       (!q->topic || lms_facilitator_word_in(f->topics, f->ntopics,
						      q->topic)) &&
	       (!q->trained || lms_facilitator_word_in(f->trained, f->ntrained,
							q->trained)) &&
	       (q->on == LMS_DATE_NONE || lms_facilitator_available_on(f, q->on));
}

/* Keeps the entries of out that keep[i] marks, in their order. */
static void keep_marked(struct lms_facilitator_found *out, const bool *keep)
{
	size_t k = 0;

	for (size_t i = 0; i < out->n; i++) {
		if (keep[i])
			out->v[k++] = out->v[i];
		else
			lms_schema_release(&lms_facilitator_schema, &out->v[i]);
	}
	out->n = k;
}

int lms_ops_facilitators_find(const struct lms_ops_io *io,
			      const struct lms_facilitator_query *q,
			      struct lms_facilitator_found *out)
{
	struct lms_booked_set b;
	bool *keep;
	int err;

	memset(out, 0, sizeof(*out));
	memset(&b, 0, sizeof(b));
	if ((err = io->load_facilitators(io->arg, &out->v, &out->n)))
		return err;
	if (q->on != LMS_DATE_NONE &&
	    (err = lms_ops_bookings(io, q->on, q->on, NULL, &b))) {
		lms_facilitator_found_release(out);
		return err;
	}
	keep = lms_calloc(out->n + 1, sizeof(*keep));
	for (size_t i = 0; i < out->n; i++)
		keep[i] = matches(&out->v[i], q) &&
			  !lms_booked_at(&b, out->v[i].id, q->on, q->start,
					 q->end);
	keep_marked(out, keep);
	lms_free(keep);
	out->unread = b.unread;
	out->nunread = b.nunread;
	b.unread = NULL;
	lms_booked_set_release(&b);
	return 0;
}

void lms_facilitator_found_release(struct lms_facilitator_found *f)
{
	lms_facilitators_free(f->v, f->n);
	lms_free(f->unread);
	memset(f, 0, sizeof(*f));
}

/* Moves the entry of id out of the n of all, into *out; its number from
 * 1, or 0 if none has that id. */
static size_t take_entry(struct lms_facilitator *all, size_t n,
			 const char *id, struct lms_facilitator *out)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(all[i].id, id))
			continue;
		*out = all[i];
		memset(&all[i], 0, sizeof(all[i]));
		return i + 1;
	}
	return 0;
}

static int load_entry(const char *path, const struct lms_buf *text,
		      const char *id, struct lms_facilitator *out,
		      size_t *index)
{
	struct lms_facilitator *all = NULL;
	size_t n = 0;
	int err = lms_facilitators_load(&all, &n, path, text->buf, text->len,
					NULL);

	if (!err && !(*index = take_entry(all, n, id, out)))
		err = lms_facilitator_check(all, n, id, 0);
	lms_facilitators_free(all, n);
	return err;
}

/* The pairs spliced into text, one by one. */
static int edit_entry(struct lms_buf *text, const char *path, size_t index,
		      const char *id, const char *const *pairs, size_t n)
{
	struct lms_facilitator now;
	size_t at;
	int err = 0;

	for (size_t i = 0; i < n && !err; i++) {
		size_t len = strcspn(pairs[i], "=");
		char *key = lms_strndup(pairs[i], len);

		/* The entry as the changes before left it. */
		lms_schema_init(&lms_facilitator_schema, &now);
		if (!(err = load_entry(path, text, id, &now, &at)))
			err = lms_facilitator_set(text, path, index, &now, key,
						  pairs[i] + len + 1);
		lms_schema_release(&lms_facilitator_schema, &now);
		lms_free(key);
	}
	return err;
}

/* The edited text must load as the file would; its lines are not those
 * of any file, so the message names the file instead. */
static int check_edit(const char *path, const struct lms_buf *text,
		      const char *id, struct lms_facilitator *after)
{
	char why[sizeof(lms_last_error()->msg)];
	size_t index;
	int err = load_entry(path, text, id, after, &index);

	if (err) {
		/* Copied: the new message is written where the old one is. */
		snprintf(why, sizeof(why), "%s", lms_last_error()->msg);
		err = lms_error(err, _("%s: the change would not load: %s"),
				path, why);
	}
	return err;
}

int lms_ops_facilitator_set(const struct lms_ops_io *io, const char *id,
			    const char *const *pairs, size_t n,
			    struct lms_facilitator *before,
			    struct lms_facilitator *after)
{
	struct lms_buf text = LMS_BUF_INIT;
	char *path = io->path(io->arg, LMS_FILE_FACILITATORS, NULL);
	size_t index = 0;
	int err;

	lms_schema_init(&lms_facilitator_schema, before);
	lms_schema_init(&lms_facilitator_schema, after);
	err = io->load_text(io->arg, LMS_FILE_FACILITATORS, NULL, &text);
	if (err == LMS_ENOENT) {
		lms_error_clear();
		err = lms_facilitator_check(NULL, 0, id, 0);
	}
	if (!err)
		err = load_entry(path, &text, id, before, &index);
	if (!err && !(err = edit_entry(&text, path, index, id, pairs, n)) &&
	    !(err = check_edit(path, &text, id, after)))
		err = io->save(io->arg, LMS_FILE_FACILITATORS, NULL, &text);
	if (err) {
		lms_schema_release(&lms_facilitator_schema, before);
		lms_schema_release(&lms_facilitator_schema, after);
	}
	lms_buf_release(&text);
	lms_free(path);
	return err;
}

/* lms facilitator show */

static const struct lms_course_facilitator *listed(const struct lms_course *c,
						   const char *id)
{
	for (size_t i = 0; i < c->nfacilitators; i++)
		if (!strcmp(c->facilitators[i].id, id))
			return &c->facilitators[i];
	return NULL;
}

/* Whether id leads session s, and adds it to out if so. */
static bool add_led(struct lms_facilitator_record *out,
		    const struct lms_course *c, const struct lms_session *s)
{
	const char *who;
	struct lms_led_session *x;

	for (size_t k = 0; (who = lms_session_leader(c, s, k)); k++) {
		if (strcmp(who, out->entry.id))
			continue;
		if (c->status == LMS_COURSE_CANCELLED)
			return true;
		x = lms_array_push(&out->sessions, &out->nsessions,
				   sizeof(*x));
		x->course = lms_strdup(c->id);
		x->date = s->date;
		x->start = s->start;
		x->end = s->end;
		x->theme = s->theme ? lms_strdup(s->theme) : NULL;
		return true;
	}
	return false;
}

static void add_course(struct lms_facilitator_record *out,
		       const struct lms_course *c, int32_t today)
{
	const struct lms_course_facilitator *cf = listed(c, out->entry.id);
	struct lms_facilitator_course x = {
		NULL, NULL, c->status, 0, cf ? cf->phases : 0,
		LMS_DATE_NONE, LMS_DATE_NONE
	};
	bool leads = false;

	for (size_t i = 0; i < c->nsessions; i++) {
		int32_t d = c->sessions[i].date;

		leads |= add_led(out, c, &c->sessions[i]);
		if (d >= today && (x.next == LMS_DATE_NONE || d < x.next))
			x.next = d;
		if (x.last == LMS_DATE_NONE || d > x.last)
			x.last = d;
	}
	if (!cf && !leads)
		return;
	/* What they are on this course: its role, else the registry's. */
	x.kind = lms_course_facilitator_kind(c, &out->entry, out->entry.id);
	x.id = lms_strdup(c->id);
	x.title = lms_strdup(c->title);
	*(struct lms_facilitator_course *)lms_array_push(
		&out->courses, &out->ncourses, sizeof(x)) = x;
}

static int by_date(const void *a, const void *b)
{
	const struct lms_led_session *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->course, y->course);
}

/* The sessions from today in date order, then those past, the latest
 * first: in date order, the past ones turned round and put last. */
static void order_sessions(struct lms_led_session *v, size_t n, int32_t today)
{
	struct lms_led_session *past;
	size_t p = 0;

	lms_array_sort(v, n, sizeof(*v), by_date);
	while (p < n && v[p].date < today)
		p++;
	if (!p)
		return;
	past = lms_malloc(p * sizeof(*past));
	for (size_t i = 0; i < p; i++)
		past[i] = v[p - 1 - i];
	memmove(v, v + p, (n - p) * sizeof(*v));
	memcpy(v + (n - p), past, p * sizeof(*past));
	lms_free(past);
}

/* With a session to come, by the next; then by the last, the latest
 * first; then those without sessions. */
static int group(const struct lms_facilitator_course *c)
{
	return c->next != LMS_DATE_NONE ? 0 : c->last != LMS_DATE_NONE ? 1 : 2;
}

static int by_course(const void *a, const void *b)
{
	const struct lms_facilitator_course *x = a, *y = b;
	int gx = group(x), gy = group(y);

	if (gx != gy)
		return gx < gy ? -1 : 1;
	if (gx == 0 && x->next != y->next)
		return x->next < y->next ? -1 : 1;
	if (gx == 1 && x->last != y->last)
		return x->last > y->last ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int load_registry_entry(const struct lms_ops_io *io, const char *id,
			       struct lms_facilitator *out)
{
	struct lms_facilitator *all = NULL;
	size_t n = 0;
	int err = io->load_facilitators(io->arg, &all, &n);

	if (!err && !take_entry(all, n, id, out))
		err = lms_facilitator_check(all, n, id, 0);
	lms_facilitators_free(all, n);
	return err;
}

int lms_ops_facilitator_show(const struct lms_ops_io *io, const char *id,
			     struct lms_facilitator_record *out)
{
	char **ids = NULL;
	size_t nids = 0;
	int err;

	memset(out, 0, sizeof(*out));
	lms_schema_init(&lms_facilitator_schema, &out->entry);
	if ((err = load_registry_entry(io, id, &out->entry)) ||
	    (err = io->course_ids(io->arg, &ids, &nids))) {
		lms_facilitator_record_release(out);
		return err;
	}
	for (size_t i = 0; i < nids; i++) {
		struct lms_course c;

		if (io->load_course(io->arg, ids[i], &c, NULL)) {
			struct lms_error *e = lms_array_push(
				&out->unread, &out->nunread, sizeof(*e));

			*e = *lms_last_error();
			lms_error_clear();
			continue;
		}
		add_course(out, &c, io->today);
		lms_course_release(&c);
	}
	lms_strings_free(ids, nids);
	order_sessions(out->sessions, out->nsessions, io->today);
	lms_array_sort(out->courses, out->ncourses, sizeof(*out->courses),
		       by_course);
	return 0;
}

void lms_facilitator_record_release(struct lms_facilitator_record *r)
{
	lms_schema_release(&lms_facilitator_schema, &r->entry);
	for (size_t i = 0; i < r->ncourses; i++) {
		lms_free(r->courses[i].id);
		lms_free(r->courses[i].title);
	}
	lms_free(r->courses);
	for (size_t i = 0; i < r->nsessions; i++) {
		lms_free(r->sessions[i].course);
		lms_free(r->sessions[i].theme);
	}
	lms_free(r->sessions);
	lms_free(r->unread);
	memset(r, 0, sizeof(*r));
}
