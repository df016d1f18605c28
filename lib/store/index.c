#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "coursefiles.h"
#include "date.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "id.h"
#include "index.h"
#include "hash64.h"
#include "walk.h"

/* index.h says what the index is; HACKING.md has its format. */

#define MAGIC "LMSINDEX"
#define FORMAT 5u
#define STAMP "lms " LMS_VERSION
#define SUM_LEN 8

/* The course's folder last: see stat_files. */
static const enum lms_file course_files[LMS_INDEX_NFILES] = {
	LMS_FILE_COURSE, LMS_FILE_ENROLMENTS, LMS_FILE_ATTENDANCE,
	LMS_FILE_EVALUATIONS, LMS_FILE_MEETINGS,
	LMS_FILE_FACILITATOR_EVALUATIONS, LMS_FILE_COURSE_DIR,
};

#define FOLDER (LMS_INDEX_NFILES - 1)

/* Writing: little-endian integers of fixed width */

static void put_u(struct lms_buf *b, uint64_t v, int bytes)
{
	unsigned char x[8];

	for (int i = 0; i < bytes; i++)
		x[i] = (unsigned char)(v >> (8 * i));
	lms_buf_add(b, x, (size_t)bytes);
}

static void put_str(struct lms_buf *b, const char *s)
{
	lms_buf_add(b, s, strlen(s) + 1);
}

/* An unsigned LEB128 varint: 7 bits a byte, the least first. */
static void put_varint(struct lms_buf *b, uint64_t v)
{
	unsigned char x[10];
	size_t n = 0;

	do {
		x[n++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
	lms_buf_add(b, x, n);
}

/* A difference (two's complement) as a small unsigned number whatever
 * its sign: 0, -1, 1, -2 ... as 0, 1, 2, 3 ... */
static uint64_t zigzag(uint64_t d)
{
	return (d << 1) ^ (0 - (d >> 63));
}

static uint64_t unzigzag(uint64_t z)
{
	return (z >> 1) ^ (0 - (z & 1));
}

/* Reading: a cursor that turns bad at the first byte past its end */

struct cursor {
	const unsigned char *p, *end;
	bool bad;
};

static uint64_t get_u(struct cursor *c, int bytes)
{
	uint64_t v = 0;

	if (c->bad || (size_t)(c->end - c->p) < (size_t)bytes) {
		c->bad = true;
		return 0;
	}
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)c->p[i] << (8 * i);
	c->p += bytes;
	return v;
}

static const unsigned char *get_bytes(struct cursor *c, size_t n)
{
	const unsigned char *p = c->p;

	if (c->bad || (size_t)(c->end - c->p) < n) {
		c->bad = true;
		return NULL;
	}
	c->p += n;
	return p;
}

static uint64_t get_varint(struct cursor *c)
{
	uint64_t v = 0;

	if (!c->bad && c->p < c->end && *c->p < 0x80)	/* most are small */
		return *c->p++;
	for (int shift = 0; shift < 64; shift += 7) {
		unsigned byte;

		if (c->bad || c->p == c->end)
			break;
		byte = *c->p++;
		if (shift == 63 && byte > 1)	/* past 64 bits */
			break;
		v |= (uint64_t)(byte & 0x7f) << shift;
		if (!(byte & 0x80))
			return v;
	}
	c->bad = true;
	return 0;
}

/* A string ended by its NUL, which must be within the cursor. */
static const char *get_str(struct cursor *c)
{
	const unsigned char *nul;

	if (c->bad || !(nul = memchr(c->p, 0, (size_t)(c->end - c->p)))) {
		c->bad = true;
		return NULL;
	}
	return (const char *)get_bytes(c, (size_t)(nul - c->p) + 1);
}

/* Records */

static void record_free(struct lms_index_record *r)
{
	if (r->owned)
		lms_free((void *)r->data);
	memset(r, 0, sizeof(*r));
}

static void record_take(struct lms_index_record *r, struct lms_buf *b)
{
	record_free(r);
	r->len = (uint32_t)b->len;	/* lms_index_put: it fits */
	r->data = (const unsigned char *)lms_buf_detach(b);
	r->owned = true;
}

/* PEOPLE: u32 n, then n strings each ended by a NUL. */
static void add_person(struct lms_buf *b, const char *person)
{
	put_str(b, person);
}

static bool people_valid(const unsigned char *data, size_t len)
{
	struct cursor c = { data, data + len, false };
	uint64_t n = get_u(&c, 4);

	for (uint64_t i = 0; i < n && !c.bad; i++)
		get_str(&c);
	return !c.bad && c.p == c.end;
}

void lms_index_people(const struct lms_index_entry *e,
		      void (*each)(const char *person, void *arg), void *arg)
{
	const struct lms_index_record *r = &e->rec[LMS_INDEX_PEOPLE];
	struct cursor c;
	uint64_t n;

	if (!r->data)	/* no record: no NULL + 0 for a cursor either */
		return;
	c = (struct cursor){ r->data, r->data + r->len, false };
	n = get_u(&c, 4);
	for (uint64_t i = 0; i < n; i++)
		each(get_str(&c), arg);
}

static int make_people(struct lms_index *ix, const char *id,
		       struct lms_buf *out)
{
	struct lms_enrolments e;
	int err = lms_tree_load_enrolments(ix->tree, id, &e);

	if (err)
		return err;
	put_u(out, e.n, 4);
	for (size_t i = 0; i < e.n; i++)
		add_person(out, e.v[i].person ? e.v[i].person : "");
	lms_enrolments_release(&e);
	return 0;
}

/*
 * BOOKINGS: u32 n and n strings (the places and leaders, each once),
 * then u32 n and n sessions: i32 date, i32 start, i32 end, u32 line,
 * u32 col, u32 place, u32 n and n leaders, the strings by number.
 */
static uint32_t string_number(const char ***v, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i], s))
			return (uint32_t)i;
	*(const char **)lms_array_push(v, n, sizeof(char *)) = s;
	return (uint32_t)(*n - 1);
}

/* A session books nobody without a date or a start (see conflicts.h). */
static bool books(const struct lms_session *s)
{
	return s->date != LMS_DATE_NONE && s->start != LMS_TIME_NONE;
}

static void put_sessions(struct lms_buf *out, const struct lms_course *c)
{
	const char **strings = NULL, *who;
	size_t nstrings = 0;
	struct lms_buf s = LMS_BUF_INIT;
	uint32_t n = 0;

	for (size_t i = 0; i < c->nsessions; i++) {
		const struct lms_session *x = &c->sessions[i];
		size_t nled = 0;

		if (!books(x))
			continue;
		n++;
		put_u(&s, (uint32_t)x->date, 4);
		put_u(&s, (uint32_t)x->start, 4);
		put_u(&s, (uint32_t)x->end, 4);
		put_u(&s, x->mark.line, 4);
		put_u(&s, x->mark.col, 4);
		put_u(&s, string_number(&strings, &nstrings,
					lms_session_place(c, i)), 4);
		while (lms_session_leader(c, x, nled))
			nled++;
		put_u(&s, nled, 4);
		for (size_t k = 0; (who = lms_session_leader(c, x, k)); k++)
			put_u(&s, string_number(&strings, &nstrings, who), 4);
	}
	put_u(out, nstrings, 4);
	for (size_t i = 0; i < nstrings; i++)
		put_str(out, strings[i]);
	put_u(out, n, 4);
	lms_buf_add(out, s.buf, s.len);
	lms_buf_release(&s);
	lms_free(strings);
}

