#include <stdlib.h>

#include "test.h"

#include "buf.h"
#include "course.h"
#include "date.h"
#include "emit.h"
#include "facilitator.h"
#include "fees.h"
#include "i18n.h"
#include "meeting.h"
#include "money.h"
#include "service.h"

/* Kroner in, øre kept, kroner out: never a float on the way. */
static void money(void **state)
{
	static const char *const bad[] = {
		"", "-5", "250.", ".5", "1.234", "12a", "1e3", " 5",
		"1000000001", NULL
	};
	int64_t ore;
	char s[32];

	(void)state;
	assert_true(lms_money_parse("250", &ore));
	assert_int_equal(ore, 25000);
	assert_true(lms_money_parse("312.5", &ore));
	assert_int_equal(ore, 31250);
	assert_true(lms_money_parse("0,07", &ore));
	assert_int_equal(ore, 7);
	assert_true(lms_money_parse("1000000000", &ore));
	for (size_t i = 0; bad[i]; i++)
		assert_false(lms_money_parse(bad[i], &ore));
	lms_money_format(123456, s);
	assert_string_equal(s, "1234.56");
	lms_money_format(-5, s);
	assert_string_equal(s, "-0.05");
	lms_money_format(0, s);
	assert_string_equal(s, "0.00");
}

static int load_service(const char *text, struct lms_service *s)
{
	return lms_service_load(s, "lms.yaml", text, strlen(text));
}

/* The rates of lms.yaml, and their errors at the line and column. */
static void rates(void **state)
{
	struct lms_service s;

	(void)state;
	assert_int_equal(load_service("name: T\nmunicipality: \"9999\"\n"
				      "fees:\n  per_session: 250\n"
				      "  travel: 80.50\n  to: all\n", &s), 0);
	assert_true(s.fees.per_session.given);
	assert_int_equal(s.fees.per_session.ore, 25000);
	assert_false(s.fees.per_hour.given);
	assert_int_equal(s.fees.travel.ore, 8050);
	assert_false(s.fees.yearly_limit.given);
	assert_int_equal(s.fees.to, LMS_FEES_TO_ALL);
	lms_service_release(&s);
	assert_error(load_service("name: T\nmunicipality: \"9999\"\nfees:\n"
				  "  per_hour: 12.345\n", &s), LMS_EDATA, 4,
		     13, "fees.per_hour: '12.345' is not an amount in "
		     "kroner, such as 250 or 312.50");
	assert_error(load_service("name: T\nmunicipality: \"9999\"\nfees:\n"
				  "  travel: [1]\n", &s), LMS_EDATA, 4, 11,
		     "fees.travel: expected an amount in kroner, such as 250 "
		     "or 312.50");
	assert_int_equal(load_service("name: T\nmunicipality: \"9999\"\n"
				      "fees:\n  to: staff\n", &s), LMS_EDATA);
}

static const char registry[] =
	"- {id: fag, name: Fag, kind: professional}\n"
	"- {id: ur, name: Ur, kind: user-representative}\n"
	"- {id: reise, name: Reise, kind: user-representative, "
	"travel: 80.50}\n"
	"- {id: lonn, name: Lonn, kind: user-representative, fee: no}\n";

/* fee: and travel: of the registry, read and written back. */
static void registry_keys(void **state)
{
	struct lms_facilitator *v;
	struct lms_buf out = LMS_BUF_INIT;
	size_t n;

	(void)state;
	assert_int_equal(lms_facilitators_load(&v, &n, "f", registry,
					       strlen(registry), NULL), 0);
	assert_int_equal(v[1].fee, LMS_UNSET);
	assert_int_equal(v[3].fee, 0);
	assert_true(v[2].travel.given);
	assert_int_equal(v[2].travel.ore, 8050);
	lms_emit_list(&out, &lms_facilitator_schema, v + 2, 2, 0);
	assert_string_equal(out.buf,
			    "- id: reise\n  name: Reise\n"
			    "  kind: user-representative\n  travel: 80.50\n"
			    "- id: lonn\n  name: Lonn\n"
			    "  kind: user-representative\n  fee: false\n");
	lms_buf_release(&out);
	lms_facilitators_free(v, n);
}

