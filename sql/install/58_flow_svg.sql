/* ---------- flow_svg: the chronogram of a flow as an SVG image ---------- */

/* Not strict (title may be NULL); STABLE: the stacks honour jobreg.min_cell */
CREATE FUNCTION flow_svg(f flow, codes int4[], labels text[], title text DEFAULT NULL,
						 week_step int4 DEFAULT NULL,
						 x_label text DEFAULT 'uger efter startugen',
						 y_label text DEFAULT 'andel af personerne',
						 width int4 DEFAULT 720, height int4 DEFAULT 450)
	RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION flow_svg(flow, int4[], text[], text, int4, text, text, int4, int4) IS 'SVG chronogram of a flow: stacked state shares per week with a legend and the persons observed under the time axis; 1 to 14 states, every code of the flow listed, at most 200 ticks; cells withheld by jobreg.min_cell drawn as one grey band';
