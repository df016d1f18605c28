#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"
#include "buf.h"
#include "index.h"
#include "hash64.h"
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

/* Decoding into the memory of the records decoded before gives what
 * decoding afresh gives: the same answer, and the same record. */
static void same_again(int got, const struct lms_agg_contrib *c,
		       const struct lms_index_record *r)
{
	static struct lms_agg_contrib again;	/* of every input so far */
	struct lms_buf x = LMS_BUF_INIT, y = LMS_BUF_INIT;

	if (lms_agg_contrib_decode_again(r->data, r->len, r->data, &again) !=
	    got)
		fuzz_fail("a record decoded again gives another answer");
	if (got <= 0)
		return;
	lms_agg_contrib_encode(c, r->data, &x);
	lms_agg_contrib_encode(&again, r->data, &y);
	if (x.len != y.len || memcmp(x.buf, y.buf, x.len))
		fuzz_fail("a record decoded again differs");
	lms_buf_release(&x);
	lms_buf_release(&y);
}

/* A report's record (LMS_INDEX_REPORT) decodes under its own
 * fingerprint, or is refused, and what decodes merges within bounds. */
static void report_record(const struct lms_index_record *r)
{
	static const int bys[] = { LMS_BY_COURSE, LMS_BY_MUNICIPALITY,
				   LMS_BY_REFERRAL, LMS_BY_ROLE };
	struct lms_agg_contrib c;
	int got;

	if (!r->data)
		return;
	if (r->len < LMS_INDEX_FINGERPRINT)
		fuzz_fail("a report's record without its fingerprint");
	got = lms_agg_contrib_decode(r->data, r->len, r->data, &c);
	same_again(got, &c, r);
	if (got <= 0)
		return;
	for (size_t i = 0; i < sizeof(bys) / sizeof(*bys); i++) {
		struct lms_agg_options opt = { .by = bys[i], .min_cell = 5 };
		struct lms_agg a;

		lms_agg_init(&a, &opt);
		lms_agg_contrib_merge(&a, &c);
		lms_agg_contrib_merge(&a, &c);
		lms_agg_waits_merge(a.waits);
		lms_agg_release(&a);
	}
	lms_agg_contrib_release(&c);
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
		struct lms_index_stat files[LMS_INDEX_NFILES];
		struct lms_course c;
		size_t n = 0;

		/* Whatever the stats' bytes: decoded or refused. */
		(void)lms_index_stats(&ix.v[i], files);
		lms_index_people(&ix.v[i], count, &n);
		lms_index_bookings(&ix.v[i], &c);
		for (size_t j = 0; j < c.nsessions; j++)
			if (!c.sessions[j].place)
				fuzz_fail("a session without its place");
		lms_course_release(&c);
		report_record(&ix.v[i].rec[LMS_INDEX_REPORT]);
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
	struct lms_hash64 h;
	uint8_t *summed = lms_malloc(size + 8);
	uint64_t sum;

	try(data, size);
	memcpy(summed, data, size);
	lms_hash64_init(&h);
	lms_hash64_add(&h, data, size);
	sum = lms_hash64_final(&h);
	for (int i = 0; i < 8; i++)	/* little-endian, as the index's */
		summed[size + i] = (uint8_t)(sum >> (8 * i));
	try(summed, size + 8);
	free(summed);
	return 0;
}
