/*
 * src/measures/fuldtid.c
 *		The fuldtidspersoner aggregate: full-time equivalents over dateranges
 *		and over weeklines.
 *
 * fuldtidspersoner(spell, period [, degree]) sums, row by row,
 * days(spell ∩ period) × degree ÷ days(period).  Its week form over
 * weeklines, fuldtidspersoner(wl, codes, period [, weeks_in_period]), sums
 * weeks on the codes in the period ÷ the weeks of the period, or ÷ the given
 * number of weeks (Jobindsats' fixed 13 a quarter, 52 a year).  Each row is a ratio of its
 * own, so rows with different periods are well defined; the sum is kept with
 * Neumaier's compensated summation so that the order of the rows (serial,
 * parallel, rollups) changes the result by no more than a rounding.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "measures/measures.h"

PG_FUNCTION_INFO_V1(fuldtid_trans);
PG_FUNCTION_INFO_V1(fuldtid_weeks_trans);
PG_FUNCTION_INFO_V1(fuldtid_combine);
PG_FUNCTION_INFO_V1(fuldtid_final);
PG_FUNCTION_INFO_V1(fuldtid_periods_trans);
PG_FUNCTION_INFO_V1(fuldtid_periods_combine);
PG_FUNCTION_INFO_V1(fuldtid_periods_final);

/* The state: rows seen and the compensated sum of their ratios */
typedef struct FuldtidState
{
	float8		rows;
	float8		sum;
	float8		comp;			/* Neumaier's compensation of sum */
} FuldtidState;

StaticAssertDecl(sizeof(FuldtidState) == 3 * sizeof(float8), "FuldtidState must be 3 float8s");

/* ---------- fuldtidspersoner ---------- */

Datum
fuldtid_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	FuldtidState *s = JOBREG_STATE(FuldtidState, state);
	float8		degree = PG_NARGS() > 3 ? PG_GETARG_FLOAT8(3) : 1.0;
	DateADT		plo,
				phi,
				lo,
				hi;

	if (isnan(degree) || degree < 0.0 || degree > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("degree %g is out of range", degree),
				 errdetail("A degree is a share of full time, from 0 to 1.")));
	jobreg_period_days(PG_GETARG_DATUM(2), &plo, &phi);

	s->rows += 1.0;
	if (jobreg_daterange_days(PG_GETARG_DATUM(1), plo, phi, &lo, &hi))
		jobreg_sum_add(&s->sum, &s->comp, (float8) (hi - lo) * degree / (float8) (phi - plo));
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_weeks_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	FuldtidState *s = JOBREG_STATE(FuldtidState, state);
	struct varlena *wl = PG_GETARG_WEEKLINE_P(1);
	const WeeklineCodes *codes = weekline_codes_argument(fcinfo, 2);
	IsoWeek		from,
				to;
	float8		weeks_in_period;

	if (!weekline_period_argument(fcinfo, 3, &from, &to) ||
		from == PG_INT32_MIN || to == PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must be a finite, non-empty weekrange"),
				 errdetail("A measure is divided by the length of its period.")));
	weeks_in_period = PG_NARGS() > 4 ? PG_GETARG_FLOAT8(4) : (float8) (to - from);
	if (!(weeks_in_period > 0) || isinf(weeks_in_period))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weeks_in_period must be a positive number"),
				 errdetail("Got %g.", weeks_in_period)));

	s->rows += 1.0;
	jobreg_sum_add(&s->sum, &s->comp, float8_div(weekline_weeks_on(wl, codes, from, to), weeks_in_period));
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	FuldtidState *s = JOBREG_STATE(FuldtidState, state);
	FuldtidState *t = JOBREG_STATE(FuldtidState, PG_GETARG_ARRAYTYPE_P(1));

	s->rows += t->rows;
	jobreg_sum_add(&s->sum, &s->comp, t->sum);
	s->comp += t->comp;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_final(PG_FUNCTION_ARGS)
{
	FuldtidState *s = JOBREG_STATE(FuldtidState, PG_GETARG_ARRAYTYPE_P(0));

	if (s->rows == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->sum + s->comp);
}

/* ---------- several periods in one pass ---------- */

