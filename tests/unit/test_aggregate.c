#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "test.h"

#include "aggregate.h"
#include "piece.h"
#include "date.h"

/* Two courses sharing a person, built from YAML as the files would be. */
struct course_files {
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_attendance a;
	struct lms_evaluations ev;
	struct lms_meetings m;
};

static struct lms_form form;
static struct lms_facilitator *facs;
static size_t nfacs;
static struct course_files one, two;

static void load(struct course_files *f, const char *c, const char *e,
		 const char *a, const char *ev)
{
	memset(&f->m, 0, sizeof(f->m));		/* no meetings */
	assert_int_equal(lms_course_load(&f->c, "c", c, strlen(c), NULL, NULL), 0);
	assert_int_equal(lms_enrolments_load(&f->e, "e", e, strlen(e)), 0);
	assert_int_equal(lms_attendance_load(&f->a, "a", a, strlen(a)), 0);
	assert_int_equal(lms_evaluations_load(&f->ev, "v", ev, strlen(ev)), 0);
}

static int setup(void **state)
{
	const char *fm = "id: se\ntitle: SE\nscale: {min: 1, max: 4}\nitems:\n"
			 "  - {id: a, text: A}\n  - {id: b, text: B}\n";
	const char *met = "- {date: 2026-02-01, kind: plan, with: [ur, pro]}\n"
			  "- {date: 2026-03-20, kind: evaluate, with: [ur]}\n";
	const char *fa = "- {id: ur, name: U, kind: user-representative}\n"
			 "- {id: pro, name: P, kind: professional}\n";

	(void)state;
	assert_int_equal(lms_form_load(&form, "f", fm, strlen(fm), "se", NULL), 0);
	assert_int_equal(lms_facilitators_load(&facs, &nfacs, "f", fa, strlen(fa),
					       NULL), 0);
	load(&one, "id: one\ntitle: One\nstatus: completed\n"
	     "target_groups: [patients, relatives]\ntopics: [mat]\n"
	     "facilitators:\n  - {id: ur, phases: [plan, deliver, evaluate]}\n"
	     "sessions:\n  - {date: 2026-03-02}\n  - {date: 2026-03-09}\n"
	     "forms: [se]\n",
	     "- {person: p-a, role: participant, status: completed, "
	     "requested: 2026-02-20, municipality: \"1806\"}\n"
	     "- {person: p-b, role: relative, status: not-completed, "
	     "requested: 2026-02-28, municipality: \"1853\"}\n"
	     "- {person: p-c, role: participant, status: waitlisted, "
	     "requested: 2026-03-01, municipality: \"1806\"}\n",
	     "\"2026-03-02\": {p-a: present, p-b: present}\n"
	     "\"2026-03-09\": {p-a: present, p-b: absent}\n",
	     "- {form: se, phase: pre, person: p-a, answers: {a: 1, b: 2}}\n"
	     "- {form: se, phase: post, person: p-a, answers: {a: 3, b: 4}}\n");
	/* ur planned and evaluated course one, and led it (no led_by). */
	assert_int_equal(lms_meetings_load(&one.m, "m", met, strlen(met),
					   NULL), 0);
	load(&two, "id: two\ntitle: Two\nstatus: running\n"
	     "target_groups: [patients]\n"
	     "facilitators:\n  - {id: ur, phases: [plan]}\n"
	     "  - {id: pro, phases: [plan, deliver, evaluate]}\n"
	     "sessions:\n  - {date: 2026-09-07}\n  - {date: 2026-12-07}\n",
	     "- {person: p-a, role: participant, status: enrolled, "
	     "requested: 2026-08-07, municipality: \"1806\"}\n",
	     "\"2026-09-07\": {p-a: present}\n"
	     "\"2026-12-07\": {headcount: {participants: 3, relatives: 1}}\n"
	     "\"2026-12-24\": {p-a: present}\n",
	     "");
	return 0;
}

static void release(struct course_files *f)
{
	lms_course_release(&f->c);
	lms_enrolments_release(&f->e);
	lms_attendance_release(&f->a);
	lms_evaluations_release(&f->ev);
	lms_meetings_release(&f->m);
}

static int teardown(void **state)
{
	(void)state;
	release(&one);
	release(&two);
	lms_form_release(&form);
	lms_facilitators_free(facs, nfacs);
	return 0;
}

static const struct lms_report_key test_key = { { 1, 2, 3 } };

/* The shared figures for min_cell k, or with k 0 the exact ones. */
static void run_k(struct lms_agg *agg, int by, long k)
{
	struct lms_agg_options opt = { .by = by, .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .form = "se",
				       .min_cell = k, .exact = !k };
	struct lms_agg_course in = { .form = &form, .facilitators = facs,
				     .nfacilitators = nfacs };

	assert_true(lms_date_parse("2026-10-01", &opt.today));
	lms_agg_init(agg, &opt);
	agg->key = &test_key;
	for (struct course_files *f = &one; f; f = f == &one ? &two : NULL) {
		in.course = &f->c;
		in.enrolments = &f->e;
		in.attendance = &f->a;
		in.evaluations = &f->ev;
		in.meetings = &f->m;
		if (lms_agg_wants(agg, &f->c))
			lms_agg_add(agg, &in);
	}
}

static void run(struct lms_agg *agg, int by)
{
	run_k(agg, by, 0);
}

static const struct lms_agg_row *find(const struct lms_agg *a, const char *key)
{
	if (!strcmp(key, "total"))
		return &a->total;
	for (size_t i = 0; i < a->nrows; i++)
		if (!strcmp(a->rows[i].key, key))
			return &a->rows[i];
	fail_msg("no row %s", key);
	return NULL;
}

