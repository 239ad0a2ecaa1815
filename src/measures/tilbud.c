/*
 * src/measures/tilbud.c
 *		Offers (tilbud) over time, from a person's offer days as a
 *		datemultirange: offer_weeks (weeks of a window with an offer, by
 *		DREAM's one-day rule) and the periods without an offer net of
 *		exemption periods (offer_gaps, longest_without_offer).
 *
 * Everything is a walk over the sorted, disjoint day intervals of the
 * multiranges (time/period.c), so a person costs time linear in the number
 * of offers and exemptions.
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "measures/measures.h"

PG_FUNCTION_INFO_V1(offer_weeks);
PG_FUNCTION_INFO_V1(offer_gaps);
PG_FUNCTION_INFO_V1(longest_without_offer);

/* ---------- offer_weeks ---------- */

/*
 * offer_weeks(offers, period): the weeks of period in which the person had
 * an offer on at least one day.
 */
Datum
offer_weeks(PG_FUNCTION_ARGS)
{
	IsoWeek		from,
				to;
	DateADT		wlo,
				whi;
	DateADT    *days;
	int			n;
	int64		weeks = 0;
	int64		counted_to = PG_INT64_MIN;	/* weeks before this one are counted */

	if (!weekline_period_bounds(PG_GETARG_DATUM(1), &from, &to))
		PG_RETURN_INT32(0);
	wlo = from == PG_INT32_MIN ? DATEVAL_NOBEGIN : isoweek_monday_date(from);
	whi = to == PG_INT32_MAX ? DATEVAL_NOEND : isoweek_monday_date(to);
	days = jobreg_datemultirange_days(PG_GETARG_DATUM(0), wlo, whi, &n);
	for (int i = 0; i < n; i++)
	{
		DateADT		lo = days[2 * i];
		DateADT		hi = days[2 * i + 1];
		int64		first,
					end;

		if (DATE_NOT_FINITE(lo) || DATE_NOT_FINITE(hi))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("offer_weeks cannot count an unbounded offer in an unbounded period"),
					 errdetail("Give the period a first and a last week, or the offers a first and a last day.")));
		first = isoweek_from_date(lo);
		end = (int64) isoweek_from_date(hi - 1) + 1;
		first = Max(first, counted_to);
		if (end > first)
			weeks += end - first;
		counted_to = Max(counted_to, end);
	}
	PG_RETURN_INT32((int32) Min(weeks, PG_INT32_MAX));
}

/* ---------- gaps between offers ---------- */

/* A finite daterange argument as [*lo, *hi); false when empty */
static bool
FiniteWindow(Datum range, const char *what, DateADT *lo, DateADT *hi)
{
	if (!jobreg_daterange_days(range, DATEVAL_NOBEGIN, DATEVAL_NOEND, lo, hi))
		return false;
	if (DATE_NOT_FINITE(*lo) || DATE_NOT_FINITE(*hi))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must have a first and a last day", what),
				 errdetail("The periods without an offer are measured within it: the benefit spell or the window of the analysis.")));
	/* finite dates are less than 2^31 days apart: day counts fit an int4 */
	return true;
}

typedef struct OfferGap
{
	DateADT		lo;				/* the gap [lo, hi) */
	DateADT		hi;
	int32		net;			/* days of the gap not exempt */
} OfferGap;

/*
 * The gaps of window [wlo, whi) between the offer days, each with its days
 * net of exemption days; *n of them, in order.
 */
static OfferGap *
Gaps(Datum offers, Datum exempt, DateADT wlo, DateADT whi, int *n)
{
	int			noffer,
				nexempt;
	DateADT    *o = jobreg_datemultirange_days(offers, wlo, whi, &noffer);
	DateADT    *e = jobreg_datemultirange_days(exempt, wlo, whi, &nexempt);
	OfferGap   *gaps = palloc(sizeof(OfferGap) * (noffer + 1));
	int			j = 0;			/* the first exemption that may overlap the gap */
	DateADT		lo = wlo;

	*n = 0;
	for (int i = 0; i <= noffer; i++)
	{
		DateADT		hi = i < noffer ? o[2 * i] : whi;

		CHECK_FOR_INTERRUPTS();
		if (hi > lo)
		{
			int64		net = (int64) hi - lo;

			while (j < nexempt && e[2 * j + 1] <= lo)
				j++;
			for (int k = j; k < nexempt && e[2 * k] < hi; k++)
				net -= Min(e[2 * k + 1], hi) - Max(e[2 * k], lo);
			gaps[*n].lo = lo;
			gaps[*n].hi = hi;
			gaps[*n].net = (int32) net;
			(*n)++;
		}
		if (i < noffer)
			lo = o[2 * i + 1];
	}
	return gaps;
}

/* offer_gaps(offers, exempt, within): the periods without an offer */
Datum
offer_gaps(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TypeCacheEntry *typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	DateADT		wlo,
				whi;
	OfferGap   *gaps;
	int			n;

	InitMaterializedSRF(fcinfo, 0);
	if (!FiniteWindow(PG_GETARG_DATUM(2), "within", &wlo, &whi))
		return (Datum) 0;
	gaps = Gaps(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), wlo, whi, &n);
	for (int i = 0; i < n; i++)
	{
		RangeBound	lower,
					upper;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		lower.val = DateADTGetDatum(gaps[i].lo);
		lower.infinite = false;
		lower.inclusive = true;
		lower.lower = true;
		upper.val = DateADTGetDatum(gaps[i].hi);
		upper.infinite = false;
		upper.inclusive = false;
		upper.lower = false;
		values[0] = RangeTypePGetDatum(JOBREG_MAKE_RANGE(typcache, &lower, &upper, false));
		values[1] = Int32GetDatum(gaps[i].hi - gaps[i].lo);
		values[2] = Int32GetDatum(gaps[i].net);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* longest_without_offer(offers, exempt, within): the largest net days of a gap */
Datum
longest_without_offer(PG_FUNCTION_ARGS)
{
	DateADT		wlo,
				whi;
	OfferGap   *gaps;
	int			n;
	int32		longest = 0;

	if (!FiniteWindow(PG_GETARG_DATUM(2), "within", &wlo, &whi))
		PG_RETURN_NULL();
	gaps = Gaps(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), wlo, whi, &n);
	for (int i = 0; i < n; i++)
		longest = Max(longest, gaps[i].net);
	PG_RETURN_INT32(longest);
}
