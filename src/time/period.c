/*
 * src/time/period.c
 *		Day intervals of dateranges and datemultiranges, clipped to a window:
 *		the overlap arithmetic of the measures (fuldtidspersoner, aktivering).
 *
 * A daterange becomes the half-open interval [lo, hi) of days; unbounded
 * and infinite ends are replaced by the window's, so that every measure
 * counts days the same way.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "time/time.h"

/* ---------- day intervals ---------- */

static TypeCacheEntry *
DaterangeTypcache(void)
{
	/* typcache entries live as long as the backend */
	static TypeCacheEntry *tc = NULL;

	if (tc == NULL)
		tc = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	return tc;
}

/*
 * Bounds of a daterange as the half-open interval [*lo, *hi) of days, with
 * unbounded and infinite ends replaced by the window [wlo, whi) and the
 * result clipped to the window.  Returns false if nothing is left.
 */
static bool
BoundsToDays(const RangeBound *lower, const RangeBound *upper,
			 DateADT wlo, DateADT whi, DateADT *lo, DateADT *hi)
{
	int64		l,
				u;

	/* a range from +infinity or to -infinity holds no day */
	if (lower->infinite || DATE_IS_NOBEGIN(DatumGetDateADT(lower->val)))
		l = wlo;
	else if (DATE_IS_NOEND(DatumGetDateADT(lower->val)))
		return false;
	else
		l = (int64) DatumGetDateADT(lower->val) + (lower->inclusive ? 0 : 1);
	if (upper->infinite || DATE_IS_NOEND(DatumGetDateADT(upper->val)))
		u = whi;
	else if (DATE_IS_NOBEGIN(DatumGetDateADT(upper->val)))
		return false;
	else
		u = (int64) DatumGetDateADT(upper->val) + (upper->inclusive ? 1 : 0);

	l = Max(l, wlo);
	u = Min(u, whi);
	if (l >= u)
		return false;
	*lo = (DateADT) l;
	*hi = (DateADT) u;
	return true;
}

static void
DeserializeDaterange(Datum range, RangeBound *lower, RangeBound *upper, bool *empty)
{
	RangeType  *r = DatumGetRangeTypeP(range);

	if (RangeTypeGetOid(r) != DATERANGEOID)
		elog(ERROR, "expected a daterange");
	range_deserialize(DaterangeTypcache(), r, lower, upper, empty);
}

/* The days of a daterange in the window [wlo, whi), as BoundsToDays */
bool
jobreg_daterange_days(Datum range, DateADT wlo, DateADT whi,
					  DateADT *lo, DateADT *hi)
{
	RangeBound	lower,
				upper;
	bool		empty;

	DeserializeDaterange(range, &lower, &upper, &empty);
	return !empty && BoundsToDays(&lower, &upper, wlo, whi, lo, hi);
}

/*
 * The days of a datemultirange in the window [wlo, whi): *n intervals,
 * returned as 2 * *n DateADTs (lo, hi, lo, hi, ...) in increasing order,
 * palloc'd in the current memory context.
 */
DateADT *
jobreg_datemultirange_days(Datum multirange, DateADT wlo, DateADT whi, int *n)
{
	MultirangeType *mr = DatumGetMultirangeTypeP(multirange);
	DateADT    *days;
	uint32		i;

	if (MultirangeTypeGetOid(mr) != DATEMULTIRANGEOID)
		elog(ERROR, "expected a datemultirange");
	days = palloc(sizeof(DateADT) * 2 * Max(mr->rangeCount, 1));
	*n = 0;
	for (i = 0; i < mr->rangeCount; i++)
	{
		RangeBound	lower,
					upper;

		multirange_get_bounds(DaterangeTypcache(), mr, i, &lower, &upper);
		if (BoundsToDays(&lower, &upper, wlo, whi, &days[2 * *n], &days[2 * *n + 1]))
			(*n)++;
	}
	return days;
}

/*
 * A measurement period: a finite, non-empty daterange, as [*lo, *hi).
 * Infinite or empty periods have no length to divide by: an error.
 */
void
jobreg_period_days(Datum range, DateADT *lo, DateADT *hi)
{
	RangeBound	lower,
				upper;
	bool		empty;

	DeserializeDaterange(range, &lower, &upper, &empty);
	if (empty)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must not be empty"),
				 errdetail("A measure is divided by the length of its period.")));
	if (lower.infinite || upper.infinite ||
		DATE_NOT_FINITE(DatumGetDateADT(lower.val)) ||
		DATE_NOT_FINITE(DatumGetDateADT(upper.val)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must be finite"),
				 errdetail("A measure is divided by the length of its period, which must have a first and a last day.")));
	if (!BoundsToDays(&lower, &upper, DATEVAL_NOBEGIN, DATEVAL_NOEND, lo, hi))
		elog(ERROR, "non-empty daterange with no days");
}