/*
 * The plan read as lms check reads it (unknown keys are notes there, not
 * errors); one that does not load books nothing, as in lms check.
 */
static int make_bookings(struct lms_index *ix, const char *id,
			 struct lms_buf *out)
{
	struct lms_course_files cf;
	struct lms_course none = { .nsessions = 0 };

	lms_course_files_load(ix->tree, id, LMS_COURSE_FILES_PLAN, NULL, &cf);
	lms_error_clear();
	if (cf.plan.loaded && cf.data.course.status != LMS_COURSE_CANCELLED)
		put_sessions(out, &cf.data.course);
	else
		put_sessions(out, &none);
	lms_course_files_release(&cf);
	return 0;
}

/* Walks the bookings; with c, fills in its sessions. */
static bool walk_bookings(const unsigned char *data, size_t len,
			  struct lms_course *c)
{
	struct cursor k = { data, data + len, false };
	uint64_t nstrings = get_u(&k, 4), n;
	const char **strings = NULL;
	size_t ns = 0;

	for (uint64_t i = 0; i < nstrings && !k.bad; i++)
		*(const char **)lms_array_push(&strings, &ns, sizeof(char *)) =
			get_str(&k);
	n = get_u(&k, 4);
	for (uint64_t i = 0; i < n && !k.bad; i++) {
		struct lms_session s = { .place = NULL };
		uint64_t place, nled;

		s.date = (int32_t)get_u(&k, 4);
		s.start = (int32_t)get_u(&k, 4);
		s.end = (int32_t)get_u(&k, 4);
		s.mark.line = (uint32_t)get_u(&k, 4);
		s.mark.col = (uint32_t)get_u(&k, 4);
		place = get_u(&k, 4);
		nled = get_u(&k, 4);
		if (place >= ns || nled > (size_t)(k.end - k.p) / 4)
			k.bad = true;
		if (k.bad)
			break;
		if (c) {
			s.place = lms_strdup(strings[place]);
			s.led_by = lms_calloc(nled + 1, sizeof(char *));
			s.nled_by = (size_t)nled;
		}
		for (uint64_t j = 0; j < nled && !k.bad; j++) {
			uint64_t w = get_u(&k, 4);

			if (w >= ns)
				k.bad = true;
			else if (c)
				s.led_by[j] = lms_strdup(strings[w]);
		}
		if (c)
			*(struct lms_session *)lms_array_push(
				&c->sessions, &c->nsessions, sizeof(s)) = s;
	}
	lms_free(strings);
	return !k.bad && k.p == k.end;
}

void lms_index_bookings(const struct lms_index_entry *e,
			struct lms_course *out)
{
	const struct lms_index_record *r = &e->rec[LMS_INDEX_BOOKINGS];

	memset(out, 0, sizeof(*out));
	out->id = lms_strdup(e->id);
	if (r->data)
		walk_bookings(r->data, r->len, out);
}

static bool bookings_valid(const unsigned char *data, size_t len)
{
	return walk_bookings(data, len, NULL);
}

/* REPORT: made and checked whole by the report (aggcache.c), which puts
 * it; here only its fingerprint must be there. */
static bool report_valid(const unsigned char *data, size_t len)
{
	(void)data;
	return len >= LMS_INDEX_FINGERPRINT;
}

/* The kinds: how each is made from the files and told valid (a kind
 * without make is made by its command: lms_index_put). */
static const struct {
	int (*make)(struct lms_index *ix, const char *id, struct lms_buf *out);
	bool (*valid)(const unsigned char *data, size_t len);
} kinds[LMS_INDEX_NKINDS] = {
	[LMS_INDEX_PEOPLE] = { make_people, people_valid },
	[LMS_INDEX_BOOKINGS] = { make_bookings, bookings_valid },
	[LMS_INDEX_REPORT] = { NULL, report_valid },
};

/* Entries */

static void entry_free(struct lms_index_entry *e)
{
	if (e->own_id)
		lms_free((char *)e->id);
	if (e->own_stats)
		lms_free((void *)e->stats);
	for (int k = 0; k < LMS_INDEX_NKINDS; k++)
		record_free(&e->rec[k]);
	memset(e, 0, sizeof(*e));
}

/* Room for cap entries in ix->v. */
static void room_for(struct lms_index *ix, size_t cap)
{
	ix->v = lms_realloc(ix->v, cap * sizeof(*ix->v));
	ix->cap = cap;
}

/* A new entry at the end of ix->v, which may move. */
static struct lms_index_entry *push_entry(struct lms_index *ix)
{
	if (ix->n == ix->cap)
		room_for(ix, ix->cap ? 2 * ix->cap : 64);
	return &ix->v[ix->n++];
}

static void entries_free(struct lms_index *ix)
{
	for (size_t i = 0; i < ix->n; i++)
		entry_free(&ix->v[i]);
	lms_free(ix->v);
	ix->v = NULL;
	ix->n = ix->nsorted = ix->cap = 0;
	ix->tail_sorted = true;
}

/*
 * The stats of an entry, in the file: a byte, the mask of the files
 * present; u16, the length of what follows; for each file present,
 * varints: its device and inode as differences (zigzag) from those of
 * the file before (0 for the first), its size, its mtime's seconds as a
 * difference from the file before's, then u32 the nanoseconds, then its
 * ctime as differences from its mtime.  A course's files lie on one
 * device, were made about the same time and most were last changed when
 * made: five files in about 80 bytes rather than the 221 of fixed
 * widths, a third less index and two fifths of a cold run's memory for
 * it.
 */
#define STATS_HEAD 3

static size_t stats_len(const unsigned char *stats)
{
	return STATS_HEAD + (stats[1] | (size_t)stats[2] << 8);
}

static void put_stats(struct lms_buf *b, const struct lms_index_stat *files)
{
	unsigned present = 0;
	uint64_t dev = 0, ino = 0, mtime = 0;
	size_t at;

	for (int f = 0; f < LMS_INDEX_NFILES; f++)
		present |= (unsigned)files[f].present << f;
	put_u(b, present, 1);
	at = b->len;
	put_u(b, 0, 2);
	for (int f = 0; f < LMS_INDEX_NFILES; f++) {
		const struct lms_index_stat *s = &files[f];

		if (!s->present)
			continue;
		put_varint(b, zigzag(s->dev - dev));
		put_varint(b, zigzag(s->ino - ino));
		put_varint(b, s->size);
		put_varint(b, zigzag((uint64_t)s->mtime_s - mtime));
		put_u(b, s->mtime_ns, 4);
		put_varint(b, zigzag((uint64_t)s->ctime_s -
				     (uint64_t)s->mtime_s));
		put_varint(b, zigzag((uint64_t)s->ctime_ns -
				     (uint64_t)s->mtime_ns));
		dev = s->dev;
		ino = s->ino;
		mtime = (uint64_t)s->mtime_s;
	}
	/* Seven files of ten-byte varints take less than 64 KiB. */
	b->buf[at] = (char)((b->len - at - 2) & 0xff);
	b->buf[at + 1] = (char)((b->len - at - 2) >> 8);
}

