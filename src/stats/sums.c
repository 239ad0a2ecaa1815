/*
 * src/stats/sums.c
 *		Compensated sums and the float8[] states of aggregates that keep a few
 *		sums (fuldtidspersoner, anciennitet_fordeling, andel_inden_for, the
 *		activation ratios, prop_test, welch_test): checked access to a state
 *		array (stats.h says why these states stay float8[]), Neumaier's
 *		compensated addition, and jobreg_array_sum, the combine function of
 *		count states.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "stats/stats.h"

PG_FUNCTION_INFO_V1(jobreg_array_sum);

/* ---------- state arrays ---------- */

/*
 * The float8[] state of an aggregate, checked (the transition and final
 * functions can be called from SQL with any array): its elements, which
 * JOBREG_STATE sees as the aggregate's state struct.
 */
void *
jobreg_float8_state(ArrayType *state, int len)
{
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] != len ||
		ARR_HASNULL(state) || ARR_ELEMTYPE(state) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid aggregate state"),
				 errdetail("The state must be a float8 array of %d elements without NULLs.", len)));
	return ARR_DATA_PTR(state);
}

/* A new float8 array of nelems zeros, without NULLs: a state to fill */
ArrayType *
jobreg_float8_array_zeroed(int nelems)
{
	Size		size = ARR_OVERHEAD_NONULLS(1) + nelems * sizeof(float8);
	ArrayType  *a = palloc0(size);

	SET_VARSIZE(a, size);
	a->ndim = 1;
	a->dataoffset = 0;
	a->elemtype = FLOAT8OID;
	ARR_DIMS(a)[0] = nelems;
	ARR_LBOUND(a)[0] = 1;
	return a;
}

/*
 * The state array to update: in an aggregate the argument itself (it lives
 * in the aggregate context), otherwise a copy, so that direct calls of a
 * transition function never change their argument.
 */
ArrayType *
jobreg_state_arg(FunctionCallInfo fcinfo, int argno)
{
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_GETARG_ARRAYTYPE_P(argno);
	return PG_GETARG_ARRAYTYPE_P_COPY(argno);
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

/* ---------- count states ---------- */

/* All elements 0: an aggregate's INITCOND, however long */
static bool
AllZero(ArrayType *a)
{
	int			len = ARR_NDIM(a) == 1 ? ARR_DIMS(a)[0] : 0;

	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		return false;
	for (int i = 0; i < len; i++)
		if (((float8 *) ARR_DATA_PTR(a))[i] != 0)
			return false;
	return true;
}

/*
 * Element-wise sum of two float8[] states of the same length.  A state of
 * zeros of another length is empty (an aggregate whose INITCOND an upgrade
 * lengthened, running before ALTER EXTENSION UPDATE: aktivering's population
 * aggregates), and the other state is the sum.
 */
Datum
jobreg_array_sum(PG_FUNCTION_ARGS)
{
	ArrayType  *b = PG_GETARG_ARRAYTYPE_P(1);
	int			len = ARR_NDIM(b) == 1 ? ARR_DIMS(b)[0] : 0;
	ArrayType  *state;
	float8	   *s;
	float8	   *t;
	int			i;

	if (ARR_NDIM(PG_GETARG_ARRAYTYPE_P(0)) == 1 && ARR_DIMS(PG_GETARG_ARRAYTYPE_P(0))[0] != len)
	{
		if (AllZero(b))
			PG_RETURN_ARRAYTYPE_P(jobreg_state_arg(fcinfo, 0));
		if (AllZero(PG_GETARG_ARRAYTYPE_P(0)))
			PG_RETURN_ARRAYTYPE_P(PG_GETARG_ARRAYTYPE_P_COPY(1));
	}
	state = jobreg_state_arg(fcinfo, 0);
	s = jobreg_float8_state(state, len);
	t = jobreg_float8_state(b, len);

	for (i = 0; i < len; i++)
		s[i] += t[i];
	PG_RETURN_ARRAYTYPE_P(state);
}
