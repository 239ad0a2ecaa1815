/*
 * src/stats/smr.c
 *		The standardized ratio of observed to expected counts ("faktisk"
 *		against "forventet"): smr(observed, expected, conf_level), the
 *		exact Poisson test of R's poisson.test(observed, T = expected).
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "stats/stats.h"

PG_FUNCTION_INFO_V1(smr);

/*
 * The largest count and expected count taken: the incomplete gamma
 * function's series then needs at most about 10 million terms
 * (doc/bounds.md), and every whole count is exact in a float8.
 */
#define SMR_MAX_COUNT 1e12

/* poisson.test's tolerance for probabilities equal to that of the observation */
#define SMR_REL_ERR (1.0 + 1e-7)

/*
 * The two-sided p-value of R's poisson.test for x events where m are
 * expected: the probability of every count no more probable than x (with a
 * relative tolerance of 1e-7), the counts on x's side as one tail and those
 * on the other side counted.  R counts the other side term by term; the
 * Poisson probabilities decrease away from the mode, so the count is found
 * by bisection here (the same count, in logarithmic time).
 */
static double
PoissonTwoSided(double x, double m)
{
	double		d = jobreg_dpois(x, m);
	double		limit = d * SMR_REL_ERR;

	if (x == m)
		return 1.0;
	if (x < m)
	{
		/* the upper side: i from ceiling(m) to N, where dpois(N) <= d */
		double		n = ceil(2.0 * m - x),
					lo,
					hi,
					y;

		while (jobreg_dpois(n, m) > d)
			n *= 2.0;
		/* the first i >= ceiling(m) with dpois(i) <= limit, by bisection on [lo, hi] */
		lo = ceil(m);
		hi = n;
		if (jobreg_dpois(lo, m) <= limit)
			hi = lo;
		else if (jobreg_dpois(hi, m) > limit)
			lo = hi = hi + 1.0;	/* none: R's count y is 0 */
		else
			while (hi - lo > 1.0)
			{
				double		mid = floor((lo + hi) / 2.0);

				if (jobreg_dpois(mid, m) <= limit)
					hi = mid;
				else
					lo = mid;
			}
		y = n - hi + 1.0;
		return jobreg_ppois(x, m, true) + jobreg_ppois(n - y, m, false);
	}
	else
	{
		/* the lower side: i from 0 to floor(m), probabilities increasing */
		double		lo = 0.0,
					hi = floor(m),
					y;

		if (jobreg_dpois(0.0, m) > limit)
			y = 0.0;
		else if (jobreg_dpois(hi, m) <= limit)
			y = hi + 1.0;
		else
		{
			/* the last i with dpois(i) <= limit lies in [lo, hi) */
			while (hi - lo > 1.0)
			{
				double		mid = floor((lo + hi) / 2.0);

				if (jobreg_dpois(mid, m) <= limit)
					lo = mid;
				else
					hi = mid;
			}
			y = lo + 1.0;
		}
		return jobreg_ppois(y - 1.0, m, true) + jobreg_ppois(x - 1.0, m, false);
	}
}

/*
 * jobreg_smr: observed / expected with the exact interval from the gamma
 * quantiles (0 below for no events) and the two-sided p-value of
 * poisson.test, into out[0..3] (ratio, lower, upper, p_value).  A count
 * within 1e-7 of a whole number is taken as that number, as R does; other
 * counts are errors (22023), as are an expected count not above 0 and a
 * level outside (0, 1); counts above SMR_MAX_COUNT: 54000.
 */
void
jobreg_smr(double observed, double expected, double conf, double *out)
{
	double		x = rint(observed),
				alpha;

	if (!isfinite(observed) || observed < 0.0 || fabs(observed - x) > 1e-7)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("observed count %g is not a whole number of at least 0", observed),
				 errdetail("smr tests a count of events; it must be finite, not negative and whole.")));
	if (!isfinite(expected) || expected <= 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("expected count %g is not positive", expected),
				 errdetail("The expected count must be a finite number above 0.")));
	if (isnan(conf) || conf <= 0.0 || conf >= 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level %g is out of range", conf),
				 errdetail("A confidence level is a number between 0 and 1, such as 0.95.")));
	if (x > SMR_MAX_COUNT || expected > SMR_MAX_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("smr counts must be at most %g", SMR_MAX_COUNT),
				 errdetail("observed is %.15g and expected %.15g.", observed, expected)));
	alpha = (1.0 - conf) / 2.0;
	out[0] = x / expected;
	out[1] = x == 0.0 ? 0.0 : jobreg_qgamma(alpha, x, true) / expected;
	out[2] = jobreg_qgamma(alpha, x + 1.0, false) / expected;
	out[3] = PoissonTwoSided(x, expected);
}

/*
 * The gamma distribution function P(G <= e) of shape a (scale 1), as
 * pchisq(2e, 2a); decreasing in a.
 */
static double
GammaCdf(double e, double a)
{
	return jobreg_pchisq(2.0 * e, 2.0 * a, true);
}

/*
 * the shape a > 0 with GammaCdf(e, a) = p, by bisection (GammaCdf falls
 * from 1 to 0), to a relative precision tol
 */
static double
GammaShapeAt(double e, double p, double tol)
{
	double		lo = 0.0,
				hi = e + 10.0 * sqrt(e) + 10.0;

	while (GammaCdf(e, hi) > p)
		hi *= 2.0;
	for (int i = 0; i < 200 && hi - lo > tol * hi; i++)
	{
		double		mid = (lo + hi) / 2.0;

		if (mid <= 0.0 || GammaCdf(e, mid) > p)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2.0;
}

/*
 * The funnel limits at an expected count: the observed counts, read as
 * continuous, at which smr's interval at conf just reaches a ratio of 1.
 * high: the lower end qgamma(alpha, o) / e is 1, that is GammaCdf(e, o) =
 * alpha; low: the upper end qgamma(1 - alpha, o + 1) / e is 1, that is
 * GammaCdf(e, o + 1) = 1 - alpha, and 0 when even no events are not too few
 * (e <= -log(alpha)); to a relative precision tol.  A whole count above
 * high (below low) has smr's interval above 1 (below 1), as both ends rise
 * with the count.
 */
void
jobreg_smr_limits(double expected, double conf, double tol, double *low, double *high)
{
	double		alpha = (1.0 - conf) / 2.0;

	*high = GammaShapeAt(expected, alpha, tol);
	*low = expected <= -log(alpha) ? 0.0 : Max(GammaShapeAt(expected, 1.0 - alpha, tol) - 1.0, 0.0);
}

/* smr(observed, expected, conf_level): R's poisson.test(observed, T = expected) */
Datum
smr(PG_FUNCTION_ARGS)
{
	double		out[4];
	TupleDesc	desc;
	Datum		values[4];
	bool		nulls[4] = {0};

	jobreg_smr(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), out);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "function returning a record called in a context that cannot accept one");
	desc = BlessTupleDesc(desc);
	for (int i = 0; i < 4; i++)
		values[i] = Float8GetDatum(out[i]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
