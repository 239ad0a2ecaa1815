--
-- flow_svg: the chronogram of a flow as an SVG image
--
\i test/lib/compare.sql
\i test/lib/errors.sql

-- The horizontal edges of the filled paths (the bands), in drawing order:
-- band n, from x1 to x2 at height y.  A band's path is M x y, then V y and
-- H x steps, Z closing each run of weeks.
CREATE FUNCTION pg_temp.edges(svg text) RETURNS TABLE (band int, fill text, x1 float8, x2 float8, y float8)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	p record;
	cmd record;
	cx float8;
	cy float8;
BEGIN
	FOR p IN SELECT m[1] AS fill, m[2] AS d, row_number() OVER () AS n
			 FROM regexp_matches(svg, '<path fill="([^"]+)" d="([^"]+)"/>', 'g') AS m
	LOOP
		FOR cmd IN SELECT c[1] AS op, c[2] AS arg FROM regexp_matches(p.d, '([MVHZ])([-0-9. ]*)', 'g') AS c
		LOOP
			IF cmd.op = 'M' THEN
				cx := split_part(cmd.arg, ' ', 1)::float8;
				cy := split_part(cmd.arg, ' ', 2)::float8;
			ELSIF cmd.op = 'V' THEN
				cy := cmd.arg::float8;
			ELSIF cmd.op = 'H' THEN
				band := p.n; fill := p.fill; x1 := least(cx, cmd.arg::float8);
				x2 := greatest(cx, cmd.arg::float8); y := cy;
				RETURN NEXT;
				cx := cmd.arg::float8;
			END IF;
		END LOOP;
	END LOOP;
END $$;

-- The stacks as drawn: per week (the tick labels and the share axis give the
-- scale) and band, the bottom and top of the band as shares.
CREATE FUNCTION pg_temp.drawn(svg text, step int)
RETURNS TABLE (week int, band int, fill text, bottom float8, top float8)
LANGUAGE sql IMMUTABLE AS $$
	WITH axis AS MATERIALIZED (
		SELECT (regexp_match(svg, 'y="([0-9.]+)"[^>]*>0 %<'))[1]::float8 AS y0,
			   (regexp_match(svg, 'y="([0-9.]+)"[^>]*>100 %<'))[1]::float8 AS y100,
			   (regexp_match(svg, '<text x="([0-9.]+)" y="[0-9.]+" font-size="12" fill="#444444" text-anchor="middle">0<'))[1]::float8 AS x0,
			   (regexp_match(svg, '<text x="([0-9.]+)" y="[0-9.]+" font-size="12" fill="#444444" text-anchor="middle">' || step || '<'))[1]::float8 AS xs),
	edge AS MATERIALIZED (SELECT * FROM pg_temp.edges(svg)),
	weeks AS (
		SELECT w, a.x0 + w * (a.xs - a.x0) / step AS xm, a.*
		FROM axis a, generate_series(0, 520) AS w
		WHERE a.x0 + w * (a.xs - a.x0) / step < (SELECT max(x2) FROM edge))
	SELECT w, e.band, e.fill, (w0.y0 - max(e.y)) / (w0.y0 - w0.y100), (w0.y0 - min(e.y)) / (w0.y0 - w0.y100)
	FROM weeks w0 JOIN edge e ON e.x1 < w0.xm AND w0.xm < e.x2
	GROUP BY w, e.band, e.fill, w0.y0, w0.y100
$$;

-- a cohort of 400 persons over 26 weeks, with censoring: codes 1
-- (kontanthjælp), 2 (other benefits), 0 (no benefit), 5 (rare)
SELECT setseed(0.58);
CREATE TABLE fs_runs AS
SELECT p, r, (ARRAY[0, 1, 1, 2, 2, 0])[1 + floor(random() * 6)::int] AS code,
	   1 + floor(random() ^ 2 * 10)::int AS len
FROM generate_series(1, 400) AS p,
	 LATERAL generate_series(1, 1 + floor(random() * 6)::int + 0 * p) AS r;
CREATE TABLE fs_hist AS
SELECT p, weekline_from_runs('2015-W01'::isoweek - floor(random() * 4)::int + 0 * p,
							 array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM fs_runs GROUP BY p;
INSERT INTO fs_hist VALUES (401, '2015-W01 1x3 5x20'), (402, '2015-W01 1x5 5x20');
CREATE TABLE fs_flow AS SELECT flow(w, '2015-W01', 26) AS f FROM fs_hist;
SELECT count(*) FILTER (WHERE week = 0) AS codes, max(persons) FILTER (WHERE week = 0) AS most_in_week_0,
	   min(persons) FILTER (WHERE code = 5 AND persons > 0) AS fewest_in_code_5
FROM flow_table((SELECT f FROM fs_flow));

CREATE TABLE fs_svg AS
SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['kontanthjælp', 'andre ydelser', 'sjælden', 'selvforsørget'],
				'Hvor er de efter et halvt år?', 2) AS svg
