#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "findings.h"

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

void lms_findings_release(struct lms_findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		lms_free(f->v[i].path);	/* and msg, which is in it */
	}
	lms_free(f->v);
	f->v = NULL;
	f->n = 0;
}

void lms_finding(struct lms_findings *f, enum lms_rule rule,
		 enum lms_severity severity, const char *path, unsigned line,
		 unsigned col, const char *fmt, ...)
{
	struct lms_buf msg = LMS_BUF_INIT;
	struct lms_finding *x;
	va_list ap;

	if (!(f->rules & (1u << rule)))
		return;
	va_start(ap, fmt);
	lms_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	x = lms_array_push(&f->v, &f->n, sizeof(*x));
	/* One block for both: a national tree has hundreds of thousands. */
	x->path = lms_malloc(strlen(path) + 1 + msg.len + 1);
	strcpy(x->path, path);
	x->msg = memcpy(x->path + strlen(path) + 1, msg.buf ? msg.buf : "",
			msg.len + 1);
	x->line = line;
	x->col = col;
	x->severity = (unsigned char)severity;
	x->rule = (unsigned char)rule;
	lms_buf_release(&msg);
}

void lms_findings_move(struct lms_findings *to, struct lms_findings *from)
{
	for (size_t i = 0; i < from->n; i++)
		*(struct lms_finding *)lms_array_push(&to->v, &to->n,
						      sizeof(*to->v)) = from->v[i];
	lms_free(from->v);
	from->v = NULL;
	from->n = 0;
}

/* qsort is not stable: the findings' numbers settle a tie. */
static int by_place(const void *a, const void *b)
{
	const struct lms_finding *x = a, *y = b;
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

/*
 * Sorted by pointer, then put in place along the permutation's cycles:
 * qsort of the findings themselves took a copy of them all (6 MB of the
 * 64 MiB of a check of a national tree), of pointers a quarter of that.
 */
void lms_findings_sort(struct lms_findings *f)
{
	struct lms_finding **at = lms_calloc(f->n ? f->n : 1, sizeof(*at));

	for (size_t i = 0; i < f->n; i++) {
		f->v[i].seq = (uint32_t)i;
		at[i] = &f->v[i];
	}
	lms_array_sort(at, f->n, sizeof(*at), by_place_of);
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
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].severity == severity;
	return n;
}
