/* ---------- spell_survival: the Kaplan-Meier state of weekline spells, without spells() rows ---------- */

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION spell_survival_trans(survival, weekline, int4[], int4, weekrange) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION spell_survival_trans(survival, weekline, int4[], int4, weekrange) IS 'transition function of spell_survival: adds the spells of one history';

CREATE AGGREGATE spell_survival(history weekline, codes int4[], max_gap int4, started weekrange) (
	SFUNC = spell_survival_trans, STYPE = survival,
	COMBINEFUNC = survival_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE spell_survival(weekline, int4[], int4, weekrange) IS 'Kaplan-Meier state of the spells (as spells(history, codes, max_gap)) that start in started and not at the first week of the history: survival(weeks, NOT right_censored) without building rows';
