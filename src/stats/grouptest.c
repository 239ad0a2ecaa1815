/*
 * src/stats/grouptest.c
 *		Group comparisons: the two-proportion test (R's prop.test with
 *		correct = FALSE) and Welch's t-test (R's t.test), as aggregates and
 *		as functions of summary numbers.  Their p-values and intervals come
 *		from distributions.c.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "stats/stats.h"

PG_FUNCTION_INFO_V1(prop_test_counts);
PG_FUNCTION_INFO_V1(prop_test_trans);
PG_FUNCTION_INFO_V1(prop_test_final);
PG_FUNCTION_INFO_V1(welch_test_summary);
PG_FUNCTION_INFO_V1(welch_test_trans);
PG_FUNCTION_INFO_V1(welch_test_combine);
PG_FUNCTION_INFO_V1(welch_test_final);

/* ---------- results ---------- */

static Datum
MakeResult(FunctionCallInfo fcinfo, Datum *values, bool *nulls)
{
	TupleDesc	desc;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "function returning a record called in a context that cannot accept one");
	desc = BlessTupleDesc(desc);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

static void
CheckConfLevel(double conf)
{
	if (isnan(conf) || conf <= 0.0 || conf >= 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level %g is out of range", conf),
				 errdetail("A confidence level is a number between 0 and 1, such as 0.95.")));
}

/* ---------- two-proportion test ---------- */

/* prop_test_result columns */
enum
{
	PT_ESTIMATE1, PT_ESTIMATE2, PT_DIFFERENCE, PT_CONF_LOW, PT_CONF_HIGH,
	PT_STATISTIC, PT_DF, PT_P_VALUE, PT_X1, PT_N1, PT_X2, PT_N2, PT_NATTS
};

/*
 * R's prop.test(c(x1, x2), c(n1, n2), correct = FALSE): the Pearson
 * chi-square statistic of the 2 x 2 table against the pooled proportion
 * (1 df), and the Wald interval of the difference, clipped to [-1, 1].
 * The statistic is undefined (NULL) when the pooled proportion is 0 or 1.
 */
static Datum
PropTest(FunctionCallInfo fcinfo, double x1, double n1, double x2, double n2, double conf)
{
	Datum		values[PT_NATTS];
	bool		nulls[PT_NATTS] = {0};
	double		e1 = x1 / n1,
				e2 = x2 / n2,
				delta = e1 - e2,
				width = jobreg_qnorm((1.0 + conf) / 2.0) *
		sqrt(e1 * (1.0 - e1) / n1 + e2 * (1.0 - e2) / n2),
				p = (x1 + x2) / (n1 + n2);

	/* the pooled share needs n1 + n2: counts near the largest float8 are an error */
	if (!isfinite(n1 + n2))
		float_overflow_error();
	values[PT_ESTIMATE1] = Float8GetDatum(e1);
	values[PT_ESTIMATE2] = Float8GetDatum(e2);
	values[PT_DIFFERENCE] = Float8GetDatum(delta);
	values[PT_CONF_LOW] = Float8GetDatum(Max(delta - width, -1.0));
	values[PT_CONF_HIGH] = Float8GetDatum(Min(delta + width, 1.0));
	values[PT_DF] = Int32GetDatum(1);
	if (p > 0.0 && p < 1.0)
	{
		double		stat = 0.0;
		double		obs[4] = {x1, x2, n1 - x1, n2 - x2};
		double		expected[4] = {n1 * p, n2 * p, n1 * (1.0 - p), n2 * (1.0 - p)};
		int			i;

		for (i = 0; i < 4; i++)
			stat += (obs[i] - expected[i]) * (obs[i] - expected[i]) / expected[i];
		values[PT_STATISTIC] = Float8GetDatum(stat);
		values[PT_P_VALUE] = Float8GetDatum(jobreg_pchisq_upper(stat, 1.0));
	}
	else
		nulls[PT_STATISTIC] = nulls[PT_P_VALUE] = true;
	values[PT_X1] = Float8GetDatum(x1);
	values[PT_N1] = Float8GetDatum(n1);
	values[PT_X2] = Float8GetDatum(x2);
	values[PT_N2] = Float8GetDatum(n2);
	return MakeResult(fcinfo, values, nulls);
}

static void
CheckCounts(const char *group, double x, double n)
{
	if (!isfinite(n) || n <= 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n%s must be positive", group),
				 errdetail("The value given was %g.", n)));
	if (!isfinite(x) || x < 0.0 || x > n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("x%s must be between 0 and n%s", group, group),
				 errdetail("x%s is %g and n%s is %g.", group, x, group, n)));
}