/* Exact figures: a person counts in each course they are on. */
static void totals_count_each_course_s_people(void **state)
{
	struct lms_agg a;
	const struct lms_agg_row *t;

	(void)state;
	run(&a, LMS_BY_COURSE);
	t = find(&a, "total");
	assert_int_equal(t->courses, 2);
	/* Sessions held by 2026-10-01: two, and one of two. */
	assert_int_equal(t->sessions, 3);
	assert_int_equal(t->participants, 2);	/* p-a, on both courses */
	assert_int_equal(t->relatives, 1);
	assert_int_equal(t->waitlisted, 1);
	assert_int_equal(t->completed, 1);
	assert_int_equal(t->not_completed, 1);
	assert_int_equal(t->present, 4);
	assert_int_equal(t->marked, 5);
	assert_int_equal(t->headcount, 4);
	assert_int_equal(t->ur_courses, 1);
	assert_int_equal(t->ur_declared, 1);
	assert_int_equal(t->pairs, 1);
	assert_true(fabs(t->change_mean - 2) < 1e-12);
	/* Waits: 10, 2 and 31 days; the median is 10. */
	assert_true(fabs(lms_agg_median_wait(&a, t) - 10) < 1e-12);
	assert_int_equal(find(&a, "one")->participants, 1);
	assert_int_equal(find(&a, "two")->participants, 1);
	lms_agg_release(&a);
}

static void groups_of_courses(void **state)
{
	struct lms_agg a;

	(void)state;
	run(&a, LMS_BY_TERM);
	assert_int_equal(find(&a, "2026 spring")->courses, 1);
	assert_int_equal(find(&a, "2026 autumn")->headcount, 4);
	lms_agg_release(&a);
	run(&a, LMS_BY_TARGET_GROUP);
	assert_int_equal(find(&a, "patients")->courses, 2);
	assert_int_equal(find(&a, "relatives")->courses, 1);
	lms_agg_release(&a);
	run(&a, LMS_BY_TOPIC);
	assert_int_equal(find(&a, "mat")->courses, 1);
	assert_int_equal(find(&a, "(none)")->courses, 1);
	lms_agg_release(&a);
}

static void homes_of_enrolments(void **state)
{
	struct lms_agg a;
	const struct lms_agg_row *narvik, *evenes, *unknown;

	(void)state;
	run(&a, LMS_BY_MUNICIPALITY);
	narvik = find(&a, "1806");
	evenes = find(&a, "1853");
	unknown = find(&a, "unknown");
	assert_int_equal(narvik->courses, 2);
	assert_int_equal(narvik->participants, 2);
	assert_int_equal(narvik->waitlisted, 1);
	assert_int_equal(narvik->pairs, 1);
	assert_int_equal(narvik->present, 3);
	assert_int_equal(evenes->relatives, 1);
	assert_int_equal(evenes->marked, 2);
	/* Drop-in heads have no home. */
	assert_int_equal(unknown->headcount, 4);
	assert_int_equal(unknown->participants, 0);
	lms_agg_release(&a);
}

/* A table without marks names municipalities only when asked (names:
 * CSV for Excel, for people); for scripts, the number alone. */
static void homes_by_name_for_people(void **state)
{
	struct lms_agg a;
	struct lms_table t;

	(void)state;
	run(&a, LMS_BY_MUNICIPALITY);
	lms_agg_table(&a, false, &t);
	assert_string_equal(lms_table_get(&t, 0, 0), "1806");
	lms_table_release(&t);
	a.opt.names = true;
	lms_agg_table(&a, false, &t);
	assert_string_equal(lms_table_get(&t, 0, 0), "1806 Narvik");
	assert_string_equal(lms_table_get(&t, 1, 0),
			    "1853 Evenes - Even\xc3\xa1ssi");
	assert_string_equal(lms_table_get(&t, 2, 0), "unknown");
	lms_table_release(&t);
	lms_agg_release(&a);
}

static void filters(void **state)
{
	struct lms_agg a;
	struct lms_agg_options opt = { .by = LMS_BY_YEAR, .from = 0,
				       .to = LMS_DATE_NONE,
				       .status = LMS_COURSE_RUNNING };

	(void)state;
	assert_true(lms_date_parse("2026-06-01", &opt.from));
	lms_agg_init(&a, &opt);
	assert_false(lms_agg_wants(&a, &one.c));
	assert_true(lms_agg_wants(&a, &two.c));
	two.c.status = LMS_COURSE_OPEN;
	assert_false(lms_agg_wants(&a, &two.c));
	lms_agg_release(&a);
	opt.status = 0;
	opt.from = LMS_DATE_NONE;
	lms_agg_init(&a, &opt);
	two.c.status = LMS_COURSE_CANCELLED;
	assert_false(lms_agg_wants(&a, &two.c));
	lms_agg_release(&a);
}

/* Shared: each piece of 1 to 4 people shows 0 or 5, marked for people;
 * what such a piece did is left out; courses are exact. */
static void the_shared_table_rounds_small_pieces(void **state)
{
	struct lms_agg a;
	struct lms_table t, marked;
	long p;

	(void)state;
	run_k(&a, LMS_BY_COURSE, 5);
	lms_agg_table(&a, false, &t);
	lms_agg_table(&a, true, &marked);
	assert_int_equal(t.nrows, 3);
	assert_string_equal(lms_table_get(&t, 0, 0), "one");
	p = atol(lms_table_get(&t, 0, 3));		/* participants */
	assert_true(p == 0 || p == 5);
	assert_string_equal(lms_table_get(&marked, 0, 3), p ? "\u22485" :
			    "\u22480");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_COMPLETION), "");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_ATTENDANCE), "");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_WAIT), "");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_PAIRS), "0");
	assert_string_equal(lms_table_get(&t, 2, 0), "total");
	assert_string_equal(lms_table_get(&t, 2, 1), "2");	/* courses */
	assert_string_equal(lms_table_get(&t, 2, LMS_AGG_COL_UR), "1");
	assert_string_equal(lms_table_get(&t, 2, LMS_AGG_COL_UR_DECLARED),
			    "1");
	assert_true(t.total_row);
	/* The total is the rows' sum: course two's p-a is a piece too. */
	assert_int_equal(atol(lms_table_get(&t, 2, 3)),
			 p + atol(lms_table_get(&t, 1, 3)));
	lms_table_release(&t);
	lms_table_release(&marked);
	lms_agg_release(&a);
	/* Exact: nothing rounded or left out, nothing marked. */
	run(&a, LMS_BY_COURSE);
	lms_agg_table(&a, true, &t);
	assert_string_equal(lms_table_get(&t, 0, 3), "1");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_COMPLETION), "50");
	assert_string_equal(lms_table_get(&t, 2, 3), "2");
	assert_string_equal(lms_table_get(&t, 2, LMS_AGG_COL_WAIT), "10");
	assert_string_equal(lms_table_get(&t, 2, LMS_AGG_COL_CHANGE), "2.00");
	lms_table_release(&t);
	lms_agg_release(&a);
}

