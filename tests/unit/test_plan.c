#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "buf.h"
#include "date.h"
#include "plan.h"
#include "template.h"

/* A template as templates/<id>.yaml has it: Tuesdays at 18:00, three
 * sessions with their themes and lengths. */
static const char template_yaml[] =
	"id: treff\n"
	"title: Treff\n"
	"description: Et kurs om hverdagen\n"
	"target_groups: [patients, relatives]\n"
	"topics: [mestring, kosthold]\n"
	"diagnosis_independent: true\n"
	"capacity: 12\n"
	"waitlist: true\n"
	"place: Salen\n"
	"days: [tue]\n"
	"start: \"18:00\"\n"
	"sessions:\n"
	"  - {theme: Bli kjent, duration: 120}\n"
	"  - {theme: Hverdagen, duration: 90}\n"
	"  - {theme: Veien videre, duration: 60}\n"
	"forms: [kursevaluering, mestringstro]\n"
	"follow_up: [self-help-group]\n";

static struct lms_template tmpl;

static int setup(void **state)
{
	(void)state;
	return lms_template_load(&tmpl, "templates/treff.yaml", template_yaml,
				 strlen(template_yaml), "treff", NULL);
}

static int teardown(void **state)
{
	(void)state;
	lms_template_release(&tmpl);
	return 0;
}

static struct lms_plan plan(const char *start)
{
	struct lms_plan p = {
		.id = "host", .title = "Høst",
		.start_time = LMS_TIME_NONE, .end_time = LMS_TIME_NONE,
		.capacity = LMS_UNSET,
	};

	p.schedule.start = LMS_DATE_NONE;
	p.schedule.until = LMS_DATE_NONE;
	if (start)
		assert_true(lms_date_parse(start, &p.schedule.start));
	return p;
}

static char *emit(const struct lms_course *c)
{
	struct lms_buf b = LMS_BUF_INIT;

	lms_course_emit(&b, c);
	return lms_buf_detach(&b);
}

static void template_gives_keys_days_times_and_themes(void **state)
{
	struct lms_plan p = plan("2026-09-01");
	struct lms_course c;
	char *text;

	(void)state;
	assert_int_equal(tmpl.days, LMS_TUE);
	p.template = &tmpl;
	assert_int_equal(lms_plan_course(&p, &c), 0);
	text = emit(&c);
	assert_string_equal(text, "id: host\n"
			    "title: Høst\n"
			    "description: Et kurs om hverdagen\n"
			    "status: planned\n"
			    "target_groups: [patients, relatives]\n"
			    "topics: [mestring, kosthold]\n"
			    "diagnosis_independent: true\n"
			    "capacity: 12\n"
			    "waitlist: true\n"
			    "place: Salen\n"
			    "template: treff\n"
			    "sessions:\n"
			    "  - date: 2026-09-01\n"
			    "    start: \"18:00\"\n"
			    "    end: \"20:00\"\n"
			    "    theme: Bli kjent\n"
			    "  - date: 2026-09-08\n"
			    "    start: \"18:00\"\n"
			    "    end: \"19:30\"\n"
			    "    theme: Hverdagen\n"
			    "  - date: 2026-09-15\n"
			    "    start: \"18:00\"\n"
			    "    end: \"19:00\"\n"
			    "    theme: Veien videre\n"
			    "forms: [kursevaluering, mestringstro]\n"
			    "follow_up: [self-help-group]\n");
	free(text);
	lms_course_release(&c);
}

/* What was asked for wins over the template; sessions beyond the
 * template's have no theme; a facilitator without phases has all three. */
static void options_win_over_the_template(void **state)
{
	static const struct lms_plan_facilitator facs[] = {
		{ "fag-en", 0, 0 }, { "bruker-to", LMS_PLAN, 0 },
	};
	struct lms_plan p = plan("2026-09-03");
	struct lms_course c;
	char *text;

	(void)state;
	p.template = &tmpl;
	p.schedule.days = LMS_THU;
	p.schedule.count = 4;
	p.start_time = 10 * 60;
	p.end_time = 11 * 60 + 30;
	p.place = "Kjøkkenet";
	p.capacity = 6;
	p.target_groups = 1u << 3;
	p.facilitators = facs;
	p.nfacilitators = 2;
	assert_int_equal(lms_plan_course(&p, &c), 0);
	assert_string_equal(c.place, "Kjøkkenet");
	assert_int_equal(c.capacity, 6);
	assert_int_equal(c.target_groups, 1u << 3);
	assert_int_equal(c.nsessions, 4);
	assert_string_equal(c.sessions[2].theme, "Veien videre");
	assert_null(c.sessions[3].theme);
	assert_int_equal(c.nfacilitators, 2);
	assert_int_equal(c.facilitators[0].phases,
			 LMS_PLAN | LMS_DELIVER | LMS_EVALUATE);
	assert_int_equal(c.facilitators[1].phases, LMS_PLAN);
	text = emit(&c);
	assert_non_null(strstr(text, "  - date: 2026-09-24\n"
				     "    start: \"10:00\"\n"
				     "    end: \"11:30\"\n"));
	free(text);
	lms_course_release(&c);
}

/* Without a template or a start, a course has no sessions yet. */
static void no_start_no_sessions(void **state)
{
	struct lms_plan p = plan(NULL);
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_plan_course(&p, &c), 0);
	assert_string_equal(c.id, "host");
	assert_int_equal(c.status, LMS_COURSE_PLANNED);
	assert_int_equal(c.nsessions, 0);
	lms_course_release(&c);
}

static void refusals(void **state)
{
	struct lms_plan p = plan(NULL);
	struct lms_course c;

	(void)state;
	p.template = &tmpl;
	assert_error(lms_plan_course(&p, &c), LMS_EUSAGE, 0, 0,
		     "--start is needed to date the template's sessions");
	p = plan("2026-09-01");
	p.start_time = 12 * 60;
	p.end_time = 12 * 60;
	assert_error(lms_plan_course(&p, &c), LMS_EUSAGE, 0, 0,
		     "a session must end after it starts");
	p = plan("2026-09-01");
	p.template = &tmpl;
	p.start_time = 22 * 60 + 30;
	assert_error(lms_plan_course(&p, &c), LMS_EUSAGE, 0, 0,
		     "session 1 would end after midnight");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(template_gives_keys_days_times_and_themes),
		cmocka_unit_test(options_win_over_the_template),
		cmocka_unit_test(no_start_no_sessions),
		cmocka_unit_test(refusals),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