/* The stats of stats, which must end where stats_len says: false for
 * bytes that are no such stats.  They are decoded only to be compared,
 * on the threads that look at the files, not where the index is
 * parsed: checking each entry's there too was a twentieth of a warm
 * report's time on the calling thread. */
static bool read_stats(const unsigned char *stats, struct lms_index_stat *out)
{
	struct cursor c = { stats + STATS_HEAD, stats + stats_len(stats),
			    false };
	uint64_t dev = 0, ino = 0, mtime = 0;

	for (int f = 0; f < LMS_INDEX_NFILES; f++) {
		struct lms_index_stat *s = &out[f];
		int64_t ns;

		memset(s, 0, sizeof(*s));
		if (!(s->present = stats[0] >> f & 1))
			continue;
		s->dev = dev += unzigzag(get_varint(&c));
		s->ino = ino += unzigzag(get_varint(&c));
		s->size = get_varint(&c);
		mtime += unzigzag(get_varint(&c));
		s->mtime_s = (int64_t)mtime;
		s->mtime_ns = (uint32_t)get_u(&c, 4);
		s->ctime_s = (int64_t)(mtime + unzigzag(get_varint(&c)));
		ns = (int64_t)unzigzag(get_varint(&c));
		if (ns < -(int64_t)UINT32_MAX || ns > (int64_t)UINT32_MAX ||
		    (ns += s->mtime_ns) < 0 || ns > (int64_t)UINT32_MAX)
			return false;
		s->ctime_ns = (uint32_t)ns;
	}
	return !c.bad && c.p == c.end;
}


static void put_entry(struct lms_buf *b, const struct lms_index_entry *e)
{
	unsigned have = 0;

	put_str(b, e->id);
	lms_buf_add(b, e->stats, stats_len(e->stats));
	put_u(b, (uint64_t)e->taken_s, 8);
	put_u(b, e->taken_ns, 4);
	for (int k = 0; k < LMS_INDEX_NKINDS; k++)
		have |= (unsigned)(e->rec[k].data != NULL) << k;
	put_u(b, have, 1);
	for (int k = 0; k < LMS_INDEX_NKINDS; k++) {
		if (!e->rec[k].data)
			continue;
		put_u(b, e->rec[k].len, 4);
		lms_buf_add(b, e->rec[k].data, e->rec[k].len);
	}
}

static bool get_entry(struct cursor *c, struct lms_index_entry *e)
{
	const char *id = get_str(c);
	const unsigned char *stats = c->p;
	unsigned present = (unsigned)get_u(c, 1), have;
	size_t len = (size_t)get_u(c, 2);

	memset(e, 0, sizeof(*e));
	if (c->bad || !lms_id_valid(id) || present >> LMS_INDEX_NFILES ||
	    !get_bytes(c, len))
		return false;
	e->stats = stats;
	e->taken_s = (int64_t)get_u(c, 8);
	e->taken_ns = (uint32_t)get_u(c, 4);
	have = (unsigned)get_u(c, 1);
	if (c->bad || have >> LMS_INDEX_NKINDS)
		return false;
	for (int k = 0; k < LMS_INDEX_NKINDS; k++) {
		struct lms_index_record *r = &e->rec[k];

		if (!(have >> k & 1))
			continue;
		r->len = (uint32_t)get_u(c, 4);
		if (!(r->data = get_bytes(c, r->len)) ||
		    !kinds[k].valid(r->data, r->len))
			return false;
	}
	e->id = id;
	return true;
}

/* How often: bytes summed, or entries parsed, asked for or looked at;
 * and how many courses read from their files make a command one that
 * holds much besides the index. */
#define LET_GO_BYTES ((size_t)1 << 20)
#define LET_GO_ENTRIES 1024

/*
 * An index this large at most is held as it is passed, while the command
 * has read few courses from their files (see struct lms_index): it
 * passes the entries several times (parse, look, ask, merge), and
 * letting a national report's index of 13 MB go made each pass fault it
 * in again, 14 % of a warm report's time.  With the records of every
 * kind an index is three times that; and a command that reads every
 * course, making their records anew, holds much besides.
 */
#define HOLD_MAX ((size_t)16 << 20)

static void let_go(const struct lms_index *ix)
{
	if (ix->file && (ix->file_len > HOLD_MAX ||
			 ix->made >= LET_GO_ENTRIES))
		madvise(ix->file, ix->file_len, MADV_DONTNEED);
}

/* One more entry passed on the calling thread: their ids, stats and
 * records lie all over the file. */
void lms_index_passed(struct lms_index *ix)
{
	if (++ix->since_let_go == LET_GO_ENTRIES) {
		let_go(ix);
		ix->since_let_go = 0;
	}
}

static bool sum_matches(const struct lms_index *ix, const unsigned char *data,
			size_t len)
{
	struct lms_hash64 h;
	struct cursor c = { data + len - SUM_LEN, data + len, false };

	lms_hash64_init(&h);
	for (size_t at = 0; at < len - SUM_LEN; at += LET_GO_BYTES) {
		size_t n = len - SUM_LEN - at;

		lms_hash64_add(&h, data + at, n < LET_GO_BYTES ? n :
			       LET_GO_BYTES);
		let_go(ix);
	}
	return lms_hash64_final(&h) == get_u(&c, SUM_LEN);
}

/* The listing of courses/ that the entries are, if known: a byte, 1 if
 * it is, and then its stat and when it was taken, at fixed widths. */
static void put_listing(struct lms_buf *b, const struct lms_index_listing *l)
{
	put_u(b, l->known, 1);
	if (!l->known)
		return;
	put_u(b, l->dir.dev, 8);
	put_u(b, l->dir.ino, 8);
	put_u(b, l->dir.size, 8);
	put_u(b, (uint64_t)l->dir.mtime_s, 8);
	put_u(b, l->dir.mtime_ns, 4);
	put_u(b, (uint64_t)l->dir.ctime_s, 8);
	put_u(b, l->dir.ctime_ns, 4);
	put_u(b, (uint64_t)l->taken_s, 8);
	put_u(b, l->taken_ns, 4);
}