/* Marks on a date that is no session count nowhere; pairs count only for
 * a form the course lists. */
static void only_sessions_and_listed_forms(void **state)
{
	struct lms_agg a;

	(void)state;
	run(&a, LMS_BY_COURSE);
	assert_int_equal(find(&a, "two")->marked, 1);	/* not 2026-12-24 */
	assert_int_equal(find(&a, "one")->pairs, 1);
	lms_agg_release(&a);
	free(one.c.forms[0]);
	one.c.nforms = 0;
	run(&a, LMS_BY_COURSE);
	assert_int_equal(find(&a, "one")->pairs, 0);
	assert_int_equal(a.total.pairs, 0);
	lms_agg_release(&a);
}

/* Courses first to last - 1 of given numbers of participants and
 * relatives; course i is always c<i>, with the same people. */
static void add_people(struct lms_agg *a, const int (*people)[2], size_t first,
		       size_t last)
{
	for (size_t i = first; i < last; i++) {
		struct lms_buf c = LMS_BUF_INIT, e = LMS_BUF_INIT;
		struct course_files f;

		lms_buf_addf(&c, "id: c%zu\ntitle: C\nstatus: completed\n"
			     "sessions:\n  - {date: 2026-03-02}\n", i);
		for (int role = 0; role < 2; role++)
			for (int j = 0; j < people[i][role]; j++)
				lms_buf_addf(&e, "- {person: p-%zu%d%04d, role: %s, "
					     "status: completed, requested: 2026-02-01}\n", i, role, j,
					     role ? "relative" : "participant");
		load(&f, c.buf, e.len ? e.buf : "", "", "");
		lms_agg_add(a, &(struct lms_agg_course){
			.course = &f.c, .enrolments = &f.e, .attendance = &f.a,
			.evaluations = &f.ev, .facilitators = facs,
			.nfacilitators = nfacs });
		release(&f);
		lms_buf_release(&c);
		lms_buf_release(&e);
	}
}

#define NCOURSES 6

/* The shared totals of the courses first to last - 1, alone. */
static void window(int (*people)[2], size_t first, size_t last, long *out)
{
	struct lms_agg_options opt = { .by = LMS_BY_COURSE,
				       .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .min_cell = 5 };
	struct lms_agg a;

	lms_agg_init(&a, &opt);
	a.key = &test_key;
	add_people(&a, (const int (*)[2])people, first, last);
	out[0] = a.total.participants;
	out[1] = a.total.relatives;
	lms_agg_release(&a);
}

/*
 * The differencing reader: of random courses with 0 to 9 participants
 * and relatives, every window's totals minus every other's.  Whenever the
 * true difference is 1 to 4 people, the published one is a multiple of 5,
 * never the count: every figure is a sum of pieces that show 0 or 5.
 */
static void no_difference_of_windows_shows_a_small_count(void **state)
{
	unsigned seed = 7;

	(void)state;
	for (int round = 0; round < 20; round++) {
		int people[NCOURSES][2];
		long shown[NCOURSES + 1][NCOURSES + 1][2];

		for (size_t i = 0; i < NCOURSES; i++)
			for (size_t r = 0; r < 2; r++) {
				seed = seed * 1103515245u + 12345u;
				people[i][r] = (int)((seed >> 16) % 10);
			}
		for (size_t f = 0; f <= NCOURSES; f++)
			for (size_t l = f; l <= NCOURSES; l++)
				window(people, f, l, shown[f][l]);
		for (size_t f = 0; f <= NCOURSES; f++)
			for (size_t l = f; l <= NCOURSES; l++)
				for (size_t g = f; g <= l; g++)
					for (size_t r = 0; r < 2; r++) {
						long truth = 0, d;

						for (size_t i = f; i < g; i++)
							truth += people[i][r];
						d = shown[f][l][r] - shown[g][l][r];
						if (truth > 0 && truth < 5)
							assert_int_equal(d % 5, 0);
						/* A course of 5 or more is exact. */
						if (g == f + 1 && people[f][r] >= 5)
							assert_int_equal(d, people[f][r]);
					}
	}
}

/* Two trees whose forms share an id but not their scale: each tree's
 * course keeps its figures, the totals pool none. */
static void forms_that_differ_are_never_pooled(void **state)
{
	const char *fm = "id: se\ntitle: SE\nscale: {min: 1, max: 5}\nitems:\n"
			 "  - {id: a, text: Other text}\n  - {id: b, text: B}\n";
	const char *same = "id: se\ntitle: SE\nscale: {min: 1, max: 4}\n"
			   "items:\n  - {id: b, text: B}\n  - {id: a, text: A}\n";
	struct lms_agg_options opt = { .by = LMS_BY_COURSE, .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .form = "se",
				       .name_trees = true, .exact = true };
	struct lms_agg_course in = { .course = &one.c, .enrolments = &one.e,
				     .attendance = &one.a, .evaluations = &one.ev,
				     .facilitators = facs, .nfacilitators = nfacs };
	struct lms_form five, reordered;
	struct lms_buf note = LMS_BUF_INIT;
	struct lms_table t;
	struct lms_agg a;

	(void)state;
	assert_int_equal(lms_form_load(&five, "f", fm, strlen(fm), "se", NULL), 0);
	assert_int_equal(lms_form_load(&reordered, "f", same, strlen(same), "se",
				       NULL), 0);
	assert_true(lms_date_parse("2026-10-01", &opt.today));
	lms_agg_init(&a, &opt);
	assert_int_equal(lms_agg_form_version(&a, &form, "A"), 1);
	/* Items in another order, texts changed: the same measure. */
	assert_int_equal(lms_agg_form_version(&a, &reordered, "C"), 1);
	assert_int_equal(lms_agg_form_version(&a, &five, "B"), 2);
	lms_agg_forms_note(&a, &note);
	assert_string_equal(note.buf, "The trees do not share one form 'se': A "
			    "scores it as the mean of 2 items from 1 to 4; and B "
			    "scores it as the mean of 2 items from 1 to 5.  The "
			    "forms differ in their scale, their score or their "
			    "items, so their before, after, change and d_z are "
			    "never pooled: they are shown for groups of one form "
			    "only, and left blank for the others, such as the "
			    "totals.");
	in.tree = "A";
	in.form = &form;
	in.form_version = 1;
	lms_agg_add(&a, &in);
	in.tree = "B";
	in.form = &five;
	in.form_version = 2;
	lms_agg_add(&a, &in);
	lms_agg_table(&a, false, &t);
	assert_string_equal(lms_table_get(&t, 0, 0), "A/one");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_CHANGE), "2.00");
	assert_string_equal(lms_table_get(&t, 1, LMS_AGG_COL_CHANGE), "2.00");
	assert_string_equal(lms_table_get(&t, 2, 0), "total");
	assert_string_equal(lms_table_get(&t, 2, LMS_AGG_COL_PAIRS), "2");
	for (size_t c = LMS_AGG_COL_BEFORE; c <= LMS_AGG_COL_DZ; c++)
		assert_string_equal(lms_table_get(&t, 2, c), "");
	lms_table_release(&t);
	lms_agg_release(&a);
	lms_buf_release(&note);
	lms_form_release(&five);
	lms_form_release(&reordered);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* Follow-up */

