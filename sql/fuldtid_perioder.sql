--
-- fuldtidspersoner_perioder: fuldtidspersoner over weeklines for several periods in one pass
-- (src/measures/fuldtid.c)
--
\i test/lib/errors.sql

-- by hand: element i is fuldtidspersoner over periods[i]
SELECT fuldtidspersoner_perioder(wl, '{10}', ARRAY[weekrange('2014-W01', '2015-W01'), quarter_weeks(2014, 1),
												   quarter_weeks(2014, 3)]) AS half_year_q1_q3
FROM (VALUES ('2014-W01 10x26 0x26'::weekline)) v(wl);
-- no rows, or only NULLs, give NULL; rows with a NULL are skipped
SELECT fuldtidspersoner_perioder(wl, '{10}', ARRAY[quarter_weeks(2014, 1)]) IS NULL AS no_rows
FROM (SELECT NULL::weekline WHERE false) v(wl);
SELECT fuldtidspersoner_perioder(wl, '{10}', ARRAY[quarter_weeks(2014, 1)]) AS nulls_skipped
FROM (VALUES (NULL::weekline), ('2014-W01 10x13'), ('empty')) v(wl);

-- errors
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT fuldtidspersoner_perioder('2014-W01 10x3'::weekline, '{10}', ARRAY['[2014-W01,)'::weekrange])$$,
	$$SELECT fuldtidspersoner_perioder('2014-W01 10x3'::weekline, '{10}', ARRAY['empty'::weekrange])$$,
	$$SELECT fuldtidspersoner_perioder('2014-W01 10x3'::weekline, '{10}', ARRAY[quarter_weeks(2014, 1), NULL])$$,
	$$SELECT fuldtidspersoner_perioder('2014-W01 10x3'::weekline, '{10}', '{}'::weekrange[])$$,
	$$SELECT fuldtidspersoner_perioder('2014-W01 10x3'::weekline, '{10,NULL}', ARRAY[quarter_weeks(2014, 1)])$$,
	$$SELECT fuldtidspersoner_perioder(wl, '{10}', p) FROM (VALUES ('2014-W01 10x3'::weekline, ARRAY[quarter_weeks(2014, 1)]),
		('2014-W01 10x3', ARRAY[quarter_weeks(2014, 1), quarter_weeks(2014, 2)])) v(wl, p)$$,
	$$SELECT fuldtid_periods_combine('{1,2}', '{1,2,3}')$$,
	$$SELECT fuldtid_periods_combine('{1,13,2,1}', '{1,13,2,1,13,3,1}')$$,
	$$SELECT fuldtid_periods_combine('{1,13,2,1}', '{1,14,2,1}')$$,
	$$SELECT fuldtidspersoner_perioder(wl, '{10}', p) FROM (VALUES ('2014-W01 10x3'::weekline, ARRAY[quarter_weeks(2014, 1)]),
		('2014-W01 10x3', ARRAY[quarter_weeks(2015, 4)])) v(wl, p)$$,
	$$SELECT fuldtid_periods_inv('{}', '2014-W01 10x3', '{10}', ARRAY[quarter_weeks(2014, 1)])$$,
	$$SELECT fuldtid_periods_inv('{1,13,2,1}', '2014-W01 10x3', '{10}', ARRAY[quarter_weeks(2014, 1)])$$
]) AS q;

-- random histories (fixed seed): every element equals fuldtidspersoner over that period,
-- bit for bit, per group, for the quarters of 2014-2016, one week and a long period
SELECT setseed(0.41);
CREATE TABLE fp_hist AS
SELECT p, p % 9 AS grp,
	   weekline_from_runs('2013-W40'::isoweek + p % 11, array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM (SELECT p, r, (ARRAY[0, 10, 11, 20])[1 + floor(random() * 4)::int] AS code,
			 1 + floor(random() * random() * 40)::int AS len
	  FROM generate_series(1, 4000) AS p, generate_series(1, 15) AS r) AS runs
GROUP BY p;
CREATE TABLE fp_period AS
SELECT row_number() OVER (ORDER BY lower(w), upper(w)) AS i, w
FROM (SELECT quarter_weeks(y, q) AS w FROM generate_series(2014, 2016) y, generate_series(1, 4) q
	  UNION ALL SELECT weekrange('2015-W01', '2015-W02')
	  UNION ALL SELECT weekrange('2013-W30', '2017-W10')) AS x;
CREATE TABLE fp_single AS
SELECT h.grp, p.i, fuldtidspersoner(h.w, '{10,11}', p.w) AS f
FROM fp_hist AS h, fp_period AS p GROUP BY h.grp, p.i;
CREATE TABLE fp_fused AS
SELECT grp, fuldtidspersoner_perioder(w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period)) AS f
FROM fp_hist GROUP BY grp;
SELECT count(*) AS cells, count(*) FILTER (WHERE s.f IS DISTINCT FROM u.f) AS differ,
	   count(*) FILTER (WHERE s.f::text IS DISTINCT FROM u.f::text) AS differ_as_text
FROM fp_single AS s
	 FULL JOIN (SELECT d.grp, e.i, e.v AS f FROM fp_fused AS d, unnest(d.f) WITH ORDINALITY AS e(v, i)) AS u USING (grp, i);
-- merge law: parts merged with the combine function equal the whole
CREATE AGGREGATE pg_temp.fp_merge(float8[]) (SFUNC = fuldtid_periods_combine, STYPE = float8[], INITCOND = '{}',
											 FINALFUNC = fuldtid_periods_final);
