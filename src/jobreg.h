/*
 * src/jobreg.h
 *		Shared declarations of the jobreg extension.
 *
 * Every PostgreSQL version conditional of the extension lives in this file.
 */
#ifndef JOBREG_H
#define JOBREG_H

#include "fmgr.h"
#include "utils/date.h"

/* ---------- version compatibility ---------- */

#if PG_VERSION_NUM < 150000
#error "jobreg requires PostgreSQL 15 or later"
#endif

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#define JOBREG_RANGE_SERIALIZE(tc, lo, up, empty) \
	range_serialize((tc), (lo), (up), (empty), NULL)
#define JOBREG_MAKE_RANGE(tc, lo, up, empty) \
	make_range((tc), (lo), (up), (empty), NULL)
#else
#define JOBREG_RANGE_SERIALIZE(tc, lo, up, empty) \
	range_serialize((tc), (lo), (up), (empty))
#define JOBREG_MAKE_RANGE(tc, lo, up, empty) \
	make_range((tc), (lo), (up), (empty))
#endif

/* ---------- settings, aggregate states, reference tables (jobreg.c) ---------- */

/* jobreg.min_cell: figures resting on fewer persons are suppressed (0 = off) */
extern int	jobreg_min_cell;

/* The memory context for a new expanded-object state of an aggregate */
extern MemoryContext jobreg_state_context(FunctionCallInfo fcinfo);

/*
 * What a function read from one of the extension's reference tables, kept
 * in fn_extra while a new read would see the same rows (see jobreg.c).
 * data is NULL when the table must be read (again), into cxt.
 */
typedef struct TableCache
{
	void	   *data;
	MemoryContext cxt;
	/* the snapshot of the read: transaction, command, the xids it sees as running */
	LocalTransactionId lxid;
	CommandId	curcid;
	TransactionId xmin;
	TransactionId xmax;
	uint32		xcnt;
	int32		subxcnt;
	TransactionId *xids;		/* xip, then subxip, in cxt */
} TableCache;

extern TableCache *jobreg_table_cache(FunctionCallInfo fcinfo);

/*
 * After SPI_connect, runs the read-only "SELECT select FROM <schema>.table
 * rest" on a reference table of the schema function fn_oid lives in, with
 * $1 = textarg when textarg is not NULL; the caller reads SPI_tuptable and
 * calls SPI_finish.
 */
extern void jobreg_select_reference(Oid fn_oid, const char *select, const char *table,
									const char *rest, const char *textarg);

/* ---------- isoweek (isoweek.c) ---------- */

/*
 * An isoweek is the number of ISO weeks since 2000-W01 (Monday 2000-01-03),
 * so that order and arithmetic are plain integer order and arithmetic.
 * Valid years are 0001 to 9999.
 */
typedef int32 IsoWeek;

#define ISOWEEK_MIN_YEAR 1
#define ISOWEEK_MAX_YEAR 9999

#define DatumGetIsoWeek(X)	((IsoWeek) DatumGetInt32(X))
#define IsoWeekGetDatum(X)	Int32GetDatum(X)
#define PG_GETARG_ISOWEEK(n) DatumGetIsoWeek(PG_GETARG_DATUM(n))
#define PG_RETURN_ISOWEEK(x) return IsoWeekGetDatum(x)

extern IsoWeek isoweek_min_value(void);
extern IsoWeek isoweek_max_value(void);
extern IsoWeek isoweek_from_date(DateADT d);
extern IsoWeek isoweek_from_year_week(int year, int week);
extern DateADT isoweek_monday_date(IsoWeek w);
extern void isoweek_split(IsoWeek w, int *year, int *week);
extern IsoWeek isoweek_checked(int64 w);
extern void isoweek_format(IsoWeek w, char *buf);	/* buf: ISOWEEK_TEXT_LEN */

#define ISOWEEK_TEXT_LEN 16

/* ---------- weekline (weekline.c) ---------- */

#include "lib/stringinfo.h"
#include "utils/array.h"

