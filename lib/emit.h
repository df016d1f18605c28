#ifndef LMS_EMIT_H
#define LMS_EMIT_H

#include <stdbool.h>

#include "buf.h"
#include "schema.h"

/*
 * The canonical YAML of the files lms owns: block mappings in schema
 * order, one key per line, lists of words in flow style, absent fields
 * left out, strings plain where YAML would read them back as the same
 * string and double-quoted otherwise.  The same data always gives the same
 * bytes, and adding a record to a list only adds lines.
 */

enum {
	LMS_YAML_QUOTE = 1 << 0,	/* always double-quoted */
	LMS_YAML_FLOW = 1 << 1,		/* inside [...] or {...}: ',' ends it */
	/* It was read without quotes, so it means the same written plain
	 * again ("3" stays a number for other readers): only syntax counts. */
	LMS_YAML_WAS_PLAIN = 1 << 2
};

/* True if s can be written without quotes and read back as a string. */
bool lms_yaml_plain_ok(const char *s, unsigned how);
/* Appends s as a YAML scalar: plain when possible, else double-quoted. */
void lms_yaml_scalar(struct lms_buf *out, const char *s, unsigned how);
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
