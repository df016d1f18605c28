#ifndef LMS_TEST_H
#define LMS_TEST_H

/* What every unit test includes: cmocka and its prerequisites. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "error.h"

/* Asserts that the last error has this code, place and message. */
static inline void assert_error(int rc, int code, unsigned line, unsigned col,
				const char *msg)
{
	const struct lms_error *e = lms_last_error();

	assert_int_equal(rc, code);
	assert_int_equal(e->line, line);
	assert_int_equal(e->col, col);
	assert_string_equal(e->msg, msg);
}

#endif
