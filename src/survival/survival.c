/*
 * src/survival/survival.c
 *		The survival type (a mergeable Kaplan-Meier state), its aggregates
 *		and its readers: surv_at, surv_median, surv_quantile, surv_rmean and
 *		surv_table.
 *
 * The state keeps, per distinct time, weighted events, censorings and
 * delayed entries, so it grows with the number of distinct times, never
 * with the number of rows, and two states merge by adding their counts.
 *
 * While an aggregate runs, the state is an expanded object living under the
 * aggregate's memory context and updated in place: whole-number times below
 * SURV_DENSE_LIMIT index an array directly (when there are enough of them
 * to fill half of it), other times a hash table (lib/simplehash.h), so a
 * row costs one array or hash probe and no allocation.
 * Stored, shipped to a parallel leader or handed to a reader, it is
 * flattened to the varlena form declared in survival.h: the times in
 * increasing order behind a version byte.
 *
 * The readers reproduce R's survival package (survfit, summary.survfit,
 * quantile.survfit, print.survfit): the same formulas, evaluated in the same
 * order, so that results agree to the last few bits.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "common/int.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/float.h"
#include "utils/memutils.h"

#include "survival/survival.h"

PG_FUNCTION_INFO_V1(survival_in);
PG_FUNCTION_INFO_V1(survival_out);
PG_FUNCTION_INFO_V1(survival_recv);
PG_FUNCTION_INFO_V1(survival_send);
PG_FUNCTION_INFO_V1(survival_sfunc);
PG_FUNCTION_INFO_V1(survival_sfunc_entry);
PG_FUNCTION_INFO_V1(survival_combine);
PG_FUNCTION_INFO_V1(survival_msfunc);
PG_FUNCTION_INFO_V1(survival_minvfunc);
PG_FUNCTION_INFO_V1(survival_msfunc_entry);
PG_FUNCTION_INFO_V1(survival_minvfunc_entry);
PG_FUNCTION_INFO_V1(survival_mcombine);
PG_FUNCTION_INFO_V1(survival_minvcombine);
PG_FUNCTION_INFO_V1(survival_mfinal);
PG_FUNCTION_INFO_V1(survival_subtract);
PG_FUNCTION_INFO_V1(surv_at);
PG_FUNCTION_INFO_V1(surv_median);
PG_FUNCTION_INFO_V1(surv_quantile);
PG_FUNCTION_INFO_V1(surv_rmean);
PG_FUNCTION_INFO_V1(surv_table);

static void CheckSurvival(const Survival *s, int sqlstate);

/* R's tolerance for "equal" survival levels: sqrt(.Machine$double.eps) */
#define R_TOLERANCE 1.4901161193847656e-08

/* ---------- the accumulator ---------- */

#define SURV_MIN_DENSE 16
#define SURV_MIN_HASHED 14		/* a first hash table of 16 slots */

/* A hash table entry: a time's counts, and simplehash's status */
typedef struct SurvHashed
{
	SurvSlot	s;
	char		status;
} SurvHashed;

#define SH_PREFIX surv_hash
#define SH_ELEMENT_TYPE SurvHashed
#define SH_KEY_TYPE float8
#define SH_KEY s.t.time
#define SH_HASH_KEY(tb, k) surv_hash_time(k)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

static inline bool
SlotIsEmpty(const SurvSlot *slot)
{
	return slot->t.rows_out == 0 && slot->t.rows_in == 0;
}

/*
 * An empty accumulator; both parts are made and grow as times arrive.
 * state_times, when not NULL, counts the distinct times of a state made of
 * several accumulators, for SURVIVAL_MAX_TIMES.
 */
void
surv_accum_init(SurvAccum *acc, MemoryContext cxt, int32 *state_times)
{
	acc->squares = false;
	acc->squares_lost = false;
	acc->ntimes = 0;
	acc->state_times = state_times;
	acc->cxt = cxt;
	acc->hashed = NULL;
	acc->ndense = 0;
	acc->dense = NULL;
}

/* The distinct times of the state an accumulator belongs to */
static inline int32
StateTimes(const SurvAccum *acc)
{
	return acc->state_times ? *acc->state_times : acc->ntimes;
}

/* Count a new time, after checking that the state may hold one more */
static inline void
CountNewTime(SurvAccum *acc)
{
	survival_check_times((int64) StateTimes(acc) + 1);
	acc->ntimes++;
	if (acc->state_times)
		(*acc->state_times)++;
}

/* A time that belongs in the dense array as it is now */
static inline bool
InDense(const SurvAccum *acc, float8 time)
{
	return time < acc->ndense && time == (float8) (int) time;
}

/*
 * The hash table entry of a time, inserted if new.  A new entry counts as
 * filled once the caller adds a row to it, which every caller does at once.
 * The limit on times is checked before the table grows for a new one.
 */
static SurvSlot *
HashedSlot(SurvAccum *acc, float8 time)
{
	uint32		hash = surv_hash_time(time);
	SurvHashed *entry;
	bool		found;

	if (acc->hashed == NULL)
		acc->hashed = surv_hash_create(acc->cxt, SURV_MIN_HASHED, NULL);
	else if ((entry = surv_hash_lookup_hash(acc->hashed, time, hash)) != NULL)
		return &entry->s;
	CountNewTime(acc);
	entry = surv_hash_insert_hash(acc->hashed, time, hash, &found);
	/* simplehash leaves a deleted or moved entry's fields in its slot */
	memset(&entry->s, 0, sizeof(SurvSlot));
	entry->s.t.time = time;
	return &entry->s;
}

/* Move the hashed times that now belong in the dense array there */
static void
MoveToDense(SurvAccum *acc)
{
	surv_hash_iterator it;
	SurvHashed *entry;

	/* simplehash allows deleting the current entry while iterating */
	surv_hash_start_iterate(acc->hashed, &it);
	while ((entry = surv_hash_iterate(acc->hashed, &it)) != NULL)
	{
		if (InDense(acc, entry->s.t.time))
		{
			acc->dense[(int) entry->s.t.time] = entry->s;
			surv_hash_delete_item(acc->hashed, entry);
		}
	}
}

/*
 * Make dense[t] exist, doubling the array, unless it would then be less than
 * half full: a state with few times keeps them in the hash table, so
 * that it stays small however large its times (a GROUP BY may hold many
 * thousands of states at once).  Returns whether dense[t] exists.
 */
static pg_noinline bool
DenseGrow(SurvAccum *acc, int t)
{
	int			n = Max(acc->ndense, SURV_MIN_DENSE);

	while (n <= t)
		n *= 2;
	if (n > SURV_MIN_DENSE && (int64) 2 * (acc->ntimes + 1) < n)
		return false;
	if (acc->dense == NULL)
		acc->dense = MemoryContextAllocZero(acc->cxt, n * sizeof(SurvSlot));
	else
	{
		acc->dense = repalloc(acc->dense, n * sizeof(SurvSlot));
		memset(acc->dense + acc->ndense, 0, (n - acc->ndense) * sizeof(SurvSlot));
	}
	acc->ndense = n;
	if (acc->hashed != NULL && acc->hashed->members > 0)
		MoveToDense(acc);
	return true;
}

/* The slot of a time (>= 0), inserted if new */
static inline SurvSlot *
AccumSlot(SurvAccum *acc, float8 time)
{
	if (time < SURV_DENSE_LIMIT && time == (float8) (int) time &&
		(likely((int) time < acc->ndense) || DenseGrow(acc, (int) time)))
	{
		SurvSlot   *slot = &acc->dense[(int) time];

		if (SlotIsEmpty(slot))
		{
			CountNewTime(acc);
			slot->t.time = time;
		}
		return slot;
	}
	return HashedSlot(acc, time);
}

