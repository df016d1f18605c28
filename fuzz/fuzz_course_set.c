#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "course.h"
#include "courseedit.h"
#include "date.h"
#include "emit.h"
#include "error.h"
#include "words.h"
#include "common.h"

/*
 * lms course set ID KEY=VALUE on a hand-written course.yaml.  The input
 * is KEY=VALUE, a NUL, and the file.  When the course loads and the
 * change is taken, the file still loads, the key holds the new value and
 * every other value is as it was; when the change is refused, the text
 * is untouched.
 */

static const char path[] = "courses/x/course.yaml";

/* The key path as the comparison spells it: list numbers without
 * leading zeros ("sessions.02.place" is "sessions.2.place"). */
static char *canonical(const char *key)
{
	struct lms_buf out = LMS_BUF_INIT;

	for (const char *k = key; *k;) {
		size_t len = strcspn(k, ".");

		if (out.len)
			lms_buf_addch(&out, '.');
		if (len && strspn(k, "0123456789") >= len)
			lms_buf_addf(&out, "%lu", strtoul(k, NULL, 10));
		else
			lms_buf_add(&out, k, len);
		k += len + (k[len] == '.');
	}
	return lms_buf_detach(&out);
}

static bool is_list(const struct lms_field *f)
{
	return f->type == LMS_T_STRS || f->type == LMS_T_IDS ||
	       f->type == LMS_T_MUNIS || f->type == LMS_T_FLAGS;
}

/* The value a scalar field should hold after KEY=VALUE. */
static bool scalar_is(const struct lms_field *f, const void *field,
		      const char *value)
{
	union { int i; unsigned u; double d; int32_t date; } want;
	struct lms_buf why = LMS_BUF_INIT;
	int err;

	if (f->type == LMS_T_STR || f->type == LMS_T_ID || f->type == LMS_T_MUNI)
		return *(char *const *)field &&
		       !strcmp(*(char *const *)field, value);
	memset(&want, 0, sizeof(want));
	/* Dates and times are taken as people type them ("7.9.26",
	 * "kl. 18"), which the file's readers would refuse. */
	if (f->type == LMS_T_DATE)
		err = !lms_date_parse_input(value, &want.date);
	else if (f->type == LMS_T_TIME)
		err = !lms_time_parse_input(value, &want.i);
	else
		err = lms_value_parse(f, value, &want, &why);
	lms_buf_release(&why);
	if (err)
		fuzz_fail("'%s' was taken but does not parse", value);
	switch (f->type) {
	case LMS_T_DATE:
		return *(const int32_t *)field == want.date;
	case LMS_T_REAL:
		return *(const double *)field == want.d;
	default:
		return *(const int *)field == want.i;
	}
}

static bool list_is(const struct lms_field *f, const void *field,
		    size_t count, const char *value)
{
	char **words;
	size_t n;
	bool same = true;

	lms_words_split(value, &words, &n);
	if (f->type == LMS_T_FLAGS) {
		unsigned want = 0;
		struct lms_buf why = LMS_BUF_INIT;

		for (size_t i = 0; i < n; i++)
			lms_value_parse(f, words[i], &want, &why);
		lms_buf_release(&why);
		same = *(const unsigned *)field == want;
	} else {
		same = count == n;
		for (size_t i = 0; same && i < n; i++)
			same = !strcmp((*(char **const *)field)[i], words[i]);
	}
	lms_words_free(words, n);
	return same;
}

static void check_value(struct lms_course *after, const char *key,
			const char *value)
{
	const struct lms_field *f;
	void *field = fuzz_field_at(&lms_course_schema, after, key, &f);
	size_t count;
	bool same;

	if (!field)
		fuzz_fail("'%s' was set but is not in the file", key);
	if (!*value) {
		same = lms_field_is_empty(f, field);
	} else if (is_list(f)) {
		count = f->count_offset == LMS_NO_OFFSET ? 0 :
			*(size_t *)((char *)field - f->offset + f->count_offset);
		same = list_is(f, field, count, value);
	} else {
		same = scalar_is(f, field, value);
	}
	if (!same)
		fuzz_fail("'%s' does not hold '%s' after the change", key, value);
}

static void check_set(const char *text, size_t len, const char *key,
		      const char *value)
{
	struct lms_buf edited = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_course before, after;
	const struct lms_field *f = NULL;
	char *canon;
	int err;

	lms_buf_add(&edited, text, len);
	if ((err = lms_course_set(&edited, path, key, value))) {
		/* A Unicode line break is refused as data (courseedit.c),
		 * and so is an edit of what an alias gives or of an anchor
		 * where the file has an alias (yedit.c): never without a
		 * '*' in the file; and an edit whose splice would change
		 * another value too (yverify.h). */
		bool unicode_break = false, alias = memchr(text, '*', len);
		bool unproved = strstr(lms_last_error()->msg,
				       "cannot make this change safely");

		for (size_t i = 0; i + 1 < len && !unicode_break; i++)
			unicode_break = !strncmp(text + i, "\xc2\x85", 2) ||
					!strncmp(text + i, "\xe2\x80\xa8", 3) ||
					!strncmp(text + i, "\xe2\x80\xa9", 3);

		if (err != LMS_EUSAGE && err != LMS_ENOENT &&
		    !(err == LMS_EDATA && (unicode_break || alias || unproved)))
			fuzz_fail("course set failed with %d", err);
		if (edited.len != len || memcmp(edited.buf, text, len))
			fuzz_fail("course set failed but changed the text");
		lms_buf_release(&edited);
		return;
	}
	if (lms_load_text(path, text, len, &lms_course_schema, &before, NULL))
		fuzz_fail("the course loads, its schema does not");
	if (lms_load_text(path, edited.buf, edited.len, &lms_course_schema,
			  &after, NULL)) {
		/* Removing a key that must be there is for the caller's
		 * check to refuse. */
		lms_schema_resolve(&lms_course_schema, key, &f);
		if (!*value && f && (f->flags & LMS_REQUIRED))
			goto out;
		fuzz_show("before", text, len);
		fuzz_show("after", edited.buf, edited.len);
		fuzz_fail("%s=%s leaves a file that does not load", key, value);
	}
	canon = canonical(key);
	if (!fuzz_equal(&lms_course_schema, &before, &after, canon, &where)) {
		fuzz_show("before", text, len);
		fuzz_show("after", edited.buf, edited.len);
		fuzz_fail("%s=%s changed another value: %s", key, value,
			  where.buf);
	}
	check_value(&after, canon, value);
	free(canon);
	lms_course_release(&after);
out:
	lms_course_release(&before);
	lms_buf_release(&edited);
	lms_buf_release(&where);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *input = fuzz_text(data, size);
	size_t head = strlen(input);
	char *eq = strchr(input, '=');
	const char *text = input + head + 1;
	struct lms_course c;

	/* The command line takes KEY=VALUE with a key before the '='. */
	if (head == size || !eq || eq == input) {
		free(input);
		return 0;
	}
	*eq = '\0';
	size -= head + 1;
	if (!lms_course_load(&c, path, text, size, NULL, NULL)) {
		lms_course_release(&c);
		check_set(text, size, input, eq + 1);
	} else {
		/* lms refuses to change a course that does not load, but
		 * the edit must not crash on it either. */
		struct lms_buf edited = LMS_BUF_INIT;

		lms_buf_add(&edited, text, size);
		lms_course_set(&edited, path, input, eq + 1);
		lms_buf_release(&edited);
	}
	free(input);
	return 0;
}
