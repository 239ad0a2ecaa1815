/* ---------- paired tests for matched pairs: McNemar and the paired t-test ---------- */

CREATE TYPE mcnemar_result AS (
	statistic float8,
	df int4,
	p_value float8,
	treated_only float8,
	control_only float8,
	pairs float8
);
COMMENT ON TYPE mcnemar_result IS 'result of mcnemar: chi-square statistic, df and p-value as R''s mcnemar.test, the discordant pairs (outcome in the treated unit only, in the control only) and all pairs';

CREATE FUNCTION mcnemar_trans(float8[], bool, bool) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mcnemar_trans(float8[], bool, bool, bool) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mcnemar_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mcnemar_final(float8[]) RETURNS mcnemar_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mcnemar_trans(float8[], bool, bool) IS 'mcnemar transition: counts the pair in its cell of the 2 x 2 table';
COMMENT ON FUNCTION mcnemar_trans(float8[], bool, bool, bool) IS 'mcnemar transition: counts the pair in its cell of the 2 x 2 table and keeps the correction, which all rows must share';
COMMENT ON FUNCTION mcnemar_combine(float8[], float8[]) IS 'mcnemar combine: adds the cells of two partial states';
COMMENT ON FUNCTION mcnemar_final(float8[]) IS 'mcnemar final: the test, NULL without pairs';

CREATE AGGREGATE mcnemar(treated_outcome bool, control_outcome bool) (
	SFUNC = mcnemar_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = mcnemar_combine,
	FINALFUNC = mcnemar_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE mcnemar(treated_outcome bool, control_outcome bool, correct bool) (
	SFUNC = mcnemar_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = mcnemar_combine,
	FINALFUNC = mcnemar_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE mcnemar(bool, bool) IS 'McNemar''s test of a binary outcome over matched pairs (one row per pair), with the continuity correction, as R''s mcnemar.test';
COMMENT ON AGGREGATE mcnemar(bool, bool, bool) IS 'McNemar''s test of a binary outcome over matched pairs (one row per pair), with the continuity correction when correct is true, as R''s mcnemar.test(correct = )';

CREATE TYPE paired_t_result AS (
	difference float8,
	conf_low float8,
	conf_high float8,
	statistic float8,
	df float8,
	p_value float8,
	std_err float8,
	sd float8,
	n int8
);
COMMENT ON TYPE paired_t_result IS 'result of paired_t: mean difference with confidence interval, t statistic, df and p-value, standard error, standard deviation of the differences and pairs, as R''s t.test(paired = TRUE)';

CREATE FUNCTION paired_t_trans(float8[], float8, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION paired_t_trans(float8[], float8, float8, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION paired_t_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION paired_t_final(float8[]) RETURNS paired_t_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION paired_t_trans(float8[], float8, float8) IS 'paired_t transition: updates the count, compensated sum and squared deviations of the differences x - y';
COMMENT ON FUNCTION paired_t_trans(float8[], float8, float8, float8) IS 'paired_t transition: updates the moments of the differences x - y and keeps the confidence level, which all rows must share';
COMMENT ON FUNCTION paired_t_combine(float8[], float8[]) IS 'paired_t combine: merges two partial states (Chan, Golub and LeVeque)';
COMMENT ON FUNCTION paired_t_final(float8[]) IS 'paired_t final: the test, NULL without pairs';

CREATE AGGREGATE paired_t(x float8, y float8) (
	SFUNC = paired_t_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = paired_t_combine,
	FINALFUNC = paired_t_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE paired_t(x float8, y float8, conf_level float8) (
	SFUNC = paired_t_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = paired_t_combine,
	FINALFUNC = paired_t_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE paired_t(float8, float8) IS 'paired t-test of x - y over matched pairs (one row per pair), 95 % interval, as R''s t.test(x, y, paired = TRUE)';
COMMENT ON AGGREGATE paired_t(float8, float8, float8) IS 'paired t-test of x - y over matched pairs (one row per pair) with the given confidence level, as R''s t.test(x, y, paired = TRUE, conf.level = )';