static inline void
AddRows(int64 *count, int64 n)
{
	if (unlikely(pg_add_s64_overflow(*count, n, count)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("survival state row count out of range"),
				 errdetail("A survival state counts at most %lld rows per time.",
						   (long long) PG_INT64_MAX)));
}

/*
 * One row leaving at a time: an event or a censoring, its weight and (for
 * the robust variance) its squared weight and whether it is whole
 */
static inline void
AccumExit(SurvAccum *acc, float8 time, bool event, float8 weight)
{
	SurvSlot   *slot = AccumSlot(acc, time);

	/* float8_pl: weights that add up past DBL_MAX are an error, not Infinity */
	if (event)
	{
		slot->t.events = float8_pl(slot->t.events, weight);
		slot->q.sq_events = float8_pl(slot->q.sq_events, float8_mul(weight, weight));
	}
	else
	{
		slot->t.censored = float8_pl(slot->t.censored, weight);
		slot->q.sq_censored = float8_pl(slot->q.sq_censored, float8_mul(weight, weight));
	}
	if (weight != floor(weight))
		slot->q.nonint_rows += 1;
	AddRows(&slot->t.rows_out, 1);
}

void
surv_accum_exit(SurvAccum *acc, float8 time, bool event, float8 weight)
{
	AccumExit(acc, time, event, weight);
}

/* One row entering at a time (delayed entry): at risk only after it */
static void
AccumEntry(SurvAccum *acc, float8 time, float8 weight)
{
	SurvSlot   *slot = AccumSlot(acc, time);

	slot->t.entered = float8_pl(slot->t.entered, weight);
	AddRows(&slot->t.rows_in, 1);
}

/* ---------- taking rows out: the inverse of adding them ---------- */

/* float8 holds every whole number up to 2^53 exactly */
#define SURV_EXACT_LIMIT 9007199254740992.0

/*
 * Whether a weighted count takes part in sums and differences exactly: a
 * whole number below 2^53.  Sums and differences of such numbers are exact
 * in float8 (while they stay below 2^53), so taking rows out of a state
 * gives the very state that never had them.
 */
static inline bool
ExactCount(float8 x)
{
	return x >= 0 && x < SURV_EXACT_LIMIT && x == floor(x);
}

static void
NotPartOf(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("survival state to subtract is not part of the state"),
			 errdetail("Only rows that were added to a state can be taken out of it: every time of the subtracted state must be in the other one, with at least its rows and weighted counts.")));
}

/* The slot of a time held by the accumulator, or NULL */
static SurvSlot *
AccumFind(const SurvAccum *acc, float8 time)
{
	if (InDense(acc, time))
	{
		SurvSlot   *slot = &acc->dense[(int) time];

		return SlotIsEmpty(slot) ? NULL : slot;
	}
	if (acc->hashed != NULL)
	{
		SurvHashed *entry = surv_hash_lookup(acc->hashed, time);

		return entry ? &entry->s : NULL;
	}
	return NULL;
}

/*
 * Whether taking the flat state s out of the accumulator is exact: every
 * weighted count of s, and of acc at the times of s, is a whole number
 * below 2^53.  Raises 22023 when s is not part of acc (a time of s that acc
 * does not hold, or more rows or weight there than acc has).
 */
static bool
TakeOutIsExact(const SurvAccum *acc, const Survival *s)
{
	const SurvSquares *sq = SURV_SQUARES(s);
	bool		exact = true;

	for (int i = 0; i < s->ntimes; i++)
	{
		const SurvTime *t = &s->times[i];
		const SurvSlot *slot = AccumFind(acc, t->time);

		CHECK_FOR_INTERRUPTS();
		if (slot == NULL || slot->t.rows_out < t->rows_out || slot->t.rows_in < t->rows_in ||
			slot->t.events < t->events || slot->t.censored < t->censored ||
			slot->t.entered < t->entered)
			NotPartOf();
		exact = exact && ExactCount(t->events) && ExactCount(t->censored) &&
			ExactCount(t->entered) && ExactCount(slot->t.events) &&
			ExactCount(slot->t.censored) && ExactCount(slot->t.entered);
		/* whole weights have whole squares; those must be exact too */
		if (sq != NULL)
			exact = exact && ExactCount(sq[i].sq_events) && ExactCount(sq[i].sq_censored) &&
				ExactCount(slot->q.sq_events) && ExactCount(slot->q.sq_censored);
	}
	return exact;
}

/*
 * After rows were taken out of a slot: a weighted count left without rows
 * means the rows taken out were not those added; a time left with no rows
 * leaves the state, as if it had never been there.
 */
static void
AfterTakeOut(SurvAccum *acc, SurvSlot *slot)
{
	if ((slot->t.rows_out == 0 && (slot->t.events != 0 || slot->t.censored != 0)) ||
		(slot->t.rows_in == 0 && slot->t.entered != 0))
		NotPartOf();
	if (!SlotIsEmpty(slot))
		return;
	acc->ntimes--;
	if (acc->state_times)
		(*acc->state_times)--;
	if (slot >= acc->dense && slot < acc->dense + acc->ndense)
		memset(slot, 0, sizeof(SurvSlot));
	else						/* the time is the first field of its entry */
		surv_hash_delete_item(acc->hashed, (SurvHashed *) slot);
}

/*
 * Add a flat state to the accumulator (sign 1), or take it out (sign -1):
 * one arithmetic for both.  Taking out assumes TakeOutIsExact has passed.
 */
static inline void
AccumAdd(SurvAccum *acc, const Survival *s, int sign)
{
	const SurvSquares *sq = SURV_SQUARES(s);

	/* a version 1 state has no squares: the merged state has none either */
	if (sq == NULL)
		acc->squares_lost = true;
	for (int i = 0; i < s->ntimes; i++)
	{
		const SurvTime *t = &s->times[i];
		SurvSlot   *slot;

		CHECK_FOR_INTERRUPTS();
		slot = AccumSlot(acc, t->time);

		slot->t.events = float8_pl(slot->t.events, sign * t->events);
		slot->t.censored = float8_pl(slot->t.censored, sign * t->censored);
		slot->t.entered = float8_pl(slot->t.entered, sign * t->entered);
		AddRows(&slot->t.rows_out, sign * t->rows_out);
		AddRows(&slot->t.rows_in, sign * t->rows_in);
		if (sq != NULL)
		{
			slot->q.sq_events = float8_pl(slot->q.sq_events, sign * sq[i].sq_events);
			slot->q.sq_censored = float8_pl(slot->q.sq_censored, sign * sq[i].sq_censored);
			slot->q.nonint_rows = float8_pl(slot->q.nonint_rows, sign * sq[i].nonint_rows);
		}
		if (sign < 0)
			AfterTakeOut(acc, slot);
	}
}

/* Add a flat state to the accumulator */
void
surv_accum_merge(SurvAccum *acc, const Survival *s)
{
	AccumAdd(acc, s, 1);
}

/*
 * Take the rows of a flat state out of the accumulator, when that is exact
 * (see TakeOutIsExact); returns false, with acc unchanged, when it is not.
 */
bool
surv_accum_subtract(SurvAccum *acc, const Survival *s)
{
	if (!TakeOutIsExact(acc, s))
		return false;
	AccumAdd(acc, s, -1);
	return true;
}

/* Far below what a varlena may hold: the text form fits too (doc/limits.md) */
StaticAssertDecl(SURVIVAL_MAX_TIMES >= 1 &&
				 SURVIVAL_MAX_TIMES <= (MaxAllocSize - offsetof(Survival, times)) / 136,
				 "SURVIVAL_MAX_TIMES too large for the text form");

