/*
 * src/survival/spell_survival.c
 *		spell_survival: the Kaplan-Meier state of the spells of weeklines,
 *		straight from the histories.
 *
 * spell_survival(history, codes, max_gap, started) gives the survival state
 * that
 *
 *	survival(sp.weeks, NOT sp.right_censored)
 *	FROM t, spells(history, codes, max_gap) AS sp
 *	WHERE NOT sp.left_censored AND lower(sp.spell) <@ started
 *
 * gives (the same value, byte for byte), without a set-returning function
 * in FROM: no tuplestore, range or row per spell.  The state is an ordinary
 * survival value, built with the accumulator of survival.c (surv_accum_*),
 * merged by survival_combine and read by surv_at, surv_table and the rest.
 */
#include "postgres.h"

#include "utils/expandeddatum.h"

#include "survival/survival.h"

PG_FUNCTION_INFO_V1(spell_survival_trans);

/* The growing state: survival's accumulator in an expanded object of our own */
typedef struct SpellSurvival
{
	ExpandedObjectHeader hdr;
	SurvAccum	acc;
} SpellSurvival;

static Size
SpellSurvivalFlatSize(ExpandedObjectHeader *eohptr)
{
	return surv_accum_flat_size(&((SpellSurvival *) eohptr)->acc);
}

static void
SpellSurvivalFlatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	Assert(allocated_size == SpellSurvivalFlatSize(eohptr));
	surv_accum_flatten(&((SpellSurvival *) eohptr)->acc, (Survival *) result);
}

static const ExpandedObjectMethods SpellSurvivalMethods = {
	SpellSurvivalFlatSize,
	SpellSurvivalFlatten
};

/* A new state, holding the flat state of argument 0 unless that is NULL */
static pg_noinline SpellSurvival *
NewState(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = jobreg_state_context(fcinfo);
	SpellSurvival *ss = MemoryContextAlloc(cxt, sizeof(SpellSurvival));

	EOH_init_header(&ss->hdr, &SpellSurvivalMethods, cxt);
	surv_accum_init(&ss->acc, cxt, NULL);
	ss->acc.squares = true;		/* the same format version 2 as survival() */
	if (!PG_ARGISNULL(0))
		surv_accum_merge(&ss->acc, PG_GETARG_SURVIVAL_P(0));
	return ss;
}

/*
 * spell_survival(history, codes, max_gap, started): a row with a NULL
 * argument is skipped.  The state stays NULL until the first spell: a
 * survival value holds at least one time.
 */
Datum
spell_survival_trans(PG_FUNCTION_ARGS)
{
	SpellSurvival *ss = NULL;
	const WeeklineCodes *codes;
	WeeklineSpellIter it;
	WeeklineSpell spell;
	IsoWeek		from,
				to;

	jobreg_check_in_aggregate(fcinfo, "spell_survival_trans");
	JOBREG_SKIP_ROW_IF_NULL(1, 4);
	codes = weekline_codes_argument(fcinfo, 2);
	if (!weekline_period_argument(fcinfo, 4, &from, &to))
	{
		/* an empty range: no spell starts in it (max_gap still checked) */
		from = 0;
		to = 0;
	}
	weekline_spells_begin(&it, PG_GETARG_WEEKLINE_P(1), codes, PG_GETARG_INT32(3));
	if (to != PG_INT32_MAX)
		it.last_start = to - 1; /* later spells are not wanted */
	while (weekline_spells_next(&it, &spell))
	{
		if (spell.left_censored || spell.first < from || spell.first >= to)
			continue;
		if (ss == NULL)
		{
			ss = (SpellSurvival *) jobreg_expanded_arg(fcinfo, 0, &SpellSurvivalMethods);
			if (ss == NULL)
				ss = NewState(fcinfo);
		}
		surv_accum_exit(&ss->acc, (float8) spell.weeks, !spell.right_censored, 1.0);
	}
	if (ss != NULL)
		PG_RETURN_DATUM(EOHPGetRWDatum(&ss->hdr));
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}
