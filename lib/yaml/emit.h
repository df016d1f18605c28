#ifndef LMS_EMIT_H
#define LMS_EMIT_H

#include <stdbool.h>

#include "buf.h"
#include "schema.h"

/*
 * The canonical YAML of the files lms owns: block mappings in schema
 * order, one key per line, lists of words in flow style, absent fields
 * left out, strings plain where every YAML reader would read them back as
 * the same string and double-quoted otherwise.  The same data always gives the same
 * bytes, and adding a record to a list only adds lines.
 */

enum {
	LMS_YAML_QUOTE = 1 << 0,	/* always double-quoted */
	LMS_YAML_FLOW = 1 << 1,		/* inside [...] or {...}: ',' ends it */
	/* It was read without quotes, so it means the same written plain
	 * again ("3" stays a number for other readers): only syntax counts. */
	LMS_YAML_WAS_PLAIN = 1 << 2
};

/*
 * True if s can be written without quotes and read back as the same
 * string by lms and by YAML 1.1 and 1.2 readers alike (PyYAML, ruamel.yaml,
 * go-yaml): not a word they take for null or a boolean, nothing that
 * could be a number, date or timestamp, no indicator or comment.
 */
bool lms_yaml_plain_ok(const char *s, unsigned how);
/*
 * Appends s as a YAML scalar: plain when possible, else double-quoted with
 * escapes for what is not printable.  For every s that is valid UTF-8 (the
 * inputs of lms are checked to be, see utf8.h), what it appends reads back
 * as s, as a value or a key, in block or, with LMS_YAML_FLOW, in flow
 * context; a fuzzer can hold it to that with lms_yparser.  A byte that
 * is not UTF-8 is written as U+FFFD.  The reader refuses values over
 * max_scalar bytes and keys over max_key (yparse.h); writers check
 * what they write with lms_yaml_readable().
 */
void lms_yaml_scalar(struct lms_buf *out, const char *s, unsigned how);
/* Appends key as lms_yaml_scalar does, then ':'. */
void lms_yaml_key(struct lms_buf *out, const char *key, unsigned how);
/* Appends the value of one field as YAML text (no key, no newline). */
void lms_emit_value(struct lms_buf *out, const struct lms_field *f,
		    const void *field, int indent);
/* Appends the fields of obj as "key: value" lines at indent. */
void lms_emit_struct(struct lms_buf *out, const struct lms_schema *s,
		     const void *obj, int indent);
/* Appends a list of structs as "- " items at indent. */
void lms_emit_list(struct lms_buf *out, const struct lms_schema *s,
		   const void *arr, size_t n, int indent);
/* True if the field holds nothing and is left out. */
bool lms_field_is_empty(const struct lms_field *f, const void *field);

#endif
