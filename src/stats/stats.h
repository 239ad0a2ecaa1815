/*
 * src/stats/stats.h
 *		The statistics layer: distribution functions (distributions.c),
 *		compensated sums and float8[] aggregate states (sums.c), the group
 *		comparisons prop_test and welch_test (grouptest.c), paired tests
 *		(paired.c), smr (smr.c), nearest-neighbour matching (matching.c), and
 *		the regression type with its logistic, Poisson and Cox models
 *		(regression.c; the fits in glm.c and cox.c).  Nothing here knows about
 *		weeks or benefits.
 */
#ifndef JOBREG_STATS_H
#define JOBREG_STATS_H

#include "core/core.h"

/*
 * float8[] aggregate states and compensated sums (stats/sums.c).
 *
 * The aggregates that keep a few sums (fuldtidspersoner,
 * anciennitet_fordeling, andel_inden_for, the activation ratios, prop_test,
 * welch_test) have a float8[] state at SQL level.  Their states are plain
 * numbers, so a float8[] serves them as a real type: PostgreSQL combines it
 * in parallel plans and Citus in partial aggregation, rollup tables store
 * it, and it needs no serialization functions (no pq_send*).  It is also
 * what 0.1.0 declared: users' views over these aggregates survive the
 * upgrade only while the state type stays as it is.
 *
 * In C each such state is a struct of float8 fields, with a StaticAssertDecl
 * that its size is that number of float8s (no padding), seen over the
 * array's data through JOBREG_STATE, which checks the array first.  A
 * transition function takes its writable array from jobreg_state_arg and
 * updates the struct in place.
 */
struct ArrayType;
extern void *jobreg_float8_state(struct ArrayType *state, int len);
extern struct ArrayType *jobreg_state_arg(FunctionCallInfo fcinfo, int argno);
extern struct ArrayType *jobreg_float8_array_zeroed(int nelems);
extern void jobreg_sum_add(float8 *sum, float8 *comp, float8 v);

/* The state struct `type` over the float8[] `array`, checked */
#define JOBREG_STATE(type, array) \
	((type *) jobreg_float8_state((array), sizeof(type) / sizeof(float8)))

/*
 * Distribution functions (stats/distributions.c), accurate to about 1e-13 relative
 * in both tails; NaN for invalid parameters.
 */
extern double jobreg_pchisq(double x, double df, bool lower_tail);
extern double jobreg_pchisq_upper(double x, double df);
extern double jobreg_pt(double t, double df, bool lower_tail);
extern double jobreg_pnorm(double z, bool lower_tail);
extern double jobreg_qt(double p, double df);
/* the standard normal quantile (Wichura's AS 241, as R's qnorm) */
extern double jobreg_qnorm(double p);
/* Poisson probability and distribution function (x whole), gamma quantile (scale 1) */
extern double jobreg_dpois(double x, double lambda);
extern double jobreg_ppois(double x, double lambda, bool lower_tail);
extern double jobreg_qgamma(double p, double shape, bool lower_tail);

/*
 * Observed against expected (stats/smr.c): out = ratio, lower, upper,
 * p_value of R's poisson.test(observed, T = expected), errors as smr; and
 * the funnel limits at an expected count, the (continuous) observed counts
 * at which that interval at conf just reaches a ratio of 1 (relative
 * precision tol).
 */
extern void jobreg_smr(double observed, double expected, double conf, double *out);
extern void jobreg_smr_limits(double expected, double conf, double tol, double *low, double *high);

/*
 * The moments of a sample (stats/grouptest.c): the count, the sum of the
 * values (compensated, so that the mean is exact to a rounding however
 * many rows there are) and the sum of squared deviations from the mean,
 * updated by Welford's method and merged by the formula of Chan, Golub and
 * LeVeque.  welch_test keeps one per group, paired_t one of the
 * differences.
 */
typedef struct WelchGroup
{
	float8		n;
	float8		sum;
	float8		comp;			/* Neumaier's compensation of sum */
	float8		m2;				/* Σ (x - mean)² */
} WelchGroup;

extern void jobreg_moments_add(WelchGroup *s, double x);
extern void jobreg_moments_merge(WelchGroup *s, const WelchGroup *t);
extern double jobreg_moments_mean(const WelchGroup *g);
extern double jobreg_moments_variance(const WelchGroup *g);

