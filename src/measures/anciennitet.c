/*
 * src/measures/anciennitet.c
 *		Durations on a benefit: anciennitet (the current spell's length at a
 *		reference week), the langvarig predicate, duration bands and their
 *		distribution, and shares reaching an outcome within N weeks among
 *		cohorts with complete follow-up.
 *
 * Years are 52 weeks, as in Jobindsats' derived durations.  Both aggregates
 * keep their counts in plain float8[] states, like the other measures, so
 * they need no serialization to run in parallel, can be stored in rollups,
 * and combine with jobreg_array_sum (stats/sums.c).
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "measures/measures.h"

#define WEEKS_PER_YEAR 52

PG_FUNCTION_INFO_V1(anciennitet);
PG_FUNCTION_INFO_V1(langvarig);
PG_FUNCTION_INFO_V1(anciennitet_gruppe);
PG_FUNCTION_INFO_V1(first_week_on);
PG_FUNCTION_INFO_V1(anciennitet_fordeling_trans);
PG_FUNCTION_INFO_V1(anciennitet_fordeling_final);
PG_FUNCTION_INFO_V1(anciennitet_fordeling_inv);
PG_FUNCTION_INFO_V1(andel_inden_for_trans);
PG_FUNCTION_INFO_V1(andel_inden_for_final);

/*
 * Weeks from the first week of the spell containing `at` through `at`,
 * bridged breaks included (elapsed time, as STAR counts anciennitet); -1 when
 * `at` is in no spell.
 */
static int32
ElapsedWeeks(FunctionCallInfo fcinfo, IsoWeek at, int32 max_gap)
{
	IsoWeek		first;

	if (!weekline_spell_first_at(PG_GETARG_WEEKLINE_P(0), weekline_codes_argument(fcinfo, 1),
								 max_gap, at, &first))
		return -1;
	return at - first + 1;
}

Datum
anciennitet(PG_FUNCTION_ARGS)
{
	int32		weeks = ElapsedWeeks(fcinfo, PG_GETARG_ISOWEEK(2), PG_GETARG_INT32(3));

	if (weeks < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(weeks);
}

Datum
langvarig(PG_FUNCTION_ARGS)
{
	float8		min_years = PG_GETARG_FLOAT8(3);

	if (isnan(min_years) || min_years < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_years must be a non-negative number"),
				 errdetail("A person is langvarig when the current spell has lasted at least min_years years of 52 weeks.")));
	PG_RETURN_BOOL(ElapsedWeeks(fcinfo, PG_GETARG_ISOWEEK(2), PG_GETARG_INT32(4)) >= min_years * WEEKS_PER_YEAR);
}

static void
CheckWeeks(int32 weeks, const char *what)
{
	if (weeks < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative", what),
				 errdetail("Got %d weeks.", weeks)));
}

/* The bands of STAR's langvarige study: [5,7), [7,10) and 10+ years */
Datum
anciennitet_gruppe(PG_FUNCTION_ARGS)
{
	int32		weeks = PG_GETARG_INT32(0);

	CheckWeeks(weeks, "anciennitet");
	if (weeks < 5 * WEEKS_PER_YEAR)
		PG_RETURN_TEXT_P(cstring_to_text("under 5 år"));
	if (weeks < 7 * WEEKS_PER_YEAR)
		PG_RETURN_TEXT_P(cstring_to_text("5-7 år"));
	if (weeks < 10 * WEEKS_PER_YEAR)
		PG_RETURN_TEXT_P(cstring_to_text("7-10 år"));
	PG_RETURN_TEXT_P(cstring_to_text("10+ år"));
}

/* The first week at or after `from` whose code is in the set */
Datum
first_week_on(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	const WeeklineCodes *codes = weekline_codes_argument(fcinfo, 1);
	IsoWeek		from = PG_GETARG_ISOWEEK(2);
	WeeklineReader reader;
	WeeklineRun run;

	if (weekline_reader_init(&reader, wl))
	{
		while (weekline_next(&reader, &run))
		{
			if (run.start + run.length > from && weekline_codes_contain(codes, run.code))
				PG_RETURN_ISOWEEK(Max(run.start, from));
		}
	}
	PG_RETURN_NULL();
}

/* ---------- counter aggregates (float8[] states, counts exact below 2^53) ---------- */

/*
 * anciennitet_fordeling's state: persons, Σ weeks, persons more than 2, 3
 * and 5 years on, and persons in the bands 5-7, 7-10 and 10+ years.
 */
typedef struct FordelingState
{
	float8		persons;
	float8		weeks;
	float8		over2;
	float8		over3;
	float8		over5;
	float8		years5_7;
	float8		years7_10;
	float8		years10p;
} FordelingState;

