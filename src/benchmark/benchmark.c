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
 *
 * The form with persons, klynge_benchmark(kommunekode, numerator,
 * denominator, persons, focus, direction) and its O/E form, keeps
 * quadruples (kode, num, den, persons) and marks it with a direction of ±2;
 * its final functions withhold the figures of a kommune resting on fewer
 * persons than jobreg.min_cell.  The form without persons takes the totals
 * as checked where they were made and withholds nothing.
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
PG_FUNCTION_INFO_V1(klynge_benchmark_persons_trans);
PG_FUNCTION_INFO_V1(klynge_benchmark_combine);
PG_FUNCTION_INFO_V1(klynge_benchmark_final);
PG_FUNCTION_INFO_V1(required_change);
PG_FUNCTION_INFO_V1(reduce_distance);

/*
 * One kommune's sums: kode, numerator and denominator, and in the form with
 * persons the persons behind them.  A kommune takes `width` float8s of the
 * state: 3, or 4 with persons.
 */
typedef struct KlyngeKommune
{
	float8		kode;
	float8		num;
	float8		den;
	float8		persons;		/* -1 in the form without persons */
} KlyngeKommune;

/*
 * The state: a header and the kommuner.  Its length varies, so it has
 * checks of its own (CheckState) rather than stats.h's JOBREG_STATE.  The
 * direction is ±1 in the form without persons and ±2 in the form with them,
 * whose kommuner take 4 float8s.
 */
typedef struct KlyngeState
{
	float8		focus;
	float8		direction;
	float8		data[FLEXIBLE_ARRAY_MEMBER];
} KlyngeState;

#define STATE_HEADER 2			/* float8s before the kommuner */

StaticAssertDecl(offsetof(KlyngeState, data) == STATE_HEADER * sizeof(float8),
				 "KlyngeState's header must be 2 float8s");

#define StateData(a)		((KlyngeState *) ARR_DATA_PTR(a))
#define StateWidth(s)		(fabs((s)->direction) == 2 ? 4 : 3)
#define StateKommuner(a)	((ARR_DIMS(a)[0] - STATE_HEADER) / StateWidth(StateData(a)))
#define Kode(s, i)			((s)->data[(i) * StateWidth(s)])

/* The i-th kommune of a state */
static KlyngeKommune
StateKommune(const KlyngeState *s, int i)
{
	const float8 *k = &s->data[i * StateWidth(s)];
	KlyngeKommune r = {k[0], k[1], k[2], StateWidth(s) == 4 ? k[3] : -1};

	return r;
}

/* A state for n kommuner, its header copied from a model state */
static ArrayType *
StateAlloc(int n, const KlyngeState *model)
{
	ArrayType  *a = jobreg_float8_array_zeroed(STATE_HEADER + StateWidth(model) * n);

	StateData(a)->focus = model->focus;
	StateData(a)->direction = model->direction;
	return a;
}

/* Position of kode among the n sorted kommuner, or where it would be inserted */
static int
StateFind(const KlyngeState *s, int n, float8 kode, bool *found)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (Kode(s, mid) < kode)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < n && Kode(s, lo) == kode;
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
 * Adds one row to its kommune's sums: the arguments kommunekode, numerator,
 * denominator, [persons,] focus, direction from argument 1 on.  Rows with a
 * NULL kommunekode, numerator, denominator or persons are skipped, as
 * PostgreSQL's own aggregates skip NULL input; focus and direction must not
 * be NULL.
 */
