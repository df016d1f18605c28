#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <liburing.h>
#include <string.h>

#include "ahead.h"
#include "alloc.h"

/*
 * Each file of a round is a chain of five requests, in slot k of the
 * ring's table of files ("direct" descriptors, which no other thread
 * sees and no system call needs): open it into the slot; advise the
 * kernel (POSIX_FADV_NORMAL, what a file opened has anyway), which fails
 * with ESPIPE on a FIFO and then cancels the read after it (a read that
 * may wait would wait for a FIFO's writer, O_NONBLOCK or not; whether
 * one that may not is refused depends on the kernel); read it from its
 * start, RWF_NOWAIT; read one byte more from where that read stopped,
 * which must find the end of the file; close the slot.  The open and the
 * reads are hard-linked to what follows them, so that a file that did
 * not open, or was not read whole, still goes on down its chain (the
 * advice then fails on the empty slot, and cancels the rest); the ring
 * has room for a whole round; every request gives one completion.
 */
enum step { OPEN, ADVISE, READ, AT_END, CLOSE, STEPS };

struct lms_ahead {
	struct io_uring ring;
	bool broken;		/* the ring failed once: read nothing more */
	/* Requests may still be in flight: the buffers they write into
	 * are never freed. */
	bool in_flight;
	int dir;
	struct lms_buf names;	/* the plan's names, each NUL-terminated */
	size_t *at;		/* where each name begins in names */
	size_t n, alloc;
	size_t first, end;	/* the round read: the plan's [first, end) */
	size_t next;		/* the plan's name most likely asked next */
	int res[LMS_AHEAD_ROUND * STEPS];	/* by each request's data */
	char *data;		/* the round's files, LMS_AHEAD_FILE_SIZE each */
	char *beyond;		/* a byte for each file, read after its end */
};

static const int opcodes[] = {
	IORING_OP_OPENAT, IORING_OP_FADVISE, IORING_OP_READ, IORING_OP_CLOSE
};

static bool kernel_can(struct io_uring *ring)
{
	struct io_uring_probe *p = io_uring_get_probe_ring(ring);
	bool can = p != NULL;

	for (size_t i = 0; can && i < sizeof(opcodes) / sizeof(*opcodes); i++)
		can = io_uring_opcode_supported(p, opcodes[i]);
	if (p)
		io_uring_free_probe(p);
	/* The table of direct descriptors (Linux 5.19). */
	return can && !io_uring_register_files_sparse(ring, LMS_AHEAD_ROUND);
}

static bool ahead_on = true;

void lms_ahead_set_on(bool on)
{
	ahead_on = on;
}

struct lms_ahead *lms_ahead_new(void)
{
	struct lms_ahead *a;

	if (!ahead_on)
		return NULL;
	a = lms_calloc(1, sizeof(*a));
	if (io_uring_queue_init(LMS_AHEAD_ROUND * STEPS, &a->ring, 0)) {
		lms_free(a);
		return NULL;
	}
	if (!kernel_can(&a->ring)) {
		io_uring_queue_exit(&a->ring);
		lms_free(a);
		return NULL;
	}
	lms_buf_init(&a->names);
	a->data = lms_malloc((size_t)LMS_AHEAD_ROUND * LMS_AHEAD_FILE_SIZE);
	a->beyond = lms_malloc(LMS_AHEAD_ROUND);
	a->dir = -1;
	return a;
}

void lms_ahead_free(struct lms_ahead *a)
{
	if (!a)
		return;
	io_uring_queue_exit(&a->ring);
	lms_buf_release(&a->names);
	lms_free(a->at);
	if (!a->in_flight) {
		lms_free(a->data);
		lms_free(a->beyond);
	}
	lms_free(a);
}

void lms_ahead_plan(struct lms_ahead *a, int dir)
{
	a->dir = dir;
	lms_buf_reset(&a->names);
	a->n = a->first = a->end = a->next = 0;
}

void lms_ahead_add(struct lms_ahead *a, const char *name)
{
	if (a->n == a->alloc) {
		a->alloc = a->alloc ? 2 * a->alloc : 64;
		a->at = lms_realloc(a->at, a->alloc * sizeof(*a->at));
	}
	a->at[a->n++] = a->names.len;
	lms_buf_add(&a->names, name, strlen(name) + 1);
}

/* A read's offset that is the file's position, which it moves on. */
#define FROM_POSITION ((__u64)-1)

/* Marks sqe, just prepared (which clears its flags), as step s of slot
 * k's chain. */
static void mark(struct io_uring_sqe *sqe, size_t k, enum step s,
		 unsigned flags)
{
	io_uring_sqe_set_data64(sqe, k * STEPS + s);
	io_uring_sqe_set_flags(sqe, flags);
}

