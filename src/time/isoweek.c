/*
 * src/time/isoweek.c
 *		The isoweek type (an ISO-8601 week), its calendar functions and the
 *		weekrange canonical function.
 *
 * An isoweek is stored as the number of weeks since 2000-W01, so that the
 * comparison, hash and sort support of int4 serve it unchanged (they are
 * bound in the install script) and week arithmetic is integer arithmetic.
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "time/time.h"

/* DateADT of Monday 2000-01-03, the first day of isoweek 0 (2000-W01) */
#define ISOWEEK_EPOCH_MONDAY 2

PG_FUNCTION_INFO_V1(isoweek_in);
PG_FUNCTION_INFO_V1(isoweek_out);
PG_FUNCTION_INFO_V1(isoweek_recv);
PG_FUNCTION_INFO_V1(isoweek_send);
PG_FUNCTION_INFO_V1(isoweek_pl_int);
PG_FUNCTION_INFO_V1(int_pl_isoweek);
PG_FUNCTION_INFO_V1(isoweek_mi_int);
PG_FUNCTION_INFO_V1(isoweek_mi_isoweek);
PG_FUNCTION_INFO_V1(isoweek_subdiff);
PG_FUNCTION_INFO_V1(isoweek_of_date);
PG_FUNCTION_INFO_V1(isoweek_make);
PG_FUNCTION_INFO_V1(isoweek_monday);
PG_FUNCTION_INFO_V1(isoweek_thursday);
PG_FUNCTION_INFO_V1(isoweek_isoyear);
PG_FUNCTION_INFO_V1(isoweek_week_of_year);
PG_FUNCTION_INFO_V1(dream_week);
PG_FUNCTION_INFO_V1(quarter_weeks);
PG_FUNCTION_INFO_V1(month_weeks);
PG_FUNCTION_INFO_V1(weekrange_canonical);

/* ISO day of week, Monday = 0 ... Sunday = 6 */
static int
IsoDayOfWeek(DateADT d)
{
	return (j2day(d + POSTGRES_EPOCH_JDATE) + 6) % 7;
}

static DateADT
DateOf(int year, int month, int day)
{
	return date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
}

/* Monday of week 1 of an ISO year: the week holding January 4 */
static DateADT
FirstMonday(int year)
{
	DateADT		jan4 = DateOf(year, 1, 4);

	return jan4 - IsoDayOfWeek(jan4);
}

static int
WeeksInYear(int year)
{
	return (FirstMonday(year + 1) - FirstMonday(year)) / 7;
}

static void
CheckYear(int year)
{
	if (year < ISOWEEK_MIN_YEAR || year > ISOWEEK_MAX_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ISO year %d is out of range for type isoweek", year),
				 errdetail("Years from %d to %d are supported.",
						   ISOWEEK_MIN_YEAR, ISOWEEK_MAX_YEAR)));
}

IsoWeek
isoweek_from_year_week(int year, int week)
{
	CheckYear(year);
	if (week < 1 || week > WeeksInYear(year))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				 errmsg("week %d does not exist in ISO year %d", week, year),
				 errdetail("ISO year %d has %d weeks.", year, WeeksInYear(year))));
	return (FirstMonday(year) - ISOWEEK_EPOCH_MONDAY) / 7 + week - 1;
}

/*
 * The range's ends are constants, computed once per backend: every weekline
 * reader asks for them (two calendar conversions each time cost about a
 * tenth of a national query).
 */
IsoWeek
isoweek_min_value(void)
{
	static bool known = false;
	static IsoWeek value;

	if (unlikely(!known))
	{
		value = (FirstMonday(ISOWEEK_MIN_YEAR) - ISOWEEK_EPOCH_MONDAY) / 7;
		known = true;
	}
	return value;
}

IsoWeek
isoweek_max_value(void)
{
	static bool known = false;
	static IsoWeek value;

	if (unlikely(!known))
	{
		value = (FirstMonday(ISOWEEK_MAX_YEAR + 1) - ISOWEEK_EPOCH_MONDAY) / 7 - 1;
		known = true;
	}
	return value;
}

/* Range-check a week number computed in wider arithmetic */
IsoWeek
isoweek_checked(int64 w)
{
	if (w < isoweek_min_value() || w > isoweek_max_value())
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("isoweek out of range"),
				 errdetail("Weeks from %04d-W01 to %04d-W%02d are supported.",
						   ISOWEEK_MIN_YEAR, ISOWEEK_MAX_YEAR,
						   WeeksInYear(ISOWEEK_MAX_YEAR))));
	return (IsoWeek) w;
}

DateADT
isoweek_monday_date(IsoWeek w)
{
	return ISOWEEK_EPOCH_MONDAY + 7 * (DateADT) w;
}

IsoWeek
isoweek_from_date(DateADT d)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cannot convert infinite date to isoweek")));
	return isoweek_checked(((int64) d - IsoDayOfWeek(d) - ISOWEEK_EPOCH_MONDAY) / 7);
}