/*
 * A weekline is one person's weekly codes over a span of consecutive weeks,
 * run-length encoded.  Code 0 means no code that week.  Values are read with
 * PG_GETARG_WEEKLINE_P (packed: short varlena headers are not copied) and
 * walked run by run with a WeeklineReader; nothing is expanded per week.
 */
#define PG_GETARG_WEEKLINE_P(n) ((struct varlena *) PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n)))
#define PG_RETURN_WEEKLINE_P(x) PG_RETURN_POINTER(x)

typedef struct WeeklineRun
{
	IsoWeek		start;			/* first week of the run */
	int32		length;			/* weeks, at least 1 */
	int32		code;			/* 0 = no code */
} WeeklineRun;

typedef struct WeeklineReader
{
	const uint8 *pos;			/* next encoded run */
	const uint8 *end;
	IsoWeek		next;			/* start of the next run; the end of the span once all are read */
	IsoWeek		stop;			/* the week after the last valid week: no run passes it */
} WeeklineReader;

/*
 * The most runs (changes of code) of a weekline, and the most rows one
 * weekline_agg may collect (doc/limits.md).  A weekline's span is bounded
 * by the isoweek range anyway (about 521,700 weeks); these keep a value
 * and the aggregate's state small.  Overridable at compile time so that
 * the fuzz harness can reach them.
 */
#ifndef WEEKLINE_MAX_RUNS
#define WEEKLINE_MAX_RUNS 100000
#endif
#ifndef WEEKLINE_AGG_MAX_ROWS
#define WEEKLINE_AGG_MAX_ROWS 1048576
#endif

/* false for the empty weekline; then weekline_next gives nothing */
extern bool weekline_reader_init(WeeklineReader *r, const struct varlena *wl);
extern uint32 weekline_read_varint(WeeklineReader *r);
extern void weekline_corrupt(void) pg_attribute_noreturn();

/*
 * The next varint.  Codes and run lengths below 16384 take one or two bytes
 * and are read here, inline in every reader's loop; longer ones by the
 * general function.
 */
static inline uint32
weekline_varint(WeeklineReader *r)
{
	const uint8 *p = r->pos;

	if (likely(p < r->end && p[0] < 0x80))
	{
		r->pos = p + 1;
		return p[0];
	}
	if (likely(r->end - p >= 2 && p[1] < 0x80))
	{
		r->pos = p + 2;
		return (p[0] & 0x7F) | ((uint32) p[1] << 7);
	}
	return weekline_read_varint(r);
}

/* The next run; false after the last */
static inline bool
weekline_next(WeeklineReader *r, WeeklineRun *run)
{
	if (r->pos >= r->end)
		return false;
	run->code = (int32) weekline_varint(r);
	run->length = (int32) weekline_varint(r);
	if (unlikely(run->code < 0 || run->length < 1 || run->length > r->stop - r->next))
		weekline_corrupt();
	run->start = r->next;
	r->next += run->length;
	return true;
}

/* Span [*first, *end); false (and nothing set) for the empty weekline */
extern bool weekline_span(const struct varlena *wl, IsoWeek *first, IsoWeek *end);

/* Building a weekline from runs in week order */
typedef struct WeeklineBuilder
{
	StringInfoData buf;			/* the encoded value, varlena header first */
	IsoWeek		first;
	int64		weeks;			/* weeks added so far */
	int32		nruns;			/* runs encoded so far */
	int32		code;			/* the pending run, not yet encoded */
	int32		length;			/* 0 while there is no pending run */
	bool		merge;			/* merge equal adjacent codes, else an error */
	int			sqlstate;	/* SQLSTATE for malformed runs */
} WeeklineBuilder;

extern void weekline_builder_init(WeeklineBuilder *b, IsoWeek first, bool merge, int sqlstate);
extern void weekline_builder_add(WeeklineBuilder *b, int32 code, int64 length);
extern struct varlena *weekline_builder_finish(WeeklineBuilder *b);

/*
 * A set of codes (an int[] argument), sorted for binary search.  A benefit
 * group's codes lie close together (1101, 1102, 1111, 1112), so when all are
 * within 64 of the smallest the set is also a bit mask, tested in one step.
 */