static void get_listing(struct cursor *c, struct lms_index_listing *l)
{
	uint64_t known = get_u(c, 1);

	memset(l, 0, sizeof(*l));
	if (known > 1)
		c->bad = true;
	if (known != 1)
		return;
	l->dir.present = true;
	l->dir.dev = get_u(c, 8);
	l->dir.ino = get_u(c, 8);
	l->dir.size = get_u(c, 8);
	l->dir.mtime_s = (int64_t)get_u(c, 8);
	l->dir.mtime_ns = (uint32_t)get_u(c, 4);
	l->dir.ctime_s = (int64_t)get_u(c, 8);
	l->dir.ctime_ns = (uint32_t)get_u(c, 4);
	l->taken_s = (int64_t)get_u(c, 8);
	l->taken_ns = (uint32_t)get_u(c, 4);
	l->known = !c->bad;
}

static bool get_header(struct cursor *c, uint64_t *n,
		       struct lms_index_listing *listing)
{
	const unsigned char *magic = get_bytes(c, sizeof(MAGIC) - 1);
	uint64_t format = get_u(c, 4);
	const char *stamp = get_str(c);

	*n = get_u(c, 4);
	get_listing(c, listing);
	listing->n = (size_t)*n;
	return !c->bad && !memcmp(magic, MAGIC, sizeof(MAGIC) - 1) &&
	       format == FORMAT && !strcmp(stamp, STAMP);
}

int lms_index_parse(struct lms_index *ix, const unsigned char *data,
		    size_t len)
{
	struct cursor c = { data, data + len - SUM_LEN, false };
	uint64_t n = 0;
	bool ok = len > SUM_LEN && sum_matches(ix, data, len) &&
		  get_header(&c, &n, &ix->listing);

	entries_free(ix);
	/* Room for all at once: no copy of a national tree's entries
	 * while they are read, and no more room than they take; mapped
	 * at once (4.7 MB at 53,500 courses: its faults were half of
	 * the parse). */
	if (ok && n > 0 && n <= len / 16) {
		room_for(ix, (size_t)n);
		lms_prefault(ix->v, (size_t)n * sizeof(*ix->v));
	}
	for (uint64_t i = 0; ok && i < n; i++) {
		struct lms_index_entry e;

		if (!(ok = get_entry(&c, &e))) {
			entry_free(&e);
			break;
		}
		*push_entry(ix) = e;
		/* sorted, each once: looked up by bsearch */
		ok = ix->n < 2 || strcmp(ix->v[ix->n - 2].id, e.id) < 0;
		lms_index_passed(ix);
	}
	let_go(ix);
	if (ok && c.p != c.end)
		ok = false;
	if (!ok) {
		entries_free(ix);
		memset(&ix->listing, 0, sizeof(ix->listing));
	}
	ix->nsorted = ix->n;
	return ok ? 0 : LMS_EDATA;
}

/*
 * Where the index is written: a buffer that, with a file, is written out
 * and summed whenever it holds a block, so that saving a national tree's
 * index needs a block of memory, not the size of the file.
 */
struct sink {
	struct lms_buf b;
	struct lms_hash64 sum;
	int fd;			/* -1: all of it stays in b */
	bool failed;
};

#define BLOCK ((size_t)64 << 10)

static void sink_flush(struct sink *s)
{
	size_t done = 0;

	lms_hash64_add(&s->sum, s->b.buf, s->b.len);
	while (!s->failed && done < s->b.len) {
		ssize_t n = write(s->fd, s->b.buf + done, s->b.len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			s->failed = true;
		else
			done += (size_t)n;
	}
	lms_buf_reset(&s->b);
}

/*
 * The listing of courses/ that the entries written are, if known: those
 * asked for include the listing's folders (listed), so they are those
 * folders if there are as many.  All the entries: the listing as read,
 * if they are as many as it had.
 */
static struct lms_index_listing listing_of(const struct lms_index *ix,
					   bool all, size_t n)
{
	struct lms_index_listing l = ix->listing;

	l.known = l.known && (all || ix->listed) && n == l.n;
	return l;
}

static void serialize(const struct lms_index *ix, bool all, struct sink *s)
{
	struct lms_index_listing listing;
	size_t n = 0;

	lms_hash64_init(&s->sum);
	for (size_t i = 0; i < ix->n; i++)
		n += all || ix->v[i].asked;
	listing = listing_of(ix, all, n);
	lms_buf_add(&s->b, MAGIC, sizeof(MAGIC) - 1);
	put_u(&s->b, FORMAT, 4);
	put_str(&s->b, STAMP);
	put_u(&s->b, n, 4);
	put_listing(&s->b, &listing);
	for (size_t i = 0; i < ix->n && !s->failed; i++) {
		if (all || ix->v[i].asked)
			put_entry(&s->b, &ix->v[i]);
		if (s->fd >= 0 && s->b.len >= BLOCK) {
			sink_flush(s);
			let_go(ix);
		}
	}
	if (s->fd >= 0)
		sink_flush(s);
	else
		lms_hash64_add(&s->sum, s->b.buf, s->b.len);
	put_u(&s->b, lms_hash64_final(&s->sum), SUM_LEN);
	if (s->fd >= 0)
		sink_flush(s);
}

void lms_index_serialize(const struct lms_index *ix, bool all,
			 struct lms_buf *out)
{
	struct sink s = { .b = *out, .fd = -1 };

	serialize(ix, all, &s);
	*out = s.b;
}

/* Opening and saving */

/*
 * .lms/index as it is, mapped, or false: never through a symbolic link,
 * never from a FIFO (O_NONBLOCK opens it without waiting for a writer),
 * a folder or a device, never empty or larger than LMS_INDEX_MAX.  A
 * private mapping of a file that is replaced only by rename: what is
 * mapped stays as it was read.
 */
static bool map_index(const char *path, unsigned char **data, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	void *p = MAP_FAILED;

	*data = NULL;
	if (fd < 0)
		return false;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= LMS_INDEX_MAX) {
		*len = (size_t)st.st_size;
		/* One that is held is mapped whole at once: its sum
		 * touches every page, and a fault for each sixteen of
		 * them cost half again as much. */
		p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE |
			 (*len <= HOLD_MAX ? MAP_POPULATE : 0), fd, 0);
	}
	close(fd);
	if (p == MAP_FAILED)
		return false;
	*data = p;
	return true;
}

static void unmap_index(struct lms_index *ix)
{
	if (ix->file)
		munmap(ix->file, ix->file_len);
	ix->file = NULL;
}

/* The index of t mapped, not yet parsed: see lms_index_open. */
static void open_mapped(struct lms_index *ix, struct lms_tree *t)
{
	char *path;

	memset(ix, 0, sizeof(*ix));
	ix->tree = t;
	ix->tail_sorted = true;
	for (int f = 0; f < LMS_INDEX_NFILES; f++) {
		ix->in_course[f] = lms_file_in_course(course_files[f]);
		if (ix->in_course[f])
			ix->in_course_len[f] = strlen(ix->in_course[f]);
	}
	path = lms_tree_file(t, LMS_FILE_INDEX, NULL);
	if (t->no_cache || !map_index(path, &ix->file, &ix->file_len))
		ix->changed = true;	/* rebuilt by the next save */
	lms_free(path);
}

static void parse_mapped(struct lms_index *ix)
{
	if (ix->file && lms_index_parse(ix, ix->file, ix->file_len)) {
		unmap_index(ix);
		ix->changed = true;
	}
}