/* prop_test(x1, n1, x2, n2, conf_level) from counts */
Datum
prop_test_counts(PG_FUNCTION_ARGS)
{
	double		x1 = PG_GETARG_FLOAT8(0),
				n1 = PG_GETARG_FLOAT8(1),
				x2 = PG_GETARG_FLOAT8(2),
				n2 = PG_GETARG_FLOAT8(3),
				conf = PG_GETARG_FLOAT8(4);

	CheckCounts("1", x1, n1);
	CheckCounts("2", x2, n2);
	CheckConfLevel(conf);
	return PropTest(fcinfo, x1, n1, x2, n2, conf);
}

/* state {x1, n1, x2, n2}: successes and rows of group 1 (grp) and 2 (not grp) */
#define PROP_STATE_LEN 4

Datum
prop_test_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_float8_state_arg(fcinfo, 0, PROP_STATE_LEN);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
	int			g = PG_GETARG_BOOL(2) ? 0 : 2;

	s[g] += PG_GETARG_BOOL(1) ? 1.0 : 0.0;
	s[g + 1] += 1.0;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
prop_test_final(PG_FUNCTION_ARGS)
{
	float8	   *s = jobreg_float8_state(PG_GETARG_ARRAYTYPE_P(0), PROP_STATE_LEN);

	if (s[1] == 0.0 || s[3] == 0.0)
		PG_RETURN_NULL();
	return PropTest(fcinfo, s[0], s[1], s[2], s[3], 0.95);
}

/* ---------- Welch's t-test ---------- */

/* welch_test_result columns */
enum
{
	WT_MEAN1, WT_MEAN2, WT_DIFFERENCE, WT_CONF_LOW, WT_CONF_HIGH,
	WT_STATISTIC, WT_DF, WT_P_VALUE, WT_STD_ERR, WT_SD1, WT_SD2,
	WT_N1, WT_N2, WT_NATTS
};

/*
 * R's t.test(x, y, var.equal = FALSE) from the groups' sizes, means and
 * variances.  A group of one has no variance; data with no spread (R:
 * "data are essentially constant") have no test: those columns are NULL.
 */
static Datum
WelchTest(FunctionCallInfo fcinfo, double n1, double m1, double v1,
		  double n2, double m2, double v2, double conf)
{
	Datum		values[WT_NATTS];
	bool		nulls[WT_NATTS] = {0};
	int			i;

	/* values near the largest float8: an error, as float8 arithmetic gives */
	if (!isfinite(m1 - m2) || !isfinite(v1) || !isfinite(v2))
		float_overflow_error();
	values[WT_MEAN1] = Float8GetDatum(m1);
	values[WT_MEAN2] = Float8GetDatum(m2);
	values[WT_DIFFERENCE] = Float8GetDatum(m1 - m2);
	values[WT_N1] = Int64GetDatum((int64) n1);
	values[WT_N2] = Int64GetDatum((int64) n2);
	for (i = WT_CONF_LOW; i <= WT_SD2; i++)
		nulls[i] = true;
	if (n1 >= 2.0)
	{
		values[WT_SD1] = Float8GetDatum(sqrt(v1));
		nulls[WT_SD1] = false;
	}
	if (n2 >= 2.0)
	{
		values[WT_SD2] = Float8GetDatum(sqrt(v2));
		nulls[WT_SD2] = false;
	}
	if (n1 >= 2.0 && n2 >= 2.0)
	{
		double		se1 = sqrt(v1 / n1),
					se2 = sqrt(v2 / n2),
					se = sqrt(se1 * se1 + se2 * se2);

		if (se >= 10.0 * DBL_EPSILON * Max(fabs(m1), fabs(m2)) && se > 0.0)
		{
			/* se^4 / (se1^4 / (n1 - 1) + se2^4 / (n2 - 1)), without overflowing se^4 */
			double		r1 = se1 * se1 / (se * se),
						r2 = se2 * se2 / (se * se),
						df = 1.0 / (r1 * r1 / (n1 - 1.0) + r2 * r2 / (n2 - 1.0));
			double		t = (m1 - m2) / se;
			double		q = jobreg_qt(1.0 - (1.0 - conf) / 2.0, df);

			values[WT_STATISTIC] = Float8GetDatum(t);
			values[WT_DF] = Float8GetDatum(df);
			values[WT_P_VALUE] = Float8GetDatum(2.0 * jobreg_pt(-fabs(t), df, true));
			values[WT_CONF_LOW] = Float8GetDatum((t - q) * se);
			values[WT_CONF_HIGH] = Float8GetDatum((t + q) * se);
			values[WT_STD_ERR] = Float8GetDatum(se);
			for (i = WT_CONF_LOW; i <= WT_STD_ERR; i++)
				nulls[i] = false;
		}
	}
	return MakeResult(fcinfo, values, nulls);
}

