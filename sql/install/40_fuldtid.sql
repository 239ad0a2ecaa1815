/* ---------- Jobindsats measures: fuldtidspersoner ---------- */

CREATE FUNCTION fuldtid_trans(float8[], daterange, daterange) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_trans(float8[], daterange, daterange, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION fuldtid_trans(float8[], daterange, daterange) IS 'fuldtidspersoner transition: adds days(spell ∩ period) ÷ days(period)';
COMMENT ON FUNCTION fuldtid_trans(float8[], daterange, daterange, float8) IS 'fuldtidspersoner transition: adds days(spell ∩ period) × degree ÷ days(period)';
COMMENT ON FUNCTION fuldtid_combine(float8[], float8[]) IS 'fuldtidspersoner combine: adds two partial states';
COMMENT ON FUNCTION fuldtid_final(float8[]) IS 'fuldtidspersoner final: the compensated sum, NULL for no rows';

CREATE AGGREGATE fuldtidspersoner(spell daterange, period daterange) (
	SFUNC = fuldtid_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_combine,
	FINALFUNC = fuldtid_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE fuldtidspersoner(spell daterange, period daterange, degree float8) (
	SFUNC = fuldtid_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_combine,
	FINALFUNC = fuldtid_final,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE fuldtidspersoner(daterange, daterange) IS 'full-time equivalents: sum of days(spell ∩ period) ÷ days(period)';
COMMENT ON AGGREGATE fuldtidspersoner(daterange, daterange, float8) IS 'full-time equivalents: sum of days(spell ∩ period) × degree ÷ days(period)';

/* ---------- fuldtidspersoner over weeklines ---------- */

CREATE FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange) IS 'fuldtidspersoner transition: counts the history, its weeks on the codes in the period (by the ISO weeks of the period) and whether it is a person with such a week';
COMMENT ON FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange, float8) IS 'fuldtidspersoner transition: counts the history, its weeks on the codes in the period (by weeks_in_period) and whether it is a person with such a week';

/* ---------- fuldtidspersoner over weeklines: whole weeks, persons and the inverse (issues 19, 20) ---------- */

CREATE FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_persons(float8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange) IS 'moving-aggregate inverse of fuldtidspersoner over weeklines: takes a history out (exact: whole weeks)';
COMMENT ON FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange, float8) IS 'moving-aggregate inverse of fuldtidspersoner over weeklines with weeks_in_period: takes a history out (exact: whole weeks)';
COMMENT ON FUNCTION fuldtid_weeks_combine(float8[], float8[]) IS 'fuldtidspersoner over weeklines, combine: adds the counts of two partial states';
COMMENT ON FUNCTION fuldtid_weeks_final(float8[]) IS 'fuldtidspersoner over weeklines, final: Σ weeks ÷ weeks of the period; NULL for no rows or fewer persons than jobreg.min_cell';
COMMENT ON FUNCTION fuldtid_weeks_persons(float8[]) IS 'fuldtidspersoner_personer final: the persons with a week on the codes in the period';

