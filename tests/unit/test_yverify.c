#include "test.h"

#include "alloc.h"
#include "yverify.h"

/* Verifies that after is before with value (YAML text; NULL removes)
 * set at keypath, or appended there. */
static int verify(const char *before, const char *after, const char *keypath,
		  const char *value, bool append)
{
	struct lms_node want;

	if (value)
		assert_int_equal(lms_ynode_read(value, strlen(value), &want), 0);
	return lms_yverify("c.yaml", before, strlen(before), after,
			   strlen(after), &(struct lms_ychange){
				   keypath, value ? &want : NULL, append });
}

static void refused_at(int rc, const char *keypath)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "c.yaml: cannot make this change "
		 "safely: it would change '%s' too; nothing was changed; edit "
		 "the file by hand", keypath);
	assert_error(rc, LMS_EDATA, 0, 0, msg);
}

static void proves_the_change_made(void **state)
{
	(void)state;
	assert_int_equal(verify("a: 1\nb: 2\n", "a: 3\nb: 2\n", "a", "3",
				false), 0);
	/* A key added goes where the schema puts it, not last. */
	assert_int_equal(verify("b: 1\nc: 2\n", "b: 1\na: x\nc: 2\n", "a",
				"x", false), 0);
	assert_int_equal(verify("s:\n- {d: 1, p: x}\n", "s:\n- {d: 1}\n",
				"s.1.p", NULL, false), 0);
	assert_int_equal(verify("l: [a, b, c]\n", "l: [a, c]\n", "l.2", NULL,
				false), 0);
	assert_int_equal(verify("l: [a]\n", "l: [a, b]\n", "l", "[a, b]",
				false), 0);
	/* Removing what is not there changes nothing. */
	assert_int_equal(verify("a: 1\n", "a: 1\n", "b", NULL, false), 0);
}

static void proves_appends(void **state)
{
	(void)state;
	assert_int_equal(verify("l:\n- {id: a}\n", "l:\n- {id: a}\n- id: b\n",
				"l", "{id: b}", true), 0);
	/* A null or missing list becomes one. */
	assert_int_equal(verify("l:\nx: 1\n", "l:\n- id: b\nx: 1\n", "l",
				"{id: b}", true), 0);
	assert_int_equal(verify("x: 1\n", "x: 1\nl:\n- id: b\n", "l",
				"{id: b}", true), 0);
	/* A list of records, and an empty file that becomes one. */
	assert_int_equal(verify("- id: a\n", "- id: a\n- id: b\n", "",
				"{id: b}", true), 0);
	assert_int_equal(verify("", "- id: b\n", "", "{id: b}", true), 0);
}

static void refuses_any_other_change(void **state)
{
	(void)state;
	refused_at(verify("a: 1\nb: 2\n", "a: 3\nb: 3\n", "a", "3", false),
		   "b");
	refused_at(verify("s:\n- {d: 1, p: x}\n- {d: 2}\n",
			  "s:\n- {d: 1}\n- {d: 2, p: x}\n", "s.1.p", NULL,
			  false), "s.2.p");
	/* The value itself must be the one asked for. */
	refused_at(verify("a: 1\n", "a: 4\n", "a", "3", false), "a");
	refused_at(verify("l: [a, b, c]\n", "l: [a, b]\n", "l.2", NULL,
			  false), "l.2");
	refused_at(verify("a: 1\nb: 2\n", "a: 1\n", "a", NULL, false), "b");
	refused_at(verify("a: 1\n", "a: 1\nb: 2\n", "c", NULL, false), "b");
	/* A block scalar that gains a line break. */
	refused_at(verify("n: |\n  x", "n: |\n  x\nb: 1\n", "b", "1", false),
		   "n");
}

static void compares_values_as_readers_see_them(void **state)
{
	(void)state;
	/* Quotes that every reader would drop are no change... */
	assert_int_equal(verify("a: \"x\"\nb: 1\n", "a: x\nb: 2\n", "b", "2",
				false), 0);
	/* ...but "3" unquoted is a number, and "no" a boolean. */
	refused_at(verify("a: \"3\"\nb: 1\n", "a: 3\nb: 2\n", "b", "2",
			  false), "a");
	refused_at(verify("a: 'no'\nb: 1\n", "a: no\nb: 2\n", "b", "2",
			  false), "a");
	/* Comments, layout and flow or block style are not values. */
	assert_int_equal(verify("a: 1 # x\nl: [a, b]\nb: 1\n",
				"a: 1\nl:\n  - a\n  - b\nb: 2\n", "b", "2",
				false), 0);
	/* Aliases are read as what they give. */
	assert_int_equal(verify("a: &x 1\nb: *x\nc: 1\n",
				"a: &x 1\nb: *x\nc: 2\n", "c", "2", false), 0);
}

static void leaves_unreadable_results_to_the_caller(void **state)
{
	(void)state;
	assert_int_equal(verify("a: 1\n", "a: [1\n", "a", "2", false), 0);
}

static void refuses_a_change_it_cannot_place(void **state)
{
	(void)state;
	/* A path through what is not there: the edit cannot be proved. */
	assert_error(verify("a: 1\n", "a: 1\nb:\n  c: 2\n", "b.c", "2", false),
		     LMS_EDATA, 0, 0, "c.yaml: cannot make this change "
		     "safely: it would change the file elsewhere too; nothing "
		     "was changed; edit the file by hand");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(proves_the_change_made),
		cmocka_unit_test(proves_appends),
		cmocka_unit_test(refuses_any_other_change),
		cmocka_unit_test(compares_values_as_readers_see_them),
		cmocka_unit_test(leaves_unreadable_results_to_the_caller),
		cmocka_unit_test(refuses_a_change_it_cannot_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