void
survival_check_times(int64 ntimes)
{
	if (unlikely(ntimes > SURVIVAL_MAX_TIMES))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct times for a survival state"),
				 errdetail("A survival state, or a logrank_state in all its groups together, holds at most %d distinct times; round the durations (for example to whole days) or split the data into smaller groups.",
						   SURVIVAL_MAX_TIMES)));
}

/* Version 2 (with the squares) for a survival state that has them all */
static inline bool
FlatSquares(const SurvAccum *acc)
{
	return acc->squares && !acc->squares_lost;
}

Size
surv_accum_flat_size(const SurvAccum *acc)
{
	survival_check_times(acc->ntimes);
	return FlatSquares(acc) ? SURVIVAL_SIZE_SQUARES(acc->ntimes) : SURVIVAL_SIZE(acc->ntimes);
}

static int
CompareTimes(const void *a, const void *b)
{
	float8		x = ((const SurvSlot *) a)->t.time;
	float8		y = ((const SurvSlot *) b)->t.time;

	return (x > y) - (x < y);
}

/* Write the flat form into result, which has surv_accum_flat_size bytes */
void
surv_accum_flatten(const SurvAccum *acc, Survival *result)
{
	int			n = 0;
	bool		hashed = acc->hashed != NULL && acc->hashed->members > 0;
	SurvSlot   *slots = hashed ? palloc(sizeof(SurvSlot) * acc->ntimes) : NULL;
	SurvSquares *sq;

	memset(result, 0, surv_accum_flat_size(acc));
	SET_VARSIZE(result, surv_accum_flat_size(acc));
	result->version = FlatSquares(acc) ? SURVIVAL_VERSION_SQUARES : SURVIVAL_VERSION;
	result->ntimes = acc->ntimes;
	sq = SURV_SQUARES(result);
	if (!hashed)
	{
		/* the dense part comes out sorted */
		for (int i = 0; i < acc->ndense; i++)
			if (!SlotIsEmpty(&acc->dense[i]))
			{
				result->times[n] = acc->dense[i].t;
				if (sq != NULL)
					sq[n] = acc->dense[i].q;
				n++;
			}
		Assert(n == acc->ntimes);
		return;
	}
	/* with a hashed part: all slots sorted */
	for (int i = 0; i < acc->ndense; i++)
		if (!SlotIsEmpty(&acc->dense[i]))
			slots[n++] = acc->dense[i];
	{
		surv_hash_iterator it;
		SurvHashed *entry;

		surv_hash_start_iterate(acc->hashed, &it);
		while ((entry = surv_hash_iterate(acc->hashed, &it)) != NULL)
			slots[n++] = entry->s;
	}
	Assert(n == acc->ntimes);
	qsort(slots, n, sizeof(SurvSlot), CompareTimes);
	for (int i = 0; i < n; i++)
	{
		result->times[i] = slots[i].t;
		if (sq != NULL)
			sq[i] = slots[i].q;
	}
	pfree(slots);
}

/* ---------- the expanded object ---------- */

typedef struct ExpandedSurvival
{
	ExpandedObjectHeader hdr;
	SurvAccum	acc;
	bool		fractional;		/* moving mode: a row with a fractional
								 * weight was added, so rows cannot be taken
								 * out exactly */
} ExpandedSurvival;

static Size
ExpandedSurvivalFlatSize(ExpandedObjectHeader *eohptr)
{
	return surv_accum_flat_size(&((ExpandedSurvival *) eohptr)->acc);
}

static void
ExpandedSurvivalFlatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	Assert(allocated_size == ExpandedSurvivalFlatSize(eohptr));
	surv_accum_flatten(&((ExpandedSurvival *) eohptr)->acc, (Survival *) result);
}

static const ExpandedObjectMethods ExpandedSurvivalMethods = {
	ExpandedSurvivalFlatSize,
	ExpandedSurvivalFlatten
};

/*
 * The transition state in argument 0, made writable: our own read-write
 * expanded object is updated in place; a NULL or flat state becomes a new
 * expanded object under the aggregate's memory context, which the executor
 * then keeps without copying.
 */
static pg_noinline ExpandedSurvival *
NewTransState(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = jobreg_state_context(fcinfo);
	ExpandedSurvival *es = MemoryContextAlloc(cxt, sizeof(ExpandedSurvival));

	EOH_init_header(&es->hdr, &ExpandedSurvivalMethods, cxt);
	surv_accum_init(&es->acc, cxt, NULL);
	es->acc.squares = true;		/* format version 2: the robust variance */
	es->fractional = false;
	if (!PG_ARGISNULL(0))
		surv_accum_merge(&es->acc, PG_GETARG_SURVIVAL_P(0));
	return es;
}

static inline ExpandedSurvival *
TransState(FunctionCallInfo fcinfo)
{
	ExpandedObjectHeader *eoh = jobreg_expanded_arg(fcinfo, 0, &ExpandedSurvivalMethods);

	if (likely(eoh != NULL))
		return (ExpandedSurvival *) eoh;
	return NewTransState(fcinfo);
}

/* What a value that is not a finite number >= 0 is, for messages */
static const char *
WhatIsWrong(float8 v)
{
	return isnan(v) ? "NaN" : isinf(v) ? (v > 0 ? "Infinity" : "-Infinity") : "a negative number";
}

/* A duration or time must be a finite number >= 0; -0 becomes 0 */
static inline float8
CheckTime(float8 t, const char *what)
{
	if (unlikely(!(t >= 0 && t <= DBL_MAX)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number >= 0, not %s", what, WhatIsWrong(t)),
				 errdetail("Times are measured from the start of the spell, for example in weeks.")));
	return t + 0.0;
}

float8
surv_check_time(float8 t, const char *what)
{
	return CheckTime(t, what);
}

static float8
CheckWeight(float8 w)
{
	if (unlikely(!(w >= 0 && w <= DBL_MAX)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weight must be a finite number >= 0, not %s", WhatIsWrong(w)),
				 errdetail("A case weight counts how many persons a row stands for.")));
	return w;
}

/* survival(duration, event) and survival(duration, event, weight) */
Datum
survival_sfunc(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es;

	JOBREG_SKIP_ROW_IF_NULL(1, PG_NARGS() - 1);
	es = TransState(fcinfo);
	AccumExit(&es->acc, CheckTime(PG_GETARG_FLOAT8(1), "duration"), PG_GETARG_BOOL(2),
			  PG_NARGS() > 3 ? CheckWeight(PG_GETARG_FLOAT8(3)) : 1.0);
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* The entry and exit of a row of survival(entry, exit, event), checked */
static void
EntryExit(FunctionCallInfo fcinfo, float8 *entry, float8 *exit)
{
	*entry = CheckTime(PG_GETARG_FLOAT8(1), "entry time");
	*exit = CheckTime(PG_GETARG_FLOAT8(2), "exit time");
	if (*entry >= *exit)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("entry time %g is not before exit time %g", *entry, *exit),
				 errdetail("A row is at risk at times t with entry < t <= exit, so entry must be before exit.")));
}