/* The ISO year is the calendar year of the week's Thursday */
void
isoweek_split(IsoWeek w, int *year, int *week)
{
	DateADT		thursday = isoweek_monday_date(w) + 3;
	int			month,
				day;

	j2date(thursday + POSTGRES_EPOCH_JDATE, year, &month, &day);
	*week = (thursday - DateOf(*year, 1, 1)) / 7 + 1;
}

void
isoweek_format(IsoWeek w, char *buf)
{
	int			year,
				week;

	isoweek_split(w, &year, &week);
	snprintf(buf, ISOWEEK_TEXT_LEN, "%04d-W%02d", year, week);
}

/* Parse exactly n decimal digits at *p; false if they are not there */
bool
jobreg_parse_digits(const char **p, int n, int *value)
{
	*value = 0;
	for (int i = 0; i < n; i++)
	{
		if (!isdigit((unsigned char) (*p)[i]))
			return false;
		*value = *value * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return true;
}

void
jobreg_skip_spaces(const char **p)
{
	while (isspace((unsigned char) **p))
		(*p)++;
}

/* ---------- I/O ---------- */

/* Accepts 'YYYY-Www' and 'YYYYWww', with surrounding white space */
Datum
isoweek_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int			year,
				week;

	jobreg_skip_spaces(&p);
	if (!jobreg_parse_digits(&p, 4, &year))
		goto syntax_error;
	if (*p == '-')
		p++;
	if (*p != 'W' && *p != 'w')
		goto syntax_error;
	p++;
	if (!jobreg_parse_digits(&p, 2, &week))
		goto syntax_error;
	jobreg_skip_spaces(&p);
	if (*p != '\0')
		goto syntax_error;

	PG_RETURN_ISOWEEK(isoweek_from_year_week(year, week));

syntax_error:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
			 errmsg("invalid input syntax for type isoweek: \"%s\"", str),
			 errhint("An ISO week is written YYYY-Www, for example 2014-W10.")));
	PG_RETURN_NULL();			/* keep compiler quiet */
}

Datum
isoweek_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(ISOWEEK_TEXT_LEN);

	isoweek_format(PG_GETARG_ISOWEEK(0), buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary form: int4, weeks since 2000-W01; validated like text input */
Datum
isoweek_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	PG_RETURN_ISOWEEK(isoweek_checked((int32) pq_getmsgint(buf, 4)));
}

Datum
isoweek_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, PG_GETARG_ISOWEEK(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- arithmetic ---------- */

Datum
isoweek_pl_int(PG_FUNCTION_ARGS)
{
	PG_RETURN_ISOWEEK(isoweek_checked((int64) PG_GETARG_ISOWEEK(0) + PG_GETARG_INT32(1)));
}

Datum
int_pl_isoweek(PG_FUNCTION_ARGS)
{
	PG_RETURN_ISOWEEK(isoweek_checked((int64) PG_GETARG_INT32(0) + PG_GETARG_ISOWEEK(1)));
}

Datum
isoweek_mi_int(PG_FUNCTION_ARGS)
{
	PG_RETURN_ISOWEEK(isoweek_checked((int64) PG_GETARG_ISOWEEK(0) - PG_GETARG_INT32(1)));
}

/* Cannot overflow: both operands are within a few hundred thousand weeks */
Datum
isoweek_mi_isoweek(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_ISOWEEK(0) - PG_GETARG_ISOWEEK(1));
}

Datum
isoweek_subdiff(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8((float8) PG_GETARG_ISOWEEK(0) - (float8) PG_GETARG_ISOWEEK(1));
}

/* ---------- calendar ---------- */

Datum
isoweek_of_date(PG_FUNCTION_ARGS)
{
	PG_RETURN_ISOWEEK(isoweek_from_date(PG_GETARG_DATEADT(0)));
}