CREATE FUNCTION pg_temp.fp_state(h weekline, periods weekrange[]) RETURNS float8[] LANGUAGE sql AS
$$SELECT fuldtid_periods_trans('{}', h, '{10,11}', periods)$$;
SELECT (SELECT fuldtidspersoner_perioder(w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period)) FROM fp_hist)
	   = (SELECT pg_temp.fp_merge(s) FROM (SELECT pg_temp.fp_state(w, (SELECT array_agg(w ORDER BY i) FROM fp_period)) AS s
										   FROM fp_hist) AS x) AS merged_equals_whole;

-- forced parallel plan equals serial
CREATE TEMP TABLE fp_serial AS
SELECT fuldtidspersoner_perioder(w, '{10,11}', ARRAY[quarter_weeks(2015, 1), quarter_weeks(2015, 2)])::text AS f FROM fp_hist;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT fuldtidspersoner_perioder(w, '{10,11}', ARRAY[quarter_weeks(2015, 1), quarter_weeks(2015, 2)]) FROM fp_hist;
SELECT fuldtidspersoner_perioder(w, '{10,11}', ARRAY[quarter_weeks(2015, 1), quarter_weeks(2015, 2)])::text
	   = (SELECT f FROM fp_serial) AS parallel_equals_serial
FROM fp_hist;
RESET max_parallel_workers_per_gather;

-- persons behind each period (issue 19): histories with a week on the codes in it, by a plain-SQL oracle
SELECT fuldtidspersoner_perioder_personer(w, '{10,11}', ARRAY[quarter_weeks(2015, 1), quarter_weeks(2015, 2)])
	   = ARRAY[count(*) FILTER (WHERE weeks_in(w, '{10,11}', quarter_weeks(2015, 1)) > 0),
			   count(*) FILTER (WHERE weeks_in(w, '{10,11}', quarter_weeks(2015, 2)) > 0)] AS persons_as_oracle
FROM fp_hist;
SELECT fuldtidspersoner_perioder_personer(wl, '{10}', ARRAY[quarter_weeks(2014, 1)]) AS no_rows FROM (SELECT NULL::weekline WHERE false) v(wl);
-- under jobreg.min_cell a period resting on fewer persons is a NULL element; the others are as without it
CREATE TEMP TABLE fp_small (wl weekline);
INSERT INTO fp_small VALUES ('2014-W01 10x13'), ('2014-W01 10x13'), ('2014-W05 10x20'), ('2014-W14 0x13 10x20');
SELECT fuldtidspersoner_perioder(wl, '{10}', ARRAY[quarter_weeks(2014, 1), quarter_weeks(2014, 2), quarter_weeks(2014, 3)]) AS unset,
	   fuldtidspersoner_perioder_personer(wl, '{10}', ARRAY[quarter_weeks(2014, 1), quarter_weeks(2014, 2), quarter_weeks(2014, 3)]) AS persons
FROM fp_small;
SET jobreg.min_cell = 2;
SELECT fuldtidspersoner_perioder(wl, '{10}', ARRAY[quarter_weeks(2014, 1), quarter_weeks(2014, 2), quarter_weeks(2014, 3)]) AS min_cell_2
FROM fp_small;
SET jobreg.min_cell = 4;
SELECT fuldtidspersoner_perioder(wl, '{10}', ARRAY[quarter_weeks(2014, 1), quarter_weeks(2014, 2), quarter_weeks(2014, 3)]) AS min_cell_4
FROM fp_small;
RESET jobreg.min_cell;

-- moving-aggregate mode (issue 20): a window whose frame loses rows equals the plain aggregate over the frame, as text
CREATE TEMP TABLE fp_ordered AS SELECT row_number() OVER (ORDER BY grp, w::text) AS r, w FROM fp_hist;
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE m.f::text IS DISTINCT FROM (SELECT fuldtidspersoner_perioder(o.w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period))::text
														  FROM fp_ordered AS o WHERE o.r BETWEEN m.r - 40 AND m.r)) AS differ,
	   count(*) FILTER (WHERE m.p IS DISTINCT FROM (SELECT fuldtidspersoner_perioder_personer(o.w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period))
													FROM fp_ordered AS o WHERE o.r BETWEEN m.r - 40 AND m.r)) AS persons_differ
FROM (SELECT r, fuldtidspersoner_perioder(w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period))
				OVER (ORDER BY r ROWS BETWEEN 40 PRECEDING AND CURRENT ROW) AS f,
			 fuldtidspersoner_perioder_personer(w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period))
				OVER (ORDER BY r ROWS BETWEEN 40 PRECEDING AND CURRENT ROW) AS p
	  FROM fp_ordered) AS m;
-- the same under a threshold: frames lose and gain persons across it
SET jobreg.min_cell = 25;
SELECT count(*) AS rows, count(*) FILTER (WHERE m.f::text LIKE '%NULL%') AS with_withheld,
	   count(*) FILTER (WHERE m.f::text ~ '[0-9]') AS with_shown,
	   count(*) FILTER (WHERE m.f::text IS DISTINCT FROM (SELECT fuldtidspersoner_perioder(o.w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period))::text
														  FROM fp_ordered AS o WHERE o.r BETWEEN m.r - 40 AND m.r)) AS differ
FROM (SELECT r, fuldtidspersoner_perioder(w, '{10,11}', (SELECT array_agg(w ORDER BY i) FROM fp_period))
				OVER (ORDER BY r ROWS BETWEEN 40 PRECEDING AND CURRENT ROW) AS f
	  FROM fp_ordered) AS m;
RESET jobreg.min_cell;
DROP TABLE fp_hist, fp_period, fp_single, fp_fused;