static Datum
KlyngeAdd(FunctionCallInfo fcinfo, bool with_persons, const char *name)
{
	int			nvalues = with_persons ? 4 : 3;
	ArrayType  *state;
	KlyngeState header;
	float8		row[4];
	KlyngeState *s;
	int			n,
				pos,
				w;
	bool		found;
	ArrayType  *grown;
	KlyngeState *g;

	if (!AggCheckCallContext(fcinfo, NULL))
		NotInAggregate(name);

	if (PG_ARGISNULL(nvalues + 1) || PG_ARGISNULL(nvalues + 2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("focus and direction of klynge_benchmark must not be NULL")));
	header.focus = PG_GETARG_INT32(nvalues + 1);
	header.direction = ParseDirection(PG_GETARG_TEXT_PP(nvalues + 2)) * (with_persons ? 2 : 1);

	for (int i = 1; i <= nvalues; i++)
		if (PG_ARGISNULL(i))
		{
			if (PG_ARGISNULL(0))
				PG_RETURN_NULL();
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		}
	row[0] = PG_GETARG_INT32(1);
	row[1] = PG_GETARG_FLOAT8(2);
	row[2] = PG_GETARG_FLOAT8(3);
	CheckNonNegative(row[1], "numerator");
	CheckNonNegative(row[2], "denominator");
	if (with_persons)
	{
		if (PG_GETARG_INT64(4) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("persons must be at least 0"),
					 errdetail("The value given was " INT64_FORMAT ".", PG_GETARG_INT64(4))));
		row[3] = (float8) PG_GETARG_INT64(4);
	}

	if (PG_ARGISNULL(0))
		state = StateAlloc(0, &header);
	else
	{
		state = PG_GETARG_ARRAYTYPE_P(0);
		CheckSameHeader(StateData(state), &header);
	}

	/* a kommune already seen: add in place (the state is ours to change) */
	s = StateData(state);
	w = StateWidth(s);
	n = StateKommuner(state);
	pos = StateFind(s, n, row[0], &found);
	if (found)
	{
		for (int i = 1; i < w; i++)
			s->data[pos * w + i] = float8_pl(s->data[pos * w + i], row[i]);
		PG_RETURN_ARRAYTYPE_P(state);
	}

	/* a new kommune: a state one kommune longer, the kommune at its place */
	grown = StateAlloc(n + 1, s);
	g = StateData(grown);
	memcpy(g->data, s->data, pos * w * sizeof(float8));
	memcpy(&g->data[(pos + 1) * w], &s->data[pos * w], (n - pos) * w * sizeof(float8));
	memcpy(&g->data[pos * w], row, w * sizeof(float8));
	PG_RETURN_ARRAYTYPE_P(grown);
}

/*
 * klynge_benchmark_trans(state, kommunekode, numerator, denominator, focus,
 * direction): adds one row to its kommune's sums.
 */
Datum
klynge_benchmark_trans(PG_FUNCTION_ARGS)
{
	return KlyngeAdd(fcinfo, false, "klynge_benchmark_trans");
}

/*
 * klynge_benchmark_persons_trans(state, kommunekode, numerator, denominator,
 * persons, focus, direction): the same with the persons behind the row.
 */
Datum
klynge_benchmark_persons_trans(PG_FUNCTION_ARGS)
{
	return KlyngeAdd(fcinfo, true, "klynge_benchmark_persons_trans");
}

