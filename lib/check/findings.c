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
		free(f->v[i].path);
		free(f->v[i].msg);
	}
	free(f->v);
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
	x->path = lms_strdup(path);
	x->line = line;
	x->col = col;
	x->severity = severity;
	x->rule = rule;
	x->msg = lms_buf_detach(&msg);
}

void lms_findings_move(struct lms_findings *to, struct lms_findings *from)
{
	for (size_t i = 0; i < from->n; i++)
		*(struct lms_finding *)lms_array_push(&to->v, &to->n,
						      sizeof(*to->v)) = from->v[i];
	free(from->v);
	from->v = NULL;
	from->n = 0;
}

/* The findings sorted, through their indexes: qsort is not stable. */
static _Thread_local const struct lms_finding *sorting;

static int by_place(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct lms_finding *x = &sorting[i], *y = &sorting[j];
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return i < j ? -1 : i > j;
}

void lms_findings_sort(struct lms_findings *f)
{
	size_t *order = lms_calloc(f->n ? f->n : 1, sizeof(size_t));
	struct lms_finding *sorted = lms_calloc(f->n ? f->n : 1, sizeof(*sorted));

	for (size_t i = 0; i < f->n; i++)
		order[i] = i;
	sorting = f->v;
	lms_array_sort(order, f->n, sizeof(size_t), by_place);
	for (size_t i = 0; i < f->n; i++)
		sorted[i] = f->v[order[i]];
	free(f->v);
	f->v = sorted;
	free(order);
}

size_t lms_findings_count(const struct lms_findings *f,
			  enum lms_severity severity)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].severity == severity;
	return n;
}
