#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "ahead.h"
#include "fsio.h"

static char dir[64];
static int dir_fd = -1;

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/lms-test-ahead-XXXXXX");
	assert_non_null(mkdtemp(dir));
	dir_fd = open(dir, O_RDONLY | O_DIRECTORY);
	return dir_fd < 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	close(dir_fd);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static void put(const char *name, const char *text, size_t len)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static struct lms_ahead *ahead_or_skip(void)
{
	struct lms_ahead *a = lms_ahead_new();

	if (!a)		/* no io_uring here: lms reads as it always did */
		skip();
	return a;
}

/* What a read of name gives, as rc, message and text, in one string. */
static void outcome(struct lms_ahead *a, const char *name, size_t max,
		    char *out, size_t size)
{
	struct lms_buf b = LMS_BUF_INIT;
	char path[128];
	int rc;

	snprintf(path, sizeof(path), "T/%s", name);
	lms_error_clear();
	rc = a ? lms_read_file_ahead(a, dir_fd, name, path, max, &b) :
		 lms_read_file_at(dir_fd, name, path, max, &b);
	snprintf(out, size, "%d|%s|%s", rc, rc ? lms_last_error()->msg : "",
		 rc ? "" : b.buf);
	lms_buf_release(&b);
}

static void plan(struct lms_ahead *a, const char *const *names, size_t n)
{
	lms_ahead_plan(a, dir_fd);
	for (size_t i = 0; i < n; i++)
		lms_ahead_add(a, names[i]);
}

/*
 * Every kind of name reads as it does without reading ahead: the same
 * result, message and text; and only a plain small file or a missing one
 * is the read ahead's to give.
 */
static void every_file_reads_as_without_reading_ahead(void **state)
{
	static char over[LMS_AHEAD_FILE_SIZE + 1], full[LMS_AHEAD_FILE_SIZE];
	static const struct { const char *name; size_t max;
			      enum lms_ahead_got got; } cases[] = {
		{ "c1/course.yaml", 100, LMS_AHEAD_READ },
		{ "c1/enrolments.yaml", 100, LMS_AHEAD_MISSING },
		{ "none/course.yaml", 100, LMS_AHEAD_MISSING },
		{ "fifo", 100, LMS_AHEAD_NOTHING },
		{ "folder", 100, LMS_AHEAD_NOTHING },
		{ "link", 100, LMS_AHEAD_NOTHING },
		{ "to-null", 100, LMS_AHEAD_NOTHING },
		{ "empty", 100, LMS_AHEAD_NOTHING },
		{ "full", 2 * LMS_AHEAD_FILE_SIZE, LMS_AHEAD_READ },
		{ "over", 2 * LMS_AHEAD_FILE_SIZE, LMS_AHEAD_NOTHING },
		{ "c1/course.yaml", 4, LMS_AHEAD_NOTHING },	/* too large */
	};
	size_t n = sizeof(cases) / sizeof(*cases);
	struct lms_ahead *a = ahead_or_skip();
	struct lms_buf b = LMS_BUF_INIT;
	const char *names[sizeof(cases) / sizeof(*cases)];
	char path[128], held[16], with[2 * LMS_AHEAD_FILE_SIZE],
	     without[2 * LMS_AHEAD_FILE_SIZE];
	int writer;

	(void)state;
	assert_int_equal(mkdir(strcat(strcpy(path, dir), "/c1"), 0755), 0);
	put("c1/course.yaml", "id: c1\n", 7);
	/* A FIFO with a writer that wrote: refused, and what it holds is
	 * left in it, not read. */
	assert_int_equal(mkfifo(strcat(strcpy(path, dir), "/fifo"), 0644), 0);
	assert_true((writer = open(path, O_RDWR | O_NONBLOCK)) >= 0);
	assert_int_equal(write(writer, "secret\n", 7), 7);
	assert_int_equal(mkdir(strcat(strcpy(path, dir), "/folder"), 0755), 0);
	assert_int_equal(symlinkat("c1/course.yaml", dir_fd, "link"), 0);
	assert_int_equal(symlinkat("/dev/null", dir_fd, "to-null"), 0);
	put("empty", "", 0);
	memset(full, 'x', sizeof(full));
	put("full", full, sizeof(full));
	memset(over, 'y', sizeof(over));
	put("over", over, sizeof(over));

	for (size_t i = 0; i < n; i++)
		names[i] = cases[i].name;
	plan(a, names, n);
	for (size_t i = 0; i < n; i++) {
		outcome(NULL, names[i], cases[i].max, without,
			sizeof(without));
		outcome(a, names[i], cases[i].max, with, sizeof(with));
		assert_string_equal(with, without);
	}
	plan(a, names, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(lms_ahead_take(a, dir_fd, names[i],
						cases[i].max, &b),
				 cases[i].got);
	assert_int_equal(read(writer, held, sizeof(held)), 7);
	close(writer);
	lms_buf_release(&b);
	lms_ahead_free(a);
}

/*
 * A plan longer than a round, asked in any order: each file is its own,
 * read again if its round has passed; a name not planned, or below
 * another folder, is the caller's.
 */
static void asked_in_any_order(void **state)
{
	static const int order[] = { 0, 1, 39, 2, 33, 0, 17, 16, 38 };
	struct lms_ahead *a = ahead_or_skip();
	struct lms_buf b = LMS_BUF_INIT;
	char name[32], text[32];

	(void)state;
	lms_ahead_plan(a, dir_fd);
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "f%d.yaml", i);
		snprintf(text, sizeof(text), "n: %d\n", i);
		put(name, text, strlen(text));
		lms_ahead_add(a, name);
	}
	for (size_t k = 0; k < sizeof(order) / sizeof(*order); k++) {
		snprintf(name, sizeof(name), "f%d.yaml", order[k]);
		snprintf(text, sizeof(text), "n: %d\n", order[k]);
		assert_int_equal(lms_ahead_take(a, dir_fd, name, 100, &b),
				 LMS_AHEAD_READ);
		assert_string_equal(b.buf, text);
	}
	put("other.yaml", "x\n", 2);
	assert_int_equal(lms_ahead_take(a, dir_fd, "other.yaml", 100, &b),
			 LMS_AHEAD_NOTHING);
	assert_int_equal(lms_ahead_take(a, AT_FDCWD, "f1.yaml", 100, &b),
			 LMS_AHEAD_NOTHING);
	/* A new plan forgets the old. */
	lms_ahead_plan(a, dir_fd);
	assert_int_equal(lms_ahead_take(a, dir_fd, "f1.yaml", 100, &b),
			 LMS_AHEAD_NOTHING);
	lms_buf_release(&b);
	lms_ahead_free(a);
}

