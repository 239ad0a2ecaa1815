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
