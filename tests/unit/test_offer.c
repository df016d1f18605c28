#include <stdlib.h>

#include "test.h"

#include "alloc.h"
#include "offers.h"

/*
 * The register of offers (offers.yaml): loading, the rule of which
 * follow-ups name an offer, and lms offer add against a fake store that
 * keeps the file as a text in memory (or missing).
 */

static const char offers_yaml[] =
	"# Tilbud etter kurset\n"
	"- id: selvhjelp-angst\n  name: Selvhjelpsgruppe angst\n"
	"  kind: self-help-group\n  phone: \"900 00 100\"\n"
	"  municipality: \"9999\"\n"
	"- id: frisk\n  name: Frisklivssentralen\n  kind: healthy-life-centre\n"
	"  web: https://example.org/frisk\n";

static void loads(void **state)
{
	struct lms_offers o;

	(void)state;
	assert_int_equal(lms_offers_load(&o, "offers.yaml", offers_yaml,
					 strlen(offers_yaml), NULL), 0);
	assert_int_equal(o.n, 2);
	assert_string_equal(o.v[0].phone, "900 00 100");
	assert_string_equal(o.v[0].municipality, "9999");
	assert_int_equal(o.v[1].kind, LMS_OFFER_HEALTHY_LIFE);
	assert_ptr_equal(lms_offer_find(&o, "frisk"), &o.v[1]);
	assert_null(lms_offer_find(&o, "nope"));
	lms_offers_release(&o);
	assert_int_equal(o.n, 0);
	assert_string_equal(lms_offer_kind_names[LMS_OFFER_LEARNING_CENTRE],
			    "learning-and-coping-centre");
	assert_null(lms_offer_kind_names[LMS_NOFFER_KINDS]);
}

static void refuses_bad_files(void **state)
{
	static const char twice[] =
		"- {id: a, name: A, kind: other}\n"
		"- {id: a, name: B, kind: other}\n";
	static const char kind[] = "- {id: a, name: A, kind: club}\n";
	static const char noname[] = "- {id: a, kind: other}\n";
	struct lms_offers o;

	(void)state;
	assert_error(lms_offers_load(&o, "offers.yaml", twice, strlen(twice),
				     NULL), LMS_EDATA, 2, 3,
		     "offer 'a' is listed twice");
	assert_int_equal(o.n, 0);
	assert_null(o.v);
	assert_int_equal(lms_offers_load(&o, "offers.yaml", kind, strlen(kind),
					 NULL), LMS_EDATA);
	assert_int_equal(lms_offers_load(&o, "offers.yaml", noname,
					 strlen(noname), NULL), LMS_EDATA);
	assert_int_equal(o.n, 0);
}

/* Which follow-ups name an offer: ids, once the register has offers. */
static void follow_ups(void **state)
{
	struct lms_offers o, none = { NULL, 0 };

	(void)state;
	assert_int_equal(lms_offers_load(&o, "offers.yaml", offers_yaml,
					 strlen(offers_yaml), NULL), 0);
	assert_true(lms_offer_named(&o, "frisk"));
	assert_true(lms_offer_named(&o, "self-help-group"));
	assert_false(lms_offer_named(&o, "samtale med fastlegen"));
	assert_false(lms_offer_named(&o, NULL));
	assert_false(lms_offer_named(&none, "self-help-group"));
	assert_int_equal(lms_offer_check(&o, "frisk"), 0);
	assert_int_equal(lms_offer_check(&o, "Samtale med fastlegen"), 0);
	assert_int_equal(lms_offer_check(&none, "self-help-group"), 0);
	assert_error(lms_offer_check(&o, "frsk"), LMS_ENOENT, 0, 0,
		     "no such offer: 'frsk' (did you mean 'frisk'?)");
	assert_error(lms_offer_check(&o, "self-help-group"), LMS_ENOENT, 0, 0,
		     "no such offer: 'self-help-group' (see lms offer list)");
	lms_offers_release(&o);
}

/* lms offer add */

struct fake {
	struct lms_buf text;
	bool missing;
	int saves;
};

static struct fake f;
static struct lms_ops_io io;

static int fake_load_text(void *arg, enum lms_file which, const char *course,
			  struct lms_buf *out)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_OFFERS);
	assert_null(course);
	if (k->missing)
		return lms_error(LMS_ENOENT, "offers.yaml: no such file");
	lms_buf_add(out, k->text.buf, k->text.len);
	return 0;
}

