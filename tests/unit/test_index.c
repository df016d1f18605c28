#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

#include "alloc.h"
#include "buf.h"
#include "fsio.h"
#include "index.h"
#include "init.h"
#include "strset.h"
#include "tree.h"

/* A new tree with two courses, and its .lms/, opened. */
static char root[64], dir[80];
static struct lms_tree tree;

static const char course_a[] =
	"id: kurs-a\ntitle: A\nstatus: open\ncapacity: 10\n"
	"place: Huset\nfacilitators:\n- id: fag-en\n  phases: [deliver]\n"
	"sessions:\n  - date: 2026-09-07\n    start: \"11:00\"\n"
	"    end: \"14:00\"\n  - date: 2026-09-08\n";
static const char enrolments_a[] =
	"- person: p-aaaaaa\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-01\n"
	"- person: p-bbbbbb\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-02\n";
static const char course_b[] =
	"id: kurs-b\ntitle: B\nstatus: cancelled\ncapacity: 10\n"
	"place: Huset\nsessions:\n  - date: 2026-09-07\n    start: \"11:00\"\n";
static const char enrolments_b[] =
	"- person: p-cccccc\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-01\n";

static void put(const char *rel, const char *text)
{
	char *path = lms_tree_path(&tree, "%s", rel);
	char *parent = lms_strdup(path);
	size_t n = strlen(tree.root);

	*strrchr(parent, '/') = '\0';
	assert_int_equal(lms_mkdirs_below(parent, n, 0755), 0);
	assert_int_equal(lms_write_below(path, n, text, strlen(text), 0), 0);
	free(parent);
	free(path);
}

