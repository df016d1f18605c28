#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

#include "alloc.h"
#include "date.h"
#include "enrol.h"
#include "i18n.h"
#include "opsio.h"
#include "register.h"

/*
 * lms enrol's and lms person add's operations against a fake store (as
 * in test_ops.c): a course's files and the register as texts in memory,
 * each save replacing one at once, as a tree written without a journal
 * would.  A save can be made to fail, to see what a crash between two
 * writes leaves, and that enrolling again repairs it.
 */

struct fake {
	struct lms_buf course, enrolments, reg;
	struct lms_buf log;		/* the saves, in order: "register enrolments " */
	int fail_at;			/* this save (from 1) fails; 0: none */
	int saves;
};

static struct fake f;
static struct lms_ops_io io;
static struct lms_service service;
static char sheet[64];			/* the path of a sign-up sheet */

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	struct fake *k = arg;

	(void)text;
	return lms_course_load(out, "course.yaml", k->course.buf, k->course.len,
			       id, NULL);
}

static int fake_load_enrolments(void *arg, const char *course,
				struct lms_enrolments *out)
{
	struct fake *k = arg;

	(void)course;
	return lms_enrolments_load(out, "enrolments.yaml", k->enrolments.buf,
				   k->enrolments.len);
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;

	(void)course;
	assert_int_equal(which, LMS_FILE_ENROLMENTS);
	if (++k->saves == k->fail_at)
		return lms_error(LMS_EIO, "disk full");
	lms_buf_adds(&k->log, "enrolments ");
	lms_buf_reset(&k->enrolments);
	lms_buf_add(&k->enrolments, text->buf, text->len);
	return 0;
}

static int fake_load_register(void *arg, struct lms_register *out)
{
	struct fake *k = arg;

	return lms_register_load(out, "participants.yaml", k->reg.buf,
				 k->reg.len);
}

static int fake_save_register(void *arg, const struct lms_register *r)
{
	struct fake *k = arg;

	if (++k->saves == k->fail_at)
		return lms_error(LMS_EIO, "disk full");
	lms_buf_adds(&k->log, "register ");
	lms_buf_reset(&k->reg);
	lms_register_emit(&k->reg, r);
	return 0;
}

/* The register's ids and the one course's. */
static void mark(struct lms_strset *ask, const char *id)
{
	if (lms_strset_has(ask, id))
		lms_strset_set(ask, id, ask);
}

static int fake_mark_used_ids(void *arg, const struct lms_register *r,
			      struct lms_strset *ask)
{
	struct lms_enrolments e;
	int err = fake_load_enrolments(arg, "kurs", &e);

	for (size_t i = 0; i < r->n; i++)
		mark(ask, r->v[i].id);
	for (size_t i = 0; !err && i < e.n; i++)
		mark(ask, e.v[i].person);
	if (!err)
		lms_enrolments_release(&e);
	return err;
}

static const char course_yaml[] =
	"id: kurs\ntitle: T\nstatus: open\ncapacity: 2\nwaitlist: true\n";

/* One of two places taken. */
static const char enrolments_yaml[] =
	"- person: p-aaaaaa\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-01\n";

static const char register_yaml[] =
	"- id: p-aaaaaa\n  name: Test Aaa\n  phone: \"900 00 001\"\n"
	"  municipality: \"1806\"\n"
	"- id: p-bbbbbb\n  name: Test Bbb\n  phone: \"900 00 002\"\n"
	"  municipality: \"1806\"\n"
	"- id: p-cccccc\n  name: Test Ccc\n  email: ccc@example.org\n"
	"- id: p-dddddd\n  name: Test Ddd\n  municipality: \"0301\"\n";

static int setup(void **state)
{
	const char *s = "name: S\nmunicipality: \"1806\"\n";

	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.course);
	lms_buf_init(&f.enrolments);
	lms_buf_init(&f.reg);
	lms_buf_init(&f.log);
	lms_buf_adds(&f.course, course_yaml);
	lms_buf_adds(&f.enrolments, enrolments_yaml);
	lms_buf_adds(&f.reg, register_yaml);
	memset(&io, 0, sizeof(io));
	io.arg = &f;
	io.load_course = fake_load_course;
	io.load_enrolments = fake_load_enrolments;
	io.save = fake_save;
	io.load_register = fake_load_register;
	io.save_register = fake_save_register;
	io.mark_used_ids = fake_mark_used_ids;
	assert_int_equal(lms_service_load(&service, "s", s, strlen(s)), 0);
	*sheet = '\0';
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	if (*sheet)
		unlink(sheet);
	lms_service_release(&service);
	lms_buf_release(&f.course);
	lms_buf_release(&f.enrolments);
	lms_buf_release(&f.reg);
	lms_buf_release(&f.log);
	lms_i18n_set(LMS_LANG_EN);
	return 0;
}

