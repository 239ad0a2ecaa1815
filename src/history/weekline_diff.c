/*
 * src/history/weekline_diff.c
 *		weekline_first_difference(a, b): the first week in which two
 *		weeklines differ.
 *
 * An update of stored figures with a delivery of new weeklines needs to know
 * from which week a person's history changed: figures of weeks before that
 * (and of spells that end well before it) are the same before and after,
 * so they need not be computed twice to be subtracted and added again.
 *
 * A week differs when it lies in one span and not in the other, or when
 * its codes differ.  The runs are walked side by side, week ranges at a
 * time, so run boundaries need not line up (a weekline whose neighbouring
 * runs share a code reads as the merged one).
 */
#include "postgres.h"

#include "fmgr.h"

#include "history/history.h"

PG_FUNCTION_INFO_V1(weekline_first_difference);

/* The next run with weeks left, or false at the end of the span */
static inline bool
NextRun(WeeklineReader *r, WeeklineRun *run, bool *more)
{
	if (!*more)
		return false;
	*more = weekline_next(r, run);
	return *more;
}

/*
 * weekline_first_difference(a weekline, b weekline) → isoweek: the first week
 * in which a and b differ, NULL when they are the same week for week (both
 * empty included).  STRICT.
 */
Datum
weekline_first_difference(PG_FUNCTION_ARGS)
{
	WeeklineReader ra,
				rb;
	WeeklineRun a,
				b;
	bool		more_a,
				more_b;
	IsoWeek		pos;

	more_a = weekline_reader_init(&ra, PG_GETARG_WEEKLINE_P(0));
	more_b = weekline_reader_init(&rb, PG_GETARG_WEEKLINE_P(1));
	if (!more_a && !more_b)
		PG_RETURN_NULL();
	if (!more_a)
		PG_RETURN_ISOWEEK(rb.next);
	if (!more_b)
		PG_RETURN_ISOWEEK(ra.next);
	if (ra.next != rb.next)
		PG_RETURN_ISOWEEK(Min(ra.next, rb.next));
	pos = ra.next;
	a.length = b.length = 0;
	for (;;)
	{
		int32		step;
		bool		in_a = a.length > 0 || NextRun(&ra, &a, &more_a);
		bool		in_b = b.length > 0 || NextRun(&rb, &b, &more_b);

		if (!in_a && !in_b)
			PG_RETURN_NULL();
		if (in_a != in_b || a.code != b.code)
			PG_RETURN_ISOWEEK(pos);
		step = Min(a.length, b.length);
		a.length -= step;
		b.length -= step;
		pos += step;
	}
}
