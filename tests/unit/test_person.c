#include <stdlib.h>

#include "test.h"

#include "date.h"
#include "person.h"

static void ids_are_random_and_well_formed(void **state)
{
	char a[LMS_PERSON_ID_LEN + 1], b[LMS_PERSON_ID_LEN + 1];

	(void)state;
	assert_int_equal(lms_person_new_id(a, NULL, NULL), 0);
	assert_int_equal(lms_person_new_id(b, NULL, NULL), 0);
	assert_int_equal(strlen(a), 8);
	assert_memory_equal(a, "p-", 2);
	assert_int_equal(strspn(a + 2, "abcdefghijklmnopqrstuvwxyz0123456789"), 6);
	assert_string_not_equal(a, b);
}

static int tries;

static bool first_three_taken(const char *id, void *arg)
{
	(void)id;
	(void)arg;
	return ++tries <= 3;
}

static bool all_taken(const char *id, void *arg)
{
	(void)id;
	(void)arg;
	return true;
}

static void ids_avoid_those_in_use(void **state)
{
	char id[LMS_PERSON_ID_LEN + 1];

	(void)state;
	tries = 0;
	assert_int_equal(lms_person_new_id(id, first_three_taken, NULL), 0);
	assert_int_equal(tries, 4);
	assert_int_equal(lms_person_new_id(id, all_taken, NULL), LMS_EIO);
}

/* Every other id of the pool is in use. */
static bool every_other(const char *id, void *arg)
{
	int *k = arg;

	(void)id;
	return (*k)++ % 2 == 0;
}

static void a_pool_hands_out_distinct_free_ids(void **state)
{
	struct lms_id_pool pool = { NULL, 0, 0 };
	char id[LMS_PERSON_ID_LEN + 1], first[LMS_PERSON_ID_LEN + 1];
	int k = 0;

	(void)state;
	assert_int_equal(lms_id_pool_draw(&pool, 6), 0);
	assert_int_equal(lms_id_pool_left(&pool), 6);
	for (size_t i = 0; i < pool.n; i++)
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(pool.v[i], pool.v[j]);
	assert_int_equal(lms_id_pool_take(&pool, first), 0);
	/* Dropping leaves what was handed out alone. */
	lms_id_pool_drop(&pool, every_other, &k);
	assert_int_equal(k, 5);
	assert_int_equal(lms_id_pool_left(&pool), 2);
	assert_string_equal(pool.v[0], first);
	assert_int_equal(lms_id_pool_take(&pool, id), 0);
	assert_string_not_equal(id, first);
	assert_int_equal(lms_id_pool_take(&pool, id), 0);
	assert_int_equal(lms_id_pool_take(&pool, id), LMS_EIO);
	assert_string_equal(lms_last_error()->msg,
			    "cannot find a free person id");
	/* A new draw is unlike what the pool holds. */
	assert_int_equal(lms_id_pool_draw(&pool, 3), 0);
	assert_int_equal(lms_id_pool_left(&pool), 3);
	for (size_t i = 3; i < pool.n; i++)
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(pool.v[i], pool.v[j]);
	lms_id_pool_release(&pool);
}

static void phone_numbers_compare_by_digits(void **state)
{
	char a[32], b[32];

	(void)state;
	lms_phone_key("+47 900 00 001", a, sizeof(a));
	lms_phone_key("90000001", b, sizeof(b));
	assert_string_equal(a, b);
	lms_phone_key("0047 900-00-001", a, sizeof(a));
	assert_string_equal(a, b);
	assert_true(lms_phone_valid("+47 900 00 001"));
	assert_true(lms_phone_valid("(+47) 76 96 50 00"));
	assert_false(lms_phone_valid("12"));
	assert_false(lms_phone_valid("call me"));
	assert_true(lms_email_valid("kari@example.org"));
	assert_false(lms_email_valid("kari@"));
	assert_false(lms_email_valid("kari example.org"));
	assert_false(lms_email_valid("a@b@c.no"));
	assert_false(lms_email_valid("kari@example."));
}

static const char reg_text[] =
	"- id: p-aaaaaa\n  name: Person A\n  phone: \"900 00 001\"\n"
	"  municipality: \"1806\"\n  consent: 2026-08-01\n"
	"- id: p-bbbbbb\n  name: Person B\n  email: b@example.org\n";

