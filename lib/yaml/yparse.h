#ifndef LMS_YPARSE_H
#define LMS_YPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

/*
 * A thin layer over libyaml's event parser that every reader of lms files
 * goes through.  It hides stream and document events, replays aliases
 * (so that no consumer needs to know about anchors), and refuses hostile
 * input: text that is not strict UTF-8, oversized files, scalars and keys,
 * keys that are lists or mappings, absurd nesting, anchor floods, alias
 * bombs, more than one document, NUL bytes in scalars.
 */

struct lms_limits {
	size_t max_file;	/* bytes in one file */
	size_t max_scalar;	/* bytes in one scalar */
	size_t max_key;		/* bytes in one mapping key */
	unsigned max_depth;	/* nested collections */
	unsigned max_anchors;	/* anchors defined in one file */
	unsigned max_aliases;	/* alias uses, nested ones included */
	size_t max_replayed;	/* events produced by aliases in all */
};

extern const struct lms_limits lms_limits_default;

/*
 * A position in a file: line and column 1-based, index 0-based; column and
 * index count characters, not bytes, as libyaml does.
 */
struct lms_mark {
	unsigned line, col;
	size_t index;
};

enum lms_ev {
	LMS_EV_END,		/* the document is over */
	LMS_EV_SCALAR,
	LMS_EV_SEQ,
	LMS_EV_SEQ_END,
	LMS_EV_MAP,
	LMS_EV_MAP_END
};

struct lms_event {
	enum lms_ev type;
	const char *value;	/* scalars: valid until the next event */
	size_t len;
	bool plain;		/* scalar written without quotes */
	bool flow;		/* collection written in flow style ([...] or {...}) */
	bool replayed;		/* produced by an alias: marks are the anchor's */
	struct lms_mark start, end;
};

struct lms_anchor;
struct lms_recorded;
struct lms_scan;

struct lms_yparser {
	yaml_parser_t yaml;
	yaml_event_t cur;
	bool have_cur;
	bool have_yaml;		/* libyaml reads this file */
	struct lms_scan *fast;	/* or the fast path read it whole (scan.h) */
	size_t fast_next;	/* its next event */
	const char *path;
	const char *text;
	size_t len;
	const struct lms_limits *limits;
	unsigned depth;
	unsigned char *frames;	/* per depth: a list, or a mapping's key or value next */
	int state;		/* where we are in the stream */
	/* Anchored nodes are recorded once, on one tape; an anchor is a
	 * stretch of it, found by name in a hash table. */
	struct lms_anchor *anchors;
	size_t nanchors;
	size_t *slots;		/* anchor index + 1, or 0 when free */
	size_t nslots;
	size_t *open;		/* anchors still being recorded, innermost last */
	size_t nopen;
	struct lms_recorded *tape;
	size_t ntape;
	struct lms_replay {
		size_t pos, end;	/* of the tape */
		struct lms_mark at, at_end;	/* the alias's own text */
	} *replay;
	size_t nreplay;
	unsigned aliases;
	size_t replayed;
};

/*
 * Whether files that lms writes are read by the fast path (scan.h), on
 * unless turned off; libyaml reads whatever the fast path does not take.
 * The events are the same either way: the switch is for measuring and
 * for finding the cause of a fault.  Set it before any reading starts.
 */
void lms_yparser_set_fast(bool on);

/*
 * Starts parsing text (len bytes, not copied: it must outlive the parser).
 * path names the file in messages.  Fails with LMS_EDATA if text is larger
 * than the limits allow.
 */
int lms_yparser_init(struct lms_yparser *p, const char *path,
		     const char *text, size_t len, const struct lms_limits *lim);
void lms_yparser_release(struct lms_yparser *p);

/* The next event; LMS_EV_END once after the document, and after that too. */
int lms_yparser_next(struct lms_yparser *p, struct lms_event *ev);

/* Takes ownership of the current scalar's value, a NUL-terminated string:
 * the entered arena's, if any (arena.h), so freed with lms_free and used
 * no longer than the arena. */
char *lms_yparser_take(struct lms_yparser *p, const struct lms_event *ev);

/*
 * Where the text holds the event that lms_yparser_next just gave, when
 * it was replayed (from *start to *end): the alias that replays it, the
 * outermost where an anchor's nodes hold aliases too.  A replayed event's
 * own marks are the anchor's (messages point there); these are for an
 * editor, which changes the text of the alias.
 */
void lms_yparser_replayed_at(const struct lms_yparser *p,
			     struct lms_mark *start, struct lms_mark *end);

/* Skips the rest of the node that ev started. */
int lms_yparser_skip(struct lms_yparser *p, const struct lms_event *ev);

/* Records an LMS_EDATA error at a mark of this file; returns LMS_EDATA. */
int lms_yparser_error(struct lms_yparser *p, struct lms_mark at,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * 0 if lms would read text back as a file named path: strict UTF-8, within
 * the limits, one well-formed document.  Writers check what they are about
 * to write with this, so that no file lms writes is one it then refuses;
 * else LMS_EDATA, with a message that says nothing was written.
 */
int lms_yaml_readable(const char *path, const char *text, size_t len);

/* True for a plain null: empty, ~, null, Null, NULL. */
bool lms_event_is_null(const struct lms_event *ev);

#endif
