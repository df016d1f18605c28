#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "fsio.h"
#include "txn.h"

/*
 * fsync, renameat and unlinkat are wrapped (-Wl,--wrap in the Makefile): the
 * N-th call after a reset fails, so that every step of a commit and of a
 * recovery can fail without a broken disk.  Calls are counted from the
 * start of each test.
 */
int __real_fsync(int fd);
int __real_renameat(int fromdir, const char *from, int todir,
		    const char *to);
int __real_unlinkat(int dir, const char *path, int flags);
int __wrap_fsync(int fd);
int __wrap_renameat(int fromdir, const char *from, int todir,
		    const char *to);
int __wrap_unlinkat(int dir, const char *path, int flags);

static int fsyncs, renames, unlinks;
static int fail_fsync, fail_rename, fail_unlink;	/* 0: none */

int __wrap_fsync(int fd)
{
	if (++fsyncs == fail_fsync) {
		errno = EIO;
		return -1;
	}
	return __real_fsync(fd);
}

int __wrap_renameat(int fromdir, const char *from, int todir,
		    const char *to)
{
	if (++renames == fail_rename) {
		errno = EIO;
		return -1;
	}
	return __real_renameat(fromdir, from, todir, to);
}

int __wrap_unlinkat(int dir, const char *path, int flags)
{
	if (++unlinks == fail_unlink) {
		errno = EIO;
		return -1;
	}
	return __real_unlinkat(dir, path, flags);
}

static char root[64];

static void reset_counts(void)
{
	fsyncs = renames = unlinks = 0;
	fail_fsync = fail_rename = fail_unlink = 0;
}

static char *path_in(const char *name)
{
	static char p[4][160];
	static int next;

	next = (next + 1) % 4;
	snprintf(p[next], sizeof(p[next]), "%s/%s", root, name);
	return p[next];
}

static void put_file(const char *name, const char *text)
{
	FILE *f = fopen(path_in(name), "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-txn-XXXXXX");
	assert_non_null(mkdtemp(root));
	assert_int_equal(lms_mkdirs(path_in(".lms"), 0755), 0);
	assert_int_equal(lms_mkdirs(path_in("people"), 0755), 0);
	assert_int_equal(lms_mkdirs(path_in("courses/c"), 0755), 0);
	put_file("people/participants.yaml", "old register\n");
	put_file("courses/c/enrolments.yaml", "old enrolments\n");
	reset_counts();
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static void assert_text(const char *name, const char *text)
{
	struct lms_buf b = LMS_BUF_INIT;

	assert_int_equal(lms_read_file(path_in(name), 1000, &b), 0);
	assert_string_equal(b.buf, text);
	lms_buf_release(&b);
}

/* Files whose name starts with a dot in a folder of the tree. */
static size_t hidden_files(const char *folder)
{
	DIR *d = opendir(path_in(folder));
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] == '.' && e->d_name[1] &&
		     (e->d_name[1] != '.' || e->d_name[2]);
	closedir(d);
	return n;
}

static void assert_old(void)
{
	assert_text("people/participants.yaml", "old register\n");
	assert_text("courses/c/enrolments.yaml", "old enrolments\n");
}

static void assert_new(void)
{
	assert_text("people/participants.yaml", "new register\n");
	assert_text("courses/c/enrolments.yaml", "new enrolments\n");
}

/* No journal, and no temporary file anywhere. */
static void assert_clean(void)
{
	assert_false(lms_txn_pending(root));
	assert_int_equal(hidden_files("people"), 0);
	assert_int_equal(hidden_files("courses/c"), 0);
	assert_int_equal(hidden_files(".lms"), 0);
}

static void stage_both(struct lms_txn *x)
{
	lms_txn_init(x, root);
	assert_int_equal(lms_txn_put(x, "people/participants.yaml",
				     "new register\n", 13, 0600), 0);
	assert_int_equal(lms_txn_put(x, "courses/c/enrolments.yaml",
				     "new enrolments\n", 15, 0), 0);
}

