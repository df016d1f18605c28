#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "alloc.h"
#include "buf.h"
#include "fsio.h"
#include "init.h"
#include "strset.h"
#include "tree.h"
#include "txn.h"

/* A new tree made by lms_init_tree in a folder of its own, opened. */
static char root[64], dir[80];
static struct lms_tree tree;

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-tree-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(dir, sizeof(dir), "%s/t", root);
	assert_int_equal(lms_init_tree(dir, "Testtjenesten", "9999"), 0);
	assert_int_equal(lms_tree_open(&tree, dir), 0);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	lms_tree_release(&tree);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static void put(const char *rel, const char *text)
{
	char *path = lms_tree_path(&tree, "%s", rel);
	char *parent = lms_strdup(path);

	size_t n = strlen(tree.root);

	/* A file as a person would put it there: no change, no lock. */
	*strrchr(parent, '/') = '\0';
	/* The root is no folder of the tree to make. */
	if (strcmp(parent, tree.root))
		assert_int_equal(lms_mkdirs_below(parent, n, 0755), 0);
	assert_int_equal(lms_write_below(path, n, text, strlen(text), 0), 0);
	free(parent);
	free(path);
}

static void assert_file(const char *rel, const char *text)
{
	char *path = lms_tree_path(&tree, "%s", rel);
	struct lms_buf b = LMS_BUF_INIT;

	assert_int_equal(lms_read_file(path, 1 << 20, &b), 0);
	assert_string_equal(b.buf, text);
	lms_buf_release(&b);
	free(path);
}

static void opens_only_a_tree(void **state)
{
	struct lms_tree t;
	char path[128], msg[192];

	(void)state;
	assert_string_equal(tree.service.name, "Testtjenesten");
	assert_string_equal(tree.service.municipality, "9999");
	snprintf(path, sizeof(path), "%s//", dir);
	assert_int_equal(lms_tree_open(&t, path), 0);
	assert_string_equal(t.root, dir);
	lms_tree_release(&t);
	snprintf(msg, sizeof(msg), "not an lms tree: no '%s/lms.yaml' (see "
		 "lms init)", root);
	assert_error(lms_tree_open(&t, root), LMS_ENOENT, 0, 0, msg);
}

/* The nearest tree upwards, as a path from the working directory. */
static void finds_the_tree_above(void **state)
{
	int cwd = open(".", O_RDONLY | O_DIRECTORY);
	char *found;

	(void)state;
	put("courses/a/notes/x.txt", "x\n");
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(lms_tree_find(&found), 0);
	assert_string_equal(found, ".");
	free(found);
	assert_int_equal(chdir("courses/a/notes"), 0);
	assert_int_equal(lms_tree_find(&found), 0);
	assert_string_equal(found, "../../..");
	free(found);
	assert_int_equal(chdir(root), 0);
	assert_error(lms_tree_find(&found), LMS_ENOENT, 0, 0,
		     "not in an lms tree: no lms.yaml here or in any folder "
		     "above (see lms init)");
	assert_null(found);
	assert_int_equal(fchdir(cwd), 0);
	close(cwd);
}

/* A course's files are read below courses/, held open, whether the tree
 * is a path or the working folder; errors name them from the root as
 * given, and a course with no plan is still no course. */
static void reads_below_the_folders_it_holds(void **state)
{
	int cwd = open(".", O_RDONLY | O_DIRECTORY);
	struct lms_tree here;
	struct lms_course c;

	(void)state;
	put("courses/a/course.yaml", "id: a\ntitle: A\n");
	put("courses/b/course.yaml", "id: b\ntitle: [\n");
	assert_true(tree.has_courses_fd);
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(lms_tree_open(&here, "."), 0);
	assert_true(here.has_courses_fd);
	assert_int_equal(lms_tree_load_course(&here, "a", &c, NULL), 0);
	assert_string_equal(c.title, "A");
	lms_course_release(&c);
	assert_int_equal(lms_tree_load_course(&here, "b", &c, NULL), LMS_EDATA);
	assert_string_equal(lms_last_error()->path, "courses/b/course.yaml");
	assert_error(lms_tree_load_course(&here, "none", &c, NULL), LMS_ENOENT,
		     0, 0, "no such course: 'none'");
	lms_tree_release(&here);
	assert_int_equal(fchdir(cwd), 0);
	close(cwd);
	assert_int_equal(lms_tree_load_course(&tree, "b", &c, NULL), LMS_EDATA);
	assert_string_equal(lms_last_error()->path + strlen(dir),
			    "/courses/b/course.yaml");
}