static const char offers_yaml[] =
	"- {id: sh, name: Selvhjelp, kind: self-help-group}\n"
	"- {id: fl, name: Frisklivssentralen, kind: healthy-life-centre}\n";

/*
 * One completed course of n participants from one home: sh of them
 * referred to the self-help group, fl to the healthy life centre, the
 * rest given free text; the first asked of them asked at follow-up, the
 * first yes of those still in a group; its figures for min_cell k (0:
 * exact).
 */
static void followed_up(struct lms_agg *a, int n, int sh, int fl, int asked,
			int yes, long k)
{
	struct lms_agg_options opt = { .by = LMS_BY_COURSE,
				       .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .min_cell = k,
				       .exact = !k };
	struct lms_buf e = LMS_BUF_INIT;
	struct course_files f;
	struct lms_offers o;

	assert_int_equal(lms_offers_load(&o, "offers.yaml", offers_yaml,
					 strlen(offers_yaml), NULL), 0);
	for (int i = 0; i < n; i++)
		lms_buf_addf(&e, "- {person: p-r%04d, role: participant, "
			     "status: completed, requested: 2026-02-01, "
			     "municipality: \"1806\", follow_up: %s%s}\n", i,
			     i < sh ? "sh" : i < sh + fl ? "fl" :
			     "samtale med fastlegen",
			     i >= asked ? "" : i < yes ?
			     ", still_in_group: yes" : ", still_in_group: no");
	load(&f, "id: c\ntitle: C\nstatus: completed\n"
	     "sessions:\n  - {date: 2026-03-02}\n", e.len ? e.buf : "", "", "");
	lms_agg_init(a, &opt);
	a->key = &test_key;
	a->offers = true;
	lms_agg_add(a, &(struct lms_agg_course){
		.course = &f.c, .enrolments = &f.e, .attendance = &f.a,
		.evaluations = &f.ev, .facilitators = facs,
		.nfacilitators = nfacs, .offers = &o });
	release(&f);
	lms_buf_release(&e);
	lms_offers_release(&o);
}

static void referrals(struct lms_agg *a, int n, int sh, int fl, long k)
{
	followed_up(a, n, sh, fl, 0, 0, k);
}

/* The columns of asked, still in a group and their share. */
enum { ASKED = 9, IN_GROUP, IN_GROUP_PCT };

static void still_in_a_group_at_follow_up(void **state)
{
	struct lms_agg a;
	struct lms_table t;

	(void)state;
	followed_up(&a, 8, 0, 0, 6, 4, 0);
	assert_int_equal(a.total.asked, 6);
	assert_int_equal(a.total.in_group, 4);
	lms_agg_followup_table(&a, true, &t);
	assert_string_equal(lms_table_get(&t, 1, ASKED), "6");
	assert_string_equal(lms_table_get(&t, 1, IN_GROUP), "4");
	assert_string_equal(lms_table_get(&t, 1, IN_GROUP_PCT), "67");
	lms_table_release(&t);
	lms_agg_release(&a);
	/* Parts of 0 or k or more show as they are. */
	followed_up(&a, 10, 0, 0, 10, 5, 5);
	assert_int_equal(a.total.asked, 10);
	assert_int_equal(a.total.in_group, 5);
	assert_int_equal(a.total.ref_rounded, 0);
	lms_agg_release(&a);
	/* 6 asked of 8: the 2 not asked are drawn, so the 6 do not show
	 * as 6, nor is anything said of their answers. */
	followed_up(&a, 8, 0, 0, 6, 4, 5);
	assert_true(a.total.asked == 8 || a.total.asked == 3);
	assert_int_equal(a.total.in_group, 0);
	assert_int_equal(a.total.in_group_asked, 0);
	assert_true(a.total.ref_rounded & LMS_ROUNDED_ASKED);
	lms_agg_followup_table(&a, true, &t);
	assert_memory_equal(lms_table_get(&t, 1, ASKED), "\u2248", 3);
	assert_memory_equal(lms_table_get(&t, 1, IN_GROUP), "\u2248", 3);
	lms_table_release(&t);
	lms_agg_release(&a);
	/* 10 asked, 7 in a group and 3 not: the answers round. */
	followed_up(&a, 10, 0, 0, 10, 7, 5);
	assert_int_equal(a.total.asked, 10);
	assert_int_not_equal(a.total.in_group, 7);
	assert_true(a.total.ref_rounded & LMS_ROUNDED_IN_GROUP);
	lms_agg_release(&a);
	/* A piece of 3 shows nothing of it, and the row says so. */
	followed_up(&a, 3, 0, 0, 3, 3, 5);
	assert_int_equal(a.total.asked, 0);
	assert_int_equal(a.total.in_group, 0);
	assert_true(a.total.ref_rounded & LMS_ROUNDED_ASKED);
	lms_agg_release(&a);
}

