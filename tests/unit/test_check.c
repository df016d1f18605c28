#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "buf.h"
#include "check.h"
#include "date.h"
#include "tree.h"

/*
 * lms check over tests/fixtures/check, a tree with something wrong for
 * every rule, copied to a folder of its own that the test works in, so
 * that the paths of the findings are those of the tree.
 */
static char root[64];
static int cwd = -1;
static struct lms_tree tree;

static int run(const char *fmt, const char *arg)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), fmt, arg);
	return system(cmd);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/lms-test-check-XXXXXX");
	assert_non_null(mkdtemp(root));
	assert_int_equal(run("cp -R tests/fixtures/check/. '%s'", root), 0);
	cwd = open(".", O_RDONLY | O_DIRECTORY);
	assert_true(cwd >= 0);
	assert_int_equal(chdir(root), 0);
	/* Neither an empty folder nor two names that differ only in case
	 * can be kept in git. */
	assert_int_equal(mkdir("courses/Tom", 0755), 0);
	assert_int_equal(mkdir("courses/tom", 0755), 0);
	assert_int_equal(chmod("people/participants.yaml", 0600), 0);
	assert_int_equal(chmod("people/report-key", 0600), 0);
	assert_int_equal(lms_tree_open(&tree, "."), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lms_tree_release(&tree);
	assert_int_equal(fchdir(cwd), 0);
	close(cwd);
	return run("rm -rf '%s'", root);
}

/* The findings as lms check prints them. */
static char *format(const struct lms_findings *f)
{
	struct lms_buf b = LMS_BUF_INIT;

	for (size_t i = 0; i < f->n; i++) {
		const struct lms_finding *x = &f->v[i];

		if (x->line)
			lms_buf_addf(&b, "%s:%u:%u: ", x->path, x->line, x->col);
		else
			lms_buf_addf(&b, "%s: ", x->path);
		lms_buf_addf(&b, "%s: %s [%s]\n",
			     lms_severity_names[x->severity], x->msg,
			     lms_rule_names[x->rule]);
	}
	return lms_buf_detach(&b);
}

static int check(unsigned rules, char **courses, size_t n,
		 struct lms_findings *out)
{
	struct lms_check_options opt = { .rules = rules, .courses = courses,
					 .ncourses = n };

	opt.today = lms_date_from_ymd(2026, 10, 1);
	return lms_check_tree(&tree, &opt, out);
}

