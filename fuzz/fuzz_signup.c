#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "course.h"
#include "date.h"
#include "roll.h"
#include "error.h"
#include "person.h"
#include "service.h"
#include "common.h"

/* A service, a course with few places, and a register of three
 * fictional people, for the sheet to meet. */
static const char service_text[] =
	"name: Testkommune\nmunicipality: \"9999\"\npartners: [\"9998\"]\n";
static const char register_text[] =
	"- id: p-test01\n  name: Deltaker En\n  phone: \"900 00 001\"\n"
	"  municipality: \"9999\"\n"
	"- id: p-test02\n  name: Deltaker To\n  email: to@example.org\n"
	"- id: p-test03\n  name: Deltaker Tre\n  municipality: \"9998\"\n";
static const char enrolments_text[] =
	"- person: p-test03\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-01\n";

struct world {
	struct lms_service service;
	struct lms_course course;
	struct lms_register reg;
	struct lms_enrolments e;
	struct lms_id_pool ids;
};

static void world_init(struct world *w)
{
	static char id[] = "kurs";

	if (lms_service_load(&w->service, "lms.yaml", service_text,
			     strlen(service_text)) ||
	    lms_register_load(&w->reg, "participants.yaml", register_text,
			      strlen(register_text)) ||
	    lms_enrolments_load(&w->e, "enrolments.yaml", enrolments_text,
				strlen(enrolments_text)))
		fuzz_fail("the harness's own files do not load");
	lms_schema_init(&lms_course_schema, &w->course);
	w->course.id = id;
	w->course.status = LMS_COURSE_OPEN;
	w->course.capacity = 3;
	w->course.waitlist = 1;
	memset(&w->ids, 0, sizeof(w->ids));
}

static void world_release(struct world *w)
{
	w->course.id = NULL;
	lms_service_release(&w->service);
	lms_register_release(&w->reg);
	lms_enrolments_release(&w->e);
	lms_id_pool_release(&w->ids);
}

/* What the batch wrote is what lms will read next time. */
static void reread(const struct world *w)
{
	struct lms_buf text = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_register reg;
	struct lms_enrolments e;

	lms_register_emit(&text, &w->reg);
	if (lms_register_load(&reg, "participants.yaml", text.buf, text.len)) {
		fuzz_show("participants.yaml", text.buf, text.len);
		fuzz_fail("the register that the sheet made does not read");
	}
	if (!fuzz_equal_list(&lms_person_schema, w->reg.v, w->reg.n, reg.v,
			     reg.n, &where)) {
		fuzz_show("participants.yaml", text.buf, text.len);
		fuzz_fail("the register reads back changed: %s", where.buf);
	}
	lms_buf_reset(&text);
	lms_enrolments_emit(&text, &w->e);
	if (lms_enrolments_load(&e, "enrolments.yaml", text.buf, text.len)) {
		fuzz_show("enrolments.yaml", text.buf, text.len);
		fuzz_fail("the enrolments that the sheet made do not read");
	}
	if (!fuzz_equal_list(&lms_enrolment_schema, w->e.v, w->e.n, e.v, e.n,
			     &where))
		fuzz_fail("the enrolments read back changed: %s", where.buf);
	lms_register_release(&reg);
	lms_enrolments_release(&e);
	lms_buf_release(&text);
	lms_buf_release(&where);
}

static void check_batch(const struct world *w, const struct lms_batch *b,
			size_t nrows, size_t people)
{
	size_t enrolled = 0, fresh = 0;

	/* A row whose consent column says no is left out, and counted. */
	if (b->n + b->left_out != nrows)
		fuzz_fail("%zu rows, %zu enrolled or waitlisted, %zu left out",
			  nrows, b->n, b->left_out);
	for (size_t i = 0; i < b->n; i++) {
		const struct lms_enrolment *r = lms_enrolments_find(&w->e,
							b->rows[i].person);

		fresh += b->rows[i].is_new;
		if (!lms_register_find(&w->reg, b->rows[i].person) || !r ||
		    r->status != b->rows[i].status)
			fuzz_fail("row at line %u: %s is not on the course as "
				  "the batch says", b->rows[i].line,
				  b->rows[i].person);
	}
	if (fresh != b->new_people || w->reg.n != people + fresh)
		fuzz_fail("%zu new people, %zu said, %zu in the register "
			  "before and %zu after", fresh, b->new_people, people,
			  w->reg.n);
	for (size_t i = 0; i < w->e.n; i++)
		enrolled += w->e.v[i].status == LMS_ENROLLED;
	if (enrolled > (size_t)w->course.capacity)
		fuzz_fail("%zu enrolled on %d places", enrolled,
			  w->course.capacity);
}

/* enrol --csv: a sign-up sheet, all rows or none. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "sheet.csv";
	char *text = fuzz_text(data, size);
	struct lms_batch_input in;
	struct lms_batch batch;
	struct lms_roll roll;
	struct lms_csv csv;
	struct world w;
	size_t people;
	int err;

	if ((err = lms_csv_parse(&csv, path, text, size))) {
		free(text);
		return 0;
	}
	world_init(&w);
	people = w.reg.n;
	lms_roll_init(&roll, &w.course, &w.e);
	memset(&in, 0, sizeof(in));
	in.path = path;
	in.csv = &csv;
	in.service = &w.service;
	in.requested = lms_date_from_ymd(2026, 8, 24);
	in.force = size && data[0] == 'F';
	in.ids = &w.ids;
	if (lms_id_pool_draw(&w.ids, csv.nrows))
		fuzz_fail("no ids could be drawn");
	err = lms_batch_enrol(&in, &w.reg, &roll, &batch);
	if (err && err != LMS_EDATA && err != LMS_EREFUSED)
		fuzz_fail("the sheet failed with %d", err);
	if (err && strcmp(lms_last_error()->path, path))
		fuzz_fail("the error does not name the sheet");
	if (!err) {
		check_batch(&w, &batch, csv.nrows, people);
		reread(&w);
		lms_batch_release(&batch);
	}
	lms_roll_release(&roll);
	world_release(&w);
	lms_csv_release(&csv);
	free(text);
	return 0;
}
