#include <stdlib.h>

#include "evaluation.h"
#include "common.h"

/* courses/<id>/evaluations.yaml. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "courses/x/evaluations.yaml";
	char *text = fuzz_text(data, size);
	struct lms_evaluations e;
	int err = lms_evaluations_load(&e, path, text, size);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
		free(text);
		return 0;
	}
	for (size_t i = 0; i < e.n; i++)
		for (size_t j = 0; j < e.v[i].answers.n; j++)
			if (lms_answer_find(&e.v[i], e.v[i].answers.v[j].item) !=
			    &e.v[i].answers.v[j])
				fuzz_fail("an answer not found by its item");
	lms_evaluations_release(&e);
	free(text);
	return 0;
}
