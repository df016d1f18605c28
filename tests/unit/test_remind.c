#include <stdlib.h>

#include "test.h"

#include "buf.h"
#include "date.h"
#include "i18n.h"
#include "remind.h"

/* Fake people: p-aaaaaa agreed, p-bbbbbb did not, p-cccccc waits,
 * p-dddddd withdrew, p-eeeeee (a relative) agreed, p-ffffff was
 * forgotten. */
static const char course_text[] =
	"id: kurs\ntitle: Mestring i hverdagen\nstatus: running\n"
	"place: Helsehuset\n"
	"sessions:\n"
	"  - {date: 2026-09-17, start: \"18:00\", end: \"20:00\"}\n"
	"  - {date: 2026-09-10, start: \"18:00\", end: \"20:00\", "
	"place: \"Kafé, 2. etasje\"}\n"
	"  - {date: 2026-09-24}\n";
static const char enrolment_text[] =
	"- {person: p-aaaaaa, role: participant, status: enrolled, "
	"requested: 2026-08-01}\n"
	"- {person: p-bbbbbb, role: participant, status: enrolled, "
	"requested: 2026-08-01}\n"
	"- {person: p-cccccc, role: participant, status: waitlisted, "
	"requested: 2026-08-02}\n"
	"- {person: p-dddddd, role: participant, status: withdrawn, "
	"requested: 2026-08-01}\n"
	"- {person: p-eeeeee, role: relative, status: enrolled, "
	"requested: 2026-08-03, relative_of: p-aaaaaa}\n"
	"- {person: p-ffffff, role: participant, status: enrolled, "
	"requested: 2026-08-03}\n";
static const char register_text[] =
	"- {id: p-aaaaaa, name: Test Testesen, phone: \"99999991\", "
	"email: test@example.org, contact: [reminders]}\n"
	"- {id: p-bbbbbb, name: Nei Takk, phone: \"99999992\", "
	"contact: [peer-contact]}\n"
	"- {id: p-cccccc, name: Venter Vent, contact: [reminders]}\n"
	"- {id: p-dddddd, name: Borte Vekk, contact: [reminders]}\n"
	"- {id: p-eeeeee, name: \"Åse \\\"Pårørende\\\" Prøve\", "
	"email: aase@example.org, contact: [reminders, peer-contact]}\n";

static struct lms_course c;
static struct lms_enrolments e;
static struct lms_register reg;

