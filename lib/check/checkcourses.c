#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "check.h"
#include "checkctx.h"
#include "conflicts.h"
#include "date.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "id.h"
#include "walk.h"

/* One course as a worker reads it. */
struct course_slot {
	struct lms_course course;
	bool loaded, selected;
	bool enrolments_read;		/* the file loaded (or is not there) */
	struct lms_enrolments enrolments;
	struct lms_attendance attendance;
	struct lms_evaluations evaluations;
	struct lms_findings found;
};

/* One of the files lms keeps beside course.yaml: checked for personal
 * data, then loaded; NULL if it did not load. */
static void *course_file(struct lms_tree *t, const struct lms_names *names,
			 const char *id, const char *name,
			 int (*load)(void *out, const char *path,
				     const char *text, size_t len),
			 void *obj, char **path, struct lms_findings *out)
{
	*path = lms_tree_path(t, "courses/%s/%s", id, name);
	if (!read_text(*path, &t->text, true, out))
		return NULL;
	lms_check_text(names, *path, t->text.buf, t->text.len, false, out);
	if (load(obj, *path, t->text.buf, t->text.len)) {
		load_failed(out);
		return NULL;
	}
	return obj;
}

static int load_enrolments(void *o, const char *p, const char *s, size_t n)
{
	return lms_enrolments_load(o, p, s, n);
}

static int load_attendance(void *o, const char *p, const char *s, size_t n)
{
	return lms_attendance_load(o, p, s, n);
}

static int load_evaluations(void *o, const char *p, const char *s, size_t n)
{
	return lms_evaluations_load(o, p, s, n);
}

/* The course's plan, read into text, which it keeps for the findings'
 * places; false if it did not load. */
static bool read_plan(const struct lms_names *names, const char *id,
		      struct course_slot *s, struct lms_course_files_check *cf,
		      struct lms_buf *text)
{
	struct lms_diags diags = { NULL, 0 };
	struct lms_findings *out = &s->found;
	const char *path = cf->course_path;

	if (!read_text(path, text, false, out))
		return false;
	lms_check_text(names, path, text->buf, text->len, false, out);
	if (lms_course_load(&s->course, path, text->buf, text->len, NULL,
			    &diags)) {
		load_failed(out);
	} else {
		s->loaded = true;
		if (strcmp(s->course.id, id))
			lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, path,
				    s->course.mark.line, s->course.mark.col,
				    _("the id '%s' is not the folder's name "
				      "'%s'"),
				    s->course.id, id);
	}
	lms_check_diags(&diags, out);
	lms_diags_release(&diags);
	return s->loaded;
}

static void check_one(struct checking *ck, struct lms_tree *t, const char *id,
		      struct course_slot *s)
{
	struct lms_findings *out = &s->found;
	struct lms_buf rel = LMS_BUF_INIT, text = LMS_BUF_INIT;
	struct lms_course_files_check cf = { .id = id };
	const struct lms_names *names = &ck->x->names;
	char *ep = NULL, *ap = NULL, *vp = NULL;

	cf.course_path = lms_tree_path(t, "courses/%s/course.yaml", id);
	if (read_plan(names, id, s, &cf, &text)) {
		cf.course = &s->course;
		cf.course_text = text.buf;
		cf.course_len = text.len;
	}
	/* The files beside it are read even when the plan is broken: they
	 * may hold personal data all the same. */
	cf.enrolments = course_file(t, names, id, "enrolments.yaml",
				    load_enrolments, &s->enrolments, &ep, out);
	cf.attendance = course_file(t, names, id, "attendance.yaml",
				    load_attendance, &s->attendance, &ap, out);
	cf.evaluations = course_file(t, names, id, "evaluations.yaml",
				     load_evaluations, &s->evaluations, &vp, out);
	s->enrolments_read = cf.enrolments != NULL;
	cf.enrolments_path = ep;
	cf.attendance_path = ap;
	cf.evaluations_path = vp;
	if (cf.course)
		lms_check_course(ck->x, &cf, out);
	lms_buf_addf(&rel, "courses/%s", id);
	check_files_under(t, names, rel.buf, is_course_file, &text, out);
	free((char *)cf.course_path);
	free(ep);
	free(ap);
	free(vp);
	lms_buf_release(&rel);
	lms_buf_release(&text);
}