StaticAssertDecl(sizeof(FordelingState) == 8 * sizeof(float8), "FordelingState must be 8 float8s");

/*
 * Count one person in (sign 1) or out (sign -1: the moving-aggregate inverse).
 * Every field is a whole number below 2^53, so taking a person out gives
 * exactly the state without them.
 */
static Datum
FordelingCount(FunctionCallInfo fcinfo, int sign)
{
	ArrayType  *state = jobreg_state_arg(fcinfo, 0);
	FordelingState *c = JOBREG_STATE(FordelingState, state);
	int32		weeks = PG_GETARG_INT32(1);

	CheckWeeks(weeks, "anciennitet");
	c->persons += sign;
	c->weeks += sign * (float8) weeks;
	c->over2 += sign * (weeks > 2 * WEEKS_PER_YEAR);
	c->over3 += sign * (weeks > 3 * WEEKS_PER_YEAR);
	c->over5 += sign * (weeks > 5 * WEEKS_PER_YEAR);
	c->years5_7 += sign * (weeks >= 5 * WEEKS_PER_YEAR && weeks < 7 * WEEKS_PER_YEAR);
	c->years7_10 += sign * (weeks >= 7 * WEEKS_PER_YEAR && weeks < 10 * WEEKS_PER_YEAR);
	c->years10p += sign * (weeks >= 10 * WEEKS_PER_YEAR);
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
anciennitet_fordeling_trans(PG_FUNCTION_ARGS)
{
	return FordelingCount(fcinfo, 1);
}

/* Moving-aggregate inverse of anciennitet_fordeling: a person leaves the frame */
Datum
anciennitet_fordeling_inv(PG_FUNCTION_ARGS)
{
	return FordelingCount(fcinfo, -1);
}

Datum
anciennitet_fordeling_final(PG_FUNCTION_ARGS)
{
	FordelingState *c = JOBREG_STATE(FordelingState, PG_GETARG_ARRAYTYPE_P(0));
	TupleDesc	tupdesc;
	Datum		values[8];
	bool		nulls[8] = {0};
	float8		n = c->persons;

	if (n == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "anciennitet_fordeling must return a composite type");
	values[0] = Int64GetDatum((int64) n);
	values[1] = Float8GetDatum(c->weeks / n / WEEKS_PER_YEAR);
	values[2] = Float8GetDatum(c->over2 / n);
	values[3] = Float8GetDatum(c->over3 / n);
	values[4] = Float8GetDatum(c->over5 / n);
	values[5] = Float8GetDatum(c->years5_7 / n);
	values[6] = Float8GetDatum(c->years7_10 / n);
	values[7] = Float8GetDatum(c->years10p / n);
	/* jobreg.min_cell: a group of fewer persons keeps its row, every figure withheld */
	if (jobreg_withheld(n))
		memset(nulls, true, sizeof(nulls));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}

/* andel_inden_for's state: rows with full follow-up, and those with an outcome */
typedef struct AndelState
{
	float8		followed;
	float8		reached;
} AndelState;

StaticAssertDecl(sizeof(AndelState) == 2 * sizeof(float8), "AndelState must be 2 float8s");

/*
 * andel_inden_for(start, outcome, weeks, observed_until): among rows whose
 * first `weeks` weeks from `start` are all observed (start + weeks - 1 <=
 * observed_until), the share with an outcome in those weeks (start <=
 * outcome < start + weeks).  A NULL outcome means none was observed; rows
 * with NULL start, weeks or observed_until are skipped.
 */
Datum
andel_inden_for_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	AndelState *c;
	IsoWeek		start;
	int32		weeks;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("andel_inden_for state must not be NULL")));
	state = jobreg_state_arg(fcinfo, 0);
	c = JOBREG_STATE(AndelState, state);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_ARRAYTYPE_P(state);

	start = PG_GETARG_ISOWEEK(1);
	weeks = PG_GETARG_INT32(3);
	if (weeks < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the follow-up must be at least one week"),
				 errdetail("Got %d weeks.", weeks)));
	if (!PG_ARGISNULL(2) && PG_GETARG_ISOWEEK(2) < start)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("outcome week precedes start week"),
				 errdetail("An outcome is looked for from the start week on.")));

	if ((int64) start + weeks - 1 <= PG_GETARG_ISOWEEK(4))
	{
		c->followed++;
		c->reached += !PG_ARGISNULL(2) && (int64) PG_GETARG_ISOWEEK(2) < (int64) start + weeks;
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
andel_inden_for_final(PG_FUNCTION_ARGS)
{
	AndelState *c = JOBREG_STATE(AndelState, PG_GETARG_ARRAYTYPE_P(0));

	if (c->followed == 0 || jobreg_withheld(c->followed))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(c->reached / c->followed);
}
