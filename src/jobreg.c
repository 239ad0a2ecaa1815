/*
 * src/jobreg.c
 *		Module entry point and settings of the jobreg extension.
 */
#include "postgres.h"

#include <limits.h>

#include "fmgr.h"
#include "utils/guc.h"

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
