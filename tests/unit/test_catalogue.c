#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"

#include "buf.h"
#include "catalogue.h"
#include "cataloguetree.h"
#include "check.h"
#include "course.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "template.h"

static int32_t day(const char *s)
{
	int32_t d;

	assert_true(lms_date_parse(s, &d));
	return d;
}

static const char kols[] =
	"id: kols\n"
	"title: Leve med kols\n"
	"description: Internal note.\n"
	"status: open\n"
	"place: Health house\n"
	"sessions:\n"
	"  - {date: 2027-01-19, start: \"18:00\", end: \"20:00\", "
	"place: Pool, theme: Water}\n"
	"  - {date: 2027-01-12, start: \"18:00\", end: \"20:00\"}\n"
	"public: yes\n"
	"public_description: For people with \"COPD\" & <kin>.\n"
	"contact: fag-en\n"
	"signup_deadline: 2027-01-05\n"
	"price: 0\n"
	"accessibility: Lift.\n"
	"language: se\n";

static void load(const char *text, struct lms_course *c)
{
	assert_int_equal(lms_course_load(c, "course.yaml", text, strlen(text),
					 NULL, NULL), 0);
}

/* A catalogue of the course kols, its contact a facilitator. */
static void one(struct lms_catalogue *cat)
{
	struct lms_catalogue_entry *e;

	lms_catalogue_init(cat, day("2026-12-01"));
	cat->title = strdup("Vest");
	e = lms_catalogue_add(cat);
	load(kols, &e->course);
	e->service = strdup("Vest");
	e->contact_name = strdup("Fag En");
	e->contact_phone = strdup("+47 11 22 33 44");
	e->contact_email = strdup("en@example.org");
}

static void keys_load_and_are_checked(void **state)
{
	struct lms_course c;
	const char *bad_price = "id: x\ntitle: X\nprice: -1\n";
	const char *bad_lang = "id: x\ntitle: X\nlanguage: Sami\n";
	const char *regional = "id: x\ntitle: X\nlanguage: en-GB\n";

	(void)state;
	load(kols, &c);
	assert_int_equal(c.pub.public, 1);
	assert_string_equal(c.pub.contact, "fag-en");
	assert_int_equal(c.pub.signup_deadline, day("2027-01-05"));
	assert_int_equal(c.pub.price, 0);
	assert_string_equal(c.pub.language, "se");
	lms_course_release(&c);
	assert_int_equal(lms_course_load(&c, "c.yaml", bad_price,
					 strlen(bad_price), NULL, NULL),
			 LMS_EDATA);
	assert_string_equal(lms_last_error()->msg,
			    "price: must not be negative");
	assert_int_equal(lms_course_load(&c, "c.yaml", bad_lang,
					 strlen(bad_lang), NULL, NULL),
			 LMS_EDATA);
	load(regional, &c);
	lms_course_release(&c);
}

static void template_keys_are_checked(void **state)
{
	struct lms_template t;
	const char *text = "id: t\ntitle: T\nsessions:\n"
			   "  - {theme: A, duration: 60}\nprice: -5\n";

	(void)state;
	assert_int_equal(lms_template_load(&t, "t.yaml", text, strlen(text),
					   NULL, NULL), LMS_EDATA);
}

static void who_is_in_the_catalogue(void **state)
{
	struct lms_course c;

	(void)state;
	load(kols, &c);
	assert_true(lms_course_in_catalogue(&c, day("2026-12-01")));
	assert_true(lms_course_in_catalogue(&c, day("2027-01-12")));
	/* Begun: its first session is past. */
	assert_false(lms_course_in_catalogue(&c, day("2027-01-13")));
	c.status = LMS_COURSE_CANCELLED;
	assert_false(lms_course_in_catalogue(&c, day("2026-12-01")));
	c.status = LMS_COURSE_COMPLETED;
	assert_false(lms_course_in_catalogue(&c, day("2026-12-01")));
	c.status = LMS_COURSE_PLANNED;
	c.pub.public = 0;
	assert_false(lms_course_in_catalogue(&c, day("2026-12-01")));
	c.pub.public = LMS_UNSET;
	assert_false(lms_course_in_catalogue(&c, day("2026-12-01")));
	lms_course_release(&c);
}

