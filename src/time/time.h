/*
 * src/time/time.h
 *		The time layer: ISO weeks (isoweek.c: the isoweek type, weekrange,
 *		months and quarters by the Thursday rule, DREAM week names) and day
 *		intervals of dateranges (period.c).
 */
#ifndef JOBREG_TIME_H
#define JOBREG_TIME_H

#include "core/core.h"

/* ---------- isoweek (time/isoweek.c) ---------- */

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

/* Months by the Thursday rule: a week belongs to the month of its Thursday */
extern void isoweek_month(IsoWeek w, int *year, int *month);
extern int64 isoweek_month_first_week(int year, int month);	/* month 13: next January */

#define ISOWEEK_TEXT_LEN 16

/* Text parsing for the input functions of this layer and the history layer */
extern bool jobreg_parse_digits(const char **p, int n, int *value);	/* exactly n digits */
extern void jobreg_skip_spaces(const char **p);

/* isoweek's input function and DREAM week names, for the readers of other layers */
extern Datum isoweek_in(PG_FUNCTION_ARGS);
extern Datum dream_week(PG_FUNCTION_ARGS);

/* day intervals [lo, hi) of dateranges (time/period.c) */
extern bool jobreg_daterange_days(Datum range, DateADT wlo, DateADT whi,
								  DateADT *lo, DateADT *hi);
extern DateADT *jobreg_datemultirange_days(Datum multirange, DateADT wlo, DateADT whi,
										   int *n);
extern void jobreg_period_days(Datum range, DateADT *lo, DateADT *hi);

#endif							/* JOBREG_TIME_H */
