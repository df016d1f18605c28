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

/*
 * lms check over a tree: the files of the service first (lms.yaml, the
 * facilitators, forms and templates, the register and whatever else lies
 * in the tree), then every course, read on all cores by a walk, and last
 * the conflicts between courses, which need them all.
 */

/* The context */

const struct lms_facilitator *lms_check_facilitator(
	const struct lms_check_ctx *x, const char *id)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&x->facilitator_index, id);

	return i ? &x->facilitators[i - 1] : NULL;
}

const struct lms_form *lms_check_form(const struct lms_check_ctx *x,
				      const char *id)
{
	uintptr_t i = (uintptr_t)lms_strset_get(&x->form_index, id);

	return i ? &x->forms[i - 1] : NULL;
}

bool lms_check_template(const struct lms_check_ctx *x, const char *id)
{
	for (size_t i = 0; i < x->ntemplates; i++)
		if (!strcmp(x->template_ids[i], id))
			return true;
	return false;
}

/* A file that did not load: the loader's error, as a finding. */
static void load_failed(struct lms_findings *out)
{
	const struct lms_error *e = lms_last_error();

	lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, e->path, e->line, e->col,
		    "%s", e->msg);
}

/* Reads path into text; a missing file is empty when may_miss. */
static bool read_text(const char *path, struct lms_buf *text, bool may_miss,
		      struct lms_findings *out)
{
	int err = lms_read_file(path, lms_limits_default.max_file, text);

	if (err == LMS_ENOENT && may_miss) {
		lms_buf_reset(text);
		return true;
	}
	if (err)
		lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, path, 0, 0, "%s",
			    lms_last_error()->msg);
	return !err;
}

/* After load_people: the facilitators' names are public, so the same
 * names in the register are not looked for in files. */
static void load_facilitators(struct lms_check_ctx *x, bool report,
			      struct lms_findings *out)
{
	char *path = lms_tree_path(x->tree, LMS_FACILITATORS_FILE);
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_diags diags = { NULL, 0 };

	if (read_text(path, &text, true, out)) {
		if (lms_facilitators_load(&x->facilitators, &x->nfacilitators,
					  path, text.buf, text.len, &diags)) {
			if (report)
				load_failed(out);
			x->facilitators_broken = true;
		}
		for (size_t i = 0; i < x->nfacilitators; i++)
			if (x->facilitators[i].name)
				lms_names_add_public(&x->names,
						     x->facilitators[i].name);
		if (report)
			lms_check_text(&x->names, path, text.buf, text.len, true,
				       out);
	}
	if (report)
		lms_check_diags(&diags, out);
	x->facilitator_ids = lms_calloc(x->nfacilitators + 1, sizeof(char *));
	for (size_t i = 0; i < x->nfacilitators; i++) {
		x->facilitator_ids[i] = x->facilitators[i].id;
		lms_strset_add(&x->facilitator_index, x->facilitators[i].id,
			       (void *)(uintptr_t)(i + 1));
	}
	lms_diags_release(&diags);
	lms_buf_release(&text);
	free(path);
}

/* The ids of the YAML files in a folder of the tree, sorted. */
static int yaml_ids(const struct lms_tree *t, const char *folder,
		    char ***ids, size_t *n)
{
	char *dir = lms_tree_path(t, "%s", folder);
	char **names;
	size_t nnames;
	int err = lms_dir_list(dir, &names, &nnames);

	*ids = NULL;
	*n = 0;
	free(dir);
	for (size_t i = 0; i < nnames; i++) {
		size_t len = strlen(names[i]);

		if (len > 5 && !strcmp(names[i] + len - 5, ".yaml") &&
		    names[i][0] != '.')
			*(char **)lms_array_push(ids, n, sizeof(char *)) =
				lms_strndup(names[i], len - 5);
	}
	lms_strings_free(names, nnames);
	lms_strings_sort(*ids, *n);
	return err;
}

