/*
 * src/stats/stats.h
 *		The statistics layer: distribution functions (distributions.c),
 *		compensated sums and float8[] aggregate states (sums.c), and the group
 *		comparisons prop_test and welch_test (grouptest.c).  Nothing here
 *		knows about weeks or benefits.
 */
#ifndef JOBREG_STATS_H
#define JOBREG_STATS_H

#include "core/core.h"

/* float8[] aggregate states and compensated sums (stats/sums.c) */
struct ArrayType;
extern float8 *jobreg_float8_state(struct ArrayType *state, int len);
extern struct ArrayType *jobreg_float8_state_arg(FunctionCallInfo fcinfo, int argno, int len);
extern void jobreg_sum_add(float8 *sum, float8 *comp, float8 v);

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

#endif							/* JOBREG_STATS_H */
