#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "i18n.h"
#include "personal.h"
#include "utf8.h"

/*
 * The numbers here are synthetic: a fødselsnummer with the month raised
 * by 80, as test registers make them, so that it is nobody's; phone
 * numbers from the range the examples use.
 */

/* The hits in text as "kind:text" lines. */
static char found_text[1024];
static const char *scanning;

static void collect(const struct lms_personal_hit *h, void *arg)
{
	static const char *const names[] = {
		"", "fnr", "phone", "", "email", "", "", "", "name"
	};
	size_t used = strlen(found_text);

	(void)arg;
	snprintf(found_text + used, sizeof(found_text) - used, "%s:%.*s\n",
		 names[h->kind], (int)h->len, scanning + h->offset);
}

static const char *scan_names(const char *text, const struct lms_names *n)
{
	found_text[0] = '\0';
	scanning = text;
	lms_find_personal(text, strlen(text), LMS_PD_ALL, n, collect, NULL);
	return found_text;
}

static const char *scan(const char *text)
{
	return scan_names(text, NULL);
}

static void fnr_check_digits(void **state)
{
	(void)state;
	assert_true(lms_fnr_valid("01819012365"));
	assert_true(lms_fnr_valid("15859040168"));
	assert_false(lms_fnr_valid("01819012366"));	/* second digit off */
	assert_false(lms_fnr_valid("01819012375"));	/* first digit off */
	assert_false(lms_fnr_valid("0181901236x"));
	/* A D-number: 40 added to the day. */
	assert_true(lms_fnr_valid("41819012359"));
	/* Check digits right, but no date: day 32, months 13 and 19. */
	assert_false(lms_fnr_valid("32819012317"));
	assert_false(lms_fnr_valid("01139012328"));
	assert_false(lms_fnr_valid("01999012333"));
}

static void finds_fnr_written_both_ways(void **state)
{
	(void)state;
	assert_string_equal(scan("note: 01819012365\n"), "fnr:01819012365\n");
	assert_string_equal(scan("# pnr 018190 12365, ring\n"),
			    "fnr:018190 12365\n");
	/* Eleven digits that fail the check are a number, not a person. */
	assert_string_equal(scan("ref: 01819012366\n"), "");
	/* Part of a longer number or an id. */
	assert_string_equal(scan("x: 901819012365\n"), "");
	assert_string_equal(scan("x: p-01819012365\n"), "");
	assert_string_equal(scan("d-nr 41819012359"), "fnr:41819012359\n");
	assert_string_equal(scan("pnr: 018190-12365."), "fnr:018190-12365\n");
	assert_string_equal(scan("not a date: 32819012317"), "");
}

static void finds_phone_numbers_as_people_write_them(void **state)
{
	(void)state;
	assert_string_equal(scan("tlf 90010001."), "phone:90010001\n");
	assert_string_equal(scan("phone: \"900 10 001\"\n"),
			    "phone:900 10 001\n");
	assert_string_equal(scan("ring 90 01 00 01 i dag"), "phone:90 01 00 01\n");
	assert_string_equal(scan("+47 900 10 001\n"), "phone:+47 900 10 001\n");
	assert_string_equal(scan("0047 90010001\n"), "phone:0047 90010001\n");
	assert_string_equal(scan("Tlf:91234567\n"), "phone:91234567\n");
	/* After a no-break space, as a word processor writes it. */
	assert_string_equal(scan("tlf.\xc2\xa0" "912 34 567"), "phone:912 34 567\n");
}

/* Each way of writing one number that the issue lists, and more. */
static void finds_phone_numbers_with_any_separator(void **state)
{
	static const char *const forms[] = {
		"900-00-001", "900.00.001", "+47-900-00-001", "4790000001",
		"0047 900 00 001", "900 00 001", "90000001", "+4790000001",
		"90-00-00-01", "90.00.00.01", "+47 90000001", "0047-900.00.001",
		"900\xc2\xa0" "00\xc2\xa0" "001", "+47.900.00.001",
	};
	char text[64], want[64];

	(void)state;
	for (size_t i = 0; i < sizeof(forms) / sizeof(*forms); i++) {
		snprintf(text, sizeof(text), "Ring meg på %s, takk.", forms[i]);
		snprintf(want, sizeof(want), "phone:%s\n", forms[i]);
		assert_string_equal(scan(text), want);
		snprintf(text, sizeof(text), "tlf.%s", forms[i]);
		assert_string_equal(scan(text), want);
	}
	/* One kind of separator to a number. */
	assert_string_equal(scan("900-00 001"), "");
	/* The country code without its plus, only written together. */
	assert_string_equal(scan("47 deltakere"), "");
}

