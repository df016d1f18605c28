#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "course.h"
#include "emit.h"
#include "facilitator.h"

static void plain_when_it_reads_back_the_same(void **state)
{
	static const char *const plain[] = {
		"Kom i form", "kurs", "Treffstedet, kjøkkenet",
		"Bli kjent – hva er mestring?", "a:b", "e-post", "p-7k3q9x", NULL
	};
	static const char *const quoted[] = {
		"", "1806", "0301", "12", "1.5", "-3", "11:00", "2026-09-07",
		"yes", "No", "true", "off", "null", "~", "y", "a: b", "x #y",
		"- item", "[a]", "{a}", "*ref", "&anchor", "!tag", "'q'", "\"q\"",
		"%x", "@x", "`x", "|x", ">x", "#x", " lead", "trail ", "tab\there",
		"line\nbreak", "nel\xc2\x85", "bom\xef\xbb\xbf", "end:", ".inf",
		"0x1F", "1e3", "<<", "=", "Y", "n", "NULL", "oN", "0o17", "1_000",
		".5", "012", "+1", "1:30", "-.Inf", ".NaN", "2026-9-7",
		"2026-09-07T10:12:33Z", "2026-09-07 10:12:33 +02:00", "... x",
		"2026-09-07 10:12:33,5",
		"---", "c1\xc2\x80", "ff\xef\xbf\xbf", NULL
	};

	(void)state;
	for (int i = 0; plain[i]; i++)
		if (!lms_yaml_plain_ok(plain[i], 0))
			fail_msg("'%s' should be plain", plain[i]);
	for (int i = 0; quoted[i]; i++)
		if (lms_yaml_plain_ok(quoted[i], 0))
			fail_msg("'%s' should be quoted", quoted[i]);
	/* Inside [...] a comma would end the value, and old PyYAML ends it
	 * at ':' and '?' too. */
	assert_false(lms_yaml_plain_ok("a, b", LMS_YAML_FLOW));
	assert_false(lms_yaml_plain_ok("a]", LMS_YAML_FLOW));
	assert_false(lms_yaml_plain_ok("a:b", LMS_YAML_FLOW));
	assert_false(lms_yaml_plain_ok("Hvorfor?", LMS_YAML_FLOW));
	assert_true(lms_yaml_plain_ok("Hvorfor?", 0));
	/* A word read without quotes is written without them again. */
	assert_true(lms_yaml_plain_ok("yes", LMS_YAML_WAS_PLAIN));
	assert_false(lms_yaml_plain_ok("a: b", LMS_YAML_WAS_PLAIN));
}

static void quotes_and_escapes(void **state)
{
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	lms_yaml_scalar(&b, "say \"hi\" \\ now\n\tx\x01", 0);
	assert_string_equal(b.buf, "\"say \\\"hi\\\" \\\\ now\\n\\tx\\x01\"");
	lms_buf_reset(&b);
	lms_yaml_scalar(&b, "zero\xef\xbb\xbfwidth \xc2\x85 \xe2\x80\xa8", 0);
	assert_string_equal(b.buf, "\"zero\\ufeffwidth \\u0085 \\u2028\"");
	lms_buf_reset(&b);
	lms_yaml_scalar(&b, "Kom i form", LMS_YAML_QUOTE);
	assert_string_equal(b.buf, "\"Kom i form\"");
	lms_buf_reset(&b);
	lms_yaml_scalar(&b, "c1\xc2\x9f nc\xef\xbf\xbe emoji\xf0\x9f\x98\x80", 0);
	assert_string_equal(b.buf, "\"c1\\u009f nc\\ufffe emoji\xf0\x9f\x98\x80\"");
	/* Bytes that are not UTF-8 never get here; if they did, "\xed"
	 * would read back as U+00ED. */
	lms_buf_reset(&b);
	lms_yaml_scalar(&b, "cesu\xed\xa0\xbd", 0);
	assert_string_equal(b.buf, "\"cesu\\ufffd\\ufffd\\ufffd\"");
	lms_buf_reset(&b);
	lms_yaml_key(&b, "no", 0);
	assert_string_equal(b.buf, "\"no\":");
	lms_buf_release(&b);
}

/* Numbers that every reader takes for numbers: PyYAML reads "1e-05" as
 * text. */
static void reals_have_a_point(void **state)
{
	static const struct lms_field f = {
		"completion", LMS_T_REAL, 0, LMS_NO_OFFSET, NULL, 0
	};
	static const struct { double v; const char *text; } cases[] = {
		{ 0.75, "0.75" }, { 1, "1" }, { 1e-5, "1.0e-05" },
		{ 2.5e-7, "2.5e-07" }, { 1e20, "1.0e+20" },
	};
	struct lms_buf b = LMS_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		lms_buf_reset(&b);
		lms_emit_value(&b, &f, &cases[i].v, 0);
		assert_string_equal(b.buf, cases[i].text);
	}
	lms_buf_release(&b);
}

