/*
 * src/present/suppress.c
 *		suppress_cells: primary and secondary cell suppression over a set of
 *		published tables whose cells add up along hierarchies (kommune →
 *		klynge / region → country, quarter → year, age groups → i alt), and
 *		rounding of the published counts.
 *
 * The caller gives every published cell (an id and the persons behind it)
 * and every relation between cells: a relation is a set of cells of which
 * one is the sum of the others (a klynge and its kommuner, a year and its
 * quarters).  A cell of fewer persons than the threshold is withheld
 * (primary).  A relation with exactly one withheld cell would give it as
 * the total less the others, so the smallest other cell of the relation is
 * withheld too (secondary: the least information lost, one cell at a time),
 * and the relations of that cell are looked at again, until no relation
 * has exactly one withheld cell.  The work is linear in the memberships
 * times the rounds a relation is revisited, which is at most its size.
 *
 * This protects against every single subtraction and sibling sum along the
 * relations; it is not the full protection of τ-ARGUS's optimal methods,
 * which also rule out solving several relations together
 * (doc/disclosure.md says what is left).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "present/present.h"

PG_FUNCTION_INFO_V1(suppress_cells);
PG_FUNCTION_INFO_V1(suppress_report);

/* A cell: its id, persons and state; sorted by id to be found by bsearch */
typedef struct SuppressCell
{
	int64		id;
	int64		persons;
	int			input;			/* its place in the input arrays */
	char		rule;			/* 0 shown, 'p' primary, 's' secondary */
} SuppressCell;

typedef struct Membership
{
	int64		relation;
	int			cell;			/* index into the sorted cells */
} Membership;

static int
CompareCells(const void *a, const void *b)
{
	int64		x = ((const SuppressCell *) a)->id;
	int64		y = ((const SuppressCell *) b)->id;

	return (x > y) - (x < y);
}

static int
CompareMemberships(const void *a, const void *b)
{
	const Membership *x = (const Membership *) a;
	const Membership *y = (const Membership *) b;

	if (x->relation != y->relation)
		return (x->relation > y->relation) - (x->relation < y->relation);
	return (x->cell > y->cell) - (x->cell < y->cell);
}

/* The int8 elements of an array argument, none NULL (else 22023) */
static int64 *
Int8Elements(ArrayType *arr, const char *what, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	int64	   *out;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppress_cells %s must be a one-dimensional array", what)));
	deconstruct_array(arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, n);
	out = palloc(Max(*n, 1) * sizeof(int64));
	for (int i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells %s must not contain NULL", what)));
		out[i] = DatumGetInt64(elems[i]);
	}
	return out;
}

/* Published counts are rounded to the nearest multiple of base, halves up */
static int64
RoundTo(int64 v, int base)
{
	if (base <= 1 || v > PG_INT64_MAX - base)
		return v;
	return ((v + base / 2) / base) * base;
}

/*
 * suppress_cells(cells int8[], persons int8[], relations int8[],
 * members int8[], min_persons int4 DEFAULT NULL, round_to int4 DEFAULT 0)
 * → setof (cell int8, persons int8, withheld bool, rule text)
 *
 * relations[i] and members[i] say that cell members[i] belongs to relation
 * relations[i].  min_persons NULL is the threshold in force
 * (min_cell_effective()).  One row per cell, in the order given: persons
 * NULL when withheld, else rounded to round_to (0 or 1: not rounded).
 */
typedef struct SuppressResult
{
	SuppressCell *cells;		/* sorted by id */
	int		   *order;			/* input place → sorted index */
	int			ncells;
	int			round_to;
} SuppressResult;