static const char course_yaml[] =
	"id: k\ntitle: K\nstatus: open\n"
	"facilitators:\n  - {id: ur, phases: [deliver]}\n"
	"sessions:\n"
	"  - {date: 2026-06-29, start: \"10:00\", end: \"12:00\", "
	"led_by: [ur]}\n"
	"  - {date: 2026-09-07, start: \"18:00\", end: \"20:30\", "
	"led_by: [fag, ur, reise]}\n"
	"  - {date: 2026-09-14, start: \"18:00\", end: \"19:40\", "
	"led_by: [reise, lonn, ukjent]}\n"
	"  - {date: 2026-09-21}\n";

struct fixture {
	struct lms_facilitator *reg;
	size_t nreg;
	struct lms_course course;
	struct lms_fee_rates rates;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (lms_facilitators_load(&f->reg, &f->nreg, "f", registry,
				  strlen(registry), NULL) ||
	    lms_course_load(&f->course, "c", course_yaml, strlen(course_yaml),
			    NULL, NULL))
		return -1;
	f->rates.per_session = (struct lms_amount){ 25000, true };
	f->rates.per_hour = (struct lms_amount){ 40000, true };
	f->rates.travel = (struct lms_amount){ 15000, true };
	f->rates.yearly_limit = (struct lms_amount){ 300000, true };
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	lms_facilitators_free(f->reg, f->nreg);
	lms_course_release(&f->course);
	free(f);
	return 0;
}

static const struct lms_fee_row *row(const struct lms_fees *f, size_t i,
				     const char *who, const char *course)
{
	assert_true(i < f->nrows);
	assert_string_equal(f->rows[i].facilitator, who);
	if (course)
		assert_string_equal(f->rows[i].course, course);
	else
		assert_null(f->rows[i].course);
	return &f->rows[i];
}

static void figures(const struct lms_fee_row *r, size_t sessions,
		    long minutes, int64_t fee, int64_t travel)
{
	assert_int_equal(r->sessions, sessions);
	assert_int_equal(r->minutes, minutes);
	assert_int_equal(r->fee, fee);
	assert_int_equal(r->travel, travel);
}

/*
 * Who is paid what for the autumn: the user representative by the rates,
 * one with a travel of their own, not the professional, not one paid by
 * salary (fee: no), nor one the registry does not know; all counted.
 */
static void autumn(void **state)
{
	struct fixture *x = *state;
	struct lms_fees f;
	int32_t from, to;

	assert_int_equal(lms_fees_term("2026H", &from, &to), 0);
	lms_fees_init(&f, from, to);
	lms_fees_add_course(&f, &x->rates, x->reg, x->nreg, &x->course,
			    NULL);
	lms_fees_finish(&f);
	assert_int_equal(f.nrows, 10);
	figures(row(&f, 0, "fag", "k"), 1, 150, 0, 0);
	figures(row(&f, 1, "fag", NULL), 1, 150, 0, 0);
	figures(row(&f, 2, "lonn", "k"), 1, 100, 0, 0);
	assert_false(f.rows[2].paid);
	row(&f, 3, "lonn", NULL);
	/* 250 + 400 * 100 / 60 = 916.666..., 916.67 to the øre. */
	figures(row(&f, 4, "reise", "k"), 2, 250, 125000 + 91667, 2 * 8050);
	assert_true(f.rows[4].paid);
	row(&f, 5, "reise", NULL);
	figures(row(&f, 6, "ukjent", "k"), 1, 100, 0, 0);
	assert_null(f.rows[6].name);
	row(&f, 7, "ukjent", NULL);
	/* A session without times is a session, of no hours. */
	figures(row(&f, 8, "ur", "k"), 2, 150, 150000, 30000);
	figures(row(&f, 9, "ur", NULL), 2, 150, 150000, 30000);
	lms_fees_release(&f);
}

/* to: all pays professionals too; a cancelled course pays no one. */
static void to_all_and_cancelled(void **state)
{
	struct fixture *x = *state;
	struct lms_fees f;

	x->rates.to = LMS_FEES_TO_ALL;
	lms_fees_init(&f, LMS_DATE_NONE, lms_date_from_ymd(2026, 9, 7));
	lms_fees_add_course(&f, &x->rates, x->reg, x->nreg, &x->course,
			    NULL);
	lms_fees_finish(&f);
	figures(row(&f, 0, "fag", "k"), 1, 150, 125000, 15000);
	/* The spring session too: the period has no start. */
	figures(row(&f, 4, "ur", "k"), 2, 270, 230000, 30000);
	lms_fees_release(&f);
	x->course.status = LMS_COURSE_CANCELLED;
	lms_fees_init(&f, LMS_DATE_NONE, LMS_DATE_NONE);
	lms_fees_add_course(&f, &x->rates, x->reg, x->nreg, &x->course,
			    NULL);
	lms_fees_finish(&f);
	assert_int_equal(f.nrows, 0);
	lms_fees_release(&f);
}

