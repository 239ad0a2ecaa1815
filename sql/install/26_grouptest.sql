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
COMMENT ON FUNCTION prop_test_trans(float8[], bool, bool) IS 'prop_test transition: counts successes and rows per group';
COMMENT ON FUNCTION prop_test_final(float8[]) IS 'prop_test final: the test, NULL unless both groups have rows';

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