FROM fs_flow;
SELECT xml_is_well_formed_document(svg) AS well_formed,
	   svg LIKE '<svg xmlns="http://www.w3.org/2000/svg"%' AS is_svg,
	   svg LIKE '%<title>Hvor er de efter et halvt år?</title>%' AS title,
	   (SELECT count(DISTINCT band) FROM pg_temp.edges(svg)) AS bands,
	   svg LIKE '%skjult%' AS has_withheld_band
FROM fs_svg;
-- every band of every week is its share, stacked in the order of the codes
-- (the coordinates are rounded to 0.01 px: a share to about 3e-5)
WITH t AS (
	SELECT week, code, share, sum(share) OVER (PARTITION BY week ORDER BY array_position(ARRAY[1, 2, 5, 0], code)) AS cum,
		   (ARRAY['#0072B2', '#D55E00', '#009E73', '#CC79A7'])[array_position(ARRAY[1, 2, 5, 0], code)] AS colour
	FROM flow_table((SELECT f FROM fs_flow))),
d AS (SELECT * FROM pg_temp.drawn((SELECT svg FROM fs_svg), 2))
SELECT count(*) AS cells,
	   count(d.week) AS drawn,
	   count(*) FILTER (WHERE d.week IS NULL AND t.share = 0) AS empty_not_drawn,
	   count(*) FILTER (WHERE d.week IS NULL AND t.share <> 0) AS missing,
	   count(*) FILTER (WHERE d.week IS NOT NULL AND (NOT pg_temp.near(d.top - d.bottom, t.share, 0, 5e-5)
													  OR NOT pg_temp.near(d.top, t.cum, 0, 5e-5))) AS wrong,
	   (SELECT count(*) FROM d) - count(d.week) AS drawn_but_no_cell
FROM t LEFT JOIN d ON d.week = t.week AND d.fill = t.colour;
-- the persons observed under the ticks (every second week), in Danish format
SELECT string_agg(m[1], ' ') AS persons_under_ticks
FROM fs_svg, regexp_matches(svg, 'font-size="11" fill="#444444" text-anchor="middle">([^<]*)<', 'g') AS m;
SELECT string_agg(n::text, ' ' ORDER BY week) AS observed
FROM (SELECT week, sum(persons) AS n FROM flow_table((SELECT f FROM fs_flow)) GROUP BY week) s
WHERE week % 2 = 0;
-- the legend: a swatch and a label per state, in the order given
SELECT t.text
FROM fs_svg,
	 XMLTABLE(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '//s:text[@font-size="13"]'
			  PASSING xmlparse(document svg) COLUMNS n FOR ORDINALITY, text text PATH '.') AS t
ORDER BY t.n;

-- disclosure control: cells (week, code) of fewer than 5 persons are not
-- drawn in their colour; the week's withheld shares are one grey band on
-- top, so every week still reaches 100 %
SET jobreg.min_cell = 5;
CREATE TABLE fs_svg5 AS
SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['kontanthjælp', 'andre ydelser', 'sjælden', 'selvforsørget'],
				NULL, 2) AS svg
FROM fs_flow;
WITH t AS (SELECT * FROM flow_table((SELECT f FROM fs_flow))),
d AS (SELECT * FROM pg_temp.drawn((SELECT svg FROM fs_svg5), 2))
SELECT (SELECT count(*) FROM t WHERE persons IS NULL AND share IS NULL) AS withheld_cells,
	   (SELECT count(*) FROM t JOIN d ON d.week = t.week
			AND d.fill = (ARRAY['#0072B2', '#D55E00', '#009E73', '#CC79A7'])[array_position(ARRAY[1, 2, 5, 0], t.code)]
		WHERE t.persons IS NULL) AS withheld_drawn_in_colour,
	   (SELECT count(*) FROM t JOIN d ON d.week = t.week
			AND d.fill = (ARRAY['#0072B2', '#D55E00', '#009E73', '#CC79A7'])[array_position(ARRAY[1, 2, 5, 0], t.code)]
		WHERE NOT pg_temp.near(d.top - d.bottom, t.share, 0, 5e-5)) AS shown_wrong,
	   (SELECT count(*) FROM (SELECT week, max(top) AS top FROM d GROUP BY week) s
		WHERE NOT pg_temp.near(top, 1, 0, 5e-5)) AS weeks_not_full,
	   (SELECT count(DISTINCT week) FROM d WHERE fill = 'url(#jobreg-flow-hidden)') AS weeks_with_grey,
	   (SELECT count(DISTINCT week) FROM t WHERE persons IS NULL) AS weeks_with_withheld,
	   (SELECT svg LIKE '%skjult: under 5 personer%' FROM fs_svg5) AS legend