static void commits_every_file(void **state)
{
	struct lms_txn x;
	struct stat st;

	(void)state;
	stage_both(&x);
	assert_old();		/* staging writes nothing */
	assert_int_equal(lms_txn_commit(&x), 0);
	assert_true(x.durable);
	lms_txn_release(&x);
	assert_new();
	assert_clean();
	assert_int_equal(stat(path_in("people/participants.yaml"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* The journal's rename and one per file. */
	assert_int_equal(renames, 3);
}

static void one_file_needs_no_journal(void **state)
{
	struct lms_txn x;

	(void)state;
	lms_txn_init(&x, root);
	assert_int_equal(lms_txn_put(&x, "courses/c/enrolments.yaml", "a\n", 2,
				     0), 0);
	/* Put again: the last text wins. */
	assert_int_equal(lms_txn_put(&x, "courses/c/enrolments.yaml",
				     "new enrolments\n", 15, 0), 0);
	assert_int_equal(x.n, 1);
	assert_int_equal(lms_txn_commit(&x), 0);
	lms_txn_release(&x);
	assert_text("courses/c/enrolments.yaml", "new enrolments\n");
	assert_int_equal(renames, 1);
	assert_clean();
}

static void nothing_staged_is_no_change(void **state)
{
	struct lms_txn x;

	(void)state;
	lms_txn_init(&x, root);
	assert_int_equal(lms_txn_commit(&x), 0);
	lms_txn_release(&x);
	assert_int_equal(renames + fsyncs, 0);
}

static void refuses_paths_outside_the_tree(void **state)
{
	static const char *const bad[] = {
		"", "/etc/passwd", "../x", "a/../../x", "a/./b", "./a", "a//b",
		"a/", "a\tb", "a\nb", NULL
	};
	struct lms_txn x;

	(void)state;
	lms_txn_init(&x, root);
	for (int i = 0; bad[i]; i++)
		assert_int_equal(lms_txn_put(&x, bad[i], "x", 1, 0), LMS_EIO);
	assert_int_equal(x.n, 0);
	assert_int_equal(lms_txn_put(&x, ".gitignore", "x", 1, 0), 0);
	lms_txn_release(&x);
}

static void a_missing_folder_changes_nothing(void **state)
{
	struct lms_txn x;

	(void)state;
	stage_both(&x);
	assert_int_equal(lms_txn_put(&x, "courses/none/enrolments.yaml", "x", 1,
				     0), 0);
	assert_int_equal(lms_txn_commit(&x), LMS_ECREATE);
	assert_false(x.durable);
	lms_txn_release(&x);
	assert_old();
	assert_clean();
}

/* Every fsync before the commit point: the data, the folders, the journal's
 * data and the journal's folder. */
static void a_failed_sync_before_the_journal_changes_nothing(void **state)
{
	(void)state;
	for (int k = 1; k <= 6; k++) {
		struct lms_txn x;

		reset_counts();
		fail_fsync = k;
		stage_both(&x);
		assert_int_equal(lms_txn_commit(&x), LMS_EIO);
		/* The sixth is the journal's folder, after its rename: the
		 * journal is there, and the change is decided. */
		if (k < 6) {
			assert_false(x.durable);
			lms_txn_release(&x);
			assert_old();
			assert_clean();
		} else {
			assert_true(x.durable);
			lms_txn_release(&x);
			assert_true(lms_txn_pending(root));
			assert_int_equal(lms_txn_recover(root, NULL), 0);
			assert_new();
			assert_clean();
		}
	}
}

static void a_journal_that_cannot_be_written_changes_nothing(void **state)
{
	struct lms_txn x;

	(void)state;
	fail_rename = 1;	/* the journal's */
	stage_both(&x);
	assert_int_equal(lms_txn_commit(&x), LMS_EIO);
	assert_false(x.durable);
	lms_txn_release(&x);
	assert_old();
	assert_clean();
}

/* A rename of a file fails after the journal is there: the change stays
 * decided, and recovery finishes it, whichever rename it was. */
static void a_failed_rename_is_finished_by_recovery(void **state)
{
	(void)state;
	for (int k = 2; k <= 3; k++) {
		struct lms_txn x;
		bool finished;

		reset_counts();
		fail_rename = k;
		stage_both(&x);
		assert_int_equal(lms_txn_commit(&x), LMS_EIO);
		assert_true(x.durable);
		/* The cause first, then what became of the change. */
		assert_int_equal(strncmp(lms_last_error()->msg,
					 "cannot replace '", 16), 0);
		assert_non_null(strstr(lms_last_error()->msg,
				       "Input/output error; the change is "
				       "kept in '"));
		assert_non_null(strstr(lms_last_error()->msg,
				       "and the next lms that may write the "
				       "tree finishes it"));
		lms_txn_release(&x);
		assert_true(lms_txn_pending(root));
		/* The file renamed before the failure is new already. */
		if (k == 3)
			assert_text("people/participants.yaml", "new register\n");
		else
			assert_old();
		assert_int_equal(lms_txn_recover(root, &finished), 0);
		assert_true(finished);
		assert_new();
		assert_clean();
		put_file("people/participants.yaml", "old register\n");
		put_file("courses/c/enrolments.yaml", "old enrolments\n");
	}
}

static void the_journal_goes_only_when_the_renames_last(void **state)
{
	struct lms_txn x;

	(void)state;
	/* Data 2, folders 2, journal 1, .lms 1, then the targets' folders. */
	fail_fsync = 7;
	stage_both(&x);
	assert_int_equal(lms_txn_commit(&x), LMS_EIO);
	lms_txn_release(&x);
	assert_new();
	assert_true(lms_txn_pending(root));
	assert_int_equal(lms_txn_recover(root, NULL), 0);
	assert_clean();
}

static void a_journal_that_cannot_be_removed_is_harmless(void **state)
{
	struct lms_txn x;
	bool finished;

	(void)state;
	stage_both(&x);
	fail_unlink = 1;
	assert_int_equal(lms_txn_commit(&x), LMS_EIO);
	lms_txn_release(&x);
	assert_new();
	/* Found again, every temporary is gone: nothing is renamed. */
	put_file("courses/c/enrolments.yaml", "changed since\n");
	assert_int_equal(lms_txn_recover(root, &finished), 0);
	assert_true(finished);
	assert_text("courses/c/enrolments.yaml", "changed since\n");
	assert_clean();
}

static void recovery_can_fail_and_start_over(void **state)
{
	struct lms_txn x;

	(void)state;
	fail_rename = 2;
	stage_both(&x);
	assert_int_equal(lms_txn_commit(&x), LMS_EIO);
	lms_txn_release(&x);
	/* Recovery fails at its first rename: the journal stays. */
	reset_counts();
	fail_rename = 1;
	assert_int_equal(lms_txn_recover(root, NULL), LMS_EIO);
	assert_true(lms_txn_pending(root));
	assert_old();
	assert_int_equal(lms_txn_recover(root, NULL), 0);
	assert_new();
	assert_clean();
}

/* A pair that would be refused is found before any file is replaced. */
static void a_refused_pair_replaces_nothing(void **state)
{
	struct lms_txn x;
	char link[160];

	(void)state;
	fail_rename = 2;	/* the first file's: both temporaries stay */
	stage_both(&x);
	assert_int_equal(lms_txn_commit(&x), LMS_EIO);
	lms_txn_release(&x);
	/* The second file's folder is now a link. */
	assert_int_equal(rename(path_in("courses/c"), path_in("courses/d")), 0);
	snprintf(link, sizeof(link), "%s", path_in("courses/c"));
	assert_int_equal(symlink("d", link), 0);
	reset_counts();
	assert_int_equal(lms_txn_recover(root, NULL), LMS_ECREATE);
	assert_int_equal(renames, 0);
	assert_text("people/participants.yaml", "old register\n");
	assert_non_null(strstr(lms_last_error()->msg, "' is a symbolic link, "
			       "which lms never writes through; the change is "
			       "kept in '"));
	assert_non_null(strstr(lms_last_error()->msg, "once that is repaired"));
	assert_null(strstr(lms_last_error()->msg, "finishes it"));
	assert_true(lms_txn_pending(root));
	/* Repaired, it is finished. */
	assert_int_equal(unlink(link), 0);
	assert_int_equal(rename(path_in("courses/d"), link), 0);
	assert_int_equal(lms_txn_recover(root, NULL), 0);
	assert_new();
	assert_clean();
}

static void no_journal_no_recovery(void **state)
{
	bool finished = true;

	(void)state;
	assert_int_equal(lms_txn_recover(root, &finished), 0);
	assert_false(finished);
	assert_int_equal(renames, 0);
}

static void recover_journal(const char *text, unsigned line)
{
	put_file(".lms/journal", text);
	assert_error(lms_txn_recover(root, NULL), LMS_EDATA, line, 0,
		     "not a journal that lms wrote; lms will not change the tree "
		     "until it is repaired or removed");
	assert_int_equal(renames, 0);
	assert_true(lms_txn_pending(root));
}

static void a_strange_journal_renames_nothing(void **state)
{
	(void)state;
	put_file("people/.participants.yaml.AbC123", "new register\n");
	recover_journal("", 1);
	recover_journal("lms journal 2\nend\n", 1);
	recover_journal("lms journal 1\n", 2);
	recover_journal("lms journal 1\npeople/.participants.yaml.AbC123 "
			"people/participants.yaml\nend\n", 2);
	recover_journal("lms journal 1\npeople/.participants.yaml.AbC123\t"
			"people/participants.yaml\n", 3);
	recover_journal("lms journal 1\nend\npeople/.participants.yaml.AbC123\t"
			"people/participants.yaml\n", 3);
	/* Only an lms temporary, onto the file it is the temporary of. */
	recover_journal("lms journal 1\npeople/.participants.yaml.AbC123\t"
			"courses/c/enrolments.yaml\nend\n", 2);
	recover_journal("lms journal 1\npeople/.participants.yaml.AbC123\t"
			"people/facilitators.yaml\nend\n", 2);
	recover_journal("lms journal 1\npeople/.participants.yaml.AbC12\t"
			"people/participants.yaml\nend\n", 2);
	recover_journal("lms journal 1\n../.participants.yaml.AbC123\t"
			"../participants.yaml\nend\n", 2);
	recover_journal("lms journal 1\n/tmp/.participants.yaml.AbC123\t"
			"/tmp/participants.yaml\nend\n", 2);
	assert_text("people/participants.yaml", "old register\n");
	/* And the journal lms writes is one it reads. */
	put_file(".lms/journal", "lms journal 1\n"
		 "people/.participants.yaml.AbC123\tpeople/participants.yaml\n"
		 "end\n");
	assert_int_equal(lms_txn_recover(root, NULL), 0);
	assert_text("people/participants.yaml", "new register\n");
	assert_clean();
}

/* A root other than "." (lms -C DIR): the journal names paths in the tree,
 * so that it is found again from any working directory. */
static void the_journal_holds_paths_in_the_tree(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;
	struct lms_txn x;

	(void)state;
	fail_rename = 2;
	stage_both(&x);
	assert_int_equal(lms_txn_commit(&x), LMS_EIO);
	lms_txn_release(&x);
	assert_int_equal(lms_read_file(path_in(".lms/journal"), 1000, &b), 0);
	assert_null(strstr(b.buf, root));
	assert_non_null(strstr(b.buf, "\tpeople/participants.yaml\n"));
	lms_buf_release(&b);
	assert_int_equal(chdir(root), 0);
	assert_int_equal(lms_txn_recover(".", NULL), 0);
	assert_int_equal(chdir("/"), 0);
	assert_new();
	assert_clean();
}

static void stale_temporaries_are_removed_by_the_next_commit(void **state)
{
	struct lms_txn x;

	(void)state;
	put_file("courses/c/.enrolments.yaml.Xyz789", "a killed writer's\n");
	put_file(".lms/.journal.Xyz789", "a killed writer's\n");
	stage_both(&x);
	assert_int_equal(lms_txn_commit(&x), 0);
	lms_txn_release(&x);
	assert_new();
	assert_clean();
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(commits_every_file),
		T(one_file_needs_no_journal),
		T(nothing_staged_is_no_change),
		T(refuses_paths_outside_the_tree),
		T(a_missing_folder_changes_nothing),
		T(a_failed_sync_before_the_journal_changes_nothing),
		T(a_journal_that_cannot_be_written_changes_nothing),
		T(a_failed_rename_is_finished_by_recovery),
		T(the_journal_goes_only_when_the_renames_last),
		T(a_journal_that_cannot_be_removed_is_harmless),
		T(recovery_can_fail_and_start_over),
		T(a_refused_pair_replaces_nothing),
		T(no_journal_no_recovery),
		T(a_strange_journal_renames_nothing),
		T(the_journal_holds_paths_in_the_tree),
		T(stale_temporaries_are_removed_by_the_next_commit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