static void html_card(void **state)
{
	struct lms_catalogue cat;
	struct lms_buf out = LMS_BUF_INIT;
	enum lms_lang was = lms_i18n_set(LMS_LANG_EN);

	(void)state;
	one(&cat);
	lms_catalogue_html(&cat, &out);
	assert_non_null(strstr(out.buf, "<html lang=\"en\">"));
	assert_non_null(strstr(out.buf,
		"<article class=\"card\" aria-labelledby=\"c1\">\n"
		"<h2 id=\"c1\">Leve med kols</h2>\n"
		"<p class=\"about\" lang=\"se\">For people with &quot;COPD&quot; "
		"&amp; &lt;kin&gt;.</p>\n"
		"<dl>\n"
		"<dt>When</dt><dd><ul>\n"
		"<li>Tuesday 2027-01-12, 18:00-20:00</li>\n"
		"<li>Tuesday 2027-01-19, 18:00-20:00 (Pool)</li>\n"
		"</ul></dd>\n"
		"<dt>Place</dt><dd>Health house</dd>\n"
		"<dt>Language</dt><dd>Northern Sami</dd>\n"
		"<dt>Price</dt><dd>free of charge</dd>\n"
		"<dt>Accessibility</dt><dd>Lift.</dd>\n"
		"<dt>How to sign up</dt><dd>Sign up by Tuesday 2027-01-05."
		"</dd>\n"
		"<dt>Contact</dt><dd>Fag En, <a href=\"tel:+4711223344\">"
		"+47&nbsp;11&nbsp;22&nbsp;33&nbsp;44</a>, <a href=\"mailto:en@example.org\">"
		"en@example.org</a></dd>\n"
		"</dl>\n"
		"</article>\n"));
	assert_null(strstr(out.buf, "Internal note"));
	assert_null(strstr(out.buf, "<script"));
	assert_non_null(strstr(out.buf, "break-inside: avoid"));
	/* One service: it is in the title, not on each card. */
	assert_null(strstr(out.buf, "class=\"service\""));
	lms_buf_reset(&out);
	lms_catalogue_poster(&cat, &cat.v[0], &out);
	assert_non_null(strstr(out.buf, "<h1>Leve med kols</h1>"));
	assert_non_null(strstr(out.buf, "<p class=\"service\">Vest</p>"));
	lms_buf_release(&out);
	lms_catalogue_release(&cat);
	lms_i18n_set(was);
}

static void empty_and_regional(void **state)
{
	struct lms_catalogue cat;
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_catalogue_entry *e;
	enum lms_lang was = lms_i18n_set(LMS_LANG_EN);

	(void)state;
	lms_catalogue_init(&cat, day("2026-12-01"));
	lms_catalogue_text(&cat, false, &out);
	assert_string_equal(out.buf, "Courses\n\nNo courses are open for "
			    "sign-up just now.\n");
	lms_buf_reset(&out);
	lms_catalogue_html(&cat, &out);
	assert_non_null(strstr(out.buf, "<p>No courses are open"));
	lms_catalogue_release(&cat);

	one(&cat);
	cat.regional = true;
	e = lms_catalogue_add(&cat);
	load("id: b\ntitle: Before\nsessions:\n  - {date: 2027-01-02}\n"
	     "price: 250\nsignup: Call us.\n", &e->course);
	e->service = strdup("Aust");
	lms_catalogue_sort(&cat);
	lms_buf_reset(&out);
	lms_catalogue_text(&cat, true, &out);
	assert_string_equal(out.buf,
		"# Courses: Vest\n"
		"\n## Before (Aust)\n\n"
		"- **When:**\n"
		"  - Saturday 2027-01-02\n"
		"- **Price:** 250 kr\n"
		"- **How to sign up:** Call us.\n"
		"\n## Leve med kols (Vest)\n\n"
		"For people with \"COPD\" &amp; &lt;kin&gt;.\n\n"
		"- **When:**\n"
		"  - Tuesday 2027-01-12, 18:00-20:00\n"
		"  - Tuesday 2027-01-19, 18:00-20:00 (Pool)\n"
		"- **Place:** Health house\n"
		"- **Language:** Northern Sami\n"
		"- **Price:** free of charge\n"
		"- **Accessibility:** Lift.\n"
		"- **How to sign up:** Sign up by Tuesday 2027-01-05.\n"
		"- **Contact:** Fag En, +47 11 22 33 44, en@example.org\n");
	lms_buf_reset(&out);
	lms_catalogue_html(&cat, &out);
	assert_non_null(strstr(out.buf, "<p class=\"service\">Aust</p>"));
	lms_buf_release(&out);
	lms_catalogue_release(&cat);
	lms_i18n_set(was);
}

