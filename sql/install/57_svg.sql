/* ---------- surv_svg: survival curves as an SVG image ---------- */

/* Not strict (title may be NULL); STABLE: curves honour jobreg.min_cell */
CREATE FUNCTION surv_svg(curves survival[], labels text[], title text DEFAULT NULL,
						 max_time float8 DEFAULT NULL, time_step float8 DEFAULT NULL,
						 x_label text DEFAULT 'time', y_label text DEFAULT 'share remaining',
						 width int4 DEFAULT 720, height int4 DEFAULT 450)
	RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION surv_svg(survival[], text[], text, float8, float8, text, text, int4, int4) IS 'SVG image of labelled Kaplan-Meier curves with axes and a legend; the time axis ends between 1e-6 and 1e12 and has at most 200 ticks';
