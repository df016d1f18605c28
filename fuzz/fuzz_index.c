#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "index.h"
#include "sha256.h"
#include "common.h"

/*
 * .lms/index, which anything may have written over: an index that parses
 * is one that lms wrote, byte for byte (it serializes to the input), and
 * its records decode within their bounds.  The input is tried as it is
 * and with its SHA-256 sum appended, so that the fuzzer gets past the
 * sum to the structure.
 */
static void count(const char *person, void *arg)
{
	if (!person)
		fuzz_fail("a person id past the end of its record");
	(*(size_t *)arg)++;
}

static void try(const uint8_t *data, size_t size)
{
	struct lms_index ix;
	struct lms_buf again = LMS_BUF_INIT;

	memset(&ix, 0, sizeof(ix));
	ix.tail_sorted = true;
	if (lms_index_parse(&ix, data, size)) {
		if (ix.n)
			fuzz_fail("entries of an index refused");
		return;
	}
	for (size_t i = 0; i < ix.n; i++) {
		struct lms_course c;
		size_t n = 0;

		lms_index_people(&ix.v[i], count, &n);
		lms_index_bookings(&ix.v[i], &c);
		for (size_t j = 0; j < c.nsessions; j++)
			if (!c.sessions[j].place)
				fuzz_fail("a session without its place");
		lms_course_release(&c);
	}
	lms_index_serialize(&ix, true, &again);
	if (again.len != size || memcmp(again.buf, data, size))
		fuzz_fail("an index read back is not the bytes it was read "
			  "from");
	lms_buf_release(&again);
	lms_index_release(&ix);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lms_sha256 s;
	uint8_t *summed = lms_malloc(size + 32);

	try(data, size);
	memcpy(summed, data, size);
	lms_sha256_init(&s);
	lms_sha256_add(&s, data, size);
	lms_sha256_final(&s, summed + size);
	try(summed, size + 32);
	free(summed);
	return 0;
}