static int setup(void **state)
{
	char *lms;

	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-index-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(dir, sizeof(dir), "%s/t", root);
	assert_int_equal(lms_init_tree(dir, "Testtjenesten", "9999"), 0);
	assert_int_equal(lms_tree_open(&tree, dir), 0);
	lms = lms_tree_path(&tree, ".lms");
	mkdir(lms, 0755);
	free(lms);
	put("courses/kurs-a/course.yaml", course_a);
	put("courses/kurs-a/enrolments.yaml", enrolments_a);
	put("courses/kurs-b/course.yaml", course_b);
	put("courses/kurs-b/enrolments.yaml", enrolments_b);
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

static void join(const char *person, void *arg)
{
	struct lms_buf *b = arg;

	lms_buf_addf(b, "%s%s", b->len ? " " : "", person);
}

/* The people of course id as the index has them, joined. */
static char *people(struct lms_index *ix, const char *id)
{
	const struct lms_index_entry *e;
	struct lms_buf b = LMS_BUF_INIT;

	assert_int_equal(lms_index_get(ix, id,
				       LMS_INDEX_KIND(LMS_INDEX_PEOPLE), &e), 0);
	lms_index_people(e, join, &b);
	lms_buf_addch(&b, '\0');
	return lms_buf_detach(&b);
}

/*
 * The index as the courses are now, saved with every entry taken ahead
 * of its files by more than the tick, so that it is trusted, as it is
 * when the files are older than a second.
 */
static void save_trusted(void)
{
	struct lms_index ix;

	lms_index_open(&ix, &tree);
	free(people(&ix, "kurs-a"));
	free(people(&ix, "kurs-b"));
	for (size_t i = 0; i < ix.n; i++)
		ix.v[i].taken_s += 10;
	ix.changed = true;
	lms_index_save(&ix);
	lms_index_release(&ix);
}

static void keeps_people_and_bookings(void **state)
{
	struct lms_index ix;
	const struct lms_index_entry *e;
	struct lms_course c;
	char *p;

	(void)state;
	lms_index_open(&ix, &tree);
	assert_int_equal(ix.n, 0);
	assert_int_equal(lms_index_get(&ix, "kurs-a",
				       LMS_INDEX_KIND(LMS_INDEX_BOOKINGS), &e), 0);
	lms_index_bookings(e, &c);
	assert_string_equal(c.id, "kurs-a");
	/* the session without a time books nobody */
	assert_int_equal(c.nsessions, 1);
	assert_int_equal(c.sessions[0].start, 11 * 60);
	assert_int_equal(c.sessions[0].end, 14 * 60);
	assert_int_equal(c.sessions[0].mark.line, 10);
	assert_string_equal(c.sessions[0].place, "Huset");
	assert_int_equal(c.sessions[0].nled_by, 1);
	assert_string_equal(c.sessions[0].led_by[0], "fag-en");
	lms_course_release(&c);
	assert_int_equal(lms_index_get(&ix, "kurs-b",
				       LMS_INDEX_KIND(LMS_INDEX_BOOKINGS), &e), 0);
	lms_index_bookings(e, &c);
	assert_int_equal(c.nsessions, 0);	/* cancelled */
	lms_course_release(&c);
	p = people(&ix, "kurs-a");
	assert_string_equal(p, "p-aaaaaa p-bbbbbb");
	free(p);
	/* each course's files looked at once while the index is open */
	assert_int_equal(ix.reread, 2);
	lms_index_release(&ix);

	save_trusted();
	lms_index_open(&ix, &tree);
	assert_int_equal(ix.n, 2);
	p = people(&ix, "kurs-b");
	assert_string_equal(p, "p-cccccc");
	free(p);
	assert_int_equal(ix.reread, 0);
	lms_index_release(&ix);
}

/* Any byte cut off or changed, another version: no entries. */
static void refuses_what_is_not_whole(void **state)
{
	struct lms_index ix, bad;
	struct lms_buf b = LMS_BUF_INIT;
	unsigned char *copy;

	(void)state;
	save_trusted();
	lms_index_open(&ix, &tree);
	assert_int_equal(ix.n, 2);
	lms_index_serialize(&ix, true, &b);
	copy = lms_malloc(b.len);
	memset(&bad, 0, sizeof(bad));
	for (size_t len = 0; len < b.len; len++) {
		memcpy(copy, b.buf, len);
		assert_int_equal(lms_index_parse(&bad, copy, len), LMS_EDATA);
		assert_int_equal(bad.n, 0);
	}
	for (size_t i = 0; i < b.len; i++) {
		memcpy(copy, b.buf, b.len);
		copy[i] ^= 0x20;
		assert_int_equal(lms_index_parse(&bad, copy, b.len), LMS_EDATA);
	}
	memcpy(copy, b.buf, b.len);
	assert_int_equal(lms_index_parse(&bad, copy, b.len), 0);
	assert_int_equal(bad.n, 2);
	lms_index_release(&bad);
	free(copy);
	lms_buf_release(&b);
	lms_index_release(&ix);
}

/* An index that says the wrong thing of files it has the stat of. */
static void lying_index(int64_t taken_from_now)
{
	struct lms_index ix;
	struct lms_buf fake = LMS_BUF_INIT;

	save_trusted();
	lms_index_open(&ix, &tree);
	for (size_t i = 0; i < ix.n; i++) {
		struct lms_index_record *r = &ix.v[i].rec[LMS_INDEX_PEOPLE];

		lms_buf_reset(&fake);
		lms_buf_add(&fake, "\1\0\0\0p-fake", 11);
		if (r->owned)
			free((void *)r->data);
		r->len = fake.len;
		r->data = (unsigned char *)lms_buf_detach(&fake);
		r->owned = true;
		ix.v[i].taken_s = time(NULL) + taken_from_now;
		ix.v[i].asked = true;
	}
	ix.changed = true;
	lms_index_save(&ix);
	lms_index_release(&ix);
	lms_buf_release(&fake);
}

/* The lie shows that an entry is trusted; the truth that it is not. */
static void trusts_only_files_older_than_a_tick(void **state)
{
	struct lms_index ix;
	char *p;

	(void)state;
	lying_index(10);
	lms_index_open(&ix, &tree);
	p = people(&ix, "kurs-a");
	assert_string_equal(p, "p-fake");
	free(p);
	lms_index_release(&ix);

	/* taken in the second the files were written: racy, read again */
	lying_index(0);
	lms_index_open(&ix, &tree);
	p = people(&ix, "kurs-a");
	assert_string_equal(p, "p-aaaaaa p-bbbbbb");
	free(p);
	assert_int_equal(ix.reread, 1);
	lms_index_release(&ix);

	/* --no-cache: not even looked at */
	lying_index(10);
	tree.no_cache = true;
	lms_index_open(&ix, &tree);
	tree.no_cache = false;
	p = people(&ix, "kurs-a");
	assert_string_equal(p, "p-aaaaaa p-bbbbbb");
	free(p);
	lms_index_release(&ix);
}

/* Stats that do not decode, in an index whose sum is right (it was
 * written with them): never trusted, their course read again, however
 * old the entry.  Each way of not decoding: a varint cut short, bytes
 * left over, a ctime's nanoseconds past 32 bits. */
static void reads_again_stats_that_do_not_decode(void **state)
{
	static const unsigned char bad[][24] = {
		{ 1, 2, 0, 0x81, 0x81 },
		{ 1, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
		{ 1, 14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		  0x80, 0x80, 0x80, 0x80, 0x20 },
	};
	static const size_t len[] = { 5, 14, 17 };

	(void)state;
	for (size_t k = 0; k < sizeof(len) / sizeof(*len); k++) {
		struct lms_index_stat files[LMS_INDEX_NFILES];
		struct lms_index ix;
		char *p;

		lying_index(10);
		lms_index_open(&ix, &tree);
		for (size_t i = 0; i < ix.n; i++) {
			unsigned char *stats = lms_malloc(len[k]);

			/* What lms wrote decodes: the course's plan there. */
			assert_true(lms_index_stats(&ix.v[i], files));
			assert_true(files[0].present);

			memcpy(stats, bad[k], len[k]);
			if (ix.v[i].own_stats)
				free((void *)ix.v[i].stats);
			ix.v[i].stats = stats;
			ix.v[i].own_stats = true;
			ix.v[i].asked = true;
		}
		ix.changed = true;
		lms_index_save(&ix);
		lms_index_release(&ix);
		lms_index_open(&ix, &tree);
		assert_int_equal(ix.n, 2);	/* the index parsed */
		for (size_t i = 0; i < ix.n; i++)
			assert_false(lms_index_stats(&ix.v[i], files));
		p = people(&ix, "kurs-a");
		assert_string_equal(p, "p-aaaaaa p-bbbbbb");
		free(p);
		assert_int_equal(ix.reread, 1);
		lms_index_release(&ix);
	}
}

/* Same size, mtime put back: the ctime tells. */
static void sees_a_change_with_its_mtime_restored(void **state)
{
	char *path = lms_tree_path(&tree, "courses/kurs-a/enrolments.yaml");
	struct lms_index ix;
	struct stat st;
	struct timespec times[2];
	char *text = lms_strdup(enrolments_a), *p;

	(void)state;
	assert_int_equal(stat(path, &st), 0);
	lying_index(10);
	memcpy(strstr(text, "p-bbbbbb"), "p-dddddd", 8);
	usleep(20000);	/* a ctime that differs on any file system clock */
	put("courses/kurs-a/enrolments.yaml", text);
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	lms_index_open(&ix, &tree);
	p = people(&ix, "kurs-a");
	assert_string_equal(p, "p-aaaaaa p-dddddd");
	free(p);
	p = people(&ix, "kurs-b");
	assert_string_equal(p, "p-fake");	/* unchanged: trusted */
	free(p);
	lms_index_release(&ix);
	free(text);
	free(path);
}

/* Asks the tree which of the ids the tests name it uses. */
static void person_ids(struct lms_strset *ids)
{
	static const char *const asked[] = {
		"p-fake", "p-aaaaaa", "p-cccccc", "p-dddddd"
	};
	struct lms_register r = { NULL, 0 };

	lms_strset_init(ids);
	for (size_t i = 0; i < sizeof(asked) / sizeof(*asked); i++)
		lms_strset_add(ids, asked[i], NULL);
	assert_int_equal(lms_tree_mark_used_ids(&tree, &r, ids), 0);
}

static bool used(const struct lms_strset *ids, const char *id)
{
	return lms_strset_get(ids, id) != NULL;
}

/* Removed, added and renamed courses, a deleted enrolments.yaml. */
static void follows_the_courses(void **state)
{
	struct lms_strset ids;
	char *a = lms_tree_path(&tree, "courses/kurs-a");
	char *c = lms_tree_path(&tree, "courses/kurs-c");
	char *e = lms_tree_path(&tree, "courses/kurs-b/enrolments.yaml");

	(void)state;
	lying_index(10);
	person_ids(&ids);
	assert_true(used(&ids, "p-fake"));
	lms_strset_release(&ids);
	assert_int_equal(rename(a, c), 0);
	assert_int_equal(unlink(e), 0);
	person_ids(&ids);
	/* kurs-c is new: read; kurs-b lost a file: read */
	assert_true(used(&ids, "p-aaaaaa"));
	assert_false(used(&ids, "p-cccccc"));
	assert_false(used(&ids, "p-fake"));
	lms_strset_release(&ids);
	free(a);
	free(c);
	free(e);
}

/* A link, a FIFO, a folder at .lms/index: read around, never opened. */
static void reads_around_what_is_not_a_file(void **state)
{
	char *path = lms_tree_path(&tree, ".lms/index");
	char *other = lms_tree_path(&tree, "elsewhere");
	struct lms_index ix;

	(void)state;
	lying_index(10);
	assert_int_equal(rename(path, other), 0);
	assert_int_equal(symlink("../elsewhere", path), 0);
	lms_index_open(&ix, &tree);
	assert_int_equal(ix.n, 0);
	lms_index_release(&ix);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkfifo(path, 0600), 0);
	lms_index_open(&ix, &tree);
	assert_int_equal(ix.n, 0);
	lms_index_release(&ix);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0755), 0);
	lms_index_open(&ix, &tree);
	assert_int_equal(ix.n, 0);
	free(people(&ix, "kurs-a"));
	lms_index_save(&ix);	/* cannot replace a folder: silent */
	assert_int_equal(lms_last_error()->code, 0);
	lms_index_release(&ix);
	free(path);
	free(other);
}

