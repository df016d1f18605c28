#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "findings.h"
#include "fsio.h"
#include "i18n.h"

const char *const lms_rule_names[] = {
	"schema", "dates", "references", "conflicts", "capacity",
	"participation", "privacy", "holidays", "catalog", "availability",
	"fees", NULL
};

const char *const lms_severity_names[] = { "warning", "error" };

void lms_findings_init(struct lms_findings *f, unsigned rules)
{
	memset(f, 0, sizeof(*f));
	f->rules = rules;
}

/* Leaves what it was made with: its rules, held_max and tmpdir. */
void lms_findings_release(struct lms_findings *f)
{
	struct lms_findings was = *f;

	for (size_t i = 0; i < f->n; i++)
		lms_free(f->v[i].path);	/* and msg, which is in it */
	lms_free(f->v);
	if (f->spill)
		fclose(f->spill);
	lms_free(f->runs);
	lms_findings_init(f, was.rules);
	f->held_max = was.held_max;
	f->tmpdir = was.tmpdir;
}

/* What a finding held costs: itself, its block and malloc's share. */
static size_t finding_bytes(const struct lms_finding *x)
{
	return sizeof(*x) + strlen(x->path) + strlen(x->msg) + 2 + 16;
}

/* Findings at one place keep the order they came in, across runs. */
static uint32_t next_seq(const struct lms_findings *f)
{
	return (uint32_t)(f->n + f->spilled[LMS_WARNING] +
			  f->spilled[LMS_ERROR]);
}

static void spill_run(struct lms_findings *f);

/* x is held by f: past held_max, f's findings go to a run.  A list
 * without held_max (a course's, in a walk) keeps no count. */
static void held(struct lms_findings *f, const struct lms_finding *x)
{
	if (!f->held_max)
		return;
	f->held += finding_bytes(x);
	if (f->held > f->held_max)
		spill_run(f);
}

void lms_finding(struct lms_findings *f, enum lms_rule rule,
		 enum lms_severity severity, const char *path, unsigned line,
		 unsigned col, const char *fmt, ...)
{
	struct lms_buf msg = LMS_BUF_INIT;
	struct lms_finding *x;
	size_t path_len = strlen(path);
	va_list ap;

	if (!(f->rules & (1u << rule)))
		return;
	va_start(ap, fmt);
	lms_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	x = lms_array_push(&f->v, &f->n, sizeof(*x));
	/* One block for both: a national tree has hundreds of thousands. */
	x->path = lms_malloc(path_len + 1 + msg.len + 1);
	memcpy(x->path, path, path_len + 1);
	x->msg = memcpy(x->path + path_len + 1, msg.buf ? msg.buf : "",
			msg.len + 1);
	x->line = line;
	x->col = col;
	x->seq = next_seq(f) - 1;
	x->severity = (unsigned char)severity;
	x->rule = (unsigned char)rule;
	lms_buf_release(&msg);
	held(f, x);
}

void lms_findings_move(struct lms_findings *to, struct lms_findings *from)
{
	for (size_t i = 0; i < from->n; i++) {
		struct lms_finding *x = lms_array_push(&to->v, &to->n,
						       sizeof(*to->v));

		*x = from->v[i];
		x->seq = next_seq(to) - 1;
		held(to, x);
	}
	lms_free(from->v);
	from->v = NULL;
	from->n = 0;
	from->held = 0;
}

/* qsort is not stable: the findings' numbers settle a tie. */
static int by_place(const struct lms_finding *x, const struct lms_finding *y)
{
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int by_place_of(const void *a, const void *b)
{
	return by_place(*(const struct lms_finding *const *)a,
			*(const struct lms_finding *const *)b);
}

/* Pointers to the findings held, in order of place. */
static struct lms_finding **sorted_pointers(struct lms_findings *f)
{
	struct lms_finding **at = lms_calloc(f->n ? f->n : 1, sizeof(*at));

	for (size_t i = 0; i < f->n; i++)
		at[i] = &f->v[i];
	lms_array_sort(at, f->n, sizeof(*at), by_place_of);
	return at;
}

/*
 * Sorted by pointer, then put in place along the permutation's cycles:
 * qsort of the findings themselves took a copy of them all, of pointers
 * a quarter of that.
 */
void lms_findings_sort(struct lms_findings *f)
{
	struct lms_finding **at = sorted_pointers(f);

	/* at[i] is the finding that goes to i; a cycle starts at each i
	 * not yet in place, and at[i] is NULL once it is. */
	for (size_t i = 0; i < f->n; i++) {
		struct lms_finding held;
		size_t j = i;

		if (!at[i] || at[i] == &f->v[i])
			continue;
		held = f->v[i];
		while (at[j] != &f->v[i]) {
			size_t from = (size_t)(at[j] - f->v);

			f->v[j] = *at[j];
			at[j] = NULL;
			j = from;
		}
		f->v[j] = held;
		at[j] = NULL;
	}
	lms_free(at);
}

size_t lms_findings_count(const struct lms_findings *f,
			  enum lms_severity severity)
{
	size_t n = f->spilled[severity];

	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].severity == severity;
	return n;
}