/*
 * fuldtidspersoner_perioder(wl, codes, periods weekrange[]): element i is
 * what fuldtidspersoner(wl, codes, periods[i]) gives over the same rows,
 * bit for bit (the same compensated sum of the same ratios in the same
 * order), but each history is read once for all periods and the row costs
 * one transition call.  The state is a float8[] of 1 + 2 n elements: rows,
 * then per period its sum and compensation; it starts empty ('{}') and gets
 * its length from the first row's periods.
 */
#define MAX_PERIODS 1000

static int
PeriodsStateLength(ArrayType *state)
{
	if (ARR_NDIM(state) == 0)
		return 0;
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] < 3 || ARR_DIMS(state)[0] % 2 != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid aggregate state"),
				 errdetail("The state must be an empty float8 array or one of 1 + 2 n elements.")));
	return ARR_DIMS(state)[0];
}

static ArrayType *
NewPeriodsState(int n)
{
	Datum	   *zeros = palloc((1 + 2 * n) * sizeof(Datum));

	for (int i = 0; i < 1 + 2 * n; i++)
		zeros[i] = Float8GetDatum(0.0);
	return construct_array(zeros, 1 + 2 * n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

static void
DifferentPeriods(int a, int b)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("fuldtidspersoner_perioder got %d periods after %d", b, a),
			 errdetail("Every row must give the same number of periods.")));
}

Datum
fuldtid_periods_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	struct varlena *wl = PG_GETARG_WEEKLINE_P(1);
	const WeeklineCodes *codes = weekline_codes_argument(fcinfo, 2);
	const IsoWeek *from,
			   *to;
	int			n = weekline_periods_argument(fcinfo, 3, &from, &to);
	int32		weeks[MAX_PERIODS];
	float8	   *s;

	if (n < 1 || n > MAX_PERIODS)
		ereport(ERROR,
				(errcode(n < 1 ? ERRCODE_INVALID_PARAMETER_VALUE : ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("fuldtidspersoner_perioder takes 1 to %d periods, not %d", MAX_PERIODS, n)));
	for (int i = 0; i < n; i++)
		if (from[i] >= to[i] || from[i] == PG_INT32_MIN || to[i] == PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period must be a finite, non-empty weekrange"),
					 errdetail("A measure is divided by the length of its period; periods[%d] is not.", i + 1)));
	if (PeriodsStateLength(state) == 0)
		state = NewPeriodsState(n);
	else if (PeriodsStateLength(state) != 1 + 2 * n)
		DifferentPeriods((PeriodsStateLength(state) - 1) / 2, n);
	s = (float8 *) jobreg_float8_state(state, 1 + 2 * n);

	weekline_weeks_on_periods(wl, codes, n, from, to, weeks);
	s[0] += 1.0;
	for (int i = 0; i < n; i++)
		jobreg_sum_add(&s[1 + 2 * i], &s[2 + 2 * i],
					   float8_div(weeks[i], (float8) (to[i] - from[i])));
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_periods_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	ArrayType  *other = PG_GETARG_ARRAYTYPE_P(1);
	int			len = PeriodsStateLength(state);
	int			olen = PeriodsStateLength(other);
	float8	   *s,
			   *t;

	if (olen == 0)
		PG_RETURN_ARRAYTYPE_P(state);
	if (len == 0)
		PG_RETURN_ARRAYTYPE_P(AggCheckCallContext(fcinfo, NULL) ? other : PG_GETARG_ARRAYTYPE_P_COPY(1));
	if (len != olen)
		DifferentPeriods((len - 1) / 2, (olen - 1) / 2);
	s = (float8 *) jobreg_float8_state(state, len);
	t = (float8 *) jobreg_float8_state(other, len);
	/* as fuldtid_combine, per period */
	s[0] += t[0];
	for (int i = 1; i < len; i += 2)
	{
		jobreg_sum_add(&s[i], &s[i + 1], t[i]);
		s[i + 1] += t[i + 1];
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_periods_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	int			len = PeriodsStateLength(state);
	float8	   *s;
	Datum	   *values;
	int			n = (len - 1) / 2;

	if (len == 0)
		PG_RETURN_NULL();
	s = (float8 *) jobreg_float8_state(state, len);
	if (s[0] == 0.0)
		PG_RETURN_NULL();
	values = palloc(n * sizeof(Datum));
	for (int i = 0; i < n; i++)
		values[i] = Float8GetDatum(s[1 + 2 * i] + s[2 + 2 * i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(values, n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
