#include <stdlib.h>

#include "attendance.h"
#include "common.h"

/* courses/<id>/attendance.yaml, keyed by session dates. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "courses/x/attendance.yaml";
	char *text = fuzz_text(data, size);
	struct lms_attendance a;
	int err = lms_attendance_load(&a, path, text, size);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
		free(text);
		return 0;
	}
	for (size_t i = 0; i < a.n; i++) {
		if (i && a.v[i - 1].date >= a.v[i].date)
			fuzz_fail("sessions out of date order");
		if (lms_attendance_find(&a, a.v[i].date) != &a.v[i])
			fuzz_fail("session %zu not found by its date", i + 1);
		for (size_t j = 0; j < a.v[i].n; j++)
			if (lms_attendance_of(&a.v[i], a.v[i].v[j].person) !=
			    a.v[i].v[j].presence)
				fuzz_fail("a mark not found by its person");
	}
	lms_attendance_release(&a);
	free(text);
	return 0;
}
