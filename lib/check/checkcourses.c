#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "checkctx.h"
#include "coursefiles.h"
#include "error.h"
#include "i18n.h"
#include "index.h"
#include "walk.h"

/*
 * The courses, read on all cores by a walk: those checked with every
 * file lms keeps of them, the others for the times they book, which the
 * conflicts between courses need.
 */

/* One course as a worker reads it. */
struct course_slot {
	struct lms_course_files files;
	bool selected;
	bool no_course;		/* a folder that holds none */
	struct lms_findings found;
};

/* What reading and loading one of the course's files found, in the order
 * a reader meets it: the file unread, what looks like personal data in it,
 * what did not load. */
static void report_file(const struct lms_names *names,
			const struct lms_tree_doc *d, struct lms_findings *out)
{
	if (lms_check_unread(d, out))
		return;
	lms_check_text(names, d->path, d->text.buf, d->text.len, false, out);
	if (!d->loaded)
		lms_check_failed(&d->error, out);
}

static void check_one(struct lms_check_walk *ck, struct lms_tree *t,
		      const char *id, const struct lms_course_folder *folder,
		      struct course_slot *s)
{
	struct lms_course_files *cf = &s->files;
	struct lms_findings *out = &s->found;
	const struct lms_names *names = &ck->x->names;
	struct lms_buf scratch = LMS_BUF_INIT;

	lms_course_files_load(t, id, LMS_COURSE_FILES_ALL, folder, cf);
	report_file(names, &cf->plan, out);
	if (cf->plan.loaded && strcmp(cf->data.course.id, id))
		lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, cf->plan.path,
			    cf->data.course.mark.line, cf->data.course.mark.col,
			    _("the id '%s' is not the folder's name '%s'"),
			    cf->data.course.id, id);
	lms_check_diags(&cf->plan.diags, out);
	report_file(names, &cf->enrolments_doc, out);
	report_file(names, &cf->attendance_doc, out);
	report_file(names, &cf->evaluations_doc, out);
	report_file(names, &cf->meetings_doc, out);
	report_file(names, &cf->facilitator_evaluations_doc, out);
	if (cf->plan.loaded)
		lms_check_course(ck->x, cf, out);
	lms_check_course_folder(t, names, id, folder, &scratch, out);
	lms_buf_release(&scratch);
}

/* Whether the folder of id holds a course: what its listing says of
 * course.yaml, or, where that cannot tell, a look (which follows a
 * link). */
static int holds_course(const struct lms_tree *t, const char *id,
			const struct lms_course_folder *folder)
{
	int has = lms_course_folder_has(folder, LMS_FILE_COURSE);

	return has >= 0 ? has : lms_tree_has_course(t, id);
}

/* What read_course reads of a course, once it knows what is there. */
static void read_course_files(struct lms_check_walk *ck, struct lms_tree *t,
			  const char *id,
			  const struct lms_course_folder *folder,
			  struct course_slot *s)
{
	if (s->no_course) {
		struct lms_buf scratch = LMS_BUF_INIT;

		lms_check_not_a_course(t, &ck->x->names, id, &scratch,
				       &s->found);
		lms_buf_release(&scratch);
	} else if (s->selected) {
		check_one(ck, t, id, folder, s);
	} else if (!ck->index) {	/* another, read for the times it books */
		lms_course_files_load(t, id, LMS_COURSE_FILES_PLAN, NULL,
				      &s->files);
	}
}

static int read_course(void *arg, struct lms_tree *t, const char *id,
		       void *slot)
{
	struct lms_check_walk *ck = arg;
	struct course_slot *s = slot;
	struct lms_course_folder folder = { NULL, NULL, 0, false };

	lms_findings_init(&s->found, ck->out->rules);
	s->selected = !ck->x->opt->ncourses ||
		      lms_strset_has(&ck->chosen, id);
	/* What the folder holds, listed once for all that is asked of it. */
	if (s->selected)
		lms_course_folder_list(t, id, &folder);
	/* A check of the tree walks every folder named by an id: whether it
	 * holds a course is asked here (lms_check_list_courses). */
	if (!ck->x->opt->ncourses) {
		int found = holds_course(t, id, &folder);

		if (found < 0) {
			lms_course_folder_release(&folder);
			return found;
		}
		s->no_course = !found;
	}
	read_course_files(ck, t, id, &folder, s);
	lms_course_folder_release(&folder);
	return 0;
}

/* The course's sessions as bookings of its facilitators and places. */
static void book(struct lms_check_walk *ck, uint32_t number,
		 const struct lms_course *c)
{
	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *s = &c->sessions[i];

		const char *who;

		lms_bookings_add(&ck->places, lms_session_place(c, i), number, s);
		for (size_t k = 0; (who = lms_session_leader(c, s, k)); k++)
			lms_bookings_add(&ck->people, who, number, s);
	}
}

/*
 * For a check of some courses, the keys and days that their plans book,
 * read first: the other courses' bookings are kept only on those (a
 * conflict is of one key on one day), not the millions of a national
 * tree.  A plan that does not load now keeps every booking, as before.
 */
