#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "error.h"
#include "i18n.h"
#include "opsio.h"
#include "yparse.h"

/* The tree's side of struct lms_ops_io: the store's loads and writes. */

static int tree_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	if (text)
		return lms_tree_load_course_text(arg, id, out, text);
	return lms_tree_load_course(arg, id, out, NULL);
}

static int tree_load_enrolments(void *arg, const char *course,
				struct lms_enrolments *out)
{
	return lms_tree_load_enrolments(arg, course, out);
}

static int tree_load_attendance(void *arg, const char *course,
				struct lms_attendance *out)
{
	return lms_tree_load_attendance(arg, course, out);
}

static int tree_load_facilitators(void *arg, struct lms_facilitator **out,
				  size_t *n)
{
	return lms_tree_load_facilitators(arg, out, n, NULL);
}

static char *tree_path(void *arg, enum lms_file f, const char *course)
{
	return lms_tree_file(arg, f, course);
}

static int tree_save(void *arg, enum lms_file f, const char *course,
		     const struct lms_buf *text)
{
	return lms_tree_save(arg, f, course, text);
}

static int tree_has_course(void *arg, const char *id)
{
	return lms_tree_has_course(arg, id);
}

static int tree_load_template(void *arg, const char *id,
			      struct lms_template *out)
{
	return lms_tree_load_template(arg, id, out, NULL);
}

static int tree_course_ids(void *arg, char ***out, size_t *n)
{
	return lms_tree_course_ids(arg, out, n);
}

static int tree_load_register(void *arg, struct lms_register *out)
{
	return lms_tree_load_register(arg, out);
}

static int tree_save_register(void *arg, const struct lms_register *r)
{
	/* The store refuses without the lock (lms_tree_write). */
	return lms_tree_save_register(arg, r);
}

static int tree_load_form(void *arg, const char *id, struct lms_form *out)
{
	return lms_tree_load_form(arg, id, out, NULL);
}

static int tree_load_evaluations(void *arg, const char *course,
				 struct lms_evaluations *out)
{
	return lms_tree_load_evaluations(arg, course, out);
}

static int tree_load_text(void *arg, enum lms_file f, const char *course,
			  struct lms_buf *out)
{
	return lms_tree_load_text(arg, f, course, out);
}

static int tree_mark_used_ids(void *arg, const struct lms_register *r,
			      struct lms_strset *ask)
{
	return lms_tree_mark_used_ids(arg, r, ask);
}

static bool marked(const char *id, void *ask)
{
	return lms_strset_get(ask, id) != NULL;
}

int lms_ops_free_ids(const struct lms_ops_io *io, const struct lms_register *r,
		     size_t need, struct lms_id_pool *pool)
{
	int err = 0;

	/* 2.2 billion ids: a draw of ids in use is rare even in a national
	 * tree, so one round almost always does, and 8 cannot fail by
	 * chance. */
	for (int round = 0; round < 8 && !err; round++) {
		struct lms_strset ask;

		if (lms_id_pool_left(pool) >= need)
			return 0;
		if ((err = lms_id_pool_draw(pool, need -
					    lms_id_pool_left(pool) + 4)))
			break;
		lms_strset_init(&ask);
		for (size_t i = pool->next; i < pool->n; i++)
			lms_strset_add(&ask, pool->v[i], NULL);
		if (!(err = io->mark_used_ids(io->arg, r, &ask)))
			lms_id_pool_drop(pool, marked, &ask);
		lms_strset_release(&ask);
	}
	if (!err && lms_id_pool_left(pool) < need)
		err = lms_error(LMS_EIO, "%s",
				_("cannot find a free person id"));
	return err;
}

void lms_ops_tree_io(struct lms_ops_io *io, struct lms_tree *t)
{
	io->arg = t;
	io->today = 0;
	io->load_course = tree_load_course;
	io->load_enrolments = tree_load_enrolments;
	io->load_attendance = tree_load_attendance;
	io->load_facilitators = tree_load_facilitators;
	io->path = tree_path;
	io->save = tree_save;
	io->course_ids = tree_course_ids;
	io->load_register = tree_load_register;
	io->save_register = tree_save_register;
	io->has_course = tree_has_course;
	io->load_template = tree_load_template;
	io->load_form = tree_load_form;
	io->load_evaluations = tree_load_evaluations;
	io->load_text = tree_load_text;
	io->mark_used_ids = tree_mark_used_ids;
}