/* Runs in the temporary file */

/* A finding in a run: this, then its path and its message, no NULs. */
struct record {
	uint32_t line, col, seq, path_len, msg_len;
	unsigned char severity, rule;
};

static void spill_write(struct lms_findings *f, const void *p, size_t n)
{
	if (!f->spill_err && fwrite(p, 1, n, f->spill) != n)
		f->spill_err = errno ? errno : EIO;
	f->spill_len += (int64_t)n;
}

static void spill_one(struct lms_findings *f, const struct lms_finding *x)
{
	struct record r;

	memset(&r, 0, sizeof(r));	/* its padding too */
	r.line = x->line;
	r.col = x->col;
	r.seq = x->seq;
	r.path_len = (uint32_t)strlen(x->path);
	r.msg_len = (uint32_t)strlen(x->msg);
	r.severity = x->severity;
	r.rule = x->rule;
	spill_write(f, &r, sizeof(r));
	spill_write(f, x->path, r.path_len);
	spill_write(f, x->msg, r.msg_len);
	f->spilled[x->severity]++;
}

/* The findings held, sorted, to the end of the file as a run. */
static void spill_run(struct lms_findings *f)
{
	struct lms_findings_run *run;
	struct lms_finding **at;

	if (!f->spill_err && !f->spill &&
	    !(f->spill = lms_temp_file(f->tmpdir, "findings")))
		f->spill_err = errno ? errno : EIO;
	if (f->spill_err) {	/* held, to fail in lms_findings_each */
		f->held_max = 0;
		return;
	}
	at = sorted_pointers(f);
	run = lms_array_push(&f->runs, &f->nruns, sizeof(*run));
	run->at = f->spill_len;
	run->n = f->n;
	for (size_t i = 0; i < f->n; i++) {
		spill_one(f, at[i]);
		lms_free(at[i]->path);
	}
	lms_free(at);
	lms_free(f->v);
	f->v = NULL;
	f->n = 0;
	f->held = 0;
}

/* Bytes a run's reader reads at a time. */
#define READ_CHUNK ((size_t)64 << 10)

struct run_reader {
	int64_t at, end;		/* the next byte to read; the run's end */
	size_t left;			/* findings not yet in cur */
	unsigned char *buf;
	size_t cap, pos, len;
	struct lms_finding cur;		/* the next; path NULL at the end */
};