static void referred_on_by_kind(void **state)
{
	struct lms_agg a;
	struct lms_table t;

	(void)state;
	referrals(&a, 8, 4, 2, 0);
	assert_int_equal(a.total.ref_completed, 8);
	assert_int_equal(a.total.referred, 6);
	assert_int_equal(a.total.kind[LMS_OFFER_SELF_HELP], 4);
	assert_int_equal(a.total.kind[LMS_OFFER_HEALTHY_LIFE], 2);
	assert_int_equal(a.total.kind[LMS_OFFER_OTHER], 0);
	lms_agg_followup_table(&a, true, &t);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(lms_table_get(&t, 0, 0), "c");
	assert_string_equal(lms_table_get(&t, 1, 1), "8");
	assert_string_equal(lms_table_get(&t, 1, 2), "6");
	assert_string_equal(lms_table_get(&t, 1, 3), "75");
	assert_string_equal(lms_table_get(&t, 1, 4), "4");
	assert_string_equal(lms_table_get(&t, 1, 5), "2");
	assert_true(t.total_row);
	lms_table_release(&t);
	lms_agg_release(&a);
	/* Of a piece of k or more, parts of 0 or k or more show as they
	 * are. */
	referrals(&a, 10, 5, 0, 5);
	assert_int_equal(a.total.ref_completed, 10);
	assert_int_equal(a.total.referred, 5);
	assert_int_equal(a.total.kind[LMS_OFFER_SELF_HELP], 5);
	assert_int_equal(a.total.ref_rounded, 0);
	lms_agg_release(&a);
}

/* No part of 1 to k - 1 shows, nor anything of a piece below k. */
static void small_referrals_are_protected(void **state)
{
	struct lms_agg a;
	struct lms_table t;

	(void)state;
	/* 6 referred of 8: the 2 who were not are drawn, so the 6 are not
	 * shown as 6, and no kind is split from a whole that is not
	 * exact. */
	referrals(&a, 8, 4, 2, 5);
	assert_int_equal(a.total.ref_completed, 8);
	assert_true(a.total.referred == 8 || a.total.referred == 3);
	assert_int_equal(a.total.kind[LMS_OFFER_SELF_HELP], 0);
	assert_int_equal(a.total.kind[LMS_OFFER_HEALTHY_LIFE], 0);
	assert_true(a.total.ref_rounded & LMS_ROUNDED_REFERRED);
	lms_agg_followup_table(&a, true, &t);
	assert_memory_equal(lms_table_get(&t, 1, 2), "\u2248", 3);
	lms_table_release(&t);
	lms_agg_release(&a);
	/* 10 referred, 7 to one kind and 3 to another: the kinds split
	 * rounds, and is marked. */
	referrals(&a, 10, 7, 3, 5);
	assert_int_equal(a.total.referred, 10);
	assert_int_not_equal(a.total.kind[LMS_OFFER_SELF_HELP], 7);
	assert_true(a.total.ref_rounded & LMS_ROUNDED_KINDS);
	lms_agg_release(&a);
	/* A piece of 3: none of its referrals show, and the row says so. */
	referrals(&a, 3, 3, 0, 5);
	assert_int_equal(a.total.ref_completed, 0);
	assert_int_equal(a.total.referred, 0);
	assert_int_equal(a.total.kind[LMS_OFFER_SELF_HELP], 0);
	assert_true(a.total.ref_rounded & LMS_ROUNDED_REFERRED);
	lms_agg_release(&a);
}

/* A staff course's people, with one participant beside them. */
static void staff_course(struct lms_agg *a, long k)
{
	struct lms_agg_options opt = { .by = LMS_BY_COURSE,
				       .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .min_cell = k,
				       .exact = !k };
	struct course_files f;

	load(&f, "id: s\ntitle: S\nstatus: completed\n"
	     "target_groups: [staff]\nsessions:\n  - {date: 2026-03-02}\n",
	     "- {person: p-a, role: staff, status: completed, "
	     "requested: 2026-02-20, municipality: \"1806\"}\n"
	     "- {person: p-b, role: staff, status: completed, "
	     "requested: 2026-02-20, municipality: \"1806\"}\n"
	     "- {person: p-c, role: participant, status: completed, "
	     "requested: 2026-02-20, municipality: \"1806\"}\n",
	     "", "");
	assert_true(lms_date_parse("2026-10-01", &opt.today));
	lms_agg_init(a, &opt);
	a->key = &test_key;
	lms_agg_add(a, &(struct lms_agg_course){ .course = &f.c,
		    .enrolments = &f.e, .attendance = &f.a,
		    .evaluations = &f.ev });
	release(&f);
}

/* Staff count apart from participants, in a piece of their own. */
static void staff_are_counted_apart(void **state)
{
	struct lms_agg a;
	struct lms_table t;

	(void)state;
	staff_course(&a, 0);
	assert_int_equal(a.total.staff, 2);
	assert_int_equal(a.total.participants, 1);
	lms_agg_table(&a, false, &t);
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_STAFF), "2");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_PARTICIPANTS), "1");
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_ENROLMENTS), "3");
	lms_table_release(&t);
	lms_agg_release(&a);
	/* Shared: the two staff are a small piece, drawn and marked. */
	staff_course(&a, 5);
	assert_true(a.total.staff == 0 || a.total.staff == 5);
	assert_true(a.total.rounded & LMS_AGG_ROUNDED(LMS_AGG_COL_STAFF));
	lms_agg_release(&a);
}

/*
 * One course of participants from 1806: gp of them sent by their GP, the
 * rest on their own, and one without a referral if none; born in 1990
 * (36 at the course) but for the last, born in 1940; grouped by, for
 * min_cell k (0: exact).
 */