/* Telling the courses on every core, as a report does first: more than
 * one thread's share of folders, most of them without a plan. */
static void tells_the_courses_on_every_core(void **state)
{
	struct lms_index ix;
	char **ids, *p;
	size_t n;

	(void)state;
	save_trusted();
	for (int i = 2; i < 100; i++) {
		char rel[64];

		snprintf(rel, sizeof(rel), "courses/tom-%02d/notes.txt", i);
		put(rel, "no plan here\n");
	}
	tree.threads = 2;
	assert_int_equal(lms_index_open_courses(&ix, &tree, &ids, &n, NULL,
						 NULL), 0);
	tree.threads = 0;
	/* the folders without a plan are no courses */
	assert_int_equal(n, 2);
	assert_string_equal(ids[0], "kurs-a");
	assert_string_equal(ids[1], "kurs-b");
	/* the folders were never in the index; the courses are trusted */
	assert_int_equal(ix.reread, 98);
	p = people(&ix, "kurs-a");
	assert_string_equal(p, "p-aaaaaa p-bbbbbb");
	free(p);
	assert_int_equal(ix.reread, 98);	/* not looked at again */
	lms_index_release(&ix);
	lms_free(ids);
}

/* What a caller told of the courses as they are looked at saw. */
struct told {
	struct lms_index *ix;
	size_t calls, stop_after;
};

