#include <stdlib.h>

#include "test.h"

#include "batch.h"
#include "date.h"
#include "i18n.h"

static struct lms_course course;
static struct lms_service service;
static struct lms_enrolments e;
static struct lms_roll roll;
static struct lms_register reg;
static struct lms_id_pool ids;
static struct lms_csv csv;
static struct lms_batch batch;

static int setup(void **state)
{
	const char *c = "id: kurs\ntitle: T\nstatus: open\ncapacity: 2\n";
	const char *s = "name: S\nmunicipality: \"1806\"\n";
	const char *r = "- {id: p-known1, name: Kjent En, phone: \"900 00 001\", "
			"municipality: \"1806\"}\n";

	(void)state;
	assert_int_equal(lms_course_load(&course, "c", c, strlen(c), NULL, NULL), 0);
	assert_int_equal(lms_service_load(&service, "s", s, strlen(s)), 0);
	assert_int_equal(lms_register_load(&reg, "r", r, strlen(r)), 0);
	memset(&e, 0, sizeof(e));
	lms_roll_init(&roll, &course, &e);
	memset(&ids, 0, sizeof(ids));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_batch_release(&batch);
	lms_csv_release(&csv);
	lms_id_pool_release(&ids);
	lms_register_release(&reg);
	lms_roll_release(&roll);
	lms_enrolments_release(&e);
	lms_course_release(&course);
	lms_service_release(&service);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

static unsigned force_lines[4];
static size_t nforce_lines;

static int run(const char *text)
{
	struct lms_batch_input in = {
		.path = "s.csv", .csv = &csv, .service = &service,
		.requested = lms_date_from_ymd(2026, 8, 20), .ids = &ids,
		.force_lines = force_lines, .nforce_lines = nforce_lines,
		.today = lms_date_from_ymd(2026, 8, 25)
	};

	assert_int_equal(lms_csv_parse(&csv, "s.csv", text, strlen(text)), 0);
	assert_int_equal(lms_id_pool_draw(&ids, csv.nrows), 0);
	return lms_batch_enrol(&in, &reg, &roll, &batch);
}

static void matches_known_and_registers_new(void **state)
{
	(void)state;
	assert_int_equal(run("Navn;Mobil;E-post;Kommune;Rolle;Henvisning\n"
			     "Kjent En;+47 900 00 001;;;deltaker;fastlege\n"
			     "\"Ny\nTo\";;to@example.org;1806;pårørende;\n"
			     "Ny Tre;;;;;\n"), 0);
	assert_int_equal(batch.n, 3);
	assert_int_equal(batch.new_people, 2);
	assert_string_equal(batch.rows[0].person, "p-known1");
	assert_false(batch.rows[0].is_new);
	assert_int_equal(batch.rows[0].status, LMS_ENROLLED);
	assert_true(batch.rows[1].is_new);
	assert_int_equal(batch.rows[2].status, LMS_WAITLISTED);
	assert_int_equal(batch.rows[2].line, 5);
	assert_int_equal(reg.n, 3);
	assert_string_equal(reg.v[1].name, "Ny To");
	assert_string_equal(reg.v[1].email, "to@example.org");
	assert_int_equal(e.v[0].referral, LMS_GP);
	assert_int_equal(e.v[1].role, LMS_RELATIVE);
	assert_string_equal(e.v[0].municipality, "1806");
	/* The new people have the pool's ids, in turn, and no one else's. */
	assert_string_equal(reg.v[1].id, ids.v[0]);
	assert_string_equal(reg.v[2].id, ids.v[1]);
	assert_int_equal(lms_id_pool_left(&ids), 1);
}

static void one_bad_row_fails_the_batch(void **state)
{
	static const struct {
		const char *text;
		unsigned line;
		const char *msg;
	} bad[] = {
		{ "name,phone\nA,900 00 009\nB,12\n", 3,
		  "phone: '12' is not a phone number" },
		{ "name,email\nA,a@\n", 2, "email: 'a@' is not an e-mail address" },
		{ "name,municipality\nA,180\n", 2, "municipality: '180' is not "
		  "the number of a municipality" },
		{ "name,kommune\nA,Herøy\n", 2, "municipality ('kommune'): "
		  "'Herøy' is the name of 2 municipalities" },
		{ "name,municipality\nA,1850\n", 2, "municipality: 1850 was "
		  "Divtasvuodna - Tysfjord until 2019" },
		{ "Navn;Samtykke\nA;ja\nB;kanskje\n", 3, "consent ('Samtykke'): "
		  "'kanskje' is neither yes nor no (write ja or nei)" },
		{ "Navn;Tidsstempel\nA;i går\n", 2, "timestamp ('Tidsstempel'): "
		  "'i går' is not a date and time" },
		{ "Navn;Tidsstempel\nA;3/4/2026\n", 2, "the day and the month "
		  "can be read either way" },
		{ "Navn;Tidsstempel\nA;2026-08-26 10:00\n", 2, "2026-08-26 is "
		  "after today" },
		{ "name,født\nA,1850\n", 2, "birth year ('født'): '1850' is not "
		  "a year of birth" },
		{ "name,født\nA,2027\n", 2, "'2027' is not a year of birth" },
		{ "name,født\nA,7.9.56\n", 2, "'7.9.56' is not a year of "
		  "birth" },
		/* The first bad column in the order lms reads them. */
		{ "Navn;Tidsstempel;E-post\nA;i går;a@\n", 2, "email "
		  "('E-post'): 'a@' is not an e-mail address" },
		{ "Navn;født;Tidsstempel\nA;1850;i går\n", 2, "timestamp "
		  "('Tidsstempel'): 'i går' is not a date and time" },
		{ "name,role\nA,kid\n", 2, "role: 'kid' is not participant, relative "
		  "or staff" },
		{ "name,referral\nA,naboen\n", 2, "referral: 'naboen' is not a "
		  "referral that lms knows" },
		{ "name,phone\n,900 00 009\n", 2, "name: give a name on one line" },
		{ "name,municipality\nA,0301\n", 2, "the person on this line "
		  "lives in 0301 (Oslo), which is neither the host nor a partner "
		  "of this service (--force-line 2 lets this row in, --force the "
		  "whole sheet)" },
		{ "navn;telefon\nA;900 00 009\nB;900 00 009\n", 3,
		  "the same person as line 2 (the same phone number or e-mail "
		  "address)" },
		{ "name,phone\nKjent En,900 00 001\nKjent En,900 00 001\n", 3,
		  "the same person as line 2" },
		{ NULL, 0, NULL }
	};

	(void)state;
	for (int i = 0; bad[i].text; i++) {
		int err = run(bad[i].text);

		assert_true(err == LMS_EDATA || err == LMS_EREFUSED);
		assert_int_equal(lms_last_error()->line, bad[i].line);
		if (!strstr(lms_last_error()->msg, bad[i].msg))
			fail_msg("case %d: %s", i, lms_last_error()->msg);
		assert_null(batch.rows);
		lms_csv_release(&csv);
	}
}

/* A form's export: a timestamp orders the rows, consent leaves some out,
 * names of municipalities and Norwegian referrals are read, and every
 * column not read is named. */
static void a_form_export(void **state)
{
	(void)state;
	assert_int_equal(run("Tidsmerke;Fornavn;Etternavn;Mobil;Kommune;"
			     "Henvist av;Samtykke;Allergier\n"
			     "24.08.2026 10:12:33;Ny;To;;Narvik kommune;NAV;Ja;\n"
			     "23.08.2026 09:00:00;Ny;En;;1805;fastlege;ja;\n"
			     "24.08.2026 08:00:00;Ny;Nei;;;;nei;nøtter\n"
			     "24.08.2026 10:12:33;Ny;Tre;;NARVIK;;x;\n"), 0);
	assert_int_equal(batch.left_out, 1);
	assert_int_equal(batch.n, 3);
	/* In request order: line 3 asked first; 2 and 5 at the same second
	 * keep the order of the sheet. */
	assert_int_equal(batch.rows[0].line, 3);
	assert_int_equal(batch.rows[1].line, 2);
	assert_int_equal(batch.rows[2].line, 5);
	assert_int_equal(batch.rows[2].status, LMS_WAITLISTED);
	assert_int_equal(reg.n, 4);
	assert_string_equal(reg.v[1].name, "Ny En");
	assert_string_equal(reg.v[1].municipality, "1806");
	assert_int_equal(reg.v[1].consent, lms_date_from_ymd(2026, 8, 23));
	assert_string_equal(e.v[0].person, reg.v[1].id);
	assert_int_equal(e.v[0].requested, lms_date_from_ymd(2026, 8, 23));
	assert_int_equal(e.v[0].referral, LMS_GP);
	assert_int_equal(e.v[1].referral, LMS_NAV);
	assert_string_equal(e.v[1].municipality, "1806");
	assert_int_equal(e.v[2].referral, 0);
	assert_int_equal(batch.nnotes, 3);
	assert_int_equal(batch.notes[0].line, 1);
	assert_string_equal(batch.notes[0].text, "the column 'Allergier' is not "
			    "read: it is left out");
	assert_int_equal(batch.notes[1].line, 3);
	assert_string_equal(batch.notes[1].text, "municipality ('Kommune'): "
			    "1805 was Narvik until 2019: read as 1806 Narvik");
	assert_int_equal(batch.notes[2].line, 4);
	assert_string_equal(batch.notes[2].text, "no consent ('Samtykke'): left "
			    "out, neither registered nor enrolled");
}

/* A row from elsewhere comes in by its line, the others are still
 * checked. */
static void force_one_line(void **state)
{
	(void)state;
	force_lines[0] = 3;
	nforce_lines = 1;
	assert_int_equal(run("name,municipality\nA,1806\nB,Bodø\n"), 0);
	assert_string_equal(e.v[1].municipality, "1804");
	lms_batch_release(&batch);
	lms_csv_release(&csv);
	assert_int_equal(run("name,municipality\nC,Bodø\nD,1806\n"),
			 LMS_EREFUSED);
	assert_int_equal(lms_last_error()->line, 2);
	lms_csv_release(&csv);
	force_lines[0] = 4;
	assert_int_equal(run("name\nE\n"), LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg, "--force-line 4: no row of "
			    "'s.csv' starts on line 4");
	nforce_lines = 0;
}

static void nordic_letters_ignore_case(void **state)
{
	(void)state;
	assert_int_equal(run("NAVN,ROLLE\nA,PÅRØRENDE\n"), 0);
	assert_int_equal(e.v[0].role, LMS_RELATIVE);
}

static void needs_a_name_column(void **state)
{
	(void)state;
	assert_int_equal(run("fornavn,telefon\nA,1\n"), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg,
			    "no name column (the header has 'fornavn', 'telefon')");
}

/* Nothing of a row without consent is read: not even its errors. */
static void no_consent_reads_nothing(void **state)
{
	(void)state;
	if (run("navn,telefon,samtykke\n,12,\nA,,ja\n"))
		fail_msg("%s", lms_last_error()->msg);
	assert_int_equal(batch.n, 1);
	assert_int_equal(batch.left_out, 1);
	assert_int_equal(reg.n, 2);
}

/* The notes and refusals of a sheet, in Norwegian: a column whose header
 * is lms's own word for it is named once. */
static void in_norwegian(void **state)
{
	(void)state;
	lms_i18n_set(LMS_LANG_NB);
	assert_int_equal(run("Tidsmerke;Navn;Kommune;Samtykke;Alder;Allergier\n"
			     "23.08.2026 09:00;Ny En;1805;ja;;\n"
			     "24.08.2026 08:00;Ny Nei;;nei;;nøtter\n"), 0);
	assert_int_equal(batch.nnotes, 3);
	assert_string_equal(batch.notes[0].text, "kolonnene «Alder» og "
			    "«Allergier» blir ikke lest: de er utelatt");
	assert_string_equal(batch.notes[1].text, "kommune: 1805 var Narvik "
			    "fram til 2019: lest som 1806 Narvik");
	assert_string_equal(batch.notes[2].text, "ingen samtykke: utelatt, "
			    "verken registrert eller påmeldt");
	lms_batch_release(&batch);
	lms_csv_release(&csv);
	assert_int_equal(run("Navn;Tidsmerke\nA;26.08.2026 10:00\n"),
			 LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "tidsstempel («Tidsmerke»): "
			    "26.08.2026 er etter dagens dato");
	lms_csv_release(&csv);
	assert_int_equal(run("fornavn,telefon\nA,1\n"), LMS_EDATA);
	assert_string_equal(lms_last_error()->msg, "ingen kolonne med navn "
			    "(overskriftslinjen har «fornavn», «telefon»)");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(matches_known_and_registers_new),
		T(one_bad_row_fails_the_batch),
		T(nordic_letters_ignore_case),
		T(needs_a_name_column),
		T(a_form_export),
		T(force_one_line),
		T(no_consent_reads_nothing),
		T(in_norwegian),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