static int setup(void **state)
{
	(void)state;
	assert_int_equal(lms_course_load(&c, "c", course_text,
					 strlen(course_text), NULL, NULL), 0);
	assert_int_equal(lms_enrolments_load(&e, "e", enrolment_text,
					     strlen(enrolment_text)), 0);
	assert_int_equal(lms_register_load(&reg, "r", register_text,
					   strlen(register_text)), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_register_release(&reg);
	lms_enrolments_release(&e);
	lms_course_release(&c);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

static int32_t day(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

/* The next session is the first in date order, not in file order. */
static void next_session(void **state)
{
	size_t n, *v;

	(void)state;
	v = lms_remind_sessions(&c, day("2026-09-01"), LMS_DATE_NONE, &n);
	assert_int_equal(n, 1);
	assert_int_equal(v[0], 1);
	free(v);
	v = lms_remind_sessions(&c, day("2026-09-11"), LMS_DATE_NONE, &n);
	assert_int_equal(n, 1);
	assert_int_equal(v[0], 0);
	free(v);
	v = lms_remind_sessions(&c, day("2026-09-10"), day("2026-09-24"), &n);
	assert_int_equal(n, 3);
	assert_int_equal(v[0], 1);
	assert_int_equal(v[1], 0);
	assert_int_equal(v[2], 2);
	free(v);
	v = lms_remind_sessions(&c, day("2026-09-25"), LMS_DATE_NONE, &n);
	assert_int_equal(n, 0);
	assert_null(v);
	c.status = LMS_COURSE_CANCELLED;
	v = lms_remind_sessions(&c, day("2026-09-01"), LMS_DATE_NONE, &n);
	c.status = LMS_COURSE_RUNNING;
	assert_int_equal(n, 0);
	assert_null(v);
}

/* Exactly the enrolled who agreed; the others by id, each once. */
static void only_those_who_agreed(void **state)
{
	struct lms_reminders r = { 0 };

	(void)state;
	lms_remind_session(&r, &c, 1, &e, &reg, LMS_REMIND_NEXT, NULL, NULL);
	lms_remind_session(&r, &c, 0, &e, &reg, LMS_REMIND_NEXT, NULL, NULL);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.v[0].person, "p-aaaaaa");
	assert_string_equal(r.v[1].person, "p-eeeeee");
	assert_string_equal(r.v[0].place, "Kafé, 2. etasje");
	assert_string_equal(r.v[2].place, "Helsehuset");
	assert_int_equal(r.v[0].date, day("2026-09-10"));
	assert_int_equal(r.v[0].start, 18 * 60);
	assert_string_equal(r.v[0].text, "Reminder: Mestring i hverdagen "
			    "Thursday 2026-09-10 18:00-20:00, Kafé, 2. etasje.");
	assert_int_equal(r.nrefused, 1);
	assert_string_equal(r.refused[0], "p-bbbbbb");
	assert_int_equal(r.nunknown, 1);
	assert_string_equal(r.unknown[0], "p-ffffff");
	lms_reminders_release(&r);
	assert_int_equal(r.n, 0);
}

/* A hand-edited register whose address would add a header to a draft,
 * or whose phone is a formula: left out, by id. */
static void invalid_contacts_are_left_out(void **state)
{
	static const char bad[] =
		"- {id: p-aaaaaa, name: Test Testesen, email: \"a@x.org>\\n"
		"Bcc: spy@example.org\", contact: [reminders]}\n"
		"- {id: p-eeeeee, name: Test To, phone: \"=HYPERLINK(1)\", "
		"contact: [reminders]}\n"
		"- {id: p-ffffff, name: Test Tre, phone: \"99999993\", "
		"contact: [reminders]}\n";
	struct lms_register odd;
	struct lms_reminders r = { 0 };

	(void)state;
	assert_int_equal(lms_register_load(&odd, "r", bad, strlen(bad)), 0);
	lms_remind_session(&r, &c, 0, &e, &odd, LMS_REMIND_NEXT, NULL, NULL);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].person, "p-ffffff");
	assert_int_equal(r.ninvalid, 2);
	assert_string_equal(r.invalid[0], "p-aaaaaa");
	assert_string_equal(r.invalid[1], "p-eeeeee");
	lms_reminders_release(&r);
	lms_register_release(&odd);
}

static bool only_relatives(const struct lms_enrolment *r, void *arg)
{
	(void)arg;
	return r->role == LMS_RELATIVE;
}

static void norwegian_text(void **state)
{
	struct lms_reminders r = { 0 };
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	lms_remind_session(&r, &c, 0, &e, &reg, LMS_REMIND_NEXT,
			   only_relatives, NULL);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].text, "Påminnelse: Mestring i hverdagen "
			    "torsdag 17. september 2026 kl. 18.00–20.00, "
			    "Helsehuset.");
	lms_remind_text(&b, LMS_REMIND_CHANGED, "K", day("2026-09-24"),
			LMS_TIME_NONE, LMS_TIME_NONE, "");
	assert_string_equal(b.buf, "Endret: K er nå torsdag 24. september "
			    "2026.");
	lms_buf_reset(&b);
	lms_remind_text(&b, LMS_REMIND_CANCELLED, "K", day("2026-09-24"),
			18 * 60, LMS_TIME_NONE, "Helsehuset");
	assert_string_equal(b.buf, "Avlyst: K, alle samlinger fra torsdag "
			    "24. september 2026 kl. 18.00.");
	lms_buf_reset(&b);
	lms_remind_text(&b, LMS_REMIND_NEXT, "K", day("2026-09-24"),
			LMS_TIME_NONE, LMS_TIME_NONE, NULL);
	assert_string_equal(b.buf, "Påminnelse: K torsdag 24. september "
			    "2026.");
	lms_buf_reset(&b);
	lms_remind_text(&b, LMS_REMIND_CHANGED, "K", day("2026-09-24"),
			LMS_TIME_NONE, LMS_TIME_NONE, "Her");
	assert_string_equal(b.buf, "Endret: K er nå torsdag 24. september "
			    "2026, Her.");
	lms_buf_release(&b);
	lms_reminders_release(&r);
}