static void queue_file(struct lms_ahead *a, size_t k, const char *name)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&a->ring);

	io_uring_prep_openat_direct(sqe, a->dir, name, O_RDONLY | O_NONBLOCK |
				    O_NOCTTY | O_NOFOLLOW, 0, (unsigned)k);
	mark(sqe, k, OPEN, IOSQE_IO_HARDLINK);
	sqe = io_uring_get_sqe(&a->ring);
	io_uring_prep_fadvise(sqe, (int)k, 0, 0, POSIX_FADV_NORMAL);
	mark(sqe, k, ADVISE, IOSQE_IO_LINK | IOSQE_FIXED_FILE);
	sqe = io_uring_get_sqe(&a->ring);
	io_uring_prep_read(sqe, (int)k, a->data + k * LMS_AHEAD_FILE_SIZE,
			   LMS_AHEAD_FILE_SIZE, FROM_POSITION);
	sqe->rw_flags = RWF_NOWAIT;
	mark(sqe, k, READ, IOSQE_IO_HARDLINK | IOSQE_FIXED_FILE);
	sqe = io_uring_get_sqe(&a->ring);
	io_uring_prep_read(sqe, (int)k, a->beyond + k, 1, FROM_POSITION);
	sqe->rw_flags = RWF_NOWAIT;
	mark(sqe, k, AT_END, IOSQE_IO_HARDLINK | IOSQE_FIXED_FILE);
	sqe = io_uring_get_sqe(&a->ring);
	io_uring_prep_close_direct(sqe, (unsigned)k);
	mark(sqe, k, CLOSE, 0);
}

/* Submits what is queued, want requests, and gathers their results;
 * false if the ring failed, which leaves it unusable.  What was
 * submitted is waited for, even then. */
static bool run(struct lms_ahead *a, unsigned want)
{
	int submitted = io_uring_submit(&a->ring);

	for (int got = 0; got < submitted; got++) {
		struct io_uring_cqe *cqe;
		int err;

		while ((err = io_uring_wait_cqe(&a->ring, &cqe)) == -EINTR)
			;
		if (err) {
			a->in_flight = true;
			return false;
		}
		if (io_uring_cqe_get_data64(cqe) < LMS_AHEAD_ROUND * STEPS)
			a->res[io_uring_cqe_get_data64(cqe)] = cqe->res;
		io_uring_cqe_seen(&a->ring, cqe);
	}
	return submitted >= 0 && (unsigned)submitted == want;
}

/* A FIFO's failed advice cancels its reads and its close: its slot is
 * closed here, for the next round to open another file in it. */
static bool close_left(struct lms_ahead *a, size_t count)
{
	unsigned want = 0;

	for (size_t k = 0; k < count; k++) {
		struct io_uring_sqe *sqe;

		if (a->res[k * STEPS + OPEN] < 0 ||
		    a->res[k * STEPS + CLOSE] >= 0)
			continue;
		sqe = io_uring_get_sqe(&a->ring);
		io_uring_prep_close_direct(sqe, (unsigned)k);
		mark(sqe, k, CLOSE, 0);
		want++;
	}
	return !want || run(a, want);
}

static void read_round(struct lms_ahead *a, size_t from)
{
	size_t count = a->n - from < LMS_AHEAD_ROUND ? a->n - from :
		       LMS_AHEAD_ROUND;

	for (size_t k = 0; k < count; k++)
		queue_file(a, k, a->names.buf + a->at[from + k]);
	a->first = from;
	a->end = from + count;
	if (!run(a, (unsigned)(count * STEPS)) || !close_left(a, count))
		a->broken = true;
}

/* Where name is in the plan: most often the next one. */
static bool find(const struct lms_ahead *a, const char *name, size_t *i)
{
	for (size_t j = 0; j < a->n; j++) {
		size_t at = (a->next + j) % a->n;

		if (!strcmp(a->names.buf + a->at[at], name)) {
			*i = at;
			return true;
		}
	}
	return false;
}

/* Slot k's file: missing; read whole (something, then nothing after
 * it, which only the end of a file gives: a read may stop short, at
 * what is in memory; an empty file, or a device node that gives
 * nothing, is the caller's to read); or anything else, which the caller
 * meets itself. */
static enum lms_ahead_got result(const struct lms_ahead *a, size_t k,
				 size_t max, struct lms_buf *out)
{
	const int *r = a->res + k * STEPS;

	if (r[OPEN] == -ENOENT)
		return LMS_AHEAD_MISSING;
	if (r[OPEN] < 0 || r[ADVISE] < 0 || r[READ] <= 0 || r[AT_END] != 0 ||
	    (size_t)r[READ] > max)
		return LMS_AHEAD_NOTHING;
	lms_buf_reset(out);
	lms_buf_add(out, a->data + k * LMS_AHEAD_FILE_SIZE, (size_t)r[READ]);
	return LMS_AHEAD_READ;
}

enum lms_ahead_got lms_ahead_take(struct lms_ahead *a, int dir,
				  const char *name, size_t max,
				  struct lms_buf *out)
{
	size_t i;

	if (!a || a->broken || dir != a->dir || !find(a, name, &i))
		return LMS_AHEAD_NOTHING;
	if (i < a->first || i >= a->end)
		read_round(a, i);
	if (a->broken)
		return LMS_AHEAD_NOTHING;
	a->next = i + 1;
	return result(a, i - a->first, max, out);
}
