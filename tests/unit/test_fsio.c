#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "../../lib/fsio.h"

/*
 * fsync and rename are wrapped (-Wl,--wrap in the Makefile) so that the
 * tests can make them fail without a broken disk.
 */
int __real_fsync(int fd);
int __real_rename(const char *from, const char *to);
int __wrap_fsync(int fd);
int __wrap_rename(const char *from, const char *to);

static int fail_fsync, fail_rename;

int __wrap_fsync(int fd)
{
	if (fail_fsync) {
		errno = EIO;
		return -1;
	}
	return __real_fsync(fd);
}

int __wrap_rename(const char *from, const char *to)
{
	if (fail_rename) {
		errno = EXDEV;
		return -1;
	}
	return __real_rename(from, to);
}

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/lms-test-fsio-XXXXXX");
	assert_non_null(mkdtemp(dir));
	fail_fsync = fail_rename = 0;
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static char *path_in(const char *name)
{
	static char p[128];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

static size_t count_files(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || (e->d_name[1] && e->d_name[1] != '.');
	closedir(d);
	return n;
}

static void writes_and_reads(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;
	struct stat st;

	(void)state;
	assert_int_equal(lms_write_atomic(path_in("a.yaml"), "x: 1\n", 5, 0), 0);
	assert_int_equal(lms_read_file(path_in("a.yaml"), 100, &b), 0);
	assert_string_equal(b.buf, "x: 1\n");
	assert_int_equal(lms_write_atomic(path_in("p.yaml"), "", 0, 0600), 0);
	assert_int_equal(stat(path_in("p.yaml"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* Replacing keeps the mode of the file it replaces. */
	assert_int_equal(lms_write_atomic(path_in("p.yaml"), "y: 2\n", 5, 0), 0);
	assert_int_equal(stat(path_in("p.yaml"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(count_files(), 2);
	lms_buf_release(&b);
}

static void read_errors(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_read_file(path_in("none.yaml"), 100, &b), LMS_ENOENT);
	assert_int_equal(lms_write_atomic(path_in("big"), "0123456789", 10, 0), 0);
	assert_int_equal(lms_read_file(path_in("big"), 9, &b), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "file is larger than 9 bytes");
	assert_int_equal(lms_read_file(dir, 100, &b), LMS_EDATA);
	lms_buf_release(&b);
}

static void failures_leave_the_old_file(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_write_atomic(path_in("a.yaml"), "old\n", 4, 0), 0);
	fail_fsync = 1;
	assert_int_equal(lms_write_atomic(path_in("a.yaml"), "new\n", 4, 0),
			 LMS_EIO);
	fail_fsync = 0;
	fail_rename = 1;
	assert_int_equal(lms_write_atomic(path_in("a.yaml"), "new\n", 4, 0),
			 LMS_EIO);
	fail_rename = 0;
	assert_int_equal(lms_read_file(path_in("a.yaml"), 100, &b), 0);
	assert_string_equal(b.buf, "old\n");
	/* No temporary file is left behind. */
	assert_int_equal(count_files(), 1);
	lms_buf_release(&b);
}

static void cannot_create_in_a_missing_folder(void **state)
{
	(void)state;
	assert_int_equal(lms_write_atomic(path_in("no/a.yaml"), "x", 1, 0),
			 LMS_ECREATE);
}

static void makes_folders(void **state)
{
	(void)state;
	assert_int_equal(lms_mkdirs(path_in("a/b/c"), 0755), 0);
	assert_true(lms_is_dir(path_in("a/b/c")));
	assert_int_equal(lms_mkdirs(path_in("a/b/c"), 0755), 0);
	assert_int_equal(lms_write_atomic(path_in("f"), "x", 1, 0), 0);
	assert_int_equal(lms_mkdirs(path_in("f/g"), 0755), LMS_ECREATE);
}

static void the_lock_excludes_a_second_holder(void **state)
{
	struct lms_lock first, second;
	char lock[128];

	(void)state;
	snprintf(lock, sizeof(lock), "%s", path_in("lock"));
	assert_int_equal(lms_lock_acquire(&first, lock, 0), 0);
	assert_true(lms_exists(lock));
	/* A second open file description conflicts like another process. */
	assert_int_equal(lms_lock_acquire(&second, lock, 100), LMS_EBUSY);
	assert_int_equal(second.fd, -1);
	lms_lock_release(&first);
	assert_int_equal(lms_lock_acquire(&second, lock, 0), 0);
	lms_lock_release(&second);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(writes_and_reads),
		T(read_errors),
		T(failures_leave_the_old_file),
		T(cannot_create_in_a_missing_folder),
		T(makes_folders),
		T(the_lock_excludes_a_second_holder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
