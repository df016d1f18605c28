#ifndef LMS_STATS_H
#define LMS_STATS_H

#include <stddef.h>

/*
 * The statistics of an evaluation: descriptive figures and the paired
 * t-test of before/after change, with the t distribution computed from
 * the regularised incomplete beta function (no statistics library).
 */

struct lms_describe {
	size_t n;
	double mean;
	double sd;		/* sample standard deviation (n - 1); NAN if n < 2 */
};

void lms_describe(const double *x, size_t n, struct lms_describe *out);

/* The paired t-test of after - before, and its effect size. */
struct lms_paired {
	size_t n;		/* pairs */
	double mean_change;
	double sd_change;
	double ci_low, ci_high;	/* 95 % confidence interval of the mean change */
	double t;
	double df;
	double p;		/* two-sided */
	double dz;		/* mean change / sd of the changes */
	double improved;	/* share of pairs with a positive change */
};

/* Needs n >= 2; otherwise the figures are NAN.  before and after have n
 * values each, matched by position. */
void lms_paired_t(const double *before, const double *after, size_t n,
		  struct lms_paired *out);

/* The regularised incomplete beta function I_x(a, b). */
double lms_betai(double a, double b, double x);
/* P(|T| > |t|) for Student's t with df degrees of freedom. */
double lms_t_two_sided_p(double t, double df);
/* The q-quantile of Student's t with df degrees of freedom. */
double lms_t_quantile(double q, double df);

#endif