/* a composite result of the function's declared type; 22023 unless 0 < conf < 1 */
extern Datum jobreg_make_result(FunctionCallInfo fcinfo, Datum *values, bool *nulls);
extern void jobreg_check_conf_level(double conf);

/*
 * The regression type (stats/regression.c): a mergeable model state that
 * keeps sufficient statistics per distinct covariate pattern.
 *
 * Flat form: the header, nglobal global slots, then nentries entries of
 * nkey + nval slots each (a slot is 8 bytes), sorted by their key
 * (lexicographically, as float8s), each key once.  For the GLM kinds the
 * key is the covariate vector x (nkey = p, float8) and the values are
 *   logistic: rows, events (y true) as whole float8s;
 *   poisson:  rows (float8), then as fixed-point sums (below) sum y,
 *             sum exposure, sum (y + 0.1) log(y + 0.1) and
 *             sum (y + 0.1) log(exposure);
 * the poisson global slots are the fixed-point sums of y log(exposure),
 * lgamma(y + 1), y log y and y log(y + 0.1), then the number of rows with
 * a non-integer y (float8).  (The sums with 0.1 let the fit start where
 * R's glm.fit starts on the individual rows.)
 *
 * A fixed-point sum is an int128 in units of 2^-60 in two slots: each
 * row's number is rounded to that grid (8.7e-19) once, so sums are exact
 * and do not depend on the order of the rows: merged parts, parallel
 * plans and the whole give the same bits.  |sum| < 2^67 (1.5e20).
 *
 * A Cox model (kind 3, format version 2) numbers its distinct covariate
 * patterns: its one global slot is the number of patterns (a whole
 * float8), its entries are keyed by (stratum, time, pattern number)
 * (nkey = 3) with the values the rows leaving the risk set at that time,
 * of them the events, and the rows with a delayed entry at that time (at
 * risk after it), as whole float8s; after the entries come the patterns,
 * p float8s each, sorted (lexicographically), each once and used by an
 * entry, numbered 0 .. npatterns - 1 in that order.  The entries are
 * sorted by stratum, time and pattern number.  A Cox model with named
 * strata (cox(duration, event, x, strata)) has nstrata > 0: its stratum
 * numbers are 0 .. nstrata - 1, the ranks of the labels, which follow the
 * patterns: per stratum an int32 length and the label's bytes, in byte
 * order (jobreg_compare_labels), each label once and used by an entry.
 * (Format version 1 of a Cox model kept the whole covariate vector in
 * every entry; 0.2.0 was never released with it, and it is not read.)
 */
#define REGRESSION_VERSION 1		/* logistic and poisson */
#define REGRESSION_COX_VERSION 2	/* cox: numbered patterns */
#define REG_LOGISTIC 1
#define REG_POISSON 2
#define REG_COX 3
/* the most covariates (columns of x, the intercept not counted) */
#define REGRESSION_MAX_P 64
/* the most distinct covariate patterns of one state */
#ifndef REGRESSION_MAX_PATTERNS
#define REGRESSION_MAX_PATTERNS 250000
#endif
/* the most entries (distinct pairs of time and pattern) of a Cox state */
#ifndef REGRESSION_MAX_COX_ENTRIES
#define REGRESSION_MAX_COX_ENTRIES 1000000
#endif
/* the most named strata of a Cox state, and the bytes of a stratum label */
#ifndef REGRESSION_MAX_STRATA
#define REGRESSION_MAX_STRATA 10000
#endif
#ifndef REGRESSION_MAX_LABEL
#define REGRESSION_MAX_LABEL 1000
#endif
#define REG_FIXED_SHIFT 60

