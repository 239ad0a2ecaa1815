/*
 * src/measures/fuldtid.c
 *		The fuldtidspersoner aggregate: full-time equivalents over dateranges
 *		and over weeklines.
 *
 * fuldtidspersoner(spell, period [, degree]) sums, row by row,
 * days(spell ∩ period) × degree ÷ days(period), with Neumaier's compensated
 * summation, so that the order of the rows changes the result by no more
 * than a rounding; its rows are spells, not persons, so it withholds
 * nothing (doc/disclosure.md).  Its week form over weeklines,
 * fuldtidspersoner(wl, codes, period [, weeks_in_period]), and
 * fuldtidspersoner_perioder count whole weeks and the persons with a week on
 * the codes, divide in the final function and withhold a figure resting on
 * fewer persons than jobreg.min_cell; whole numbers make them exact to take
 * a row out of (their moving-aggregate mode) and independent of the order
 * of the rows.
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
PG_FUNCTION_INFO_V1(fuldtid_weeks_inv);
PG_FUNCTION_INFO_V1(fuldtid_weeks_combine);
PG_FUNCTION_INFO_V1(fuldtid_weeks_final);
PG_FUNCTION_INFO_V1(fuldtid_weeks_persons);
PG_FUNCTION_INFO_V1(fuldtid_periods_inv);
PG_FUNCTION_INFO_V1(fuldtid_periods_persons);

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

/*
 * The weekline forms of 0.1.0 named fuldtid_combine and fuldtid_final; until
 * ALTER EXTENSION jobreg UPDATE gives them their own, these two take their
 * states too: a state longer than 3 elements is one of the weekline forms
 * (which gets a period length with its first row), and '{0,0,0}' is empty in
 * both layouts.
 */
static bool
IsWeeksState(ArrayType *state)
{
	return ARR_NDIM(state) == 1 && ARR_DIMS(state)[0] > 3;
}

Datum
fuldtid_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	FuldtidState *s;
	FuldtidState *t;

	if (IsWeeksState(PG_GETARG_ARRAYTYPE_P(0)) || IsWeeksState(PG_GETARG_ARRAYTYPE_P(1)))
		return fuldtid_weeks_combine(fcinfo);
	state = jobreg_state_arg(fcinfo, 0);
	s = JOBREG_STATE(FuldtidState, state);
	t = JOBREG_STATE(FuldtidState, PG_GETARG_ARRAYTYPE_P(1));
	s->rows += t->rows;
	jobreg_sum_add(&s->sum, &s->comp, t->sum);
	s->comp += t->comp;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_final(PG_FUNCTION_ARGS)
{
	FuldtidState *s;

	if (IsWeeksState(PG_GETARG_ARRAYTYPE_P(0)))
		return fuldtid_weeks_final(fcinfo);
	s = JOBREG_STATE(FuldtidState, PG_GETARG_ARRAYTYPE_P(0));

	if (s->rows == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->sum + s->comp);
}

/* ---------- fuldtidspersoner over weeklines: whole weeks and persons ---------- */

/*
 * The state of the weekline forms is a float8[] of 3 + 2 k elements:
 *
 *		[rows, persons, k, d1, W1, d2, W2, …]
 *
 * rows are the histories seen, persons those with at least one week on the
 * codes in the period, and for each denominator d (the weeks of the period,
 * or weeks_in_period) in ascending order W, the weeks on the codes of the
 * rows with that denominator.  Every element is a whole number (d may be any
 * positive weeks_in_period), so adding and taking out a row are exact, and
 * the final Σ W ÷ d, taken in ascending d, does not depend on the order of
 * the rows: serial, parallel, any split merged and a moving window frame
 * give the same float8, bit for bit.  The empty state is '{0,0,0}', the
 * INITCOND of 0.1.0.
 */
#define WEEKS_HEADER 3
#define MAX_DENOMINATORS 1000

/* The state's element count, checked */
static int
WeeksStateDenominators(ArrayType *state)
{
	int			len = ARR_NDIM(state) == 1 ? ARR_DIMS(state)[0] : 0;
	float8	   *s;

	if (ARR_NDIM(state) != 1 || ARR_HASNULL(state) || ARR_ELEMTYPE(state) != FLOAT8OID ||
		len < WEEKS_HEADER || (len - WEEKS_HEADER) % 2 != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid aggregate state"),
				 errdetail("The state must be a float8 array of 3 + 2 k elements without NULLs.")));
	s = (float8 *) ARR_DATA_PTR(state);
	if (s[2] != (len - WEEKS_HEADER) / 2 || !(s[0] >= 0 && s[1] >= 0 && s[1] <= s[0]))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid aggregate state"),
				 errdetail("Its counts do not agree with its length.")));
	return (len - WEEKS_HEADER) / 2;
}

