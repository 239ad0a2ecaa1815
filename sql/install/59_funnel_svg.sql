/* ---------- funnel_svg: observed ÷ expected per kommune as a funnel plot ---------- */

-- Not STRICT: names, focus, title and persons may be NULL
CREATE FUNCTION funnel_svg(kommunekoder int4[], observed float8[], expected float8[],
						   names text[] DEFAULT NULL, focus int4 DEFAULT NULL, title text DEFAULT NULL,
						   x_label text DEFAULT 'forventet antal',
						   y_label text DEFAULT 'faktisk ÷ forventet',
						   width int4 DEFAULT 720, height int4 DEFAULT 450, persons int8[] DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION funnel_svg(int4[], float8[], float8[], text[], int4, text, text, text, int4, int4, int8[]) IS 'SVG funnel plot: per kommune observed ÷ expected against the expected count, the target 1 and smr''s exact 95 % and 99.8 % limits; the focus kommune and those outside 99.8 % named; kommuner under jobreg.min_cell persons (persons, else the observed count) not drawn';
