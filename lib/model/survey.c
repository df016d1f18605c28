#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "sha256.h"
#include "survey.h"

static int by_item(const void *a, const void *b)
{
	const struct lms_answer *x = *(const struct lms_answer *const *)a;
	const struct lms_answer *y = *(const struct lms_answer *const *)b;

	return strcmp(x->item, y->item);
}

/* Fields end with a NUL, which no field holds: "a" "bc" is not "ab" "c". */
static void field(struct lms_buf *out, const char *s)
{
	lms_buf_add(out, s, strlen(s) + 1);
}

void lms_survey_key(struct lms_buf *out, const struct lms_evaluation *e,
		    const struct lms_stamp *stamp)
{
	const struct lms_answer **sorted;
	char number[32];

	sorted = lms_calloc(e->answers.n + 1, sizeof(*sorted));
	lms_buf_reset(out);
	field(out, "lms-response-1");
	field(out, e->form);
	field(out, e->person ? e->person : "");
	if (stamp)
		snprintf(number, sizeof(number), "%lld",
			 (long long)lms_stamp_seconds(stamp));
	field(out, stamp ? number : "");
	for (size_t i = 0; i < e->answers.n; i++)
		sorted[i] = &e->answers.v[i];
	if (e->answers.n)
		qsort(sorted, e->answers.n, sizeof(*sorted), by_item);
	for (size_t i = 0; i < e->answers.n; i++) {
		field(out, sorted[i]->item);
		if (sorted[i]->is_text) {
			lms_buf_addch(out, 't');
			field(out, sorted[i]->text);
		} else {
			snprintf(number, sizeof(number), "n%d", sorted[i]->value);
			field(out, number);
		}
	}
	free(sorted);
}

void lms_survey_digest(const char *key, size_t keylen, unsigned repeat,
		       char out[LMS_DIGEST_LEN + 1])
{
	struct lms_sha256 s;
	unsigned char hash[32];
	char n[16];

	snprintf(n, sizeof(n), "%u", repeat);
	lms_sha256_init(&s);
	lms_sha256_add(&s, key, keylen);
	lms_sha256_add(&s, n, strlen(n) + 1);
	lms_sha256_final(&s, hash);
	for (int i = 0; i < LMS_DIGEST_LEN / 2; i++)
		snprintf(out + 2 * i, 3, "%02x", hash[i]);
}

bool lms_digest_valid(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");

	return n == LMS_DIGEST_LEN && !s[n];
}

void lms_survey_person(const char *cell, struct lms_buf *id,
		       struct lms_buf *alt)
{
	lms_buf_reset(id);
	for (const char *p = cell; *p; p++)
		if (*p != ' ' && *p != '\t')
			lms_buf_addch(id, *p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	lms_buf_reset(alt);
	lms_buf_addf(alt, "p-%s", id->buf);
}
