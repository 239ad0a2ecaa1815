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
