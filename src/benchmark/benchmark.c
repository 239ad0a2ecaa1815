/*
 * src/benchmark/benchmark.c
 *		Klynge benchmarks: a focus kommune against the comparable kommuner of
 *		its klynge, as Jobindsats and the Copenhagen analyses compare them.
 *
 * The aggregate klynge_benchmark sums numerator and denominator per
 * kommune.  Its state is a float8[] (a real type, so partial states travel
 * between parallel workers and servers):
 *
 *		[focus, direction, kode1, num1, den1, kode2, num2, den2, …]
 *
 * with the triples in ascending kode and direction +1 when a lower rate is
 * better, -1 when a higher rate is; in C, a KlyngeState over the array's
 * data.  Combining two states merges the triples; everything else is
 * computed by the final function.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "benchmark/benchmark.h"

PG_FUNCTION_INFO_V1(klynge_benchmark_trans);
PG_FUNCTION_INFO_V1(klynge_benchmark_combine);
PG_FUNCTION_INFO_V1(klynge_benchmark_final);
PG_FUNCTION_INFO_V1(required_change);
PG_FUNCTION_INFO_V1(reduce_distance);

/* One kommune's sums */
typedef struct KlyngeKommune
{
	float8		kode;
	float8		num;
	float8		den;
} KlyngeKommune;

/*
 * The state: a header and the kommuner.  Its length varies, so it has
 * checks of its own (CheckState) rather than stats.h's JOBREG_STATE.
 */
typedef struct KlyngeState
{
	float8		focus;
	float8		direction;
	KlyngeKommune kommuner[FLEXIBLE_ARRAY_MEMBER];
} KlyngeState;

#define STATE_HEADER 2			/* float8s before the kommuner */

StaticAssertDecl(sizeof(KlyngeKommune) == 3 * sizeof(float8), "KlyngeKommune must be 3 float8s");
StaticAssertDecl(offsetof(KlyngeState, kommuner) == STATE_HEADER * sizeof(float8),
				 "KlyngeState's header must be 2 float8s");

#define StateData(a)		((KlyngeState *) ARR_DATA_PTR(a))
#define StateKommuner(a)	((ARR_DIMS(a)[0] - STATE_HEADER) / 3)

/* A state for n kommuner, its header copied from a model state (or NULL) */
static ArrayType *
StateAlloc(int n, const KlyngeState *model)
{
	int			nelems = STATE_HEADER + 3 * n;
	Size		size = ARR_OVERHEAD_NONULLS(1) + nelems * sizeof(float8);
	ArrayType  *a = palloc0(size);

	SET_VARSIZE(a, size);
	a->ndim = 1;
	a->dataoffset = 0;
	a->elemtype = FLOAT8OID;
	ARR_DIMS(a)[0] = nelems;
	ARR_LBOUND(a)[0] = 1;
	if (model)
	{
		StateData(a)->focus = model->focus;
		StateData(a)->direction = model->direction;
	}
	return a;
}

/* Position of kode among n sorted triples, or where it would be inserted */
static int
StateFind(const KlyngeState *s, int n, float8 kode, bool *found)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (s->kommuner[mid].kode < kode)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < n && s->kommuner[lo].kode == kode;
	return lo;
}

/* the transition and combine functions change their state in place */
static void
NotInAggregate(const char *function)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("%s can only be called by the klynge_benchmark aggregate", function)));
}

/* +1 for 'lower' (a lower rate is better), -1 for 'higher' */
static float8
ParseDirection(text *direction)
{
	const char *d = VARDATA_ANY(direction);
	int			len = VARSIZE_ANY_EXHDR(direction);

	if (len == 5 && memcmp(d, "lower", 5) == 0)
		return 1;
	if (len == 6 && memcmp(d, "higher", 6) == 0)
		return -1;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("direction must be \"lower\" or \"higher\""),
			 errdetail("The value given was \"%s\".", text_to_cstring(direction)),
			 errhint("Use \"lower\" when a lower rate is better (benefit shares), \"higher\" when a higher rate is (virksomhedsrettet andel).")));
	return 0;					/* not reached */
}

/* counts, denominators and rates are finite and not negative */
static void
CheckNonNegative(float8 value, const char *what)
{
	if (isnan(value) || isinf(value) || value < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number of at least 0", what),
				 errdetail("The value given was %g.", value)));
}

static void
CheckSameHeader(const KlyngeState *a, const KlyngeState *b)
{
	if (a->focus != b->focus || a->direction != b->direction)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("focus and direction must be the same in every row of klynge_benchmark"),
				 errdetail("Rows name focus %d (%s) and focus %d (%s).",
						   (int) a->focus, a->direction > 0 ? "lower" : "higher",
						   (int) b->focus, b->direction > 0 ? "lower" : "higher")));
}