static void want_chosen(struct lms_check_walk *ck)
{
	const struct lms_check_options *opt = ck->x->opt;
	bool all_loaded = true;

	for (size_t i = 0; i < opt->ncourses && all_loaded; i++) {
		struct lms_course_files f;
		const struct lms_course *c = &f.data.course;

		lms_course_files_load(ck->x->tree, opt->courses[i],
				      LMS_COURSE_FILES_PLAN, NULL, &f);
		all_loaded = f.plan.loaded;
		for (size_t j = 0; all_loaded && j < c->nsessions; j++) {
			const struct lms_session *s = &c->sessions[j];
			const char *who;

			lms_bookings_want(&ck->places,
					  lms_session_place(c, j), s);
			for (size_t k = 0;
			     (who = lms_session_leader(c, s, k)); k++)
				lms_bookings_want(&ck->people, who, s);
		}
		lms_course_files_release(&f);
	}
	if (!all_loaded) {
		ck->places.filtered = ck->people.filtered = false;
	} else {
		/* Named, even without a session: only theirs are kept. */
		ck->places.filtered = ck->people.filtered = true;
	}
}

/*
 * Another course's bookings from the index, which reads its plan only if
 * it changed; here, on one thread and in the courses' order, so that the
 * bookings are the same, in the same order, as from the plans.
 */
static int book_indexed(struct lms_check_walk *ck, uint32_t number,
			const char *id)
{
	const struct lms_index_entry *e;
	struct lms_course c;
	int err = lms_index_get(ck->index, id,
				LMS_INDEX_KIND(LMS_INDEX_BOOKINGS), &e);

	if (err)
		return err;
	lms_index_bookings(e, &c);
	book(ck, number, &c);
	lms_course_release(&c);
	return 0;
}

static int take_course(void *arg, size_t i, void *slot)
{
	struct lms_check_walk *ck = arg;
	struct course_slot *s = slot;
	int err;

	if (s->no_course) {
		lms_findings_move(ck->out, &s->found);
		return 0;
	}
	if (!s->selected && ck->index &&
	    (err = book_indexed(ck, (uint32_t)i, ck->ids[i])))
		return err;
	if (s->selected && ck->index)	/* not a change of the index */
		lms_index_keep(ck->index, ck->ids[i]);
	if (s->selected)
		lms_findings_move(ck->out, &s->found);
	if (s->selected && !s->files.enrolments_doc.loaded)
		ck->enrolments_broken = true;
	for (size_t j = 0; s->selected && ck->on_courses &&
			   j < s->files.data.enrolments.n; j++) {
		uintptr_t k = (uintptr_t)lms_strset_get(&ck->x->people,
				s->files.data.enrolments.v[j].person);

		if (k)
			ck->on_courses[k - 1] = true;
	}
	if (s->files.plan.loaded &&
	    s->files.data.course.status != LMS_COURSE_CANCELLED)
		book(ck, (uint32_t)i, &s->files.data.course);
	if (ck->progress)
		ck->progress(i + 1, ck->ncourses, ck->progress_arg);
	return 0;
}

static void release_course(void *arg, void *slot)
{
	struct course_slot *s = slot;

	(void)arg;
	lms_course_files_release(&s->files);
	lms_findings_release(&s->found);
}

/* The courses named, which must exist; their numbers marked in chosen. */
static int choose(struct lms_check_walk *ck, char **ids, size_t n,
		  bool **selected)
{
	const struct lms_check_options *opt = ck->x->opt;

	*selected = NULL;
	if (!opt->ncourses)
		return 0;
	for (size_t i = 0; i < opt->ncourses; i++) {
		int found = lms_tree_has_course(ck->x->tree, opt->courses[i]);

		if (found <= 0)
			return found < 0 ? found :
			       lms_error(LMS_ENOENT, _("no such course: '%s'"),
					 opt->courses[i]);
		lms_strset_add(&ck->chosen, opt->courses[i], NULL);
	}
	*selected = lms_calloc(n + 1, sizeof(bool));
	for (size_t i = 0; i < n; i++)
		(*selected)[i] = lms_strset_has(&ck->chosen, ids[i]);
	return 0;
}

int lms_check_courses(struct lms_check_walk *ck)
{
	struct lms_walk w = {
		.tree = ck->x->tree, .slot_size = sizeof(struct course_slot),
		.read = read_course, .take = take_course,
		.release = release_course, .arg = ck, .arena = true
	};
	bool *selected = NULL;
	int err = lms_check_list_courses(ck->x->tree, &ck->x->names, &w.ids,
					 &w.n, !ck->x->opt->ncourses, ck->out);

	ck->ncourses = w.n;
	ck->ids = w.ids;
	/* A check of the whole tree reads every course's files. */
	if (!ck->x->opt->ncourses)
		w.reads = 1u << LMS_FILE_COURSE | 1u << LMS_FILE_ENROLMENTS |
			  1u << LMS_FILE_ATTENDANCE |
			  1u << LMS_FILE_EVALUATIONS | 1u << LMS_FILE_MEETINGS |
			  1u << LMS_FILE_FACILITATOR_EVALUATIONS;
	if (!err && !(err = choose(ck, w.ids, w.n, &selected)) && selected)
		want_chosen(ck);
	/* The other courses' files looked at on every core first: one
	 * by one as the walk takes them, a check of one course in 53,500
	 * took three times as long. */
	if (!err && ck->index)
		lms_index_look(ck->index, w.ids, w.n);
	if (!err && !(err = lms_walk_courses(&w))) {
		if (ck->index)
			lms_index_save(ck->index);
		if (!(err = lms_bookings_check(&ck->people, ck->x->tree, w.ids,
					       selected, ck->out)))
			err = lms_bookings_check(&ck->places, ck->x->tree,
						 w.ids, selected, ck->out);
	}
	lms_free(selected);
	lms_strings_free(w.ids, w.n);
	ck->ids = NULL;
	return err;
}