FROM (SELECT 1) x;
-- the grey band is what flow_table implies: 1 minus the shares it shows
WITH t AS (SELECT week, 1 - sum(share) AS rest FROM flow_table((SELECT f FROM fs_flow)) GROUP BY week),
d AS (SELECT * FROM pg_temp.drawn((SELECT svg FROM fs_svg5), 2) WHERE fill = 'url(#jobreg-flow-hidden)')
SELECT count(*) AS grey_weeks, count(*) FILTER (WHERE NOT pg_temp.near(d.top - d.bottom, t.rest, 0, 5e-5)) AS wrong
FROM d JOIN t USING (week);
-- a week with fewer persons observed than the floor shows a dash, not its number
SET jobreg.min_cell = 300;
SELECT string_agg(m[1], ' ') AS persons_under_ticks
FROM (SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['a', 'b', 'c', 'd'], NULL, 2) AS svg FROM fs_flow) s,
	 regexp_matches(svg, 'font-size="11" fill="#444444" text-anchor="middle">([^<]*)<', 'g') AS m;
RESET jobreg.min_cell;

-- Danish numbers under the axis; ticks every 4 weeks for a year by default,
-- and where the numbers would overlap, every second tick gets one
CREATE TABLE fs_big AS
SELECT flow(weekline_from_runs('2015-W01'::isoweek, ARRAY[1, 2], ARRAY[1 + i % 60, 60]), '2015-W01', 52) AS f
FROM generate_series(1, 2000) AS i, generate_series(1, 6) AS rep;
SELECT string_agg(m[1], ' ') AS ticks
FROM (SELECT flow_svg(f, ARRAY[1, 2], ARRAY['kontanthjælp', 'andet']) AS svg FROM fs_big) s,
	 regexp_matches(svg, 'font-size="12" fill="#444444" text-anchor="middle">([^<]*)<', 'g') AS m;
SELECT string_agg(m[1], ' ') AS persons_under_ticks
FROM (SELECT flow_svg(f, ARRAY[1, 2], ARRAY['kontanthjælp', 'andet']) AS svg FROM fs_big) s,
	 regexp_matches(svg, 'font-size="11" fill="#444444" text-anchor="middle">([^<]*)<', 'g') AS m;
SELECT string_agg(m[1], ' ') AS persons_under_ticks_narrow
FROM (SELECT flow_svg(f, ARRAY[1, 2], ARRAY['kontanthjælp', 'andet'], width => 400) AS svg FROM fs_big) s,
	 regexp_matches(svg, 'font-size="11" fill="#444444" text-anchor="middle">([^<]*)<', 'g') AS m;
-- default steps for other horizons
SELECT h, string_agg(m[1], ' ') AS ticks
FROM unnest(ARRAY[0, 5, 26, 104, 520]) AS h,
	 LATERAL (SELECT flow_svg((SELECT flow(w, '2015-W01', h) FROM (VALUES ('2015-W01 1x10'::weekline)) v (w)), ARRAY[1], ARRAY['a']) AS svg) s,
	 LATERAL regexp_matches(svg, 'font-size="12" fill="#444444" text-anchor="middle">([^<]*)<', 'g') AS m
GROUP BY h ORDER BY h;

-- fourteen states: the eighth on are the seven colours hatched; the SVG parses
WITH f AS (
	SELECT flow(weekline_from_runs('2015-W01'::isoweek, ARRAY[c, 99], ARRAY[1 + i % 10, 30]), '2015-W01', 12) AS f
	FROM generate_series(1, 13) AS c, generate_series(1, 20) AS i
), svg AS (
	SELECT flow_svg(f, (SELECT array_agg(c) FROM generate_series(1, 13) c) || 99,
					(SELECT array_agg('tilstand ' || c) FROM generate_series(1, 13) c) || 'ude'::text) AS svg
	FROM f)
SELECT xml_is_well_formed_document(svg) AS well_formed,
	   (SELECT count(DISTINCT band) FROM pg_temp.edges(svg)) AS bands,
	   (length(svg) - length(replace(svg, '<pattern ', ''))) / 9 AS patterns,
	   svg LIKE '%fill="url(#jobreg-flow-13)"%' AS hatched_used
FROM svg;

