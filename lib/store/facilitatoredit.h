#ifndef LMS_FACILITATOREDIT_H
#define LMS_FACILITATOREDIT_H

#include <stddef.h>

#include "buf.h"
#include "facilitator.h"

/*
 * Sets KEY to VALUE of the index-th entry (from 1) of text, the whole of
 * people/facilitators.yaml (at path, for messages), whose values now are
 * those of now, as lms facilitator set
 * takes them: a key of the facilitator schema but id; lists as "a,b";
 * available as true, false or FROM:TO; an empty value removes the key,
 * but for name and kind, which every entry needs.  A splice (yedit.h): the
 * rest of the file stays as it was written.  LMS_EUSAGE for a key or
 * value that is not allowed, with why; the caller loads the result to
 * validate it before writing.
 */
int lms_facilitator_set(struct lms_buf *text, const char *path, size_t index,
			const struct lms_facilitator *now, const char *key,
			const char *value);

#endif