static const char all_findings[] =
	"courses/Tom: error: a course folder's name must be a course id: "
	"lower-case letters, digits and '-' [schema]\n"
	"courses/feil/course.yaml:1:1: error: the id 'morgen2' is not the "
	"folder's name 'feil' [schema]\n"
	"courses/feil/course.yaml:1:1: warning: the course has no evaluation "
	"form (forms:) [participation]\n"
	"courses/feil/course.yaml:3:1: warning: the course is still planned, "
	"but its last session was on 2026-09-07: close it with 'lms course "
	"close feil' [dates]\n"
	"courses/feil/course.yaml:5:1: warning: no user representative takes "
	"part in planning [participation]\n"
	"courses/feil/course.yaml:5:1: warning: no user representative takes "
	"part in delivery [participation]\n"
	"courses/feil/course.yaml:5:1: warning: no user representative takes "
	"part in evaluation [participation]\n"
	"courses/feil/course.yaml:9:5: error: facilitator 'fag-en' is booked "
	"at the same time by matlaging on 2026-09-07 11:00-14:00 "
	"(courses/matlaging/course.yaml:20) [conflicts]\n"
	"courses/feil/course.yaml:9:5: warning: place 'treffstedet, "
	"kjøkkenet ' is booked at the same time by matlaging on 2026-09-07 "
	"11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]\n"
	"courses/jul/course.yaml:4:1: warning: no user representative takes "
	"part in planning [participation]\n"
	"courses/jul/course.yaml:4:1: warning: no professional takes part in "
	"planning [participation]\n"
	"courses/jul/course.yaml:4:1: warning: no user representative takes "
	"part in delivery [participation]\n"
	"courses/jul/course.yaml:4:1: warning: no professional takes part in "
	"delivery [participation]\n"
	"courses/jul/course.yaml:4:1: warning: no user representative takes "
	"part in evaluation [participation]\n"
	"courses/jul/course.yaml:4:1: warning: no professional takes part in "
	"evaluation [participation]\n"
	"courses/jul/course.yaml:5:5: error: no facilitator 'fag-tull' in "
	"people/facilitators.yaml [references]\n"
	"courses/jul/course.yaml:8:5: error: the course is completed, but "
	"its session on 2026-12-25 is still to come [dates]\n"
	"courses/jul/course.yaml:8:5: warning: the session on 2026-12-25 is "
	"on a public holiday (første juledag) [holidays]\n"
	"courses/jul/course.yaml:11:5: error: the session on 2026-12-20 "
	"12:00-11:00 does not end after it starts [dates]\n"
	"courses/jul/course.yaml:11:5: warning: the session on 2026-12-20 "
	"12:00-11:00 comes after the one on 2026-12-25 10:00-11:00 in the "
	"file; lms numbers sessions in date order [dates]\n"
	"courses/jul/course.yaml:14:5: warning: the session on 2026-12-20 "
	"10:30-11:30 comes after the one on 2026-12-20 12:00-11:00 in the "
	"file; lms numbers sessions in date order [dates]\n"
	"courses/jul/course.yaml:17:1: error: no form 'mestringstrooo' in "
	"forms/ [references]\n"
	"courses/jul/course.yaml:18:1: error: no template 'ingen' in "
	"templates/ [references]\n"
	"courses/knust/course.yaml:1:5: error: id: expected a single value, "
	"not a list [schema]\n"
	"courses/kveld/course.yaml:1:1: warning: the course has no "
	"evaluation form (forms:) [participation]\n"
	"courses/kveld/course.yaml:3:1: warning: the course is still "
	"planned, but its last session was on 2026-09-14: close it with 'lms "
	"course close kveld' [dates]\n"
	"courses/kveld/course.yaml:4:1: error: 2 people hold places, but the "
	"course has 1 [capacity]\n"
	"courses/kveld/course.yaml:6:1: warning: no user representative "
	"takes part in delivery [participation]\n"
	"courses/kveld/course.yaml:6:1: warning: no user representative "
	"takes part in evaluation [participation]\n"
	"courses/kveld/paamelding.csv:2:1: error: this looks like a name "
	"from the private register: personal data does not belong in a file "
	"that goes to git [privacy]\n"
	"courses/kveld/paamelding.csv:2:14: error: this looks like a "
	"fødselsnummer: personal data does not belong in a file that goes to "
	"git [privacy]\n"
	"courses/matlaging/attendance.yaml:1:1: error: attendance for "
	"2026-09-08, which is not a session of the course [references]\n"
	"courses/matlaging/course.yaml:5:1: warning: the course is still "
	"open, but its last session was on 2026-09-17: close it with 'lms "
	"course close matlaging' [dates]\n"
	"courses/matlaging/course.yaml:6:1: warning: unknown key 'capasity' "
	"in course (did you mean 'capacity'?) [schema]\n"
	"courses/matlaging/enrolments.yaml:6:3: error: no person 'p-test99' "
	"in the register [references]\n"
	"courses/matlaging/enrolments.yaml:11:10: error: this looks like a "
	"phone number: personal data does not belong in a file that goes to "
	"git [privacy]\n"
	"courses/matlaging/evaluations.yaml:1:3: error: nytte: 9 is not on "
	"the scale from 1 to 5 [schema]\n"
	"courses/matlaging/evaluations.yaml:1:3: error: the form "
	"'kursevaluering' has no item 'nytta' [schema]\n"
	"courses/morgen/course.yaml:1:1: warning: the course has no "
	"evaluation form (forms:) [participation]\n"
	"courses/morgen/course.yaml:3:1: warning: the course is still "
	"planned, but its last session was on 2026-09-07: close it with 'lms "
	"course close morgen' [dates]\n"
	"courses/morgen/course.yaml:5:1: warning: no user representative "
	"takes part in planning [participation]\n"
	"courses/morgen/course.yaml:5:1: warning: no user representative "
	"takes part in delivery [participation]\n"
	"courses/morgen/course.yaml:5:1: warning: no user representative "
	"takes part in evaluation [participation]\n"
	"courses/morgen/course.yaml:9:5: error: facilitator 'fag-en' is "
	"booked at the same time by matlaging on 2026-09-07 11:00-14:00 "
	"(courses/matlaging/course.yaml:20) [conflicts]\n"
	"courses/morgen/course.yaml:9:5: warning: place 'treffstedet, "
	"kjøkkenet ' is booked at the same time by matlaging on 2026-09-07 "
	"11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]\n"
	"courses/morgen/course.yaml:12:16: error: this looks like a phone "
	"number: personal data does not belong in a file that goes to git "
	"[privacy]\n"
	"courses/morgen/course.yaml:12:33: error: this looks like an e-mail "
	"address: personal data does not belong in a file that goes to git "
	"[privacy]\n"
	"courses/tom: error: a course folder without course.yaml [schema]\n"
	"forms/tull.yaml:2:8: error: title: expected a single value, not a "
	"list [schema]\n"
	"lms.yaml:7:1: warning: unknown key 'colour' in service [schema]\n"
	"notater/referat.txt:1:10: error: this looks like a name from the "
	"private register: personal data does not belong in a file that goes "
	"to git [privacy]\n"
	"people/participants.yaml:34:3: warning: p-test08 is on no course "
	"and has no consent date: nothing explains keeping the record (lms "
	"person forget p-test08) [privacy]\n"
	"people/participants.yaml:37:3: warning: p-test09 is on no course "
	"and gave consent more than 24 months ago: lms purge forgets the "
	"record [privacy]\n"
	"templates/mal.yaml:3:11: error: sessions: expected a list of "
	"sessions [schema]\n"
	;

