#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "fsio.h"
#include "i18n.h"

/*
 * fsync, renameat and getdents64 are wrapped (-Wl,--wrap in the Makefile)
 * so that the tests can make them fail without a broken disk, and without
 * a user whom permissions hold back (the tests may run as root).
 */
int __real_fsync(int fd);
int __real_renameat(int fromdir, const char *from, int todir, const char *to);
int __wrap_fsync(int fd);
int __wrap_renameat(int fromdir, const char *from, int todir, const char *to);
ssize_t __real_getdents64(int fd, void *buf, size_t n);
ssize_t __wrap_getdents64(int fd, void *buf, size_t n);

static int fail_fsync, fail_rename, fail_getdents;

int __wrap_fsync(int fd)
{
	if (fail_fsync) {
		errno = EIO;
		return -1;
	}
	return __real_fsync(fd);
}

int __wrap_renameat(int fromdir, const char *from, int todir, const char *to)
{
	if (fail_rename) {
		errno = EXDEV;
		return -1;
	}
	return __real_renameat(fromdir, from, todir, to);
}

/* A folder that opens but cannot be read (a disk's error). */
ssize_t __wrap_getdents64(int fd, void *buf, size_t n)
{
	if (fail_getdents) {
		errno = EIO;
		return -1;
	}
	return __real_getdents64(fd, buf, n);
}

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/lms-test-fsio-XXXXXX");
	assert_non_null(mkdtemp(dir));
	fail_fsync = fail_rename = fail_getdents = 0;
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

/* Below a folder held open, as the tree reads its files: the errors
 * name the file as people know it, and a FIFO is refused all the same. */
static void reads_below_an_open_folder(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;
	int d = open(dir, O_RDONLY | O_DIRECTORY);

	(void)state;
	assert_true(d >= 0);
	assert_int_equal(mkdir(path_in("sub"), 0755), 0);
	assert_int_equal(lms_write_atomic(path_in("sub/a.yaml"), "x: 1\n", 5, 0),
			 0);
	assert_int_equal(lms_read_file_at(d, "sub/a.yaml", "T/sub/a.yaml", 100,
					  &b), 0);
	assert_string_equal(b.buf, "x: 1\n");
	assert_int_equal(lms_read_file_at(d, "sub/a.yaml", "T/sub/a.yaml", 4,
					  &b), LMS_EDATA);
	assert_int_equal(lms_read_file_at(d, "none.yaml", "T/none.yaml", 100,
					  &b), LMS_ENOENT);
	assert_non_null(strstr(lms_last_error()->msg, "'T/none.yaml'"));
	assert_int_equal(mkfifo(path_in("sub/fifo"), 0644), 0);
	assert_int_equal(lms_read_file_at(d, "sub/fifo", "T/sub/fifo", 100, &b),
			 LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "cannot read 'T/sub/fifo': "
			    "it is a FIFO, not a regular file");
	/* A link is followed to a regular file, and refused, with what it
	 * leads to, anywhere else. */
	assert_int_equal(symlink("a.yaml", path_in("sub/to-file")), 0);
	assert_int_equal(lms_read_file_at(d, "sub/to-file", "T/sub/to-file",
					  100, &b), 0);
	assert_string_equal(b.buf, "x: 1\n");
	assert_int_equal(symlink("fifo", path_in("sub/to-fifo")), 0);
	assert_int_equal(lms_read_file_at(d, "sub/to-fifo", "T/sub/to-fifo",
					  100, &b), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "cannot read 'T/sub/to-fifo'"
			    ": it is a FIFO, not a regular file");
	assert_int_equal(symlink("/dev/null", path_in("sub/to-null")), 0);
	assert_int_equal(lms_read_file_at(d, "sub/to-null", "T/sub/to-null",
					  100, &b), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "cannot read 'T/sub/to-null'"
			    ": it is a device, not a regular file");
	close(d);
	lms_buf_release(&b);
}

