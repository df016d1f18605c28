#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "alloc.h"
#include "buf.h"
#include "coursefiles.h"
#include "fsio.h"
#include "treedoc.h"
#include "treelist.h"

/*
 * The store's reads for lms check (treedoc.h, coursefiles.h) and its
 * listings (treelist.h), over a copy of tests/fixtures/check, worked in
 * from its root so that paths are as messages name them.
 */
static char root[64];
static int cwd = -1;
static struct lms_tree tree;

static int run(const char *fmt, const char *arg)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), fmt, arg);
	return system(cmd);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-treedoc-XXXXXX");
	assert_non_null(mkdtemp(root));
	assert_int_equal(run("cp -R tests/fixtures/check/. '%s'", root), 0);
	cwd = open(".", O_RDONLY | O_DIRECTORY);
	assert_true(cwd >= 0);
	assert_int_equal(chdir(root), 0);
	assert_int_equal(lms_tree_open(&tree, "."), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_tree_release(&tree);
	assert_int_equal(fchdir(cwd), 0);
	close(cwd);
	return run("rm -rf '%s'", root);
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void a_file_is_read_and_loaded_with_its_notes(void **state)
{
	struct lms_tree_doc d;
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_COURSE, "matlaging",
					   false, &d), 0);
	assert_string_equal(d.path, "courses/matlaging/course.yaml");
	assert_string_equal(d.id, "matlaging");
	assert_true(d.read);
	assert_false(d.missing);
	assert_false(d.loaded);
	assert_non_null(strstr(d.text.buf, "capasity: 3\n"));
	assert_int_equal(lms_tree_doc_course(&d, &c), 0);
	assert_true(d.loaded);
	assert_string_equal(c.id, "matlaging");
	/* The unknown key, placed. */
	assert_int_equal(d.diags.n, 1);
	assert_int_equal(d.diags.v[0].at.line, 6);
	assert_int_equal(d.diags.v[0].at.col, 1);
	lms_course_release(&c);
	lms_tree_doc_release(&d);
}

static void a_course_is_not_held_to_its_folder(void **state)
{
	struct lms_tree_doc d;
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_COURSE, "feil",
					   false, &d), 0);
	assert_int_equal(lms_tree_doc_course(&d, &c), 0);
	assert_string_equal(c.id, "morgen2");
	lms_course_release(&c);
	lms_tree_doc_release(&d);
}

static void a_file_that_does_not_load_keeps_its_error(void **state)
{
	struct lms_tree_doc d;
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_COURSE, "knust",
					   false, &d), 0);
	assert_int_equal(lms_tree_doc_course(&d, &c), LMS_EDATA);
	lms_error_clear();
	assert_true(d.read);
	assert_false(d.loaded);
	assert_int_equal(d.error.code, LMS_EDATA);
	assert_string_equal(d.error.path, "courses/knust/course.yaml");
	assert_int_equal(d.error.line, 1);
	assert_int_equal(d.error.col, 5);
	lms_course_release(&c);
	lms_tree_doc_release(&d);
}

static void a_missing_file_is_empty_if_it_may_be(void **state)
{
	struct lms_tree_doc d;
	struct lms_enrolments e;

	(void)state;
	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_ENROLMENTS, "jul",
					   true, &d), 0);
	assert_true(d.read);
	assert_true(d.missing);
	assert_int_equal(d.text.len, 0);
	assert_int_equal(lms_tree_doc_enrolments(&d, &e), 0);
	assert_int_equal(e.n, 0);
	lms_enrolments_release(&e);
	lms_tree_doc_release(&d);

	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_ATTENDANCE, "jul",
					   false, &d), LMS_ENOENT);
	assert_false(d.read);
	assert_true(d.missing);
	assert_int_equal(d.error.code, LMS_ENOENT);
	lms_tree_doc_release(&d);
}

static void a_file_that_cannot_be_read_is_no_missing_one(void **state)
{
	struct lms_tree_doc d;

	(void)state;
	assert_int_equal(mkdir("courses/jul/attendance.yaml", 0755), 0);
	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_ATTENDANCE, "jul",
					   true, &d), LMS_EDATA);
	assert_false(d.read);
	assert_false(d.missing);
	assert_int_equal(d.text.len, 0);
	assert_string_equal(d.error.msg, "cannot read "
			    "'courses/jul/attendance.yaml': it is a folder, "
			    "not a regular file");
	lms_tree_doc_release(&d);
}

