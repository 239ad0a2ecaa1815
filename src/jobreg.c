/*
 * src/jobreg.c
 *		Module entry point and settings of the jobreg extension, and the
 *		memory context that its aggregates' states share.
 */
#include "postgres.h"

#include <limits.h>

#include "fmgr.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "jobreg.h"

PG_MODULE_MAGIC;

int			jobreg_min_cell = 0;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomIntVariable("jobreg.min_cell",
							"Suppresses tabulated figures that rest on fewer than this many persons.",
							"0 turns disclosure control off.",
							&jobreg_min_cell,
							0, 0, INT_MAX,
							PGC_USERSET, 0,
							NULL, NULL, NULL);
	MarkGUCPrefixReserved("jobreg");
}

#define SHARED_STATES_NAME "jobreg aggregate states"

/*
 * The memory context for a new aggregate state held as an expanded object
 * (survival, cuminc, logrank_state).  The executor keeps such a state
 * without copying it only if its context is a child of the aggregate's
 * context, and PostgreSQL's hash aggregation adds up the memory of every
 * such child each time it makes a group: one child per state would make a
 * GROUP BY quadratic in its number of groups.  So all states of one
 * aggregate context share one child, found among that context's children
 * and made when missing; it goes when the aggregate context is reset.
 * Outside an aggregate each state gets a context of its own, which the
 * caller may delete or move with the value.
 */
MemoryContext
jobreg_state_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		return AllocSetContextCreate(CurrentMemoryContext, "jobreg state",
									 ALLOCSET_SMALL_SIZES);
	for (MemoryContext child = aggcxt->firstchild; child != NULL; child = child->nextchild)
	{
		if (strcmp(child->name, SHARED_STATES_NAME) == 0)
			return child;
	}
	return AllocSetContextCreate(aggcxt, SHARED_STATES_NAME, ALLOCSET_DEFAULT_SIZES);
}