void lms_index_open(struct lms_index *ix, struct lms_tree *t)
{
	open_mapped(ix, t);
	parse_mapped(ix);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct lms_index_entry *)a)->id,
		      ((const struct lms_index_entry *)b)->id);
}

/*
 * Writes the index whole into a new temporary file in .lms/ and renames
 * it over path: a reader sees the old index or the new, never half of
 * one.  Not synced: a cache torn by a crash fails its sum, and is
 * rebuilt.  A cache: whatever fails, the command goes on as if it had
 * none, silently; and a reader makes nothing (lms(1)), so no .lms/ (or
 * one that is a link) is no index.
 */
static int write_index(const char *dir, const char *path,
		       const struct lms_index *ix)
{
	struct lms_buf tmp = LMS_BUF_INIT;
	struct sink s = { .b = LMS_BUF_INIT };
	struct stat st;
	int err = -1;

	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return -1;
	lms_buf_addf(&tmp, "%s/.index.XXXXXX", dir);
	if ((s.fd = mkstemp(tmp.buf)) < 0)
		goto out;
	serialize(ix, false, &s);
	if (close(s.fd) == 0 && !s.failed && rename(tmp.buf, path) == 0)
		err = 0;
	else
		unlink(tmp.buf);
out:
	lms_buf_release(&s.b);
	lms_buf_release(&tmp);
	return err;
}

/* Whether the entries are sorted: those read are, so only those added
 * after them are compared.  A sort of a national tree's entries, each
 * time, took as long as writing its index. */
static bool in_order(const struct lms_index *ix)
{
	for (size_t i = ix->nsorted ? ix->nsorted : 1; i < ix->n; i++)
		if (by_id(&ix->v[i - 1], &ix->v[i]) >= 0)
			return false;
	return true;
}

void lms_index_save(struct lms_index *ix)
{
	struct lms_tree *t = ix->tree;
	char *path = lms_tree_file(t, LMS_FILE_INDEX, NULL), *dir;

	for (size_t i = 0; i < ix->n && !ix->changed; i++)
		ix->changed = !ix->v[i].asked;	/* a course gone */
	if (!ix->changed && ix->stale <= LMS_INDEX_LAZY) {
		lms_free(path);
		return;
	}
	dir = lms_strdup(path);
	*strrchr(dir, '/') = '\0';
	if (!in_order(ix))
		lms_array_sort(ix->v, ix->n, sizeof(*ix->v), by_id);
	ix->nsorted = ix->n;
	ix->tail_sorted = true;
	if (!write_index(dir, path, ix)) {
		ix->changed = false;
		ix->stale = 0;
	}
	lms_free(path);
	lms_free(dir);
}

void lms_index_release(struct lms_index *ix)
{
	entries_free(ix);
	unmap_index(ix);
	memset(ix, 0, sizeof(*ix));
}

/* Freshness */

/*
 * The paths of one course's files below courses/: its id, copied once,
 * then each file's name after it in turn (each path made whole was a
 * fiftieth of a warm report's CPU).  Below courses/, open, two steps of
 * a path are looked up rather than all of them from /, where the
 * lookups were a quarter of a warm report.
 */
struct course_path {
	const char *id;
	char buf[256];
	size_t idlen;			/* sizeof(buf): too long for it */
};

static void course_path_init(struct course_path *p, const char *id)
{
	size_t n = strlen(id);

	p->id = id;
	p->idlen = n < sizeof(p->buf) ? n : sizeof(p->buf);
	if (n < sizeof(p->buf))
		memcpy(p->buf, id, n);
}

/* The stat of file f (course_files[f]) of course p, through a link
 * unless flags say not: below courses/ open as dir where it can be (-1:
 * not open), else from the tree's root. */
static int stat_file(const struct lms_index *ix, int dir,
		     struct course_path *p, int f, int flags, struct stat *st)
{
	const char *name = ix->in_course[f];
	size_t len = ix->in_course_len[f];
	char *path;
	int r, e;

	if (dir >= 0 && name && p->idlen + len < sizeof(p->buf)) {
		memcpy(p->buf + p->idlen, name, len + 1);
		return fstatat(dir, p->buf, st, flags);
	}
	path = lms_tree_file(ix->tree, course_files[f], p->id);
	r = flags ? lstat(path, st) : stat(path, st);
	e = errno;
	lms_free(path);
	errno = e;
	return r;
}

static void take_stat(const struct stat *st, struct lms_index_stat *s)
{
	s->present = true;
	s->dev = (uint64_t)st->st_dev;
	s->ino = (uint64_t)st->st_ino;
	s->size = (uint64_t)st->st_size;
	s->mtime_s = (int64_t)st->st_mtim.tv_sec;
	s->mtime_ns = (uint32_t)st->st_mtim.tv_nsec;
	s->ctime_s = (int64_t)st->st_ctim.tv_sec;
	s->ctime_ns = (uint32_t)st->st_ctim.tv_nsec;
}

/*
 * Looks at file f as the loaders read it, through a link; false if it
 * cannot be told.  The file itself first, which for all but a link is
 * the one stat needed: a link whose target is missing is a name in the
 * folder all the same, and one that may come to point somewhere without
 * the folder changing, so it is never taken as missing.
 */
static bool look_at(const struct lms_index *ix, int dir, int f,
		    struct course_path *p, struct lms_index_stat *out)
{
	struct stat st;
	int flags = f == FOLDER ? 0 : AT_SYMLINK_NOFOLLOW;

	memset(out, 0, sizeof(*out));
	if (stat_file(ix, dir, p, f, flags, &st) < 0)
		return errno == ENOENT || errno == ENOTDIR;
	if (S_ISLNK(st.st_mode) &&
	    stat_file(ix, dir, p, f, 0, &st) < 0)
		return false;
	take_stat(&st, out);
	return true;
}

/* Whether time (s, ns) is a whole tick (1 s) before the taking at
 * (taken_s, taken_ns). */
static bool before_taken(int64_t taken_s, uint32_t taken_ns, int64_t s,
			 uint32_t ns)
{
	if (s > INT64_MAX - 1)
		return false;
	return s + 1 < taken_s || (s + 1 == taken_s && ns < taken_ns);
}

/* Whether a, taken at (taken_s, taken_ns), is b, and older than its
 * taking by a tick. */
static bool same_stat(int64_t taken_s, uint32_t taken_ns,
		      const struct lms_index_stat *a,
		      const struct lms_index_stat *b)
{
	if (a->present != b->present)
		return false;
	return !a->present ||
	       (a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
		a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns &&
		a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns &&
		before_taken(taken_s, taken_ns, a->mtime_s, a->mtime_ns) &&
		before_taken(taken_s, taken_ns, a->ctime_s, a->ctime_ns));
}

/*
 * The files of course e as they are now, was as e had them (or NULL);
 * false if one cannot be told.  The folder first: while it is as it was,
 * no name in it came or went (a name added, removed or renamed over
 * changes its ctime, which nothing can set back), so a file that was
 * missing still is, and is not looked for.  That was a third of the
 * looks of a warm report, where most courses lack two of their files.
 */
