/* ---------- smr: observed against expected, as R's poisson.test ---------- */

CREATE FUNCTION smr(observed float8, expected float8, conf_level float8 DEFAULT 0.95,
					OUT ratio float8, OUT lower float8, OUT upper float8, OUT p_value float8)
	RETURNS record
	AS 'MODULE_PATHNAME', 'smr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION smr(float8, float8, float8) IS 'standardized ratio observed / expected with the exact Poisson confidence interval and two-sided p-value, as R''s poisson.test(observed, T = expected)';