static void the_register(void **state)
{
	struct lms_register r;
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_person p;

	(void)state;
	assert_int_equal(lms_register_load(&r, "p", reg_text, strlen(reg_text)), 0);
	assert_int_equal(r.n, 2);
	assert_ptr_equal(lms_register_match(&r, "+4790000001", NULL), &r.v[0]);
	assert_ptr_equal(lms_register_match(&r, NULL, "B@EXAMPLE.ORG"), &r.v[1]);
	assert_null(lms_register_match(&r, "90000002", "c@example.org"));
	lms_register_emit(&out, &r);
	assert_string_equal(out.buf, reg_text);
	lms_schema_init(&lms_person_schema, &p);
	p.id = strdup("p-cccccc");
	p.name = strdup("Person C");
	lms_register_add(&r, &p);
	lms_register_remove(&r, lms_register_find(&r, "p-aaaaaa"));
	assert_int_equal(r.n, 2);
	assert_string_equal(r.v[1].id, "p-cccccc");
	lms_buf_release(&out);
	lms_register_release(&r);
}

static void register_refusals(void **state)
{
	struct lms_register r;
	const char *twice = "- {id: p-a, name: A}\n- {id: p-a, name: B}\n";
	const char *nameless = "- {id: p-a}\n";

	(void)state;
	assert_error(lms_register_load(&r, "p", twice, strlen(twice)), LMS_EDATA,
		     2, 3, "person 'p-a' is listed twice");
	assert_error(lms_register_load(&r, "p", nameless, strlen(nameless)),
		     LMS_EDATA, 1, 3, "1: person has no 'name'");
}

/* What a person agreed to be contacted for is a list of known purposes. */
static void contact_purposes(void **state)
{
	static const char yes[] = "- id: p-a\n  name: A\n"
				  "  contact: [reminders, peer-contact]\n";
	static const char no[] = "- {id: p-a, name: A, contact: [sms]}\n";
	struct lms_register r;
	struct lms_buf out = LMS_BUF_INIT;

	(void)state;
	assert_int_equal(lms_register_load(&r, "p", yes, strlen(yes)), 0);
	assert_int_equal(r.v[0].contact, LMS_CONTACT_REMINDERS |
			 LMS_CONTACT_PEERS);
	lms_register_emit(&out, &r);
	assert_string_equal(out.buf, yes);
	lms_register_release(&r);
	lms_buf_release(&out);
	assert_int_equal(lms_register_load(&r, "p", no, strlen(no)), LMS_EDATA);
}

/* The rules that lms person add and a sign-up sheet share. */
static void what_the_register_may_hold(void **state)
{
	int32_t today = lms_date_from_ymd(2026, 8, 25);
	char empty[] = "", two_lines[] = "Test\nPerson", name[] = "Test Person";
	char bad_phone[] = "call me", bad_email[] = "nobody";
	char phone[] = "+47 900 00 000", email[] = "test@example.org";
	struct lms_person p;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.birth_year = LMS_UNSET;
	assert_int_equal(lms_person_invalid(&p, today), LMS_PERSON_NAME);
	p.name = empty;
	assert_int_equal(lms_person_invalid(&p, today), LMS_PERSON_NAME);
	p.name = two_lines;
	assert_int_equal(lms_person_invalid(&p, today), LMS_PERSON_NAME);
	p.name = name;
	assert_int_equal(lms_person_invalid(&p, today), 0);
	p.phone = bad_phone;
	p.email = bad_email;
	assert_int_equal(lms_person_invalid(&p, today), LMS_PERSON_PHONE);
	p.phone = phone;
	assert_int_equal(lms_person_invalid(&p, today), LMS_PERSON_EMAIL);
	p.email = email;
	p.birth_year = 1899;
	assert_int_equal(lms_person_invalid(&p, today), LMS_PERSON_BIRTH_YEAR);
	p.birth_year = 2027;
	assert_false(lms_person_field_valid(&p, LMS_PERSON_BIRTH_YEAR, today));
	assert_true(lms_person_field_valid(&p, LMS_PERSON_BIRTH_YEAR,
					   lms_date_from_ymd(2027, 1, 1)));
	p.birth_year = 1900;
	assert_int_equal(lms_person_invalid(&p, today), 0);
	assert_false(lms_person_field_valid(&p, 0, today));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ids_are_random_and_well_formed),
		cmocka_unit_test(ids_avoid_those_in_use),
		cmocka_unit_test(a_pool_hands_out_distinct_free_ids),
		cmocka_unit_test(phone_numbers_compare_by_digits),
		cmocka_unit_test(the_register),
		cmocka_unit_test(contact_purposes),
		cmocka_unit_test(register_refusals),
		cmocka_unit_test(what_the_register_may_hold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
