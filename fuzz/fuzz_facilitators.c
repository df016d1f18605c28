#include <stdlib.h>

#include "date.h"
#include "facilitator.h"
#include "common.h"

/* people/facilitators.yaml. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "people/facilitators.yaml";
	char *text = fuzz_text(data, size);
	struct lms_diags diags = { NULL, 0 };
	struct lms_facilitator *v;
	size_t n;
	int err = lms_facilitators_load(&v, &n, path, text, size, &diags);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (lms_facilitator_find(v, n, v[i].id) != &v[i])
				fuzz_fail("facilitator %zu not found by id", i + 1);
			lms_facilitator_available_on(&v[i], v[i].available.from);
			lms_facilitator_available_on(&v[i],
						     lms_date_from_ymd(2026, 9, 1));
		}
		lms_facilitators_free(v, n);
	}
	lms_diags_release(&diags);
	free(text);
	return 0;
}
