--
-- fuldtidspersoner over weeklines, and survival of spells read from weeklines
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- the definitions: 26 of 52 weeks is 0.5; a whole quarter is 1; a fixed denominator is explicit
SELECT fuldtidspersoner(wl, '{10}', weekrange('2014-W01', '2015-W01')) AS half_a_year,
	   fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1)) AS whole_quarter,
	   fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1), 13) AS whole_quarter_of_13
FROM (VALUES ('2014-W01 10x26 0x26'::weekline)) v(wl);
-- 2015 Q4 has 14 ISO weeks: a person on the benefit throughout is 1 by actual weeks, 14/13 by Jobindsats' fixed 13
SELECT upper(quarter_weeks(2015, 4)) - lower(quarter_weeks(2015, 4)) AS weeks,
	   fuldtidspersoner(wl, '{10}', quarter_weeks(2015, 4)) AS actual,
	   fuldtidspersoner(wl, '{10}', quarter_weeks(2015, 4), 13) AS fixed_13
FROM (VALUES ('2015-W30 10x40'::weekline)) v(wl);

SELECT pg_temp.err($$SELECT fuldtidspersoner('2014-W01 10x3'::weekline, '{10}', '[2014-W01,)'::weekrange)$$) AS open_period,
	   pg_temp.err($$SELECT fuldtidspersoner('2014-W01 10x3'::weekline, '{10}', 'empty'::weekrange)$$) AS empty_period,
	   pg_temp.err($$SELECT fuldtidspersoner('2014-W01 10x3'::weekline, '{10}', quarter_weeks(2014, 1), 0)$$) AS zero_weeks,
	   pg_temp.err($$SELECT fuldtidspersoner('2014-W01 10x3'::weekline, '{10}', quarter_weeks(2014, 1), 'NaN')$$) AS nan_weeks;
SELECT fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1)) AS empty_is_null FROM (SELECT NULL::weekline WHERE false) v(wl);
SELECT fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1)) AS nulls_skipped
FROM (VALUES (NULL::weekline), ('2014-W01 10x13')) v(wl);

-- 3,000 random histories against a long table, per quarter of 2014-2016
SELECT setseed(0.31);
CREATE TABLE fw_runs AS
SELECT p, r, (ARRAY[0, 10, 11, 20])[1 + floor(random() * 4)::int] AS code, 1 + floor(random() * random() * 40)::int AS len
FROM generate_series(1, 3000) p, generate_series(1, 15) r;
CREATE TABLE fw_long AS
SELECT p, '2013-W40'::isoweek + (off - len)::int + i AS week, code
FROM (SELECT p, code, len, sum(len) OVER (PARTITION BY p ORDER BY r) AS off FROM fw_runs) x, generate_series(0, len - 1) i;
CREATE TABLE fw AS SELECT p, p % 5 AS grp, weekline_agg(week, code) AS wl FROM fw_long GROUP BY p;
CREATE TABLE fw_q AS SELECT y, q, quarter_weeks(y, q) AS weeks FROM generate_series(2014, 2016) y, generate_series(1, 4) q;

SELECT count(*) AS cells,
	   count(*) FILTER (WHERE NOT pg_temp.near(jobreg, oracle, 0, 1e-9)) AS mismatch,
	   round(sum(jobreg)::numeric, 6) = round(sum(oracle)::numeric, 6) AS same_total
FROM (SELECT q.y, q.q, f.grp, fuldtidspersoner(f.wl, '{10,11}', q.weeks) AS jobreg
	  FROM fw f CROSS JOIN fw_q q GROUP BY q.y, q.q, f.grp) j
JOIN (SELECT q.y, q.q, g.grp,
			 coalesce(n.weeks, 0)::float8 / (upper(q.weeks) - lower(q.weeks)) AS oracle
	  FROM (SELECT DISTINCT grp FROM fw) g CROSS JOIN fw_q q
	  LEFT JOIN (SELECT q.y, q.q, f.grp, count(*) AS weeks
				 FROM fw_long l JOIN fw f USING (p) JOIN fw_q q ON l.week <@ q.weeks
				 WHERE l.code IN (10, 11) GROUP BY q.y, q.q, f.grp) n USING (y, q, grp)) o USING (y, q, grp);