/*
 * klynge_benchmark_trans(state, kommunekode, numerator, denominator, focus,
 * direction): adds one row to its kommune's sums.  Rows with a NULL
 * kommunekode, numerator or denominator are skipped, as PostgreSQL's own
 * aggregates skip NULL input; focus and direction must not be NULL.
 */
Datum
klynge_benchmark_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	KlyngeState header;
	float8		kode,
				num,
				den;
	KlyngeState *s;
	int			n,
				pos;
	bool		found;
	ArrayType  *grown;
	KlyngeState *g;

	if (!AggCheckCallContext(fcinfo, NULL))
		NotInAggregate("klynge_benchmark_trans");

	if (PG_ARGISNULL(4) || PG_ARGISNULL(5))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("focus and direction of klynge_benchmark must not be NULL")));
	header.focus = PG_GETARG_INT32(4);
	header.direction = ParseDirection(PG_GETARG_TEXT_PP(5));

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	kode = PG_GETARG_INT32(1);
	num = PG_GETARG_FLOAT8(2);
	den = PG_GETARG_FLOAT8(3);
	CheckNonNegative(num, "numerator");
	CheckNonNegative(den, "denominator");

	if (PG_ARGISNULL(0))
		state = StateAlloc(0, &header);
	else
	{
		state = PG_GETARG_ARRAYTYPE_P(0);
		CheckSameHeader(StateData(state), &header);
	}

	/* a kommune already seen: add in place (the state is ours to change) */
	s = StateData(state);
	n = StateKommuner(state);
	pos = StateFind(s, n, kode, &found);
	if (found)
	{
		s->kommuner[pos].num = float8_pl(s->kommuner[pos].num, num);
		s->kommuner[pos].den = float8_pl(s->kommuner[pos].den, den);
		PG_RETURN_ARRAYTYPE_P(state);
	}

	/* a new kommune: a state one triple longer, the triple at its place */
	grown = StateAlloc(n + 1, s);
	g = StateData(grown);
	memcpy(g->kommuner, s->kommuner, pos * sizeof(KlyngeKommune));
	memcpy(&g->kommuner[pos + 1], &s->kommuner[pos], (n - pos) * sizeof(KlyngeKommune));
	g->kommuner[pos].kode = kode;
	g->kommuner[pos].num = num;
	g->kommuner[pos].den = den;
	PG_RETURN_ARRAYTYPE_P(grown);
}

/* klynge_benchmark_combine(a, b): the merged sums of two partial states */
Datum
klynge_benchmark_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *b = PG_GETARG_ARRAYTYPE_P(1);
	KlyngeState *sa = StateData(a),
			   *sb = StateData(b);
	int			na = StateKommuner(a),
				nb = StateKommuner(b);
	int			i = 0,
				j = 0,
				k = 0;
	ArrayType  *merged;
	KlyngeState *sm;

	if (!AggCheckCallContext(fcinfo, NULL))
		NotInAggregate("klynge_benchmark_combine");
	CheckSameHeader(sa, sb);

	merged = StateAlloc(na + nb, sa);
	sm = StateData(merged);
	while (i < na || j < nb)
	{
		if (j >= nb || (i < na && sa->kommuner[i].kode < sb->kommuner[j].kode))
		{
			sm->kommuner[k] = sa->kommuner[i];
			i++;
		}
		else if (i >= na || sb->kommuner[j].kode < sa->kommuner[i].kode)
		{
			sm->kommuner[k] = sb->kommuner[j];
			j++;
		}
		else
		{
			sm->kommuner[k].kode = sa->kommuner[i].kode;
			sm->kommuner[k].num = float8_pl(sa->kommuner[i].num, sb->kommuner[j].num);
			sm->kommuner[k].den = float8_pl(sa->kommuner[i].den, sb->kommuner[j].den);
			i++;
			j++;
		}
		k++;
	}
	/* kommuner in both states made it shorter than allocated */
	ARR_DIMS(merged)[0] = STATE_HEADER + 3 * k;
	SET_VARSIZE(merged, ARR_OVERHEAD_NONULLS(1) + ARR_DIMS(merged)[0] * sizeof(float8));
	PG_RETURN_ARRAYTYPE_P(merged);
}