static bool note_told(void *arg, char *const *ids, size_t i, size_t listed)
{
	struct told *t = arg;
	const struct lms_index_entry *e;

	/* in order, each once, the courses alone, looked at already */
	assert_int_equal(i, t->calls++);
	assert_int_equal(listed, 2 + 150 + 150);
	assert_null(strstr(ids[i], "tom-"));
	if (i > 0)
		assert_true(strcmp(ids[i - 1], ids[i]) < 0);
	assert_int_equal(lms_index_get(t->ix, ids[i], 0, &e), 0);
	assert_true(e->looked);
	/* no entry added while the other threads look */
	if (i == 0) {
		assert_int_not_equal(lms_index_get(t->ix, "ny-999", 0, &e),
				     0);
		lms_error_clear();
	}
	return t->calls < t->stop_after;
}

/* The courses told one by one, in order, as the cores look at them,
 * until the caller has had enough; the rest still looked at. */
static void tells_each_course_as_it_is_looked_at(void **state)
{
	struct lms_index ix;
	struct told t = { .ix = &ix, .stop_after = 120 };
	char **ids;
	size_t n;

	(void)state;
	for (int i = 0; i < 150; i++) {
		char rel[64];

		snprintf(rel, sizeof(rel), "courses/ny-%03d/course.yaml", i);
		put(rel, course_b);
		snprintf(rel, sizeof(rel), "courses/tom-%03d/notes.txt", i);
		put(rel, "no plan here\n");
	}
	tree.threads = 2;
	assert_int_equal(lms_index_open_courses(&ix, &tree, &ids, &n,
						note_told, &t), 0);
	tree.threads = 0;
	assert_int_equal(t.calls, 120);
	assert_int_equal(n, 152);
	assert_string_equal(ids[119], "ny-117");
	assert_string_equal(ids[151], "ny-149");
	for (size_t i = 0; i < ix.n; i++)
		assert_true(ix.v[i].looked);
	lms_index_release(&ix);
	lms_free(ids);
}

