#ifndef LMS_INDEX_H
#define LMS_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "course.h"
#include "tree.h"

/*
 * The index of the tree, .lms/index: per course, the stat of each of its
 * files and records of what commands need from them, so that a command
 * that needs a little of every course (the person ids of their
 * enrolments, the times their sessions book) reads only the courses that
 * changed.  It is a cache and nothing else: a missing, stale, corrupt or
 * half-written index, or one of another version, makes a command slower,
 * never different (HACKING.md has its format and rules).
 *
 * An entry is trusted only while every file of its course, and its
 * folder, has the device, inode, size, mtime and ctime (to the
 * nanosecond) it had, is there or missing as it was, and changed more than one second (a
 * timestamp tick) before the entry was taken: git's rule for "racy"
 * files, which a change in the same tick as the read cannot tell apart.
 * Such a course is read again every time, and trusted once it is older.
 *
 * Readers need no lock: the index is written whole to a temporary file
 * in .lms/ and renamed over the old one, by whoever found entries
 * missing or stale.  A tree whose .lms/ cannot be written is read
 * without writing the index, with no error and no message.
 */

/* The records an entry may hold, a bit each in a mask of kinds.  A new
 * kind is added at the end (see HACKING.md). */
enum lms_index_kind {
	LMS_INDEX_PEOPLE,	/* the person ids of the enrolments */
	LMS_INDEX_BOOKINGS,	/* the sessions the plan books */
	LMS_INDEX_REPORT,	/* what the course adds to a report: made
				 * and read by the report (aggcache.c) */
	LMS_INDEX_NKINDS
};

#define LMS_INDEX_KIND(k) (1u << (k))

/* The course's files an entry keeps the stat of, and its folder. */
#define LMS_INDEX_NFILES 7

struct lms_index_stat {
	bool present;
	uint64_t dev, ino, size;
	int64_t mtime_s, ctime_s;
	uint32_t mtime_ns, ctime_ns;
};

/*
 * courses/ as it was when its folders were listed, and when that was: as
 * long as it is as it was, and was last changed more than a tick before
 * that, no folder came or went (a name added, removed or renamed over
 * changes a folder's ctime, which nothing can set back), and its folders
 * are the index's entries, which need not be listed again.
 */
struct lms_index_listing {
	bool known;
	struct lms_index_stat dir;
	int64_t taken_s;
	uint32_t taken_ns;
	size_t n;			/* its folders */
};

struct lms_index_record {
	const unsigned char *data;	/* the payload, NULL: not there */
	uint32_t len;			/* as the file has it */
	bool owned;			/* data is the entry's to free */
};

/*
 * An entry read from the file points into it: its id, the stat of its
 * files as the file has them (decoded when it is compared), its records.
 * At 53,500 courses that kept a national tree's index in 40 MiB rather
 * than 70.  An entry made or taken again owns its id and stats (own_stats).
 */
struct lms_index_entry {
	const char *id;
	/* The stat of its files as the file has them (HACKING.md), decoded
	 * only to be compared: in the file, or its own once taken again;
	 * NULL for an entry never looked at. */
	const unsigned char *stats;
	int64_t taken_s;		/* when its files were looked at */
	uint32_t taken_ns;
	struct lms_index_record rec[LMS_INDEX_NKINDS];
	bool asked;			/* asked for since the index opened */
	bool looked;			/* its files looked at since then */
	bool own_id;
	bool own_stats;
	bool retaken;			/* its files changed since the file */
};

struct lms_index {
	struct lms_tree *tree;
	/* .lms/index mapped, which the entries read from it point into,
	 * or NULL.  Past 16 MiB, or once the command has read more than a
	 * few courses from their files (made), its pages are let go as
	 * they are passed (their bytes stay the file's, read again if
	 * touched again): such a command holds a few of them, never the
	 * whole 40 MB of a national tree's with records of every kind. */
	unsigned char *file;
	size_t file_len;
	size_t since_let_go;		/* entries asked for since */
	size_t made;			/* courses whose records were
					 * made from their files */
	struct lms_index_entry *v;	/* those read, sorted by id, */
	size_t n, nsorted;		/* then those added */
	size_t cap;			/* room for so many in v */
	bool tail_sorted;		/* the added in order too */
	size_t hint;			/* where the last was found */
	bool changed;			/* must be written: made anew, or a
					 * course gone */
	size_t stale;			/* entries taken again since open
					 * and their records */
	size_t reread;			/* courses read again since open */
	struct lms_index_listing listing;	/* the file's, or made
						 * since */
	bool listed;			/* its folders are among the
					 * entries asked for */
	bool looking;			/* their files looked at on other
					 * threads, which hold pointers
					 * into v: no entry may be added */
	/* Each file of a course as a name after its id (NULL: none), in
	 * the order of the stats, and its length: found once, not at each
	 * of a national tree's 267,500 stats. */
	const char *in_course[LMS_INDEX_NFILES];
	size_t in_course_len[LMS_INDEX_NFILES];
};

/* The largest index read: past it, it is rebuilt. */
#define LMS_INDEX_MAX ((size_t)1 << 30)

