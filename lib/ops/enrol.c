#include <string.h>

#include "csvin.h"
#include "enrol.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "roll.h"

/* Enrolment of a person or a sheet: see enrol.h for the order of the
 * writes. */

/* A course and its enrolments, loaded together and released together. */
struct course_files {
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_roll roll;
};

static int load_course_files(const struct lms_ops_io *io, const char *id,
			     struct course_files *cf)
{
	int err;

	if ((err = io->load_course(io->arg, id, &cf->c, NULL)))
		return err;
	if ((err = io->load_enrolments(io->arg, id, &cf->e))) {
		lms_course_release(&cf->c);
		return err;
	}
	lms_roll_init(&cf->roll, &cf->c, &cf->e);
	if (io->today)
		cf->roll.today = io->today;
	return 0;
}

static void release_course_files(struct course_files *cf)
{
	lms_roll_release(&cf->roll);
	lms_enrolments_release(&cf->e);
	lms_course_release(&cf->c);
}

/* Both people of the request are in the register. */
static int find_people(const struct lms_register *reg,
		       const struct lms_enrol_one *req,
		       const struct lms_person **p)
{
	if (!(*p = lms_register_find(reg, req->person)))
		return lms_error(LMS_ENOENT, _("no such person: '%s' (see lms "
					       "person add)"), req->person);
	if (req->relative_of && !lms_register_find(reg, req->relative_of))
		return lms_error(LMS_ENOENT, _("no such person: '%s'"),
				 req->relative_of);
	return 0;
}

static void describe(const struct lms_roll *roll, int status,
		     struct lms_enrol_result *out)
{
	out->status = status;
	out->enrolled = roll->enrolled;
	out->capacity = roll->course->capacity;
	out->waiting = 0;
	for (size_t i = 0; i < roll->e->n; i++)
		out->waiting += roll->e->v[i].status == LMS_WAITLISTED;
}

int lms_ops_enrol(const struct lms_ops_io *io, const struct lms_enrol_one *req,
		  struct lms_enrol_result *out)
{
	struct course_files cf;
	struct lms_register reg;
	struct lms_enrol_request r;
	const struct lms_person *p;
	int status, err;

	if ((err = load_course_files(io, req->course, &cf)))
		return err;
	if ((err = io->load_register(io->arg, &reg))) {
		release_course_files(&cf);
		return err;
	}
	if (!(err = find_people(&reg, req, &p))) {
		memset(&r, 0, sizeof(r));
		r.person = req->person;
		r.role = req->relative_of && !req->role ? LMS_RELATIVE :
			 req->role;
		r.referral = req->referral;
		r.requested = req->requested;
		r.municipality = p->municipality;
		r.relative_of = req->relative_of;
		r.force = req->force;
		err = lms_roll_enrol(&cf.roll, req->service, &r, &status);
	}
	if (!err && !(err = lms_ops_save_enrolments(io, cf.c.id, &cf.e)))
		describe(&cf.roll, status, out);
	lms_register_release(&reg);
	release_course_files(&cf);
	return err;
}

/* The rows of the sheet into reg and the roll, all decided in memory. */
static int enrol_rows(const struct lms_ops_io *io,
		      const struct lms_enrol_sheet *req, struct lms_csv *csv,
		      struct lms_register *reg, struct lms_roll *roll,
		      struct lms_batch *out)
{
	struct lms_id_pool ids = { NULL, 0, 0 };
	struct lms_batch_input in = {
		.path = req->path, .csv = csv, .service = req->service,
		.requested = req->requested, .force = req->force,
		.ids = &ids, .force_lines = req->force_lines,
		.nforce_lines = req->nforce_lines, .today = req->today
	};
	int err;

	/* Every row may be a new person. */
	if (!(err = lms_ops_free_ids(io, reg, csv->nrows, &ids)))
		err = lms_batch_enrol(&in, reg, roll, out);
	lms_id_pool_release(&ids);
	return err;
}

static int read_sheet(const char *path, struct lms_buf *text,
		      struct lms_csv *csv)
{
	int err;

	if ((err = lms_read_file(path, 64u << 20, text)))
		return err;
	return lms_csv_parse(csv, path, text->buf, text->len);
}

int lms_ops_enrol_sheet(const struct lms_ops_io *io,
			const struct lms_enrol_sheet *req,
			struct lms_batch *out)
{
	struct course_files cf;
	struct lms_register reg = { NULL, 0 };
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_csv csv;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = load_course_files(io, req->course, &cf)))
		return err;
	if ((err = read_sheet(req->path, &text, &csv)))
		goto out_text;
	if (!(err = io->load_register(io->arg, &reg)))
		err = enrol_rows(io, req, &csv, &reg, &cf.roll, out);
	if (!err && out->new_people)
		err = io->save_register(io->arg, &reg);
	if (!err)
		err = lms_ops_save_enrolments(io, cf.c.id, &cf.e);
	if (err)
		lms_batch_release(out);
	lms_register_release(&reg);
	lms_csv_release(&csv);
out_text:
	lms_buf_release(&text);
	release_course_files(&cf);
	return err;
}
