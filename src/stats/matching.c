/*
 * src/stats/matching.c
 *		Greedy 1:1 nearest-neighbour matching on a score, without
 *		replacement, treated units taken from the largest score down:
 *		match_nearest(ids, treated, scores, caliper), the pairs of R's
 *		MatchIt::matchit(method = "nearest", distance = <score>,
 *		replace = FALSE, m.order = "largest", caliper = c,
 *		std.caliper = FALSE).
 *
 * MatchIt (4.5) lays all units out in ascending order of the score, ties
 * in the order of the data; for a treated unit it looks for the nearest
 * unmatched control to its left and to its right in that layout (stopping
 * when the nearest one on a side lies outside the caliper) and takes the
 * left one when the two are equally far.  Treated units are taken in
 * descending order of the score, ties in the order of the data.  Here the
 * controls are one sorted list; a matched control is removed from it by
 * two disjoint-set forests (the next unmatched control to the right, and
 * to the left), so the whole costs O(n log n) for the sorts and nearly
 * linear time after them.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "stats/stats.h"

PG_FUNCTION_INFO_V1(match_nearest);

typedef struct MatchUnit
{
	int64		id;
	float8		score;
	int32		position;		/* in the input arrays: the order of the data */
	bool		treated;
} MatchUnit;

/* ascending score, ties in the order of the data */
static int
CompareAscending(const void *a, const void *b)
{
	const MatchUnit *x = a;
	const MatchUnit *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return (x->position > y->position) - (x->position < y->position);
}

/* descending score, ties in the order of the data */
static int
CompareDescending(const void *a, const void *b)
{
	const MatchUnit *x = *(MatchUnit *const *) a;
	const MatchUnit *y = *(MatchUnit *const *) b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->position > y->position) - (x->position < y->position);
}

static int
CompareIds(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/*
 * The representative of i in a disjoint-set forest whose roots are the
 * unmatched controls (or the sentinels at the ends), with path halving.
 */
static int32
FindFree(int32 *parent, int32 i)
{
	while (parent[i] != i)
	{
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

Datum
match_nearest(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum	   *ids,
			   *treated,
			   *scores;
	bool	   *idnulls,
			   *trnulls,
			   *scnulls;
	int			n,
				ntr,
				nsc;
	bool		use_caliper = !PG_ARGISNULL(3);
	float8		caliper = use_caliper ? PG_GETARG_FLOAT8(3) : 0.0;
	MatchUnit  *units;
	MatchUnit **order;
	int64	   *sorted_ids;
	int32	   *controls;		/* positions in units[] of the controls, ascending */
	int32	   *left_count;		/* per unit: controls before it in units[] */
	int32	   *right_free;		/* forest over 0..ncontrols (ncontrols: none) */
	int32	   *left_free;		/* forest over 0..ncontrols (0: none), shifted by 1 */
	int			nunits = 0,
				ncontrols = 0,
				ntreated = 0;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return (Datum) 0;
	if (use_caliper && !(caliper >= 0.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("caliper %g is not a number of at least 0", caliper),
				 errdetail("The caliper is the largest difference of scores a pair may have; NULL means none.")));

	jobreg_list_elements(PG_GETARG_ARRAYTYPE_P(0), "ids", &ids, &idnulls, &n);
	jobreg_list_elements(PG_GETARG_ARRAYTYPE_P(1), "treated", &treated, &trnulls, &ntr);
	jobreg_list_elements(PG_GETARG_ARRAYTYPE_P(2), "scores", &scores, &scnulls, &nsc);
	if (ntr != n || nsc != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ids, treated and scores must have the same length"),
				 errdetail("Their lengths are %d, %d and %d.", n, ntr, nsc)));

	/* the units without a NULL; non-finite scores and duplicate ids are errors */
	units = palloc(Max(n, 1) * sizeof(MatchUnit));
	sorted_ids = palloc(Max(n, 1) * sizeof(int64));
	for (int i = 0; i < n; i++)
	{
		if (!idnulls[i])
			sorted_ids[nunits++] = DatumGetInt64(ids[i]);
	}
	qsort(sorted_ids, nunits, sizeof(int64), CompareIds);
	for (int i = 1; i < nunits; i++)
		if (sorted_ids[i] == sorted_ids[i - 1])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("duplicate id %lld in match_nearest", (long long) sorted_ids[i]),
					 errdetail("Each unit must have its own id.")));
	nunits = 0;
	for (int i = 0; i < n; i++)
	{
		MatchUnit  *u;

		if (idnulls[i] || trnulls[i] || scnulls[i])
			continue;
		u = &units[nunits++];
		u->id = DatumGetInt64(ids[i]);
		u->treated = DatumGetBool(treated[i]);
		u->score = DatumGetFloat8(scores[i]);
		u->position = i;
		if (!isfinite(u->score))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("score of unit %lld is not finite", (long long) u->id),
					 errdetail("Matching needs a finite score for every unit.")));
	}

	/* the layout: every unit in ascending order of the score */
	qsort(units, nunits, sizeof(MatchUnit), CompareAscending);
	controls = palloc(Max(nunits, 1) * sizeof(int32));
	left_count = palloc(Max(nunits, 1) * sizeof(int32));
	order = palloc(Max(nunits, 1) * sizeof(MatchUnit *));
	for (int i = 0; i < nunits; i++)
	{
		left_count[i] = ncontrols;
		if (units[i].treated)
			order[ntreated++] = &units[i];
		else
			controls[ncontrols++] = i;
	}
	qsort(order, ntreated, sizeof(MatchUnit *), CompareDescending);

	/*
	 * right_free[j]: the first unmatched control at index >= j (ncontrols:
	 * none); left_free[j + 1]: the last unmatched control at index <= j,
	 * plus one (0: none).
	 */
	right_free = palloc((ncontrols + 1) * sizeof(int32));
	left_free = palloc((ncontrols + 1) * sizeof(int32));
	for (int j = 0; j <= ncontrols; j++)
		right_free[j] = left_free[j] = j;

	for (int t = 0; t < ntreated; t++)
	{
		MatchUnit  *u = order[t];
		int32		at = u - units;
		int32		j = left_count[at];
		int32		right = FindFree(right_free, j);
		int32		left = FindFree(left_free, j) - 1;	/* controls j - 1 and below */
		int32		chosen = -1;
		float8		dleft = 0.0,
					dright = 0.0;
		Datum		values[3];
		bool		nulls[3] = {0};

		if ((t & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (left >= 0)
		{
			dleft = fabs(units[controls[left]].score - u->score);
			if (use_caliper && dleft > caliper)
				left = -1;
		}
		if (right < ncontrols)
		{
			dright = fabs(units[controls[right]].score - u->score);
			if (use_caliper && dright > caliper)
				right = ncontrols;
		}
		if (left >= 0 && right < ncontrols)
			chosen = dleft <= dright ? left : right;
		else if (left >= 0)
			chosen = left;
		else if (right < ncontrols)
			chosen = right;
		else
			continue;			/* no control within reach: unmatched */

		/* remove the control from both forests */
		right_free[chosen] = chosen + 1;
		left_free[chosen + 1] = chosen;

		values[0] = Int64GetDatum(u->id);
		values[1] = Int64GetDatum(units[controls[chosen]].id);
		values[2] = Float8GetDatum(chosen == left ? dleft : dright);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
