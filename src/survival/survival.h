/*
 * src/survival/survival.h
 *		The survival layer: the mergeable Kaplan-Meier state (survival.c),
 *		the log-rank test (logrank.c), competing risks (cuminc.c), Gray's
 *		test (graytest.c) and multi-state flows (flow.c, flow.h).
 */
#ifndef JOBREG_SURVIVAL_H
#define JOBREG_SURVIVAL_H

#include "history/history.h"
#include "stats/stats.h"

/* ---------- survival (survival/survival.c; read by logrank.c and present/svg.c) ---------- */

#include "common/hashfn.h"
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

/*
 * Format version 2 adds, per time, what the robust (infinitesimal
 * jackknife) variance needs: the sums of squared weights of the events and
 * of the censorings, and the rows with a weight that is not a whole number
 * (R's survfit uses the robust variance by default when there is one).
 */
typedef struct SurvSquares
{
	float8		sq_events;		/* sum of squared weights of the events */
	float8		sq_censored;	/* sum of squared weights of the censorings */
	float8		nonint_rows;	/* rows leaving here whose weight is not whole */
} SurvSquares;

/*
 * The on-disk (flat) form: times in strictly increasing order; version 2
 * has the squares of each time after the times, version 1 (jobreg 0.1.0,
 * and the states embedded in logrank states) has none.
 */
typedef struct Survival
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* SURVIVAL_VERSION or SURVIVAL_VERSION_SQUARES */
	uint8		pad[3];
	int32		ntimes;			/* at least 1 */
	int32		pad2;
	SurvTime	times[FLEXIBLE_ARRAY_MEMBER];
} Survival;

#define SURVIVAL_VERSION 1
#define SURVIVAL_VERSION_SQUARES 2
#define SURVIVAL_SIZE(n) (offsetof(Survival, times) + (Size) (n) * sizeof(SurvTime))
#define SURVIVAL_SIZE_SQUARES(n) (SURVIVAL_SIZE(n) + (Size) (n) * sizeof(SurvSquares))
/* the squares of a version 2 state, NULL for version 1 */
#define SURV_SQUARES(s) ((s)->version == SURVIVAL_VERSION_SQUARES ? \
						 (SurvSquares *) ((char *) (s) + SURVIVAL_SIZE((s)->ntimes)) : NULL)

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
 * full; other times live in a hash table (lib/simplehash.h), and no time is
 * in both.  An empty slot of the array has rows_out == rows_in == 0.
 */
#define SURV_DENSE_LIMIT 1024

typedef struct SurvSlot
{
	SurvTime	t;
	SurvSquares q;
} SurvSlot;

typedef struct SurvAccum
{
	bool		squares;		/* keep the squares (a survival state, not logrank) */
	bool		squares_lost;	/* a version 1 state was merged in: flatten as version 1 */
	int32		ntimes;			/* times held, in both parts */
	int32	   *state_times;	/* distinct times of the whole state when
								 * several accumulators make one (logrank),
								 * else NULL: then it is ntimes */
	int32		ndense;			/* length of dense */
	struct surv_hash_hash *hashed;	/* the hash table (survival.c), or NULL */
	SurvSlot   *dense;			/* dense[t] for whole-number times t */
	MemoryContext cxt;
} SurvAccum;

/* The hash of a time in simplehash tables (survival.c, cuminc.c) */
static inline uint32
surv_hash_time(float8 time)
{
	uint64		bits;

	memcpy(&bits, &time, sizeof(bits));
	return murmurhash32((uint32) bits ^ (uint32) (bits >> 32));
}

extern void surv_accum_init(SurvAccum *acc, MemoryContext cxt, int32 *state_times);
extern void surv_accum_exit(SurvAccum *acc, float8 time, bool event, float8 weight);
extern void surv_accum_merge(SurvAccum *acc, const Survival *s);
/* Takes s out again; false (acc unchanged) when that would not be exact */
extern bool surv_accum_subtract(SurvAccum *acc, const Survival *s);
extern Size surv_accum_flat_size(const SurvAccum *acc);
extern void surv_accum_flatten(const SurvAccum *acc, Survival *result);
extern float8 surv_check_time(float8 t, const char *what);

/* u' v^-1 u for a k x k covariance matrix v (overwritten), NaN when singular (logrank.c) */
extern float8 surv_quadratic_form(float8 *v, const float8 *u, int k);

/* Group labels of the logrank and gray states (logrank.c) */
extern int	surv_compare_labels(const char *a, int32 alen, const char *b, int32 blen);
extern void surv_format_label(StringInfo buf, const char *label, int32 len);
extern void surv_send_label(StringInfo buf, const char *label, int32 len);
extern char *surv_recv_label(StringInfo buf, const char *invalid,
							 void (*check_length) (int64 len), int32 *lenp);

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
	int64		persons;		/* persons at risk (jobreg_persons), for disclosure control */
	int64		event_persons;	/* persons with an event at the time, likewise */
	float8		events;
	float8		censored;
	bool		exit;			/* a time R's survfit reports (some row leaves) */
	float8		surv;			/* product-limit estimate just after the time */
	float8		greenwood;		/* sum of d / (n (n - d)): variance of log surv */
	float8		robust;			/* the robust variance of log surv (NaN unless asked for) */
} KMPoint;

extern KMPoint *survival_curve(const Survival *s);

/*
 * Disclosure control of a curve: which of its points are steps that may be
 * shown under the threshold in force (true at the last point of each group
 * of consecutive steps with enough persons; doc/disclosure.md).  NULL when
 * the threshold is off.  survival_publish makes a curve the published one:
 * the steps not shown flattened, the curve cut after the last shown step.
 */
extern bool *survival_shown_steps(const KMPoint *pt, int n);
extern int	survival_publish(KMPoint *pt, int n);

#endif							/* JOBREG_SURVIVAL_H */