/* In Norwegian, the system's text of the error too. */
static void read_errors_in_norwegian(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;
	char msg[512];

	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	assert_int_equal(lms_read_file(path_in("none.yaml"), 100, &b), LMS_ENOENT);
	snprintf(msg, sizeof(msg), "kan ikke lese \u00ab%s\u00bb: filen eller "
		 "mappen finnes ikke", path_in("none.yaml"));
	assert_string_equal(lms_last_error()->msg, msg);
	assert_int_equal(lms_read_file(dir, 100, &b), LMS_EDATA);
	snprintf(msg, sizeof(msg), "kan ikke lese \u00ab%s\u00bb: det er en "
		 "mappe, ikke en vanlig fil", dir);
	assert_string_equal(lms_last_error()->msg, msg);
	assert_string_equal(lms_strerror(EACCES), "ingen tilgang");
	/* One the table does not know is the system's. */
	assert_string_equal(lms_strerror(EDOM), strerror(EDOM));
	lms_i18n_set(LMS_LANG_EN);
	assert_string_equal(lms_strerror(EACCES), strerror(EACCES));
	assert_int_equal(lms_read_file(path_in("none.yaml"), 100, &b), LMS_ENOENT);
	snprintf(msg, sizeof(msg), "cannot read '%s': %s", path_in("none.yaml"),
		 strerror(ENOENT));
	assert_string_equal(lms_last_error()->msg, msg);
	lms_buf_release(&b);
}

/* A FIFO would block open(2) until a writer came: it is refused at once. */
static void special_files_are_refused_not_waited_on(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;
	char msg[256];
	int fd;

	(void)state;
	assert_int_equal(mkfifo(path_in("fifo"), 0644), 0);
	assert_int_equal(lms_read_file(path_in("fifo"), 100, &b), LMS_EDATA);
	snprintf(msg, sizeof(msg), "cannot read '%s': it is a FIFO, not a "
		 "regular file", path_in("fifo"));
	assert_string_equal(lms_last_error()->msg, msg);
	assert_int_equal(lms_open_regular(path_in("fifo"), &fd), LMS_EDATA);
	assert_int_equal(fd, -1);
	assert_int_equal(lms_read_file("/dev/null", 100, &b), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "cannot read '/dev/null': "
			    "it is a device, not a regular file");
	/* Nor is one written into, or a lock taken on one. */
	assert_int_equal(lms_write_atomic(path_in("fifo"), "x", 1, 0),
			 LMS_ECREATE);
	snprintf(msg, sizeof(msg), "cannot write '%s': it is a FIFO, not a "
		 "regular file", path_in("fifo"));
	assert_string_equal(lms_last_error()->msg, msg);
	lms_buf_release(&b);
}

/* What each name is, as the folder says: a link is left to stat(2). */
static void lists_what_names_are(void **state)
{
	unsigned char *kinds;
	char **names;
	size_t n;

	(void)state;
	assert_int_equal(lms_write_atomic(path_in("f"), "x", 1, 0), 0);
	assert_int_equal(mkdir(path_in("d"), 0755), 0);
	assert_int_equal(symlink("d", path_in("l")), 0);
	assert_int_equal(lms_dir_read(dir, &names, &kinds, &n), 0);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++) {
		unsigned char want = !strcmp(names[i], "f") ? LMS_DIR_FILE :
				     !strcmp(names[i], "d") ? LMS_DIR_FOLDER :
				     LMS_DIR_UNKNOWN;

		/* A file system that does not say is told as unknown; a
		 * link is never told as what it points to. */
		assert_true(kinds[i] == want || kinds[i] == LMS_DIR_UNKNOWN);
		if (!strcmp(names[i], "l"))
			assert_int_equal(kinds[i], LMS_DIR_UNKNOWN);
		free(names[i]);
	}
	free(names);
	free(kinds);
	assert_int_equal(lms_dir_read(path_in("none"), &names, &kinds, &n), 0);
	assert_int_equal(n, 0);
	assert_null(kinds);
}

/* A folder removed after it was opened holds nothing, as readdir has it:
 * getdents64 says ENOENT, which is no error of the listing. */
static void a_folder_removed_while_listed_is_empty(void **state)
{
	char **names;
	size_t n;
	int here = open(".", O_RDONLY | O_DIRECTORY);

	(void)state;
	assert_true(here >= 0);
	assert_int_equal(mkdir(path_in("gone"), 0755), 0);
	assert_int_equal(chdir(path_in("gone")), 0);
	assert_int_equal(rmdir(path_in("gone")), 0);
	assert_int_equal(lms_dir_list(".", &names, &n), 0);
	assert_int_equal(n, 0);
	assert_null(names);
	assert_int_equal(fchdir(here), 0);
	close(here);
}

