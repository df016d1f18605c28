#include <stdlib.h>

#include "test.h"

#include "collate.h"

static int by_collation(const void *a, const void *b)
{
	return lms_collate(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts the n strings of want, reversed first, and checks that the
 * order comes back; and that lms_collate is an order on them: a < b exactly when
 * b > a, and only a string equals itself. */
static void check_order(const char *const *want, size_t n)
{
	const char **v = calloc(n, sizeof(*v));

	assert_non_null(v);
	for (size_t i = 0; i < n; i++)
		v[i] = want[n - 1 - i];
	qsort(v, n, sizeof(*v), by_collation);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(v[i], want[i]);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			assert_int_equal(lms_collate(want[i], want[j]),
					 i < j ? -1 : i > j ? 1 : 0);
	free(v);
}

#define ORDER(...) do { \
	static const char *const want[] = { __VA_ARGS__ }; \
	check_order(want, sizeof(want) / sizeof(want[0])); \
} while (0)

static void norwegian_letters_come_after_z(void **state)
{
	(void)state;
	ORDER("Anne", "Bjørn", "Xander", "Yngve", "Zakarias", "Ærlig",
	      "Øystein", "Åse");
	ORDER("z", "æ", "Æ", "ø", "Ø", "å", "Å");
	/* Within a word too. */
	ORDER("Haz", "Hb", "Hz", "Hæz", "Høz", "Håz");
	ORDER("Bjorn", "Bjørn", "Bjå");
}

static void case_is_ignored_then_lower_first(void **state)
{
	(void)state;
	ORDER("anna", "Anne", "berit", "Bjørn", "zakarias", "Øystein");
	/* Equal but for case: lower case first, at the first difference. */
	ORDER("anne", "aNne", "Anne", "ANNE", "annen");
	ORDER("åse", "Åse", "ÅSE");
	assert_int_equal(lms_collate("Ola", "Ola"), 0);
	assert_int_equal(lms_collate("", ""), 0);
	assert_int_equal(lms_collate(NULL, ""), 0);
	assert_int_equal(lms_collate(NULL, "a"), -1);
}

static void a_with_diaeresis_is_ae_and_o_is_oe(void **state)
{
	(void)state;
	/* Ä is Æ and Ö is Ø, so the words interleave; the bytes tell the
	 * equal ones apart. */
	ORDER("Zorro", "Ærb", "Äre", "Ære", "Ærf", "Øse", "Öst", "Østen",
	      "Åse");
	ORDER("Yasmin", "Über", "Yngve", "Zakarias");
}

static void accents_sort_as_the_base_letter(void **state)
{
	(void)state;
	ORDER("Andre", "André", "Andrea", "Andreas");
	ORDER("Elisabeth", "Élise", "Elizabeth");
	ORDER("Cecilie", "Çelik", "Celina", "Šara", "Sarah", "Sebastian");
	ORDER("Lars", "Łukasz", "Lykke");
	ORDER("Strauss", "Strauß", "Straut");
	ORDER("Dag", "Đorđe", "Dorte");
	/* Composed or with a combining mark: the same letter. */
	ORDER("Zakarias", "A\xcc\x8a" "se", "Åse", "Åsen");
	ORDER("Onkel", "O\xcc\x88stby", "Østby", "Østen");
	ORDER("Andre", "Andre\xcc\x81", "André", "Andrea");
}

static void aa_is_two_letters(void **state)
{
	(void)state;
	ORDER("Aalberg", "Aasen", "Abel", "Berg", "Zakarias", "Åsen");
	ORDER("AA", "Ab", "Å");
}

static void punctuation_then_digits_then_letters(void **state)
{
	(void)state;
	ORDER("", " ", "-", ".", "0", "10", "2", "9", "a", "Å");
	ORDER("Kurs", "Kurs 1", "Kurs 2", "Kurs A", "Kurs Å", "Kursdag");
	ORDER("Anne Lise", "Anne-Lise", "AnneLise");
	/* Characters of other scripts come after the letters. */
	ORDER("Åse", "\xce\x91\xce\xbd\xce\xbd\xce\xb1", "\xe6\x97\xa5");
}

static void invalid_utf8_sorts_last(void **state)
{
	(void)state;
	ORDER("Anne", "Anneå", "Anne\xc3", "Anne\xff", "Åse", "\x80",
	      "\xc3\x28", "\xfe", "\xff");
	/* The same every time, and never equal to valid text. */
	assert_int_equal(lms_collate("\xff", "\xff"), 0);
	assert_int_equal(lms_collate("\xed\xa0\x80", "\xed\xa0\x81"), -1);
	assert_int_equal(lms_collate("\xed\xa0\x81", "\xed\xa0\x80"), 1);
	assert_int_equal(lms_collate("\xf4\x90\x80\x80", "\xf0\x90\x80\x80"),
			 1);
}

/* Strings made of pieces that sort alike in different ways, with a
 * fixed seed so that a failure comes back. */
static char *random_string(unsigned *seed)
{
	static const char *const pieces[] = {
		"a", "A", "s", "S", "ss", "\xc3\x9f", "\xc3\xa5", "\xc3\x85",
		"a\xcc\x8a", "\xc3\xa4", "\xc3\xa6", "e", "\xc3\xa9",
		"e\xcc\x81", "\xcc\x81", "1", " ", "-", "\xff", "\xc3", "z",
		"\xce\xb1"
	};
	size_t n = (*seed = *seed * 1103515245u + 12345u) >> 16 & 3;
	char *s = calloc(4 * 3 + 1, 1);

	assert_non_null(s);
	for (size_t i = 0; i <= n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		strcat(s, pieces[(*seed >> 16) %
				 (sizeof(pieces) / sizeof(pieces[0]))]);
	}
	return s;
}

static void an_order_on_any_strings(void **state)
{
	enum { N = 300 };
	char *v[N];
	unsigned seed = 11;

	(void)state;
	for (size_t i = 0; i < N; i++)
		v[i] = random_string(&seed);
	qsort(v, N, sizeof(*v), by_collation);
	for (size_t i = 0; i < N; i++)
		for (size_t j = 0; j < N; j++) {
			int c = lms_collate(v[i], v[j]);

			assert_int_equal(c, -lms_collate(v[j], v[i]));
			assert_int_equal(c == 0, !strcmp(v[i], v[j]));
			if (i < j)
				assert_true(c <= 0);
		}
	for (size_t i = 0; i < N; i++)
		free(v[i]);
}

/* A search finds a word whatever its case and accents. */
static void the_same_word_to_a_searcher(void **state)
{
	(void)state;
	assert_true(lms_collate_same("Helsepedagogikk", "helsepedagogikk"));
	assert_true(lms_collate_same("ÆRLIGHET", "ærlighet"));
	assert_true(lms_collate_same("Søvn", "SØVN"));
	assert_true(lms_collate_same("Ålesund", "a\xcc\x8alesund"));
	assert_true(lms_collate_same("Kafé", "kafe"));
	assert_true(lms_collate_same(NULL, ""));
	assert_false(lms_collate_same("rop", "ropp"));
	assert_false(lms_collate_same("aalesund", "ålesund"));
	assert_false(lms_collate_same("sovn", "søvn"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(norwegian_letters_come_after_z),
		cmocka_unit_test(case_is_ignored_then_lower_first),
		cmocka_unit_test(a_with_diaeresis_is_ae_and_o_is_oe),
		cmocka_unit_test(accents_sort_as_the_base_letter),
		cmocka_unit_test(aa_is_two_letters),
		cmocka_unit_test(punctuation_then_digits_then_letters),
		cmocka_unit_test(invalid_utf8_sorts_last),
		cmocka_unit_test(an_order_on_any_strings),
		cmocka_unit_test(the_same_word_to_a_searcher),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