/* survival(entry, exit, event): at risk at t when entry < t <= exit */
Datum
survival_sfunc_entry(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es;
	float8		entry;
	float8		exit;

	JOBREG_SKIP_ROW_IF_NULL(1, 3);
	EntryExit(fcinfo, &entry, &exit);
	es = TransState(fcinfo);
	AccumEntry(&es->acc, entry, 1.0);
	AccumExit(&es->acc, exit, PG_GETARG_BOOL(3), 1.0);
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* Combine function, and the transition function of survival_merge */
Datum
survival_combine(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es;

	JOBREG_SKIP_ROW_IF_NULL(1, 1);
	es = TransState(fcinfo);
	surv_accum_merge(&es->acc, PG_GETARG_SURVIVAL_P(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* ---------- moving-aggregate mode: rows leave a window frame ---------- */

/*
 * In moving mode (a window frame whose start moves) PostgreSQL adds the rows
 * entering the frame with the msfunc and takes those leaving it out with the
 * minvfunc.  The state is never NULL there (an empty expanded state instead);
 * the minvfunc returns NULL when taking a row out would not be exact, and
 * PostgreSQL then aggregates the frame afresh.
 */

/* The state, made (empty) when NULL */
static inline ExpandedSurvival *
MovingState(FunctionCallInfo fcinfo)
{
	return TransState(fcinfo);
}

/*
 * The flat state of one row: an exit at a time (event or censoring), and a
 * delayed entry before it when entry >= 0.  What AccumExit and AccumEntry
 * add for the row, so that taking it out is AccumAdd with sign -1.
 */
static Survival *
RowState(float8 entry, float8 time, bool event, float8 weight)
{
	int			n = entry >= 0 ? 2 : 1;
	Survival   *row = palloc0(SURVIVAL_SIZE_SQUARES(n));
	SurvTime   *t = &row->times[n - 1];
	SurvSquares *q;

	SET_VARSIZE(row, SURVIVAL_SIZE_SQUARES(n));
	row->version = SURVIVAL_VERSION_SQUARES;
	row->ntimes = n;
	q = &SURV_SQUARES(row)[n - 1];
	if (n == 2)
	{
		row->times[0].time = entry;
		row->times[0].entered = weight;
		row->times[0].rows_in = 1;
	}
	t->time = time;
	if (event)
	{
		t->events = weight;
		q->sq_events = weight * weight;
	}
	else
	{
		t->censored = weight;
		q->sq_censored = weight * weight;
	}
	q->nonint_rows = weight != floor(weight);
	t->rows_out = 1;
	return row;
}

/* msfunc of survival(duration, event) and survival(duration, event, weight) */
Datum
survival_msfunc(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es = MovingState(fcinfo);

	for (int a = 1; a < PG_NARGS(); a++)
		if (PG_ARGISNULL(a))
			PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
	if (PG_NARGS() > 3)
	{
		float8		weight = CheckWeight(PG_GETARG_FLOAT8(3));

		es->fractional = es->fractional || !ExactCount(weight);
		AccumExit(&es->acc, CheckTime(PG_GETARG_FLOAT8(1), "duration"), PG_GETARG_BOOL(2), weight);
	}
	else
		AccumExit(&es->acc, CheckTime(PG_GETARG_FLOAT8(1), "duration"), PG_GETARG_BOOL(2), 1.0);
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* minvfunc of survival(duration, event) and survival(duration, event, weight) */
Datum
survival_minvfunc(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es = MovingState(fcinfo);
	Survival   *row;

	for (int a = 1; a < PG_NARGS(); a++)
		if (PG_ARGISNULL(a))
			PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
	if (es->fractional)
		PG_RETURN_NULL();
	row = RowState(-1, CheckTime(PG_GETARG_FLOAT8(1), "duration"), PG_GETARG_BOOL(2),
				   PG_NARGS() > 3 ? CheckWeight(PG_GETARG_FLOAT8(3)) : 1.0);
	if (!surv_accum_subtract(&es->acc, row))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* msfunc of survival(entry, exit, event) */
Datum
survival_msfunc_entry(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es = MovingState(fcinfo);
	float8		entry;
	float8		exit;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
	EntryExit(fcinfo, &entry, &exit);
	AccumEntry(&es->acc, entry, 1.0);
	AccumExit(&es->acc, exit, PG_GETARG_BOOL(3), 1.0);
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* minvfunc of survival(entry, exit, event) */
Datum
survival_minvfunc_entry(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es = MovingState(fcinfo);
	float8		entry;
	float8		exit;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
	EntryExit(fcinfo, &entry, &exit);
	if (!surv_accum_subtract(&es->acc, RowState(entry, exit, PG_GETARG_BOOL(3), 1.0)))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* msfunc of survival_merge */
Datum
survival_mcombine(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es = MovingState(fcinfo);

	if (!PG_ARGISNULL(1))
		surv_accum_merge(&es->acc, PG_GETARG_SURVIVAL_P(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/* minvfunc of survival_merge: NULL (start afresh) when not exact */
Datum
survival_minvcombine(PG_FUNCTION_ARGS)
{
	ExpandedSurvival *es = MovingState(fcinfo);

	if (!PG_ARGISNULL(1) && !surv_accum_subtract(&es->acc, PG_GETARG_SURVIVAL_P(1)))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(EOHPGetRWDatum(&es->hdr));
}

/*
 * mfinalfunc of the survival aggregates: the flat state, or NULL when every
 * row has left the frame (a survival state has at least one time).  Reads
 * the state only: PostgreSQL calls it again as the frame moves on.
 */
Datum
survival_mfinal(PG_FUNCTION_ARGS)
{
	Datum		d = PG_GETARG_DATUM(0);
	ExpandedObjectHeader *eoh = jobreg_moving_state(d, &ExpandedSurvivalMethods, "survival_mfinal");

	if (eoh == NULL)
		PG_RETURN_DATUM(d);
	if (((ExpandedSurvival *) eoh)->acc.ntimes == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jobreg_flat_copy(eoh));
}

/*
 * survival_subtract(a, b), a - b: the state of the rows of a that are not
 * rows of b, exactly the state those rows give (times left without rows
 * leave it), or NULL when no row is left.  Exact only for whole-number
 * weighted counts, so other states are refused.
 */
Datum
survival_subtract(PG_FUNCTION_ARGS)
{
	Survival   *a = PG_GETARG_SURVIVAL_P(0);
	Survival   *b = PG_GETARG_SURVIVAL_P(1);
	SurvAccum	acc;
	Survival   *result;

	surv_accum_init(&acc, CurrentMemoryContext, NULL);
	acc.squares = true;			/* version 2 when both states have the squares */
	surv_accum_merge(&acc, a);
	if (!surv_accum_subtract(&acc, b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("survival_subtract needs whole-number weighted counts"),
				 errdetail("Taking rows out of a state is exact only when its weighted events, censorings and entries are whole numbers below 2^53 (weights 1, or other whole numbers)."),
				 errhint("Rebuild the state from its rows instead.")));
	if (acc.ntimes == 0)
		PG_RETURN_NULL();
	result = palloc(surv_accum_flat_size(&acc));
	surv_accum_flatten(&acc, result);
	CheckSurvival(result, ERRCODE_INVALID_PARAMETER_VALUE);
	PG_RETURN_POINTER(result);
}

/* ---------- validation of a flat state from outside ---------- */

static void
Corrupted(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupted survival value"),
			 errdetail("%s", detail)));
}

/*
 * The header of a flat state, checked before anything else of it is read:
 * a 4-byte varlena header, a size within avail, the version, and a count
 * of times within the limit that matches the size.
 */
void
survival_check_flat(const Survival *s, Size avail)
{
	if (avail < offsetof(Survival, times) || !VARATT_IS_4B_U(s) ||
		VARSIZE(s) < offsetof(Survival, times) || VARSIZE(s) > avail)
		Corrupted("The value is shorter than its header says.");
	if (s->version != SURVIVAL_VERSION && s->version != SURVIVAL_VERSION_SQUARES)
		Corrupted(psprintf("The value has format version %d; this version of jobreg reads versions %d and %d.",
						   s->version, SURVIVAL_VERSION, SURVIVAL_VERSION_SQUARES));
	if (s->ntimes < 1 || s->ntimes > SURVIVAL_MAX_TIMES ||
		VARSIZE(s) != (s->version == SURVIVAL_VERSION_SQUARES ? SURVIVAL_SIZE_SQUARES(s->ntimes)
					   : SURVIVAL_SIZE(s->ntimes)))
		Corrupted(psprintf("The value's size, %u bytes, does not match its count of %d times.",
						   VARSIZE(s), s->ntimes));
}

Survival *
survival_from_datum(Datum d)
{
	Survival   *s = (Survival *) PG_DETOAST_DATUM(d);

	survival_check_flat(s, VARSIZE(s));
	return s;
}

static void
Invalid(int sqlstate, const char *detail)
{
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid survival state"),
			 errdetail("%s", detail)));
}

/*
 * Everything a state made by the aggregates satisfies: times finite, >= 0
 * and increasing; weighted counts finite and >= 0, and zero where no row
 * is; and the rows fit together, every row entering at or after a time
 * leaving strictly after it.
 */
static void
CheckSurvival(const Survival *s, int sqlstate)
{
	int64		out_after = 0;	/* rows leaving after times[i] */
	int64		in_from = 0;	/* rows entering at or after times[i] */

	if (s->ntimes < 1)
		Invalid(sqlstate, "A survival state has at least one time.");
	for (int i = s->ntimes - 1; i >= 0; i--)
	{
		const SurvTime *t = &s->times[i];

		CHECK_FOR_INTERRUPTS();
		if (isnan(t->time) || isinf(t->time) || t->time < 0)
			Invalid(sqlstate, "Times must be finite and not negative.");
		if (i > 0 && !(s->times[i - 1].time < t->time))
			Invalid(sqlstate, "Times must be strictly increasing.");
		if (isnan(t->events) || isinf(t->events) || t->events < 0 ||
			isnan(t->censored) || isinf(t->censored) || t->censored < 0 ||
			isnan(t->entered) || isinf(t->entered) || t->entered < 0)
			Invalid(sqlstate, "Weighted counts must be finite and not negative.");
		if (t->rows_out < 0 || t->rows_in < 0 || (t->rows_out == 0 && t->rows_in == 0))
			Invalid(sqlstate, "Every time needs a positive row count.");
		if ((t->rows_out == 0 && (t->events > 0 || t->censored > 0)) ||
			(t->rows_in == 0 && t->entered > 0))
			Invalid(sqlstate, "A weighted count needs rows.");
		if (pg_add_s64_overflow(in_from, t->rows_in, &in_from) || in_from > out_after)
			Invalid(sqlstate, "Rows entering at a time must leave after it.");
		if (pg_add_s64_overflow(out_after, t->rows_out, &out_after))
			Invalid(sqlstate, "Row counts are too large.");
		if (SURV_SQUARES(s) != NULL)
		{
			const SurvSquares *q = &SURV_SQUARES(s)[i];

			if (!(q->sq_events >= 0 && q->sq_events <= DBL_MAX &&
				  q->sq_censored >= 0 && q->sq_censored <= DBL_MAX))
				Invalid(sqlstate, "Sums of squared weights must be finite and not negative.");
			if ((t->events == 0 && q->sq_events != 0) || (t->censored == 0 && q->sq_censored != 0))
				Invalid(sqlstate, "A sum of squared weights needs weights.");
			if (!(q->nonint_rows >= 0 && q->nonint_rows <= t->rows_out && q->nonint_rows == floor(q->nonint_rows)))
				Invalid(sqlstate, "The rows with a weight that is not whole are a whole number from 0 to the rows leaving.");
		}
	}
}

/* ---------- text I/O ---------- */

/*
 * Text form: "v1" and then, per time, ";time:events,censored,entered,
 * rows_out,rows_in", numbers in the shortest form that reads back exactly;
 * "v2" adds to each time ",sq_events,sq_censored,nonint_rows".
 */
void
survival_format(StringInfo buf, const Survival *s)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];
	const SurvSquares *sq = SURV_SQUARES(s);

	appendStringInfo(buf, "v%d", s->version);
	for (int i = 0; i < s->ntimes; i++)
	{
		const SurvTime *t = &s->times[i];

		CHECK_FOR_INTERRUPTS();
		double_to_shortest_decimal_buf(t->time, num);
		appendStringInfo(buf, ";%s:", num);
		double_to_shortest_decimal_buf(t->events, num);
		appendStringInfo(buf, "%s,", num);
		double_to_shortest_decimal_buf(t->censored, num);
		appendStringInfo(buf, "%s,", num);
		double_to_shortest_decimal_buf(t->entered, num);
		appendStringInfo(buf, "%s," INT64_FORMAT "," INT64_FORMAT, num,
						 t->rows_out, t->rows_in);
		if (sq != NULL)
		{
			double_to_shortest_decimal_buf(sq[i].sq_events, num);
			appendStringInfo(buf, ",%s", num);
			double_to_shortest_decimal_buf(sq[i].sq_censored, num);
			appendStringInfo(buf, ",%s", num);
			double_to_shortest_decimal_buf(sq[i].nonint_rows, num);
			appendStringInfo(buf, ",%s", num);
		}
	}
}

static void
SyntaxError(const char *whole, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type survival: \"%s\"", whole),
			 errdetail("%s", detail)));
}

static float8
ParseFloat(const char **p, const char *whole)
{
	char	   *end;
	float8		v;

	if (!(isdigit((unsigned char) **p) || **p == '-' || **p == '.'))
		SyntaxError(whole, "A number is expected.");
	errno = 0;
	v = strtod(*p, &end);
	if (end == *p || (errno == ERANGE && (v == 0 || isinf(v))))
		SyntaxError(whole, "A number is malformed or out of range.");
	*p = end;
	return v;
}

static int64
ParseInt(const char **p, const char *whole)
{
	char	   *end;
	int64		v;

	if (!(isdigit((unsigned char) **p) || **p == '-'))
		SyntaxError(whole, "A row count is expected.");
	errno = 0;
	v = strtoi64(*p, &end, 10);
	if (end == *p || errno == ERANGE)
		SyntaxError(whole, "A row count is malformed or out of range.");
	*p = end;
	return v;
}

static void
Expect(const char **p, char c, const char *whole)
{
	if (**p != c)
		SyntaxError(whole, psprintf("\"%c\" is expected at \"%s\".", c, *p));
	(*p)++;
}

/*
 * Parse one state from str (within the string whole, for messages), stopping
 * at the first character that cannot continue it; *endptr gets its position.
 */
Survival *
survival_parse(const char *str, const char **endptr, const char *whole)
{
	const char *p = str;
	int			n = 0;
	int			cap = Min(16, SURVIVAL_MAX_TIMES);
	Survival   *s = palloc0(SURVIVAL_SIZE(cap));
	SurvSquares *sq = palloc0(sizeof(SurvSquares) * cap);
	int64		version;

	Expect(&p, 'v', whole);
	version = ParseInt(&p, whole);
	if (version != SURVIVAL_VERSION && version != SURVIVAL_VERSION_SQUARES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("unsupported survival format version in \"%s\"", whole),
				 errdetail("This version of jobreg reads versions %d and %d.", SURVIVAL_VERSION, SURVIVAL_VERSION_SQUARES)));
	while (*p == ';')
	{
		SurvTime   *t;

		p++;
		if (n == cap)
		{
			survival_check_times((int64) n + 1);
			cap = Min(2 * cap, SURVIVAL_MAX_TIMES);
			s = repalloc(s, SURVIVAL_SIZE(cap));
			sq = repalloc(sq, sizeof(SurvSquares) * cap);
		}
		t = &s->times[n++];
		t->time = ParseFloat(&p, whole) + 0.0;	/* -0 is 0 */
		Expect(&p, ':', whole);
		t->events = ParseFloat(&p, whole);
		Expect(&p, ',', whole);
		t->censored = ParseFloat(&p, whole);
		Expect(&p, ',', whole);
		t->entered = ParseFloat(&p, whole);
		Expect(&p, ',', whole);
		t->rows_out = ParseInt(&p, whole);
		Expect(&p, ',', whole);
		t->rows_in = ParseInt(&p, whole);
		if (version == SURVIVAL_VERSION_SQUARES)
		{
			Expect(&p, ',', whole);
			sq[n - 1].sq_events = ParseFloat(&p, whole);
			Expect(&p, ',', whole);
			sq[n - 1].sq_censored = ParseFloat(&p, whole);
			Expect(&p, ',', whole);
			sq[n - 1].nonint_rows = ParseFloat(&p, whole);
		}
		CHECK_FOR_INTERRUPTS();
	}
	if (version == SURVIVAL_VERSION_SQUARES)
	{
		s = repalloc(s, SURVIVAL_SIZE_SQUARES(n));
		memcpy((char *) s + SURVIVAL_SIZE(n), sq, sizeof(SurvSquares) * n);
	}
	SET_VARSIZE(s, version == SURVIVAL_VERSION_SQUARES ? SURVIVAL_SIZE_SQUARES(n) : SURVIVAL_SIZE(n));
	s->version = version;
	s->ntimes = n;
	CheckSurvival(s, ERRCODE_INVALID_TEXT_REPRESENTATION);
	*endptr = p;
	return s;
}

Datum
survival_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *end;
	Survival   *s;

	jobreg_check_state_io("survival");
	s = survival_parse(str, &end, str);
	if (*end != '\0')
		SyntaxError(str, psprintf("Unexpected text \"%s\".", end));
	PG_RETURN_POINTER(s);
}

