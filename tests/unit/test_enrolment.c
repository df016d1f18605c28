#include "test.h"

#include "enrolment.h"

static const char roll[] =
	"- person: p-aaaaaa\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-20\n"
	"- person: p-bbbbbb\n  role: participant\n  status: waitlisted\n"
	"  requested: 2026-08-21\n"
	"- person: p-cccccc\n  role: participant\n  status: withdrawn\n"
	"  requested: 2026-08-22\n"
	"- person: p-dddddd\n  role: participant\n  status: completed\n"
	"  requested: 2026-08-23\n";

static void finds_those_on_the_course(void **state)
{
	struct lms_enrolments e;
	int err = -1;

	(void)state;
	assert_int_equal(lms_enrolments_load(&e, "enrolments.yaml", roll,
					     strlen(roll)), 0);
	assert_ptr_equal(lms_enrolments_find_on_course(&e, "p-aaaaaa", "kurs",
						       &err), &e.v[0]);
	assert_int_equal(err, 0);
	assert_ptr_equal(lms_enrolments_find_on_course(&e, "p-dddddd", "kurs",
						       &err), &e.v[3]);
	assert_int_equal(lms_enrolments_on_course(&e), 2);
	lms_enrolments_release(&e);
}

/* Who is not on the course is told where they are instead. */
static void says_where_the_others_are(void **state)
{
	static const struct {
		const char *person, *msg;
	} cases[] = {
		{ "p-bbbbbb", "p-bbbbbb is on the waiting list of course "
			      "'kurs', not on the course" },
		{ "p-cccccc", "p-cccccc withdrew from course 'kurs'" },
		{ "p-eeeeee", "p-eeeeee is not on course 'kurs'" },
	};
	struct lms_enrolments e;

	(void)state;
	assert_int_equal(lms_enrolments_load(&e, "enrolments.yaml", roll,
					     strlen(roll)), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		int err = 0;

		assert_null(lms_enrolments_find_on_course(&e, cases[i].person,
							  "kurs", &err));
		assert_error(err, LMS_ENOENT, 0, 0, cases[i].msg);
	}
	lms_enrolments_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_those_on_the_course),
		cmocka_unit_test(says_where_the_others_are),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