static void split_course(struct lms_agg *a, int by, int gp, int self,
			 bool none, long k)
{
	struct lms_agg_options opt = { .by = by, .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .min_cell = k,
				       .exact = !k };
	struct lms_buf e = LMS_BUF_INIT;
	struct course_files f;
	struct lms_strset years;
	int n = gp + self + none;

	for (int i = 0; i < n; i++) {
		lms_buf_addf(&e, "- {person: p-%d, role: participant, status: "
			     "enrolled, requested: 2026-02-20, municipality: "
			     "\"1806\"%s}\n", i, i < gp ? ", referral: gp" :
			     i < gp + self ? ", referral: self" : "");
	}
	load(&f, "id: s\ntitle: S\nstatus: open\n"
	     "sessions:\n  - {date: 2026-03-02}\n", e.buf, "", "");
	lms_strset_init(&years);
	for (int i = 0; i < n; i++) {
		char id[16];

		snprintf(id, sizeof(id), "p-%d", i);
		lms_strset_add(&years, id, (void *)(intptr_t)(i == n - 1 ?
							      1940 : 1990));
	}
	assert_true(lms_date_parse("2026-10-01", &opt.today));
	lms_agg_init(a, &opt);
	a->key = &test_key;
	lms_agg_add(a, &(struct lms_agg_course){ .course = &f.c,
		    .enrolments = &f.e, .attendance = &f.a,
		    .evaluations = &f.ev, .birth_years = &years });
	lms_strset_release(&years);
	lms_buf_release(&e);
	release(&f);
}

static long people(const struct lms_agg *a, const char *key)
{
	for (size_t i = 0; i < a->nrows; i++)
		if (!strcmp(a->rows[i].key, key))
			return a->rows[i].participants;
	return -1;
}

/* By referral and age band, rows are parts of pieces: exact, or split
 * only as far as each part shows as it is. */
static void rows_by_referral_and_age_band(void **state)
{
	struct lms_agg a;
	struct lms_table t;

	(void)state;
	split_course(&a, LMS_BY_REFERRAL, 6, 2, true, 0);
	assert_int_equal(people(&a, "gp"), 6);
	assert_int_equal(people(&a, "self"), 2);
	assert_int_equal(people(&a, "(none)"), 1);
	assert_int_equal(a.total.participants, 9);
	lms_agg_table(&a, false, &t);
	/* What the people did is the whole piece's: in the totals only. */
	assert_string_equal(lms_table_get(&t, 0, LMS_AGG_COL_ATTENDANCES), "");
	assert_string_equal(lms_table_get(&t, 3, LMS_AGG_COL_ATTENDANCES), "0");
	lms_table_release(&t);
	lms_agg_release(&a);
	/* Parts of 5 show; none recorded is split off last. */
	split_course(&a, LMS_BY_REFERRAL, 5, 5, false, 5);
	assert_int_equal(people(&a, "gp"), 5);
	assert_int_equal(people(&a, "self"), 5);
	assert_int_equal(a.nrows, 2);
	assert_int_equal(a.total.rounded, 0);
	lms_agg_release(&a);
	/* A small part is drawn, and the split stops there: the parts still
	 * add up to the piece, and the rest shows in (not shown). */
	split_course(&a, LMS_BY_REFERRAL, 6, 2, true, 5);
	assert_int_equal(a.total.participants, 9);
	assert_true(people(&a, "self") == -1 || people(&a, "self") == 5);
	assert_int_equal(people(&a, "gp"), -1);
	assert_int_equal((people(&a, "self") > 0 ? 5 : 0) +
			 people(&a, "(not shown)"), 9);
	assert_true(a.rows[a.nrows - 1].rounded &
		    LMS_AGG_ROUNDED(LMS_AGG_COL_PARTICIPANTS));
	lms_agg_release(&a);
	/* A small piece is not split at all. */
	split_course(&a, LMS_BY_AGE_BAND, 2, 1, false, 5);
	assert_int_equal(a.nrows, a.total.participants ? 1 : 0);
	lms_agg_release(&a);
	split_course(&a, LMS_BY_AGE_BAND, 5, 3, true, 0);
	assert_int_equal(people(&a, "30-49"), 8);
	assert_int_equal(people(&a, "80+"), 1);
	lms_agg_release(&a);
}

/* n responses of user representatives to course one, each hort=h. */
static void own_responses(struct lms_agg *a, int n, int h)
{
	struct lms_buf text = LMS_BUF_INIT;
	struct lms_evaluations ev;

	for (int i = 0; i < n; i++)
		lms_buf_addf(&text, "- {form: br, phase: plan, answers: "
			     "{hort: %d, kommentar: Tekst}}\n", h);
	assert_int_equal(lms_facilitator_evaluations_load(&ev, "f", text.buf,
							  text.len), 0);
	lms_agg_add(a, &(struct lms_agg_course){ .course = &one.c,
		    .enrolments = &one.e, .attendance = &one.a,
		    .evaluations = &one.ev, .own = &ev });
	lms_evaluations_release(&ev);
	lms_buf_release(&text);
}

/* The user representatives' own responses count apart, a course's as a
 * piece: a small one drawn and left out of the means. */
static void own_responses_apart(void **state)
{
	struct lms_agg_options opt = { .by = LMS_BY_COURSE,
				       .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .min_cell = 5 };
	struct lms_agg a;
	struct lms_table t;
	long participants;

	(void)state;
	lms_agg_init(&a, &opt);
	a.key = &test_key;
	own_responses(&a, 6, 4);
	participants = a.total.participants;
	own_responses(&a, 2, 1);
	assert_true(a.own.responses == 6 || a.own.responses == 11);
	assert_true(a.own.rounded);
	lms_agg_own_table(&a, &t);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(lms_table_get(&t, 0, 0), "hort");
	assert_string_equal(lms_table_get(&t, 0, 1), "4.00");
	lms_table_release(&t);
	/* Never among the participants' figures. */
	assert_int_equal(a.total.participants, 2 * participants);
	assert_int_equal(a.total.paired, 0);
	lms_agg_release(&a);
	/* Exact: every response, and a mean of any number. */
	opt.exact = true;
	lms_agg_init(&a, &opt);
	own_responses(&a, 2, 1);
	assert_int_equal(a.own.responses, 2);
	lms_agg_own_table(&a, &t);
	assert_string_equal(lms_table_get(&t, 0, 1), "1.00");
	lms_table_release(&t);
	lms_agg_release(&a);
}