static int load_forms(struct lms_check_ctx *x, bool report,
		      struct lms_findings *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char **ids;
	size_t n;
	int err = yaml_ids(x->tree, "forms", &ids, &n);

	x->forms = lms_calloc(n + 1, sizeof(*x->forms));
	x->form_ids = lms_calloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		char *path = lms_tree_path(x->tree, "forms/%s.yaml", ids[i]);
		struct lms_diags diags = { NULL, 0 };
		struct lms_form *f = &x->forms[x->nforms];

		if (read_text(path, &text, false, out)) {
			if (report)
				lms_check_text(&x->names, path, text.buf,
					       text.len, false, out);
			if (lms_form_load(f, path, text.buf, text.len, ids[i],
					  &diags)) {
				if (report)
					load_failed(out);
				/* It is there, if broken: one error is enough. */
				lms_strset_add(&x->broken_forms, ids[i], NULL);
			} else {
				x->form_ids[x->nforms++] = f->id;
				lms_strset_add(&x->form_index, f->id,
					       (void *)(uintptr_t)x->nforms);
			}
		}
		if (report)
			lms_check_diags(&diags, out);
		lms_diags_release(&diags);
		free(path);
	}
	lms_strings_free(ids, n);
	lms_buf_release(&text);
	return err;
}

static int load_templates(struct lms_check_ctx *x, bool report,
			  struct lms_findings *out)
{
	struct lms_buf text = LMS_BUF_INIT;
	char **ids;
	size_t n;
	int err = yaml_ids(x->tree, "templates", &ids, &n);

	x->template_ids = (const char **)ids;
	x->ntemplates = n;
	for (size_t i = 0; i < n && report; i++) {
		char *path = lms_tree_path(x->tree, "templates/%s.yaml", ids[i]);
		struct lms_diags diags = { NULL, 0 };
		struct lms_template tpl;

		if (read_text(path, &text, false, out)) {
			lms_check_text(&x->names, path, text.buf, text.len,
				       false, out);
			if (lms_template_load(&tpl, path, text.buf, text.len,
					      ids[i], &diags))
				load_failed(out);
			else
				lms_template_release(&tpl);
		}
		lms_check_diags(&diags, out);
		lms_diags_release(&diags);
		free(path);
	}
	lms_buf_release(&text);
	return err;
}

/*
 * The register's ids, and its names to look for in the files meant for
 * git.  It is read though others may read it too (lms_check_register
 * says so): its names must be looked for all the same.
 */
static void load_people(struct lms_check_ctx *x, struct lms_findings *out)
{
	char *path = lms_tree_path(x->tree, LMS_PARTICIPANTS_FILE);
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_register *r = &x->reg;
	int err = lms_read_file(path, lms_limits_default.max_file, &text);

	if (err == LMS_ENOENT) {
		/* no register yet */
	} else if (err || lms_register_load(r, path, text.buf, text.len)) {
		load_failed(out);
	} else {
		x->have_people = true;
		for (size_t i = 0; i < r->n; i++) {
			lms_strset_add(&x->people, r->v[i].id, NULL);
			if (r->v[i].name)
				lms_names_add(&x->names, r->v[i].name);
		}
	}
	lms_buf_release(&text);
	free(path);
}

static void ctx_init(struct lms_check_ctx *x, struct lms_tree *t,
		     const struct lms_check_options *opt)
{
	memset(x, 0, sizeof(*x));
	x->tree = t;
	x->opt = opt;
	lms_strset_init(&x->facilitator_index);
	lms_strset_init(&x->form_index);
	lms_strset_init(&x->broken_forms);
	lms_strset_init(&x->people);
	lms_names_init(&x->names);
}

static void ctx_release(struct lms_check_ctx *x)
{
	lms_facilitators_free(x->facilitators, x->nfacilitators);
	free(x->facilitator_ids);
	for (size_t i = 0; i < x->nforms; i++)
		lms_form_release(&x->forms[i]);
	free(x->forms);
	free(x->form_ids);
	lms_strings_free((char **)x->template_ids, x->ntemplates);
	lms_strset_release(&x->facilitator_index);
	lms_strset_release(&x->form_index);
	lms_strset_release(&x->broken_forms);
	lms_strset_release(&x->people);
	lms_names_release(&x->names);
	lms_register_release(&x->reg);
}

/* The service's own files */

static void check_service(struct lms_check_ctx *x, struct lms_findings *out)
{
	char *path = lms_tree_path(x->tree, LMS_SERVICE_FILE);
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_diags diags = { NULL, 0 };
	struct lms_service s;

	if (read_text(path, &text, false, out)) {
		lms_check_text(&x->names, path, text.buf, text.len, false, out);
		lms_schema_init(&lms_service_schema, &s);
		if (lms_load_text(path, text.buf, text.len, &lms_service_schema,
				  &s, &diags))
			load_failed(out);
		lms_service_release(&s);
	}
	lms_check_diags(&diags, out);
	lms_diags_release(&diags);
	lms_buf_release(&text);
	free(path);
}

