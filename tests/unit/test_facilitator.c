#include <stdlib.h>

#include "test.h"

#include "buf.h"
#include "date.h"
#include "emit.h"
#include "facilitator.h"

static const char facilitators_yaml[] =
	"- {id: alltid, name: A, kind: professional}\n"
	"- {id: aldri, name: B, kind: professional, available: false}\n"
	"- {id: host, name: C, kind: user-representative,\n"
	"   available: [2026-08-01, 2026-12-31]}\n";

static int load(const char *text)
{
	struct lms_facilitator *v;
	size_t n;
	int err = lms_facilitators_load(&v, &n, "people/facilitators.yaml",
					text, strlen(text), NULL);

	if (!err)
		lms_facilitators_free(v, n);
	return err;
}

/* Availability: always, never, or a range of dates, both ends held; and
 * written back as it was read. */
static void availability(void **state)
{
	struct lms_facilitator *v;
	size_t n;
	struct lms_buf out = LMS_BUF_INIT;
	int32_t july = lms_date_from_ymd(2026, 7, 31);
	int32_t aug = lms_date_from_ymd(2026, 8, 1);
	int32_t dec = lms_date_from_ymd(2026, 12, 31);
	int32_t jan = lms_date_from_ymd(2027, 1, 1);

	(void)state;
	assert_int_equal(lms_facilitators_load(&v, &n, "f", facilitators_yaml,
					       strlen(facilitators_yaml), NULL),
			 0);
	assert_int_equal(n, 3);
	assert_true(lms_facilitator_available_on(&v[0], july));
	assert_false(lms_facilitator_available_on(&v[1], aug));
	assert_false(lms_facilitator_available_on(&v[2], july));
	assert_true(lms_facilitator_available_on(&v[2], aug));
	assert_true(lms_facilitator_available_on(&v[2], dec));
	assert_false(lms_facilitator_available_on(&v[2], jan));
	assert_ptr_equal(lms_facilitator_find(v, n, "host"), &v[2]);
	assert_null(lms_facilitator_find(v, n, "nope"));
	lms_emit_list(&out, &lms_facilitator_schema, v, n, 0);
	assert_string_equal(out.buf,
			    "- id: alltid\n  name: A\n  kind: professional\n"
			    "- id: aldri\n  name: B\n  kind: professional\n"
			    "  available: false\n"
			    "- id: host\n  name: C\n"
			    "  kind: user-representative\n"
			    "  available: [2026-08-01, 2026-12-31]\n");
	lms_buf_release(&out);
	lms_facilitators_free(v, n);
}

static void refusals(void **state)
{
	(void)state;
	assert_error(load("- {id: a, name: A, available: {from: x}}\n"),
		     LMS_EDATA, 1, 31,
		     "1.available: expected true, false or [FROM, TO]");
	assert_error(load("- {id: a, name: A, available: [2026-08-01]}\n"),
		     LMS_EDATA, 1, 42,
		     "1.available: expected two dates, [FROM, TO]");
	assert_error(load("- {id: a, name: A, available: [2026-08-01, "
			  "2026-09-01, 2026-10-01]}\n"), LMS_EDATA, 1, 56,
		     "1.available: expected two dates, [FROM, TO]");
	assert_error(load("- {id: a, name: A, available: [2026-08-01, "
			  "2026-07-01]}\n"), LMS_EDATA, 1, 31,
		     "1.available: the range ends before it starts");
	assert_error(load("- {id: a, name: A, available: [2026-08-01, x]}\n"),
		     LMS_EDATA, 1, 44,
		     "1.available: 'x' is not a date (YYYY-MM-DD)");
	assert_error(load("- {id: a, name: A, available: maybe}\n"),
		     LMS_EDATA, 1, 31, "1.available: 'maybe' is not true or "
		     "false");
	/* Of two listed twice, the first met again is named. */
	assert_error(load("- {id: a, name: A, kind: professional}\n"
			  "- {id: b, name: B, kind: professional}\n"
			  "- {id: b, name: C, kind: professional}\n"
			  "- {id: a, name: D, kind: professional}\n"),
		     LMS_EDATA, 3, 3, "facilitator 'b' is listed twice");
}

