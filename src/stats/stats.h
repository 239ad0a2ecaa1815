/*
 * src/stats/stats.h
 *		The statistics layer: distribution functions (distributions.c),
 *		compensated sums and float8[] aggregate states (sums.c), the group
 *		comparisons prop_test and welch_test (grouptest.c), paired tests
 *		(paired.c), smr (smr.c) and nearest-neighbour matching
 *		(matching.c).  Nothing here knows about weeks or benefits.
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

#endif							/* JOBREG_STATS_H */