/* A zeroed state of k denominators (their count in the header) */
static ArrayType *
WeeksStateAlloc(int k)
{
	ArrayType  *a = jobreg_float8_array_zeroed(WEEKS_HEADER + 2 * k);

	((float8 *) ARR_DATA_PTR(a))[2] = k;
	return a;
}

/* The position of d among the k pairs of s, or where it goes */
static int
WeeksStateFind(const float8 *s, int k, float8 d, bool *found)
{
	int			lo = 0,
				hi = k;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (s[WEEKS_HEADER + 2 * mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < k && s[WEEKS_HEADER + 2 * lo] == d;
	return lo;
}

static void
TooManyDenominators(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("fuldtidspersoner takes at most %d different period lengths in one aggregate", MAX_DENOMINATORS),
			 errhint("Group the rows by period.")));
}

/* The period and its denominator of a weekline form's row */
static void
WeeksRow(FunctionCallInfo fcinfo, int32 *weeks, float8 *d)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(1);
	const WeeklineCodes *codes = weekline_codes_argument(fcinfo, 2);
	IsoWeek		from,
				to;

	if (!weekline_period_argument(fcinfo, 3, &from, &to) ||
		from == PG_INT32_MIN || to == PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must be a finite, non-empty weekrange"),
				 errdetail("A measure is divided by the length of its period.")));
	*d = PG_NARGS() > 4 ? PG_GETARG_FLOAT8(4) : (float8) (to - from);
	if (!(*d > 0) || isinf(*d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weeks_in_period must be a positive number"),
				 errdetail("Got %g.", *d)));
	*weeks = weekline_weeks_on(wl, codes, from, to);
}

/* Adds (sign +1) or takes out (sign -1) one row */
static Datum
WeeksCount(FunctionCallInfo fcinfo, int sign)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	int			k = WeeksStateDenominators(state);
	float8	   *s = (float8 *) ARR_DATA_PTR(state);
	int32		weeks;
	float8		d;
	bool		found;
	int			pos;

	WeeksRow(fcinfo, &weeks, &d);
	pos = WeeksStateFind(s, k, d, &found);
	if (sign < 0)
	{
		/* the row was added before: its denominator is there, its weeks too */
		if (!found || s[0] < 1 || s[WEEKS_HEADER + 2 * pos + 1] < weeks || (weeks > 0 && s[1] < 1))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fuldtidspersoner cannot take out a row it did not count")));
		s[0] -= 1;
		s[1] -= weeks > 0;
		s[WEEKS_HEADER + 2 * pos + 1] -= weeks;
		PG_RETURN_ARRAYTYPE_P(state);
	}
	if (!found)
	{
		ArrayType  *grown;
		float8	   *g;

		if (k >= MAX_DENOMINATORS)
			TooManyDenominators();
		grown = WeeksStateAlloc(k + 1);
		g = (float8 *) ARR_DATA_PTR(grown);
		g[0] = s[0];
		g[1] = s[1];
		memcpy(&g[WEEKS_HEADER], &s[WEEKS_HEADER], 2 * pos * sizeof(float8));
		memcpy(&g[WEEKS_HEADER + 2 * (pos + 1)], &s[WEEKS_HEADER + 2 * pos], 2 * (k - pos) * sizeof(float8));
		g[WEEKS_HEADER + 2 * pos] = d;
		g[WEEKS_HEADER + 2 * pos + 1] = 0;
		state = grown;
		s = g;
	}
	s[0] += 1;
	s[1] += weeks > 0;
	s[WEEKS_HEADER + 2 * pos + 1] += weeks;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_weeks_trans(PG_FUNCTION_ARGS)
{
	return WeeksCount(fcinfo, 1);
}

Datum
fuldtid_weeks_inv(PG_FUNCTION_ARGS)
{
	return WeeksCount(fcinfo, -1);
}