#define REG_LOGISTIC_NVAL 2
#define REG_COX_NVAL 3
#define REG_COX_NKEY 3			/* stratum, time, pattern number */
#define REG_COX_NGLOBAL 1		/* the number of patterns */
#define REG_ENTERED 2			/* Cox: rows entering the risk set after this time */
/* Cox values: as logistic, REG_ROWS then REG_Y (events) */
#define REG_POISSON_NVAL 9
#define REG_POISSON_NGLOBAL 9
/* value slots */
#define REG_ROWS 0
#define REG_Y 1					/* logistic: float8; poisson: fixed */
#define REG_EXPOSURE 3
#define REG_YLOGY01 5			/* sum (y + 0.1) log(y + 0.1) */
#define REG_YLOGE01 7			/* sum (y + 0.1) log(exposure) */
/* poisson global slots */
#define REG_G_YLOGE 0
#define REG_G_LGAMMA 2
#define REG_G_YLOGY 4
#define REG_G_YLOGY01 6			/* sum y log(y + 0.1) */
#define REG_G_NONINT 8

typedef struct Regression
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* REGRESSION_VERSION, REGRESSION_COX_VERSION for Cox */
	uint8		kind;			/* REG_LOGISTIC, REG_POISSON, REG_COX */
	uint16		p;				/* covariates, 0 .. REGRESSION_MAX_P */
	uint16		nkey;			/* key float8s per entry */
	uint16		nval;			/* value float8s per entry */
	uint16		nglobal;		/* global sums */
	uint16		pad;
	int32		nentries;
	int32		nstrata;		/* named strata of a Cox model (0 without) */
	float8		data[FLEXIBLE_ARRAY_MEMBER];	/* slots: globals, then entries */
} Regression;

#define REGRESSION_HDRSZ offsetof(Regression, data)
#define REG_GLOBALS(r) ((r)->data)
#define REG_ENTRY(r, i) ((r)->data + (r)->nglobal + (Size) (i) * ((r)->nkey + (r)->nval))
#define REG_KEY(r, i) REG_ENTRY(r, i)
#define REG_VAL(r, i) (REG_ENTRY(r, i) + (r)->nkey)
/* the patterns: the entries of a logistic or Poisson model, numbered for Cox */
#define REG_NPATTERNS(r) ((r)->kind == REG_COX ? (int) (r)->data[0] : (r)->nentries)
#define REG_PATTERN(r, k) ((r)->kind == REG_COX \
						   ? REG_ENTRY(r, (r)->nentries) + (Size) (k) * (r)->p : REG_KEY(r, k))
/* the stratum labels of a Cox model with named strata, after the patterns */
#define REG_STRATA(r) ((char *) REG_PATTERN(r, REG_NPATTERNS(r)))
/* the covariates of entry i (its pattern's, for Cox) */
#define REG_X(r, i) ((r)->kind == REG_COX ? REG_PATTERN(r, (int) REG_KEY(r, i)[2]) : REG_KEY(r, i))

/* the fixed-point sum at slot s as a float8 */
static inline float8
regression_fixed(const float8 *s)
{
	int128		v;

	memcpy(&v, s, sizeof(int128));
	return ldexp((float8) v, -REG_FIXED_SHIFT);
}

/* A flat regression from a datum (flat, toasted or expanded), checked (XX001) */
extern Regression *regression_from_datum(Datum d);

/*
 * The fit of a logistic or Poisson model (stats/glm.c): R's glm.fit run on
 * the patterns.  Columns are the intercept and x1..xp.
 */
typedef struct RegressionFit
{
	int			k;				/* columns: p + 1 */
	int			rank;
	float8	   *coef;			/* k; 0 for aliased columns */
	bool	   *aliased;		/* k */
	float8	   *cov;			/* k x k, row-major; 0 in aliased rows and columns */
	float8		rows;
	float8		events;
	float8		deviance;
	float8		loglik;			/* NaN when undefined (non-integer Poisson counts) */
	float8		aic;
	float8		null_loglik;
	int			iterations;
	bool		converged;		/* R's converged */
	bool		boundary;		/* fitted probabilities 0 or 1, rates 0 (R warns) */
	bool		null_converged;
	bool		infinite;		/* Cox: a coefficient may be infinite (R warns) */
} RegressionFit;

extern void regression_glm_fit(const Regression *r, RegressionFit *fit);
/* the fit of a Cox model (stats/cox.c): R's coxph; efron or Breslow ties */
extern void regression_cox_fit(const Regression *r, bool efron, RegressionFit *fit);
/* the inverse link of a kind at eta (R's binomial()$linkinv or exp) */
extern float8 regression_linkinv(int kind, float8 eta);

#endif							/* JOBREG_STATS_H */
