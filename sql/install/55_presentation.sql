
/* ---------- Danish presentation (ICU) ---------- */

/*
 * ICU's Danish tailoring sorts Æ, Ø, Å after Z and the old spelling Aa as
 * Å, whatever the database's own locale is.
 */
CREATE COLLATION dansk (provider = icu, locale = 'da-DK');

COMMENT ON COLLATION dansk IS 'Danish (ICU da-DK): Æ, Ø, Å after Z, Aa sorted as Å (Aabenraa after Ærø)';

CREATE FUNCTION dk_number(numeric, decimals int DEFAULT 0) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION dk_pct(ratio float8, decimals int DEFAULT 1) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kommune_kode(navn text) RETURNS int
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION dk_number(numeric, int) IS 'a number in Danish format by ICU (da_DK): 16.750, 5,5, -5.750; ties rounded away from zero';
COMMENT ON FUNCTION dk_pct(float8, int) IS 'a ratio as a Danish percentage by ICU (da_DK): 0.055 gives 5,5 pct.';
COMMENT ON FUNCTION kommune_kode(text) IS 'the kommunekode of a municipality name, tolerant of case, æ/ø/å spellings, hyphens and a "Kommune" suffix; unknown names are an error listing the closest; names of at most 200 characters';