-- forced parallel plans give the serial results
ANALYZE fw;
CREATE TABLE fw_serial AS SELECT grp, fuldtidspersoner(wl, '{10,11}', quarter_weeks(2015, 2)) AS f FROM fw GROUP BY grp;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT grp, fuldtidspersoner(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw GROUP BY grp;
SELECT count(*) AS groups, count(*) FILTER (WHERE NOT pg_temp.near(p.f, s.f, 0, 1e-12)) AS differ
FROM (SELECT grp, fuldtidspersoner(wl, '{10,11}', quarter_weeks(2015, 2)) AS f FROM fw GROUP BY grp) p JOIN fw_serial s USING (grp);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- survival of spells read from weeklines equals survival of the same spells found by gaps-and-islands SQL
CREATE TABLE fw_spells_sql AS
WITH on_weeks AS (SELECT p, week FROM fw_long WHERE code IN (10, 11)),
	 starts AS (SELECT p, week, CASE WHEN week - lag(week) OVER w > 5 + 1 OR lag(week) OVER w IS NULL THEN 1 ELSE 0 END AS s
				FROM on_weeks WINDOW w AS (PARTITION BY p ORDER BY week)),
	 islands AS (SELECT p, week, sum(s) OVER (PARTITION BY p ORDER BY week) AS id FROM starts)
SELECT p, min(week) AS first, max(week) AS last, count(*) AS weeks FROM islands GROUP BY p, id;
SELECT (SELECT survival(s.weeks, NOT s.right_censored) FROM fw, spells(wl, '{10,11}', 5) s WHERE NOT s.left_censored)::text
	 = (SELECT survival(o.weeks, o.last < e.last_week) FROM fw_spells_sql o
		JOIN (SELECT p, max(week) AS last_week, min(week) AS first_week FROM fw_long GROUP BY p) e USING (p)
		WHERE o.first > e.first_week)::text AS same_survival;
SELECT time, n_risk, n_event, round(surv::numeric, 4) AS surv
FROM surv_table((SELECT survival(s.weeks, NOT s.right_censored) FROM fw, spells(wl, '{10,11}', 5) s WHERE NOT s.left_censored))
WHERE time IN (4, 13, 26, 52);

-- persons behind the figure (issue 19): histories with at least one week on the codes in the period
SELECT fuldtidspersoner_personer(wl, '{10}', quarter_weeks(2014, 1)) AS persons,
	   fuldtidspersoner_personer(wl, '{10}', quarter_weeks(2014, 1), 13) AS persons_13,
	   fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1)) AS fte
FROM (VALUES ('2014-W01 10x3'::weekline), ('2014-W01 10x13'), ('2014-W20 10x3'), ('2014-W01 0x13 10x2'), (NULL)) v(wl);
SELECT fuldtidspersoner_personer(wl, '{10}', quarter_weeks(2014, 1)) AS no_rows FROM (SELECT NULL::weekline WHERE false) v(wl);
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE jobreg IS DISTINCT FROM oracle) AS mismatch
FROM (SELECT q.y, q.q, f.grp, fuldtidspersoner_personer(f.wl, '{10,11}', q.weeks) AS jobreg,
			 count(*) FILTER (WHERE weeks_in(f.wl, '{10,11}', q.weeks) > 0) AS oracle
	  FROM fw f CROSS JOIN fw_q q GROUP BY q.y, q.q, f.grp) x;

-- jobreg.min_cell: a figure resting on fewer persons is NULL (2 persons here); the daterange form sums spells
-- and withholds nothing (doc/disclosure.md)
CREATE TEMP TABLE fw_small (wl weekline);
INSERT INTO fw_small VALUES ('2014-W01 10x3'), ('2014-W01 10x13'), ('2014-W20 10x3'), ('2014-W01 0x13 10x2');
SET jobreg.min_cell = 2;
SELECT fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1)) AS min_cell_2,
	   fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1), 13) AS min_cell_2_fixed
FROM fw_small;
SET jobreg.min_cell = 3;
SELECT fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1)) AS min_cell_3,
	   fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1), 13) AS min_cell_3_fixed,
	   fuldtidspersoner_personer(wl, '{10}', quarter_weeks(2014, 1)) AS persons_still_shown
FROM fw_small;
SELECT fuldtidspersoner(d, daterange('2014-01-01', '2014-04-01')) AS spells_not_withheld
FROM (VALUES (daterange('2014-01-01', '2014-02-01'))) v(d);
-- rows without a week in the period are not persons: 100 of them do not lift one person over the threshold
SELECT fuldtidspersoner(wl, '{10}', quarter_weeks(2014, 1)) AS padded
FROM (SELECT '2014-W01 10x3'::weekline UNION ALL SELECT '2014-W01 0x13'::weekline FROM generate_series(1, 100)) v(wl);
RESET jobreg.min_cell;

-- the sum does not depend on the order of the rows, nor on how they are split (whole weeks, divided at the end)
SELECT (SELECT fuldtidspersoner(wl, '{10,11}', weeks ORDER BY p) FROM fw, fw_q WHERE y = 2015 AND q = 2)::text
	   = (SELECT fuldtidspersoner(wl, '{10,11}', weeks ORDER BY p DESC) FROM fw, fw_q WHERE y = 2015 AND q = 2)::text AS order_free,
	   (SELECT fuldtidspersoner(wl, '{10,11}', weeks, 13 ORDER BY p) FROM fw, fw_q WHERE y = 2015 AND q = 2)::text
	   = (SELECT fuldtidspersoner(wl, '{10,11}', weeks, 13 ORDER BY md5(p::text)) FROM fw, fw_q WHERE y = 2015 AND q = 2)::text AS order_free_13;