/* The final function is SQL-callable, so it checks what it is given */
static void
CheckState(ArrayType *a)
{
	KlyngeState *s = StateData(a);
	int			nelems = ARR_NDIM(a) == 1 ? ARR_DIMS(a)[0] : 0;
	const char *problem = NULL;

	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID ||
		nelems < STATE_HEADER || (nelems - STATE_HEADER) % 3 != 0)
		problem = "It is not a one-dimensional float8 array of 2 + 3n elements without NULLs.";
	else if (s->focus != rint(s->focus) ||
			 fabs(s->focus) > PG_INT32_MAX ||
			 fabs(s->direction) != 1)
		problem = "Its focus is not an integer or its direction is not 1 or -1.";
	else
	{
		for (int i = 0; i < (nelems - STATE_HEADER) / 3 && problem == NULL; i++)
		{
			float8		kode = s->kommuner[i].kode;

			if (kode != rint(kode) || fabs(kode) > PG_INT32_MAX ||
				(i > 0 && kode <= s->kommuner[i - 1].kode))
				problem = "Its kommunekoder are not integers in ascending order.";
			else if (!(s->kommuner[i].num >= 0 && s->kommuner[i].den >= 0) ||
					 isinf(s->kommuner[i].num) || isinf(s->kommuner[i].den))
				problem = "A numerator or denominator is not a finite number of at least 0.";
		}
	}
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid klynge_benchmark state"),
				 errdetail("%s", problem)));
}

/* The ranking of a klynge's kommuner that both final functions report */
typedef struct KlyngeRanking
{
	int			own;			/* index of the focus kommune, or -1 */
	int			best;			/* index of the best kommune */
	int			rank;			/* the focus kommune's rank (1 = best) */
	float8		other_num;		/* sums over the other kommuner */
	float8		other_den;
} KlyngeRanking;

/*
 * Ranks the n kommuner of s by num ÷ den (times direction: lower is
 * better); a den of 0 is an error, worded by what den is.
 */
static void
RankKommuner(const KlyngeState *s, int n, const char *den_name, const char *undefined,
			 KlyngeRanking *r)
{
	float8	   *score = palloc(n * sizeof(float8));

	r->own = -1;
	r->best = 0;
	r->rank = 1;
	r->other_num = r->other_den = 0;
	for (int i = 0; i < n; i++)
	{
		if (s->kommuner[i].den == 0)
			ereport(ERROR,
					(errcode(ERRCODE_DIVISION_BY_ZERO),
					 errmsg("kommune %d has %s of 0", (int) s->kommuner[i].kode, den_name),
					 errdetail("Its %s is undefined, so it cannot be ranked.", undefined)));
		score[i] = s->direction * (s->kommuner[i].num / s->kommuner[i].den);
		if (score[i] < score[r->best])
			r->best = i;
		if (s->kommuner[i].kode == s->focus)
			r->own = i;
		else
		{
			r->other_num += s->kommuner[i].num;
			r->other_den += s->kommuner[i].den;
		}
	}
	if (r->own >= 0)
		for (int i = 0; i < n; i++)
			if (score[i] < score[r->own])
				r->rank++;
	pfree(score);
}

/*
 * klynge_benchmark_final(state) → (focus, kommuner, own_rate, cluster_rate,
 * gap_pp, required_change, rank, best_kommune, best_rate, distance_pp).
 *
 * Rates are pooled: Σ numerator ÷ Σ denominator, per kommune and over the
 * comparable kommuner (the klynge without the focus kommune), as Jobindsats
 * computes a klynge's figure.  The required change is the change in the
 * numerator that would bring the focus kommune to the klynge's rate:
 * (cluster_rate − own_rate) × own denominator.  Rank 1 is the best rate in
 * the direction given; ties share a rank as SQL's rank() does, and the best
 * kommune of tied ones is the one with the lowest kode.
 */
Datum
klynge_benchmark_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	KlyngeState *s;
	int			n;
	int			focus;
	KlyngeRanking r;
	int			own,
				best;
	float8		own_rate = 0,
				cluster_rate;
	TupleDesc	tupdesc;
	Datum		values[10];
	bool		nulls[10] = {false};

	CheckState(state);
	s = StateData(state);
	n = StateKommuner(state);
	focus = (int) s->focus;
	if (n == 0)
		PG_RETURN_NULL();

	RankKommuner(s, n, "a denominator", "rate", &r);
	own = r.own;
	best = r.best;
	if (own >= 0)
		own_rate = s->kommuner[own].num / s->kommuner[own].den;
	cluster_rate = r.other_den > 0 ? r.other_num / r.other_den : 0;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "klynge_benchmark_final must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);

	values[0] = Int32GetDatum(focus);
	values[1] = Int32GetDatum(n);
	values[2] = Float8GetDatum(own_rate);
	values[3] = Float8GetDatum(cluster_rate);
	values[4] = Float8GetDatum(100 * (own_rate - cluster_rate));
	values[5] = Float8GetDatum(own >= 0 ? (cluster_rate - own_rate) * s->kommuner[own].den : 0);
	values[6] = Int32GetDatum(r.rank);
	values[7] = Int32GetDatum((int) s->kommuner[best].kode);
	values[8] = Float8GetDatum(s->kommuner[best].num / s->kommuner[best].den);
	values[9] = Float8GetDatum(100 * (own_rate - s->kommuner[best].num / s->kommuner[best].den));

	/* without the focus kommune, or without any other, some are undefined */
	nulls[2] = nulls[6] = nulls[9] = own < 0;
	nulls[3] = r.other_den == 0;
	nulls[4] = nulls[5] = own < 0 || r.other_den == 0;

	/* rates and sums past the largest float8: an error, as float8 arithmetic gives */
	for (int i = 2; i < 10; i++)
		if (!nulls[i] && i != 6 && i != 7 && !isfinite(DatumGetFloat8(values[i])))
			float_overflow_error();

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * required_change(own_count, own_rate, cluster_rate): the change in the
 * count that would bring the rate to the klynge's, when only the printed
 * figures are known.  The population is own_count ÷ own_rate, so the
 * change is own_count × (cluster_rate ÷ own_rate − 1).
 */
