#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "test.h"

#include "buf.h"
#include "fsio.h"
#include "init.h"
#include "tree.h"

static char root[64], dir[96];

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-init-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(dir, sizeof(dir), "%s/new/tree", root);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static char *read_rel(const char *rel)
{
	struct lms_buf b = LMS_BUF_INIT;
	char path[160];

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	assert_int_equal(lms_read_file(path, 1 << 20, &b), 0);
	return lms_buf_detach(&b);
}

static mode_t mode_of(const char *rel)
{
	struct stat st;
	char path[160];

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	assert_int_equal(stat(path, &st), 0);
	return st.st_mode;
}

/* Everything a tree needs, the name quoted as YAML wants it, the register
 * and the key private, and a tree that opens. */
static void makes_a_whole_tree(void **state)
{
	static const char *const files[] = {
		"forms/kursevaluering.yaml", "forms/mestringstro.yaml",
		"templates/mestringstreff.yaml", "people/facilitators.yaml",
		".gitignore",
	};
	struct lms_tree t;
	char *text;

	(void)state;
	assert_int_equal(lms_init_tree(dir, "Test: tjenesten", "9999"), 0);
	text = read_rel("lms.yaml");
	assert_non_null(strstr(text, "\nname: \"Test: tjenesten\"\n"));
	assert_non_null(strstr(text, "\nmunicipality: \"9999\"\n"));
	free(text);
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++)
		assert_true(S_ISREG(mode_of(files[i])));
	assert_true(S_ISDIR(mode_of("courses")));
	assert_int_equal(mode_of("people/participants.yaml") & 0777, 0600);
	assert_int_equal(mode_of("people/report-key") & 077, 0);
	text = read_rel("people/report-key");
	assert_int_equal(strlen(text), 65);
	free(text);
	assert_int_equal(lms_tree_open(&t, dir), 0);
	assert_string_equal(t.service.name, "Test: tjenesten");
	assert_int_equal(t.service.min_cell, 5);
	lms_tree_release(&t);
}

/* A folder with files of its own keeps them; its .gitignore gets the
 * lines it lacks, and a register others could read is made private. */
static void keeps_what_is_there(void **state)
{
	char path[160];
	FILE *f;
	char *text;

	(void)state;
	assert_int_equal(lms_mkdirs(dir, 0755), 0);
	snprintf(path, sizeof(path), "%s/.gitignore", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("*.bak\npeople/report-key", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/forms", dir);
	assert_int_equal(lms_mkdirs(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/forms/mestringstro.yaml", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("# mine\n", f);
	fclose(f);
	assert_int_equal(lms_init_tree(dir, "T", "1806"), 0);
	text = read_rel(".gitignore");
	assert_string_equal(text, "*.bak\npeople/report-key\n"
			    "people/participants.yaml\n"
			    "people/.participants.yaml.*\n"
			    "people/.report-key.*\n");
	free(text);
	text = read_rel("forms/mestringstro.yaml");
	assert_string_equal(text, "# mine\n");
	free(text);
}

static void refusals(void **state)
{
	char msg[192];

	(void)state;
	assert_error(lms_init_tree(dir, "T", "12"), LMS_EUSAGE, 0, 0,
		     "'12' is not a municipality number (four digits, such as "
		     "1806)");
	assert_error(lms_init_tree(dir, "", "1806"), LMS_EUSAGE, 0, 0,
		     "the name must be UTF-8 text on one line");
	assert_error(lms_init_tree(dir, "a\nb", "1806"), LMS_EUSAGE, 0, 0,
		     "the name must be UTF-8 text on one line");
	assert_false(lms_exists(dir));
	assert_int_equal(lms_init_tree(dir, "T", "1806"), 0);
	snprintf(msg, sizeof(msg), "'%s' is an lms tree already", dir);
	assert_error(lms_init_tree(dir, "T", "1806"), LMS_ECREATE, 0, 0, msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(makes_a_whole_tree, setup,
						teardown),
		cmocka_unit_test_setup_teardown(keeps_what_is_there, setup,
						teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