Datum
survival_out(PG_FUNCTION_ARGS)
{
	Survival   *s = PG_GETARG_SURVIVAL_P(0);
	StringInfoData buf;

	jobreg_check_state_io("survival");

	initStringInfo(&buf);
	survival_format(&buf, s);
	PG_RETURN_CSTRING(buf.data);
}

/* ---------- binary I/O ---------- */

/*
 * Binary form: int1 version, int4 count, then per time 4 float8 and 2 int8;
 * version 2 adds per time 3 float8 (the squares).
 */
void
survival_send_body(StringInfo buf, const Survival *s)
{
	const SurvSquares *sq = SURV_SQUARES(s);

	pq_sendbyte(buf, s->version);
	pq_sendint32(buf, s->ntimes);
	for (int i = 0; i < s->ntimes; i++)
	{
		const SurvTime *t = &s->times[i];

		pq_sendfloat8(buf, t->time);
		pq_sendfloat8(buf, t->events);
		pq_sendfloat8(buf, t->censored);
		pq_sendfloat8(buf, t->entered);
		pq_sendint64(buf, t->rows_out);
		pq_sendint64(buf, t->rows_in);
		if (sq != NULL)
		{
			pq_sendfloat8(buf, sq[i].sq_events);
			pq_sendfloat8(buf, sq[i].sq_censored);
			pq_sendfloat8(buf, sq[i].nonint_rows);
		}
	}
}

