#include <stdlib.h>

#include "service.h"
#include "common.h"

/* lms.yaml, which every command reads first. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "lms.yaml";
	char *text = fuzz_text(data, size);
	struct lms_service s;
	int err = lms_service_load(&s, path, text, size);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
	} else {
		if (!s.name || !s.municipality)
			fuzz_fail("lms.yaml loaded without its name or host");
		for (size_t i = 0; i < s.npartners; i++)
			lms_service_serves(&s, s.partners[i]);
		lms_service_serves(&s, s.municipality);
		lms_service_release(&s);
	}
	free(text);
	return 0;
}