static void the_service_files_load(void **state)
{
	struct lms_tree_doc d;
	struct lms_service s;
	struct lms_facilitator *f;
	struct lms_register r;
	struct lms_form form;
	struct lms_template tpl;
	size_t n;

	(void)state;
	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_SERVICE, NULL,
					   false, &d), 0);
	assert_int_equal(lms_tree_doc_service(&d, &s), 0);
	lms_service_release(&s);
	lms_tree_doc_release(&d);

	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_FACILITATORS, NULL,
					   true, &d), 0);
	assert_int_equal(lms_tree_doc_facilitators(&d, &f, &n), 0);
	assert_true(n > 0);
	lms_facilitators_free(f, n);
	lms_tree_doc_release(&d);

	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_REGISTER, NULL,
					   false, &d), 0);
	assert_int_equal(lms_tree_doc_register(&d, &r), 0);
	assert_true(r.n > 0);
	lms_register_release(&r);
	lms_tree_doc_release(&d);

	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_FORM,
					   "kursevaluering", false, &d), 0);
	assert_int_equal(lms_tree_doc_form(&d, &form), 0);
	assert_string_equal(form.id, "kursevaluering");
	lms_form_release(&form);
	lms_tree_doc_release(&d);

	assert_int_equal(lms_tree_doc_read(&tree, LMS_FILE_TEMPLATE,
					   "mestringstreff", false, &d), 0);
	assert_int_equal(lms_tree_doc_template(&d, &tpl), 0);
	lms_template_release(&tpl);
	lms_tree_doc_release(&d);
}

static void a_course_s_files_are_read_whatever_the_others(void **state)
{
	struct lms_course_files cf;

	(void)state;
	lms_course_files_load(&tree, "matlaging", LMS_COURSE_FILES_ALL, NULL,
			      &cf);
	assert_true(cf.plan.loaded && cf.enrolments_doc.loaded &&
		    cf.attendance_doc.loaded && cf.evaluations_doc.loaded);
	assert_string_equal(cf.data.course.id, "matlaging");
	assert_int_equal(cf.data.enrolments.n, 2);
	assert_string_equal(cf.evaluations_doc.path,
			    "courses/matlaging/evaluations.yaml");
	lms_course_files_release(&cf);

	/* A broken plan: the files beside it are read all the same. */
	put("courses/knust/enrolments.yaml", "- person: [\n");
	lms_course_files_load(&tree, "knust", LMS_COURSE_FILES_ALL, NULL,
			      &cf);
	assert_true(cf.plan.read);
	assert_false(cf.plan.loaded);
	assert_true(cf.enrolments_doc.read);
	assert_false(cf.enrolments_doc.loaded);
	assert_string_equal(cf.enrolments_doc.error.path,
			    "courses/knust/enrolments.yaml");
	assert_true(cf.attendance_doc.loaded && cf.attendance_doc.missing);
	lms_course_files_release(&cf);

	lms_course_files_load(&tree, "matlaging", LMS_COURSE_FILES_PLAN, NULL,
			      &cf);
	assert_true(cf.plan.loaded);
	assert_false(cf.enrolments_doc.read);
	assert_int_equal(cf.data.enrolments.n, 0);
	lms_course_files_release(&cf);
}

/* A listing of the folder says which files are there: those it lacks are
 * missing unread, what it cannot tell (a link) is read. */
static void a_course_s_folder_says_which_files_to_read(void **state)
{
	const char *fe = "courses/matlaging/facilitator-evaluations.yaml";
	struct lms_course_folder folder;
	struct lms_course_files cf;

	(void)state;
	lms_course_folder_list(&tree, "matlaging", &folder);
	assert_true(folder.listed);
	assert_int_equal(lms_course_folder_has(&folder, LMS_FILE_COURSE), 1);
	assert_int_equal(lms_course_folder_has(
		&folder, LMS_FILE_FACILITATOR_EVALUATIONS), 0);
	/* Made after the listing: not read, as the listing was taken. */
	put(fe, "- [\n");
	lms_course_files_load(&tree, "matlaging", LMS_COURSE_FILES_ALL,
			      &folder, &cf);
	assert_true(cf.facilitator_evaluations_doc.missing &&
		    cf.facilitator_evaluations_doc.loaded);
	assert_string_equal(cf.facilitator_evaluations_doc.path, fe);
	assert_true(cf.enrolments_doc.loaded);
	assert_int_equal(cf.data.enrolments.n, 2);
	lms_course_files_release(&cf);
	lms_course_folder_release(&folder);

	/* Listed again, it is there, and read. */
	lms_course_folder_list(&tree, "matlaging", &folder);
	lms_course_files_load(&tree, "matlaging", LMS_COURSE_FILES_ALL,
			      &folder, &cf);
	assert_true(cf.facilitator_evaluations_doc.read &&
		    !cf.facilitator_evaluations_doc.loaded);
	lms_course_files_release(&cf);
	lms_course_folder_release(&folder);

	/* A link where it should be: the listing cannot tell. */
	assert_int_equal(unlink(fe), 0);
	assert_int_equal(symlink("enrolments.yaml", fe), 0);
	lms_course_folder_list(&tree, "matlaging", &folder);
	assert_int_equal(lms_course_folder_has(
		&folder, LMS_FILE_FACILITATOR_EVALUATIONS), -1);
	lms_course_folder_release(&folder);

	/* A name that differs only in case: a file system that ignores
	 * case opens it as the file, so the listing cannot tell. */
	assert_int_equal(unlink(fe), 0);
	put("courses/matlaging/Facilitator-Evaluations.yaml", "[]\n");
	lms_course_folder_list(&tree, "matlaging", &folder);
	assert_int_equal(lms_course_folder_has(
		&folder, LMS_FILE_FACILITATOR_EVALUATIONS), -1);
	assert_int_equal(lms_course_folder_has(&folder, LMS_FILE_COURSE), 1);
	lms_course_folder_release(&folder);

	/* A folder that is not there is listed, and holds nothing. */
	lms_course_folder_list(&tree, "ingen", &folder);
	assert_true(folder.listed);
	assert_int_equal(lms_course_folder_has(&folder, LMS_FILE_COURSE), 0);
	lms_course_folder_release(&folder);
	/* One that cannot be listed (a file) tells nothing. */
	put("courses/fil", "x\n");
	lms_course_folder_list(&tree, "fil", &folder);
	assert_false(folder.listed);
	assert_int_equal(lms_course_folder_has(&folder, LMS_FILE_COURSE), -1);
	lms_course_folder_release(&folder);
}