typedef struct WeeklineCodes
{
	int			n;
	int32	   *codes;
	int32		lo;				/* the smallest code */
	uint64		mask;			/* bit c - lo for each code c; 0 when not used */
} WeeklineCodes;

/* Rejects NULL elements; the set lives in the current memory context */
extern void weekline_codes_from_array(ArrayType *arr, WeeklineCodes *set);
extern bool weekline_codes_search(const WeeklineCodes *set, int32 code);

static inline bool
weekline_codes_contain(const WeeklineCodes *set, int32 code)
{
	uint32		offset = (uint32) code - (uint32) set->lo;	/* wraps below lo */

	if (set->mask != 0)
		return offset < 64 && ((set->mask >> offset) & 1) != 0;
	return weekline_codes_search(set, code);
}

/* The code set of an int[] argument, cached in fn_extra across rows */
extern const WeeklineCodes *weekline_codes_argument(FunctionCallInfo fcinfo, int argno);

/* Weeks of [from, to) whose code is in the set (PG_INT32_MIN/MAX for open ends) */
extern int32 weekline_weeks_on(const struct varlena *wl, const WeeklineCodes *set,
							   IsoWeek from, IsoWeek to);

/* A weekrange as [*from, *to), open ends PG_INT32_MIN/MAX; false when empty */
extern bool weekline_period_bounds(Datum range, IsoWeek *from, IsoWeek *to);

/* Spells: maximal runs of weeks on the codes, bridging breaks of up to max_gap weeks */
typedef struct WeeklineSpell
{
	IsoWeek		first;			/* first week on the codes */
	IsoWeek		end;			/* the week after the last week on the codes */
	int32		weeks;			/* weeks on the codes, bridged breaks excluded */
	int32		prior_gap;		/* weeks since the previous spell ended; -1 if none */
	int32		exit_code;		/* code of week `end`; -1 when right-censored */
	bool		left_censored;	/* starts at the first week of the span */
	bool		right_censored; /* ends at the last week of the span */
} WeeklineSpell;

typedef struct WeeklineSpellIter
{
	WeeklineReader reader;
	const WeeklineCodes *codes;
	int32		max_gap;
	IsoWeek		span_first;
	IsoWeek		last_start;		/* no spell starting after this week is wanted */
	bool		have_pending;	/* a run on the codes that starts the next spell */
	WeeklineRun pending;
	bool		have_prev;
	IsoWeek		prev_end;
} WeeklineSpellIter;

extern void weekline_spells_begin(WeeklineSpellIter *it, const struct varlena *wl,
								  const WeeklineCodes *codes, int32 max_gap);
extern bool weekline_spells_next(WeeklineSpellIter *it, WeeklineSpell *spell);

/* The spell holding week `at`; false when `at` is in no spell */
extern bool weekline_spell_containing(const struct varlena *wl, const WeeklineCodes *codes,
									  int32 max_gap, IsoWeek at, WeeklineSpell *spell);

/* isoweek's input function, used to read the first week of a weekline's text form */
extern Datum isoweek_in(PG_FUNCTION_ARGS);
extern Datum dream_week(PG_FUNCTION_ARGS);

/* ---------- Jobindsats measures (fuldtid.c, aktivering.c, grouptest.c) ---------- */

/* day intervals [lo, hi) of dateranges (fuldtid.c) */
extern bool jobreg_daterange_days(Datum range, DateADT wlo, DateADT whi,
								  DateADT *lo, DateADT *hi);
extern DateADT *jobreg_datemultirange_days(Datum multirange, DateADT wlo, DateADT whi,
										   int *n);
extern void jobreg_period_days(Datum range, DateADT *lo, DateADT *hi);

/* float8[] aggregate states and compensated sums (fuldtid.c) */
struct ArrayType;
extern float8 *jobreg_float8_state(struct ArrayType *state, int len);
extern struct ArrayType *jobreg_float8_state_arg(FunctionCallInfo fcinfo, int argno, int len);
extern void jobreg_sum_add(float8 *sum, float8 *comp, float8 v);

/*
 * Distribution functions (grouptest.c), accurate to about 1e-13 relative
 * in both tails; NaN for invalid parameters.
 */