/* Ages from the birth year alone, at the year of the course's start. */
static void age_bands(void **state)
{
	int32_t d;

	(void)state;
	assert_true(lms_date_parse("2026-03-02", &d));
	assert_string_equal(lms_age_band_names[lms_age_band(1997, d)], "0-29");
	assert_string_equal(lms_age_band_names[lms_age_band(1996, d)], "30-49");
	assert_string_equal(lms_age_band_names[lms_age_band(1977, d)], "30-49");
	assert_string_equal(lms_age_band_names[lms_age_band(1976, d)], "50-66");
	assert_string_equal(lms_age_band_names[lms_age_band(1960, d)], "50-66");
	assert_string_equal(lms_age_band_names[lms_age_band(1959, d)], "67-79");
	assert_string_equal(lms_age_band_names[lms_age_band(1947, d)], "67-79");
	assert_string_equal(lms_age_band_names[lms_age_band(1946, d)], "80+");
	assert_string_equal(lms_age_band_names[lms_age_band(LMS_UNSET, d)],
			    "unknown");
	assert_string_equal(lms_age_band_names[lms_age_band(2030, d)],
			    "unknown");
	assert_int_equal(lms_age_band(1990, LMS_DATE_NONE), 0);
}

/* The median the histogram of old gave: of the waits in order. */
static double naive_median(int *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
			int t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return n ? (v[(n - 1) / 2] + v[n / 2]) / 2.0 : NAN;
}

/*
 * Many rows, their waits interleaved, some past two years, enough of them
 * that the table of runs grows many times on the way, and a median read
 * half way (the runs merged, then put back into a table by the waits
 * after): each row's median is that of its waits in order, and a row
 * without waits has none.
 */
static void waits_of_many_rows(void **state)
{
	enum { ROWS = 3000, PER = 7 };
	static int v[ROWS + 1][PER * 2];
	size_t n[ROWS + 1] = { 0 };
	struct lms_agg_waits w = { 0 };
	unsigned x = 12345;

	(void)state;
	for (int k = 0; k < PER * 2; k++)
		for (uint32_t r = 0; r < ROWS; r += 1 + (r % 5 == 4)) {
			int days;

			if (k >= PER && r % 3)
				continue;	/* rows of 7 waits and of 14 */
			x = x * 1103515245u + 12345u;
			/* Equal waits too, some over 730 days, and some
			 * below 0, which sort first. */
			days = (int)((x >> 8) % (r % 7 ? 40 : 900)) -
			       (r % 11 ? 0 : 20);
			lms_agg_waits_add(&w, r, days);
			lms_agg_waits_add(&w, LMS_AGG_TOTAL_ROW, days);
			v[r][n[r]++] = days;
			if (k == PER - 1 && r == ROWS - 1)
				assert_true(lms_agg_waits_median(&w, 0) ==
					    naive_median(v[0], n[0]));
		}
	assert_true(w.n < (size_t)ROWS * PER * 2);	/* equal waits, one run */
	for (uint32_t r = 0; r < ROWS; r++) {
		double m = lms_agg_waits_median(&w, r);

		if (!n[r])
			assert_true(isnan(m));
		else
			assert_true(m == naive_median(v[r], n[r]));
	}
	assert_true(isnan(lms_agg_waits_median(&w, ROWS + 7)));
	lms_agg_waits_release(&w);
}

/* What a table in pieces gave: its text, as CSV, and its pieces. */
struct pieces {
	struct lms_buf csv;
	size_t n, most;
};

static void take_piece(const struct lms_table *t, void *arg)
{
	struct pieces *p = arg;

	if (p->n++ == 0) {
		assert_int_equal(t->nrows, 0);
		lms_table_render(t, LMS_FMT_CSV, false, &p->csv);
	} else {
		lms_table_render_rows(t, LMS_FMT_CSV, false, &p->csv);
	}
	if (t->nrows > p->most)
		p->most = t->nrows;
}

/* A report by course of 2,500 courses, in pieces, is the whole table's
 * text, a few rows at a time; and so is its follow-up table. */
static void table_in_pieces(void **state)
{
	enum { COURSES = 2500 };
	struct lms_agg_options opt = { .by = LMS_BY_COURSE,
				       .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .exact = true };
	struct lms_agg_course in = { .facilitators = facs,
				     .nfacilitators = nfacs,
				     .course = &one.c, .enrolments = &one.e,
				     .attendance = &one.a,
				     .evaluations = &one.ev,
				     .meetings = &one.m };
	char *id = one.c.id, name[16];
	struct lms_agg a;

	(void)state;
	assert_true(lms_date_parse("2026-10-01", &opt.today));
	lms_agg_init(&a, &opt);
	lms_agg_expect(&a, COURSES);
	for (int i = COURSES; i > 0; i--) {
		snprintf(name, sizeof(name), "c%04d", i);
		one.c.id = name;
		lms_agg_add(&a, &in);
	}
	one.c.id = id;
	assert_int_equal(a.nrows, COURSES);
	assert_int_equal(a.rows_cap, COURSES);
	for (int followup = 0; followup < 2; followup++) {
		struct pieces p = { LMS_BUF_INIT, 0, 0 };
		struct lms_buf whole = LMS_BUF_INIT;
		struct lms_table t;

		if (followup)
			lms_agg_followup_table(&a, false, &t);
		else
			lms_agg_table(&a, false, &t);
		lms_table_render(&t, LMS_FMT_CSV, false, &whole);
		lms_agg_table_pieces(&a, false, followup, take_piece, &p);
		assert_string_equal(p.csv.buf, whole.buf);
		assert_int_equal(p.n, 1 + (COURSES + 1 + LMS_AGG_PIECE_ROWS - 1) /
					  LMS_AGG_PIECE_ROWS);
		assert_int_equal(p.most, LMS_AGG_PIECE_ROWS);
		assert_non_null(strstr(whole.buf, "\nc0001,"));
		lms_table_release(&t);
		lms_buf_release(&whole);
		lms_buf_release(&p.csv);
	}
	lms_agg_release(&a);
}

/* The totals' median, over the rows' waits, the old histogram's. */
static void median_of_the_totals(void **state)
{
	struct lms_agg_waits w = { 0 };
	int v[] = { 800, 3, 3, 1200, 0, 730, 731, 3 };
	int sorted[8];

	(void)state;
	for (size_t i = 0; i < 8; i++) {
		lms_agg_waits_add(&w, LMS_AGG_TOTAL_ROW, v[i]);
		sorted[i] = v[i];
	}
	assert_true(lms_agg_waits_median(&w, LMS_AGG_TOTAL_ROW) ==
		    naive_median(sorted, 8));
	/* 0 3 3 3 | 730 731 800 1200 */
	assert_true(lms_agg_waits_median(&w, LMS_AGG_TOTAL_ROW) == 366.5);
	lms_agg_waits_add(&w, LMS_AGG_TOTAL_ROW, 2000);
	assert_true(lms_agg_waits_median(&w, LMS_AGG_TOTAL_ROW) == 730);
	lms_agg_waits_add(&w, LMS_AGG_TOTAL_ROW, 2000);
	assert_true(lms_agg_waits_median(&w, LMS_AGG_TOTAL_ROW) == 730.5);
	assert_true(isnan(lms_agg_waits_median(&w, 0)));
	lms_agg_waits_release(&w);
}

