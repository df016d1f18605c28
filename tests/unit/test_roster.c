#include <stdlib.h>

#include "test.h"

#include "date.h"
#include "roster.h"

/* The rules of lms roster and its sign-in sheet. */

static const char course_yaml[] =
	"id: kurs\ntitle: T\nstatus: open\ncapacity: 8\n"
	"sessions:\n  - {date: 2026-09-14}\n  - {date: 2026-09-07}\n"
	"  - {date: 2026-09-21}\n";

static const char enrolments_yaml[] =
	"- {person: p-aaaaaa, role: participant, status: enrolled, "
	"requested: 2026-08-01}\n"
	"- {person: p-bbbbbb, role: participant, status: waitlisted, "
	"requested: 2026-08-02}\n"
	"- {person: p-cccccc, role: participant, status: withdrawn, "
	"requested: 2026-08-03}\n"
	"- {person: p-dddddd, role: relative, status: enrolled, "
	"requested: 2026-08-04}\n"
	"- {person: p-eeeeee, role: participant, status: enrolled, "
	"requested: 2026-08-05}\n"
	"- {person: p-ffffff, role: participant, status: completed, "
	"requested: 2026-08-06}\n";

/* Two named alike, one not in the register at all (p-dddddd). */
static const char register_yaml[] =
	"- {id: p-aaaaaa, name: Åse Test}\n"
	"- {id: p-eeeeee, name: Anne Test}\n"
	"- {id: p-ffffff, name: Anne Test}\n";

struct data {
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_attendance a;
	struct lms_register reg;
};

static void load(struct data *d, const char *course, const char *attendance)
{
	assert_int_equal(lms_course_load(&d->c, "course.yaml", course,
					 strlen(course), "kurs", NULL), 0);
	assert_int_equal(lms_enrolments_load(&d->e, "enrolments.yaml",
					     enrolments_yaml,
					     strlen(enrolments_yaml)), 0);
	assert_int_equal(lms_attendance_load(&d->a, "attendance.yaml",
					     attendance, strlen(attendance)),
			 0);
	assert_int_equal(lms_register_load(&d->reg, "participants.yaml",
					   register_yaml,
					   strlen(register_yaml)), 0);
}

static void release(struct data *d)
{
	lms_course_release(&d->c);
	lms_enrolments_release(&d->e);
	lms_attendance_release(&d->a);
	lms_register_release(&d->reg);
}

/* Enrolled and finished among the rest, the waiting among the waiting,
 * the withdrawn nowhere. */
static void listed(void **state)
{
	struct data d;
	bool rest[6], waiting[6];

	(void)state;
	load(&d, course_yaml, "");
	for (size_t i = 0; i < d.e.n; i++) {
		rest[i] = lms_roster_listed(&d.e.v[i], false);
		waiting[i] = lms_roster_listed(&d.e.v[i], true);
	}
	assert_true(rest[0] && !waiting[0]);
	assert_true(!rest[1] && waiting[1]);
	assert_true(!rest[2] && !waiting[2]);
	assert_true(rest[5] && !waiting[5]);
	release(&d);
}

/* The enrolled only, by name as people sort them (Å last), equal names
 * in the order of enrolment, the unknown by the name given. */
static void sheet_people(void **state)
{
	struct lms_roster_entry *v;
	struct data d;
	size_t n;

	(void)state;
	load(&d, course_yaml, "");
	v = lms_roster_sheet_people(&d.e, &d.reg, "(ukjent)", &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].name, "(ukjent)");
	assert_null(v[0].person);
	assert_string_equal(v[1].name, "Anne Test");
	assert_string_equal(v[1].enrolment->person, "p-eeeeee");
	assert_string_equal(v[2].name, "Åse Test");
	free(v);
	d.e.n = 0;
	assert_null(lms_roster_sheet_people(&d.e, &d.reg, "-", &n));
	assert_int_equal(n, 0);
	d.e.n = 6;
	release(&d);
}

/* The session given, else the next from today on, else the last; in
 * date order, whatever the plan's. */
static void sheet_session(void **state)
{
	struct data d;
	size_t index, number;

	(void)state;
	load(&d, course_yaml, "");
	assert_int_equal(lms_roster_sheet_session(&d.c, "3", 0, &index,
						  &number), 0);
	assert_int_equal(index, 2);
	assert_int_equal(number, 3);
	assert_int_equal(lms_roster_sheet_session(&d.c, NULL,
		lms_date_from_ymd(2026, 9, 8), &index, &number), 0);
	assert_int_equal(index, 0);
	assert_int_equal(number, 2);
	assert_int_equal(lms_roster_sheet_session(&d.c, NULL,
		lms_date_from_ymd(2026, 9, 7), &index, &number), 0);
	assert_int_equal(number, 1);
	assert_int_equal(lms_roster_sheet_session(&d.c, NULL,
		lms_date_from_ymd(2027, 1, 1), &index, &number), 0);
	assert_int_equal(number, 3);
	d.c.nsessions = 0;
	assert_error(lms_roster_sheet_session(&d.c, NULL, 0, &index, &number),
		     LMS_ENOENT, 0, 0, "course 'kurs' has no sessions");
	d.c.nsessions = 3;
	release(&d);
}

/* Places left, at least 5; a drop-in course: the most ever, at least
 * 15; those present and the headcount count alike. */
static void blank_rows(void **state)
{
	static const char counted[] =
		"\"2026-09-07\":\n  p-aaaaaa: present\n  p-eeeeee: absent\n"
		"  headcount: {participants: 14, relatives: 2}\n"
		"\"2026-09-14\":\n  p-aaaaaa: present\n";
	struct data d;

	(void)state;
	load(&d, course_yaml, "\"2026-09-07\":\n  p-aaaaaa: present\n");
	assert_int_equal(lms_roster_present(&d.a.v[0]), 1);
	assert_int_equal(lms_roster_blank_rows(&d.c, &d.a, 2), 6);
	assert_int_equal(lms_roster_blank_rows(&d.c, &d.a, 7), 5);
	assert_int_equal(lms_roster_blank_rows(&d.c, &d.a, 9), 5);
	release(&d);
	load(&d, course_yaml, counted);
	assert_int_equal(lms_roster_present(&d.a.v[0]), 17);
	assert_int_equal(lms_roster_present(&d.a.v[1]), 1);
	assert_int_equal(lms_roster_blank_rows(&d.c, &d.a, 2), 17);
	release(&d);
	load(&d, "id: kurs\ntitle: T\nstatus: open\n", "");
	assert_int_equal(lms_roster_blank_rows(&d.c, &d.a, 2), 15);
	release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(listed),
		cmocka_unit_test(sheet_people),
		cmocka_unit_test(sheet_session),
		cmocka_unit_test(blank_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
