#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "course.h"
#include "enrolment.h"
#include "evaluation.h"
#include "person.h"
#include "common.h"

/*
 * The files lms writes whole: what lms reads from one, it writes, and
 * reads back the same.  The first byte says which file the rest is:
 * c course.yaml (lms course new writes it), e enrolments.yaml,
 * a attendance.yaml, v evaluations.yaml, p participants.yaml.
 */

static void show_both(const char *text, size_t len, const struct lms_buf *out)
{
	fuzz_show("read", text, len);
	fuzz_show("written", out->buf, out->len);
}

static void course(const char *text, size_t len)
{
	static const char path[] = "courses/x/course.yaml";
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_course a, b;

	if (lms_course_load(&a, path, text, len, NULL, NULL))
		return;
	lms_course_emit(&out, &a);
	if (lms_course_load(&b, path, out.buf, out.len, NULL, NULL)) {
		show_both(text, len, &out);
		fuzz_fail("course.yaml as lms writes it does not read");
	}
	if (!fuzz_equal(&lms_course_schema, &a, &b, NULL, &where)) {
		show_both(text, len, &out);
		fuzz_fail("course.yaml reads back changed: %s", where.buf);
	}
	lms_course_release(&a);
	lms_course_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

static void enrolments(const char *text, size_t len)
{
	static const char path[] = "courses/x/enrolments.yaml";
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_enrolments a, b;

	if (lms_enrolments_load(&a, path, text, len))
		return;
	lms_enrolments_emit(&out, &a);
	if (lms_enrolments_load(&b, path, out.buf, out.len)) {
		show_both(text, len, &out);
		fuzz_fail("enrolments.yaml as lms writes it does not read");
	}
	if (!fuzz_equal_list(&lms_enrolment_schema, a.v, a.n, b.v, b.n, &where)) {
		show_both(text, len, &out);
		fuzz_fail("enrolments.yaml reads back changed: %s", where.buf);
	}
	lms_enrolments_release(&a);
	lms_enrolments_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

static void attendance(const char *text, size_t len)
{
	static const char path[] = "courses/x/attendance.yaml";
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_attendance a, b;

	if (lms_attendance_load(&a, path, text, len))
		return;
	lms_attendance_emit(&out, &a);
	if (lms_attendance_load(&b, path, out.buf, out.len)) {
		show_both(text, len, &out);
		fuzz_fail("attendance.yaml as lms writes it does not read");
	}
	if (!fuzz_equal_attendance(&a, &b, &where)) {
		show_both(text, len, &out);
		fuzz_fail("attendance.yaml reads back changed: %s", where.buf);
	}
	lms_attendance_release(&a);
	lms_attendance_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

static void evaluations(const char *text, size_t len)
{
	static const char path[] = "courses/x/evaluations.yaml";
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_evaluations a, b;

	if (lms_evaluations_load(&a, path, text, len))
		return;
	lms_evaluations_emit(&out, &a);
	if (lms_evaluations_load(&b, path, out.buf, out.len)) {
		show_both(text, len, &out);
		fuzz_fail("evaluations.yaml as lms writes it does not read");
	}
	if (!fuzz_equal_list(&lms_evaluation_schema, a.v, a.n, b.v, b.n,
			     &where)) {
		show_both(text, len, &out);
		fuzz_fail("evaluations.yaml reads back changed: %s", where.buf);
	}
	lms_evaluations_release(&a);
	lms_evaluations_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

static void participants(const char *text, size_t len)
{
	static const char path[] = "people/participants.yaml";
	struct lms_buf out = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_register a, b;

	if (lms_register_load(&a, path, text, len))
		return;
	lms_register_emit(&out, &a);
	if (lms_register_load(&b, path, out.buf, out.len)) {
		show_both(text, len, &out);
		fuzz_fail("participants.yaml as lms writes it does not read");
	}
	if (!fuzz_equal_list(&lms_person_schema, a.v, a.n, b.v, b.n, &where)) {
		show_both(text, len, &out);
		fuzz_fail("participants.yaml reads back changed: %s", where.buf);
	}
	lms_register_release(&a);
	lms_register_release(&b);
	lms_buf_release(&out);
	lms_buf_release(&where);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (!size)
		return 0;
	text = fuzz_text(data + 1, size - 1);
	switch (data[0]) {
	case 'c': course(text, size - 1); break;
	case 'e': enrolments(text, size - 1); break;
	case 'a': attendance(text, size - 1); break;
	case 'v': evaluations(text, size - 1); break;
	case 'p': participants(text, size - 1); break;
	default: break;
	}
	free(text);
	return 0;
}