/* Who may lead: one rule for lms course new and assign (an id from the
 * command line) and for a course.yaml's led_by (a session's key path). */
static void who_may_lead(void **state)
{
	struct lms_facilitator *v;
	size_t n;

	(void)state;
	assert_int_equal(lms_facilitators_load(&v, &n, "facilitators.yaml",
					       facilitators_yaml,
					       strlen(facilitators_yaml),
					       NULL), 0);
	assert_int_equal(lms_facilitator_check(v, n, "aldri", 0), 0);
	assert_int_equal(lms_facilitator_check(v, n, "host", 2), 0);
	assert_int_equal(lms_facilitator_check(v, n, "nobody", 0), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no such facilitator: "
			    "'nobody' (see lms facilitator add)");
	assert_int_equal(lms_facilitator_check(v, n, "nobody", 3), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "sessions.3.led_by: no "
			    "such facilitator: 'nobody'");
	assert_int_equal(lms_facilitator_check(NULL, 0, "aldri", 0),
			 LMS_ENOENT);
	lms_facilitators_free(v, n);
}

/* A new entry goes at the end with every field set, in the schema's
 * order; the file's comments and hand-written style stay as they were. */
static void append(void **state)
{
	static const char *const topics[] = { "søvn", "angst" };
	struct lms_facilitator f;
	struct lms_buf text = LMS_BUF_INIT;

	(void)state;
	lms_schema_init(&lms_facilitator_schema, &f);
	f.id = (char *)"ny";
	f.name = (char *)"Test Ny";
	f.kind = LMS_USER_REPRESENTATIVE;
	f.profession = (char *)"sykepleier";
	f.organisation = (char *)"Test";
	f.topics = (char **)topics;
	f.ntopics = 2;
	f.available = (struct lms_availability){ LMS_AVAIL_RANGE,
		lms_date_from_ymd(2026, 8, 1), lms_date_from_ymd(2026, 12, 31) };
	f.email = (char *)"ny@example.org";
	f.phone = (char *)"+47 400 00 000";
	lms_buf_adds(&text, "# by hand\n- {id: a, name: A, kind: professional}"
		     "\n");
	assert_int_equal(lms_facilitator_append(&text, "f.yaml", &f), 0);
	assert_string_equal(text.buf,
			    "# by hand\n- {id: a, name: A, kind: professional}\n"
			    "- id: ny\n  name: Test Ny\n"
			    "  kind: user-representative\n"
			    "  profession: sykepleier\n  organisation: Test\n"
			    "  topics: [søvn, angst]\n"
			    "  available: [2026-08-01, 2026-12-31]\n"
			    "  email: ny@example.org\n  phone: \"+47 400 00 000\"\n");
	lms_buf_release(&text);
	/* An empty file becomes a list of one. */
	f.profession = f.organisation = f.email = f.phone = NULL;
	f.ntopics = 0;
	f.available.mode = LMS_AVAIL_UNSET;
	assert_int_equal(lms_facilitator_append(&text, "f.yaml", &f), 0);
	assert_string_equal(text.buf, "- id: ny\n  name: Test Ny\n"
			    "  kind: user-representative\n");
	/* A result that would not load is refused. */
	lms_buf_reset(&text);
	lms_buf_adds(&text, "- {id: a, name: A, kind: boss}\n");
	assert_error(lms_facilitator_append(&text, "f.yaml", &f), LMS_EDATA, 1,
		     26, "1.kind: 'boss' is not one of professional, "
		     "user-representative");
	lms_buf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(availability),
		cmocka_unit_test(refusals),
		cmocka_unit_test(who_may_lead),
		cmocka_unit_test(append),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