CREATE AGGREGATE fuldtidspersoner(wl weekline, codes int4[], period weekrange) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_weeks_combine,
	FINALFUNC = fuldtid_weeks_final,
	MSFUNC = fuldtid_weeks_trans,
	MINVFUNC = fuldtid_weeks_inv,
	MSTYPE = float8[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = fuldtid_weeks_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE fuldtidspersoner(wl weekline, codes int4[], period weekrange, weeks_in_period float8) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_weeks_combine,
	FINALFUNC = fuldtid_weeks_final,
	MSFUNC = fuldtid_weeks_trans,
	MINVFUNC = fuldtid_weeks_inv,
	MSTYPE = float8[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = fuldtid_weeks_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner(weekline, int4[], weekrange) IS 'full-time equivalents from weeklines: Σ weeks on the codes in the period ÷ the actual ISO weeks of the period (Thursday rule: quarter_weeks, month_weeks); NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE fuldtidspersoner(weekline, int4[], weekrange, float8) IS 'full-time equivalents from weeklines with a fixed denominator: Σ weeks on the codes in the period ÷ weeks_in_period (Jobindsats: 13 a quarter, 52 a year); NULL under jobreg.min_cell persons';

CREATE AGGREGATE fuldtidspersoner_personer(wl weekline, codes int4[], period weekrange) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_weeks_combine,
	FINALFUNC = fuldtid_weeks_persons,
	MSFUNC = fuldtid_weeks_trans,
	MINVFUNC = fuldtid_weeks_inv,
	MSTYPE = float8[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = fuldtid_weeks_persons,
	PARALLEL = SAFE
);
CREATE AGGREGATE fuldtidspersoner_personer(wl weekline, codes int4[], period weekrange, weeks_in_period float8) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_weeks_combine,
	FINALFUNC = fuldtid_weeks_persons,
	MSFUNC = fuldtid_weeks_trans,
	MINVFUNC = fuldtid_weeks_inv,
	MSTYPE = float8[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = fuldtid_weeks_persons,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner_personer(weekline, int4[], weekrange) IS 'the persons behind fuldtidspersoner(wl, codes, period): histories with at least one week on the codes in the period';
COMMENT ON AGGREGATE fuldtidspersoner_personer(weekline, int4[], weekrange, float8) IS 'the persons behind fuldtidspersoner(wl, codes, period, weeks_in_period): histories with at least one week on the codes in the period';

/* ---------- fuldtidspersoner over several periods in one pass ---------- */

CREATE FUNCTION fuldtid_periods_trans(float8[], weekline, int4[], weekrange[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_inv(float8[], weekline, int4[], weekrange[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_final(float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_persons(float8[]) RETURNS int8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fuldtid_periods_trans(float8[], weekline, int4[], weekrange[]) IS 'fuldtidspersoner_perioder transition: counts, per period, the weeks on the codes in it and whether the history is a person with such a week';
COMMENT ON FUNCTION fuldtid_periods_inv(float8[], weekline, int4[], weekrange[]) IS 'moving-aggregate inverse of fuldtidspersoner_perioder: takes a history out (exact: whole weeks)';
COMMENT ON FUNCTION fuldtid_periods_combine(float8[], float8[]) IS 'fuldtidspersoner_perioder combine: adds two partial states period by period';
COMMENT ON FUNCTION fuldtid_periods_final(float8[]) IS 'fuldtidspersoner_perioder final: per period its weeks ÷ its ISO weeks, NULL for no rows, a NULL element under jobreg.min_cell persons';
COMMENT ON FUNCTION fuldtid_periods_persons(float8[]) IS 'fuldtidspersoner_perioder_personer final: per period the persons with a week on the codes in it';

CREATE AGGREGATE fuldtidspersoner_perioder(wl weekline, codes int4[], periods weekrange[]) (
	SFUNC = fuldtid_periods_trans,
	STYPE = float8[],
	INITCOND = '{}',
	COMBINEFUNC = fuldtid_periods_combine,
	FINALFUNC = fuldtid_periods_final,
	MSFUNC = fuldtid_periods_trans,
	MINVFUNC = fuldtid_periods_inv,
	MSTYPE = float8[],
	MINITCOND = '{}',
	MFINALFUNC = fuldtid_periods_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner_perioder(weekline, int4[], weekrange[]) IS 'fuldtidspersoner for several periods at once: element i equals fuldtidspersoner(wl, codes, periods[i]); each history read once';
CREATE AGGREGATE fuldtidspersoner_perioder_personer(wl weekline, codes int4[], periods weekrange[]) (
	SFUNC = fuldtid_periods_trans,
	STYPE = float8[],
	INITCOND = '{}',
	COMBINEFUNC = fuldtid_periods_combine,
	FINALFUNC = fuldtid_periods_persons,
	MSFUNC = fuldtid_periods_trans,
	MINVFUNC = fuldtid_periods_inv,
	MSTYPE = float8[],
	MINITCOND = '{}',
	MFINALFUNC = fuldtid_periods_persons,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner_perioder_personer(weekline, int4[], weekrange[]) IS 'the persons behind fuldtidspersoner_perioder: per period the histories with at least one week on the codes in it';