/* The report's table has every row; payroll's only the paid people's
 * courses, with the period. */
/* Takes the pieces of a table as CSV, as the report prints them. */
static void piece_csv(const struct lms_table *piece, void *arg)
{
	struct lms_buf *out = arg;

	if (!out->len)
		lms_table_render(piece, LMS_FMT_CSV, false, out);
	else
		lms_table_render_rows(piece, LMS_FMT_CSV, false, out);
}

/* In pieces, the report's table of 300 courses, more rows than a piece
 * holds, is the whole table, across the pieces' bounds. */
static void report_in_pieces(void **state)
{
	struct fixture *x = *state;
	struct lms_buf whole = LMS_BUF_INIT, pieces = LMS_BUF_INIT;
	char *id = x->course.id, other[16];
	struct lms_table t;
	struct lms_fees f;

	lms_fees_init(&f, LMS_DATE_NONE, LMS_DATE_NONE);
	x->course.id = other;
	for (int i = 0; i < 300; i++) {
		snprintf(other, sizeof(other), "k%03d", i);
		lms_fees_add_course(&f, &x->rates, x->reg, x->nreg,
				    &x->course, NULL);
	}
	x->course.id = id;
	lms_fees_finish(&f);
	assert_true(f.nrows > LMS_FEES_PIECE_ROWS + 1);
	lms_fees_report_table(&f, true, &t);
	lms_table_render(&t, LMS_FMT_CSV, false, &whole);
	lms_fees_report_pieces(&f, true, piece_csv, &pieces);
	assert_string_equal(pieces.buf, whole.buf);
	lms_table_release(&t);
	lms_buf_release(&whole);
	lms_buf_release(&pieces);
	lms_fees_release(&f);
}

static void tables(void **state)
{
	struct fixture *x = *state;
	struct lms_buf out = LMS_BUF_INIT;
	struct lms_table t;
	struct lms_fees f;

	lms_fees_init(&f, lms_date_from_ymd(2026, 9, 1),
		      lms_date_from_ymd(2026, 9, 30));
	lms_fees_add_course(&f, &x->rates, x->reg, x->nreg, &x->course,
			    NULL);
	lms_fees_finish(&f);
	lms_fees_export_table(&f, &t);
	lms_table_render(&t, LMS_FMT_CSV, false, &out);
	assert_string_equal(out.buf,
		"facilitator,name,course,from,to,sessions,hours,fee,travel,"
		"total,meetings\n"
		"reise,Reise,k,2026-09-01,2026-09-30,2,4.17,2166.67,161.00,"
		"2327.67,0\n"
		"ur,Ur,k,2026-09-01,2026-09-30,2,2.50,1500.00,300.00,1800.00,"
		"0\n");
	lms_table_release(&t);
	lms_buf_reset(&out);
	lms_fees_report_table(&f, false, &t);
	assert_int_equal(t.nrows, 10);
	assert_string_equal(lms_table_get(&t, 1, 2), "all courses");
	assert_string_equal(lms_table_get(&t, 4, 4), "0");
	assert_string_equal(lms_table_get(&t, 4, 5), "4.17");
	lms_table_release(&t);
	/* For scripts the meetings are last: no column has moved. */
	lms_fees_report_table(&f, true, &t);
	lms_table_render(&t, LMS_FMT_CSV, false, &out);
	assert_string_equal(out.buf,
		"facilitator,name,course,sessions,hours,fee,travel,total,"
		"meetings\n"
		"fag,Fag,k,1,2.50,0.00,0.00,0.00,0\n"
		"fag,Fag,all courses,1,2.50,0.00,0.00,0.00,0\n"
		"lonn,Lonn,k,1,1.67,0.00,0.00,0.00,0\n"
		"lonn,Lonn,all courses,1,1.67,0.00,0.00,0.00,0\n"
		"reise,Reise,k,2,4.17,2166.67,161.00,2327.67,0\n"
		"reise,Reise,all courses,2,4.17,2166.67,161.00,2327.67,0\n"
		"ukjent,,k,1,1.67,0.00,0.00,0.00,0\n"
		"ukjent,,all courses,1,1.67,0.00,0.00,0.00,0\n"
		"ur,Ur,k,2,2.50,1500.00,300.00,1800.00,0\n"
		"ur,Ur,all courses,2,2.50,1500.00,300.00,1800.00,0\n");
	lms_buf_reset(&out);
	lms_table_release(&t);
	lms_buf_release(&out);
	lms_fees_release(&f);
}

