#include <stdlib.h>

#include "course.h"
#include "courseedit.h"
#include "date.h"
#include "common.h"

/* What commands do with a course once it is loaded. */
static void use(const struct lms_course *c)
{
	struct lms_buf b = LMS_BUF_INIT;
	size_t *order = lms_course_session_order(c);
	size_t index, number;

	for (size_t i = 0; i + 1 < c->nsessions; i++)
		if (c->sessions[order[i]].date > c->sessions[order[i + 1]].date)
			fuzz_fail("sessions out of date order");
	for (size_t i = 0; i < c->nsessions; i++) {
		char arg[11];

		lms_session_place(c, i);
		lms_date_format(c->sessions[i].date, arg);
		if (lms_course_find_session(c, arg, &index, &number))
			fuzz_fail("session %zu not found by its date %s", i + 1,
				  arg);
		snprintf(arg, sizeof(arg), "%zu", i + 1);
		if (lms_course_find_session(c, arg, &index, &number) ||
		    number != i + 1 || index != order[i])
			fuzz_fail("session %zu not found by its number", i + 1);
	}
	lms_course_sessions_held(c, lms_course_first_date(c));
	lms_course_sessions_held(c, lms_course_last_date(c));
	for (const struct lms_field *f = lms_course_schema.fields; f->key; f++)
		lms_course_describe(&b, c, f->key);
	lms_course_describe(&b, c, "sessions.1.place");
	lms_buf_release(&b);
	free(order);
}

/* courses/<id>/course.yaml, which people write by hand. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "courses/x/course.yaml";
	char *text = fuzz_text(data, size);
	struct lms_diags diags = { NULL, 0 };
	struct lms_course c;
	int err = lms_course_load(&c, path, text, size, NULL, &diags);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
	} else {
		use(&c);
		lms_course_release(&c);
	}
	for (size_t i = 0; i < diags.n; i++)
		if (!diags.v[i].msg || !diags.v[i].key)
			fuzz_fail("a finding without a message or key");
	lms_diags_release(&diags);
	free(text);
	return 0;
}
