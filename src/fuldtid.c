/*
 * src/fuldtid.c
 *		The fuldtidspersoner aggregate (full-time equivalents over dateranges)
 *		and the day-interval and state-array helpers that the other measure
 *		aggregates share.
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

#include "jobreg.h"

PG_FUNCTION_INFO_V1(fuldtid_trans);
PG_FUNCTION_INFO_V1(fuldtid_weeks_trans);
PG_FUNCTION_INFO_V1(fuldtid_combine);
PG_FUNCTION_INFO_V1(fuldtid_final);
PG_FUNCTION_INFO_V1(jobreg_array_sum);

/* state: {rows, sum, compensation} */
#define FULDTID_STATE_LEN 3

/* ---------- day intervals ---------- */

static TypeCacheEntry *
DaterangeTypcache(void)
{
	/* typcache entries live as long as the backend */
	static TypeCacheEntry *tc = NULL;

	if (tc == NULL)
		tc = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	return tc;
}

/*
 * Bounds of a daterange as the half-open interval [*lo, *hi) of days, with
 * unbounded and infinite ends replaced by the window [wlo, whi) and the
 * result clipped to the window.  Returns false if nothing is left.
 */
static bool
BoundsToDays(const RangeBound *lower, const RangeBound *upper,
			 DateADT wlo, DateADT whi, DateADT *lo, DateADT *hi)
{
	int64		l,
				u;

	/* a range from +infinity or to -infinity holds no day */
	if (lower->infinite || DATE_IS_NOBEGIN(DatumGetDateADT(lower->val)))
		l = wlo;
	else if (DATE_IS_NOEND(DatumGetDateADT(lower->val)))
		return false;
	else
		l = (int64) DatumGetDateADT(lower->val) + (lower->inclusive ? 0 : 1);
	if (upper->infinite || DATE_IS_NOEND(DatumGetDateADT(upper->val)))
		u = whi;
	else if (DATE_IS_NOBEGIN(DatumGetDateADT(upper->val)))
		return false;
	else
		u = (int64) DatumGetDateADT(upper->val) + (upper->inclusive ? 1 : 0);

	l = Max(l, wlo);
	u = Min(u, whi);
	if (l >= u)
		return false;
	*lo = (DateADT) l;
	*hi = (DateADT) u;
	return true;
}

static void
DeserializeDaterange(Datum range, RangeBound *lower, RangeBound *upper, bool *empty)
{
	RangeType  *r = DatumGetRangeTypeP(range);

	if (RangeTypeGetOid(r) != DATERANGEOID)
		elog(ERROR, "expected a daterange");
	range_deserialize(DaterangeTypcache(), r, lower, upper, empty);
}

/* The days of a daterange in the window [wlo, whi), as BoundsToDays */
bool
jobreg_daterange_days(Datum range, DateADT wlo, DateADT whi,
					  DateADT *lo, DateADT *hi)
{
	RangeBound	lower,
				upper;
	bool		empty;

	DeserializeDaterange(range, &lower, &upper, &empty);
	return !empty && BoundsToDays(&lower, &upper, wlo, whi, lo, hi);
}

/*
 * The days of a datemultirange in the window [wlo, whi): *n intervals,
 * returned as 2 * *n DateADTs (lo, hi, lo, hi, ...) in increasing order,
 * palloc'd in the current memory context.
 */
DateADT *
jobreg_datemultirange_days(Datum multirange, DateADT wlo, DateADT whi, int *n)
{
	MultirangeType *mr = DatumGetMultirangeTypeP(multirange);
	DateADT    *days;
	uint32		i;

	if (MultirangeTypeGetOid(mr) != DATEMULTIRANGEOID)
		elog(ERROR, "expected a datemultirange");
	days = palloc(sizeof(DateADT) * 2 * Max(mr->rangeCount, 1));
	*n = 0;
	for (i = 0; i < mr->rangeCount; i++)
	{
		RangeBound	lower,
					upper;

		multirange_get_bounds(DaterangeTypcache(), mr, i, &lower, &upper);
		if (BoundsToDays(&lower, &upper, wlo, whi, &days[2 * *n], &days[2 * *n + 1]))
			(*n)++;
	}
	return days;
}

/*
 * A measurement period: a finite, non-empty daterange, as [*lo, *hi).
 * Infinite or empty periods have no length to divide by: an error.
 */