static void leaves_dates_times_and_ids_alone(void **state)
{
	(void)state;
	assert_string_equal(scan("date: 2026-09-08\nstart: \"11:00\"\n"), "");
	assert_string_equal(scan("id: 2026-09-matlaging\nperson: p-900100\n"),
			    "");
	assert_string_equal(scan("capacity: 12\nyear: 20260908x\n"), "");
	/* 8 starts service numbers; 1 and 0 start none that reach a person. */
	assert_string_equal(scan("800 30 500 and 12345678"), "");
	/* Nine digits, or eight in a longer row of groups. */
	assert_string_equal(scan("org 974 760 673"), "");
	assert_string_equal(scan("konto 9000 10 00123"), "");
	assert_string_equal(scan("1.5 or 3.25 or 92.345678"), "");
	assert_string_equal(scan("years 2026 2027"), "");
	assert_string_equal(scan("2025/2026, 2026-2027, i 2026."), "");
	assert_string_equal(scan("24.08.2026 kl. 10.12, 2026-08-24 10:12:33"), "");
	assert_string_equal(scan("tid: 11:00-14:00, 11.00-14.00, 11.00.14"), "");
	/* Eight digits that read as a date, as file names write them. */
	assert_string_equal(scan("eksport-20260907.csv, 20260907 og 24082026"),
			    "");
	assert_string_equal(scan("id: 2026-09-matlaging\ncourse: kurs-90010001\n"
				 "versjon 1.90.00.001"), "");
	assert_string_equal(scan("sessions.3.theme og 3.2.1"), "");
}

static void finds_email_addresses(void **state)
{
	(void)state;
	assert_string_equal(scan("email: ola.nordmann@example.org\n"),
			    "email:ola.nordmann@example.org\n");
	assert_string_equal(scan("Skriv til kari+lms@post.example.no."),
			    "email:kari+lms@post.example.no\n");
	assert_string_equal(scan("@mention and a@b and x@y.z1"), "");
}

static void finds_each_in_order(void **state)
{
	(void)state;
	assert_string_equal(scan("a 90010001 b a@example.no c 01819012365"),
			    "phone:90010001\nemail:a@example.no\n"
			    "fnr:01819012365\n");
}

/* A register of made-up people, and one in a public role. */
static int names_setup(void **state)
{
	static struct lms_names n;

	lms_names_init(&n);
	lms_names_add(&n, "Kari Nordmann");
	lms_names_add(&n, "Ola Jakob  Nordmann");
	lms_names_add(&n, "Åse Sæther");
	lms_names_add(&n, "Anne");
	lms_names_add(&n, "Roald Eksempelsen");
	lms_names_add_public(&n, "Roald Eksempelsen");
	*state = &n;
	return 0;
}

static int names_teardown(void **state)
{
	lms_names_release(*state);
	return 0;
}

static void finds_names_from_the_register(void **state)
{
	const struct lms_names *n = *state;

	assert_string_equal(scan_names("Hilsen Kari Nordmann.", n),
			    "name:Kari Nordmann\n");
	/* Without case, across a run of white space or a folded line. */
	assert_string_equal(scan_names("kari nordmann", n), "name:kari nordmann\n");
	assert_string_equal(scan_names("KARI  NORDMANN", n),
			    "name:KARI  NORDMANN\n");
	assert_string_equal(scan_names("comment: Kari\n    Nordmann sa", n),
			    "name:Kari\n    Nordmann\n");
	/* The genitive, as Norwegian writes it, and as English does. */
	assert_string_equal(scan_names("Kari Nordmanns mor", n),
			    "name:Kari Nordmanns\n");
	assert_string_equal(scan_names("Kari Nordmann's", n),
			    "name:Kari Nordmann's\n");
	/* First and last name of a longer one, and the whole. */
	assert_string_equal(scan_names("Ola Nordmann og Ola Jakob Nordmann", n),
			    "name:Ola Nordmann\nname:Ola Jakob Nordmann\n");
	/* Æ, Ø, Å in either case, and an å written as a and a ring. */
	assert_string_equal(scan_names("ÅSE SÆTHER", n), "name:ÅSE SÆTHER\n");
	assert_string_equal(scan_names("a\xcc\x8a" "se s\xc3\xa6ther", n),
			    "name:a\xcc\x8a" "se s\xc3\xa6ther\n");
	assert_string_equal(scan_names("Ring Kari Nordmann på 900 00 001", n),
			    "name:Kari Nordmann\nphone:900 00 001\n");
}

static void leaves_other_words_alone(void **state)
{
	const struct lms_names *n = *state;

	/* A first name alone, a name of one word, part of a longer name. */
	assert_string_equal(scan_names("Kari kom, og Anne kom, Nordmann ikke", n),
			    "");
	assert_string_equal(scan_names("Kari Nordmann-Hansen, Kari Nordmannsen, "
				       "Kari Nordmann2, storkari nordmann", n), "");
	/* An id or an address is no name (the address is found as one). */
	assert_string_equal(scan_names("kari-nordmann, kari_nordmann", n), "");
	assert_string_equal(scan_names("kari.nordmann@example.org", n),
			    "email:kari.nordmann@example.org\n");
	/* Someone in a public role, though the register has the name. */
	assert_string_equal(scan_names("Kurset ledes av Roald Eksempelsen.", n),
			    "");
}