/* n bytes at r->buf + r->pos, read if they are not; an errno if not. */
static int run_want(int fd, struct run_reader *r, size_t n)
{
	if (r->len - r->pos >= n)
		return 0;
	if (r->pos) {		/* what is left of the last read to the front */
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	if (n > r->cap) {
		r->cap = n > READ_CHUNK ? n : READ_CHUNK;
		r->buf = lms_realloc(r->buf, r->cap);
	}
	while (r->len < n) {
		int64_t room = (int64_t)(r->cap - r->len);
		int64_t want = r->end - r->at < room ? r->end - r->at : room;
		ssize_t got = want > 0 ?
			pread(fd, r->buf + r->len, (size_t)want, (off_t)r->at) :
			0;

		if (got <= 0)
			return got < 0 ? errno : EIO;
		r->len += (size_t)got;
		r->at += got;
	}
	return 0;
}

/* The run's next finding into r->cur, its block malloc'd. */
static int run_next(int fd, struct run_reader *r)
{
	struct record rec;
	size_t n;
	int err;

	r->cur.path = NULL;
	if (!r->left)
		return 0;
	if ((err = run_want(fd, r, sizeof(rec))))
		return err;
	memcpy(&rec, r->buf + r->pos, sizeof(rec));
	r->pos += sizeof(rec);
	n = (size_t)rec.path_len + rec.msg_len;
	if ((err = run_want(fd, r, n)))
		return err;
	r->cur.path = lms_malloc(n + 2);
	memcpy(r->cur.path, r->buf + r->pos, rec.path_len);
	r->cur.path[rec.path_len] = '\0';
	r->cur.msg = r->cur.path + rec.path_len + 1;
	memcpy(r->cur.msg, r->buf + r->pos + rec.path_len, rec.msg_len);
	r->cur.msg[rec.msg_len] = '\0';
	r->pos += n;
	r->cur.line = rec.line;
	r->cur.col = rec.col;
	r->cur.seq = rec.seq;
	r->cur.severity = rec.severity;
	r->cur.rule = rec.rule;
	r->left--;
	return 0;
}

/* The readers of f's runs, each at its first finding. */
static int start_runs(struct lms_findings *f, struct run_reader *r)
{
	int fd = fileno(f->spill);
	int err = 0;

	for (size_t i = 0; i < f->nruns; i++) {
		r[i].at = f->runs[i].at;
		r[i].end = i + 1 < f->nruns ? f->runs[i + 1].at : f->spill_len;
		r[i].left = f->runs[i].n;
	}
	for (size_t i = 0; i < f->nruns && !err; i++)
		err = run_next(fd, &r[i]);
	return err;
}

/*
 * The next in order among the runs' and the one held at v[*held]: the
 * merge of sorted lists, few enough to look at each.  NULL at the end;
 * *from is the run it came from, or NULL for one held.
 */
static struct lms_finding *merge_next(struct lms_findings *f,
				      struct run_reader *r, size_t held,
				      struct run_reader **from)
{
	struct lms_finding *min = held < f->n ? &f->v[held] : NULL;

	*from = NULL;
	for (size_t i = 0; i < f->nruns; i++)
		if (r[i].cur.path && (!min || by_place(&r[i].cur, min) < 0)) {
			min = &r[i].cur;
			*from = &r[i];
		}
	return min;
}

static int merge_runs(struct lms_findings *f,
		      int (*each)(void *arg, const struct lms_finding *x),
		      void *arg, struct run_reader *r)
{
	int fd = fileno(f->spill);
	size_t next_held = 0;
	struct run_reader *from;
	struct lms_finding *x;
	int file_err = start_runs(f, r), err = 0;	/* an errno; each's */

	while (!file_err && !err &&
	       (x = merge_next(f, r, next_held, &from))) {
		err = each(arg, x);
		lms_free(x->path);
		x->path = NULL;
		if (!from)
			next_held++;
		else if (!err)
			file_err = run_next(fd, from);
	}
	if (file_err)
		return lms_error(LMS_EIO, _("cannot read the temporary file in "
					    "%s of the findings: %s"),
				 lms_temp_dir(f->tmpdir),
				 lms_strerror(file_err));
	return err;
}

int lms_findings_each(struct lms_findings *f,
		      int (*each)(void *arg, const struct lms_finding *x),
		      void *arg)
{
	struct run_reader *r;
	int err = 0;

	lms_findings_sort(f);
	if (!f->nruns && !f->spill_err) {
		for (size_t i = 0; i < f->n && !err; i++) {
			err = each(arg, &f->v[i]);
			lms_free(f->v[i].path);
			f->v[i].path = NULL;
		}
	} else if (f->spill_err || fflush(f->spill)) {
		err = lms_error(LMS_EIO, _("cannot use a temporary file in %s "
					   "for the findings: %s"),
				lms_temp_dir(f->tmpdir),
				lms_strerror(f->spill_err ? f->spill_err :
					     errno ? errno : EIO));
	} else {
		r = lms_calloc(f->nruns, sizeof(*r));
		err = merge_runs(f, each, arg, r);
		for (size_t i = 0; i < f->nruns; i++) {
			lms_free(r[i].cur.path);
			lms_free(r[i].buf);
		}
		lms_free(r);
	}
	/* With those each did not see, if it stopped. */
	lms_findings_release(f);
	return err;
}