#define SURV_WIRE_TIME_SIZE (4 * 8 + 2 * 8)
#define SURV_WIRE_SQUARES_SIZE (3 * 8)

Survival *
survival_recv_body(StringInfo buf)
{
	int			version = pq_getmsgbyte(buf);
	int			n;
	Survival   *s;
	SurvSquares *sq;
	bool		squares = version == SURVIVAL_VERSION_SQUARES;

	if (version != SURVIVAL_VERSION && !squares)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported survival format version %d", version),
				 errdetail("This version of jobreg reads versions %d and %d.", SURVIVAL_VERSION, SURVIVAL_VERSION_SQUARES)));
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 1 || n > (buf->len - buf->cursor) /
		(SURV_WIRE_TIME_SIZE + (squares ? SURV_WIRE_SQUARES_SIZE : 0)))
		Invalid(ERRCODE_INVALID_BINARY_REPRESENTATION,
				"The count of times does not match the length of the data.");
	survival_check_times(n);
	s = palloc0(squares ? SURVIVAL_SIZE_SQUARES(n) : SURVIVAL_SIZE(n));
	SET_VARSIZE(s, squares ? SURVIVAL_SIZE_SQUARES(n) : SURVIVAL_SIZE(n));
	s->version = version;
	s->ntimes = n;
	sq = SURV_SQUARES(s);
	for (int i = 0; i < n; i++)
	{
		SurvTime   *t = &s->times[i];

		t->time = pq_getmsgfloat8(buf) + 0.0;	/* -0 is 0 */
		t->events = pq_getmsgfloat8(buf);
		t->censored = pq_getmsgfloat8(buf);
		t->entered = pq_getmsgfloat8(buf);
		t->rows_out = pq_getmsgint64(buf);
		t->rows_in = pq_getmsgint64(buf);
		if (sq != NULL)
		{
			sq[i].sq_events = pq_getmsgfloat8(buf);
			sq[i].sq_censored = pq_getmsgfloat8(buf);
			sq[i].nonint_rows = pq_getmsgfloat8(buf);
		}
	}
	CheckSurvival(s, ERRCODE_INVALID_BINARY_REPRESENTATION);
	return s;
}

Datum
survival_recv(PG_FUNCTION_ARGS)
{
	jobreg_check_state_io("survival");
	PG_RETURN_POINTER(survival_recv_body((StringInfo) PG_GETARG_POINTER(0)));
}