static void json_feed(void **state)
{
	struct lms_catalogue cat;
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_catalogue_entry *e;

	(void)state;
	one(&cat);
	e = lms_catalogue_add(&cat);
	load("id: b\ntitle: \"Tab\\there\"\nsessions: []\n", &e->course);
	lms_catalogue_json(&cat, &out);
	assert_string_equal(out.buf,
		"{\n"
		"  \"title\": \"Vest\",\n"
		"  \"updated\": \"2026-12-01\",\n"
		"  \"courses\": [\n"
		"    {\n"
		"      \"id\": \"kols\",\n"
		"      \"service\": \"Vest\",\n"
		"      \"title\": \"Leve med kols\",\n"
		"      \"description\": \"For people with \\\"COPD\\\" & <kin>.\",\n"
		"      \"status\": \"open\",\n"
		"      \"language\": \"se\",\n"
		"      \"place\": \"Health house\",\n"
		"      \"accessibility\": \"Lift.\",\n"
		"      \"signup\": null,\n"
		"      \"signup_deadline\": \"2027-01-05\",\n"
		"      \"price\": 0,\n"
		"      \"contact\": {\"name\": \"Fag En\", \"phone\": "
		"\"+47 11 22 33 44\", \"email\": \"en@example.org\"},\n"
		"      \"sessions\": [\n"
		"        {\"date\": \"2027-01-12\", \"start\": \"18:00\", "
		"\"end\": \"20:00\", \"place\": \"Health house\", "
		"\"theme\": null},\n"
		"        {\"date\": \"2027-01-19\", \"start\": \"18:00\", "
		"\"end\": \"20:00\", \"place\": \"Pool\", \"theme\": \"Water\"}\n"
		"      ]\n"
		"    },\n"
		"    {\n"
		"      \"id\": \"b\",\n"
		"      \"service\": null,\n"
		"      \"title\": \"Tab\\u0009here\",\n"
		"      \"description\": null,\n"
		"      \"status\": \"planned\",\n"
		"      \"language\": null,\n"
		"      \"place\": null,\n"
		"      \"accessibility\": null,\n"
		"      \"signup\": null,\n"
		"      \"signup_deadline\": null,\n"
		"      \"price\": null,\n"
		"      \"contact\": {\"name\": null, \"phone\": null, "
		"\"email\": null},\n"
		"      \"sessions\": []\n"
		"    }\n"
		"  ]\n"
		"}\n");
	lms_buf_release(&out);
	lms_catalogue_release(&cat);
}

static void ical_names_no_one(void **state)
{
	struct lms_catalogue cat;
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_ical cal = { &out, 0, NULL, 0, false };
	enum lms_lang was = lms_i18n_set(LMS_LANG_EN);

	(void)state;
	one(&cat);
	cal.stamp = cat.today;
	free(cat.v[0].course.facilitators);
	cat.v[0].course.facilitators =
		calloc(1, sizeof(struct lms_course_facilitator));
	cat.v[0].course.facilitators[0].id = strdup("fag-to");
	cat.v[0].course.nfacilitators = 1;
	lms_catalogue_ical(&cat, &cal);
	assert_null(strstr(out.buf, "fag-to"));
	assert_null(strstr(out.buf, "Internal note"));
	assert_non_null(strstr(out.buf, "DESCRIPTION:Session 1 of 2\\n\\nFor "
				    "people with \"COPD\" & <kin>."));
	lms_buf_release(&out);
	lms_catalogue_release(&cat);
	lms_i18n_set(was);
}

static void languages(void **state)
{
	enum lms_lang was = lms_i18n_set(LMS_LANG_NB);

	(void)state;
	assert_string_equal(lms_catalogue_language("se"), "nordsamisk");
	assert_string_equal(lms_catalogue_language("xx"), "xx");
	lms_i18n_set(was);
}

/* The trees of tests/fixtures/catalog, copied to a folder of their own. */
static char root[64];
static int cwd = -1;

static int run(const char *fmt, const char *arg)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), fmt, arg);
	return system(cmd);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-catalogue-XXXXXX");
	assert_non_null(mkdtemp(root));
	assert_int_equal(run("cp -R tests/fixtures/catalog/. '%s'", root), 0);
	cwd = open(".", O_RDONLY | O_DIRECTORY);
	assert_true(cwd >= 0);
	assert_int_equal(chdir(root), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(fchdir(cwd), 0);
	close(cwd);
	return run("rm -rf '%s'", root);
}