/* Every rule finds what it should, in every kind of file, and a file that
 * does not load is one finding while the files beside it are still read. */
static void every_rule_finds_its_faults(void **state)
{
	struct lms_findings f;
	char *text;

	(void)state;
	assert_int_equal(check(LMS_ALL_RULES, NULL, 0, &f), 0);
	text = format(&f);
	assert_string_equal(text, all_findings);
	assert_int_equal(lms_findings_count(&f, LMS_ERROR), 24);
	assert_int_equal(lms_findings_count(&f, LMS_WARNING), 30);
	free(text);
	lms_findings_release(&f);
}

/* Only the rules asked for report. */
static void rules_not_asked_for_are_quiet(void **state)
{
	struct lms_findings f;

	(void)state;
	assert_int_equal(check(1u << LMS_RULE_CAPACITY, NULL, 0, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].path, "courses/kveld/course.yaml");
	assert_int_equal(f.v[0].line, 4);
	assert_int_equal(f.v[0].severity, LMS_ERROR);
	assert_string_equal(f.v[0].msg,
			    "2 people hold places, but the course has 1");
	lms_findings_release(&f);
	assert_int_equal(check(1u << LMS_RULE_HOLIDAYS, NULL, 0, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].msg, "the session on 2026-12-25 is on a "
			    "public holiday (første juledag)");
	lms_findings_release(&f);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/*
 * Who leads a session to come must be available then: fag-tre never is,
 * bruker-to until 2026-12-31.  Sessions past (today is 2026-10-01) and
 * cancelled courses are passed by.
 */
static void a_session_outside_the_available_period(void **state)
{
	char vinter[] = "vinter", avlyst[] = "avlyst";
	char *ids[] = { vinter, avlyst };
	struct lms_findings f;
	char *text;

	(void)state;
	assert_int_equal(mkdir("courses/vinter", 0755), 0);
	write_file("courses/vinter/course.yaml",
		   "id: vinter\ntitle: Vinter\nstatus: open\n"
		   "facilitators:\n  - {id: bruker-to, phases: [deliver]}\n"
		   "sessions:\n"
		   "  - {date: 2026-09-10, led_by: [fag-tre]}\n"
		   "  - {date: 2026-11-05, led_by: [fag-tre, fag-en]}\n"
		   "  - {date: 2026-12-31}\n"
		   "  - {date: 2027-01-07}\n");
	assert_int_equal(mkdir("courses/avlyst", 0755), 0);
	write_file("courses/avlyst/course.yaml",
		   "id: avlyst\ntitle: Avlyst\nstatus: cancelled\n"
		   "sessions:\n  - {date: 2026-11-05, led_by: [fag-tre]}\n");
	assert_int_equal(check(1u << LMS_RULE_AVAILABILITY, ids, 2, &f), 0);
	text = format(&f);
	assert_string_equal(text,
		"courses/vinter/course.yaml:8:5: warning: facilitator "
		"'fag-tre' leads the session on 2026-11-05 but is not "
		"available then (people/facilitators.yaml:12) "
		"[availability]\n"
		"courses/vinter/course.yaml:10:5: warning: facilitator "
		"'bruker-to' leads the session on 2027-01-07 but is not "
		"available then (people/facilitators.yaml:6) "
		"[availability]\n");
	free(text);
	lms_findings_release(&f);
}

static void count(size_t done, size_t total, void *arg)
{
	size_t *calls = arg;

	assert_true(done <= total);
	calls[0]++;
	calls[1] = done;
	calls[2] = total;
}

/* A course named is checked against all the others, but the files of the
 * tree and the other courses are not reported. */
static void a_course_named_is_checked_alone(void **state)
{
	char morgen[] = "morgen";
	char *ids[] = { morgen };
	size_t calls[3] = { 0, 0, 0 };
	struct lms_check_options opt = {
		.rules = LMS_ALL_RULES, .courses = ids, .ncourses = 1,
		.today = lms_date_from_ymd(2026, 10, 1),
		.progress = count, .progress_arg = calls,
	};
	struct lms_findings f;
	char *text;

	(void)state;
	assert_int_equal(lms_check_tree(&tree, &opt, &f), 0);
	text = format(&f);
	assert_string_equal(text,
		    "courses/morgen/course.yaml:1:1: warning: the course has no "
		    "evaluation form (forms:) [participation]\n"
		    "courses/morgen/course.yaml:3:1: warning: the course is "
		    "still planned, but its last session was on 2026-09-07: "
		    "close it with 'lms course close morgen' [dates]\n"
		    "courses/morgen/course.yaml:5:1: warning: no user "
		    "representative takes part in planning [participation]\n"
		    "courses/morgen/course.yaml:5:1: warning: no user "
		    "representative takes part in delivery [participation]\n"
		    "courses/morgen/course.yaml:5:1: warning: no user "
		    "representative takes part in evaluation [participation]\n"
		    "courses/morgen/course.yaml:9:5: error: facilitator 'fag-en' "
		    "is booked at the same time by matlaging on 2026-09-07 "
		    "11:00-14:00 (courses/matlaging/course.yaml:20) [conflicts]\n"
		    "courses/morgen/course.yaml:9:5: warning: place "
		    "'treffstedet, kjøkkenet ' is booked at the same time by "
		    "matlaging on 2026-09-07 11:00-14:00 "
		    "(courses/matlaging/course.yaml:20) [conflicts]\n"
		    "courses/morgen/course.yaml:12:16: error: this looks like a "
		    "phone number: personal data does not belong in a file that "
		    "goes to git [privacy]\n"
		    "courses/morgen/course.yaml:12:33: error: this looks like an "
		    "e-mail address: personal data does not belong in a file "
		    "that goes to git [privacy]\n");
	/* All six are read, to find what the one named conflicts with. */
	assert_int_equal(calls[1], 6);
	assert_int_equal(calls[2], 6);
	assert_true(calls[0] >= 1);
	free(text);
	lms_findings_release(&f);
}

/* A course named that is not there fails the check, with nothing found. */
static void a_course_not_there_fails(void **state)
{
	char morgen[] = "morgen", nope[] = "nope";
	char *ids[] = { morgen, nope };
	struct lms_findings f;

	(void)state;
	assert_int_equal(check(LMS_ALL_RULES, ids, 2, &f), LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg, "no such course: 'nope'");
	assert_int_equal(f.n, 0);
}

/* A register that others may read is a privacy error, and still read. */
static void a_register_others_read_is_an_error(void **state)
{
	struct lms_findings f;
	size_t found = 0;

	(void)state;
	assert_int_equal(chmod("people/participants.yaml", 0644), 0);
	assert_int_equal(check(1u << LMS_RULE_PRIVACY, NULL, 0, &f), 0);
	for (size_t i = 0; i < f.n; i++) {
		if (strcmp(f.v[i].path, "people/participants.yaml"))
			continue;
		if (!f.v[i].line) {
			assert_string_equal(f.v[i].msg, "people other than "
					    "you may read the private register "
					    "(mode 644): make it yours alone "
					    "with 'chmod 600 "
					    "people/participants.yaml'");
		}
		found++;
	}
	assert_int_equal(found, 3);
	lms_findings_release(&f);
}

/* A facilitators file that does not load is a finding, not a failure. */
static void a_broken_facilitators_file_is_a_finding(void **state)
{
	FILE *fp = fopen("people/facilitators.yaml", "w");
	struct lms_findings f;
	size_t found = 0;

	(void)state;
	assert_non_null(fp);
	fputs("- id: [x\n", fp);
	fclose(fp);
	assert_int_equal(check(1u << LMS_RULE_SCHEMA, NULL, 0, &f), 0);
	for (size_t i = 0; i < f.n; i++)
		if (!strcmp(f.v[i].path, "people/facilitators.yaml")) {
			assert_int_equal(f.v[i].line, 1);
			assert_int_equal(f.v[i].col, 7);
			assert_string_equal(f.v[i].msg, "1.id: expected a "
					    "single value, not a list");
			found++;
		}
	assert_int_equal(found, 1);
	lms_findings_release(&f);
}

/* Without courses/ there is nothing to check there; the rest still is. */
static void a_tree_without_courses(void **state)
{
	struct lms_findings f;

	(void)state;
	assert_int_equal(run("rm -rf courses%s", ""), 0);
	assert_int_equal(check(LMS_ALL_RULES, NULL, 0, &f), 0);
	assert_int_equal(lms_findings_count(&f, LMS_ERROR), 3);
	assert_int_equal(lms_findings_count(&f, LMS_WARNING), 3);
	lms_findings_release(&f);
}

/*
 * A folder of the tree that cannot be listed fails the check, rather
 * than holding nothing to find wrong: here a file in its place, which
 * even root cannot list.
 */
static void a_folder_that_cannot_be_listed_fails(void **state)
{
	static const char *const folders[] = { "forms", "templates",
					       "courses" };
	char matlaging[] = "matlaging";
	char *ids[] = { matlaging };
	char want[128];
	struct lms_findings f;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		const char *d = folders[i];
		FILE *fp;

		assert_int_equal(run("mv %1$s %1$s.away", d), 0);
		assert_non_null(fp = fopen(d, "w"));
		fclose(fp);
		snprintf(want, sizeof(want), "cannot read folder '%s': Not a "
			 "directory", d);
		assert_int_equal(check(LMS_ALL_RULES, NULL, 0, &f), LMS_EIO);
		assert_string_equal(lms_last_error()->msg, want);
		assert_int_equal(f.n, 0);
		/* A course named is checked against the others: the same. */
		assert_int_equal(check(LMS_ALL_RULES, ids, 1, &f), LMS_EIO);
		assert_int_equal(f.n, 0);
		assert_int_equal(run("rm %1$s && mv %1$s.away %1$s", d), 0);
	}
}

