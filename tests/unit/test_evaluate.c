#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

#include "alloc.h"
#include "date.h"
#include "evaluate.h"

/*
 * lms evaluate against a fake store: a course's files as texts in
 * memory, evaluations.yaml replaced by each save.  Screening for personal
 * data is the command's; the fake refuses text with an '@' in it, or
 * replaces the '@' when asked to redact.
 */

struct fake {
	struct lms_buf evaluations, log;	/* log: what was screened, left out */
	struct lms_buf own;		/* facilitator-evaluations.yaml */
	int saves;
	bool fail_save;
};

static struct fake f;
static struct lms_ops_io io;
static char csv_path[64];

static const char course_yaml[] =
	"id: kurs\ntitle: T\nstatus: open\nforms: [f]\n"
	"sessions:\n  - {date: 2026-09-07}\n  - {date: 2026-09-10}\n";
static const char other_yaml[] = "id: annet\ntitle: T\nstatus: open\n";
static const char led_yaml[] =
	"id: ledet\ntitle: T\nstatus: open\nfacilitators:\n"
	"  - {id: ur, phases: [plan, deliver]}\n  - {id: pro}\n";
static const char facilitators_yaml[] =
	"- {id: ur, name: Test Bruker, kind: user-representative}\n"
	"- {id: pro, name: Test Fag, kind: professional}\n"
	"- {id: ur2, name: Test Bruker To, kind: user-representative}\n";

static const char form_yaml[] =
	"id: f\ntitle: T\nscale: {min: 1, max: 4, labels: [Nei, Litt, Ganske, "
	"Ja]}\nitems:\n  - {id: a, text: Spørsmål a}\n"
	"  - {id: b, text: Spørsmål b}\n  - {id: c, text: Fritt, type: text}\n";

static const char enrolments_yaml[] =
	"- person: p-aaaaaa\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-01\n"
	"- person: p-bbbbbb\n  role: participant\n  status: enrolled\n"
	"  requested: 2026-08-02\n";

static const char register_yaml[] =
	"- id: p-aaaaaa\n  name: Test Aaa\n  consent: 2026-08-01\n"
	"- id: p-bbbbbb\n  name: Test Bbb\n  consent: 2026-08-01\n"
	"- id: p-cccccc\n  name: Test Ccc\n  consent: 2026-08-01\n";

static int fake_load_course(void *arg, const char *id, struct lms_course *out,
			    struct lms_buf *text)
{
	const char *yaml = !strcmp(id, "kurs") ? course_yaml :
			   !strcmp(id, "ledet") ? led_yaml : other_yaml;

	(void)arg;
	(void)text;
	return lms_course_load(out, "course.yaml", yaml, strlen(yaml), id, NULL);
}

static int fake_load_form(void *arg, const char *id, struct lms_form *out)
{
	(void)arg;
	return lms_form_load(out, "f.yaml", form_yaml, strlen(form_yaml), id,
			     NULL);
}

static int fake_load_enrolments(void *arg, const char *course,
				struct lms_enrolments *out)
{
	(void)arg;
	(void)course;
	return lms_enrolments_load(out, "enrolments.yaml", enrolments_yaml,
				   strlen(enrolments_yaml));
}

static int fake_load_evaluations(void *arg, const char *course,
				 struct lms_evaluations *out)
{
	struct fake *k = arg;

	(void)course;
	return lms_evaluations_load(out, "evaluations.yaml", k->evaluations.buf,
				    k->evaluations.len);
}

static int fake_load_register(void *arg, struct lms_register *out)
{
	(void)arg;
	return lms_register_load(out, "participants.yaml", register_yaml,
				 strlen(register_yaml));
}

static int fake_load_facilitators(void *arg, struct lms_facilitator **out,
				  size_t *n)
{
	(void)arg;
	return lms_facilitators_load(out, n, "facilitators.yaml",
				     facilitators_yaml,
				     strlen(facilitators_yaml), NULL);
}

static int fake_load_text(void *arg, enum lms_file which, const char *course,
			  struct lms_buf *out)
{
	struct fake *k = arg;

	assert_int_equal(which, LMS_FILE_FACILITATOR_EVALUATIONS);
	assert_string_equal(course, "ledet");
	if (!k->own.len)
		return lms_error(LMS_ENOENT, "no file");
	lms_buf_add(out, k->own.buf, k->own.len);
	return 0;
}

