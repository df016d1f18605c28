#ifndef LMS_YVERIFY_H
#define LMS_YVERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "schema.h"

/*
 * The proof each edit of yedit.c gives of its own result.  A splice is
 * placed by libyaml's marks, and hand-written YAML has corners (explicit
 * keys, kept block scalars, flow mappings) where a splice can land a
 * byte off and still leave a file that loads, with some other value
 * changed.  So both texts are read back as trees and compared: the text
 * after the edit must hold what the text before held with the one change
 * made, and nothing else.  What differs anywhere else refuses the edit,
 * naming the key path, and the caller writes nothing.
 *
 * Values compare as readers see them: the same string, quoted or plain
 * alike when every reader takes the plain one for that string (emit.h);
 * mappings by their keys, in any order, since a new key goes where the
 * schema puts it.
 */

/* One edit: at keypath (as yedit.h names nodes), want is the node there
 * after it; NULL removes the node; with append, want is added to the
 * end of the list at keypath, which a null or missing value becomes. */
struct lms_ychange {
	const char *keypath;
	struct lms_node *want;
	bool append;
};

/*
 * 0 if after holds before with change made; LMS_EDATA, with a message
 * naming path and the key path that differs, if not.  A text after that
 * does not read at all is left to the caller, which loads it to check it
 * (0).  Takes want, and releases it.
 */
int lms_yverify(const char *path, const char *before, size_t before_len,
		const char *after, size_t after_len,
		const struct lms_ychange *change);

/* Reads text, a YAML value as yedit.h takes them, into out. */
int lms_ynode_read(const char *text, size_t len, struct lms_node *out);

#endif
