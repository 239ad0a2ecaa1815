--
-- funnel_svg: observed ÷ expected per kommune as a funnel plot
--
\i test/lib/compare.sql
\i test/lib/errors.sql

-- 40 kommuner with expected counts from 5 to 800; most near their expected
-- count, two far above, one far below
CREATE TABLE fun AS
SELECT k, e, CASE k WHEN 7 THEN round(e * 1.6) WHEN 23 THEN round(e * 0.6) WHEN 31 THEN round(e * 1.3)
				   ELSE round(e * (0.9 + (k % 5) / 20.0)) END AS o, 'Kommune ' || k AS name
FROM (SELECT k, 5 + (k * k * 37 % 800)::float8 AS e FROM generate_series(1, 40) AS k) AS s;

CREATE TABLE fun_svg AS
SELECT funnel_svg(array_agg(k ORDER BY k), array_agg(o ORDER BY k), array_agg(e ORDER BY k),
				  array_agg(name ORDER BY k), 31, 'Faktisk mod forventet <afgang> & klynge') AS svg FROM fun;
SELECT length(svg) > 5000 AS drawn, svg LIKE '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="450"%' AS svg_element,
	   svg LIKE '%Faktisk mod forventet &lt;afgang&gt; &amp; klynge%' AS escaped_title,
	   svg LIKE '%>forventet antal<%' AND svg LIKE '%>faktisk ÷ forventet<%' AS danish_axes,
	   svg LIKE '%>95 %-grænser<%' AND svg LIKE '%>99,8 %-grænser<%' AS danish_legend,
	   (SELECT count(*) FROM regexp_matches(svg, '<circle [^>]*data-kommune', 'g')) AS points,
	   (SELECT count(*) FROM regexp_matches(svg, '<path [^>]*data-level', 'g')) AS limit_curves
FROM fun_svg;

-- the points read back from the picture: counts in data attributes, the ratio
-- from the pixel position on the ratio axis (its labels give the scale)
CREATE TABLE fun_read AS
WITH axis AS (
	SELECT min(m[1]::float8) FILTER (WHERE m[2]::float8 = 0) AS y0,
		   min(m[1]::float8) FILTER (WHERE m[2]::float8 = 1) AS y1
	FROM fun_svg, regexp_matches(svg, '<text x="[0-9.]+" y="([0-9.]+)"[^>]*data-ratio="([0-9.e+-]+)"', 'g') AS m)
SELECT m[3]::int AS k, m[4]::float8 AS o, m[5]::float8 AS e, m[6] AS outside,
	   (a.y0 - m[2]::float8) / (a.y0 - a.y1) AS ratio_drawn
FROM fun_svg, axis a,
	 regexp_matches(svg, '<circle cx="([0-9.]+)" cy="([0-9.]+)"[^>]*data-kommune="([0-9]+)" data-observed="([0-9.e+]+)" data-expected="([0-9.e+]+)" data-outside="([0-9.]*)"', 'g') AS m;
SELECT count(*) AS kommuner, count(*) FILTER (WHERE f.o = r.o AND f.e = r.e) AS counts_equal,
	   count(*) FILTER (WHERE abs(r.ratio_drawn - f.o / f.e) < 0.01) AS ratio_within_a_pixel
FROM fun f JOIN fun_read r USING (k);
-- the limits are smr's: outside the 95 % (99.8 %) limits exactly when smr's
-- interval at that level excludes 1
SELECT count(*) AS kommuner,
	   count(*) FILTER (WHERE (r.outside <> '') = (s95.lower > 1 OR s95.upper < 1)) AS agree_95,
	   count(*) FILTER (WHERE (r.outside = '99.8') = (s998.lower > 1 OR s998.upper < 1)) AS agree_998,
	   string_agg(r.k || ':' || r.outside, ' ' ORDER BY r.k) FILTER (WHERE r.outside <> '') AS outside
FROM fun_read r CROSS JOIN LATERAL smr(r.o, r.e, 0.95) s95 CROSS JOIN LATERAL smr(r.o, r.e, 0.998) s998;
-- and for every whole count from 0 to past the limits at a range of expected
-- counts (one picture per expected count, a point per count): a point drawn
-- outside the band exactly when smr's interval excludes 1
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE (m[2] <> '') = (s.lower > 1 OR s.upper < 1)) AS agree_95
FROM (SELECT e, funnel_svg(array_agg(o), array_agg(o::float8), array_agg(e)) AS svg
	  FROM unnest('{0.5, 2, 3.7, 10, 55.5, 300, 1000}'::float8[]) AS e,
		   LATERAL generate_series(0, ceil(e * 1.3 + 12)::int) AS o
	  GROUP BY e) AS f
	 CROSS JOIN LATERAL regexp_matches(f.svg, 'data-kommune="([0-9]+)"[^>]*data-outside="([0-9.]*)"', 'g') AS m
	 CROSS JOIN LATERAL smr(m[1]::float8, f.e, 0.95) AS s;