static void
CheckSummary(const char *group, double mean, double sd, int64 n)
{
	if (n < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n%s must be at least 2", group),
				 errdetail("A group of fewer than two has no variance.")));
	if (!isfinite(mean) || !isfinite(sd) || sd < 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mean%s and sd%s must be finite, sd%s not negative", group, group, group),
				 errdetail("mean%s is %g and sd%s is %g.", group, mean, group, sd)));
}

/* welch_test(mean1, sd1, n1, mean2, sd2, n2, conf_level) from summaries */
Datum
welch_test_summary(PG_FUNCTION_ARGS)
{
	double		m1 = PG_GETARG_FLOAT8(0),
				sd1 = PG_GETARG_FLOAT8(1),
				m2 = PG_GETARG_FLOAT8(3),
				sd2 = PG_GETARG_FLOAT8(4),
				conf = PG_GETARG_FLOAT8(6);
	int64		n1 = PG_GETARG_INT64(2),
				n2 = PG_GETARG_INT64(5);

	CheckSummary("1", m1, sd1, n1);
	CheckSummary("2", m2, sd2, n2);
	CheckConfLevel(conf);
	return WelchTest(fcinfo, n1, m1, sd1 * sd1, n2, m2, sd2 * sd2, conf);
}

/*
 * state {n1, sum1, comp1, m2_1, n2, sum2, comp2, m2_2}: per group the count,
 * the sum of the values (compensated, so that the mean is exact to a
 * rounding however many rows there are) and the sum of squared deviations
 * from the mean, updated by Welford's method and merged by the formula of
 * Chan, Golub and LeVeque.
 */
#define WELCH_STATE_LEN 8

/* (sum + comp) / n, rounded once rather than twice: the residual by fma */
static double
WelchMean(double n, double sum, double comp)
{
	double		m = sum / n;

	return m + (fma(-m, n, sum) + comp) / n;
}

static void
WelchMerge(float8 *s, double n, double sum, double comp, double m2)
{
	double		delta;

	if (n == 0.0)
		return;
	delta = WelchMean(n, sum, comp) - (s[0] > 0.0 ? WelchMean(s[0], s[1], s[2]) : 0.0);
	s[3] += m2 + delta * delta * s[0] * n / (s[0] + n);
	jobreg_sum_add(&s[1], &s[2], sum);
	s[2] += comp;
	s[0] += n;
}

Datum
welch_test_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_float8_state_arg(fcinfo, 0, WELCH_STATE_LEN);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
	double		x = PG_GETARG_FLOAT8(1);

	if (!isfinite(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("welch_test value %g is not finite", x),
				 errdetail("A mean and a variance need finite values.")));
	s = PG_GETARG_BOOL(2) ? s : s + 4;
	/* Welford's step: the merge with a group of one, cheaper */
	if (s[0] > 0.0)
	{
		double		delta = x - s[1] / s[0];

		s[3] += delta * delta * s[0] / (s[0] + 1.0);
	}
	jobreg_sum_add(&s[1], &s[2], x);
	s[0] += 1.0;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
welch_test_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_float8_state_arg(fcinfo, 0, WELCH_STATE_LEN);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
	float8	   *t = jobreg_float8_state(PG_GETARG_ARRAYTYPE_P(1), WELCH_STATE_LEN);

	WelchMerge(s, t[0], t[1], t[2], t[3]);
	WelchMerge(s + 4, t[4], t[5], t[6], t[7]);
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
welch_test_final(PG_FUNCTION_ARGS)
{
	float8	   *s = jobreg_float8_state(PG_GETARG_ARRAYTYPE_P(0), WELCH_STATE_LEN);

	if (s[0] == 0.0 || s[4] == 0.0)
		PG_RETURN_NULL();
	return WelchTest(fcinfo,
					 s[0], WelchMean(s[0], s[1], s[2]), s[0] > 1.0 ? s[3] / (s[0] - 1.0) : 0.0,
					 s[4], WelchMean(s[4], s[5], s[6]), s[4] > 1.0 ? s[7] / (s[4] - 1.0) : 0.0,
					 0.95);
}