/*
 * Files that the loaders read, or that are private, which the search for
 * other files meant for git passes by: paths relative to the tree.
 */
static bool read_elsewhere(const char *rel)
{
	static const char *const patterns[] = {
		LMS_SERVICE_FILE, LMS_FACILITATORS_FILE, LMS_PARTICIPANTS_FILE,
		LMS_PARTICIPANTS_TEMPORARY, "forms/*.yaml", "templates/*.yaml",
		".git", ".lms", "courses", NULL
	};

	/* FNM_PERIOD: forms/.notes.yaml is no form, and is read here. */
	for (const char *const *p = patterns; *p; p++)
		if (fnmatch(*p, rel, FNM_PATHNAME | FNM_PERIOD) == 0)
			return true;
	return false;
}

/*
 * Every file under rel (a folder of the tree) that skip does not pass
 * by, checked for personal data.  Symbolic links are not followed.
 */
static void check_files_under(const struct lms_tree *t,
			      const struct lms_names *people, const char *rel,
			      bool (*skip)(const char *rel),
			      struct lms_buf *scratch, struct lms_findings *out)
{
	char *dir = lms_tree_path(t, "%s", *rel ? rel : ".");
	char **names;
	size_t n;

	if (lms_dir_list(dir, &names, &n))
		lms_finding(out, LMS_RULE_PRIVACY, LMS_WARNING, dir, 0, 0,
			    _("could not be read to check for personal data: "
			      "%s"),
			    lms_last_error()->msg);
	free(dir);
	for (size_t i = 0; i < n; i++) {
		struct lms_buf sub = LMS_BUF_INIT;
		struct stat st;
		char *path;

		lms_buf_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		path = lms_tree_path(t, "%s", sub.buf);
		if (!skip(sub.buf) && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				check_files_under(t, people, sub.buf, skip,
						  scratch, out);
			else if (S_ISREG(st.st_mode))
				lms_check_file(people, path, scratch, out);
		}
		free(path);
		lms_buf_release(&sub);
	}
	lms_strings_free(names, n);
}

static void check_service_files(struct lms_check_ctx *x,
				struct lms_findings *out)
{
	struct lms_buf scratch = LMS_BUF_INIT;

	check_service(x, out);
	lms_check_register(x->tree, out);
	check_files_under(x->tree, &x->names, "", read_elsewhere, &scratch,
			  out);
	lms_buf_release(&scratch);
}

/* The courses */

static bool nothing_read_elsewhere(const char *rel)
{
	(void)rel;
	return false;
}

/* A folder under courses/ that holds no course: an error, unless it is
 * hidden (as git and ls leave such), and its files read for personal
 * data all the same. */
static void not_a_course(const struct lms_tree *t,
			 const struct lms_names *names, const char *name,
			 struct lms_buf *scratch, struct lms_findings *out)
{
	struct lms_buf rel = LMS_BUF_INIT;
	char *path = lms_tree_path(t, "courses/%s", name);

	if (name[0] != '.')
		lms_finding(out, LMS_RULE_SCHEMA, LMS_ERROR, path, 0, 0, "%s",
			    lms_id_valid(name) ?
			    _("a course folder without course.yaml") :
			    _("a course folder's name must be a course id: "
			      "lower-case letters, digits and '-'"));
	lms_buf_addf(&rel, "courses/%s", name);
	check_files_under(t, names, rel.buf, nothing_read_elsewhere, scratch,
			  out);
	lms_buf_release(&rel);
	free(path);
}

/*
 * The folders under courses/: the ids of those that hold a course, and
 * findings for those that cannot (a name that is no id, no course.yaml).
 * Files there are checked for personal data.  A courses/ that cannot be
 * read fails the check: it would find nothing wrong in it.
 */
static int list_courses(const struct lms_tree *t,
			const struct lms_names *people, char ***ids,
			size_t *n, bool report, struct lms_findings *out)
{
	char *dir = lms_tree_path(t, "courses");
	struct lms_buf scratch = LMS_BUF_INIT;
	char **names;
	size_t nnames;
	int err = lms_dir_list(dir, &names, &nnames);

	*ids = NULL;
	*n = 0;
	free(dir);
	for (size_t i = 0; i < nnames && !err; i++) {
		char *path = lms_tree_path(t, "courses/%s", names[i]);
		int found = 0;

		if (!lms_is_dir(path)) {
			if (report)
				lms_check_file(people, path, &scratch, out);
		} else if (lms_id_valid(names[i]) &&
			   (found = lms_tree_has_course(t, names[i])) < 0) {
			err = found;
		} else if (!found) {
			if (report)
				not_a_course(t, people, names[i], &scratch,
					     out);
		} else {
			*(char **)lms_array_push(ids, n, sizeof(char *)) =
				lms_strdup(names[i]);
		}
		free(path);
	}
	lms_strings_free(names, nnames);
	lms_buf_release(&scratch);
	lms_strings_sort(*ids, *n);
	return err;
}

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