/* The status of a person in the fake's enrolments, or -1. */
static int status_of(const char *person)
{
	struct lms_enrolments e;
	struct lms_enrolment *r;
	int status;

	assert_int_equal(fake_load_enrolments(&f, "kurs", &e), 0);
	r = lms_enrolments_find(&e, person);
	status = r ? r->status : -1;
	lms_enrolments_release(&e);
	return status;
}

static size_t register_size(void)
{
	struct lms_register r;
	size_t n;

	assert_int_equal(fake_load_register(&f, &r), 0);
	n = r.n;
	lms_register_release(&r);
	return n;
}

static int enrol(const char *person, const char *relative_of,
		 struct lms_enrol_result *r)
{
	struct lms_enrol_one req = {
		.service = &service, .course = "kurs", .person = person,
		.relative_of = relative_of,
		.requested = lms_date_from_ymd(2026, 8, 20)
	};

	return lms_ops_enrol(&io, &req, r);
}

static void enrol_writes_enrolments_only(void **state)
{
	struct lms_enrol_result r;

	(void)state;
	assert_int_equal(enrol("p-bbbbbb", NULL, &r), 0);
	assert_string_equal(f.log.buf, "enrolments ");
	assert_int_equal(r.status, LMS_ENROLLED);
	assert_int_equal(r.enrolled, 2);
	assert_int_equal(r.capacity, 2);
	assert_int_equal(r.waiting, 0);
	assert_int_equal(status_of("p-bbbbbb"), LMS_ENROLLED);

	/* Full: the waiting list, and whom a relative supports. */
	assert_int_equal(enrol("p-cccccc", "p-aaaaaa", &r), 0);
	assert_int_equal(r.status, LMS_WAITLISTED);
	assert_int_equal(r.waiting, 1);
	assert_string_equal(strstr(f.enrolments.buf, "- person: p-cccccc\n"),
			    "- person: p-cccccc\n  role: relative\n"
			    "  status: waitlisted\n  requested: 2026-08-20\n"
			    "  relative_of: p-aaaaaa\n");
	assert_int_equal(f.saves, 2);
}

/* Every refusal comes before the write, and a failed write is the
 * operation's error: the files stay as they were. */
static void enrol_refused_or_failed_changes_nothing(void **state)
{
	static const struct {
		const char *person, *relative_of;
		int err;
		const char *msg;
	} refused[] = {
		{ "p-nobody", NULL, LMS_ENOENT,
		  "no such person: 'p-nobody' (see lms person add)" },
		{ "p-bbbbbb", "p-nobody", LMS_ENOENT,
		  "no such person: 'p-nobody'" },
		{ "p-aaaaaa", NULL, LMS_EREFUSED, NULL },
		{ "p-dddddd", NULL, LMS_EREFUSED, NULL },
		{ NULL, NULL, 0, NULL }
	};
	struct lms_enrol_result r;

	(void)state;
	for (int i = 0; refused[i].person; i++) {
		assert_int_equal(enrol(refused[i].person,
				       refused[i].relative_of, &r),
				 refused[i].err);
		if (refused[i].msg)
			assert_string_equal(lms_last_error()->msg,
					    refused[i].msg);
	}
	f.fail_at = 1;
	assert_int_equal(enrol("p-bbbbbb", NULL, &r), LMS_EIO);
	assert_string_equal(f.log.buf, "");
	assert_string_equal(f.enrolments.buf, enrolments_yaml);
	assert_string_equal(f.reg.buf, register_yaml);
}