static void redacts_what_it_finds(void **state)
{
	char *s = lms_personal_redact("Ring Kari Nordmann på 900-00-001 eller "
				      "kari@example.org.", LMS_PD_ALL, *state,
				      "[redacted]", NULL, NULL);

	assert_string_equal(s, "Ring [redacted] på [redacted] eller [redacted].");
	free(s);
	s = lms_personal_redact("Mer praksis, takk", LMS_PD_ALL, *state,
				"[redacted]", NULL, NULL);
	assert_string_equal(s, "Mer praksis, takk");
	free(s);
}

/* "tlf 900 00 001\nKari Nordmann" in UTF-16, with or without a mark. */
static size_t utf16(char *out, bool big_endian, bool bom)
{
	const char *ascii = "tlf 900 00 001\nKari Nordmann";
	size_t n = 0;

	if (bom) {
		out[n++] = big_endian ? '\xfe' : '\xff';
		out[n++] = big_endian ? '\xff' : '\xfe';
	}
	for (const char *p = ascii; *p; p++) {
		out[n++] = big_endian ? '\0' : *p;
		out[n++] = big_endian ? *p : '\0';
	}
	return n;
}

static void reads_utf16(void **state)
{
	static const struct { bool big_endian, bom; } cases[] = {
		{ false, true }, { true, true }, { false, false }, { true, false }
	};
	char raw[128];

	for (size_t i = 0; i < 4; i++) {
		struct lms_buf text = LMS_BUF_INIT;
		size_t n = utf16(raw, cases[i].big_endian, cases[i].bom), bom;
		bool big_endian;

		assert_true(lms_utf16_detect(raw, n, &big_endian, &bom));
		assert_int_equal(big_endian, cases[i].big_endian);
		assert_int_equal(bom, cases[i].bom ? 2 : 0);
		lms_utf16_to_utf8(raw + bom, n - bom, big_endian, &text);
		assert_string_equal(scan_names(text.buf, *state),
				    "phone:900 00 001\nname:Kari Nordmann\n");
		lms_buf_release(&text);
	}
	/* UTF-8, and a binary block, are not UTF-16. */
	{
		size_t bom;
		bool be;

		assert_false(lms_utf16_detect("tlf 900 00 001\n", 15, &be, &bom));
		assert_false(lms_utf16_detect("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16,
					      &be, &bom));
	}
}

static void decodes_utf16_beyond_latin(void **state)
{
	/* æ, a surrogate pair (U+1F600), and a lone surrogate. */
	static const char le[] = "\xe6\0\x3d\xd8\x00\xde\x00\xd8";
	struct lms_buf text = LMS_BUF_INIT;

	(void)state;
	lms_utf16_to_utf8(le, 8, false, &text);
	assert_string_equal(text.buf, "\xc3\xa6\xf0\x9f\x98\x80\xef\xbf\xbd");
	lms_buf_release(&text);
}

/* What was found is named in the language of the message it goes in. */
static void names_what_in_the_language(void **state)
{
	enum lms_lang was = lms_i18n_set(LMS_LANG_NB);

	(void)state;
	assert_string_equal(lms_personal_what(LMS_PD_PHONE), "et telefonnummer");
	assert_string_equal(lms_personal_what(LMS_PD_NAME),
			    "et navn fra det private registeret");
	lms_i18n_set(LMS_LANG_EN);
	assert_string_equal(lms_personal_what(LMS_PD_PHONE), "a phone number");
	lms_i18n_set(was);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fnr_check_digits),
		cmocka_unit_test(finds_fnr_written_both_ways),
		cmocka_unit_test(finds_phone_numbers_as_people_write_them),
		cmocka_unit_test(leaves_dates_times_and_ids_alone),
		cmocka_unit_test(finds_email_addresses),
		cmocka_unit_test(finds_each_in_order),
		cmocka_unit_test(finds_phone_numbers_with_any_separator),
		cmocka_unit_test_setup_teardown(finds_names_from_the_register,
						names_setup, names_teardown),
		cmocka_unit_test_setup_teardown(leaves_other_words_alone,
						names_setup, names_teardown),
		cmocka_unit_test_setup_teardown(redacts_what_it_finds,
						names_setup, names_teardown),
		cmocka_unit_test_setup_teardown(reads_utf16, names_setup,
						names_teardown),
		cmocka_unit_test(decodes_utf16_beyond_latin),
		cmocka_unit_test(names_what_in_the_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
