#include <stdlib.h>

#include "template.h"
#include "common.h"

/* templates/<id>.yaml. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "templates/x.yaml";
	char *text = fuzz_text(data, size);
	struct lms_diags diags = { NULL, 0 };
	struct lms_template t;
	int err = lms_template_load(&t, path, text, size, NULL, &diags);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
	} else {
		/* The days are LMS_MON... bits, nothing above Sunday. */
		if (t.days & ~0x7fu)
			abort();
		lms_template_release(&t);
	}
	lms_diags_release(&diags);
	free(text);
	return 0;
}