static void lists_folders(void **state)
{
	char **names;
	size_t n;
	char msg[256];

	(void)state;
	assert_int_equal(lms_write_atomic(path_in("a"), "x", 1, 0), 0);
	assert_int_equal(lms_dir_list(dir, &names, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(names[0], "a");
	free(names[0]);
	free(names);
	/* A missing folder is empty ... */
	assert_int_equal(lms_dir_list(path_in("none"), &names, &n), 0);
	assert_int_equal(n, 0);
	assert_null(names);
	/* ... but one that is no folder, or cannot be read, is an error. */
	assert_int_equal(lms_dir_list(path_in("a"), &names, &n), LMS_EIO);
	assert_int_equal(n, 0);
	fail_getdents = 1;
	assert_int_equal(lms_dir_list(dir, &names, &n), LMS_EIO);
	fail_getdents = 0;
	snprintf(msg, sizeof(msg), "cannot read folder '%s': Input/output error",
		 dir);
	assert_string_equal(lms_last_error()->msg, msg);
	assert_int_equal(n, 0);
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
	assert_int_equal(lms_lock_acquire(&first, lock, strlen(dir), 0), 0);
	assert_true(lms_exists(lock));
	/* A second open file description conflicts like another process. */
	assert_int_equal(lms_lock_acquire(&second, lock, strlen(dir), 100),
			 LMS_EBUSY);
	assert_int_equal(second.fd, -1);
	lms_lock_release(&first);
	assert_int_equal(lms_lock_acquire(&second, lock, strlen(dir), 0), 0);
	lms_lock_release(&second);
}

/*
 * A tree at dir/tree, with a folder "out" beside it that is not the
 * tree's: a link from the tree to it must not let lms write there.
 */
static void make_tree_and_outside(void)
{
	assert_int_equal(mkdir(path_in("tree"), 0755), 0);
	assert_int_equal(mkdir(path_in("out"), 0755), 0);
}

static size_t tree_root_len(void)
{
	return strlen(path_in("tree"));
}

static void writes_refuse_links_below_the_root(void **state)
{
	size_t root = tree_root_len();
	char path[256], msg[512];

	(void)state;
	make_tree_and_outside();
	assert_int_equal(symlink("../out", path_in("tree/people")), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/people/p.yaml"));
	assert_int_equal(lms_write_below(path, root, "x", 1, 0600), LMS_ECREATE);
	snprintf(msg, sizeof(msg), "cannot write '%s': '%s' is a symbolic link, "
		 "which lms never writes through", path, path_in("tree/people"));
	assert_string_equal(lms_last_error()->msg, msg);
	assert_false(lms_exists(path_in("out/p.yaml")));
	/* Nor makes folders through one. */
	snprintf(path, sizeof(path), "%s", path_in("tree/people/sub"));
	assert_int_equal(lms_mkdirs_below(path, root, 0755), LMS_ECREATE);
	assert_false(lms_exists(path_in("out/sub")));
	/* A link deeper down, and a file that is a link. */
	assert_int_equal(mkdir(path_in("tree/courses"), 0755), 0);
	assert_int_equal(symlink("../../out", path_in("tree/courses/c")), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/courses/c/e.yaml"));
	assert_int_equal(lms_write_below(path, root, "x", 1, 0), LMS_ECREATE);
	assert_int_equal(symlink("../out/f.yaml", path_in("tree/f.yaml")), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/f.yaml"));
	assert_int_equal(lms_write_below(path, root, "x", 1, 0), LMS_ECREATE);
	snprintf(msg, sizeof(msg), "cannot write '%s': it is a symbolic link, "
		 "which lms never writes through", path);
	assert_string_equal(lms_last_error()->msg, msg);
	assert_int_equal(lms_chmod_below(path, root, 0600), LMS_ECREATE);
	assert_false(lms_exists(path_in("out/f.yaml")));
	/* A folder that leads out by "..": refused all the same. */
	snprintf(path, sizeof(path), "%s/../out/g.yaml", path_in("tree"));
	assert_int_equal(lms_write_below(path, root, "x", 1, 0), LMS_ECREATE);
	assert_false(lms_exists(path_in("out/g.yaml")));
}

/* The root itself may be a link: that is where the user sent lms. */
static void the_root_may_be_a_link(void **state)
{
	char path[256];

	(void)state;
	make_tree_and_outside();
	assert_int_equal(symlink("tree", path_in("alias")), 0);
	assert_int_equal(mkdir(path_in("tree/people"), 0755), 0);
	snprintf(path, sizeof(path), "%s", path_in("alias/people/p.yaml"));
	assert_int_equal(lms_write_below(path, strlen(path_in("alias")), "x", 1,
					 0600), 0);
	assert_true(lms_exists(path_in("tree/people/p.yaml")));
}

static void the_lock_refuses_links(void **state)
{
	struct lms_lock lock;
	size_t root = tree_root_len();
	char path[256];

	(void)state;
	make_tree_and_outside();
	/* The lock file a link: flock(2) would create its target. */
	assert_int_equal(mkdir(path_in("tree/.lms"), 0755), 0);
	assert_int_equal(symlink("../../out/lock", path_in("tree/.lms/lock")), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/.lms/lock"));
	assert_int_equal(lms_lock_acquire(&lock, path, root, 0), LMS_ECREATE);
	assert_int_equal(lock.fd, -1);
	assert_false(lms_exists(path_in("out/lock")));
	/* .lms a link. */
	assert_int_equal(unlink(path_in("tree/.lms/lock")), 0);
	assert_int_equal(rmdir(path_in("tree/.lms")), 0);
	assert_int_equal(symlink("../out", path_in("tree/.lms")), 0);
	assert_int_equal(lms_lock_acquire(&lock, path, root, 0), LMS_ECREATE);
	assert_false(lms_exists(path_in("out/lock")));
	/* A FIFO is no lock either. */
	assert_int_equal(unlink(path_in("tree/.lms")), 0);
	assert_int_equal(mkdir(path_in("tree/.lms"), 0755), 0);
	assert_int_equal(mkfifo(path, 0644), 0);
	assert_int_equal(lms_lock_acquire(&lock, path, root, 0), LMS_ECREATE);
	/* Missing, it is made, with its folder. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(path_in("tree/.lms")), 0);
	assert_int_equal(lms_lock_acquire(&lock, path, root, 0), 0);
	lms_lock_release(&lock);
}

/* Sweeping a killed writer's temporaries does not reach through a link. */
static void stale_temporaries_are_swept_inside_only(void **state)
{
	size_t root = tree_root_len();
	char path[256];

	(void)state;
	make_tree_and_outside();
	assert_int_equal(lms_write_atomic(path_in("out/.p.yaml.abcdef"), "x", 1,
					  0), 0);
	assert_int_equal(lms_write_atomic(path_in("tree/.q.yaml.abcdef"), "x",
					  1, 0), 0);
	assert_int_equal(symlink("../out", path_in("tree/people")), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/people/p.yaml"));
	lms_remove_stale_temporaries(path, root);
	assert_true(lms_exists(path_in("out/.p.yaml.abcdef")));
	snprintf(path, sizeof(path), "%s", path_in("tree/q.yaml"));
	lms_remove_stale_temporaries(path, root);
	assert_false(lms_exists(path_in("tree/.q.yaml.abcdef")));
}

static void removes_below_the_root_only(void **state)
{
	size_t root = tree_root_len();
	char path[256];

	(void)state;
	make_tree_and_outside();
	assert_int_equal(lms_write_atomic(path_in("out/p.yaml"), "x", 1, 0), 0);
	assert_int_equal(symlink("../out", path_in("tree/people")), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/people/p.yaml"));
	assert_int_equal(lms_unlink_below(path, root), LMS_ECREATE);
	assert_true(lms_exists(path_in("out/p.yaml")));
	assert_int_equal(lms_write_atomic(path_in("tree/q.yaml"), "x", 1, 0), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/q.yaml"));
	assert_int_equal(lms_unlink_below(path, root), 0);
	assert_false(lms_exists(path));
	assert_int_equal(lms_unlink_below(path, root), LMS_ENOENT);
}

/* lms's own files are read as they are written: through no link. */
static void reads_below_the_root_through_no_link(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;
	size_t root = tree_root_len();
	struct stat st;
	char path[256];

	(void)state;
	make_tree_and_outside();
	assert_int_equal(lms_write_atomic(path_in("out/journal"), "x", 1, 0), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/.lms/journal"));
	assert_int_equal(lms_read_below(path, root, 100, &b), LMS_ENOENT);
	assert_int_equal(lms_stat_below(path, root, &st), LMS_ENOENT);
	assert_int_equal(mkdir(path_in("tree/.lms"), 0755), 0);
	assert_int_equal(lms_read_below(path, root, 100, &b), LMS_ENOENT);
	assert_int_equal(symlink("/nonexistent/journal", path), 0);
	assert_int_equal(lms_stat_below(path, root, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lms_read_below(path, root, 100, &b), LMS_EDATA);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(symlink("../../out/journal", path), 0);
	assert_int_equal(lms_read_below(path, root, 100, &b), LMS_EDATA);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(path_in("tree/.lms")), 0);
	assert_int_equal(symlink("../out", path_in("tree/.lms")), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/.lms/journal"));
	assert_int_equal(lms_read_below(path, root, 100, &b), LMS_ECREATE);
	assert_int_equal(lms_write_atomic(path_in("tree/j"), "ok\n", 3, 0), 0);
	snprintf(path, sizeof(path), "%s", path_in("tree/j"));
	assert_int_equal(lms_read_below(path, root, 100, &b), 0);
	assert_string_equal(b.buf, "ok\n");
	lms_buf_release(&b);
}

/* A reader never makes the lock: another user's tree stays its own. */
static void a_reader_makes_no_lock(void **state)
{
	struct lms_lock lock;
	size_t root = tree_root_len();
	struct stat st;
	char path[256];

	(void)state;
	make_tree_and_outside();
	snprintf(path, sizeof(path), "%s", path_in("tree/.lms/lock"));
	assert_int_equal(lms_lock_acquire_shared(&lock, path, root, 0),
			 LMS_ENOENT);
	assert_false(lms_exists(path_in("tree/.lms")));
	assert_int_equal(mkdir(path_in("tree/.lms"), 0755), 0);
	assert_int_equal(lms_lock_acquire_shared(&lock, path, root, 0),
			 LMS_ENOENT);
	assert_false(lms_exists(path));
	assert_int_equal(rmdir(path_in("tree/.lms")), 0);
	/* A writer makes both, readable by all whatever the umask. */
	umask(077);
	assert_int_equal(lms_lock_acquire(&lock, path, root, 0), 0);
	umask(022);
	lms_lock_release(&lock);
	assert_int_equal(stat(path_in("tree/.lms"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(lms_lock_acquire_shared(&lock, path, root, 0), 0);
	lms_lock_release(&lock);
}

/* A folder made is fsynced into its parent, or the error is told. */
static void made_folders_are_synced(void **state)
{
	size_t root = tree_root_len();
	char path[256];

	(void)state;
	make_tree_and_outside();
	snprintf(path, sizeof(path), "%s", path_in("tree/courses/c"));
	fail_fsync = 1;
	assert_int_equal(lms_mkdirs_below(path, root, 0755), LMS_EIO);
	/* One that is there already needs none. */
	assert_int_equal(lms_mkdirs_below(path_in("tree"), strlen(dir), 0755),
			 0);
	fail_fsync = 0;
	assert_int_equal(lms_mkdirs_below(path, root, 0755), 0);
	assert_true(lms_is_dir(path));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(writes_and_reads),
		T(read_errors),
		T(reads_below_an_open_folder),
		T(read_errors_in_norwegian),
		T(failures_leave_the_old_file),
		T(cannot_create_in_a_missing_folder),
		T(makes_folders),
		T(the_lock_excludes_a_second_holder),
		T(special_files_are_refused_not_waited_on),
		T(lists_folders),
		T(a_folder_removed_while_listed_is_empty),
		T(lists_what_names_are),
		T(writes_refuse_links_below_the_root),
		T(the_root_may_be_a_link),
		T(the_lock_refuses_links),
		T(stale_temporaries_are_swept_inside_only),
		T(removes_below_the_root_only),
		T(reads_below_the_root_through_no_link),
		T(a_reader_makes_no_lock),
		T(made_folders_are_synced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