/* An index whose listing of courses/ has kurs-a alone, as courses/ was
 * at listed, taken ahead by ahead seconds: a lie that shows whether the
 * listing is trusted. */
static void lying_listing(const struct lms_index_listing *listed,
			  int64_t ahead)
{
	struct lms_index ix;
	const struct lms_index_entry *e;

	lms_index_open(&ix, &tree);
	assert_int_equal(lms_index_get(&ix, "kurs-a", 0, &e), 0);
	ix.listing = *listed;
	ix.listing.taken_s += ahead;
	ix.listing.n = 1;
	ix.listed = true;
	ix.changed = true;
	lms_index_save(&ix);
	lms_index_release(&ix);
}

/* The courses of the tree as lms_index_open_courses tells them, joined. */
static char *courses(struct lms_index_listing *listing)
{
	struct lms_index ix;
	struct lms_buf b = LMS_BUF_INIT;
	char **ids;
	size_t n;

	assert_int_equal(lms_index_open_courses(&ix, &tree, &ids, &n, NULL,
						NULL), 0);
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(&b, "%s%s", i ? " " : "", ids[i]);
	lms_buf_addch(&b, '\0');
	if (listing)
		*listing = ix.listing;
	lms_index_release(&ix);
	lms_free(ids);
	return lms_buf_detach(&b);
}

/* courses/ is not listed while it is as it was when the index's entries
 * were listed, a tick before; else it is. */
static void trusts_the_listing_while_courses_is_as_it_was(void **state)
{
	struct lms_index_listing listed;
	char *c;

	(void)state;
	save_trusted();
	c = courses(&listed);
	assert_string_equal(c, "kurs-a kurs-b");
	free(c);
	assert_true(listed.known);
	/* courses/ made within the tick of the listing: listed again */
	lying_listing(&listed, 0);
	c = courses(NULL);
	assert_string_equal(c, "kurs-a kurs-b");
	free(c);
	/* older: the index's entries are its folders */
	lying_listing(&listed, 10);
	c = courses(NULL);
	assert_string_equal(c, "kurs-a");
	free(c);
	/* a folder added: listed again */
	put("courses/kurs-c/course.yaml", course_b);
	c = courses(NULL);
	assert_string_equal(c, "kurs-a kurs-b kurs-c");
	free(c);
}

/* courses/ is listed as the tree holds it open, where its files are
 * looked at and whose stat the index keeps: a folder put in its place
 * since is another, listed when a tree is opened again. */
static void lists_the_folder_it_looks_at(void **state)
{
	char *courses_path = lms_tree_path(&tree, "courses");
	char *moved = lms_tree_path(&tree, "courses.old");
	char *c;

	(void)state;
	save_trusted();
	assert_int_equal(rename(courses_path, moved), 0);
	put("courses/kurs-c/course.yaml", course_b);
	c = courses(NULL);
	assert_string_equal(c, "kurs-a kurs-b");
	free(c);
	lms_tree_release(&tree);
	assert_int_equal(lms_tree_open(&tree, dir), 0);
	c = courses(NULL);
	assert_string_equal(c, "kurs-c");
	free(c);
	free(courses_path);
	free(moved);
}

/* The index says which folders its entries are only when they are the
 * ones it listed, no more. */
static void writes_the_listing_of_what_it_listed(void **state)
{
	struct lms_index ix;
	const struct lms_index_entry *e;
	char **ids;
	size_t n;

	(void)state;
	for (int more = 1; more >= 0; more--) {
		assert_int_equal(lms_index_open_courses(&ix, &tree, &ids, &n,
							NULL, NULL), 0);
		if (more)
			assert_int_equal(lms_index_get(&ix, "kurs-x", 0, &e),
					 0);
		ix.changed = true;
		lms_index_save(&ix);
		lms_index_release(&ix);
		lms_free(ids);
		lms_index_open(&ix, &tree);
		assert_int_equal(ix.n, 2 + more);
		assert_true(ix.listing.known == !more);
		lms_index_release(&ix);
	}
}

/* The index read while courses/ is listed beside it: the same courses;
 * and what the listing meets, told on the calling thread. */
