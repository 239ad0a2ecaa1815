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

#endif							/* JOBREG_H */