static bool stat_files(const struct lms_index *ix, int dir,
		       const struct lms_index_entry *e,
		       const struct lms_index_stat *was,
		       struct lms_index_stat *now)
{
	struct course_path p;
	bool known, same_names;

	course_path_init(&p, e->id);
	known = look_at(ix, dir, FOLDER, &p, &now[FOLDER]);
	same_names = was && known && now[FOLDER].present &&
		     same_stat(e->taken_s, e->taken_ns, &was[FOLDER],
			       &now[FOLDER]);

	for (int f = 0; f < FOLDER; f++) {
		if (same_names && !was[f].present)
			memset(&now[f], 0, sizeof(now[f]));
		else if (!look_at(ix, dir, f, &p, &now[f]))
			known = false;
	}
	return known;
}

bool lms_index_stats(const struct lms_index_entry *e,
		     struct lms_index_stat *out)
{
	return e->stats && read_stats(e->stats, out);
}

/* The stats e was taken with, in was; false for an entry never looked
 * at, or whose stats do not decode (which its sum missed): its course is
 * read again. */
static bool taken_with(const struct lms_index_entry *e,
		       struct lms_index_stat *was)
{
	return lms_index_stats(e, was);
}

static bool fresh(const struct lms_index_entry *e,
		  const struct lms_index_stat *was,
		  const struct lms_index_stat *now)
{
	for (int f = 0; f < LMS_INDEX_NFILES; f++)
		if (!same_stat(e->taken_s, e->taken_ns, &was[f], &now[f]))
			return false;
	return true;
}

/*
 * The entries read are sorted; those added since follow them, sorted
 * too as long as they come in order, as the courses are asked for.
 * Commands ask in the courses' order, so the entry after the last found
 * is tried first: a national tree's ids share their first letters, and
 * a search of each cost a warm report a twentieth of its time.
 */
static struct lms_index_entry *search(struct lms_index *ix, const char *id)
{
	struct lms_index_entry key = { .id = id }, *e;

	if (!ix->n)	/* bsearch of no array at all */
		return NULL;
	e = bsearch(&key, ix->v, ix->nsorted, sizeof(*ix->v), by_id);
	if (e || !ix->tail_sorted)
		return e;
	return bsearch(&key, ix->v + ix->nsorted, ix->n - ix->nsorted,
		       sizeof(*ix->v), by_id);
}

static struct lms_index_entry *find(struct lms_index *ix, const char *id)
{
	struct lms_index_entry *e;

	for (size_t i = ix->hint; i < ix->n && i < ix->hint + 2; i++)
		if (!strcmp(ix->v[i].id, id))
			return &ix->v[ix->hint = i];
	if ((e = search(ix, id)))
		ix->hint = (size_t)(e - ix->v);
	return e;
}

static struct lms_index_entry *find_any(struct lms_index *ix, const char *id)
{
	struct lms_index_entry *e = find(ix, id);

	for (size_t i = ix->nsorted; !e && !ix->tail_sorted && i < ix->n; i++)
		if (!strcmp(ix->v[i].id, id))
			e = &ix->v[i];
	return e;
}

static struct lms_index_entry *add(struct lms_index *ix, const char *id)
{
	struct lms_index_entry *e = push_entry(ix);

	memset(e, 0, sizeof(*e));
	e->id = lms_strdup(id);
	e->own_id = true;
	if (ix->n - ix->nsorted > 1 && strcmp(e[-1].id, id) > 0)
		ix->tail_sorted = false;
	return e;
}

void lms_index_keep(struct lms_index *ix, const char *id)
{
	struct lms_index_entry *e = find_any(ix, id);

	if (e)
		e->asked = true;
}

/* Forgets what e held: its files are not those its records came from. */
static void retake(struct lms_index_entry *e, const struct lms_index_stat *now,
		   const struct timespec *taken, bool known)
{
	struct lms_buf b = LMS_BUF_INIT;
	unsigned char *stats;

	for (int k = 0; k < LMS_INDEX_NKINDS; k++)
		record_free(&e->rec[k]);
	/* As the file has them, in as many bytes: 53,500 courses' stats in
	 * 12 MiB rather than the 21 of their structs. */
	put_stats(&b, now);
	stats = lms_malloc(b.len);
	memcpy(stats, b.buf, b.len);
	lms_buf_release(&b);
	if (e->own_stats)
		lms_free((void *)e->stats);
	e->stats = stats;
	e->own_stats = true;
	e->retaken = true;
	/* A file that could not be looked at: never trusted. */
	e->taken_s = known ? (int64_t)taken->tv_sec : INT64_MIN;
	e->taken_ns = known ? (uint32_t)taken->tv_nsec : 0;
}

/* The tree's courses/ as open, or -1. */
static int courses_dir(const struct lms_index *ix)
{
	return ix->tree->has_courses_fd ? ix->tree->courses_fd : -1;
}

/* Looks at e's files, below courses/ open as dir, at a time taken
 * before: true if they changed since its records were made (which it
 * then forgets).  Touches nothing but e. */
static bool look(const struct lms_index *ix, int dir,
		 struct lms_index_entry *e, const struct timespec *taken)
{
	struct lms_index_stat was[LMS_INDEX_NFILES], now[LMS_INDEX_NFILES];
	bool known, changed, had = taken_with(e, was);

	known = stat_files(ix, dir, e, had ? was : NULL, now);
	if ((changed = !had || !fresh(e, was, now)))
		retake(e, now, taken, known);
	e->looked = true;
	return changed;
}

/* Looks at e's files on the calling thread, now. */
static bool look_now(const struct lms_index *ix, struct lms_index_entry *e)
{
	struct timespec taken;

	clock_gettime(CLOCK_REALTIME, &taken);
	return look(ix, courses_dir(ix), e, &taken);
}

/*
 * The looks of a batch of courses, shared by the threads that make them:
 * each claims LOOK_BATCH courses at a time and marks them done when it
 * has looked at them, so that the calling thread can tell its caller of
 * the courses looked at so far, in order, between batches of its own.
 */
struct looking {
	const struct lms_index *ix;
	struct lms_index_entry **v;
	size_t n, next, changed;
	bool *done;			/* each batch, once looked at */
	size_t ndone;			/* the batches done in a row */
	pthread_mutex_t lock;
};

#define LOOK_BATCH 64

/* What the calling thread tells its caller of, as the courses are
 * looked at: lms_index_open_courses's told. */
struct telling {
	struct lms_index *ix;
	char **ids;			/* the listing's, v's: those with a
					 * plan gathered in front, kept */
	size_t listed;			/* v's, ids' */
	size_t told, kept;		/* of v, of ids */
	lms_index_told *each;		/* NULL: told no more */
	void *arg;
};

/* The batch of courses [*from, *to) to look at next: false when none is
 * left, and the thread's count of those that changed is added up. */