-- the focus kommune and those outside 99.8 % are named beside their points
SELECT (regexp_matches(svg, '<text [^>]*>(Kommune [0-9]+)</text>', 'g'))[1] AS named FROM fun_svg ORDER BY 1;

-- NULL kommuner are left out; no kommune gives NULL
SELECT (SELECT count(*) FROM regexp_matches(funnel_svg('{1,2,3}', '{4,NULL,6}', '{5,5,NULL}'), '<circle [^>]*data-kommune', 'g')) AS points,
	   funnel_svg('{}', '{}', '{}') IS NULL AS none_is_null, funnel_svg(NULL, '{1}', '{1}') IS NULL AS null_is_null;
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT funnel_svg('{1,2}', '{1}', '{1,2}')$$,
	$$SELECT funnel_svg('{1}', '{1}', '{0}')$$,
	$$SELECT funnel_svg('{1}', '{-1}', '{1}')$$,
	$$SELECT funnel_svg('{1}', '{NaN}', '{1}')$$,
	$$SELECT funnel_svg('{1}', '{1}', '{Infinity}')$$,
	$$SELECT funnel_svg('{1}', '{1}', '{1}', '{a,b}')$$,
	$$SELECT funnel_svg('{{1}}', '{1}', '{1}')$$,
	$$SELECT funnel_svg('{1}', '{1}', '{1}', width => 100)$$,
	$$SELECT funnel_svg('{1}', '{1}', '{1}', x_label => NULL)$$,
	$$SELECT funnel_svg(array_agg(g), array_agg(1::float8), array_agg(1::float8)) FROM generate_series(1, 2001) g$$
]) AS q;

-- jobreg.min_cell (issue 19): a kommune resting on fewer persons is not drawn, nor named, nor
-- used for the axes, and the legend says how many were left out; without persons the observed
-- count stands for them
CREATE FUNCTION pg_temp.fun_points(svg text) RETURNS text LANGUAGE sql AS
$$SELECT string_agg(m[1], ',' ORDER BY m[1]::int) FROM regexp_matches(svg, '<circle [^>]*data-kommune="([0-9]+)"', 'g') AS m$$;
SELECT pg_temp.fun_points(funnel_svg('{1,2,3,4}', '{2,8,30,3}', '{3,10,25,2}', focus => 1,
									 persons => '{40,3,500,NULL}')) AS unset_all_drawn;
SET jobreg.min_cell = 5;
SELECT pg_temp.fun_points(svg) AS drawn, svg LIKE '%>skjult: 2 kommuner under 5 personer<%' AS legend_note,
	   svg LIKE '%data-withheld="2"%' AS withheld_count, svg LIKE '%>Kommune 1<%' AS focus_named
FROM (SELECT funnel_svg('{1,2,3,4}', '{2,8,30,3}', '{3,10,25,2}', '{Kommune 1,Kommune 2,Kommune 3,Kommune 4}', 1,
						persons => '{40,3,500,NULL}') AS svg) AS x;
-- without persons, the observed count: kommuner 1 (2) and 4 (3) are left out, the focus among them
SELECT pg_temp.fun_points(svg) AS drawn, svg LIKE '%>skjult: 2 kommuner under 5 personer<%' AS legend_note,
	   svg NOT LIKE '%>Kommune 1<%' AS focus_not_named
FROM (SELECT funnel_svg('{1,2,3,4}', '{2,8,30,3}', '{3,10,25,2}', '{Kommune 1,Kommune 2,Kommune 3,Kommune 4}', 1) AS svg) AS x;
-- the axes do not show where a left-out point lies: everything before the points (axes, limits)
-- is the picture without that kommune's
SELECT split_part(funnel_svg('{1,2,3}', '{2,80,30}', '{300,10,25}', persons => '{1,5,500}'), '<circle', 1)
	   = split_part(funnel_svg('{2,3}', '{80,30}', '{10,25}'), '<circle', 1) AS same_axes_and_limits,
	   split_part(funnel_svg('{1,2,3}', '{2,80,30}', '{300,10,25}', persons => '{5,5,500}'), '<circle', 1)
	   <> split_part(funnel_svg('{2,3}', '{80,30}', '{10,25}'), '<circle', 1) AS differ_when_drawn;
-- every kommune left out: NULL, as no kommune
SELECT funnel_svg('{1,2}', '{1,2}', '{3,3}') IS NULL AS all_withheld_is_null;
RESET jobreg.min_cell;
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT funnel_svg('{1,2}', '{1,2}', '{1,2}', persons => '{1}')$$,
	$$SELECT funnel_svg('{1}', '{1}', '{1}', persons => '{-1}')$$
]) AS q;
