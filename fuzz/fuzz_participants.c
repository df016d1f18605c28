#include <stdlib.h>

#include "person.h"
#include "common.h"

/* people/participants.yaml, the private register. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "people/participants.yaml";
	char *text = fuzz_text(data, size);
	struct lms_register r;
	int err = lms_register_load(&r, path, text, size);

	if (err) {
		fuzz_check_load_error(err, path, text, size);
		free(text);
		return 0;
	}
	for (size_t i = 0; i < r.n; i++) {
		char key[32];

		if (lms_register_find(&r, r.v[i].id) != &r.v[i])
			fuzz_fail("person %zu not found by id", i + 1);
		*key = '\0';
		if (r.v[i].phone) {
			lms_phone_valid(r.v[i].phone);
			lms_phone_key(r.v[i].phone, key, sizeof(key));
		}
		if (r.v[i].email)
			lms_email_valid(r.v[i].email);
		/* Anyone with a phone number or an address can be found. */
		if ((*key || (r.v[i].email && *r.v[i].email)) &&
		    !lms_register_match(&r, r.v[i].phone, r.v[i].email))
			fuzz_fail("person %zu not matched by phone or e-mail",
				  i + 1);
	}
	lms_register_release(&r);
	free(text);
	return 0;
}
