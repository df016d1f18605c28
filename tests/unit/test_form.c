#include <stdlib.h>

#include "test.h"

#include "form.h"

static int load(const char *text, const char *id)
{
	struct lms_form f;
	int err = lms_form_load(&f, "forms/f.yaml", text, strlen(text), id,
				NULL);

	if (!err)
		lms_form_release(&f);
	return err;
}

#define ITEMS "items:\n  - {id: a, text: A}\n"

/* A form loads with the defaults of what it leaves out: scale items,
 * not reversed, scored by their mean. */
static void defaults(void **state)
{
	static const char text[] = "id: f\ntitle: F\nscale: {min: 1, max: 4}\n"
				   ITEMS "  - {id: b, text: B, type: text}\n";
	struct lms_form f;

	(void)state;
	assert_int_equal(lms_form_load(&f, "forms/f.yaml", text, strlen(text),
				       "f", NULL), 0);
	assert_int_equal(f.nitems, 2);
	assert_int_equal(f.items[0].type, LMS_ITEM_SCALE);
	assert_int_equal(f.items[0].reverse, 0);
	assert_int_equal(f.items[1].type, LMS_ITEM_TEXT);
	assert_int_equal(f.score, LMS_SCORE_MEAN);
	lms_form_release(&f);
	/* Text items alone need no scale. */
	assert_int_equal(load("id: f\ntitle: F\nitems:\n"
			      "  - {id: b, text: B, type: text}\n", "f"), 0);
}

/* Each fault is refused at the form or the item, with what is wrong. */
static void refusals(void **state)
{
	(void)state;
	assert_error(load("id: g\ntitle: F\nscale: {min: 1, max: 4}\n" ITEMS,
			  "f"), LMS_EDATA, 1, 1,
		     "id 'g' differs from the file name 'f'");
	assert_error(load("id: f\ntitle: F\nitems: []\n", "f"), LMS_EDATA, 1,
		     1, "form has no items");
	assert_error(load("id: f\ntitle: F\nscale: {min: 1, max: 4}\n" ITEMS
			  "  - {id: a, text: A2}\n", NULL), LMS_EDATA, 6, 5,
		     "item 'a' is listed twice");
	assert_error(load("id: f\ntitle: F\nitems:\n"
			  "  - {id: b, text: B, type: text, reverse: true}\n",
			  "f"), LMS_EDATA, 4, 5,
		     "item 'b': a text item cannot be reversed");
	assert_error(load("id: f\ntitle: F\n" ITEMS, "f"), LMS_EDATA, 1, 1,
		     "form has scale items but no scale: {min, max}");
	assert_error(load("id: f\ntitle: F\nscale: {min: 4, max: 4}\n" ITEMS,
			  "f"), LMS_EDATA, 1, 1,
		     "scale: max must be above min");
	assert_error(load("id: f\ntitle: F\nscale: {min: 0, max: 101}\n" ITEMS,
			  "f"), LMS_EDATA, 1, 1, "scale: more than 101 steps");
	assert_error(load("id: f\ntitle: F\nscale: {min: 1, max: 3, "
			  "labels: [a, b]}\n" ITEMS, "f"), LMS_EDATA, 1, 1,
		     "scale: 2 labels for 3 steps");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