static void write_sheet(const char *text)
{
	const char *dir = getenv("TMPDIR");
	FILE *out;
	int fd;

	if (*sheet)
		unlink(sheet);
	snprintf(sheet, sizeof(sheet), "%.40s/sheet-XXXXXX",
		 dir && *dir ? dir : "/tmp");
	assert_true((fd = mkstemp(sheet)) >= 0);
	assert_non_null(out = fdopen(fd, "w"));
	fputs(text, out);
	assert_int_equal(fclose(out), 0);
}

static int enrol_sheet(struct lms_batch *b)
{
	struct lms_enrol_sheet req = {
		.service = &service, .course = "kurs", .path = sheet,
		.requested = lms_date_from_ymd(2026, 8, 20),
		.today = lms_date_from_ymd(2026, 8, 25)
	};

	return lms_ops_enrol_sheet(&io, &req, b);
}

/* Known by phone, and new. */
static const char signups[] =
	"Navn;Mobil;E-post\n"
	"Test Bbb;+47 900 00 002;\n"
	"Test Ny;;ny@example.org\n";

static void sheet_writes_register_then_enrolments(void **state)
{
	struct lms_batch b;

	(void)state;
	write_sheet(signups);
	assert_int_equal(enrol_sheet(&b), 0);
	assert_string_equal(f.log.buf, "register enrolments ");
	assert_int_equal(b.n, 2);
	assert_int_equal(b.new_people, 1);
	assert_string_equal(b.rows[0].person, "p-bbbbbb");
	assert_false(b.rows[0].is_new);
	assert_true(b.rows[1].is_new);
	assert_int_equal(b.rows[1].status, LMS_WAITLISTED);
	assert_int_equal(register_size(), 5);
	assert_int_equal(status_of(b.rows[1].person), LMS_WAITLISTED);
	lms_batch_release(&b);
}

/* Nobody new: the register is not written. */
static void sheet_of_known_people_writes_enrolments(void **state)
{
	struct lms_batch b;

	(void)state;
	write_sheet("name,email\nTest Ccc,CCC@example.org\n");
	assert_int_equal(enrol_sheet(&b), 0);
	assert_string_equal(f.log.buf, "enrolments ");
	assert_int_equal(status_of("p-cccccc"), LMS_ENROLLED);
	assert_string_equal(f.reg.buf, register_yaml);
	lms_batch_release(&b);
}

/* A bad row, a row from outside the service, a missing sheet or course:
 * nothing is written, and out holds nothing. */
static void sheet_refused_changes_nothing(void **state)
{
	struct lms_batch b;

	(void)state;
	write_sheet("name,phone\nTest Ny,900 00 009\nTest To,12\n");
	assert_int_equal(enrol_sheet(&b), LMS_EDATA);
	assert_int_equal(lms_last_error()->line, 3);
	assert_null(b.rows);
	write_sheet("name,municipality\nTest Ny,0301\n");
	assert_int_equal(enrol_sheet(&b), LMS_EREFUSED);
	unlink(sheet);
	assert_int_equal(enrol_sheet(&b), LMS_ENOENT);
	write_sheet(signups);
	lms_buf_reset(&f.course);
	lms_buf_adds(&f.course, "id: kurs\ntitle: T\nstatus: cancelled\n");
	assert_int_equal(enrol_sheet(&b), LMS_EREFUSED);
	assert_int_equal(f.saves, 0);
	assert_string_equal(f.enrolments.buf, enrolments_yaml);
	assert_string_equal(f.reg.buf, register_yaml);
}

/*
 * Stopped before the first write, nothing changed; between the two, the
 * new person is registered and on no course, and the same sheet again
 * finds them by their e-mail address and enrols them, registering no one
 * twice.
 */
static void sheet_stopped_between_writes_is_repaired(void **state)
{
	struct lms_batch b;

	(void)state;
	write_sheet(signups);
	f.fail_at = 1;
	assert_int_equal(enrol_sheet(&b), LMS_EIO);
	assert_null(b.rows);
	assert_string_equal(f.reg.buf, register_yaml);
	assert_string_equal(f.enrolments.buf, enrolments_yaml);

	f.saves = 0;
	f.fail_at = 2;
	assert_int_equal(enrol_sheet(&b), LMS_EIO);
	assert_string_equal(f.log.buf, "register ");
	assert_int_equal(register_size(), 5);
	assert_string_equal(f.enrolments.buf, enrolments_yaml);

	f.fail_at = 0;
	assert_int_equal(enrol_sheet(&b), 0);
	assert_string_equal(f.log.buf, "register enrolments ");
	assert_int_equal(b.new_people, 0);
	assert_int_equal(register_size(), 5);
	assert_int_equal(status_of(b.rows[1].person), LMS_WAITLISTED);
	lms_batch_release(&b);
}