/* A record decoded again into the memory of the ones before (and of a
 * truncation of it, refused): encoded, it is the record. */
static void decodes_again(struct lms_agg_contrib *again, const struct lms_buf *b,
			  const unsigned char fp[32])
{
	struct lms_buf back = LMS_BUF_INIT;
	const unsigned char *data = (const unsigned char *)b->buf;

	assert_int_equal(lms_agg_contrib_decode_again(data, b->len - 1, fp,
						      again), -1);
	assert_int_equal(lms_agg_contrib_decode_again(data, b->len, fp, again),
			 1);
	lms_agg_contrib_encode(again, fp, &back);
	assert_int_equal(back.len, b->len);
	assert_memory_equal(back.buf, b->buf, b->len);
	lms_buf_release(&back);
}

/* The same courses through records of the index: a contribution made,
 * encoded, decoded and merged, and every truncation of it refused. */
static void run_records(struct lms_agg *agg, int by, long k)
{
	struct lms_agg_contrib again = { 0 };
	struct lms_agg_options opt = { .by = by, .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .form = "se",
				       .min_cell = k, .exact = !k };
	struct lms_agg_course in = { .form = &form, .facilitators = facs,
				     .nfacilitators = nfacs };
	unsigned char fp[32] = { 7 }, other[32] = { 8 };

	assert_true(lms_date_parse("2026-10-01", &opt.today));
	lms_agg_init(agg, &opt);
	agg->key = &test_key;
	for (struct course_files *f = &one; f; f = f == &one ? &two : NULL) {
		struct lms_agg_contrib c, d;
		struct lms_buf b = LMS_BUF_INIT;

		in.course = &f->c;
		in.enrolments = &f->e;
		in.attendance = &f->a;
		in.evaluations = &f->ev;
		in.meetings = &f->m;
		if (!lms_agg_wants(agg, &f->c)) {
			lms_agg_contrib_encode(NULL, fp, &b);
			assert_int_equal(lms_agg_contrib_decode(
				(const unsigned char *)b.buf, b.len, fp, &d), 0);
			assert_int_equal(lms_agg_contrib_decode_again(
				(const unsigned char *)b.buf, b.len, fp,
				&again), 0);
			lms_buf_release(&b);
			continue;
		}
		lms_agg_contrib_make(agg, &in, &c);
		lms_agg_contrib_encode(&c, fp, &b);
		lms_agg_contrib_release(&c);
		for (size_t len = 0; len < b.len; len++)
			assert_int_equal(lms_agg_contrib_decode(
				(const unsigned char *)b.buf, len, fp, &d), -1);
		assert_int_equal(lms_agg_contrib_decode(
			(const unsigned char *)b.buf, b.len, other, &d), -1);
		assert_int_equal(lms_agg_contrib_decode(
			(const unsigned char *)b.buf, b.len, fp, &d), 1);
		d.pair_form = in.form_version;
		lms_agg_contrib_merge(agg, &d);
		lms_agg_contrib_release(&d);
		decodes_again(&again, &b, fp);
		lms_buf_release(&b);
	}
	lms_agg_contrib_release(&again);
}

static void same_row(const struct lms_agg_row *x, const struct lms_agg_row *y)
{
	size_t at = offsetof(struct lms_agg_row, last_course);

	assert_string_equal(x->key, y->key);
	assert_memory_equal((const char *)x + at, (const char *)y + at,
			    sizeof(*x) - at);
}

static void records_add_up_as_files(void **state)
{
	static const int bys[] = {
		LMS_BY_COURSE, LMS_BY_MUNICIPALITY, LMS_BY_YEAR, LMS_BY_TERM,
		LMS_BY_TARGET_GROUP, LMS_BY_TOPIC, LMS_BY_REFERRAL, LMS_BY_ROLE
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bys) / sizeof(*bys); i++)
		for (long k = 0; k <= 5; k += 5) {
			struct lms_agg a, b;

			run_k(&a, bys[i], k);
			run_records(&b, bys[i], k);
			assert_int_equal(a.nrows, b.nrows);
			for (size_t r = 0; r < a.nrows; r++)
				same_row(&a.rows[r], &b.rows[r]);
			same_row(&a.total, &b.total);
			lms_agg_waits_merge(a.waits);
			lms_agg_waits_merge(b.waits);
			assert_int_equal(a.waits->n, b.waits->n);
			if (a.waits->n)
				assert_memory_equal(a.waits->v, b.waits->v,
						    a.waits->n * sizeof(*a.waits->v));
			assert_int_equal(a.own.responses, b.own.responses);
			assert_int_equal(a.own.nitems, b.own.nitems);
			lms_agg_release(&a);
			lms_agg_release(&b);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(referred_on_by_kind, setup, teardown),
		cmocka_unit_test_setup_teardown(still_in_a_group_at_follow_up, setup, teardown),
		cmocka_unit_test_setup_teardown(small_referrals_are_protected, setup, teardown),
		T(totals_count_each_course_s_people),
		T(groups_of_courses),
		T(homes_of_enrolments),
		T(homes_by_name_for_people),
		T(filters),
		T(the_shared_table_rounds_small_pieces),
		T(only_sessions_and_listed_forms),
		T(no_difference_of_windows_shows_a_small_count),
		T(forms_that_differ_are_never_pooled),
		T(staff_are_counted_apart),
		T(rows_by_referral_and_age_band),
		cmocka_unit_test(age_bands),
		T(own_responses_apart),
		cmocka_unit_test(waits_of_many_rows),
		cmocka_unit_test(median_of_the_totals),
		cmocka_unit_test(table_in_pieces),
		T(records_add_up_as_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