static bool claim(struct looking *l, size_t *from, size_t *to, size_t changed)
{
	bool more;

	pthread_mutex_lock(&l->lock);
	*from = l->next;
	*to = l->next = *from + LOOK_BATCH < l->n ? *from + LOOK_BATCH : l->n;
	if (!(more = *from < *to))
		l->changed += changed;
	pthread_mutex_unlock(&l->lock);
	return more;
}

/* Marks the batch from course from looked at: how many courses, from
 * the first, are. */
static size_t looked(struct looking *l, size_t from)
{
	size_t n;

	pthread_mutex_lock(&l->lock);
	l->done[from / LOOK_BATCH] = true;
	while (l->ndone * LOOK_BATCH < l->n && l->done[l->ndone])
		l->ndone++;
	n = l->ndone * LOOK_BATCH < l->n ? l->ndone * LOOK_BATCH : l->n;
	pthread_mutex_unlock(&l->lock);
	return n;
}

/* Whether e's folder was looked into and holds no course.yaml.  Files
 * that could not be looked at are never taken as told: such a folder is
 * a course, whose reading says what is wrong. */
static bool no_plan(const struct lms_index_entry *e)
{
	return e->stats && e->taken_s != INT64_MIN && !(e->stats[0] & 1);
}

/* Passes on the courses looked at up to v[upto]: a folder without a
 * plan is left out, a course told of. */
static void tell(struct telling *t, struct lms_index_entry **v, size_t upto)
{
	for (; t->told < upto; t->told++) {
		if (!no_plan(v[t->told])) {
			t->ids[t->kept++] = t->ids[t->told];
			if (t->each && !t->each(t->arg, t->ids, t->kept - 1,
						t->listed))
				t->each = NULL;
		}
		lms_index_passed(t->ix);
	}
}

/* A national index's pages, let go as the looks pass them: of the
 * file's size alone, which no thread changes while they look. */
static void let_go_looked(const struct lms_index *ix)
{
	if (ix->file && ix->file_len > HOLD_MAX)
		madvise(ix->file, ix->file_len, MADV_DONTNEED);
}

/* Claims courses a batch at a time until none is left and looks at
 * their files below courses/ open as dir; on the calling thread (t),
 * tells of those looked at so far after each batch. */
static void look_some(struct looking *l, int dir, struct telling *t)
{
	size_t from, to, upto, changed = 0;

	while (claim(l, &from, &to, changed)) {
		struct timespec taken;

		/* The time before the stats: a change after it is within
		 * the tick.  Once a batch: earlier is only more careful,
		 * and it was a hundredth of a warm report, once a course. */
		clock_gettime(CLOCK_REALTIME, &taken);
		for (size_t i = from; i < to; i++)
			changed += look(l->ix, dir, l->v[i], &taken);
		if (to % LET_GO_ENTRIES < LOOK_BATCH)
			let_go_looked(l->ix);
		upto = looked(l, from);
		if (t)
			tell(t, l->v, upto);
	}
}

/*
 * A thread that looks with the calling one, through a courses/ it opens
 * itself: threads that stat below one open folder share its count of
 * users, and a warm report of 53,500 courses spent a tenth of its stats
 * contending for it.
 */
static void *look_beside(void *arg)
{
	struct looking *l = arg;
	int dir = lms_tree_open_courses(l->ix->tree);

	look_some(l, dir >= 0 ? dir : courses_dir(l->ix), NULL);
	if (dir >= 0)
		close(dir);
	return NULL;
}

/* The entries of courses ids[0..n), made where missing, asked for. */
static struct lms_index_entry **entries_of(struct lms_index *ix,
					   char *const *ids, size_t n)
{
	struct lms_index_entry **v = lms_malloc((n ? n : 1) * sizeof(*v));
	size_t *at = lms_malloc((n ? n : 1) * sizeof(*at)), missing = 0;

	/* Places first: adding one may move the others; the room for
	 * those missing made at once, no more than they need. */
	for (size_t i = 0; i < n; i++) {
		struct lms_index_entry *e = find_any(ix, ids[i]);

		at[i] = e ? (size_t)(e - ix->v) : SIZE_MAX;
		missing += !e;
		lms_index_passed(ix);
	}
	if (ix->cap - ix->n < missing)
		room_for(ix, ix->n + missing);
	for (size_t i = 0; i < n; i++)
		if (at[i] == SIZE_MAX)
			at[i] = (size_t)(add(ix, ids[i]) - ix->v);
	for (size_t i = 0; i < n; i++) {
		v[i] = &ix->v[at[i]];
		v[i]->asked = true;
	}
	lms_free(at);
	return v;
}

/*
 * Looking at the files of the entries v[0..n) on every core: look_begin
 * starts a thread beside the calling one for each other core (one more
 * than the cores only took turns with them), the calling thread looks
 * with them (look_some, telling t of them), and look_end waits for
 * them.  Between look_begin and look_some the calling thread may do
 * what needs no entry but their ids, while the others look.
 */
struct looking_all {
	struct looking l;
	pthread_t threads[LMS_WALK_MAX_THREADS];
	size_t started;
};

static void look_begin(struct looking_all *a, struct lms_index *ix,
		       struct lms_index_entry **v, size_t n)
{
	size_t nthreads = lms_walk_threads(ix->tree, 0);

	a->l = (struct looking){ .ix = ix, .v = v, .n = n };
	a->started = 0;
	a->l.done = lms_calloc(n / LOOK_BATCH + 1, sizeof(*a->l.done));
	pthread_mutex_init(&a->l.lock, NULL);
	ix->looking = true;
	while (n > LOOK_BATCH && a->started + 1 < nthreads &&
	       !pthread_create(&a->threads[a->started], NULL, look_beside,
			       &a->l))
		a->started++;
}

static void look_end(struct lms_index *ix, struct looking_all *a,
		     struct telling *t)
{
	for (size_t i = 0; i < a->started; i++)
		pthread_join(a->threads[i], NULL);
	ix->looking = false;
	if (t)
		tell(t, a->l.v, a->l.n);
	pthread_mutex_destroy(&a->l.lock);
	lms_free(a->l.done);
	ix->reread += a->l.changed;
	ix->stale += a->l.changed;
}

static void look_all(struct lms_index *ix, struct lms_index_entry **v,
		     size_t n, struct telling *t)
{
	struct looking_all a;

	look_begin(&a, ix, v, n);
	look_some(&a.l, courses_dir(ix), t);	/* with them, or alone */
	look_end(ix, &a, t);
}

void lms_index_look(struct lms_index *ix, char *const *ids, size_t n)
{
	struct lms_index_entry **v = entries_of(ix, ids, n);

	look_all(ix, v, n, NULL);
	lms_free(v);
}

/* The folders of courses/, listed beside the reading of the index. */
struct listing {
	struct lms_tree *tree;
	char **ids;
	size_t n;
	int err;
	struct lms_error error;		/* the thread's, if err */
};

static void *list_folders(void *arg)
{
	struct listing *l = arg;

	if ((l->err = lms_tree_course_folders(l->tree, &l->ids, &l->n)))
		l->error = *lms_last_error();
	return NULL;
}

