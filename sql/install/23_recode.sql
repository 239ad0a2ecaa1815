/* ---------- recode: codes mapped to states, by arrays or by a codebook's groups ---------- */

CREATE FUNCTION weekline_recode(w weekline, from_codes int4[], to_codes int4[]) RETURNS weekline
	AS 'MODULE_PATHNAME', 'weekline_recode' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION weekline_recode(w weekline, codebook text) RETURNS weekline
	AS 'MODULE_PATHNAME', 'weekline_recode_codebook' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION weekline_recode(weekline, int4[], int4[]) IS 'the weekline with code from_codes[i] replaced by to_codes[i]; other codes kept';
COMMENT ON FUNCTION weekline_recode(weekline, text) IS 'the weekline with each code replaced by the number of its group in the codebook (groups numbered 1, 2, ... by their smallest code; 0 kept)';
