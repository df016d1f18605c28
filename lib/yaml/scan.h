#ifndef LMS_SCAN_H
#define LMS_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "yparse.h"

/*
 * A fast reader for the YAML that lms itself writes (emit.h): block
 * mappings and sequences indented by spaces, one key per line, plain
 * scalars on one line, double-quoted scalars with the escapes emit.c
 * writes, and flow sequences and mappings on one line, between lines
 * that are blank or hold only a comment.  It turns a whole file into its
 * events in one pass, with marks counted in characters as libyaml counts
 * them, and gives up on anything else (a comment after a value, tabs,
 * CR, anchors, tags, documents markers, block scalars,
 * single quotes, scalars over more than one line, odd indentation, empty
 * values, a byte-order mark, characters libyaml refuses, files over 128
 * KiB).  When it gives
 * up, lms_yparser reads the file with libyaml from its start: the events
 * of a file it takes are exactly libyaml's, and any doubt is libyaml's.
 */

/* One event: a scalar's value is at vals + value, NUL-terminated. */
struct lms_scan_event {
	enum lms_ev type;
	bool plain, flow;
	size_t value, len;
	struct lms_mark start, end;
};

struct lms_scan {
	struct lms_scan_event *ev;	/* the last one is LMS_EV_END */
	size_t nev, alloc;
	char *vals;			/* the values, one after the other */
	size_t nvals, valloc;
};

/*
 * Fills s with the events of text (len bytes) and returns 0, or returns
 * -1 if text is not entirely in the subset, or if it has a collection
 * nested deeper, a key or a value longer than lim allows (NULL: the
 * defaults): lms_yparser refuses those, and libyaml's path, reading them
 * in order, tells which comes first.  s is to be released either way.
 */
int lms_scan_text(struct lms_scan *s, const char *text, size_t len,
		  const struct lms_limits *lim);
void lms_scan_release(struct lms_scan *s);

/*
 * Holds the fast path to its promise on text, for the tests, the fuzzer
 * and a tool that runs it over a tree: 1 if the fast path takes text and
 * its events (types, values, styles, marks, the end's mark) are exactly
 * those libyaml gives, 0 if it leaves text to libyaml, -1 if it takes
 * text and anything differs or libyaml refuses text, with what in *why.
 * *events gets the number of libyaml's events (those lms_yparser gives).
 */
int lms_scan_compare(const char *text, size_t len, size_t *events,
		     struct lms_buf *why);

#endif