static void assert_strings(char **v, size_t n, const char *want)
{
	struct lms_buf b = LMS_BUF_INIT;

	for (size_t i = 0; i < n; i++)
		lms_buf_addf(&b, "%s%s", i ? " " : "", v[i]);
	assert_string_equal(b.buf, want);
	lms_buf_release(&b);
}

static void the_ids_of_a_folder_s_files(void **state)
{
	char **ids;
	size_t n;

	(void)state;
	put("forms/.notes.yaml", "x\n");
	put("forms/notes.txt", "x\n");
	put("forms/.yaml", "x\n");
	assert_int_equal(mkdir("forms/sub.yaml.d", 0755), 0);
	assert_int_equal(lms_tree_ids(&tree, LMS_FILE_FORM, &ids, &n), 0);
	assert_strings(ids, n, "kursevaluering mestringstro tull");
	lms_strings_free(ids, n);
	assert_int_equal(lms_tree_ids(&tree, LMS_FILE_TEMPLATE, &ids, &n), 0);
	assert_strings(ids, n, "mal mestringstreff");
	lms_strings_free(ids, n);
	assert_int_equal(lms_tree_ids(&tree, LMS_FILE_COURSE, &ids, &n), 0);
	assert_strings(ids, n, "feil jul knust kveld matlaging morgen");
	lms_strings_free(ids, n);
	/* A file without an id has none. */
	assert_int_equal(lms_tree_ids(&tree, LMS_FILE_SERVICE, &ids, &n), 0);
	assert_int_equal(n, 0);
	/* No folder: nothing there. */
	assert_int_equal(run("rm -rf %s", "templates"), 0);
	assert_int_equal(lms_tree_ids(&tree, LMS_FILE_TEMPLATE, &ids, &n), 0);
	assert_int_equal(n, 0);
	assert_null(ids);
}

/* A folder that cannot be listed is an error, never "nothing there". */
static void a_folder_that_cannot_be_listed_is_an_error(void **state)
{
	char **v;
	size_t n;

	(void)state;
	assert_int_equal(run("rm -rf %s", "forms courses"), 0);
	put("forms", "not a folder\n");
	put("courses", "not a folder\n");
	assert_int_equal(lms_tree_ids(&tree, LMS_FILE_FORM, &v, &n), LMS_EIO);
	assert_string_equal(lms_last_error()->msg,
			    "cannot read folder 'forms': Not a directory");
	assert_int_equal(n, 0);
	assert_null(v);
	assert_int_equal(lms_tree_list(&tree, LMS_FILE_COURSES, NULL, &v, &n),
			 LMS_EIO);
	assert_string_equal(lms_last_error()->msg,
			    "cannot read folder 'courses': Not a directory");
	assert_int_equal(n, 0);
}

static void the_list_of_a_folder(void **state)
{
	char **v;
	size_t n;

	(void)state;
	assert_int_equal(lms_tree_list(&tree, LMS_FILE_COURSE_DIR, "kveld",
				       &v, &n), 0);
	lms_strings_sort(v, n);
	assert_strings(v, n, "course.yaml enrolments.yaml meetings.yaml paamelding.csv");
	lms_strings_free(v, n);
	assert_int_equal(lms_tree_list(&tree, LMS_FILE_COURSE_DIR, "ingen",
				       &v, &n), 0);
	assert_int_equal(n, 0);
}