Datum
survival_send(PG_FUNCTION_ARGS)
{
	Survival   *s = PG_GETARG_SURVIVAL_P(0);
	StringInfoData buf;

	jobreg_check_state_io("survival");

	pq_begintypsend(&buf);
	survival_send_body(&buf, s);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- the Kaplan-Meier curve ---------- */

/*
 * One point per time of the state.  As in R's survfitkm, the number at risk
 * is summed from the last time backwards (rows leaving at or after t, less
 * rows entering at or after t), so it has no cancellation error, and the
 * estimate and Greenwood's sum step only where weighted events are > 0.
 */
KMPoint *
survival_curve(const Survival *s)
{
	int			n = s->ntimes;
	KMPoint    *pt = palloc(n * sizeof(KMPoint));
	float8		risk = 0;
	int64		rows = 0;
	float8		km = 1;
	float8		var = 0;

	for (int i = n - 1; i >= 0; i--)
	{
		const SurvTime *t = &s->times[i];

		CHECK_FOR_INTERRUPTS();
		/* rows leaving at or after t, less those entering at or after t */
		risk = float8_pl(float8_pl(risk, t->events), t->censored);
		risk -= t->entered;
		rows += t->rows_out - t->rows_in;
		pt[i].time = t->time;
		pt[i].n_risk = risk;
		pt[i].persons = jobreg_persons(rows, risk);
		/* the rows leaving at t are events and censorings: at most both */
		pt[i].event_persons = jobreg_persons(t->rows_out, t->events);
		pt[i].events = t->events;
		pt[i].censored = t->censored;
		pt[i].exit = t->rows_out > 0;
	}
	for (int i = 0; i < n; i++)
	{
		if (pt[i].events > 0)
		{
			km *= (pt[i].n_risk - pt[i].events) / pt[i].n_risk;
			var += pt[i].events / (pt[i].n_risk * (pt[i].n_risk - pt[i].events));
		}
		pt[i].surv = km;
		pt[i].greenwood = var;
		pt[i].robust = get_float8_nan();
	}
	return pt;
}

/*
 * The steps of a curve that may be shown under the threshold m in force (as
 * ACRO treats survival tables): consecutive steps are merged into one until
 * the group holds at least m persons with an event and its risk set at its
 * first step at least m persons; the group is shown at its last step, as the
 * curve after it.  Steps after the last complete group are never shown, nor
 * is any point inside a group, so no shown figure lets a merged step be
 * computed.  NULL when the threshold is off.
 */
bool *
survival_shown_steps(const KMPoint *pt, int n)
{
	int			m = jobreg_min_cell_in_force();
	bool	   *shown;
	int64		events = 0;
	int			first = -1;

	if (m <= 0)
		return NULL;
	shown = palloc0(Max(n, 1) * sizeof(bool));
	for (int i = 0; i < n; i++)
	{
		if (!(pt[i].events > 0))
			continue;
		if (first < 0)
			first = i;
		events += pt[i].event_persons;
		if (events >= m && pt[first].persons >= m)
		{
			shown[i] = true;
			events = 0;
			first = -1;
		}
	}
	return shown;
}

/*
 * The curve as published under the threshold in force: a point that is not
 * a shown step (survival_shown_steps) keeps the level of the last shown
 * step and reports no time (exit false), and the curve ends at the last
 * shown step.  Returns the number of points left (n when the threshold is
 * off, 0 when no step is shown), so that every reader reads the curve
 * surv_table shows, and nothing of a merged or withheld step.
 */
int
survival_publish(KMPoint *pt, int n)
{
	bool	   *shown = survival_shown_steps(pt, n);
	int			last = -1;
	float8		level = 1;
	float8		greenwood = 0;

	if (shown == NULL)
		return n;
	for (int i = 0; i < n; i++)
	{
		if (shown[i])
		{
			level = pt[i].surv;
			greenwood = pt[i].greenwood;
			last = i;
		}
		else
		{
			pt[i].events = 0;
			pt[i].exit = false;
			pt[i].surv = level;
			pt[i].greenwood = greenwood;
		}
	}
	pfree(shown);
	return last + 1;
}

/* ---------- readers ---------- */

static void
CheckProbability(float8 p, const char *what)
{
	if (isnan(p) || !(p > 0 && p < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be between 0 and 1 (exclusive), not %g", what, p)));
}

/* S(t), as summary(fit, times = t); NULL past the last time */
Datum
surv_at(PG_FUNCTION_ARGS)
{
	Survival   *s = PG_GETARG_SURVIVAL_P(0);
	float8		t = PG_GETARG_FLOAT8(1);
	KMPoint    *pt;
	int			n;
	float8		result = 1;

	if (isnan(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time must not be NaN")));
	if (t > s->times[s->ntimes - 1].time)
		PG_RETURN_NULL();
	pt = survival_curve(s);
	n = survival_publish(pt, s->ntimes);
	if (n == 0 || t > pt[n - 1].time)
		PG_RETURN_NULL();
	for (int i = 0; i < n && pt[i].time <= t; i++)
		result = pt[i].surv;
	PG_RETURN_FLOAT8(result);
}

/*
 * The median as print(survfit) shows it: the first time the curve is at or
 * below one half; where it lies flat at exactly one half, the midpoint
 * between that time and the time it drops below.
 */
Datum
surv_median(PG_FUNCTION_ARGS)
{
	Survival   *s = PG_GETARG_SURVIVAL_P(0);
	KMPoint    *pt = survival_curve(s);
	int			n = survival_publish(pt, s->ntimes);

	for (int i = 0; i < n; i++)
	{
		float8		median = pt[i].time;

		if (!pt[i].exit || !(pt[i].surv < 0.5 + R_TOLERANCE))
			continue;
		if (fabs(pt[i].surv - 0.5) < R_TOLERANCE)
		{
			for (int j = i + 1; j < n; j++)
				if (pt[j].exit && pt[j].surv < pt[i].surv)
				{
					median = (pt[i].time + pt[j].time) / 2;
					break;
				}
		}
		PG_RETURN_FLOAT8(median);
	}
	PG_RETURN_NULL();
}

/*
 * R's approx(z + shift, 1:m, p, method = "constant", f = 1): the index of
 * the node equal to p, else of the first node above it; -1 outside.
 */
static int
StepIndex(const float8 *y, int m, float8 shift, float8 p)
{
	int			i = 0;
	int			j = m - 1;

	if (p < y[i] + shift || p > y[j] + shift)
		return -1;
	while (i < j - 1)
	{
		int			k = (i + j) / 2;

		if (p < y[k] + shift)
			j = k;
		else
			i = k;
	}
	if (p == y[j] + shift)
		return j;
	if (p == y[i] + shift)
		return i;
	return j;
}

/*
 * The p-quantile as quantile.survfit gives it: the time the cumulative
 * probability 1 - S first reaches p; where it lies flat at p (within R's
 * tolerance), the midpoint of that stretch, which for the last stretch ends
 * at the last time.
 */
Datum
surv_quantile(PG_FUNCTION_ARGS)
{
	Survival   *s = PG_GETARG_SURVIVAL_P(0);
	float8		p = PG_GETARG_FLOAT8(1);
	KMPoint    *pt;
	float8	   *x;
	float8	   *y;
	float8		xmax = 0;
	float8		x2;
	int			n;
	int			m = 1;
	int			i1;
	int			i2;

	CheckProbability(p, "probability");
	pt = survival_curve(s);
	n = survival_publish(pt, s->ntimes);
	x = palloc((n + 1) * sizeof(float8));
	y = palloc((n + 1) * sizeof(float8));
	/* the curve starts at time 0 with 1 - S = 0; repeated levels are dropped */
	x[0] = 0;
	y[0] = 0;
	for (int i = 0; i < n; i++)
	{
		if (!pt[i].exit)
			continue;
		xmax = pt[i].time;
		if (1 - pt[i].surv != y[m - 1])
		{
			x[m] = pt[i].time;
			y[m] = 1 - pt[i].surv;
			m++;
		}
	}
	if (y[m - 1] < p)
		PG_RETURN_NULL();
	i1 = StepIndex(y, m, R_TOLERANCE, p);
	i2 = StepIndex(y, m, -R_TOLERANCE, p);
	if (i1 < 0)
		PG_RETURN_NULL();
	if (fabs(p - y[m - 1]) < R_TOLERANCE)
		x2 = xmax;
	else if (i2 < 0)
		PG_RETURN_NULL();
	else
		x2 = x[i2];
	PG_RETURN_FLOAT8((x[i1] + x2) / 2);
}

/* The mean time in state up to tau, as print(fit, rmean = tau) */
Datum
surv_rmean(PG_FUNCTION_ARGS)
{
	Survival   *s = PG_GETARG_SURVIVAL_P(0);
	float8		tau = PG_GETARG_FLOAT8(1);
	KMPoint    *pt;
	long double sum = 0;		/* R's sum() accumulates in long double */
	float8		prev_time = 0;
	float8		prev_surv = 1;
	int			n;

	if (isnan(tau) || isinf(tau) || tau < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("restriction time tau must be a finite number >= 0, not %g", tau)));
	pt = survival_curve(s);
	n = survival_publish(pt, s->ntimes);
	/* under a threshold the published curve ends at its last shown step */
	if (n < s->ntimes && (n == 0 || tau > pt[n - 1].time))
		PG_RETURN_NULL();
	for (int i = 0; i < n && pt[i].time <= tau; i++)
	{
		if (!pt[i].exit)
			continue;
		sum += (pt[i].time - prev_time) * prev_surv;
		prev_time = pt[i].time;
		prev_surv = pt[i].surv;
	}
	sum += (tau - prev_time) * prev_surv;
	PG_RETURN_FLOAT8((float8) sum);
}

typedef enum ConfType
{
	CONF_LOG,
	CONF_LOG_LOG,
	CONF_PLAIN
} ConfType;

static ConfType
ParseConfType(const char *name)
{
	static const char *const names[] = {"log", "log-log", "plain", NULL};

	return (ConfType) jobreg_keyword(name, "confidence interval type", names,
									 "Use 'log', 'log-log' or 'plain', as in R's survfit.");
}

/*
 * survfit_confint: the interval for estimate p whose log has standard error
 * se, at normal quantile z.  false where R gives NA or NaN: log intervals
 * need p > 0, log-log intervals 0 < p < 1; plain intervals are clipped to
 * [0, 1].
 */
static bool
ConfInterval(ConfType type, float8 p, float8 se, float8 z, float8 *lower, float8 *upper)
{
	float8		w;

	switch (type)
	{
		case CONF_LOG:
			if (p == 0)
				return false;
			w = z * se;
			*lower = exp(log(p) - w);
			*upper = Min(exp(log(p) + w), 1.0);
			break;
		case CONF_LOG_LOG:
			if (p == 0 || p == 1)
				return false;
			w = z * se / log(p);
			*lower = exp(-exp(log(-log(p)) - w));
			*upper = exp(-exp(log(-log(p)) + w));
			break;
		case CONF_PLAIN:
			w = se * p * z;
			if (isnan(w))
				return false;
			*lower = Max(p - w, 0.0);
			*upper = Min(p + w, 1.0);
			break;
		default:
			return false;		/* not reached: ParseConfType gives the three */
	}
	return !isnan(*lower) && !isnan(*upper);
}

/* the variance surv_table gives */
typedef enum VarianceType
{
	VAR_AUTO,
	VAR_GREENWOOD,
	VAR_ROBUST
} VarianceType;

static VarianceType
ParseVariance(const char *name)
{
	static const char *const names[] = {"auto", "greenwood", "robust", NULL};

	return (VarianceType) jobreg_keyword(name, "variance", names,
										 "Use 'auto' (R's default), 'greenwood' or 'robust'.");
}

/*
 * Whether surv_table uses the robust variance: asked for, or by default
 * (auto) when a row's weight is not a whole number, as R's survfit.  A
 * version 1 state has no squared weights: Greenwood by default, an error
 * when robust is asked for.  With delayed entries the robust variance is
 * not a sum over the times, and the state cannot give it: an error.
 */
static bool
UseRobust(const Survival *s, VarianceType variance)
{
	const SurvSquares *sq = SURV_SQUARES(s);
	bool		nonint = false,
				delayed = false;

	if (variance == VAR_GREENWOOD)
		return false;
	if (sq == NULL)
	{
		if (variance == VAR_AUTO)
			return false;
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("this survival state has no squared weights for the robust variance"),
				 errdetail("States of format version 1 (made by jobreg 0.1.0, or merged with one) keep the weights but not their squares."),
				 errhint("Rebuild the state from the rows with survival(), or ask for variance => 'greenwood'.")));
	}
	for (int i = 0; i < s->ntimes; i++)
	{
		nonint |= sq[i].nonint_rows > 0;
		delayed |= s->times[i].rows_in > 0;
	}
	if (variance == VAR_AUTO && !nonint)
		return false;
	if (delayed)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("the robust variance of a survival state with delayed entries is not available"),
				 errdetail("With delayed entry a row's influence depends on its pair of entry and exit times, which the state does not keep%s.",
						   variance == VAR_AUTO ? "; R's default for these non-integer weights would be the robust variance" : ""),
				 errhint("Ask for variance => 'greenwood'.")));
	return true;
}

