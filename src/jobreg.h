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

/* ---------- settings (jobreg.c) ---------- */

/* jobreg.min_cell: figures resting on fewer persons are suppressed (0 = off) */
extern int	jobreg_min_cell;

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
#define DatumGetSurvivalP(X) ((Survival *) PG_DETOAST_DATUM(X))
#define PG_GETARG_SURVIVAL_P(n) DatumGetSurvivalP(PG_GETARG_DATUM(n))

/*
 * A growing state.  Whole-number times below SURV_DENSE_LIMIT (weeks, days)
 * are slots of a directly indexed array; other times live in an
 * open-addressing hash table.  An empty slot has rows_out == rows_in == 0.
 */
#define SURV_DENSE_LIMIT 1024

typedef struct SurvAccum
{
	int32		ntimes;			/* filled slots, in both parts */
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

extern void surv_accum_init(SurvAccum *acc, MemoryContext cxt);
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

#endif							/* JOBREG_H */