Datum
isoweek_make(PG_FUNCTION_ARGS)
{
	PG_RETURN_ISOWEEK(isoweek_from_year_week(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum
isoweek_monday(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(isoweek_monday_date(PG_GETARG_ISOWEEK(0)));
}

Datum
isoweek_thursday(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(isoweek_monday_date(PG_GETARG_ISOWEEK(0)) + 3);
}

Datum
isoweek_isoyear(PG_FUNCTION_ARGS)
{
	int			year,
				week;

	isoweek_split(PG_GETARG_ISOWEEK(0), &year, &week);
	PG_RETURN_INT32(year);
}

Datum
isoweek_week_of_year(PG_FUNCTION_ARGS)
{
	int			year,
				week;

	isoweek_split(PG_GETARG_ISOWEEK(0), &year, &week);
	PG_RETURN_INT32(week);
}

/*
 * DREAM names its weekly columns y_YYWW and codes weeks as YYWW; two-digit
 * years 91-99 are 1991-1999 and 00-90 are 2000-2090.
 */
Datum
dream_week(PG_FUNCTION_ARGS)
{
	char	   *str = text_to_cstring(PG_GETARG_TEXT_PP(0));
	const char *p = str;
	int			yy,
				week;

	jobreg_skip_spaces(&p);
	if ((p[0] == 'y' || p[0] == 'Y') && p[1] == '_')
		p += 2;
	if (!jobreg_parse_digits(&p, 2, &yy) || !jobreg_parse_digits(&p, 2, &week))
		goto syntax_error;
	jobreg_skip_spaces(&p);
	if (*p != '\0')
		goto syntax_error;

	PG_RETURN_ISOWEEK(isoweek_from_year_week(yy >= 91 ? 1900 + yy : 2000 + yy, week));

syntax_error:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
			 errmsg("invalid DREAM week: \"%s\"", str),
			 errhint("A DREAM week is written YYWW or y_YYWW, for example y_1410.")));
	PG_RETURN_NULL();			/* keep compiler quiet */
}

/* The first week whose Thursday falls on or after day d */
static int64
FirstWeekThursdayFrom(DateADT d)
{
	DateADT		thursday = d + (3 - IsoDayOfWeek(d) + 7) % 7;

	return ((int64) thursday - 3 - ISOWEEK_EPOCH_MONDAY) / 7;
}

/* The calendar year and month (1-12) of a week's Thursday: the month the week belongs to */
void
isoweek_month(IsoWeek w, int *year, int *month)
{
	int			day;

	j2date(isoweek_monday_date(w) + 3 + POSTGRES_EPOCH_JDATE, year, month, &day);
}

/*
 * The first week whose Thursday lies in the given month or later, by the
 * Thursday rule; month 13 is January of the next year.  Not range-checked:
 * past 9999 it is one more than the last week.
 */
int64
isoweek_month_first_week(int year, int month)
{
	if (month > 12)
	{
		year += (month - 1) / 12;
		month = (month - 1) % 12 + 1;
	}
	return FirstWeekThursdayFrom(DateOf(year, month, 1));
}

/*
 * The weeks whose Thursday lies in [first, end): the Thursday rule by which
 * a week belongs to a month or quarter.  Returned as a weekrange, the
 * function's declared result type.
 */
static Datum
WeeksOfDays(FunctionCallInfo fcinfo, DateADT first, DateADT end)
{
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;

	typcache = lookup_type_cache(get_fn_expr_rettype(fcinfo->flinfo), TYPECACHE_RANGE_INFO);
	if (typcache->rngelemtype == NULL)
		elog(ERROR, "weekrange function called with a non-range result type");

	lower.val = IsoWeekGetDatum(isoweek_checked(FirstWeekThursdayFrom(first)));
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = IsoWeekGetDatum(isoweek_checked(FirstWeekThursdayFrom(end)));
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;

	PG_RETURN_RANGE_P(JOBREG_MAKE_RANGE(typcache, &lower, &upper, false));
}

static void
CheckPart(const char *what, int value, int max)
{
	if (value < 1 || value > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %d is out of range", what, value),
				 errdetail("A %s is a number from 1 to %d.", what, max)));
}

Datum
quarter_weeks(PG_FUNCTION_ARGS)
{
	int			year = PG_GETARG_INT32(0);
	int			quarter = PG_GETARG_INT32(1);
	int			month = 3 * (quarter - 1) + 1;

	CheckYear(year);
	CheckPart("quarter", quarter, 4);
	return WeeksOfDays(fcinfo, DateOf(year, month, 1),
					   quarter == 4 ? DateOf(year + 1, 1, 1) : DateOf(year, month + 3, 1));
}

Datum
month_weeks(PG_FUNCTION_ARGS)
{
	int			year = PG_GETARG_INT32(0);
	int			month = PG_GETARG_INT32(1);

	CheckYear(year);
	CheckPart("month", month, 12);
	return WeeksOfDays(fcinfo, DateOf(year, month, 1),
					   month == 12 ? DateOf(year + 1, 1, 1) : DateOf(year, month + 1, 1));
}

/* Discrete range: bring every weekrange to the [) form */
Datum
weekrange_canonical(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;
	bool		empty;

	typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		PG_RETURN_RANGE_P(r);

	if (!lower.infinite && !lower.inclusive)
	{
		lower.val = IsoWeekGetDatum(isoweek_checked((int64) DatumGetIsoWeek(lower.val) + 1));
		lower.inclusive = true;
	}
	if (!upper.infinite && upper.inclusive)
	{
		upper.val = IsoWeekGetDatum(isoweek_checked((int64) DatumGetIsoWeek(upper.val) + 1));
		upper.inclusive = false;
	}
	PG_RETURN_RANGE_P(JOBREG_RANGE_SERIALIZE(typcache, &lower, &upper, false));
}
