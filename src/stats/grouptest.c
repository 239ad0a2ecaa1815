/*
 * src/stats/grouptest.c
 *		Group comparisons: the two-proportion test (R's prop.test with
 *		correct = FALSE) and Welch's t-test (R's t.test), as aggregates and
 *		as functions of summary numbers.  Their p-values and intervals come
 *		from distributions.c.  The moments (count, mean, variance) and the
 *		result and confidence-level helpers serve paired.c too.
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

Datum
jobreg_make_result(FunctionCallInfo fcinfo, Datum *values, bool *nulls)
{
	TupleDesc	desc;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "function returning a record called in a context that cannot accept one");
	desc = BlessTupleDesc(desc);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

void
jobreg_check_conf_level(double conf)
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
	return jobreg_make_result(fcinfo, values, nulls);
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
	jobreg_check_conf_level(conf);
	return PropTest(fcinfo, x1, n1, x2, n2, conf);
}

/* prop_test's state: successes and rows of group 1 (grp) and group 2 (not grp) */
typedef struct PropGroup
{
	float8		successes;
	float8		rows;
} PropGroup;

typedef struct PropState
{
	PropGroup	g1;
	PropGroup	g2;
} PropState;

StaticAssertDecl(sizeof(PropState) == 4 * sizeof(float8), "PropState must be 4 float8s");

Datum
prop_test_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	PropState  *s = JOBREG_STATE(PropState, state);
	PropGroup  *g = PG_GETARG_BOOL(2) ? &s->g1 : &s->g2;

	g->successes += PG_GETARG_BOOL(1) ? 1.0 : 0.0;
	g->rows += 1.0;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
prop_test_final(PG_FUNCTION_ARGS)
{
	PropState  *s = JOBREG_STATE(PropState, PG_GETARG_ARRAYTYPE_P(0));

	if (s->g1.rows == 0.0 || s->g2.rows == 0.0)
		PG_RETURN_NULL();
	return PropTest(fcinfo, s->g1.successes, s->g1.rows, s->g2.successes, s->g2.rows, 0.95);
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
	return jobreg_make_result(fcinfo, values, nulls);
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
	jobreg_check_conf_level(conf);
	return WelchTest(fcinfo, n1, m1, sd1 * sd1, n2, m2, sd2 * sd2, conf);
}

/*
 * welch_test's state: per group the moments of stats.h (count, compensated
 * sum, squared deviations), updated by Welford's method and merged by the
 * formula of Chan, Golub and LeVeque.
 */
typedef struct WelchState
{
	WelchGroup	g1;
	WelchGroup	g2;
} WelchState;

StaticAssertDecl(sizeof(WelchState) == 8 * sizeof(float8), "WelchState must be 8 float8s");

/* The group's mean (sum + comp) / n, rounded once rather than twice: the residual by fma */
double
jobreg_moments_mean(const WelchGroup *g)
{
	double		m = g->sum / g->n;

	return m + (fma(-m, g->n, g->sum) + g->comp) / g->n;
}

/* The group's sample variance; 0 for a group of one */
double
jobreg_moments_variance(const WelchGroup *g)
{
	return g->n > 1.0 ? g->m2 / (g->n - 1.0) : 0.0;
}

/* Add group t into group s (Chan, Golub and LeVeque) */
void
jobreg_moments_merge(WelchGroup *s, const WelchGroup *t)
{
	double		delta;

	if (t->n == 0.0)
		return;
	delta = jobreg_moments_mean(t) - (s->n > 0.0 ? jobreg_moments_mean(s) : 0.0);
	s->m2 += t->m2 + delta * delta * s->n * t->n / (s->n + t->n);
	jobreg_sum_add(&s->sum, &s->comp, t->sum);
	s->comp += t->comp;
	s->n += t->n;
}

/* Welford's step: the merge with a group of one, cheaper */
void
jobreg_moments_add(WelchGroup *s, double x)
{
	if (s->n > 0.0)
	{
		double		delta = x - s->sum / s->n;

		s->m2 += delta * delta * s->n / (s->n + 1.0);
	}
	jobreg_sum_add(&s->sum, &s->comp, x);
	s->n += 1.0;
}

Datum
welch_test_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	WelchState *st = JOBREG_STATE(WelchState, state);
	WelchGroup *s = PG_GETARG_BOOL(2) ? &st->g1 : &st->g2;
	double		x = PG_GETARG_FLOAT8(1);

	if (!isfinite(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("welch_test value %g is not finite", x),
				 errdetail("A mean and a variance need finite values.")));
	jobreg_moments_add(s, x);
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
welch_test_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	WelchState *s = JOBREG_STATE(WelchState, state);
	WelchState *t = JOBREG_STATE(WelchState, PG_GETARG_ARRAYTYPE_P(1));

	jobreg_moments_merge(&s->g1, &t->g1);
	jobreg_moments_merge(&s->g2, &t->g2);
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
welch_test_final(PG_FUNCTION_ARGS)
{
	WelchState *s = JOBREG_STATE(WelchState, PG_GETARG_ARRAYTYPE_P(0));

	if (s->g1.n == 0.0 || s->g2.n == 0.0)
		PG_RETURN_NULL();
	return WelchTest(fcinfo,
					 s->g1.n, jobreg_moments_mean(&s->g1), jobreg_moments_variance(&s->g1),
					 s->g2.n, jobreg_moments_mean(&s->g2), jobreg_moments_variance(&s->g2),
					 0.95);
}