static const char meetings_yaml[] =
	"- {date: 2026-08-20, kind: plan, hours: 1.5, with: [ur, fag]}\n"
	"- {date: 2026-09-30, kind: evaluate, with: [ur, lonn, reise]}\n"
	"- {date: 2026-10-01, kind: other, hours: 0.33, with: [ukjent]}\n"
	"- {date: 2027-01-10, kind: other, hours: 2, with: [ur]}\n";

/*
 * Meetings count for each with them: their hours, paid at the hourly
 * rate alone (no fee per session, no travel), to those paid for the
 * course's sessions; in the period only; a cancelled course's not.
 */
static void meetings(void **state)
{
	struct fixture *x = *state;
	struct lms_fee_years y = { NULL, 0 };
	struct lms_meetings m;
	struct lms_fees f;

	assert_int_equal(lms_meetings_load(&m, "m", meetings_yaml,
					   strlen(meetings_yaml), NULL), 0);
	lms_fees_init(&f, lms_date_from_ymd(2026, 7, 1),
		      lms_date_from_ymd(2026, 12, 31));
	lms_fees_add_course(&f, &x->rates, x->reg, x->nreg, &x->course, &m);
	lms_fees_finish(&f);
	assert_int_equal(f.nrows, 10);
	/* Counted, unpaid: a professional, fee: no, one not registered. */
	figures(row(&f, 0, "fag", "k"), 1, 150 + 90, 0, 0);
	assert_int_equal(f.rows[0].meetings, 1);
	figures(row(&f, 2, "lonn", "k"), 1, 100 + 60, 0, 0);
	/* 0.33 hours: 19.8 minutes, 20. */
	figures(row(&f, 6, "ukjent", "k"), 1, 100 + 20, 0, 0);
	assert_int_equal(f.rows[6].meetings, 1);
	/* reise: one hour at 400, travel for the sessions alone. */
	figures(row(&f, 4, "reise", "k"), 2, 310, 216667 + 40000, 2 * 8050);
	/* ur: 1.5 hours and 1 hour at 400; not the meeting of 2027. */
	figures(row(&f, 8, "ur", "k"), 2, 150 + 150, 150000 + 100000, 30000);
	assert_int_equal(f.rows[8].meetings, 2);
	figures(row(&f, 9, "ur", NULL), 2, 300, 250000, 30000);
	assert_int_equal(f.rows[9].meetings, 2);
	lms_fees_release(&f);
	/* The years: ur's meeting of 2027 is of 2027. */
	lms_fee_years_add_course(&y, &x->rates, x->reg, x->nreg, &x->course,
				 &m, lms_date_from_ymd(2026, 9, 10));
	assert_int_equal(y.n, 3);
	assert_string_equal(y.v[0].facilitator, "ur");
	assert_int_equal(y.v[0].all, 300000 + 60000 + 40000);
	assert_int_equal(y.v[0].held, 260000 + 60000);
	assert_string_equal(y.v[2].facilitator, "ur");
	assert_int_equal(y.v[2].year, 2027);
	assert_int_equal(y.v[2].all, 80000);
	lms_fee_years_release(&y);
	x->course.status = LMS_COURSE_CANCELLED;
	lms_fees_init(&f, LMS_DATE_NONE, LMS_DATE_NONE);
	lms_fees_add_course(&f, &x->rates, x->reg, x->nreg, &x->course, &m);
	assert_int_equal(f.nrows, 0);
	lms_fees_release(&f);
	lms_meetings_release(&m);
}

static void terms(void **state)
{
	int32_t from, to;
	char a[11], b[11];

	(void)state;
	assert_int_equal(lms_fees_term("2027v", &from, &to), 0);
	lms_date_format(from, a);
	lms_date_format(to, b);
	assert_string_equal(a, "2027-01-01");
	assert_string_equal(b, "2027-06-30");
	assert_int_equal(lms_fees_term("2026", &from, &to), LMS_EUSAGE);
	assert_int_equal(lms_fees_term("2026X", &from, &to), LMS_EUSAGE);
	assert_int_equal(lms_fees_term("20a6H", &from, &to), LMS_EUSAGE);
}

