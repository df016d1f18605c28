#include <stdbool.h>
#include <stdlib.h>

#include "test.h"

#include "buf.h"
#include "course.h"
#include "date.h"
#include "facilitator.h"
#include "ical.h"

/* Expected text is written with \n; the calendar has CRLF. */
static char *crlf(const char *text)
{
	struct lms_buf b = LMS_BUF_INIT;

	for (; *text; text++) {
		if (*text == '\n')
			lms_buf_addch(&b, '\r');
		lms_buf_addch(&b, *text);
	}
	return lms_buf_detach(&b);
}

static void assert_text(const struct lms_buf *got, const char *want)
{
	char *w = crlf(want);

	assert_string_equal(got->buf, w);
	free(w);
}

static int32_t day(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

static void load(const char *text, struct lms_course *c)
{
	assert_int_equal(lms_course_load(c, "course.yaml", text, strlen(text),
					 NULL, NULL), 0);
}

static bool continuation(unsigned char ch)
{
	return (ch & 0xc0) == 0x80;
}

/*
 * Checks the rules of folding on the result of folding line: every line
 * ends in CRLF and has at most 75 octets, each fold is CRLF and a space
 * before the first byte of a character, and unfolding gives line back.
 */
static void assert_folded(const char *line)
{
	struct lms_buf out = LMS_BUF_INIT, back = LMS_BUF_INIT;
	const char *p, *end;

	lms_ical_fold(&out, line, strlen(line));
	for (p = out.buf; *p; p = end + 2) {
		end = strstr(p, "\r\n");
		assert_non_null(end);
		assert_true(end - p <= 75);
		if (p != out.buf) {
			assert_int_equal(*p, ' ');
			assert_false(continuation((unsigned char)p[1]));
			p++;
		}
		lms_buf_add(&back, p, (size_t)(end - p));
	}
	assert_string_equal(back.buf, line);
	lms_buf_release(&out);
	lms_buf_release(&back);
}

static void short_lines_are_not_folded(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;
	char line[76];

	(void)state;
	memset(line, 'a', 75);
	line[75] = '\0';
	lms_ical_fold(&out, line, 75);
	assert_int_equal(out.len, 77);
	assert_string_equal(out.buf + 75, "\r\n");
	lms_buf_release(&out);
}

static void folds_at_75_octets(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_buf want = LMS_BUF_INIT;
	char line[201];

	(void)state;
	memset(line, 'a', 200);
	line[200] = '\0';
	lms_ical_fold(&out, line, 200);
	/* 75, then 74 after each leading space: 75 + 74 + 51. */
	lms_buf_add(&want, line, 75);
	lms_buf_adds(&want, "\r\n ");
	lms_buf_add(&want, line, 74);
	lms_buf_adds(&want, "\r\n ");
	lms_buf_add(&want, line, 51);
	lms_buf_adds(&want, "\r\n");
	assert_string_equal(out.buf, want.buf);
	lms_buf_release(&out);
	lms_buf_release(&want);
}

static void folds_between_norwegian_letters(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_buf line = LMS_BUF_INIT;

	(void)state;
	/* 74 octets, then "ø" in octets 75 and 76: the fold comes before it. */
	lms_buf_adds(&line, "SUMMARY:");
	for (int i = 0; i < 66; i++)
		lms_buf_addch(&line, 'a');
	lms_buf_adds(&line, "øæå");
	lms_ical_fold(&out, line.buf, line.len);
	assert_int_equal(strstr(out.buf, "\r\n") - out.buf, 74);
	assert_string_equal(out.buf + 74, "\r\n øæå\r\n");
	lms_buf_release(&out);
	lms_buf_release(&line);
}

static void folds_any_text_within_the_rules(void **state)
{
	static const char *const pieces[] = {
		"a", "ø", "Å", "\xe2\x80\x94", "\xf0\x9f\x8d\xb2", "; "
	};
	struct lms_buf line = LMS_BUF_INIT;

	(void)state;
	/* Every mix of one- to four-byte characters, at every length. */
	for (size_t n = 0; n < 400; n++) {
		lms_buf_adds(&line, pieces[(n * 7 + n / 3) % 6]);
		assert_folded(line.buf);
	}
	for (size_t k = 0; k < 6; k++) {
		lms_buf_reset(&line);
		for (int n = 0; n < 120; n++) {
			lms_buf_adds(&line, pieces[k]);
			assert_folded(line.buf);
		}
	}
	lms_buf_release(&line);
}

static void escapes_text(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	lms_ical_escape(&out, "Søvn, stress; og \\ mestring\nNy linje\r\n"
			"\ttab\x01\x7f:\"slutt\"");
	assert_string_equal(out.buf, "Søvn\\, stress\\; og \\\\ mestring\\n"
			    "Ny linje\\n\ttab:\"slutt\"");
	lms_buf_release(&out);
}

static const char two_sessions[] =
	"id: 2026-10-sovn\n"
	"title: Søvn\n"
	"sessions:\n"
	"  - {date: 2026-10-19, start: '18:00', end: '20:00', theme: En}\n"
	"  - {date: 2026-11-02, start: '09:30', end: '11:00', theme: To}\n"
	"  - {date: 2026-11-09}\n";

/* The same sessions reordered, renumbered, with new themes and places. */
static const char two_sessions_edited[] =
	"id: 2026-10-sovn\n"
	"title: Søvn og hvile\n"
	"place: Helsehuset\n"
	"sessions:\n"
	"  - {date: 2026-11-09, theme: Tre}\n"
	"  - {date: 2026-10-12, start: '18:00', end: '20:00'}\n"
	"  - {date: 2026-11-02, start: '09:30', end: '12:00', theme: Ny}\n"
	"  - {date: 2026-10-19, start: '18:00', end: '20:30', place: Annet}\n";

static void uid_of(const struct lms_course *c, size_t i, const char *want)
{
	struct lms_buf uid = LMS_BUF_INIT;

	lms_ical_uid(&uid, c, i);
	assert_string_equal(uid.buf, want);
	lms_buf_release(&uid);
}

static void uids_are_stable(void **state)
{
	struct lms_course a, b;

	(void)state;
	load(two_sessions, &a);
	load(two_sessions_edited, &b);
	uid_of(&a, 0, "20261019T1800-2026-10-sovn@lms");
	uid_of(&a, 1, "20261102T0930-2026-10-sovn@lms");
	uid_of(&a, 2, "20261109-2026-10-sovn@lms");
	uid_of(&b, 3, "20261019T1800-2026-10-sovn@lms");
	uid_of(&b, 2, "20261102T0930-2026-10-sovn@lms");
	uid_of(&b, 0, "20261109-2026-10-sovn@lms");
	uid_of(&b, 1, "20261012T1800-2026-10-sovn@lms");
	lms_course_release(&a);
	lms_course_release(&b);
}

static void uids_of_twin_sessions_differ(void **state)
{
	struct lms_course c;

	(void)state;
	load("id: to-grupper\n"
	     "title: To grupper\n"
	     "sessions:\n"
	     "  - {date: 2026-10-19, start: '18:00', theme: A}\n"
	     "  - {date: 2026-10-19, start: '18:00', theme: B}\n"
	     "  - {date: 2026-10-19, start: '19:00'}\n"
	     "  - {date: 2026-10-19, start: '18:00', theme: C}\n", &c);
	uid_of(&c, 0, "20261019T1800-to-grupper@lms");
	uid_of(&c, 1, "20261019T1800-to-grupper.2@lms");
	uid_of(&c, 2, "20261019T1900-to-grupper@lms");
	uid_of(&c, 3, "20261019T1800-to-grupper.3@lms");
	lms_course_release(&c);
}

/* The events of a course, without the calendar around them. */
static void events(const char *course, int32_t stamp, struct lms_buf *out)
{
	struct lms_ical cal = { out, stamp, NULL, 0, false };
	struct lms_course c;

	load(course, &c);
	lms_ical_add_course(&cal, &c);
	lms_course_release(&c);
}

/* Europe/Oslo as the calendar defines it, under the EU's rules. */
#define OSLO \
	"BEGIN:VTIMEZONE\n" \
	"TZID:Europe/Oslo\n" \
	"BEGIN:DAYLIGHT\n" \
	"TZOFFSETFROM:+0100\n" \
	"TZOFFSETTO:+0200\n" \
	"TZNAME:CEST\n" \
	"DTSTART:19700329T020000\n" \
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\n" \
	"END:DAYLIGHT\n" \
	"BEGIN:STANDARD\n" \
	"TZOFFSETFROM:+0200\n" \
	"TZOFFSETTO:+0100\n" \
	"TZNAME:CET\n" \
	"DTSTART:19701025T030000\n" \
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\n" \
	"END:STANDARD\n" \
	"END:VTIMEZONE\n"

static void defines_europe_oslo(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_ical cal = { &out, 0, NULL, 0, false };

	(void)state;
	lms_ical_begin(&cal, "Tjenesten, LMS", "1.2.3");
	lms_ical_end(&cal);
	assert_text(&out,
		"BEGIN:VCALENDAR\n"
		"VERSION:2.0\n"
		"PRODID:-//lms//lms 1.2.3//EN\n"
		"CALSCALE:GREGORIAN\n"
		"X-WR-CALNAME:Tjenesten\\, LMS\n"
		OSLO
		"END:VCALENDAR\n");
	lms_buf_release(&out);
}

/* A Sunday whose next Sunday falls in the next month. */
static void assert_last_sunday(const char *date)
{
	int y, m, d, m2;

	assert_int_equal(lms_date_weekday(day(date)), 6);
	lms_date_to_ymd(day(date), &y, &m, &d);
	lms_date_to_ymd(day(date) + 7, &y, &m2, &d);
	assert_int_equal(m2, m + 1);
}

static void rules_start_on_the_last_sundays(void **state)
{
	(void)state;
	/* What the DTSTARTs of the zone's rules claim. */
	assert_last_sunday("1970-03-29");
	assert_last_sunday("1970-10-25");
}

static void local_times_in_europe_oslo(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	/* Both sides of the end of summer time: local times, one zone. */
	events("id: k\ntitle: K\nsessions:\n"
	       "  - {date: 2026-10-24, start: '11:00', end: '12:15'}\n"
	       "  - {date: 2026-10-26, start: '11:00', end: '12:15'}\n",
	       day("2026-10-01"), &out);
	assert_non_null(strstr(out.buf,
		"DTSTART;TZID=Europe/Oslo:20261024T110000\r\n"
		"DTEND;TZID=Europe/Oslo:20261024T121500\r\n"));
	assert_non_null(strstr(out.buf,
		"DTSTART;TZID=Europe/Oslo:20261026T110000\r\n"
		"DTEND;TZID=Europe/Oslo:20261026T121500\r\n"));
	assert_non_null(strstr(out.buf, "DTSTAMP:20261001T000000Z\r\n"));
	lms_buf_release(&out);
}

static void sessions_without_times_take_the_day(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	/* DTEND of a date is the next day, here in the next year. */
	events("id: k\ntitle: K\nsessions:\n"
	       "  - {date: 2026-12-31, end: '12:00'}\n", day("2026-12-01"),
	       &out);
	assert_text(&out,
		"BEGIN:VEVENT\n"
		"UID:20261231-k@lms\n"
		"DTSTAMP:20261201T000000Z\n"
		"DTSTART;VALUE=DATE:20261231\n"
		"DTEND;VALUE=DATE:20270101\n"
		"SUMMARY:K\n"
		"DESCRIPTION:Session 1 of 1\n"
		"STATUS:TENTATIVE\n"
		"SEQUENCE:0\n"
		"END:VEVENT\n");
	lms_buf_release(&out);
}

static void odd_ends(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	/* No end: no DTEND (no length); an end before the start: next day. */
	events("id: k\ntitle: K\nsessions:\n"
	       "  - {date: 2026-10-19, start: '18:00'}\n"
	       "  - {date: 2026-10-31, start: '22:00', end: '01:30'}\n",
	       day("2026-10-01"), &out);
	assert_non_null(strstr(out.buf,
		"DTSTART;TZID=Europe/Oslo:20261019T180000\r\nSUMMARY:K\r\n"));
	assert_non_null(strstr(out.buf,
		"DTSTART;TZID=Europe/Oslo:20261031T220000\r\n"
		"DTEND;TZID=Europe/Oslo:20261101T013000\r\n"));
	lms_buf_release(&out);
}

static const char course[] =
	"id: 2026-10-sovn\n"
	"title: Søvn og mestring\n"
	"description: For deg som sover dårlig; ta med notatbok.\n"
	"status: open\n"
	"place: Helsehuset\n"
	"facilitators:\n"
	"  - {id: fag-en, phases: [plan, deliver]}\n"
	"  - {id: fag-to, phases: [plan]}\n"
	"  - {id: ukjent}\n"
	"sessions:\n"
	"  - date: 2026-11-02\n"
	"    start: '18:00'\n"
	"    end: '20:00'\n"
		/* 74 octets and the first byte of "å": folded before the "å". */
	"    theme: Søvnvaner, stress og tankene som holder deg våken om natta\n"
	"    place: Biblioteket, møterommet\n"
	"    led_by: [fag-to]\n"
	"  - {date: 2026-10-19, start: '18:00', end: '20:00', theme: Hva er søvn?}\n";

static const char facilitators[] =
	"- {id: fag-en, name: Fagperson En, kind: professional}\n"
	"- {id: fag-to, name: Fagperson Tø, kind: user-representative}\n";

static void a_small_course(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_facilitator *f;
	struct lms_course c;
	struct lms_ical cal;
	size_t nf;

	(void)state;
	assert_int_equal(lms_facilitators_load(&f, &nf, "facilitators.yaml",
		facilitators, strlen(facilitators), NULL), 0);
	cal = (struct lms_ical){ &out, day("2026-09-01"), f, nf, false };
	load(course, &c);
	lms_ical_begin(&cal, "Testkommune lærings- og mestringstjeneste", "0.1.0");
	lms_ical_add_course(&cal, &c);
	lms_ical_end(&cal);
	assert_text(&out,
		"BEGIN:VCALENDAR\n"
		"VERSION:2.0\n"
		"PRODID:-//lms//lms 0.1.0//EN\n"
		"CALSCALE:GREGORIAN\n"
		"X-WR-CALNAME:Testkommune lærings- og mestringstjeneste\n"
		OSLO
		"BEGIN:VEVENT\n"
		"UID:20261019T1800-2026-10-sovn@lms\n"
		"DTSTAMP:20260901T000000Z\n"
		"DTSTART;TZID=Europe/Oslo:20261019T180000\n"
		"DTEND;TZID=Europe/Oslo:20261019T200000\n"
		"SUMMARY:Søvn og mestring: Hva er søvn?\n"
		"LOCATION:Helsehuset\n"
		"DESCRIPTION:Session 1 of 2\\nLed by: Fagperson En\\, ukjent"
		"\\n\\nFor deg som so\n"
		" ver dårlig\\; ta med notatbok.\n"
		"STATUS:CONFIRMED\n"
		"SEQUENCE:0\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"UID:20261102T1800-2026-10-sovn@lms\n"
		"DTSTAMP:20260901T000000Z\n"
		"DTSTART;TZID=Europe/Oslo:20261102T180000\n"
		"DTEND;TZID=Europe/Oslo:20261102T200000\n"
		"SUMMARY:Søvn og mestring: Søvnvaner\\, stress og tankene som "
		"holder deg v\n"
		" åken om natta\n"
		"LOCATION:Biblioteket\\, møterommet\n"
		"DESCRIPTION:Session 2 of 2\\nLed by: Fagperson Tø\\n\\nFor deg "
		"som sover dår\n"
		" lig\\; ta med notatbok.\n"
		"STATUS:CONFIRMED\n"
		"SEQUENCE:0\n"
		"END:VEVENT\n"
		"END:VCALENDAR\n");
	lms_course_release(&c);
	lms_facilitators_free(f, nf);
	lms_buf_release(&out);
}

static void statuses(void **state)
{
	static const char *const status[][2] = {
		{ "planned", "TENTATIVE" }, { "open", "CONFIRMED" },
		{ "running", "CONFIRMED" }, { "completed", "CONFIRMED" },
		{ "cancelled", "CANCELLED" }
	};

	(void)state;
	for (size_t i = 0; i < 5; i++) {
		struct lms_buf text = LMS_BUF_INIT, out = LMS_BUF_INIT;
		struct lms_buf want = LMS_BUF_INIT;

		lms_buf_addf(&text, "id: k\ntitle: K\nstatus: %s\nsessions:\n"
			     "  - {date: 2026-10-19}\n", status[i][0]);
		events(text.buf, day("2026-10-01"), &out);
		lms_buf_addf(&want, "\r\nSTATUS:%s\r\n", status[i][1]);
		assert_non_null(strstr(out.buf, want.buf));
		lms_buf_release(&text);
		lms_buf_release(&out);
		lms_buf_release(&want);
	}
}

static void same_data_same_bytes(void **state)
{
	struct lms_buf a = LMS_BUF_INIT, b = LMS_BUF_INIT;

	(void)state;
	events(course, day("2026-09-01"), &a);
	events(course, day("2026-09-01"), &b);
	assert_string_equal(a.buf, b.buf);
	lms_buf_release(&a);
	lms_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_lines_are_not_folded),
		cmocka_unit_test(folds_at_75_octets),
		cmocka_unit_test(folds_between_norwegian_letters),
		cmocka_unit_test(folds_any_text_within_the_rules),
		cmocka_unit_test(escapes_text),
		cmocka_unit_test(uids_are_stable),
		cmocka_unit_test(uids_of_twin_sessions_differ),
		cmocka_unit_test(defines_europe_oslo),
		cmocka_unit_test(rules_start_on_the_last_sundays),
		cmocka_unit_test(local_times_in_europe_oslo),
		cmocka_unit_test(sessions_without_times_take_the_day),
		cmocka_unit_test(odd_ends),
		cmocka_unit_test(a_small_course),
		cmocka_unit_test(statuses),
		cmocka_unit_test(same_data_same_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