/* klynge_benchmark_combine(a, b): the merged sums of two partial states */
Datum
klynge_benchmark_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *b = PG_GETARG_ARRAYTYPE_P(1);
	KlyngeState *sa = StateData(a),
			   *sb = StateData(b);
	int			na,
				nb,
				w;
	int			i = 0,
				j = 0,
				k = 0;
	ArrayType  *merged;
	KlyngeState *sm;

	if (!AggCheckCallContext(fcinfo, NULL))
		NotInAggregate("klynge_benchmark_combine");
	CheckSameHeader(sa, sb);
	na = StateKommuner(a);
	nb = StateKommuner(b);
	w = StateWidth(sa);

	merged = StateAlloc(na + nb, sa);
	sm = StateData(merged);
	while (i < na || j < nb)
	{
		float8	   *to = &sm->data[k * w];

		if (j >= nb || (i < na && Kode(sa, i) < Kode(sb, j)))
		{
			memcpy(to, &sa->data[i * w], w * sizeof(float8));
			i++;
		}
		else if (i >= na || Kode(sb, j) < Kode(sa, i))
		{
			memcpy(to, &sb->data[j * w], w * sizeof(float8));
			j++;
		}
		else
		{
			to[0] = Kode(sa, i);
			for (int c = 1; c < w; c++)
				to[c] = float8_pl(sa->data[i * w + c], sb->data[j * w + c]);
			i++;
			j++;
		}
		k++;
	}
	/* kommuner in both states made it shorter than allocated */
	ARR_DIMS(merged)[0] = STATE_HEADER + w * k;
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

	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID || nelems < STATE_HEADER)
		problem = "It is not a one-dimensional float8 array of 2 + 3n (or 2 + 4n) elements without NULLs.";
	else if (s->focus != rint(s->focus) ||
			 fabs(s->focus) > PG_INT32_MAX ||
			 (fabs(s->direction) != 1 && fabs(s->direction) != 2))
		problem = "Its focus is not an integer or its direction is not 1, -1, 2 or -2.";
	else if ((nelems - STATE_HEADER) % StateWidth(s) != 0)
		problem = "It is not a one-dimensional float8 array of 2 + 3n (or 2 + 4n) elements without NULLs.";
	else
	{
		for (int i = 0; i < (nelems - STATE_HEADER) / StateWidth(s) && problem == NULL; i++)
		{
			KlyngeKommune k = StateKommune(s, i);

			if (k.kode != rint(k.kode) || fabs(k.kode) > PG_INT32_MAX ||
				(i > 0 && k.kode <= Kode(s, i - 1)))
				problem = "Its kommunekoder are not integers in ascending order.";
			else if (!(k.num >= 0 && k.den >= 0) || isinf(k.num) || isinf(k.den))
				problem = "A numerator or denominator is not a finite number of at least 0.";
			else if (StateWidth(s) == 4 && (!(k.persons >= 0) || k.persons != rint(k.persons) || isinf(k.persons)))
				problem = "A count of persons is not a whole number of at least 0.";
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
	bool		own_withheld;	/* the focus kommune rests on too few persons */
	int			best;			/* index of the best kommune shown, or -1 */
	int			rank;			/* the focus kommune's rank (1 = best) */
	float8		other_num;		/* sums over the other kommuner */
	float8		other_den;
	bool		other_withheld; /* the other kommuner together rest on too few persons */
} KlyngeRanking;

/*
 * Ranks the n kommuner of s by num ÷ den (times direction: lower is
 * better); a den of 0 is an error, worded by what den is.  In the form with
 * persons a kommune resting on fewer persons than jobreg.min_cell is
 * withheld: it is neither the best kommune nor counted in the rank, and the
 * focus kommune's own figures are withheld; the other kommuner are pooled
 * all together, withheld when their persons together are too few.
 */
static void
RankKommuner(const KlyngeState *s, int n, const char *den_name, const char *undefined,
			 KlyngeRanking *r)
{
	float8	   *score = palloc(n * sizeof(float8));
	bool	   *withheld = palloc0(n * sizeof(bool));
	float8		other_persons = 0;

	r->own = -1;
	r->best = -1;
	r->rank = 1;
	r->other_num = r->other_den = 0;
	for (int i = 0; i < n; i++)
	{
		KlyngeKommune k = StateKommune(s, i);

		if (k.den == 0)
			ereport(ERROR,
					(errcode(ERRCODE_DIVISION_BY_ZERO),
					 errmsg("kommune %d has %s of 0", (int) k.kode, den_name),
					 errdetail("Its %s is undefined, so it cannot be ranked.", undefined)));
		score[i] = (s->direction > 0 ? 1 : -1) * (k.num / k.den);
		withheld[i] = k.persons >= 0 && jobreg_withheld((int64) k.persons);
		if (!withheld[i] && (r->best < 0 || score[i] < score[r->best]))
			r->best = i;
		if (k.kode == s->focus)
			r->own = i;
		else
		{
			r->other_num += k.num;
			r->other_den += k.den;
			other_persons += k.persons;
		}
	}
	r->own_withheld = r->own >= 0 && withheld[r->own];
	r->other_withheld = StateWidth(s) == 4 && jobreg_withheld((int64) other_persons);
	if (r->own >= 0)
		for (int i = 0; i < n; i++)
			if (!withheld[i] && score[i] < score[r->own])
				r->rank++;
	pfree(score);
	pfree(withheld);
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
 * kommune of tied ones is the one with the lowest kode.  In the form with
 * persons, figures resting on fewer persons than jobreg.min_cell are NULL
 * (RankKommuner).
 */
Datum
klynge_benchmark_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	KlyngeState *s;
	int			n;
	int			focus;
	KlyngeRanking r;
	bool		own_shown,
				other_shown;
	float8		own_rate = 0,
				own_den = 0,
				cluster_rate,
				best_rate = 0;
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
	own_shown = r.own >= 0 && !r.own_withheld;
	other_shown = r.other_den > 0 && !r.other_withheld;
	if (own_shown)
	{
		KlyngeKommune own = StateKommune(s, r.own);

		own_rate = own.num / own.den;
		own_den = own.den;
	}
	if (r.best >= 0)
		best_rate = StateKommune(s, r.best).num / StateKommune(s, r.best).den;
	cluster_rate = r.other_den > 0 ? r.other_num / r.other_den : 0;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "klynge_benchmark_final must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);

	values[0] = Int32GetDatum(focus);
	values[1] = Int32GetDatum(n);
	values[2] = Float8GetDatum(own_rate);
	values[3] = Float8GetDatum(cluster_rate);
	values[4] = Float8GetDatum(100 * (own_rate - cluster_rate));
	values[5] = Float8GetDatum((cluster_rate - own_rate) * own_den);
	values[6] = Int32GetDatum(r.rank);
	values[7] = Int32GetDatum(r.best >= 0 ? (int) Kode(s, r.best) : 0);
	values[8] = Float8GetDatum(best_rate);
	values[9] = Float8GetDatum(100 * (own_rate - best_rate));

	/* without the focus kommune, or without any other, some are undefined; withheld ones are NULL */
	nulls[2] = nulls[6] = !own_shown;
	nulls[3] = !other_shown;
	nulls[4] = nulls[5] = !own_shown || !other_shown;
	nulls[7] = nulls[8] = r.best < 0;
	nulls[9] = !own_shown || r.best < 0;

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
 * given, ties sharing a rank.  In the form with persons, figures resting on
 * fewer persons than jobreg.min_cell are NULL (RankKommuner).
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
	if (r.own >= 0 && !r.own_withheld)
	{
		KlyngeKommune own = StateKommune(s, r.own);

		jobreg_smr(own.num, own.den, 0.95, test);
		values[2] = Float8GetDatum(own.num);
		values[3] = Float8GetDatum(own.den);
		for (int i = 0; i < 4; i++)
			values[4 + i] = Float8GetDatum(test[i]);
		values[9] = Int32GetDatum(r.rank);
	}
	else
		nulls[2] = nulls[3] = nulls[4] = nulls[5] = nulls[6] = nulls[7] = nulls[9] = true;
	values[8] = Float8GetDatum(r.other_den > 0 ? r.other_num / r.other_den : 0);
	nulls[8] = r.other_den == 0 || r.other_withheld;
	if (r.best >= 0)
	{
		values[10] = Int32GetDatum((int) Kode(s, r.best));
		values[11] = Float8GetDatum(StateKommune(s, r.best).num / StateKommune(s, r.best).den);
	}
	else
		nulls[10] = nulls[11] = true;
	for (int i = 2; i < 12; i++)
		if (!nulls[i] && i != 9 && i != 10 && !isfinite(DatumGetFloat8(values[i])))
			float_overflow_error();
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
