/* ---------- durations: anciennitet, langvarig, bands, outcome within N weeks ---------- */

CREATE FUNCTION anciennitet(wl weekline, codes int4[], at isoweek, max_gap int4 DEFAULT 5) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION langvarig(wl weekline, codes int4[], at isoweek, min_years float8 DEFAULT 5, max_gap int4 DEFAULT 5) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION anciennitet_gruppe(weeks int4) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION first_week_on(wl weekline, codes int4[], from_week isoweek) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION anciennitet(weekline, int4[], isoweek, int4) IS 'weeks from the start of the spell on the codes that holds the week through that week (breaks of up to max_gap weeks bridged; STAR uses 5); NULL when the week is in no spell';
COMMENT ON FUNCTION langvarig(weekline, int4[], isoweek, float8, int4) IS 'whether the spell holding the week has lasted at least min_years years of 52 weeks (STAR 2022: 5 years)';
COMMENT ON FUNCTION anciennitet_gruppe(int4) IS 'the duration band of an anciennitet in weeks: under 5 år, 5-7 år, 7-10 år, 10+ år (years of 52 weeks, bands half-open)';
COMMENT ON FUNCTION first_week_on(weekline, int4[], isoweek) IS 'the first week at or after from_week whose code is in codes, or NULL';

CREATE TYPE anciennitet_fordeling AS (
	personer int8,
	gennemsnit_aar float8,
	andel_over_2_aar float8,
	andel_over_3_aar float8,
	andel_over_5_aar float8,
	andel_5_7_aar float8,
	andel_7_10_aar float8,
	andel_10_plus_aar float8
);
COMMENT ON TYPE anciennitet_fordeling IS 'distribution of anciennitet: persons, mean in years, shares above 2, 3 and 5 years, and in the bands 5-7, 7-10 and 10+ years';

CREATE FUNCTION anciennitet_fordeling_trans(float8[], int4) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION anciennitet_fordeling_final(float8[]) RETURNS anciennitet_fordeling
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION anciennitet_fordeling_inv(float8[], int4) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION anciennitet_fordeling_inv(float8[], int4) IS 'moving-aggregate inverse of anciennitet_fordeling: counts a person out (exact: whole-number counts)';
CREATE AGGREGATE anciennitet_fordeling(weeks int4) (
	SFUNC = anciennitet_fordeling_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0,0,0,0}',
	FINALFUNC = anciennitet_fordeling_final,
	COMBINEFUNC = jobreg_array_sum,
	PARALLEL = SAFE,
	MSFUNC = anciennitet_fordeling_trans,
	MINVFUNC = anciennitet_fordeling_inv,
	MSTYPE = float8[],
	MINITCOND = '{0,0,0,0,0,0,0,0}',
	MFINALFUNC = anciennitet_fordeling_final
);
COMMENT ON FUNCTION anciennitet_fordeling_trans(float8[], int4) IS 'transition function of anciennitet_fordeling';
COMMENT ON FUNCTION anciennitet_fordeling_final(float8[]) IS 'final function of anciennitet_fordeling';
COMMENT ON AGGREGATE anciennitet_fordeling(int4) IS 'distribution of anciennitet in weeks: shares above 2, 3 and 5 years and in the 5-7, 7-10 and 10+ year bands (years of 52 weeks); NULL for no rows';

CREATE FUNCTION andel_inden_for_trans(float8[], isoweek, isoweek, int4, isoweek) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION andel_inden_for_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE andel_inden_for(start isoweek, outcome isoweek, weeks int4, observed_until isoweek) (
	SFUNC = andel_inden_for_trans,
	STYPE = float8[],
	INITCOND = '{0,0}',
	FINALFUNC = andel_inden_for_final,
	COMBINEFUNC = jobreg_array_sum,
	PARALLEL = SAFE
);
COMMENT ON FUNCTION andel_inden_for_trans(float8[], isoweek, isoweek, int4, isoweek) IS 'transition function of andel_inden_for';
COMMENT ON FUNCTION andel_inden_for_final(float8[]) IS 'final function of andel_inden_for';
COMMENT ON AGGREGATE andel_inden_for(isoweek, isoweek, int4, isoweek) IS 'share reaching the outcome within the first `weeks` weeks from start, counting only rows followed for all those weeks (start + weeks - 1 <= observed_until); a NULL outcome is none';