static void csv(void **state)
{
	struct lms_reminders r = { 0 };
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	lms_i18n_set(LMS_LANG_EN);
	lms_remind_session(&r, &c, 1, &e, &reg, LMS_REMIND_NEXT, NULL, NULL);
	lms_remind_csv(&b, &r);
	assert_string_equal(b.buf,
		"person,name,phone,email,course,title,date,start,end,place,"
		"text\r\n"
		"p-aaaaaa,Test Testesen,99999991,test@example.org,kurs,"
		"Mestring i hverdagen,2026-09-10,18:00,20:00,"
		"\"Kafé, 2. etasje\",\"Reminder: Mestring i hverdagen "
		"Thursday 2026-09-10 18:00-20:00, Kafé, 2. etasje.\"\r\n"
		"p-eeeeee,\"Åse \"\"Pårørende\"\" Prøve\",,aase@example.org,"
		"kurs,Mestring i hverdagen,2026-09-10,18:00,20:00,"
		"\"Kafé, 2. etasje\",\"Reminder: Mestring i hverdagen "
		"Thursday 2026-09-10 18:00-20:00, Kafé, 2. etasje.\"\r\n");
	lms_buf_release(&b);
	lms_reminders_release(&r);
}

static void skipped(const struct lms_remind_row *w, void *arg)
{
	lms_buf_addf(arg, "%s ", w->person);
}

static void mbox(void **state)
{
	struct lms_reminders r = { 0 };
	struct lms_buf b = LMS_BUF_INIT, s = LMS_BUF_INIT;

	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	lms_remind_session(&r, &c, 2, &e, &reg, LMS_REMIND_NEXT, NULL, NULL);
	free(r.v[0].text);
	r.v[0].text = strdup("From the start\n>From here");
	r.v[0].email = NULL;
	lms_remind_mbox(&b, &r, NULL, "Tjenesten", skipped, &s);
	assert_string_equal(s.buf, "p-aaaaaa ");
	assert_string_equal(b.buf,
		"From lms Thu Jan  1 00:00:00 1970\n"
		"To: =?UTF-8?B?w4VzZSAiUMOlcsO4cmVuZGUiIFByw7h2ZQ==?= "
		"<aase@example.org>\n"
		"Subject: Om Mestring i hverdagen\n"
		"MIME-Version: 1.0\n"
		"Content-Type: text/plain; charset=utf-8\n"
		"Content-Transfer-Encoding: 8bit\n\n"
		"Hei Åse \"Pårørende\" Prøve,\n\n"
		"Påminnelse: Mestring i hverdagen torsdag 24. september "
		"2026, Helsehuset.\n\nTjenesten\n\n");
	lms_buf_reset(&b);
	r.v[0].email = "test@example.org";
	r.n = 1;
	lms_remind_mbox(&b, &r, "Tjenesten <lms@example.org>", NULL, NULL,
			NULL);
	assert_string_equal(b.buf,
		"From lms Thu Jan  1 00:00:00 1970\n"
		"From: Tjenesten <lms@example.org>\n"
		"To: Test Testesen <test@example.org>\n"
		"Subject: Om Mestring i hverdagen\n"
		"MIME-Version: 1.0\n"
		"Content-Type: text/plain; charset=utf-8\n"
		"Content-Transfer-Encoding: 8bit\n\n"
		"Hei Test Testesen,\n\n>From the start\n>>From here\n\n");
	r.n = 2;
	lms_buf_release(&b);
	lms_buf_release(&s);
	lms_reminders_release(&r);
}