-- rows with different periods (and so denominators) in one aggregate: the sum of each row's ratio
SELECT pg_temp.near(fuldtidspersoner(wl, '{10,11}', weeks), sum(weeks_in(wl, '{10,11}', weeks)::float8 / (upper(weeks) - lower(weeks))), 0, 1e-12) AS mixed_periods
FROM fw, fw_q WHERE y = 2015;
-- merge law: partial states merged with the combine function equal the whole, as text
CREATE AGGREGATE pg_temp.fw_merge(float8[]) (SFUNC = fuldtid_weeks_combine, STYPE = float8[], INITCOND = '{0,0,0}',
											 FINALFUNC = fuldtid_weeks_final);
SELECT (SELECT fuldtidspersoner(wl, '{10,11}', weeks) FROM fw, fw_q)::text
	   = (SELECT pg_temp.fw_merge(s)::text
		  FROM (SELECT fuldtid_weeks_trans('{0,0,0}', wl, '{10,11}', weeks) AS s FROM fw, fw_q) AS x) AS merged_equals_whole;
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT fuldtid_weeks_final('{1,1}')$$,
	$$SELECT fuldtid_weeks_final('{1,1,2,13,4}')$$,
	$$SELECT fuldtid_weeks_final('{1,2,0}')$$,
	$$SELECT fuldtid_weeks_inv('{0,0,0}', '2014-W01 10x3', '{10}', quarter_weeks(2014, 1))$$,
	$$SELECT fuldtid_weeks_inv('{1,1,1,13,2}', '2014-W01 10x3', '{10}', quarter_weeks(2014, 1))$$
]) AS q;

-- moving-aggregate mode (issue 20): rows leave the frame; each row equals the plain aggregate over its frame, as text
CREATE TEMP TABLE fw_w AS
SELECT row_number() OVER (ORDER BY f.p, q.y, q.q) AS r, f.wl, q.weeks FROM fw f, fw_q q WHERE f.p <= 400;
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE m.f::text IS DISTINCT FROM (SELECT fuldtidspersoner(o.wl, '{10,11}', o.weeks)::text
														  FROM fw_w o WHERE o.r BETWEEN m.r - 30 AND m.r)) AS differ,
	   count(*) FILTER (WHERE m.f13::text IS DISTINCT FROM (SELECT fuldtidspersoner(o.wl, '{10,11}', o.weeks, 13)::text
															FROM fw_w o WHERE o.r BETWEEN m.r - 30 AND m.r)) AS differ_13,
	   count(*) FILTER (WHERE m.p IS DISTINCT FROM (SELECT fuldtidspersoner_personer(o.wl, '{10,11}', o.weeks)
													FROM fw_w o WHERE o.r BETWEEN m.r - 30 AND m.r)) AS persons_differ
FROM (SELECT r, fuldtidspersoner(wl, '{10,11}', weeks) OVER w AS f,
			 fuldtidspersoner(wl, '{10,11}', weeks, 13) OVER w AS f13,
			 fuldtidspersoner_personer(wl, '{10,11}', weeks) OVER w AS p
	  FROM fw_w WINDOW w AS (ORDER BY r ROWS BETWEEN 30 PRECEDING AND CURRENT ROW)) AS m;
-- under a threshold the frames cross it
SET jobreg.min_cell = 20;
SELECT count(*) AS rows, count(*) FILTER (WHERE m.f IS NULL) AS withheld,
	   count(*) FILTER (WHERE m.f::text IS DISTINCT FROM (SELECT fuldtidspersoner(o.wl, '{10,11}', o.weeks)::text
														  FROM fw_w o WHERE o.r BETWEEN m.r - 30 AND m.r)) AS differ
FROM (SELECT r, fuldtidspersoner(wl, '{10,11}', weeks) OVER (ORDER BY r ROWS BETWEEN 30 PRECEDING AND CURRENT ROW) AS f
	  FROM fw_w) AS m;
RESET jobreg.min_cell;

-- a 0.1.0 catalog with this library (before ALTER EXTENSION jobreg UPDATE): the weekline forms named
-- fuldtid_combine and fuldtid_final, which take their states too, also in a parallel plan
CREATE AGGREGATE pg_temp.fuld_010(weekline, int4[], weekrange) (SFUNC = fuldtid_weeks_trans, STYPE = float8[],
	INITCOND = '{0,0,0}', COMBINEFUNC = fuldtid_combine, FINALFUNC = fuldtid_final, PARALLEL = SAFE);
SELECT (SELECT pg_temp.fuld_010(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw)::text
	   = (SELECT fuldtidspersoner(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw)::text AS same_010,
	   (SELECT pg_temp.fuld_010(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw WHERE false) IS NULL AS empty_010;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT pg_temp.fuld_010(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw;
SELECT (SELECT pg_temp.fuld_010(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw)::text
	   = (SELECT fuldtidspersoner(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw)::text AS parallel_same_010,
	   (SELECT pg_temp.fuld_010(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw WHERE p = 5)::text
	   = (SELECT fuldtidspersoner(wl, '{10,11}', quarter_weeks(2015, 2)) FROM fw WHERE p = 5)::text AS parallel_one_row_010;
RESET ALL;
