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

/* ---------- group comparisons: distributions ---------- */

CREATE FUNCTION pchisq(x float8, df float8, lower_tail bool DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'jobreg_pchisq_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pt(x float8, df float8, lower_tail bool DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'jobreg_pt_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION qt(p float8, df float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'jobreg_qt_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION qnorm(p float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'jobreg_qnorm_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION pchisq(float8, float8, bool) IS 'chi-square distribution function, as R''s pchisq: P[X <= x], or P[X > x] when lower_tail is false; df at most 1e12';
COMMENT ON FUNCTION pt(float8, float8, bool) IS 'Student t distribution function, as R''s pt: P[T <= x], or P[T > x] when lower_tail is false';
COMMENT ON FUNCTION qt(float8, float8) IS 'Student t quantile, as R''s qt';
COMMENT ON FUNCTION qnorm(float8) IS 'standard normal quantile, as R''s qnorm';

/* ---------- group comparisons: two-proportion test ---------- */

CREATE TYPE prop_test_result AS (
	estimate1 float8,
	estimate2 float8,
	difference float8,
	conf_low float8,
	conf_high float8,
	statistic float8,
	df int4,
	p_value float8,
	x1 float8,
	n1 float8,
	x2 float8,
	n2 float8
);
COMMENT ON TYPE prop_test_result IS 'result of prop_test: proportions, difference with confidence interval, chi-square statistic, df and p-value, and the counts, as R''s prop.test(correct = FALSE)';

CREATE FUNCTION prop_test(x1 float8, n1 float8, x2 float8, n2 float8, conf_level float8 DEFAULT 0.95)
	RETURNS prop_test_result
	AS 'MODULE_PATHNAME', 'prop_test_counts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION prop_test(float8, float8, float8, float8, float8) IS 'two-proportion chi-square test of x1/n1 against x2/n2, as R''s prop.test(correct = FALSE)';

CREATE FUNCTION prop_test_trans(float8[], bool, bool) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION prop_test_final(float8[]) RETURNS prop_test_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobreg_array_sum(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION prop_test_trans(float8[], bool, bool) IS 'prop_test transition: counts successes and rows per group';
COMMENT ON FUNCTION prop_test_final(float8[]) IS 'prop_test final: the test, NULL unless both groups have rows';
COMMENT ON FUNCTION jobreg_array_sum(float8[], float8[]) IS 'combine function of count-state aggregates: element-wise sum of two float8 arrays';

CREATE AGGREGATE prop_test(success bool, grp bool) (
	SFUNC = prop_test_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum,
	FINALFUNC = prop_test_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE prop_test(bool, bool) IS 'two-proportion test of the share of successes where grp is true against where it is false, as R''s prop.test(correct = FALSE)';

/* ---------- group comparisons: Welch's t-test ---------- */

CREATE TYPE welch_test_result AS (
	mean1 float8,
	mean2 float8,
	difference float8,
	conf_low float8,
	conf_high float8,
	statistic float8,
	df float8,
	p_value float8,
	std_err float8,
	sd1 float8,
	sd2 float8,
	n1 int8,
	n2 int8
);
COMMENT ON TYPE welch_test_result IS 'result of welch_test: means, difference with confidence interval, t statistic, Welch df and p-value, standard error, and the groups'' standard deviations and sizes, as R''s t.test';

CREATE FUNCTION welch_test(mean1 float8, sd1 float8, n1 int8, mean2 float8, sd2 float8, n2 int8,
						   conf_level float8 DEFAULT 0.95)
	RETURNS welch_test_result
	AS 'MODULE_PATHNAME', 'welch_test_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION welch_test(float8, float8, int8, float8, float8, int8, float8) IS 'Welch two-sample t-test from means, standard deviations and sizes, as R''s t.test(var.equal = FALSE)';

CREATE FUNCTION welch_test_trans(float8[], float8, bool) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION welch_test_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION welch_test_final(float8[]) RETURNS welch_test_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION welch_test_trans(float8[], float8, bool) IS 'welch_test transition: updates the count, compensated sum and squared deviations of a group';
COMMENT ON FUNCTION welch_test_combine(float8[], float8[]) IS 'welch_test combine: merges two partial states (Chan, Golub and LeVeque)';
COMMENT ON FUNCTION welch_test_final(float8[]) IS 'welch_test final: the test, NULL unless both groups have rows';

CREATE AGGREGATE welch_test(x float8, grp bool) (
	SFUNC = welch_test_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0,0,0,0}',
	COMBINEFUNC = welch_test_combine,
	FINALFUNC = welch_test_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE welch_test(float8, bool) IS 'Welch two-sample t-test of x where grp is true against where it is false, as R''s t.test(var.equal = FALSE)';

/* ---------- activation: offer types ---------- */

CREATE TABLE tilbudstype (
	kode text PRIMARY KEY,
	navn text NOT NULL,
	virksomhedsrettet bool NOT NULL,
	standard bool NOT NULL DEFAULT false,
	shipped bool NOT NULL DEFAULT false
);
COMMENT ON TABLE tilbudstype IS 'activation offer types (tilbud) and whether each counts as virksomhedsrettet (company-directed) activation';
COMMENT ON COLUMN tilbudstype.kode IS 'the code used in the offer data, e.g. virksomhedspraktik';
COMMENT ON COLUMN tilbudstype.navn IS 'the name of the offer type';
COMMENT ON COLUMN tilbudstype.virksomhedsrettet IS 'true if the offer is company-directed activation (virksomhedspraktik, løntilskud)';
COMMENT ON COLUMN tilbudstype.standard IS 'true for the standard offer types of the official classification (the extension ships them); a plain attribute, set it as you like: whether pg_dump dumps a row depends on shipped';
COMMENT ON COLUMN tilbudstype.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';

CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON tilbudstype
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON tilbudstype
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON tilbudstype IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON tilbudstype IS 'records shipped keys that leave the table in shipped_deleted';

INSERT INTO tilbudstype (kode, navn, virksomhedsrettet, standard, shipped) VALUES
	('virksomhedspraktik', 'Virksomhedspraktik', true, true, true),
	('løntilskud privat', 'Ansættelse med løntilskud, privat arbejdsgiver', true, true, true),
	('løntilskud offentlig', 'Ansættelse med løntilskud, offentlig arbejdsgiver', true, true, true),
	('nytteindsats', 'Nytteindsats', false, true, true),
	('jobrotation', 'Jobrotation (ansættelse som vikar)', false, true, true),
	('vejledning og opkvalificering', 'Øvrig vejledning og opkvalificering', false, true, true),
	('ordinær uddannelse', 'Ordinær uddannelse', false, true, true);

SELECT pg_catalog.pg_extension_config_dump('tilbudstype', 'WHERE NOT shipped');

/* ---------- activation: per person ---------- */

CREATE TYPE aktivering AS (
	personer int8,
	aktiveringsberoerte int8,
	ydelsestimer float8,
	aktiveringstimer float8,
	virksomhedsrettede_timer float8
);
COMMENT ON TYPE aktivering IS 'activation of one person or many in a period: persons on the benefit, persons with activation, possible hours (37 a week on the benefit), activation hours, company-directed activation hours';

CREATE FUNCTION aktivering_trans(internal, datemultirange, daterange, text, daterange, float8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION aktivering_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION aktivering_serial(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_deserial(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_final(internal) RETURNS aktivering
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION aktivering_trans(internal, datemultirange, daterange, text, daterange, float8) IS 'aktivering transition: collects one person''s offers, clipped to the period';
COMMENT ON FUNCTION aktivering_combine(internal, internal) IS 'aktivering combine: joins the offers of two partial states of the same person';
COMMENT ON FUNCTION aktivering_serial(internal) IS 'aktivering serialization: the period, benefit intervals and offers';
COMMENT ON FUNCTION aktivering_deserial(bytea, internal) IS 'aktivering deserialization, checked';
COMMENT ON FUNCTION aktivering_final(internal) IS 'aktivering final: benefit hours, activation hours capped at 37 a week, company-directed hours';

CREATE AGGREGATE aktivering(ydelse datemultirange, periode daterange, tilbudstype text, tilbud daterange, timer float8) (
	SFUNC = aktivering_trans,
	STYPE = internal,
	COMBINEFUNC = aktivering_combine,
	SERIALFUNC = aktivering_serial,
	DESERIALFUNC = aktivering_deserial,
	FINALFUNC = aktivering_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE aktivering(datemultirange, daterange, text, daterange, float8) IS 'activation of one person in a period, from the benefit periods and the offers (type, days, hours per week); rows without an offer (NULL type, days and hours) count the benefit only';

/* ---------- activation: populations ---------- */

CREATE FUNCTION aktivering_accum(float8[], aktivering) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_sum_final(float8[]) RETURNS aktivering
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktiveringsgrad_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktiveringsberoerte_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION virksomhedsrettet_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION aktivering_accum(float8[], aktivering) IS 'transition of the population activation aggregates: adds one aktivering value';
COMMENT ON FUNCTION aktivering_sum_final(float8[]) IS 'aktivering_sum final: the summed aktivering value, NULL for no rows';
COMMENT ON FUNCTION aktiveringsgrad_final(float8[]) IS 'aktiveringsgrad final: activation hours ÷ possible hours';
COMMENT ON FUNCTION aktiveringsberoerte_final(float8[]) IS 'andel_aktiveringsberoerte final: persons with activation ÷ persons on the benefit';
COMMENT ON FUNCTION virksomhedsrettet_final(float8[]) IS 'virksomhedsrettet_andel final: company-directed activation hours ÷ activation hours';

CREATE AGGREGATE aktivering_sum(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktivering_sum_final, PARALLEL = SAFE
);
CREATE AGGREGATE aktiveringsgrad(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktiveringsgrad_final, PARALLEL = SAFE
);
CREATE AGGREGATE andel_aktiveringsberoerte(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktiveringsberoerte_final, PARALLEL = SAFE
);
CREATE AGGREGATE virksomhedsrettet_andel(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = virksomhedsrettet_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE aktivering_sum(aktivering) IS 'sum of aktivering values (persons, hours), for rollups';
COMMENT ON AGGREGATE aktiveringsgrad(aktivering) IS 'aktiveringsgrad: activation hours ÷ possible activation hours (37 a week on the benefit)';
COMMENT ON AGGREGATE andel_aktiveringsberoerte(aktivering) IS 'andel aktiveringsberørte: persons with any activation in the period ÷ persons on the benefit in the period';
COMMENT ON AGGREGATE virksomhedsrettet_andel(aktivering) IS 'virksomhedsrettet andel: company-directed activation hours ÷ all activation hours';