static char *fake_path(void *arg, enum lms_file which, const char *course)
{
	(void)arg;
	return lms_file_rel(which, course);
}

static int fake_save(void *arg, enum lms_file which, const char *course,
		     const struct lms_buf *text)
{
	struct fake *k = arg;

	if (which == LMS_FILE_FACILITATOR_EVALUATIONS) {
		assert_string_equal(course, "ledet");
		lms_buf_reset(&k->own);
		lms_buf_add(&k->own, text->buf, text->len);
		return 0;
	}
	assert_int_equal(which, LMS_FILE_EVALUATIONS);
	assert_string_equal(course, "kurs");
	if (k->fail_save)
		return lms_error(LMS_EIO, "disk full");
	k->saves++;
	lms_buf_reset(&k->evaluations);
	lms_buf_add(&k->evaluations, text->buf, text->len);
	return 0;
}

static int screen(const char *path, unsigned line, const char *what,
		  const char *text, char **redacted, void *arg)
{
	struct fake *k = arg;
	char *at = strchr(text, '@');

	lms_buf_addf(&k->log, "screen %s:%u %s; ", path ? path : "-", line,
		     what);
	if (redacted) {
		*redacted = at ? lms_strdup(text) : NULL;
		if (at)
			(*redacted)[at - text] = '_';
		return 0;
	}
	return at ? lms_error(LMS_EDATA, "%s: an e-mail address", what) : 0;
}

static void left_out(const char *path, const char *header, void *arg)
{
	struct fake *k = arg;

	(void)path;
	lms_buf_addf(&k->log, "left out %s; ", header);
}

static int setup(void **state)
{
	(void)state;
	memset(&f, 0, sizeof(f));
	lms_buf_init(&f.evaluations);
	lms_buf_init(&f.log);
	lms_buf_init(&f.own);
	memset(&io, 0, sizeof(io));
	io.load_facilitators = fake_load_facilitators;
	io.load_text = fake_load_text;
	io.path = fake_path;
	io.arg = &f;
	io.load_course = fake_load_course;
	io.load_form = fake_load_form;
	io.load_enrolments = fake_load_enrolments;
	io.load_evaluations = fake_load_evaluations;
	io.load_register = fake_load_register;
	io.save = fake_save;
	snprintf(csv_path, sizeof(csv_path), "/tmp/lms-test-eval-XXXXXX");
	assert_int_not_equal(mkstemp(csv_path), -1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&f.evaluations);
	lms_buf_release(&f.log);
	lms_buf_release(&f.own);
	unlink(csv_path);
	return 0;
}

static struct lms_evaluate_request request(char **answers, size_t n)
{
	return (struct lms_evaluate_request){
		.course = "kurs", .form = "f", .phase = LMS_PRE,
		.date = lms_date_from_ymd(2026, 9, 7), .answers = answers,
		.nanswers = n, .screen = screen, .left_out = left_out,
		.arg = &f
	};
}

static int evaluate(const struct lms_evaluate_request *req,
		    struct lms_evaluate_result *r)
{
	return lms_ops_evaluate(&io, req, r);
}

/* A named response and an anonymous one, answers read on the form's
 * scale (a label too), ITEM= left unanswered, text screened. */
static void answers(void **state)
{
	char *named[] = { (char *)"a=3", (char *)"b=ja", (char *)"c=Fint" };
	char *anon[] = { (char *)"a=1", (char *)"b=" };
	struct lms_evaluate_request req = request(named, 3);
	struct lms_evaluate_result r;

	(void)state;
	req.person = "p-aaaaaa";
	assert_int_equal(evaluate(&req, &r), 0);
	assert_int_equal(r.named, 1);
	assert_int_equal(r.anonymous, 0);
	req = request(anon, 2);
	req.phase = LMS_SESSION;
	req.session = "2";
	assert_int_equal(evaluate(&req, &r), 0);
	assert_int_equal(r.anonymous, 1);
	assert_string_equal(f.evaluations.buf,
			    "- form: f\n  phase: pre\n  person: p-aaaaaa\n"
			    "  date: 2026-09-07\n"
			    "  answers: {a: 3, b: 4, c: Fint}\n"
			    "- form: f\n  phase: session\n  session: 2026-09-10\n"
			    "  date: 2026-09-07\n  answers: {a: 1}\n");
	assert_string_equal(f.log.buf, "screen -:0 c; ");
	assert_int_equal(f.saves, 2);
}