/* What the walk's callbacks share. */
struct checking {
	struct lms_check_ctx *x;
	struct lms_findings *out;
	struct lms_strset chosen;	/* the courses named, if any */
	struct lms_bookings people, places;
	struct lms_strset on_courses;	/* who any course names */
	bool enrolments_broken;		/* some did not load: on_courses is
					 * not everyone */
	size_t ncourses;
	void (*progress)(size_t done, size_t total, void *arg);
	void *progress_arg;
};

static int slashes(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '/';
	return n;
}

/* courses/ID/course.yaml and the others that lms reads itself. */
static bool is_course_file(const char *rel)
{
	static const char *const names[] = {
		"course.yaml", "enrolments.yaml", "attendance.yaml",
		"evaluations.yaml", NULL
	};
	const char *base = strrchr(rel, '/');

	base = base ? base + 1 : rel;
	for (const char *const *p = names; *p; p++)
		if (!strcmp(base, *p) && slashes(rel) == 2)
			return true;
	return false;
}

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

static int check_courses(struct checking *ck)
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

/*
 * Records in the register that no course names.  Someone registered ahead
 * of their course is kept, as lms purge keeps them, for retention_months
 * after their consent; past that, or without a consent date, nothing
 * explains the record.  Only ids are named: this runs where a name must
 * never be printed.
 */
static void check_on_no_course(const struct checking *ck,
			       struct lms_findings *out)
{
	const struct lms_check_ctx *x = ck->x;
	int months = x->tree->service.retention_months;
	int32_t cutoff = lms_date_add_months(x->opt->today, -months);
	char *path;

	if (!x->have_people || ck->enrolments_broken)
		return;
	path = lms_tree_path(x->tree, LMS_PARTICIPANTS_FILE);
	for (size_t i = 0; i < x->reg.n; i++) {
		const struct lms_person *p = &x->reg.v[i];

		if (lms_strset_has(&ck->on_courses, p->id))
			continue;
		if (p->consent == LMS_DATE_NONE)
			lms_finding(out, LMS_RULE_PRIVACY, LMS_WARNING, path,
				    p->mark.line, p->mark.col, _("%s is on no "
				    "course and has no consent date: nothing "
				    "explains keeping the record (lms person "
				    "forget %s)"), p->id, p->id);
		else if (p->consent < cutoff)
			lms_finding(out, LMS_RULE_PRIVACY, LMS_WARNING, path,
				    p->mark.line, p->mark.col,
				    lms_n_("%s is on no course and gave consent "
					   "more than %d month ago: lms purge "
					   "forgets the record", "%s is on no "
					   "course and gave consent more than %d "
					   "months ago: lms purge forgets the "
					   "record", (unsigned long)months),
				    p->id, months);
	}
	free(path);
}

int lms_check_tree(struct lms_tree *t, const struct lms_check_options *opt,
		   struct lms_findings *out)
{
	struct lms_check_ctx x;
	struct checking ck = { .x = &x, .out = out,
			       .progress = opt->progress,
			       .progress_arg = opt->progress_arg };
	bool whole = !opt->ncourses;
	int err;

	lms_findings_init(out, opt->rules);
	ctx_init(&x, t, opt);
	lms_strset_init(&ck.chosen);
	lms_strset_init(&ck.on_courses);
	lms_bookings_init(&ck.people, "facilitator", LMS_ERROR);
	lms_bookings_init(&ck.places, "place", LMS_WARNING);
	load_people(&x, out);
	load_facilitators(&x, whole, out);
	if (!(err = load_forms(&x, whole, out)))
		err = load_templates(&x, whole, out);
	if (!err && whole)
		check_service_files(&x, out);
	if (!err)
		err = check_courses(&ck);
	if (!err && whole)
		check_on_no_course(&ck, out);
	lms_strset_release(&ck.on_courses);
	lms_bookings_release(&ck.people);
	lms_bookings_release(&ck.places);
	lms_strset_release(&ck.chosen);
	ctx_release(&x);
	if (err)
		lms_findings_release(out);
	else
		lms_findings_sort(out);
	return err;
}