static void opens_and_tells_the_courses_at_once(void **state)
{
	struct lms_index ix;
	char **ids, *courses, *moved;
	size_t n;

	(void)state;
	save_trusted();
	assert_int_equal(lms_index_open_courses(&ix, &tree, &ids, &n, NULL,
						 NULL), 0);
	assert_int_equal(n, 2);
	assert_string_equal(ids[0], "kurs-a");
	assert_string_equal(ids[1], "kurs-b");
	assert_int_equal(ix.reread, 0);
	lms_index_release(&ix);
	lms_free(ids);

	courses = lms_tree_path(&tree, "courses");
	moved = lms_tree_path(&tree, "courses.old");
	assert_int_equal(rename(courses, moved), 0);
	put("courses", "not a folder\n");
	/* as a command that opens the tree now finds it */
	lms_tree_release(&tree);
	assert_int_equal(lms_tree_open(&tree, dir), 0);
	assert_int_not_equal(lms_index_open_courses(&ix, &tree, &ids, &n,
						     NULL, NULL), 0);
	assert_int_equal(n, 0);
	assert_non_null(strstr(lms_last_error()->msg, "courses"));
	lms_error_clear();
	lms_index_release(&ix);
	lms_free(ids);
	free(courses);
	free(moved);
}

static ino_t index_inode(void)
{
	char *path = lms_tree_file(&tree, LMS_FILE_INDEX, NULL);
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	free(path);
	return st.st_ino;
}

/* An index is written only by rename: a new inode is a new index. */
static void writes_again_past_a_few_changes(void **state)
{
	struct lms_index ix;
	const struct lms_index_entry *e;
	ino_t was;
	char *p;

	(void)state;
	save_trusted();
	was = index_inode();
	/* One course changed: read again, the index left as it is. */
	put("courses/kurs-a/enrolments.yaml", enrolments_b);
	lms_index_open(&ix, &tree);
	p = people(&ix, "kurs-a");
	assert_string_equal(p, "p-cccccc");
	free(p);
	free(people(&ix, "kurs-b"));
	assert_int_equal(ix.reread, 1);
	lms_index_save(&ix);
	lms_index_release(&ix);
	assert_true(index_inode() == was);
	/* A kind the file lacks, of a course as it was: written. */
	lms_index_open(&ix, &tree);
	assert_int_equal(lms_index_get(&ix, "kurs-b",
				       LMS_INDEX_KIND(LMS_INDEX_BOOKINGS), &e), 0);
	lms_index_save(&ix);
	lms_index_release(&ix);
	assert_true(index_inode() != was);
	was = index_inode();
	/* More new courses than LMS_INDEX_LAZY: written. */
	for (int i = 0; i <= LMS_INDEX_LAZY; i++) {
		char rel[64];

		snprintf(rel, sizeof(rel), "courses/ny-%03d/course.yaml", i);
		put(rel, course_b);
	}
	lms_index_open(&ix, &tree);
	assert_int_equal(lms_index_get(&ix, "kurs-a", 0, &e), 0);
	assert_int_equal(lms_index_get(&ix, "kurs-b", 0, &e), 0);
	for (int i = 0; i <= LMS_INDEX_LAZY; i++) {
		char id[16];

		snprintf(id, sizeof(id), "ny-%03d", i);
		assert_int_equal(lms_index_get(&ix, id, 0, &e), 0);
	}
	assert_true(ix.stale > LMS_INDEX_LAZY);
	lms_index_save(&ix);
	lms_index_release(&ix);
	assert_true(index_inode() != was);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(keeps_people_and_bookings,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			writes_again_past_a_few_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(
			reads_again_stats_that_do_not_decode, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_what_is_not_whole,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			trusts_only_files_older_than_a_tick, setup, teardown),
		cmocka_unit_test_setup_teardown(
			sees_a_change_with_its_mtime_restored, setup, teardown),
		cmocka_unit_test_setup_teardown(tells_the_courses_on_every_core,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			opens_and_tells_the_courses_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(
			tells_each_course_as_it_is_looked_at, setup, teardown),
		cmocka_unit_test_setup_teardown(
			trusts_the_listing_while_courses_is_as_it_was, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			writes_the_listing_of_what_it_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(
			lists_the_folder_it_looks_at, setup, teardown),
		cmocka_unit_test_setup_teardown(follows_the_courses, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			reads_around_what_is_not_a_file, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