static void writes_only_inside_the_tree(void **state)
{
	char msg[192];

	(void)state;
	assert_int_equal(lms_tree_begin(&tree, 0), 0);
	assert_false(tree.recovered);
	put("courses/b/course.yaml", "id: b\ntitle: B\n");
	put("courses/a/course.yaml", "id: a\ntitle: A\n");
	assert_file("courses/a/course.yaml", "id: a\ntitle: A\n");
	snprintf(msg, sizeof(msg), "internal: '/tmp/x' is not in the tree "
		 "'%s'", dir);
	assert_error(lms_tree_write(&tree, "/tmp/x", "", 0, 0), LMS_EIO, 0, 0,
		     msg);
	snprintf(msg, sizeof(msg), "internal: '/tmp/y' is not in the tree "
		 "'%s'", dir);
	assert_error(lms_tree_mkdirs(&tree, "/tmp/y"), LMS_EIO, 0, 0, msg);
	assert_int_equal(lms_tree_end(&tree, 0, NULL), 0);
}

/* With a change open, writes are staged and land together at its commit. */
static void writes_into_the_change(void **state)
{
	char *path = lms_tree_file(&tree, LMS_FILE_COURSE, "c");
	struct lms_buf text = LMS_BUF_INIT;
	bool undone = true;

	(void)state;
	put("courses/c/course.yaml", "id: c\ntitle: C\n");
	assert_int_equal(lms_tree_begin(&tree, 0), 0);
	assert_int_equal(lms_tree_write(&tree, path, "id: c\ntitle: D\n", 15,
					0), 0);
	lms_buf_adds(&text, "id: d\ntitle: D\n");
	assert_int_equal(lms_tree_save(&tree, LMS_FILE_COURSE, "d", &text), 0);
	assert_file("courses/c/course.yaml", "id: c\ntitle: C\n");
	assert_int_equal(lms_tree_end(&tree, 0, &undone), 0);
	assert_false(undone);
	assert_file("courses/c/course.yaml", "id: c\ntitle: D\n");
	assert_file("courses/d/course.yaml", "id: d\ntitle: D\n");
	lms_buf_release(&text);
	free(path);
}

/* A change that failed is dropped; the store writes nothing outside one. */
static void writes_nothing_without_a_change(void **state)
{
	char *path = lms_tree_file(&tree, LMS_FILE_COURSE, "e");
	struct lms_buf text = LMS_BUF_INIT;
	char msg[192];

	(void)state;
	lms_buf_adds(&text, "id: e\ntitle: E\n");
	snprintf(msg, sizeof(msg), "internal: writing '%s' without the tree's "
		 "lock", path);
	assert_error(lms_tree_write(&tree, path, "x", 1, 0), LMS_EIO, 0, 0,
		     msg);
	assert_error(lms_tree_save(&tree, LMS_FILE_COURSE, "e", &text),
		     LMS_EIO, 0, 0, msg);
	assert_int_equal(lms_tree_begin(&tree, 0), 0);
	assert_int_equal(lms_tree_save(&tree, LMS_FILE_COURSE, "e", &text), 0);
	/* Text lms would not read back is refused, as is the register. */
	lms_buf_reset(&text);
	lms_buf_adds(&text, "id: [e\n");
	assert_int_equal(lms_tree_save(&tree, LMS_FILE_ATTENDANCE, "e", &text),
			 LMS_EDATA);
	assert_int_equal(lms_tree_save(&tree, LMS_FILE_REGISTER, NULL, &text),
			 LMS_EIO);
	assert_int_equal(lms_tree_end(&tree, LMS_EDATA, NULL), LMS_EDATA);
	assert_false(lms_exists(path));
	/* Read as it is, and missing as missing. */
	put("courses/e/course.yaml", "id: e\n");
	assert_int_equal(lms_tree_load_text(&tree, LMS_FILE_COURSE, "e",
					    &text), 0);
	assert_string_equal(text.buf, "id: e\n");
	assert_int_equal(lms_tree_load_text(&tree, LMS_FILE_FORM, "x", &text),
			 LMS_ENOENT);
	lms_buf_release(&text);
	free(path);
}

