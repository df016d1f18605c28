#include <math.h>
#include <stdlib.h>

#include "alloc.h"

#include "stats.h"

void lms_describe(const double *x, size_t n, struct lms_describe *out)
{
	double sum = 0, ss = 0;

	out->n = n;
	out->mean = out->sd = NAN;
	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		sum += x[i];
	out->mean = sum / (double)n;
	if (n < 2)
		return;
	for (size_t i = 0; i < n; i++)
		ss += (x[i] - out->mean) * (x[i] - out->mean);
	out->sd = sqrt(ss / (double)(n - 1));
}

/*
 * The continued fraction of the incomplete beta function, evaluated with
 * the modified Lentz method (Numerical Recipes, section 6.4).
 */
static double beta_fraction(double a, double b, double x)
{
	const double tiny = 1e-300, eps = 1e-15;
	double c = 1, d = 1 - (a + b) * x / (a + 1), h;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (int m = 1; m <= 300; m++) {
		double m2 = 2.0 * m;
		double aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
		double del;

		/* The even step, then the odd step of the fraction. */
		d = 1 + aa * d;
		d = fabs(d) < tiny ? 1 / tiny : 1 / d;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
		d = 1 + aa * d;
		d = fabs(d) < tiny ? 1 / tiny : 1 / d;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < eps)
			break;
	}
	return h;
}

double lms_betai(double a, double b, double x)
{
	double front;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
		    b * log1p(-x));
	/* The fraction converges fast on this side of the mean; use the
	 * symmetry I_x(a, b) = 1 - I_{1-x}(b, a) on the other. */
	if (x < (a + 1) / (a + b + 2))
		return front * beta_fraction(a, b, x) / a;
	return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

double lms_t_two_sided_p(double t, double df)
{
	if (isnan(t) || df <= 0)
		return NAN;
	if (isinf(t))
		return 0;
	return lms_betai(df / 2, 0.5, df / (df + t * t));
}

double lms_t_quantile(double q, double df)
{
	double lo = 0, hi = 1e4, tail = 1 - q;

	if (!(q > 0 && q < 1) || df <= 0)
		return NAN;
	if (q < 0.5)
		return -lms_t_quantile(1 - q, df);
	if (q == 0.5)
		return 0;
	/* The upper tail falls as t grows: bisect where it equals 1 - q. */
	for (int i = 0; i < 200 && hi - lo > 1e-13 * (1 + hi); i++) {
		double mid = (lo + hi) / 2;

		if (lms_t_two_sided_p(mid, df) / 2 > tail)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

void lms_paired_t(const double *before, const double *after, size_t n,
		  struct lms_paired *out)
{
	struct lms_describe d;
	double *change = lms_calloc(n, sizeof(double));
	double se, q;
	size_t up = 0;

	for (size_t i = 0; i < n; i++) {
		change[i] = after[i] - before[i];
		up += change[i] > 0;
	}
	lms_describe(change, n, &d);
	lms_free(change);
	out->n = n;
	out->mean_change = d.mean;
	out->sd_change = d.sd;
	out->improved = n ? (double)up / (double)n : NAN;
	out->df = n >= 2 ? (double)(n - 1) : NAN;
	out->t = out->p = out->dz = out->ci_low = out->ci_high = NAN;
	if (n < 2 || !(d.sd > 0))
		return;
	se = d.sd / sqrt((double)n);
	q = lms_t_quantile(0.975, out->df);
	out->t = d.mean / se;
	out->p = lms_t_two_sided_p(out->t, out->df);
	out->dz = d.mean / d.sd;
	out->ci_low = d.mean - q * se;
	out->ci_high = d.mean + q * se;
}
