#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "test.h"

#include "buf.h"
#include "fsio.h"
#include "reportkey.h"
#include "tree.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-reportkey-XXXXXX");
	assert_non_null(mkdtemp(root));
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static char *in_root(const char *name)
{
	static char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, name);
	return path;
}

static void read_text(const char *name, struct lms_buf *out)
{
	assert_int_equal(lms_read_file(in_root(name), 1 << 16, out), 0);
}

static void the_key_is_made_once_and_kept_out_of_git(void **state)
{
	struct lms_report_key k1, k2;
	struct lms_buf text = LMS_BUF_INIT;
	struct stat st;
	FILE *f;
	bool made;

	(void)state;
	f = fopen(in_root(".gitignore"), "w");
	fputs("people/participants.yaml", f);	/* no newline at the end */
	fclose(f);
	assert_int_equal(lms_report_key_load(root, true, &k1, &made), 0);
	assert_true(made);
	assert_int_equal(stat(in_root(LMS_REPORT_KEY_FILE), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 65);
	read_text(".gitignore", &text);
	assert_string_equal(text.buf, "people/participants.yaml\n"
			    "people/.participants.yaml.*\n"
			    "people/report-key\n"
			    "people/.report-key.*\n");
	assert_int_equal(lms_report_key_load(root, true, &k2, &made), 0);
	assert_false(made);
	assert_memory_equal(k1.secret, k2.secret, sizeof(k1.secret));
	read_text(".gitignore", &text);		/* named once */
	assert_string_equal(text.buf, "people/participants.yaml\n"
			    "people/.participants.yaml.*\n"
			    "people/report-key\n"
			    "people/.report-key.*\n");
	lms_buf_release(&text);
}

/* Without make, a missing key is an error: a copy of a tree must not
 * make one of its own. */
static void a_missing_key_is_made_only_when_asked(void **state)
{
	struct lms_report_key k;
	bool made = true;

	(void)state;
	assert_int_equal(lms_report_key_load(root, false, &k, &made),
			 LMS_ENOENT);
	assert_false(made);
	assert_false(lms_exists(in_root(LMS_REPORT_KEY_FILE)));
	assert_non_null(strstr(lms_last_error()->msg, "--new-key"));
}

static void a_bad_key_is_refused_where_it_is_bad(void **state)
{
	struct lms_report_key k;
	bool made;
	FILE *f;

	(void)state;
	assert_int_equal(lms_mkdirs(in_root("people"), 0755), 0);
	f = fopen(in_root(LMS_REPORT_KEY_FILE), "w");
	fputs("00112233445566778899aabbccddeeff"
	      "0011223344556677889Gaabbccddeeff\n", f);
	fclose(f);
	assert_error(lms_report_key_load(root, false, &k, &made), LMS_EDATA, 1, 52,
		     "a report key is 64 hex digits (0-9, a-f)");
	f = fopen(in_root(LMS_REPORT_KEY_FILE), "w");
	fputs("0011\n", f);
	fclose(f);
	assert_error(lms_report_key_load(root, false, &k, &made), LMS_EDATA, 1, 1,
		     "a report key is 64 hex digits and a newline");
	assert_false(made);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(the_key_is_made_once_and_kept_out_of_git),
		T(a_missing_key_is_made_only_when_asked),
		T(a_bad_key_is_refused_where_it_is_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