static void long_subject(void **state)
{
	struct lms_reminders r = { 0 };
	struct lms_buf b = LMS_BUF_INIT;
	char *title = c.title;
	char long_title[] = "Kurs for pårørende: å leve med sykdom i "
			    "familien, høsten 2026 på Helsehuset";

	(void)state;
	c.title = long_title;
	lms_remind_session(&r, &c, 2, &e, &reg, LMS_REMIND_NEXT, NULL, NULL);
	lms_remind_mbox(&b, &r, NULL, NULL, NULL, NULL);
	c.title = title;
	/* No encoded-word is longer than 75 characters (RFC 2047). */
	for (const char *p = strstr(b.buf, "=?"); p; p = strstr(p + 2, "=?"))
		assert_true(strstr(p, "?=") - p + 2 <= 75);
	assert_non_null(strstr(b.buf, "?=\n =?UTF-8?B?"));
	lms_buf_release(&b);
	lms_reminders_release(&r);
}

static void moved_up(void **state)
{
	struct lms_reminders r = { 0 };
	int32_t since = day("2026-09-05");

	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	e.v[0].moved_up = day("2026-09-04");
	e.v[4].moved_up = day("2026-09-05");
	lms_remind_session(&r, &c, 1, &e, &reg, LMS_REMIND_MOVED_UP,
			   lms_remind_moved_up_since, &since);
	e.v[0].moved_up = e.v[4].moved_up = LMS_DATE_NONE;
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].person, "p-eeeeee");
	assert_string_equal(r.v[0].text, "Du har fått plass: Mestring i "
			    "hverdagen torsdag 10. september 2026 kl. "
			    "18.00–20.00, Kafé, 2. etasje.");
	lms_reminders_release(&r);
}

static void window(void **state)
{
	int32_t today = day("2026-09-03"), from, to;

	(void)state;
	lms_remind_window(today, LMS_DATE_NONE, -1, false, &from, &to);
	assert_int_equal(from, today);
	assert_int_equal(to, day("2026-09-09"));
	lms_remind_window(today, LMS_DATE_NONE, 1, false, &from, &to);
	assert_int_equal(to, today);
	lms_remind_window(today, LMS_DATE_NONE, -1, true, &from, &to);
	assert_int_equal(from, today);
	assert_int_equal(to, LMS_DATE_NONE);
	lms_remind_window(today, day("2026-09-14"), -1, true, &from, &to);
	assert_int_equal(from, day("2026-09-14"));
	assert_int_equal(to, day("2026-09-14"));
	assert_int_equal(lms_remind_notice(&c), LMS_REMIND_CHANGED);
	c.status = LMS_COURSE_CANCELLED;
	assert_int_equal(lms_remind_notice(&c), LMS_REMIND_CANCELLED);
	c.status = LMS_COURSE_RUNNING;
}

static void what_changed(void **state)
{
	struct lms_course d;

	(void)state;
	assert_int_equal(lms_course_load(&d, "d", course_text,
					 strlen(course_text), NULL, NULL), 0);
	assert_false(lms_remind_course_changed(&c, &d));
	d.sessions[1].start = 17 * 60;
	assert_true(lms_remind_course_changed(&c, &d));
	d.sessions[1].start = 18 * 60;
	free(d.place);
	d.place = strdup("Rådhuset");
	assert_true(lms_remind_course_changed(&c, &d));
	assert_false(lms_remind_course_changed(&d, &d));
	d.nsessions--;
	assert_true(lms_remind_course_changed(&c, &d));
	d.nsessions++;
	d.status = LMS_COURSE_CANCELLED;
	assert_true(lms_remind_course_changed(&c, &d));
	assert_false(lms_remind_course_changed(&d, &d));
	lms_course_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(next_session),
		cmocka_unit_test(only_those_who_agreed),
		cmocka_unit_test(invalid_contacts_are_left_out),
		cmocka_unit_test(norwegian_text),
		cmocka_unit_test(csv),
		cmocka_unit_test(mbox),
		cmocka_unit_test(long_subject),
		cmocka_unit_test(moved_up),
		cmocka_unit_test(window),
		cmocka_unit_test(what_changed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
