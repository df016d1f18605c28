#include "test.h"

#include "date.h"
#include "enrolment.h"
#include "signup.h"

static void stamp_is(const char *s, unsigned order, const char *date,
		     int second)
{
	struct lms_stamp st;
	int32_t d;

	assert_true(lms_date_parse(date, &d));
	if (!lms_stamp_parse(s, order, &st))
		fail_msg("'%s' was not read", s);
	assert_int_equal(st.date, d);
	assert_int_equal(st.second, second);
}

static void stamp_refused(const char *s, unsigned order)
{
	struct lms_stamp st;

	if (lms_stamp_parse(s, order, &st))
		fail_msg("'%s' was read", s);
}

static void timestamps_of_forms(void **state)
{
	int t = 10 * 3600 + 12 * 60 + 33;

	(void)state;
	stamp_is("2026-08-24 10:12:33", 0, "2026-08-24", t);
	stamp_is("2026-08-24T10:12:33Z", 0, "2026-08-24", t);
	stamp_is("2026-08-24T10:12:33.250+02:00", 0, "2026-08-24", t);
	stamp_is("24.08.2026 10:12:33", 0, "2026-08-24", t);
	stamp_is("24.08.2026 kl. 10.12", 0, "2026-08-24", t - 33);
	stamp_is("24.8.2026 kl 10:12", 0, "2026-08-24", t - 33);
	stamp_is("24.08.2026, 10:12:33", 0, "2026-08-24", t);
	stamp_is("2026/08/24 10:12:33 AM GMT+2", 0, "2026-08-24", t);
	stamp_is("2026/08/24 12:05:00 AM GMT+2", 0, "2026-08-24", 300);
	stamp_is("2026/08/24 1:05:00 PM CEST", 0, "2026-08-24", 13 * 3600 + 300);
	stamp_is("2026-08-24", 0, "2026-08-24", 0);
	stamp_is(" 24.08.2026 ", 0, "2026-08-24", 0);
	/* Slashes: the order shows in the numbers, or the column says it. */
	stamp_is("24/8/2026 10:12:33", 0, "2026-08-24", t);
	stamp_is("8/24/2026 10:12:33", 0, "2026-08-24", t);
	stamp_is("3/4/2026", LMS_DAY_FIRST, "2026-04-03", 0);
	stamp_is("3/4/2026", LMS_MONTH_FIRST, "2026-03-04", 0);
	stamp_is("4/4/2026", 0, "2026-04-04", 0);
	stamp_refused("3/4/2026", 0);
	stamp_refused("8/24/2026", LMS_DAY_FIRST);
	/* A Norwegian two-digit year is this century's, but never in a date
	 * of birth. */
	stamp_is("24.08.26", 0, "2026-08-24", 0);
	stamp_is("7.9.26 kl. 10.12", 0, "2026-09-07", 10 * 3600 + 720);
	stamp_refused("24.08.26", LMS_FULL_YEAR);
	stamp_refused("29.02.27", 0);
	stamp_refused("24/08/26", LMS_DAY_FIRST);
	stamp_refused("24-08-26", 0);
	stamp_refused("24.08.226", 0);
	stamp_refused("31.02.2026", 0);
	stamp_refused("2026-08-24 25:00", 0);
	stamp_refused("2026-08-24 10:12 i morgen", 0);
	stamp_refused("i går", 0);
	stamp_refused("", 0);
}

static void order_of_a_column(void **state)
{
	(void)state;
	assert_int_equal(lms_stamp_orders("24/8/2026"), LMS_DAY_FIRST);
	assert_int_equal(lms_stamp_orders("8/24/2026 10:00"), LMS_MONTH_FIRST);
	assert_int_equal(lms_stamp_orders("3/4/2026"),
			 LMS_DAY_FIRST | LMS_MONTH_FIRST);
	assert_int_equal(lms_stamp_orders("4/4/2026"),
			 LMS_DAY_FIRST | LMS_MONTH_FIRST | LMS_ORDER_SAME);
	assert_int_equal(lms_stamp_orders("2026/08/24"), 0);
	assert_int_equal(lms_stamp_orders("24.08.2026"), 0);
}

static void consent_is(const char *s, bool expected)
{
	bool given = !expected;

	if (!lms_consent_parse(s, &given))
		fail_msg("'%s' was not read", s);
	if (given != expected)
		fail_msg("'%s' was read as %s", s, given ? "yes" : "no");
}

