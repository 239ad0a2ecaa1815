/*
 * src/stats/paired.c
 *		Tests for matched pairs, one row per pair: McNemar's test of a
 *		binary outcome (R's mcnemar.test on the 2 x 2 table of the treated
 *		and the control outcome) and the paired t-test (R's
 *		t.test(x, y, paired = TRUE)), as aggregates with float8[] states.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "stats/stats.h"

PG_FUNCTION_INFO_V1(mcnemar_trans);
PG_FUNCTION_INFO_V1(mcnemar_combine);
PG_FUNCTION_INFO_V1(mcnemar_final);
PG_FUNCTION_INFO_V1(paired_t_trans);
PG_FUNCTION_INFO_V1(paired_t_combine);
PG_FUNCTION_INFO_V1(paired_t_final);

/*
 * A setting given on every row (McNemar's continuity correction, paired_t's
 * confidence level) is kept in the state: 0 until a row sets it.  Rows and
 * partial states must agree on it.
 */
static float8
MergeSetting(float8 have, float8 given, const char *what)
{
	if (have != 0.0 && given != 0.0 && have != given)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s differs between rows", what),
				 errdetail("An aggregate takes one %s for all its rows.", what)));
	return have != 0.0 ? have : given;
}

/* ---------- McNemar's test ---------- */

/*
 * The pairs per cell of the table of the treated outcome (rows) against the
 * control outcome (columns), and the correction: 1 = yes, 2 = no, 0 = not
 * given yet (mcnemar(bool, bool) corrects, as R does by default).
 */
typedef struct McNemarState
{
	float8		both;			/* treated true, control true */
	float8		treated_only;	/* treated true, control false */
	float8		control_only;	/* treated false, control true */
	float8		neither;
	float8		correct;
} McNemarState;

StaticAssertDecl(sizeof(McNemarState) == 5 * sizeof(float8), "McNemarState must be 5 float8s");

/* mcnemar_result columns */
enum
{
	MC_STATISTIC, MC_DF, MC_P_VALUE, MC_TREATED_ONLY, MC_CONTROL_ONLY, MC_PAIRS, MC_NATTS
};

Datum
mcnemar_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	McNemarState *s = JOBREG_STATE(McNemarState, state);
	bool		t = PG_GETARG_BOOL(1),
				c = PG_GETARG_BOOL(2);

	if (PG_NARGS() > 3)
		s->correct = MergeSetting(s->correct, PG_GETARG_BOOL(3) ? 1.0 : 2.0, "correct");
	if (t)
		*(c ? &s->both : &s->treated_only) += 1.0;
	else
		*(c ? &s->control_only : &s->neither) += 1.0;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
mcnemar_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	McNemarState *s = JOBREG_STATE(McNemarState, state);
	McNemarState *t = JOBREG_STATE(McNemarState, PG_GETARG_ARRAYTYPE_P(1));

	s->both += t->both;
	s->treated_only += t->treated_only;
	s->control_only += t->control_only;
	s->neither += t->neither;
	s->correct = MergeSetting(s->correct, t->correct, "correct");
	PG_RETURN_ARRAYTYPE_P(state);
}

/*
 * R's mcnemar.test: (|b - c| - 1)² / (b + c) with the correction (none
 * when b = c), (b - c)² / (b + c) without, on 1 df; with no discordant
 * pair there is no test (R: NaN), and the statistic and p-value are NULL.
 */
Datum
mcnemar_final(PG_FUNCTION_ARGS)
{
	McNemarState *s = JOBREG_STATE(McNemarState, PG_GETARG_ARRAYTYPE_P(0));
	double		b = s->treated_only,
				c = s->control_only,
				pairs = s->both + b + c + s->neither;
	Datum		values[MC_NATTS];
	bool		nulls[MC_NATTS] = {0};

	if (pairs == 0.0)
		PG_RETURN_NULL();
	values[MC_DF] = Int32GetDatum(1);
	values[MC_TREATED_ONLY] = Float8GetDatum(b);
	values[MC_CONTROL_ONLY] = Float8GetDatum(c);
	values[MC_PAIRS] = Float8GetDatum(pairs);
	if (b + c > 0.0)
	{
		double		diff = fabs(b - c);
		double		stat;

		if (s->correct != 2.0 && diff > 0.0)
			diff -= 1.0;
		stat = diff * diff / (b + c);
		values[MC_STATISTIC] = Float8GetDatum(stat);
		values[MC_P_VALUE] = Float8GetDatum(jobreg_pchisq_upper(stat, 1.0));
	}
	else
		nulls[MC_STATISTIC] = nulls[MC_P_VALUE] = true;
	return jobreg_make_result(fcinfo, values, nulls);
}