-- odd labels and titles are escaped; NULL arguments
CREATE TEMP TABLE fs_odd AS
SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY[E'a\uFFFEb', E'c\x01d', 'Æblegrød & <ost> "x" ''y''', NULL],
				E'T\titel\nmed linjer', NULL, E'uger\x02', NULL) AS svg
FROM fs_flow;
SELECT xmlparse(document svg) IS NOT NULL AS parses FROM fs_odd;
SELECT t.text
FROM fs_odd,
	 XMLTABLE(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '//s:title | //s:text[@font-size="13"] | //s:tspan'
			  PASSING xmlparse(document svg) COLUMNS n FOR ORDINALITY, text text PATH '.') AS t
ORDER BY t.n;
SELECT flow_svg(NULL, ARRAY[1], ARRAY['a']) IS NULL AS null_flow,
	   flow_svg(f, NULL, ARRAY['a']) IS NULL AS null_codes,
	   flow_svg(f, ARRAY[1], NULL) IS NULL AS null_labels,
	   xml_is_well_formed_document(flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['a', 'b', 'c', 'd'], NULL, NULL, NULL, NULL, NULL, NULL)) AS null_parts
FROM fs_flow;
-- an empty flow (nobody covers the origin): axes and legend, no bands;
-- codes the flow never saw are allowed and have nothing to draw
SELECT xml_is_well_formed_document(svg) AS well_formed, svg NOT LIKE '%<path%' AS no_bands,
	   svg LIKE '%>0</text>%' AS nobody_observed
FROM (SELECT flow_svg(flow('2015-W05 1x3', '2015-W01', 8), ARRAY[1, 2], ARRAY['a', 'b']) AS svg) s;
-- persons censored: weeks after the last one observed are empty
SELECT max(week) AS last_week_drawn
FROM pg_temp.drawn(flow_svg((SELECT flow('2015-W01 1x3 2x3', '2015-W01', 12)), ARRAY[1, 2], ARRAY['a', 'b'], week_step => 1), 1);

-- errors
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT flow_svg(f, ARRAY[1, 2], ARRAY['a']) FROM fs_flow$$,
	$$SELECT flow_svg(f, ARRAY[[1, 2]], ARRAY[['a', 'b']]) FROM fs_flow$$,
	$$SELECT flow_svg(f, '{}', '{}') FROM fs_flow$$,
	$$SELECT flow_svg(f, (SELECT array_agg(c) FROM generate_series(0, 14) c), (SELECT array_agg(c::text) FROM generate_series(0, 14) c)) FROM fs_flow$$,
	$$SELECT flow_svg(f, ARRAY[1, 2, NULL, 0, 5], ARRAY['a', 'b', 'c', 'd', 'e']) FROM fs_flow$$,
	$$SELECT flow_svg(f, ARRAY[1, 2, 2, 0, 5], ARRAY['a', 'b', 'c', 'd', 'e']) FROM fs_flow$$,
	$$SELECT flow_svg(f, ARRAY[1, 2, 0], ARRAY['a', 'b', 'c']) FROM fs_flow$$,
	$$SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['a', 'b', 'c', 'd'], week_step => 0) FROM fs_flow$$,
	$$SELECT flow_svg(flow('2015-W01 1x10', '2015-W01', 520), ARRAY[1], ARRAY['a'], week_step => 2)$$,
	$$SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['a', 'b', 'c', 'd'], width => 199) FROM fs_flow$$,
	$$SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['a', 'b', 'c', 'd'], height => 4001) FROM fs_flow$$,
	$$SELECT flow_svg(f, ARRAY[1, 2, 5, 0], ARRAY['a', 'b', 'c', 'd'], title => repeat('lang titel ', 40), width => 200, height => 150) FROM fs_flow$$
]) AS q;
-- the detail of an unlisted code names the flow's codes
SELECT flow_svg(f, ARRAY[1, 2, 0], ARRAY['a', 'b', 'c']) FROM fs_flow;
-- the limit: at most 200 tick steps
SELECT length(flow_svg(flow('2015-W01 1x10', '2015-W01', 520), ARRAY[1], ARRAY['a'], week_step => 3)) > 0 AS steps_173,
	   pg_temp.err($$SELECT flow_svg(flow('2015-W01 1x10', '2015-W01', 400), ARRAY[1], ARRAY['a'], week_step => 1)$$) AS steps_400,
	   length(flow_svg(flow('2015-W01 1x10', '2015-W01', 200), ARRAY[1], ARRAY['a'], week_step => 1)) > 0 AS steps_200;

DROP TABLE fs_runs, fs_hist, fs_flow, fs_svg, fs_svg5, fs_big;
