#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "csvin.h"
#include "date.h"
#include "error.h"
#include "evaluation.h"
#include "form.h"
#include "id.h"
#include "respond.h"
#include "skel.h"
#include "utf8.h"
#include "common.h"

/*
 * evaluate --csv: a survey tool's sheet of responses to the form
 * kursevaluering of `lms init`, on a course with three people.  The
 * import itself lives in cmd/evaluate.c; this follows its steps with the
 * library's parts (columns by item id or text, a person column, answers
 * read as the form wants them, the rules of a response) and checks that
 * what it accepts is written and read back unchanged.
 */
static const char enrolments_text[] =
	"- person: p-test01\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-01\n"
	"- person: p-test02\n  role: participant\n  status: completed\n"
	"  requested: 2026-08-02\n"
	"- person: p-test03\n  role: participant\n  status: waitlisted\n"
	"  requested: 2026-08-03\n";

struct survey {
	struct lms_form form;
	struct lms_course course;
	struct lms_enrolments enrolments;
	struct lms_evaluations done;
	const char **item;	/* per column: the item it answers */
	int person;		/* the column of person ids, or -1 */
};

static const char *skel_text(const char *path)
{
	for (const struct lms_skel *s = lms_skel_files; s->path; s++)
		if (!strcmp(s->path, path))
			return s->text;
	fuzz_fail("no %s in the skeleton", path);
}

static void survey_init(struct survey *s)
{
	static char id[] = "kurs", form[] = "kursevaluering";
	static char *forms[] = { form };
	const char *text = skel_text("forms/kursevaluering.yaml");

	memset(s, 0, sizeof(*s));
	if (lms_form_load(&s->form, "kursevaluering.yaml", text, strlen(text),
			  NULL, NULL) ||
	    lms_enrolments_load(&s->enrolments, "enrolments.yaml",
				enrolments_text, strlen(enrolments_text)))
		fuzz_fail("the harness's own files do not load");
	lms_schema_init(&lms_course_schema, &s->course);
	s->course.id = id;
	s->course.forms = forms;
	s->course.nforms = 1;
}

static void survey_release(struct survey *s)
{
	lms_form_release(&s->form);
	lms_enrolments_release(&s->enrolments);
	lms_evaluations_release(&s->done);
	free(s->item);
}

/* Columns named by an item's id or text; two for one item is an error. */
static bool map_columns(struct survey *s, const struct lms_csv *csv)
{
	size_t mapped = 0;

	s->item = lms_calloc(csv->ncols, sizeof(*s->item));
	s->person = lms_csv_column(csv, "person");
	for (size_t i = 0; i < csv->ncols; i++) {
		for (size_t j = 0; !s->item[i] && j < s->form.nitems; j++)
			if (!lms_utf8_casecmp(csv->header[i], s->form.items[j].id) ||
			    !lms_utf8_casecmp(csv->header[i], s->form.items[j].text))
				s->item[i] = s->form.items[j].id;
		for (size_t j = 0; s->item[i] && j < i; j++)
			if (s->item[j] && !strcmp(s->item[i], s->item[j]))
				return false;
		mapped += s->item[i] != NULL;
	}
	return mapped > 0;
}

static void trim(char *s)
{
	size_t lead = strspn(s, " \t\r\n"), len = strlen(s + lead);

	memmove(s, s + lead, len + 1);
	while (len && strchr(" \t\r\n", s[len - 1]))
		s[--len] = '\0';
}

/* One row as a response; false if the import would stop there. */
static bool row_response(struct survey *s, const struct lms_csv *csv,
			 const struct lms_csv_row *row, int phase)
{
	const char *person = s->person >= 0 && *row->cells[s->person] ?
			     row->cells[s->person] : NULL;
	struct lms_buf why = LMS_BUF_INIT;
	struct lms_evaluations before;
	struct lms_respond r = { &s->course, &s->form, &s->enrolments, &before };
	struct lms_evaluation *e;
	bool ok = true;

	if (person && !lms_id_valid(person))
		return false;
	e = lms_array_push(&s->done.v, &s->done.n, sizeof(*e));
	lms_schema_init(&lms_evaluation_schema, e);
	e->form = lms_strdup(s->form.id);
	e->phase = phase;
	e->session = phase == LMS_SESSION ? lms_date_from_ymd(2026, 9, 17) :
		     LMS_DATE_NONE;
	e->person = person ? lms_strdup(person) : NULL;
	e->date = lms_date_from_ymd(2026, 9, 17);
	for (size_t i = 0; i < csv->ncols && ok; i++) {
		const char *text;
		int value = 0;

		trim(row->cells[i]);
		if (!s->item[i] || !*row->cells[i])
			continue;
		ok = !lms_answer_read(&s->form, s->item[i], row->cells[i],
				      &value, &text, &why);
		if (ok)
			lms_answer_add(e, s->item[i], value, text);
	}
	lms_buf_release(&why);
	if (ok && !e->answers.n) {
		lms_schema_release(&lms_evaluation_schema, e);
		s->done.n--;
		return true;
	}
	/* The rules see the responses before this one. */
	before.v = s->done.v;
	before.n = s->done.n - 1;
	return ok && !lms_respond_check(&r, e);
}

static void reread(const struct survey *s)
{
	struct lms_buf text = LMS_BUF_INIT, where = LMS_BUF_INIT;
	struct lms_evaluations e;

	lms_evaluations_emit(&text, &s->done);
	if (lms_evaluations_load(&e, "evaluations.yaml", text.buf, text.len)) {
		fuzz_show("evaluations.yaml", text.buf, text.len);
		fuzz_fail("the responses imported do not read");
	}
	if (!fuzz_equal_list(&lms_evaluation_schema, s->done.v, s->done.n,
			     e.v, e.n, &where)) {
		fuzz_show("evaluations.yaml", text.buf, text.len);
		fuzz_fail("the responses read back changed: %s", where.buf);
	}
	lms_evaluations_release(&e);
	lms_buf_release(&text);
	lms_buf_release(&where);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char path[] = "survey.csv";
	char *text = fuzz_text(data, size);
	int phase = size ? 1 + data[size - 1] % 3 : LMS_POST;
	struct survey s;
	struct lms_csv csv;
	bool ok;

	if (lms_csv_parse(&csv, path, text, size)) {
		free(text);
		return 0;
	}
	survey_init(&s);
	ok = map_columns(&s, &csv);
	for (size_t r = 0; r < csv.nrows && ok; r++)
		ok = row_response(&s, &csv, &csv.rows[r], phase);
	if (ok)
		reread(&s);
	survey_release(&s);
	lms_csv_release(&csv);
	free(text);
	return 0;
}