/* ---------- the paired t-test ---------- */

/* The moments of the differences x - y, and the confidence level (0: not given, 0.95) */
typedef struct PairedState
{
	WelchGroup	d;
	float8		conf;
} PairedState;

StaticAssertDecl(sizeof(PairedState) == 5 * sizeof(float8), "PairedState must be 5 float8s");

/* paired_t_result columns */
enum
{
	PR_DIFFERENCE, PR_CONF_LOW, PR_CONF_HIGH, PR_STATISTIC, PR_DF, PR_P_VALUE,
	PR_STD_ERR, PR_SD, PR_N, PR_NATTS
};

Datum
paired_t_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	PairedState *s = JOBREG_STATE(PairedState, state);
	double		x = PG_GETARG_FLOAT8(1),
				y = PG_GETARG_FLOAT8(2),
				d = x - y;

	if (PG_NARGS() > 3)
	{
		double		conf = PG_GETARG_FLOAT8(3);

		jobreg_check_conf_level(conf);
		s->conf = MergeSetting(s->conf, conf, "conf_level");
	}
	if (!isfinite(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("paired_t difference %g - %g is not finite", x, y),
				 errdetail("A mean and a variance need finite values.")));
	jobreg_moments_add(&s->d, d);
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
paired_t_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	PairedState *s = JOBREG_STATE(PairedState, state);
	PairedState *t = JOBREG_STATE(PairedState, PG_GETARG_ARRAYTYPE_P(1));

	jobreg_moments_merge(&s->d, &t->d);
	s->conf = MergeSetting(s->conf, t->conf, "conf_level");
	PG_RETURN_ARRAYTYPE_P(state);
}

/*
 * R's t.test(x, y, paired = TRUE), the one-sample test of the differences:
 * t = mean / (sd / sqrt(n)) on n - 1 df.  With one pair there is no
 * variance, and with differences of no spread (R: "data are essentially
 * constant") no test: those columns are NULL.
 */
Datum
paired_t_final(PG_FUNCTION_ARGS)
{
	PairedState *s = JOBREG_STATE(PairedState, PG_GETARG_ARRAYTYPE_P(0));
	double		n = s->d.n,
				conf = s->conf != 0.0 ? s->conf : 0.95,
				mean,
				sd;
	Datum		values[PR_NATTS];
	bool		nulls[PR_NATTS] = {0};

	if (n == 0.0)
		PG_RETURN_NULL();
	mean = jobreg_moments_mean(&s->d);
	sd = sqrt(jobreg_moments_variance(&s->d));
	values[PR_DIFFERENCE] = Float8GetDatum(mean);
	values[PR_N] = Int64GetDatum((int64) n);
	for (int i = PR_CONF_LOW; i <= PR_SD; i++)
		nulls[i] = true;
	if (n >= 2.0)
	{
		double		se = sd / sqrt(n);

		values[PR_SD] = Float8GetDatum(sd);
		nulls[PR_SD] = false;
		if (se >= 10.0 * DBL_EPSILON * fabs(mean) && se > 0.0)
		{
			double		df = n - 1.0,
						t = mean / se,
						q = jobreg_qt(1.0 - (1.0 - conf) / 2.0, df);

			/* as R: (t -+ q) se */
			values[PR_CONF_LOW] = Float8GetDatum((t - q) * se);
			values[PR_CONF_HIGH] = Float8GetDatum((t + q) * se);
			values[PR_STATISTIC] = Float8GetDatum(t);
			values[PR_DF] = Float8GetDatum(df);
			values[PR_P_VALUE] = Float8GetDatum(2.0 * jobreg_pt(-fabs(t), df, true));
			values[PR_STD_ERR] = Float8GetDatum(se);
			for (int i = PR_CONF_LOW; i <= PR_STD_ERR; i++)
				nulls[i] = false;
		}
	}
	return jobreg_make_result(fcinfo, values, nulls);
}
