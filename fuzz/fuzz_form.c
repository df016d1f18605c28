#include <stdlib.h>

#include "form.h"
#include "respond.h"
#include "common.h"

/* Reads an answer to every item as the form's own labels and bounds. */
static void use(const struct lms_form *f)
{
	struct lms_buf why = LMS_BUF_INIT;
	const char *text;
	char n[16];
	int value;

	for (size_t i = 0; i < f->nitems; i++) {
		const char *id = f->items[i].id;

		if (lms_form_item(f, id) != &f->items[i])
			fuzz_fail("item %zu not found by id", i + 1);
		if (f->items[i].type != LMS_ITEM_SCALE)
			continue;
		for (size_t k = 0; k < f->scale.nlabels; k++)
			if (lms_answer_read(f, id, f->scale.labels[k], &value,
					    &text, &why) == 0 &&
			    (value < f->scale.min || value > f->scale.max))
				fuzz_fail("label %zu reads as %d, off the scale",
					  k + 1, value);
		snprintf(n, sizeof(n), "%d", f->scale.max);
		if (lms_answer_read(f, id, n, &value, &text, &why))
			fuzz_fail("the scale's max %s is not an answer", n);
		lms_buf_reset(&why);
	}
	lms_buf_release(&why);
}

/* forms/<id>.yaml. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "forms/x.yaml";
	char *text = fuzz_text(data, size);
	struct lms_diags diags = { NULL, 0 };
	struct lms_form f;
	int err = lms_form_load(&f, path, text, size, NULL, &diags);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
	} else {
		use(&f);
		lms_form_release(&f);
	}
	lms_diags_release(&diags);
	free(text);
	return 0;
}