static char *fake_path(void *arg, enum lms_file which, const char *course)
{
	(void)arg;
	assert_int_equal(which, LMS_FILE_OFFERS);
	assert_null(course);
	return lms_strdup("offers.yaml");
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_OFFERS);
	assert_null(course);
	k->saves++;
	k->missing = false;
	lms_buf_reset(&k->text);
	lms_buf_add(&k->text, text->buf, text->len);
	return 0;
}

/* The register: one person, with a phone and an address. */
static int fake_load_register(void *arg, struct lms_register *out)
{
	static const char text[] =
		"- {id: p-test01, name: Test Person, phone: \"+47 400 00 001\", "
		"email: Test.Person@example.org, consent: 2026-01-01}\n";

	(void)arg;
	return lms_register_load(out, "people/participants.yaml", text,
				 strlen(text));
}

static int setup(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.text);
	memset(&io, 0, sizeof(io));
	io.arg = &f;
	io.load_text = fake_load_text;
	io.path = fake_path;
	io.save = fake_save;
	io.load_register = fake_load_register;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&f.text);
	return 0;
}

static struct lms_offer entry(const char *id)
{
	struct lms_offer e;

	lms_schema_init(&lms_offer_schema, &e);
	e.id = (char *)id;
	e.name = (char *)"Test Offer";
	e.kind = LMS_OFFER_USER_ORG;
	return e;
}

/* The first makes the file; the next goes at its end, and what people
 * wrote by hand stays. */
static void add(void **state)
{
	struct lms_offer a = entry("a"), b = entry("b");
	struct lms_offers o;

	(void)state;
	f.missing = true;
	assert_int_equal(lms_ops_load_offers(&io, &o), 0);
	assert_int_equal(o.n, 0);
	assert_int_equal(lms_ops_offer_add(&io, &a), 0);
	assert_string_equal(f.text.buf, "- id: a\n  name: Test Offer\n"
			    "  kind: user-organisation\n");
	lms_buf_adds(&f.text, "# hand-written\n");
	b.phone = (char *)"900 00 100";
	b.municipality = (char *)"9999";
	assert_int_equal(lms_ops_offer_add(&io, &b), 0);
	assert_string_equal(f.text.buf, "- id: a\n  name: Test Offer\n"
			    "  kind: user-organisation\n"
			    "- id: b\n  name: Test Offer\n"
			    "  kind: user-organisation\n"
			    "  phone: \"900 00 100\"\n"
			    "  municipality: \"9999\"\n# hand-written\n");
	assert_int_equal(f.saves, 2);
	assert_int_equal(lms_ops_load_offers(&io, &o), 0);
	assert_int_equal(o.n, 2);
	lms_offers_release(&o);
}

/* An id taken, or a file that does not load, writes nothing. */
static void refusals(void **state)
{
	struct lms_offer a = entry("a");
	struct lms_offers o;

	(void)state;
	lms_buf_adds(&f.text, "- {id: a, name: A, kind: other}\n");
	assert_error(lms_ops_offer_add(&io, &a), LMS_ECREATE, 0, 0,
		     "offer 'a' exists already");
	lms_buf_reset(&f.text);
	lms_buf_adds(&f.text, "- {id: b, name: B, kind: club}\n");
	assert_int_equal(lms_ops_offer_add(&io, &a), LMS_EDATA);
	assert_int_equal(lms_ops_load_offers(&io, &o), LMS_EDATA);
	assert_int_equal(f.saves, 0);
}

/* A participant's phone or address, however written, is no offer's
 * contact: it would go to git. */
static void a_participants_contact_is_refused(void **state)
{
	struct lms_offer a = entry("a");

	(void)state;
	a.phone = (char *)"400 00 001";
	assert_error(lms_ops_offer_add(&io, &a), LMS_EDATA, 0, 0,
		     "--phone: this is the contact of someone in the register: "
		     "personal data does not belong in a file that goes to git");
	a.phone = NULL;
	a.email = (char *)"test.person@EXAMPLE.org";
	assert_int_equal(lms_ops_offer_add(&io, &a), LMS_EDATA);
	assert_int_equal(f.saves, 0);
	a.email = (char *)"post@example.org";
	assert_int_equal(lms_ops_offer_add(&io, &a), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads),
		cmocka_unit_test_setup_teardown(a_participants_contact_is_refused,
						setup, teardown),
		cmocka_unit_test(refuses_bad_files),
		cmocka_unit_test(follow_ups),
		cmocka_unit_test_setup_teardown(add, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