static void from_trees(void **state)
{
	struct lms_catalogue cat;
	struct lms_tree vest, aust;

	(void)state;
	assert_int_equal(lms_tree_open(&vest, "vest"), 0);
	assert_int_equal(lms_tree_open(&aust, "aust"), 0);
	lms_catalogue_init(&cat, day("2026-12-01"));
	assert_int_equal(lms_catalogue_add_tree(&cat, &vest), 0);
	assert_int_equal(lms_catalogue_add_tree(&cat, &aust), 0);
	lms_catalogue_sort(&cat);
	assert_int_equal(cat.n, 3);
	assert_string_equal(cat.v[0].course.id, "kols-v27");
	assert_string_equal(cat.v[0].contact_name, "Fagperson En");
	assert_string_equal(cat.v[0].contact_email, "fag.en@vest.example");
	assert_string_equal(cat.v[1].course.id, "sovn-v27");
	assert_string_equal(cat.v[1].service,
			    "Testkommune Aust frisklivssentral");
	assert_null(cat.v[1].contact_name);
	assert_string_equal(cat.v[1].contact_phone, "87 65 43 21");
	assert_null(cat.v[1].contact_email);
	assert_string_equal(cat.v[2].course.id, "mestring-feb27");
	lms_catalogue_release(&cat);

	lms_catalogue_init(&cat, day("2026-12-01"));
	assert_int_equal(lms_catalogue_add_course(&cat, &vest, "intern-jan27"),
			 LMS_EDATA);
	assert_int_equal(lms_catalogue_add_course(&cat, &vest, "nothing"),
			 LMS_ENOENT);
	/* A poster may be of a course begun. */
	assert_int_equal(lms_catalogue_add_course(&cat, &vest, "igang-h26"), 0);
	/* Not of one cancelled or over. */
	assert_int_equal(lms_catalogue_add_course(&cat, &vest, "avlyst-v27"),
			 LMS_EDATA);
	assert_int_equal(lms_catalogue_add_course(&cat, &vest, "gammel-h26"),
			 LMS_EDATA);
	assert_int_equal(cat.n, 1);
	lms_catalogue_release(&cat);
	lms_tree_release(&vest);
	lms_tree_release(&aust);
}

static void check_rule(void **state)
{
	struct lms_check_options opt = { .rules = 1u << LMS_RULE_CATALOG };
	struct lms_findings out;
	struct lms_buf b = LMS_BUF_INIT;
	struct lms_tree aust;
	enum lms_lang was = lms_i18n_set(LMS_LANG_EN);

	(void)state;
	write_file("aust/lms.yaml", "name: Aust\nmunicipality: \"9998\"\n");
	write_file("aust/courses/sovn-v27/course.yaml",
		   "id: sovn-v27\ntitle: S\nsessions:\n  - {date: 2027-01-13}\n"
		   "public: yes\ncontact: service\nsignup: Call.\n"
		   "public_description: D.\n");
	assert_int_equal(run("mkdir -p '%s/aust/courses/x'", root), 0);
	write_file("aust/courses/x/course.yaml",
		   "id: x\ntitle: X\nstatus: cancelled\npublic: yes\n");
	opt.today = day("2026-12-01");
	assert_int_equal(lms_tree_open(&aust, "aust"), 0);
	assert_int_equal(lms_check_tree(&aust, &opt, &out), 0);
	for (size_t i = 0; i < out.n; i++)
		lms_buf_addf(&b, "%s:%u: %s\n", out.v[i].path, out.v[i].line,
			     out.v[i].msg);
	assert_string_equal(b.buf ? b.buf : "",
		"aust/courses/sovn-v27/course.yaml:6: contact: service, but "
		"lms.yaml "
		"has neither phone nor email\n");
	lms_buf_release(&b);
	lms_findings_release(&out);
	lms_tree_release(&aust);
	lms_i18n_set(was);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_load_and_are_checked),
		cmocka_unit_test(template_keys_are_checked),
		cmocka_unit_test(who_is_in_the_catalogue),
		cmocka_unit_test(html_card),
		cmocka_unit_test(empty_and_regional),
		cmocka_unit_test(json_feed),
		cmocka_unit_test(ical_names_no_one),
		cmocka_unit_test(languages),
		cmocka_unit_test_setup_teardown(from_trees, setup, teardown),
		cmocka_unit_test_setup_teardown(check_rule, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