static void a_path_is_a_file_of_the_layout(void **state)
{
	(void)state;
	assert_true(lms_file_is(LMS_FILE_SERVICE, "lms.yaml"));
	assert_false(lms_file_is(LMS_FILE_SERVICE, "people/lms.yaml"));
	assert_true(lms_file_is(LMS_FILE_FORM, "forms/a.yaml"));
	assert_false(lms_file_is(LMS_FILE_FORM, "forms/.a.yaml"));
	assert_false(lms_file_is(LMS_FILE_FORM, "forms/sub/a.yaml"));
	assert_false(lms_file_is(LMS_FILE_FORM, "forms/a.yml"));
	assert_true(lms_file_is(LMS_FILE_COURSE, "courses/a/course.yaml"));
	assert_false(lms_file_is(LMS_FILE_COURSE, "courses/a/b/course.yaml"));
	assert_true(lms_file_is(LMS_FILE_COURSES, "courses"));
	assert_true(lms_file_in(LMS_FILE_LOCK, ".lms"));
	assert_false(lms_file_in(LMS_FILE_LOCK, ".lms/lock"));
	assert_true(lms_file_in(LMS_FILE_FORM, "forms"));
	assert_true(lms_file_in(LMS_FILE_ATTENDANCE, "courses/a"));
	assert_true(lms_file_in(LMS_FILE_SERVICE, ""));
	assert_true(lms_file_is_temporary(LMS_FILE_REGISTER,
					  "people/.participants.yaml.Ab12Cd"));
	assert_false(lms_file_is_temporary(LMS_FILE_REGISTER,
					   "people/participants.yaml"));
	assert_true(lms_file_is_temporary(LMS_FILE_ENROLMENTS,
					  "courses/a/.enrolments.yaml.x"));
	/* The layout's own name for the register's temporaries agrees. */
	assert_int_equal(fnmatch(LMS_PARTICIPANTS_TEMPORARY,
				 "people/.participants.yaml.Ab12Cd", 0), 0);
}

struct seen {
	struct lms_buf files, unreadable;
};

static bool skip_forms(const char *rel, void *arg)
{
	(void)arg;
	return !strcmp(rel, "forms");
}

static void file(const char *path, void *arg)
{
	lms_buf_addf(&((struct seen *)arg)->files, "%s\n", path);
}

static void unreadable(const char *path, void *arg)
{
	lms_buf_addf(&((struct seen *)arg)->unreadable, "%s: %s\n", path,
		     lms_last_error()->msg);
}

static void the_files_under_a_folder_are_visited(void **state)
{
	struct seen s = { LMS_BUF_INIT, LMS_BUF_INIT };
	struct lms_tree_visit v = { skip_forms, file, unreadable, &s };

	(void)state;
	assert_int_equal(mkdir("notater/mer", 0755), 0);
	put("notater/mer/b.txt", "x\n");
	assert_int_equal(symlink("../forms", "notater/lenke"), 0);
	assert_int_equal(mkfifo("notater/fifo", 0644), 0);
	lms_tree_visit(&tree, "notater", &v);
	assert_non_null(strstr(s.files.buf, "notater/referat.txt\n"));
	assert_non_null(strstr(s.files.buf, "notater/mer/b.txt\n"));
	assert_int_equal(strlen(s.files.buf),
			 strlen("notater/referat.txt\nnotater/mer/b.txt\n"));
	assert_int_equal(s.unreadable.len, 0);
	/* The whole tree, forms/ passed by. */
	lms_buf_reset(&s.files);
	lms_tree_visit(&tree, "", &v);
	assert_non_null(strstr(s.files.buf, "courses/kveld/paamelding.csv\n"));
	assert_null(strstr(s.files.buf, "forms/"));
	/* What cannot be listed is heard, with why. */
	lms_tree_visit(&tree, "lms.yaml", &v);
	assert_string_equal(s.unreadable.buf, "lms.yaml: cannot read folder "
			    "'lms.yaml': Not a directory\n");
	lms_buf_release(&s.files);
	lms_buf_release(&s.unreadable);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_file_is_read_and_loaded_with_its_notes),
		T(a_course_is_not_held_to_its_folder),
		T(a_file_that_does_not_load_keeps_its_error),
		T(a_missing_file_is_empty_if_it_may_be),
		T(a_file_that_cannot_be_read_is_no_missing_one),
		T(the_service_files_load),
		T(a_course_s_files_are_read_whatever_the_others),
		T(a_course_s_folder_says_which_files_to_read),
		T(the_ids_of_a_folder_s_files),
		T(a_folder_that_cannot_be_listed_is_an_error),
		T(the_list_of_a_folder),
		T(a_path_is_a_file_of_the_layout),
		T(the_files_under_a_folder_are_visited),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
