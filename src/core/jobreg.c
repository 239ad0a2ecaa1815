/*
 * src/core/jobreg.c
 *		Module entry point of the jobreg extension (its settings are defined
 *		in disclosure.c), the memory context that its aggregates' states
 *		share, and the cache of what its functions read from the reference
 *		tables.
 */
#include "postgres.h"

#include <limits.h>

#include "access/parallel.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "core/core.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	jobreg_define_disclosure_settings();
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

static bool
SameXids(const TransactionId *a, const TransactionId *b, int n)
{
	/* an empty list may be a NULL pointer, which memcmp must not get */
	return n == 0 || memcmp(a, b, n * sizeof(TransactionId)) == 0;
}

/*
 * Whether snap sees the same rows as the snapshot recorded in tc: the same
 * transaction and command (the transaction's own changes move the command
 * on), and the same transactions seen as running (an MVCC snapshot sees
 * exactly the committed transactions below xmax that are not in its xip or
 * subxip lists).  A snapshot whose subtransaction list overflowed is never
 * the same.
 */
static bool
SameSnapshot(const TableCache *tc, Snapshot snap)
{
	return snap->snapshot_type == SNAPSHOT_MVCC && !snap->suboverflowed &&
		tc->lxid == MyProc->lxid && tc->curcid == snap->curcid &&
		tc->xmin == snap->xmin && tc->xmax == snap->xmax &&
		tc->xcnt == snap->xcnt && tc->subxcnt == snap->subxcnt &&
		SameXids(tc->xids, snap->xip, snap->xcnt) &&
		SameXids(tc->xids + snap->xcnt, snap->subxip, snap->subxcnt);
}

/*
 * The cache of what the function of fcinfo read from a reference table
 * (codebook, kommune, tilbudstype), emptied when a new read could see other
 * rows (SameSnapshot): within a query it stays, and a PL/pgSQL expression
 * evaluated again after a change to the table, by this transaction or by a
 * committed one, reads the table again.  A parallel worker runs one query,
 * so what it read stays valid.
 */
TableCache *
jobreg_table_cache(FunctionCallInfo fcinfo)
{
	TableCache *tc = (TableCache *) fcinfo->flinfo->fn_extra;
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;

	if (tc == NULL)
	{
		tc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TableCache));
		tc->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "jobreg table cache",
										ALLOCSET_SMALL_SIZES);
		fcinfo->flinfo->fn_extra = tc;
	}
	if (tc->data != NULL && (IsParallelWorker() || (snap != NULL && SameSnapshot(tc, snap))))
		return tc;
	MemoryContextReset(tc->cxt);
	tc->data = NULL;
	tc->lxid = MyProc->lxid;
	tc->curcid = snap ? snap->curcid : InvalidCommandId;
	tc->xmin = snap ? snap->xmin : InvalidTransactionId;
	tc->xmax = snap ? snap->xmax : InvalidTransactionId;
	tc->xcnt = snap ? snap->xcnt : 0;
	tc->subxcnt = snap ? snap->subxcnt : 0;
	tc->xids = MemoryContextAlloc(tc->cxt, (tc->xcnt + tc->subxcnt + 1) * sizeof(TransactionId));
	if (tc->xcnt > 0)
		memcpy(tc->xids, snap->xip, tc->xcnt * sizeof(TransactionId));
	if (tc->subxcnt > 0)
		memcpy(tc->xids + tc->xcnt, snap->subxip, tc->subxcnt * sizeof(TransactionId));
	return tc;
}

/*
 * The reference tables are read from the schema the calling function lives
 * in, the extension's, so that a table of the same name earlier on the
 * search_path cannot stand in for them; the query has no other names that
 * the search_path could resolve unless rest brings them qualified.
 */
void
jobreg_select_reference(Oid fn_oid, const char *select, const char *table,
						const char *rest, const char *textarg)
{
	char	   *schema = get_namespace_name(get_func_namespace(fn_oid));
	char	   *query = psprintf("SELECT %s FROM %s.%s %s", select,
								 quote_identifier(schema), table, rest);
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];

	if (textarg != NULL)
		args[0] = CStringGetTextDatum(textarg);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(query, textarg != NULL ? 1 : 0, argtypes, args, NULL,
							  true, 0) != SPI_OK_SELECT)
		elog(ERROR, "cannot read the %s table", table);
}