/* The merged counts of two states, pairs by denominator */
Datum
fuldtid_weeks_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *b = PG_GETARG_ARRAYTYPE_P(1);
	int			ka = WeeksStateDenominators(a),
				kb = WeeksStateDenominators(b);
	float8	   *sa = (float8 *) ARR_DATA_PTR(a),
			   *sb = (float8 *) ARR_DATA_PTR(b),
			   *sm;
	int			i = 0,
				j = 0,
				k = 0;
	ArrayType  *merged = WeeksStateAlloc(ka + kb);

	sm = (float8 *) ARR_DATA_PTR(merged);
	sm[0] = sa[0] + sb[0];
	sm[1] = sa[1] + sb[1];
	while (i < ka || j < kb)
	{
		float8	   *p = &sm[WEEKS_HEADER + 2 * k];

		if (j >= kb || (i < ka && sa[WEEKS_HEADER + 2 * i] < sb[WEEKS_HEADER + 2 * j]))
		{
			p[0] = sa[WEEKS_HEADER + 2 * i];
			p[1] = sa[WEEKS_HEADER + 2 * i + 1];
			i++;
		}
		else if (i >= ka || sb[WEEKS_HEADER + 2 * j] < sa[WEEKS_HEADER + 2 * i])
		{
			p[0] = sb[WEEKS_HEADER + 2 * j];
			p[1] = sb[WEEKS_HEADER + 2 * j + 1];
			j++;
		}
		else
		{
			p[0] = sa[WEEKS_HEADER + 2 * i];
			p[1] = sa[WEEKS_HEADER + 2 * i + 1] + sb[WEEKS_HEADER + 2 * j + 1];
			i++;
			j++;
		}
		k++;
	}
	if (k > MAX_DENOMINATORS)
		TooManyDenominators();
	sm[2] = k;
	ARR_DIMS(merged)[0] = WEEKS_HEADER + 2 * k;
	SET_VARSIZE(merged, ARR_OVERHEAD_NONULLS(1) + ARR_DIMS(merged)[0] * sizeof(float8));
	PG_RETURN_ARRAYTYPE_P(merged);
}

/*
 * Σ W ÷ d in ascending d; NULL for no rows and when fewer persons than the
 * threshold in force (jobreg.min_cell) stand behind it.
 */
Datum
fuldtid_weeks_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	int			k = WeeksStateDenominators(state);
	const float8 *s = (const float8 *) ARR_DATA_PTR(state);
	float8		sum = 0,
				comp = 0;

	if (s[0] == 0 || jobreg_withheld((int64) s[1]))
		PG_RETURN_NULL();
	for (int i = 0; i < k; i++)
		jobreg_sum_add(&sum, &comp, float8_div(s[WEEKS_HEADER + 2 * i + 1], s[WEEKS_HEADER + 2 * i]));
	PG_RETURN_FLOAT8(sum + comp);
}

/* The persons behind it: histories with a week on the codes in the period */
Datum
fuldtid_weeks_persons(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);

	(void) WeeksStateDenominators(state);
	PG_RETURN_INT64((int64) ((const float8 *) ARR_DATA_PTR(state))[1]);
}

/* ---------- several periods in one pass ---------- */

/*
 * fuldtidspersoner_perioder(wl, codes, periods weekrange[]): element i is
 * what fuldtidspersoner(wl, codes, periods[i]) gives over the same rows,
 * bit for bit, but each history is read once for all periods and the row
 * costs one transition call.  The state is a float8[] of 1 + 3 n elements:
 * rows, then per period its length in weeks, the weeks on the codes in it
 * and the persons with such a week; it starts empty ('{}') and gets its
 * length from the first row's periods.  Every row must give periods of the
 * same lengths (the same periods, as a rule), so that element i is one sum
 * of whole weeks ÷ one length, exact to add and to take out.
 */
#define MAX_PERIODS 1000

static int
PeriodsStateLength(ArrayType *state)
{
	if (ARR_NDIM(state) == 0)
		return 0;
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] < 4 || ARR_DIMS(state)[0] % 3 != 1 ||
		ARR_HASNULL(state) || ARR_ELEMTYPE(state) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid aggregate state"),
				 errdetail("The state must be an empty float8 array or one of 1 + 3 n elements.")));
	return ARR_DIMS(state)[0];
}