extern double jobreg_pchisq(double x, double df, bool lower_tail);
extern double jobreg_pchisq_upper(double x, double df);
extern double jobreg_pt(double t, double df, bool lower_tail);
extern double jobreg_pnorm(double z, bool lower_tail);
extern double jobreg_qt(double p, double df);
extern double jobreg_qnorm(double p);

/* ---------- survival (survival.c, logrank.c, svg.c) ---------- */

#include "lib/stringinfo.h"

/*
 * A survival state holds, per distinct time, the weighted events,
 * censorings and (delayed) entries at that time, and the unweighted number
 * of rows leaving and entering there (for disclosure control).  Rows that
 * enter at a time are at risk only after it (entry < t <= exit).
 */
typedef struct SurvTime
{
	float8		time;
	float8		events;			/* weighted events at this time */
	float8		censored;		/* weighted censorings at this time */
	float8		entered;		/* weighted delayed entries at this time */
	int64		rows_out;		/* rows whose exit (event or censoring) is here */
	int64		rows_in;		/* rows whose delayed entry is here */
} SurvTime;

/* The on-disk (flat) form: times in strictly increasing order */
typedef struct Survival
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* SURVIVAL_VERSION */
	uint8		pad[3];
	int32		ntimes;			/* at least 1 */
	int32		pad2;
	SurvTime	times[FLEXIBLE_ARRAY_MEMBER];
} Survival;

#define SURVIVAL_VERSION 1
#define SURVIVAL_SIZE(n) (offsetof(Survival, times) + (Size) (n) * sizeof(SurvTime))

/*
 * The most distinct times a survival state holds, and a logrank_state in all
 * its groups together (doc/limits.md): 48 MB flat, at most 136 MB as text.
 * Overridable at compile time so that the fuzz harness can reach it.
 */
#ifndef SURVIVAL_MAX_TIMES
#define SURVIVAL_MAX_TIMES 1000000
#endif

/* Raises 54000 when a state would hold more than SURVIVAL_MAX_TIMES times */
extern void survival_check_times(int64 ntimes);

/*
 * Every reader of a stored survival goes through here: detoasted, and its
 * header checked against its size (XX001 otherwise) before anything is read.
 */
extern Survival *survival_from_datum(Datum d);
/* The same check of a flat state embedded in a larger value of size avail */
extern void survival_check_flat(const Survival *s, Size avail);

#define DatumGetSurvivalP(X) survival_from_datum(X)
#define PG_GETARG_SURVIVAL_P(n) DatumGetSurvivalP(PG_GETARG_DATUM(n))

/*
 * A growing state.  Whole-number times below SURV_DENSE_LIMIT (weeks, days)
 * are slots of a directly indexed array once it would be at least half
 * full; other times live in an open-addressing hash table, and no time is
 * in both.  An empty slot has rows_out == rows_in == 0.
 */
#define SURV_DENSE_LIMIT 1024

typedef struct SurvAccum
{
	int32		ntimes;			/* filled slots, in both parts */
	int32	   *state_times;	/* distinct times of the whole state when
								 * several accumulators make one (logrank),
								 * else NULL: then it is ntimes */
	int32		nhashed;		/* filled slots of the hash table */
	int32		shift;			/* 64 - log2(hash table capacity) */
	int32		ndense;			/* length of dense */
	SurvTime   *slots;			/* the hash table */
	SurvTime   *dense;			/* dense[t] for whole-number times t */
	MemoryContext cxt;
} SurvAccum;

/*
 * In a transition function: a row with a NULL among arguments first..last
 * is skipped, the state (argument 0) passing through unchanged.
 */
#define SURV_SKIP_ROW_IF_NULL(first, last) \
	do { \
		for (int a_ = (first); a_ <= (last); a_++) \
			if (PG_ARGISNULL(a_)) \
			{ \
				if (PG_ARGISNULL(0)) \
					PG_RETURN_NULL(); \
				PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
			} \
	} while (0)

