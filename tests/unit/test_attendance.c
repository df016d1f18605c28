#include "test.h"

#include "attendance.h"
#include "date.h"
#include "schema.h"

static const char canonical[] =
	"\"2026-09-07\":\n"
	"  p-aaaaaa: present\n"
	"  p-bbbbbb: absent\n"
	"\"2026-09-14\":\n"
	"  headcount: {participants: 7, relatives: 2}\n"
	"\"2026-09-21\":\n"
	"  p-aaaaaa: excused\n"
	"  headcount: {participants: 3, relatives: 0}\n";

static void round_trips(void **state)
{
	struct lms_attendance a;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_attendance_load(&a, "a", canonical,
					     strlen(canonical)), 0);
	assert_int_equal(a.n, 3);
	assert_int_equal(a.v[0].n, 2);
	assert_int_equal(a.v[1].participants, 7);
	assert_int_equal(a.v[1].relatives, 2);
	assert_int_equal(a.v[2].v[0].presence, LMS_EXCUSED);
	lms_attendance_emit(&out, &a);
	assert_string_equal(out.buf, canonical);
	lms_buf_release(&out);
	lms_attendance_release(&a);
}

static void sorts_dates_and_people(void **state)
{
	const char *messy = "'2026-09-14': {p-b: present, p-a: absent}\n"
			    "'2026-09-07': {p-a: present}\n";
	struct lms_attendance a;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_attendance_load(&a, "a", messy, strlen(messy)), 0);
	lms_attendance_emit(&out, &a);
	assert_string_equal(out.buf, "\"2026-09-07\":\n  p-a: present\n"
			    "\"2026-09-14\":\n  p-a: absent\n  p-b: present\n");
	lms_buf_release(&out);
	lms_attendance_release(&a);
}

static void marks_and_new_sessions(void **state)
{
	struct lms_attendance a = { NULL, 0 };
	struct lms_session_attendance *s;
	struct lms_buf out = LMS_BUF_INIT;
	int32_t d1, d2;

	(void)state;
	assert_true(lms_date_parse("2026-09-14", &d2));
	assert_true(lms_date_parse("2026-09-07", &d1));
	s = lms_attendance_session(&a, d2, 1);
	lms_attendance_mark(s, "p-b", LMS_PRESENT);
	s = lms_attendance_session(&a, d1, 1);
	lms_attendance_mark(s, "p-b", LMS_ABSENT);
	lms_attendance_mark(s, "p-a", LMS_PRESENT);
	lms_attendance_mark(s, "p-b", LMS_EXCUSED);
	assert_int_equal(lms_attendance_of(s, "p-b"), LMS_EXCUSED);
	assert_int_equal(lms_attendance_of(s, "p-c"), 0);
	assert_null(lms_attendance_find(&a, d1 + 1));
	lms_attendance_emit(&out, &a);
	assert_string_equal(out.buf, "\"2026-09-07\":\n  p-a: present\n"
			    "  p-b: excused\n\"2026-09-14\":\n  p-b: present\n");
	lms_buf_release(&out);
	lms_attendance_release(&a);
}

static void refusals(void **state)
{
	struct lms_attendance a;
	static const struct {
		const char *text;
		unsigned line, col;
		const char *msg;
	} bad[] = {
		{ "\"2026-02-30\": {}\n", 1, 1,
		  "'2026-02-30' is not a date (YYYY-MM-DD)" },
		{ "\"2026-09-07\": {p-a: here}\n", 1, 21,
		  "2026-09-07: 'here' is not one of present, absent, excused" },
		{ "\"2026-09-07\": {P A: present}\n", 1, 16,
		  "2026-09-07: expected a person id or headcount" },
		{ "\"2026-09-07\": {p-a: present, p-a: absent}\n", 1, 15,
		  "2026-09-07: 'p-a' is marked twice" },
		{ "\"2026-09-07\": {}\n\"2026-09-07\": {}\n", 2, 1,
		  "session 2026-09-07 is given twice" },
		{ "\"2026-09-07\": {headcount: {participants: -1}}\n", 1, 42,
		  "2026-09-07: a count cannot be negative" },
		{ "\"2026-09-07\": {headcount: {children: 1}}\n", 1, 28,
		  "2026-09-07: a headcount has participants and relatives" },
		{ "- a\n", 1, 1, "expected session dates as keys" },
		{ NULL, 0, 0, NULL }
	};

	(void)state;
	for (int i = 0; bad[i].text; i++)
		assert_error(lms_attendance_load(&a, "a", bad[i].text,
						 strlen(bad[i].text)),
			     LMS_EDATA, bad[i].line, bad[i].col, bad[i].msg);
	assert_int_equal(lms_attendance_load(&a, "a", "", 0), 0);
	assert_int_equal(a.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trips),
		cmocka_unit_test(sorts_dates_and_people),
		cmocka_unit_test(marks_and_new_sessions),
		cmocka_unit_test(refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
