/* ---------- sums: the combine function of float8[] count states ---------- */
CREATE FUNCTION jobreg_array_sum(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobreg_array_sum(float8[], float8[]) IS 'combine function of count-state aggregates: element-wise sum of two float8 arrays';