Datum
required_change(PG_FUNCTION_ARGS)
{
	float8		own_count = PG_GETARG_FLOAT8(0);
	float8		own_rate = PG_GETARG_FLOAT8(1);
	float8		cluster_rate = PG_GETARG_FLOAT8(2);
	float8		change;

	CheckNonNegative(own_count, "own_count");
	CheckNonNegative(own_rate, "own_rate");
	CheckNonNegative(cluster_rate, "cluster_rate");
	if (own_rate == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DIVISION_BY_ZERO),
				 errmsg("own_rate must not be 0"),
				 errdetail("The population is own_count divided by own_rate.")));
	change = float8_mul(own_count, float8_div(cluster_rate, own_rate) - 1);
	if (change == 0)
		change = 0;				/* a zero count gives 0, not -0 */
	PG_RETURN_FLOAT8(change);
}

/*
 * reduce_distance(own_rate, best_rate, share): the rate reached by closing
 * the given share of the distance to the best kommune (Vision 2020:
 * "reducere afstanden til den bedste sammenlignelige kommune med 25 pct.").
 */
Datum
reduce_distance(PG_FUNCTION_ARGS)
{
	float8		own_rate = PG_GETARG_FLOAT8(0);
	float8		best_rate = PG_GETARG_FLOAT8(1);
	float8		share = PG_GETARG_FLOAT8(2);

	CheckNonNegative(own_rate, "own_rate");
	CheckNonNegative(best_rate, "best_rate");
	if (!(share >= 0 && share <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("share must be between 0 and 1"),
				 errdetail("The value given was %g.", share)));
	PG_RETURN_FLOAT8(own_rate + share * (best_rate - own_rate));
}

/*
 * klynge_benchmark_oe_final(state) → (focus, kommuner, observed, expected,
 * ratio, lower, upper, p_value, cluster_ratio, rank, best_kommune,
 * best_ratio): the benchmark on observed ÷ expected ("faktisk" against
 * "forventet").  The state is klynge_benchmark's, with the observed count as
 * the numerator and the expected count as the denominator; the focus
 * kommune's ratio has smr's 95 % interval and p-value (R's poisson.test),
 * the klynge's ratio is pooled over the other kommuner (Σ observed ÷ Σ
 * expected), and the rank orders every kommune's ratio in the direction
 * given, ties sharing a rank.
 */
PG_FUNCTION_INFO_V1(klynge_benchmark_oe_final);

Datum
klynge_benchmark_oe_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	KlyngeState *s;
	int			n;
	KlyngeRanking r;
	float8		test[4];
	TupleDesc	tupdesc;
	Datum		values[12];
	bool		nulls[12] = {false};

	CheckState(state);
	s = StateData(state);
	n = StateKommuner(state);
	if (n == 0)
		PG_RETURN_NULL();
	RankKommuner(s, n, "an expected count", "ratio of observed to expected", &r);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "klynge_benchmark_oe_final must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Int32GetDatum((int) s->focus);
	values[1] = Int32GetDatum(n);
	if (r.own >= 0)
	{
		jobreg_smr(s->kommuner[r.own].num, s->kommuner[r.own].den, 0.95, test);
		values[2] = Float8GetDatum(s->kommuner[r.own].num);
		values[3] = Float8GetDatum(s->kommuner[r.own].den);
		for (int i = 0; i < 4; i++)
			values[4 + i] = Float8GetDatum(test[i]);
		values[9] = Int32GetDatum(r.rank);
	}
	else
		nulls[2] = nulls[3] = nulls[4] = nulls[5] = nulls[6] = nulls[7] = nulls[9] = true;
	values[8] = Float8GetDatum(r.other_den > 0 ? r.other_num / r.other_den : 0);
	nulls[8] = r.other_den == 0;
	values[10] = Int32GetDatum((int) s->kommuner[r.best].kode);
	values[11] = Float8GetDatum(s->kommuner[r.best].num / s->kommuner[r.best].den);
	for (int i = 2; i < 12; i++)
		if (!nulls[i] && i != 9 && i != 10 && !isfinite(DatumGetFloat8(values[i])))
			float_overflow_error();
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