/* A person registered: one write, of the register. */
static void person_add_writes_the_register(void **state)
{
	char name[] = "Test Ny", email[] = "ny@example.org";
	char id[LMS_PERSON_ID_LEN + 1];
	struct lms_register r;
	struct lms_person p;

	(void)state;
	lms_schema_init(&lms_person_schema, &p);
	p.name = name;
	p.email = email;
	p.consent = lms_date_from_ymd(2026, 8, 25);
	assert_int_equal(lms_ops_person_add(&io, &p, p.consent, id), 0);
	assert_string_equal(f.log.buf, "register ");
	assert_int_equal(fake_load_register(&f, &r), 0);
	assert_int_equal(r.n, 5);
	assert_string_equal(r.v[4].id, id);
	assert_string_equal(r.v[4].name, "Test Ny");
	assert_string_equal(r.v[4].email, "ny@example.org");
	assert_int_equal(r.v[4].consent, p.consent);
	lms_register_release(&r);
}

static void person_add_refusals_change_nothing(void **state)
{
	char name[] = "Test Ny", phone[] = "+47 900 00 002", bad[] = "x@";
	char id[LMS_PERSON_ID_LEN + 1];
	int32_t today = lms_date_from_ymd(2026, 8, 25);
	struct lms_person p;

	(void)state;
	lms_schema_init(&lms_person_schema, &p);
	p.name = name;
	p.phone = phone;
	assert_int_equal(lms_ops_person_add(&io, &p, today, id), LMS_EREFUSED);
	assert_string_equal(lms_last_error()->msg, "p-bbbbbb has that phone "
			    "number or e-mail address already");
	p.phone = NULL;
	p.email = bad;
	assert_int_equal(lms_ops_person_add(&io, &p, today, id), LMS_EIO);
	p.email = NULL;
	f.fail_at = 1;
	assert_int_equal(lms_ops_person_add(&io, &p, today, id), LMS_EIO);
	assert_int_equal(f.saves, 1);
	assert_string_equal(f.log.buf, "");
	assert_string_equal(f.reg.buf, register_yaml);
}

/* A tree that uses every id asked of it the first `busy` times. */
static int busy, asked;

static int busy_tree(void *arg, const struct lms_register *r,
		     struct lms_strset *ask)
{
	(void)arg;
	(void)r;
	if (asked++ < busy)
		for (size_t i = 0; i < ask->cap; i++)
			if (ask->slots[i].key)
				ask->slots[i].value = ask;
	return 0;
}

static void free_ids_are_drawn_again_when_in_use(void **state)
{
	struct lms_register r = { NULL, 0 };
	struct lms_id_pool pool = { NULL, 0, 0 };

	(void)state;
	io.mark_used_ids = busy_tree;
	busy = 2;
	asked = 0;
	assert_int_equal(lms_ops_free_ids(&io, &r, 3, &pool), 0);
	assert_int_equal(asked, 3);
	assert_true(lms_id_pool_left(&pool) >= 3);
	lms_id_pool_release(&pool);
	busy = 100;
	asked = 0;
	assert_int_equal(lms_ops_free_ids(&io, &r, 3, &pool), LMS_EIO);
	assert_int_equal(asked, 8);
	lms_id_pool_release(&pool);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(enrol_writes_enrolments_only, setup, teardown),
		cmocka_unit_test_setup_teardown(free_ids_are_drawn_again_when_in_use, setup, teardown),
		cmocka_unit_test_setup_teardown(enrol_refused_or_failed_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(sheet_writes_register_then_enrolments, setup, teardown),
		cmocka_unit_test_setup_teardown(sheet_of_known_people_writes_enrolments, setup, teardown),
		cmocka_unit_test_setup_teardown(sheet_refused_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(sheet_stopped_between_writes_is_repaired, setup, teardown),
		cmocka_unit_test_setup_teardown(person_add_writes_the_register, setup, teardown),
		cmocka_unit_test_setup_teardown(person_add_refusals_change_nothing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