/*
 * Opens the index of tree t: the entries of .lms/index, or none when it
 * is missing, not a regular file, too large, corrupt or of another
 * version, or when t->no_cache.  It never fails.
 */
void lms_index_open(struct lms_index *ix, struct lms_tree *t);
/*
 * The entry of course id, with the records of kinds (a mask of
 * LMS_INDEX_KIND bits), made from the course's files where the index
 * does not have them, or has them from files that changed since; *out
 * is good until the next call.  The
 * store's loaders' error when a file the records need does not load
 * (none for the plan: a course whose plan does not load books nothing).
 */
int lms_index_get(struct lms_index *ix, const char *id, unsigned kinds,
		  const struct lms_index_entry **out);
/*
 * Looks at the files of courses ids[0..n) on every core at once, so that
 * lms_index_get of each afterwards needs no stat: for a command that
 * asks for every course, one by one, on one thread (lms check ID asks
 * for the bookings of all the others).
 */
void lms_index_look(struct lms_index *ix, char *const *ids, size_t n);
/* The stat of each of e's files (LMS_INDEX_NFILES, the folder last) as
 * its entry has them: false for an entry never looked at, or whose
 * stats do not decode. */
bool lms_index_stats(const struct lms_index_entry *e,
		     struct lms_index_stat *out);
/*
 * Told of the courses of lms_index_open_courses one by one, in their
 * order, as soon as they and those before them have been looked at: on
 * the calling thread, between batches of its own looks, while the other
 * cores go on looking.  ids[0..i] are the courses so far; the course is
 * ids[i], of at most listed (the folders of courses/).  It may ask the
 * index (lms_index_get, lms_index_put) of those courses alone, and
 * returns false to be told of no more.
 */
typedef bool lms_index_told(void *arg, char *const *ids, size_t i,
			    size_t listed);
/*
 * Opens the index of t as lms_index_open does, and tells the ids of the
 * tree's courses, as lms_tree_course_ids has them: the folders of
 * courses/ (lms_tree_course_folders), their files looked at on every
 * core, less those seen without a course.yaml.  Each plan is looked up
 * once, and lms_index_get of a course afterwards needs no stat.  The
 * folders are listed on a thread beside while the index is read: a warm
 * report of 53,500 courses spent a tenth of its time doing one after the
 * other.  *ids is one block, freed with lms_free alone.  each, if not
 * NULL, is told of the courses as they are looked at, so that a
 * caller's own work on them runs beside the looks (a report merges the
 * records it keeps), with arg.
 */
int lms_index_open_courses(struct lms_index *ix, struct lms_tree *t,
			   char ***ids, size_t *n, lms_index_told *each,
			   void *arg);
/*
 * Sets the record of kind of the entry of course id, asked for since the
 * index opened (by lms_index_get, which stats its files: a record put
 * must come from files read after that), taking b's bytes: for a kind
 * that its command makes.  A record that the kind does not take as valid
 * is not put.
 */
#define LMS_INDEX_FINGERPRINT 32	/* REPORT: its first bytes */
void lms_index_put(struct lms_index *ix, const char *id,
		   enum lms_index_kind kind, struct lms_buf *b);
/*
 * Says that the caller is done with one more entry's records, which it
 * read after lms_index_get (a report merges them in order), so that the
 * index lets the pages of its file go as they are passed.
 */
void lms_index_passed(struct lms_index *ix);
/* Keeps the entry of course id, if any, as it is, when the index is
 * saved: for a course the command read whole, not through the index. */
void lms_index_keep(struct lms_index *ix, const char *id);
/*
 * Writes the index if it changed: the entries asked for since it was
 * opened (the commands that use it ask for every course), so that a
 * course removed or renamed leaves it.  Failure is silent.  A few
 * entries made again (LMS_INDEX_LAZY: a coordinator's edit, a new
 * course) do not make it write a national tree's 13 MB again: the next
 * command reads those few courses again, in less time than the writing
 * took, until more have changed.
 */
#define LMS_INDEX_LAZY 64
void lms_index_save(struct lms_index *ix);
void lms_index_release(struct lms_index *ix);

/* Calls each with the person ids of e's enrolments (LMS_INDEX_PEOPLE). */
void lms_index_people(const struct lms_index_entry *e,
		      void (*each)(const char *person, void *arg), void *arg);
/*
 * The sessions that e's plan books (LMS_INDEX_BOOKINGS), as a course
 * with only its id and those sessions, each with its place and leaders
 * spelled out (place and led_by), its date, times and position; the
 * caller releases it with lms_course_release.
 */
void lms_index_bookings(const struct lms_index_entry *e,
			struct lms_course *out);

/*
 * The entries of an index file's bytes (for lms_index_open, the tests and
 * the fuzzer): 0, or LMS_EDATA with no entries when anything about it is
 * wrong.  The entries point into data, which must outlive ix.
 */
int lms_index_parse(struct lms_index *ix, const unsigned char *data,
		    size_t len);
/* The bytes of the index file for the entries of ix that were asked for
 * (all of them when all). */
void lms_index_serialize(const struct lms_index *ix, bool all,
			 struct lms_buf *out);

#endif