/* Every string survives a trip through the emitter and the loader. */
static void scalars_round_trip(void **state)
{
	static const char *const strings[] = {
		"plain", "1806", "a: b", "\"quoted\"", "back\\slash", "new\nline",
		"tab\t", "\x01\x1f\x7f", "bom\xef\xbb\xbf", "nel\xc2\x85",
		"ls\xe2\x80\xa8", "ø æ å – “”", "  spaces  ", "#", "- ", "? x",
		"emoji \xf0\x9f\x98\x80", NULL
	};

	(void)state;
	for (int i = 0; strings[i]; i++) {
		struct lms_buf text = LMS_BUF_INIT;
		struct lms_course c;

		lms_buf_adds(&text, "id: x\ntitle: ");
		lms_yaml_scalar(&text, strings[i], 0);
		lms_buf_adds(&text, "\ntopics: [");
		lms_yaml_scalar(&text, strings[i], LMS_YAML_FLOW);
		lms_buf_adds(&text, "]\n");
		if (lms_course_load(&c, "t", text.buf, text.len, NULL, NULL))
			fail_msg("'%s' gave %s: %s", strings[i], text.buf,
				 lms_last_error()->msg);
		assert_string_equal(c.title, strings[i]);
		assert_string_equal(c.topics[0], strings[i]);
		lms_course_release(&c);
		lms_buf_release(&text);
	}
}

static const char canonical_course[] =
	"id: 2026-09-matlaging\n"
	"title: Matlaging og kosthold\n"
	"status: open\n"
	"target_groups: [at-risk, relatives]\n"
	"topics: [kosthold, rop]\n"
	"diagnosis_independent: false\n"
	"capacity: 12\n"
	"waitlist: true\n"
	"place: Treffstedet, kjøkkenet\n"
	"facilitators:\n"
	"  - id: anne-hansen\n"
	"    phases: [plan, deliver, evaluate]\n"
	"sessions:\n"
	"  - date: 2026-09-07\n"
	"    start: \"11:00\"\n"
	"    end: \"14:00\"\n"
	"    theme: \"Kosthold: teori\"\n"
	"    led_by: [anne-hansen]\n"
	"  - date: 2026-09-10\n"
	"    start: \"11:00\"\n"
	"    end: \"14:00\"\n"
	"forms: [kursevaluering]\n";

static void canonical_text_round_trips(void **state)
{
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_course_load(&c, "t", canonical_course,
					 strlen(canonical_course), NULL, NULL), 0);
	lms_course_emit(&out, &c);
	assert_string_equal(out.buf, canonical_course);
	lms_course_release(&c);
	lms_buf_release(&out);
}

static void same_data_same_bytes(void **state)
{
	/* Any spelling of the same data comes out in one form. */
	const char *messy = "{id: 2026-09-matlaging, title: 'Matlaging og "
			    "kosthold', status: open, capacity: 012,"
			    " waitlist: yes, target_groups: [relatives, at-risk],"
			    " topics: [kosthold, rop], diagnosis_independent: no,"
			    " place: \"Treffstedet, kjøkkenet\", forms: kursevaluering,"
			    " facilitators: [{phases: [evaluate, plan, deliver],"
			    " id: anne-hansen}], sessions: [{date: 2026-09-07,"
			    " end: '14:00', start: '11:00', theme: 'Kosthold: teori',"
			    " led_by: anne-hansen}, {date: 2026-09-10, start: '11:00',"
			    " end: '14:00'}]}\n";
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_course_load(&c, "t", messy, strlen(messy), NULL,
					 NULL), 0);
	lms_course_emit(&out, &c);
	assert_string_equal(out.buf, canonical_course);
	lms_course_release(&c);
	lms_buf_release(&out);
}

static void adding_a_record_only_adds_lines(void **state)
{
	const char *one = "- id: a\n  name: A\n  kind: professional\n";
	const char *two = "- id: a\n  name: A\n  kind: professional\n"
			  "- id: b\n  name: B\n  kind: user-representative\n"
			  "  topics: [rop]\n";
	struct lms_buf first = LMS_BUF_INIT, second = LMS_BUF_INIT;
	struct lms_facilitator *v;
	size_t n;

	(void)state;
	assert_int_equal(lms_facilitators_load(&v, &n, "f", one, strlen(one),
					       NULL), 0);
	lms_emit_list(&first, &lms_facilitator_schema, v, n, 0);
	lms_facilitators_free(v, n);
	assert_int_equal(lms_facilitators_load(&v, &n, "f", two, strlen(two),
					       NULL), 0);
	lms_emit_list(&second, &lms_facilitator_schema, v, n, 0);
	lms_facilitators_free(v, n);
	assert_string_equal(second.buf, two);
	assert_memory_equal(first.buf, second.buf, first.len);
	lms_buf_release(&first);
	lms_buf_release(&second);
}

static void unknown_keys_survive_a_rewrite(void **state)
{
	const char *text = "- id: a\n  name: A\n  kind: professional\n"
			   "  available: true\n"
			   "  note: \"rom 2\"\n  extra: {days: [mon, \"11:00\"], n: 3}\n";
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_facilitator *v;
	size_t n;

	(void)state;
	assert_int_equal(lms_facilitators_load(&v, &n, "f", text, strlen(text),
					       NULL), 0);
	lms_emit_list(&out, &lms_facilitator_schema, v, n, 0);
	assert_string_equal(out.buf, text);
	lms_facilitators_free(v, n);
	lms_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_when_it_reads_back_the_same),
		cmocka_unit_test(quotes_and_escapes),
		cmocka_unit_test(reals_have_a_point),
		cmocka_unit_test(scalars_round_trip),
		cmocka_unit_test(canonical_text_round_trips),
		cmocka_unit_test(same_data_same_bytes),
		cmocka_unit_test(adding_a_record_only_adds_lines),
		cmocka_unit_test(unknown_keys_survive_a_rewrite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
