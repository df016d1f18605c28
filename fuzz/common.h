#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attendance.h"
#include "buf.h"
#include "schema.h"

/*
 * What the libFuzzer harnesses share: the entry point's prototype, the
 * checks every harness makes, and a comparison of structs through their
 * schemas, so that a property such as "what lms writes, lms reads back
 * equal" is one call.  A failed property prints what went wrong and
 * aborts, which libFuzzer records as a crash with its input.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as text: a copy that ends with a NUL, as lms_buf's do. */
char *fuzz_text(const uint8_t *data, size_t size);

/* Prints the broken property (and the last error lms recorded), aborts. */
void fuzz_fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

/* Prints text with its control and non-ASCII bytes escaped, for
 * messages that show a file. */
void fuzz_show(const char *what, const char *text, size_t len);

/*
 * The promises every failure to read a file keeps: the code is
 * LMS_EDATA, the message names the file, and the line it gives (if any)
 * is one of the file's.
 */
void fuzz_check_load_error(int err, const char *path, const char *text,
			   size_t len);

/* UTF-8 as the standard has it: no overlong forms, no surrogates,
 * nothing above U+10FFFF. */
bool fuzz_utf8_strict(const char *s, size_t len);

/*
 * Compares two structs of schema s, field by field, marks aside.  skip,
 * if not NULL, is a key path ("sessions.2.place") left out.  Returns true
 * if equal; otherwise where gets the key path of the first difference
 * and what the two sides hold there.
 */
bool fuzz_equal(const struct lms_schema *s, const void *a, const void *b,
		const char *skip, struct lms_buf *where);
bool fuzz_equal_list(const struct lms_schema *s, const void *a, size_t na,
		     const void *b, size_t nb, struct lms_buf *where);
bool fuzz_equal_attendance(const struct lms_attendance *a,
			   const struct lms_attendance *b,
			   struct lms_buf *where);

/* The field at a key path of obj and its schema entry, or NULL when
 * the path names no field or a list item that is not there. */
void *fuzz_field_at(const struct lms_schema *s, void *obj, const char *keypath,
		    const struct lms_field **f);

#endif
