#ifndef LMS_YEDIT_H
#define LMS_YEDIT_H

#include <stddef.h>

#include "buf.h"
#include "schema.h"

/*
 * Edits YAML text in place, for the files people write by hand: only the
 * bytes of the changed value change, and comments, blank lines, quoting
 * and key order elsewhere stay as they were.  libyaml's marks give each
 * node's byte span; the edit is a splice there.  A byte-order mark stays
 * first, lines end where libyaml ends them (CR LF, LF, a lone CR), and new
 * lines end as the lines around them do.
 *
 * A key path names a node: keys separated by '.', list items by their
 * 1-based number ("capacity", "sessions.3.place", "facilitators.2");
 * the empty path is the whole document (a list, for lms_yedit_append).
 * Values are YAML text already, formatted by the caller (see emit.h).
 * Each edit proves its result (yverify.h): one that would change any
 * other value is refused with LMS_EDATA, and text stays as it was.  The
 * caller still validates the result by loading it again.  With a schema,
 * a new key goes where the schema's order puts it; without one (NULL), at
 * the end of its mapping.
 */

/* A key and its formatted value, for list items that are mappings. */
struct lms_yedit_pair {
	const char *key;
	const char *value;
};

/* Sets a scalar; a missing key is added at the end of its mapping. */
int lms_yedit_set_scalar(struct lms_buf *text, const char *path,
			const struct lms_schema *schema,
			 const char *keypath, const char *value);
/* Sets a list of scalars, keeping block or flow style. */
int lms_yedit_set_list(struct lms_buf *text, const char *path,
			const struct lms_schema *schema,
		       const char *keypath, const char *const *items,
		       size_t n);
/* Appends a mapping to a list, creating the list if needed. */
int lms_yedit_append(struct lms_buf *text, const char *path,
			const struct lms_schema *schema,
		     const char *keypath, const struct lms_yedit_pair *pairs,
		     size_t n);
/*
 * Appends obj, a record of schema s, to the list at keypath ("" for the
 * document) as lms_yedit_append does: its fields that are not empty, in
 * the schema's order, written as the emitter writes them (emit.h).
 */
int lms_yedit_append_record(struct lms_buf *text, const char *path,
			    const char *keypath, const struct lms_schema *s,
			    const void *obj);
/* Removes one item of a list ("facilitators.2") or a key ("place"). */
int lms_yedit_remove(struct lms_buf *text, const char *path,
			const struct lms_schema *schema,
		     const char *keypath);

#endif
