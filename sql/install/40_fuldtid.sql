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
COMMENT ON FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange) IS 'fuldtidspersoner transition: adds weeks on the codes in the period ÷ the ISO weeks of the period';
COMMENT ON FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange, float8) IS 'fuldtidspersoner transition: adds weeks on the codes in the period ÷ weeks_in_period';

CREATE AGGREGATE fuldtidspersoner(wl weekline, codes int4[], period weekrange) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_combine,
	FINALFUNC = fuldtid_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE fuldtidspersoner(wl weekline, codes int4[], period weekrange, weeks_in_period float8) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_combine,
	FINALFUNC = fuldtid_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner(weekline, int4[], weekrange) IS 'full-time equivalents from weeklines: Σ weeks on the codes in the period ÷ the actual ISO weeks of the period (Thursday rule: quarter_weeks, month_weeks)';
COMMENT ON AGGREGATE fuldtidspersoner(weekline, int4[], weekrange, float8) IS 'full-time equivalents from weeklines with a fixed denominator: Σ weeks on the codes in the period ÷ weeks_in_period (Jobindsats: 13 a quarter, 52 a year)';

/* ---------- fuldtidspersoner over several periods in one pass ---------- */

CREATE FUNCTION fuldtid_periods_trans(float8[], weekline, int4[], weekrange[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_final(float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fuldtid_periods_trans(float8[], weekline, int4[], weekrange[]) IS 'fuldtidspersoner_perioder transition: adds, per period, weeks on the codes in it ÷ its ISO weeks';
COMMENT ON FUNCTION fuldtid_periods_combine(float8[], float8[]) IS 'fuldtidspersoner_perioder combine: adds two partial states period by period';
COMMENT ON FUNCTION fuldtid_periods_final(float8[]) IS 'fuldtidspersoner_perioder final: the compensated sum of each period, NULL for no rows';

CREATE AGGREGATE fuldtidspersoner_perioder(wl weekline, codes int4[], periods weekrange[]) (
	SFUNC = fuldtid_periods_trans,
	STYPE = float8[],
	INITCOND = '{}',
	COMBINEFUNC = fuldtid_periods_combine,
	FINALFUNC = fuldtid_periods_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner_perioder(weekline, int4[], weekrange[]) IS 'fuldtidspersoner for several periods at once: element i equals fuldtidspersoner(wl, codes, periods[i]); each history read once';
