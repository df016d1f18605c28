#include <math.h>

#include "test.h"

#include "stats.h"

#define NEAR(x, want, tol) assert_true(fabs((x) - (want)) < (tol))

/*
 * Student's sleep data (Cushny and Peebles, 1905; "Student", 1908): extra
 * hours of sleep of ten patients under two drugs.  R's
 * t.test(extra ~ group, data = sleep, paired = TRUE) gives t = -4.0621,
 * df = 9, p = 0.002833, 95 % CI -2.4598858 to -0.7001142 and a mean
 * difference of -1.58 (group 1 minus group 2).
 */
static const double drug1[] = { 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8,
				 0.0, 2.0 };
static const double drug2[] = { 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6,
				4.6, 3.4 };

static void students_sleep_data(void **state)
{
	struct lms_paired p;

	(void)state;
	/* After minus before: drug 1 as "after" gives R's signs. */
	lms_paired_t(drug2, drug1, 10, &p);
	assert_int_equal(p.n, 10);
	NEAR(p.mean_change, -1.58, 1e-12);
	NEAR(p.sd_change, 1.229995, 1e-6);
	NEAR(p.t, -4.062128, 1e-6);
	assert_true(p.df == 9);
	NEAR(p.p, 0.002832890, 1e-8);
	NEAR(p.ci_low, -2.4598858, 1e-6);
	NEAR(p.ci_high, -0.7001142, 1e-6);
	NEAR(p.dz, -1.284558, 1e-6);
	/* Patient 5 had no change: nine of ten slept less on drug 1. */
	NEAR(p.improved, 0.0, 1e-12);
	lms_paired_t(drug1, drug2, 10, &p);
	NEAR(p.improved, 0.9, 1e-12);
	NEAR(p.t, 4.062128, 1e-6);
}

static void descriptives(void **state)
{
	struct lms_describe d;

	(void)state;
	lms_describe(drug1, 10, &d);
	NEAR(d.mean, 0.75, 1e-12);
	NEAR(d.sd, 1.789010, 1e-6);		/* R: sd(sleep$extra[1:10]) */
	lms_describe(drug1, 1, &d);
	NEAR(d.mean, 0.7, 1e-12);
	assert_true(isnan(d.sd));
	lms_describe(drug1, 0, &d);
	assert_true(isnan(d.mean));
}

static void the_t_distribution(void **state)
{
	(void)state;
	/* Table values: t(0.975; df) for df 1, 9, 30, and large df. */
	NEAR(lms_t_quantile(0.975, 1), 12.706205, 1e-5);
	NEAR(lms_t_quantile(0.975, 9), 2.262157, 1e-6);
	NEAR(lms_t_quantile(0.975, 30), 2.042272, 1e-6);
	NEAR(lms_t_quantile(0.975, 1e6), 1.959966, 1e-5);
	NEAR(lms_t_quantile(0.5, 5), 0, 1e-9);
	NEAR(lms_t_quantile(0.025, 9), -2.262157, 1e-6);
	NEAR(lms_t_two_sided_p(2.262157, 9), 0.05, 1e-7);
	NEAR(lms_t_two_sided_p(0, 9), 1, 1e-12);
	/* I_x(a, b) at known points: I_0.5(a, a) = 0.5; I_x(1, 1) = x. */
	NEAR(lms_betai(3.5, 3.5, 0.5), 0.5, 1e-12);
	NEAR(lms_betai(1, 1, 0.3), 0.3, 1e-12);
	NEAR(lms_betai(2, 3, 0.4), 0.5248, 1e-12);
	assert_true(isnan(lms_t_quantile(1.5, 9)));
}

static void too_few_pairs(void **state)
{
	const double same[] = { 2, 3, 4 };
	struct lms_paired p;

	(void)state;
	lms_paired_t(drug1, drug2, 1, &p);
	assert_true(isnan(p.t));
	assert_true(isnan(p.sd_change));
	NEAR(p.mean_change, 1.2, 1e-12);
	/* No variation in the changes: no t, no effect size. */
	lms_paired_t(same, same, 3, &p);
	NEAR(p.mean_change, 0, 1e-12);
	assert_true(isnan(p.t));
	assert_true(isnan(p.dz));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(students_sleep_data),
		cmocka_unit_test(descriptives),
		cmocka_unit_test(the_t_distribution),
		cmocka_unit_test(too_few_pairs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
