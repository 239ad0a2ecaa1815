--
-- flow_inverse: the inverse of merging flows, flow_subtract (operator -),
-- and the moving-aggregate mode of flow and flow_merge (window frames)
--
\i test/lib/errors.sql

-- 400 generated persons: runs of codes 0-3 around the origin 2015-W01,
-- some starting after it, some ending (censored) before the horizon, some NULL
CREATE TABLE fi_hist AS
SELECT i AS id, i % 4 AS grp,
	   CASE WHEN i % 37 = 0 THEN NULL
			ELSE weekline_from_runs('2014-W40'::isoweek + (i * 7) % 19,
									ARRAY[1 + i % 3, 0, 2 + i % 2, (i * 5) % 4, 1],
									ARRAY[3 + (i * 3) % 17, 1 + i % 6, 2 + (i * 11) % 23, 1 + i % 9, 1 + (i * 13) % 29])
	   END AS w
FROM generate_series(1, 400) AS i;

-- whole - part = rest, text identical, for several splits
SELECT k, (SELECT (flow(w, '2015-W01', 40) - flow(w, '2015-W01', 40) FILTER (WHERE id % k = 0))::text FROM fi_hist)
		  = (SELECT flow(w, '2015-W01', 40)::text FROM fi_hist WHERE id % k <> 0) AS whole_minus_part_is_rest
FROM unnest(ARRAY[2, 3, 7, 50, 399]) AS k;
SELECT ((SELECT flow(w, '2015-W01', 40) FROM fi_hist) - (SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE id <= 100)
		- (SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE id > 100 AND id <= 250))::text
	   = (SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE id > 250)::text AS in_steps;
-- the readers agree on the rest
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE a.persons = b.persons AND a.share IS NOT DISTINCT FROM b.share
							AND a.std_err IS NOT DISTINCT FROM b.std_err) AS same
FROM flow_table((SELECT flow(w, '2015-W01', 40) - flow(w, '2015-W01', 40) FILTER (WHERE grp = 1) FROM fi_hist)) AS a
	 JOIN flow_table((SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE grp <> 1)) AS b USING (week, code);
-- subtracting the whole gives the flow of nobody; a flow minus the empty flow is itself
SELECT f - f AS nothing_left, (f - 'v1;origin=2015-W01;horizon=40')::text = f::text AS minus_empty
FROM (SELECT flow(w, '2015-W01', 40) AS f FROM fi_hist) AS s;
SELECT flow_subtract(NULL, 'v1;origin=2015-W01;horizon=1') IS NULL AS strict;
-- an update of persons: their old weeks out, their new weeks in, equals the rebuild
SELECT flow_merge(f)::text = (SELECT flow(CASE WHEN grp = 2 THEN weekline_recode(w, ARRAY[3], ARRAY[1]) ELSE w END, '2015-W01', 40)::text
							  FROM fi_hist) AS updated_equals_rebuild
FROM (SELECT (SELECT flow(w, '2015-W01', 40) FROM fi_hist) - (SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE grp = 2) AS f
	  UNION ALL
	  SELECT flow(weekline_recode(w, ARRAY[3], ARRAY[1]), '2015-W01', 40) FROM fi_hist WHERE grp = 2) AS parts;

-- errors: a flow that is not part of the other, other origins or horizons (22023)
SELECT pg_temp.err_detail($$SELECT (SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE id <= 100) - (SELECT flow(w, '2015-W01', 40) FROM fi_hist)$$) AS not_a_part;
SELECT pg_temp.err_detail($$SELECT (SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE id <= 100) - (SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE id BETWEEN 50 AND 150)$$) AS overlapping;
SELECT pg_temp.err($$SELECT 'v1;origin=2015-W01;horizon=2;0,0,1>1:1'::flow - 'v1;origin=2015-W01;horizon=2;0,0,2>2:1'::flow$$) AS other_persons;
SELECT pg_temp.err($$SELECT (SELECT flow(w, '2015-W01', 40) FROM fi_hist) - (SELECT flow(w, '2015-W02', 40) FROM fi_hist)$$) AS other_origin,
	   pg_temp.err($$SELECT (SELECT flow(w, '2015-W01', 40) FROM fi_hist) - (SELECT flow(w, '2015-W01', 39) FROM fi_hist)$$) AS other_horizon;