void
jobreg_period_days(Datum range, DateADT *lo, DateADT *hi)
{
	RangeBound	lower,
				upper;
	bool		empty;

	DeserializeDaterange(range, &lower, &upper, &empty);
	if (empty)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must not be empty"),
				 errdetail("A measure is divided by the length of its period.")));
	if (lower.infinite || upper.infinite ||
		DATE_NOT_FINITE(DatumGetDateADT(lower.val)) ||
		DATE_NOT_FINITE(DatumGetDateADT(upper.val)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must be finite"),
				 errdetail("A measure is divided by the length of its period, which must have a first and a last day.")));
	if (!BoundsToDays(&lower, &upper, DATEVAL_NOBEGIN, DATEVAL_NOEND, lo, hi))
		elog(ERROR, "non-empty daterange with no days");
}

/* ---------- state arrays ---------- */

/*
 * The float8[] state of a measure aggregate, checked (the transition
 * functions can be called from SQL with any array).  Returns its elements.
 */
float8 *
jobreg_float8_state(ArrayType *state, int len)
{
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] != len ||
		ARR_HASNULL(state) || ARR_ELEMTYPE(state) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid aggregate state"),
				 errdetail("The state must be a float8 array of %d elements without NULLs.", len)));
	return (float8 *) ARR_DATA_PTR(state);
}

/*
 * The state to update: in an aggregate the argument itself (it lives in the
 * aggregate context), otherwise a copy, so that direct calls of a transition
 * function never change their argument.
 */
ArrayType *
jobreg_float8_state_arg(FunctionCallInfo fcinfo, int argno, int len)
{
	ArrayType  *state;

	if (AggCheckCallContext(fcinfo, NULL))
		state = PG_GETARG_ARRAYTYPE_P(argno);
	else
		state = PG_GETARG_ARRAYTYPE_P_COPY(argno);
	(void) jobreg_float8_state(state, len);
	return state;
}

/* Neumaier's compensated addition of v to the pair (*sum, *comp) */
void
jobreg_sum_add(float8 *sum, float8 *comp, float8 v)
{
	float8		t = float8_pl(*sum, v);	/* an error past the largest float8 */

	if (fabs(*sum) >= fabs(v))
		*comp += (*sum - t) + v;
	else
		*comp += (v - t) + *sum;
	*sum = t;
}

/* ---------- fuldtidspersoner ---------- */

Datum
fuldtid_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_float8_state_arg(fcinfo, 0, FULDTID_STATE_LEN);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
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

	s[0] += 1.0;
	if (jobreg_daterange_days(PG_GETARG_DATUM(1), plo, phi, &lo, &hi))
		jobreg_sum_add(&s[1], &s[2], (float8) (hi - lo) * degree / (float8) (phi - plo));
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_weeks_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_float8_state_arg(fcinfo, 0, FULDTID_STATE_LEN);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
	struct varlena *wl = PG_GETARG_WEEKLINE_P(1);
	const WeeklineCodes *codes = weekline_codes_argument(fcinfo, 2);
	IsoWeek		from,
				to;
	float8		weeks_in_period;

	if (!weekline_period_bounds(PG_GETARG_DATUM(3), &from, &to) ||
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

	s[0] += 1.0;
	jobreg_sum_add(&s[1], &s[2], float8_div(weekline_weeks_on(wl, codes, from, to), weeks_in_period));
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = jobreg_float8_state_arg(fcinfo, 0, FULDTID_STATE_LEN);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
	float8	   *t = jobreg_float8_state(PG_GETARG_ARRAYTYPE_P(1), FULDTID_STATE_LEN);

	s[0] += t[0];
	jobreg_sum_add(&s[1], &s[2], t[1]);
	s[2] += t[2];
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_final(PG_FUNCTION_ARGS)
{
	float8	   *s = jobreg_float8_state(PG_GETARG_ARRAYTYPE_P(0), FULDTID_STATE_LEN);

	if (s[0] == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s[1] + s[2]);
}

/* ---------- count states ---------- */

/* Element-wise sum of two float8[] states of the same length */
Datum
jobreg_array_sum(PG_FUNCTION_ARGS)
{
	ArrayType  *b = PG_GETARG_ARRAYTYPE_P(1);
	int			len = ARR_NDIM(b) == 1 ? ARR_DIMS(b)[0] : 0;
	ArrayType  *state = jobreg_float8_state_arg(fcinfo, 0, len);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
	float8	   *t = jobreg_float8_state(b, len);
	int			i;

	for (i = 0; i < len; i++)
		s[i] += t[i];
	PG_RETURN_ARRAYTYPE_P(state);
}
