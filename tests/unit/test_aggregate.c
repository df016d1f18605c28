#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "test.h"

#include "../../lib/aggregate.h"
#include "../../lib/date.h"

/* Two courses sharing a person, built from YAML as the files would be. */
struct course_files {
	struct lms_course c;
	struct lms_enrolments e;
	struct lms_attendance a;
	struct lms_evaluations ev;
};

static struct lms_form form;
static struct lms_facilitator *facs;
static size_t nfacs;
static struct course_files one, two;

static void load(struct course_files *f, const char *c, const char *e,
		 const char *a, const char *ev)
{
	assert_int_equal(lms_course_load(&f->c, "c", c, strlen(c), NULL, NULL), 0);
	assert_int_equal(lms_enrolments_load(&f->e, "e", e, strlen(e)), 0);
	assert_int_equal(lms_attendance_load(&f->a, "a", a, strlen(a)), 0);
	assert_int_equal(lms_evaluations_load(&f->ev, "v", ev, strlen(ev)), 0);
}

static int setup(void **state)
{
	const char *fm = "id: se\ntitle: SE\nscale: {min: 1, max: 4}\nitems:\n"
			 "  - {id: a, text: A}\n  - {id: b, text: B}\n";
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

static void run(struct lms_agg *agg, int by)
{
	struct lms_agg_options opt = { .by = by, .from = LMS_DATE_NONE,
				       .to = LMS_DATE_NONE, .form = "se" };
	struct lms_agg_course in = { .form = &form, .facilitators = facs,
				     .nfacilitators = nfacs };

	assert_true(lms_date_parse("2026-10-01", &opt.today));
	lms_agg_init(agg, &opt);
	for (struct course_files *f = &one; f; f = f == &one ? &two : NULL) {
		in.course = &f->c;
		in.enrolments = &f->e;
		in.attendance = &f->a;
		in.evaluations = &f->ev;
		if (lms_agg_wants(agg, &f->c))
			lms_agg_add(agg, &in);
	}
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

static void totals_count_people_once(void **state)
{
	struct lms_agg a;
	const struct lms_agg_row *t;

	(void)state;
	run(&a, LMS_BY_COURSE);
	t = find(&a, "total");
	assert_int_equal(t->courses, 2);
	/* Sessions held by 2026-10-01: two, and one of two. */
	assert_int_equal(t->sessions, 3);
	assert_int_equal(t->participants, 1);	/* p-a, on both courses */
	assert_int_equal(t->relatives, 1);
	assert_int_equal(t->enrolments, 3);
	assert_int_equal(t->waitlisted, 1);
	assert_int_equal(t->completed, 1);
	assert_int_equal(t->not_completed, 1);
	assert_int_equal(t->present, 4);
	assert_int_equal(t->marked, 5);
	assert_int_equal(t->headcount, 4);
	assert_int_equal(t->ur_courses, 1);
	assert_int_equal(t->pairs, 1);
	assert_true(fabs(t->change_mean - 2) < 1e-12);
	/* Waits: 10, 2 and 31 days; the median is 10. */
	assert_true(fabs(lms_agg_median_wait(t) - 10) < 1e-12);
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
	assert_int_equal(narvik->participants, 1);
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

static void the_table_hides_small_counts(void **state)
{
	struct lms_agg a;
	struct lms_table t;

	(void)state;
	run(&a, LMS_BY_COURSE);
	lms_agg_table(&a, 5, &t);
	assert_int_equal(t.nrows, 3);
	assert_string_equal(lms_table_get(&t, 0, 0), "one");
	assert_string_equal(lms_table_get(&t, 0, 3), "<5");	/* participants */
	assert_string_equal(lms_table_get(&t, 0, 7), "x");	/* completion */
	assert_string_equal(lms_table_get(&t, 2, 0), "total");
	assert_string_equal(lms_table_get(&t, 2, 1), "2");	/* courses shown */
	assert_true(t.total_row);
	lms_table_release(&t);
	/* With min_cell 1 nothing is hidden. */
	lms_agg_table(&a, 1, &t);
	assert_string_equal(lms_table_get(&t, 2, 3), "1");
	assert_string_equal(lms_table_get(&t, 0, 7), "50");
	assert_string_equal(lms_table_get(&t, 2, 10), "10");
	assert_string_equal(lms_table_get(&t, 2, 15), "2.00");
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

/* Courses of given numbers of participants and relatives, by course. */
#define NROWS 3

static void add_people(struct lms_agg *a, const int (*people)[2], size_t n)
{
	for (size_t i = 0; i < n; i++) {
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

/* A cell as the attack reads it: shown (lo == hi), "<5" or "x". */
static void bounds(const struct lms_table *t, size_t r, size_t c, long max,
		   long *lo, long *hi)
{
	const char *cell = lms_table_get(t, r, c);

	if (!strcmp(cell, "x"))
		*lo = 5, *hi = max;	/* a zero is never hidden */
	else if (!strcmp(cell, "<5"))
		*lo = 1, *hi = 4;
	else
		*lo = *hi = atol(cell);
}

/*
 * The attack along rows and columns: every participants and relatives
 * count of every row within what its cells show, enrolments their sum,
 * each column adding up to its shown total.  Returns the row and column
 * of a "<5" cell that only one solution fits, or -1.
 */
static int attack(const struct lms_table *t, long max)
{
	long lo[NROWS][3], hi[NROWS][3], tlo[3], thi[3];
	long seen_lo[NROWS][2], seen_hi[NROWS][2], v[NROWS][2];

	assert_int_equal(t->nrows, NROWS + 1);
	for (size_t c = 0; c < 3; c++) {
		/* No cell is more than its column's total. */
		bounds(t, NROWS, 3 + c, 3 * max, &tlo[c], &thi[c]);
		for (size_t r = 0; r < NROWS; r++)
			bounds(t, r, 3 + c, thi[c], &lo[r][c], &hi[r][c]);
	}
	for (size_t r = 0; r < NROWS; r++)
		for (size_t c = 0; c < 2; c++)
			seen_lo[r][c] = LONG_MAX, seen_hi[r][c] = LONG_MIN,
			v[r][c] = lo[r][c];
	for (;;) {
		long sum[3] = { 0, 0, 0 };
		bool fits = true;
		size_t d = 0;

		for (size_t r = 0; r < NROWS; r++) {
			long e = v[r][0] + v[r][1];

			fits &= e >= lo[r][2] && e <= hi[r][2];
			sum[0] += v[r][0], sum[1] += v[r][1], sum[2] += e;
		}
		for (size_t c = 0; c < 3; c++)
			fits &= sum[c] >= tlo[c] && sum[c] <= thi[c];
		for (size_t r = 0; r < NROWS && fits; r++)
			for (size_t c = 0; c < 2; c++) {
				if (v[r][c] < seen_lo[r][c])
					seen_lo[r][c] = v[r][c];
				if (v[r][c] > seen_hi[r][c])
					seen_hi[r][c] = v[r][c];
			}
		while (d < 2 * NROWS && ++v[d / 2][d % 2] > hi[d / 2][d % 2]) {
			v[d / 2][d % 2] = lo[d / 2][d % 2];
			d++;
		}
		if (d == 2 * NROWS)
			break;
	}
	for (size_t r = 0; r < NROWS; r++)
		for (size_t c = 0; c < 2; c++)
			if (!strcmp(lms_table_get(t, r, 3 + c), "<5") &&
			    seen_lo[r][c] == seen_hi[r][c])
				return (int)(r * 10 + c);
	return -1;
}

static void no_small_count_can_be_worked_out_along_a_row(void **state)
{
	/* Each course's enrolments are its participants plus relatives, so
	 * hiding the relatives alone would give them away. */
	static const int tables[][NROWS][2] = {
		{ { 6, 2 }, { 0, 5 }, { 5, 0 } },
		{ { 9, 1 }, { 7, 0 }, { 0, 6 } },
		{ { 3, 6 }, { 8, 2 }, { 5, 5 } },
		{ { 0, 0 }, { 7, 4 }, { 6, 0 } },
	};

	int random[120][NROWS][2];
	unsigned seed = 1;

	(void)state;
	/* And tables of small counts, as many as run in a moment. */
	for (size_t i = 0; i < 120; i++)
		for (size_t r = 0; r < NROWS; r++)
			for (size_t c = 0; c < 2; c++) {
				seed = seed * 1103515245u + 12345u;
				random[i][r][c] = (int)((seed >> 16) % 10);
			}
	for (size_t i = 0; i < 4 + 120; i++) {
		struct lms_agg_options opt = { .by = LMS_BY_COURSE,
					       .from = LMS_DATE_NONE,
					       .to = LMS_DATE_NONE };
		struct lms_agg a;
		struct lms_table t;
		int found;

		assert_true(lms_date_parse("2026-10-01", &opt.today));
		lms_agg_init(&a, &opt);
		add_people(&a, i < 4 ? tables[i] : (const int (*)[2])random[i - 4],
			   NROWS);
		lms_agg_table(&a, 5, &t);
		found = attack(&t, 20);
		if (found >= 0) {
			const int (*people)[2] = i < 4 ? tables[i] :
				(const int (*)[2])random[i - 4];

			for (size_t r = 0; r <= NROWS; r++)
				print_message("%s: %s %s %s (of %d %d)\n",
					      lms_table_get(&t, r, 0),
					      lms_table_get(&t, r, 3),
					      lms_table_get(&t, r, 4),
					      lms_table_get(&t, r, 5),
					      r < NROWS ? people[r][0] : 0,
					      r < NROWS ? people[r][1] : 0);
		}
		if (found >= 0)
			fail_msg("table %zu: row %d's %s can be worked out", i,
				 found / 10, found % 10 ? "relatives" : "participants");
		lms_table_release(&t);
		lms_agg_release(&a);
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
				       .name_trees = true };
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
	lms_agg_table(&a, 1, &t);
	assert_string_equal(lms_table_get(&t, 0, 0), "A/one");
	assert_string_equal(lms_table_get(&t, 0, 15), "2.00");
	assert_string_equal(lms_table_get(&t, 1, 15), "2.00");
	assert_string_equal(lms_table_get(&t, 2, 0), "total");
	assert_string_equal(lms_table_get(&t, 2, 12), "2");
	for (size_t c = 13; c <= 16; c++)
		assert_string_equal(lms_table_get(&t, 2, c), "");
	lms_table_release(&t);
	lms_agg_release(&a);
	lms_buf_release(&note);
	lms_form_release(&five);
	lms_form_release(&reordered);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(totals_count_people_once),
		T(groups_of_courses),
		T(homes_of_enrolments),
		T(filters),
		T(the_table_hides_small_counts),
		T(only_sessions_and_listed_forms),
		T(no_small_count_can_be_worked_out_along_a_row),
		T(forms_that_differ_are_never_pooled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