/* courses/ as it is now, its stat taken after the time: not known
 * where the tree does not hold it open. */
static void courses_now(const struct lms_tree *t,
			struct lms_index_listing *now)
{
	struct timespec taken;
	struct stat st;

	memset(now, 0, sizeof(*now));
	clock_gettime(CLOCK_REALTIME, &taken);
	if (!t->has_courses_fd || fstat(t->courses_fd, &st) < 0)
		return;
	take_stat(&st, &now->dir);
	now->taken_s = (int64_t)taken.tv_sec;
	now->taken_ns = (uint32_t)taken.tv_nsec;
	now->known = true;
}

/* Whether the folders listed as was are those of courses/ now. */
static bool still_listed(const struct lms_index_listing *was,
			 const struct lms_index_listing *now)
{
	return was->known && now->known &&
	       same_stat(was->taken_s, was->taken_ns, &was->dir, &now->dir);
}

/* The listing the index file says its entries are, read before its sum
 * is checked: a guess, which says whether to list courses/ beside the
 * parse; only the parsed listing is trusted. */
static void peek_listing(const struct lms_index *ix,
			 struct lms_index_listing *out)
{
	struct cursor c;
	uint64_t n;

	memset(out, 0, sizeof(*out));
	if (!ix->file)
		return;
	c = (struct cursor){ ix->file, ix->file + ix->file_len, false };
	if (!get_header(&c, &n, out))
		out->known = false;
}

/*
 * The ids of the entries v[0..n), in one block with the array: freed at
 * once, made without a malloc each (of 53,500 ids, a fortieth of a warm
 * report, with their frees).
 */
static char **ids_of(struct lms_index_entry *const *v, size_t n)
{
	size_t bytes = 0;
	char **ids, *at;

	for (size_t i = 0; i < n; i++)
		bytes += strlen(v[i]->id) + 1;
	ids = lms_malloc((n ? n : 1) * sizeof(*ids) + bytes);
	at = (char *)(ids + (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(v[i]->id) + 1;

		ids[i] = memcpy(at, v[i]->id, len);
		at += len;
	}
	return ids;
}

/* The entries of the folders listed in l, as courses/ was (now), made
 * where missing, asked for; l's ids theirs. */
static struct lms_index_entry **listed_entries(struct lms_index *ix,
					       struct listing *l,
					       const struct lms_index_listing *now)
{
	struct lms_index_entry **v;

	if (l->err) {
		lms_error_set(&l->error);
		memset(&ix->listing, 0, sizeof(ix->listing));
	} else {
		/* One more stale: the file's listing, written with the
		 * rest. */
		ix->stale += !still_listed(&ix->listing, now);
		ix->listing = *now;
		ix->listing.n = l->n;
		ix->listed = true;
	}
	v = entries_of(ix, l->ids, l->n);
	lms_strings_free(l->ids, l->n);
	l->ids = NULL;		/* the entries' (ids_of) */
	return v;
}

/* The entries of the index, all asked for: the folders of courses/,
 * which it is as the index's file listed it; so many in l. */
static struct lms_index_entry **all_entries(struct lms_index *ix,
					    struct listing *l)
{
	struct lms_index_entry **v = lms_malloc((ix->n ? ix->n : 1) *
						sizeof(*v));

	for (size_t i = 0; i < ix->n; i++) {
		v[i] = &ix->v[i];
		v[i]->asked = true;
	}
	l->n = ix->n;
	ix->listed = true;
	return v;
}

/*
 * The folders of courses/ are listed on a thread beside while the index
 * is read, unless they are the index's entries: courses/ is as it was
 * when they were listed for it (struct lms_index_listing).  Then no
 * listing at all: a fifth of what a warm report of 53,500 courses did
 * besides the stats.
 */
int lms_index_open_courses(struct lms_index *ix, struct lms_tree *t,
			   char ***ids, size_t *n, lms_index_told *each,
			   void *arg)
{
	struct listing l = { .tree = t };
	struct telling told = { .ix = ix, .arg = arg };
	struct lms_index_listing now, peeked;
	struct lms_index_entry **v;
	struct looking_all looking;
	pthread_t thread;
	bool beside = false;

	courses_now(t, &now);
	open_mapped(ix, t);
	peek_listing(ix, &peeked);
	if (!still_listed(&peeked, &now))
		beside = !pthread_create(&thread, NULL, list_folders, &l);
	parse_mapped(ix);
	if (beside || !still_listed(&ix->listing, &now)) {
		if (beside)
			pthread_join(thread, NULL);
		else
			list_folders(&l);
		v = listed_entries(ix, &l, &now);
	} else {
		v = all_entries(ix, &l);
	}
	look_begin(&looking, ix, v, l.n);
	/* The ids the caller keeps, made while the others look. */
	l.ids = ids_of(v, l.n);
	told.each = l.err ? NULL : each;
	told.ids = l.ids;
	told.listed = l.n;
	look_some(&looking.l, courses_dir(ix), &told);
	look_end(ix, &looking, &told);
	lms_free(v);
	*ids = l.ids;
	*n = told.kept;
	return l.err;
}

/* A record made of e: of a course read again, one more stale entry; of
 * one as it was, a record the file lacks, which the next command would
 * otherwise make again. */
static void note_record(struct lms_index *ix, const struct lms_index_entry *e)
{
	if (e->retaken)
		ix->stale++;
	else
		ix->changed = true;
}

int lms_index_get(struct lms_index *ix, const char *id, unsigned want,
		  const struct lms_index_entry **out)
{
	struct lms_index_entry *e = find_any(ix, id);
	struct lms_buf b = LMS_BUF_INIT;
	bool made = false;
	int err = 0;

	if (!e && ix->looking)
		return lms_error(LMS_EIO, _("internal: course '%s' asked of "
					    "the index while it looks at "
					    "others"), id);
	if (!e)
		e = add(ix, id);
	e->asked = true;
	lms_index_passed(ix);
	if (!e->looked && look_now(ix, e)) {
		ix->reread++;
		ix->stale++;
	}
	for (int k = 0; k < LMS_INDEX_NKINDS && !err; k++) {
		if (!(want & LMS_INDEX_KIND(k)) || e->rec[k].data ||
		    !kinds[k].make)
			continue;
		lms_buf_reset(&b);
		if (!(err = kinds[k].make(ix, id, &b))) {
			record_take(&e->rec[k], &b);
			note_record(ix, e);
		}
		made = true;
	}
	ix->made += made;	/* one more course read from its files */
	lms_buf_release(&b);
	*out = e;
	return err;
}

void lms_index_put(struct lms_index *ix, const char *id,
		   enum lms_index_kind kind, struct lms_buf *b)
{
	struct lms_index_entry *e = find_any(ix, id);

	if (!e || b->len > UINT32_MAX ||
	    !kinds[kind].valid((const unsigned char *)b->buf, b->len))
		return;
	ix->made++;
	record_take(&e->rec[kind], b);
	note_record(ix, e);
}