/*
 * A user representative's own response goes apart, and names no one;
 * only a user representative of the course answers, on the form's scale.
 */
static void facilitators_answer_apart(void **state)
{
	char *ok[] = { (char *)"a=3", (char *)"c=Godt samarbeid" };
	char *off[] = { (char *)"a=7" }, *none[] = { (char *)"b=" };
	char *mail[] = { (char *)"c=x@y" };
	struct lms_evaluate_facilitator req = {
		.course = "ledet", .facilitator = "ur", .form = "f",
		.phase = 2, .date = lms_date_from_ymd(2026, 9, 7),
		.answers = ok, .nanswers = 2, .screen = screen, .arg = &f
	};

	(void)state;
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req), 0);
	req.phase = 1;
	req.nanswers = 1;
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req), 0);
	assert_string_equal(f.own.buf,
			    "- form: f\n  phase: deliver\n  date: 2026-09-07\n"
			    "  answers: {a: 3, c: Godt samarbeid}\n"
			    "- form: f\n  phase: plan\n  date: 2026-09-07\n"
			    "  answers: {a: 3}\n");
	/* The participants' file is not touched. */
	assert_int_equal(f.saves, 0);
	req.facilitator = "pro";
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req),
			 LMS_EREFUSED);
	req.facilitator = "ur2";
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req),
			 LMS_EREFUSED);
	req.facilitator = "nobody";
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req), LMS_ENOENT);
	req.facilitator = "ur";
	req.answers = off;
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req), LMS_EUSAGE);
	req.answers = none;
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req), LMS_EUSAGE);
	req.answers = mail;
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req), LMS_EDATA);
	req.redact = true;
	assert_int_equal(lms_ops_evaluate_facilitator(&io, &req), 0);
	assert_non_null(strstr(f.own.buf, "c: x_y"));
	assert_null(strstr(f.own.buf, "ur"));
}

/* Refusals, each before anything is written. */
static void refusals(void **state)
{
	char *ok[] = { (char *)"a=3" }, *noeq[] = { (char *)"a" };
	char *twice[] = { (char *)"a=1", (char *)"a=2" };
	char *off[] = { (char *)"a=5" }, *mail[] = { (char *)"c=x@y" };
	struct lms_evaluate_request req = request(ok, 1);
	struct lms_evaluate_result r;

	(void)state;
	req.person = "p-zzzzzz";
	assert_error(evaluate(&req, &r), LMS_ENOENT, 0, 0,
		     "no such person: 'p-zzzzzz'");
	req.person = "p-cccccc";	/* in the register, not on the course */
	assert_int_not_equal(evaluate(&req, &r), 0);
	req = request(ok, 1);
	req.course = "annet";
	assert_int_equal(evaluate(&req, &r), LMS_EREFUSED);
	req = request(ok, 1);
	req.phase = LMS_SESSION;
	req.session = "9";
	assert_int_not_equal(evaluate(&req, &r), 0);
	req = request(noeq, 1);
	assert_error(evaluate(&req, &r), LMS_EUSAGE, 0, 0,
		     "'a' is not ITEM=VALUE");
	req = request(twice, 2);
	assert_error(evaluate(&req, &r), LMS_EUSAGE, 0, 0,
		     "a is answered twice");
	req = request(off, 1);
	assert_int_equal(evaluate(&req, &r), LMS_EUSAGE);
	req = request(mail, 1);
	assert_error(evaluate(&req, &r), LMS_EDATA, 0, 0,
		     "c: an e-mail address");
	/* The same person's pre twice. */
	req = request(ok, 1);
	req.person = "p-aaaaaa";
	assert_int_equal(evaluate(&req, &r), 0);
	assert_int_not_equal(evaluate(&req, &r), 0);
	assert_int_equal(f.saves, 1);
	f.fail_save = true;
	req.person = "p-bbbbbb";
	assert_error(evaluate(&req, &r), LMS_EIO, 0, 0, "disk full");
}