static void lists_courses(void **state)
{
	char **ids;
	size_t n;

	(void)state;
	assert_int_equal(lms_tree_course_ids(&tree, &ids, &n), 0);
	assert_int_equal(n, 0);
	put("courses/b/course.yaml", "id: b\ntitle: B\n");
	put("courses/a/course.yaml", "id: a\ntitle: A\n");
	put("courses/notes/x.txt", "x\n");
	put("courses/README", "x\n");
	assert_int_equal(lms_tree_course_ids(&tree, &ids, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(ids[0], "a");
	assert_string_equal(ids[1], "b");
	lms_strings_free(ids, n);
	assert_int_equal(lms_tree_has_course(&tree, "a"), 1);
	assert_int_equal(lms_tree_has_course(&tree, "notes"), 0);
	assert_int_equal(lms_tree_has_course(&tree, "b"), 1);
	assert_int_equal(lms_tree_has_course(&tree, "../b"), 0);
}

static void loads_what_is_there(void **state)
{
	struct lms_course c;
	struct lms_template tp;
	struct lms_form f;
	struct lms_facilitator *facs;
	size_t nfacs;
	struct lms_enrolments e;
	struct lms_attendance a;
	struct lms_evaluations ev;

	(void)state;
	put("courses/a/course.yaml", "id: a\ntitle: A\n");
	assert_int_equal(lms_tree_load_course(&tree, "a", &c, NULL), 0);
	assert_string_equal(c.title, "A");
	lms_course_release(&c);
	assert_error(lms_tree_load_course(&tree, "nope", &c, NULL), LMS_ENOENT,
		     0, 0, "no such course: 'nope'");
	assert_int_equal(lms_tree_load_course(&tree, "No!", &c, NULL),
			 LMS_EUSAGE);
	assert_int_equal(lms_tree_load_template(&tree, "mestringstreff", &tp,
						NULL), 0);
	assert_int_equal(tp.nsessions, 8);
	lms_template_release(&tp);
	assert_error(lms_tree_load_template(&tree, "nope", &tp, NULL),
		     LMS_ENOENT, 0, 0, "no such template: 'nope'");
	assert_int_equal(lms_tree_load_form(&tree, "mestringstro", &f, NULL),
			 0);
	lms_form_release(&f);
	assert_error(lms_tree_load_form(&tree, "nope", &f, NULL), LMS_ENOENT,
		     0, 0, "no such form: 'nope'");
	/* A course's own files and the facilitators: missing is empty. */
	assert_int_equal(lms_tree_load_enrolments(&tree, "a", &e), 0);
	assert_int_equal(e.n, 0);
	lms_enrolments_release(&e);
	assert_int_equal(lms_tree_load_attendance(&tree, "a", &a), 0);
	lms_attendance_release(&a);
	assert_int_equal(lms_tree_load_evaluations(&tree, "a", &ev), 0);
	assert_int_equal(ev.n, 0);
	lms_evaluations_release(&ev);
	assert_int_equal(lms_tree_load_facilitators(&tree, &facs, &nfacs, NULL),
			 0);
	lms_facilitators_free(facs, nfacs);
	{
		char *path = lms_tree_path(&tree, LMS_FACILITATORS_FILE);

		assert_int_equal(unlink(path), 0);
		free(path);
	}
	assert_int_equal(lms_tree_load_facilitators(&tree, &facs, &nfacs, NULL),
			 0);
	assert_int_equal(nfacs, 0);
	assert_null(facs);
}

static const char register_yaml[] =
	"- id: p-test01\n"
	"  name: Deltaker En\n"
	"  municipality: \"9999\"\n"
	"  consent: 2026-08-01\n";

/* The register: kept at 0600 and out of git; refused when others may
 * read it; missing, it is empty. */
static void keeps_the_register_private(void **state)
{
	char *path = lms_tree_path(&tree, LMS_PARTICIPANTS_FILE);
	struct lms_register r, back;
	struct stat st;
	char msg[256];

	(void)state;
	assert_int_equal(lms_tree_load_register(&tree, &r), 0);
	assert_int_equal(r.n, 0);
	lms_register_release(&r);
	/* A .gitignore that had none of the lines gets them all. */
	put(".gitignore", "*.bak");
	assert_int_equal(lms_register_load(&r, "r", register_yaml,
					   strlen(register_yaml)), 0);
	assert_int_equal(lms_tree_begin(&tree, 0), 0);
	assert_int_equal(lms_tree_save_register(&tree, &r), 0);
	assert_int_equal(lms_tree_end(&tree, 0, NULL), 0);
	lms_register_release(&r);
	assert_file(".gitignore", "*.bak\npeople/participants.yaml\n"
		    "people/.participants.yaml.*\npeople/report-key\n"
		    "people/.report-key.*\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(lms_tree_load_register(&tree, &back), 0);
	assert_int_equal(back.n, 1);
	assert_string_equal(back.v[0].id, "p-test01");
	lms_register_release(&back);
	assert_int_equal(chmod(path, 0640), 0);
	snprintf(msg, sizeof(msg), "'%s' can be read by others (mode 640): it "
		 "holds names and contacts; make it private with: chmod 600 "
		 "%s", path, path);
	assert_error(lms_tree_load_register(&tree, &back), LMS_EREFUSED, 0, 0,
		     msg);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(lms_tree_load_register(&tree, &back), 0);
	assert_int_equal(back.n, 0);
	lms_register_release(&back);
	free(path);
}

/* Of the ids asked, those the tree uses: the register's and the
 * courses'. */
static void person_ids_of_register_and_courses(void **state)
{
	struct lms_register r;
	struct lms_strset ids;

	(void)state;
	put("courses/a/course.yaml", "id: a\ntitle: A\n");
	put("courses/a/enrolments.yaml",
	    "- {person: p-test02, role: participant, status: enrolled, "
	    "requested: 2026-08-20, municipality: \"9999\"}\n");
	assert_int_equal(lms_register_load(&r, "r", register_yaml,
					   strlen(register_yaml)), 0);
	lms_strset_init(&ids);
	lms_strset_add(&ids, "p-test01", NULL);
	lms_strset_add(&ids, "p-test02", NULL);
	lms_strset_add(&ids, "p-test03", NULL);
	assert_int_equal(lms_tree_mark_used_ids(&tree, &r, &ids), 0);
	assert_int_equal(ids.n, 3);	/* nothing added to what was asked */
	assert_non_null(lms_strset_get(&ids, "p-test01"));
	assert_non_null(lms_strset_get(&ids, "p-test02"));
	assert_null(lms_strset_get(&ids, "p-test03"));
	lms_strset_release(&ids);
	lms_register_release(&r);
}

/* A reader finishes a change that a killed writer left; without the lock
 * it cannot, and says so. */
static void a_reader_finishes_a_change_left_half_made(void **state)
{
	(void)state;
	assert_int_equal(lms_tree_begin_read(&tree, 0), 0);
	lms_lock_release(&tree.lock);
	put(".lms/journal", "lms journal 1\n"
	    "people/.participants.yaml.AbC123\tpeople/participants.yaml\n"
	    "end\n");
	put("people/.participants.yaml.AbC123", register_yaml);
	{
		char *lockfile = lms_tree_file(&tree, LMS_FILE_LOCK, NULL);

		unlink(lockfile);
		free(lockfile);
	}
	assert_error(lms_tree_begin_read(&tree, 0), LMS_EIO, 0, 0,
		     "a change was left half made in '.lms/journal', and the "
		     "tree's lock cannot be had to finish it");
	/* Once a writer has made the lock, a reader can finish it. */
	put(".lms/lock", "");
	assert_int_equal(lms_tree_begin_read(&tree, 0), 0);
	assert_true(tree.recovered);
	lms_lock_release(&tree.lock);
	assert_file("people/participants.yaml", register_yaml);
}

static int by_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* lms_strings_sort sorts as strcmp does: strings that share their first
 * 16 bytes or more, that end at 15, 16 or 17 bytes, bytes above 0x7f,
 * the empty string and equal strings. */
static void strings_sort_as_strcmp(void **state)
{
	static const char *const words[] = {
		"m0101-c001", "m0101-c0010", "m0101-c00", "", "a",
		"abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq",
		"abcdefghijklmnopr", "abcdefghijklmnoq", "abcdefghijklmnop",
		"\xc3\xa6rlig", "zz", "\xc3\xb8ye", "\x7f", "abcdefghijklmnopqrstu",
		"abcdefghijklmnopqrsts", "m0101-c002", "-", "0",
	};
	enum { N = sizeof(words) / sizeof(*words), TIMES = 7 };
	char *got[N * TIMES], *want[N * TIMES];
	uint32_t x = 7;

	(void)state;
	/* Each word several times, in a shuffled order. */
	for (size_t i = 0; i < N * TIMES; i++) {
		x = x * 1103515245u + 12345u;
		got[i] = want[i] = (char *)words[(x >> 16) % N];
	}
	qsort(want, N * TIMES, sizeof(*want), by_strcmp);
	lms_strings_sort(got, N * TIMES);
	for (size_t i = 0; i < N * TIMES; i++)
		assert_string_equal(got[i], want[i]);
	lms_strings_sort(got, 0);
	lms_strings_sort(got, 1);
	assert_string_equal(got[0], want[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(opens_only_a_tree, setup,
						teardown),
		cmocka_unit_test_setup_teardown(finds_the_tree_above, setup,
						teardown),
		cmocka_unit_test_setup_teardown(reads_below_the_folders_it_holds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(writes_only_inside_the_tree,
						setup, teardown),
		cmocka_unit_test_setup_teardown(writes_into_the_change, setup,
						teardown),
		cmocka_unit_test_setup_teardown(writes_nothing_without_a_change,
						setup, teardown),
		cmocka_unit_test_setup_teardown(lists_courses, setup, teardown),
		cmocka_unit_test_setup_teardown(loads_what_is_there, setup,
						teardown),
		cmocka_unit_test_setup_teardown(keeps_the_register_private,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			person_ids_of_register_and_courses, setup, teardown),
		cmocka_unit_test_setup_teardown(
			a_reader_finishes_a_change_left_half_made, setup,
			teardown),
		cmocka_unit_test(strings_sort_as_strcmp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