static ArrayType *
NewPeriodsState(int n, const IsoWeek *from, const IsoWeek *to)
{
	Datum	   *values = palloc((1 + 3 * n) * sizeof(Datum));

	values[0] = Float8GetDatum(0.0);
	for (int i = 0; i < n; i++)
	{
		values[1 + 3 * i] = Float8GetDatum((float8) (to[i] - from[i]));
		values[2 + 3 * i] = Float8GetDatum(0.0);
		values[3 + 3 * i] = Float8GetDatum(0.0);
	}
	return construct_array(values, 1 + 3 * n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

static void
DifferentPeriods(int a, int b)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("fuldtidspersoner_perioder got %d periods after %d", b, a),
			 errdetail("Every row must give the same number of periods.")));
}

static void
DifferentLength(int i, float8 a, float8 b)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("fuldtidspersoner_perioder got periods[%d] of %g weeks after one of %g", i, b, a),
			 errdetail("Every row must give periods of the same lengths, so that each sum is exact.")));
}

/* Adds (sign +1) or takes out (sign -1) one row */
static Datum
PeriodsCount(FunctionCallInfo fcinfo, int sign)
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
	{
		if (sign < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fuldtidspersoner_perioder cannot take out a row it did not count")));
		state = NewPeriodsState(n, from, to);
	}
	else if (PeriodsStateLength(state) != 1 + 3 * n)
		DifferentPeriods((PeriodsStateLength(state) - 1) / 3, n);
	s = (float8 *) ARR_DATA_PTR(state);
	for (int i = 0; i < n; i++)
		if (s[1 + 3 * i] != (float8) (to[i] - from[i]))
			DifferentLength(i + 1, s[1 + 3 * i], (float8) (to[i] - from[i]));

	weekline_weeks_on_periods(wl, codes, n, from, to, weeks);
	if (sign < 0)
	{
		bool		bad = s[0] < 1;

		for (int i = 0; i < n && !bad; i++)
			bad = s[2 + 3 * i] < weeks[i] || (weeks[i] > 0 && s[3 + 3 * i] < 1);
		if (bad)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fuldtidspersoner_perioder cannot take out a row it did not count")));
	}
	s[0] += sign;
	for (int i = 0; i < n; i++)
	{
		s[2 + 3 * i] += sign * weeks[i];
		s[3 + 3 * i] += sign * (weeks[i] > 0);
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
fuldtid_periods_trans(PG_FUNCTION_ARGS)
{
	return PeriodsCount(fcinfo, 1);
}

Datum
fuldtid_periods_inv(PG_FUNCTION_ARGS)
{
	return PeriodsCount(fcinfo, -1);
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
		DifferentPeriods((len - 1) / 3, (olen - 1) / 3);
	s = (float8 *) ARR_DATA_PTR(state);
	t = (float8 *) ARR_DATA_PTR(other);
	for (int i = 1; i < len; i += 3)
		if (s[i] != t[i])
			DifferentLength((i - 1) / 3 + 1, s[i], t[i]);
	s[0] += t[0];
	for (int i = 1; i < len; i += 3)
	{
		s[i + 1] += t[i + 1];
		s[i + 2] += t[i + 2];
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

/* One element per period: weeks ÷ length, NULL where withheld */
Datum
fuldtid_periods_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	int			len = PeriodsStateLength(state);
	float8	   *s;
	Datum	   *values;
	bool	   *nulls;
	int			n = (len - 1) / 3;
	int			dims[1];
	int			lbs[1] = {1};

	if (len == 0)
		PG_RETURN_NULL();
	s = (float8 *) ARR_DATA_PTR(state);
	if (s[0] == 0.0)
		PG_RETURN_NULL();
	values = palloc(n * sizeof(Datum));
	nulls = palloc(n * sizeof(bool));
	for (int i = 0; i < n; i++)
	{
		nulls[i] = jobreg_withheld((int64) s[3 + 3 * i]);
		values[i] = Float8GetDatum(nulls[i] ? 0 : float8_div(s[2 + 3 * i], s[1 + 3 * i]));
	}
	dims[0] = n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(values, nulls, 1, dims, lbs, FLOAT8OID, sizeof(float8),
											 FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* The persons behind each period's figure */
Datum
fuldtid_periods_persons(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	int			len = PeriodsStateLength(state);
	float8	   *s;
	Datum	   *values;
	int			n = (len - 1) / 3;

	if (len == 0)
		PG_RETURN_NULL();
	s = (float8 *) ARR_DATA_PTR(state);
	values = palloc(n * sizeof(Datum));
	for (int i = 0; i < n; i++)
		values[i] = Int64GetDatum((int64) s[3 + 3 * i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(values, n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