extern void surv_accum_init(SurvAccum *acc, MemoryContext cxt, int32 *state_times);
extern void surv_accum_exit(SurvAccum *acc, float8 time, bool event, float8 weight);
extern void surv_accum_merge(SurvAccum *acc, const Survival *s);
extern Size surv_accum_flat_size(const SurvAccum *acc);
extern void surv_accum_flatten(const SurvAccum *acc, Survival *result);
extern float8 surv_check_time(float8 t, const char *what);

/* text and binary forms of one state (shared with the logrank state) */
extern void survival_format(StringInfo buf, const Survival *s);
extern Survival *survival_parse(const char *str, const char **endptr, const char *whole);
extern void survival_send_body(StringInfo buf, const Survival *s);
extern Survival *survival_recv_body(StringInfo buf);

/* The Kaplan-Meier curve of a state, one point per time of the state */
typedef struct KMPoint
{
	float8		time;
	float8		n_risk;			/* weighted number at risk */
	int64		persons;		/* rows at risk, for disclosure control */
	float8		events;
	float8		censored;
	bool		exit;			/* a time R's survfit reports (some row leaves) */
	float8		surv;			/* product-limit estimate just after the time */
	float8		greenwood;		/* sum of d / (n (n - d)): variance of log surv */
} KMPoint;

extern KMPoint *survival_curve(const Survival *s);

/* ---------- mutants (scripts/run-mutation.sh) ---------- */

/*
 * Built with -DJOBREG_MUTANT=n, jobreg reads or returns wrong values on
 * purpose, so that scripts/run-mutation.sh can show that the oracle tests
 * notice:
 *   1  every float8 a function returns, alone or as a column of a row or a
 *      set, is NULL;
 *   2  every float8 made into a Datum is off by a relative 1e-6;
 *   3  the weekline reader sees every nonzero code as the next code.
 * Every source includes this header last, so the macros below replace the
 * server's in all of jobreg's own code and nowhere else.
 */
#if defined(JOBREG_MUTANT) && JOBREG_MUTANT == 1
#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "utils/tuplestore.h"

/* the float8 columns of a row to be formed are NULL */
static inline void
jobreg_mutant_null_float8(TupleDesc desc, bool *nulls)
{
	for (int i = 0; i < desc->natts; i++)
		if (TupleDescAttr(desc, i)->atttypid == FLOAT8OID)
			nulls[i] = true;
}

static inline HeapTuple
jobreg_mutant_form_tuple(TupleDesc desc, Datum *values, bool *nulls)
{
	jobreg_mutant_null_float8(desc, nulls);
	return heap_form_tuple(desc, values, nulls);
}

static inline void
jobreg_mutant_putvalues(Tuplestorestate *ts, TupleDesc desc, Datum *values, bool *nulls)
{
	jobreg_mutant_null_float8(desc, nulls);
	tuplestore_putvalues(ts, desc, values, nulls);
}

#undef PG_RETURN_FLOAT8
#define PG_RETURN_FLOAT8(x) do { (void) (x); PG_RETURN_NULL(); } while (0)
#define heap_form_tuple(desc, values, nulls) jobreg_mutant_form_tuple(desc, values, nulls)
#define tuplestore_putvalues(ts, desc, values, nulls) jobreg_mutant_putvalues(ts, desc, values, nulls)

#elif defined(JOBREG_MUTANT) && JOBREG_MUTANT == 2
/* defined before the macro, so it calls the server's Float8GetDatum */
static inline Datum
jobreg_mutant_float8(float8 x)
{
	return Float8GetDatum(x * (1 + 1e-6));
}
#define Float8GetDatum(x) jobreg_mutant_float8(x)

#elif defined(JOBREG_MUTANT) && JOBREG_MUTANT == 3
static inline bool
jobreg_mutant_next(WeeklineReader *r, WeeklineRun *run)
{
	if (!weekline_next(r, run))
		return false;
	if (run->code != 0)
		run->code++;
	return true;
}
#define weekline_next(r, run) jobreg_mutant_next(r, run)

#elif defined(JOBREG_MUTANT)
#error "JOBREG_MUTANT must be 1, 2 or 3"
#endif

#endif							/* JOBREG_H */
