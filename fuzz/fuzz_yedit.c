#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "words.h"
#include "yedit.h"
#include "yparse.h"
#include "yverify.h"
#include "common.h"

/*
 * Each edit of yaml/yedit.c, without a schema, on any YAML: the input is
 * OP KEYPATH VALUE, separated by spaces, a NUL, and the file.  OP is set,
 * list (VALUE's words, split at commas), append (VALUE as an item's id)
 * or remove.  An edit that fails leaves the text as it was; one that
 * succeeds leaves a text that reads back, unless the caller's own check
 * is what refuses it (yverify.h), and is one the proof took.  Under the
 * sanitizers this is the proof's own test on hostile trees.
 */

static const char path[] = "f.yaml";

static int edit(struct lms_buf *text, const char *op, const char *keypath,
		const char *value)
{
	if (!strcmp(op, "set"))
		return lms_yedit_set_scalar(text, path, NULL, keypath, value);
	if (!strcmp(op, "remove"))
		return lms_yedit_remove(text, path, NULL, keypath);
	if (!strcmp(op, "append"))
		return lms_yedit_append(text, path, NULL, keypath,
					&(struct lms_yedit_pair){ "id", value },
					1);
	if (!strcmp(op, "list")) {
		char **words;
		size_t n;
		int err;

		lms_words_split(value, &words, &n);
		err = lms_yedit_set_list(text, path, NULL, keypath,
					 (const char *const *)words, n);
		lms_words_free(words, n);
		return err;
	}
	return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *input = fuzz_text(data, size);
	size_t head = strlen(input), len;
	char *keypath = strchr(input, ' '), *value = NULL, *text;
	struct lms_buf b = LMS_BUF_INIT;
	int err;

	if (keypath) {
		*keypath++ = '\0';
		value = strchr(keypath, ' ');
	}
	if (head == size || !value) {
		free(input);
		return 0;
	}
	*value++ = '\0';
	text = input + head + 1;
	len = size - head - 1;
	lms_buf_add(&b, text, len);
	err = edit(&b, input, keypath, value);
	if (err == -1) {
		;	/* no such edit: nothing to hold it to */
	} else if (err && (b.len != len || memcmp(b.buf, text, len))) {
		fuzz_fail("%s %s failed (%d) but changed the text", input,
			  keypath, err);
	} else if (!err && lms_yaml_readable(path, text, len) == 0 &&
		   lms_yaml_readable(path, b.buf, b.len) == 0 &&
		   lms_yverify(path, text, len, b.buf, b.len,
			       &(struct lms_ychange){ keypath, NULL,
						      false }) == 0 &&
		   strcmp(input, "remove")) {
		/* A set, list or append that the proof took changed the file
		 * as a removal would: the value itself went missing. */
		fuzz_show("before", text, len);
		fuzz_show("after", b.buf, b.len);
		fuzz_fail("%s %s=%s took the node away", input, keypath, value);
	}
	lms_buf_release(&b);
	free(input);
	return 0;
}