static int read_course(void *arg, struct lms_tree *t, const char *id,
		       void *slot)
{
	struct checking *ck = arg;
	struct course_slot *s = slot;
	char *path;

	lms_findings_init(&s->found, ck->out->rules);
	s->selected = !ck->x->opt->ncourses ||
		      lms_strset_has(&ck->chosen, id);
	if (s->selected) {
		check_one(ck, t, id, s);
		return 0;
	}
	/* Another course, read only for the times it books. */
	path = lms_tree_path(t, "courses/%s/course.yaml", id);
	if (lms_tree_read(t, path) == 0 &&
	    lms_course_load(&s->course, path, t->text.buf, t->text.len, NULL,
			    NULL) == 0)
		s->loaded = true;
	free(path);
	return 0;
}

/* The course's sessions as bookings of its facilitators and places. */
static void book(struct checking *ck, uint32_t number,
		 const struct lms_course *c)
{
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];

		lms_bookings_add(&ck->places, lms_session_place(c, i), number, s);
		if (s->nled_by) {
			for (size_t j = 0; j < s->nled_by; j++)
				lms_bookings_add(&ck->people, s->led_by[j],
						 number, s);
			continue;
		}
		/* Without led_by, those who deliver the course lead it, and
		 * those whose phases are not given (as lms calendar has it). */
		for (size_t j = 0; j < c->nfacilitators; j++)
			if (!c->facilitators[j].phases ||
			    (c->facilitators[j].phases & LMS_DELIVER))
				lms_bookings_add(&ck->people,
						 c->facilitators[j].id, number, s);
	}
}

static int take_course(void *arg, size_t i, void *slot)
{
	struct checking *ck = arg;
	struct course_slot *s = slot;

	if (s->selected)
		lms_findings_move(ck->out, &s->found);
	if (s->selected && !s->enrolments_read)
		ck->enrolments_broken = true;
	for (size_t j = 0; s->selected && j < s->enrolments.n; j++)
		lms_strset_add(&ck->on_courses, s->enrolments.v[j].person, NULL);
	if (s->loaded && s->course.status != LMS_COURSE_CANCELLED)
		book(ck, (uint32_t)i, &s->course);
	if (ck->progress)
		ck->progress(i + 1, ck->ncourses, ck->progress_arg);
	return 0;
}

static void release_course(void *arg, void *slot)
{
	struct course_slot *s = slot;

	(void)arg;
	lms_course_release(&s->course);
	lms_enrolments_release(&s->enrolments);
	lms_attendance_release(&s->attendance);
	lms_evaluations_release(&s->evaluations);
	lms_findings_release(&s->found);
}

/* The courses named, which must exist; their numbers marked in chosen. */
static int choose(struct checking *ck, char **ids, size_t n, bool **selected)
{
	const struct lms_check_options *opt = ck->x->opt;

	*selected = NULL;
	if (!opt->ncourses)
		return 0;
	for (size_t i = 0; i < opt->ncourses; i++) {
		if (!lms_tree_course_exists(ck->x->tree, opt->courses[i]))
			return lms_error(LMS_ENOENT, _("no such course: '%s'"),
					 opt->courses[i]);
		lms_strset_add(&ck->chosen, opt->courses[i], NULL);
	}
	*selected = lms_calloc(n + 1, sizeof(bool));
	for (size_t i = 0; i < n; i++)
		(*selected)[i] = lms_strset_has(&ck->chosen, ids[i]);
	return 0;
}

int check_courses(struct checking *ck)
{
	struct lms_walk w = {
		.tree = ck->x->tree, .slot_size = sizeof(struct course_slot),
		.read = read_course, .take = take_course,
		.release = release_course, .arg = ck
	};
	bool *selected = NULL;
	int err = list_courses(ck->x->tree, &ck->x->names, &w.ids, &w.n,
			       !ck->x->opt->ncourses, ck->out);

	ck->ncourses = w.n;
	if (!err && !(err = choose(ck, w.ids, w.n, &selected)) &&
	    !(err = lms_walk_courses(&w))) {
		lms_bookings_check(&ck->people, ck->x->tree, w.ids, selected,
				   ck->out);
		lms_bookings_check(&ck->places, ck->x->tree, w.ids, selected,
				   ck->out);
	}
	free(selected);
	lms_strings_free(w.ids, w.n);
	return err;
}