static void consent(void **state)
{
	bool given;

	(void)state;
	consent_is("ja", true);
	consent_is("Ja", true);
	consent_is("JA.", true);
	consent_is("yes", true);
	consent_is("x", true);
	consent_is("X", true);
	consent_is("1", true);
	consent_is("Jeg samtykker", true);
	consent_is("Ja, jeg samtykker til at opplysningene lagres", true);
	consent_is("I consent", true);
	consent_is("\u2713", true);
	consent_is("", false);
	consent_is("  ", false);
	consent_is("nei", false);
	consent_is("Nei", false);
	consent_is("no", false);
	consent_is("0", false);
	consent_is("Jeg samtykker ikke", false);
	consent_is("Nei, jeg samtykker ikke", false);
	consent_is("I do not consent", false);
	consent_is("I don't consent", false);
	assert_false(lms_consent_parse("kanskje", &given));
	assert_false(lms_consent_parse("jaha", &given));
	assert_false(lms_consent_parse("se vedlegg", &given));
}

static void referrals(void **state)
{
	(void)state;
	assert_int_equal(lms_referral_parse("fastlege"), LMS_GP);
	assert_int_equal(lms_referral_parse("Fastlegen"), LMS_GP);
	assert_int_equal(lms_referral_parse("gp"), LMS_GP);
	assert_int_equal(lms_referral_parse("Frisklivsresept"), LMS_HEALTHY_LIFE);
	assert_int_equal(lms_referral_parse("Frisklivssentralen"),
			 LMS_HEALTHY_LIFE);
	assert_int_equal(lms_referral_parse("healthy-life-centre"),
			 LMS_HEALTHY_LIFE);
	assert_int_equal(lms_referral_parse("sykehus"), LMS_SPECIALIST);
	assert_int_equal(lms_referral_parse("Sykehuset Østfold"), LMS_SPECIALIST);
	assert_int_equal(lms_referral_parse("Spesialisthelsetjenesten"),
			 LMS_SPECIALIST);
	assert_int_equal(lms_referral_parse("DPS"), LMS_SPECIALIST);
	assert_int_equal(lms_referral_parse("NAV"), LMS_NAV);
	assert_int_equal(lms_referral_parse("Nav Narvik"), LMS_NAV);
	assert_int_equal(lms_referral_parse("NAV-kontoret"), LMS_NAV);
	assert_int_equal(lms_referral_parse("kommunen"), LMS_MUNICIPAL);
	assert_int_equal(lms_referral_parse("Hjemmetjenesten"), LMS_MUNICIPAL);
	assert_int_equal(lms_referral_parse("hjemmesykepleien"), LMS_MUNICIPAL);
	assert_int_equal(lms_referral_parse("Psykisk helse og rus"),
			 LMS_MUNICIPAL);
	assert_int_equal(lms_referral_parse("municipal"), LMS_MUNICIPAL);
	assert_int_equal(lms_referral_parse("Meg selv"), LMS_SELF);
	assert_int_equal(lms_referral_parse("selv"), LMS_SELF);
	assert_int_equal(lms_referral_parse("venn"), LMS_SELF);
	assert_int_equal(lms_referral_parse("Familie"), LMS_SELF);
	assert_int_equal(lms_referral_parse("avisen"), LMS_SELF);
	assert_int_equal(lms_referral_parse("brukerorganisasjon"), LMS_USER_ORG);
	assert_int_equal(lms_referral_parse("LHL"), LMS_USER_ORG);
	assert_int_equal(lms_referral_parse("Mental Helse"), LMS_USER_ORG);
	assert_int_equal(lms_referral_parse("user-organisation"), LMS_USER_ORG);
	assert_int_equal(lms_referral_parse("annet"), LMS_OTHER);
	assert_int_equal(lms_referral_parse("naboen min"), 0);
	assert_int_equal(lms_referral_parse("navn"), 0);
	assert_true(lms_referral_unknown("Vet ikke"));
	assert_false(lms_referral_unknown("fastlege"));
	assert_int_equal(lms_role_parse("Pårørende"), LMS_RELATIVE);
	assert_int_equal(lms_role_parse("PÅRØRENDE"), LMS_RELATIVE);
	assert_int_equal(lms_role_parse("deltaker"), LMS_PARTICIPANT);
	assert_int_equal(lms_role_parse("barn"), 0);
}

/* Every kind a word maps to is one that files may hold. */
static void kinds_are_named(void **state)
{
	(void)state;
	assert_string_equal(lms_referral_names[LMS_NAV], "nav");
	assert_string_equal(lms_referral_names[LMS_MUNICIPAL], "municipal");
	assert_string_equal(lms_referral_names[LMS_USER_ORG],
			    "user-organisation");
	assert_string_equal(lms_referral_names[LMS_HEALTHY_LIFE],
			    "healthy-life-centre");
	assert_string_equal(lms_referral_names[LMS_OTHER], "other");
	assert_null(lms_referral_names[LMS_OTHER + 1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(timestamps_of_forms),
		cmocka_unit_test(order_of_a_column),
		cmocka_unit_test(consent),
		cmocka_unit_test(referrals),
		cmocka_unit_test(kinds_are_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
