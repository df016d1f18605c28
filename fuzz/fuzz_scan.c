#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "scan.h"
#include "yparse.h"
#include "common.h"

/*
 * The fast path for the YAML lms writes against libyaml, on any input:
 * where the fast path takes a file, libyaml must read it without error
 * into the same events, values, styles and marks; and lms_yparser, fast
 * path on or off, must give the same events and the same first error.
 */

/* Events past this many are not compared: the first ones tell. */
enum { MAX_EVENTS = 4096 };

struct run {
	struct lms_event ev[MAX_EVENTS];
	char *values[MAX_EVENTS];
	size_t n;
	int err;
	struct lms_error error;
};

static void run_yparser(const char *text, size_t size, bool fast,
			struct run *r)
{
	struct lms_yparser p;
	struct lms_event ev;

	memset(r, 0, sizeof(*r));
	lms_yparser_set_fast(fast);
	if ((r->err = lms_yparser_init(&p, "t.yaml", text, size, NULL)))
		goto out;
	while (r->n < MAX_EVENTS) {
		if ((r->err = lms_yparser_next(&p, &ev)))
			break;
		r->ev[r->n] = ev;
		r->values[r->n] = ev.value ? lms_strndup(ev.value, ev.len) : NULL;
		r->ev[r->n].value = r->values[r->n];
		r->n++;
		if (ev.type == LMS_EV_END)
			break;
	}
out:
	if (r->err)
		r->error = *lms_last_error();
	lms_yparser_release(&p);
	lms_yparser_set_fast(true);
}

static bool same_event(const struct lms_event *a, const struct lms_event *b)
{
	return a->type == b->type && a->len == b->len &&
	       a->plain == b->plain && a->flow == b->flow &&
	       a->replayed == b->replayed &&
	       a->start.line == b->start.line && a->start.col == b->start.col &&
	       a->start.index == b->start.index &&
	       a->end.line == b->end.line && a->end.col == b->end.col &&
	       a->end.index == b->end.index &&
	       (!a->value) == (!b->value) &&
	       (!a->value || !memcmp(a->value, b->value, a->len));
}

static void compare_yparser(const char *text, size_t size)
{
	static struct run on, off;

	run_yparser(text, size, true, &on);
	run_yparser(text, size, false, &off);
	if (on.n != off.n)
		fuzz_fail("lms_yparser gives %zu events with the fast path, "
			  "%zu without", on.n, off.n);
	for (size_t i = 0; i < on.n; i++)
		if (!same_event(&on.ev[i], &off.ev[i]))
			fuzz_fail("lms_yparser's event %zu differs with the "
				  "fast path", i + 1);
	if (on.err != off.err || on.error.line != off.error.line ||
	    on.error.col != off.error.col ||
	    strcmp(on.error.msg, off.error.msg))
		fuzz_fail("lms_yparser's error differs with the fast path: "
			  "%d %u:%u %s / %d %u:%u %s", on.err, on.error.line,
			  on.error.col, on.error.msg, off.err, off.error.line,
			  off.error.col, off.error.msg);
	for (size_t i = 0; i < on.n; i++) {
		free(on.values[i]);
		free(off.values[i]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct lms_buf why = LMS_BUF_INIT;
	size_t events;

	if (lms_scan_compare(text, size, &events, &why) < 0) {
		fuzz_show("input", text, size);
		fuzz_fail("the fast path differs from libyaml:\n%s", why.buf);
	}
	lms_buf_release(&why);
	compare_yparser(text, size);
	free(text);
	return 0;
}