/*
 * A course folder that cannot be looked into fails the check too; one
 * that can be looked into but not listed has its files checked, and the
 * search for personal data says it could not see the rest.  Permissions
 * do not hold root back: then there is nothing to test.
 */
static void a_course_folder_that_cannot_be_read(void **state)
{
	struct lms_findings f;
	size_t found = 0;
	int rc;

	(void)state;
	if (geteuid() == 0)
		skip();
	assert_int_equal(chmod("courses/matlaging", 0), 0);
	rc = check(LMS_ALL_RULES, NULL, 0, &f);
	assert_int_equal(chmod("courses/matlaging", 0755), 0);
	assert_int_equal(rc, LMS_EIO);
	assert_string_equal(lms_last_error()->msg, "cannot read "
			    "'courses/matlaging/course.yaml': Permission "
			    "denied");
	assert_int_equal(chmod("courses/matlaging", 0111), 0);
	rc = check(LMS_ALL_RULES, NULL, 0, &f);
	assert_int_equal(chmod("courses/matlaging", 0755), 0);
	assert_int_equal(rc, 0);
	for (size_t i = 0; i < f.n; i++)
		if (!strcmp(f.v[i].path, "courses/matlaging")) {
			assert_string_equal(f.v[i].msg, "could not be read to "
					    "check for personal data: cannot "
					    "read folder 'courses/matlaging': "
					    "Permission denied");
			found++;
		}
	assert_int_equal(found, 1);
	lms_findings_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_rule_finds_its_faults,
						setup, teardown),
		cmocka_unit_test_setup_teardown(rules_not_asked_for_are_quiet,
						setup, teardown),
		cmocka_unit_test_setup_teardown(a_course_named_is_checked_alone,
						setup, teardown),
		cmocka_unit_test_setup_teardown(a_session_outside_the_available_period,
						setup, teardown),
		cmocka_unit_test_setup_teardown(a_course_not_there_fails,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			a_register_others_read_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(
			a_broken_facilitators_file_is_a_finding, setup,
			teardown),
		cmocka_unit_test_setup_teardown(a_tree_without_courses, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			a_folder_that_cannot_be_listed_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(
			a_course_folder_that_cannot_be_read, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
