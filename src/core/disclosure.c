/*
 * src/core/disclosure.c
 *		Disclosure control's settings: jobreg.min_cell, the superuser floor
 *		jobreg.min_cell_floor and the named policies of jobreg.policy, the
 *		threshold in force (min_cell_effective) and the guard on the text and
 *		binary forms of states (doc/disclosure.md).
 */
#include "postgres.h"

#include <limits.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "core/core.h"

int			jobreg_min_cell = 0;
int			jobreg_min_cell_floor = 0;
int			jobreg_policy = 0;

/*
 * Named disclosure policies.  The value of each is the floor it enforces
 * (persons behind every figure); doc/core.md gives their sources.
 */
static const struct config_enum_entry policy_options[] = {
	{"none", 0, false},
	{"dst", 5, false},			/* Statistics Denmark's research service: >= 5 units */
	{NULL, 0, false}
};

/* The settings of disclosure control, defined once at module load */
void
jobreg_define_disclosure_settings(void)
{
	DefineCustomIntVariable("jobreg.min_cell",
							"Suppresses tabulated figures that rest on fewer than this many persons.",
							"0 turns disclosure control off.",
							&jobreg_min_cell,
							0, 0, INT_MAX,
							PGC_USERSET, 0,
							NULL, NULL, NULL);
	DefineCustomIntVariable("jobreg.min_cell_floor",
							"The least jobreg.min_cell in force; only a superuser may set it.",
							"The threshold applied is the largest of jobreg.min_cell, this floor and jobreg.policy's.",
							&jobreg_min_cell_floor,
							0, 0, INT_MAX,
							PGC_SUSET, 0,
							NULL, NULL, NULL);
	DefineCustomEnumVariable("jobreg.policy",
							 "A named disclosure policy whose floor is enforced; only a superuser may set it.",
							 "none, or dst (Statistics Denmark's research service: at least 5 units behind every figure).",
							 &jobreg_policy,
							 0, policy_options,
							 PGC_SUSET, 0,
							 NULL, NULL, NULL);
}

PG_FUNCTION_INFO_V1(min_cell_effective);

/* min_cell_effective(): the threshold jobreg's functions apply now */
Datum
min_cell_effective(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(jobreg_min_cell_in_force());
}

void
jobreg_check_state_io(const char *type_name)
{
	int			floor = Max(jobreg_min_cell_floor, jobreg_policy);

	if (floor > 0 && !superuser())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied to read or write the text or binary form of a %s value", type_name),
				 errdetail("A disclosure floor of %d persons is in force (jobreg.min_cell_floor or jobreg.policy), and the forms show and take every count of a state.",
						   floor),
				 errhint("Read the state with jobreg's functions, which apply the floor.")));
}
