#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "facilitators.h"

/*
 * lms facilitator add against a fake store: people/facilitators.yaml as a
 * text in memory (or missing), each save replacing it.
 */

struct fake {
	struct lms_buf text;
	bool missing;
	int saves;
};

static struct fake f;
static struct lms_ops_io io;

static int fake_load_facilitators(void *arg, struct lms_facilitator **out,
				  size_t *n)
{
	struct fake *k = arg;

	*out = NULL;
	*n = 0;
	return k->missing ? 0 : lms_facilitators_load(out, n, "f.yaml",
						       k->text.buf, k->text.len,
						       NULL);
}

static int fake_load_text(void *arg, enum lms_file which, const char *course,
			  struct lms_buf *out)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_FACILITATORS);
	assert_null(course);
	if (k->missing)
		return lms_error(LMS_ENOENT, "f.yaml: no such file");
	lms_buf_add(out, k->text.buf, k->text.len);
	return 0;
}

static char *fake_path(void *arg, enum lms_file which, const char *course)
{
	(void)arg;
	(void)which;
	(void)course;
	return lms_strdup("f.yaml");
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_FACILITATORS);
	assert_null(course);
	k->saves++;
	k->missing = false;
	lms_buf_reset(&k->text);
	lms_buf_add(&k->text, text->buf, text->len);
	return 0;
}

static int setup(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.text);
	memset(&io, 0, sizeof(io));
	io.arg = &f;
	io.load_facilitators = fake_load_facilitators;
	io.load_text = fake_load_text;
	io.path = fake_path;
	io.save = fake_save;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&f.text);
	return 0;
}

static struct lms_facilitator entry(const char *id)
{
	struct lms_facilitator e;

	lms_schema_init(&lms_facilitator_schema, &e);
	e.id = (char *)id;
	e.name = (char *)"Test Person";
	e.kind = LMS_PROFESSIONAL;
	return e;
}

/* The first makes the file; the next goes at its end, after what people
 * wrote by hand. */
static void add(void **state)
{
	struct lms_facilitator a = entry("a"), b = entry("b");

	(void)state;
	f.missing = true;
	assert_int_equal(lms_ops_facilitator_add(&io, &a), 0);
	assert_string_equal(f.text.buf, "- id: a\n  name: Test Person\n"
			    "  kind: professional\n");
	lms_buf_adds(&f.text, "# hand-written\n");
	assert_int_equal(lms_ops_facilitator_add(&io, &b), 0);
	assert_string_equal(f.text.buf, "- id: a\n  name: Test Person\n"
			    "  kind: professional\n"
			    "- id: b\n  name: Test Person\n"
			    "  kind: professional\n# hand-written\n");
	assert_int_equal(f.saves, 2);
}

/* An id taken, or a file that does not load, writes nothing. */
static void refusals(void **state)
{
	struct lms_facilitator a = entry("a");

	(void)state;
	lms_buf_adds(&f.text, "- {id: a, name: A, kind: professional}\n");
	assert_error(lms_ops_facilitator_add(&io, &a), LMS_ECREATE, 0, 0,
		     "facilitator 'a' exists already");
	lms_buf_reset(&f.text);
	lms_buf_adds(&f.text, "- {id: b, name: B, kind: boss}\n");
	assert_int_equal(lms_ops_facilitator_add(&io, &a), LMS_EDATA);
	assert_int_equal(f.saves, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(add, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