/*
 * The yearly limit: passed by the fees of sessions held, or to be passed
 * by those planned; in kroner as the reader writes them.
 */
static void yearly_limit(void **state)
{
	struct fixture *x = *state;
	struct lms_fee_years y = { NULL, 0 };
	struct lms_buf msg = LMS_BUF_INIT;

	lms_fee_years_add_course(&y, &x->rates, x->reg, x->nreg, &x->course,
				 NULL, lms_date_from_ymd(2026, 9, 10));
	/* ur: 1050 + 150 in June, 1250 + 150 on September 7, 250 + 150
	 * on the 21st, to come. */
	assert_int_equal(y.n, 2);
	assert_string_equal(y.v[0].facilitator, "ur");
	assert_int_equal(y.v[0].year, 2026);
	assert_int_equal(y.v[0].held, 260000);
	assert_int_equal(y.v[0].all, 300000);
	assert_false(lms_fee_year_over(&x->rates, &y.v[0], &msg));
	x->rates.yearly_limit.ore = 200000;
	assert_true(lms_fee_year_over(&x->rates, &y.v[0], &msg));
	assert_string_equal(msg.buf, "facilitator 'ur': fees of 2600.00 "
			    "kroner in 2026 pass the yearly limit of 2000.00 "
			    "kroner");
	/* reise: 1250 + 80.50 held, 916.67 + 80.50 to come. */
	lms_buf_reset(&msg);
	assert_int_equal(y.v[1].held, 133050);
	assert_int_equal(y.v[1].all, 232767);
	lms_i18n_set(LMS_LANG_NB);
	assert_true(lms_fee_year_over(&x->rates, &y.v[1], &msg));
	lms_i18n_set(LMS_LANG_UNSET);
	assert_non_null(strstr(msg.buf, "2327,67"));
	x->rates.yearly_limit.given = false;
	assert_false(lms_fee_year_over(&x->rates, &y.v[1], &msg));
	lms_buf_release(&msg);
	lms_fee_years_release(&y);
}

/* A tree's courses, and a course changed in place of its own. */
static void tree(void **state)
{
	struct lms_fee_years y = { NULL, 0 };
	struct lms_course changed;
	struct lms_tree t;
	struct lms_fees f;

	(void)state;
	assert_int_equal(lms_tree_open(&t, "tests/fixtures/fees"), 0);
	lms_fees_init(&f, LMS_DATE_NONE, LMS_DATE_NONE);
	assert_int_equal(lms_fees_tree(&f, &t), 0);
	assert_string_equal(f.rows[5].facilitator, "bruker-to");
	assert_null(f.rows[5].course);
	/* With mestring-h26's meetings: 2.5 hours, 1000 kroner. */
	figures(&f.rows[5], 5, 630 + 150, 545000 + 100000, 75000);
	assert_int_equal(f.rows[5].meetings, 2);
	lms_fees_release(&f);
	assert_int_equal(lms_fee_years_tree(&y, &t, lms_date_from_ymd(2026,
					    9, 10)), 0);
	assert_int_equal(y.n, 2);
	assert_int_equal(y.v[0].all, 720000);
	lms_fee_years_release(&y);
	/* The course without its sessions: bruker-to is paid for none. */
	assert_int_equal(lms_tree_load_course(&t, "kosthold-h26", &changed,
					      NULL), 0);
	changed.nsessions = 1;
	assert_int_equal(lms_fee_years_changed(&y, &t, &changed,
					       lms_date_from_ymd(2026, 9, 10)),
			 0);
	assert_int_equal(y.n, 1);
	assert_int_equal(y.v[0].all, 720000 - 120000);
	changed.nsessions = 2;
	lms_course_release(&changed);
	lms_fee_years_release(&y);
	lms_tree_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(money),
		cmocka_unit_test(rates),
		cmocka_unit_test(registry_keys),
		cmocka_unit_test_setup_teardown(autumn, setup, teardown),
		cmocka_unit_test_setup_teardown(to_all_and_cancelled, setup,
						teardown),
		cmocka_unit_test_setup_teardown(tables, setup, teardown),
		cmocka_unit_test_setup_teardown(report_in_pieces, setup,
						teardown),
		cmocka_unit_test_setup_teardown(meetings, setup, teardown),
		cmocka_unit_test(terms),
		cmocka_unit_test_setup_teardown(yearly_limit, setup, teardown),
		cmocka_unit_test(tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