/* Who leads a session must be someone the service knows. */
static int check_led_by(const struct lms_ops_io *io, const struct lms_course *c)
{
	struct lms_facilitator *all = NULL;
	size_t nall = 0;
	int err = io->load_facilitators(io->arg, &all, &nall);

	for (size_t i = 0; i < c->nsessions && !err; i++)
		for (size_t j = 0; j < c->sessions[i].nled_by && !err; j++)
			err = lms_facilitator_check(all, nall,
						    c->sessions[i].led_by[j],
						    i + 1);
	lms_facilitators_free(all, nall);
	return err;
}

/* The last error's message after "key: " (the course's key it is of). */
static int error_of_key(int err, const char *key)
{
	char msg[sizeof(lms_last_error()->msg)];

	snprintf(msg, sizeof(msg), "%s", lms_last_error()->msg);
	return lms_error(err, "%s: %s", key, msg);
}

/*
 * A template or form that a change names anew must be in templates/ or
 * forms/: lms check would find it missing, and a typo is best told of
 * where it is made.  One that was named before stays the check's to
 * report, so that an edit of something else is not refused for it.
 */
static int check_new_names(const struct lms_ops_io *io,
			   const struct lms_course *before,
			   const struct lms_course *after)
{
	int err;

	if (after->template && (!before->template ||
				strcmp(before->template, after->template))) {
		struct lms_template t;

		if ((err = io->load_template(io->arg, after->template, &t)))
			return error_of_key(err, "template");
		lms_template_release(&t);
	}
	for (size_t i = 0; i < after->nforms; i++) {
		struct lms_form f;

		if (lms_course_lists_form(before, after->forms[i]))
			continue;
		if ((err = io->load_form(io->arg, after->forms[i], &f)))
			return error_of_key(err, "forms");
		lms_form_release(&f);
	}
	return 0;
}

int lms_ops_check_course(const struct lms_ops_io *io,
			 const struct lms_course *before,
			 const struct lms_buf *text, struct lms_course *after)
{
	char *path = io->path(io->arg, LMS_FILE_COURSE, before->id);
	int err = lms_course_load(after, path, text->buf, text->len, before->id,
				  NULL);

	if (err) {
		char msg[sizeof(lms_last_error()->msg)];

		snprintf(msg, sizeof(msg), "%s", lms_last_error()->msg);
		err = lms_error(err, _("the change would leave %s invalid: "
				       "%s"), path, msg);
	} else if ((err = check_led_by(io, after)) ||
		   (err = check_new_names(io, before, after))) {
		lms_course_release(after);
	}
	lms_free(path);
	return err;
}

int lms_ops_save_enrolments(const struct lms_ops_io *io, const char *course,
			    const struct lms_enrolments *e)
{
	struct lms_buf text = LMS_BUF_INIT;
	int err;

	lms_enrolments_emit(&text, e);
	err = io->save(io->arg, LMS_FILE_ENROLMENTS, course, &text);
	lms_buf_release(&text);
	return err;
}

int lms_ops_edit_course(const struct lms_ops_io *io, const char *course,
			lms_course_edit_fn *edit, void *arg,
			struct lms_course *before, struct lms_course *after)
{
	struct lms_buf text = LMS_BUF_INIT;
	char *path;
	int err;

	if ((err = io->load_course(io->arg, course, before, &text)))
		goto out;
	path = io->path(io->arg, LMS_FILE_COURSE, before->id);
	err = edit(&text, path, before, arg);
	lms_free(path);
	if (!err && !(err = lms_ops_check_course(io, before, &text, after)) &&
	    (err = io->save(io->arg, LMS_FILE_COURSE, before->id, &text)))
		lms_course_release(after);
	if (err)
		lms_course_release(before);
out:
	lms_buf_release(&text);
	return err;
}

int lms_ops_load_text_or_empty(const struct lms_ops_io *io, enum lms_file f,
			       const char *course, struct lms_buf *text)
{
	int err = io->load_text(io->arg, f, course, text);

	if (err == LMS_ENOENT) {
		lms_error_clear();
		err = 0;
	}
	return err;
}
