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
	x->severity = severity;
	x->rule = rule;
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

void lms_findings_sort(struct lms_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		f->v[i].seq = i;
	lms_array_sort(f->v, f->n, sizeof(*f->v), by_place);
}

size_t lms_findings_count(const struct lms_findings *f,
			  enum lms_severity severity)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].severity == severity;
	return n;
}