static void
Suppress(FunctionCallInfo fcinfo, SuppressResult *res)
{
	int64	   *ids;
	int64	   *persons;
	int64	   *rel;
	int64	   *mem;
	int			ncells;
	int			npersons;
	int			nrel;
	int			nmem;
	int			threshold;
	int			round_to;
	SuppressCell *cells;
	int		   *order;			/* input place → sorted index */
	Membership *ms;
	int		   *rstart;			/* relation r's memberships: ms[rstart[r] .. rstart[r + 1]) */
	int			nrelations = 0;
	int		   *cstart;			/* cell c's relations: crel[cstart[c] .. cstart[c + 1]) */
	int		   *crel;
	int		   *queue;
	bool	   *queued;
	int			qhead = 0;
	int			qlen = 0;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppress_cells cells, persons, relations and members must not be NULL"),
				 errhint("Pass empty arrays for no relations.")));
	ids = Int8Elements(PG_GETARG_ARRAYTYPE_P(0), "cells", &ncells);
	persons = Int8Elements(PG_GETARG_ARRAYTYPE_P(1), "persons", &npersons);
	rel = Int8Elements(PG_GETARG_ARRAYTYPE_P(2), "relations", &nrel);
	mem = Int8Elements(PG_GETARG_ARRAYTYPE_P(3), "members", &nmem);
	threshold = PG_ARGISNULL(4) ? jobreg_min_cell_in_force() : PG_GETARG_INT32(4);
	round_to = PG_ARGISNULL(5) ? 0 : PG_GETARG_INT32(5);
	if (ncells != npersons || nrel != nmem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppress_cells arrays differ in length"),
				 errdetail("cells and persons must have the same length (%d and %d), and so must relations and members (%d and %d).",
						   ncells, npersons, nrel, nmem)));
	if (threshold < jobreg_min_cell_in_force())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("suppress_cells min_persons %d is below the threshold in force, %d",
						threshold, jobreg_min_cell_in_force())));
	if (round_to < 0 || round_to > 1000)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppress_cells round_to must be between 0 and 1000, not %d", round_to)));

	/* the cells, sorted by id; ids must be distinct, persons >= 0 */
	cells = palloc(Max(ncells, 1) * sizeof(SuppressCell));
	for (int i = 0; i < ncells; i++)
	{
		if (persons[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells persons must be >= 0, not " INT64_FORMAT " (cell " INT64_FORMAT ")",
							persons[i], ids[i])));
		cells[i].id = ids[i];
		cells[i].persons = persons[i];
		cells[i].input = i;
		cells[i].rule = (threshold > 0 && persons[i] < threshold) ? 'p' : 0;
	}
	qsort(cells, ncells, sizeof(SuppressCell), CompareCells);
	order = palloc(Max(ncells, 1) * sizeof(int));
	for (int i = 0; i < ncells; i++)
	{
		if (i > 0 && cells[i].id == cells[i - 1].id)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells cell " INT64_FORMAT " is given twice", cells[i].id)));
		order[cells[i].input] = i;
	}

	/* the memberships, grouped by relation */
	ms = palloc(Max(nrel, 1) * sizeof(Membership));
	for (int i = 0; i < nrel; i++)
	{
		SuppressCell key;
		SuppressCell *found;

		key.id = mem[i];
		found = bsearch(&key, cells, ncells, sizeof(SuppressCell), CompareCells);
		if (found == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells member " INT64_FORMAT " of relation " INT64_FORMAT " is not among the cells",
							mem[i], rel[i])));
		ms[i].relation = rel[i];
		ms[i].cell = (int) (found - cells);
	}
	qsort(ms, nrel, sizeof(Membership), CompareMemberships);
	rstart = palloc((nrel + 1) * sizeof(int));
	for (int i = 0; i < nrel; i++)
	{
		if (i == 0 || ms[i].relation != ms[i - 1].relation)
			rstart[nrelations++] = i;
	}
	rstart[nrelations] = nrel;

	/* each cell's relations */
	cstart = palloc0((ncells + 1) * sizeof(int));
	crel = palloc(Max(nrel, 1) * sizeof(int));
	for (int i = 0; i < nrel; i++)
		cstart[ms[i].cell + 1]++;
	for (int c = 0; c < ncells; c++)
		cstart[c + 1] += cstart[c];
	{
		int		   *fill = palloc(Max(ncells, 1) * sizeof(int));

		memcpy(fill, cstart, Max(ncells, 1) * sizeof(int));
		for (int r = 0; r < nrelations; r++)
			for (int i = rstart[r]; i < rstart[r + 1]; i++)
				crel[fill[ms[i].cell]++] = r;
		pfree(fill);
	}

	/* secondary suppression: a work queue of relations to look at */
	queue = palloc(Max(nrelations, 1) * sizeof(int));
	queued = palloc(Max(nrelations, 1) * sizeof(bool));
	for (int r = 0; r < nrelations; r++)
	{
		queue[qlen++] = r;
		queued[r] = true;
	}
	while (qlen > 0)
	{
		int			r = queue[qhead];
		int			nwithheld = 0;
		int			smallest = -1;

		CHECK_FOR_INTERRUPTS();
		qhead = (qhead + 1) % Max(nrelations, 1);
		qlen--;
		queued[r] = false;
		for (int i = rstart[r]; i < rstart[r + 1]; i++)
		{
			const SuppressCell *c = &cells[ms[i].cell];

			if (i > rstart[r] && ms[i].cell == ms[i - 1].cell)
				continue;		/* a member given twice counts once */
			if (c->rule)
				nwithheld++;
			else if (smallest < 0 || c->persons < cells[smallest].persons)
				smallest = ms[i].cell;
		}
		if (nwithheld != 1 || smallest < 0)
			continue;
		cells[smallest].rule = 's';
		for (int j = cstart[smallest]; j < cstart[smallest + 1]; j++)
		{
			int			r2 = crel[j];

			if (!queued[r2])
			{
				queue[(qhead + qlen) % nrelations] = r2;
				qlen++;
				queued[r2] = true;
			}
		}
	}

	res->cells = cells;
	res->order = order;
	res->ncells = ncells;
	res->round_to = round_to;
}

Datum
suppress_cells(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SuppressResult res;

	Suppress(fcinfo, &res);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < res.ncells; i++)
	{
		const SuppressCell *c = &res.cells[res.order[i]];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = Int64GetDatum(c->id);
		values[1] = Int64GetDatum(RoundTo(c->persons, res.round_to));
		nulls[1] = c->rule != 0;
		values[2] = BoolGetDatum(c->rule != 0);
		if (c->rule)
			values[3] = CStringGetTextDatum(c->rule == 'p' ? "primary" : "secondary");
		else
			nulls[3] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * suppress_report(the arguments of suppress_cells) → setof (rule text,
 * cells int8, persons int8, smallest int8): for output checkers, per rule
 * (primary, secondary, published) the cells, the persons behind them (exact,
 * not rounded) and the smallest count among them.
 */
Datum
suppress_report(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SuppressResult res;
	static const char rules[3] = {'p', 's', 0};
	static const char *const names[3] = {"primary", "secondary", "published"};

	Suppress(fcinfo, &res);
	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < 3; k++)
	{
		int64		n = 0;
		int64		sum = 0;
		int64		smallest = 0;
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		for (int i = 0; i < res.ncells; i++)
		{
			const SuppressCell *c = &res.cells[i];

			if (c->rule != rules[k])
				continue;
			if (n == 0 || c->persons < smallest)
				smallest = c->persons;
			n++;
			if (pg_add_s64_overflow(sum, c->persons, &sum))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("suppress_report persons out of range")));
		}
		values[0] = CStringGetTextDatum(names[k]);
		values[1] = Int64GetDatum(n);
		values[2] = Int64GetDatum(sum);
		values[3] = Int64GetDatum(smallest);
		nulls[3] = n == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