/*
 * A file only partly in memory: a read that may not wait stops at what
 * is there, short of the end, and is not taken for the whole file.  (On
 * a file system that keeps files in memory only, such as tmpfs, the file
 * is whole in memory and this shows nothing.)
 */
static void a_file_partly_in_memory_is_read_whole(void **state)
{
	static char text[3 * 4096 + 100];
	struct lms_ahead *a = ahead_or_skip();
	struct lms_buf b = LMS_BUF_INIT;
	char byte, path[128];
	int fd;

	(void)state;
	for (size_t i = 0; i < sizeof(text); i++)
		text[i] = i % 64 == 63 ? '\n' : 'a' + (char)(i % 26);
	put("long.yaml", text, sizeof(text));
	snprintf(path, sizeof(path), "%s/long.yaml", dir);
	assert_true((fd = open(path, O_RDONLY)) >= 0);
	assert_int_equal(fdatasync(fd), 0);
	assert_int_equal(posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED), 0);
	/* Its first page back in memory, and no more. */
	assert_int_equal(posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM), 0);
	assert_int_equal(pread(fd, &byte, 1, 0), 1);
	close(fd);
	lms_ahead_plan(a, dir_fd);
	lms_ahead_add(a, "long.yaml");
	assert_int_equal(lms_read_file_ahead(a, dir_fd, "long.yaml",
					     "T/long.yaml", 1 << 20, &b), 0);
	assert_int_equal(b.len, sizeof(text));
	assert_memory_equal(b.buf, text, sizeof(text));
	lms_buf_release(&b);
	lms_ahead_free(a);
}

/* No read ahead (NULL, as where the kernel has no io_uring) is no
 * change. */
static void none_reads_as_before(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	put("a.yaml", "a: 1\n", 5);
	assert_int_equal(lms_ahead_take(NULL, dir_fd, "a.yaml", 100, &b),
			 LMS_AHEAD_NOTHING);
	assert_int_equal(lms_read_file_ahead(NULL, dir_fd, "a.yaml", "T/a.yaml",
					     100, &b), 0);
	assert_string_equal(b.buf, "a: 1\n");
	lms_buf_release(&b);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(every_file_reads_as_without_reading_ahead),
		T(asked_in_any_order),
		T(a_file_partly_in_memory_is_read_whole),
		T(none_reads_as_before),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