-- moving-aggregate mode: every window frame equals the flow recomputed over its rows
CREATE FUNCTION pg_temp.frame_flow(lo int, hi int, g int) RETURNS flow LANGUAGE sql AS $$
	SELECT flow(w, '2015-W01', 40) FROM fi_hist WHERE id BETWEEN lo AND hi AND (g IS NULL OR grp = g)
$$;
SELECT count(*) AS frames, count(*) FILTER (WHERE f IS NOT DISTINCT FROM r) AS same_value,
	   count(*) FILTER (WHERE f::text IS NOT DISTINCT FROM r::text) AS same_text, count(*) FILTER (WHERE f IS NULL) AS null_frames
FROM (SELECT flow(w, '2015-W01', 40) OVER (ORDER BY id ROWS BETWEEN 30 PRECEDING AND CURRENT ROW)::text AS f,
			 pg_temp.frame_flow(id - 30, id, NULL)::text AS r
	  FROM fi_hist) AS s;
-- frames that run empty at the end give NULL, as the plain aggregate over no rows
SELECT count(*) AS frames, count(*) FILTER (WHERE f IS NOT DISTINCT FROM r) AS same, count(*) FILTER (WHERE f IS NULL) AS null_frames
FROM (SELECT flow(w, '2015-W01', 40) OVER (ORDER BY id ROWS BETWEEN 3 FOLLOWING AND 12 FOLLOWING)::text AS f,
			 pg_temp.frame_flow(id + 3, id + 12, NULL)::text AS r
	  FROM fi_hist) AS s;
-- partitions, a RANGE frame
SELECT count(*) AS frames, count(*) FILTER (WHERE f IS NOT DISTINCT FROM r) AS same
FROM (SELECT flow(w, '2015-W01', 40) OVER (PARTITION BY grp ORDER BY id RANGE BETWEEN 40 PRECEDING AND 8 FOLLOWING)::text AS f,
			 pg_temp.frame_flow(id - 40, id + 8, grp)::text AS r
	  FROM fi_hist) AS s;
-- a frame of rows that contribute nothing (a history starting after the origin) gives the
-- empty flow; a frame of NULL histories only gives NULL, as the plain aggregate does
SELECT i, flow(w, '2015-W01', 2) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS f
FROM (VALUES (1, '2015-W03 1x3'::weekline), (2, NULL), (3, '2014-W52 2x3')) AS v(i, w);
-- a frame that empties may start again with another origin
SELECT o, flow(w, o, 2) OVER (ORDER BY o ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS f
FROM (VALUES ('2015-W01 1x3'::weekline, '2015-W01'::isoweek), ('2015-W01 1x3', '2015-W02')) AS v(w, o);
-- flow_merge in moving mode: rolling sums of stored weekly-cohort states
CREATE TABLE fi_cohorts AS
SELECT grp, flow(w, '2015-W01', 40) AS f FROM fi_hist GROUP BY grp;
SELECT grp, flow_merge(f) OVER (ORDER BY grp ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)::text
			= (SELECT flow(w, '2015-W01', 40)::text FROM fi_hist AS h WHERE h.grp BETWEEN c.grp - 1 AND c.grp) AS same
FROM fi_cohorts AS c ORDER BY grp;
-- moving-mode support functions only work inside aggregates
SELECT pg_temp.err($$SELECT flow_msfunc(NULL, 'empty', '2015-W01', 1)$$) AS msfunc,
	   pg_temp.err($$SELECT flow_minvfunc(NULL, 'empty', '2015-W01', 1)$$) AS minvfunc,
	   pg_temp.err($$SELECT flow_msfunc(NULL::flow, NULL::flow)$$) AS mcombine,
	   pg_temp.err($$SELECT flow_minvfunc(NULL::flow, NULL::flow)$$) AS minvcombine;
