#include <stdlib.h>
#include <string.h>

#include "course.h"
#include "roll.h"
#include "enrolment.h"
#include "common.h"

/* A course with a few places, to play the roll's rules on the file. */
static void use(struct lms_enrolments *e)
{
	static char id[] = "x";
	struct lms_course c;
	struct lms_roll roll;
	size_t n;

	lms_schema_init(&lms_course_schema, &c);
	c.id = id;
	c.capacity = 2;
	c.waitlist = 1;
	c.status = LMS_COURSE_OPEN;
	lms_roll_init(&roll, &c, e);
	for (size_t i = 0; i < e->n; i++)
		if (lms_roll_find(&roll, e->v[i].person) != &e->v[i])
			fuzz_fail("person %zu not found on the roll", i + 1);
	lms_roll_places_left(&roll);
	lms_roll_promote(&roll, NULL, NULL);
	n = e->n;
	if (n && !lms_roll_withdraw(&roll, e->v[0].person, NULL, NULL) &&
	    e->n != n)
		fuzz_fail("withdrawing removed a record");
	lms_enrolments_count(e, LMS_ENROLLED);
	lms_roll_release(&roll);
}

/* courses/<id>/enrolments.yaml. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "courses/x/enrolments.yaml";
	char *text = fuzz_text(data, size);
	struct lms_enrolments e;
	int err = lms_enrolments_load(&e, path, text, size);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
	} else {
		use(&e);
		lms_enrolments_release(&e);
	}
	free(text);
	return 0;
}