static void redact(void **state)
{
	char *mail[] = { (char *)"c=x@y" };
	struct lms_evaluate_request req = request(mail, 1);
	struct lms_evaluate_result r;

	(void)state;
	req.redact = true;
	assert_int_equal(evaluate(&req, &r), 0);
	assert_non_null(strstr(f.evaluations.buf, "answers: {c: x_y}"));
}

static void write_csv(const char *text)
{
	FILE *fp = fopen(csv_path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* A sheet: persons as typed, timestamps' dates, a row without answers
 * skipped, cells trimmed; imported again, nothing new and no write. */
static void import(void **state)
{
	struct lms_evaluate_request req = request(NULL, 0);
	struct lms_evaluate_result r;

	(void)state;
	write_csv("ID,Tidsmerke,Deltakernummer,Spørsmål a,b,Fritt\n"
		  "1,17.09.2026 10:00,P-AAAAAA, 3 ,Ja,\n"
		  "2,17.09.2026 10:05,,,,\n"
		  "3,,,2,2,Bra @ meg\n"
		  "4,,,2,2,Bra @ meg\n");
	req.csv = csv_path;
	req.redact = true;
	assert_int_equal(evaluate(&req, &r), 0);
	assert_int_equal(r.named, 1);
	assert_int_equal(r.anonymous, 2);
	assert_int_equal(r.again, 0);
	assert_non_null(strstr(f.log.buf, "left out ID; "));
	assert_non_null(strstr(f.log.buf, "screen /tmp/"));
	assert_non_null(strstr(f.log.buf, ":4 column 'Fritt'; "));
	assert_non_null(strstr(f.evaluations.buf,
			       "  person: p-aaaaaa\n  date: 2026-09-17\n"
			       "  answers: {a: 3, b: 4}\n  digest: \""));
	assert_non_null(strstr(f.evaluations.buf, "c: Bra _ meg"));
	assert_int_equal(f.saves, 1);
	assert_int_equal(evaluate(&req, &r), 0);
	assert_int_equal(r.named + r.anonymous, 0);
	assert_int_equal(r.again, 3);
	assert_int_equal(f.saves, 1);
	/* The same sheet as another phase's. */
	req.phase = LMS_POST;
	assert_int_equal(evaluate(&req, &r), LMS_EREFUSED);
	assert_int_equal(lms_last_error()->line, 2);
	assert_int_equal(f.saves, 1);
}

static void import_refused(void **state)
{
	struct lms_evaluate_request req = request(NULL, 0);
	struct lms_evaluate_result r;

	(void)state;
	req.csv = csv_path;
	write_csv("a,b\n,\n");
	assert_error(evaluate(&req, &r), LMS_EDATA, 0, 0,
		     "no row holds an answer: nothing to import");
	write_csv("Deltakernummer,a\np-cccccc,1\n");
	assert_error(evaluate(&req, &r), LMS_EDATA, 2, 0,
		     "column 'Deltakernummer': 'p-cccccc' is not a person on "
		     "course 'kurs' (use the ids of lms roster, such as "
		     "p-7k3q9x)");
	write_csv("Tidsmerke,a\nmorgen,1\n");
	assert_error(evaluate(&req, &r), LMS_EDATA, 2, 0,
		     "column 'Tidsmerke': 'morgen' is not a date and time "
		     "(such as 2026-09-17 10:12 or 17.09.2026 kl. 10.12)");
	write_csv("a\n9\n");
	assert_int_equal(evaluate(&req, &r), LMS_EDATA);
	assert_int_equal(lms_last_error()->line, 2);
	write_csv("c\nx@y\n");
	assert_int_equal(evaluate(&req, &r), LMS_EDATA);
	/* A rule of the whole response, placed at its row. */
	write_csv("person,a\np-aaaaaa,1\np-aaaaaa,2\n");
	assert_int_not_equal(evaluate(&req, &r), 0);
	assert_int_equal(lms_last_error()->line, 3);
	unlink(csv_path);
	assert_int_equal(evaluate(&req, &r), LMS_ENOENT);
	assert_int_equal(f.saves, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(answers, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(facilitators_answer_apart,
						setup, teardown),
		cmocka_unit_test_setup_teardown(redact, setup, teardown),
		cmocka_unit_test_setup_teardown(import, setup, teardown),
		cmocka_unit_test_setup_teardown(import_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