/*
 * The robust (infinitesimal jackknife) variance of log S at each time, R's
 * survfit default with non-integer weights (survival's survfitkm.c, each
 * row its own cluster), into pt[].robust.  Row k's influence on S(t) is
 * S(t) A_k(t), with A_k(t) = w_k (sum over event times j <= t at which k
 * is at risk of h_j e_j, less e_j at its own event), h_j = d_j / n_j and
 * e_j = 1 / (n_j - d_j).  So A_k(t) = w_k G(min(t, T_k)) - [event] w_k
 * e_(T_k), G being Greenwood's sum, and the sum of A_k(t)^2 over the rows
 * is G(t)^2 times the squared weights leaving after t, plus, over the
 * times j <= t, G(j)^2 times the squared weights censored at j and
 * (G(j) - e_j)^2 times those of the events at j: per time sums of squared
 * weights, which the state keeps.  Without delayed entries only.
 */
static void
RobustVariance(const Survival *s, KMPoint *pt)
{
	const SurvSquares *sq = SURV_SQUARES(s);
	float8		later = 0;		/* squared weights leaving after time i */
	float8		left = 0;		/* the rows' terms of the times up to i */
	float8	   *after = palloc(sizeof(float8) * s->ntimes);

	for (int i = s->ntimes - 1; i >= 0; i--)
	{
		after[i] = later;
		later += sq[i].sq_events + sq[i].sq_censored;
	}
	for (int i = 0; i < s->ntimes; i++)
	{
		float8		g = pt[i].greenwood;

		left += sq[i].sq_censored * g * g;
		if (pt[i].events > 0)
		{
			float8		e = 1 / (pt[i].n_risk - pt[i].events);

			left += sq[i].sq_events * (g - e) * (g - e);
		}
		pt[i].robust = pt[i].surv > 0 ? g * g * after[i] + left : 0;
	}
	pfree(after);
}

/*
 * The rows of summary(survfit(...)): one per time with events, censorings
 * counted since the previous such row.  With a threshold m > 0 in force
 * (jobreg.min_cell), consecutive steps are merged into one row until they
 * hold m persons with an event and m at risk (survival_shown_steps): the row
 * has the time of its last step, the number at risk at its first, the events
 * of all and the curve after the last.  The steps after the last such group
 * come as one row with every column NULL, so no withheld step shows its time.
 */
Datum
surv_table(PG_FUNCTION_ARGS)
{
	Survival   *s = PG_GETARG_SURVIVAL_P(0);
	ConfType	type = ParseConfType(text_to_cstring(PG_GETARG_TEXT_PP(1)));
	float8		level = PG_GETARG_FLOAT8(2);
	bool		robust = UseRobust(s, PG_NARGS() > 3 ? ParseVariance(text_to_cstring(PG_GETARG_TEXT_PP(3)))
								   : VAR_AUTO);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	KMPoint    *pt;
	bool	   *shown;
	float8		z;
	float8		censored = 0;
	float8		events = 0;
	int			first = -1;

	CheckProbability(level, "confidence level");
	z = jobreg_qnorm(1 - (1 - level) / 2);
	InitMaterializedSRF(fcinfo, 0);
	pt = survival_curve(s);
	shown = survival_shown_steps(pt, s->ntimes);
	if (robust)
		RobustVariance(s, pt);
	for (int i = 0; i < s->ntimes; i++)
	{
		Datum		values[8];
		bool		nulls[8] = {false};
		float8		se = sqrt(robust ? pt[i].robust : pt[i].greenwood);
		float8		lower;
		float8		upper;

		CHECK_FOR_INTERRUPTS();
		censored += pt[i].censored;
		if (!(pt[i].events > 0))
			continue;
		if (first < 0)
			first = i;
		events += pt[i].events;
		if (shown != NULL && !shown[i])
			continue;
		values[0] = Float8GetDatum(pt[i].time);
		values[1] = Float8GetDatum(pt[first].n_risk);
		values[2] = Float8GetDatum(events);
		values[3] = Float8GetDatum(censored);
		values[4] = Float8GetDatum(pt[i].surv);
		values[5] = Float8GetDatum(se * pt[i].surv);
		nulls[5] = isnan(se * pt[i].surv);
		if (ConfInterval(type, pt[i].surv, se, z, &lower, &upper))
		{
			values[6] = Float8GetDatum(lower);
			values[7] = Float8GetDatum(upper);
		}
		else
			nulls[6] = nulls[7] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		censored = 0;
		events = 0;
		first = -1;
	}
	if (first >= 0)
	{
		/* steps withheld at the end: one row saying so, nothing else */
		Datum		values[8] = {0};
		bool		nulls[8] = {true, true, true, true, true, true, true, true};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
